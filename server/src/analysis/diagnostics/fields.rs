//! Front matter fields against the format's catalog: unknown keys, required fields, value
//! types, enumerated values, names and models.

use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::formats::product::{AliasModels, ModelStatus, Models};
use crate::formats::{Effect, Field, ValueKind};
use crate::syntax::yaml::{Node, NodeKind, ScalarType, Style, double_quote};

pub(super) fn check(sink: &mut Sink, root: &Node) {
    let format = sink.format;
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        if format.guard_hooks_outside.contains(&key) {
            let then = consequence(sink, Effect::NotLoaded);
            sink.push(
                "/hook-outside-hooks",
                e.key.span.clone(),
                format!("`{key}` is a hook event written at the top level instead of under `hooks:`: a guarding hook that cannot load could leave tools unguarded, so {then}; move it under `hooks:`"),
            );
            continue;
        }
        match format.field(key) {
            Some(field) if field.scope == Scope::Local && sink.remote_target => {
                sink.push(
                    "/unknown-key",
                    e.key.span.clone(),
                    format!(
                        "`{key}` is not a key of agents that run on github.com (`target: {}`): {} ignores it there",
                        remote_target(format),
                        tool_name(sink)
                    ),
                );
                if field.checked_remotely {
                    check_value(sink, field, &e.key, &e.value);
                }
            }
            Some(field) if field.scope == Scope::Remote && !sink.remote_target => {
                sink.push(
                    "/ignored-key",
                    e.key.span.clone(),
                    format!(
                        "`{key}` counts only for an agent that runs on github.com (`target: {}`): {} ignores it when the agent runs in {}",
                        remote_target(format),
                        tool_name(sink),
                        tool_name(sink)
                    ),
                );
            }
            Some(field) if sink.remote_target && !field.checked_remotely => {}
            Some(field) => check_value(sink, field, &e.key, &e.value),
            // A format without keys of its own (a workflow whose front matter the docs do not
            // describe, a memory file) makes no claim about the keys it does not list.
            None if !rules::applies("/unknown-key", format.id) => {}
            None if key.contains(' ') && key.split_whitespace().count() > 2 => {
                sink.push(
                    "/unknown-key",
                    e.key.span.clone(),
                    format!("`{key}` reads like prose, not a key: is the closing `---` of the front matter missing above it? The Markdown up to the `---` is swallowed into the front matter"),
                );
            }
            None if format.unknown_keys_go_to().is_some() => passed_on(sink, root, e),
            None if let Some((ours, whose)) = foreign_key(format, key) => {
                let fix = (root.get(ours).is_none()
                    && matches!(
                        e.key.kind,
                        NodeKind::Scalar {
                            style: Style::Plain,
                            ..
                        }
                    ))
                .then(|| Fix::replace(format!("Change to `{ours}`"), e.key.span.clone(), ours));
                sink.push(
                    "/unknown-key",
                    e.key.span.clone(),
                    format!(
                        "`{key}` is {whose}'s key; {}'s is `{ours}`: {} ignores it",
                        tool_name(sink),
                        tool_name(sink)
                    ),
                )
                .with_fix(fix);
            }
            None => {
                let known = format.fields.iter().map(|f| f.key);
                let foreign = format.foreign_keys().iter().find(|(k, ..)| *k == key);
                let suggestion = foreign.map(|(_, ours, _)| *ours).or_else(|| nearest(key, known));
                // A strict schema drops the whole file for a key it does not know.
                let then = consequence(sink, rules::effect(&format!("{}/unknown-key", format.id)));
                let msg = match (foreign, suggestion) {
                    (Some((_, ours, whose)), _) => format!(
                        "`{key}` is {whose}'s spelling; {}'s key is `{ours}`: {then}",
                        tool_name(sink)
                    ),
                    (None, Some(s)) => format!("unknown key `{key}`: did you mean `{s}`? {then}"),
                    (None, None) => format!("unknown key `{key}`: {then}"),
                };
                // Renaming onto a key that is already there would only make a duplicate.
                let fix = suggestion
                    .filter(|s| {
                        root.get(s).is_none()
                            && matches!(
                                e.key.kind,
                                NodeKind::Scalar {
                                    style: Style::Plain,
                                    ..
                                }
                            )
                    })
                    .map(|s| Fix::replace(format!("Change to `{s}`"), e.key.span.clone(), s));
                sink.push("/unknown-key", e.key.span.clone(), msg).with_fix(fix);
            }
        }
    }
    tools::check_conflicts(sink, root);
    if !format.product.agent_keys(format).is_empty() {
        structured::prompt_tools(sink, root);
    }
    for field in format.fields.iter().filter(|f| f.required) {
        if root.get(field.key).is_none() {
            missing(sink, field.key);
        }
    }
    needed_with(sink, root);
    undescribed(sink, root);
}

/// Another tool's key for one of this format's (`globs` for Kiro's `fileMatchPattern`):
/// this format's key and whose the other one is.
fn foreign_key(format: &crate::formats::Format, key: &str) -> Option<(&'static str, &'static str)> {
    format.checks.iter().find_map(|c| match c {
        crate::formats::Check::ForeignKey { key: k, ours, whose } if *k == key => Some((*ours, *whose)),
        _ => None,
    })
}

