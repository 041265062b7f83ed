//! Shared helpers for the end-to-end tests: they drive the real `agentls` binary, as an editor
//! or a CI job would.

pub mod lsp_client;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Path to the `agentls` binary, built once per test run with the same profile as the tests
/// (`cargo test` does not build other packages' binaries for us).
pub fn agentls_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let release = !cfg!(debug_assertions);
        let mut cmd = Command::new(cargo);
        cmd.current_dir(repo_root())
            .args(["build", "--quiet", "-p", "agentls", "--bin", "agentls"]);
        if release {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("cargo runs");
        assert!(status.success(), "building agentls failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target"));
        target.join(if release { "release" } else { "debug" }).join("agentls")
    })
    .clone()
}

/// `../shared` beside the repository (the corpus and the spec), if present.
pub fn shared_dir() -> Option<PathBuf> {
    let p = repo_root().parent()?.join("shared");
    p.is_dir().then_some(p)
}
