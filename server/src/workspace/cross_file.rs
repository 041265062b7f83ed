//! Cross-file rules (formats.md §13), answered from the [`Index`] alone:
//!
//! - `<format>/duplicate-name`: two agents in the same scope share a `name`;
//! - `<format>/unknown-skill`: a `skills:` entry names no skill in the workspace;
//! - `<format>/unknown-agent`: `Agent(x)` / `Task(x)` names neither a workspace agent nor a
//!   built-in one;
//! - `<format>/duplicate-name` for formats whose tool keeps one of two same-named files by
//!   folder ([`crate::formats::Loader::later_root_wins`], Cline): the one it drops;
//! - `<format>/shadowed`: a file of another format takes this one's `/name` (Cline: a skill
//!   over a workflow of the same name);
//! - `link/missing-file`, `link/missing-anchor`: a relative link to nothing.
//!
//! Each finding is an [`analysis::Diagnostic`](crate::analysis::Diagnostic) in the checked
//! file plus related places in other files.

use super::index::{FileEntry, FileKind, Index, Location};
use crate::analysis::diagnostics::rules;
use crate::analysis::links::link_diagnostics;
use crate::analysis::{Diagnostic, suggest};
use crate::document::TextRange;
use std::path::{Path, PathBuf};

/// A place in another file that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// A finding of a cross-file rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossFileDiagnostic {
    pub diagnostic: Diagnostic,
    /// Places in other files (the other agent with the same name…).
    pub related: Vec<Related>,
}

/// Which agents can clash by name: the nearest enclosing `agents` (or `subagents`) folder,
/// which is a project's `.claude/agents` or one plugin's `agents`; the file's own folder
/// when there is none.
pub fn scope(path: &Path) -> PathBuf {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if matches!(d.file_name().and_then(|n| n.to_str()), Some("agents" | "subagents")) {
            return d.to_path_buf();
        }
        dir = d.parent();
    }
    path.parent().unwrap_or(Path::new("")).to_path_buf()
}

fn diagnostic(code: String, range: TextRange, message: String) -> Diagnostic {
    let effect = rules::effect(&code);
    Diagnostic {
        severity: effect.severity(),
        effect,
        range,
        code,
        message,
        related: Vec::new(),
        fixes: Vec::new(),
        tool: None,
    }
}

/// The cross-file findings of the file at `path` (nothing if the index does not hold it, or
/// it is not a file of a catalogued format).
pub fn check(index: &Index, path: &Path) -> Vec<CrossFileDiagnostic> {
    let Some(entry) = index.get(path) else {
        return Vec::new();
    };
    let format = match entry.kind {
        FileKind::Agent(f) | FileKind::Spec(f) | FileKind::Skill(f) | FileKind::Command(f) => f,
        FileKind::Markdown | FileKind::Other => return Vec::new(),
    };
    let mut out: Vec<CrossFileDiagnostic> = Vec::new();
    out.extend(replaced_by_later_root(index, entry));
    out.extend(command_taken(index, entry));
    let code = |short: &str| format!("{}/{short}", format.id);
    // Not every product documents which of two same-named agents loads.
    if let Some(name) = entry.agent_name().filter(|_| format.product.one_agent_per_name) {
        let here = scope(path);
        let others: Vec<&PathBuf> = index
            .agents_named(&name.name)
            .filter(|p| p.as_path() != path && scope(p) == here)
            .collect();
        if !others.is_empty() {
            let shown: Vec<String> = others.iter().map(|p| p.display().to_string()).collect();
            out.push(CrossFileDiagnostic {
                diagnostic: diagnostic(
                    code("duplicate-name"),
                    name.range.clone(),
                    format!(
                        "another agent in this folder is also named `{}` ({}): {} loads only one of them; rename one",
                        name.name,
                        shown.join(", "),
                        format.product.name
                    ),
                ),
                related: others
                    .iter()
                    .filter_map(|p| index.get(p))
                    .map(|e| Related {
                        location: name_location(e),
                        message: format!("`{}` is also defined here", name.name),
                    })
                    .collect(),
            });
        }
    }
    for skill in &entry.refs.skills {
        if index.skills_named(&skill.name).next().is_none() {
            let hint = suggest::nearest(&skill.name, index.skill_names())
                .map(|s| format!(": did you mean `{s}`?"))
                .unwrap_or_default();
            out.push(CrossFileDiagnostic {
                diagnostic: diagnostic(
                    code("unknown-skill"),
                    skill.range.clone(),
                    format!(
                        "no skill named `{}` in this workspace (looked for `skills/<name>/SKILL.md`){hint}; fine if it is a personal skill in ~/.claude/skills",
                        skill.name
                    ),
                ),
                related: Vec::new(),
            });
        }
    }
    let builtins: Vec<&str> = format.product.builtin_agents.iter().map(|a| a.name).collect();
    for agent in &entry.refs.agents {
        let known = builtins.contains(&agent.name.as_str())
            // `plugin:agent` names a plugin's agent, which the workspace may not hold.
            || agent.name.contains(':')
            || index.agents_named(&agent.name).next().is_some();
        if !known {
            let names: Vec<&str> = index.agent_names().chain(builtins.iter().copied()).collect();
            let hint = suggest::nearest(&agent.name, names.iter().copied())
                .map(|s| format!(": did you mean `{s}`?"))
                .unwrap_or_default();
            out.push(CrossFileDiagnostic {
                diagnostic: diagnostic(
                    code("unknown-agent"),
                    agent.range.clone(),
                    if let Some(then) = format.product.unknown_agent {
                        format!(
                            "no agent named `{}` in this workspace and no built-in agent of {} ({}){hint}: {} {then}, unless it is a global agent in your home folder",
                            agent.name,
                            format.product,
                            builtins.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", "),
                            format.product,
                        )
                    } else {
                        format!(
                            "no agent named `{}` in this workspace and no {}{hint}; fine if it is {}",
                            agent.name, format.product.agents_elsewhere.builtin, format.product.agents_elsewhere.outside
                        )
                    },
                ),
                related: Vec::new(),
            });
        }
    }
    out.extend(
        link_diagnostics(Some(path), &entry.scan, index)
            .into_iter()
            .map(|diagnostic| CrossFileDiagnostic {
                diagnostic,
                related: Vec::new(),
            }),
    );
    out.sort_by_key(|d| (d.diagnostic.range.start, d.diagnostic.range.end));
    out
}

