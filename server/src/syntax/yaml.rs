//! The front matter's YAML as a tree with byte spans, built from saphyr-parser's events.
//!
//! We build our own tree rather than use saphyr's `MarkedYaml` because the checker needs
//! things a loader hides: every key of a mapping in order, duplicates included (to report both
//! places); aliases kept as aliases and never expanded (so an alias bomb costs nothing); and a
//! nesting limit that turns 10,000-deep input into one error instead of a deep recursion.
//!
//! When strict parsing fails, [`parse`] retries the way Claude Code's loader recovers
//! (formats.md §2): top-level `key: value` lines whose plain value holds `: ` are quoted. If that
//! parses, the tree is used and each such value is reported as [`Recovered`].

use crate::document::TextRange;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

/// Nesting deeper than this is reported as an error: no agent field needs more than a handful.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte range in the document.
    pub span: TextRange,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Scalar {
        value: String,
        style: Style,
    },
    Seq {
        items: Vec<Node>,
        flow: bool,
    },
    Map {
        entries: Vec<Entry>,
        flow: bool,
    },
    /// `*name`: kept unexpanded.
    Alias,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// A plain scalar that YAML reads as null (`key:`, `key: ~`, `key: null`).
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { value, style: Style::Plain }
            if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// The entries of a mapping, empty for anything else.
    pub fn entries(&self) -> &[Entry] {
        match &self.kind {
            NodeKind::Map { entries, .. } => entries,
            _ => &[],
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        // The last occurrence wins, as in the loaders.
        self.entries()
            .iter()
            .rev()
            .find(|e| e.key.as_str() == Some(key))
            .map(|e| &e.value)
    }

    /// What a user would call this value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Scalar { .. } => match self.scalar_type() {
                Some(ScalarType::Null) => "empty value",
                Some(ScalarType::Bool(_)) => "boolean",
                Some(ScalarType::Int | ScalarType::Float) => "number",
                _ => "string",
            },
            NodeKind::Seq { .. } => "list",
            NodeKind::Map { .. } => "mapping",
            NodeKind::Alias => "alias",
        }
    }

    /// The type a YAML 1.2 loader (core schema: js-yaml, Bun) gives a scalar; `None` for
    /// collections and aliases.
    pub fn scalar_type(&self) -> Option<ScalarType> {
        let NodeKind::Scalar { value, style } = &self.kind else {
            return None;
        };
        if *style != Style::Plain {
            return Some(ScalarType::Str);
        }
        Some(core_type(value))
    }

    /// The text of a scalar a loader reads as a string (quoted, or plain text that is not a
    /// number, a boolean or null).
    pub fn as_text(&self) -> Option<&str> {
        match self.scalar_type()? {
            ScalarType::Str => self.as_str(),
            _ => None,
        }
    }
}

/// A scalar's type under the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarType {
    Null,
    Bool(bool),
    Int,
    Float,
    Str,
}

/// The core schema's resolution of a plain scalar (YAML 1.2, §10.3.2).
pub fn core_type(v: &str) -> ScalarType {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarType::Null,
        "true" | "True" | "TRUE" => return ScalarType::Bool(true),
        "false" | "False" | "FALSE" => return ScalarType::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN"
        | ".NAN" => {
            return ScalarType::Float;
        }
        _ => {}
    }
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(h) = v.strip_prefix("0x") {
        return if digits(h, 16) {
            ScalarType::Int
        } else {
            ScalarType::Str
        };
    }
    if let Some(o) = v.strip_prefix("0o") {
        return if digits(o, 8) { ScalarType::Int } else { ScalarType::Str };
    }
    let unsigned = v.strip_prefix(['-', '+']).unwrap_or(v);
    if digits(unsigned, 10) {
        return ScalarType::Int;
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let (mantissa, exp) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((a, b)) => (digits(a, 10) && (b.is_empty() || digits(b, 10))) || (a.is_empty() && digits(b, 10)),
        None => digits(mantissa, 10),
    };
    let exp_ok = exp.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    if mantissa_ok && exp_ok {
        ScalarType::Float
    } else {
        ScalarType::Str
    }
}

/// A plain value that strict YAML rejects and Claude Code's loader quotes for you.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub key: String,
    /// The value as written, in document bytes.
    pub value: TextRange,
    /// Strict YAML rejects this value on its own line: the quoting is what makes the file
    /// load. Otherwise the value was quoted only because another line failed, and it is now
    /// read as the text of the line (a `#` comment, a `[list` included).
    pub needed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Where the parser stopped (an empty range at the offending character).
    pub at: TextRange,
    pub message: String,
}

