//! The Markdown body as tree-sitter-md's block tree, kept current with incremental re-parses,
//! and the flat list of sections (heading + content, nested by level) derived from it.
//!
//! After an edit only the sections around the changed ranges are walked again; the others are
//! shifted by the edit's length. [`Body::walks`] counts the walks so tests can prove it.

use crate::document::{AppliedEdit, TextRange};
use ropey::Rope;
use tree_sitter::{InputEdit, Node, Parser, Point, Tree};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1–6.
    pub level: u8,
    /// The heading line(s), without the line end.
    pub heading: TextRange,
    /// The heading's text, without `#` markers or setext underline.
    pub title: TextRange,
    /// The whole section: heading, content and subsections.
    pub range: TextRange,
}

pub struct Body {
    parser: Parser,
    tree: Option<Tree>,
    sections: Vec<Section>,
    /// How many times a (sub)tree was walked to extract sections.
    pub walks: usize,
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Body")
            .field("sections", &self.sections)
            .finish()
    }
}

/// Feeds tree-sitter from the rope's chunks, so a big document is never copied into one string.
fn parse_rope(parser: &mut Parser, rope: &Rope, old: Option<&Tree>) -> Option<Tree> {
    let len = rope.len_bytes();
    parser.parse_with_options(
        &mut |byte: usize, _: Point| -> &[u8] {
            if byte >= len {
                return &[];
            }
            let (chunk, chunk_start, _, _) = rope.chunk_at_byte(byte);
            &chunk.as_bytes()[byte - chunk_start..]
        },
        old,
        None,
    )
}

fn point(rope: &Rope, byte: usize) -> Point {
    let row = rope.byte_to_line(byte);
    Point::new(row, byte - rope.line_to_byte(row))
}

impl Body {
    pub fn new(rope: &Rope) -> Self {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_md::LANGUAGE.into())
            .expect("tree-sitter-md is built for this tree-sitter version");
        let tree = parse_rope(&mut parser, rope, None);
        let mut body = Body {
            parser,
            tree,
            sections: Vec::new(),
            walks: 0,
        };
        if let Some(tree) = &body.tree {
            let mut out = Vec::new();
            collect(tree.root_node(), &mut out);
            body.sections = out;
            body.walks += 1;
        }
        body
    }

    /// All sections in document order, including any tree-sitter found inside a front matter it
    /// did not recognise (callers filter by the body start).
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref()
    }

    /// Re-parses after `edit`. `before`/`after` are the rope before and after it.
    pub fn edit(&mut self, before: &Rope, after: &Rope, edit: AppliedEdit) {
        let Some(mut old) = self.tree.take() else {
            *self = Body::new(after);
            return;
        };
        old.edit(&InputEdit {
            start_byte: edit.start,
            old_end_byte: edit.old_end,
            new_end_byte: edit.new_end,
            start_position: point(before, edit.start),
            old_end_position: point(before, edit.old_end),
            new_end_position: point(after, edit.new_end),
        });
        let Some(new) = parse_rope(&mut self.parser, after, Some(&old)) else {
            *self = Body::new(after);
            return;
        };
        let (mut lo, mut hi) = (edit.start, edit.new_end);
        for r in old.changed_ranges(&new) {
            lo = lo.min(r.start_byte);
            hi = hi.max(r.end_byte);
        }
        if top_level_kinds(&old) == top_level_kinds(&new) {
            self.shift(edit);
            self.rewalk(new.root_node(), lo, hi);
        } else {
            // The document's outer structure changed (a front matter appeared or vanished, a
            // top-level section split): re-extract everything rather than patch.
            let mut out = Vec::new();
            collect(new.root_node(), &mut out);
            self.sections = out;
            self.walks += 1;
        }
        self.tree = Some(new);
    }

    /// Moves every section to its post-edit position; the ones inside the edit are replaced by
    /// [`Self::rewalk`] right after.
    fn shift(&mut self, edit: AppliedEdit) {
        let map = |b: usize| -> usize {
            if b >= edit.old_end {
                (b as isize + edit.delta()) as usize
            } else if b > edit.start {
                edit.start
            } else {
                b
            }
        };
        // A heading that started inside the replaced text is gone (or re-found by the re-walk).
        self.sections
            .retain(|s| !(s.heading.start > edit.start && s.heading.start < edit.old_end));
        // Text inserted exactly where a range ends lies after it, not inside it.
        let map_end = |b: usize| {
            if edit.start == edit.old_end && b == edit.start {
                b
            } else {
                map(b)
            }
        };
        for s in &mut self.sections {
            for r in [&mut s.heading, &mut s.title, &mut s.range] {
                r.start = map(r.start);
                r.end = map_end(r.end).max(r.start);
            }
        }
    }

    /// Re-extracts the sections of the smallest section (or of the top-level sections) that
    /// hold `lo..hi`, replacing the stale entries.
    fn rewalk(&mut self, root: Node, lo: usize, hi: usize) {
        let mut n = root.descendant_for_byte_range(lo, hi).unwrap_or(root);
        while n.kind() != "section" && n.kind() != "document" {
            match n.parent() {
                Some(p) => n = p,
                None => break,
            }
        }
        let targets: Vec<Node> = if n.kind() == "section" {
            vec![n]
        } else {
            let mut c = root.walk();
            root.children(&mut c)
                .filter(|c| {
                    matches!(c.kind(), "section" | "setext_heading")
                        && c.start_byte() < hi.max(lo + 1)
                        && c.end_byte() > lo
                })
                .collect()
        };
        // Stale entries are those whose heading starts in the touched span (or in a target).
        let span_lo = targets
            .iter()
            .map(|t| t.start_byte())
            .min()
            .unwrap_or(lo)
            .min(lo);
        let span_hi = targets
            .iter()
            .map(|t| t.end_byte())
            .max()
            .unwrap_or(hi)
            .max(hi);
        let first = self.sections.partition_point(|s| s.heading.start < span_lo);
        let last = self
            .sections
            .partition_point(|s| s.heading.start < span_hi.max(span_lo + 1));
        let mut fresh = Vec::new();
        for t in targets {
            if t.kind() == "setext_heading" {
                fresh.extend(heading(t, t.start_byte()..root.end_byte()));
            } else {
                collect(t, &mut fresh);
            }
            self.walks += 1;
        }
        self.sections.splice(first..last, fresh);
        // Sections that start before the change and reach into it (its ancestors, and the
        // sibling a new heading just cut short) may end elsewhere now: ask the new tree. Only
        // those few are looked up; the rest kept their shifted ends.
        for s in &mut self.sections[..first] {
            if s.range.end >= lo {
                s.range.end = enclosing_section_end(root, s.heading.start);
            }
        }
    }
}

