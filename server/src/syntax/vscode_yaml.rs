//! VS Code's own front matter reader, ported: the header split of its prompt file parser and
//! the small YAML-like parser it reads the header with (`src/vs/base/common/yaml.ts`, as shipped
//! in VS Code 1.139.1 / code-server 4.139.1: `out/vs/code/browser/workbench/workbench.js`).
//! VS Code does not use a YAML 1.2 library for prompt files, agents, instructions and skills,
//! and the difference matters: it reads headers that strict YAML rejects (a flow list closing at
//! the key's column, tabs, `: ` in a plain value, no closing `---`), silently loses the keys
//! after an unclosed quote or a line without `:`, has no anchors, and reports a duplicate key or
//! a bare `key:` as an error while still reading the rest.
//!
//! The port keeps VS Code's structure (a line scanner producing tokens, a recursive parser) so
//! that it can be compared with the original line by line; every branch is VS Code's, including
//! the odd ones (an unexpected token inside a flow list is skipped with an error). Offsets are
//! byte offsets into the document (VS Code counts UTF-16 units; the parser only ever tests
//! ASCII characters, so the structure it finds is the same). What the port leaves out: VS Code's
//! text model turns lone CR line ends into the file's dominant line end before parsing, and
//! `\U` escapes past U+10FFFF make VS Code's parser throw; here a lone CR ends a line and such an
//! escape stays as written.

use super::front_matter::{FrontMatterSplit, is_js_space};
use super::yaml::{Entry, Node, NodeKind, Style};
use crate::document::TextRange;

/// A problem VS Code's header parser (or its prompt file parser) reports as an error marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub at: TextRange,
    /// VS Code's own English message (`Missing value`, `Duplicate key: "name"`…).
    pub message: String,
    pub kind: HeaderErrorKind,
}

/// VS Code's error codes for its header parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderErrorKind {
    DuplicateKey,
    ExpectedColon,
    ExpectedMapEnd,
    ExpectedSeqEnd,
    ExpectedKey,
    MissingItem,
    MissingValue,
    UnexpectedIndentation,
    UnexpectedToken,
    /// The header is a scalar or a list: `Invalid header, expecting <key: value> pairs`.
    NotAMapping,
}

/// The front matter as VS Code reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    /// Where the header sits; `None` when the first line is not `---` (VS Code then reads the
    /// whole file as the body).
    pub split: Option<FrontMatterSplit>,
    /// The parsed header. Later copies of a top-level key are dropped: VS Code reads every
    /// attribute with `find`, so the first one is the one it uses.
    pub root: Option<Node>,
    pub errors: Vec<HeaderError>,
}

/// A line of the text with its line end.
fn lines_with_eol(text: &str) -> Vec<(usize, usize)> {
    // `split(/(\r\n|\r|\n)/)`: (start, end including the line end).
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i + 1));
                start = i + 1;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                out.push((start, end));
                start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    // JavaScript's split keeps a last (possibly empty) piece after the last line end.
    out.push((start, b.len()));
    out
}

/// `/^---[\s\r\n]*$/` on a line with its line end: a line that opens or closes the header.
pub fn is_fence(line: &str) -> bool {
    line.strip_prefix("---")
        .is_some_and(|rest| rest.chars().all(is_js_space))
}

/// Reads `text` (a whole document) as VS Code's prompt file parser does: the header starts
/// when the first line is `---` (trailing blanks allowed) and ends at the next such line; with
/// none, the whole rest of the file is the header and there is no body. A byte order mark is
/// skipped (VS Code's text model removes it).
pub fn read(text: &str) -> Header {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let lines: Vec<(usize, usize)> = lines_with_eol(&text[bom..])
        .into_iter()
        .map(|(s, e)| (s + bom, e + bom))
        .collect();
    let Some(&(first_start, first_end)) = lines.first() else {
        return Header::default();
    };
    if !is_fence(&text[first_start..first_end]) {
        return Header::default();
    }
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, (s, e))| is_fence(&text[*s..*e]))
        .map(|(i, _)| i);
    let header_start = lines.get(1).map_or(text.len(), |l| l.0);
    let (header_end, close_range, body_start) = match close {
        Some(i) => {
            let (s, _) = lines[i];
            // The body is the lines after the closing one, when there are any.
            let body = lines.get(i + 1).map_or(text.len(), |l| l.0);
            (s, Some(s..s + 3), body)
        }
        None => (text.len(), None, text.len()),
    };
    let split = FrontMatterSplit {
        open: first_start..first_start + 3,
        yaml: header_start..header_end,
        close: close_range,
        body_start,
        closed_by_rule: false,
        closed_mid_line: false,
    };
    let input = &text[header_start..header_end];
    let tokens = Scanner::new(input).scan(1);
    let mut parser = Parser {
        tokens,
        input,
        base: header_start,
        pos: 0,
        errors: Vec::new(),
    };
    let parsed = parser.parse();
    let mut errors = parser.errors;
    let root = parsed.map(|n| to_node(n, header_start, true));
    if let Some(root) = &root
        && !matches!(root.kind, NodeKind::Map { .. })
    {
        // The range of the whole header: line 2 column 1 to the closing line's column 1.
        errors.push(HeaderError {
            at: header_start..header_end,
            message: "Invalid header, expecting <key: value> pairs".into(),
            kind: HeaderErrorKind::NotAMapping,
        });
    }
    Header {
        split: Some(split),
        root,
        errors,
    }
}

// --- the scanner -------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum T {
    Scalar,
    Colon,
    Dash,
    Comma,
    MapStart,
    MapEnd,
    SeqStart,
    SeqEnd,
    Newline,
    Indent,
    Comment,
    DocStart,
    DocEnd,
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    None,
    Single,
    Double,
    Literal,
    Folded,
}

#[derive(Debug, Clone)]
struct Token {
    t: T,
    start: usize,
    end: usize,
    value: String,
    format: Format,
    indent: i64,
}

fn tok(t: T, start: usize, end: usize) -> Token {
    Token {
        t,
        start,
        end,
        value: String::new(),
        format: Format::None,
        indent: 0,
    }
}

