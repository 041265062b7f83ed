//! The Markdown body and whole-file rules: an empty body where the body is the prompt; a
//! command's `$ARGUMENTS` / `$1`… against its `argument-hint`; `` !`command` `` lines that need
//! `Bash` in `allowed-tools`; a skill body over the standard's length; legacy chat mode files,
//! deprecated keys and manual-only Cursor rules. `@path` references are checked with the links
//! (`analysis::links`), where the file system is known.

use super::{Fix, Sink};
use crate::document::TextRange;
use crate::formats::skill;
use crate::syntax::yaml::NodeKind;
use std::path::{Path, PathBuf};

pub(super) fn check(sink: &mut Sink) {
    let syntax = sink.doc.syntax();
    legacy(sink);
    if let Some(fm) = &syntax.front_matter
        && let Some(close) = &fm.close
        && sink.format.body_required
    {
        let rope = sink.doc.rope();
        let body = rope.byte_slice(fm.body_start..);
        // Stops at the first non-blank character, so a normal body costs a few bytes.
        if body.chars().all(char::is_whitespace) {
            sink.push(
                "/empty-body",
                close.clone(),
                format!(
                    "nothing follows the front matter: the body is the {}'s prompt, so it has no instructions",
                    sink.format.name
                ),
            );
        }
    }
    if syntax.front_matter.as_ref().is_some_and(|f| f.close.is_none()) {
        return;
    }
    let bs = sink.format.body_syntax;
    if !(bs.arguments || bs.shell) && sink.format.id != "skill" {
        return;
    }
    let text = sink.doc.text();
    let body_start = syntax.body_start().min(text.len());
    let scan = sink.doc.scan();
    let code = &scan.scan.code_blocks;
    if bs.arguments {
        arguments(sink, &text, body_start);
    }
    if bs.shell {
        shell(sink, &text, body_start, code);
    }
    if sink.format.id == "skill" {
        let lines = text[body_start..].lines().count();
        if lines > skill::BODY_LINES_MAX {
            let at = body_start..body_start + text[body_start..].find('\n').unwrap_or(0);
            sink.push(
                "/long-body",
                at,
                format!("the skill's instructions are {lines} lines long; the Agent Skills standard recommends under {} and moving details to `references/` files the agent reads on demand", skill::BODY_LINES_MAX),
            );
        }
    }
}

/// `$ARGUMENTS`, `$1`…`$9` in the body, with their ranges (the number, 0 for `$ARGUMENTS`).
pub fn argument_refs(text: &str, body_start: usize) -> Vec<(TextRange, u8)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = body_start;
    while let Some(off) = text[i..].find('$') {
        let at = i + off;
        if text[at..].starts_with("$ARGUMENTS") {
            out.push((at..at + 10, 0));
            i = at + 10;
            continue;
        }
        if let Some(d) = b.get(at + 1).filter(|d| d.is_ascii_digit() && **d != b'0')
            && !b.get(at + 2).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            out.push((at..at + 2, d - b'0'));
        }
        i = at + 1;
    }
    out
}

/// How many arguments an `argument-hint` names: its `[...]` and `<...>` groups (`None` when it
/// has none, so the count is unknown).
pub fn hinted_arguments(hint: &str) -> Option<usize> {
    let n = hint.matches('[').count().max(hint.matches('<').count());
    (n > 0).then_some(n)
}

fn arguments(sink: &mut Sink, text: &str, body_start: usize) {
    let Some(root) = &sink.doc.syntax().yaml.root else {
        return;
    };
    let Some(hint_node) = root.get("argument-hint") else {
        return;
    };
    let hint = match &hint_node.kind {
        NodeKind::Scalar { value, .. } => value.clone(),
        NodeKind::Seq { items, .. } => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(|s| format!("[{s}]"))
            .collect::<Vec<_>>()
            .join(" "),
        _ => return,
    };
    if hint.trim().is_empty() {
        return;
    }
    let refs = argument_refs(text, body_start);
    if refs.is_empty() {
        sink.push(
            "/argument-mismatch",
            hint_node.span.clone(),
            format!("`argument-hint` promises arguments but the body never uses `$ARGUMENTS` or `$1`…`$9`; {} then only appends them after the prompt", sink.format.product),
        );
        return;
    }
    let Some(n) = hinted_arguments(&hint) else { return };
    for (range, k) in refs {
        if usize::from(k) > n {
            sink.push(
                "/argument-mismatch",
                range,
                format!("`${k}` reads argument {k}, but `argument-hint` names only {n}; it is empty unless the user types more"),
            );
        }
    }
}

/// `` !`command` `` outside code blocks: the command, and the range of the whole `` !`…` ``.
pub fn shell_lines(text: &str, body_start: usize, code: &[TextRange]) -> Vec<(TextRange, String)> {
    let mut out = Vec::new();
    let mut i = body_start;
    while let Some(off) = text[i..].find("!`") {
        let at = i + off;
        i = at + 2;
        if code.iter().any(|c| c.contains(&at)) {
            continue;
        }
        // `` `!` `` in a code span, or a double backtick, is not a command.
        if at > 0 && text.as_bytes()[at - 1] == b'`' {
            continue;
        }
        let Some(end) = text[at + 2..].find(['`', '\n']) else {
            break;
        };
        if text.as_bytes()[at + 2 + end] != b'`' || end == 0 {
            continue;
        }
        let cmd = text[at + 2..at + 2 + end].to_string();
        out.push((at..at + 3 + end, cmd));
        i = at + 3 + end;
    }
    out
}