/// Keys that one value of another key needs (`trigger: glob` needs `globs`), and keys that
/// count only with that value and are there without it (Kiro's `fileMatchPattern`).
fn needed_with(sink: &mut Sink, root: &Node) {
    let product = tool_name(sink);
    for field in sink.format.fields {
        let Some(n) = &field.needed_with else { continue };
        let mode = root.get(n.key);
        let mode_value = mode.and_then(|v| v.as_str()).map(str::trim);
        let own = root.get(field.key);
        let has = own.is_some_and(|v| !v.is_null() && v.as_text().is_none_or(|t| !t.trim().is_empty()));
        match (mode, mode_value == Some(n.value), has) {
            (Some(m), true, false) => {
                let key = field.key;
                sink.push(
                    "/needs-key",
                    m.span.clone(),
                    format!(
                        "`{}: {}` needs `{key}`, and this {} has none: {}; add `{key}`",
                        n.key, n.value, sink.format.noun, n.without
                    ),
                );
            }
            (_, false, true) if n.only_then => {
                let key = field.key;
                let other = match mode_value {
                    Some(v) => format!("this {} has `{}: {v}`", sink.format.noun, n.key),
                    None => format!("this {} has no `{}`", sink.format.noun, n.key),
                };
                let at = root
                    .entries()
                    .iter()
                    .find(|e| e.key.as_str() == Some(key))
                    .map_or_else(|| line_of(sink, root), |e| e.key.span.clone());
                sink.push(
                    "/ignored-key",
                    at,
                    format!("`{key}` counts only with `{}: {}`, and {other}: {product} ignores it; set `{}: {}` or remove `{key}`", n.key, n.value, n.key, n.value),
                );
            }
            _ => {}
        }
    }
}

/// A key the tool passes on instead of reading it (OpenCode: to the model provider, as an
/// option). A likely misspelling or another tool's key loses what it was meant to do; any
/// other is information.
fn passed_on(sink: &mut Sink, root: &Node, e: &crate::syntax::yaml::Entry) {
    let Some(key) = e.key.as_str() else { return };
    let product = tool_name(sink);
    let to = sink.format.unknown_keys_go_to().unwrap_or("options");
    let foreign = sink.format.foreign_keys().iter().find(|(k, ..)| *k == key);
    let suggestion = nearest(key, sink.format.fields.iter().map(|f| f.key));
    let passed = format!("{product} passes it to the model provider as an option (`{to}.{key}`)");
    let plain = matches!(
        e.key.kind,
        NodeKind::Scalar {
            style: Style::Plain,
            ..
        }
    );
    let (effect, msg, fix) = match (foreign, suggestion) {
        (Some((_, ours, whose)), _) => (
            Effect::Ignored,
            format!("`{key}` is {whose}'s key; {product}'s is `{ours}`: {passed}, which ignores it"),
            None,
        ),
        (None, Some(s)) => (
            Effect::Ignored,
            format!("unknown key `{key}`: did you mean `{s}`? {passed}, which ignores it"),
            (root.get(s).is_none() && plain).then(|| Fix::replace(format!("Change to `{s}`"), e.key.span.clone(), s)),
        ),
        (None, None) => (
            Effect::Style,
            format!(
                "`{key}` is not an agent key: {passed}; only options the provider knows have an effect (`thinking` for Anthropic)"
            ),
            None,
        ),
    };
    sink.push_as("/unknown-key", effect, e.key.span.clone(), msg)
        .with_fix(fix);
}

/// A front matter that gives the tool no keys at all (none, empty, a list): where agents are
/// offered by their description, the agent has none. Not when a finding already says that
/// the keys are lost or the file does nothing.
pub(super) fn undescribed_without_keys(sink: &mut Sink) {
    let keyed = sink
        .reading
        .yaml
        .root
        .as_ref()
        .is_some_and(|r| matches!(r.kind, NodeKind::Map { .. }));
    let lost = sink.out.iter().any(|d| {
        matches!(
            d.effect,
            Effect::ReadDifferently | Effect::NotLoaded | Effect::BreaksTool | Effect::Unchecked
        )
    });
    if keyed || lost || sink.format.delegation().is_none() {
        return;
    }
    let empty = Node {
        span: 0..0,
        kind: NodeKind::Map {
            entries: Vec::new(),
            flow: false,
        },
    };
    undescribed(sink, &empty);
}

