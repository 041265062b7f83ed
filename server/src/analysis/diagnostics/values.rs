//! Values of the field kinds beyond the Claude subagent's: globs, numbers, OpenCode's `tools`
//! and `permission` maps and `provider/model`, string maps, length limits, and the Agent Skills
//! name rules. (Copilot's structured values are in `structured`.)

use super::fields::{line_of, rename_fix, replace_scalar, scalar_string, to_kebab, tool_name};
use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::formats::{Field, ValueKind, opencode_agent, skill};
use crate::syntax::yaml::{Node, NodeKind, Style};

pub(super) fn check(sink: &mut Sink, field: &Field, _key_node: &Node, v: &Node) {
    let key = field.key;
    if v.is_null() || matches!(v.kind, NodeKind::Alias) {
        return;
    }
    match &field.value {
        ValueKind::Globs => globs(sink, key, v),
        ValueKind::Number { max } => {
            let n = match &v.kind {
                NodeKind::Scalar {
                    value,
                    style: Style::Plain,
                } => value.parse::<f64>().ok(),
                _ => None,
            };
            match n {
                Some(n) if (0.0..=f64::from(*max)).contains(&n) => {}
                Some(n) => {
                    sink.push(
                        "/invalid-value",
                        v.span.clone(),
                        format!(
                            "`{key}` must be between 0 and {max}, not {n}; {} rejects it",
                            tool_name(sink)
                        ),
                    );
                }
                None => wrong_type(sink, v, key, "a number"),
            }
        }
        ValueKind::ToolMap => tool_map(sink, key, v),
        ValueKind::Permission => permission(sink, key, v),
        ValueKind::StringMap => match &v.kind {
            NodeKind::Map { entries, .. } => {
                for e in entries {
                    if !matches!(e.value.kind, NodeKind::Scalar { .. } | NodeKind::Alias) {
                        let got = e.value.type_name();
                        sink.push(
                            "/nested-metadata",
                            e.value.span.clone(),
                            format!("`{key}` maps text keys to text values; this value is a {got}, which strict readers of the standard reject. Write it as one string"),
                        );
                    }
                }
            }
            _ => wrong_type(sink, v, key, "a mapping of `key: value` lines"),
        },
        _ => {}
    }
}

fn wrong_type(sink: &mut Sink, v: &Node, key: &str, expected: &str) {
    let got = v.type_name();
    let range = if v.span.is_empty() {
        line_of(sink, v)
    } else {
        v.span.clone()
    };
    sink.push("/wrong-type", range, format!("`{key}` must be {expected}, not a {got}"));
}

/// OpenCode's `model` is `provider/model-id`.
pub(super) fn check_provider_model(sink: &mut Sink, v: &Node, s: &str) {
    if s.contains('/') {
        return;
    }
    let instead = crate::formats::claude_models::lookup(s).map(|m| {
        let id = match m.id {
            "sonnet" | "inherit" | "default" | "best" => "claude-sonnet-4-5",
            "opus" | "opusplan" => "claude-opus-4-5",
            "haiku" => "claude-haiku-4-5",
            id => id,
        };
        format!("anthropic/{id}")
    });
    let fix = instead
        .as_deref()
        .and_then(|i| replace_scalar(sink, v, format!("Change to `{i}`"), i));
    let eg = instead.clone().unwrap_or_else(|| "anthropic/claude-sonnet-4-5".into());
    sink.push(
        "/unknown-model",
        v.span.clone(),
        format!("OpenCode models are written `provider/model-id` (e.g. `{eg}`); `{s}` names no provider"),
    )
    .with_fix(fix);
}

