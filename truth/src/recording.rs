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

/// Compares what `tool` did just now with its recording at `version`: every observed case
/// (`observed`, by case id, each one of `cases`) whose recording differs, is stale (the case
/// changed since) or is missing is printed; an error when there is any. `truth check` of every
/// oracle ends here.
pub fn check_live<O: Serialize + DeserializeOwned + PartialEq>(
    tool: &str,
    version: &str,
    cases: &[crate::cases::Case],
    observed: &[(String, O)],
) -> Result<(), String> {
    let recorded: std::collections::HashMap<String, Line<O>> = read::<O>(tool, version)?
        .into_iter()
        .map(|l| (l.id.clone(), l))
        .collect();
    let mut differ = 0;
    for (id, obs) in observed {
        let case = cases
            .iter()
            .find(|c| &c.id == id)
            .expect("observed cases are selected cases");
        match recorded.get(id) {
            Some(l) if l.sha != case.sha() => {
                differ += 1;
                println!(
                    "stale: {id}: the case changed since it was recorded; run `truth record --tool {tool} --only {id}`"
                );
            }
            Some(l) if &l.obs != obs => {
                differ += 1;
                println!(
                    "differs: {id}\n  recorded: {}\n  live:     {}",
                    serde_json::to_string(&l.obs).unwrap_or_default(),
                    serde_json::to_string(obs).unwrap_or_default()
                );
            }
            Some(_) => {}
            None => {
                differ += 1;
                println!("unrecorded: {id}");
            }
        }
    }
    eprintln!(
        "truth: checked {} cases live against {tool}@{version}: {differ} differ",
        observed.len()
    );
    if differ > 0 {
        return Err(format!("{differ} observations differ from the recording"));
    }
    Ok(())
}
