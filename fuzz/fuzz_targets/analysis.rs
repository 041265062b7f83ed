//! The whole analysis of one document, as an agent file, with every range checked.
#![no_main]
use agentls::analysis::diagnostics::diagnostics;
use agentls::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Document::new(text, Some("p/.claude/agents/fuzz.md".into()));
    for d in diagnostics(&doc) {
        assert!(d.range.start <= d.range.end && d.range.end <= text.len(), "{d:?}");
        assert!(
            text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end),
            "{d:?}"
        );
        for f in &d.fixes {
            for e in &f.edits {
                assert!(e.range.end <= text.len(), "{d:?}");
            }
        }
    }
});
