//! Finding the front matter block: `---` on the first line (after an optional BOM), closed by
//! the next line that is exactly `---` or `...` (trailing blanks allowed). CRLF, LF and CR-only
//! line ends are treated alike. See formats.md §2.

use crate::document::TextRange;
use ropey::Rope;

/// Where the front matter sits in the document, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterSplit {
    /// The opening fence, without its line end.
    pub open: TextRange,
    /// The YAML text between the fences (everything up to the closing fence line).
    pub yaml: TextRange,
    /// The closing fence, without its line end; `None` when the block is never closed.
    pub close: Option<TextRange>,
    /// Where the body starts: after the closing fence's line end (the text length if unclosed).
    pub body_start: usize,
    /// The block is closed only by a longer rule (`-----`): Claude Code's loader stops there
    /// (its pattern matches the first `---` anywhere), strict tools read on.
    pub closed_by_rule: bool,
    /// The closing `---` is inside a line (`description: a --- b`): only a reader that closes
    /// at the first `---` anywhere ([`split_first_dashes`]) finds such a close.
    pub closed_mid_line: bool,
}

/// A fence line longer than this cannot be `---` plus blanks worth honouring; skipping long
/// lines keeps the scan allocation-free on huge one-line files.
const MAX_FENCE_LINE: usize = 256;

fn fence_kind(line: &str) -> Option<&'static str> {
    let content = line.trim_end_matches(['\n', '\r']).trim_end_matches([' ', '\t']);
    match content {
        "---" => Some("---"),
        "..." => Some("..."),
        _ if content.len() > 3 && content.bytes().all(|b| b == b'-') => Some("rule"),
        _ => None,
    }
}

/// Splits the rope into front matter and body. `None`: the document has no front matter.
pub fn split(rope: &Rope) -> Option<FrontMatterSplit> {
    let mut lines = rope.lines();
    let first = lines.next()?;
    let first_len = first.len_bytes();
    if first_len > MAX_FENCE_LINE {
        return None;
    }
    let first_text = first.to_string();
    let bom = if first_text.starts_with('\u{feff}') { 3 } else { 0 };
    if fence_kind(&first_text[bom..]) != Some("---") {
        return None;
    }
    let open = bom..bom + 3;
    let yaml_start = first_len;
    let mut offset = first_len;
    // The first `-----` rule: (offset, line length, length without the line end).
    let mut rule: Option<(usize, usize, usize)> = None;
    for line in lines {
        let len = line.len_bytes();
        let text = if len <= MAX_FENCE_LINE {
            line.to_string()
        } else {
            String::new()
        };
        match fence_kind(&text) {
            Some("rule") => {
                rule.get_or_insert((offset, len, text.trim_end_matches(['\n', '\r']).len()));
            }
            Some(_) => {
                return Some(FrontMatterSplit {
                    open,
                    yaml: yaml_start..offset,
                    close: Some(offset..offset + 3),
                    body_start: offset + len,
                    closed_by_rule: false,
                    closed_mid_line: false,
                });
            }
            None => {}
        }
        offset += len;
    }
    Some(match rule {
        Some((at, len, content)) => FrontMatterSplit {
            open,
            yaml: yaml_start..at,
            close: Some(at..at + content),
            body_start: at + len,
            closed_by_rule: true,
            closed_mid_line: false,
        },
        None => FrontMatterSplit {
            open,
            yaml: yaml_start..offset,
            close: None,
            body_start: offset,
            closed_by_rule: false,
            closed_mid_line: false,
        },
    })
}

/// JavaScript's `\s`: what a loader written in JavaScript skips as white space.
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// Why a reader that closes at the first `---` finds no front matter in a file that opens
/// with `---`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoFrontMatter {
    /// The file does not start with `---` (after an optional BOM).
    NoOpening,
    /// `---` is followed by something other than white space up to a line feed (`--- x`,
    /// `----`, a lone CR line end).
    OpeningNotALine,
    /// No `---` anywhere after the opening one.
    NeverClosed,
}