struct Scanner<'a> {
    input: &'a str,
    b: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
    flow_depth: i64,
    seen_block_colon: bool,
    seen_document_start: usize,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a str) -> Self {
        Scanner {
            input,
            b: input.as_bytes(),
            pos: 0,
            tokens: Vec::new(),
            flow_depth: 0,
            seen_block_colon: false,
            seen_document_start: 0,
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn peek(&self) -> Option<u8> {
        self.at(self.pos)
    }

    fn nl(c: Option<u8>) -> bool {
        matches!(c, Some(b'\n' | b'\r'))
    }

    /// The char at `pos` (the byte is not ASCII: a whole UTF-8 character).
    fn char_len(&self, i: usize) -> usize {
        self.input[i..].chars().next().map_or(1, char::len_utf8)
    }

    fn scan(mut self, max_documents: usize) -> Vec<Token> {
        while self.pos < self.b.len() {
            self.scan_line();
            if self.seen_document_start > max_documents {
                break;
            }
        }
        self.tokens.push(tok(T::Eof, self.pos, self.pos));
        self.tokens
    }

    fn scan_line(&mut self) {
        self.seen_block_colon = false;
        if self.peek() == Some(b'\n') {
            self.tokens.push(tok(T::Newline, self.pos, self.pos + 1));
            self.pos += 1;
            return;
        }
        if self.peek() == Some(b'\r') {
            let end = self.pos + if self.at(self.pos + 1) == Some(b'\n') { 2 } else { 1 };
            self.tokens.push(tok(T::Newline, self.pos, end));
            self.pos = end;
            return;
        }
        let start = self.pos;
        let mut indent = 0;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            indent += 1;
            self.pos += 1;
        }
        if indent > 0 {
            let mut t = tok(T::Indent, start, self.pos);
            t.indent = indent;
            self.tokens.push(t);
        }
        if self.pos >= self.b.len() || Self::nl(self.peek()) {
            if self.pos < self.b.len() {
                let end = if self.peek() == Some(b'\r') && self.at(self.pos + 1) == Some(b'\n') {
                    self.pos + 2
                } else {
                    self.pos + 1
                };
                self.tokens.push(tok(T::Newline, self.pos, end));
                self.pos = end;
            }
            return;
        }
        if indent == 0 && self.b.len() - self.pos >= 3 {
            let three = &self.b[self.pos..self.pos + 3];
            let terminator = matches!(self.at(self.pos + 3), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
            if three == b"---" && terminator {
                self.tokens.push(tok(T::DocStart, self.pos, self.pos + 3));
                self.pos += 3;
                self.scan_line_content();
                self.scan_newline();
                self.seen_document_start += 1;
                return;
            }
            if three == b"..." && terminator {
                self.tokens.push(tok(T::DocEnd, self.pos, self.pos + 3));
                self.pos += 3;
                self.scan_line_content();
                self.scan_newline();
                return;
            }
        }
        if self.peek() == Some(b'#') {
            self.scan_comment();
            self.scan_newline();
            return;
        }
        if self.peek() == Some(b'%') {
            // A directive line (`%YAML 1.2`): skipped.
            while self.pos < self.b.len() && !Self::nl(self.peek()) {
                self.pos += 1;
            }
            self.scan_newline();
            return;
        }
        self.scan_line_content();
        self.scan_newline();
    }

    fn scan_line_content(&mut self) {
        while self.pos < self.b.len() && !Self::nl(self.peek()) {
            self.skip_inline_whitespace();
            if self.pos >= self.b.len() || Self::nl(self.peek()) {
                break;
            }
            let c = self.peek().unwrap_or(0);
            let p = self.pos;
            match c {
                b'#' => {
                    self.scan_comment();
                    break;
                }
                b'{' => {
                    self.flow_depth += 1;
                    self.tokens.push(tok(T::MapStart, p, p + 1));
                    self.pos += 1;
                }
                b'}' if self.flow_depth > 0 => {
                    self.flow_depth -= 1;
                    self.tokens.push(tok(T::MapEnd, p, p + 1));
                    self.pos += 1;
                }
                b'[' => {
                    self.flow_depth += 1;
                    self.tokens.push(tok(T::SeqStart, p, p + 1));
                    self.pos += 1;
                }
                b']' if self.flow_depth > 0 => {
                    self.flow_depth -= 1;
                    self.tokens.push(tok(T::SeqEnd, p, p + 1));
                    self.pos += 1;
                }
                b',' if self.flow_depth > 0 => {
                    self.tokens.push(tok(T::Comma, p, p + 1));
                    self.pos += 1;
                }
                b'-' if self.is_block_dash() => {
                    self.tokens.push(tok(T::Dash, p, p + 1));
                    self.pos += 1;
                }
                b':' if self.is_block_colon() => {
                    self.tokens.push(tok(T::Colon, p, p + 1));
                    self.pos += 1;
                    if self.flow_depth == 0 {
                        // Only the first `: ` of a line is a mapping indicator: the rest of
                        // the line is the value (`description: Use it: plan first`).
                        self.seen_block_colon = true;
                    }
                }
                b':' if self.flow_depth > 0 && self.last_token_is_json_like() => {
                    self.tokens.push(tok(T::Colon, p, p + 1));
                    self.pos += 1;
                }
                b'\'' | b'"' => self.scan_quoted(c),
                b'|' | b'>' if self.flow_depth == 0 && self.is_block_scalar_start() => {
                    self.scan_block_scalar(c);
                    break;
                }
                _ => self.scan_unquoted(),
            }
        }
    }

    fn is_block_dash(&self) -> bool {
        matches!(self.at(self.pos + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    fn is_block_colon(&self) -> bool {
        if self.seen_block_colon && self.flow_depth == 0 {
            return false;
        }
        let next = self.at(self.pos + 1);
        matches!(next, None | Some(b' ' | b'\t' | b'\n' | b'\r'))
            || self.flow_depth > 0 && matches!(next, Some(b',' | b'}' | b']'))
    }

    fn last_token_is_json_like(&self) -> bool {
        for t in self.tokens.iter().rev() {
            if matches!(t.t, T::Newline | T::Indent | T::Comment) {
                continue;
            }
            return (t.t == T::Scalar && t.format != Format::None) || matches!(t.t, T::MapEnd | T::SeqEnd);
        }
        false
    }

    /// `n` characters from `at` (VS Code reads escape digits by UTF-16 units; one char here).
    fn chars_from(&self, at: usize, n: usize) -> (&'a str, usize) {
        let rest = self.input.get(at..).unwrap_or("");
        let end = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
        (&rest[..end], rest[..end].chars().count())
    }

    fn scan_quoted(&mut self, quote: u8) {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        // Trailing literal blanks, which a line fold trims (escaped ones it keeps).
        let mut trailing = 0usize;
        while self.pos < self.b.len() {
            let c = self.b[self.pos];
            if c == quote {
                if quote == b'\'' && self.at(self.pos + 1) == Some(b'\'') {
                    value.push('\'');
                    self.pos += 2;
                    trailing = 0;
                    continue;
                }
                self.pos += 1;
                self.push_scalar(
                    start,
                    self.pos,
                    value,
                    if quote == b'\'' { Format::Single } else { Format::Double },
                );
                return;
            }
            if quote == b'"' && c == b'\\' {
                let next = self.at(self.pos + 1);
                if Self::nl(next) {
                    self.pos += 1;
                    self.consume_newline();
                    self.skip_inline_whitespace();
                    trailing = 0;
                    continue;
                }
                let simple = match next {
                    Some(b'n') => Some('\n'),
                    Some(b't') => Some('\t'),
                    Some(b'\\') => Some('\\'),
                    Some(b'"') => Some('"'),
                    Some(b'/') => Some('/'),
                    Some(b'r') => Some('\r'),
                    Some(b'0') => Some('\0'),
                    Some(b'a') => Some('\x07'),
                    Some(b'b') => Some('\x08'),
                    Some(b'e') => Some('\x1b'),
                    Some(b'v') => Some('\x0b'),
                    Some(b'f') => Some('\x0c'),
                    Some(b' ') => Some(' '),
                    Some(b'_') => Some('\u{a0}'),
                    _ => None,
                };
                if let Some(ch) = simple {
                    value.push(ch);
                    self.pos += 2;
                    trailing = 0;
                    continue;
                }
                let digits = match next {
                    Some(b'x') => Some(2),
                    Some(b'u') => Some(4),
                    Some(b'U') => Some(8),
                    _ => None,
                };
                if let Some(n) = digits {
                    let (hex, count) = self.chars_from(self.pos + 2, n);
                    let code = js_parse_int_hex(hex);
                    let ch = code.and_then(|c| {
                        if n == 2 {
                            // `String.fromCharCode`: the low 16 bits.
                            char::from_u32((c as u32) & 0xffff).or(Some('\u{fffd}'))
                        } else {
                            u32::try_from(c).ok().and_then(char::from_u32).or(Some('\u{fffd}'))
                        }
                    });
                    match ch {
                        Some(ch) if count == n && !(n == 8 && code.is_some_and(|c| c > 0x10ffff)) => {
                            value.push(ch);
                            self.pos += 2 + hex.len();
                        }
                        _ => {
                            value.push('\\');
                            value.push(next.unwrap_or(b'x') as char);
                            self.pos += 2;
                        }
                    }
                    trailing = 0;
                    continue;
                }
                // Any other escape stays as written, backslash included.
                value.push('\\');
                match next {
                    Some(_) => {
                        let len = self.char_len(self.pos + 1);
                        value.push_str(&self.input[self.pos + 1..self.pos + 1 + len]);
                        self.pos += 1 + len;
                    }
                    None => self.pos += 1,
                }
                trailing = 0;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                // A line break inside quotes folds: one break is a space, blank lines are
                // line breaks.
                if trailing > 0 {
                    value.truncate(value.len() - trailing);
                }
                trailing = 0;
                self.consume_newline();
                let mut empty = 0;
                while self.pos < self.b.len() {
                    self.skip_inline_whitespace();
                    if Self::nl(self.peek()) {
                        empty += 1;
                        self.consume_newline();
                    } else {
                        break;
                    }
                }
                if empty > 0 {
                    value.push_str(&"\n".repeat(empty));
                } else {
                    value.push(' ');
                }
                continue;
            }
            if c == b' ' || c == b'\t' {
                trailing += 1;
            } else {
                trailing = 0;
            }
            let len = self.char_len(self.pos);
            value.push_str(&self.input[self.pos..self.pos + len]);
            self.pos += len;
        }
        // Never closed: the value runs to the end of the header.
        self.push_scalar(
            start,
            self.pos,
            value,
            if quote == b'\'' { Format::Single } else { Format::Double },
        );
    }

    fn push_scalar(&mut self, start: usize, end: usize, value: String, format: Format) {
        self.tokens.push(Token {
            t: T::Scalar,
            start,
            end,
            value,
            format,
            indent: 0,
        });
    }

    fn scan_unquoted(&mut self) {
        let start = self.pos;
        let mut end = self.pos;
        while self.pos < self.b.len() {
            let c = self.b[self.pos];
            let stop = Self::nl(Some(c))
                || self.flow_depth > 0 && matches!(c, b',' | b'}' | b']' | b'{' | b'[')
                || c == b':' && self.is_block_colon()
                || c == b'#' && self.pos > start && matches!(self.b[self.pos - 1], b' ' | b'\t');
            if stop {
                break;
            }
            self.pos += self.char_len(self.pos);
            if c != b' ' && c != b'\t' {
                end = self.pos;
            }
        }
        self.push_scalar(start, end, self.input[start..end].to_string(), Format::None);
    }

    fn is_block_scalar_start(&self) -> bool {
        let mut o = self.pos + 1;
        while let Some(c) = self.at(o) {
            if (b'1'..=b'9').contains(&c) || c == b'+' || c == b'-' {
                o += 1;
                continue;
            }
            break;
        }
        while matches!(self.at(o), Some(b' ' | b'\t')) {
            o += 1;
        }
        matches!(self.at(o), None | Some(b'\n' | b'\r' | b'#'))
    }

    fn scan_block_scalar(&mut self, style: u8) {
        let start = self.pos;
        self.pos += 1;
        let mut explicit: i64 = 0;
        #[derive(PartialEq)]
        enum Chomp {
            Clip,
            Strip,
            Keep,
        }
        let mut chomp = Chomp::Clip;
        for _ in 0..2 {
            if let Some(g) = self.peek() {
                if (b'1'..=b'9').contains(&g) && explicit == 0 {
                    explicit = i64::from(g - b'0');
                    self.pos += 1;
                } else if g == b'-' && chomp == Chomp::Clip {
                    chomp = Chomp::Strip;
                    self.pos += 1;
                } else if g == b'+' && chomp == Chomp::Clip {
                    chomp = Chomp::Keep;
                    self.pos += 1;
                }
            }
        }
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            while self.pos < self.b.len() && !Self::nl(self.peek()) {
                self.pos += 1;
            }
        }
        self.consume_newline();
        let parent = self.parent_block_indent();
        let mut indent = if explicit > 0 { parent + explicit } else { 0 };
        let mut lines: Vec<String> = Vec::new();
        let mut trailing_empty = 0;
        while self.pos < self.b.len() {
            let line_start = self.pos;
            let mut spaces: i64 = 0;
            while self.peek() == Some(b' ') {
                spaces += 1;
                self.pos += 1;
            }
            if self.pos >= self.b.len() || Self::nl(self.peek()) {
                if indent > 0 && spaces >= indent {
                    let text = self.input[line_start + indent as usize..self.pos].to_string();
                    if text.is_empty() {
                        trailing_empty += 1;
                    } else {
                        trailing_empty = 0;
                    }
                    lines.push(text);
                } else {
                    lines.push(String::new());
                    trailing_empty += 1;
                }
                self.consume_newline();
                continue;
            }
            if spaces == 0 && self.b.len() - self.pos >= 3 {
                let three = &self.b[self.pos..self.pos + 3];
                let terminator = matches!(self.at(self.pos + 3), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
                if (three == b"---" || three == b"...") && terminator {
                    self.pos = line_start;
                    break;
                }
            }
            if indent == 0 {
                if spaces <= parent {
                    self.pos = line_start;
                    break;
                }
                indent = spaces;
            }
            if spaces < indent {
                self.pos = line_start;
                break;
            }
            let from = line_start + indent as usize;
            while self.pos < self.b.len() && !Self::nl(self.peek()) {
                self.pos += 1;
            }
            lines.push(self.input[from..self.pos].to_string());
            trailing_empty = 0;
            self.consume_newline();
        }
        let mut value = if style == b'|' {
            lines.join("\n")
        } else {
            let mut l = String::new();
            let (mut prev_more, mut prev_empty, mut content) = (false, false, false);
            for (v, b) in lines.iter().enumerate() {
                let more = b.starts_with([' ', '\t']);
                if b.is_empty() {
                    l.push('\n');
                    prev_empty = true;
                } else if v == 0 {
                    l = b.clone();
                    prev_more = more;
                    content = true;
                } else if prev_empty {
                    if (prev_more || more) && content {
                        l.push('\n');
                    }
                    l.push_str(b);
                    prev_more = more;
                    prev_empty = false;
                    content = true;
                } else if more || prev_more {
                    l.push('\n');
                    l.push_str(b);
                    prev_more = more;
                    content = true;
                } else {
                    l.push(' ');
                    l.push_str(b);
                    prev_more = false;
                    content = true;
                }
            }
            l
        };
        if trailing_empty > 0 {
            let kept = value.trim_end_matches('\n').len();
            value.truncate(kept);
        }
        let any = lines.iter().any(|l| !l.is_empty());
        match chomp {
            Chomp::Clip if any => value.push('\n'),
            Chomp::Clip => {}
            Chomp::Keep if any => value.push_str(&"\n".repeat(trailing_empty + 1)),
            Chomp::Keep => value = "\n".repeat(trailing_empty),
            Chomp::Strip => {}
        }
        let end = self.pos;
        self.push_scalar(
            start,
            end,
            value,
            if style == b'|' { Format::Literal } else { Format::Folded },
        );
    }

    fn parent_block_indent(&self) -> i64 {
        let skip = |t: &Token| matches!(t.t, T::Newline | T::Comment | T::Indent);
        for (e, t) in self.tokens.iter().enumerate().rev() {
            if skip(t) {
                continue;
            }
            match t.t {
                T::Colon => {
                    return self.tokens[..e]
                        .iter()
                        .rev()
                        .find(|n| !skip(n))
                        .map_or(0, |n| self.column_at(n.start));
                }
                T::Dash => return self.column_at(t.start),
                T::DocStart => return -1,
                _ => break,
            }
        }
        0
    }

    fn column_at(&self, offset: usize) -> i64 {
        let line_start = self.b[..offset]
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(0, |i| i + 1);
        self.input[line_start..offset].chars().count() as i64
    }

    fn scan_comment(&mut self) {
        let start = self.pos;
        while self.pos < self.b.len() && !Self::nl(self.peek()) {
            self.pos += 1;
        }
        self.tokens.push(tok(T::Comment, start, self.pos));
    }

    fn scan_newline(&mut self) {
        let start = self.pos;
        if self.consume_newline() {
            self.tokens.push(tok(T::Newline, start, self.pos));
        }
    }

    fn skip_inline_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn consume_newline(&mut self) -> bool {
        match (self.peek(), self.at(self.pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => {
                self.pos += 2;
                true
            }
            (Some(b'\n' | b'\r'), _) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }
}

/// JavaScript's `parseInt(s, 16)`: blanks, a sign, an optional `0x`, then the longest run of
/// hex digits; `None` where it gives `NaN`.
fn js_parse_int_hex(s: &str) -> Option<i64> {
    let s = s.trim_start_matches(|c: char| is_js_space(c));
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let s = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")).unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_hexdigit).collect();
    let n = i64::from_str_radix(&digits, 16).ok()?;
    Some(if neg { -n } else { n })
}

// --- the parser --------------------------------------------------------------------------------

/// VS Code's parse tree, before it becomes agentls's [`Node`].
#[derive(Debug, Clone)]
enum V {
    Scalar {
        value: String,
        start: usize,
        end: usize,
        format: Format,
    },
    Map {
        props: Vec<(V, V)>,
        flow: bool,
        start: usize,
        end: usize,
    },
    Seq {
        items: Vec<V>,
        flow: bool,
        start: usize,
        end: usize,
    },
}

impl V {
    fn end(&self) -> usize {
        match self {
            V::Scalar { end, .. } | V::Map { end, .. } | V::Seq { end, .. } => *end,
        }
    }

    fn scalar_value(&self) -> &str {
        match self {
            V::Scalar { value, .. } => value,
            _ => "",
        }
    }
}

struct Parser<'a> {
    tokens: Vec<Token>,
    input: &'a str,
    base: usize,
    pos: usize,
    errors: Vec<HeaderError>,
}

impl Parser<'_> {
    fn parse(&mut self) -> Option<V> {
        self.skip_newlines_and_comments();
        if self.cur().t == T::DocStart {
            self.advance();
            self.skip_newlines_and_comments();
        }
        if matches!(self.cur().t, T::Eof | T::DocEnd) {
            return None;
        }
        self.parse_value(-1)
    }

    fn cur(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek(&self, o: usize) -> &Token {
        &self.tokens[(self.pos + o).min(self.tokens.len() - 1)]
    }

    fn advance(&mut self) -> Token {
        let t = self.cur().clone();
        if t.t != T::Eof {
            self.pos += 1;
        }
        t
    }

    /// The current token, consumed when it is of type `t` (VS Code's `expect`: a mismatch is
    /// returned without consuming it).
    fn expect(&mut self, t: T) -> Token {
        if self.cur().t == t {
            self.advance()
        } else {
            self.cur().clone()
        }
    }

    fn error(&mut self, message: String, start: usize, end: usize, kind: HeaderErrorKind) {
        self.errors.push(HeaderError {
            at: self.base + start..self.base + end,
            message,
            kind,
        });
    }

    fn skip_newlines_and_comments(&mut self) {
        loop {
            let t = self.cur().t;
            let blank_indent = t == T::Indent && matches!(self.peek(1).t, T::Newline | T::Comment | T::Eof);
            if t == T::Newline || t == T::Comment || blank_indent {
                self.advance();
            } else {
                break;
            }
        }
    }

    fn current_indent(&self) -> i64 {
        if self.cur().t == T::Indent {
            self.cur().indent
        } else {
            0
        }
    }

    fn peek_past_indent(&self) -> &Token {
        if self.cur().t == T::Indent {
            self.peek(1)
        } else {
            self.cur()
        }
    }

    fn looks_like_mapping(&self) -> bool {
        let o = usize::from(self.peek(0).t == T::Indent);
        self.peek(o).t == T::Scalar && self.peek(o + 1).t == T::Colon
    }

    fn parse_value(&mut self, indent: i64) -> Option<V> {
        self.skip_newlines_and_comments();
        let e = self.cur().clone();
        let t = if e.t == T::Indent {
            self.peek(1).clone()
        } else {
            e.clone()
        };
        if matches!(t.t, T::MapStart | T::SeqStart) {
            if e.t == T::Indent {
                self.advance();
            }
            return Some(if t.t == T::MapStart {
                self.parse_flow_map()
            } else {
                self.parse_flow_seq()
            });
        }
        let i = self.current_indent();
        if self.peek_past_indent().t == T::Dash {
            return Some(self.parse_block_sequence(i));
        }
        if self.looks_like_mapping() {
            return Some(self.parse_block_mapping(i, false));
        }
        if matches!(e.t, T::Scalar | T::Indent) {
            return Some(self.parse_scalar(indent));
        }
        None
    }

    fn parse_scalar(&mut self, indent: i64) -> V {
        if self.cur().t == T::Indent {
            self.advance();
        }
        let e = self.expect(T::Scalar);
        if e.format != Format::None {
            self.scalar_from(&e)
        } else {
            self.parse_plain_multiline(&e, indent)
        }
    }

    fn parse_plain_multiline(&mut self, first: &Token, indent: i64) -> V {
        let mut value = first.value.clone();
        let mut end = first.end;
        loop {
            let save = self.pos;
            let mut breaks = 0;
            let mut continues = false;
            // At most one pass: VS Code's inner loop either continues over blank lines or stops.
            loop {
                let l = self.cur().t;
                if l == T::Comment {
                    break;
                }
                if l == T::Newline {
                    self.advance();
                    let u = self.cur().clone();
                    if u.t == T::Newline {
                        breaks += 1;
                        continue;
                    }
                    if u.t == T::Indent {
                        let p = self.peek(1).t;
                        if matches!(p, T::Newline | T::Eof) {
                            breaks += 1;
                            self.advance();
                            continue;
                        }
                        if p == T::Comment {
                            break;
                        }
                        if u.indent > indent {
                            continues = true;
                        }
                        break;
                    }
                    if matches!(u.t, T::Eof | T::DocStart | T::DocEnd) {
                        break;
                    }
                    if indent < 0 {
                        continues = true;
                    }
                    break;
                }
                break;
            }
            if !continues {
                self.pos = save;
                break;
            }
            if self.cur().t == T::Indent {
                self.advance();
            }
            if self.cur().t != T::Scalar {
                if self.cur().t == T::Dash {
                    let dash = self.advance();
                    let mut text = "-".to_string();
                    if self.cur().t == T::Scalar {
                        let p = self.advance();
                        text = format!("- {}", p.value);
                        end = p.end;
                    } else {
                        end = dash.end;
                    }
                    value.push_str(&if breaks > 0 { "\n".repeat(breaks) } else { " ".into() });
                    value.push_str(&text);
                    continue;
                }
                self.pos = save;
                break;
            }
            if self.peek(1).t == T::Colon {
                self.pos = save;
                break;
            }
            let c = self.advance();
            value.push_str(&if breaks > 0 { "\n".repeat(breaks) } else { " ".into() });
            value.push_str(&c.value);
            end = c.end;
        }
        V::Scalar {
            value,
            start: first.start,
            end,
            format: Format::None,
        }
    }

    fn parse_block_mapping(&mut self, indent: i64, first_inline: bool) -> V {
        let start = self.cur().start;
        let mut props: Vec<(V, V)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        if first_inline && let Some(entry) = self.parse_mapping_entry(indent) {
            seen.insert(entry.0.scalar_value().to_string());
            props.push(entry);
        }
        while self.cur().t != T::Eof {
            self.skip_newlines_and_comments();
            if self.cur().t == T::Eof {
                break;
            }
            let a = self.current_indent();
            if a < indent {
                break;
            }
            if a > indent {
                let (s, e) = (self.cur().start, self.cur().end);
                self.error(
                    format!("Unexpected indentation (expected {indent}, got {a})"),
                    s,
                    e,
                    HeaderErrorKind::UnexpectedIndentation,
                );
            }
            if !self.looks_like_mapping() {
                break;
            }
            let Some(entry) = self.parse_mapping_entry(indent) else {
                break;
            };
            let key = entry.0.scalar_value().to_string();
            if seen.contains(&key) {
                let (s, e) = match &entry.0 {
                    V::Scalar { start, end, .. } => (*start, *end),
                    _ => (0, 0),
                };
                self.error(format!("Duplicate key: \"{key}\""), s, e, HeaderErrorKind::DuplicateKey);
            }
            seen.insert(key);
            props.push(entry);
        }
        let end = props.last().map_or(start, |(_, v)| v.end());
        V::Map {
            props,
            flow: false,
            start,
            end,
        }
    }

    fn parse_mapping_entry(&mut self, indent: i64) -> Option<(V, V)> {
        if self.cur().t == T::Indent {
            self.advance();
        }
        let k = self.expect(T::Scalar);
        let key = self.scalar_from(&k);
        let colon = self.expect(T::Colon);
        if colon.t != T::Colon {
            self.error(
                "Expected \":\"".into(),
                colon.start,
                colon.end,
                HeaderErrorKind::ExpectedColon,
            );
            return None;
        }
        let value = self.parse_mapping_value(indent, &colon);
        Some((key, value))
    }

    fn parse_mapping_value(&mut self, indent: i64, colon: &Token) -> V {
        let t = self.cur().clone();
        match t.t {
            T::MapStart => return self.parse_flow_map(),
            T::SeqStart => return self.parse_flow_seq(),
            T::Scalar => {
                let r = self.advance();
                return if r.format != Format::None {
                    self.scalar_from(&r)
                } else {
                    self.parse_plain_multiline(&r, indent)
                };
            }
            _ => {}
        }
        self.skip_newlines_and_comments();
        let missing = |p: &mut Self| {
            p.error(
                "Missing value".into(),
                colon.start,
                colon.end,
                HeaderErrorKind::MissingValue,
            );
            empty(colon.end)
        };
        if self.cur().t == T::Eof {
            return missing(self);
        }
        let n = self.current_indent();
        if n == indent && self.peek_past_indent().t == T::Dash {
            return self.parse_value(indent).unwrap_or_else(|| empty(colon.end));
        }
        if n <= indent {
            return missing(self);
        }
        self.parse_value(indent).unwrap_or_else(|| empty(colon.end))
    }

    fn parse_block_sequence(&mut self, indent: i64) -> V {
        let mut items = Vec::new();
        let start = self.cur().start;
        let mut end = start;
        let mut first = true;
        while self.cur().t != T::Eof {
            self.skip_newlines_and_comments();
            if self.cur().t == T::Eof {
                break;
            }
            let r = if first && self.cur().t == T::Dash {
                let s = self.cur().start;
                (s - self.line_start(s)) as i64
            } else {
                self.current_indent()
            };
            first = false;
            if r < indent {
                break;
            }
            if r > indent {
                let (s, e) = (self.cur().start, self.cur().end);
                self.error(
                    format!("Unexpected indentation (expected {indent}, got {r})"),
                    s,
                    e,
                    HeaderErrorKind::UnexpectedIndentation,
                );
            }
            if self.peek_past_indent().t != T::Dash {
                break;
            }
            if self.cur().t == T::Indent {
                self.advance();
            }
            let dash = self.advance();
            let item = self.parse_sequence_item_value(indent, &dash);
            end = item.end();
            items.push(item);
        }
        V::Seq {
            items,
            flow: false,
            start,
            end,
        }
    }

    fn parse_sequence_item_value(&mut self, indent: i64, dash: &Token) -> V {
        let t = self.cur().clone();
        if t.t == T::Comment {
            self.advance();
        }
        match t.t {
            T::MapStart => return self.parse_flow_map(),
            T::SeqStart => return self.parse_flow_seq(),
            T::Dash => {
                let n = (t.start - self.line_start(t.start)) as i64;
                return self.parse_block_sequence(n);
            }
            T::Scalar => {
                if self.peek(1).t == T::Colon {
                    let n = (t.start - self.line_start(t.start)) as i64;
                    return self.parse_block_mapping(n, true);
                }
                return self.parse_scalar(indent);
            }
            _ => {}
        }
        self.skip_newlines_and_comments();
        if self.cur().t == T::Eof || self.current_indent() <= indent {
            self.error(
                "Missing sequence item value".into(),
                dash.start,
                dash.end,
                HeaderErrorKind::MissingItem,
            );
            return empty(dash.end);
        }
        self.parse_value(indent).unwrap_or_else(|| empty(dash.end))
    }

    fn line_start(&self, offset: usize) -> usize {
        self.input.as_bytes()[..offset]
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map_or(0, |i| i + 1)
    }

    fn parse_flow_map(&mut self) -> V {
        let open = self.advance();
        let mut props = Vec::new();
        self.skip_flow_whitespace();
        while !matches!(self.cur().t, T::MapEnd | T::Eof) {
            if self.cur().t != T::Scalar {
                let (s, e) = (self.cur().start, self.cur().end);
                self.error("Expected mapping key".into(), s, e, HeaderErrorKind::ExpectedKey);
                break;
            }
            let key = self.parse_flow_scalar();
            self.skip_flow_whitespace();
            let value = if self.cur().t == T::Colon {
                self.advance();
                self.skip_flow_whitespace();
                self.parse_flow_value()
            } else {
                empty(key.end())
            };
            props.push((key, value));
            self.skip_flow_whitespace();
            if self.cur().t == T::Comma {
                self.advance();
                self.skip_flow_whitespace();
            }
        }
        let t = self.cur().clone();
        if t.t == T::MapEnd {
            self.advance();
        } else {
            self.error("Expected \"}\"".into(), t.start, t.end, HeaderErrorKind::ExpectedMapEnd);
        }
        V::Map {
            props,
            flow: true,
            start: open.start,
            end: if t.t == T::MapEnd { t.end } else { t.start },
        }
    }

    fn parse_flow_seq(&mut self) -> V {
        let open = self.advance();
        let mut items = Vec::new();
        self.skip_flow_whitespace();
        while !matches!(self.cur().t, T::SeqEnd | T::Eof) {
            let item = match self.cur().t {
                T::MapStart => self.parse_flow_map(),
                T::SeqStart => self.parse_flow_seq(),
                T::Scalar => self.parse_flow_scalar(),
                _ => {
                    let (s, e) = (self.cur().start, self.cur().end);
                    self.error(
                        "Unexpected token in flow sequence".into(),
                        s,
                        e,
                        HeaderErrorKind::UnexpectedToken,
                    );
                    self.advance();
                    continue;
                }
            };
            items.push(item);
            self.skip_flow_whitespace();
            if self.cur().t == T::Comma {
                self.advance();
                self.skip_flow_whitespace();
            }
        }
        let t = self.cur().clone();
        if t.t == T::SeqEnd {
            self.advance();
        } else {
            self.error("Expected \"]\"".into(), t.start, t.end, HeaderErrorKind::ExpectedSeqEnd);
        }
        V::Seq {
            items,
            flow: true,
            start: open.start,
            end: if t.t == T::SeqEnd { t.end } else { t.start },
        }
    }

    fn parse_flow_scalar(&mut self) -> V {
        let first = self.advance();
        if first.format != Format::None {
            return self.scalar_from(&first);
        }
        let mut value = first.value.clone();
        let mut end = first.end;
        loop {
            let mut newline = false;
            let mut n = self.pos;
            while n < self.tokens.len() {
                match self.tokens[n].t {
                    T::Newline => {
                        newline = true;
                        n += 1;
                    }
                    T::Indent | T::Comment => n += 1,
                    _ => break,
                }
            }
            if !newline || n >= self.tokens.len() {
                break;
            }
            let r = &self.tokens[n];
            if r.t == T::Scalar && r.format == Format::None {
                value.push(' ');
                value.push_str(&r.value);
                end = r.end;
                self.pos = n + 1;
            } else {
                break;
            }
        }
        V::Scalar {
            value,
            start: first.start,
            end,
            format: Format::None,
        }
    }

    fn parse_flow_value(&mut self) -> V {
        match self.cur().t {
            T::MapStart => self.parse_flow_map(),
            T::SeqStart => self.parse_flow_seq(),
            T::Scalar => self.parse_flow_scalar(),
            _ => empty(self.cur().start),
        }
    }

    fn skip_flow_whitespace(&mut self) {
        while matches!(self.cur().t, T::Newline | T::Indent | T::Comment) {
            self.advance();
        }
    }

    fn scalar_from(&self, t: &Token) -> V {
        V::Scalar {
            value: t.value.clone(),
            start: t.start,
            end: t.end,
            format: t.format,
        }
    }
}

fn empty(at: usize) -> V {
    V::Scalar {
        value: String::new(),
        start: at,
        end: at,
        format: Format::None,
    }
}

/// VS Code's tree as agentls's [`Node`]: spans in document bytes. At the top level, later
/// copies of a key are left out (VS Code uses the first; see [`Header::root`]).
fn to_node(v: V, base: usize, root: bool) -> Node {
    match v {
        V::Scalar {
            value,
            start,
            end,
            format,
        } => Node {
            span: base + start..base + end,
            kind: NodeKind::Scalar {
                value,
                style: match format {
                    Format::None => Style::Plain,
                    Format::Single => Style::SingleQuoted,
                    Format::Double => Style::DoubleQuoted,
                    Format::Literal => Style::Literal,
                    Format::Folded => Style::Folded,
                },
            },
        },
        V::Seq {
            items,
            flow,
            start,
            end,
        } => Node {
            span: base + start..base + end.max(start),
            kind: NodeKind::Seq {
                items: items.into_iter().map(|i| to_node(i, base, false)).collect(),
                flow,
            },
        },
        V::Map {
            props,
            flow,
            start,
            end,
        } => {
            let mut seen = std::collections::HashSet::new();
            let entries = props
                .into_iter()
                .filter(|(k, _)| !root || seen.insert(k.scalar_value().to_string()))
                .map(|(k, v)| Entry {
                    key: to_node(k, base, false),
                    value: to_node(v, base, false),
                })
                .collect();
            Node {
                span: base + start..base + end.max(start),
                kind: NodeKind::Map { entries, flow },
            }
        }
    }
}

/// VS Code's split of a comma-separated string (`tools: search, edit`): items with their
/// ranges inside `value`, a quoted item without its quotes (`jz` in VS Code's prompt parser).
pub fn split_comma_list(value: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let b = value.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && blank(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let (text, end);
        if b[i] == b'"' || b[i] == b'\'' {
            let q = b[i];
            i += 1;
            let from = i;
            while i < b.len() && b[i] != q {
                i += 1;
            }
            text = value[from..i].to_string();
            end = (i + 1).min(b.len());
            if i < b.len() {
                i += 1;
            }
        } else {
            let from = i;
            while i < b.len() && b[i] != b',' {
                i += 1;
            }
            text = value[from..i].trim_end_matches([' ', '\t']).to_string();
            end = from + text.len();
        }
        out.push((start..end, text));
        while i < b.len() && blank(b[i]) {
            i += 1;
        }
        if i < b.len() && b[i] == b',' {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(h: &Header) -> Vec<String> {
        h.root
            .as_ref()
            .map(|r| {
                r.entries()
                    .iter()
                    .filter_map(|e| e.key.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn errors(h: &Header) -> Vec<&str> {
        h.errors.iter().map(|e| e.message.as_str()).collect()
    }

    fn value<'a>(h: &'a Header, key: &str) -> &'a Node {
        h.root.as_ref().and_then(|r| r.get(key)).expect("the key is read")
    }

    // Each test is a case of the VS Code recording (`truth/recorded/code-server@4.139.1.json`,
    // `mutation/vscode/agent/yaml-<slug>`), with what VS Code did there.

    #[test]
    fn a_flow_list_may_close_at_the_keys_column() {
        let h = read("---\ndescription: Helps\ntools: [\n  'search',\n  'edit'\n]\ncolour: blue\n---\nBody\n");
        assert_eq!(keys(&h), ["description", "tools", "colour"]);
        assert!(h.errors.is_empty());
        assert!(matches!(&value(&h, "tools").kind, NodeKind::Seq { items, .. } if items.len() == 2));
    }

    #[test]
    fn tabs_indent_and_separate() {
        let h = read("---\ndescription:\tHelps\ncolour: blue\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("Helps"));
        let h = read("---\ndescription: Helps\ntools:\n\t- search\n\t- edit\ncolour: blue\n---\n");
        assert_eq!(keys(&h), ["description", "tools", "colour"]);
        assert!(h.errors.is_empty());
        // A tab before a top-level key: an error, and the key is still read.
        let h = read("---\ndescription: Helps\n\tcolour: blue\n---\n");
        assert_eq!(errors(&h), ["Unexpected indentation (expected 0, got 1)"]);
        assert_eq!(keys(&h), ["description", "colour"]);
    }

    #[test]
    fn only_the_first_colon_of_a_line_separates() {
        let h = read("---\ndescription: Use it: plan first\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("Use it: plan first"));
    }

    #[test]
    fn no_closing_line_makes_the_whole_file_the_header() {
        let text = "---\ndescription: Helps\n\nNote: do the task.\n";
        let h = read(text);
        let split = h.split.as_ref().expect("a header");
        assert!(split.close.is_none());
        assert_eq!(split.body_start, text.len());
        assert_eq!(keys(&h), ["description", "Note"]);
        // `-----` and `...` do not close it either; the mapping stops there.
        let h = read("---\ndescription: Helps\ncolour: blue\n-----\nDo the task: now.\n");
        assert!(h.split.as_ref().is_some_and(|s| s.close.is_none()));
        assert_eq!(keys(&h), ["description", "colour"]);
        let h = read("---\ndescription: Helps\n...\nlater: x\n");
        assert_eq!(keys(&h), ["description"]);
    }

    #[test]
    fn an_unclosed_double_quote_swallows_the_rest_silently() {
        let h = read("---\ndescription: \"Helps with the task\ntools: ['search']\ncolour: blue\n---\nBody\n");
        assert_eq!(keys(&h), ["description"]);
        assert!(h.errors.is_empty());
        assert_eq!(
            value(&h, "description").as_str(),
            Some("Helps with the task tools: ['search'] colour: blue ")
        );
    }

    #[test]
    fn a_line_without_a_colon_ends_the_header_silently() {
        let h = read("---\ndescription: Helps\njust some words\ncolour: blue\n---\n");
        assert!(h.errors.is_empty());
        // The words continue the plain value of `description`; `colour` is lost.
        assert_eq!(keys(&h), ["description"]);
    }

    #[test]
    fn an_unclosed_flow_list_takes_the_next_line() {
        let h = read("---\ndescription: Helps\ntools: ['search', 'edit'\ncolour: blue\n---\n");
        assert_eq!(errors(&h), ["Unexpected token in flow sequence", "Expected \"]\""]);
        let NodeKind::Seq { items, .. } = &value(&h, "tools").kind else {
            panic!("a list")
        };
        let items: Vec<_> = items.iter().filter_map(Node::as_str).collect();
        assert_eq!(items, ["search", "edit", "colour", "blue"]);
    }

    #[test]
    fn an_unclosed_flow_map_is_an_error() {
        let h = read("---\ndescription: Helps\nmetadata: {a: b\ncolour: blue\n---\n");
        assert_eq!(errors(&h), ["Expected mapping key", "Expected \"}\""]);
        assert_eq!(keys(&h)[..2], ["description", "metadata"]);
    }

    #[test]
    fn no_space_after_the_colon_is_no_mapping() {
        let h = read("---\ndescription:Helps\ncolour: blue\n---\n");
        assert_eq!(errors(&h), ["Invalid header, expecting <key: value> pairs"]);
        assert!(!matches!(h.root.as_ref().map(|r| &r.kind), Some(NodeKind::Map { .. })));
    }

    #[test]
    fn duplicates_and_missing_values_are_errors_and_the_first_key_counts() {
        let h = read("---\ndescription: First\ndescription: Second\nname:\n---\n");
        assert_eq!(errors(&h), ["Duplicate key: \"description\"", "Missing value"]);
        assert_eq!(value(&h, "description").as_str(), Some("First"));
        assert_eq!(h.errors[0].at, 23..34);
    }

    #[test]
    fn anchors_are_text_and_comments_are_comments() {
        let h = read("---\ndescription: &d Helps # note\nname: *d\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("&d Helps"));
        assert_eq!(value(&h, "name").as_str(), Some("*d"));
    }

    #[test]
    fn block_scalars_and_plain_continuations() {
        let h = read("---\ndescription: |\n  Helps with\n  the task\ncolour: blue\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("Helps with\nthe task\n"));
        let h = read("---\ndescription: >-\n  Helps with\n  the task\ncolour: blue\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("Helps with the task"));
        let h = read("---\ndescription: Helps with\n  the task\ncolour: blue\n---\n");
        assert_eq!(value(&h, "description").as_str(), Some("Helps with the task"));
        assert_eq!(keys(&h), ["description", "colour"]);
    }

    #[test]
    fn the_header_starts_on_the_first_line_only() {
        assert!(read("\n---\ndescription: Helps\n---\n").split.is_none());
        let h = read("\u{feff}---\r\ndescription: Helps\r\n---\r\nBody\r\n");
        assert_eq!(value(&h, "description").as_str(), Some("Helps"));
        let h = read("--- \ndescription: Helps\n--- \nBody\n");
        assert_eq!(keys(&h), ["description"]);
        assert!(h.split.as_ref().is_some_and(|s| s.close.is_some()));
    }

    #[test]
    fn spans_are_document_bytes() {
        let text = "---\ndescription: Hilft 😀\ncolour: blue\n---\n";
        let h = read(text);
        let d = value(&h, "description");
        assert_eq!(&text[d.span.clone()], "Hilft 😀");
        let c = h.root.as_ref().unwrap().entries()[1].key.span.clone();
        assert_eq!(&text[c], "colour");
    }

    #[test]
    fn a_comma_separated_string_splits_like_vscode() {
        let items = split_comma_list("search, 'edit', web/fetch ,");
        assert_eq!(
            items,
            [
                (0..6, "search".to_string()),
                (8..14, "edit".to_string()),
                (16..25, "web/fetch".to_string())
            ]
        );
    }
}
