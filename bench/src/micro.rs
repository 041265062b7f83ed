//! Micro-benchmarks of the core through the public library API: a hand-rolled loop (warm-up,
//! then one `Instant` per iteration until the time budget is spent) instead of Criterion, to
//! keep the dependency tree small.

use crate::generate;
use crate::stats::{Table, fmt, summarize};
use agentls::document::{Document, TextEdit};
use agentls::syntax::{front_matter, yaml};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(budget: Duration, mut f: impl FnMut()) -> Vec<Duration> {
    let warm_until = Instant::now() + budget / 10;
    let mut warm = 0;
    while warm < 3 || Instant::now() < warm_until {
        f();
        warm += 1;
    }
    let mut samples = Vec::new();
    let end = Instant::now() + budget;
    while samples.len() < 5 || (Instant::now() < end && samples.len() < 1_000_000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples
}

/// Types `x` at `at`, or deletes it when the last call typed it.
fn toggle(at: usize, inserted: &mut bool) -> TextEdit {
    let edit = if *inserted {
        TextEdit {
            range: at..at + 1,
            new_text: String::new(),
        }
    } else {
        TextEdit {
            range: at..at,
            new_text: "x".into(),
        }
    };
    *inserted = !*inserted;
    edit
}

pub fn run(sizes: &[(&str, usize)], budget: Duration) -> Table {
    let mut table = Table::new(
        "Core micro-benchmarks (agentls library, no protocol)",
        &["operation", "file", "iterations", "p50", "p99", "max"],
    );
    let mut add = |op: &str, file: &str, s: Vec<Duration>| {
        let sum = summarize(&s).expect("measure returns samples");
        table.row(vec![
            op.into(),
            file.into(),
            sum.n.to_string(),
            fmt(sum.p50),
            fmt(sum.p99),
            fmt(sum.max),
        ]);
    };
    for &(label, size) in sizes {
        let text = generate::agent("code-reviewer", size, 1);
        let path = Some(std::path::PathBuf::from("/bench/.claude/agents/code-reviewer.md"));
        if size <= 10_000 {
            let doc = Document::without_outline(&text, path.clone());
            let rope = doc.rope();
            add(
                "front matter split + YAML parse",
                label,
                measure(budget, || {
                    let fm = front_matter::split(rope).expect("generated agents have front matter");
                    let y = rope.byte_slice(fm.yaml.clone()).to_string();
                    black_box(yaml::parse(&y, fm.yaml.start));
                }),
            );
        }
        // Full parses of big files are slow: a smaller budget keeps the run short.
        let full_budget = if size > 1_000_000 { budget / 2 } else { budget };
        add(
            "Document::new + scan + Markdown tree (open, then outline)",
            label,
            measure(full_budget, || {
                let doc = Document::new(&text, path.clone());
                black_box(doc.scan());
                black_box(doc.syntax().body.as_ref().and_then(|b| b.tree()));
            }),
        );
        let mut doc = Document::new(&text, path.clone());
        // One character typed, then deleted, in a paragraph past the middle of the body.
        let p = generate::paragraph_point(&text);
        let mut inserted = false;
        add(
            "body edit (1 char) + scan + diagnostics: a keystroke",
            label,
            measure(budget, || {
                doc.edit(&toggle(p, &mut inserted));
                black_box(doc.scan());
                black_box(agentls::analysis::diagnostics(&doc));
            }),
        );
        add(
            "body edit (1 char) + Markdown tree re-parse: an outline request",
            label,
            measure(budget, || {
                doc.edit(&toggle(p, &mut inserted));
                black_box(doc.syntax().body.as_ref().and_then(|b| b.tree()));
            }),
        );
        let d = generate::end_of_line_starting(&text, "description:").expect("generated agents have one");
        let mut inserted = false;
        add(
            "front matter edit (1 char, YAML re-parse) + scan",
            label,
            measure(budget, || {
                doc.edit(&toggle(d, &mut inserted));
                black_box(doc.scan());
            }),
        );
        let doc = Document::new(&text, path.clone());
        add(
            "diagnostics of the file",
            label,
            measure(budget, || {
                black_box(agentls::analysis::diagnostics(&doc));
            }),
        );
    }
    table
}
