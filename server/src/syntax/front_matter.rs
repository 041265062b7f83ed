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
}

/// A fence line longer than this cannot be `---` plus blanks worth honouring; skipping long
/// lines keeps the scan allocation-free on huge one-line files.
const MAX_FENCE_LINE: usize = 256;

fn fence_kind(line: &str) -> Option<&'static str> {
    let content = line
        .trim_end_matches(['\n', '\r'])
        .trim_end_matches([' ', '\t']);
    match content {
        "---" => Some("---"),
        "..." => Some("..."),
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
    let bom = if first_text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    if fence_kind(&first_text[bom..]) != Some("---") {
        return None;
    }
    let open = bom..bom + 3;
    let yaml_start = first_len;
    let mut offset = first_len;
    for line in lines {
        let len = line.len_bytes();
        if len <= MAX_FENCE_LINE && fence_kind(&line.to_string()).is_some() {
            return Some(FrontMatterSplit {
                open,
                yaml: yaml_start..offset,
                close: Some(offset..offset + 3),
                body_start: offset + len,
            });
        }
        offset += len;
    }
    Some(FrontMatterSplit {
        open,
        yaml: yaml_start..offset,
        close: None,
        body_start: offset,
    })
}

impl FrontMatterSplit {
    /// Whether an edit starting at `start` can leave this split (and its YAML) unchanged: it
    /// must begin after the closing fence's line end. A CR-only line end is conservative, as
    /// an inserted `\n` right after it would join the fence line's terminator.
    pub fn untouched_by_edit_at(&self, rope_before: &Rope, start: usize) -> bool {
        if self.close.is_none() || start < self.body_start {
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
    fn indented_or_longer_rules_do_not_close() {
        assert_eq!(
            s("---\na: 1\n    ---\n-----\nbody"),
            Some(("a: 1\n    ---\n-----\nbody".into(), None, "".into()))
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
