//! Cross-file rules (formats.md §13), answered from the [`Index`] alone:
//!
//! - `<format>/duplicate-name`: two agents in the same scope share a `name`;
//! - `<format>/unknown-skill`: a `skills:` entry names no skill in the workspace;
//! - `<format>/unknown-agent`: `Agent(x)` / `Task(x)` names neither a workspace agent nor a
//!   built-in one;
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
                    format!(
                        "no agent named `{}` in this workspace and no {}{hint}; fine if it is {}",
                        agent.name, format.product.agents_elsewhere.builtin, format.product.agents_elsewhere.outside
                    ),
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
