//! The judge: runs agentls on every recorded case and checks each finding's claim (its
//! [`Effect`]) against what the tool was recorded doing. A claim is *confirmed* when the
//! recording shows it, *contradicted* when the recording shows otherwise, and *unverifiable*
//! when the oracle cannot see the effect (a colour in a UI). What the tool did that agentls
//! said nothing about is a *miss*.

pub mod claude;
pub mod cline;
pub mod copilot_cli;
pub mod drift;
pub mod gemini;
pub mod opencode;
pub mod peer;
pub mod vscode;
pub mod vscode_drift;

use crate::cases::Case;
use agentls::analysis::diagnostics::{Diagnostic, Effect, diagnostics};
use agentls::document::Document;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Confirmed,
    Contradicted,
    Unverifiable,
}

/// One finding, judged.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub case: String,
    pub code: String,
    pub effect: Effect,
    pub message: String,
    pub outcome: Outcome,
    /// What the recording shows, in a sentence.
    pub why: String,
}

/// Something the tool did that no finding claims.
#[derive(Debug, Clone)]
pub struct Miss {
    pub case: String,
    /// What agentls should have said, as an effect.
    pub effect: Effect,
    pub what: String,
}

/// A case analysed by agentls as an editor or `agentls check` would see it.
pub struct Analysed {
    pub doc: Document,
    pub findings: Vec<Diagnostic>,
}

impl Analysed {
    /// The case's findings whose claims are about `tool` (a `targets` id): those of the
    /// format's own product, and those that name `tool`. A finding about another tool reading
    /// the same file ("Cline does not load this skill") is that tool's judge's to judge.
    pub fn of(case: &Case, tool: &str) -> Analysed {
        let doc = Document::new(&case.text(), Some(PathBuf::from(&case.path)));
        let findings = diagnostics(&doc)
            .into_iter()
            .filter(|d| d.tool.is_none_or(|t| t == tool))
            .collect();
        Analysed { doc, findings }
    }

    /// [`Analysed::of`], with the findings of the cross-file rules too (an unknown agent, a
    /// duplicate name), over the case's project: the file and the files it comes with, as
    /// `agentls check` reports them on that folder.
    pub fn in_project(case: &Case, tool: &str) -> Analysed {
        use agentls::workspace::cross_file;
        use agentls::workspace::index::{FileEntry, Index};
        let mut a = Analysed::of(case, tool);
        let path = PathBuf::from(&case.path);
        let mut index = Index::new(false);
        index.upsert(FileEntry::from_document(&a.doc, path.clone()));
        for (p, text) in &case.extra {
            index.upsert(FileEntry::from_text(text, PathBuf::from(p)));
        }
        a.findings.extend(
            cross_file::check(&index, &path)
                .into_iter()
                .map(|c| c.diagnostic)
                .filter(|d| d.tool.is_none_or(|t| t == tool)),
        );
        a
    }

    /// The text a finding points at.
    pub fn text_at(&self, d: &Diagnostic) -> String {
        self.doc.slice(&d.range)
    }

    pub fn claims(&self, effect: Effect) -> bool {
        self.findings.iter().any(|d| d.effect == effect)
    }
}

/// Everything judged over a set of cases.
#[derive(Debug, Default)]
pub struct Report {
    pub verdicts: Vec<Verdict>,
    pub misses: Vec<Miss>,
    /// Per case: (the tool loaded it, agentls says it loads).
    pub loads: BTreeMap<String, (bool, bool)>,
}

