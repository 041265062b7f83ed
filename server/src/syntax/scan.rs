//! The headings, links and code blocks of a Markdown body, read with pulldown-cmark, and kept
//! current edit by edit without re-reading the whole body.
//!
//! A body is read in chunks that each begin at a top-level ATX heading line. Such a line is a
//! reset point of CommonMark's block parser: nothing open before it survives it (an ATX heading
//! interrupts a paragraph and closes lists and block quotes), so the chunk after it parses the
//! same alone as inside the whole body. Three things break that, and all are checked: a chunk
//! that ends inside a fenced code block or an HTML block (the heading line is then their
//! content), link reference definitions (they apply to the whole document), and a lone CR line
//! end, which pulldown-cmark reads differently after an indented code block or a list (the
//! incremental oracle found it). The first merges the chunk with the next ones; the others
//! read the whole body instead while they are there. An edit
//! re-reads only the chunks it touched, so typing in a 5 MB file costs what the edited section
//! costs. The incremental result equals [`scan`] of the whole text (tests and the fuzzer's
//! oracle compare them).

use crate::document::{AppliedEdit, TextRange};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use ropey::Rope;
use std::sync::Arc;
/// A heading, as a link target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The rendered text (`## Use \`grep\`` → ``Use grep``). Shared, not copied, when a
    /// scan is assembled from its chunks.
    pub title: Arc<str>,
    /// The heading line(s).
    pub range: TextRange,
    /// The heading's text in the source, without `#` markers (what a rename replaces).
    pub title_range: TextRange,
    /// The GitHub anchor, with `-1`, `-2` for repeated titles.
    pub slug: Arc<str>,
}

/// A relative link in the body (`[t](other.md#part)`, `[t](#part)`, `[t][ref]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The whole link in the source.
    pub range: TextRange,
    /// The destination as written in the source (the link itself when it is a reference link
    /// whose definition could not be located).
    pub dest_range: TextRange,
    /// The file part, percent-decoded; `None` for `#part` (this document).
    pub path: Option<String>,
    /// The fragment, and where it sits in the source (inside `dest_range`).
    pub fragment: Option<(String, TextRange)>,
    /// What wrote the reference: a Markdown link, an `@path` import or a `#file:` reference.
    pub kind: LinkKind,
}

/// Which syntax a [`Link`] comes from. The path of every kind is relative to the file's folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LinkKind {
    /// `[t](path#part)` or a reference link.
    #[default]
    Markdown,
    /// An `@path` include or import (commands, memory files).
    Import,
    /// A Copilot `#file:path` reference (prompt files, agents, instructions).
    FileRef,
    /// A Kiro `#[[file:path]]` include (steering files), relative to the workspace root.
    Include,
}

/// What one pass over a body finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Fenced and indented code blocks (their contents are never links or tags).
    pub code_blocks: Vec<TextRange>,
}

impl Scan {
    pub fn heading_by_slug(&self, slug: &str) -> Option<&Heading> {
        self.headings.iter().find(|h| &*h.slug == slug)
    }
}

/// GitHub's anchor for a heading title: lowercase; letters, digits, `-` and `_` kept; spaces
/// become `-`; everything else is dropped. Repeats get `-1`, `-2`… (see [`scan`]).
pub fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// The title as written: the heading's first line without the `#` markers (and without an
/// ATX closing sequence), trimmed. A rename replaces exactly this.
fn title_source(text: &str, range: &TextRange) -> Option<TextRange> {
    let src = &text[range.clone()];
    let line_end = src.find(['\n', '\r']).unwrap_or(src.len());
    let line = &src[..line_end];
    let lead = line.len() - line.trim_start().len();
    let mut body = &line[lead..];
    let mut start = range.start + lead;
    if body.starts_with('#') {
        let hashes = body.len() - body.trim_start_matches('#').len();
        let after = &body[hashes..];
        let spaces = after.len() - after.trim_start().len();
        start += hashes + spaces;
        body = after.trim_start();
        let trimmed = body.trim_end();
        // A closing `###` run counts only after a space.
        let closing = trimmed.trim_end_matches('#');
        body = if closing.len() < trimmed.len() && (closing.is_empty() || closing.ends_with([' ', '\t'])) {
            closing.trim_end()
        } else {
            trimmed
        };
    } else {
        body = body.trim_end();
    }
    (!body.is_empty()).then(|| start..start + body.len())
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a destination names something outside the workspace (a URL, `mailto:`, an
/// absolute path) rather than a file next to this one.
fn is_external(dest: &str) -> bool {
    // `/abs`, `//host`; template placeholders (`{Epic_URL}`) are not paths yet.
    if dest.starts_with('/') || dest.starts_with("//") || dest.contains(['{', '}']) {
        return true;
    }
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            // `C:` would be a Windows drive; schemes are at least two letters.
            scheme.len() > 1
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !dest[..colon].contains('/')
        }
        None => false,
    }
}