/// No description, where the tool offers agents to other agents by their description.
fn undescribed(sink: &mut Sink, root: &Node) {
    let Some(d) = sink.format.delegation() else {
        return;
    };
    let has = root
        .get(d.description_key)
        .and_then(|v| v.as_text_in(sink.format.reader.dialect))
        .is_some_and(|t| !t.trim().is_empty());
    let mode = root.get(d.mode_key).and_then(|v| v.as_str());
    let hidden = root.get(d.hidden_key).and_then(|v| v.as_str()) == Some("true");
    if has || hidden || mode.is_some_and(|m| d.not_offered.contains(&m)) {
        return;
    }
    let product = tool_name(sink);
    let noun = sink.format.noun;
    let key = d.description_key;
    let (at, msg) = match root.get(key) {
        None => (
            sink.reading
                .front_matter
                .as_ref()
                .map_or_else(|| line_of(sink, root), |f| f.open.clone()),
            format!(
                "no `{key}`: {product} offers this {noun} to other agents as \"{}\", so they do not start it; say what it does and when to use it",
                d.undescribed
            ),
        ),
        // Text that is blank: offered with nothing to go by. A value that is not text (null
        // included) has a finding of its own.
        Some(v) if v.as_text_in(sink.format.reader.dialect).is_some() => (
            line_of(sink, v),
            format!(
                "the `{key}` is blank: {product} offers this {noun} to other agents with no description, so they do not start it"
            ),
        ),
        Some(_) => return,
    };
    sink.push("/missing-field", at, msg);
}

/// An empty front matter (`---` then `---`): every required field is missing.
pub(super) fn check_empty(sink: &mut Sink) {
    for field in sink.format.fields.iter().filter(|f| f.required) {
        missing(sink, field.key);
    }
}

use super::{rules, structured, tools, values};
use crate::formats::{NameMatch, Scope};

pub(super) fn tool_name(sink: &Sink) -> &'static str {
    sink.format.product.name
}

/// The value of the format's `target` that runs a file remotely (`github-copilot`).
fn remote_target(format: &crate::formats::Format) -> &'static str {
    format
        .fields
        .iter()
        .find_map(|f| match f.value {
            ValueKind::Target { remote, .. } => Some(remote),
            _ => None,
        })
        .unwrap_or_default()
}

/// The name a file suggests for its agent: its stem in kebab case, or its folder's name for
/// `agents/<name>/agent.md` layouts and skills (`skills/<name>/SKILL.md`). `None` when that is not a valid name.
pub(crate) fn name_from_path(doc: &crate::document::Document) -> Option<String> {
    let path = doc.path()?;
    let stem = path.file_stem()?.to_str()?;
    let stem = if matches!(stem, "agent" | "AGENT" | "SKILL") {
        path.parent()?.file_name()?.to_str()?
    } else {
        stem
    };
    let name = to_kebab(stem);
    (!name.is_empty()).then_some(name)
}

fn missing(sink: &mut Sink, key: &str) {
    let fm = sink.reading.front_matter.as_ref();
    let at = fm.map_or(0..0, |f| f.open.clone());
    // A missing name has an obvious value: the file's. A description has none worth inventing.
    let fix = match (sink.format.field(key).map(|f| &f.value), fm) {
        (Some(ValueKind::Name), Some(fm)) => name_from_path(sink.doc).map(|name| {
            Fix::replace(
                format!("Add `{key}: {name}` (from the file name)"),
                fm.yaml.start..fm.yaml.start,
                format!("{key}: {name}{}", sink.line_end()),
            )
        }),
        _ => None,
    };
    let effect = sink.format.field(key).map_or(Effect::NotLoaded, |f| f.on_bad);
    let consequence = consequence(sink, effect);
    sink.push_as(
        "/missing-field",
        effect,
        at,
        format!("required field `{key}` is missing: {consequence}"),
    )
    .with_fix(fix);
}

/// What the tool then does, as the end of a message.
pub(super) fn consequence(sink: &Sink, effect: Effect) -> String {
    let product = tool_name(sink);
    match effect {
        Effect::NotLoaded => format!("{product} does not load this {}", sink.format.noun),
        Effect::Refused => format!("{product} refuses to start this {}", sink.format.noun),
        Effect::RunsFail => format!("every run of this {} fails", sink.format.noun),
        Effect::Rejected => format!("{product} reports it as an error"),
        Effect::BreaksTool => format!(
            "{product} fails as a whole while this {} is there: no agent runs, not only this one",
            sink.format.noun
        ),
        Effect::Portability => {
            format!("{product} loads it all the same, but the format's standard and stricter tools require it")
        }
        _ => format!("{product} ignores it"),
    }
}

/// Replaces a one-line scalar's value, keeping its quotes. `None` for block scalars and values
/// written with escapes (their text does not map onto the value).
pub(super) fn replace_scalar(sink: &Sink, v: &Node, title: String, new: &str) -> Option<Fix> {
    let NodeKind::Scalar { style, .. } = &v.kind else {
        return None;
    };
    let text = match style {
        Style::Plain => new.to_string(),
        Style::SingleQuoted => format!("'{new}'"),
        Style::DoubleQuoted => format!("\"{new}\""),
        Style::Literal | Style::Folded => return None,
    };
    (!sink.doc.slice(&v.span).contains('\n')).then(|| Fix::replace(title, v.span.clone(), text))
}

/// The quick fix that renames a `name` value to `to`: none when `to` is empty or the value
/// cannot be rewritten in place; never part of fix-all (a rename is the user's choice).
pub(super) fn rename_fix(sink: &Sink, v: &Node, title: String, to: &str) -> Option<Fix> {
    (!to.is_empty())
        .then(|| replace_scalar(sink, v, title, to))
        .flatten()
        .map(Fix::not_in_fix_all)
}

