//! Judging agentls against what the GitHub Copilot CLI (1.0.102) was recorded doing with custom
//! agents and skills: whether it loaded the file (the agents it offers, the skills it lists),
//! and why not (its log, its "failed to load" lines).
//!
//! The claims judged are those about the Copilot CLI (`tool: copilot-cli`). A file's VS Code
//! claims are VS Code's judge's; here they count only for the loads: a file the CLI loads that
//! agentls calls unloadable without naming who does not load it is a false error, and a file it
//! skips that agentls says nothing about is a miss. Files agentls reads as another format (a
//! Claude Code agent in `.claude/agents/`, which the CLI loads too) are left out and listed.

use super::{Analysed, Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::copilot_cli::{Observation, TOOL};
use agentls::analysis::diagnostics::{Effect, detect};

/// The report, with the cases left out of it and why.
#[derive(Debug, Default)]
pub struct Judged {
    pub report: Report,
    /// Cases agentls reads as another format, or not at all: (case, what it is).
    pub other_format: Vec<(String, String)>,
    /// Files in a folder the CLI does not read (by agentls's table of its folders), which it
    /// was recorded not loading: agentls says nothing about them unless `targets` asks.
    pub elsewhere: Vec<String>,
}

impl Judged {
    pub fn render(&self) -> String {
        self.report.render() + &self.render_left_out()
    }

    pub fn render_left_out(&self) -> String {
        let mut out = format!(
            "not judged: {} files of other formats, {} outside the folders the Copilot CLI reads\n",
            self.other_format.len(),
            self.elsewhere.len()
        );
        for (case, what) in &self.other_format {
            out.push_str(&format!("    other format: {case} ({what})\n"));
        }
        for case in &self.elsewhere {
            out.push_str(&format!("    not read there: {case}\n"));
        }
        out
    }
}

/// Whether the Copilot CLI loaded the case's file.
pub fn loaded(case: &Case, obs: &Observation) -> bool {
    if case.format == "skill" {
        obs.skill().is_some()
    } else {
        obs.agent().is_some()
    }
}

fn why_not(obs: &Observation) -> String {
    obs.log
        .first()
        .or(obs.skill_errors.first())
        .cloned()
        .unwrap_or_else(|| "not listed, no message".into())
}

pub fn judge(case: &Case, obs: &Observation, out: &mut Judged) {
    let a = Analysed::of(case, TOOL);
    let format = detect(&a.doc).map(|d| d.format.id);
    let want = if case.format == "skill" {
        "skill"
    } else {
        "copilot-agent"
    };
    if format != Some(want) {
        out.other_format.push((
            case.id.clone(),
            format.map_or("not an agent spec file to agentls".into(), |f| {
                format!("agentls reads it as `{f}`")
            }),
        ));
        return;
    }
    let tool_loaded = loaded(case, obs);
    let path = std::path::Path::new(&case.path);
    let read_there = if case.format == "skill" {
        agentls::formats::skills_by_tool::COPILOT_CLI.scans(path)
    } else {
        agentls::formats::copilot::cli::AGENTS.reads(path)
    };
    if !read_there && !tool_loaded {
        out.elsewhere.push(case.id.clone());
        return;
    }
    // A not-loaded claim that names no tool but VS Code's product, or names this one.
    let says_not_loaded = a.findings.iter().any(|d| d.effect == Effect::NotLoaded);
    let report = &mut out.report;
    report.loads.insert(case.id.clone(), (tool_loaded, !says_not_loaded));
    for d in a.findings.iter().filter(|d| d.tool == Some(TOOL)) {
        let (outcome, why) = match (d.effect, tool_loaded) {
            (Effect::NotLoaded, false) => (Outcome::Confirmed, why_not(obs)),
            (Effect::NotLoaded, true) => (
                Outcome::Contradicted,
                format!("the Copilot CLI loads it: {}", crate::copilot_cli::verdict(case, obs)),
            ),
            (_, false) => (Outcome::Unverifiable, "the Copilot CLI does not load the file".into()),
            (Effect::Portability | Effect::Style, true) => (Outcome::Confirmed, "the Copilot CLI loads it".into()),
            _ => (Outcome::Unverifiable, "the oracle does not observe this part".into()),
        };
        report.verdicts.push(Verdict {
            case: case.id.clone(),
            code: d.code.clone(),
            effect: d.effect,
            message: d.message.clone(),
            outcome,
            why,
        });
    }
    if !tool_loaded && !says_not_loaded {
        report.misses.push(Miss {
            case: case.id.clone(),
            effect: Effect::NotLoaded,
            what: format!("the Copilot CLI does not load it: {}", why_not(obs)),
        });
    }
}
