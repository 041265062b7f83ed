//! Observations as data: `truth/recorded/<tool>@<version>.jsonl`, one line per case, sorted
//! by case id, so that a re-recording shows as a reviewable diff. Each line names the case,
//! the hash of the content it was made from (a changed case makes its line stale) and what the
//! tool did. No machine paths: project paths are written relative to the project.

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::path::PathBuf;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line<O> {
    pub id: String,
    pub sha: String,
    pub obs: O,
}

/// The folder of the recordings.
pub fn dir() -> PathBuf {
    crate::cases::repo_root().join("truth/recorded")
}

/// The recording of `tool` at `version`.
pub fn path(tool: &str, version: &str) -> PathBuf {
    dir().join(format!("{tool}@{version}.jsonl"))
}

/// Reads a recording; a missing file is an empty one.
pub fn read<O: DeserializeOwned>(tool: &str, version: &str) -> Result<Vec<Line<O>>, String> {
    let p = path(tool, version);
    let Ok(text) = std::fs::read_to_string(&p) else {
        return Ok(Vec::new());
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", p.display(), n + 1)))
        .collect()
}

/// Writes a recording, sorted by case id.
pub fn write<O: Serialize>(tool: &str, version: &str, lines: &mut [Line<O>]) -> Result<PathBuf, String> {
    lines.sort_by(|a, b| a.id.cmp(&b.id));
    let mut text = String::new();
    for l in lines.iter() {
        text.push_str(&serde_json::to_string(l).map_err(|e| e.to_string())?);
        text.push('\n');
    }
    let p = path(tool, version);
    std::fs::create_dir_all(dir()).map_err(|e| e.to_string())?;
    std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(p)
}