/// The front matter as Claude Code's loader finds it: the text starts with `---` (after a
/// BOM), then white space up to a line feed (`^---\s*\n`); the block ends at the first `---`
/// after that, anywhere, even inside a line or at the start of a longer `-----` rule, and
/// the body starts after the white space that follows (`---\s*\n?`). That is the pattern
/// `/^---\s*\n([\s\S]*?)---\s*\n?/` (Claude Code 2.1.332, docs/format-sources.md).
pub fn split_first_dashes(rope: &Rope) -> Result<FrontMatterSplit, NoFrontMatter> {
    // The pattern needs the text from the start to the close: read chunks until a `---` after
    // the opening shows up (a front matter is short; an unclosed one costs one pass).
    let mut text = String::new();
    let mut chunks = rope.chunks();
    let mut need = |text: &mut String, upto: usize| {
        while text.len() < upto {
            match chunks.next() {
                Some(c) => text.push_str(c),
                None => return false,
            }
        }
        true
    };
    need(&mut text, 8);
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if !text[bom..].starts_with("---") {
        return Err(NoFrontMatter::NoOpening);
    }
    // `\s*\n` backtracks to the last line feed of the white space after `---`.
    let open_end = bom + 3;
    let mut content_start = None;
    let mut i = open_end;
    loop {
        if i >= text.len() && !need(&mut text, i + 64) && i >= text.len() {
            break;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if !is_js_space(c) {
            break;
        }
        i += c.len_utf8();
        if c == '\n' {
            content_start = Some(i);
        }
    }
    let Some(content_start) = content_start else {
        // `---` and nothing after it but blanks: a front matter begun and never closed.
        return Err(if i >= text.len() {
            NoFrontMatter::NeverClosed
        } else {
            NoFrontMatter::OpeningNotALine
        });
    };
    let mut from = content_start;
    let close = loop {
        if let Some(k) = text[from..].find("---") {
            break from + k;
        }
        from = text.len().saturating_sub(2).max(content_start);
        let len = text.len();
        if !need(&mut text, len + 4096) {
            return match text[content_start..].find("---") {
                Some(k) => break content_start + k,
                None => Err(NoFrontMatter::NeverClosed),
            };
        }
    };
    // `\s*\n?` after the close: all the white space that follows.
    let mut body_start = close + 3;
    loop {
        if body_start >= text.len() && !need(&mut text, body_start + 64) && body_start >= text.len() {
            break;
        }
        match text[body_start..].chars().next() {
            Some(c) if is_js_space(c) => body_start += c.len_utf8(),
            _ => break,
        }
    }
    let line_start = close == 0 || text[..close].ends_with('\n') || text[..close].ends_with('\r');
    let by_rule = text[close + 3..].starts_with('-');
    let rest_of_line = text[close + 3..].split(['\n', '\r']).next().unwrap_or_default();
    let alone = line_start && rest_of_line.trim_matches([' ', '\t']).is_empty();
    Ok(FrontMatterSplit {
        open: bom..open_end,
        yaml: content_start..close,
        close: Some(close..close + 3),
        body_start,
        closed_by_rule: by_rule && line_start,
        closed_mid_line: !(alone || by_rule && line_start),
    })
}

/// The front matter as gray-matter (4.0, in OpenCode 1.18.33) finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrayMatter {
    pub split: FrontMatterSplit,
    /// What follows `---` on the opening line, trimmed: gray-matter's language (`---yaml`).
    /// Only YAML is read; any other names an engine it does not have.
    pub language: String,
    /// The file opens with exactly `---` and a line end, as OpenCode's retry pattern
    /// `^---\r?\n([\s\S]*?)\r?\n---` requires (no BOM, no blanks after the dashes).
    pub retry_applies: bool,
}

