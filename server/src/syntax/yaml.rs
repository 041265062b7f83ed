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
        self.type_name_in(Dialect::Yaml12)
    }

    /// [`Node::type_name`] as a reader of `dialect` types the value.
    pub fn type_name_in(&self, dialect: Dialect) -> &'static str {
        match &self.kind {
            NodeKind::Scalar { .. } => match self.scalar_type_in(dialect) {
                Some(ScalarType::Null) => "empty value",
                Some(ScalarType::Bool(_)) => "boolean",
                Some(ScalarType::Int | ScalarType::Float) => "number",
                Some(ScalarType::Timestamp) => "date",
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
        self.scalar_type_in(Dialect::Yaml12)
    }

    /// The type a reader of `dialect` gives a scalar.
    pub fn scalar_type_in(&self, dialect: Dialect) -> Option<ScalarType> {
        let NodeKind::Scalar { value, style } = &self.kind else {
            return None;
        };
        if *style != Style::Plain {
            return Some(ScalarType::Str);
        }
        Some(match dialect {
            Dialect::Yaml12 | Dialect::JsYaml4 => core_type(value),
            Dialect::JsYaml3 => js_yaml3_type(value),
        })
    }

    /// The text of a scalar a loader reads as a string (quoted, or plain text that is not a
    /// number, a boolean or null).
    pub fn as_text(&self) -> Option<&str> {
        self.as_text_in(Dialect::Yaml12)
    }

    /// [`Node::as_text`] as a reader of `dialect` types the value.
    pub fn as_text_in(&self, dialect: Dialect) -> Option<&str> {
        match self.scalar_type_in(dialect)? {
            ScalarType::Str => self.as_str(),
            _ => None,
        }
    }
}

/// How a YAML reader differs from YAML 1.2 as saphyr reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// YAML 1.2 with the core schema (saphyr, Bun's YAML, js-yaml 4).
    Yaml12,
    /// js-yaml 3 (`safeLoad`), which gray-matter bundles (OpenCode 1.18.33): a duplicate key or
    /// an unknown tag is an error; a tab in a line's leading white space is skipped with
    /// everything after it, so only the spaces before it indent the line; plain scalars resolve
    /// by its safe schema (`2024-01-01` is a date, `1_000`, `0755`, `0b101` and `1:30` are
    /// numbers). Found by trying: `truth/recorded/opencode@1.18.33.jsonl`, group `yaml`.
    JsYaml3,
    /// js-yaml 4 (`load`, Gemini CLI 0.61.0): YAML 1.2 with the core schema, and a tag outside
    /// its default schema (`!custom`, `!<!custom>`) is an error ("unknown tag"), as it is for
    /// js-yaml 3 (`truth/recorded/gemini-cli@0.61.0.jsonl`, `mutation/gemini-agent/yaml/tag`).
    JsYaml4,
}

/// A scalar's type under the YAML 1.2 core schema (or a reader's [`Dialect`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarType {
    Null,
    Bool(bool),
    Int,
    Float,
    Str,
    /// A date or a date and time (js-yaml 3 reads `2024-01-01` as a `Date`).
    Timestamp,
}

/// js-yaml 3's safe schema's resolution of a plain scalar: the core schema's null and booleans,
/// YAML 1.1 style numbers (`_` separators, `0`-prefixed octal, `0b`, `0x`, base-60 `1:30`) and
/// timestamps.
pub fn js_yaml3_type(v: &str) -> ScalarType {
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarType::Null,
        "true" | "True" | "TRUE" => return ScalarType::Bool(true),
        "false" | "False" | "FALSE" => return ScalarType::Bool(false),
        _ => {}
    }
    let all = |s: &str, f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    let unsigned = v.strip_prefix(['-', '+']).unwrap_or(v);
    // int: 0b…, 0x…, 0… (octal), decimal, base 60; `_` allowed between digits.
    let int = if let Some(b) = unsigned.strip_prefix("0b") {
        all(b, |c| matches!(c, '0' | '1' | '_'))
    } else if let Some(h) = unsigned.strip_prefix("0x") {
        all(h, |c| c.is_ascii_hexdigit() || c == '_')
    } else if unsigned == "0" {
        true
    } else if let Some(o) = unsigned.strip_prefix('0') {
        all(o, |c| matches!(c, '0'..='7' | '_'))
    } else if unsigned.contains(':') {
        let mut parts = unsigned.split(':');
        parts
            .next()
            .is_some_and(|h| all(h, |c| c.is_ascii_digit() || c == '_') && !h.starts_with('_'))
            && parts.all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()) && p < "60")
    } else {
        unsigned.starts_with(|c: char| c.is_ascii_digit()) && all(unsigned, |c| c.is_ascii_digit() || c == '_')
    };
    if int && !unsigned.ends_with('_') {
        return ScalarType::Int;
    }
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(v, ".nan" | ".NaN" | ".NAN") {
        return ScalarType::Float;
    }
    // [-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+]?[0-9]+)?
    let (mantissa, exp) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits_ = |s: &str| s.chars().all(|c| c.is_ascii_digit() || c == '_');
    let whole = |s: &str| s == "0" || (s.starts_with(|c: char| matches!(c, '1'..='9')) && digits_(s));
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => !frac.is_empty() && digits_(frac) && v.len() == unsigned.len(),
        Some((w, frac)) => whole(w) && digits_(frac),
        None => whole(mantissa),
    };
    let exp_ok = exp.is_none_or(|e| all(e.strip_prefix(['-', '+']).unwrap_or(e), |c| c.is_ascii_digit()));
    if mantissa_ok && exp_ok {
        return ScalarType::Float;
    }
    // Base-60 floats (`1:30.5`) are too rare in a front matter to model.
    if is_timestamp(v) {
        return ScalarType::Timestamp;
    }
    ScalarType::Str
}

