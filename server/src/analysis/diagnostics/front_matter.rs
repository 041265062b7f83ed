//! The front matter block itself: present, closed, valid YAML (or only Claude-recoverable),
//! a mapping, no duplicate keys. Returns whether field checks can run.

use super::{Fix, Sink};
use crate::document::TextRange;
use crate::formats::Effect;
use crate::syntax::front_matter::NoFrontMatter;
use crate::syntax::reader::{Parser, Split};
use crate::syntax::vscode_yaml::HeaderErrorKind;
use crate::syntax::yaml::{Dialect, NodeKind, Retry, double_quote};
use std::collections::HashMap;

/// The range of the line holding `offset`, without its line end (at least one character when
/// the line has any, so the squiggle is visible).
pub(super) fn line_range(sink: &Sink, offset: usize) -> TextRange {
    let rope = sink.doc.rope();
    let line = rope.byte_to_line(offset.min(rope.len_bytes()));
    let start = rope.line_to_byte(line);
    let text = rope.line(line).to_string();
    let content = text.trim_end_matches(['\n', '\r']);
    let lead = content.len() - content.trim_start().len();
    (start + lead)..(start + content.len()).max(start + lead)
}

/// What losing the front matter does: a file that needs one is not loaded; one that does not
/// loads without any of its keys.
fn lost(sink: &Sink) -> (Effect, String) {
    let product = sink.format.product.name;
    if crate::formats::loader(sink.format.id).is_some() && sink.format.no_front_matter.is_none() {
        return (
            Effect::Ignored,
            format!(
                "{product} reads no front matter, and the {}'s text is the whole file, these lines included",
                sink.format.noun
            ),
        );
    }
    if sink.format.no_front_matter == Some(Effect::NotLoaded) {
        (
            Effect::NotLoaded,
            format!("{product} does not load this {}", sink.format.noun),
        )
    } else {
        (
            Effect::Ignored,
            format!("{product} loads the {} with none of these keys", sink.format.noun),
        )
    }
}

/// What a front matter the tool cannot read as YAML costs, where that depends on how it
/// failed (OpenCode: the whole file becomes the prompt, or the agent is skipped).
fn unreadable(sink: &Sink) -> (Effect, String) {
    let product = sink.format.product.name;
    let noun = sink.format.noun;
    if sink.reading.yaml.whole_file_is_body {
        return (
            Effect::ReadDifferently,
            format!(
                "{product} loads the {noun} with none of these keys, and the whole file, front matter included, is its prompt"
            ),
        );
    }
    if sink.format.reader.split == Split::GrayMatter {
        return (Effect::NotLoaded, format!("{product} skips this {noun} without a word"));
    }
    if let Some(l) = crate::formats::loader(sink.format.id) {
        return (l.unreadable_yaml, super::fields::consequence(sink, l.unreadable_yaml));
    }
    lost(sink)
}

/// The retry's words, for messages.
fn retry_words(sink: &Sink) -> &'static str {
    match sink.format.reader.retry() {
        Some(Retry::QuoteLinesAndTabs) => " even after quoting values and replacing tabs",
        Some(Retry::SanitizeColons) => " even after its retry (values holding `:` read as blocks)",
        _ => "",
    }
}

