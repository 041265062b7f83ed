//! Running Gemini CLI hermetically: a fresh `HOME` and project, a fake API key, telemetry,
//! usage statistics and updates off, the model API faked on 127.0.0.1. One run is one
//! `gemini -p PROMPT`, or one `gemini skills list --all`.

use super::fake_api::{FakeGemini, Part, Request};
use crate::install::Installed;
use crate::util::TempDir;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The model the main session runs on (`-m`): a fixed one, so that no router asks a
/// classifier model first and `model: inherit` resolves the same way on every run.
pub const MAIN_MODEL: &str = "gemini-3.1-pro-preview";

/// How long a run may take before it is killed (a hang is a finding, not a stuck harness).
const TIMEOUT: Duration = Duration::from_secs(180);

/// The user settings of every run: API-key auth (the key is fake, the base URL is the fake
/// API), no telemetry, no usage statistics, no update checks.
const SETTINGS: &str = r#"{
  "security": {"auth": {"selectedType": "gemini-api-key"}},
  "privacy": {"usageStatisticsEnabled": false},
  "telemetry": {"enabled": false},
  "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false}
}
"#;

/// What one run left behind.
pub struct Output {
    /// The generation requests, in arrival order.
    pub requests: Vec<Request>,
    pub stdout: String,
    pub stderr: String,
    /// Exit status; `None` when the run was killed for taking too long.
    pub status: Option<i32>,
}

pub struct Gemini {
    pub installed: Installed,
}

/// A project and a home of one run: files at their places (`~/…` paths go in the home).
pub struct Place {
    pub project: TempDir,
    pub home: TempDir,
}

impl Place {
    /// Writes `files` (relative path, bytes): a path starting with `~/` goes in the home,
    /// every other one in the project. The user settings are written too.
    pub fn new(files: &[(String, Vec<u8>)]) -> Result<Place, String> {
        let project = TempDir::new("gemini-project").map_err(|e| e.to_string())?;
        let home = TempDir::new("gemini-home").map_err(|e| e.to_string())?;
        crate::util::write_file(home.path(), ".gemini/settings.json", SETTINGS.as_bytes())
            .map_err(|e| e.to_string())?;
        for (rel, bytes) in files {
            let (root, rel) = match rel.strip_prefix("~/") {
                Some(r) => (home.path(), r),
                None => (project.path(), rel.as_str()),
            };
            crate::util::write_file(root, rel, bytes).map_err(|e| format!("{rel}: {e}"))?;
        }
        Ok(Place { project, home })
    }

    /// Acknowledges project agents, as a person does when the interactive CLI asks about new
    /// agents: `~/.gemini/acknowledgments/agents.json` maps the project folder to agent names
    /// and the SHA-256 of each file's text. Without it `gemini -p` registers no project agent.
    pub fn acknowledge(&self, agents: &[(String, Vec<u8>)]) -> Result<(), String> {
        let mut names = serde_json::Map::new();
        for (name, bytes) in agents {
            // Gemini CLI hashes the text it read as UTF-8 (invalid bytes become U+FFFD).
            let text = String::from_utf8_lossy(bytes);
            names.insert(name.clone(), sha256_hex(text.as_bytes()).into());
        }
        let mut map = serde_json::Map::new();
        for root in self.roots() {
            map.insert(root.display().to_string(), serde_json::Value::Object(names.clone()));
        }
        let text = serde_json::to_string_pretty(&map).map_err(|e| e.to_string())?;
        crate::util::write_file(self.home.path(), ".gemini/acknowledgments/agents.json", text.as_bytes())
            .map_err(|e| e.to_string())
    }

    /// The project folder as given and as resolved (they differ where `/tmp` is a link).
    fn roots(&self) -> Vec<PathBuf> {
        let mut r = vec![self.project.path().to_path_buf()];
        if let Ok(c) = std::fs::canonicalize(self.project.path())
            && c != r[0]
        {
            r.push(c);
        }
        r
    }

