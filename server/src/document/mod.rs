//! The text of one document: a rope plus the byte/line/column arithmetic every other layer
//! needs. Everything in the core speaks byte offsets; UTF-16/UTF-8 columns exist only at the
//! protocol edge (`crate::lsp::convert`), and 1-based character columns only in the CLI.

use ropey::Rope;
use std::ops::Range;

/// A byte range in the document text.
pub type TextRange = Range<usize>;

/// One replacement, in byte offsets of the text *before* the edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

/// What an edit did to the text, for the layers that re-parse incrementally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedEdit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl AppliedEdit {
    pub fn delta(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }
}

/// Clamps `offset` into the text and onto a char boundary (moving left), so that a bad
/// position from a client can never panic a rope operation.
pub fn clamp_offset(rope: &Rope, offset: usize) -> usize {
    let len = rope.len_bytes();
    if offset >= len {
        return len;
    }
    // `byte_to_char` rounds down to the char containing the byte.
    rope.char_to_byte(rope.byte_to_char(offset))
}

/// Applies one edit to the rope. Out-of-range or inverted ranges are clamped, never a panic.
pub fn apply_edit(rope: &mut Rope, edit: &TextEdit) -> AppliedEdit {
    let start = clamp_offset(rope, edit.range.start);
    let end = clamp_offset(rope, edit.range.end).max(start);
    let (cs, ce) = (rope.byte_to_char(start), rope.byte_to_char(end));
    rope.remove(cs..ce);
    rope.insert(cs, &edit.new_text);
    AppliedEdit {
        start,
        old_end: end,
        new_end: start + edit.new_text.len(),
    }
}

/// Line and character column (both 0-based, column in Unicode scalar values) of a byte offset.
pub fn line_col_chars(rope: &Rope, offset: usize) -> (usize, usize) {
    let offset = clamp_offset(rope, offset);
    let line = rope.byte_to_line(offset);
    let line_start_char = rope.line_to_char(line);
    (line, rope.byte_to_char(offset) - line_start_char)
}

use crate::syntax::Syntax;
use std::path::{Path, PathBuf};

/// An open (or checked) document: its text, where it lives, and its parse, kept in step.
#[derive(Debug)]
pub struct Document {
    rope: Rope,
    path: Option<PathBuf>,
    syntax: Syntax,
}

impl Document {
    /// A fully parsed document (what the server keeps for an open file).
    pub fn new(text: &str, path: Option<PathBuf>) -> Self {
        let rope = Rope::from_str(text);
        let syntax = Syntax::new(&rope, true);
        Document { rope, path, syntax }
    }

    /// A fully parsed document over a rope it shares (an indexed file's text).
    pub fn from_rope(rope: Rope, path: Option<PathBuf>) -> Self {
        let syntax = Syntax::new(&rope, true);
        Document { rope, path, syntax }
    }

    /// A document without the Markdown tree, for one-shot diagnostics that do not need the
    /// outline (`check`): the same results, without the body's parse.
    pub fn without_outline(text: &str, path: Option<PathBuf>) -> Self {
        let rope = Rope::from_str(text);
        let syntax = Syntax::new(&rope, false);
        Document { rope, path, syntax }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn syntax(&self) -> &Syntax {
        &self.syntax
    }

    /// The body's headings, links, code blocks and `@path` references, re-read only where
    /// edits touched the body since the last call.
    pub fn scan(&self) -> std::sync::Arc<crate::syntax::scan::BodyScan> {
        self.syntax.scan(&self.rope)
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The text of a byte range (clamped).
    pub fn slice(&self, range: &TextRange) -> String {
        let s = clamp_offset(&self.rope, range.start);
        let e = clamp_offset(&self.rope, range.end).max(s);
        self.rope.byte_slice(s..e).to_string()
    }

    /// Applies one edit and re-parses incrementally.
    pub fn edit(&mut self, edit: &TextEdit) {
        let before = self.rope.clone(); // O(1): ropes share their nodes
        let applied = apply_edit(&mut self.rope, edit);
        self.syntax.edit(&before, &self.rope, applied);
    }

    /// Replaces the whole text (a full-document sync from the client).
    pub fn replace_all(&mut self, text: &str) {
        let len = self.rope.len_bytes();
        self.edit(&TextEdit {
            range: 0..len,
            new_text: text.to_string(),
        });
    }
}
