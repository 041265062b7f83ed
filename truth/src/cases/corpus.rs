//! Cases from the third-party corpus (`../shared/corpus`, when it is beside the repository):
//! each file, byte for byte, placed where its tool loads it. The corpus is read, never changed.

use super::{Case, Origin, project_path, shared_dir};
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

/// The format a corpus file is filed under (MANIFEST.tsv), from its place in the collection.
pub fn format_of(rel: &str) -> &'static str {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    if file == "SKILL.md" {
        "skill"
    } else if file.ends_with(".agent.md") {
        "copilot-agent"
    } else if file.ends_with(".chatmode.md") {
        "copilot-chatmode"
    } else if file.ends_with(".prompt.md") {
        "copilot-prompt"
    } else if file.ends_with(".instructions.md") {
        "copilot-instructions"
    } else if rel.contains("/commands/") || rel.starts_with("wshobson__commands/") {
        "claude-command"
    } else {
        "claude-agent"
    }
}

/// Every spec file of the corpus (license files left out), sorted by path.
pub fn all() -> Vec<Case> {
    let Some(shared) = shared_dir() else { return Vec::new() };
    let root = shared.join("corpus");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Ok(rel) = path.strip_prefix(&root) else { continue };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let file = rel.rsplit('/').next().unwrap_or_default();
        if file.starts_with("LICENSE") || file == "README.md" {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let format = format_of(&rel);
        // A skill is named by its folder; everything else keeps its file name.
        let stem = if format == "skill" {
            rel.rsplit('/').nth(1).unwrap_or("skill").to_string()
        } else {
            file.trim_end_matches(".md")
                .trim_end_matches(".agent")
                .trim_end_matches(".chatmode")
                .trim_end_matches(".prompt")
                .trim_end_matches(".instructions")
                .to_string()
        };
        out.push(Case {
            id: format!("corpus/{rel}"),
            format: format.to_string(),
            path: project_path(format, &stem),
            bytes,
            origin: Origin::Theirs,
            extra: Vec::new(),
            args: None,
        });
    }
    out
}
