//! The front matter block itself: present, closed, valid YAML (or only Claude-recoverable),
//! a mapping, no duplicate keys. Returns whether field checks can run.

use super::Sink;
use crate::document::TextRange;
use crate::syntax::yaml::NodeKind;
use std::collections::HashMap;

/// The range of the line holding `offset`, without its line end (at least one character when
/// the line has any, so the squiggle is visible).
fn line_range(sink: &Sink, offset: usize) -> TextRange {
    let rope = sink.doc.rope();
    let line = rope.byte_to_line(offset.min(rope.len_bytes()));
    let start = rope.line_to_byte(line);
    let text = rope.line(line).to_string();
    let content = text.trim_end_matches(['\n', '\r']);
    let lead = content.len() - content.trim_start().len();
    (start + lead)..(start + content.len()).max(start + lead)
}

pub(super) fn check(sink: &mut Sink) -> bool {
    let syntax = sink.doc.syntax();
    let loses = "so Claude Code skips this file (it reads no name or description)";
    let Some(fm) = &syntax.front_matter else {
        if sink.format.front_matter_required {
            let rope = sink.doc.rope();
            let first_line = (0..rope.len_lines().min(64))
                .find(|&l| !rope.line(l).to_string().trim().is_empty())
                .unwrap_or(0);
            let first = line_range(sink, rope.line_to_byte(first_line));
            let indented = sink.doc.slice(&first).trim() == "---" && first.start > rope.line_to_byte(first_line);
            let msg = if indented {
                format!("the front matter's `---` is indented: it must start at column 1, {loses}")
            } else {
                format!(
                    "this {} has no front matter (a `---` block with `name` and `description` at the top of the file), {loses}",
                    sink.format.name
                )
            };
            sink.push("front-matter/missing", first, msg);
        }
        return false;
    };
    if fm.close.is_none() {
        sink.push(
            "front-matter/unclosed",
            fm.open.clone(),
            format!("front matter is never closed: add a line `---` after the last key, {loses}"),
        );
        return false;
    }
    if let (true, Some(close)) = (fm.closed_by_rule, &fm.close) {
        sink.push(
            "front-matter/closed-by-rule",
            close.clone(),
            "the front matter is closed by a `-----` rule instead of `---`: Claude Code stops here and loads the file, but strict YAML tools read on to the next `---` (or find no end); write exactly `---`",
        );
    }
    let yaml = &syntax.yaml;
    for r in &yaml.recovered {
        sink.push(
            "yaml/needs-quotes",
            r.value.clone(),
            format!(
                "the value of `{}` holds `: ` (or starts with a YAML indicator), which strict YAML rejects: Claude Code quotes it and loads the file, but `claude plugin validate` and other YAML tools fail. Quote the value or use a `|` block",
                r.key
            ),
        );
    }
    if let Some(err) = &yaml.error {
        if let Some(heading) = markdown_heading_before(sink, fm.yaml.start, err.at.start) {
            let close_line = sink.doc.rope().byte_to_line(fm.close.as_ref().map_or(0, |c| c.start)) + 1;
            sink.push(
                "yaml/syntax",
                heading,
                format!("the front matter runs into the Markdown body: this heading is read as YAML because the closing `---` comes only on line {close_line}; add a `---` line before it, {loses}"),
            );
            return false;
        }
        let (range, msg) = explain_yaml_error(sink, err.at.start, &err.message);
        sink.push(
            "yaml/syntax",
            range,
            format!("{msg}; Claude Code cannot read this front matter, {loses}"),
        );
        return false;
    }
    let Some(root) = &yaml.root else { return true };
    if !matches!(root.kind, NodeKind::Map { .. }) {
        sink.push(
            "yaml/not-a-mapping",
            root.span.clone(),
            format!(
                "the front matter is a {} instead of `key: value` lines, {loses}",
                root.type_name()
            ),
        );
        return false;
    }
    let mut seen: HashMap<String, TextRange> = HashMap::new();
    for e in root.entries() {
        let Some(key) = e.key.as_str() else { continue };
        if let Some(first) = seen.get(key) {
            let first = first.clone();
            sink.push(
                "yaml/duplicate-key",
                e.key.span.clone(),
                format!("`{key}` is set twice: Claude Code keeps this one and ignores the first, and strict YAML tools reject the file"),
            )
            .related
            .push((first, format!("`{key}` first set here")));
        } else {
            seen.insert(key.to_string(), e.key.span.clone());
        }
    }
    true
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
fn explain_yaml_error(sink: &Sink, at: usize, raw: &str) -> (TextRange, String) {
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
        "this value starts like a YAML list or mapping but is not one: quote the whole value".to_string()
    } else if raw.contains("mapping values are not allowed") {
        "a plain value holds a `:` that YAML reads as a nested key (here a `:` at the end of the line or before a space): quote the value".to_string()
    } else {
        format!("invalid YAML: {raw}")
    };
    if range.is_empty() {
        range = at..(at + 1).min(rope.len_bytes()).max(at);
    }
    (range, msg)
}

fn truncate(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
