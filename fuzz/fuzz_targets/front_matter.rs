//! The front matter split and the YAML layer (with the loader's retry) on arbitrary text.
#![no_main]
use agentls::syntax::{front_matter, yaml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let rope = ropey::Rope::from_str(text);
    if let Some(fm) = front_matter::split(&rope) {
        assert!(fm.yaml.start <= fm.yaml.end && fm.yaml.end <= text.len());
        let parsed = yaml::parse(&text[fm.yaml.clone()], fm.yaml.start);
        for r in &parsed.recovered {
            assert!(text.is_char_boundary(r.value.start) && text.is_char_boundary(r.value.end));
        }
    }
    let parsed = yaml::parse(text, 0);
    if let Some(e) = parsed.error {
        assert!(e.at.start <= text.len());
    }
});
