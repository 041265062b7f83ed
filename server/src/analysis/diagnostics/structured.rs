//! Values with a structure of their own, checked the way the format's tool checks them (the
//! catalog says which tool and how: `formats::copilot` for VS Code): model lists, handoffs,
//! lists of subagents, permission scopes, hook commands and comma-separated globs. Each problem
//! is reported with the effect the tool gives it: what its validator calls an error is
//! [`Effect::Rejected`], what it only warns about or ignores is [`Effect::Ignored`].

use super::fields::{consequence, replace_scalar, tool_name};
use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::document::TextRange;
use crate::formats::product::Models;
use crate::formats::{Effect, HookSchema, Permission};
use crate::syntax::yaml::{Node, NodeKind, Style};

/// A scalar as the tool reads it (VS Code's parser: every scalar is text).
fn text(v: &Node) -> Option<&str> {
    v.as_str()
}

/// A bare `key:` (VS Code's parser reports `Missing value` for it already).
fn missing(v: &Node) -> bool {
    v.span.is_empty() && v.as_str() == Some("")
}

/// Where to point for a value whose span may be empty.
fn at(v: &Node, key: &Node) -> TextRange {
    if v.span.is_empty() {
        key.span.clone()
    } else {
        v.span.clone()
    }
}

fn rejected(sink: &mut Sink, rule: &str, range: TextRange, what: String) {
    let then = consequence(sink, Effect::Rejected);
    sink.push_as(rule, Effect::Rejected, range, format!("{what}: {then}"));
}

fn ignored(sink: &mut Sink, rule: &str, range: TextRange, what: String) {
    let then = consequence(sink, Effect::Ignored);
    sink.push_as(rule, Effect::Ignored, range, format!("{what}: {then}"));
}

/// `true`/`false` written plainly (VS Code: `format === 'none'` and the exact word).
pub(super) fn plain_bool(v: &Node) -> bool {
    matches!(&v.kind, NodeKind::Scalar { value, style: Style::Plain } if matches!(value.as_str(), "true" | "false"))
}

/// A Copilot `model`: one name, or a list of names tried in order (VS Code's `validateModel`).
/// Whether a name is a model depends on the user's sign-in and model extensions; only a Claude
/// Code model name, which no Copilot model is called, is reported.
pub(super) fn models(sink: &mut Sink, key: &Node, v: &Node) {
    let k = key.as_str().unwrap_or("model");
    match &v.kind {
        NodeKind::Scalar { value, .. } => {
            if value.trim().is_empty() {
                if !missing(v) {
                    rejected(sink, "/empty-value", at(v, key), format!("`{k}` is empty"));
                }
                return;
            }
            picker_model(sink, v, value.trim());
        }
        NodeKind::Seq { items, .. } => {
            if items.is_empty() {
                rejected(sink, "/empty-value", v.span.clone(), format!("`{k}` is an empty list"));
                return;
            }
            for item in items {
                match text(item) {
                    // VS Code stops at the first bad item.
                    None => {
                        let got = item.type_name();
                        return rejected(
                            sink,
                            "/wrong-type",
                            item.span.clone(),
                            format!("each `{k}` entry must be a model name, not a {got}"),
                        );
                    }
                    Some(s) if s.trim().is_empty() => {
                        return rejected(sink, "/empty-value", at(item, v), format!("a `{k}` entry is empty"));
                    }
                    Some(s) => picker_model(sink, item, s.trim()),
                }
            }
        }
        _ => {
            let got = v.type_name();
            rejected(
                sink,
                "/wrong-type",
                v.span.clone(),
                format!("`{k}` must be a model name or a list of them, not a {got}"),
            );
        }
    }
}

/// A model named as a model picker shows it: known, another product's name, or the user's.
fn picker_model(sink: &mut Sink, v: &Node, s: &str) {
    let Models::Picker(models) = sink.format.product.models else {
        return;
    };
    if (models.lookup)(s).is_some() {
        return;
    }
    let product = tool_name(sink);
    let (foreign, brand) = (models.foreign.name, models.brand);
    if let Some(instead) = (models.from_foreign)(s) {
        let fix = replace_scalar(sink, v, format!("Change to `{instead}`"), instead);
        sink.push_as(
            "/unknown-model",
            Effect::Ignored,
            v.span.clone(),
            format!("`{s}` is a {foreign} model name: {brand} names models as its model picker does (e.g. `{instead}`), no {brand} model is called `{s}`, so {product} ignores it and uses the model selected in the picker"),
        )
        .with_fix(fix);
    }
    // Any other name may come from the user's plan or a model provider extension: VS Code
    // checks it against the models of the user's sign-in, which agentls cannot see.
}

