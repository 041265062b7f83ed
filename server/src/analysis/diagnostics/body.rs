//! The Markdown body and whole-file rules: an empty body where the body is the prompt; a
//! command's `$ARGUMENTS` / `$1`… against its `argument-hint`; `` !`command` `` lines that need
//! `Bash` in `allowed-tools`; a skill body over the standard's length; legacy chat mode files,
//! deprecated keys and manual-only Cursor rules. `@path` references are checked with the links
//! (`analysis::links`), where the file system is known.

use super::{Fix, Sink};
use crate::document::TextRange;
use crate::formats::{Effect, skill};
use crate::syntax::yaml::NodeKind;
use std::path::{Path, PathBuf};

pub(super) fn check(sink: &mut Sink) {
    let syntax = sink.reading.clone();
    legacy(sink);
    if let Some(fm) = &syntax.front_matter
        && let Some(close) = &fm.close
        && sink.format.body_required
        && !syntax.yaml.whole_file_is_body
    {
        let rope = sink.doc.rope();
        let body = rope.byte_slice(fm.body_start..);
        // Stops at the first non-blank character, so a normal body costs a few bytes.
        if body.chars().all(char::is_whitespace) {
            let effect = super::rules::effect(&format!("{}/empty-body", sink.format.id));
            let then = match effect {
                Effect::Style => String::new(),
                // Where the tool loads the file and refuses the empty prompt, say both.
                Effect::RunsFail => format!(
                    ": {} loads it, and {}",
                    sink.format.product.name,
                    super::fields::consequence(sink, effect)
                ),
                e => format!(": {}", super::fields::consequence(sink, e)),
            };
            sink.push("/empty-body", close.clone(), {
                format!(
                    "nothing follows the front matter: the body is the {}'s prompt, so it has no instructions{then}",
                    sink.format.name
                )
            });
        }
    }
    literal_placeholders(sink);
    template_placeholders(sink);
    if syntax.front_matter.as_ref().is_some_and(|f| f.close.is_none()) {
        return;
    }
    let bs = sink.format.body_syntax;
    if !(bs.arguments.is_some() || bs.shell) && sink.format.kind != crate::formats::Kind::Skill {
        return;
    }
    let text = sink.doc.text();
    let body_start = syntax.body_start().min(text.len());
    let scan = sink.doc.scan();
    let code = &scan.scan.code_blocks;
    if let Some(args) = &bs.arguments {
        arguments(sink, &text, body_start, args);
    }
    let _ = code;
    // The Agent Skills standard's limit, for every format of its files.
    if sink.format.kind == crate::formats::Kind::Skill {
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

/// An argument placeholder of a command body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgRef {
    /// `$ARGUMENTS`: everything typed after the command's name.
    All,
    /// `$N` or `$ARGUMENTS[N]`: argument N, counted as the tool counts.
    Index(u16),
}

/// The argument placeholders of the body, with their ranges: `$ARGUMENTS`, `$ARGUMENTS[N]`
/// (when the tool has it) and `$N`. A `\` before the `$` escapes it; `${1}` is no placeholder.
pub fn argument_refs(text: &str, body_start: usize, syntax: &crate::formats::Arguments) -> Vec<(TextRange, ArgRef)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = body_start;
    while let Some(off) = text[i..].find('$') {
        let at = i + off;
        i = at + 1;
        if at > 0 && b[at - 1] == b'\\' {
            continue;
        }
        if text[at..].starts_with("$ARGUMENTS") {
            let end = at + 10;
            if syntax.indexed
                && b.get(end) == Some(&b'[')
                && let Some(close) = text[end..].find(']')
                && let Ok(n) = text[end + 1..end + close].parse::<u16>()
            {
                out.push((at..end + close + 1, ArgRef::Index(n)));
                i = end + close + 1;
                continue;
            }
            out.push((at..end, ArgRef::All));
            i = end;
            continue;
        }
        let digits = text[at + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && !b
                .get(at + 1 + digits)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        {
            if let Ok(n) = text[at + 1..at + 1 + digits].parse::<u16>() {
                out.push((at..at + 1 + digits, ArgRef::Index(n)));
            }
            i = at + 1 + digits;
        }
    }
    out
}

/// How many arguments an `argument-hint` names: its `[...]` and `<...>` groups (`None` when it
/// has none, so the count is unknown).
pub fn hinted_arguments(hint: &str) -> Option<usize> {
    let n = hint.matches('[').count().max(hint.matches('<').count());
    (n > 0).then_some(n)
}

/// The name of a placeholder for argument `i` (0-based position), as the tool writes it.
pub fn placeholder(syntax: &crate::formats::Arguments, position: usize) -> String {
    format!("${}", position + usize::from(syntax.first))
}

fn arguments(sink: &mut Sink, text: &str, body_start: usize, syntax: &crate::formats::Arguments) {
    let product = sink.format.product.name;
    let refs = argument_refs(text, body_start, syntax);
    if numbering(sink, &refs, syntax) {
        // Renumbering comes first; the hint is compared with the numbers it leaves.
        return;
    }
    // Only a format that has the key promises arguments with it (OpenCode drops it).
    if sink.format.field("argument-hint").is_none() {
        return;
    }
    let reading = sink.reading.clone();
    let Some(root) = &reading.yaml.root else {
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
    if refs.is_empty() {
        let appended = if syntax.appended_when_unused {
            format!("{product} then appends them after the prompt, as `ARGUMENTS: …`")
        } else {
            format!("{product} then drops them")
        };
        sink.push(
            "/argument-mismatch",
            hint_node.span.clone(),
            format!("`argument-hint` promises arguments but the body never uses `$ARGUMENTS` or a numbered placeholder; {appended}"),
        );
        return;
    }
    let Some(n) = hinted_arguments(&hint) else { return };
    for (range, r) in refs {
        let ArgRef::Index(k) = r else { continue };
        let position = usize::from(k).saturating_sub(usize::from(syntax.first));
        if position >= n {
            let written = sink.doc.slice(&range);
            sink.push(
                "/argument-mismatch",
                range,
                format!(
                    "`{written}` is argument {} ({product} counts from `{}`), but `argument-hint` names only {n}: unless the user types more, {product} leaves `{written}` in the prompt as written",
                    position + 1,
                    placeholder(syntax, 0)
                ),
            );
        }
    }
}

/// Numbered placeholders that start past the first argument (`$1`, `$2` and no `$0` where
/// the tool counts from `$0`): written for tools that count from 1, and off by one here.
fn numbering(sink: &mut Sink, refs: &[(TextRange, ArgRef)], syntax: &crate::formats::Arguments) -> bool {
    // With `$ARGUMENTS` in the body the first argument reaches the prompt all the same.
    if syntax.first != 0 || refs.iter().any(|(_, a)| *a == ArgRef::All) {
        return false;
    }
    let numbered: Vec<&(TextRange, ArgRef)> = refs
        .iter()
        .filter(|(r, a)| matches!(a, ArgRef::Index(_)) && !sink.doc.slice(r).starts_with("$ARGUMENTS"))
        .collect();
    let lowest = numbered
        .iter()
        .filter_map(|(_, a)| match a {
            ArgRef::Index(k) => Some(*k),
            ArgRef::All => None,
        })
        .min();
    let Some(1) = lowest else { return false };
    let product = sink.format.product.name;
    let edits: Vec<crate::document::TextEdit> = numbered
        .iter()
        .filter_map(|(r, a)| match a {
            ArgRef::Index(k) => Some(crate::document::TextEdit {
                range: r.clone(),
                new_text: format!("${}", k - 1),
            }),
            ArgRef::All => None,
        })
        .collect();
    let first = numbered[0].0.clone();
    let d = sink.push(
        "/argument-numbering",
        first,
        format!("{product} numbers arguments from `$0`: `$1` is the second argument typed, so the first never reaches the prompt; count from `$0` (`$0` is the first, `$1` the second)"),
    );
    d.fixes.push(Fix {
        title: "Renumber the placeholders from `$0`".into(),
        edits,
        in_fix_all: false,
        rename_to: None,
    });
    true
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

/// Whole-file notes: a legacy chat mode, deprecated keys, a Cursor rule nothing triggers.
fn legacy(sink: &mut Sink) {
    let product = sink.format.product;
    if product.replacement_of(sink.format).is_some() {
        let stem = sink
            .doc
            .path()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .map(|n| n.trim_end_matches(".chatmode.md").to_string())
            .unwrap_or_default();
        let at = sink.reading.front_matter.as_ref().map_or(0..0, |f| f.open.clone());
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
            format!("chat modes are now custom agents: rename this file to `{stem}.agent.md` (in `.github/agents/`); {} still reads it", product.name),
        )
        .with_fix(fix);
    }
    let reading = sink.reading.clone();
    let Some(root) = &reading.yaml.root else {
        if product.triggered_by_front_matter.is_some_and(|f| f.is(sink.format)) && sink.reading.yaml.error.is_none() {
            manual_only(sink);
        }
        return;
    };
    let deprecated: Vec<(&str, &str)> = product.deprecated_keys_of(sink.format).collect();
    let product = product.name;
    for (old, new) in &deprecated {
        let Some(e) = root.entries().iter().find(|e| e.key.as_str() == Some(old)) else {
            continue;
        };
        if *old == "mode" {
            if root.get(new).is_some() {
                // Both: VS Code reads `agent` and ignores `mode`.
                let lines = e.key.span.start..e.value.span.end.max(e.key.span.end);
                let fix = Fix::replace("Remove `mode`", whole_line(sink, lines), "");
                sink.push_as(
                    "/deprecated-key",
                    crate::formats::Effect::Ignored,
                    e.key.span.clone(),
                    format!("`mode` is the deprecated name of `agent`, and `agent` is set too: {product} reads `agent` and ignores `mode`; remove it"),
                )
                .with_fix(Some(fix));
            } else {
                let fix = Fix::replace(format!("Rename to `{new}`"), e.key.span.clone(), *new);
                sink.push(
                    "/deprecated-key",
                    e.key.span.clone(),
                    format!("`mode` is the deprecated name of `agent`: {product} reads it as `agent`; rename it"),
                )
                .with_fix(Some(fix));
            }
        } else {
            // VS Code marks the value, whatever it is.
            let at = if e.value.span.is_empty() {
                e.key.span.clone()
            } else {
                e.value.span.clone()
            };
            sink.push_as(
                "/deprecated-key",
                crate::formats::Effect::Rejected,
                at,
                format!("`infer` is deprecated: {product} reports it as an error; use `user-invocable` (`false` hides the agent from the picker) and `disable-model-invocation` (`true` keeps other agents from running it)"),
            );
        }
    }
    if sink
        .format
        .product
        .triggered_by_front_matter
        .is_some_and(|f| f.is(sink.format))
        && ["description", "globs", "alwaysApply"]
            .iter()
            .all(|k| root.get(k).is_none_or(|v| v.is_null()))
    {
        manual_only(sink);
    }
}

/// The lines a range covers, with their line ends.
fn whole_line(sink: &Sink, range: TextRange) -> TextRange {
    let rope = sink.doc.rope();
    let first = rope.byte_to_line(range.start);
    let last = rope.byte_to_line(range.end.saturating_sub(1).max(range.start));
    let end = if last + 1 < rope.len_lines() {
        rope.line_to_byte(last + 1)
    } else {
        rope.len_bytes()
    };
    rope.line_to_byte(first)..end
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
    let at = sink.reading.front_matter.as_ref().map_or(0..0, |f| f.open.clone());
    sink.push(
        "/manual-only",
        at,
        format!(
            "no `description`, `globs` or `alwaysApply`: {} applies this rule only when you mention it (`@rule`)",
            sink.format.product
        ),
    );
}

/// `${name}` in a body the tool fills in as a template ([`crate::formats::BodySyntax::template_inputs`]):
/// a name that is not one of its inputs makes every run fail. The tool's pattern is
/// `\$\{(\w+)\}` over the whole body, code blocks included, so this one is too.
fn template_placeholders(sink: &mut Sink) {
    let Some(inputs) = sink.format.body_syntax.template_inputs else {
        return;
    };
    let text = sink.doc.text();
    let start = sink.reading.body_start().min(text.len());
    let product = sink.format.product;
    let mut at = start;
    while let Some(i) = text[at..].find("${") {
        let from = at + i;
        at = from + 2;
        let name_len = text[at..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        if name_len == 0 || text.as_bytes().get(at + name_len) != Some(&b'}') {
            continue;
        }
        let name = &text[at..at + name_len];
        if inputs.contains(&name) {
            continue;
        }
        let range = from..at + name_len + 1;
        let known = inputs
            .iter()
            .map(|n| format!("`${{{n}}}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let effect = super::rules::effect(&format!("{}/unknown-placeholder", sink.format.id));
        // `$HOME` means to a shell what `${HOME}` meant and is no placeholder, unless a word
        // character follows (`${HOME}_x` is not `$HOME_x`): then no fix is offered.
        let fix = (!text[range.end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| super::Fix::replace(format!("Write `${name}`"), range.clone(), format!("${name}")));
        sink.push(
            "/unknown-placeholder",
            range,
            format!(
                "`${{{name}}}` is a template placeholder to {product}, and `{name}` is none of its inputs ({known}): {}; write `${name}` (no braces), or `$` and `{{` apart",
                super::fields::consequence(sink, effect)
            ),
        )
        .with_fix(fix);
    }
}

/// `$ARGUMENTS` and `$1`…`$9` in a body whose tool does not substitute them
/// ([`crate::formats::Loader::placeholders_literal`]): the model reads them as written. Code
/// blocks are left alone (`awk '{print $1}'` is shell, not a placeholder), and so are sums of
/// money (`$10`, `$1.50`).
fn literal_placeholders(sink: &mut Sink) {
    if !crate::formats::loader(sink.format.id).is_some_and(|l| l.placeholders_literal) {
        return;
    }
    let text = sink.doc.text();
    let start = sink.reading.body_start().min(text.len());
    let scan = sink.doc.scan();
    let code = &scan.scan.code_blocks;
    let product = sink.format.product;
    let mut at = start;
    while let Some(i) = text[at..].find('$') {
        let from = at + i;
        at = from + 1;
        let rest = &text.as_bytes()[from + 1..];
        let len = if rest.starts_with(b"ARGUMENTS") {
            "ARGUMENTS".len()
        } else {
            let money = |k: usize| rest.get(k).is_some_and(u8::is_ascii_digit);
            match rest {
                [d, ..]
                    if (b'1'..=b'9').contains(d)
                        && !money(1)
                        && !(matches!(rest.get(1), Some(b'.' | b',')) && money(2)) =>
                {
                    1
                }
                _ => 0,
            }
        };
        if len == 0 || code.iter().any(|c| c.contains(&from)) {
            continue;
        }
        let range = from..from + 1 + len;
        let written = &text[range.clone()];
        sink.push(
            "/literal-placeholder",
            range,
            format!("{product} does not replace `{written}`: the model reads it as written, and what follows `/name` is appended after the body; refer to \"the arguments after the command\" instead"),
        );
    }
}