/// js-yaml 3's timestamps: `^\d{4}-\d\d-\d\d$`, or
/// `^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$`.
fn is_timestamp(v: &str) -> bool {
    let b = v.as_bytes();
    let mut i = 0;
    // Up to `max` (at least `min`) digits at `i`.
    let digits = |i: &mut usize, min: usize, max: usize| {
        let n = b[*i..].iter().take(max).take_while(|c| c.is_ascii_digit()).count();
        *i += n;
        n >= min
    };
    let byte = |i: &mut usize, c: u8| {
        let ok = b.get(*i) == Some(&c);
        *i += usize::from(ok);
        ok
    };
    if b.len() == 10 {
        return digits(&mut i, 4, 4)
            && byte(&mut i, b'-')
            && digits(&mut i, 2, 2)
            && byte(&mut i, b'-')
            && digits(&mut i, 2, 2);
    }
    if !(digits(&mut i, 4, 4)
        && byte(&mut i, b'-')
        && digits(&mut i, 1, 2)
        && byte(&mut i, b'-')
        && digits(&mut i, 1, 2))
    {
        return false;
    }
    if !(byte(&mut i, b'T') || byte(&mut i, b't')) {
        let blanks = b[i..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
        if blanks == 0 {
            return false;
        }
        i += blanks;
    }
    if !(digits(&mut i, 1, 2)
        && byte(&mut i, b':')
        && digits(&mut i, 2, 2)
        && byte(&mut i, b':')
        && digits(&mut i, 2, 2))
    {
        return false;
    }
    if byte(&mut i, b'.') {
        digits(&mut i, 0, usize::MAX);
    }
    i += b[i..].iter().take_while(|c| matches!(c, b' ' | b'\t')).count();
    if i == b.len() || (byte(&mut i, b'Z') && i == b.len()) {
        return i == b.len();
    }
    if !(byte(&mut i, b'-') || byte(&mut i, b'+')) || !digits(&mut i, 1, 2) {
        return false;
    }
    if byte(&mut i, b':') && !digits(&mut i, 2, 2) {
        return false;
    }
    i == b.len()
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
    /// Lines whose leading tabs a retry read as two spaces each (the whole line); in js-yaml 3,
    /// lines whose leading tabs it skipped.
    pub tab_lines: Vec<TextRange>,
    /// The strict parse error that made the retry run, when the retry then succeeded.
    pub retried_after: Option<SyntaxError>,
    /// With `error`: the reader goes on as if the file had no front matter, so the whole text,
    /// front matter included, is the body (OpenCode: gray-matter caches its failed first
    /// attempt, and a retry that changes nothing reads that back).
    pub whole_file_is_body: bool,
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
    /// OpenCode's `fallbackSanitization` (1.18.33), only for a file that opens with exactly
    /// `---` and a line end: every line `key: value` (key of letters, digits and `_`, not
    /// indented) whose value holds a `:` and does not start with a quote, `|` or `>` becomes a
    /// `|-` block of that value; lines are joined with `\n`, so CRLF ends change too. When that
    /// changes nothing, gray-matter's cache hands back the failed first attempt
    /// ([`ParsedYaml::whole_file_is_body`]); when the new text fails too, the file is skipped.
    SanitizeColons,
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
    /// Per line, `(column, n)`: a reading removed `n` characters at that column of the line
    /// (js-yaml 3's skipped leading tabs); columns from there on map `n` further.
    shifts: Vec<(usize, usize)>,
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
            shifts: Vec::new(),
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
        let col = match self.shifts.get(idx) {
            Some(&(at, n)) if col >= at => col + n,
            _ => col,
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
    parse_with_in(text, base, retry, Dialect::Yaml12)
}

/// [`parse_with`], for a reader of `dialect`.
pub fn parse_with_in(text: &str, base: usize, retry: Retry, dialect: Dialect) -> ParsedYaml {
    let lines = Lines::new(text, base);
    let strict = build_tabs_as_space_in(text, &lines, dialect);
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
        // Its reader reads the whole file ([`parse_gray_matter`]); on the bare block, no retry.
        Retry::SanitizeColons => ParsedYaml {
            error: Some(err),
            ..Default::default()
        },
    }
}

/// Parses a front matter as gray-matter with js-yaml 3 reads it ([`Dialect::JsYaml3`]), with
/// OpenCode's retry ([`Retry::SanitizeColons`]) when `retry_applies` (the file opens with
/// exactly `---` and a line end; otherwise the retry's pattern does not match and changes
/// nothing).
pub fn parse_gray_matter(text: &str, base: usize, retry_applies: bool) -> ParsedYaml {
    // The lines whose leading tabs js-yaml 3 skips: it reads them, but not as written.
    let tab_lines = || -> Vec<TextRange> {
        let lines = Lines::new(text, base);
        (0..lines.starts.len())
            .filter(|&i| {
                let l = lines.line_content(i);
                l.trim_start_matches(' ').starts_with('\t') && !l.trim().is_empty()
            })
            .map(|i| base + lines.starts[i].0..base + lines.starts[i].1)
            .collect()
    };
    let err = match build_js_yaml3(text, base, &[]) {
        Ok(root) => {
            return ParsedYaml {
                root,
                tab_lines: tab_lines(),
                ..Default::default()
            };
        }
        Err(e) => e,
    };
    let sanitized = if retry_applies {
        sanitize_colons(text, base)
    } else {
        None
    };
    let Some((quoted, recovered)) = sanitized else {
        // The retry's text is the file as it was: gray-matter's cache hands back the failed
        // first attempt, with no keys and the whole file as its content.
        return ParsedYaml {
            error: Some(err),
            whole_file_is_body: true,
            ..Default::default()
        };
    };
    match build_js_yaml3_of(&quoted, text, base, &recovered) {
        Ok(root) => ParsedYaml {
            root,
            recovered,
            retried_after: Some(err),
            tab_lines: tab_lines(),
            ..Default::default()
        },
        // A new text that fails too: OpenCode skips the file.
        Err(e) => ParsedYaml {
            error: Some(e),
            ..Default::default()
        },
    }
}

/// js-yaml 3's reading of `text`: its leading tabs ([`Dialect::JsYaml3`]), its tags, and no
/// duplicate key. `recovered` values (quoted by a retry) get the spans of the values as written.
fn build_js_yaml3(text: &str, base: usize, recovered: &[Recovered]) -> Result<Option<Node>, SyntaxError> {
    build_js_yaml3_of(text, text, base, recovered)
}

/// [`build_js_yaml3`] of `text`, a rewrite of `original` with the same lines (a retry's
/// quoting): spans point into `original`.
fn build_js_yaml3_of(
    text: &str,
    original_text: &str,
    base: usize,
    recovered: &[Recovered],
) -> Result<Option<Node>, SyntaxError> {
    let original = Lines::new(text, base);
    let mut out = String::with_capacity(text.len());
    let mut shifts = Vec::with_capacity(original.starts.len());
    let mut prev_end = 0;
    for &(s, e) in &original.starts {
        out.push_str(&text[prev_end..s]);
        let line = &text[s..e];
        let ws = line.len() - line.trim_start_matches([' ', '\t']).len();
        let spaces = line.len() - line.trim_start_matches(' ').len();
        if ws > spaces {
            // js-yaml 3 counts only the spaces before the first tab as indentation, then skips
            // the rest of the white space.
            out.push_str(&line[..spaces]);
            out.push_str(&line[ws..]);
            shifts.push((spaces, ws - spaces));
        } else {
            out.push_str(line);
            shifts.push((0, 0));
        }
        prev_end = e;
    }
    out.push_str(&text[prev_end..]);
    // saphyr's markers are lines and columns of `out`; they map back through the lines of the
    // text as written, columns shifted where tabs were skipped.
    let mut lines = Lines::new(original_text, base);
    lines.shifts = shifts;
    let mut root = build_tabs_as_space_in(&out, &lines, Dialect::JsYaml3)?;
    if let Some(root) = &mut root {
        if let Some(dup) = duplicate_key(root) {
            return Err(SyntaxError {
                at: dup.clone(),
                message: format!("duplicated mapping key `{}`", text_in(original_text, base, &dup)),
            });
        }
        respan_recovered(root, recovered);
    }
    Ok(root)
}

fn text_in(text: &str, base: usize, r: &TextRange) -> String {
    text.get(r.start - base..r.end - base).unwrap_or_default().to_string()
}

/// The span of the second of two equal keys of a mapping, anywhere in the tree (`<<` merge
/// keys aside: js-yaml merges them).
fn duplicate_key(node: &Node) -> Option<TextRange> {
    match &node.kind {
        NodeKind::Map { entries, .. } => {
            let mut seen = std::collections::HashSet::new();
            for e in entries {
                if let Some(k) = e.key.as_str()
                    && k != "<<"
                    && !seen.insert(k)
                {
                    return Some(e.key.span.clone());
                }
            }
            entries
                .iter()
                .find_map(|e| duplicate_key(&e.key).or_else(|| duplicate_key(&e.value)))
        }
        NodeKind::Seq { items, .. } => items.iter().find_map(duplicate_key),
        _ => None,
    }
}

/// OpenCode's retry ([`Retry::SanitizeColons`]) as a rewrite with the same lines: each value
/// it turns into a `|-` block is double-quoted instead, which YAML reads as the same text.
/// `None` when OpenCode's retry would leave the file as it was (no line qualifies and no line
/// ends in CRLF: its lines are joined again with `\n`).
fn sanitize_colons(text: &str, base: usize) -> Option<(String, Vec<Recovered>)> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut recovered = Vec::new();
    // The retry's pattern ends the block at the line end before the closing `---`: that line
    // end is not part of what it splits and joins.
    let body = text
        .strip_suffix('\n')
        .map_or(text, |t| t.strip_suffix('\r').unwrap_or(t));
    let mut changed = body.contains("\r\n");
    for seg in text.split_inclusive('\n') {
        let content = seg.trim_end_matches('\n').trim_end_matches('\r');
        match sanitized_value(content) {
            Some(value_at) => {
                let value = content[value_at..].trim_end_matches(crate::syntax::front_matter::is_js_space);
                let at = base + (seg.as_ptr() as usize - text.as_ptr() as usize) + value_at;
                out.push_str(&content[..value_at]);
                out.push_str(&double_quote(value));
                out.push_str(&seg[content.len()..]);
                recovered.push(Recovered {
                    key: content[..content.find(':').unwrap_or(0)].trim_end().to_string(),
                    value: at..at + value.len(),
                    needed: parse_strict(&format!("k: {value}"), 0).is_err(),
                });
                changed = true;
            }
            None => out.push_str(seg),
        }
    }
    changed.then_some((out, recovered))
}

