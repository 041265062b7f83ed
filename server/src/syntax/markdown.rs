//! The Markdown body as tree-sitter-md's block tree, kept current with incremental re-parses,
//! and the flat list of sections (heading + content, nested by level) read from it.
//!
//! The tree is parsed when someone first asks for it (outline, folding, selection ranges), not
//! on every keystroke: an edit only applies itself to the old tree (`Tree::edit`, cheap), and
//! the next request re-parses incrementally from there, reusing every subtree the edits since
//! did not touch. Re-parsing is not proportional to the edit: tree-sitter revisits every
//! sibling of the edited node, which is 17 ms per keystroke in a 5 MB file whose title holds
//! 6,000 sections. Diagnostics never need the tree, so typing does not wait for it.
//! The section list is read from the tree once per version of the text. [`Body::walks`]
//! counts the walks so tests can prove it.

use crate::document::{AppliedEdit, TextRange};
use ropey::Rope;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
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
    parser: Mutex<Parser>,
    /// The current text (ropes share their nodes: this is not a copy).
    rope: Rope,
    /// The last tree parsed, with the edits since applied to it: where the next parse starts.
    stale: Mutex<Option<Tree>>,
    /// The tree of the current text and its sections, made on first use after each edit.
    parsed: OnceLock<Parsed>,
    walks: AtomicUsize,
    parses: AtomicUsize,
}

struct Parsed {
    tree: Option<Tree>,
    sections: OnceLock<Vec<Section>>,
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
        Body {
            parser: Mutex::new(parser),
            rope: rope.clone(),
            stale: Mutex::new(None),
            parsed: OnceLock::new(),
            walks: AtomicUsize::new(0),
            parses: AtomicUsize::new(0),
        }
    }

    /// The tree and sections of the current text, parsing (incrementally when an old tree is
    /// there) on first use.
    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            self.parses.fetch_add(1, Ordering::Relaxed);
            let old = self.stale.lock().unwrap_or_else(|e| e.into_inner()).take();
            let mut parser = self.parser.lock().unwrap_or_else(|e| e.into_inner());
            let mut tree = parse_rope(&mut parser, &self.rope, old.as_ref());
            // Error recovery is the one place where tree-sitter's incremental result can differ
            // from a fresh parse (the fuzzer found it with NUL bytes). Markdown almost never has
            // error nodes, so when it does, a fresh parse keeps the tree exactly what `check` sees.
            if old.is_some() && tree.as_ref().is_some_and(|t| t.root_node().has_error()) {
                tree = parse_rope(&mut parser, &self.rope, None);
            }
            Parsed {
                tree,
                sections: OnceLock::new(),
            }
        })
    }

    /// All sections in document order (a section is reached from the document through
    /// sections only: a heading inside a list item or block quote is not part of the outline),
    /// including any tree-sitter found inside a front matter it did not recognise (callers
    /// filter by the body start).
    pub fn sections(&self) -> &[Section] {
        let parsed = self.parsed();
        parsed.sections.get_or_init(|| {
            self.walks.fetch_add(1, Ordering::Relaxed);
            let mut out = Vec::new();
            if let Some(tree) = &parsed.tree {
                collect(tree.root_node(), &mut out);
            }
            out
        })
    }

    /// How many times the section list was read from the tree.
    pub fn walks(&self) -> usize {
        self.walks.load(Ordering::Relaxed)
    }

    /// How many times the text was parsed (tests use it to prove typing does not parse).
    pub fn parses(&self) -> usize {
        self.parses.load(Ordering::Relaxed)
    }

    pub fn tree(&self) -> Option<&Tree> {
        self.parsed().tree.as_ref()
    }

    /// Records `edit` (`before`/`after` are the rope before and after it): the old tree learns
    /// where the text changed, and the next use re-parses from it.
    pub fn edit(&mut self, before: &Rope, after: &Rope, edit: AppliedEdit) {
        let stale = self.stale.get_mut().unwrap_or_else(|e| e.into_inner());
        let mut old = match self.parsed.take() {
            Some(p) => p.tree,
            None => stale.take(),
        };
        if let Some(old) = &mut old {
            old.edit(&InputEdit {
                start_byte: edit.start,
                old_end_byte: edit.old_end,
                new_end_byte: edit.new_end,
                start_position: point(before, edit.start),
                old_end_position: point(before, edit.old_end),
                new_end_position: point(after, edit.new_end),
            });
        }
        *stale = old;
        self.rope = after.clone();
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