/// `handoffs` as VS Code's `validateHandoffs` reads them.
pub(super) fn handoffs(sink: &mut Sink, key: &Node, v: &Node) {
    let k = key.as_str().unwrap_or("handoffs");
    let NodeKind::Seq { items, .. } = &v.kind else {
        if !missing(v) {
            let got = v.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(v, key),
                format!("`{k}` must be a list of handoffs, not a {got}"),
            );
        }
        return;
    };
    let mut labels: Vec<String> = Vec::new();
    for item in items {
        let NodeKind::Map { entries, .. } = &item.kind else {
            rejected(
                sink,
                "/invalid-handoff",
                item.span.clone(),
                "each handoff is a mapping with `label`, `agent`, `prompt` and optional `send`, `showContinueOn`, `model`".into(),
            );
            continue;
        };
        let mut missing_props = vec!["label", "agent", "prompt"];
        for e in entries {
            let Some(p) = e.key.as_str() else { continue };
            let range = at(&e.value, &e.key);
            match p {
                "label" => match text(&e.value) {
                    Some(s) if !s.trim().is_empty() => {
                        if !s.chars().any(|c| c.is_ascii_alphanumeric()) {
                            rejected(
                                sink,
                                "/invalid-handoff",
                                range,
                                "the handoff's `label` must hold a letter or a digit".into(),
                            );
                        }
                    }
                    _ => rejected(
                        sink,
                        "/invalid-handoff",
                        range,
                        "the handoff's `label` must be non-empty text".into(),
                    ),
                },
                "agent" => {
                    // Which agents exist is the workspace's; only the shape is checked.
                    if text(&e.value).is_none_or(|s| s.trim().is_empty()) {
                        rejected(
                            sink,
                            "/invalid-handoff",
                            range,
                            "the handoff's `agent` must be non-empty text".into(),
                        );
                    }
                }
                "prompt" | "model" => {
                    if text(&e.value).is_none() {
                        rejected(
                            sink,
                            "/invalid-handoff",
                            range,
                            format!("the handoff's `{p}` must be text"),
                        );
                    }
                }
                "send" | "showContinueOn" => {
                    if !plain_bool(&e.value) {
                        rejected(
                            sink,
                            "/invalid-handoff",
                            range,
                            format!("the handoff's `{p}` must be the plain word `true` or `false`"),
                        );
                    }
                }
                other => {
                    let n = nearest(other, ["label", "agent", "prompt", "send", "showContinueOn", "model"]);
                    let hint = n.map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default();
                    let fix = n
                        .filter(|_| {
                            matches!(
                                e.key.kind,
                                NodeKind::Scalar {
                                    style: Style::Plain,
                                    ..
                                }
                            )
                        })
                        .map(|n| Fix::replace(format!("Change to `{n}`"), e.key.span.clone(), n));
                    ignored(
                        sink,
                        "/invalid-handoff",
                        e.key.span.clone(),
                        format!(
                            "`{other}` is not a handoff property{hint} (properties: `label`, `agent`, `prompt`, `send`, `showContinueOn`, `model`)"
                        ),
                    );
                    if let Some(d) = sink.out.last_mut() {
                        d.with_fix(fix);
                    }
                }
            }
            missing_props.retain(|m| *m != p);
        }
        if !missing_props.is_empty() {
            let list: Vec<String> = missing_props.iter().map(|m| format!("`{m}`")).collect();
            rejected(
                sink,
                "/invalid-handoff",
                item.span.start..item.span.start + 1,
                format!("this handoff lacks {}", list.join(", ")),
            );
        }
        // Labels are compared without case: `Go` and `go` are the same button.
        if let Some(label) = entries
            .iter()
            .find(|e| e.key.as_str() == Some("label"))
            .and_then(|e| Some((e, text(&e.value)?)))
        {
            let lower = label.1.to_lowercase();
            if !lower.is_empty() {
                if labels.contains(&lower) {
                    rejected(
                        sink,
                        "/invalid-handoff",
                        label.0.value.span.clone(),
                        format!(
                            "another handoff has the label `{}` (labels are compared without case)",
                            label.1
                        ),
                    );
                } else {
                    labels.push(lower);
                }
            }
        }
    }
}