/// The value of a line OpenCode's retry rewrites: `^([a-zA-Z_][a-zA-Z0-9_]*)\s*:\s*(.*)$`
/// (not indented, not a comment; JavaScript's `.` stops at CR, U+2028 and U+2029), the value,
/// trimmed, not empty, not starting with a quote, not `|` or `>`, and holding a `:`.
fn sanitized_value(line: &str) -> Option<usize> {
    if line.starts_with(crate::syntax::front_matter::is_js_space) || line.trim_start().starts_with('#') {
        return None;
    }
    let key_len = line
        .char_indices()
        .take_while(|&(i, c)| c == '_' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit()))
        .count();
    if key_len == 0 {
        return None;
    }
    let rest = &line[key_len..];
    let after_key = rest.trim_start_matches(crate::syntax::front_matter::is_js_space);
    let after_colon = after_key.strip_prefix(':')?;
    let value = after_colon.trim_start_matches(crate::syntax::front_matter::is_js_space);
    if value.contains(['\r', '\u{2028}', '\u{2029}']) {
        return None;
    }
    let v = value.trim_end_matches(crate::syntax::front_matter::is_js_space);
    if v.is_empty() || v == ">" || v == "|" || v.starts_with(['"', '\'']) || !v.contains(':') {
        return None;
    }
    Some(line.len() - value.len())
}

