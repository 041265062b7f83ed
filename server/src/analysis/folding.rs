//! Folding ranges of one document: the front matter, each section (heading to the end of its
//! content), fenced code blocks, and balanced XML-ish blocks such as `<example>` … `</example>`
//! (formats.md §14). Ranges are byte ranges; the protocol edge turns them into lines.

use super::links::Scan;
use crate::document::{Document, TextRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    FrontMatter,
    Section,
    Code,
    /// `<example>` … `</example>` and other tag pairs on their own lines.
    Tag,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub range: TextRange,
    pub kind: FoldKind,
}

/// A balanced tag pair on lines of its own (`<example>` … `</example>`), outside code blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagBlock {
    pub name: String,
    /// From the opening tag to the end of the closing tag.
    pub range: TextRange,
    /// The opening tag's name in the source.
    pub name_range: TextRange,
}

/// Lines that start with `<name>` (or `<name attr…>`) open a block that a later line holding
/// `</name>` closes. Unclosed openings are dropped, and so is anything inside `code` (in
/// document order).
pub fn tag_blocks(text: &str, code: &[TextRange]) -> Vec<TagBlock> {
    let mut open: Vec<(String, usize, TextRange)> = Vec::new();
    let mut out = Vec::new();
    let mut offset = 0;
    // `code` is in document order: one cursor walks it alongside the lines.
    let mut code = code.iter().peekable();
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        while code.next_if(|c| c.end <= start).is_some() {}
        if code.peek().is_some_and(|c| c.start <= start) {
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("</") {
            let name: String = rest.chars().take_while(|c| is_tag_char(*c)).collect();
            if let Some(pos) = open.iter().rposition(|(n, ..)| *n == name) {
                let (name, at, name_range) = open.remove(pos);
                open.truncate(pos);
                let end = start + indent + 2 + rest.find('>').map_or(name.len(), |i| i + 1);
                out.push(TagBlock {
                    name,
                    range: at..end,
                    name_range,
                });
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('<') {
            let name: String = rest.chars().take_while(|c| is_tag_char(*c)).collect();
            let after = &rest[name.len()..];
            let opens = !name.is_empty()
                && name.starts_with(|c: char| c.is_ascii_alphabetic())
                && (after.starts_with('>') || after.starts_with(' ') && after.contains('>'))
                && !after.contains(&format!("</{name}>"));
            if opens {
                let name_start = start + indent + 1;
                open.push((name.clone(), start + indent, name_start..name_start + name.len()));
            }
        }
    }
    out.sort_by_key(|b| b.range.start);
    out
}

fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Every folding range of `doc`, in document order. `scan` is the body's [`Scan`].
pub fn folding_ranges(doc: &Document, scan: &Scan) -> Vec<Fold> {
    let text = doc.text();
    let mut out = Vec::new();
    if let Some(fm) = &doc.syntax().front_matter
        && let Some(close) = &fm.close
    {
        out.push(Fold {
            range: fm.open.start..close.end,
            kind: FoldKind::FrontMatter,
        });
    }
    let body_start = doc.syntax().body_start();
    if let Some(body) = &doc.syntax().body {
        for s in body.sections().iter().filter(|s| s.heading.start >= body_start) {
            out.push(Fold {
                range: s.range.start..trim_end(&text, &s.range),
                kind: FoldKind::Section,
            });
        }
    }
    for c in &scan.code_blocks {
        out.push(Fold {
            range: c.start..trim_end(&text, c),
            kind: FoldKind::Code,
        });
    }
    for b in tag_blocks(&text, &scan.code_blocks) {
        out.push(Fold {
            range: b.range,
            kind: FoldKind::Tag,
        });
    }
    out.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    out
}

/// The end of `r` without trailing blank lines and line ends.
fn trim_end(text: &str, r: &TextRange) -> usize {
    let end = r.end.min(text.len());
    let s = &text[r.start.min(end)..end];
    r.start + s.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::links;
    use expect_test::expect;

    fn show(text: &str) -> String {
        let doc = Document::new(text, None);
        let scan = links::scan(text, doc.syntax().body_start());
        folding_ranges(&doc, &scan)
            .iter()
            .map(|f| {
                let (l1, _) = crate::document::line_col_chars(doc.rope(), f.range.start);
                let (l2, _) = crate::document::line_col_chars(doc.rope(), f.range.end);
                format!("{:?} {}..{}\n", f.kind, l1, l2)
            })
            .collect()
    }

    #[test]
    fn folds_front_matter_sections_code_and_examples() {
        let text = "---\nname: a\ndescription: b\n---\n# Role\n\nYou help.\n\n## Examples\n\n<example>\nuser: hi\n\
                    </example>\n\n```\n<example>\n```\n\n<unclosed>\ntext\n\n## Last\nend\n";
        expect![[r#"
            FrontMatter 0..3
            Section 4..22
            Section 8..19
            Tag 10..12
            Code 14..16
            Section 21..22
        "#]]
        .assert_eq(&show(text));
    }

    #[test]
    fn nested_tags_and_attributes() {
        let text = "<examples>\n<example id=\"1\">\nx\n</example>\n</examples>\n<b>inline</b>\n";
        let blocks: Vec<(String, TextRange)> = tag_blocks(text, &[]).into_iter().map(|b| (b.name, b.range)).collect();
        assert_eq!(
            blocks,
            vec![("examples".to_string(), 0..52), ("example".to_string(), 11..40)]
        );
    }
}