/// The subagents an agent may run (`agents`): a list of names or `*`, which needs `tool` among
/// the file's tools.
pub(super) fn agent_names(sink: &mut Sink, key: &Node, v: &Node, tool: &str) {
    let k = key.as_str().unwrap_or("agents");
    let NodeKind::Seq { items, .. } = &v.kind else {
        if !missing(v) {
            let got = v.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(v, key),
                format!("`{k}` must be a list (`['*']`, `['planner']`), not a {got}"),
            );
        }
        return;
    };
    let mut any = false;
    for item in items {
        match text(item) {
            None => {
                let got = item.type_name();
                rejected(
                    sink,
                    "/wrong-type",
                    item.span.clone(),
                    format!("each `{k}` entry must be an agent name, not a {got}"),
                );
            }
            Some(s) => any |= !s.is_empty(),
        }
    }
    let reading = sink.reading.clone();
    let Some(tools) = reading.yaml.root.as_ref().and_then(|r| r.get("tools")) else {
        return;
    };
    let names: Vec<String> = match &tools.kind {
        NodeKind::Seq { items, .. } => items.iter().filter_map(|i| i.as_str().map(String::from)).collect(),
        NodeKind::Scalar { value, .. } => crate::syntax::vscode_yaml::split_comma_list(value)
            .into_iter()
            .map(|(_, t)| t)
            .collect(),
        _ => return,
    };
    if any && !names.iter().any(|n| n == tool) {
        ignored(
            sink,
            "/ignored-key",
            key.span.clone(),
            format!(
                "`{k}` lists subagents, but `tools` leaves out the `{tool}` tool that runs them, so they never run; add `{tool}` to `tools`"
            ),
        );
    }
}

/// `github: permissions:` (scope → access).
pub(super) fn permissions(sink: &mut Sink, key: &Node, v: &Node, scopes: &[Permission]) {
    let k = key.as_str().unwrap_or("github");
    let NodeKind::Map { entries, .. } = &v.kind else {
        if !missing(v) {
            let got = v.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(v, key),
                format!("`{k}` must be a mapping with `permissions:`, not a {got}"),
            );
        }
        return;
    };
    for e in entries {
        let Some(p) = e.key.as_str() else { continue };
        if p != "permissions" {
            ignored(
                sink,
                "/invalid-value",
                e.key.span.clone(),
                format!("`{p}` is not a property of `{k}` (only `permissions`)"),
            );
            continue;
        }
        let NodeKind::Map { entries: perms, .. } = &e.value.kind else {
            let got = e.value.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(&e.value, &e.key),
                format!("`permissions` must be a mapping of scope → access, not a {got}"),
            );
            continue;
        };
        for perm in perms {
            let Some(scope) = perm.key.as_str() else { continue };
            let Some(known) = scopes.iter().find(|s| s.scope == scope) else {
                let all: Vec<&str> = scopes.iter().map(|s| s.scope).collect();
                let hint = nearest(scope, all.iter().copied())
                    .map(|n| format!("did you mean `{n}`? "))
                    .unwrap_or_default();
                ignored(
                    sink,
                    "/invalid-value",
                    perm.key.span.clone(),
                    format!(
                        "`{scope}` is not a permission scope: {hint}scopes are {}",
                        quote_all(&all)
                    ),
                );
                continue;
            };
            match text(&perm.value) {
                None => {
                    let got = perm.value.type_name();
                    rejected(
                        sink,
                        "/wrong-type",
                        perm.value.span.clone(),
                        format!("the access of `{scope}` must be a word, not a {got}"),
                    );
                }
                Some(val) if !known.values.contains(&val) => rejected(
                    sink,
                    "/invalid-value",
                    at(&perm.value, &perm.key),
                    format!(
                        "`{val}` is not an access for `{scope}` (allowed: {})",
                        quote_all(known.values)
                    ),
                ),
                Some(_) => {}
            }
        }
    }
}