fn shell(sink: &mut Sink, text: &str, body_start: usize, code: &[TextRange]) {
    let lines = shell_lines(text, body_start, code);
    if lines.is_empty() {
        return;
    }
    let root = sink.doc.syntax().yaml.root.as_ref();
    let allowed = root.and_then(|r| r.get("allowed-tools"));
    let grants_bash = allowed.is_some_and(|v| {
        let doc = sink.doc;
        super::tools::items_split(&|r| doc.slice(r), v, true)
            .iter()
            .any(|i| matches!(super::tools::tool_name(&i.text), "Bash" | "*"))
    });
    if grants_bash {
        return;
    }
    let fm = sink.doc.syntax().front_matter.as_ref();
    let (range, cmd) = &lines[0];
    let first = cmd.split_whitespace().next().unwrap_or("").to_string();
    let rule = format!("Bash({first}:*)");
    let nl = sink.line_end();
    // Add the rule: a new `allowed-tools` line, or a new front matter.
    let fix = match (fm, allowed) {
        (None, _) => Some(Fix::replace(
            format!("Add `allowed-tools: {rule}`"),
            0..0,
            format!("---{nl}allowed-tools: {rule}{nl}---{nl}"),
        )),
        (Some(fm), None)
            if root.is_some_and(|r| matches!(r.kind, NodeKind::Map { flow: false, .. })) || root.is_none() =>
        {
            Some(Fix::replace(
                format!("Add `allowed-tools: {rule}`"),
                fm.yaml.start..fm.yaml.start,
                format!("allowed-tools: {rule}{nl}"),
            ))
        }
        _ => None,
    };
    let more = if lines.len() > 1 {
        format!(" (and {} more `!` commands)", lines.len() - 1)
    } else {
        String::new()
    };
    sink.push(
        "/shell-needs-bash",
        range.clone(),
        format!("`!`{cmd}`` runs before the prompt is sent, which needs `Bash` (e.g. `{rule}`) in `allowed-tools`{more}; without it {} does not run the command", sink.format.product),
    )
    .with_fix(fix.map(Fix::not_in_fix_all));
}

/// Whole-file notes: a legacy chat mode, deprecated keys, a Cursor rule nothing triggers.
fn legacy(sink: &mut Sink) {
    let id = sink.format.id;
    if id == "copilot-chatmode" {
        let stem = sink
            .doc
            .path()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .map(|n| n.trim_end_matches(".chatmode.md").to_string())
            .unwrap_or_default();
        let at = sink.doc.syntax().front_matter.as_ref().map_or(0..0, |f| f.open.clone());
        let fix = sink
            .doc
            .path()
            .and_then(|p| agent_path_for_chatmode(p, &stem))
            .map(|to| {
                let name = to.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
                Fix::rename_file(format!("Rename the file to `{name}`"), to)
            });
        sink.push(
            "/legacy-chatmode",
            at,
            format!("chat modes are now custom agents: rename this file to `{stem}.agent.md` (in `.github/agents/`); VS Code still reads it"),
        )
        .with_fix(fix);
    }
    let Some(root) = &sink.doc.syntax().yaml.root else {
        if id == "cursor-rule" && sink.doc.syntax().yaml.error.is_none() {
            manual_only(sink);
        }
        return;
    };
    let deprecated: &[(&str, &str)] = match id {
        "copilot-prompt" => &[("mode", "agent")],
        "copilot-agent" | "copilot-chatmode" => &[("infer", "user-invocable")],
        _ => &[],
    };
    for (old, new) in deprecated {
        let Some(e) = root.entries().iter().find(|e| e.key.as_str() == Some(old)) else {
            continue;
        };
        let fix = (root.get(new).is_none() && *old == "mode")
            .then(|| Fix::replace(format!("Rename to `{new}`"), e.key.span.clone(), *new));
        let msg = if *old == "mode" {
            "`mode` is deprecated: VS Code reads it as `agent`; rename it".to_string()
        } else {
            "`infer` is deprecated: use `user-invocable` (shown in the picker) and `disable-model-invocation` (usable as a subagent)".to_string()
        };
        sink.push("/deprecated-key", e.key.span.clone(), msg).with_fix(fix);
    }
    if id == "cursor-rule"
        && ["description", "globs", "alwaysApply"]
            .iter()
            .all(|k| root.get(k).is_none_or(|v| v.is_null()))
    {
        manual_only(sink);
    }
}

/// Where a chat mode file goes as a custom agent: `.github/chatmodes/x.chatmode.md` moves to
/// `.github/agents/x.agent.md`; anywhere else it keeps its folder.
pub fn agent_path_for_chatmode(path: &Path, stem: &str) -> Option<PathBuf> {
    if stem.is_empty() {
        return None;
    }
    let dir = path.parent()?;
    let name = format!("{stem}.agent.md");
    let in_chatmodes = dir.file_name().is_some_and(|n| n == "chatmodes")
        && dir.parent().and_then(Path::file_name).is_some_and(|n| n == ".github");
    Some(match dir.parent() {
        Some(github) if in_chatmodes => github.join("agents").join(name),
        _ => dir.join(name),
    })
}

fn manual_only(sink: &mut Sink) {
    let at = sink.doc.syntax().front_matter.as_ref().map_or(0..0, |f| f.open.clone());
    sink.push(
        "/manual-only",
        at,
        "no `description`, `globs` or `alwaysApply`: Cursor applies this rule only when you mention it (`@rule`)",
    );
}
