//! VS Code as an oracle: the cases it is asked about, its recording, and the Node recorder that
//! makes it (`truth/vscode/record.mjs`, which runs code-server with its built-in Copilot Chat in
//! headless Chromium and reads the markers of VS Code's own prompt-file validator; see
//! `truth/vscode/README.md`).
//!
//! The recording is `truth/recorded/code-server@<version>.json`: one entry per case, with the
//! case's id, the path it had in the recorded workspace, the FNV-1a hash of its bytes, and what
//! VS Code said (the file's language, its markers, and for some cases the hovers that show which
//! key VS Code's parser saw on a line). A case whose bytes or path changed since is stale.

use crate::cases::{self, Case};
use crate::util::{TempDir, fnv64, write_file};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::process::Command;

/// One marker of VS Code's prompt-file validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// `[startLine, startCharacter, endLine, endCharacter]`, 0-based, UTF-16 code units.
    pub range: [u32; 4],
    /// `error`, `warning`, `information` or `hint`.
    pub severity: String,
    pub message: String,
    pub code: Option<String>,
    /// Empty for the prompt-file validator, which sets none.
    #[serde(default)]
    pub source: String,
}

/// VS Code's hover at the first character of a line: the documentation of the attribute its
/// parser read there, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hover {
    pub line: u32,
    pub col: u32,
    pub text: String,
}

/// What VS Code did with one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// `prompt`, `instructions`, `chatagent`, `skill`, or `markdown` for a file VS Code does not
    /// read as a prompt file.
    pub language: String,
    pub markers: Vec<Marker>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hovers: Option<Vec<Hover>>,
}

impl Observation {
    /// The observation without what depends on the other files recorded with it: whether an
    /// agent is unknown, and the "Available agents" list VS Code's hints give, follow from the
    /// workspace's other agents, and a sample run has fewer of them.
    pub fn comparable(&self) -> Observation {
        let mut o = self.clone();
        o.markers.retain(|m| !m.message.starts_with("Unknown agent '"));
        o
    }

    /// VS Code read the file as a prompt file (and validated it).
    pub fn validated(&self) -> bool {
        matches!(
            self.language.as_str(),
            "prompt" | "instructions" | "chatagent" | "skill"
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecordedCase {
    pub id: String,
    /// Where the file was in the recorded workspace.
    pub path: String,
    /// FNV-1a 64 of the file's bytes, 16 hex digits.
    pub fnv1a64: String,
    pub observation: Observation,
}

/// The recording of one VS Code version.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recording {
    pub tool: String,
    pub recorder: String,
    pub code_server: String,
    pub vscode: String,
    pub copilot_chat: Option<String>,
    /// What the recorded VS Code had: its UI, models and language-model tools, the batching.
    pub setup: serde_json::Value,
    pub seconds: serde_json::Value,
    pub cases: Vec<RecordedCase>,
}

/// The pinned code-server version (`truth/tools.toml`).
pub fn pinned() -> String {
    crate::install::pin("code-server").version
}

pub fn path(code_server: &str) -> PathBuf {
    crate::recording::dir().join(format!("code-server@{code_server}.json"))
}

/// Reads the recording of `code_server`; `None` when there is none.
pub fn read(code_server: &str) -> Result<Option<Recording>, String> {
    let p = path(code_server);
    let Ok(text) = std::fs::read_to_string(&p) else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| format!("{}: {e}", p.display()))
}

/// Writes a recording: keys sorted, cases sorted by id, two-space indent (stable diffs).
pub fn write(rec: &mut Recording) -> Result<PathBuf, String> {
    rec.cases.sort_by(|a, b| a.id.cmp(&b.id));
    // Through a `Value`: serde_json's maps keep keys sorted.
    let value = serde_json::to_value(&*rec).map_err(|e| e.to_string())?;
    let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())? + "\n";
    let p = path(&rec.code_server);
    std::fs::create_dir_all(crate::recording::dir()).map_err(|e| e.to_string())?;
    std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(p)
}

/// The formats VS Code reads, as agentls names them.
pub fn copilot_format(format: &str) -> bool {
    matches!(
        format,
        "copilot-agent" | "copilot-chatmode" | "copilot-prompt" | "copilot-instructions"
    )
}

/// The cases VS Code is asked about: its own mutations (Copilot files and skills), and the
/// Copilot files among the fixtures, the rule pages' examples and the corpus.
pub fn observes(c: &Case) -> bool {
    c.id.starts_with("mutation/vscode/") || (copilot_format(&c.format) && !c.id.starts_with("mutation/"))
}

