//! Judging agentls's findings on Gemini CLI subagents against what Gemini CLI 0.61.0 was
//! recorded doing with them: the load error it printed (or the agent it listed), and the
//! request the subagent made when invoked (its model and tools), or the error instead.

use super::{Analysed, Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::gemini::Observation;
use agentls::analysis::diagnostics::{Diagnostic, Effect};

/// Whether agentls reads the case as a Gemini agent. Mutations that put a file where Gemini
/// CLI does not look (`.claude/agents/`, `.agents/agents/`) are other formats to agentls.
pub fn is_gemini_agent(a: &Analysed) -> bool {
    agentls::analysis::diagnostics::detect(&a.doc).is_some_and(|d| d.format.id == "gemini-agent")
}

pub fn judge(case: &Case, obs: &Observation, report: &mut Report) {
    if case.format != "gemini-agent" {
        return;
    }
    let a = Analysed::of(case, "gemini-cli");
    if !is_gemini_agent(&a) {
        return;
    }
    let tool_loaded = obs.agent.is_some();
    report
        .loads
        .insert(case.id.clone(), (tool_loaded, !a.claims(Effect::NotLoaded)));
    for d in &a.findings {
        let (outcome, why) = judge_one(&a, d, obs);
        report.verdicts.push(Verdict {
            case: case.id.clone(),
            code: d.code.clone(),
            effect: d.effect,
            message: d.message.clone(),
            outcome,
            why,
        });
    }
    misses(case, &a, obs, report);
}

fn not_loaded_why(obs: &Observation) -> String {
    match (&obs.error, obs.log.first()) {
        (Some(e), _) => e.clone(),
        (None, Some(l)) => format!("not listed: {l}"),
        (None, None) => "not listed, no message".into(),
    }
}

fn judge_one(a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let text = a.text_at(d);
    let value = text.trim().trim_matches(['"', '\'']);
    match d.effect {
        Effect::NotLoaded => match &obs.agent {
            None => (Outcome::Confirmed, not_loaded_why(obs)),
            Some(l) => (Outcome::Contradicted, format!("Gemini CLI lists it as `{}`", l.name)),
        },
        _ if obs.agent.is_none() => (
            Outcome::Unverifiable,
            format!("Gemini CLI does not load the file: {}", not_loaded_why(obs)),
        ),
        Effect::RunsFail => match (&obs.refused, &obs.spawn) {
            (Some(r), _) => (Outcome::Confirmed, format!("the invocation fails: {r}")),
            // The fake API answers every model; the real one does not know this id.
            (None, Some(s)) if d.code.ends_with("/unknown-model") && s.model == value => (
                Outcome::Confirmed,
                format!("sent to the API as the model `{}`", s.model),
            ),
            (None, Some(s)) => (Outcome::Contradicted, format!("the subagent ran on `{}`", s.model)),
            (None, None) => (Outcome::Unverifiable, "not invoked".into()),
        },
        Effect::Ignored if d.code.ends_with("/unavailable-tool") || d.code.ends_with("/empty-tools") => {
            match &obs.spawn {
                Some(s) if !s.tools.iter().any(|t| t == value) && !s.tools.iter().any(|t| t != "complete_task") => (
                    Outcome::Confirmed,
                    format!("the subagent gets only [{}]", s.tools.join(", ")),
                ),
                Some(s) if !s.tools.iter().any(|t| t == value) => (
                    Outcome::Confirmed,
                    format!("`{value}` is not among [{}]", s.tools.join(", ")),
                ),
                Some(s) => (
                    Outcome::Contradicted,
                    format!("the subagent gets [{}]", s.tools.join(", ")),
                ),
                None => (Outcome::Unverifiable, "not invoked".into()),
            }
        }
        // `temperature`: checked, and the request carries the model's default instead.
        Effect::Ignored if d.code.ends_with("/ignored-key") => match &obs.spawn {
            Some(s) if s.temperature == Some(serde_json::json!(1)) => (
                Outcome::Confirmed,
                "the request carries the model's default temperature 1".into(),
            ),
            Some(s) => (
                Outcome::Contradicted,
                format!("the request carries temperature {:?}", s.temperature),
            ),
            None => (Outcome::Unverifiable, "not invoked".into()),
        },
        Effect::Portability | Effect::Style => (Outcome::Confirmed, "Gemini CLI loads it".into()),
        _ => (
            Outcome::Unverifiable,
            "no check reads this part of the recording".into(),
        ),
    }
}

fn misses(case: &Case, a: &Analysed, obs: &Observation, report: &mut Report) {
    let mut miss = |effect: Effect, what: String| {
        report.misses.push(Miss {
            case: case.id.clone(),
            effect,
            what,
        })
    };
    if obs.agent.is_none() {
        if !a.claims(Effect::NotLoaded) {
            miss(Effect::NotLoaded, not_loaded_why(obs));
        }
        return;
    }
    if let Some(r) = &obs.refused
        && !a.claims(Effect::RunsFail)
    {
        miss(Effect::RunsFail, format!("every invocation fails: {r}"));
    }
}