/// gray-matter's split: the text (after a BOM) starts with `---` not followed by a fourth `-`;
/// the rest of the first line is the language; the block ends at the first line that starts
/// with `---` (`-----` and `--- text` included), and the body starts after those three dashes
/// and one line end. Without such a line the whole rest is front matter and the body is empty.
pub fn split_gray_matter(rope: &Rope) -> Result<GrayMatter, NoFrontMatter> {
    // The block is short, but an unclosed one runs to the end: read the text.
    let text = rope.to_string();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let t = &text[bom..];
    if !t.starts_with("---") {
        return Err(NoFrontMatter::NoOpening);
    }
    if t[3..].starts_with('-') {
        return Err(NoFrontMatter::OpeningNotALine);
    }
    // `q.slice(0, q.search(/\r?\n/))`: the first line, or without a line feed all but the
    // last character.
    let after = &t[3..];
    let raw_end = match after.find('\n') {
        Some(i) if i > 0 && after.as_bytes()[i - 1] == b'\r' => i - 1,
        Some(i) => i,
        None => after
            .len()
            .saturating_sub(after.chars().next_back().map_or(0, char::len_utf8)),
    };
    let language = after[..raw_end].trim_matches(is_js_space).to_string();
    // The language is cut off only when it is not blank; blanks stay in the YAML.
    let yaml_start = bom + 3 + if language.is_empty() { 0 } else { raw_end };
    let open = bom..bom + 3;
    let retry_applies = bom == 0 && (t[3..].starts_with('\n') || t[3..].starts_with("\r\n"));
    let from = yaml_start;
    let split = match text[from..].find("\n---") {
        Some(i) => {
            let close = from + i + 1;
            let mut body_start = close + 3;
            if text[body_start..].starts_with('\r') {
                body_start += 1;
            }
            if text[body_start..].starts_with('\n') {
                body_start += 1;
            }
            FrontMatterSplit {
                open,
                yaml: yaml_start..close,
                close: Some(close..close + 3),
                body_start,
                closed_by_rule: text[close + 3..].starts_with('-'),
                closed_mid_line: false,
            }
        }
        None => FrontMatterSplit {
            open,
            yaml: yaml_start..text.len(),
            close: None,
            body_start: text.len(),
            closed_by_rule: false,
            closed_mid_line: false,
        },
    };
    Ok(GrayMatter {
        split,
        language,
        retry_applies,
    })
}

