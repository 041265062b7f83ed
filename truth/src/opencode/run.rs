//! Running OpenCode hermetically: a fresh `HOME` with its own XDG folders, no credentials of
//! the machine, every download and fetch switched off, and for runs that reach a model the
//! `anthropic` provider pointed at the fake API on 127.0.0.1.
//!
//! Two ways in: `opencode serve` (a headless server on 127.0.0.1) answers `GET /agent` with
//! every agent as OpenCode resolved it, or with the configuration error that stops it; and
//! `opencode run --agent NAME` sends one prompt, so the fake API sees what the agent sends.

use crate::fake_api::{FakeApi, Request};
use crate::install::Installed;
use crate::util::TempDir;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct OpenCode {
    pub installed: Installed,
    pub flavour: &'static Flavour,
}

/// OpenCode or one of its forks: the same program under another name, which reads its own
/// folders (`.kilo/`, `~/.config/kilo/`) and its own environment variables (`KILO_…`).
#[derive(Debug)]
pub struct Flavour {
    /// The name `truth/tools.toml` pins it under, and its recording's (`opencode`, `kilo`).
    pub tool: &'static str,
    /// What the environment variables start with (`OPENCODE`, `KILO`).
    pub env: &'static str,
    /// The project folder it reads agents and commands from (`.opencode`, `.kilo`), and its
    /// folder under `~/.config`.
    pub project_dir: &'static str,
    pub config_dir: &'static str,
    /// Switches of this flavour only, on top of the shared ones.
    pub extra_env: &'static [(&'static str, &'static str)],
}

pub static OPENCODE: Flavour = Flavour {
    tool: "opencode",
    env: "OPENCODE",
    project_dir: ".opencode",
    config_dir: "opencode",
    extra_env: &[],
};

/// Kilo Code's CLI (`@kilocode/cli`, a fork of OpenCode). Found by trying (7.7.7, `strace -f -e
/// connect,sendmmsg`): besides OpenCode's switches under its own prefix it sends PostHog
/// telemetry (us.i.posthog.com) unless `KILO_TELEMETRY_LEVEL` says otherwise; with it off, and
/// the switches below, it connects to nothing but 127.0.0.1.
pub static KILO: Flavour = Flavour {
    tool: "kilo",
    env: "KILO",
    project_dir: ".kilo",
    config_dir: "kilo",
    extra_env: &[
        ("KILO_TELEMETRY_LEVEL", "off"),
        ("KILO_DISABLE_SESSION_INGEST", "1"),
        ("KILO_DISABLE_PRESENCE", "1"),
        ("KILO_DISABLE_CODEBASE_INDEXING", "1"),
    ],
};

/// The model of agents that name none.
pub const DEFAULT_MODEL: &str = "anthropic/claude-sonnet-4-5";

/// How long a start or a run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(120);

/// A fresh home: `HOME` and the XDG folders OpenCode reads its global configuration, data and
/// cache from (`~/.config/opencode/agent/` is where global agents live).
pub struct Home(TempDir);

