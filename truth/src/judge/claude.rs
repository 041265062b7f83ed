//! Judging agentls's findings on Claude Code files (agents, commands, skills) against what
//! Claude Code was recorded doing with them.

use super::{Analysed, Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::claude::Observation;
use agentls::analysis::diagnostics::{Diagnostic, Effect};
use agentls::formats::claude_models::{self, ModelStatus};

/// Keys whose bad values Claude Code's agent loader names in its debug log ("has invalid
/// permissionMode 'x'"): for these, "ignored" claims can be checked.
const LOGGED_KEYS: &[&str] = &[
    "background",
    "memory",
    "isolation",
    "effort",
    "permissionMode",
    "maxTurns",
    "autoCompactWindow",
];

/// The top-level key whose entry holds `d`'s range, if any.
pub(crate) fn key_of(a: &Analysed, d: &Diagnostic) -> Option<String> {
    let root = a.doc.syntax().yaml.root.as_ref()?;
    root.entries()
        .iter()
        .find(|e| {
            let start = e.key.span.start;
            let end = e.value.span.end.max(e.key.span.end);
            start <= d.range.start && d.range.start <= end
        })
        .and_then(|e| e.key.as_str().map(String::from))
}

/// The keys Claude Code logged as unknown ("does not recognize or apply: "a", "b" (did you
/// mean "c"?)").
pub(crate) fn unknown_keys_logged(obs: &Observation) -> Vec<String> {
    let mut out = Vec::new();
    for line in &obs.log {
        let Some(rest) = line.split("does not recognize or apply: ").nth(1) else {
            continue;
        };
        // Drop the suggestions, which are quoted too.
        let mut s = String::new();
        let mut depth = 0;
        for c in rest.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => s.push(c),
                _ => {}
            }
        }
        out.extend(s.split('"').skip(1).step_by(2).map(String::from));
    }
    out
}

/// The keys Claude Code logged a bad value for.
pub(crate) fn invalid_keys_logged(obs: &Observation) -> Vec<String> {
    let mut out = Vec::new();
    for line in &obs.log {
        if let Some(rest) = line.split(" has invalid ").nth(1) {
            let key = rest.split([' ', '\'']).next().unwrap_or_default();
            out.push(key.to_string());
        }
        if line.contains("Invalid hooks in agent") {
            out.push("hooks".into());
        }
        if line.contains("invalid mcpServers item") {
            out.push("mcpServers".into());
        }
    }
    out
}

/// Tools the spawned agent had, directly or through ToolSearch.
pub(crate) fn spawned_tools(obs: &Observation) -> Option<Vec<String>> {
    let s = obs.spawn.as_ref()?;
    Some(s.tools.iter().chain(s.deferred.iter()).cloned().collect())
}

/// Whether a refusal came from the tool list (not from the environment: a worktree outside git,
/// the concurrency limit).
pub(crate) fn refused_for_tools(obs: &Observation) -> bool {
    obs.refused
        .as_deref()
        .is_some_and(|r| r.contains("would be spawned with zero tools"))
}

/// Model ids the Anthropic API serves, per agentls's catalog (the docs' model list).
pub(crate) fn api_model(id: &str) -> bool {
    claude_models::MODELS
        .iter()
        .any(|m| m.id == id && matches!(m.status, ModelStatus::Active | ModelStatus::Restricted))
}

pub(crate) fn loaded(case: &Case, obs: &Observation) -> Option<bool> {
    match case.format.as_str() {
        "claude-agent" => Some(obs.agent.is_some()),
        "claude-command" | "skill" => {
            if let Some(e) = &obs.expansion {
                // A shell line that fails stops the request, but the command exists.
                return Some(!e.model.is_empty() || !e.text.starts_with("Unknown"));
            }
            // Not listed may mean "not loaded" or "hidden from the model".
            if obs.skill.is_none() && case.text().contains("disable-model-invocation: true") {
                return None;
            }
            Some(obs.skill.is_some())
        }
        _ => None,
    }
}

