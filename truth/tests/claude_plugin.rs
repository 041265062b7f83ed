//! agentls inside Claude Code: the plugin in `editors/claude-code` starts `agentls --stdio`,
//! and after the model writes a file, Claude Code hands agentls's diagnostics to the model in
//! its next request as `<new-diagnostics>`. Run with the real Claude Code (the pinned one, from
//! npm) against the fake model API: the model writes a broken agent, then a clean one, then an
//! ordinary README.
//!
//! It downloads Claude Code (about 400 MB, once), so it runs only with `AGENTLS_LIVE=1`;
//! `editors/test.sh` and `.ci/run` set it.

use serde_json::json;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use truth::claude::Claude;
use truth::fake_api::{Block, Request};

fn live() -> bool {
    std::env::var_os("AGENTLS_LIVE").is_some()
}

fn repo_root() -> PathBuf {
    truth::cases::repo_root()
}

/// The agentls binary the plugin starts, built like the other end-to-end tests build it.
fn agentls_dir() -> PathBuf {
    let status = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(repo_root())
        .args(["build", "--quiet", "-p", "agentls", "--bin", "agentls"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building agentls failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug")
}

/// What the model saw after it wrote `file` with `content` (every request's text after the
/// write), with the plugin loaded.
fn requests_after_writing(claude: &Claude, project: &Path, file: &str, content: &str) -> Vec<String> {
    let path = project.join(file).display().to_string();
    let turn = Arc::new(AtomicUsize::new(0));
    let respond = {
        let turn = turn.clone();
        let content = content.to_string();
        move |req: &Request| -> Vec<Block> {
            if req.is_subagent() {
                return vec![];
            }
            match turn.fetch_add(1, Ordering::SeqCst) {
                0 => vec![Block::tool_use(
                    "toolu_write",
                    "Write",
                    json!({"file_path": path, "content": content}),
                )],
                // Claude Code starts the server on the first write and delivers its diagnostics
                // a moment later; a model takes a moment too before its next step.
                1 => {
                    std::thread::sleep(std::time::Duration::from_millis(1500));
                    vec![Block::tool_use("toolu_read", "Read", json!({"file_path": path}))]
                }
                _ => vec![Block::text("done")],
            }
        }
    };
    let plugin = repo_root().join("editors/claude-code");
    let out = claude
        .run(
            project,
            "Write the agent file.",
            &["--plugin-dir", &plugin.display().to_string()],
            respond,
        )
        .expect("Claude Code runs");
    assert!(
        turn.load(Ordering::SeqCst) >= 3,
        "the scripted turns did not all happen (exit {:?})\nstderr: {}\nstdout: {}",
        out.status,
        out.stderr,
        out.stdout
    );
    out.requests
        .iter()
        .filter(|r| !r.is_subagent())
        .skip(1)
        .map(|r| r.all_text())
        .collect()
}

fn new_diagnostics(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter_map(|t| {
            let start = t.find("<new-diagnostics>")?;
            let end = t[start..].find("</new-diagnostics>").map_or(t.len(), |e| start + e);
            Some(t[start..end].to_string())
        })
        .collect()
}

#[test]
fn claude_code_hands_agentls_diagnostics_to_the_model() {
    if !live() {
        eprintln!("skipped: set AGENTLS_LIVE=1 to run it with the real Claude Code (downloads it once)");
        return;
    }
    let mut claude = Claude::install(false).expect("Claude Code installs");
    claude.path_prefix.push(agentls_dir());

    let project = truth::util::TempDir::new("plugin").unwrap();
    let broken = "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grpe\n---\nYou review code.\n";
    let seen = new_diagnostics(&requests_after_writing(
        &claude,
        project.path(),
        ".claude/agents/reviewer.md",
        broken,
    ));
    let all = seen.join("\n");
    assert!(
        all.contains("claude-agent/unknown-tool") && all.contains("unknown tool `Grpe`: did you mean `Grep`?"),
        "the model was not told about `Grpe`:\n{all}"
    );
    assert!(all.contains("(agentls)"), "the diagnostics name their source:\n{all}");

    // A clean agent and an ordinary README bring no diagnostics.
    let project = truth::util::TempDir::new("plugin-clean").unwrap();
    let clean = "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\nYou review code.\n";
    let seen = new_diagnostics(&requests_after_writing(
        &claude,
        project.path(),
        ".claude/agents/reviewer.md",
        clean,
    ));
    assert!(seen.is_empty(), "a clean agent brought diagnostics: {seen:#?}");
    let project = truth::util::TempDir::new("plugin-readme").unwrap();
    let readme = "---\ntitle: Notes\n---\n# Notes\n\nTools: Read, Grpe.\n";
    let seen = new_diagnostics(&requests_after_writing(&claude, project.path(), "README.md", readme));
    assert!(seen.is_empty(), "ordinary Markdown brought diagnostics: {seen:#?}");
}