/// Rule pages whose claim is about another tool reading Copilot's files: VS Code is asked
/// about their examples too (the claim says VS Code loads them), and so is that tool's oracle
/// (`copilot_cli`).
pub const OTHER_TOOLS_PAGES: &str = "docs/copilot-agent/skipped-by-tool/";

/// The observed cases, in one workspace: every case keeps its project path unless an earlier
/// one (by id) has it, then its file name gets `-2`, `-3`… (a chat mode's stem stays a valid
/// agent name). The result is the same on every machine, so the judge analyses each case at
/// the path VS Code saw it.
pub fn cases() -> Vec<Case> {
    let mut all: Vec<Case> = cases::all().into_iter().filter(observes).collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    let mut taken: HashSet<String> = HashSet::new();
    for c in &mut all {
        let mut n = 2;
        let original = c.path.clone();
        while !taken.insert(c.path.clone()) {
            c.path = numbered(&original, n);
            n += 1;
        }
    }
    all
}

/// `dir/name.agent.md` → `dir/name-2.agent.md`; `dir/x/SKILL.md` → `dir/x-2/SKILL.md`.
fn numbered(path: &str, n: usize) -> String {
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    if file == "SKILL.md" {
        let (parent, folder) = dir.rsplit_once('/').unwrap_or(("", dir));
        return format!("{parent}/{folder}-{n}/SKILL.md");
    }
    let (stem, ext) = match file.find('.') {
        Some(i) => (&file[..i], &file[i..]),
        None => (file, ""),
    };
    let out = format!("{stem}-{n}{ext}");
    if dir.is_empty() { out } else { format!("{dir}/{out}") }
}

/// A case's content hash as the recording writes it.
pub fn hash(c: &Case) -> String {
    fnv64(&[&c.bytes])
}

/// The current cases paired with the recording: current ones with their observation, and the
/// ids that are stale (changed, moved, or gone) or not recorded yet.
pub struct Paired {
    pub current: Vec<(Case, Observation)>,
    pub stale: Vec<String>,
    pub unrecorded: Vec<String>,
}

pub fn pair(cases: Vec<Case>, rec: &Recording) -> Paired {
    let by_id: BTreeMap<&str, &RecordedCase> = rec.cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Paired {
        current: Vec::new(),
        stale: Vec::new(),
        unrecorded: Vec::new(),
    };
    let mut seen = HashSet::new();
    for c in cases {
        seen.insert(c.id.clone());
        match by_id.get(c.id.as_str()) {
            Some(r) if r.fnv1a64 == hash(&c) && r.path == c.path => out.current.push((c, r.observation.clone())),
            Some(r) if r.path != c.path => out
                .stale
                .push(format!("{} (recorded at {}, now at {})", c.id, r.path, c.path)),
            Some(_) => out.stale.push(format!("{} (its bytes changed)", c.id)),
            None => out.unrecorded.push(c.id.clone()),
        }
    }
    out.stale.extend(
        rec.cases
            .iter()
            .filter(|r| !seen.contains(&r.id))
            .map(|r| format!("{} (no such case now)", r.id)),
    );
    out
}

