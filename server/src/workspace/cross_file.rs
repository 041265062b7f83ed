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

/// Agent types Claude Code ships, which `Agent(…)` may name without a file.
///
/// Source: Claude Code docs, "Create custom subagents" → "Built-in subagents"
/// (code.claude.com/docs/en/sub-agents, as mirrored on 2026-04-02 and read on 2026-11-25):
/// Explore, Plan and general-purpose, plus the helper agents Bash, statusline-setup and
/// Claude Code Guide (`claude-code-guide`).
pub const BUILTIN_AGENTS: &[&str] = &[
    "general-purpose",
    "Explore",
    "Plan",
    "Bash",
    "statusline-setup",
    "claude-code-guide",
];

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
    }
}

/// The cross-file findings of the file at `path` (nothing if the index does not hold it, or
/// it is not a file of a catalogued format).
pub fn check(index: &Index, path: &Path) -> Vec<CrossFileDiagnostic> {
    let Some(entry) = index.get(path) else {
        return Vec::new();
    };
    let format = match entry.kind {
        FileKind::Agent(f) | FileKind::Spec(f) => f,
        FileKind::Skill => &crate::formats::skill::FORMAT,
        FileKind::Command(f) => f,
        FileKind::Markdown | FileKind::Other => return Vec::new(),
    };
    let copilot = format.vocab == crate::formats::Vocab::Copilot;
    let mut out: Vec<CrossFileDiagnostic> = Vec::new();
    let code = |short: &str| format!("{}/{short}", format.id);
    // Only Claude Code documents which of two same-named agents loads.
    if let Some(name) = entry.agent_name().filter(|_| format.id == "claude-agent") {
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
                        "another agent in this folder is also named `{}` ({}): Claude Code loads only one of them; rename one",
                        name.name,
                        shown.join(", ")
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
    let copilot_builtins: Vec<&str> = crate::formats::copilot::BUILTIN.iter().map(|a| a.name).collect();
    let shipped = crate::formats::builtin_agents(format);
    let builtins: &[&str] = match shipped {
        Some(b) => b,
        None if copilot => &copilot_builtins,
        None => BUILTIN_AGENTS,
    };
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
                    if let Some(shipped) = shipped {
                        format!(
                            "no agent named `{}` in this workspace and no built-in agent of {} ({}){hint}: {} {}, unless it is a global agent in your home folder",
                            agent.name,
                            format.product,
                            shipped.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", "),
                            format.product,
                            crate::formats::opencode_command::UNKNOWN_AGENT,
                        )
                    } else if copilot {
                        format!(
                            "no agent named `{}` in this workspace and no built-in agent (`agent`, `ask`, `edit`, `plan`){hint}; fine if it is a user-level agent",
                            agent.name
                        )
                    } else {
                        format!(
                            "no agent named `{}` in this workspace and no built-in agent type of that name{hint}; fine if it is a personal agent in ~/.claude/agents",
                            agent.name
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