/// A file whose tool keeps another file of the same name instead (Cline: the file in the
/// folder it reads later), with that file as related information.
fn replaced_by_later_root(index: &Index, entry: &FileEntry) -> Option<CrossFileDiagnostic> {
    let FileKind::Spec(format) = entry.kind else {
        return None;
    };
    let loader = crate::formats::loader(format.id).filter(|l| l.later_root_wins)?;
    let here = loader.locate(&entry.path)?;
    let name_of = |e: &FileEntry| loader.name_of(&e.path, e.refs.name.as_ref().map(|n| n.name.as_str()));
    let name = name_of(entry)?;
    // Only a file the tool reads can replace this one.
    let read = |at: &crate::formats::InRoot| loader.reads(at);
    let (root, other) = index
        .files()
        .filter(|e| e.path != entry.path && e.kind == entry.kind)
        .filter_map(|e| {
            let at = loader.locate(&e.path)?;
            let same = at.base == here.base && at.root > here.root && read(&at);
            (same && name_of(e)?.to_lowercase() == name.to_lowercase()).then_some((at.root, e))
        })
        .max_by_key(|(root, _)| *root)?;
    let first_line = entry.text.line(0).to_string();
    let range = entry
        .refs
        .name
        .as_ref()
        .map_or(0..first_line.trim_end_matches(['\n', '\r']).len(), |n| n.range.clone());
    let (product, noun) = (loader.product, format.noun);
    Some(CrossFileDiagnostic {
        diagnostic: diagnostic(
            format!("{}/duplicate-name", format.id),
            range,
            format!(
                "`{}` also gives the name `{name}` (in any case), and {product} reads `{}/` after `{}/`: it keeps that one and does not load this {noun}; rename one of them",
                other.path.display(),
                loader.roots[root].join("/"),
                loader.roots[here.root].join("/"),
            ),
        ),
        related: vec![Related {
            location: name_location(other),
            message: format!("the {noun} {product} keeps"),
        }],
    })
}

/// A file whose `/name` the tool gives to a file of another format with the same command name
/// (Cline: a skill over a workflow): it loads, and never runs.
fn command_taken(index: &Index, entry: &FileEntry) -> Option<CrossFileDiagnostic> {
    let FileKind::Spec(format) = entry.kind else {
        return None;
    };
    let loader = crate::formats::loader(format.id)?;
    let taker = crate::formats::by_id(loader.command_taken_by?)?;
    let taker_loader = crate::formats::loader(taker.id)?;
    let here = loader.locate(&entry.path)?;
    let name = loader.name_of(&entry.path, entry.refs.name.as_ref().map(|n| n.name.as_str()))?;
    let command = crate::formats::Loader::command_of(&name);
    let other = index.files().find(|e| {
        e.kind == FileKind::Spec(taker)
            && taker_loader
                .locate(&e.path)
                .is_some_and(|at| at.base == here.base && taker_loader.reads(&at))
            && taker_loader
                .name_of(&e.path, e.refs.name.as_ref().map(|n| n.name.as_str()))
                .is_some_and(|n| crate::formats::Loader::command_of(&n) == command)
    })?;
    let first_line = entry.text.line(0).to_string();
    let range = entry
        .refs
        .name
        .as_ref()
        .map_or(0..first_line.trim_end_matches(['\n', '\r']).len(), |n| n.range.clone());
    let product = loader.product;
    Some(CrossFileDiagnostic {
        diagnostic: diagnostic(
            format!("{}/shadowed", format.id),
            range,
            format!(
                "the {} `{}` has the same command name: `/{command}` runs it, and {product} never runs this {}; rename one of them",
                taker.noun,
                other.path.display(),
                format.noun
            ),
        ),
        related: vec![Related {
            location: name_location(other),
            message: format!("the {} `/{command}` runs", taker.noun),
        }],
    })
}

/// Where a file's `name` is written (its start when it has none).
pub fn name_location(e: &FileEntry) -> Location {
    Location {
        path: e.path.clone(),
        range: e.refs.name.as_ref().map_or(0..0, |n| n.range.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_is_the_agents_folder() {
        assert_eq!(
            scope(Path::new("/p/.claude/agents/sub/a.md")),
            PathBuf::from("/p/.claude/agents")
        );
        assert_eq!(scope(Path::new("/p/cat/a.md")), PathBuf::from("/p/cat"));
    }
}
