//! Headings as link targets and the links of a body: GitHub heading slugs, Markdown links
//! with their byte ranges, and the `link/missing-file` / `link/missing-anchor` diagnostics.
//!
//! The body is read with pulldown-cmark in one linear pass (headings, inline and reference
//! links, code blocks kept opaque). The same [`scan`] serves open documents and the workspace
//! index, so a heading's slug is computed one way everywhere. Whether a linked file exists is
//! asked through [`LinkTargets`]: this module does no I/O.

use super::diagnostics::{Diagnostic, rules};
use crate::document::TextRange;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::path::{Component, Path, PathBuf};

/// A heading, as a link target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The rendered text (`## Use \`grep\`` → ``Use grep``).
    pub title: String,
    /// The heading line(s).
    pub range: TextRange,
    /// The heading's text in the source, without `#` markers (what a rename replaces).
    pub title_range: TextRange,
    /// The GitHub anchor, with `-1`, `-2` for repeated titles.
    pub slug: String,
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
    /// An `@path` include or import (commands, memory files), not a Markdown link. Its
    /// `path` is already relative to the file's folder.
    pub import: bool,
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
        self.headings.iter().find(|h| h.slug == slug)
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

/// Scans the body of `text` that starts at `body_start`. Offsets are in `text`.
pub fn scan(text: &str, body_start: usize) -> Scan {
    let body_start = body_start.min(text.len());
    let body = &text[body_start..];
    let mut out = Scan::default();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // The heading being read: (level, start, rendered text, first and last text byte).
    let mut heading: Option<(u8, TextRange, String, Option<TextRange>)> = None;
    let parser = Parser::new_ext(body, Options::empty());
    let defs: Vec<(String, TextRange)> = parser
        .reference_definitions()
        .iter()
        .map(|(_, d)| (d.dest.to_string(), d.span.clone()))
        .collect();
    for (event, range) in parser.into_offset_iter() {
        let abs = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level_number(level), abs, String::new(), None));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, mut range, title, text_range)) = heading.take() {
                    // The heading line without its line end.
                    range.end = range.start + text[range.clone()].trim_end_matches(['\n', '\r']).len();
                    let base = slug(&title);
                    let n = seen.entry(base.clone()).or_insert(0);
                    let slug = if *n == 0 { base } else { format!("{base}-{n}") };
                    *n += 1;
                    let title_range = title_source(text, &range)
                        .or(text_range)
                        .unwrap_or(range.start..range.start);
                    out.headings.push(Heading {
                        level,
                        title: title.trim().to_string(),
                        range,
                        title_range,
                        slug,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title, text_range)) = &mut heading {
                    title.push_str(&t);
                    let r = text_range.get_or_insert(abs.clone());
                    r.start = r.start.min(abs.start);
                    r.end = r.end.max(abs.end);
                }
            }
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    continue;
                }
                if let Some(link) = link(text, abs, &dest_url, link_type, &defs, body_start) {
                    out.links.push(link);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => out.code_blocks.push(abs),
            _ => {}
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
        import: false,
    })
}

