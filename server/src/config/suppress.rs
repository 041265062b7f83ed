//! Inline suppression of one finding: `# agentls-ignore: CODE` at the end of a front matter line
//! (a YAML comment), or `<!-- agentls-ignore: CODE -->` in the body, on the finding's line or
//! alone on the line above it. Several codes may be listed, separated by commas; without a code,
//! every finding of that line is suppressed.

use crate::analysis::Diagnostic;
use crate::document::Document;

const MARKER: &str = "agentls-ignore";

/// Looks for suppressions on the lines of findings only (the finding's line and the one above
/// it), so a document costs nothing per keystroke whatever its size.
pub(super) struct Suppressions {
    body_start: usize,
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

/// Lines longer than this are not searched (minified or generated text).
const MAX_LINE: usize = 4096;

impl Suppressions {
    pub(super) fn of(doc: &Document) -> Suppressions {
        Suppressions {
            body_start: doc.syntax().body_start(),
        }
    }

    /// The codes a line suppresses: `Some(codes)` (empty = all) when it has the marker, with
    /// whether it is a body comment alone on its line (which also covers the next line).
    fn codes_on(&self, rope: &ropey::Rope, line: usize) -> Option<(Vec<String>, bool)> {
        if line >= rope.len_lines() {
            return None;
        }
        let slice = rope.line(line);
        if slice.len_bytes() > MAX_LINE {
            return None;
        }
        let text = slice.to_string();
        if !text.contains(MARKER) {
            return None;
        }
        if rope.line_to_byte(line) < self.body_start {
            // A YAML comment: `#` at the start or after a blank.
            let hash = text
                .find(" #")
                .map(|p| p + 1)
                .or_else(|| text.starts_with('#').then_some(0))?;
            return Some((codes_after_marker(&text[hash..])?, false));
        }
        let open = text.find("<!--")?;
        let codes = codes_after_marker(&text[open..])?;
        let alone = text.trim_start().starts_with("<!--") && text.trim_end().ends_with("-->");
        Some((codes, alone))
    }

    pub(super) fn covers(&self, doc: &Document, d: &Diagnostic) -> bool {
        let rope = doc.rope();
        let line = rope.byte_to_line(d.range.start.min(rope.len_bytes()));
        let matches = |codes: &[String]| codes.is_empty() || codes.contains(&d.code);
        if let Some((codes, _)) = self.codes_on(rope, line)
            && matches(&codes)
        {
            return true;
        }
        line > 0
            && self
                .codes_on(rope, line - 1)
                .is_some_and(|(codes, alone)| alone && matches(&codes))
    }
}
