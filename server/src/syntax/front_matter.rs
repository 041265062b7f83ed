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
        },
        None => FrontMatterSplit {
            open,
            yaml: yaml_start..offset,
            close: None,
            body_start: offset,
            closed_by_rule: false,
        },
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

    #[test]
    fn no_front_matter() {
        assert_eq!(s(""), None);
        assert_eq!(s("# Title\n---\n"), None);
        assert_eq!(s("    ---\nname: a\n---\n"), None);
        assert_eq!(s("----\n"), None);
    }
}