impl Home {
    pub fn new() -> Result<Home, String> {
        let dir = TempDir::new("opencode-home").map_err(|e| e.to_string())?;
        for sub in [".config", ".local/share", ".local/state", ".cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).map_err(|e| e.to_string())?;
        }
        Ok(Home(dir))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

/// The npm registry OpenCode's background installs use: nothing listens there.
const NOWHERE_REGISTRY: &str = "http://127.0.0.1:9/";

/// The provider base URL of commands that must reach no model (`serve`, `--version`): a port
/// on 127.0.0.1 that nothing listens on, so nothing leaves the machine even by mistake.
const NOWHERE: &str = "http://127.0.0.1:9/v1";

impl OpenCode {
    pub fn install(latest: bool) -> Result<OpenCode, String> {
        Self::install_flavour(&OPENCODE, latest)
    }

    /// Installs the pinned release of `flavour` and checks that it runs.
    pub fn install_flavour(flavour: &'static Flavour, latest: bool) -> Result<OpenCode, String> {
        let installed = match flavour.tool {
            "kilo" => crate::install::kilo(latest)?,
            _ => crate::install::opencode(latest)?,
        };
        let oc = OpenCode { installed, flavour };
        let home = Home::new()?;
        let mut cmd = oc.command(home.path(), home.path(), NOWHERE);
        cmd.arg("--version");
        crate::install::check_printed_version(cmd, flavour.tool, &oc.installed.version)?;
        Ok(oc)
    }

    pub fn version(&self) -> &str {
        &self.installed.version
    }

    /// The environment of a hermetic run; only these variables reach the tool. Found by trying
    /// (OpenCode 1.18.33, `strace -f -e connect` over `serve` and `run`): with the switches
    /// below it connects to nothing but 127.0.0.1; without them it looks up hosts at start-up
    /// (the models.dev catalogue, updates, default plugins) and `run` fetches from
    /// registry.npmjs.org.
    fn command(&self, home: &Path, project: &Path, base_url: &str) -> Command {
        let mut cmd = Command::new(&self.installed.bin);
        // The provider the runs use: the real `anthropic` provider of OpenCode's bundled model
        // catalogue, with its base URL on the fake API; the key is a dummy that only the fake
        // API sees. A project `opencode.json` would be a file in the project; the variable
        // keeps the project to the cases' files.
        // Only that provider is enabled: a case naming another one (`opencode/…`, whose free
        // models are served from the internet) cannot reach anything. The default and the
        // small (title) model are set, so a run does not depend on the catalogue's order.
        let config = serde_json::json!({
            "provider": {"anthropic": {"options": {"baseURL": base_url}}},
            "enabled_providers": ["anthropic"],
            "model": DEFAULT_MODEL,
            "small_model": "anthropic/claude-haiku-4-5",
        });
        cmd.env_clear()
            .current_dir(project)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("ANTHROPIC_API_KEY", "sk-ant-fake-key-for-the-local-fake-api")
            .env(self.var("CONFIG_CONTENT"), config.to_string())
            // No catalogue download from models.dev: the catalogue bundled in the binary is used.
            .env(self.var("DISABLE_MODELS_FETCH"), "1")
            .env(self.var("DISABLE_AUTOUPDATE"), "1")
            .env(self.var("DISABLE_SHARE"), "1")
            // Default plugins are installed from npm on first use.
            .env(self.var("DISABLE_DEFAULT_PLUGINS"), "1")
            .env(self.var("DISABLE_LSP_DOWNLOAD"), "1")
            // No `~/.claude` compatibility (CLAUDE.md, Claude skills): the cases are OpenCode files.
            .env(self.var("DISABLE_CLAUDE_CODE"), "1")
            // For every config folder (`.opencode/`, `~/.config/opencode/`) OpenCode installs
            // `@opencode-ai/plugin` from npm in the background (its npm config decides the
            // registry): pointed at a closed port on 127.0.0.1, the install fails at once and
            // nothing reaches the internet. No switch turns it off in 1.18.33.
            .env("npm_config_registry", NOWHERE_REGISTRY)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.envs(self.flavour.extra_env.iter().copied());
        cmd
    }

    /// The flavour's name of a shared environment variable (`OPENCODE_DISABLE_SHARE`).
    fn var(&self, name: &str) -> String {
        format!("{}_{name}", self.flavour.env)
    }

    /// Starts `opencode serve` in `project`, with `home` as its home, and waits until it
    /// listens.
    pub fn serve(&self, project: &Path, home: Home) -> Result<Server, String> {
        let mut cmd = self.command(home.path(), project, NOWHERE);
        cmd.args(["serve", "--hostname", "127.0.0.1", "--port", "0"]);
        let mut child = cmd.spawn().map_err(|e| format!("opencode could not be started: {e}"))?;
        let stdout = child.stdout.take().expect("piped");
        let stderr = child.stderr.take().expect("piped");
        let (tx, rx) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let err = std::thread::spawn(move || read_all(stderr));
        let start = Instant::now();
        let addr = loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                // `opencode server listening on http://127.0.0.1:4096`
                Ok(line) => {
                    if let Some(url) = line.split("listening on http://").nth(1) {
                        break url.trim().to_string();
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) if start.elapsed() < TIMEOUT => {}
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "opencode serve did not start: {}",
                        err.join().unwrap_or_default().trim()
                    ));
                }
            }
        };
        Ok(Server {
            child,
            addr,
            home,
            project: project.to_path_buf(),
        })
    }

    /// `opencode run --agent AGENT PROMPT` in `project`, the model answering `ok`.
    pub fn run(&self, project: &Path, home: Home, agent: &str, prompt: &str) -> Result<RunOutput, String> {
        let api = FakeApi::start(|_| vec![]).map_err(|e| format!("fake API: {e}"))?;
        let mut cmd = self.command(home.path(), project, &format!("{}/v1", api.base_url()));
        // Errors (a model that does not exist) are logged, not printed: `--print-logs` puts
        // them on stderr.
        cmd.args(["run", "--print-logs", "--log-level", "ERROR", "--agent", agent, prompt]);
        self.finish_run(cmd, api, project, home)
    }

    /// `opencode run --command NAME ARGS…` in `project`: the command expanded with the
    /// arguments, sent as the prompt, the model answering `ok`.
    pub fn run_command(&self, project: &Path, home: Home, name: &str, args: &[&str]) -> Result<RunOutput, String> {
        let api = FakeApi::start(|_| vec![]).map_err(|e| format!("fake API: {e}"))?;
        let mut cmd = self.command(home.path(), project, &format!("{}/v1", api.base_url()));
        cmd.args(["run", "--print-logs", "--log-level", "ERROR", "--command", name]);
        cmd.args(args);
        self.finish_run(cmd, api, project, home)
    }

    fn finish_run(&self, cmd: Command, api: FakeApi, project: &Path, home: Home) -> Result<RunOutput, String> {
        let (stdout, stderr, status) = crate::util::run_with_timeout(cmd, self.flavour.tool, TIMEOUT)?;
        Ok(RunOutput {
            requests: api.messages(),
            stdout: scrub(&stdout, project, home.path()),
            stderr: scrub(&stderr, project, home.path()),
            status,
        })
    }
}

