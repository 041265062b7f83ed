//! Judging agentls's findings on Cline rules, workflows and skills against what the Cline CLI
//! (3.0.65) was recorded doing with them: whether `cline config rules|workflows|skills` lists
//! the file, the rule's section in the system prompt, and what `/name` and the `skills` tool
//! give the model.
//!
//! Two kinds of case are not judged one by one, and are counted apart so that they stay
//! visible: files of another tool's format (`.cursorrules`, `.windsurf/workflows/`, Claude's
//! skills: what Cline does with those is a portability question, not this format's), and
//! collisions with a file in the home folder (`~/.cline/rules/`), which no workspace holds.
//! A collision inside the project is judged with both files in the workspace.

use super::{Analysed, Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::cline::Observation;
use agentls::analysis::diagnostics::{Diagnostic, Effect, detect};

/// The report, with the cases left out of it and why.
#[derive(Debug, Default)]
pub struct Judged {
    pub report: Report,
    /// Cases whose file agentls reads as another format, or not at all: (case, what it is).
    pub not_cline: Vec<(String, String)>,
    /// Cases where Cline kept a same-named file of the home folder instead: outside any
    /// workspace, so agentls cannot know of it.
    pub cross_file: Vec<String>,
}

impl Judged {
    /// The report as text, then the cases left out.
    pub fn render(&self) -> String {
        self.report.render() + &self.render_left_out()
    }

    /// The cases left out of the report, counted and listed.
    pub fn render_left_out(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "not judged: {} files of other formats, {} collisions with a file in the home folder\n",
            self.not_cline.len(),
            self.cross_file.len()
        ));
        for (case, what) in &self.not_cline {
            out.push_str(&format!("    other format: {case} ({what})\n"));
        }
        for case in &self.cross_file {
            out.push_str(&format!("    kept instead: a file in the home folder: {case}\n"));
        }
        out
    }
}

/// The case turns the file off itself (`disabled: true`, `enabled: false`): Cline not loading
/// it is what was asked for.
fn turned_off(case: &Case) -> bool {
    case.text()
        .lines()
        .any(|l| matches!(l.trim_end(), "disabled: true" | "enabled: false"))
}

/// The text Cline uses for the file: its section of the system prompt (rules), or the listed
/// instructions.
fn used_text(obs: &Observation) -> Option<&str> {
    obs.prompt
        .first()
        .map(|s| s.text.as_str())
        .or(obs.listed.as_ref().map(|l| l.body.as_str()))
}

/// Cline took the front matter as part of the text.
fn front_matter_as_text(obs: &Observation) -> bool {
    used_text(obs).is_some_and(|t| t.trim_start().starts_with("---"))
}

/// The case as agentls sees it in a workspace of the case's project files (a collision's other
/// file included; those in the home folder are outside any workspace).
fn analysed(case: &Case) -> Analysed {
    let mut a = Analysed::of(case, "cline");
    let project: Vec<(std::path::PathBuf, String)> = std::iter::once((case.path.clone(), case.text()))
        .chain(case.extra.iter().cloned())
        .filter(|(p, _)| !p.starts_with("~/"))
        .map(|(p, t)| (std::path::PathBuf::from(p), t))
        .collect();
    if project.len() > 1 {
        let index = agentls::workspace::index::Index::from_files(project.iter().map(|(p, t)| (p.clone(), t.as_str())));
        a.findings.extend(
            agentls::workspace::cross_file::check(&index, std::path::Path::new(&case.path))
                .into_iter()
                .map(|d| d.diagnostic),
        );
    }
    a
}