pub(super) fn check(sink: &mut Sink) -> bool {
    if sink.format.reader.parser == Parser::VsCode {
        return own_parser(sink);
    }
    let reading = sink.reading.clone();
    let product = sink.format.product.name;
    let Some(fm) = &reading.front_matter else {
        missing_or_unopened(sink, reading.none_because);
        return false;
    };
    if fm.close.is_none() && sink.format.reader.split == Split::GrayMatter {
        // gray-matter reads the whole rest of the file as the front matter.
        let fix = close_fix(sink, fm.yaml.start);
        let no_line_feed = !sink
            .doc
            .slice(&(0..sink.doc.rope().len_bytes().min(4096)))
            .contains('\n');
        let (effect, then) = match &reading.yaml.error {
            None if no_line_feed => (
                Effect::ReadDifferently,
                format!(
                    "the lines of this file end with CR only, so {product} finds no line end after `---` and reads the rest as the name of a front matter language: the {} has none of its keys and no prompt; save it with LF or CRLF line ends",
                    sink.format.noun
                ),
            ),
            None => (
                Effect::ReadDifferently,
                format!(
                    "{product} reads every line after it as YAML, and the {} has no prompt",
                    sink.format.noun
                ),
            ),
            Some(_) => {
                let (e, t) = unreadable(sink);
                (
                    e,
                    format!("{product} reads every line after it as YAML, which it cannot read: {t}"),
                )
            }
        };
        let msg = match no_line_feed && reading.yaml.error.is_none() {
            true => then,
            false => format!("front matter is never closed: add a line `---` after the last key; {then}"),
        };
        sink.push_as("front-matter/unclosed", effect, fm.open.clone(), msg)
            .with_fix((!no_line_feed).then_some(fix));
        if reading.yaml.error.is_some() {
            return false;
        }
    } else if fm.close.is_none() {
        let fix = close_fix(sink, fm.yaml.start);
        let (effect, then) = lost(sink);
        sink.push_as(
            "front-matter/unclosed",
            effect,
            fm.open.clone(),
            format!("front matter is never closed: add a line `---` after the last key; {then}"),
        )
        .with_fix(Some(fix));
        return false;
    }
    if let Some(close) = &fm.close
        && fm.yaml.is_empty()
        && crate::formats::loader(sink.format.id).is_some_and(|l| l.empty_block_is_text)
    {
        // `^---\r?\n(…)\r?\n---`: the two line ends need a line between the fences.
        let both = fm.open.start..close.end;
        let lines = whole_lines(sink, both.clone());
        sink.push_as(
            "front-matter/empty",
            Effect::ReadDifferently,
            both,
            format!(
                "an empty front matter: {product} finds a front matter only with a line between the two `---`, so it reads none here, and both `---` lines are the start of the {}'s text; remove them",
                sink.format.noun
            ),
        )
        .with_fix(Some(Fix::replace("Remove the empty front matter", lines, "")));
        return false;
    }
    if let (true, Some(close), Split::DashLineStart) = (fm.closed_by_rule, &fm.close, sink.format.reader.split) {
        // The pattern closes at the first line starting with `---` and keeps a body only
        // when a line end follows those dashes.
        let whole = line_range(sink, close.start);
        let then = super::fields::consequence(sink, Effect::RunsFail);
        sink.push_as(
            "front-matter/closed-by-rule",
            Effect::RunsFail,
            whole.clone(),
            format!("{product} ends the front matter at the `---` that starts this line, and finds no line end right after it, so it loses the whole body: the {} has no prompt, and {then}. Write exactly `---` on this line", sink.format.noun),
        )
        .with_fix(Some(Fix::replace("Write `---`", whole, "---")));
    } else if let (true, Some(close)) = (fm.closed_by_rule, &fm.close) {
        let whole = line_range(sink, close.start);
        sink.push(
            "front-matter/closed-by-rule",
            whole.clone(),
            format!("the front matter is closed by a `-----` rule instead of `---`: {product} ends it at the first three dashes, so the prompt starts with `--`; strict YAML tools read on to the next `---`. Write exactly `---`"),
        )
        .with_fix(Some(Fix::replace("Write `---`", whole, "---")));
    }
    if let Some(close) = &fm.close
        && sink.format.reader.split == Split::GrayMatter
        && !fm.closed_by_rule
    {
        let line = line_range(sink, close.start);
        let rest = sink.doc.slice(&(close.end..line.end.max(close.end)));
        if !rest.trim().is_empty() {
            let fix = Fix::replace(
                "Move the text to the next line",
                close.end..line.end,
                format!("{}{}", sink.line_end(), rest.trim_start()),
            );
            sink.push(
                "front-matter/close-with-text",
                line,
                format!("`{}` follows the closing `---`: {product} ends the front matter at the dashes, and its prompt starts with that text; strict YAML tools do not close the front matter here", truncate(&rest)),
            )
            .with_fix(Some(fix));
        }
    }
    if let (true, Some(close)) = (fm.closed_mid_line, &fm.close) {
        // No `---` line anywhere, and the text up to a `---` in the prose is no YAML: the real
        // mistake is the missing closing line.
        let no_close_line = sink
            .doc
            .syntax()
            .front_matter
            .as_ref()
            .is_some_and(|f| f.close.is_none());
        if no_close_line && reading.yaml.error.is_some() {
            let fix = close_fix(sink, fm.yaml.start);
            let (effect, then) = lost(sink);
            let line = sink.doc.rope().byte_to_line(close.start) + 1;
            sink.push_as(
                "front-matter/unclosed",
                effect,
                fm.open.clone(),
                format!("front matter is never closed: no line `---` ends it, so {product} ends it at the `---` inside line {line} and cannot read what comes before as YAML; add a line `---` after the last key; {then}"),
            )
            .with_fix(Some(fix));
            return false;
        }
        let cut = sink.doc.slice(&(line_range(sink, close.start).start..close.start));
        let rest = sink
            .doc
            .slice(&(fm.body_start..line_range(sink, close.start).end.max(fm.body_start)));
        sink.push(
            "front-matter/closed-mid-line",
            close.clone(),
            format!(
                "this `---` ends {product}'s front matter in the middle of a line: the line is read up to \"{}\", and the rest of the file, from \"{}\", becomes the {}'s prompt; write the dashes another way or quote the value",
                truncate(&cut),
                truncate(&rest),
                sink.format.noun
            ),
        );
    }
    let yaml = &reading.yaml;
    for r in &yaml.recovered {
        let value = sink.doc.slice(&r.value);
        let mut fixes = vec![Fix::replace("Quote the value", r.value.clone(), double_quote(&value))];
        fixes.extend(block_fix(sink, &r.key, r.value.clone(), &value).map(Fix::not_in_fix_all));
        // An unclosed `[` or `{` was meant as a list or a mapping; `[a] [b]` was meant as text.
        let unclosed =
            (value.starts_with('[') && !value.contains(']')) || (value.starts_with('{') && !value.contains('}'));
        let opens = unclosed && !r.needed;
        if !r.needed && !opens {
            // Quoted only because another line failed: read as its whole text.
            if value.contains(" #") {
                sink.push(
                    "yaml/comment-in-value",
                    r.value.clone(),
                    format!("{product} reads this whole line as the value of `{}`, ` #…` included, because the front matter needed its retry; quote the value or drop the comment", r.key),
                );
            }
            continue;
        }
        if unclosed || value.starts_with(['"', '\'', '*', '&', '!']) && !value.contains(": ") {
            sink.push(
                "yaml/read-as-text",
                r.value.clone(),
                format!(
                    "`{}` is not YAML {product} can read (an unclosed list, mapping or quote, or a stray indicator): it reads `{}` as the text `{}`",
                    truncate(&value),
                    r.key,
                    truncate(&value)
                ),
            )
            .fixes
            .extend(fixes);
            continue;
        }
        let how = match sink.format.reader.retry() {
            Some(Retry::SanitizeColons) => "when the front matter fails, {product} reads values holding `:` as `|-` blocks, so it reads this one as written",
            _ => "{product} quotes it and reads it as written",
        }
        .replace("{product}", product);
        sink.push(
            "yaml/needs-quotes",
            r.value.clone(),
            format!(
                "the value of `{}` holds `: ` or starts with a YAML indicator, which strict YAML rejects: {how}, but strict YAML tools and other agent runners reject the file. Quote the value or use a `|` block",
                r.key
            ),
        )
        .fixes
        .extend(fixes);
    }
    if let Some(first) = yaml.tab_lines.first() {
        let n = yaml.tab_lines.len();
        let lines = if n == 1 { " is" } else { "s are" };
        match sink.format.reader.dialect {
            // js-yaml 3 skips the tab and indents the line by the spaces before it only: a line
            // meant to be nested is read one level up or more.
            Dialect::JsYaml3 => {
                sink.push_as(
                    "yaml/tabs",
                    Effect::ReadDifferently,
                    first.clone(),
                    format!("{n} line{lines} indented with tabs: {product}'s YAML reader skips a tab in the indentation, so the line is read as if it were not indented by it (`\tedit: deny` under `permission:` becomes a key of its own); indent with spaces"),
                );
            }
            Dialect::Yaml12 | Dialect::JsYaml4 => {
                sink.push(
                    "yaml/tabs",
                    first.clone(),
                    format!(
                        "{n} line{lines} indented with tabs, which YAML does not allow: {product} reads each tab as two spaces and loads the file, strict YAML tools reject it; indent with spaces"
                    ),
                );
            }
        }
    }
    if let Some(err) = &yaml.error {
        let (effect, then) = unreadable(sink);
        let retry = retry_words(sink);
        if let Some(heading) = markdown_heading_before(sink, fm.yaml.start, err.at.start) {
            let close_line = sink.doc.rope().byte_to_line(fm.close.as_ref().map_or(0, |c| c.start)) + 1;
            sink.push_as(
                "yaml/syntax",
                effect,
                heading,
                format!("the front matter runs into the Markdown body: this heading is read as YAML because the closing `---` comes only on line {close_line}; add a `---` line before it. {product} cannot read the front matter{retry}: {then}"),
            );
            return false;
        }
        let (range, msg, quotable) = explain_yaml_error(sink, err.at.start, &err.message);
        let fix = quotable.then(|| quote_line_fix(sink, &range)).flatten();
        let crlf = sink.doc.slice(&fm.yaml).contains("\r\n") && retry_needs_lf(sink);
        let why_no_retry = if crlf {
            format!(" ({product}'s retry skips lines that end in CR, and this file has CRLF line ends)")
        } else {
            String::new()
        };
        sink.push_as(
            "yaml/syntax",
            effect,
            range,
            format!("{msg}; {product} cannot read this front matter{retry}{why_no_retry}: {then}"),
        )
        .with_fix(fix);
        return false;
    }
    let Some(root) = &yaml.root else { return true };
    if !matches!(root.kind, NodeKind::Map { .. }) {
        let loader = crate::formats::loader(sink.format.id);
        let (effect, then) = match sink.format.unknown_keys_go_to() {
            _ if let Some(l) = loader => (
                l.not_a_mapping,
                format!(
                    "{product} reads no keys from it and loads the {} with its body",
                    sink.format.noun
                ),
            ),
            // OpenCode spreads the list or the text into numbered provider options.
            Some(to) => (
                Effect::Ignored,
                format!("{product} reads none of it as agent keys (it spreads it into numbered `{to}`)"),
            ),
            None => lost(sink),
        };
        sink.push_as(
            "yaml/not-a-mapping",
            effect,
            root.span.clone(),
            format!(
                "the front matter is a {} instead of `key: value` lines: {then}",
                root.type_name()
            ),
        );
        return false;
    }
    let mut seen: HashMap<String, (TextRange, TextRange)> = HashMap::new();
    let flow = matches!(root.kind, NodeKind::Map { flow: true, .. });
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        comment_in_value(sink, key, &e.value);
        if let Some((first, first_value)) = seen.get(key) {
            let first = first.clone();
            let fix = (!flow)
                .then(|| {
                    let lines = whole_lines(sink, first.start..first_value.end.max(first.end));
                    Fix::replace(format!("Remove the first `{key}` (it is ignored)"), lines, "")
                })
                .map(Fix::not_in_fix_all);
            let d = match crate::formats::loader(sink.format.id) {
                Some(l) if l.duplicate_key != Effect::Ignored => {
                    let then = super::fields::consequence(sink, l.duplicate_key);
                    sink.push_as(
                        "yaml/duplicate-key",
                        l.duplicate_key,
                        e.key.span.clone(),
                        format!("`{key}` is set twice, which {product}'s YAML parser rejects: {then}; remove one"),
                    )
                }
                // A strict YAML reader with no retry (js-yaml 4 `load`) fails on the duplicate.
                _ if sink.format.reader.retry() == Some(Retry::None) => {
                    let (effect, then) = lost(sink);
                    sink.push_as(
                        "yaml/duplicate-key",
                        effect,
                        e.key.span.clone(),
                        format!("`{key}` is set twice, and {product}'s YAML reader rejects a duplicated key: {then}"),
                    )
                }
                _ => sink.push(
                    "yaml/duplicate-key",
                    e.key.span.clone(),
                    format!("`{key}` is set twice: {product} keeps this one and ignores the first, and strict YAML tools reject the file"),
                ),
            };
            d.related.push((first, format!("`{key}` first set here")));
            d.with_fix(fix);
        } else {
            seen.insert(key.to_string(), (e.key.span.clone(), e.value.span.clone()));
        }
    }
    true
}

