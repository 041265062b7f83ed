//! The Markdown body as tree-sitter-md's block tree, kept current with incremental re-parses,
//! and the flat list of sections (heading + content, nested by level) read from it.
//!
//! Each edit re-parses incrementally: tree-sitter reuses every subtree the edit did not touch.
//! The section list is read from the tree only when someone asks for it (outline, links), once
//! per version of the text, so typing never walks the body. [`Body::walks`] counts the walks
//! so tests can prove it.

use crate::document::{AppliedEdit, TextRange};
use ropey::Rope;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use tree_sitter::{InputEdit, Node, Parser, Point, Tree};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1–6.
    pub level: u8,
    /// The heading line(s), including the line end.
    pub heading: TextRange,
    /// The heading's text, without `#` markers or setext underline.
    pub title: TextRange,
    /// The whole section: heading, content and subsections.
    pub range: TextRange,
}

pub struct Body {
    parser: Parser,
    tree: Option<Tree>,
    /// Read from `tree` on first use after each edit.
    sections: OnceLock<Vec<Section>>,
    walks: AtomicUsize,
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Body").field("sections", &self.sections()).finish()
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
        Body {
            parser,
            tree,
            sections: OnceLock::new(),
            walks: AtomicUsize::new(0),
        }
    }

    /// All sections in document order (a section is reached from the document through
    /// sections only: a heading inside a list item or block quote is not part of the outline),
    /// including any tree-sitter found inside a front matter it did not recognise (callers
    /// filter by the body start).
    pub fn sections(&self) -> &[Section] {
        self.sections.get_or_init(|| {
            self.walks.fetch_add(1, Ordering::Relaxed);
            let mut out = Vec::new();
            if let Some(tree) = &self.tree {
                collect(tree.root_node(), &mut out);
            }
            out
        })
    }

    /// How many times the section list was read from the tree.
    pub fn walks(&self) -> usize {
        self.walks.load(Ordering::Relaxed)
    }

    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref()
    }

    /// Re-parses incrementally after `edit`. `before`/`after` are the rope before and after it.
    pub fn edit(&mut self, before: &Rope, after: &Rope, edit: AppliedEdit) {
        self.sections = OnceLock::new();
        let old = self.tree.take().map(|mut old| {
            old.edit(&InputEdit {
                start_byte: edit.start,
                old_end_byte: edit.old_end,
                new_end_byte: edit.new_end,
                start_position: point(before, edit.start),
                old_end_position: point(before, edit.old_end),
                new_end_position: point(after, edit.new_end),
            });
            old
        });
        self.tree = parse_rope(&mut self.parser, after, old.as_ref());
        // Error recovery is the one place where tree-sitter's incremental result can differ
        // from a fresh parse (the fuzzer found it with NUL bytes). Markdown almost never has
        // error nodes, so when it does, a fresh parse keeps the tree exactly what `check` sees.
        if self.tree.as_ref().is_some_and(|t| t.root_node().has_error()) {
            self.tree = parse_rope(&mut self.parser, after, None);
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
        if is_section && let Some(h) = children.first().filter(|h| h.kind().ends_with("_heading")) {
            out.extend(heading(*h, n.byte_range()));
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
        if let Some(n) = k.strip_prefix("atx_h").and_then(|r| r.strip_suffix("_marker")) {
            level = n.parse().unwrap_or(1);
        } else if k == "setext_h1_underline" {
            level = 1;
        } else if k == "setext_h2_underline" {
            level = 2;
        } else if k == "inline" || k == "paragraph" {
            title = Some(child.byte_range());
        }
    }
    let heading = h.byte_range();
    // An empty heading (`#` alone) gets an empty title at its start, which shifts like the start.
    let title = title.unwrap_or(heading.start..heading.start);
    // A section starts at its heading (tree-sitter may let the node begin a line end earlier).
    let range = heading.start..range.end.max(heading.start);
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
        let text = "---\nname: a\n---\n# Top\n\ntext\n\n## A\n\nx\n\n### A.1\n\n## B\n\nSetext\n------\n";
        let rope = Rope::from_str(text);
        let body = Body::new(&rope);
        let got: Vec<(u8, &str)> = body
            .sections()
            .iter()
            .map(|s| (s.level, text[s.title.clone()].trim()))
            .collect();
        assert_eq!(got, vec![(1, "Top"), (2, "A"), (3, "A.1"), (2, "B"), (2, "Setext")]);
    }
}