    /// Replaces the machine-specific folders in a text: the project by `.`, the home by `~`,
    /// the install by `<gemini-cli>`.
    pub fn scrub(&self, text: &str, install: &Path) -> String {
        let mut out = text.to_string();
        // The home first: the project's temporary folder lives in it.
        for (dir, by_slash, by) in [
            (install, "<gemini-cli>/", "<gemini-cli>"),
            (self.home.path(), "~/", "~"),
            (self.project.path(), "", "."),
        ] {
            let mut forms = vec![dir.to_path_buf()];
            if let Ok(c) = std::fs::canonicalize(dir) {
                forms.push(c);
            }
            for f in forms {
                let f = f.to_string_lossy();
                out = out.replace(&format!("{f}/"), by_slash).replace(f.as_ref(), by);
            }
        }
        out
    }
}

impl Gemini {
    pub fn install(latest: bool) -> Result<Gemini, String> {
        let (pin, version) = crate::install::version_of("gemini-cli", latest)?;
        let dir = crate::install::npm_install(&pin.package, &version)?;
        let bin = dir.join("node_modules/@google/gemini-cli/bundle/gemini.js");
        let g = Gemini {
            installed: Installed { bin, version },
        };
        let place = Place::new(&[])?;
        let (out, err, _) = g.plain(&place, &["--version"])?;
        if out.trim() != g.installed.version {
            return Err(format!(
                "{} --version printed {:?} (stderr {:?}), not {}",
                g.installed.bin.display(),
                out.trim(),
                err.trim(),
                g.installed.version
            ));
        }
        Ok(g)
    }

    pub fn version(&self) -> &str {
        &self.installed.version
    }

    /// The package folder (`node_modules/@google/gemini-cli`), scrubbed from recordings.
    pub fn package_dir(&self) -> PathBuf {
        self.installed
            .bin
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// The environment of a hermetic run. Only these variables are passed: no credentials,
    /// proxies or settings of the machine reach the tool.
    fn command(&self, place: &Place, base_url: &str) -> Command {
        let mut cmd = Command::new("node");
        cmd.arg(&self.installed.bin)
            .env_clear()
            .current_dir(place.project.path())
            .env("HOME", place.home.path())
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("GOOGLE_GEMINI_BASE_URL", base_url)
            .env("GEMINI_API_KEY", "fake-gemini-key-for-the-local-fake-api")
            // One process: no relaunch with other memory flags.
            .env("GEMINI_CLI_NO_RELAUNCH", "1")
            // The temporary project is trusted, as `--skip-trust` would make it.
            .env("GEMINI_CLI_TRUST_WORKSPACE", "true")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// `gemini -p PROMPT -m MAIN_MODEL --approval-mode yolo` in the place's project, the
    /// model answering with `respond`. YOLO mode: every tool is offered (headless runs leave
    /// out the tools that ask for confirmation otherwise), so that a subagent's tools are what
    /// its file makes of them.
    pub fn run(
        &self,
        place: &Place,
        prompt: &str,
        respond: impl Fn(&Request) -> Vec<Part> + Send + Sync + 'static,
    ) -> Result<Output, String> {
        let api = FakeGemini::start(respond).map_err(|e| format!("fake API: {e}"))?;
        let mut cmd = self.command(place, &api.base_url());
        cmd.arg("-p")
            .arg(prompt)
            .args(["-m", MAIN_MODEL, "--approval-mode", "yolo"]);
        let (stdout, stderr, status) = wait_with_timeout(cmd)?;
        if std::env::var_os("AGENTLS_TRUTH_DEBUG").is_some() {
            eprintln!("--- gemini -p {prompt:?}: exit {status:?}\n{stderr}\n--- stdout\n{stdout}");
        }
        Ok(Output {
            requests: api.generations(),
            stdout,
            stderr,
            status,
        })
    }

    /// `gemini ARGS…` with no model involved (`skills list --all`, `--version`).
    pub fn plain(&self, place: &Place, args: &[&str]) -> Result<(String, String, Option<i32>), String> {
        let mut cmd = self.command(place, "http://127.0.0.1:9");
        cmd.args(args);
        wait_with_timeout(cmd)
    }
}

/// Runs `cmd` to its end or kills it after [`TIMEOUT`]: stdout, stderr, exit status.
fn wait_with_timeout(cmd: Command) -> Result<(String, String, Option<i32>), String> {
    crate::util::run_with_timeout(cmd, "gemini", TIMEOUT)
}

/// SHA-256 (FIPS 180-4) as 64 hex digits: the hash Gemini CLI keys acknowledged agents by.
pub fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_matches_the_standard_vectors() {
        assert_eq!(
            super::sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            super::sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }
}