/// The front matter as a tool with its own parser reads it (VS Code): no closing line makes
/// the whole file the header, the parser reports its errors and reads on, a line it cannot
/// read ends the header silently. Every finding says what that tool then reads.
fn own_parser(sink: &mut Sink) -> bool {
    let reading = sink.reading.clone();
    let product = sink.format.product.name;
    let noun = sink.format.noun;
    let Some(fm) = &reading.front_matter else {
        missing_or_unopened(sink, None);
        return false;
    };
    if fm.close.is_none() {
        let fix = close_fix(sink, fm.yaml.start);
        sink.push_as(
            "front-matter/unclosed",
            Effect::ReadDifferently,
            fm.open.clone(),
            format!("no line `---` closes the front matter: {product} reads the whole rest of the file as its header, so the {noun} has no instructions, and body lines that look like `key: value` become keys; add a line `---` after the last key"),
        )
        .with_fix(Some(fix));
    }
    let root = reading.yaml.root.as_ref();
    let is_map = root.is_some_and(|r| matches!(r.kind, NodeKind::Map { .. }));
    for err in &reading.errors {
        let range = visible(sink, err.at.clone());
        let said = &err.message;
        let (rule, what) = match err.kind {
            HeaderErrorKind::NotAMapping => {
                let got = root.map_or("value", |r| r.type_name());
                (
                    "yaml/not-a-mapping",
                    format!(
                        "the front matter is a {got} instead of `key: value` lines: {product} reports `{said}` (an error) and reads none of its keys"
                    ),
                )
            }
            HeaderErrorKind::DuplicateKey => {
                let key = sink.doc.slice(&err.at);
                (
                    "yaml/duplicate-key",
                    format!(
                        "`{key}` is set twice: {product} reports `{said}` (an error) and uses the first `{key}`; remove one"
                    ),
                )
            }
            HeaderErrorKind::MissingValue => {
                let line = line_range(sink, err.at.start);
                let key = sink.doc.slice(&(line.start..err.at.start));
                let key = key.trim();
                (
                    "yaml/syntax",
                    format!(
                        "`{key}:` has no value: {product} reports `{said}` (an error) and reads `{key}` as empty; give it a value or remove the line"
                    ),
                )
            }
            HeaderErrorKind::MissingItem => (
                "yaml/syntax",
                format!("a `-` with nothing after it: {product} reports `{said}` (an error) and reads an empty item"),
            ),
            HeaderErrorKind::UnexpectedIndentation => (
                "yaml/syntax",
                format!(
                    "this line is indented where no nested value can start (a tab counts as one column): {product} reports `{said}` (an error) and reads the line as if it were not indented"
                ),
            ),
            HeaderErrorKind::ExpectedSeqEnd | HeaderErrorKind::ExpectedMapEnd => (
                "yaml/syntax",
                format!(
                    "a `[` or `{{` above is never closed: {product} reports `{said}` (an error) and reads the lines up to here as its items"
                ),
            ),
            HeaderErrorKind::UnexpectedToken | HeaderErrorKind::ExpectedKey | HeaderErrorKind::ExpectedColon => (
                "yaml/syntax",
                format!(
                    "{product} cannot read this inside a `[…]` or `{{…}}`: it reports `{said}` (an error) and skips it"
                ),
            ),
        };
        sink.push_as(rule, Effect::Rejected, range, what);
    }
    if !is_map {
        return false;
    }
    let lost = if fm.close.is_some() { lost_keys(sink) } else { 0 };
    // Strict YAML would stop where this tool's parser reads on: other tools reading the same
    // file reject it.
    if reading.errors.is_empty()
        && lost == 0
        && let Some(err) = &reading.strict_error
    {
        let (range, msg, quotable) = explain_yaml_error(sink, err.at.start, &err.message);
        let fix = quotable.then(|| quote_line_fix(sink, &range)).flatten();
        let rule = if err.message.contains("tab") {
            "yaml/tabs"
        } else if err.message.contains("mapping values are not allowed") {
            "yaml/needs-quotes"
        } else {
            "yaml/syntax"
        };
        sink.push_as(
            rule,
            Effect::Portability,
            range,
            format!("{msg}: {product}'s own parser reads this front matter as written, but strict YAML parsers, and the tools that read front matter with one, reject it"),
        )
        .with_fix(fix);
    }
    if let Some(root) = root {
        for e in root.entries() {
            if let Some(key) = e.key.as_str() {
                comment_in_value(sink, key, &e.value);
            }
        }
    }
    true
}