impl FrontMatterSplit {
    /// Whether an edit starting at `start` can leave this split (and its YAML) unchanged: it
    /// must begin after the closing fence's line end. A CR-only line end is conservative, as
    /// an inserted `\n` right after it would join the fence line's terminator.
    pub fn untouched_by_edit_at(&self, rope_before: &Rope, start: usize) -> bool {
        // Behind a `-----` rule, a `---` typed anywhere further down becomes the real fence.
        if self.close.is_none() || self.closed_by_rule || start < self.body_start {
            return false;
        }
        if start > self.body_start {
            return true;
        }
        self.body_start > 0 && rope_before.byte(self.body_start - 1) == b'\n'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Option<(String, Option<String>, String)> {
        let rope = Rope::from_str(text);
        split(&rope).map(|f| {
            (
                text[f.yaml.clone()].to_string(),
                f.close.map(|c| text[c].to_string()),
                text[f.body_start..].to_string(),
            )
        })
    }

    #[test]
    fn recognises_fences() {
        assert_eq!(
            s("---\nname: a\n---\nbody\n"),
            Some(("name: a\n".into(), Some("---".into()), "body\n".into()))
        );
        assert_eq!(
            s("\u{feff}---  \r\nname: a\r\n...\r\nbody"),
            Some(("name: a\r\n".into(), Some("...".into()), "body".into()))
        );
        assert_eq!(
            s("---\rname: a\r---\rbody"),
            Some(("name: a\r".into(), Some("---".into()), "body".into()))
        );
        // Closed at end of file without a newline.
        assert_eq!(
            s("---\na: 1\n---"),
            Some(("a: 1\n".into(), Some("---".into()), "".into()))
        );
    }

    #[test]
    fn indented_fences_do_not_close_and_rules_close_only_as_a_fallback() {
        assert_eq!(
            s("---\na: 1\n    ---\nbody"),
            Some(("a: 1\n    ---\nbody".into(), None, "".into()))
        );
        assert_eq!(
            s("---\na: 1\n-----\nbody\n---\nmore"),
            Some(("a: 1\n-----\nbody\n".into(), Some("---".into()), "more".into()))
        );
        assert_eq!(
            s("---\na: 1\n-----\r\nbody"),
            Some(("a: 1\n".into(), Some("-----".into()), "body".into()))
        );
    }

    fn first(text: &str) -> Result<(String, String, bool, bool), NoFrontMatter> {
        let rope = Rope::from_str(text);
        split_first_dashes(&rope).map(|f| {
            (
                text[f.yaml.clone()].to_string(),
                text[f.body_start..].to_string(),
                f.closed_by_rule,
                f.closed_mid_line,
            )
        })
    }

    #[test]
    fn first_dashes_close_anywhere_as_claude_codes_pattern_does() {
        assert_eq!(
            first("---\nname: a\n---\nbody\n"),
            Ok(("name: a\n".into(), "body\n".into(), false, false))
        );
        // Inside a value: the value is cut and the rest becomes the body.
        assert_eq!(
            first("---\nd: a --- b\n---\nbody"),
            Ok(("d: a ".into(), "b\n---\nbody".into(), false, true))
        );
        // A longer rule closes at its first three dashes.
        assert_eq!(
            first("---\na: 1\n-----\nbody"),
            Ok(("a: 1\n".into(), "--\nbody".into(), true, false))
        );
        // White space after the fences, blank lines included, belongs to the fences.
        assert_eq!(
            first("---  \r\n\na: 1\r\n---\r\n\n\nbody"),
            Ok(("a: 1\r\n".into(), "body".into(), false, false))
        );
        assert_eq!(
            first("\u{feff}---\na: 1\n---"),
            Ok(("a: 1\n".into(), "".into(), false, false))
        );
        // `...` does not close; the next `---` does.
        assert_eq!(
            first("---\na: 1\n...\nx\n---\n"),
            Ok(("a: 1\n...\nx\n".into(), "".into(), false, false))
        );
    }

    #[test]
    fn first_dashes_find_nothing_without_a_line_feed_after_the_opening() {
        assert_eq!(first("---\rname: a\r---\rbody"), Err(NoFrontMatter::OpeningNotALine));
        assert_eq!(first("--- x\nname: a\n---\n"), Err(NoFrontMatter::OpeningNotALine));
        assert_eq!(first("----\nname: a\n---\n"), Err(NoFrontMatter::OpeningNotALine));
        assert_eq!(first("\n---\nname: a\n---\n"), Err(NoFrontMatter::NoOpening));
        assert_eq!(first("---\nname: a\n"), Err(NoFrontMatter::NeverClosed));
        let long = format!("---\n{}", "x".repeat(10_000));
        assert_eq!(first(&long), Err(NoFrontMatter::NeverClosed));
        let late = format!("---\n{}---\nbody", "x: y\n".repeat(2_000));
        assert_eq!(first(&late).map(|r| r.1), Ok("body".into()));
    }

    fn gray(text: &str) -> Result<(String, Option<String>, String, String, bool), NoFrontMatter> {
        let rope = Rope::from_str(text);
        split_gray_matter(&rope).map(|g| {
            (
                text[g.split.yaml.clone()].to_string(),
                g.split.close.map(|c| text[c].to_string()),
                text[g.split.body_start..].to_string(),
                g.language,
                g.retry_applies,
            )
        })
    }

    #[test]
    fn gray_matter_closes_at_the_first_line_that_starts_with_three_dashes() {
        assert_eq!(
            gray("---\nname: a\n---\nbody\n"),
            Ok((
                "\nname: a\n".into(),
                Some("---".into()),
                "body\n".into(),
                String::new(),
                true
            ))
        );
        // A longer rule or text after the dashes closes too; the rest of the line is body.
        assert_eq!(gray("---\na: 1\n-----\nbody").map(|g| g.2), Ok("--\nbody".into()));
        assert_eq!(gray("---\na: 1\n--- x\nbody").map(|g| g.2), Ok(" x\nbody".into()));
        // `---` inside a line does not close, `...` does not either.
        assert_eq!(gray("---\nd: a --- b\n---\nbody").map(|g| g.2), Ok("body".into()));
        assert_eq!(
            gray("---\na: 1\n...\nx\n---\n").map(|g| g.0),
            Ok("\na: 1\n...\nx\n".into())
        );
        // CRLF: one CR and one LF after the closing dashes are dropped.
        assert_eq!(
            gray("---\r\na: 1\r\n---\r\n\r\nbody").map(|g| g.2),
            Ok("\r\nbody".into())
        );
        // No closing line: everything is front matter, the body is empty.
        assert_eq!(gray("---\na: 1\nbody\n").map(|g| (g.1, g.2)), Ok((None, String::new())));
        // The language and the retry's pattern.
        assert_eq!(
            gray("---yaml\na: 1\n---\n").map(|g| (g.0, g.3, g.4)),
            Ok(("\na: 1\n".into(), "yaml".into(), false))
        );
        assert_eq!(
            gray("--- \na: 1\n---\n").map(|g| (g.0, g.4)),
            Ok((" \na: 1\n".into(), false))
        );
        assert_eq!(gray("\u{feff}---\na: 1\n---\n").map(|g| g.4), Ok(false));
        // CR-only line ends: no line feed, so the whole rest is read as the language.
        assert_eq!(gray("---\ra: 1\r---\rbody").map(|g| g.3), Ok("a: 1\r---\rbod".into()));
        assert_eq!(gray("----\na: 1\n---\n"), Err(NoFrontMatter::OpeningNotALine));
        assert_eq!(gray("\n---\na: 1\n---\n"), Err(NoFrontMatter::NoOpening));
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(s(""), None);
        assert_eq!(s("# Title\n---\n"), None);
        assert_eq!(s("    ---\nname: a\n---\n"), None);
        assert_eq!(s("----\n"), None);
    }
}

/// The front matter as a loader with the pattern `/^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n([\s\S]*))?/`
/// finds it (Gemini CLI 0.61.0, agents and skills): the text starts with exactly `---` and a
/// line end, with no BOM and no blanks before or after the dashes; the block ends at the first
/// line that *starts* with `---`; the body is what follows only when a line end comes right
/// after those three dashes. Otherwise (`-----`, `--- end`, `---  `) the block is read and the
/// body is lost: [`FrontMatterSplit::closed_by_rule`] is set and `body_start` is the end of that
/// line. An empty block (`---\n---`) does not match: the pattern needs a line end before the
/// closing dashes, and the opening one is taken.
pub fn split_dash_line_start(rope: &Rope) -> Result<FrontMatterSplit, NoFrontMatter> {
    let text = rope.to_string();
    if !text.starts_with("---") {
        return Err(NoFrontMatter::NoOpening);
    }
    let open_end = match &text[3..] {
        t if t.starts_with("\r\n") => 5,
        t if t.starts_with('\n') => 4,
        "" => return Err(NoFrontMatter::NeverClosed),
        _ => return Err(NoFrontMatter::OpeningNotALine),
    };
    let Some(k) = text[open_end..].find("\n---") else {
        return Err(NoFrontMatter::NeverClosed);
    };
    let nl = open_end + k;
    // `\r?` before the line feed belongs to the line end, not to the block.
    let yaml_end = if nl > open_end && text.as_bytes()[nl - 1] == b'\r' {
        nl - 1
    } else {
        nl
    };
    let close = nl + 1;
    let after = &text[close + 3..];
    let (body_start, lost) = if after.starts_with("\r\n") {
        (close + 5, false)
    } else if after.starts_with('\n') {
        (close + 4, false)
    } else {
        let line = after.find('\n').map_or(text.len(), |i| close + 3 + i + 1);
        (line, !after.is_empty())
    };
    Ok(FrontMatterSplit {
        open: 0..3,
        yaml: open_end..yaml_end,
        close: Some(close..close + 3),
        body_start,
        closed_by_rule: lost,
        closed_mid_line: false,
    })
}

#[cfg(test)]
mod dash_line_start {
    use super::*;

