//! Hostile and odd input: each case must give a clear diagnostic (or none) and never panic or
//! hang. No timing assertions: a hang shows up as a test that never ends.

use agentls::analysis::diagnostics;
use agentls::document::{Document, TextEdit};
use std::path::PathBuf;

fn agent(text: &str) -> Document {
    Document::new(text, Some(PathBuf::from("p/.claude/agents/x.md")))
}

/// Errors and warnings (the file names here never match the agents' names).
fn codes(doc: &Document) -> Vec<String> {
    diagnostics(doc)
        .into_iter()
        .filter(|d| d.severity <= agentls::analysis::Severity::Warning)
        .map(|d| d.code)
        .collect()
}

#[test]
fn yaml_alias_bomb_is_never_expanded() {
    let mut fm = String::from(
        "---\nname: bomb\ndescription: d\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, prev) in ('b'..='j').zip('a'..='i') {
        let refs = vec![format!("*{prev}"); 9].join(",");
        fm.push_str(&format!("{i}: &{i} [{refs}]\n"));
    }
    fm.push_str("---\nBody.\n");
    let doc = agent(&fm);
    // The keys are unknown (warnings); nothing else, and no 9^9 expansion.
    assert!(
        codes(&doc).iter().all(|c| c == "claude-agent/unknown-key"),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn deep_yaml_nesting_is_one_error() {
    let depth = 10_000;
    let text = format!(
        "---\nname: deep\ndescription: d\nx: {}{}\n---\nBody.\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    // Strict YAML gives up (Bun's parser runs out of stack; agentls stops at its own depth
    // limit), so Claude Code's retry quotes the line: `x` is read as text, and the agent loads.
    let doc = agent(&text);
    let d = diagnostics(&doc);
    let quoted = d
        .iter()
        .find(|d| d.code == "yaml/needs-quotes")
        .expect("the value is read as text");
    assert!(quoted.message.contains("reads it as written"), "{}", quoted.message);
    assert!(
        d.iter().all(|d| d.severity > agentls::analysis::Severity::Error),
        "{d:#?}"
    );
    // Without the retry (a reader that does not quote), it is one positioned error.
    let text = format!(
        "---\nname: deep\ndescription: d\nx:\n  - {}{}\n---\nBody.\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let d = diagnostics(&agent(&text));
    assert_eq!(d.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["yaml/syntax"]);
    assert!(d[0].message.contains("nests deeper than"), "{}", d[0].message);
}

#[test]
fn deep_markdown_nesting_parses() {
    let mut text = String::from("---\nname: deep\ndescription: d\n---\n");
    for i in 0..10_000 {
        text.push_str(&" ".repeat((i % 200) * 2));
        text.push_str("- item\n");
    }
    text.push_str(&">".repeat(10_000));
    text.push_str(" quote\n# Title\n");
    let doc = agent(&text);
    assert!(codes(&doc).is_empty());
    assert!(!doc.syntax().body.as_ref().unwrap().sections().is_empty());
}

#[test]
fn nul_bytes_tabs_bom_and_cr_only() {
    // CR-only line ends: Claude Code's pattern needs a line feed after `---`, so it finds no
    // front matter (recorded: truth case mutation/claude-agent/front-matter/lone-cr).
    let doc = agent("\u{feff}---\rname: nul\rdescription: no NUL\r---\rBody \0 text.\r");
    assert_eq!(codes(&doc), ["front-matter/missing"]);
    assert!(
        diagnostics(&doc)[0].message.contains("CR only"),
        "{:?}",
        diagnostics(&doc)
    );
    // YAML forbids control characters: a NUL in the front matter is a positioned syntax error.
    let doc = agent("---\nname: nul\ndescription: has \0 a NUL\n---\nBody\n");
    let d = diagnostics(&doc);
    assert_eq!(d[0].code, "yaml/syntax");
    assert_eq!(doc.rope().byte_to_line(d[0].range.start), 2);
    // Claude Code reads a leading tab as two spaces: information that strict tools fail.
    let doc = agent("---\nname: tabs\ndescription: d\nhooks:\n\tStop: []\n---\nBody\n");
    assert!(codes(&doc).is_empty(), "{:?}", codes(&doc));
    assert!(diagnostics(&doc).iter().any(|d| d.code == "yaml/tabs"));
}

#[test]
fn empty_and_front_matter_only() {
    assert_eq!(codes(&agent("")), ["front-matter/missing"]);
    assert_eq!(
        codes(&agent("---\n---\n")),
        ["claude-agent/missing-field", "claude-agent/missing-field"]
    );
    // An empty prompt is allowed: information only.
    let d = diagnostics(&agent("---\nname: x\ndescription: d\n---"));
    assert!(codes(&agent("---\nname: x\ndescription: d\n---")).is_empty());
    assert!(d.iter().any(|d| d.code == "claude-agent/empty-body"), "{d:#?}");
    assert_eq!(codes(&agent("---")), ["front-matter/unclosed"]);
    // Ordinary Markdown stays silent whatever it holds.
    let readme = Document::new("---\ntitle: x\n---\n", Some(PathBuf::from("README.md")));
    assert!(codes(&readme).is_empty());
}

#[test]
fn a_10000_line_front_matter() {
    let mut text = String::from("---\nname: long\ndescription: d\nhooks:\n  PreToolUse:\n");
    for i in 0..10_000 {
        text.push_str(&format!("    - matcher: Tool{i}\n"));
    }
    text.push_str("---\nBody\n");
    let mut doc = agent(&text);
    assert!(codes(&doc).is_empty());
    // An edit at the end of the body leaves the big YAML alone.
    let parses = doc.syntax().yaml_parses;
    let end = doc.rope().len_bytes();
    doc.edit(&TextEdit {
        range: end..end,
        new_text: "more".into(),
    });
    assert_eq!(doc.syntax().yaml_parses, parses);
}

#[test]
fn huge_files_and_lines() {
    // A 50 MB body: analysed without the Markdown outline, front matter still checked.
    let mut text = String::from("---\nname: huge\ndescription: d\nmodel: sonet\n---\n");
    let line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
    while text.len() < 50 << 20 {
        text.push_str(line);
    }
    let doc = agent(&text);
    assert!(doc.syntax().body.is_none());
    assert_eq!(codes(&doc), ["claude-agent/unknown-model"]);
    // One 5 MB line, in the body and in the front matter.
    let long = "x".repeat(5 << 20);
    let doc = agent(&format!("---\nname: l\ndescription: {long}\n---\n{long}\n"));
    assert!(codes(&doc).is_empty());
}

#[test]
fn a_hundred_thousand_headings() {
    let mut text = String::from("---\nname: h\ndescription: d\n---\n");
    for i in 0..100_000 {
        text.push_str(&format!("## H{i}\n"));
    }
    let mut doc = agent(&text);
    assert_eq!(doc.syntax().body.as_ref().unwrap().sections().len(), 100_000);
    let at = text.find("## H500\n").unwrap() + 5;
    doc.edit(&TextEdit {
        range: at..at,
        new_text: "x".into(),
    });
    assert_eq!(
        doc.slice(&doc.syntax().body.as_ref().unwrap().sections()[500].title),
        "H5x00"
    );
}

#[test]
fn out_of_range_and_mid_char_edits_clamp() {
    let mut doc = agent("---\nname: a😀\ndescription: d\n---\nBody\n");
    doc.edit(&TextEdit {
        range: 9999..99999,
        new_text: "tail".into(),
    });
    assert!(doc.text().ends_with("Body\ntail"));
    let emoji = doc.text().find('😀').unwrap();
    doc.edit(&TextEdit {
        range: emoji + 1..emoji + 2,
        new_text: String::new(),
    });
    assert!(doc.text().is_char_boundary(emoji));
    let _ = diagnostics(&doc);
}