/// A range with at least one character when the document has one there, so the squiggle is
/// visible (a parser error at the end of the header is empty).
fn visible(sink: &Sink, r: TextRange) -> TextRange {
    let len = sink.doc.rope().len_bytes();
    if !r.is_empty() || r.start >= len {
        return r;
    }
    let next = sink.doc.slice(&(r.start..(r.start + 4).min(len)));
    let n = next
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r')
        .map_or(0, char::len_utf8);
    r.start..r.start + n
}

/// Top-level `key:` lines of the header that the tool's parser did not read as keys: an
/// unclosed quote or list swallowed them into a value, or a line it could not read ended the
/// header before them. Returns how many.
fn lost_keys(sink: &mut Sink) -> usize {
    let reading = sink.reading.clone();
    let (Some(fm), Some(root)) = (&reading.front_matter, &reading.yaml.root) else {
        return 0;
    };
    let product = sink.format.product.name;
    let rope = sink.doc.rope();
    let entries = root.entries();
    // A later copy of a key is not in the tree (the first counts), but the parser read it.
    let read_on = |line: usize| {
        entries.iter().any(|e| rope.byte_to_line(e.key.span.start) == line)
            || reading
                .errors
                .iter()
                .any(|e| e.kind == HeaderErrorKind::DuplicateKey && rope.byte_to_line(e.at.start) == line)
    };
    let last_end = entries
        .iter()
        .map(|e| e.value.span.end.max(e.key.span.end))
        .max()
        .unwrap_or(fm.yaml.start);
    let (first, last) = (
        rope.byte_to_line(fm.yaml.start),
        rope.byte_to_line(fm.yaml.end.max(fm.yaml.start)),
    );
    let mut found = Vec::new();
    for l in first..last {
        let start = rope.line_to_byte(l);
        let text = rope.line(l).to_string();
        let Some(key) = key_of_line(&text) else { continue };
        if !read_on(l) && start >= fm.yaml.start && start < fm.yaml.end {
            found.push((start..start + key.len(), key.to_string()));
        }
    }
    for (range, key) in &found {
        let holder = entries
            .iter()
            .find(|e| e.value.span.start < range.start && range.start < e.value.span.end);
        let why = match holder {
            Some(e) => {
                let by = e.key.as_str().unwrap_or_default();
                let at = rope.byte_to_line(e.value.span.start) + 1;
                let how = match &e.value.kind {
                    NodeKind::Scalar {
                        style: crate::syntax::yaml::Style::DoubleQuoted | crate::syntax::yaml::Style::SingleQuoted,
                        ..
                    } => {
                        format!("the quote opened on line {at} is never closed, so the value of `{by}` runs on to here")
                    }
                    NodeKind::Seq { flow: true, .. } | NodeKind::Map { flow: true, .. } => {
                        format!(
                            "the `[` or `{{` opened on line {at} is never closed, so `{by}` reads this line as its items"
                        )
                    }
                    _ => format!("it reads this line as more of the value of `{by}` (line {at})"),
                };
                format!("{how}: {product} ignores the key `{key}`")
            }
            None => {
                // The first line after the last key read that is neither blank nor a comment.
                let from = rope.byte_to_line(last_end.min(rope.len_bytes()));
                let stop = (from..last)
                    .find(|&l| {
                        let t = rope.line(l).to_string();
                        let t = t.trim();
                        !t.is_empty() && !t.starts_with('#') && rope.line_to_byte(l) >= last_end
                    })
                    .unwrap_or(from);
                let stop_text = truncate(&rope.line(stop).to_string());
                format!(
                    "{product} stops reading the front matter at line {} (`{stop_text}`), a line it cannot read as `key: value`, and ignores the key `{key}` and every key after it",
                    stop + 1
                )
            }
        };
        sink.push("yaml/lost-keys", range.clone(), why);
    }
    found.len()
}