impl Report {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.verdicts.iter().filter(|v| v.outcome == outcome).count()
    }

    /// Files the tool loads that agentls calls broken (false errors), and files it does not
    /// load that agentls lets pass (misses), among the cases whose ids start with `prefix`.
    pub fn load_agreement(&self, prefix: &str) -> LoadAgreement {
        let mut a = LoadAgreement::default();
        for (id, (tool, ours)) in self.loads.iter().filter(|(id, _)| id.starts_with(prefix)) {
            a.cases += 1;
            match (tool, ours) {
                (true, true) => a.both_load += 1,
                (false, false) => a.both_not += 1,
                (true, false) => a.false_errors.push(id.clone()),
                (false, true) => a.missed.push(id.clone()),
            }
        }
        a
    }

    /// The report as text: the figures, then every contradiction and miss.
    pub fn render(&self) -> String {
        let mut out = format!(
            "claims: {} confirmed, {} contradicted, {} unverifiable; misses: {}\n",
            self.count(Outcome::Confirmed),
            self.count(Outcome::Contradicted),
            self.count(Outcome::Unverifiable),
            self.misses.len()
        );
        for v in self.verdicts.iter().filter(|v| v.outcome == Outcome::Contradicted) {
            out.push_str(&format!(
                "contradicted: {} [{} {}] {}\n    agentls: {}\n",
                v.case,
                v.code,
                v.effect.as_str(),
                v.why,
                v.message
            ));
        }
        for m in &self.misses {
            out.push_str(&format!("missed: {} [{}] {}\n", m.case, m.effect.as_str(), m.what));
        }
        out
    }
}

#[derive(Debug, Default)]
pub struct LoadAgreement {
    pub cases: usize,
    pub both_load: usize,
    pub both_not: usize,
    /// The tool loads them; agentls says it does not.
    pub false_errors: Vec<String>,
    /// The tool does not load them; agentls does not say so.
    pub missed: Vec<String>,
}

/// The recorded cases of a tool that still match the current cases, and those that are stale
/// (the case changed or is gone since it was recorded), or not recorded yet.
pub struct Recorded<O> {
    pub current: Vec<(Case, O)>,
    pub stale: Vec<String>,
    pub unrecorded: Vec<String>,
}

