//! Front matter fields against the format's catalog: unknown keys, required fields, value
//! types, enumerated values, names and models.

use super::{Fix, Sink};
use crate::analysis::suggest::nearest;
use crate::formats::claude_models::{self, ModelStatus};
use crate::formats::{Field, ValueKind};
use crate::syntax::yaml::{Node, NodeKind, Style};

pub(super) fn check(sink: &mut Sink, root: &Node) {
    let format = sink.format;
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        match format.field(key) {
            Some(field) => check_value(sink, field, &e.key, &e.value),
            None if key.contains(' ') && key.split_whitespace().count() > 2 => {
                sink.push(
                    "/unknown-key",
                    e.key.span.clone(),
                    format!("`{key}` reads like prose, not a key: is the closing `---` of the front matter missing above it? The Markdown up to the `---` is swallowed into the front matter"),
                );
            }
            None => {
                let known = format.fields.iter().map(|f| f.key);
                let suggestion = nearest(key, known);
                let msg = match suggestion {
                    Some(s) => format!(
                        "unknown key `{key}`: did you mean `{s}`? {} ignores it",
                        tool_name(sink)
                    ),
                    None => format!("unknown key `{key}`: {} ignores it", tool_name(sink)),
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
    for field in format.fields.iter().filter(|f| f.required) {
        if root.get(field.key).is_none() {
            missing(sink, field.key);
        }
    }
}

/// An empty front matter (`---` then `---`): every required field is missing.
pub(super) fn check_empty(sink: &mut Sink) {
    for field in sink.format.fields.iter().filter(|f| f.required) {
        missing(sink, field.key);
    }
}

use super::{tools, values};
use crate::formats::{NameMatch, Vocab};

pub(super) fn tool_name(sink: &Sink) -> &'static str {
    sink.format.product
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
    let fm = sink.doc.syntax().front_matter.as_ref();
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
    let consequence = if key == "name" {
        format!("{} skips this file", tool_name(sink))
    } else {
        format!("{} cannot tell when to use this {}", tool_name(sink), sink.format.name)
    };
    sink.push(
        "/missing-field",
        at,
        format!("required field `{key}` is missing: {consequence}"),
    )
    .with_fix(fix);
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
    if matches!(v.kind, NodeKind::Alias) {
        return; // an alias refers to a value checked where it is defined
    }
    let wrong_type = |sink: &mut Sink, expected: &str| {
        let got = v.type_name();
        let range = if v.span.is_empty() {
            line_of(sink, v)
        } else {
            v.span.clone()
        };
        sink.push("/wrong-type", range, format!("`{key}` must be {expected}, not a {got}"));
    };
    match &field.value {
        ValueKind::Text | ValueKind::Name => {
            if v.is_null() || scalar_string(v).is_some_and(|s| s.trim().is_empty()) {
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
                    sink.push(
                        "/missing-field",
                        range,
                        format!("`{key}` is empty: {} needs it", tool_name(sink)),
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
            let Some(s) = scalar_string(v) else {
                return wrong_type(sink, "text");
            };
            if matches!(field.value, ValueKind::Name) {
                check_name(sink, v, s);
            }
            values::check_length(sink, key, v, s);
        }
        ValueKind::Bool => {
            let ok = matches!(&v.kind, NodeKind::Scalar { value, style: Style::Plain }
                if matches!(value.as_str(), "true" | "false" | "True" | "False" | "TRUE" | "FALSE"));
            if !ok && !v.is_null() {
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
                    sink.push("/invalid-value", v.span.clone(), format!("`{key}` must be at least 1"));
                }
                None if v.is_null() => {}
                None => wrong_type(sink, "a whole number"),
            }
        }
        ValueKind::OneOf(choices) => {
            let Some(s) = scalar_string(v) else {
                if !v.is_null() {
                    wrong_type(sink, "one word");
                }
                return;
            };
            if choices.iter().any(|c| c.value == s) {
                return;
            }
            let allowed = choices
                .iter()
                .map(|c| format!("`{}`", c.value))
                .collect::<Vec<_>>()
                .join(", ");
            let suggestion = nearest(s, choices.iter().map(|c| c.value));
            let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let msg = match suggestion {
                Some(n) => format!(
                    "`{s}` is not a valid `{key}`: did you mean `{n}`? {} ignores it (allowed: {allowed})",
                    tool_name(sink)
                ),
                None => format!(
                    "`{s}` is not a valid `{key}`; {} ignores it (allowed: {allowed})",
                    tool_name(sink)
                ),
            };
            sink.push("/invalid-value", v.span.clone(), msg).with_fix(fix);
        }
        ValueKind::Model => {
            let Some(s) = scalar_string(v) else {
                if !v.is_null() {
                    wrong_type(sink, "a model name");
                }
                return;
            };
            match sink.format.vocab {
                Vocab::OpenCode => values::check_provider_model(sink, v, s.trim()),
                _ => check_model(sink, v, s.trim()),
            }
        }
        ValueKind::Models
        | ValueKind::Globs
        | ValueKind::Number { .. }
        | ValueKind::ToolMap
        | ValueKind::Permission
        | ValueKind::Handoffs
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
                    sink.push(
                        "/wrong-type",
                        item.span.clone(),
                        format!("each `{key}` entry must be a name, not a {got}"),
                    );
                }
            }
            NodeKind::Map { .. } => wrong_type(sink, "a name or a list of names"),
        },
        ValueKind::List | ValueKind::McpServers => {
            if !matches!(v.kind, NodeKind::Seq { .. }) && !v.is_null() {
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

/// The line of a value, for findings about an empty value (whose span is empty).
pub(super) fn line_of(sink: &Sink, v: &Node) -> crate::document::TextRange {
    let rope = sink.doc.rope();
    let line = rope.byte_to_line(v.span.start.min(rope.len_bytes()));
    let start = rope.line_to_byte(line);
    let text = rope.line(line).to_string();
    start..start + text.trim_end_matches(['\n', '\r']).len()
}

fn check_name(sink: &mut Sink, v: &Node, name: &str) {
    if sink.format.name_matches == NameMatch::Folder {
        return values::check_skill_name(sink, v, name);
    }
    if name.contains(':') || name.starts_with('-') {
        sink.push(
            "/invalid-name",
            v.span.clone(),
            format!(
                "`{name}` cannot be a name: {} rejects names that contain `:` or start with `-`",
                tool_name(sink)
            ),
        );
        return;
    }
    let kebab = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && !name.ends_with('-');
    if !kebab {
        let fixed = to_kebab(name);
        let fix = rename_fix(sink, v, format!("Change to `{fixed}`"), &fixed);
        sink.push(
            "/name-format",
            v.span.clone(),
            format!("`{name}` has capitals, spaces or symbols; names are identifiers, written in lowercase with hyphens (e.g. `{fixed}`)"),
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

fn check_model(sink: &mut Sink, v: &Node, s: &str) {
    match claude_models::lookup(s).map(|m| (m.status, m)) {
        Some((ModelStatus::Alias | ModelStatus::Active | ModelStatus::Restricted, _)) => {}
        // Commands and skills take what `--model` takes.
        Some((ModelStatus::CliAlias, _)) if sink.format.id != "claude-agent" => {}
        Some((ModelStatus::CliAlias, m)) => {
            sink.push(
                "/cli-only-model",
                v.span.clone(),
                format!("`{s}` is a `--model` alias not documented for subagents ({}); prefer `sonnet`, `opus`, `haiku`, `fable` or `inherit`", m.doc.trim_end_matches('.')),
            );
        }
        Some((ModelStatus::Retired(date), m)) => {
            let instead = m.replacement.unwrap_or("sonnet");
            let fix = replace_scalar(sink, v, format!("Change to `{instead}`"), instead);
            sink.push(
                "/retired-model",
                v.span.clone(),
                format!("`{s}` was retired on {date}: requests with it fail; use `{instead}`"),
            )
            .with_fix(fix);
        }
        None => {
            let ids = claude_models::MODELS
                .iter()
                .filter(|m| !matches!(m.status, ModelStatus::Retired(_)))
                .map(|m| m.id);
            let suggestion = nearest(s, ids);
            let fix = suggestion.and_then(|n| replace_scalar(sink, v, format!("Change to `{n}`"), n));
            let msg = match suggestion {
                Some(n) => format!("unknown model `{s}`: did you mean `{n}`?"),
                None => format!(
                    "unknown model `{s}`: use an alias (`sonnet`, `opus`, `haiku`, `fable`, `inherit`) or a full model id"
                ),
            };
            sink.push("/unknown-model", v.span.clone(), msg).with_fix(fix);
        }
    }
}