/// The outcome of parsing a front matter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedYaml {
    /// The root node; `None` for an empty front matter or when parsing failed.
    pub root: Option<Node>,
    /// Values only Claude Code's lenient loader accepts.
    pub recovered: Vec<Recovered>,
    /// The strict parse error that remains even after recovery.
    pub error: Option<SyntaxError>,
    /// Lines whose leading tabs a retry read as two spaces each (the whole line).
    pub tab_lines: Vec<TextRange>,
    /// The strict parse error that made the retry run, when the retry then succeeded.
    pub retried_after: Option<SyntaxError>,
}

/// What a reader does when the front matter is not valid YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Nothing: the front matter is lost.
    None,
    /// agentls's tolerant reading for formats whose loader is not modelled: values holding
    /// `: ` are quoted (never values that open a list or a mapping).
    Lenient,
    /// Claude Code's loader (2.1.332): every top-level line `key: value` (key of letters,
    /// `_` and `-`) whose value is not quoted, not a whole `[...]` list, and holds `: ` or one of
    /// ``{}[]*&#!|>%@` `` is rewritten as a double-quoted string; a line ending in CR never
    /// matches. Then leading tabs become two spaces each, and the YAML is read again.
    QuoteLinesAndTabs,
}

/// Maps saphyr's (line, char column) markers back to document byte offsets. Lines are the same
/// in the original and the repaired text, so one mapper serves both; a column past the end of
/// an original line (only possible inside a repaired value) clamps to that line's end.
struct Lines<'a> {
    text: &'a str,
    base: usize,
    /// Byte offset of each line start, plus the end of each line's content.
    starts: Vec<(usize, usize)>,
    /// Per line, how many leading tabs a retry replaced by two spaces each (columns of the
    /// repaired text map back through it); empty when none did.
    tabs: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        let mut starts = Vec::new();
        let bytes = text.as_bytes();
        let mut line_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    starts.push((line_start, i));
                    line_start = i + 1;
                }
                b'\r' => {
                    starts.push((line_start, i));
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        starts.push((line_start, bytes.len()));
        Lines {
            text,
            base,
            starts,
            tabs: Vec::new(),
        }
    }

    fn line_content(&self, line: usize) -> &'a str {
        let (s, e) = self.starts[line];
        &self.text[s..e]
    }

    /// `line` is 1-based (saphyr), `col` counts chars.
    fn offset(&self, line: usize, col: usize) -> usize {
        let idx = line.saturating_sub(1).min(self.starts.len() - 1);
        let col = match self.tabs.get(idx).copied().unwrap_or(0) {
            0 => col,
            n if col < 2 * n => col / 2,
            n => col - n,
        };
        let (s, e) = self.starts[idx];
        let content = &self.text[s..e];
        let within = content.char_indices().nth(col).map_or(content.len(), |(b, _)| b);
        self.base + s + within
    }

    fn span(&self, span: &Span) -> TextRange {
        let start = self.offset(span.start.line(), span.start.col());
        let end = self.offset(span.end.line(), span.end.col()).max(start);
        start..end
    }
}

/// Parses the front matter YAML. `text` is the YAML between the fences; `base` its byte offset
/// in the document.
pub fn parse(text: &str, base: usize) -> ParsedYaml {
    parse_with(text, base, Retry::Lenient)
}

/// Parses the front matter YAML as a reader with `retry` does.
pub fn parse_with(text: &str, base: usize, retry: Retry) -> ParsedYaml {
    let lines = Lines::new(text, base);
    let strict = build_tabs_as_space(text, &lines);
    let err = match strict {
        Ok(root) => {
            return ParsedYaml {
                root,
                ..Default::default()
            };
        }
        Err(e) => e,
    };
    match retry {
        Retry::None => ParsedYaml {
            error: Some(err),
            ..Default::default()
        },
        Retry::Lenient => lenient(text, lines, err),
        Retry::QuoteLinesAndTabs => quote_lines_and_tabs(text, lines, err),
    }
}

