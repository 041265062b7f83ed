//! Headings as link targets and the links of a body: GitHub heading slugs, Markdown links
//! with their byte ranges, and the `link/missing-file` / `link/missing-anchor` diagnostics.
//!
//! The body is read by [`crate::syntax::scan`] (pulldown-cmark; headings, inline and reference
//! links, code blocks kept opaque), incrementally for open documents. The same scan serves open
//! documents and the workspace index, so a heading's slug is computed one way everywhere.
//! Whether a linked file exists is asked through [`LinkTargets`]: this module does no I/O.

use super::diagnostics::{Diagnostic, rules};
use crate::document::{Document, TextRange};
use crate::formats::Format;
pub use crate::syntax::scan::{BodyScan, Heading, Link, LinkKind, Scan, at_refs, file_refs, scan, scan_body, slug};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The body's scan plus the `@path` and `#file:` references of a format that reads them,
/// resolved the way the tool does: memory files and rules import relative to their own folder;
/// a command includes relative to the project root (the folder holding `.claude`), and is
/// skipped when that root is not on the path (a plugin or a collection); a Copilot `#file:`
/// is relative to the file's own folder (see `formats::copilot`).
pub fn with_imports(body: &BodyScan, path: Option<&Path>, format: Option<&Format>) -> Arc<Scan> {
    let Some(format) = format else {
        return body.scan.clone();
    };
    let syntax = format.body_syntax;
    let import_prefix = (syntax.at_paths && !body.at_refs.is_empty())
        .then(|| import_prefix(path, format))
        .flatten();
    let file_refs = syntax.file_refs && !body.file_refs.is_empty();
    // Kiro resolves `#[[file:…]]` from the workspace root; a user-level file has none.
    let include_prefix = syntax
        .bracketed_file_refs
        .filter(|_| !body.bracketed_refs.is_empty())
        .and_then(|marker| root_prefix(path?, marker));
    if import_prefix.is_none() && !file_refs && include_prefix.is_none() {
        return body.scan.clone();
    }
    let mut scan = (*body.scan).clone();
    if let Some(prefix) = import_prefix {
        for (range, p) in &body.at_refs {
            scan.links.push(Link {
                dest_range: range.start + 1..range.end,
                range: range.clone(),
                path: Some(format!("{prefix}{p}")),
                fragment: None,
                kind: LinkKind::Import,
            });
        }
    }
    if file_refs {
        for (range, p) in &body.file_refs {
            scan.links.push(Link {
                dest_range: range.end - p.len()..range.end,
                range: range.clone(),
                path: Some(p.clone()),
                fragment: None,
                kind: LinkKind::FileRef,
            });
        }
    }
    if let Some(prefix) = include_prefix {
        for (range, p) in &body.bracketed_refs {
            scan.links.push(Link {
                // The path inside the brackets, as written.
                dest_range: range.start + 8..range.end - 2,
                range: range.clone(),
                path: Some(format!("{prefix}{p}")),
                fragment: None,
                kind: LinkKind::Include,
            });
        }
    }
    scan.links.sort_by_key(|l| l.range.start);
    Arc::new(scan)
}

/// The way up from a file's folder to the folder holding the nearest `marker` folder above it
/// (`.kiro/steering/x.md` → `../../`). `None` when there is none, or when that folder is the
/// user's home (a user-level file belongs to no workspace).
fn root_prefix(path: &Path, marker: &str) -> Option<String> {
    let comps: Vec<_> = path.parent()?.components().collect();
    let at = comps.iter().rposition(|c| c.as_os_str() == marker)?;
    if crate::formats::detect::user_level(path, marker) {
        return None;
    }
    Some("../".repeat(comps.len() - at))
}

/// What `@path` is joined to, from the file's folder: nothing for memory files and rules; the
/// way up to the project root for a command (`None` when no `.claude` folder is above it).
fn import_prefix(path: Option<&Path>, format: &Format) -> Option<String> {
    if format.kind != crate::formats::Kind::Command {
        return Some(String::new());
    }
    let comps: Vec<_> = path?.parent()?.components().collect();
    let claude = comps.iter().rposition(|c| c.as_os_str() == ".claude")?;
    Some("../".repeat(comps.len() - claude))
}

/// A document's scan (kept current by its edits) with the imports of `format`.
pub fn scan_doc(doc: &Document, format: Option<&Format>) -> Arc<Scan> {
    with_imports(&doc.scan(), doc.path(), format)
}

/// The file a relative link names, seen from the document at `from`: joined to its folder and
/// normalised without touching the disk (`..` pops a component).
pub fn resolve(from: &Path, link_path: &str) -> PathBuf {
    let base = from.parent().unwrap_or(Path::new(""));
    normalize(&base.join(link_path))
}

/// Removes `.` and `..` components lexically.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// What a link can point at, as far as the caller knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Missing,
    /// A folder, or a file whose headings are unknown (not Markdown, or not indexed).
    Exists,
    /// A Markdown file with these anchors.
    Markdown(Vec<Arc<str>>),
}

/// Answers "what is at this path" for link checks: the workspace index and the disk in the
/// server and the CLI, a map in tests.
pub trait LinkTargets {
    fn target(&self, path: &Path) -> Target;
}