impl OpenCode {
    /// `opencode models PROVIDER`: the models of OpenCode's own catalogue for a provider, one
    /// `provider/model` a line.
    pub fn models(&self, provider: &str) -> Result<Vec<String>, String> {
        let home = Home::new()?;
        let project = TempDir::new("opencode-models").map_err(|e| e.to_string())?;
        let mut cmd = self.command(home.path(), project.path(), NOWHERE);
        cmd.args(["models", provider]);
        let (stdout, stderr, status) = crate::util::run_with_timeout(cmd, self.flavour.tool, TIMEOUT)?;
        if status != Some(0) {
            return Err(format!(
                "opencode models {provider} failed (exit {status:?}): {}",
                stderr.trim()
            ));
        }
        Ok(stdout
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect())
    }
}

/// What one `opencode run` left behind.
pub struct RunOutput {
    pub requests: Vec<Request>,
    pub stdout: String,
    pub stderr: String,
    pub status: Option<i32>,
}

/// A running `opencode serve`; stopped when dropped.
pub struct Server {
    child: Child,
    addr: String,
    home: Home,
    project: std::path::PathBuf,
}

impl Server {
    /// `GET path`: the status and the JSON body (`Null` when the body is not JSON).
    pub fn get(&self, path: &str) -> Result<(u16, serde_json::Value), String> {
        let (status, body) = http_get(&self.addr, path)?;
        let body = scrub(&body, &self.project, self.home.path());
        Ok((status, serde_json::from_str(&body).unwrap_or(serde_json::Value::Null)))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Our own child, by its id.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET on 127.0.0.1: status and body. The server keeps the connection open
/// whatever the request says, so the body ends where its `Content-Length` or last chunk says.
fn http_get(addr: &str, path: &str) -> Result<(u16, String), String> {
    let conn = TcpStream::connect(addr).map_err(|e| format!("{addr}: {e}"))?;
    conn.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    let mut w = conn.try_clone().map_err(|e| e.to_string())?;
    write!(
        w,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut r = BufReader::new(conn);
    let mut status_line = String::new();
    r.read_line(&mut status_line).map_err(|e| e.to_string())?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no HTTP status in {status_line:?}"))?;
    let (mut length, mut chunked) = (None, false);
    loop {
        let mut line = String::new();
        r.read_line(&mut line).map_err(|e| e.to_string())?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).map_err(|e| e.to_string())?;
            let n = usize::from_str_radix(size.trim(), 16).map_err(|_| format!("bad chunk size {size:?}"))?;
            if n == 0 {
                break;
            }
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk).map_err(|e| e.to_string())?;
            body.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        r.read_exact(&mut body).map_err(|e| e.to_string())?;
    } else {
        r.read_to_end(&mut body).map_err(|e| e.to_string())?;
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

fn read_all(mut r: impl Read) -> String {
    let mut buf = Vec::new();
    let _ = r.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Replaces the machine's paths in a text: the project by `.`, the home by `~` (recordings
/// name no machine paths).
pub fn scrub(text: &str, project: &Path, home: &Path) -> String {
    let mut out = text.to_string();
    for (dir, by) in [(project, "."), (home, "~")] {
        let mut forms = vec![dir.to_string_lossy().into_owned()];
        if let Ok(c) = std::fs::canonicalize(dir) {
            forms.push(c.to_string_lossy().into_owned());
        }
        for p in forms {
            out = out.replace(&format!("{p}/"), &format!("{by}/")).replace(&p, by);
        }
    }
    out
}