fn quote_all(items: &[&str]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// `hooks` as VS Code's `validateHooks` reads them: event → list of commands (or of matchers
/// holding `hooks:` lists).
pub(super) fn hooks(sink: &mut Sink, key: &Node, v: &Node, schema: &HookSchema) {
    let schema = if sink.remote_target {
        schema.remote.unwrap_or(schema)
    } else {
        schema
    };
    let k = key.as_str().unwrap_or("hooks");
    let NodeKind::Map { entries, .. } = &v.kind else {
        if !missing(v) {
            let got = v.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(v, key),
                format!("`{k}` must be a mapping of hook events to lists of commands, not a {got}"),
            );
        }
        return;
    };
    for e in entries {
        let Some(event) = e.key.as_str() else { continue };
        if !schema.events.contains(&event) {
            let hint = nearest(event, schema.events.iter().copied())
                .map(|n| format!("did you mean `{n}`? "))
                .unwrap_or_default();
            ignored(
                sink,
                "/invalid-value",
                e.key.span.clone(),
                format!(
                    "`{event}` is not a hook event: {hint}events are {}",
                    quote_all(schema.events)
                ),
            );
        }
        let NodeKind::Seq { items, .. } = &e.value.kind else {
            let got = e.value.type_name();
            rejected(
                sink,
                "/wrong-type",
                at(&e.value, &e.key),
                format!("the hook event `{event}` must have a list of commands, not a {got}"),
            );
            continue;
        };
        for item in items {
            hook_command(sink, item, schema);
        }
    }
}

fn hook_command(sink: &mut Sink, item: &Node, schema: &HookSchema) {
    let NodeKind::Map { entries, .. } = &item.kind else {
        let got = item.type_name();
        return rejected(
            sink,
            "/wrong-type",
            item.span.clone(),
            format!("each hook command must be a mapping (`type: command`, `command: …`), not a {got}"),
        );
    };
    if let Some(nested) = entries.iter().find(|e| e.key.as_str() == Some("hooks")) {
        for e in entries {
            if let Some(p) = e.key.as_str().filter(|p| !matches!(*p, "hooks" | "matcher")) {
                ignored(
                    sink,
                    "/invalid-value",
                    e.key.span.clone(),
                    format!("`{p}` is not a property of a hook matcher (`matcher`, `hooks`)"),
                );
            }
        }
        match &nested.value.kind {
            NodeKind::Seq { items, .. } => {
                for i in items {
                    hook_command(sink, i, schema);
                }
            }
            _ => {
                let got = nested.value.type_name();
                rejected(
                    sink,
                    "/wrong-type",
                    at(&nested.value, &nested.key),
                    format!("a matcher's `hooks` must be a list of commands, not a {got}"),
                );
            }
        }
        return;
    }
    let (mut typed, mut runs) = (false, false);
    for e in entries {
        let Some(p) = e.key.as_str() else { continue };
        if !schema.keys.contains(&p) {
            ignored(
                sink,
                "/invalid-value",
                e.key.span.clone(),
                format!("`{p}` is not a property of a hook command ({})", quote_all(schema.keys)),
            );
        }
        let range = at(&e.value, &e.key);
        if p == "type" {
            typed = true;
            if text(&e.value) != Some("command") {
                rejected(
                    sink,
                    "/invalid-value",
                    range,
                    "a hook command's `type` must be `command`".into(),
                );
            }
        } else if schema.runs.contains(&p) {
            runs = true;
            if text(&e.value).is_none_or(|s| s.trim().is_empty()) {
                rejected(
                    sink,
                    "/wrong-type",
                    range,
                    format!("the hook command's `{p}` must be non-empty text"),
                );
            }
        } else if p == "cwd" {
            if text(&e.value).is_none() {
                rejected(
                    sink,
                    "/wrong-type",
                    range,
                    "the hook command's `cwd` must be text".into(),
                );
            }
        } else if p == "env" {
            match &e.value.kind {
                NodeKind::Map { entries, .. } => {
                    for var in entries {
                        if text(&var.value).is_none() {
                            let name = var.key.as_str().unwrap_or_default();
                            rejected(
                                sink,
                                "/wrong-type",
                                var.value.span.clone(),
                                format!("the environment variable `{name}` must have a text value"),
                            );
                        }
                    }
                }
                _ => rejected(
                    sink,
                    "/wrong-type",
                    range,
                    "the hook command's `env` must be a mapping".into(),
                ),
            }
        } else if schema.numbers.contains(&p) && text(&e.value).is_none_or(|s| !js_number(s)) {
            rejected(
                sink,
                "/wrong-type",
                range,
                format!("the hook command's `{p}` must be a number"),
            );
        }
    }
    if !typed {
        rejected(
            sink,
            "/invalid-value",
            item.span.start..item.span.start + 1,
            "this hook command lacks `type: command`".into(),
        );
    }
    if !runs {
        rejected(
            sink,
            "/invalid-value",
            item.span.start..item.span.start + 1,
            format!(
                "this hook command names nothing to run (one of {})",
                quote_all(schema.runs)
            ),
        );
    }
}

