//! Running Claude Code hermetically: a fresh `HOME` and project, no credentials, telemetry and
//! updates off, the model API faked on 127.0.0.1. One run is one `claude -p PROMPT`.

use crate::fake_api::{Block, FakeApi, Request};
use crate::install::Installed;
use crate::util::TempDir;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// What one run left behind.
pub struct Output {
    /// The Messages requests, in arrival order.
    pub requests: Vec<Request>,
    /// The `--debug-file` log.
    pub debug: String,
    pub stdout: String,
    pub stderr: String,
    /// Exit status; `None` when the run was killed for taking too long.
    pub status: Option<i32>,
}

pub struct Claude {
    pub installed: Installed,
    /// Folders put before the system's on the `PATH` of a run (a language server a plugin
    /// starts by name).
    pub path_prefix: Vec<std::path::PathBuf>,
}

/// How long a run may take before it is killed (a hang is a finding, not a stuck harness).
const TIMEOUT: Duration = Duration::from_secs(180);

impl Claude {
    pub fn install(latest: bool) -> Result<Claude, String> {
        Ok(Claude {
            installed: crate::install::claude_code(latest)?,
            path_prefix: Vec::new(),
        })
    }

    pub fn version(&self) -> &str {
        &self.installed.version
    }

    /// The environment of a hermetic run. Only these variables are passed: no credentials,
    /// proxies or settings of the machine reach the tool.
    fn command(&self, home: &Path, project: &Path, base_url: &str) -> Command {
        let mut cmd = Command::new(&self.installed.bin);
        let mut path: Vec<String> = self.path_prefix.iter().map(|p| p.display().to_string()).collect();
        path.push("/usr/local/bin:/usr/bin:/bin".into());
        cmd.env_clear()
            .current_dir(project)
            .env("HOME", home)
            .env("PATH", path.join(":"))
            .env("LANG", "C.UTF-8")
            .env("ANTHROPIC_BASE_URL", base_url)
            .env("ANTHROPIC_API_KEY", "sk-ant-fake-key-for-the-local-fake-api")
            .env("DISABLE_TELEMETRY", "1")
            .env("DISABLE_ERROR_REPORTING", "1")
            .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
            .env("DISABLE_AUTOUPDATER", "1")
            .env("IS_SANDBOX", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// `claude -p PROMPT EXTRA…` in `project`, the model answering with `respond`.
    pub fn run(
        &self,
        project: &Path,
        prompt: &str,
        extra: &[&str],
        respond: impl Fn(&Request) -> Vec<Block> + Send + Sync + 'static,
    ) -> Result<Output, String> {
        let api = FakeApi::start(respond).map_err(|e| format!("fake API: {e}"))?;
        let home = TempDir::new("home").map_err(|e| e.to_string())?;
        let debug_file = home.path().join("debug.log");
        let mut cmd = self.command(home.path(), project, &api.base_url());
        cmd.arg("-p")
            .arg(prompt)
            .args(["--permission-mode", "bypassPermissions", "--debug-file"])
            .arg(&debug_file)
            .args(extra);
        let out = wait_with_timeout(cmd)?;
        Ok(Output {
            requests: api.messages(),
            debug: std::fs::read_to_string(&debug_file).unwrap_or_default(),
            stdout: out.0,
            stderr: out.1,
            status: out.2,
        })
    }

    /// `claude ARGS…` with no model involved (`plugin validate`), in `dir`.
    pub fn plain(&self, dir: &Path, args: &[&str]) -> Result<(String, String, Option<i32>), String> {
        let home = TempDir::new("home").map_err(|e| e.to_string())?;
        let mut cmd = self.command(home.path(), dir, "http://127.0.0.1:9");
        cmd.args(args);
        wait_with_timeout(cmd)
    }
}

/// Runs `cmd` to its end or kills it after [`TIMEOUT`]: stdout, stderr, exit status.
fn wait_with_timeout(cmd: Command) -> Result<(String, String, Option<i32>), String> {
    crate::util::run_with_timeout(cmd, "claude", TIMEOUT)
}

/// A fresh project folder holding `files` (relative path, bytes).
pub fn project(files: &[(String, Vec<u8>)]) -> Result<TempDir, String> {
    let dir = TempDir::new("project").map_err(|e| e.to_string())?;
    for (rel, bytes) in files {
        crate::util::write_file(dir.path(), rel, bytes).map_err(|e| format!("{rel}: {e}"))?;
    }
    Ok(dir)
}

/// Replaces the machine-specific project path in a text by `.` (recordings name no machine
/// paths).
pub fn scrub(text: &str, project: &Path) -> String {
    let p = project.to_string_lossy();
    let mut out = text.replace(&format!("{p}/"), "");
    out = out.replace(p.as_ref(), ".");
    // macOS and some Linux set-ups resolve /tmp through a link.
    if let Ok(canon) = std::fs::canonicalize(project) {
        let c = canon.to_string_lossy();
        out = out.replace(&format!("{c}/"), "").replace(c.as_ref(), ".");
    }
    out
}
