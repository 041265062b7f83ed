//! Cases from agentls's own tests and docs: the rule fixtures (`server/tests/fixtures/<format>/`)
//! and the example and fixed file of every rule page (`agentls::analysis::rule_docs`).

use super::{Case, project_path, repo_root};
use agentls::analysis::rule_docs::RULE_DOCS;

/// The rule fixtures, each at the place its format lives in a project.
pub fn rule_fixtures() -> Vec<Case> {
    let root = repo_root().join("server/tests/fixtures");
    let mut out = Vec::new();
    let Ok(formats) = std::fs::read_dir(&root) else {
        return out;
    };
    let mut formats: Vec<_> = formats.flatten().map(|e| e.path()).collect();
    formats.sort();
    for dir in formats {
        let format = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for file in files {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            let Ok(bytes) = std::fs::read(&file) else { continue };
            let mut case = Case::ours(
                format!("fixture/{format}/{stem}"),
                &format,
                project_path(&format, &stem),
                String::new(),
            );
            case.bytes = bytes;
            out.push(case);
        }
    }
    out
}

/// Splits a rule example into files: a `//- /project/PATH` line starts a file; without one, the
/// whole text is a Claude Code subagent.
fn example_files(text: &str) -> Vec<(Option<String>, String)> {
    if !text.starts_with("//- ") {
        return vec![(None, text.to_string())];
    }
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix("//- ") {
            let path = path.trim().trim_start_matches("/project/").trim_start_matches('/');
            out.push((Some(path.to_string()), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
        }
    }
    out
}

/// The format a path of a rule example is, by where it lives.
fn format_at(path: &str) -> &'static str {
    agentls::formats::detect(Some(std::path::Path::new(path)), &[]).map_or("markdown", |d| d.format.id)
}

/// The example and the fixed file of every rule page.
pub fn rule_examples() -> Vec<Case> {
    let mut out = Vec::new();
    for doc in RULE_DOCS {
        let code = doc.code.trim_start_matches('/');
        for (which, text) in [("example", doc.example), ("fixed", doc.fixed)] {
            let files = example_files(text);
            let Some((first_path, first_text)) = files.first() else {
                continue;
            };
            let (format, path) = match first_path {
                Some(p) => (format_at(p).to_string(), p.clone()),
                None => ("claude-agent".to_string(), project_path("claude-agent", "example")),
            };
            let mut case = Case::ours(format!("docs/{code}/{which}"), &format, path, first_text.clone());
            case.extra = files[1..]
                .iter()
                .filter_map(|(p, t)| Some((p.clone()?, t.clone())))
                .collect();
            out.push(case);
        }
    }
    out
}

pub fn all() -> Vec<Case> {
    let mut out = rule_fixtures();
    out.extend(rule_examples());
    out
}