pub(super) fn scalar_string(node: &Node) -> Option<&str> {
    match &node.kind {
        NodeKind::Scalar { value, .. } if !node.is_null() => Some(value),
        _ => None,
    }
}

fn check_value(sink: &mut Sink, field: &Field, key_node: &Node, v: &Node) {
    let key = field.key;
    let dialect = sink.format.reader.dialect;
    if matches!(v.kind, NodeKind::Alias) {
        return; // an alias refers to a value checked where it is defined
    }
    if let ValueKind::NotRead(why) = field.value {
        sink.push("/ignored-key", key_node.span.clone(), format!("`{key}` {why}"));
        return;
    }
    if let Some(from) = field.overridden_by
        && field.on_bad != Effect::Ignored
    {
        // A schema still checks the value: a bad one costs more than the key.
        sink.push(
            "/ignored-key",
            key_node.span.clone(),
            format!(
                "{} checks `{key}` but uses {from}: the key has no effect",
                tool_name(sink)
            ),
        );
    } else if let Some(from) = field.overridden_by {
        sink.push(
            "/ignored-key",
            key_node.span.clone(),
            format!(
                "{} takes this {}'s `{key}` from {from} and ignores this key: move the text into {from}",
                tool_name(sink),
                sink.format.noun
            ),
        );
        return;
    }
    if let Some(old) = field.replaced_by {
        let root = sink.reading.yaml.root.clone();
        let free = root.as_ref().is_some_and(|r| r.get(old).is_none());
        let plain = matches!(
            key_node.kind,
            NodeKind::Scalar {
                style: Style::Plain,
                ..
            }
        );
        // Renaming is the fix only where the new key takes the same value.
        let same_value = sink
            .format
            .field(old)
            .is_some_and(|f| std::mem::discriminant(&f.value) == std::mem::discriminant(&field.value));
        let fix = (free && plain && same_value)
            .then(|| Fix::replace(format!("Rename to `{old}`"), key_node.span.clone(), old));
        sink.push(
            "/deprecated-key",
            key_node.span.clone(),
            format!(
                "`{key}` is deprecated: {} still reads it, and documents `{old}` instead",
                tool_name(sink)
            ),
        )
        .with_fix(fix);
    }
    if let Some(needed) = field.only_with
        && sink
            .reading
            .yaml
            .root
            .as_ref()
            .is_some_and(|r| r.get(needed).is_none_or(|n| n.is_null()))
        && !v.is_null()
    {
        sink.push(
            "/ignored-key",
            key_node.span.clone(),
            format!(
                "`{key}` applies only together with this {}'s own `{needed}`: {} ignores it here",
                sink.format.noun,
                tool_name(sink)
            ),
        );
    }
    let wrong_type = |sink: &mut Sink, expected: &str| {
        let got = v.type_name_in(dialect);
        let range = if v.span.is_empty() {
            line_of(sink, v)
        } else {
            v.span.clone()
        };
        let effect = field.on_bad;
        let then = consequence(sink, effect);
        // A number or a boolean where text is wanted: quoting it makes it text.
        let fix = (matches!(
            v.scalar_type(),
            Some(ScalarType::Int | ScalarType::Float | ScalarType::Bool(_))
        ) && matches!(field.value, ValueKind::Text | ValueKind::Name))
        .then(|| {
            let text = sink.doc.slice(&v.span);
            Fix::replace(format!("Quote `{text}`"), v.span.clone(), double_quote(&text))
        });
        sink.push_as(
            "/wrong-type",
            effect,
            range,
            format!("`{key}` must be {expected}, not a {got}: {then}"),
        )
        .with_fix(fix);
    };
    if field.rejects_null && v.is_null() {
        let then = consequence(sink, field.on_bad);
        sink.push_as(
            "/wrong-type",
            field.on_bad,
            line_of(sink, v),
            format!("`{key}` has no value, which YAML reads as null, and {} rejects null for `{key}`: {then}; write a value or remove the line", tool_name(sink)),
        );
        return;
    }
    match &field.value {
        ValueKind::Text | ValueKind::Name | ValueKind::Slug => {
            let text = v.as_text_in(dialect);
            if v.is_null()
                && !field.required
                && matches!(field.value, ValueKind::Name)
                && rules::applies("/name-mismatch", sink.format.id)
            {
                // A JavaScript tool turns the null key into the text `null`.
                sink.push_as(
                    "/name-mismatch",
                    Effect::ReadDifferently,
                    line_of(sink, v),
                    format!("`{key}` has no value, which YAML reads as null: {} names this {} `null`; write the name or remove the line", tool_name(sink), sink.format.noun),
                );
                return;
            }
            if v.is_null() || text == Some("") {
                if field.required {
                    let range = line_of(sink, v);
                    let key_line = line_of(sink, key_node);
                    // `name:` with nothing after it: fill in the file's name.
                    let fix = (matches!(field.value, ValueKind::Name) && v.is_null())
                        .then(|| name_from_path(sink.doc))
                        .flatten()
                        .map(|name| {
                            Fix::replace(
                                format!("Set `{key}` to `{name}` (the file name)"),
                                key_node.span.end..key_line.end,
                                format!(": {name}"),
                            )
                        });
                    let then = consequence(sink, field.on_bad);
                    sink.push_as(
                        "/missing-field",
                        field.on_bad,
                        range,
                        format!("`{key}` is empty: {then}"),
                    )
                    .with_fix(fix);
                }
                return;
            }
            // `argument-hint: [pr-number]` is a YAML list; Claude Code accepts it (formats.md §5).
            if key == "argument-hint"
                && let NodeKind::Seq { items, flow: true } = &v.kind
            {
                let text: Vec<String> = items
                    .iter()
                    .filter_map(|i| i.as_str())
                    .map(|s| format!("[{s}]"))
                    .collect();
                let fix = (!sink.doc.slice(&v.span).contains('\n')).then(|| {
                    Fix::replace(
                        "Quote the hint",
                        v.span.clone(),
                        format!("\"{}\"", text.join(" ").replace('"', "\\\"")),
                    )
                });
                sink.push(
                    "/argument-hint-list",
                    v.span.clone(),
                    format!(
                        "`{key}` is read as a YAML list here; {} shows it, but other tools expect text: quote it",
                        tool_name(sink)
                    ),
                )
                .with_fix(fix);
                return;
            }
            let Some(s) = text else {
                return wrong_type(sink, "text");
            };
            if s.trim().is_empty() {
                if field.required {
                    sink.push(
                        "/empty-value",
                        v.span.clone(),
                        format!(
                            "`{key}` is blank: {} loads the {} with it, and it says nothing",
                            tool_name(sink),
                            sink.format.noun
                        ),
                    );
                }
                return;
            }
            if matches!(field.value, ValueKind::Name) {
                check_name(sink, v, s);
            }
            if matches!(field.value, ValueKind::Slug) && !is_slug(s) {
                let fixed: String = to_kebab(s);
                let fix = rename_fix(sink, v, format!("Change to `{fixed}`"), &fixed);
                let then = consequence(sink, field.on_bad);
                sink.push_as(
                    "/invalid-name",
                    field.on_bad,
                    v.span.clone(),
                    format!(
                        "`{s}` is not a valid `{key}`: only lowercase letters, digits, `-` and `_` are allowed: {then}"
                    ),
                )
                .with_fix(fix);
                return;
            }
            if matches!(field.value, ValueKind::Slug)
                && sink.format.product.one_agent_per_name
                && sink.format.product.builtin_agent(s).is_some()
            {
                let product = tool_name(sink);
                sink.push_as(
                    "/duplicate-name",
                    Effect::NotLoaded,
                    v.span.clone(),
                    format!(
                        "`{s}` is the name of a built-in {product} agent: {product} keeps the built-in one and does not load this {}; rename it",
                        sink.format.noun
                    ),
                );
            }
            values::check_length(sink, key, v, s);
        }
        ValueKind::Scalar => {
            let Some(s) = v.as_str() else {
                return wrong_type(sink, "text");
            };
            // A bare `key:` is the parser's `Missing value`, reported with the front matter.
            if s.trim().is_empty()
                && !v.span.is_empty()
                && let Some(effect) = field.on_empty
            {
                let then = consequence(sink, effect);
                sink.push_as(
                    "/empty-value",
                    effect,
                    v.span.clone(),
                    format!("`{key}` is empty: {then}"),
                );
            }
        }
        ValueKind::PlainBool => {
            if !structured::plain_bool(v) && !v.span.is_empty() {
                wrong_type(sink, "the plain word `true` or `false`");
            }
        }
        ValueKind::Target { choices, .. } => {
            let Some(s) = v.as_str() else {
                return wrong_type(sink, "one word");
            };
            let s = s.trim();
            if s.is_empty() {
                if !v.span.is_empty()
                    && let Some(effect) = field.on_empty
                {
                    let then = consequence(sink, effect);
                    sink.push_as(
                        "/empty-value",
                        effect,
                        v.span.clone(),
                        format!("`{key}` is empty: {then}"),
                    );
                }
                return;
            }
            if !choices.iter().any(|c| c.value == s) {
                let allowed = choices
                    .iter()
                    .map(|c| format!("`{}`", c.value))
                    .collect::<Vec<_>>()
                    .join(", ");
                let suggestion = nearest(s, choices.iter().map(|c| c.value));
                let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
                let then = consequence(sink, field.on_bad);
                let hint = suggestion.map(|n| format!("did you mean `{n}`? ")).unwrap_or_default();
                sink.push_as(
                    "/invalid-value",
                    field.on_bad,
                    v.span.clone(),
                    format!("`{s}` is not a valid `{key}`: {hint}{then} (allowed: {allowed})"),
                )
                .with_fix(fix);
            }
        }
        ValueKind::AgentNames { tool } => structured::agent_names(sink, key_node, v, tool),
        ValueKind::Permissions(scopes) => structured::permissions(sink, key_node, v, scopes),
        ValueKind::Hooks(schema) => structured::hooks(sink, key_node, v, schema),
        ValueKind::CommaGlobs => structured::comma_globs(sink, key_node, v),
        ValueKind::Handoffs => structured::handoffs(sink, key_node, v),
        ValueKind::Models => structured::models(sink, key_node, v),
        ValueKind::Any | ValueKind::NotRead(_) => {}
        ValueKind::Bool => {
            let ok = matches!(v.scalar_type_in(dialect), Some(ScalarType::Bool(_)));
            if !ok && !v.is_null() {
                wrong_type(sink, "`true` or `false`");
            }
        }
        ValueKind::Flag => {
            let ok =
                matches!(v.scalar_type(), Some(ScalarType::Bool(_))) || matches!(v.as_text(), Some("true" | "false"));
            if !ok && !v.is_null() && v.as_text() != Some("") {
                wrong_type(sink, "`true` or `false`");
            }
        }
        ValueKind::PositiveInt => {
            let n = match &v.kind {
                NodeKind::Scalar {
                    value,
                    style: Style::Plain,
                } => value.parse::<i64>().ok(),
                _ => None,
            };
            match n {
                Some(n) if n >= 1 => {}
                Some(_) => {
                    let then = match field.on_bad {
                        Effect::Ignored => String::new(),
                        effect => format!(": {}", consequence(sink, effect)),
                    };
                    sink.push_as(
                        "/invalid-value",
                        field.on_bad,
                        v.span.clone(),
                        format!("`{key}` must be at least 1{then}"),
                    );
                }
                None if v.is_null() => {}
                None => wrong_type(sink, "a whole number"),
            }
        }
        ValueKind::Count { min } => {
            if v.is_null() {
                return;
            }
            match count_value(v) {
                Some(n) if n >= *min as f64 => {}
                Some(n) => {
                    let then = consequence(sink, field.on_bad);
                    sink.push(
                        "/invalid-value",
                        v.span.clone(),
                        format!("`{key}` must be a whole number of at least {min}, not {n}: {then}"),
                    );
                }
                None => wrong_type(sink, &format!("a whole number of at least {min}")),
            }
        }
        ValueKind::Effort(levels) => {
            let Some(s) = scalar_string(v).map(str::trim).filter(|s| !s.is_empty()) else {
                if !v.is_null() && v.as_text() != Some("") {
                    wrong_type(sink, "an effort level or a whole number");
                }
                return;
            };
            let lower = s.to_ascii_lowercase();
            let known = levels.iter().any(|c| c.value == lower) || lower == "med" || leading_int(&lower).is_some();
            if !known {
                let allowed = levels
                    .iter()
                    .map(|c| format!("`{}`", c.value))
                    .collect::<Vec<_>>()
                    .join(", ");
                let suggestion = nearest(s, levels.iter().map(|c| c.value));
                let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
                let then = consequence(sink, Effect::Ignored);
                sink.push(
                    "/invalid-value",
                    v.span.clone(),
                    format!("`{s}` is not an effort level: {then} (allowed: {allowed}, or a whole number)"),
                )
                .with_fix(fix);
            }
        }
        ValueKind::OneOf(choices) => {
            // A schema's choices are strings: a number or a boolean is not one of them.
            let s = match field.rejects_null {
                true => v.as_text_in(dialect),
                false => scalar_string(v),
            };
            let Some(s) = s else {
                if !v.is_null() {
                    wrong_type(sink, "one word");
                }
                return;
            };
            if (s.is_empty() && !field.rejects_null) || choices.iter().any(|c| c.value == s) {
                return;
            }
            let allowed = choices
                .iter()
                .map(|c| format!("`{}`", c.value))
                .collect::<Vec<_>>()
                .join(", ");
            let suggestion = nearest(s, choices.iter().map(|c| c.value));
            let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let then = field
                .bad_value_then
                .map_or_else(|| consequence(sink, field.on_bad), str::to_string);
            let msg = match suggestion {
                Some(n) if n.eq_ignore_ascii_case(s) => format!(
                    "`{s}` is not a valid `{key}`: values are case-sensitive, did you mean `{n}`? {then} (allowed: {allowed})"
                ),
                Some(n) => format!("`{s}` is not a valid `{key}`: did you mean `{n}`? {then} (allowed: {allowed})"),
                None => format!("`{s}` is not a valid `{key}`: {then} (allowed: {allowed})"),
            };
            let range = if v.span.is_empty() {
                line_of(sink, v)
            } else {
                v.span.clone()
            };
            sink.push_as("/invalid-value", field.on_bad, range, msg).with_fix(fix);
        }
        ValueKind::Color(choices) => {
            let Some(s) = v.as_text_in(dialect) else {
                return wrong_type(sink, "`#rrggbb` or a colour name");
            };
            let hex = s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit());
            if hex || choices.iter().any(|c| c.value == s) {
                return;
            }
            let names = choices
                .iter()
                .map(|c| format!("`{}`", c.value))
                .collect::<Vec<_>>()
                .join(", ");
            let suggestion = nearest(s, choices.iter().map(|c| c.value));
            let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let then = consequence(sink, field.on_bad);
            let range = if v.span.is_empty() {
                line_of(sink, v)
            } else {
                v.span.clone()
            };
            sink.push_as(
                "/invalid-value",
                field.on_bad,
                range,
                format!("`{s}` is not a valid `{key}`: {then} (allowed: `#rrggbb` with six hex digits, or {names})"),
            )
            .with_fix(fix);
        }
        ValueKind::Model => {
            // A number or a boolean is no model name: Claude Code keeps the default, a tool
            // with a schema rejects it.
            let Some(s) = v.as_text_in(dialect) else {
                if field.on_bad != Effect::Ignored {
                    return wrong_type(sink, "a model name");
                }
                if !v.is_null() {
                    let got = v.type_name();
                    sink.push(
                        "/wrong-type",
                        v.span.clone(),
                        format!("`{key}` must be a model name, not a {got}: {} ignores it and the {} uses the default model", tool_name(sink), sink.format.noun),
                    );
                }
                return;
            };
            if s.trim().is_empty() {
                return;
            }
            match sink.format.product.models {
                Models::Providers(models) => values::check_provider_model(sink, models, v, s),
                Models::Aliases(models) => check_model(sink, models, v, s.trim()),
                // Picker names are checked with the other model lists (`structured`).
                Models::Picker(_) | Models::None => {}
            }
        }
        ValueKind::Globs
        | ValueKind::GlobOrList
        | ValueKind::Number { .. }
        | ValueKind::ToolMap
        | ValueKind::Permission
        | ValueKind::StringMap => values::check(sink, field, key_node, v),
        ValueKind::Tools => tools::check_list(sink, key_node, v),
        ValueKind::StringOrList => match &v.kind {
            NodeKind::Scalar { .. } | NodeKind::Alias => {}
            NodeKind::Seq { items, .. } => {
                for item in items
                    .iter()
                    .filter(|i| !matches!(i.kind, NodeKind::Scalar { .. } | NodeKind::Alias))
                {
                    let got = item.type_name();
                    let then = consequence(sink, Effect::Ignored);
                    sink.push(
                        "/wrong-type",
                        item.span.clone(),
                        format!("each `{key}` entry must be a name, not a {got}: {then}"),
                    );
                }
            }
            NodeKind::Map { .. } => wrong_type(sink, "a name or a list of names"),
        },
        ValueKind::List | ValueKind::McpServers => {
            if !matches!(v.kind, NodeKind::Seq { .. }) && !v.is_null() && v.as_text() != Some("") {
                wrong_type(sink, "a list");
            }
        }
        ValueKind::Mapping => {
            if !matches!(v.kind, NodeKind::Map { .. }) && !v.is_null() {
                wrong_type(sink, "a mapping of `key: value` lines");
            }
        }
    }
}

