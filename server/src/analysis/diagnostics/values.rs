//! Values of the field kinds beyond the Claude subagent's: globs, numbers, OpenCode's `tools`
//! and `permission` maps and `provider/model`, string maps, length limits, and the Agent Skills
//! name rules. (Copilot's structured values are in `structured`.)

use super::fields::{consequence, line_of, rename_fix, replace_scalar, scalar_string, to_kebab, tool_name};
use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::formats::product::{ProviderModels, SwitchTools, Tools};
use crate::formats::{Effect, Field, ValueKind, skill};
use crate::syntax::yaml::{Node, NodeKind, ScalarType, Style};

/// The product whose tool lists are names and rules in a string or list (what people copy into
/// a tool map).
fn list_writer() -> &'static str {
    crate::formats::PRODUCTS
        .iter()
        .find(|p| matches!(p.tools, Tools::Rules(_)))
        .map_or("tool-list", |p| p.name)
}

/// The product's switchable tools (an empty catalog for a product without them).
fn switches(sink: &Sink) -> &'static SwitchTools {
    static NONE: SwitchTools = SwitchTools {
        tools: &[],
        session_tools: &[],
        permissions: &[],
        no_effect: &[],
        as_edit: &[],
        permission_values: &[],
    };
    match sink.format.product.tools {
        Tools::Switches(t) => t,
        _ => &NONE,
    }
}