/// [`build`], where a tab after a key's `:` is read as the space YAML allows it to be
/// (saphyr-parser rejects `key:\tvalue`, which YAML 1.2 loaders read as `key: value`). The
/// tab becomes a space of the same width in bytes, so every span stays where it was.
fn build_tabs_as_space(text: &str, lines: &Lines) -> Result<Option<Node>, SyntaxError> {
    let mut err = match build(text, lines) {
        Ok(root) => return Ok(root),
        Err(e) => e,
    };
    let mut fixed = text.to_string();
    for _ in 0..64 {
        // saphyr reports the position after the tab.
        let at = (err.at.start - lines.base).min(fixed.len());
        let b = fixed.as_bytes();
        let tab = [at, at.wrapping_sub(1)]
            .into_iter()
            .find(|&t| t < b.len() && t > 0 && b[t] == b'\t' && b[t - 1] == b':');
        let Some(tab) = tab.filter(|_| err.message.contains("valid YAML whitespace")) else {
            return Err(err);
        };
        fixed.replace_range(tab..tab + 1, " ");
        match build(&fixed, lines) {
            Ok(root) => return Ok(root),
            Err(e) => err = e,
        }
    }
    Err(err)
}

/// Claude Code's retry ([`Retry::QuoteLinesAndTabs`]).
fn quote_lines_and_tabs(text: &str, mut lines: Lines, err: SyntaxError) -> ParsedYaml {
    let mut out = String::with_capacity(text.len() + 64);
    let mut recovered = Vec::new();
    let mut tab_lines = Vec::new();
    let mut tabs = vec![0; lines.starts.len()];
    // Claude Code splits on `\n` only; a CR stays in the line, and no such line matches.
    for seg in text.split_inclusive('\n') {
        let content = seg.strip_suffix('\n').unwrap_or(seg);
        match claude_quotable(content) {
            Some(value_at) => {
                let value = &content[value_at..];
                out.push_str(&content[..value_at]);
                out.push_str(&js_double_quote(value));
                let key = &content[..content.find(':').unwrap_or(0)];
                let at = lines.base + seg_start_in(text, seg) + value_at;
                recovered.push(Recovered {
                    key: key.to_string(),
                    value: at..at + value.len(),
                    // Needed when YAML cannot read the line as it is.
                    needed: parse_strict(&format!("k: {value}"), 0).is_err(),
                });
            }
            None => out.push_str(content),
        }
        if seg.ends_with('\n') {
            out.push('\n');
        }
    }
    // `replace(/^\t+/gm, …)`: leading tabs of every line become two spaces each. The lines of
    // `out` are those of `text` (only values between quotes changed).
    let out_lines = Lines::new(&out, 0);
    let mut repaired = String::with_capacity(out.len() + 16);
    let mut prev_end = 0;
    for (i, &(s, _)) in out_lines.starts.iter().enumerate() {
        repaired.push_str(&out[prev_end..s]);
        let n = out[s..].bytes().take_while(|&b| b == b'\t').count();
        if n > 0 {
            repaired.push_str(&"  ".repeat(n));
            if let Some(t) = tabs.get_mut(i) {
                *t = n;
            }
            if let Some(&(ls, le)) = lines.starts.get(i) {
                tab_lines.push(lines.base + ls..lines.base + le);
            }
        }
        prev_end = s + n;
    }
    repaired.push_str(&out[prev_end..]);
    if repaired == text {
        return ParsedYaml {
            error: Some(err),
            ..Default::default()
        };
    }
    lines.tabs = tabs;
    match build(&repaired, &lines) {
        Ok(mut root) => {
            if let Some(root) = &mut root {
                respan_recovered(root, &recovered);
            }
            ParsedYaml {
                root,
                recovered,
                error: None,
                tab_lines,
                retried_after: Some(err),
            }
        }
        // The retry is not enough: report the error the loader really stops at.
        Err(e) => ParsedYaml {
            error: Some(e),
            ..Default::default()
        },
    }
}

/// Where `seg` (a slice of `text`) starts in it.
fn seg_start_in(text: &str, seg: &str) -> usize {
    seg.as_ptr() as usize - text.as_ptr() as usize
}