/// A count as Claude Code reads it: a number as is, anything else through
/// `parseInt(String(value), 10)` (so `"5"` and `[5]` are 5). `None`: not a number at all.
fn count_value(v: &Node) -> Option<f64> {
    match v.scalar_type() {
        Some(ScalarType::Int | ScalarType::Float) => v
            .as_str()?
            .parse::<f64>()
            .ok()
            .filter(|n| n.fract() == 0.0)
            .or(Some(f64::NAN)),
        Some(ScalarType::Bool(_)) | Some(ScalarType::Null) => None,
        Some(ScalarType::Str | ScalarType::Timestamp) => leading_int(v.as_str()?.trim()).map(|n| n as f64),
        None => match &v.kind {
            // `String([5])` is `5`; `String([5, 6])` is `5,6`, read as 5.
            NodeKind::Seq { items, .. } => items
                .first()
                .and_then(|i| leading_int(i.as_str()?.trim()))
                .map(|n| n as f64),
            _ => None,
        },
    }
    .filter(|n| !n.is_nan())
}

/// JavaScript's `parseInt(s, 10)`: an optional sign and the digits at the start.
fn leading_int(s: &str) -> Option<i64> {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, s.strip_prefix('+').unwrap_or(s)),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<i64>().ok().map(|n| sign * n)
}