pub(super) fn check(sink: &mut Sink, field: &Field, _key_node: &Node, v: &Node) {
    let key = field.key;
    if v.is_null() || matches!(v.kind, NodeKind::Alias) {
        return;
    }
    match &field.value {
        ValueKind::Globs => globs(sink, key, v),
        ValueKind::GlobOrList => glob_or_list(sink, key, v),
        // Checked for its type only: the value is not used (`overridden_by`).
        ValueKind::Number { .. }
            if field.overridden_by.is_some()
                && !matches!(
                    v.scalar_type_in(sink.format.reader.dialect),
                    Some(ScalarType::Int | ScalarType::Float)
                ) =>
        {
            wrong_type(sink, v, key, "a number")
        }
        ValueKind::Number { .. } if field.overridden_by.is_some() => {}
        ValueKind::Number { max } => number(sink, key, v, f64::from(*max)),
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
    let got = v.type_name_in(sink.format.reader.dialect);
    let range = if v.span.is_empty() {
        line_of(sink, v)
    } else {
        v.span.clone()
    };
    let then = then_of(sink, "/wrong-type");
    sink.push(
        "/wrong-type",
        range,
        format!("`{key}` must be {expected}, not a {got}{then}"),
    );
}

/// `: what the tool then does` for a rule whose findings in this format claim more than that
/// the value is ignored (OpenCode refuses its configuration).
fn then_of(sink: &Sink, rule: &str) -> String {
    let code = format!("{}{rule}", sink.format.id);
    match super::rules::effect(&code) {
        Effect::Ignored => String::new(),
        effect => format!(": {}", consequence(sink, effect)),
    }
}

/// A sampling number: a finite number; out of range, what the provider does with it.
fn number(sink: &mut Sink, key: &str, v: &Node, max: f64) {
    let dialect = sink.format.reader.dialect;
    let numeric = matches!(v.scalar_type_in(dialect), Some(ScalarType::Int | ScalarType::Float));
    let Some(text) = v.as_str().filter(|_| numeric) else {
        return wrong_type(sink, v, key, "a number");
    };
    let n = match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Ok(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Ok(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Ok(f64::NAN),
        t => t.replace('_', "").parse::<f64>(),
    };
    let Ok(n) = n else {
        return; // `0x1F`, `1:30`: numbers, and no sampling value anyone writes so
    };
    let product = tool_name(sink);
    if !n.is_finite() {
        let then = then_of(sink, "/invalid-value");
        sink.push(
            "/invalid-value",
            v.span.clone(),
            format!("`{key}` must be a finite number, not `{text}`{then}"),
        );
        return;
    }
    if (0.0..=max).contains(&n) {
        return;
    }
    let model = sink
        .reading
        .yaml
        .root
        .as_ref()
        .and_then(|r| r.get("model"))
        .and_then(|m| m.as_text_in(dialect))
        .map(str::to_string);
    match sink.format.product.clamped(key) {
        Some((prefix, lo, hi)) if model.as_deref().is_some_and(|m| m.starts_with(prefix)) => {
            let sent = n.clamp(lo, hi);
            sink.push_as(
                "/invalid-value",
                Effect::ReadDifferently,
                v.span.clone(),
                format!("`{key}` is {n}, outside {lo}–{hi}: {product} sends {sent} to this model's provider, which clamps `{key}` to {lo}–{hi}"),
            );
        }
        Some((prefix, lo, hi)) => {
            sink.push_as(
                "/invalid-value",
                Effect::Portability,
                v.span.clone(),
                format!("`{key}` is {n}, outside 0–{max}: for `{prefix}…` models {product} sends {} (their provider clamps `{key}` to {lo}–{hi}); other providers get {n}, and take at most 2", n.clamp(lo, hi)),
            );
        }
        None => {
            sink.push_as(
                "/invalid-value",
                Effect::Portability,
                v.span.clone(),
                format!(
                    "`{key}` is {n}, outside 0–{max}: {product} sends it as written, and model providers take 0–{max}"
                ),
            );
        }
    }
}

/// OpenCode's `model` is `provider/model-id`, split at the first `/`; a model its catalogue
/// does not have is not found, and the run fails before anything is sent.
pub(super) fn check_provider_model(sink: &mut Sink, models: &ProviderModels, v: &Node, written: &str) {
    let product = tool_name(sink);
    let s = written.trim();
    let fails = consequence(sink, Effect::RunsFail);
    if s != written {
        let fix = replace_scalar(sink, v, "Remove the spaces".into(), s);
        sink.push(
            "/unknown-model",
            v.span.clone(),
            format!("the model has blanks around it: {product} looks for `{written}` as written, finds no such model, and {fails}"),
        )
        .with_fix(fix);
        return;
    }
    let Some((provider, id)) = s.split_once('/') else {
        // Another product's model name (`sonnet`): this product's name for it.
        let instead = (models.from_foreign)(s);
        let fix = instead
            .as_deref()
            .and_then(|i| replace_scalar(sink, v, format!("Change to `{i}`"), i));
        let eg = instead.clone().unwrap_or_else(|| models.example.into());
        sink.push(
            "/unknown-model",
            v.span.clone(),
            format!("{product} models are written `provider/model-id` (e.g. `{eg}`): it reads `{s}` as the provider `{s}` with no model, finds none, and {fails}"),
        )
        .with_fix(fix);
        return;
    };
    if provider.is_empty() || id.is_empty() {
        let missing = if provider.is_empty() { "provider" } else { "model id" };
        sink.push(
            "/unknown-model",
            v.span.clone(),
            format!("`{s}` has no {missing}: {product} finds no such model, and {fails}"),
        );
        return;
    }
    // The providers whose catalogue agentls knows; any other may be configured by the user,
    // unless it is a misspelling of a known one.
    let known = match models.providers.iter().find(|p| p.name == provider) {
        Some(p) => p.ids,
        None => {
            let p = provider;
            if let Some(n) = nearest(p, models.providers.iter().map(|p| p.name)) {
                let to = format!("{n}/{id}");
                let fix = replace_scalar(sink, v, format!("Change to `{to}`"), &to);
                sink.push(
                    "/unknown-model",
                    v.span.clone(),
                    format!(
                        "no provider is called `{p}`: did you mean `{n}`? {product} finds no such model, and {fails}"
                    ),
                )
                .with_fix(fix);
            }
            return;
        }
    };
    if known.contains(&id) {
        return;
    }
    let suggestion = nearest(id, known.iter().copied());
    let fix = suggestion.and_then(|n| {
        replace_scalar(
            sink,
            v,
            format!("Change to `{provider}/{n}`"),
            &format!("{provider}/{n}"),
        )
    });
    let hint = suggestion
        .map(|n| format!(": did you mean `{provider}/{n}`?"))
        .unwrap_or_default();
    sink.push(
        "/unknown-model",
        v.span.clone(),
        format!(
            "the model catalogue of {} has no `{s}`{hint} {product} finds no such model, and {fails}",
            sink.format.product.verified_with.unwrap_or(product)
        ),
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

/// One glob or a list of globs, where a comma is part of the pattern: `a,b` written as one
/// string is one pattern that matches no file (Kiro `fileMatchPattern`, kirodotdev/Kiro#11095).
fn glob_or_list(sink: &mut Sink, key: &str, v: &Node) {
    let (items, listed): (Vec<&Node>, bool) = match &v.kind {
        NodeKind::Scalar { .. } => (vec![v], false),
        NodeKind::Seq { items, .. } => (items.iter().collect(), true),
        _ => return wrong_type(sink, v, key, "a glob or a list of globs"),
    };
    let product = tool_name(sink);
    let noun = sink.format.noun;
    for item in items {
        let Some(s) = scalar_string(item) else {
            wrong_type(sink, item, key, "a glob");
            continue;
        };
        let parts = split_globs(s);
        if parts.len() > 1 {
            let globs: Vec<&str> = parts.iter().map(|(_, g)| *g).filter(|g| !g.is_empty()).collect();
            let list = globs
                .iter()
                .map(|g| crate::syntax::yaml::double_quote(g))
                .collect::<Vec<_>>()
                .join(", ");
            if listed {
                sink.push_as(
                    "/comma-in-glob",
                    Effect::Ignored,
                    item.span.clone(),
                    format!("{product} matches `{s}` as one pattern, which matches no file: this entry never matches; write one entry per glob"),
                );
            } else {
                let fix = (!sink.doc.slice(&item.span).contains('\n')).then(|| {
                    Fix::replace(
                        format!("Write a list: `[{list}]`"),
                        item.span.clone(),
                        format!("[{list}]"),
                    )
                });
                sink.push(
                    "/comma-in-glob",
                    item.span.clone(),
                    format!("{product} matches `{s}` as one pattern, which matches no file: this {noun} never loads; write a list: `{key}: [{list}]`"),
                )
                .with_fix(fix);
            }
            continue;
        }
        if let Some(why) = glob_error(s) {
            sink.push(
                "/invalid-glob",
                item.span.clone(),
                format!(
                    "`{s}` in `{key}` is not a valid glob ({why}): it matches no file, so {product} never applies this"
                ),
            );
        }
    }
}

fn tool_map(sink: &mut Sink, key: &str, v: &Node) {
    let dialect = sink.format.reader.dialect;
    let NodeKind::Map { entries, .. } = &v.kind else {
        if matches!(v.kind, NodeKind::Scalar { .. } | NodeKind::Seq { .. }) {
            let then = then_of(sink, "/claude-style-tools");
            sink.push(
                "/claude-style-tools",
                v.span.clone(),
                format!(
                    "{}'s `{key}` is a mapping of tool id to `true`/`false` (`write: false`), not a {} tool list{then}",
                    tool_name(sink),
                    list_writer()
                ),
            );
        } else {
            wrong_type(sink, v, key, "a mapping of tool → `true`/`false`");
        }
        return;
    };
    for e in entries {
        if e.key.as_str() == Some("<<") {
            continue; // a YAML merge key
        }
        let ok = matches!(e.value.scalar_type_in(dialect), Some(ScalarType::Bool(_)));
        if !ok {
            wrong_type(sink, &e.value, key, "`true` or `false` for each tool");
        }
        if let Some(name) = e.key.as_str() {
            tool_key(sink, &e.key, name);
        }
    }
}

/// What a `tools` key stands for: a tool id (`write`, `edit` and `patch` all turn into the
/// `edit` permission), a pattern, or an MCP tool (`server_tool`).
fn tool_key(sink: &mut Sink, key_node: &Node, name: &str) {
    let builtin = switches(sink).all().any(|(t, _)| *t == name);
    let as_edit = switches(sink).as_edit.contains(&name);
    if (builtin && name != "apply_patch") || as_edit || name.contains('*') {
        return;
    }
    if let Some((_, why, instead)) = switches(sink).no_effect(name) {
        let instead = match (name, instead) {
            // In `tools`, `patch` is an `edit`; `apply_patch` is a tool whose permission is `edit`.
            ("apply_patch", _) => Some("patch"),
            (_, i) => *i,
        };
        return no_effect(sink, key_node, name, why, instead);
    }
    if name.contains('_') {
        return; // an MCP tool (`server_tool`), which agentls cannot list
    }
    let ids = switches(sink).all().map(|(t, _)| *t);
    unknown_name(sink, key_node, name, nearest(name, ids), "tool");
}

/// What a `permission` key stands for: a permission OpenCode asks for, a pattern, or an MCP
/// tool (`server_tool`).
fn permission_key(sink: &mut Sink, key_node: &Node, name: &str) {
    if switches(sink).permissions.iter().any(|p| p.key == name) || name.contains('*') {
        return;
    }
    if let Some((_, why, instead)) = switches(sink).no_effect(name) {
        return no_effect(sink, key_node, name, why, *instead);
    }
    if name.contains('_') {
        return; // an MCP tool (`server_tool`), which agentls cannot list
    }
    let keys = switches(sink)
        .permissions
        .iter()
        .map(|p| p.key)
        .chain(switches(sink).no_effect.iter().map(|(k, ..)| *k));
    match nearest(name, keys) {
        // `wirte` was meant as `write`, which itself has no effect.
        Some(s) if let Some((_, why, instead)) = switches(sink).no_effect(s) => {
            let plain = matches!(
                key_node.kind,
                NodeKind::Scalar {
                    style: Style::Plain,
                    ..
                }
            );
            let fix = instead
                .filter(|_| plain)
                .map(|i| Fix::replace(format!("Change to `{i}`"), key_node.span.clone(), i));
            let use_instead = instead.map(|i| format!("; use `{i}`")).unwrap_or_default();
            sink.push(
                "/unknown-tool",
                key_node.span.clone(),
                format!("{} has no permission `{name}`: did you mean `{s}`? That has no effect either: {why}{use_instead}. This entry changes nothing", tool_name(sink)),
            )
            .with_fix(fix);
        }
        suggestion => unknown_name(sink, key_node, name, suggestion, "permission"),
    }
}

/// A key OpenCode accepts and never consults.
fn no_effect(sink: &mut Sink, key_node: &Node, name: &str, why: &str, instead: Option<&str>) {
    let free = instead.is_some_and(|i| {
        sink.reading
            .yaml
            .root
            .as_ref()
            .and_then(|r| {
                r.entries()
                    .iter()
                    .find(|e| e.value.entries().iter().any(|x| x.key.span == key_node.span))
            })
            .is_some_and(|parent| parent.value.get(i).is_none())
    });
    let plain = matches!(
        key_node.kind,
        NodeKind::Scalar {
            style: Style::Plain,
            ..
        }
    );
    let fix = instead
        .filter(|_| free && plain)
        .map(|i| Fix::replace(format!("Change to `{i}`"), key_node.span.clone(), i));
    let use_instead = instead.map(|i| format!("; use `{i}`")).unwrap_or_default();
    sink.push(
        "/unknown-tool",
        key_node.span.clone(),
        format!("`{name}` has no effect: {why}, so this entry changes nothing{use_instead}"),
    )
    .with_fix(fix);
}

/// A tool or permission name OpenCode has nothing for.
fn unknown_name(sink: &mut Sink, key_node: &Node, name: &str, suggestion: Option<&str>, what: &str) {
    let plain = matches!(
        key_node.kind,
        NodeKind::Scalar {
            style: Style::Plain,
            ..
        }
    );
    let fix = suggestion
        .filter(|_| plain)
        .map(|s| Fix::replace(format!("Change to `{s}`"), key_node.span.clone(), s));
    let hint = match suggestion {
        Some(s) if s.eq_ignore_ascii_case(name) => format!(": names are lowercase, did you mean `{s}`?"),
        Some(s) => format!(": did you mean `{s}`?"),
        None => String::new(),
    };
    sink.push(
        "/unknown-tool",
        key_node.span.clone(),
        format!(
            "{} has no {what} `{name}`{hint} This entry changes nothing (unless a plugin adds a tool of that name)",
            tool_name(sink)
        ),
    )
    .with_fix(fix);
}

fn permission_value(sink: &mut Sink, key: &str, v: &Node) {
    let choices = switches(sink).permission_values;
    match v.as_text_in(sink.format.reader.dialect) {
        Some(s) if choices.iter().any(|c| c.value == s) => {}
        Some(s) => {
            let n = nearest(s, choices.iter().map(|c| c.value));
            let fix = n.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let then = then_of(sink, "/invalid-value");
            sink.push(
                "/invalid-value",
                v.span.clone(),
                format!("`{s}` is not a permission action for `{key}` (they are `allow`, `ask` and `deny`){then}"),
            )
            .with_fix(fix);
        }
        None => wrong_type(sink, v, key, "`allow`, `ask` or `deny`"),
    }
}

fn permission(sink: &mut Sink, key: &str, v: &Node) {
    if matches!(v.kind, NodeKind::Scalar { .. }) {
        // One action for every tool.
        return permission_value(sink, key, v);
    }
    let NodeKind::Map { entries, .. } = &v.kind else {
        return wrong_type(
            sink,
            v,
            key,
            "`allow`, `ask`, `deny` or a mapping of permission → action",
        );
    };
    for e in entries {
        let Some(name) = e.key.as_str() else { continue };
        if name == "<<" {
            continue; // a YAML merge key
        }
        permission_key(sink, &e.key, name);
        let patterns = switches(sink)
            .permissions
            .iter()
            .find(|p| p.key == name)
            .is_none_or(|p| p.patterns);
        match &e.value.kind {
            // `bash: {"git *": allow, "*": ask}`: patterns, the last match wins.
            NodeKind::Map { entries: rules, .. } if patterns => {
                for r in rules {
                    permission_value(sink, name, &r.value);
                }
            }
            NodeKind::Map { .. } => wrong_type(
                sink,
                &e.value,
                name,
                "one action (`allow`, `ask` or `deny`), which is all this permission takes",
            ),
            NodeKind::Alias => {}
            _ => permission_value(sink, name, &e.value),
        }
    }
}

/// A one-line value over the format's limit (skill `description`, `compatibility`).
pub(super) fn check_length(sink: &mut Sink, key: &str, v: &Node, s: &str) {
    // The Agent Skills standard's limits, for every format of its files.
    let max = match (sink.format.kind, key) {
        (crate::formats::Kind::Skill, "description") => skill::DESCRIPTION_MAX,
        (crate::formats::Kind::Skill, "compatibility") => skill::COMPATIBILITY_MAX,
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
        let claude = sink.format.product.name;
        if !charset {
            // Which tools reject it is said tool by tool (`rejected-by-tool`); this is the
            // standard's rule.
            sink.push_as(
                "/name-format",
                crate::formats::Effect::Portability,
                v.span.clone(),
                format!("a skill name may hold only lowercase letters, digits and hyphens: the Agent Skills standard rejects `{name}` ({claude} loads it under its folder's name)"),
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
            format!("the skill's name `{name}` differs from its folder `{folder}`: {} lists it under the folder, as `{folder} ({name})`, and runs it as `/{folder}`, but the Agent Skills standard requires the two to match, and tools that name a skill by its `name` list it as `{name}` (hover on `name` shows each tool's); rename one", sink.format.product.name),
        )
        .with_fix(fix);
    }
}