/// The `@path` references of a body (formats.md §5, §9): `@` at the start of a word, then a
/// path with a `/` or a file extension, outside code blocks and code spans. E-mail addresses
/// and `@mentions` without a path shape are not references.
pub fn at_refs(text: &str, body_start: usize, code_blocks: &[TextRange]) -> Vec<(TextRange, String)> {
    let mut out = Vec::new();
    let body_start = body_start.min(text.len());
    let bytes = text.as_bytes();
    let mut in_span = false;
    let mut i = body_start;
    while i < text.len() {
        if let Some(block) = code_blocks.iter().find(|b| b.contains(&i)) {
            i = block.end.max(i + 1);
            continue;
        }
        match bytes[i] {
            b'`' => in_span = !in_span,
            b'\n' => in_span = false,
            b'@' if !in_span && (i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'(') => {
                let rest = &text[i + 1..];
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '~')))
                    .unwrap_or(rest.len());
                let path = rest[..len].trim_end_matches(['.', ',']);
                let file_like = path.contains('/')
                    || path.rsplit_once('.').is_some_and(|(stem, ext)| {
                        !stem.is_empty()
                            && (1..=5).contains(&ext.len())
                            && ext.chars().all(|c| c.is_ascii_alphanumeric())
                    });
                if file_like && !path.starts_with('/') && !path.starts_with("~") && !path.contains("//") {
                    out.push((i..i + 1 + path.len(), path.to_string()));
                }
                i += 1 + len;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// [`scan`], plus the `@path` references of a format that reads them, resolved the way the
/// tool does: memory files and rules import relative to their own folder; a command includes
/// relative to the project root (the folder holding `.claude`), and is skipped when that root
/// is not on the path (a plugin or a collection).
pub fn scan_for(text: &str, body_start: usize, path: Option<&Path>, format: Option<&crate::formats::Format>) -> Scan {
    let mut scan = scan(text, body_start);
    let Some(format) = format.filter(|f| f.body_syntax.at_paths) else {
        return scan;
    };
    let prefix = if format.kind == crate::formats::Kind::Command {
        // From the command's folder up to the project root.
        let Some(dir) = path.and_then(Path::parent) else {
            return scan;
        };
        let comps: Vec<_> = dir.components().collect();
        let Some(claude) = comps.iter().rposition(|c| c.as_os_str() == ".claude") else {
            return scan;
        };
        "../".repeat(comps.len() - claude)
    } else {
        String::new()
    };
    for (range, p) in at_refs(text, body_start, &scan.code_blocks) {
        scan.links.push(Link {
            dest_range: range.start + 1..range.end,
            range,
            path: Some(format!("{prefix}{p}")),
            fragment: None,
            import: true,
        });
    }
    scan.links.sort_by_key(|l| l.range.start);
    scan
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

/// The file a relative link names, seen from the document at `from`: joined to its folder and
/// normalised without touching the disk (`..` pops a component).
pub fn resolve(from: &Path, link_path: &str) -> PathBuf {
    let base = from.parent().unwrap_or(Path::new(""));
    normalize(&base.join(link_path))
}

/// Removes `.` and `..` components lexically.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// What a link can point at, as far as the caller knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Missing,
    /// A folder, or a file whose headings are unknown (not Markdown, or not indexed).
    Exists,
    /// A Markdown file with these anchors.
    Markdown(Vec<String>),
}

/// Answers "what is at this path" for link checks: the workspace index and the disk in the
/// server and the CLI, a map in tests.
pub trait LinkTargets {
    fn target(&self, path: &Path) -> Target;
}

/// `link/missing-file` and `link/missing-anchor` for the links of a body read from the file at
/// `from`. Documents without a path (unsaved buffers) only get their `#anchor` links checked.
pub fn link_diagnostics(from: Option<&Path>, scan: &Scan, targets: &dyn LinkTargets) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut push = |code: &str, range: TextRange, message: String| {
        out.push(Diagnostic {
            range,
            severity: rules::severity(code),
            code: code.to_string(),
            message,
            related: Vec::new(),
            fixes: Vec::new(),
        })
    };
    for link in &scan.links {
        match (&link.path, &link.fragment) {
            (None, Some((frag, range))) => {
                if !frag.is_empty() && scan.heading_by_slug(frag).is_none() {
                    push(
                        "link/missing-anchor",
                        range.clone(),
                        format!(
                            "no heading in this file has the anchor `#{frag}`{}",
                            nearest(frag, scan)
                        ),
                    );
                }
            }
            (Some(p), fragment) => {
                let Some(from) = from else { continue };
                match targets.target(&resolve(from, p)) {
                    Target::Missing if link.import => push(
                        "link/missing-file",
                        link.dest_range.clone(),
                        format!(
                            "`@{}` names a file that does not exist, so nothing is included",
                            p.trim_start_matches("../")
                        ),
                    ),
                    Target::Missing => push(
                        "link/missing-file",
                        link.dest_range.clone(),
                        format!("`{p}` does not exist (relative to this file's folder)"),
                    ),
                    Target::Markdown(anchors) => {
                        if let Some((frag, range)) = fragment
                            && !frag.is_empty()
                            && !anchors.iter().any(|a| a == frag)
                        {
                            push(
                                "link/missing-anchor",
                                range.clone(),
                                format!("`{p}` has no heading with the anchor `#{frag}`"),
                            );
                        }
                    }
                    Target::Exists => {}
                }
            }
            (None, None) => {}
        }
    }
    out
}

fn nearest(frag: &str, scan: &Scan) -> String {
    let slugs: Vec<&str> = scan.headings.iter().map(|h| h.slug.as_str()).collect();
    match super::suggest::nearest(frag, slugs.iter().copied()) {
        Some(s) => format!(": did you mean `#{s}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_slugs() {
        assert_eq!(slug("Hello, World!"), "hello-world");
        assert_eq!(slug("  Use `grep` -- fast  "), "use-grep----fast");
        assert_eq!(slug("Étape 2: déployer"), "étape-2-déployer");
        assert_eq!(slug("snake_case & more"), "snake_case--more");
    }

    #[test]
    fn scan_reads_headings_links_and_skips_code() {
        let text = "---\nname: a\n---\n# Intro\n\nSee [setup](#setup), [b](other.md#Part%20two) and \
                    [ref][r].\n\n```\n[not](a-link.md)\n```\n\n## Setup\n## Setup\n\n[r]: ./x.md\n\
                    [web](https://example.com)\n";
        let s = scan(text, 16);
        let heads: Vec<(u8, &str, &str)> = s
            .headings
            .iter()
            .map(|h| (h.level, h.title.as_str(), h.slug.as_str()))
            .collect();
        assert_eq!(
            heads,
            vec![(1, "Intro", "intro"), (2, "Setup", "setup"), (2, "Setup", "setup-1")]
        );
        assert_eq!(&text[s.headings[1].title_range.clone()], "Setup");
        let links: Vec<(Option<&str>, Option<&str>, &str)> = s
            .links
            .iter()
            .map(|l| {
                (
                    l.path.as_deref(),
                    l.fragment.as_ref().map(|f| f.0.as_str()),
                    &text[l.dest_range.clone()],
                )
            })
            .collect();
        assert_eq!(
            links,
            vec![
                (None, Some("setup"), "#setup"),
                (Some("other.md"), Some("Part two"), "other.md#Part%20two"),
                (Some("./x.md"), None, "./x.md"),
            ]
        );
        assert_eq!(&text[s.links[0].fragment.as_ref().unwrap().1.clone()], "setup");
        assert_eq!(s.code_blocks.len(), 1);
    }

    #[test]
    fn resolve_is_lexical() {
        assert_eq!(
            resolve(Path::new("/p/.claude/agents/a.md"), "../skills/x/SKILL.md"),
            PathBuf::from("/p/.claude/skills/x/SKILL.md")
        );
        assert_eq!(resolve(Path::new("/p/a.md"), "./b.md"), PathBuf::from("/p/b.md"));
    }
}