fn top_level_kinds(tree: &Tree) -> Vec<u16> {
    let root = tree.root_node();
    let mut c = root.walk();
    root.children(&mut c).map(|n| n.kind_id()).collect()
}

/// The end of the section a heading at `start` opens (for a setext heading: of the section that
/// holds it, or of the document).
fn enclosing_section_end(root: Node, start: usize) -> usize {
    let mut n = root.descendant_for_byte_range(start, start).unwrap_or(root);
    loop {
        if n.kind() == "section" {
            return n.end_byte();
        }
        match n.parent() {
            Some(p) => n = p,
            None => return root.end_byte(),
        }
    }
}

/// Appends the sections in `node` (itself included if it is one), in document order.
/// tree-sitter-md opens a `section` for ATX headings only; a setext heading stays a child of
/// the enclosing section, so its entry spans from the heading to that section's end.
fn collect(node: Node, out: &mut Vec<Section>) {
    enum Step<'t> {
        Visit(Node<'t>),
        Setext(Node<'t>, Node<'t>),
    }
    // An explicit stack: blocks can nest deeply in hostile input and this must never recurse.
    let mut stack = vec![Step::Visit(node)];
    while let Some(step) = stack.pop() {
        let n = match step {
            Step::Setext(h, parent) => {
                out.extend(heading(h, h.start_byte()..parent.end_byte()));
                continue;
            }
            Step::Visit(n) => n,
        };
        let mut c = n.walk();
        let children: Vec<Node> = n.children(&mut c).collect();
        let is_section = n.kind() == "section";
        if is_section {
            if let Some(h) = children.first().filter(|h| h.kind().ends_with("_heading")) {
                out.extend(heading(*h, n.byte_range()));
            }
        }
        for (i, child) in children.iter().enumerate().rev() {
            match child.kind() {
                "section" => stack.push(Step::Visit(*child)),
                "setext_heading" if !(is_section && i == 0) => stack.push(Step::Setext(*child, n)),
                _ => {}
            }
        }
    }
}

fn heading(h: Node, range: TextRange) -> Option<Section> {
    let mut c = h.walk();
    let mut level = 0u8;
    let mut title = None;
    for child in h.children(&mut c) {
        let k = child.kind();
        if let Some(n) = k
            .strip_prefix("atx_h")
            .and_then(|r| r.strip_suffix("_marker"))
        {
            level = n.parse().unwrap_or(1);
        } else if k == "setext_h1_underline" {
            level = 1;
        } else if k == "setext_h2_underline" {
            level = 2;
        } else if k == "inline" || k == "paragraph" {
            title = Some(child.byte_range());
        }
    }
    let mut heading = h.byte_range();
    // Heading nodes include their line end; ranges shown to users should not.
    heading.end = heading.end.max(heading.start);
    // An empty heading (`#` alone) gets an empty title at its start, which shifts like the start.
    let title = title.unwrap_or(heading.start..heading.start);
    Some(Section {
        level: level.max(1),
        heading,
        title,
        range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_nest_by_level() {
        let text =
            "---\nname: a\n---\n# Top\n\ntext\n\n## A\n\nx\n\n### A.1\n\n## B\n\nSetext\n------\n";
        let rope = Rope::from_str(text);
        let body = Body::new(&rope);
        let got: Vec<(u8, &str)> = body
            .sections()
            .iter()
            .map(|s| (s.level, text[s.title.clone()].trim()))
            .collect();
        assert_eq!(
            got,
            vec![(1, "Top"), (2, "A"), (3, "A.1"), (2, "B"), (2, "Setext")]
        );
    }
}
