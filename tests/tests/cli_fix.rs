//! `agentls check --diff` shows the safe fixes without touching anything; `--fix` writes them
//! (only to files that have one) and reports what is left.

use agentls_e2e::{repo_root, run_in};
use std::path::{Path, PathBuf};

fn copy_examples(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agentls-cli-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let agents = dir.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    for entry in std::fs::read_dir(repo_root().join("examples/.claude/agents"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(entry.path(), agents.join(entry.file_name())).unwrap();
    }
    dir
}

fn snapshot(dir: &Path) -> Vec<(String, String, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join(".claude/agents"))
        .unwrap()
        .flatten()
        .map(|e| {
            let p = e.path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn diff_changes_nothing() {
    let dir = copy_examples("diff");
    let before = snapshot(&dir);
    let (code, stdout, stderr) = run_in(&dir, &["check", "--diff", "."]);
    assert_eq!(code, 1, "a file would change");
    assert!(
        stdout.contains("--- a/./.claude/agents/broken.md\n+++ b/./.claude/agents/broken.md\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n-model: sonet\n") && stdout.contains("\n+model: sonnet\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("+---\n"),
        "the unclosed front matter gets its fence: {stdout}"
    );
    assert!(!stdout.contains("code-reviewer.md"), "a clean file has no diff");
    assert!(stderr.contains("would change 3 files"), "{stderr}");
    assert_eq!(snapshot(&dir), before, "--diff wrote to disk");
}

#[test]
fn fix_writes_only_files_with_fixes_and_reports_the_rest() {
    let dir = copy_examples("fix");
    let before = snapshot(&dir);
    let (code, stdout, stderr) = run_in(&dir, &["check", "--fix", "."]);
    assert!(stderr.contains("in 3 files"), "{stderr}");
    // What no fix can decide is still reported: an unbalanced rule and an unknown colour, both
    // warnings (Claude Code drops them and loads the agent), so the run passes.
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let after = snapshot(&dir);
    let clean = |s: &[(String, String, std::time::SystemTime)]| s.iter().find(|f| f.0 == "code-reviewer.md").cloned();
    assert_eq!(
        clean(&before),
        clean(&after),
        "the file without a fix was not touched (content and mtime)"
    );
    let broken = &after.iter().find(|f| f.0 == "broken.md").unwrap().1;
    assert!(
        broken.contains("model: sonnet\n") && broken.contains("permissionMode: acceptEdits"),
        "{broken}"
    );
    // No temporary files are left behind, and a second run has nothing to fix.
    assert_eq!(after.len(), before.len());
    let (_, _, stderr) = run_in(&dir, &["check", "--fix", "."]);
    assert!(!stderr.contains("fixed"), "{stderr}");
}