fn link(
    text: &str,
    range: TextRange,
    dest: &str,
    link_type: LinkType,
    defs: &[(String, TextRange)],
    body_start: usize,
) -> Option<Link> {
    if dest.is_empty() || is_external(dest) {
        return None;
    }
    let source = &text[range.clone()];
    // Where the destination is written: inside the link for inline links, in the reference
    // definition otherwise.
    let dest_range = match link_type {
        LinkType::Inline => source
            .rfind("](")
            .and_then(|i| {
                let after = i + 2;
                let rest = &source[after..];
                let lead = rest.len() - rest.trim_start().len();
                let rest = rest.trim_start();
                let (start, len) = if let Some(inner) = rest.strip_prefix('<') {
                    (after + lead + 1, inner.find('>')?)
                } else {
                    (after + lead, rest.find(|c: char| c.is_whitespace() || c == ')')?)
                };
                Some(range.start + start..range.start + start + len)
            })
            .unwrap_or(range.clone()),
        _ => defs
            .iter()
            .find(|(d, _)| d == dest)
            .and_then(|(d, span)| {
                let span = span.start + body_start..span.end + body_start;
                let def = &text[span.clone()];
                let colon = def.find("]:")?;
                let at = def[colon..].find(d.as_str())? + colon;
                Some(span.start + at..span.start + at + d.len())
            })
            .unwrap_or(range.clone()),
    };
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = (!path.is_empty()).then(|| percent_decode(path.split('?').next().unwrap_or(path)));
    let fragment = fragment.map(|f| {
        // The fragment ends the written destination (an escaped or encoded one is rare enough
        // to point at the whole destination instead).
        let written = &text[dest_range.clone()];
        let r = if written.ends_with(f) && written.len() > f.len() {
            dest_range.end - f.len()..dest_range.end
        } else {
            dest_range.clone()
        };
        (percent_decode(f), r)
    });
    Some(Link {
        range,
        dest_range,
        path,
        fragment,
        kind: LinkKind::Markdown,
    })
}

/// The `@path` references of a body (formats.md §5, §9): `@` at the start of a word, then a
/// path with a `/` or a file extension, outside code blocks and code spans. E-mail addresses
/// and `@mentions` without a path shape are not references. `code_blocks` are in document order.
pub fn at_refs(text: &str, body_start: usize, code_blocks: &[TextRange]) -> Vec<(TextRange, String)> {
    let mut out = Vec::new();
    word_starts(text, body_start, code_blocks, '@', |at| {
        let rest = &text[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '~')))
            .unwrap_or(rest.len());
        let path = rest[..len].trim_end_matches(['.', ',']);
        let file_like = path.contains('/')
            || path.rsplit_once('.').is_some_and(|(stem, ext)| {
                !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if file_like && !path.starts_with('/') && !path.starts_with("~") && !path.contains("//") {
            out.push((at..at + 1 + path.len(), path.to_string()));
        }
        len
    });
    out
}

/// The `#file:path` references of a Copilot body (formats.md §10), outside code blocks and code
/// spans, with `#` at the start of a word: the whole reference and the path as written. The
/// path ends at whitespace, `,;)"'`, a backtick or a `#`, without a trailing `.` or `:` (as
/// hover reads it; VS Code's `promptFileParser.ts` takes `[^\s#]+`). Absolute paths, URLs and
/// `${variable}` paths are not checked: nothing here can tell whether they exist.
pub fn file_refs(text: &str, body_start: usize, code_blocks: &[TextRange]) -> Vec<(TextRange, String)> {
    const PREFIX: &str = "file:";
    let mut out = Vec::new();
    word_starts(text, body_start, code_blocks, '#', |at| {
        let Some(rest) = text[at + 1..].strip_prefix(PREFIX) else {
            return 0;
        };
        // VS Code's pattern, `#file:(?<filePath>[^\s#]+)`: the path runs to a blank or a `#`,
        // punctuation included (`#file:a.md,` names `a.md,`). A backtick ends the code span the
        // reference would otherwise run into.
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '#' | '`'))
            .unwrap_or(rest.len());
        let path = &rest[..len];
        // VS Code takes `scheme:/…` as a URI (`/^[a-zA-Z]+:\//`) and `/…` as an absolute path;
        // anything else is relative to the file's folder.
        let scheme = path
            .split_once(":/")
            .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic()));
        let external = scheme || path.starts_with('/') || path.contains(['{', '}']);
        if !path.is_empty() && !external {
            out.push((at..at + 1 + PREFIX.len() + path.len(), path.to_string()));
        }
        PREFIX.len() + len
    });
    out
}