/// The index of the value in a line Claude Code's retry quotes, if it does:
/// `^([a-zA-Z_-]+):\s+(\S.*)$` (JavaScript: `.` stops at CR, U+2028 and U+2029, and `$` is
/// the end of the line), the value not already quoted (`"…"`, `'…'`), not a whole `[…]` list,
/// and holding `: ` or one of ``{}[]*&#!|>%@` ``.
fn claude_quotable(line: &str) -> Option<usize> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'-') {
        return None;
    }
    let rest = &line[colon + 1..];
    let value = rest.trim_start_matches(crate::syntax::front_matter::is_js_space);
    if value.len() == rest.len() || value.is_empty() {
        return None;
    }
    if value.contains(['\r', '\u{2028}', '\u{2029}']) {
        return None;
    }
    let quoted = |q: char| value.starts_with(q) && value.ends_with(q);
    if quoted('"') || quoted('\'') {
        return None;
    }
    if value.starts_with('[')
        && value.ends_with(']')
        && matches!(
            parse_strict(value, 0),
            Ok(Some(Node {
                kind: NodeKind::Seq { .. },
                ..
            }))
        )
    {
        return None;
    }
    let special = value.contains(": ") || value.contains(|c| "{}[]*&#!|>%@`".contains(c));
    special.then_some(line.len() - value.len())
}

/// `"…"` as Claude Code writes it: only `\` and `"` are escaped.
fn js_double_quote(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Gives each quoted value's scalar the span of the value as written (the repaired text has
/// quotes the document does not), read as plain text.
fn respan_recovered(node: &mut Node, recovered: &[Recovered]) {
    match &mut node.kind {
        NodeKind::Scalar { style, .. } => {
            if let Some(r) = recovered
                .iter()
                .find(|r| node.span.start >= r.value.start && node.span.start <= r.value.end)
            {
                node.span = r.value.clone();
                *style = Style::Plain;
            }
        }
        NodeKind::Seq { items, .. } => items.iter_mut().for_each(|n| respan_recovered(n, recovered)),
        NodeKind::Map { entries, .. } => {
            for e in entries {
                respan_recovered(&mut e.key, recovered);
                respan_recovered(&mut e.value, recovered);
            }
        }
        NodeKind::Alias => {}
    }
}

/// agentls's tolerant retry ([`Retry::Lenient`]).
fn lenient(text: &str, lines: Lines, err: SyntaxError) -> ParsedYaml {
    if let Some((repaired, recovered)) = repair(text, &lines) {
        return match build(&repaired, &lines) {
            Ok(root) => ParsedYaml {
                root,
                recovered,
                error: None,
                tab_lines: Vec::new(),
                retried_after: Some(err),
            },
            // The retry is not enough: report the error the loader really stops at, the one
            // left after quoting. The quoted values are not worth a warning then: the file
            // fails either way.
            Err(e) => ParsedYaml {
                error: Some(e),
                ..Default::default()
            },
        };
    }
    ParsedYaml {
        error: Some(err),
        ..Default::default()
    }
}

/// Parses `text` as strict YAML 1.2 (no retry): the tree, or where and why parsing stopped.
/// Spans are offsets into `text` plus `base`.
pub fn parse_strict(text: &str, base: usize) -> Result<Option<Node>, SyntaxError> {
    build(text, &Lines::new(text, base))
}

/// Applies the loader's retry rule to every line. Returns `None` when no line qualifies.
fn repair(text: &str, lines: &Lines) -> Option<(String, Vec<Recovered>)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut recovered = Vec::new();
    for (i, &(s, e)) in lines.starts.iter().enumerate() {
        let content = lines.line_content(i);
        let terminator_end = lines.starts.get(i + 1).map_or(text.len(), |next| next.0);
        match recoverable_value(content) {
            Some((key, value_at)) => {
                let value = content[value_at..].trim_end();
                out.push_str(&content[..value_at]);
                out.push_str(&double_quote(value));
                out.push_str(&text[e..terminator_end]);
                if strictly_invalid(value) {
                    recovered.push(Recovered {
                        key: key.to_string(),
                        value: lines.base + s + value_at..lines.base + s + value_at + value.len(),
                        needed: true,
                    });
                }
            }
            None => out.push_str(&text[s..terminator_end]),
        }
    }
    (out != text).then_some((out, recovered))
}

