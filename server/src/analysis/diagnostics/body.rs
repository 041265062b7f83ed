//! The Markdown body: for formats whose body is the prompt, it must not be empty.

use super::Sink;

pub(super) fn check(sink: &mut Sink) {
    let syntax = sink.doc.syntax();
    let Some(fm) = &syntax.front_matter else {
        return;
    };
    let Some(close) = &fm.close else { return };
    if !sink.format.body_required {
        return;
    }
    let rope = sink.doc.rope();
    let body = rope.byte_slice(fm.body_start..);
    // Stops at the first non-blank character, so a normal body costs a few bytes.
    if body.chars().all(char::is_whitespace) {
        sink.push(
            "/empty-body",
            close.clone(),
            format!(
                "nothing follows the front matter: the body is the {}'s system prompt, so it has no instructions",
                sink.format.name
            ),
        );
    }
}