/// The key of a top-level `key: value` line (at column 0, a name of letters, digits, `_`,
/// `-` and `.` followed by `:` and a blank or the line end).
fn key_of_line(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    let ok = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (ok && (rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']))).then_some(key)
}

/// Whether the reader's retry ignores CRLF lines (Claude Code's line pattern ends at `$`, and a
/// CR before it does not match).
fn retry_needs_lf(sink: &Sink) -> bool {
    sink.format.reader.retry() == Some(Retry::QuoteLinesAndTabs)
}

/// A one-line plain value followed by ` # …` on its line: YAML reads the value up to the `#`.
fn comment_in_value(sink: &mut Sink, key: &str, v: &crate::syntax::yaml::Node) {
    let NodeKind::Scalar {
        style: crate::syntax::yaml::Style::Plain,
        ..
    } = &v.kind
    else {
        return;
    };
    if v.is_null() || v.span.is_empty() {
        return;
    }
    let line = line_range(sink, v.span.start);
    if line.end <= v.span.end || sink.doc.rope().byte_to_line(v.span.end) != sink.doc.rope().byte_to_line(v.span.start)
    {
        return;
    }
    let after = sink.doc.slice(&(v.span.end..line.end));
    let comment = after.trim_start();
    // `# note` is a comment on purpose; `#1` or `#tag` glued to the hash is prose that YAML
    // happens to read as one.
    let prose = comment.strip_prefix('#').is_some_and(|rest| {
        rest.chars().next().is_some_and(|c| !c.is_whitespace() && c != '#') && !rest.starts_with("agentls-ignore")
    });
    if !prose {
        return;
    }
    let value = sink.doc.slice(&v.span);
    let whole = sink.doc.slice(&(v.span.start..line.end));
    let fix = Fix::replace(
        "Quote the value",
        v.span.start..line.end,
        double_quote(whole.trim_end()),
    );
    let product = sink.format.product.name;
    sink.push(
        "yaml/comment-in-value",
        v.span.start..line.end,
        format!(
            "` #` starts a YAML comment: {product} reads `{key}` as `{}` and drops `{}`; quote the value to keep it",
            truncate(&value),
            truncate(after.trim())
        ),
    )
    .with_fix(Some(fix));
}

/// No front matter as the tool reads it: why, and what it costs.
fn missing_or_unopened(sink: &mut Sink, why: Option<NoFrontMatter>) {
    let rope = sink.doc.rope();
    let first_line = (0..rope.len_lines().min(64))
        .find(|&l| !rope.line(l).to_string().trim().is_empty())
        .unwrap_or(0);
    let first = line_range(sink, rope.line_to_byte(first_line));
    let first_text = sink.doc.slice(&first);
    let (effect, then) = lost(sink);
    let msg = match why {
        Some(NoFrontMatter::NeverClosed) => {
            let after_open = rope.line_to_byte((first_line + 1).min(rope.len_lines()));
            let fix = close_fix(sink, after_open);
            sink.push_as(
                "front-matter/unclosed",
                effect,
                first,
                format!("front matter is never closed: there is no `---` after this one; add a line `---` after the last key; {then}"),
            )
            .with_fix(Some(fix));
            return;
        }
        Some(NoFrontMatter::OpeningNotALine)
            if sink.doc.slice(&(0..rope.len_bytes().min(4096))).contains('\r')
                && !sink.doc.slice(&(0..rope.len_bytes().min(4096))).contains('\n') =>
        {
            format!(
                "the lines of this file end with CR only (old Mac line ends): {} finds no front matter without a line feed after `---`; save it with LF or CRLF line ends",
                sink.format.product.name
            )
        }
        Some(NoFrontMatter::OpeningNotALine) => {
            format!(
                "`---` must be alone on the first line (here `{}`): {} reads no front matter",
                truncate(&first_text),
                sink.format.product.name
            )
        }
        // A reader that does not strip a byte order mark sees no `---` at the start.
        Some(NoFrontMatter::NoOpening)
            if sink.format.reader.split == Split::DashLineStart
                && sink.doc.rope().chars().next() == Some('\u{feff}') =>
        {
            format!(
                "the file starts with a byte order mark (BOM), which {} does not strip, so it finds no front matter; save the file as UTF-8 without a BOM",
                sink.format.product.name
            )
        }
        _ if first_text.trim() == "---" && (first_line > 0 || first.start > rope.line_to_byte(first_line)) => {
            let what = if first_line > 0 {
                "the front matter's `---` must be on the first line"
            } else {
                "the front matter's `---` is indented: it must start at column 1"
            };
            format!("{what}, with nothing before it")
        }
        _ => {
            if sink.format.no_front_matter.is_none() {
                return;
            }
            format!(
                "this {} has no front matter (a `---` block with `name` and `description` at the top of the file)",
                sink.format.noun
            )
        }
    };
    if sink.format.no_front_matter == Some(Effect::Portability) {
        sink.push_as(
            "front-matter/missing",
            Effect::Portability,
            first,
            format!("{msg}: {} loads it all the same, named after its folder and described by its first line, but the standard and stricter tools require `name` and `description`", sink.format.product.name),
        );
        return;
    }
    if sink.format.reader.split == Split::GrayMatter {
        // gray-matter finds no front matter: the agent has the defaults, and its prompt is
        // the whole file.
        sink.push_as(
            "front-matter/missing",
            Effect::ReadDifferently,
            first,
            format!(
                "{msg}: {} reads no keys, so the whole file, `---` included, is the {}'s prompt",
                sink.format.product.name, sink.format.noun
            ),
        );
        return;
    }
    if sink.format.no_front_matter.is_none() && effect == Effect::Ignored {
        // Without a front matter that counts, the whole file is the prompt.
        sink.push_as(
            "front-matter/missing",
            Effect::ReadDifferently,
            first,
            format!(
                "{msg}, so the whole file, `---` included, is the {}'s prompt",
                sink.format.noun
            ),
        );
        return;
    }
    sink.push_as("front-matter/missing", effect, first, format!("{msg}: {then}"));
}

/// From the start of the line holding `range.start` to the start of the line after the one
/// holding `range.end` (the lines a top-level entry occupies, with their line ends).
fn whole_lines(sink: &Sink, range: TextRange) -> TextRange {
    let rope = sink.doc.rope();
    let first = rope.byte_to_line(range.start);
    // A block value's span can end at the start of the next line; that line is not part of it.
    let end_at = if range.end > range.start && is_line_start(sink, range.end) {
        range.end - 1
    } else {
        range.end
    };
    let last = rope.byte_to_line(end_at.min(rope.len_bytes()));
    let end = if last + 1 < rope.len_lines() {
        rope.line_to_byte(last + 1)
    } else {
        rope.len_bytes()
    };
    rope.line_to_byte(first)..end
}

fn is_line_start(sink: &Sink, offset: usize) -> bool {
    let rope = sink.doc.rope();
    offset <= rope.len_bytes() && rope.line_to_byte(rope.byte_to_line(offset)) == offset
}

/// Where an unclosed front matter should end: after the last line that still reads as YAML
/// (`key: value`, an indented continuation, a list item, a comment), before the first line of
/// prose or Markdown. The fix inserts `---` there.
fn close_fix(sink: &Sink, yaml_start: usize) -> Fix {
    let rope = sink.doc.rope();
    let first = rope.byte_to_line(yaml_start.min(rope.len_bytes()));
    let mut end_line = first; // the line after the last YAML line
    for l in first..rope.len_lines() {
        let text = rope.line(l).to_string();
        let t = text.trim_end_matches(['\n', '\r']);
        if t.trim().is_empty() {
            continue;
        }
        let key_line = t.split_once(':').is_some_and(|(k, rest)| {
            !k.is_empty()
                && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                && (rest.is_empty() || rest.starts_with([' ', '\t']))
        });
        let hashes = t.chars().take_while(|&c| c == '#').count();
        let heading = (1..=6).contains(&hashes) && t[hashes..].starts_with(' ');
        let comment = hashes > 0 && !heading;
        let yamlish = key_line || t.starts_with([' ', '\t']) || t.starts_with("- ") || t == "-" || comment;
        if !yamlish {
            break;
        }
        end_line = l + 1;
    }
    let le = sink.line_end();
    let (at, text) = if end_line < rope.len_lines() && rope.line_to_byte(end_line) > 0 {
        (rope.line_to_byte(end_line), format!("---{le}"))
    } else {
        // Everything reads as YAML: close at the end, on a line of its own.
        let len = rope.len_bytes();
        let ends_with_newline = len > 0 && matches!(rope.byte(len - 1), b'\n' | b'\r');
        (
            len,
            if ends_with_newline {
                format!("---{le}")
            } else {
                format!("{le}---{le}")
            },
        )
    };
    Fix::replace("Close the front matter with `---`", at..at, text)
}

/// The `|` block form of a one-line value of a top-level key. A `description`'s literal `\n`
/// sequences become line breaks, as Claude Code reads them so.
fn block_fix(sink: &Sink, key: &str, range: TextRange, value: &str) -> Option<Fix> {
    let renders_newlines = sink.format.field(key).is_some_and(|f| f.unescapes_newlines) && value.contains("\\n");
    let text = if renders_newlines {
        value.replace("\\n", "\n")
    } else {
        value.to_string()
    };
    let title = if renders_newlines {
        "Turn the `\\n`-escaped value into a `|` block"
    } else {
        "Move the value into a `|` block"
    };
    Some(Fix::replace(title, range, block_scalar(&text, sink.line_end())))
}

/// `text` as a literal block scalar of a top-level key: `|` and each line indented by two
/// spaces (`|2` when the first line itself starts with a space, so YAML does not take that
/// space for the indentation).
pub(crate) fn block_scalar(text: &str, le: &str) -> String {
    let header = if text.starts_with(' ') { "|2" } else { "|" };
    let mut out = String::from(header);
    for line in text.trim_end_matches('\n').split('\n') {
        out.push_str(le);
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line.trim_end());
        }
    }
    out
}

