//! The incremental path against the from-scratch one: after random edit sequences the
//! document's parse (front matter, YAML tree, sections, Markdown tree) and its diagnostics must
//! equal a fresh parse of the final text. Also proves, with counters, that a body edit does not
//! re-parse the YAML and an edit never walks the body (the outline is read on demand).
//!
//! `AGENTLS_ORACLE_CASES=100000 cargo test --release -p agentls --test incremental` runs long.

use agentls::analysis::diagnostics;
use agentls::document::{Document, TextEdit};
use std::path::PathBuf;

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    "---\n",
    "---",
    "\n",
    "\r\n",
    "\r",
    "...\n",
    "name: x\n",
    "description: Use when: x\n",
    "tools: Read, Grpe\n",
    "model: sonet\n",
    "# Heading\n",
    "## Sub\n",
    "Setext\n---\n",
    "```\n",
    "- item\n",
    "  nested: 1\n",
    "😀",
    "日本語",
    "e\u{301}",
    ": ",
    "\t",
    "[a] [b]",
    "<example>\n",
    "text ",
    "#",
    "-",
    "*",
    "&a",
    "'",
    "\"",
    "~~~\n",
    "<div>\n",
    "<!--\n",
    "-->\n",
    "[a]: b.md\n",
    "    code\n",
    "> q\n",
    "[l](#role)",
    "@docs/x.md ",
    "#file:x.md ",
];

const SEEDS: &[&str] = &[
    "---\nname: demo\ndescription: Reviews code\ntools: Read, Grep\n---\n# Role\n\nYou review code.\n\n## Steps\n\n1. Read\n",
    "---\nname: x\ndescription: a: b\n---\n\n# 日本語 😀\n\ntext\n",
    "# No front matter\n\ntext\n\n## Two\n",
    "---\r\nname: crlf\r\ndescription: d\r\n---\r\nbody\r\n",
    "---\nname: unclosed\ndescription: d\n# body\n",
    "",
    "# Top\n\n[x](#steps)\n\n## Steps\n\n- a\n- b\n\n```\ncode\n```\n\n## Steps\n\n<div>\nhtml\n</div>\n\n### Deep @docs/y.md\n\n> quote\n## After quote\ntext\n",
];

fn char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn random_edit(rng: &mut Rng, text: &str) -> TextEdit {
    let start = char_boundary(text, rng.below(text.len() + 1));
    let (end, new_text) = match rng.below(3) {
        0 => (start, SNIPPETS[rng.below(SNIPPETS.len())].to_string()),
        1 => (char_boundary(text, start + rng.below(12)), String::new()),
        _ => (
            char_boundary(text, start + rng.below(8)),
            SNIPPETS[rng.below(SNIPPETS.len())].to_string(),
        ),
    };
    TextEdit {
        range: start..end.max(start),
        new_text,
    }
}

fn assert_same(incremental: &Document, text: &str, context: &str) {
    let fresh = Document::new(text, incremental.path().map(PathBuf::from));
    let (a, b) = (incremental.syntax(), fresh.syntax());
    assert_eq!(incremental.text(), text, "{context}: text");
    assert_eq!(a.front_matter, b.front_matter, "{context}: front matter split");
    assert_eq!(a.yaml, b.yaml, "{context}: YAML tree");
    let sexp = |d: &agentls::syntax::Syntax| d.body.as_ref().and_then(|b| b.tree()).map(|t| t.root_node().to_sexp());
    assert_eq!(sexp(a), sexp(b), "{context}: Markdown tree");
    assert_eq!(
        a.body.as_ref().map(|b| b.sections()),
        b.body.as_ref().map(|b| b.sections()),
        "{context}: sections"
    );
    assert_eq!(diagnostics(incremental), diagnostics(&fresh), "{context}: diagnostics");
    let body_start = b.body_start();
    assert_eq!(
        *incremental.scan(),
        agentls::syntax::scan::scan_body(text, body_start),
        "{context}: headings, links and code blocks"
    );
}