/// `link/missing-file` and `link/missing-anchor` for the links of a body read from the file at
/// `from`. Documents without a path (unsaved buffers) only get their `#anchor` links checked.
pub fn link_diagnostics(from: Option<&Path>, scan: &Scan, targets: &dyn LinkTargets) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut push = |code: &str, range: TextRange, message: String| {
        out.push(Diagnostic {
            range,
            severity: rules::severity(code),
            effect: rules::effect(code),
            code: code.to_string(),
            message,
            related: Vec::new(),
            fixes: Vec::new(),
            tool: None,
        })
    };
    // Looked up once per check, not once per link: a long table of contents links to every
    // heading of its own file or of one other file.
    let mut local: Option<HashSet<&str>> = None;
    let mut files: HashMap<PathBuf, (Target, HashSet<Arc<str>>)> = HashMap::new();
    for link in &scan.links {
        match (&link.path, &link.fragment) {
            (None, Some((frag, range))) => {
                let local = local.get_or_insert_with(|| scan.headings.iter().map(|h| &*h.slug).collect());
                if !frag.is_empty() && !local.contains(frag.as_str()) {
                    push(
                        "link/missing-anchor",
                        range.clone(),
                        format!(
                            "no heading in this file has the anchor `#{frag}`{}",
                            nearest(frag, scan)
                        ),
                    );
                }
            }
            (Some(p), fragment) => {
                let Some(from) = from else { continue };
                let (target, anchors) = files.entry(resolve(from, p)).or_insert_with_key(|path| {
                    let target = targets.target(path);
                    let anchors = match &target {
                        Target::Markdown(a) => a.iter().cloned().collect(),
                        _ => HashSet::new(),
                    };
                    (target, anchors)
                });
                match target {
                    Target::Missing => push(
                        "link/missing-file",
                        link.dest_range.clone(),
                        match link.kind {
                            LinkKind::Import => format!(
                                "`@{}` names a file that does not exist, so nothing is included",
                                p.trim_start_matches("../")
                            ),
                            LinkKind::FileRef => {
                                // VS Code takes the punctuation after a name as part of it.
                                let bare = p.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'']);
                                let exists = bare != p.as_str()
                                    && !bare.is_empty()
                                    && targets.target(&resolve(from, bare)) != Target::Missing;
                                if exists {
                                    format!(
                                        "`#file:{p}` names no file: the `{}` after `{bare}` is read as part of the path, so nothing is attached; put a blank before it",
                                        &p[bare.len()..]
                                    )
                                } else {
                                    format!(
                                        "`#file:{p}` names a file that does not exist (relative to this file's folder), so nothing is attached"
                                    )
                                }
                            }
                            LinkKind::Include => format!(
                                "`#[[file:{}]]` names a file that does not exist (relative to the workspace root), so nothing is included",
                                p.trim_start_matches("../")
                            ),
                            LinkKind::Markdown => format!("`{p}` does not exist (relative to this file's folder)"),
                        },
                    ),
                    Target::Markdown(_) => {
                        if let Some((frag, range)) = fragment
                            && !frag.is_empty()
                            && !anchors.contains(frag.as_str())
                        {
                            push(
                                "link/missing-anchor",
                                range.clone(),
                                format!("`{p}` has no heading with the anchor `#{frag}`"),
                            );
                        }
                    }
                    Target::Exists => {}
                }
            }
            (None, None) => {}
        }
    }
    out
}

fn nearest(frag: &str, scan: &Scan) -> String {
    let slugs: Vec<&str> = scan.headings.iter().map(|h| &*h.slug).collect();
    match super::suggest::nearest(frag, slugs.iter().copied()) {
        Some(s) => format!(": did you mean `#{s}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_slugs() {
        assert_eq!(slug("Hello, World!"), "hello-world");
        assert_eq!(slug("  Use `grep` -- fast  "), "use-grep----fast");
        assert_eq!(slug("Étape 2: déployer"), "étape-2-déployer");
        assert_eq!(slug("snake_case & more"), "snake_case--more");
    }

    #[test]
    fn scan_reads_headings_links_and_skips_code() {
        let text = "---\nname: a\n---\n# Intro\n\nSee [setup](#setup), [b](other.md#Part%20two) and \
                    [ref][r].\n\n```\n[not](a-link.md)\n```\n\n## Setup\n## Setup\n\n[r]: ./x.md\n\
                    [web](https://example.com)\n";
        let s = scan(text, 16);
        let heads: Vec<(u8, &str, &str)> = s.headings.iter().map(|h| (h.level, &*h.title, &*h.slug)).collect();
        assert_eq!(
            heads,
            vec![(1, "Intro", "intro"), (2, "Setup", "setup"), (2, "Setup", "setup-1")]
        );
        assert_eq!(&text[s.headings[1].title_range.clone()], "Setup");
        let links: Vec<(Option<&str>, Option<&str>, &str)> = s
            .links
            .iter()
            .map(|l| {
                (
                    l.path.as_deref(),
                    l.fragment.as_ref().map(|f| f.0.as_str()),
                    &text[l.dest_range.clone()],
                )
            })
            .collect();
        assert_eq!(
            links,
            vec![
                (None, Some("setup"), "#setup"),
                (Some("other.md"), Some("Part two"), "other.md#Part%20two"),
                (Some("./x.md"), None, "./x.md"),
            ]
        );
        assert_eq!(&text[s.links[0].fragment.as_ref().unwrap().1.clone()], "setup");
        assert_eq!(s.code_blocks.len(), 1);
    }

    #[test]
    fn resolve_is_lexical() {
        assert_eq!(
            resolve(Path::new("/p/.claude/agents/a.md"), "../skills/x/SKILL.md"),
            PathBuf::from("/p/.claude/skills/x/SKILL.md")
        );
        assert_eq!(resolve(Path::new("/p/a.md"), "./b.md"), PathBuf::from("/p/b.md"));
    }
}
