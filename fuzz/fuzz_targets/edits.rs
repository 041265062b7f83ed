//! The incremental path: a document plus a sequence of edits must end where a fresh parse of the
//! final text starts (front matter, YAML tree, sections, Markdown tree, the body's headings and
//! links, diagnostics). Some edits are read back at once (the scan and the tree are brought up
//! to date after them), others pile up before the next read.
#![no_main]
use agentls::analysis::diagnostics::diagnostics;
use agentls::document::{Document, TextEdit};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    text: &'a str,
    edits: Vec<(u16, u8, &'a str)>,
}

fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fuzz_target!(|input: Input| {
    let path = Some(std::path::PathBuf::from("p/.claude/agents/fuzz.md"));
    let mut doc = Document::new(input.text, path.clone());
    let mut text = input.text.to_string();
    for (at, len, insert) in input.edits.into_iter().take(16) {
        let start = boundary(&text, at as usize);
        let end = boundary(&text, start + len as usize).max(start);
        text.replace_range(start..end, insert);
        doc.edit(&TextEdit {
            range: start..end,
            new_text: insert.to_string(),
        });
        if at % 2 == 0 {
            doc.scan();
            let _ = doc.syntax().body.as_ref().and_then(|b| b.tree());
        }
    }
    let fresh = Document::new(&text, path);
    assert_eq!(doc.text(), text);
    let (a, b) = (doc.syntax(), fresh.syntax());
    assert_eq!(a.front_matter, b.front_matter);
    assert_eq!(a.yaml, b.yaml);
    let tree = |s: &agentls::syntax::Syntax| s.body.as_ref().and_then(|b| b.tree()).map(|t| t.root_node().to_sexp());
    assert_eq!(tree(a), tree(b));
    assert_eq!(
        a.body.as_ref().map(|b| b.sections().to_vec()),
        b.body.as_ref().map(|b| b.sections().to_vec())
    );
    assert_eq!(diagnostics(&doc), diagnostics(&fresh));
    assert_eq!(*doc.scan(), agentls::syntax::scan::scan_body(&text, b.body_start()));
});