#[test]
fn random_edits_match_a_fresh_parse() {
    let cases: usize = std::env::var("AGENTLS_ORACLE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let path = PathBuf::from("proj/.claude/agents/x.md");
    let first: usize = std::env::var("AGENTLS_ORACLE_FIRST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for case in first..first + cases {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (case as u64 + 1).wrapping_mul(0x1000_0000_01b3));
        let seed = SEEDS[case % SEEDS.len()];
        let mut doc = Document::new(seed, Some(path.clone()));
        let mut text = seed.to_string();
        let mut history = Vec::new();
        for step in 0..12 {
            let edit = random_edit(&mut rng, &text);
            text.replace_range(edit.range.clone(), &edit.new_text);
            doc.edit(&edit);
            history.push(edit);
            // Half the cases read the scan after every edit, half let edits pile up.
            if case % 2 == 0 {
                doc.scan();
            }
            if step % 4 == 3 {
                assert_same(&doc, &text, &format!("case {case} after {history:?}"));
            }
        }
    }
}

#[test]
fn a_body_edit_does_not_reparse_the_yaml() {
    let text = SEEDS[0];
    let mut doc = Document::new(text, None);
    let parses = doc.syntax().yaml_parses;
    let at = text.find("You review").unwrap();
    for (i, c) in "Carefully, ".chars().enumerate() {
        doc.edit(&TextEdit {
            range: at + i..at + i,
            new_text: c.to_string(),
        });
    }
    assert_eq!(
        doc.syntax().yaml_parses,
        parses,
        "typing in the body re-parsed the front matter"
    );
}

#[test]
fn a_front_matter_edit_does_not_rewalk_the_body() {
    let text = SEEDS[0];
    let mut doc = Document::new(text, None);
    assert_eq!(doc.syntax().body.as_ref().unwrap().sections().len(), 2);
    let walks = doc.syntax().body.as_ref().unwrap().walks();
    let parses = doc.syntax().yaml_parses;
    let at = text.find("Grep").unwrap() + 4;
    for (i, c) in ", Glob".chars().enumerate() {
        doc.edit(&TextEdit {
            range: at + i..at + i,
            new_text: c.to_string(),
        });
    }
    assert_eq!(
        doc.syntax().body.as_ref().unwrap().walks(),
        walks,
        "typing in the front matter re-walked the body"
    );
    assert_eq!(doc.syntax().yaml_parses, parses + 6);
    // Positions after the edit moved with it.
    let titles: Vec<String> = doc
        .syntax()
        .body
        .as_ref()
        .unwrap()
        .sections()
        .iter()
        .map(|s| doc.slice(&s.title))
        .collect();
    assert_eq!(titles, ["Role", "Steps"]);
    // Asking for the outline after the edits reads the tree once.
    assert_eq!(doc.syntax().body.as_ref().unwrap().walks(), walks + 1);
}

/// Inputs the fuzzers found (`fuzz/run.sh`), kept as regression tests: each file in
/// `tests/regressions/` named `edits-*` is a libFuzzer input of the `edits` target, decoded
/// here exactly as the target decodes it.
#[test]
fn fuzzer_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        replay_edits(&bytes, &entry.path().display().to_string());
        seen += 1;
    }
    assert!(seen >= 1);
}

/// The `edits` fuzz target's input (fuzz/fuzz_targets/edits.rs).
#[derive(arbitrary::Arbitrary, Debug)]
struct FuzzInput<'a> {
    text: &'a str,
    edits: Vec<(u16, u8, &'a str)>,
}

