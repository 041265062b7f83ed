//! Every rule has a page in `docs/rules/` generated from `analysis::rule_docs`, and every page's
//! example produces its rule while the fixed version does not.
//! `UPDATE_EXPECT=1 cargo test -p agentls --test rule_docs` regenerates the pages.

use agentls::analysis::diagnostics::{self, rules};
use agentls::analysis::rule_docs;
use agentls::document::Document;
use std::path::{Path, PathBuf};

fn codes_in(text: &str) -> Vec<String> {
    // Examples are read as they would be in a project's `.claude/agents/example.md`; a
    // multi-file example (`//- /path` headers) is its first file, with the others beside it.
    let files = agentls::workspace::fixture::parse(text, "project/.claude/agents/example.md");
    let (path, first) = &files[0];
    let doc = Document::new(first, Some(PathBuf::from(path)));
    let mut codes: Vec<String> = diagnostics::diagnostics(&doc).into_iter().map(|d| d.code).collect();
    let index = agentls::workspace::index::Index::from_files(files.iter().map(|(p, t)| (p.clone(), t.as_str())));
    codes.extend(
        agentls::workspace::cross_file::check(&index, path)
            .into_iter()
            .map(|d| d.diagnostic.code),
    );
    codes
}

#[test]
fn every_rule_has_a_page_whose_example_triggers_it() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules");
    let mut missing = Vec::new();
    for (code, ..) in rules::all_codes() {
        let Some(page) = rule_docs::page(&code) else {
            missing.push(code);
            continue;
        };
        let path = docs.join(format!("{code}.md"));
        // Lets `UPDATE_EXPECT=1` write the page of a new code group.
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        expect_test::expect_file![path].assert_eq(&page);
        let doc = rule_docs::lookup(&code).unwrap();
        // A doc shared by several formats shows a Claude Code subagent: its example is run for
        // that format; a format's own doc names its file with a `//- /path` header. A skill
        // body over 500 lines and a Windsurf rule over 12,000 characters are described, not
        // shown (tests/windsurf_kiro.rs has them).
        let example_format = agentls::workspace::fixture::parse(doc.example, "project/.claude/agents/example.md")[0]
            .0
            .clone();
        let example_format = agentls::formats::detect(Some(&example_format), &[]).map(|d| d.format.id);
        // `/x` is every format's doc, `copilot/x` every Copilot format's.
        let is_per_format = doc.code.starts_with('/') || doc.code != code;
        // `file/` and `config/` findings come from `agentls check` reading the files, not from
        // a document's analysis: tests/tests/cli.rs produces them.
        if (is_per_format && example_format.is_some_and(|f| !code.starts_with(&format!("{f}/"))))
            || code.ends_with("/long-body")
            || code.ends_with("/truncated")
            || code.starts_with("file/")
            || code.starts_with("config/")
        {
            continue;
        }
        assert!(
            codes_in(doc.example).contains(&code),
            "the example of {code} does not produce it: {:?}",
            codes_in(doc.example)
        );
        assert!(
            !codes_in(doc.fixed).contains(&code),
            "the fixed example of {code} still produces it"
        );
    }
    assert!(
        missing.is_empty(),
        "rules without a doc in server/src/analysis/rule_docs.rs: {missing:?}"
    );
}

#[test]
fn no_stale_pages() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules");
    let codes: Vec<String> = rules::all_codes().into_iter().map(|(c, ..)| c).collect();
    let mut stale = Vec::new();
    for group in std::fs::read_dir(&docs).into_iter().flatten().flatten() {
        for page in std::fs::read_dir(group.path()).into_iter().flatten().flatten() {
            let rel = format!(
                "{}/{}",
                group.file_name().to_string_lossy(),
                page.file_name().to_string_lossy()
            );
            if !codes.iter().any(|c| format!("{c}.md") == rel) {
                stale.push(rel);
            }
        }
    }
    assert!(stale.is_empty(), "pages for rules that no longer exist: {stale:?}");
}