pub fn judge(case: &Case, obs: &Observation, report: &mut Report) {
    let a = Analysed::of(case, "claude-code");
    let tool_loaded = loaded(case, obs);
    let ours_loaded = !a.claims(Effect::NotLoaded);
    if let Some(t) = tool_loaded {
        report.loads.insert(case.id.clone(), (t, ours_loaded));
    }
    let verdict = |d: &Diagnostic, outcome: Outcome, why: String| Verdict {
        case: case.id.clone(),
        code: d.code.clone(),
        effect: d.effect,
        message: d.message.clone(),
        outcome,
        why,
    };
    let listed = |obs: &Observation| {
        obs.agent
            .as_ref()
            .map(|l| format!("listed as `{}` with tools `{}`", l.name, l.tools))
            .or_else(|| obs.skill.clone().map(|s| format!("listed as `{s}`")))
            .unwrap_or_else(|| "loaded".into())
    };
    for d in &a.findings {
        let (outcome, why) = match d.effect {
            Effect::NotLoaded => match tool_loaded {
                Some(false) => (Outcome::Confirmed, "not loaded".to_string()),
                Some(true) => (Outcome::Contradicted, format!("Claude Code loads it: {}", listed(obs))),
                None => (Outcome::Unverifiable, "not listed, and hidden from the model".into()),
            },
            Effect::Refused => match (&obs.refused, &obs.spawn) {
                (Some(r), _) if refused_for_tools(obs) => (Outcome::Confirmed, r.clone()),
                (_, Some(s)) => (
                    Outcome::Contradicted,
                    format!("Claude Code runs it with tools [{}]", s.tools.join(", ")),
                ),
                _ => (Outcome::Unverifiable, "not spawned".into()),
            },
            Effect::RunsFail => judge_runs_fail(&a, d, obs),
            // Claims about parts of a file the tool does not load at all are moot: the miss
            // (or the confirmed not-loaded claim) is what counts.
            _ if tool_loaded == Some(false) => (
                Outcome::Unverifiable,
                "Claude Code does not load the file at all".into(),
            ),
            _ => judge_loaded(&a, d, obs),
        };
        report.verdicts.push(verdict(d, outcome, why));
    }
    misses(case, &a, obs, tool_loaded, report);
}

/// "Every run fails": Claude Code sends the model id as written (no alias resolves it).
fn judge_runs_fail(a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let written = a.text_at(d).trim().trim_matches(['"', '\'']).trim().to_string();
    let sent = obs
        .spawn
        .as_ref()
        .map(|s| s.model.clone())
        .or_else(|| obs.expansion.as_ref().map(|e| e.model.clone()));
    match sent {
        Some(m) if m == written && !api_model(&m) => (Outcome::Confirmed, format!("sent `{m}` to the API as is")),
        Some(m) if m == written => (Outcome::Contradicted, format!("sent `{m}`, a model the API serves")),
        Some(m) => (Outcome::Contradicted, format!("Claude Code resolves it to `{m}`")),
        None => (Outcome::Unverifiable, "not spawned or expanded".into()),
    }
}