/// The `#[[file:path]]` includes of a Kiro steering body, outside code blocks and code spans,
/// with `#` at the start of a word: the whole reference and the path as written (trimmed). The
/// reference ends at the first `]]` on its line; one without it is not a reference. URLs and
/// absolute paths are not checked.
pub fn bracketed_refs(text: &str, body_start: usize, code_blocks: &[TextRange]) -> Vec<(TextRange, String)> {
    const OPEN: &str = "[[file:";
    let mut out = Vec::new();
    word_starts(text, body_start, code_blocks, '#', |at| {
        let Some(rest) = text[at + 1..].strip_prefix(OPEN) else {
            return 0;
        };
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let Some(close) = line.find("]]") else {
            return OPEN.len();
        };
        let path = line[..close].trim();
        let external = path.contains("://") || path.starts_with('/');
        if !path.is_empty() && !external {
            out.push((at..at + 1 + OPEN.len() + close + 2, path.to_string()));
        }
        OPEN.len() + close + 2
    });
    out
}

/// Calls `visit` with the offset of each `marker` of `text` from `body_start` that starts a word
/// (after whitespace or `(`, or at the start) outside the code blocks (in document order) and
/// outside code spans (an odd number of backticks before it on its line). `visit` returns how
/// many bytes after the marker to skip. Linear: the text between code blocks is searched for
/// the marker (one memchr when there is none), and the backticks of a line are counted once.
fn word_starts(
    text: &str,
    body_start: usize,
    code_blocks: &[TextRange],
    marker: char,
    mut visit: impl FnMut(usize) -> usize,
) {
    let bytes = text.as_bytes();
    let mut from = body_start.min(text.len());
    // Backticks since the last line start, counted up to `counted`.
    let (mut counted, mut ticks) = (text[..from].rfind('\n').map_or(0, |n| n + 1), 0usize);
    let mut blocks = code_blocks.iter();
    loop {
        let block = blocks.next();
        let gap_end = block.map_or(text.len(), |b| b.start.clamp(from, text.len()));
        while from < gap_end {
            let Some(k) = text[from..gap_end].find(marker) else {
                break;
            };
            let at = from + k;
            from = at + 1;
            if !(at == 0 || bytes[at - 1].is_ascii_whitespace() || bytes[at - 1] == b'(') {
                continue;
            }
            for &b in &bytes[counted..at] {
                match b {
                    b'\n' => ticks = 0,
                    b'`' => ticks += 1,
                    _ => {}
                }
            }
            counted = at;
            if ticks % 2 == 1 {
                continue;
            }
            from = (at + 1 + visit(at)).min(text.len());
        }
        match block {
            Some(b) => from = from.max(b.end).min(text.len()),
            None => break,
        }
    }
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// What one read of a chunk finds. Offsets are relative to the chunk's start; heading slugs
/// are not yet numbered (`-1`, `-2` depend on the headings before the chunk).
#[derive(Debug, Clone, Default)]
struct Piece {
    headings: Vec<Heading>,
    links: Vec<Link>,
    code_blocks: Vec<TextRange>,
    at_refs: Vec<(TextRange, String)>,
    file_refs: Vec<(TextRange, String)>,
    bracketed_refs: Vec<(TextRange, String)>,
    /// Whether only a read of the whole body gives the right answer: link reference definitions
    /// apply to the whole document, and pulldown-cmark reads a lone CR line end after an LF
    /// (`"\n\r# H"`) differently depending on what came before.
    needs_whole: bool,
    /// Line starts of the top-level ATX headings: where the chunk can be split.
    splits: Vec<usize>,
    /// The length of the text read.
    len: usize,
    /// Whether the text ends inside a fenced code block or an HTML block, which could carry
    /// on into the next chunk.
    ends_open: bool,
}

/// Reads `text` as a whole Markdown body (offsets in `text`).
fn read_piece(text: &str) -> Piece {
    let mut out = Piece {
        len: text.len(),
        ..Piece::default()
    };
    // The heading being read: (level, start, rendered text, first and last text byte).
    let mut heading: Option<(u8, TextRange, String, Option<TextRange>)> = None;
    let parser = Parser::new_ext(text, Options::empty());
    let defs: Vec<(String, TextRange)> = parser
        .reference_definitions()
        .iter()
        .map(|(_, d)| (d.dest.to_string(), d.span.clone()))
        .collect();
    out.needs_whole = !defs.is_empty() || has_lone_cr(text);
    // Open tags, to tell top-level blocks; and the last top-level block.
    let mut depth = 0usize;
    let mut last_block: Option<(Tag, TextRange)> = None;
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    last_block = Some((tag.clone(), range.clone()));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if depth == 1 && is_atx_line(&text[range.start..]) {
                    out.splits.push(line_start(text, range.start));
                }
                heading = Some((level_number(level), range, String::new(), None));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, mut range, title, text_range)) = heading.take() {
                    // The heading line without its line end.
                    range.end = range.start + text[range.clone()].trim_end_matches(['\n', '\r']).len();
                    let title_range = title_source(text, &range)
                        .or(text_range)
                        .unwrap_or(range.start..range.start);
                    out.headings.push(Heading {
                        level,
                        slug: slug(&title).into(),
                        title: title.trim().into(),
                        range,
                        title_range,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title, text_range)) = &mut heading {
                    title.push_str(&t);
                    let r = text_range.get_or_insert(range.clone());
                    r.start = r.start.min(range.start);
                    r.end = r.end.max(range.end);
                }
            }
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    continue;
                }
                if let Some(link) = link(text, range, &dest_url, link_type, &defs, 0) {
                    out.links.push(link);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => out.code_blocks.push(range),
            _ => {}
        }
    }
    out.ends_open = match last_block {
        Some((Tag::HtmlBlock, _)) => true,
        Some((Tag::CodeBlock(CodeBlockKind::Fenced(_)), r)) => !fence_closed(&text[r]),
        _ => false,
    };
    out.at_refs = at_refs(text, 0, &out.code_blocks);
    out.file_refs = file_refs(text, 0, &out.code_blocks);
    out.bracketed_refs = bracketed_refs(text, 0, &out.code_blocks);
    out
}

