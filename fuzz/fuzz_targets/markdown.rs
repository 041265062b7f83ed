//! The Markdown body: tree-sitter-md's block tree and the section list read from it.
#![no_main]
use agentls::syntax::markdown::Body;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let rope = ropey::Rope::from_str(text);
    let body = Body::new(&rope);
    for s in body.sections() {
        assert!(s.range.start <= s.range.end && s.range.end <= text.len());
        assert!((1..=6).contains(&s.level));
    }
});
