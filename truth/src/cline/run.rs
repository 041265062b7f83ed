//! Running the Cline CLI hermetically: a fresh `HOME` (Cline keeps its state in `~/.cline`), a
//! fresh project, the Anthropic provider pointed at the fake API on 127.0.0.1 with a fake key,
//! telemetry and feature flags off, no update check, and `--data-dir` so that the run stays in
//! its own process (without it the CLI starts a background "hub" daemon that outlives the run).
//!
//! Checked by hand with `strace -f -e trace=connect,sendto` (FINDINGS.md): with this set-up a
//! run connects to the fake API and to nothing else. Without `telemetryOptOut` it sends
//! OpenTelemetry to otel.cline.bot, and without `E2E_TEST=true` it asks data.cline.bot for
//! feature flags (`apps/cli/src/utils/feature-flags.ts`); `CLINE_TELEMETRY_DISABLED`, which
//! Cline's own test helper sets, is read nowhere in 3.0.65.

use crate::fake_api::{Block, FakeApi, Request};
use crate::install::Installed;
use crate::util::TempDir;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one run may take before it is killed (a hang is a finding, not a stuck harness).
const TIMEOUT: Duration = Duration::from_secs(120);

/// The model the fake provider is configured with (a real Anthropic id, so that Cline finds it
/// in its bundled catalog).
pub const MODEL: &str = "claude-sonnet-4-5";

pub struct Cline {
    pub installed: Installed,
}

/// A project and a home for one run. Case paths that start with `~/` go into the home.
pub struct Sandbox {
    root: TempDir,
}

/// What one run left behind.
pub struct Output {
    /// The Messages requests, in arrival order.
    pub requests: Vec<Request>,
    pub stdout: String,
    pub stderr: String,
    /// Exit status; `None` when the run was killed for taking too long.
    pub status: Option<i32>,
}

impl Sandbox {
    /// A project holding `files` (relative path, bytes; `~/…` in the home).
    pub fn new(files: &[(String, Vec<u8>)]) -> Result<Sandbox, String> {
        let root = TempDir::new("cline").map_err(|e| e.to_string())?;
        let sb = Sandbox { root };
        std::fs::create_dir_all(sb.project()).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(sb.data_dir().join("settings")).map_err(|e| e.to_string())?;
        for (rel, bytes) in files {
            let (base, rel) = match rel.strip_prefix("~/") {
                Some(r) => (sb.home(), r),
                None => (sb.project(), rel.as_str()),
            };
            crate::util::write_file(&base, rel, bytes).map_err(|e| format!("{rel}: {e}"))?;
        }
        Ok(sb)
    }

    pub fn project(&self) -> PathBuf {
        self.root.path().join("project")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    fn data_dir(&self) -> PathBuf {
        self.home().join(".cline/data")
    }

    /// Points the Anthropic provider at `base_url` (the fake API) with a fake key, and turns
    /// telemetry and auto-update off. `cline auth --baseurl` refuses a base URL for Anthropic
    /// ("only supported for OpenAI and OpenAI-compatible providers"), but the stored settings
    /// take one (`sdk/packages/llms/src/providers/vendors/anthropic.ts`: `baseURL: config.baseUrl`).
    fn configure(&self, base_url: &str) -> Result<(), String> {
        let settings = self.data_dir().join("settings");
        let providers = serde_json::json!({
            "version": 1,
            "lastUsedProvider": "anthropic",
            "providers": {"anthropic": {
                "settings": {
                    "provider": "anthropic",
                    "apiKey": "sk-ant-fake-key-for-the-local-fake-api",
                    "model": MODEL,
                    "baseUrl": format!("{base_url}/v1"),
                },
                "updatedAt": "2026-01-01T00:00:00.000Z",
                "tokenSource": "manual",
            }},
        });
        let global = serde_json::json!({"telemetryOptOut": true, "autoUpdateEnabled": false});
        for (file, v) in [("providers.json", providers), ("global-settings.json", global)] {
            std::fs::write(settings.join(file), v.to_string()).map_err(|e| format!("{file}: {e}"))?;
        }
        Ok(())
    }

    /// Replaces the machine-specific project and home paths in a text by `.` and `~`
    /// (recordings name no machine paths).
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (dir, short) in [(self.project(), "."), (self.home(), "~")] {
            let mut forms = vec![dir.to_string_lossy().into_owned()];
            if let Ok(c) = std::fs::canonicalize(&dir) {
                forms.push(c.to_string_lossy().into_owned());
            }
            // `PROJECT/x` becomes `x`, `HOME/x` becomes `~/x`.
            let prefix = if short == "." {
                String::new()
            } else {
                format!("{short}/")
            };
            for p in forms {
                out = out.replace(&format!("{p}/"), &prefix).replace(&p, short);
            }
        }
        out
    }
}