/// The line of a value, for findings about an empty value (whose span is empty).
pub(super) fn line_of(sink: &Sink, v: &Node) -> crate::document::TextRange {
    let rope = sink.doc.rope();
    let line = rope.byte_to_line(v.span.start.min(rope.len_bytes()));
    let start = rope.line_to_byte(line);
    let text = rope.line(line).to_string();
    start..start + text.trim_end_matches(['\n', '\r']).len()
}

/// `^[a-z0-9-_]+$`: what [`ValueKind::Slug`] allows.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'))
}

fn check_name(sink: &mut Sink, v: &Node, name: &str) {
    if sink.format.name_matches == NameMatch::Folder {
        return values::check_skill_name(sink, v, name);
    }
    let not_loaded = consequence(sink, Effect::NotLoaded);
    let id = sink.format.id;
    // Claude Code's loader: no `-` first, no `:` (after NFKC), at most 256 characters.
    let why = if !rules::applies("/invalid-name", id) {
        None
    } else if name.starts_with('-') {
        Some("must not start with `-`".to_string())
    } else if name.contains([':', '\u{fe13}', '\u{fe55}', '\u{ff1a}']) {
        Some("must not contain `:` (it is kept for plugin namespaces)".to_string())
    } else if name.chars().count() > NAME_MAX {
        Some(format!(
            "must be at most {NAME_MAX} characters, not {}",
            name.chars().count()
        ))
    } else {
        None
    };
    if let Some(why) = why {
        let fixed: String = to_kebab(name).chars().take(NAME_MAX).collect();
        let fix = rename_fix(sink, v, format!("Change to `{fixed}`"), &fixed);
        sink.push("/invalid-name", v.span.clone(), format!("a name {why}: {not_loaded}"))
            .with_fix(fix);
        return;
    }
    let kebab = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && !name.ends_with('-');
    if !kebab && rules::applies("/name-format", id) {
        let fixed = to_kebab(name);
        let fix = rename_fix(sink, v, format!("Change to `{fixed}`"), &fixed);
        sink.push(
            "/name-format",
            v.span.clone(),
            format!("`{name}` has capitals, spaces or symbols: {} accepts it, but names are identifiers people type (`@{fixed}`), conventionally lowercase with hyphens", tool_name(sink)),
        )
        .with_fix(fix);
    }
    // `agents/<name>/agent.md` layouts name the folder, not the file.
    if sink.format.name_matches == NameMatch::FileStem
        && let Some(stem) = sink.doc.path().and_then(|p| p.file_stem()).and_then(|s| s.to_str())
        && stem != name
        && !matches!(stem, "agent" | "AGENT")
    {
        // Only when the file name is itself a good name; differing on purpose is allowed.
        let fix = (to_kebab(stem) == stem)
            .then(|| rename_fix(sink, v, format!("Set the name to `{stem}` (the file name)"), stem))
            .flatten();
        sink.push(
            "/name-mismatch",
            v.span.clone(),
            format!(
                "the name `{name}` differs from the file name `{stem}`; {} uses the name",
                tool_name(sink)
            ),
        )
        .with_fix(fix);
    }
}

