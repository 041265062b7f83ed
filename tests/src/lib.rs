//! Shared helpers for the end-to-end tests: they drive the real `agentls` binary, as an editor
//! or a CI job would.

pub mod lsp_client;

use std::path::{Path, PathBuf};
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

/// Runs `agentls ARGS` in `dir`: exit code, stdout, stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(agentls_bin())
        .current_dir(dir)
        .args(args)
        .output()
        .expect("agentls runs");
    (
        out.status.code().expect("agentls exited normally, not by a signal"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// `../shared` beside the repository (the corpus and the spec), if present.
pub fn shared_dir() -> Option<PathBuf> {
    let p = repo_root().parent()?.join("shared");
    p.is_dir().then_some(p)
}

/// A fresh project folder under the system temp dir, holding the given files; removed when
/// dropped. `name` keeps concurrent tests apart.
pub struct Project(pub PathBuf);

impl Project {
    pub fn new(name: &str, files: &[(&str, &str)]) -> Self {
        let dir = std::env::temp_dir().join(format!("agentls-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temp folder");
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().expect("a file in a folder")).expect("the file's folder");
            std::fs::write(p, text).expect("the file");
        }
        Project(dir)
    }

    /// The `file://` URI of a file of the project.
    pub fn uri(&self, path: &str) -> String {
        format!("file://{}", self.0.join(path).display())
    }

    pub fn path(&self, path: &str) -> PathBuf {
        self.0.join(path)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