impl Cline {
    pub fn install(latest: bool) -> Result<Cline, String> {
        let (pin, version) = crate::install::version_of("cline", latest)?;
        let dir = crate::install::npm_install(&pin.package, &version)?;
        // The npm package's `bin/cline` is a Node launcher; the platform package holds the
        // compiled binary it would start.
        let platform = match (std::env::consts::OS, std::env::consts::ARCH) {
            ("linux", "x86_64") => "linux-x64",
            ("linux", "aarch64") => "linux-arm64",
            ("macos", "x86_64") => "darwin-x64",
            ("macos", "aarch64") => "darwin-arm64",
            (os, arch) => return Err(format!("Cline ships no binary for {os}/{arch}")),
        };
        let bin = dir.join(format!("node_modules/@cline/cli-{platform}/bin/cline"));
        let cline = Cline {
            installed: Installed { bin, version },
        };
        let sb = Sandbox::new(&[])?;
        let (out, _, _) = cline.exec(&sb, &["--version"])?;
        if out.trim() != cline.version() {
            return Err(format!(
                "{} --version printed {:?}, not {}",
                cline.installed.bin.display(),
                out.trim(),
                cline.version()
            ));
        }
        Ok(cline)
    }

    pub fn version(&self) -> &str {
        &self.installed.version
    }

    /// The environment of a hermetic run: only these variables reach the tool.
    fn command(&self, sb: &Sandbox) -> Command {
        let mut cmd = Command::new(&self.installed.bin);
        cmd.env_clear()
            .current_dir(sb.project())
            .env("HOME", sb.home())
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("TERM", "dumb")
            .env("NO_COLOR", "1")
            .env("E2E_TEST", "true")
            .env("CLINE_NO_AUTO_UPDATE", "1")
            .env("NO_UPDATE_NOTIFIER", "1")
            .env("CLINE_DISABLE_CLINE_PASS_NOTICE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // Its own process group, so that a killed run takes its children with it.
            cmd.process_group(0);
        }
        cmd
    }

    /// `cline ARGS…` in the sandbox, no model involved (`--version`, `config rules --json`).
    pub fn exec(&self, sb: &Sandbox, args: &[&str]) -> Result<(String, String, Option<i32>), String> {
        let mut cmd = self.command(sb);
        cmd.args(args);
        wait_with_timeout(cmd)
    }

    /// `cline --json PROMPT` in the sandbox, the model answering with `respond`.
    pub fn run(
        &self,
        sb: &Sandbox,
        prompt: &str,
        respond: impl Fn(&Request) -> Vec<Block> + Send + Sync + 'static,
    ) -> Result<Output, String> {
        let api = FakeApi::start(respond).map_err(|e| format!("fake API: {e}"))?;
        sb.configure(&api.base_url())?;
        let data_dir = sb.data_dir();
        let mut cmd = self.command(sb);
        cmd.arg("--data-dir").arg(&data_dir).args(["--json", prompt]);
        let (stdout, stderr, status) = wait_with_timeout(cmd)?;
        Ok(Output {
            requests: api.messages(),
            stdout,
            stderr,
            status,
        })
    }
}

/// Runs `cmd` to its end or kills its process group after [`TIMEOUT`].
fn wait_with_timeout(mut cmd: Command) -> Result<(String, String, Option<i32>), String> {
    let mut child = cmd.spawn().map_err(|e| format!("cline could not be started: {e}"))?;
    let (mut so, mut se) = (child.stdout.take(), child.stderr.take());
    let t_out = std::thread::spawn(move || read_all(so.as_mut()));
    let t_err = std::thread::spawn(move || read_all(se.as_mut()));
    let start = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(s) => break s.code(),
            None if start.elapsed() > TIMEOUT => {
                kill_group(child.id());
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    Ok((
        t_out.join().unwrap_or_default(),
        t_err.join().unwrap_or_default(),
        status,
    ))
}

/// Ends the process group the run started (its id is the child's pid).
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

fn read_all(r: Option<&mut impl std::io::Read>) -> String {
    let mut buf = Vec::new();
    if let Some(r) = r {
        let _ = r.read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// The project path a case's relative path has inside a sandbox, as Cline writes it.
pub fn abs(sb: &Sandbox, rel: &str) -> String {
    match rel.strip_prefix("~/") {
        Some(r) => sb.home().join(r),
        None => sb.project().join(rel),
    }
    .to_string_lossy()
    .into_owned()
}