/// The longest name Claude Code's loader accepts.
const NAME_MAX: usize = 256;

pub(crate) fn to_kebab(s: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
            prev_lower = false;
        }
    }
    out.trim_end_matches('-').to_string()
}

fn check_model(sink: &mut Sink, models: &AliasModels, v: &Node, s: &str) {
    let product = tool_name(sink);
    let fails = consequence(sink, Effect::RunsFail);
    match (models.lookup)(s).map(|m| (m.status, m)) {
        Some((ModelStatus::Alias | ModelStatus::Active | ModelStatus::Restricted, _)) => {}
        Some((ModelStatus::CliAlias, m)) => {
            let sends = m.sends.map_or(String::new(), |id| {
                format!(": in a sub{} {product} sends `{id}`", sink.format.noun)
            });
            sink.push(
                "/cli-only-model",
                v.span.clone(),
                format!("`{s}` is a `--model` alias, not one documented for this field{sends}; prefer `sonnet`, `opus`, `haiku`, `fable` or `inherit`"),
            );
        }
        Some((ModelStatus::Verbatim, m)) => {
            sink.push_as(
                "/unknown-model",
                Effect::RunsFail,
                v.span.clone(),
                format!(
                    "`{s}` is not a model: {product} sends it to the API as is, and {fails}; {}",
                    m.doc
                ),
            );
        }
        Some((ModelStatus::Retired(date), m)) => {
            let instead = m.replacement.unwrap_or("sonnet");
            let fix = replace_scalar(sink, v, format!("Change to `{instead}`"), instead);
            match m.sends {
                // Claude Code maps some retired ids to a current model itself.
                Some(to) => sink.push_as(
                    "/retired-model",
                    Effect::ReadDifferently,
                    v.span.clone(),
                    format!("`{s}` was retired on {date}: {product} sends `{to}` instead; write `{instead}` to say so"),
                ),
                None => sink.push_as(
                    "/retired-model",
                    Effect::RunsFail,
                    v.span.clone(),
                    format!(
                        "`{s}` was retired on {date}: {product} sends it to the API as is, and {fails}; use `{instead}`"
                    ),
                ),
            }
            .with_fix(fix);
        }
        None if (models.provider_id)(s) => {
            sink.push(
                "/provider-model",
                v.span.clone(),
                format!("`{s}` is a model id of a cloud provider (Bedrock, Vertex AI, Foundry): {product} sends it as is, which works only when it runs on that provider"),
            );
        }
        None => {
            let ids = models
                .models
                .iter()
                .filter(|m| !matches!(m.status, ModelStatus::Retired(_) | ModelStatus::Verbatim))
                .map(|m| m.id);
            let suggestion = nearest(s, ids);
            let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let msg = match suggestion {
                Some(n) => format!(
                    "unknown model `{s}`: did you mean `{n}`? {product} sends `{s}` to the API as is, and {fails}"
                ),
                None => {
                    let aliases: Vec<String> = models
                        .models
                        .iter()
                        .filter(|m| m.status == ModelStatus::Alias)
                        .map(|m| format!("`{}`", m.id))
                        .collect();
                    format!(
                        "unknown model `{s}`: {product} sends it to the API as is, and {fails}; use an alias ({}) or a model id",
                        aliases.join(", ")
                    )
                }
            };
            sink.push("/unknown-model", v.span.clone(), msg).with_fix(fix);
        }
    }
}