/// Runs the Node recorder on `cases` (all in one workspace) and returns what VS Code said about
/// each, by id, with the recorder's account of the setup.
pub fn observe(cases: &[Case]) -> Result<(BTreeMap<String, Observation>, serde_json::Value), String> {
    let here = cases::repo_root().join("truth/vscode");
    if !here.join("node_modules/playwright-core").is_dir() {
        eprintln!("truth: npm ci in {}", here.display());
        let ok = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&here)
            .status()
            .map_err(|e| format!("npm: {e}"))?
            .success();
        if !ok {
            return Err("npm ci in truth/vscode failed".into());
        }
    }
    let tmp = TempDir::new("vscode").map_err(|e| e.to_string())?;
    let ws = tmp.path().join("workspace");
    let mut written: HashSet<String> = HashSet::new();
    for c in cases {
        write_file(&ws, &c.path, &c.bytes).map_err(|e| format!("{}: {e}", c.path))?;
        written.insert(c.path.clone());
    }
    // Files a case needs beside it, where no case is.
    for c in cases {
        for (p, t) in &c.extra {
            if written.insert(p.clone()) {
                write_file(&ws, p, t.as_bytes()).map_err(|e| format!("{p}: {e}"))?;
            }
        }
    }
    let list = |sel: &dyn Fn(&Case) -> bool| -> String {
        serde_json::to_string(
            &cases
                .iter()
                .filter(|c| sel(c))
                .map(|c| c.path.as_str())
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default()
    };
    let files = tmp.path().join("files.json");
    let hovers = tmp.path().join("hovers.json");
    let out = tmp.path().join("observed.json");
    std::fs::write(&files, list(&|_| true)).map_err(|e| e.to_string())?;
    std::fs::write(&hovers, list(&|c| cases::vscode_mutations::wants_hovers(&c.id))).map_err(|e| e.to_string())?;
    eprintln!(
        "truth: recording {} cases with code-server (about 40 s per 100)",
        cases.len()
    );
    let status = Command::new("node")
        .arg(here.join("record.mjs"))
        .arg("--workspace")
        .arg(&ws)
        .arg("--files")
        .arg(&files)
        .arg("--out")
        .arg(&out)
        .arg("--hovers-files")
        .arg(&hovers)
        .status()
        .map_err(|e| format!("node: {e}"))?;
    if !status.success() {
        return Err(format!("record.mjs failed ({status})"));
    }
    let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let raw: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let mut by_id = BTreeMap::new();
    for c in cases {
        let o = raw
            .get("files")
            .and_then(|f| f.get(&c.path))
            .ok_or_else(|| format!("no observation of {}", c.path))?;
        let obs: Observation = serde_json::from_value(o.clone()).map_err(|e| format!("{}: {e}", c.path))?;
        by_id.insert(c.id.clone(), obs);
    }
    Ok((by_id, raw))
}

/// Records `selected` and merges them into the recording of the pinned version: a partial run
/// replaces the entries it observed; a full one also drops the entries of cases that are gone.
/// (The workspace of a partial run holds only the selected cases, so markers that depend on the
/// workspace, such as the list of custom agents, can differ from a full run.)
pub fn record(selected: &[Case], full: bool) -> Result<PathBuf, String> {
    let (observed, raw) = observe(selected)?;
    let setup = raw.get("setup").cloned().unwrap_or_default();
    let code_server = setup
        .get("code_server")
        .and_then(|v| v.as_str())
        .ok_or("the recorder did not say which code-server it ran")?
        .to_string();
    if code_server != pinned() {
        return Err(format!(
            "the recorder ran code-server {code_server}, truth/tools.toml pins {}",
            pinned()
        ));
    }
    let mut rec = read(&code_server)?.unwrap_or_else(|| Recording {
        tool: "vscode".into(),
        recorder: "truth/vscode/record.mjs".into(),
        code_server: code_server.clone(),
        vscode: String::new(),
        copilot_chat: None,
        setup: serde_json::Value::Null,
        seconds: serde_json::Value::Null,
        cases: Vec::new(),
    });
    rec.vscode = raw
        .get("vscode")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    rec.copilot_chat = raw.get("copilot_chat").and_then(|v| v.as_str()).map(String::from);
    rec.setup = serde_json::json!({
        "ui": setup.get("ui"),
        "models": setup.get("models"),
        "language_model_tools": setup.get("tools"),
        "batch": setup.get("batch"),
        "quiet_ms": setup.get("quiet_ms"),
        "recheck": setup.get("recheck"),
    });
    rec.seconds = serde_json::json!({
        "observing": setup.get("seconds_observing"),
        "recorder_total": setup.get("seconds_total"),
    });
    let current: HashSet<String> = if full {
        selected.iter().map(|c| c.id.clone()).collect()
    } else {
        cases().into_iter().map(|c| c.id).collect()
    };
    rec.cases
        .retain(|r| !observed.contains_key(&r.id) && current.contains(&r.id));
    for c in selected {
        rec.cases.push(RecordedCase {
            id: c.id.clone(),
            path: c.path.clone(),
            fnv1a64: hash(c),
            observation: observed[&c.id].clone(),
        });
    }
    write(&mut rec)
}

#[cfg(test)]
mod tests {
    #[test]
    fn colliding_paths_get_numbered_names() {
        assert_eq!(
            super::numbered(".github/agents/plan.agent.md", 2),
            ".github/agents/plan-2.agent.md"
        );
        assert_eq!(
            super::numbered(".github/skills/pdf/SKILL.md", 3),
            ".github/skills/pdf-3/SKILL.md"
        );
        let cases = super::cases();
        let mut paths: Vec<&str> = cases.iter().map(|c| c.path.as_str()).collect();
        let n = paths.len();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n);
    }
}