/// Claims about a file that loads: check the part of it each rule is about.
fn judge_loaded(a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let short = d.code.split('/').nth(1).unwrap_or_default();
    let text = a.text_at(d);
    match (d.code.split('/').next().unwrap_or_default(), short) {
        // Commands and skills log neither unknown keys nor bad values.
        ("claude-command" | "skill", "unknown-key" | "invalid-value" | "wrong-type") => (
            Outcome::Unverifiable,
            "Claude Code logs nothing about the keys of commands and skills".into(),
        ),
        (_, "unknown-key") => {
            let unknown = unknown_keys_logged(obs);
            let key = text.trim().to_string();
            if unknown.contains(&key) {
                (
                    Outcome::Confirmed,
                    format!("logged as a key it does not recognize: `{key}`"),
                )
            } else {
                (
                    Outcome::Contradicted,
                    format!("Claude Code recognizes `{key}` (no unknown-key log line names it)"),
                )
            }
        }
        (_, "invalid-value" | "wrong-type") => match key_of(a, d) {
            Some(k) if invalid_keys_logged(obs).contains(&k) => {
                (Outcome::Confirmed, format!("logged an invalid `{k}`"))
            }
            Some(k) if LOGGED_KEYS.contains(&k.as_str()) => (
                Outcome::Contradicted,
                format!("Claude Code accepts this `{k}` (it logs the values it rejects, and logged none)"),
            ),
            Some(k) if k == "tools" || k == "disallowedTools" => judge_tools(&text, obs),
            Some(k) => (Outcome::Unverifiable, format!("`{k}` has no effect Claude Code shows")),
            None => (Outcome::Unverifiable, "not a top-level value".into()),
        },
        (_, "unknown-tool" | "removed-tool" | "tool-conflict" | "invalid-tool-rule" | "withheld-tool") => {
            judge_tools(&text, obs)
        }
        (_, "empty-value") => match (&obs.agent, key_of(a, d).as_deref()) {
            (Some(l), Some("description")) if l.description.trim().is_empty() => {
                (Outcome::Confirmed, "listed with a blank description".into())
            }
            (Some(l), Some("description")) => (
                Outcome::Contradicted,
                format!("listed with the description `{}`", l.description),
            ),
            _ => (Outcome::Unverifiable, "no check reads this key".into()),
        },
        ("front-matter", "closed-by-rule") => match &obs.spawn {
            Some(s) if s.prompt.starts_with("--") => (Outcome::Confirmed, "the prompt starts with `--`".into()),
            Some(s) => (
                Outcome::Contradicted,
                format!("the prompt starts `{}`", first_line(&s.prompt)),
            ),
            None => (Outcome::Unverifiable, "not spawned".into()),
        },
        ("front-matter", "closed-mid-line") => {
            let rest = a.doc.slice(&(d.range.end..a.doc.rope().len_bytes()));
            let rest = rest.trim_start_matches([' ', '\t']);
            match &obs.spawn {
                Some(s) if !rest.is_empty() && rest.starts_with(first_line(&s.prompt)) => (
                    Outcome::Confirmed,
                    format!("the prompt starts `{}`", first_line(&s.prompt)),
                ),
                Some(s) => (
                    Outcome::Contradicted,
                    format!("the prompt starts `{}`", first_line(&s.prompt)),
                ),
                None => (Outcome::Unverifiable, "not spawned".into()),
            }
        }
        ("yaml", "read-as-text" | "comment-in-value" | "duplicate-key" | "needs-quotes") => judge_value_read(a, d, obs),
        (_, "empty-tools") => match &obs.spawn {
            Some(s) if s.tools.is_empty() => (Outcome::Confirmed, "the agent ran with no tools".into()),
            Some(s) => (
                Outcome::Contradicted,
                format!("the agent ran with [{}]", s.tools.join(", ")),
            ),
            None => (Outcome::Unverifiable, "not spawned".into()),
        },
        (_, "argument-numbering") => match &obs.expansion {
            Some(e) if !e.model.is_empty() && !e.text.contains("alpha") => (
                Outcome::Confirmed,
                format!(
                    "the expanded prompt lacks the first argument: `{}`",
                    first_line(&e.text)
                ),
            ),
            Some(e) if !e.model.is_empty() => (
                Outcome::Contradicted,
                format!(
                    "the expanded prompt holds the first argument: `{}`",
                    first_line(&e.text)
                ),
            ),
            _ => (Outcome::Unverifiable, "not expanded".into()),
        },
        _ => match d.effect {
            Effect::Portability | Effect::Style => (Outcome::Confirmed, "Claude Code loads it".into()),
            _ => (
                Outcome::Unverifiable,
                "no check reads this part of the recording".into(),
            ),
        },
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default()
}

/// What the tool read for the key a finding points into, where the recording shows it: the
/// listed description or tools of an agent, the model it sent.
fn read_value(obs: &Observation, key: &str) -> Option<String> {
    match key {
        "description" => obs.agent.as_ref().map(|l| l.description.clone()),
        "tools" => obs.agent.as_ref().map(|l| l.tools.clone()),
        "name" => obs.agent.as_ref().map(|l| l.name.clone()),
        "model" => obs.spawn.as_ref().map(|s| s.model.clone()),
        _ => None,
    }
}

/// Claims about how a value is read: the text the tool ends up with must be what the finding
/// says (the line's text for `read-as-text`, the part before ` #` for a comment, the last of
/// two keys).
fn judge_value_read(a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let Some(key) = key_of(a, d) else {
        return (Outcome::Unverifiable, "not a top-level value".into());
    };
    let Some(read) = read_value(obs, &key) else {
        return (
            Outcome::Unverifiable,
            format!("the recording does not show how `{key}` is read"),
        );
    };
    let text = a.text_at(d);
    let short = d.code.split('/').nth(1).unwrap_or_default();
    let expected = match short {
        // The value the tool reads is the text as written.
        "read-as-text" | "needs-quotes" => text.trim().to_string(),
        "comment-in-value" => {
            let value = text.split(" #").next().unwrap_or_default().trim().to_string();
            // Quoted when the front matter needed the retry: the whole line is the value.
            if a.doc.syntax().yaml.retried_after.is_some() {
                text.trim().to_string()
            } else {
                value
            }
        }
        // The last of the duplicate keys: the finding points at its key.
        "duplicate-key" => {
            let root = a.doc.syntax().yaml.root.as_ref();
            match root.and_then(|r| r.get(&key)).and_then(|v| v.as_str()) {
                Some(v) => v.to_string(),
                None => return (Outcome::Unverifiable, "the kept value is not text".into()),
            }
        }
        _ => return (Outcome::Unverifiable, "no check reads this".into()),
    };
    let matches = match key.as_str() {
        // Claude Code turns a description's literal `\n` into line breaks.
        "description" => read.trim() == expected.replace("\\n", "\n").trim(),
        // Tools are listed as Claude Code split them; compare the entries.
        "tools" => split_tools(&read) == split_tools(&expected),
        "model" => read == claude_models::sent_for(&expected).unwrap_or_default(),
        _ => read.trim() == expected.trim(),
    };
    if matches {
        (Outcome::Confirmed, format!("`{key}` is read as `{read}`"))
    } else {
        (
            Outcome::Contradicted,
            format!("`{key}` is read as `{read}`, not `{expected}`"),
        )
    }
}

fn split_tools(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// A claim that a tool is dropped: the spawned agent must not have it.
fn judge_tools(text: &str, obs: &Observation) -> (Outcome, String) {
    let name = text.split('(').next().unwrap_or(text).trim().trim_matches(['"', '\'']);
    match spawned_tools(obs) {
        Some(tools) if tools.iter().any(|t| t == name) => {
            (Outcome::Contradicted, format!("the spawned agent has `{name}`"))
        }
        Some(_) => (Outcome::Confirmed, format!("the spawned agent lacks `{name}`")),
        None if refused_for_tools(obs) => (
            Outcome::Confirmed,
            "Claude Code refused the agent: no tool resolved".into(),
        ),
        None => (Outcome::Unverifiable, "not spawned".into()),
    }
}

fn misses(case: &Case, a: &Analysed, obs: &Observation, tool_loaded: Option<bool>, report: &mut Report) {
    let mut miss = |effect: Effect, what: String| {
        report.misses.push(Miss {
            case: case.id.clone(),
            effect,
            what,
        })
    };
    if tool_loaded == Some(false) && !a.claims(Effect::NotLoaded) {
        let why = obs
            .log
            .iter()
            .find(|l| !l.contains("[Stall]"))
            .cloned()
            .unwrap_or_default();
        miss(
            Effect::NotLoaded,
            format!("Claude Code does not load it; agentls lets it pass. {why}"),
        );
    }
    if tool_loaded != Some(true) {
        return;
    }
    let session_dependent = a.findings.iter().any(|d| d.code.ends_with("/session-tools"));
    if refused_for_tools(obs) && !a.claims(Effect::Refused) && !session_dependent {
        miss(Effect::Refused, obs.refused.clone().unwrap_or_default());
    }
    let keys_with_findings: Vec<String> = a.findings.iter().filter_map(|d| key_of(a, d)).collect();
    for k in unknown_keys_logged(obs) {
        let found = a
            .findings
            .iter()
            .any(|d| d.code.ends_with("/unknown-key") && a.text_at(d).trim() == k);
        if !found {
            miss(Effect::Ignored, format!("Claude Code ignores the key `{k}`"));
        }
    }
    for k in invalid_keys_logged(obs) {
        if !keys_with_findings.contains(&k) {
            miss(Effect::Ignored, format!("Claude Code ignores the value of `{k}`"));
        }
    }
    // A listed tool the spawned agent lacks, which no finding points at.
    for t in super::peer::dropped_tools(a, obs) {
        let bare = t.split('(').next().unwrap_or(&t).trim().to_string();
        // A finding names a tool at its range, or (one note for several tools) at a related one.
        let names = |at: String| {
            let at = at.trim().trim_matches(['"', '\'']);
            at == t || at == bare
        };
        let found = a.findings.iter().any(|d| {
            names(a.text_at(d))
                || (d.code.ends_with("/invalid-tool-rule") && a.text_at(d).contains(&t))
                || (d.code.ends_with("/withheld-tool") && d.related.iter().any(|(r, _)| names(a.doc.slice(r))))
        });
        if !found && !refused_for_tools(obs) {
            miss(Effect::Ignored, format!("Claude Code drops the tool `{t}`"));
        }
    }
    if let Some(s) = &obs.spawn {
        let written = a
            .doc
            .syntax()
            .yaml
            .root
            .as_ref()
            .and_then(|r| r.get("model"))
            .and_then(|v| v.as_str())
            .map(|v| v.trim().to_string());
        let provider = a.findings.iter().any(|d| d.code.ends_with("/provider-model"));
        if written.as_deref() == Some(s.model.as_str())
            && !api_model(&s.model)
            && !a.claims(Effect::RunsFail)
            && !provider
        {
            miss(
                Effect::RunsFail,
                format!("Claude Code sends the model `{}` as is", s.model),
            );
        }
    }
}