/// Quotes the value of a top-level `key: value` line (one that starts like a flow collection
/// or holds a `:` YAML cannot read).
fn quote_line_fix(sink: &Sink, line: &TextRange) -> Option<Fix> {
    let text = sink.doc.slice(line);
    let (key, rest) = text.split_once(':')?;
    if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') || !rest.starts_with(' ') {
        return None;
    }
    let value = rest.trim();
    if value.is_empty() || value.starts_with(['"', '\'']) {
        return None;
    }
    let start = line.start + key.len() + 1 + (rest.len() - rest.trim_start().len());
    Some(Fix::replace(
        "Quote the value",
        start..start + value.len(),
        double_quote(value),
    ))
}

/// A Markdown heading (`# Title` at column 0, a comment to YAML) between the front matter's
/// start and the parse error: the sign that the closing fence is missing above it.
fn markdown_heading_before(sink: &Sink, from: usize, error_at: usize) -> Option<TextRange> {
    let rope = sink.doc.rope();
    let (first, last) = (
        rope.byte_to_line(from),
        rope.byte_to_line(error_at.min(rope.len_bytes())),
    );
    (first..=last).find_map(|l| {
        let line = rope.line(l);
        let text: String = line.chars().take(8).collect();
        let hashes = text.chars().take_while(|&c| c == '#').count();
        ((1..=6).contains(&hashes) && text[hashes..].starts_with(' ')).then(|| line_range(sink, rope.line_to_byte(l)))
    })
}

