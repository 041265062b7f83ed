//! `truth record|check|show|cases --tool gemini-cli`: the Gemini CLI oracle's commands.

use super::{Gemini, Observation, observes};
use crate::cases::{self, Case};
use crate::recording::{self, Line};
use std::collections::{HashMap, HashSet};

pub const TOOL: &str = "gemini-cli";

/// The Gemini cases selected by `--only` prefixes and `--sample` (every n-th, so that a
/// sample spreads over all groups and stays the same from run to run).
pub fn select(only: &[String], sample: Option<usize>) -> Vec<Case> {
    let mut all: Vec<Case> = cases::all()
        .into_iter()
        .filter(observes)
        .filter(|c| only.is_empty() || only.iter().any(|p| c.id.starts_with(p.as_str())))
        .collect();
    if let Some(n) = sample
        && n > 0
        && all.len() > n
    {
        let step = all.len() as f64 / n as f64;
        all = (0..n).map(|i| all[(i as f64 * step) as usize].clone()).collect();
    }
    all
}

/// The pinned version, or the newest on npm with `latest`.
pub fn version(latest: bool) -> Result<String, String> {
    Ok(crate::install::version_of(TOOL, latest)?.1)
}

/// Asks Gemini CLI about the selected cases and writes the recording. A partial run
/// (`--only`, `--sample`) replaces the lines of the cases it ran; a full run also drops the
/// lines of cases that no longer exist.
pub fn record(only: &[String], sample: Option<usize>, latest: bool) -> Result<(), String> {
    let gemini = Gemini::install(latest)?;
    let cases = select(only, sample);
    let by_id: HashMap<&str, &Case> = cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let start = std::time::Instant::now();
    let observed = gemini.observe(&cases)?;
    let mut lines: Vec<Line<Observation>> = recording::read(TOOL, gemini.version())?;
    let current: HashSet<String> = if only.is_empty() && sample.is_none() {
        by_id.keys().map(|k| k.to_string()).collect()
    } else {
        select(&[], None).into_iter().map(|c| c.id).collect()
    };
    lines.retain(|l| !by_id.contains_key(l.id.as_str()) && current.contains(&l.id));
    lines.extend(observed.into_iter().map(|(id, obs)| Line {
        sha: by_id[id.as_str()].sha(),
        id,
        obs,
    }));
    let path = recording::write(TOOL, gemini.version(), &mut lines)?;
    eprintln!(
        "truth: wrote {} ({} cases) in {:.0?}",
        path.display(),
        lines.len(),
        start.elapsed()
    );
    Ok(())
}

/// Asks Gemini CLI about the selected cases again and compares every observation with the
/// recording: a difference means the recording no longer says what the tool does.
pub fn check(only: &[String], sample: Option<usize>) -> Result<(), String> {
    let gemini = Gemini::install(false)?;
    let cases = select(only, sample);
    let observed = gemini.observe(&cases)?;
    recording::check_live(TOOL, gemini.version(), &cases, &observed)
}

/// A case's file and what the recording says Gemini CLI did with it.
pub fn show(id: &str, version: &str) -> Result<(), String> {
    let case = select(&[], None)
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| format!("no Gemini CLI case {id}"))?;
    println!("# {} ({}, at {})\n{}", case.id, case.format, case.path, case.text());
    for (p, t) in &case.extra {
        println!("# with {p}\n{t}");
    }
    match recording::read::<Observation>(TOOL, version)?
        .into_iter()
        .find(|l| l.id == id)
    {
        Some(l) => println!(
            "# recorded with Gemini CLI {version}{}\n{}",
            if l.sha == case.sha() {
                ""
            } else {
                " (stale: the case changed since)"
            },
            serde_json::to_string_pretty(&l.obs).unwrap_or_default()
        ),
        None => println!("# not recorded with Gemini CLI {version}"),
    }
    Ok(())
}
