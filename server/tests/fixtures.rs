//! Data-driven rule tests: every `fixtures/<format>/*.md` file is analysed as that format and
//! its diagnostics, drawn under the lines they point at, are compared with the `.snap` file
//! beside it. `UPDATE_EXPECT=1 cargo test -p agentls --test fixtures` rewrites the snapshots.

use agentls::analysis::diagnostics::diagnostics_for;
use agentls::document::{Document, line_col_chars};
use agentls::formats;
use std::path::Path;

fn render(doc: &Document, format: &formats::Format, targets: Option<&[String]>) -> String {
    let diags = diagnostics_for(doc, format, targets);
    let rope = doc.rope();
    let mut out = String::new();
    for d in &diags {
        let (l1, c1) = line_col_chars(rope, d.range.start);
        let (l2, c2) = line_col_chars(rope, d.range.end);
        out.push_str(&format!(
            "{}:{}-{}:{} {}[{}] {}\n",
            l1 + 1,
            c1 + 1,
            l2 + 1,
            c2 + 1,
            d.severity.as_str(),
            d.code,
            d.message
        ));
        let line = rope.line(l1).to_string();
        let line = line.trim_end_matches(['\n', '\r']);
        let width = if l1 == l2 {
            (c2 - c1).max(1)
        } else {
            line.chars().count().saturating_sub(c1).max(1)
        };
        out.push_str(&format!(
            "    | {line}\n    | {}{}\n",
            " ".repeat(c1),
            "^".repeat(width)
        ));
        for (r, msg) in &d.related {
            let (rl, rc) = line_col_chars(rope, r.start);
            out.push_str(&format!("    = {}:{}: {msg}\n", rl + 1, rc + 1));
        }
    }
    if diags.is_empty() {
        out.push_str("(no diagnostics)\n");
    }
    out
}

#[test]
fn fixtures_match_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for format_dir in std::fs::read_dir(&root).unwrap().flatten() {
        // The folder names the format: `fixtures/skill/*.md` are read as Agent Skills.
        let id = format_dir.file_name().to_string_lossy().into_owned();
        let format = formats::by_id(&id).unwrap_or_else(|| panic!("fixtures/{id}: no such format"));
        let mut files: Vec<_> = std::fs::read_dir(format_dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
            let text = std::fs::read_to_string(&path).unwrap();
            // Analyse as if it lived where files of its format live in a project (a skill in
            // its own folder named after the fixture).
            let stem = path.file_stem().unwrap().to_string_lossy();
            // `<stem>.toml` beside a fixture may set where it lives (`path`) and the tools it
            // is for (`targets`, as in `agentls.toml`).
            let setup: toml::Table = std::fs::read_to_string(path.with_extension("toml"))
                .map(|t| toml::from_str(&t).unwrap())
                .unwrap_or_default();
            let virtual_path = setup
                .get("path")
                .and_then(|p| p.as_str())
                .map(String::from)
                .unwrap_or_else(|| formats::example_path(format, &stem));
            let targets: Option<Vec<String>> = setup
                .get("targets")
                .and_then(|t| t.as_array())
                .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect());
            let doc = Document::new(&text, Some(virtual_path.into()));
            let snap = path.with_extension("snap");
            expect_test::expect_file![snap].assert_eq(&render(&doc, format, targets.as_deref()));
            seen += 1;
        }
    }
    assert!(seen >= 10, "fixtures not found under {}", root.display());
}
