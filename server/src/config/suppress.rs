//! Inline suppression of one finding: `# agentls-ignore: CODE` at the end of a front matter line
//! (a YAML comment), or `<!-- agentls-ignore: CODE -->` in the body, on the finding's line or
//! alone on the line above it. Several codes may be listed, separated by commas; without a code,
//! every finding of that line is suppressed.

use crate::analysis::Diagnostic;
use crate::document::Document;

const MARKER: &str = "agentls-ignore";

pub(super) struct Suppressions {
    /// (line, codes; empty = all).
    lines: Vec<(usize, Vec<String>)>,
}

fn codes_after_marker(text: &str) -> Option<Vec<String>> {
    let at = text.find(MARKER)?;
    let rest = text[at + MARKER.len()..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = rest.split("-->").next().unwrap_or(rest);
    Some(
        rest.split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect(),
    )
}

/// Whether the text holds the marker anywhere: one pass over the rope's chunks (checking across
/// chunk boundaries), so the common file without any suppression costs no line splitting.
fn mentions_marker(rope: &ropey::Rope) -> bool {
    let floor = |s: &str, mut i: usize| {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut carry = String::new();
    for chunk in rope.chunks() {
        if chunk.contains(MARKER) {
            return true;
        }
        // The end of the previous chunk joined to the start of this one.
        carry.push_str(&chunk[..floor(chunk, MARKER.len())]);
        if carry.contains(MARKER) {
            return true;
        }
        carry = chunk[floor(chunk, chunk.len().saturating_sub(MARKER.len()))..].to_string();
    }
    false
}

#[test]
fn the_marker_is_found_across_chunk_boundaries() {
    // Long enough for ropey to split it into several chunks; markers at every offset.
    for pad in 0..40 {
        let text = format!("{}{}{MARKER}", "é".repeat(3000 + pad), "x".repeat(pad));
        assert!(mentions_marker(&ropey::Rope::from_str(&text)));
    }
    assert!(!mentions_marker(&ropey::Rope::from_str(&"é".repeat(9000))));
}

impl Suppressions {
    pub(super) fn of(doc: &Document) -> Suppressions {
        let rope = doc.rope();
        let body_start = doc.syntax().body_start();
        let mut lines = Vec::new();
        if !mentions_marker(rope) {
            return Suppressions { lines };
        }
        // Only lines that mention the marker are looked at closely; a plain substring scan of
        // each line is cheap next to the analysis itself.
        for (i, line) in rope.lines().enumerate() {
            if line.len_bytes() > 4096 {
                continue;
            }
            let text = line.to_string();
            if !text.contains(MARKER) {
                continue;
            }
            let in_front_matter = rope.line_to_byte(i) < body_start;
            if in_front_matter {
                // A YAML comment: `#` at the start or after a blank.
                if let Some(hash) = text
                    .find(" #")
                    .map(|p| p + 1)
                    .or_else(|| text.starts_with('#').then_some(0))
                    && let Some(codes) = codes_after_marker(&text[hash..])
                {
                    lines.push((i, codes));
                }
            } else if let Some(open) = text.find("<!--")
                && let Some(codes) = codes_after_marker(&text[open..])
            {
                lines.push((i, codes.clone()));
                // A comment alone on its line covers the next line.
                if text.trim_start().starts_with("<!--") && text.trim_end().ends_with("-->") {
                    lines.push((i + 1, codes));
                }
            }
        }
        Suppressions { lines }
    }

    pub(super) fn covers(&self, doc: &Document, d: &Diagnostic) -> bool {
        if self.lines.is_empty() {
            return false;
        }
        let line = doc.rope().byte_to_line(d.range.start.min(doc.rope().len_bytes()));
        self.lines
            .iter()
            .any(|(l, codes)| *l == line && (codes.is_empty() || codes.contains(&d.code)))
    }
}