/// Turns the parser's message into one a user can act on, and picks the line to underline.
/// The flag: quoting the line's value is the repair.
fn explain_yaml_error(sink: &Sink, at: usize, raw: &str) -> (TextRange, String, bool) {
    let mut quotable = false;
    let rope = sink.doc.rope();
    let mut range = line_range(sink, at);
    let here = sink.doc.slice(&(at..range.end.max(at)));
    let msg = if raw.contains("nesting deeper") || raw.contains("recursion limit") {
        format!(
            "the front matter nests deeper than {} levels",
            crate::syntax::yaml::MAX_DEPTH
        )
    } else if raw.contains("tab") {
        "a tab is used for indentation; YAML indents with spaces only".to_string()
    } else if raw.contains("simple key expect ':'") || raw.contains("could not find expected ':'") {
        // The scanner notices at the start of the next line; the culprit is the line before.
        let line = rope.byte_to_line(at.min(rope.len_bytes()));
        let at_line_start = at == rope.line_to_byte(line);
        if at_line_start && line > 0 {
            let mut l = line - 1;
            while l > 0 && rope.line(l).to_string().trim().is_empty() {
                l -= 1;
            }
            range = line_range(sink, rope.line_to_byte(l));
        }
        format!(
            "`{}` is not a `key: value` line: indent it to continue the previous value (or put the value in a `|` block)",
            truncate(&sink.doc.slice(&range))
        )
    } else if here.starts_with('[')
        || here.starts_with('{')
        || raw.contains("did not find expected key") && sink.doc.slice(&range).contains('[')
    {
        quotable = true;
        "this value starts like a YAML list or mapping but is not one: quote the whole value".to_string()
    } else if let Some(k) = raw.strip_prefix("duplicated mapping key ") {
        format!("{k} is set twice, and a duplicate key is an error for js-yaml 3")
    } else if raw.contains("mapping values are not allowed") {
        quotable = true;
        "a plain value holds a `:` that YAML reads as a nested key (here a `:` at the end of the line or before a space): quote the value".to_string()
    } else {
        format!("invalid YAML: {raw}")
    };
    if range.is_empty() {
        range = at..(at + 1).min(rope.len_bytes()).max(at);
    }
    (range, msg, quotable)
}

fn truncate(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