fn replay_edits(bytes: &[u8], name: &str) {
    use arbitrary::Arbitrary;
    let Ok(input) = FuzzInput::arbitrary_take_rest(arbitrary::Unstructured::new(bytes)) else {
        panic!("{name} is not an input of the edits target");
    };
    let path = Some(PathBuf::from("p/.claude/agents/fuzz.md"));
    let mut doc = Document::new(input.text, path);
    let mut text = input.text.to_string();
    for (at, len, insert) in input.edits.into_iter().take(16) {
        let start = char_boundary(&text, at as usize);
        let end = char_boundary(&text, start + len as usize).max(start);
        text.replace_range(start..end, insert);
        doc.edit(&TextEdit {
            range: start..end,
            new_text: insert.to_string(),
        });
    }
    assert_same(&doc, &text, name);
}

/// Typing in the body of a long document: the diagnostics of each version need neither the
/// Markdown tree (it is parsed once, when the outline is asked for) nor a re-read of the
/// sections the edits did not touch.
#[test]
fn typing_in_a_long_body_rereads_only_the_edited_section() {
    let mut text = String::from("---\nname: long\ndescription: Reviews code\n---\n# Title\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "\n## Part {i}\n\nSome prose with [a link](#part-{i}) and `code`.\n\n- a\n- b\n"
        ));
    }
    let path = PathBuf::from("proj/.claude/agents/long.md");
    let mut doc = Document::new(&text, Some(path));
    doc.scan();
    let read = doc.syntax().scan_bytes_read();
    assert_eq!(read, text.len() - doc.syntax().body_start());
    let body = doc.syntax().body.as_ref().unwrap();
    assert_eq!(body.parses(), 0, "opening the document parsed the Markdown tree");
    let at = text.find("## Part 1000").unwrap() + 20;
    for (i, c) in "typed text".chars().enumerate() {
        doc.edit(&TextEdit {
            range: at + i..at + i,
            new_text: c.to_string(),
        });
        let _ = diagnostics::diagnostics(&doc);
        assert_eq!(doc.scan().scan.headings.len(), 2001);
    }
    text.insert_str(at, "typed text");
    let reread = doc.syntax().scan_bytes_read() - read;
    assert!(
        reread < 2000,
        "10 keystrokes re-read {reread} bytes of a {} byte body",
        text.len()
    );
    assert_eq!(doc.syntax().body.as_ref().unwrap().parses(), 0);
    assert_eq!(doc.syntax().body.as_ref().unwrap().sections().len(), 2001);
    assert_eq!(doc.syntax().body.as_ref().unwrap().parses(), 1);
    assert_same(&doc, &text, "after typing");
}

/// Edit sequences the long oracle runs failed on, replayed with a scan read after every edit.
/// Both put a lone CR line end after an LF before a heading, which pulldown-cmark reads
/// differently after an indented code block (the heading disappears) than at a chunk start.
#[test]
fn oracle_regressions() {
    type Edits<'a> = &'a [(std::ops::Range<usize>, &'a str)];
    let cases: &[(&str, Edits)] = &[
        (
            SEEDS[0],
            &[
                (63..63, "\r"),
                (63..63, "    code\n"),
                (33..33, "> q\n"),
                (90..90, "e\u{301}"),
            ],
        ),
        (
            SEEDS[2],
            &[
                (15..18, ""),
                (22..22, "\r"),
                (6..6, "# Heading\n"),
                (14..14, "[a] [b]"),
                (1..1, "\r\n"),
                (49..49, "# Heading\n"),
                (29..34, ""),
                (28..33, "日本語"),
                (3..3, "\t"),
                (49..59, ""),
                (19..28, ""),
                (18..20, "[a] [b]"),
            ],
        ),
    ];
    for (n, (seed, edits)) in cases.iter().enumerate() {
        let mut doc = Document::new(seed, Some(PathBuf::from("proj/.claude/agents/x.md")));
        let mut text = seed.to_string();
        for (range, new) in edits.iter() {
            text.replace_range(range.clone(), new);
            doc.edit(&TextEdit {
                range: range.clone(),
                new_text: new.to_string(),
            });
            let whole = agentls::syntax::scan::scan_body(&text, doc.syntax().body_start());
            assert_eq!(*doc.scan(), whole, "case {n} after {range:?} -> {new:?}: {text:?}");
        }
    }
}