/// Pairs the current cases with a recording.
pub fn pair<O: Clone>(
    cases: Vec<Case>,
    lines: &[crate::recording::Line<O>],
    observed: impl Fn(&Case) -> bool,
) -> Recorded<O> {
    let by_id: BTreeMap<&str, &crate::recording::Line<O>> = lines.iter().map(|l| (l.id.as_str(), l)).collect();
    let mut r = Recorded {
        current: Vec::new(),
        stale: Vec::new(),
        unrecorded: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    for c in cases.into_iter().filter(|c| observed(c)) {
        seen.insert(c.id.clone());
        match by_id.get(c.id.as_str()) {
            Some(l) if l.sha == c.sha() => r.current.push((c, l.obs.clone())),
            Some(_) => r.stale.push(c.id.clone()),
            None => r.unrecorded.push(c.id.clone()),
        }
    }
    r.stale.extend(
        lines
            .iter()
            .filter(|l| !seen.contains(&l.id))
            .map(|l| format!("{} (no such case now)", l.id)),
    );
    r
}

/// The formats the Claude Code oracle observes (VS Code's own mutations are for VS Code).
pub fn claude_observes(c: &Case) -> bool {
    matches!(c.format.as_str(), "claude-agent" | "claude-command" | "skill")
        && !c.id.starts_with("mutation/vscode/")
        && !c.id.starts_with("mutation/copilot-cli/")
}

/// Judges every case of the Claude Code recording at `version`.
pub fn claude_report(version: &str) -> Result<(Report, Recorded<crate::claude::Observation>), String> {
    let lines = crate::recording::read::<crate::claude::Observation>("claude-code", version)?;
    let rec = pair(crate::cases::all(), &lines, claude_observes);
    let mut report = Report::default();
    for (case, obs) in &rec.current {
        claude::judge(case, obs, &mut report);
    }
    Ok((report, rec))
}

/// Judges every current case of the VS Code recording of `code_server`.
pub fn vscode_report(code_server: &str) -> Result<(Report, crate::vscode::Paired), String> {
    let rec = crate::vscode::read(code_server)?
        .ok_or_else(|| format!("no recording of code-server {code_server}: run `truth record --tool vscode`"))?;
    let cases = crate::vscode::cases();
    let ws = vscode::workspace(&cases);
    let paired = crate::vscode::pair(cases, &rec);
    let mut report = Report::default();
    for (case, obs) in &paired.current {
        vscode::judge(case, obs, &ws, &mut report);
    }
    Ok((report, paired))
}

/// Confirmed / contradicted / unverifiable claims and misses per format (the code's prefix;
/// shared codes count under the case's format), as a table.
pub fn by_format(report: &Report) -> String {
    let mut rows: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for v in &report.verdicts {
        let prefix = v.code.split('/').next().unwrap_or_default();
        let key = if agentls::formats::by_id(prefix).is_some() {
            prefix.to_string()
        } else {
            format!("{prefix}/ (shared)")
        };
        rows.entry(key).or_default()[v.outcome as usize] += 1;
    }
    for m in &report.misses {
        rows.entry(format!("misses in {}/", m.case.split('/').next().unwrap_or("?")))
            .or_default()[3] += 1;
    }
    let mut out = String::from(
        "| format | confirmed | contradicted | unverifiable | misses |\n| --- | ---: | ---: | ---: | ---: |\n",
    );
    for (k, r) in rows {
        out.push_str(&format!("| {k} | {} | {} | {} | {} |\n", r[0], r[1], r[2], r[3]));
    }
    out
}

/// The formats the OpenCode oracle observes.
pub fn opencode_observes(c: &Case) -> bool {
    matches!(
        c.format.as_str(),
        "opencode-agent" | "opencode-command" | "opencode-skill"
    )
}

/// The formats the Kilo Code oracle observes.
pub fn kilo_observes(c: &Case) -> bool {
    matches!(c.format.as_str(), "kilo-agent" | "kilo-command" | "kilo-skill")
}

/// Judges every case of the OpenCode recording at `version`.
pub fn opencode_report(version: &str) -> Result<(Report, Recorded<crate::opencode::Observation>), String> {
    let lines = crate::recording::read::<crate::opencode::Observation>("opencode", version)?;
    let rec = pair(crate::cases::all(), &lines, opencode_observes);
    let mut report = Report::default();
    for (case, obs) in &rec.current {
        opencode::judge(case, obs, &mut report);
    }
    Ok((report, rec))
}

/// Judges every case of the Kilo Code recording at `version`, as OpenCode's are judged.
pub fn kilo_report(version: &str) -> Result<(Report, Recorded<crate::opencode::Observation>), String> {
    let lines = crate::recording::read::<crate::opencode::Observation>("kilo", version)?;
    let rec = pair(crate::cases::all(), &lines, kilo_observes);
    let mut report = Report::default();
    for (case, obs) in &rec.current {
        opencode::judge_as("kilo", case, obs, &mut report);
    }
    Ok((report, rec))
}

/// Judges every current case of the Cline recording at `version`.
pub fn cline_report(version: &str) -> Result<(cline::Judged, crate::cline::Recorded), String> {
    let rec = crate::cline::recorded(version)?;
    let mut judged = cline::Judged::default();
    for (case, obs) in &rec.current {
        cline::judge(case, obs, &mut judged);
    }
    Ok((judged, rec))
}

/// Judges every current case of the Gemini CLI recording at `version`.
pub fn gemini_report(version: &str) -> Result<(Report, Recorded<crate::gemini::Observation>), String> {
    let lines = crate::recording::read::<crate::gemini::Observation>(crate::gemini::cli::TOOL, version)?;
    let rec = pair(crate::cases::all(), &lines, crate::gemini::observes);
    let mut report = Report::default();
    for (case, obs) in &rec.current {
        gemini::judge(case, obs, &mut report);
    }
    Ok((report, rec))
}

/// Judges every current case of the GitHub Copilot CLI recording at `version`.
pub fn copilot_cli_report(
    version: &str,
) -> Result<(copilot_cli::Judged, Recorded<crate::copilot_cli::Observation>), String> {
    let rec = crate::copilot_cli::recorded(version)?;
    let mut judged = copilot_cli::Judged::default();
    for (case, obs) in &rec.current {
        copilot_cli::judge(case, obs, &mut judged);
    }
    Ok((judged, rec))
}