/// Whether `text` has a CR that does not start a CRLF.
fn has_lone_cr(text: &str) -> bool {
    if !text.contains('\r') {
        return false;
    }
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
}

/// Whether a line (from its start) is an ATX heading: up to three spaces, one to six `#`,
/// then a space, a tab or the line end.
fn is_atx_line(line: &str) -> bool {
    let b = line.as_bytes();
    let indent = b.iter().take(4).take_while(|&&c| c == b' ').count();
    if indent > 3 {
        return false;
    }
    let hashes = b[indent..].iter().take_while(|&&c| c == b'#').count();
    (1..=6).contains(&hashes) && matches!(b.get(indent + hashes), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// The start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Whether a fenced code block (its source, read at the top level) is closed, as
/// pulldown-cmark sees it: a line after a closed block starts a paragraph, a line after an open
/// one is more code. Asking the parser keeps this exact where fence rules have corners (a tab
/// after the closing fence, a shorter fence, an indented one).
fn fence_closed(block: &str) -> bool {
    let mut probe = String::with_capacity(block.len() + 3);
    probe.push_str(block);
    if !probe.ends_with(['\n', '\r']) {
        probe.push('\n');
    }
    probe.push_str("x\n");
    Parser::new_ext(&probe, Options::empty()).any(|e| matches!(e, Event::Start(Tag::Paragraph)))
}

/// Numbers repeated slugs (`setup`, `setup-1`…) in document order, as GitHub does. Runs on
/// every keystroke over every heading, so it allocates only for the repeats.
fn number_slugs(headings: &mut [Heading]) {
    let mut renamed: Vec<(usize, String)> = Vec::new();
    {
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(headings.len());
        for (i, h) in headings.iter().enumerate() {
            let n = seen.entry(&*h.slug).or_insert(0);
            if *n > 0 {
                renamed.push((i, format!("{}-{n}", h.slug)));
            }
            *n += 1;
        }
    }
    for (i, slug) in renamed {
        headings[i].slug = slug.into();
    }
}

/// Scans the body of `text` that starts at `body_start`, in one read. Offsets are in `text`.
pub fn scan(text: &str, body_start: usize) -> Scan {
    let body_start = body_start.min(text.len());
    let p = read_piece(&text[body_start..]);
    let scan = assemble([(body_start, &p)], None).scan;
    Arc::try_unwrap(scan).unwrap_or_else(|a| (*a).clone())
}

/// [`scan`] with the `@path` and `#file:` references.
pub fn scan_body(text: &str, body_start: usize) -> BodyScan {
    let body_start = body_start.min(text.len());
    assemble([(body_start, &read_piece(&text[body_start..]))], None)
}

fn shift_range(r: &TextRange, by: usize) -> TextRange {
    r.start + by..r.end + by
}

fn shift_heading(h: &Heading, by: usize) -> Heading {
    Heading {
        level: h.level,
        title: h.title.clone(),
        range: shift_range(&h.range, by),
        title_range: shift_range(&h.title_range, by),
        slug: h.slug.clone(),
    }
}

fn shift_link(l: &Link, by: usize) -> Link {
    Link {
        range: shift_range(&l.range, by),
        dest_range: shift_range(&l.dest_range, by),
        path: l.path.clone(),
        fragment: l.fragment.as_ref().map(|(f, r)| (f.clone(), shift_range(r, by))),
        kind: l.kind,
    }
}

/// A body's scan, and its `@path` and `#file:` references (which only some formats read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyScan {
    pub scan: Arc<Scan>,
    /// `@path` references outside code: where, and the path as written.
    pub at_refs: Vec<(TextRange, String)>,
    /// `#file:path` references outside code: the whole reference, and the path as written.
    pub file_refs: Vec<(TextRange, String)>,
    /// `#[[file:path]]` includes outside code: the whole reference, and the path as written.
    pub bracketed_refs: Vec<(TextRange, String)>,
}

/// A run of the body that parses the same alone as in the whole body.
#[derive(Debug, Clone)]
struct Chunk {
    start: usize,
    end: usize,
    /// `None` when an edit touched the chunk since it was read.
    piece: Option<Arc<Piece>>,
    /// For an unread chunk: the heading slugs (not numbered) of what it replaced.
    old_slugs: Vec<Arc<str>>,
}

impl Chunk {
    fn read(start: usize, end: usize, piece: Piece) -> Chunk {
        Chunk {
            start,
            end,
            piece: Some(Arc::new(piece)),
            old_slugs: Vec::new(),
        }
    }

    /// The chunk's heading slugs, not numbered: as read, or as they were before an edit.
    fn slugs(&self) -> impl Iterator<Item = &Arc<str>> {
        let read = self.piece.iter().flat_map(|p| p.headings.iter().map(|h| &h.slug));
        read.chain(self.old_slugs.iter())
    }
}

/// The body's scan, kept current edit by edit (see the module docs).
#[derive(Debug, Default)]
pub struct Incremental {
    /// Contiguous, from the body start to the end of the text; empty before the first read.
    chunks: Vec<Chunk>,
    /// The assembled result for the current text.
    current: Option<Arc<BodyScan>>,
    /// The numbered slugs of the last result, in order: kept while no edit changes a heading's
    /// slug, so typing does not renumber thousands of headings.
    numbered: Vec<Arc<str>>,
    /// Whether a slug may have changed since `numbered` was made.
    slugs_changed: bool,
    /// How many bytes were read since the document was opened (tests use it to prove that an
    /// edit re-reads only around itself).
    pub bytes_read: usize,
}

impl Incremental {
    /// Records an edit: chunks it touched (including those it borders) become unread; those
    /// after it move.
    pub fn edit(&mut self, e: AppliedEdit) {
        self.current = None;
        // Chunks are in order and contiguous: both ends of the edit are found by bisection.
        let first = self.chunks.partition_point(|c| c.end < e.start);
        if first == self.chunks.len() {
            return;
        }
        if e.old_end < self.chunks[first].start {
            // Entirely before the body (in the front matter): everything moves.
            for c in &mut self.chunks {
                c.start = shift_by(c.start, e);
                c.end = shift_by(c.end, e);
            }
            return;
        }
        let last = first + self.chunks[first..].partition_point(|c| c.start <= e.old_end);
        let merged = Chunk {
            start: self.chunks[first].start.min(e.start),
            end: shift_by(self.chunks[last - 1].end.max(e.old_end), e),
            piece: None,
            old_slugs: self.chunks[first..last]
                .iter()
                .flat_map(Chunk::slugs)
                .cloned()
                .collect(),
        };
        for c in &mut self.chunks[last..] {
            c.start = shift_by(c.start, e);
            c.end = shift_by(c.end, e);
        }
        self.chunks.splice(first..last, [merged]);
    }

    /// The scan of `rope`'s body from `body_start`, reading only the chunks edits touched.
    pub fn get(&mut self, rope: &Rope, body_start: usize) -> Arc<BodyScan> {
        if let Some(c) = &self.current {
            return c.clone();
        }
        let len = rope.len_bytes();
        let body_start = body_start.min(len);
        if self.chunks.first().is_none_or(|c| c.start != body_start) || self.chunks.last().is_none_or(|c| c.end != len)
        {
            self.chunks = vec![Chunk {
                start: body_start,
                end: len,
                piece: None,
                old_slugs: Vec::new(),
            }];
            self.slugs_changed = true;
        }
        let mut i = 0;
        while i < self.chunks.len() {
            if self.chunks[i].piece.is_some() {
                i += 1;
                continue;
            }
            // A chunk after the first must begin with a heading line to stand alone.
            let mut lo = i;
            if lo > 0 && !is_atx_line(&line_at(rope, self.chunks[lo].start)) {
                lo -= 1;
            }
            let mut hi = i + 1;
            let (piece, start) = loop {
                let (s, e) = (self.chunks[lo].start, self.chunks[hi - 1].end);
                let text = rope.byte_slice(s..e).to_string();
                self.bytes_read += text.len();
                let piece = read_piece(&text);
                if piece.ends_open && hi < self.chunks.len() {
                    // Its fence or HTML block may run on: read further, twice as far each time.
                    hi = (hi + (hi - lo)).min(self.chunks.len());
                    continue;
                }
                break (piece, s);
            };
            let parts = split(piece, start);
            let old = self.chunks[lo..hi].iter().flat_map(Chunk::slugs);
            if !old.eq(parts.iter().flat_map(Chunk::slugs)) {
                self.slugs_changed = true;
            }
            let n = parts.len();
            self.chunks.splice(lo..hi, parts);
            i = lo + n;
        }
        let scan = if self
            .chunks
            .iter()
            .any(|c| c.piece.as_ref().is_some_and(|p| p.needs_whole))
        {
            // Reference definitions reach across chunks (and lone CRs confuse the boundaries):
            // read the body whole.
            let text = rope.byte_slice(body_start..).to_string();
            self.bytes_read += text.len();
            let p = read_piece(&text);
            assemble([(body_start, &p)], None)
        } else {
            let keep = (!self.slugs_changed).then_some(self.numbered.as_slice());
            assemble(
                self.chunks.iter().filter_map(|c| Some((c.start, &**c.piece.as_ref()?))),
                keep,
            )
        };
        self.numbered = scan.scan.headings.iter().map(|h| h.slug.clone()).collect();
        self.slugs_changed = false;
        let scan = Arc::new(scan);
        self.current = Some(scan.clone());
        scan
    }
}

fn shift_by(x: usize, e: AppliedEdit) -> usize {
    (x as isize + e.delta()).max(0) as usize
}

/// The first bytes of the line starting at `offset` (enough to tell a heading).
fn line_at(rope: &Rope, offset: usize) -> String {
    rope.byte_slice(offset..).chars().take(12).collect()
}

/// Cuts a piece read from `start` at its top-level headings, into chunks that each stand alone.
fn split(piece: Piece, start: usize) -> Vec<Chunk> {
    let mut bounds: Vec<usize> = vec![0];
    // A reference link points at its definition, which may sit in an earlier part: such a
    // piece stays whole (and the body is read whole while it exists anyway).
    if !piece.needs_whole {
        bounds.extend(piece.splits.iter().copied().filter(|&c| c > 0 && c < piece.len));
    }
    bounds.dedup();
    if bounds.len() == 1 {
        return vec![Chunk::read(start, start + piece.len, piece)];
    }
    bounds.push(piece.len);
    let mut parts: Vec<Piece> = bounds
        .windows(2)
        .map(|w| Piece {
            len: w[1] - w[0],
            ..Piece::default()
        })
        .collect();
    // Each list is in document order: hand out its items by where they start.
    let part_of = |at: usize| bounds[1..].partition_point(|&b| b <= at).min(bounds.len() - 2);
    for h in piece.headings {
        let j = part_of(h.range.start);
        parts[j].headings.push(shift_heading_back(h, bounds[j]));
    }
    for l in piece.links {
        let j = part_of(l.range.start);
        parts[j].links.push(shift_link_back(l, bounds[j]));
    }
    for c in piece.code_blocks {
        let j = part_of(c.start);
        parts[j].code_blocks.push(c.start - bounds[j]..c.end - bounds[j]);
    }
    for (r, p) in piece.at_refs {
        let j = part_of(r.start);
        parts[j].at_refs.push((back(&r, bounds[j]), p));
    }
    for (r, p) in piece.file_refs {
        let j = part_of(r.start);
        parts[j].file_refs.push((back(&r, bounds[j]), p));
    }
    for (r, p) in piece.bracketed_refs {
        let j = part_of(r.start);
        parts[j].bracketed_refs.push((back(&r, bounds[j]), p));
    }
    if let Some(last) = parts.last_mut() {
        last.ends_open = piece.ends_open;
    }
    parts
        .into_iter()
        .zip(bounds)
        .map(|(p, b)| Chunk::read(start + b, start + b + p.len, p))
        .collect()
}

fn back(r: &TextRange, by: usize) -> TextRange {
    r.start - by..r.end - by
}

fn shift_heading_back(mut h: Heading, by: usize) -> Heading {
    h.range = back(&h.range, by);
    h.title_range = back(&h.title_range, by);
    h
}

fn shift_link_back(mut l: Link, by: usize) -> Link {
    l.range = back(&l.range, by);
    l.dest_range = back(&l.dest_range, by);
    if let Some((_, r)) = &mut l.fragment {
        *r = back(r, by);
    }
    l
}

/// Joins the pieces of a body, each with where it starts, into one scan. `numbered`: the
/// numbered slugs of the previous result when no slug changed since.
fn assemble<'p>(pieces: impl IntoIterator<Item = (usize, &'p Piece)>, numbered: Option<&[Arc<str>]>) -> BodyScan {
    let mut scan = Scan::default();
    let (mut at_refs, mut file_refs, mut bracketed_refs) = (Vec::new(), Vec::new(), Vec::new());
    for (start, p) in pieces {
        scan.headings.extend(p.headings.iter().map(|h| shift_heading(h, start)));
        scan.links.extend(p.links.iter().map(|l| shift_link(l, start)));
        scan.code_blocks
            .extend(p.code_blocks.iter().map(|c| shift_range(c, start)));
        at_refs.extend(p.at_refs.iter().map(|(r, s)| (shift_range(r, start), s.clone())));
        file_refs.extend(p.file_refs.iter().map(|(r, s)| (shift_range(r, start), s.clone())));
        bracketed_refs.extend(p.bracketed_refs.iter().map(|(r, s)| (shift_range(r, start), s.clone())));
    }
    match numbered.filter(|n| n.len() == scan.headings.len()) {
        Some(n) => {
            for (h, slug) in scan.headings.iter_mut().zip(n) {
                h.slug = slug.clone();
            }
        }
        None => number_slugs(&mut scan.headings),
    }
    BodyScan {
        scan: Arc::new(scan),
        at_refs,
        file_refs,
        bracketed_refs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{TextEdit, apply_edit};

    /// Applies `edits` one by one and checks after each that the incremental scan equals a
    /// whole read, and returns the bytes the incremental side read.
    fn check_edits(text: &str, body_start: usize, edits: &[(std::ops::Range<usize>, &str)]) -> usize {
        let mut rope = Rope::from_str(text);
        let mut inc = Incremental::default();
        assert_eq!(*inc.get(&rope, body_start), scan_body(text, body_start));
        let first = inc.bytes_read;
        for (range, new) in edits {
            let e = apply_edit(
                &mut rope,
                &TextEdit {
                    range: range.clone(),
                    new_text: new.to_string(),
                },
            );
            inc.edit(e);
            let now = rope.to_string();
            assert_eq!(
                *inc.get(&rope, body_start),
                scan_body(&now, body_start),
                "after {range:?} -> {new:?}\n{now}"
            );
        }
        inc.bytes_read - first
    }

    fn doc(sections: usize) -> String {
        let mut s = String::from("# Title\n\nIntro [a](#s-1).\n");
        for i in 0..sections {
            s.push_str(&format!(
                "\n## S {i}\n\nText with [link](other.md#part) and @docs/x.md.\n\n- item\n"
            ));
        }
        s
    }

    #[test]
    fn a_body_edit_rereads_one_section() {
        let text = doc(200);
        let at = text.find("## S 100").unwrap() + 20;
        let read = check_edits(&text, 0, &[(at..at, "x"), (at..at + 1, ""), (at..at, "[n](#s-3)")]);
        assert!(read < 400, "read {read} bytes of {}", text.len());
    }

    #[test]
    fn an_open_fence_swallows_the_headings_after_it_then_closing_it_restores_them() {
        let text = doc(20);
        let at = text.find("## S 5").unwrap();
        check_edits(&text, 0, &[(at..at, "```\n"), (at..at, "~~~\n"), (at..at + 8, "")]);
    }

    #[test]
    fn html_blocks_definitions_and_heading_edits() {
        let text = doc(10);
        let at = text.find("## S 3").unwrap();
        let end = text.len();
        check_edits(
            &text,
            0,
            &[
                (at..at, "<div>\n"),
                (at..at + 6, ""),
                (at..at + 1, ""),
                (at..at, "#"),
                (end..end, "\n[other.md]: y.md\n"),
                (at..at, "<!--\n"),
                (0..0, "\u{1F600} é\r\n"),
                (2..2, "\r"),
            ],
        );
    }

    #[test]
    fn repeated_titles_are_renumbered_when_a_title_changes() {
        let text = "# A\n\n## Setup\n\nx\n\n## Setup\n\ny\n\n## Setup\n";
        let first = text.find("Setup").unwrap();
        let second = text[first + 1..].find("Setup").unwrap() + first + 1;
        check_edits(
            text,
            0,
            &[
                (first..first, "Re"),
                (second + 4..second + 4, "x"),
                (first..first + 2, ""),
                (second + 4..second + 5, ""),
                (0..0, "## Setup\n"),
            ],
        );
    }

    /// Cases the incremental oracle found: pulldown-cmark does not close a fence with a tab
    /// after it, and a reference link points at a definition in an earlier chunk.
    #[test]
    fn oracle_findings() {
        let text = "# T\n\n```\ncode\n```\n\n## S\n\nx\n\n## U\n";
        let close = text.find("```\n\n").unwrap();
        check_edits(text, 0, &[(close + 3..close + 3, "\t"), (close + 3..close + 4, "")]);
        let text = "[a]: b.md\n\n# T\n\n## S\n\n[a] [b]\n";
        check_edits(text, 0, &[(text.len()..text.len(), "x"), (0..1, "")]);
    }

    #[test]
    fn lazy_continuation_after_a_removed_heading_marker() {
        let text = "> quote\n## S\ntext\n- a\n## T\n";
        let at = text.find("## S").unwrap();
        check_edits(text, 0, &[(at..at + 3, ""), (at..at, "## ")]);
        let at = text.find("## T").unwrap();
        check_edits(text, 0, &[(at..at + 3, "")]);
    }

    /// Every chunk of every corpus file, read alone, gives what the whole read gives: the
    /// chunk boundaries are reset points on real files too.
    #[test]
    fn corpus_chunks_read_alone_match_the_whole_body() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let mut files = Vec::new();
        let mut stack = vec![corpus.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "md" || x == "mdc") {
                    files.push(p);
                }
            }
        }
        if files.is_empty() {
            eprintln!("skipped: ../shared/corpus is not beside the repository");
            return;
        }
        let mut split = 0;
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let rope = Rope::from_str(&text);
            let body_start = crate::syntax::front_matter::split(&rope).map_or(0, |f| f.body_start);
            let mut inc = Incremental::default();
            let whole = inc.get(&rope, body_start);
            split += inc.chunks.len();
            for c in &mut inc.chunks {
                c.piece = None;
            }
            inc.current = None;
            assert_eq!(inc.get(&rope, body_start), whole, "{}", path.display());
        }
        assert!(
            split > files.len() * 2,
            "the corpus files were cut into chunks ({split})"
        );
    }

    #[test]
    fn file_refs_outside_code() {
        let text = "---\nagent: ask\n---\nUse #file:src/a.ts, (#file:../b.md). and #file:c.md#L3\n\
                    Not `#file:span.md` nor x#file:glued.md nor #file:/abs.md nor #file:${file}.\n\
                    ```\n#file:fenced.md\n```\n\n    #file:indented.md\n\n`a` #file:after-span.md:\n";
        let body_start = text.find("Use").unwrap();
        let s = scan_body(text, body_start);
        let refs: Vec<(&str, &str)> = s
            .file_refs
            .iter()
            .map(|(r, p)| (&text[r.clone()], p.as_str()))
            .collect();
        assert_eq!(
            refs,
            // As VS Code reads them: the punctuation after a name is part of the path.
            vec![
                ("#file:src/a.ts,", "src/a.ts,"),
                ("#file:../b.md).", "../b.md)."),
                ("#file:c.md", "c.md"),
                ("#file:after-span.md:", "after-span.md:"),
            ]
        );
        // Chunked reads agree, and `@path` reading is unchanged by the shared walk.
        check_edits(text, body_start, &[(body_start..body_start, "# H\n\n#file:new.md\n")]);
        assert!(s.at_refs.is_empty());
    }

    #[test]
    fn front_matter_edits_move_the_body() {
        let text = format!("---\nname: a\n---\n{}", doc(5));
        let mut rope = Rope::from_str(&text);
        let mut inc = Incremental::default();
        inc.get(&rope, 16);
        let e = apply_edit(
            &mut rope,
            &TextEdit {
                range: 10..10,
                new_text: "bc".into(),
            },
        );
        inc.edit(e);
        let read = inc.bytes_read;
        assert_eq!(*inc.get(&rope, 18), scan_body(&rope.to_string(), 18));
        assert_eq!(inc.bytes_read, read, "nothing in the body was re-read");
    }
}
