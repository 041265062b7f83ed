//! Byte offsets (the core) ⇄ LSP positions (line + UTF-16 or UTF-8 column).

use super::types::{Position, Range};
use crate::document::{TextRange, clamp_offset};
use ropey::Rope;

/// The negotiated `positionEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf16,
    Utf8,
}

/// Byte length of a line without its line end.
fn line_content_bytes(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut len = slice.len_bytes();
    while len > 0 && matches!(slice.byte(len - 1), b'\n' | b'\r') {
        len -= 1;
    }
    len
}

pub fn position(rope: &Rope, offset: usize, enc: Encoding) -> Position {
    let offset = clamp_offset(rope, offset);
    let line = rope.byte_to_line(offset);
    let line_start = rope.line_to_byte(line);
    let character = match enc {
        Encoding::Utf8 => offset - line_start,
        Encoding::Utf16 => {
            let c = rope.byte_to_char(offset);
            rope.char_to_utf16_cu(c) - rope.char_to_utf16_cu(rope.line_to_char(line))
        }
    };
    Position::new(line as u32, character as u32)
}

pub fn range(rope: &Rope, r: &TextRange, enc: Encoding) -> Range {
    Range::new(position(rope, r.start, enc), position(rope, r.end, enc))
}

/// A core edit (byte offsets) as a protocol edit.
pub fn text_edit(rope: &Rope, e: &crate::document::TextEdit, enc: Encoding) -> super::types::TextEdit {
    super::types::TextEdit {
        range: range(rope, &e.range, enc),
        new_text: e.new_text.clone(),
    }
}

/// The byte offset of an LSP position. Positions past the end of a line clamp to the line's
/// end, past the last line to the end of the text, and inside a character to its start (the
/// LSP spec's rules); `clamped` reports whether that happened, for the log.
pub fn offset(rope: &Rope, pos: Position, enc: Encoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), true);
    }
    let line_start = rope.line_to_byte(line);
    let content = line_content_bytes(rope, line);
    let want = pos.character as usize;
    match enc {
        Encoding::Utf8 => {
            let within = want.min(content);
            let at = clamp_offset(rope, line_start + within);
            (at, within != want || at != line_start + within)
        }
        Encoding::Utf16 => {
            let line_char = rope.line_to_char(line);
            let start_cu = rope.char_to_utf16_cu(line_char);
            let end_cu = rope.char_to_utf16_cu(rope.byte_to_char(line_start + content));
            let target = (start_cu + want).min(end_cu);
            let c = rope.utf16_cu_to_char(target);
            (rope.char_to_byte(c), start_cu + want > end_cu)
        }
    }
}

/// The protocol's severity of a finding.
pub fn severity(s: crate::analysis::Severity) -> super::types::DiagnosticSeverity {
    use super::types::DiagnosticSeverity as D;
    match s {
        crate::analysis::Severity::Error => D::ERROR,
        crate::analysis::Severity::Warning => D::WARNING,
        crate::analysis::Severity::Information => D::INFORMATION,
        crate::analysis::Severity::Hint => D::HINT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_round_trips() {
        // "é" is 2 UTF-8 bytes / 1 UTF-16 unit, "😀" 4 / 2, "字" 3 / 1, "e\u{301}" 3 / 2.
        let text = "a😀字é\ne\u{301}x\r\nlast";
        let rope = Rope::from_str(text);
        let x = text.find('x').unwrap();
        assert_eq!(position(&rope, x, Encoding::Utf16), Position::new(1, 2));
        assert_eq!(position(&rope, x, Encoding::Utf8), Position::new(1, 3));
        assert_eq!(offset(&rope, Position::new(1, 2), Encoding::Utf16), (x, false));
        assert_eq!(offset(&rope, Position::new(1, 3), Encoding::Utf8), (x, false));
        let e = text.find('é').unwrap();
        assert_eq!(position(&rope, e, Encoding::Utf16), Position::new(0, 4));
        assert_eq!(position(&rope, e, Encoding::Utf8), Position::new(0, 8));
    }

    #[test]
    fn out_of_range_clamps() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(offset(&rope, Position::new(0, 99), Encoding::Utf16), (2, true));
        assert_eq!(offset(&rope, Position::new(9, 0), Encoding::Utf8), (6, true));
        // Inside the surrogate pair of an emoji: back to its start.
        let rope = Rope::from_str("😀x");
        assert_eq!(offset(&rope, Position::new(0, 1), Encoding::Utf16).0, 0);
        // Inside a UTF-8 sequence.
        assert_eq!(offset(&rope, Position::new(0, 2), Encoding::Utf8), (0, true));
    }

    #[test]
    fn unicode_line_separators_are_not_line_ends() {
        // LSP counts only \n, \r\n and \r; U+2028 and NEL stay inside the line.
        let rope = Rope::from_str("a\u{2028}b\u{85}c\nd");
        assert_eq!(
            position(&rope, rope.len_bytes() - 1, Encoding::Utf16),
            Position::new(1, 0)
        );
    }
}