    fn split(s: &str) -> Result<FrontMatterSplit, NoFrontMatter> {
        split_dash_line_start(&Rope::from_str(s))
    }

    #[test]
    fn the_cases_of_the_recording() {
        let ok = split("---\nname: a\n---\nbody\n").unwrap();
        assert_eq!((ok.yaml.clone(), ok.body_start, ok.closed_by_rule), (4..11, 16, false));
        let crlf = split("---\r\nname: a\r\n---\r\nbody").unwrap();
        assert_eq!((crlf.yaml, crlf.body_start), (5..12, 19));
        assert_eq!(
            split("\u{feff}---\nname: a\n---\n").unwrap_err(),
            NoFrontMatter::NoOpening
        );
        assert_eq!(split("\n---\nname: a\n---\n").unwrap_err(), NoFrontMatter::NoOpening);
        assert_eq!(
            split("--- \nname: a\n---\n").unwrap_err(),
            NoFrontMatter::OpeningNotALine
        );
        assert_eq!(
            split("---\rname: a\r---\r").unwrap_err(),
            NoFrontMatter::OpeningNotALine
        );
        assert_eq!(split("---\n---\nbody").unwrap_err(), NoFrontMatter::NeverClosed);
        assert_eq!(split("---\nname: a\n").unwrap_err(), NoFrontMatter::NeverClosed);
        let rule = split("---\nname: a\n-----\nbody\n").unwrap();
        assert!(rule.closed_by_rule);
        assert_eq!(rule.yaml, 4..11);
        let text = split("---\nname: a\n--- end\nbody\n").unwrap();
        assert!(text.closed_by_rule);
        assert!(!split("---\nname: a\n---").unwrap().closed_by_rule);
    }
}