/// [`build`] as a reader of `dialect` reads the text, where a tab after a key's `:` is read as
/// the space YAML allows it to be (saphyr-parser rejects `key:\tvalue`, which YAML 1.2 loaders
/// and js-yaml 3 read as `key: value`). The tab becomes a space of the same width in bytes, so
/// every span stays where it was.
fn build_tabs_as_space_in(text: &str, lines: &Lines, dialect: Dialect) -> Result<Option<Node>, SyntaxError> {
    let mut err = match build_in(text, lines, dialect) {
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
        match build_in(&fixed, lines, dialect) {
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
                whole_file_is_body: false,
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
                whole_file_is_body: false,
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
    build_in(text, lines, Dialect::Yaml12)
}

/// The tags js-yaml 3's safe schema and js-yaml 4's default schema know (`!!str`…); any other
/// is an error there.
const JS_YAML3_TAGS: &[&str] = &[
    "str",
    "int",
    "float",
    "bool",
    "null",
    "binary",
    "timestamp",
    "omap",
    "pairs",
    "set",
    "map",
    "seq",
    "merge",
];

/// Whether `dialect` rejects a node with this tag.
fn unknown_tag(tag: Option<&saphyr_parser::Tag>, dialect: Dialect) -> Option<String> {
    let tag = tag?;
    let known = tag.is_yaml_core_schema() && JS_YAML3_TAGS.contains(&tag.suffix.as_str());
    // As written: `!!x` (the core schema's prefix), `!x`, or verbatim `!<x>`.
    let written = match tag.handle.as_str() {
        _ if tag.is_yaml_core_schema() => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        h => format!("!<{h}{}>", tag.suffix),
    };
    (matches!(dialect, Dialect::JsYaml3 | Dialect::JsYaml4) && !known).then(|| format!("unknown tag {written}"))
}

/// [`build`] as a reader of `dialect` reads the text.
fn build_in(text: &str, lines: &Lines, dialect: Dialect) -> Result<Option<Node>, SyntaxError> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    for ev in Parser::new_from_str(text) {
        let (event, span) = ev.map_err(|e| error_at(lines, &e))?;
        let range = lines.span(&span);
        let tag = match &event {
            Event::Scalar(_, _, _, tag) | Event::SequenceStart(_, tag) | Event::MappingStart(_, tag) => tag.as_deref(),
            _ => None,
        };
        if let Some(message) = unknown_tag(tag, dialect) {
            // The event starts before its tag (at the key's line): point at the tag itself.
            let rel = range.start.saturating_sub(lines.base).min(text.len());
            let at = text[rel..]
                .find('!')
                .map(|i| rel + i)
                .map_or(range.start..range.start, |b| {
                    let len = text[b..].find(char::is_whitespace).unwrap_or(text.len() - b);
                    lines.base + b..lines.base + b + len
                });
            return Err(SyntaxError { at, message });
        }
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

/// The character at a document offset, in the text as written (a retry's rewrite may have
/// other characters there).
fn text_at(_parsed: &str, lines: &Lines, doc_offset: usize) -> Option<char> {
    lines.text.get(doc_offset.checked_sub(lines.base)?..)?.chars().next()
}

#[cfg(test)]
mod gray_matter_tests {
    use super::*;

    fn keys(p: &ParsedYaml) -> Vec<(String, String)> {
        p.root
            .as_ref()
            .map(|r| {
                r.entries()
                    .iter()
                    .map(|e| {
                        let v = e
                            .value
                            .as_str()
                            .map_or_else(|| e.value.type_name().to_string(), String::from);
                        (e.key.as_str().unwrap_or_default().to_string(), v)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_duplicate_key_fails_and_an_unchanged_retry_reads_the_whole_file_as_body() {
        let p = parse_gray_matter("mode: subagent\nmode: primary\n", 4, true);
        assert!(
            p.error.as_ref().is_some_and(|e| e.message.contains("duplicated")),
            "{p:?}"
        );
        assert!(p.whole_file_is_body);
        // Deep duplicates too; `<<` merge keys are not duplicates.
        assert!(parse_gray_matter("p:\n  e: 1\n  e: 2\n", 0, true).whole_file_is_body);
        assert!(
            parse_gray_matter("b: &b\n  e: 1\np:\n  <<: *b\n  <<: *b\n", 0, true)
                .error
                .is_none()
        );
    }

    #[test]
    fn colon_values_are_read_as_written_by_the_retry() {
        let p = parse_gray_matter("description: Use when: x\nmode: primary\n", 4, true);
        assert_eq!(
            keys(&p),
            vec![
                ("description".into(), "Use when: x".into()),
                ("mode".into(), "primary".into())
            ]
        );
        assert_eq!(p.recovered.len(), 1);
        assert_eq!(p.recovered[0].value, 17..28);
        // The retry's pattern: keys of letters, digits and `_`; `x-y: a: b` is left alone.
        assert!(parse_gray_matter("x-y: a: b\n", 0, true).whole_file_is_body);
        assert!(parse_gray_matter("x2: a: b\n", 0, true).error.is_none());
    }

    #[test]
    fn a_retry_that_changes_the_text_and_still_fails_skips_the_file() {
        let p = parse_gray_matter("description: Use when: x\nnote: [a\n", 4, true);
        assert!(p.error.is_some() && !p.whole_file_is_body, "{p:?}");
        // CRLF lines are joined again with LF: the retry's text differs even when no value
        // changed, and it fails afresh.
        let p = parse_gray_matter("mode: a\r\nmode: b\r\n", 4, true);
        assert!(p.error.is_some() && !p.whole_file_is_body, "{p:?}");
        // Without the retry's pattern (`--- ` or a BOM), the first attempt is handed back.
        assert!(parse_gray_matter("description: Use when: x\n", 4, false).whole_file_is_body);
    }

    #[test]
    fn js_yaml_4_knows_only_its_tags_and_reads_yaml_1_2() {
        let r = parse_with_in("name: a\nnote: !<!custom> x\n", 0, Retry::None, Dialect::JsYaml4);
        let e = r.error.expect("an unknown tag is an error to js-yaml 4");
        assert_eq!(e.message, "unknown tag !<!custom>");
        assert_eq!(&"name: a\nnote: !<!custom> x\n"[e.at.clone()], "!<!custom>");
        let ok = parse_with_in("a: !!str 1\nb: 0755\n", 0, Retry::None, Dialect::JsYaml4);
        assert!(ok.error.is_none());
        // The core schema types plain scalars: `0755` is an integer.
        let root = ok.root.unwrap();
        assert_eq!(
            root.get("b").unwrap().scalar_type_in(Dialect::JsYaml4),
            Some(ScalarType::Int)
        );
        // YAML 1.2 readers take any tag.
        assert!(
            parse_with_in("a: !custom x\n", 0, Retry::None, Dialect::Yaml12)
                .error
                .is_none()
        );
    }

    #[test]
    fn js_yaml_3_skips_leading_tabs_and_knows_only_its_tags() {
        let p = parse_gray_matter("permission:\n\tedit: deny\n", 0, true);
        assert_eq!(
            keys(&p),
            vec![("permission".into(), String::new()), ("edit".into(), "deny".into())]
        );
        let edit = &p.root.as_ref().unwrap().entries()[1].key;
        assert_eq!(edit.span, 13..17, "spans point at the text as written");
        assert!(parse_gray_matter("a:\n  b: 1\n  \tc: 2\n", 0, true).error.is_none());
        assert!(parse_gray_matter("v: !custom x\n", 0, true).whole_file_is_body);
        assert!(parse_gray_matter("v: !!str 5\n", 0, true).error.is_none());
        assert!(parse_gray_matter("v: *nothing\n", 0, true).whole_file_is_body);
    }

    #[test]
    fn js_yaml_3_types_plain_scalars_by_its_safe_schema() {
        for (v, t) in [
            ("2024-01-01", ScalarType::Timestamp),
            ("2024-1-1 10:00:00", ScalarType::Timestamp),
            ("2024-01-01T10:00:00.5Z", ScalarType::Timestamp),
            ("2024-01-01x", ScalarType::Str),
            ("1_000", ScalarType::Int),
            ("0755", ScalarType::Int),
            ("0b101", ScalarType::Int),
            ("0x1F", ScalarType::Int),
            ("1:30", ScalarType::Int),
            ("1e3", ScalarType::Float),
            (".5", ScalarType::Float),
            ("1.", ScalarType::Float),
            (".inf", ScalarType::Float),
            ("yes", ScalarType::Str),
            ("y", ScalarType::Str),
            ("True", ScalarType::Bool(true)),
            ("~", ScalarType::Null),
            ("0o7", ScalarType::Str),
            ("primary", ScalarType::Str),
        ] {
            assert_eq!(js_yaml3_type(v), t, "{v}");
        }
    }
}