/// The loader's retry rule (Claude Code 2.1.88 `frontmatterParser.ts`, see
/// docs/format-sources.md): a line `^[a-zA-Z_-]+:\s+(.+)$` whose value is not already quoted
/// and holds `: ` or one of ``{}[]*&#!|>%@` `` is rewritten as a double-quoted string. Values
/// that open a flow collection (`[`, `{`) are left out: formats.md §2 measured that Claude Code
/// 2.1.232 drops the whole front matter for `argument-hint: [a] [b]`.
/// Returns the key and the byte index of the value in the line.
fn recoverable_value(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphabetic() || c == '_' || c == '-') {
        return None;
    }
    let rest = &line[colon + 1..];
    let value = rest.trim_start_matches([' ', '\t']);
    if value.len() == rest.len() || value.trim_end().is_empty() {
        return None;
    }
    let first = value.chars().next()?;
    if matches!(first, '"' | '\'' | '[' | '{') {
        return None;
    }
    let special = value.contains(": ") || value.contains(|c| "{}[]*&#!|>%@`".contains(c));
    special.then_some((key, line.len() - value.len()))
}

/// Whether strict YAML rejects this plain value (as opposed to values the retry merely
/// re-quotes): those are the ones worth a `needs-quotes` warning.
fn strictly_invalid(value: &str) -> bool {
    let v = value.trim_end();
    // `|` or `>` with only block indicators after it opens a block scalar, which is valid.
    let block_header = v.starts_with(['|', '>']) && v[1..].chars().all(|c| matches!(c, '-' | '+' | '1'..='9'));
    !block_header
        && (v.contains(": ") || v.contains(":\t") || v.ends_with(':') || v.starts_with(|c| "*&!%@`|>".contains(c)))
}

/// A JSON-style double-quoted YAML string.
pub fn double_quote(value: &str) -> String {
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    for c in value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
        flow: bool,
    },
    Map {
        start: usize,
        entries: Vec<Entry>,
        pending_key: Option<Node>,
        flow: bool,
    },
}

fn error_at(lines: &Lines, e: &ScanError) -> SyntaxError {
    let at = lines.offset(e.marker().line(), e.marker().col());
    SyntaxError {
        at: at..at,
        message: e.info().to_string(),
    }
}

/// Builds the tree of the first document; an error for any scan error, a second document, or
/// nesting past [`MAX_DEPTH`].
fn build(text: &str, lines: &Lines) -> Result<Option<Node>, SyntaxError> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    for ev in Parser::new_from_str(text) {
        let (event, span) = ev.map_err(|e| error_at(lines, &e))?;
        let range = lines.span(&span);
        let flow_start = |start: usize| text_at(text, lines, start).is_some_and(|c| c == '[' || c == '{');
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(SyntaxError {
                        at: range.start..range.start,
                        message: "a second YAML document starts here; the front matter holds one".into(),
                    });
                }
                continue;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => continue,
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        at: range.start..range.start,
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                    });
                }
                let flow = flow_start(range.start);
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        start: range.start,
                        items: Vec::new(),
                        flow,
                    }
                } else {
                    Frame::Map {
                        start: range.start,
                        entries: Vec::new(),
                        pending_key: None,
                        flow,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let end = range.end.max(range.start);
                match stack.pop() {
                    Some(Frame::Seq { start, items, flow }) => {
                        let end = items.last().map_or(end, |n| n.span.end.max(if flow { end } else { 0 }));
                        Node {
                            span: start..end.max(start),
                            kind: NodeKind::Seq { items, flow },
                        }
                    }
                    Some(Frame::Map {
                        start, entries, flow, ..
                    }) => {
                        let end = entries
                            .last()
                            .map_or(end, |e| e.value.span.end.max(if flow { end } else { 0 }));
                        Node {
                            span: start..end.max(start),
                            kind: NodeKind::Map { entries, flow },
                        }
                    }
                    None => continue,
                }
            }
            Event::Scalar(value, style, _, _) => Node {
                span: range,
                kind: NodeKind::Scalar {
                    value: value.into_owned(),
                    style: match style {
                        ScalarStyle::Plain => Style::Plain,
                        ScalarStyle::SingleQuoted => Style::SingleQuoted,
                        ScalarStyle::DoubleQuoted => Style::DoubleQuoted,
                        ScalarStyle::Literal => Style::Literal,
                        ScalarStyle::Folded => Style::Folded,
                    },
                },
            },
            Event::Alias(_) => Node {
                span: range,
                kind: NodeKind::Alias,
            },
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, pending_key, ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => entries.push(Entry { key, value: node }),
            },
        }
    }
    Ok(root)
}

fn text_at(text: &str, lines: &Lines, doc_offset: usize) -> Option<char> {
    text.get(doc_offset - lines.base..)?.chars().next()
}