/// JavaScript's `!isNaN(Number(s))`.
fn js_number(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t.parse::<f64>().is_ok_and(f64::is_finite)
        || matches!(t, "Infinity" | "+Infinity" | "-Infinity")
        || t.strip_prefix("0x")
            .or_else(|| t.strip_prefix("0X"))
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// VS Code's `applyTo`: one string, split on commas outside `{}` and `[]` (its
/// `splitGlobAware`); no pattern at all, or an empty one, is an error. Whether a pattern matches
/// files is VS Code's glob engine's business, which accepts any other text.
pub(super) fn comma_globs(sink: &mut Sink, key: &Node, v: &Node) {
    let k = key.as_str().unwrap_or("applyTo");
    let Some(s) = text(v) else {
        let got = v.type_name();
        return rejected(
            sink,
            "/wrong-type",
            v.span.clone(),
            format!("`{k}` must be one string of comma-separated globs (`**/*.ts,**/*.tsx`), not a {got}"),
        );
    };
    if missing(v) {
        return;
    }
    let parts = split_glob_aware(s);
    if parts.is_empty() || parts.iter().any(|p| p.is_empty()) {
        let what = if parts.is_empty() {
            "no glob at all"
        } else {
            "an empty pattern between commas"
        };
        rejected(sink, "/invalid-glob", at(v, key), format!("`{k}` holds {what}"));
    }
}

/// `splitGlobAware(s, ',')`: the pieces between commas outside `{…}` and `[…]`; a last empty
/// piece is dropped.
fn split_glob_aware(s: &str) -> Vec<&str> {
    let (mut braces, mut brackets) = (false, false);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            ',' if !braces && !brackets => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            '{' => braces = true,
            '}' => braces = false,
            '[' => brackets = true,
            ']' => brackets = false,
            _ => {}
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// A prompt's `tools` with an agent that runs no tools (`agent: ask`): VS Code ignores them.
pub(super) fn prompt_tools(sink: &mut Sink, root: &Node) {
    let Some(tools) = root.entries().iter().find(|e| e.key.as_str() == Some("tools")) else {
        return;
    };
    // The first of the keys that pick the agent (`agent`, then the older `mode`).
    let keys = sink.format.product.agent_keys(sink.format);
    let agent = keys.iter().find_map(|k| root.get(k)).and_then(Node::as_str);
    let Some(builtin) = agent.and_then(|a| sink.format.product.builtin_agent(a)) else {
        return;
    };
    if !builtin.runs_tools {
        let name = builtin.name;
        ignored(
            sink,
            "/ignored-key",
            tools.key.span.clone(),
            format!(
                "`tools` counts only for an agent that runs tools, and this prompt runs with `agent: {name}`, which runs none"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn globs_split_as_vscode_splits_them() {
        assert_eq!(super::split_glob_aware("**/*.ts,**/*.tsx"), ["**/*.ts", "**/*.tsx"]);
        assert_eq!(super::split_glob_aware("**/*.{ts,tsx},"), ["**/*.{ts,tsx}"]);
        assert_eq!(super::split_glob_aware(",a"), ["", "a"]);
        assert!(super::split_glob_aware("").is_empty());
    }
}
