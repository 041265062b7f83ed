//! Hostile trees on disk: symlink loops, dangling links, special files, binary files. `check`
//! finishes, reports what it could not read, and never hangs.

use agentls_e2e::run_in;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tree(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("agentls-cli-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join(".claude/agents")).unwrap();
    std::fs::write(
        root.join(".claude/agents/a.md"),
        "---\nname: a\ndescription: d\nmodel: sonet\n---\nBody\n",
    )
    .unwrap();
    root
}

fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_in(dir, &[&["check"], args].concat())
}

#[test]
fn symlink_loops_and_special_files_are_not_followed() {
    let root = tree("links");
    std::os::unix::fs::symlink(&root, root.join(".claude/agents/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.md"), root.join(".claude/agents/dangling.md")).unwrap();
    let fifo = root.join(".claude/agents/pipe.md");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::fs::write(
        root.join(".claude/agents/binary.md"),
        [0xff, 0xfe, 0x00, 0x01, b'-', b'-'],
    )
    .unwrap();
    let (code, stdout, stderr) = check(&root, &["."]);
    // The agent is checked once; the binary file in an agents folder is reported and the run
    // goes on; the loop, the dangling link and the pipe are skipped (a pipe would block a read).
    assert_eq!(stdout.matches("a.md:4:8").count(), 1, "{stdout}");
    assert!(
        stdout.contains("binary.md:1:1: warning[file/not-utf8]: not valid UTF-8 (first bad byte at offset 0"),
        "{stdout}"
    );
    // The agent's unknown model is an error (every run fails); the binary file, read as
    // Claude Code reads it, has no front matter: another error.
    assert!(stderr.contains("checked 2 files: 2 errors, 1 warning"), "{stderr}");
    assert_eq!(code, 1);
}

#[test]
fn a_missing_or_dangling_path_is_a_usage_error() {
    let root = tree("dangling");
    std::os::unix::fs::symlink(root.join("gone.md"), root.join("link.md")).unwrap();
    let (code, _, stderr) = check(&root, &["link.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("link.md: no such file or directory"), "{stderr}");
}

#[test]
fn a_config_that_is_a_device_is_reported_not_read() {
    let root = tree("device");
    std::os::unix::fs::symlink("/dev/zero", root.join("agentls.toml")).unwrap();
    let (code, stdout, stderr) = check(&root, &["."]);
    assert!(
        stdout.contains("agentls.toml:1:1: error[config/invalid]: cannot read: not a regular file"),
        "{stdout}\n{stderr}"
    );
    // The defaults apply.
    assert!(stdout.contains("claude-agent/unknown-model"), "{stdout}");
    assert_eq!(code, 1);
}