/// Splits a comma-separated glob list on the commas outside `{…}` (as VS Code's
/// `splitGlobAware` does), with each part's range inside `s`.
fn split_globs(s: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ','))) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth <= 0 => {
                let raw = &s[start..i];
                let t = raw.trim();
                let lead = start + (raw.len() - raw.trim_start().len());
                out.push((lead..lead + t.len(), t));
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

/// Why a glob can never match, if it is broken.
pub(crate) fn glob_error(glob: &str) -> Option<String> {
    if glob.is_empty() {
        return Some("an empty pattern".into());
    }
    globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .err()
        .map(|e| e.kind().to_string())
}

fn globs(sink: &mut Sink, key: &str, v: &Node) {
    let items: Vec<&Node> = match &v.kind {
        NodeKind::Scalar { .. } => vec![v],
        NodeKind::Seq { items, .. } => items.iter().collect(),
        _ => return wrong_type(sink, v, key, "a glob or a list of globs"),
    };
    for item in items {
        let Some(s) = scalar_string(item) else {
            wrong_type(sink, item, key, "a glob");
            continue;
        };
        // Ranges inside the value are exact only for a plain or quoted one-line value.
        let src = sink.doc.slice(&item.span);
        let base = match src.find(s) {
            Some(i) if !src.contains('\n') => Some(item.span.start + i),
            _ => None,
        };
        for (r, glob) in split_globs(s) {
            if let Some(why) = glob_error(glob) {
                let range = base.map_or(item.span.clone(), |b| {
                    b + r.start..b + r.end.max(r.start + 1).min(s.len())
                });
                sink.push(
                    "/invalid-glob",
                    range,
                    format!(
                        "`{glob}` in `{key}` is not a valid glob ({why}): it matches no file, so {} never applies this",
                        tool_name(sink)
                    ),
                );
            }
        }
    }
}

fn tool_map(sink: &mut Sink, key: &str, v: &Node) {
    let NodeKind::Map { entries, .. } = &v.kind else {
        if matches!(v.kind, NodeKind::Scalar { .. } | NodeKind::Seq { .. }) {
            sink.push(
                "/claude-style-tools",
                v.span.clone(),
                format!("OpenCode's `{key}` is a mapping of tool id to `true`/`false` (`write: false`), not a Claude Code tool list; {} ignores this one", tool_name(sink)),
            );
        } else {
            wrong_type(sink, v, key, "a mapping of tool → `true`/`false`");
        }
        return;
    };
    for e in entries {
        let ok = matches!(&e.value.kind, NodeKind::Scalar { value, style: Style::Plain } if matches!(value.as_str(), "true" | "false"));
        if !ok {
            wrong_type(sink, &e.value, key, "`true` or `false` for each tool");
        }
        if let Some(name) = e.key.as_str() {
            known_tool_id(sink, &e.key, name);
        }
    }
}

/// An OpenCode tool id: built in, an MCP tool (`server_tool`), or a wildcard (`mcp_*`).
fn known_tool_id(sink: &mut Sink, key_node: &Node, name: &str) {
    let known = opencode_agent::TOOLS.iter().any(|(t, _)| *t == name)
        || opencode_agent::PERMISSION_KEYS.contains(&name)
        || name.contains('*')
        || name.contains('_');
    if known {
        return;
    }
    let ids = opencode_agent::TOOLS.iter().map(|(t, _)| *t);
    let Some(s) = nearest(name, ids) else {
        return; // a tool from a plugin or an MCP server, which agentls cannot list
    };
    let fix = matches!(
        key_node.kind,
        NodeKind::Scalar {
            style: Style::Plain,
            ..
        }
    )
    .then(|| Fix::replace(format!("Change to `{s}`"), key_node.span.clone(), s));
    sink.push(
        "/unknown-tool",
        key_node.span.clone(),
        format!("unknown tool `{name}`: did you mean `{s}`? OpenCode tool ids are lowercase"),
    )
    .with_fix(fix);
}

fn permission_value(sink: &mut Sink, key: &str, v: &Node) {
    let choices = opencode_agent::PERMISSION_VALUES;
    match scalar_string(v) {
        Some(s) if choices.iter().any(|c| c.value == s) => {}
        Some(s) => {
            let n = nearest(s, choices.iter().map(|c| c.value));
            let fix = n.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            sink.push(
                "/invalid-value",
                v.span.clone(),
                format!("`{s}` is not a permission for `{key}`: use `allow`, `ask` or `deny`"),
            )
            .with_fix(fix);
        }
        None => wrong_type(sink, v, key, "`allow`, `ask` or `deny`"),
    }
}

fn permission(sink: &mut Sink, key: &str, v: &Node) {
    let NodeKind::Map { entries, .. } = &v.kind else {
        return wrong_type(sink, v, key, "a mapping of tool → `allow`/`ask`/`deny`");
    };
    for e in entries {
        let Some(tool) = e.key.as_str() else { continue };
        known_tool_id(sink, &e.key, tool);
        match &e.value.kind {
            // `bash: {"git *": allow, "*": ask}`: command globs.
            NodeKind::Map { entries: rules, .. } => {
                for r in rules {
                    permission_value(sink, tool, &r.value);
                }
            }
            _ => permission_value(sink, tool, &e.value),
        }
    }
}

/// A one-line value over the format's limit (skill `description`, `compatibility`).
pub(super) fn check_length(sink: &mut Sink, key: &str, v: &Node, s: &str) {
    let max = match (sink.format.id, key) {
        ("skill", "description") => skill::DESCRIPTION_MAX,
        ("skill", "compatibility") => skill::COMPATIBILITY_MAX,
        _ => return,
    };
    let n = s.chars().count();
    if n > max {
        sink.push(
            "/too-long",
            v.span.clone(),
            format!("`{key}` is {n} characters long; the Agent Skills standard allows at most {max}, and validators such as `skills-ref` reject the skill"),
        );
    }
}

/// The Agent Skills `name`: 1–64 lowercase letters, digits and hyphens, no leading, trailing
/// or double hyphen, equal to the folder's name.
pub(super) fn check_skill_name(sink: &mut Sink, v: &Node, name: &str) {
    // VS Code's test (`/^[a-z0-9-]+$/` on the trimmed name) is an error marker; the hyphen and
    // length rules are the standard's alone.
    let charset = name
        .trim()
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let hyphens = name.starts_with('-') || name.ends_with('-') || name.contains("--");
    let long = name.chars().count() > skill::NAME_MAX;
    if !charset || hyphens || long {
        let fixed: String = to_kebab(name).chars().take(skill::NAME_MAX).collect();
        let fixed = fixed.trim_end_matches('-').to_string();
        let fix = rename_fix(sink, v, format!("Change to `{fixed}`"), &fixed);
        let claude = sink.format.product;
        if !charset {
            sink.push_as(
                "/name-format",
                crate::formats::Effect::Rejected,
                v.span.clone(),
                format!("a skill name may hold only lowercase letters, digits and hyphens: VS Code reports `{name}` as an error, and the Agent Skills standard rejects it ({claude} loads it under its folder's name)"),
            )
            .with_fix(fix);
        } else {
            let why = if long {
                format!("is longer than {} characters", skill::NAME_MAX)
            } else {
                "must not start or end with a hyphen or hold `--`".to_string()
            };
            sink.push_as(
                "/name-format",
                crate::formats::Effect::Portability,
                v.span.clone(),
                format!("a skill name {why}: `{name}` breaks the Agent Skills standard, and validators reject the skill ({claude} loads it under its folder's name)"),
            )
            .with_fix(fix);
        }
    }
    let folder = sink
        .doc
        .path()
        .and_then(|p| p.parent())
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str());
    if let Some(folder) = folder
        && folder != name
    {
        let fix = rename_fix(
            sink,
            v,
            format!("Set the name to `{folder}` (the folder's name)"),
            folder,
        );
        sink.push(
            "/name-mismatch",
            v.span.clone(),
            format!("the skill's name `{name}` differs from its folder `{folder}`: {} lists it under the folder, as `{folder} ({name})`, and runs it as `/{folder}`, but the Agent Skills standard requires the two to match and stricter tools skip the skill; rename one", sink.format.product),
        )
        .with_fix(fix);
    }
}
