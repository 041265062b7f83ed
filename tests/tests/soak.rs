//! Soak: many edits on one open document and many open/close cycles must leave memory flat and
//! latency where it started. The normal run is short and checks memory only (no timed
//! assertions); `AGENTLS_SOAK=full cargo test --release -p agentls-e2e --test soak -- --nocapture`
//! runs 100,000 edits and 10,000 cycles and prints the figures recorded in docs/robustness.md.

use agentls_e2e::lsp_client::LspClient;
use serde_json::json;
use std::time::{Duration, Instant};

const URI: &str = "file:///tmp/agentls-soak/.claude/agents/soak.md";

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn percentile(mut xs: Vec<Duration>, p: f64) -> Duration {
    xs.sort();
    xs.get(((xs.len() as f64 - 1.0) * p) as usize)
        .copied()
        .unwrap_or_default()
}

fn agent(i: usize) -> String {
    format!(
        "---\nname: soak\ndescription: Soak test agent number {i}\ntools: Read, Grep\nmodel: sonnet\n---\n# Role\n\nYou review code.\n\n## Steps\n\n1. Read the diff.\n"
    )
}

#[test]
fn memory_stays_flat_under_edits_and_open_close_cycles() {
    let full = std::env::var("AGENTLS_SOAK").is_ok_and(|v| v == "full");
    let (edits, cycles, batch) = if full { (100_000, 10_000, 100) } else { (3_000, 300, 50) };
    let (mut c, _) = LspClient::start(json!({ "general": { "positionEncodings": ["utf-8"] } }));
    let pid = c.pid();
    c.open(URI, "markdown", 1, &agent(0));
    c.wait_for_diagnostics(URI, Some(1));
    // Warm up, then measure where memory starts.
    let mut version = 1;
    let type_and_erase = |c: &mut LspClient, version: &mut i32, n: usize| -> Vec<Duration> {
        let mut latencies = Vec::new();
        for k in 0..n / batch {
            let start = Instant::now();
            for j in 0..batch {
                *version += 1;
                // Type a character at the end of the body's last line, or erase one.
                let line = 13;
                if (k * batch + j) % 2 == 0 {
                    c.edit(URI, *version, (line, 17), (line, 17), "x");
                } else {
                    c.edit(URI, *version, (line, 17), (line, 18), "");
                }
            }
            c.wait_for_diagnostics(URI, Some(*version));
            latencies.push(start.elapsed() / batch as u32);
        }
        latencies
    };
    type_and_erase(&mut c, &mut version, 2 * batch);
    let rss_start = rss_kib(pid);
    let early = type_and_erase(&mut c, &mut version, edits / 2);
    let late = type_and_erase(&mut c, &mut version, edits / 2);
    let rss_after_edits = rss_kib(pid);
    for i in 0..cycles {
        let uri = format!("file:///tmp/agentls-soak/.claude/agents/cycle-{}.md", i % 7);
        c.open(&uri, "markdown", 1, &agent(i));
        c.close(&uri);
    }
    // One round trip so the cycles are done before the last reading.
    c.edit(URI, version + 1, (0, 0), (0, 0), "");
    c.wait_for_diagnostics(URI, Some(version + 1));
    let rss_end = rss_kib(pid);
    println!(
        "edits: {edits}, open/close cycles: {cycles}\nRSS KiB: start {rss_start}, after edits {rss_after_edits}, end {rss_end}\n\
         per-edit latency (batches of {batch}): first half p50 {:?} p99 {:?}; second half p50 {:?} p99 {:?}",
        percentile(early.clone(), 0.5),
        percentile(early, 0.99),
        percentile(late.clone(), 0.5),
        percentile(late, 0.99),
    );
    // Flat: a leak of even a few hundred bytes per edit or per cycle would show as megabytes.
    let growth = rss_end.saturating_sub(rss_start);
    assert!(growth < 16 * 1024, "RSS grew by {growth} KiB ({rss_start} → {rss_end})");
    assert!(c.shutdown().success());
}