pub fn judge(case: &Case, obs: &Observation, out: &mut Judged) {
    let a = analysed(case);
    let format = detect(&a.doc).map(|d| d.format.id);
    if !format.is_some_and(|f| f.starts_with("cline-")) {
        out.not_cline.push((
            case.id.clone(),
            format.map_or("not an agent spec file to agentls".into(), |f| {
                format!("agentls reads it as `{f}`")
            }),
        ));
        return;
    }
    // Kept instead of it: a file in the home folder, which no workspace holds.
    if obs.listed.is_none() && !obs.extra_listed.is_empty() && obs.extra_listed.iter().all(|l| l.path.starts_with("~/"))
    {
        out.cross_file.push(case.id.clone());
        return;
    }
    let report = &mut out.report;
    let tool_loaded = obs.listed.is_some();
    let ours_loaded = !a.claims(Effect::NotLoaded);
    let off = turned_off(case);
    if !off {
        report.loads.insert(case.id.clone(), (tool_loaded, ours_loaded));
    }
    for d in &a.findings {
        let (outcome, why) = match d.effect {
            Effect::NotLoaded if tool_loaded => (Outcome::Contradicted, format!("Cline loads it: {}", listed(obs))),
            Effect::NotLoaded => (Outcome::Confirmed, "Cline lists nothing from it".into()),
            _ if !tool_loaded => (Outcome::Unverifiable, "Cline does not load the file".into()),
            Effect::Ignored | Effect::ReadDifferently => judge_loaded(&a, d, obs),
            _ => (
                Outcome::Unverifiable,
                "not a claim about what Cline does with the file".into(),
            ),
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
    misses(case, &a, obs, off, report);
}

fn listed(obs: &Observation) -> String {
    match &obs.listed {
        Some(l) => format!("listed as `{}` from {}", l.name, l.path),
        None => "not listed".into(),
    }
}

/// Claims about a part of a file Cline loads.
fn judge_loaded(a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let text = a.text_at(d);
    let short = d.code.rsplit('/').next().unwrap_or_default();
    let used = used_text(obs).unwrap_or_default();
    let confirmed = |why: String| (Outcome::Confirmed, why);
    let contradicted = |why: String| (Outcome::Contradicted, why);
    match (d.code.as_str(), short) {
        // A scope Cline does not read: the rule applies while the task is elsewhere too.
        ("cline-rule/ignored-key", _) if matches!(text.as_str(), "paths" | "globs" | "alwaysApply") => match obs
            .after_read
        {
            Some(true) if !obs.prompt.is_empty() => confirmed(
                "the rule is in the system prompt before and after the model reads a file outside its `paths`".into(),
            ),
            other => contradicted(format!("the rule is not in every request (after reading: {other:?})")),
        },
        ("cline-workflow/ignored-key", _) if text == "description" => {
            match obs.listed.as_ref().and_then(|l| l.description.as_deref()) {
                None => confirmed("the workflow is listed with no description".into()),
                Some(desc) => contradicted(format!("listed with the description `{desc}`")),
            }
        }
        (_, "ignored-key") => (
            Outcome::Unverifiable,
            format!("the oracle does not see what `{text}` would change (tool approval, the model used)"),
        ),
        (_, "unknown-key") => {
            if used.contains(&format!("{text}:")) {
                contradicted(format!("`{text}` is in the text Cline uses: {used}"))
            } else {
                confirmed(format!(
                    "loaded, and `{text}` is nowhere in what Cline uses ({listed})",
                    listed = listed(obs)
                ))
            }
        }
        ("front-matter/unclosed" | "front-matter/missing" | "front-matter/empty", _) => match front_matter_as_text(obs)
        {
            true => confirmed("loaded, with the front matter lines as the start of its text".into()),
            false => contradicted(format!("Cline read a front matter: its text is `{used}`")),
        },
        ("yaml/not-a-mapping", _) => match front_matter_as_text(obs) {
            false => confirmed(format!("loaded with its body only: `{used}`")),
            true => contradicted("the front matter is part of its text".into()),
        },
        ("cline-workflow/shadowed", _) => match (&obs.invoked, obs.listed.as_ref()) {
            (Some(inv), Some(l)) if !inv.contains(l.body.lines().next().unwrap_or_default()) => confirmed(format!(
                "listed, but `/name alpha beta` gives the model `{inv}`, not the workflow"
            )),
            (inv, _) => contradicted(format!("`/name` runs the workflow: {inv:?}")),
        },
        (_, "literal-placeholder") => match &obs.invoked {
            Some(inv) if inv.contains(text.as_str()) => {
                confirmed(format!("`/name alpha beta` gives the model `{inv}`"))
            }
            Some(inv) => contradicted(format!("`{text}` was replaced: the model got `{inv}`")),
            None => (Outcome::Unverifiable, "not invoked".into()),
        },
        _ => (Outcome::Unverifiable, "the oracle does not observe this part".into()),
    }
}

/// What Cline did that no finding says.
fn misses(case: &Case, a: &Analysed, obs: &Observation, off: bool, report: &mut Report) {
    let mut miss = |effect: Effect, what: String| {
        report.misses.push(Miss {
            case: case.id.clone(),
            effect,
            what,
        })
    };
    let tool_loaded = obs.listed.is_some();
    if !tool_loaded && !off && !a.claims(Effect::NotLoaded) {
        miss(Effect::NotLoaded, "Cline does not load it".into());
    }
    if !tool_loaded {
        return;
    }
    let text = case.text();
    let has = |code: &str| a.findings.iter().any(|d| d.code.ends_with(code));
    let meant_front_matter = text.trim_start_matches('\u{feff}').trim_start().starts_with("---");
    if meant_front_matter
        && front_matter_as_text(obs)
        && !a.claims(Effect::Ignored)
        && !a.claims(Effect::ReadDifferently)
    {
        miss(
            Effect::ReadDifferently,
            "Cline reads no front matter: the `---` block is part of the text it uses".into(),
        );
    }
    if case.format == "cline-rule"
        && meant_front_matter
        && text.contains("\npaths:")
        && !front_matter_as_text(obs)
        && !has("/ignored-key")
    {
        miss(
            Effect::Ignored,
            "`paths` has no effect: the rule applies everywhere".into(),
        );
    }
    if let (Some(inv), Some(l)) = (&obs.invoked, &obs.listed)
        && case.format == "cline-workflow"
        && case.args.is_none()
        && !inv.contains(l.body.lines().next().unwrap_or_default())
        && !has("/shadowed")
    {
        miss(
            Effect::Ignored,
            format!("`/name` does not run the workflow: the model gets `{inv}`"),
        );
    }
    if let Some(inv) = &obs.invoked
        && case.format == "cline-workflow"
        && ["$ARGUMENTS", "$1"].iter().any(|p| inv.contains(p))
        && !has("/literal-placeholder")
    {
        miss(Effect::Ignored, "the placeholders reach the model as written".into());
    }
}
