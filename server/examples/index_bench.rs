//! A quick measurement, not a test: generates N agent, skill and Markdown files in a temp
//! folder, indexes them the way the server does on `initialized`, then times a one-file edit
//! (upsert + cross-file check of the affected files) on the full index.
//!
//! `cargo run --release -p agentls --example index_bench -- [N] [THREADS]` (default 10000, 2).

use agentls::workspace::cross_file;
use agentls::workspace::index::{FileEntry, Index};
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

fn agent(i: usize) -> String {
    format!(
        "---\nname: agent-{i}\ndescription: Use this agent when reviewing module {i}. It reads code and reports bugs.\n\
         tools: Read, Grep, Glob, Agent(agent-{next}, Explore)\nmodel: sonnet\nskills:\n  - skill-{s}\n---\n\
         # Agent {i}\n\nYou review code. Follow [the rules](#rules) and [the other agent](agent-{next}.md#agent-{next}).\n\n\
         ## Rules\n\n- Be precise.\n- Quote the line.\n\n<example>\nuser: review this\nassistant: I found a bug.\n</example>\n\n\
         ```bash\ngit diff\n```\n\n## Output\n\nA list of findings, each with a file and line.\n",
        next = i + 1,
        s = i % 100
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let threads: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let root = std::env::temp_dir().join(format!("agentls-index-bench-{}", std::process::id()));
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    let mut bytes = 0;
    for i in 0..n {
        let (path, text) = match i % 10 {
            // One file in ten is a skill, one a plain document; the rest are agents.
            0 => (
                root.join(format!(".claude/skills/skill-{}/SKILL.md", i / 10)),
                format!(
                    "---\nname: skill-{}\ndescription: A skill.\n---\n# Skill\n\nSteps.\n",
                    i / 10
                ),
            ),
            1 => (
                root.join(format!("docs/doc-{i}.md")),
                format!("# Doc {i}\n\n## Part\n\nText.\n"),
            ),
            _ => (agents.join(format!("agent-{i}.md")), agent(i)),
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        bytes += text.len();
        std::fs::write(path, text).unwrap();
    }
    let (done, total) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let start = Instant::now();
    let mut index = Index::build(std::slice::from_ref(&root), threads, &done, &total);
    let build = start.elapsed();
    println!(
        "indexed {} files ({:.1} MB) in {:?} on {threads} threads",
        index.len(),
        bytes as f64 / 1e6,
        build
    );

    // One edit: agent-5 renames itself. Only the index maps are touched, no file is read.
    let path: PathBuf = agents.join("agent-5.md");
    let text = agent(5).replace("name: agent-5", "name: agent-five");
    let start = Instant::now();
    let affected = index.upsert(FileEntry::from_text(&text, path));
    let findings: usize = affected.iter().map(|p| cross_file::check(&index, p).len()).sum();
    println!(
        "one edit: {} affected files re-checked ({findings} findings) in {:?}",
        affected.len(),
        start.elapsed()
    );
    let _ = std::fs::remove_dir_all(&root);
}
