//! Drift: agentls's Claude Code catalogs (tool names and aliases, what each model value
//! becomes, the agent keys, permission modes, effort levels) against what a recording of Claude
//! Code shows. For the pinned version a test wants no drift at all; `truth drift --latest`
//! prints what a newer release changed, one line per catalog entry to update.

use crate::claude::Observation;
use crate::recording::Line;
use agentls::formats::claude_tools::{self, Availability, ToolStatus};
use agentls::formats::{ValueKind, claude_agent, claude_models};
use std::collections::{BTreeMap, BTreeSet};

/// One difference between a catalog entry and the recording.
pub type Drift = String;

fn by_id(lines: &[Line<Observation>]) -> BTreeMap<&str, &Observation> {
    lines.iter().map(|l| (l.id.as_str(), &l.obs)).collect()
}

/// Every catalog entry the recording contradicts.
pub fn claude(lines: &[Line<Observation>]) -> Vec<Drift> {
    let obs = by_id(lines);
    let mut out = Vec::new();
    tools(&obs, &mut out);
    models(&obs, &mut out);
    keys(&obs, &mut out);
    out
}

fn refusal(o: &Observation) -> &str {
    o.refused.as_deref().unwrap_or_default()
}

/// Each catalog tool, listed alone in an agent: what the spawned agent got.
fn tools(obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    for t in claude_tools::TOOLS {
        let Some(o) = obs.get(format!("mutation/claude-agent/tool/{}", t.name).as_str()) else {
            out.push(format!("tool `{}`: not recorded", t.name));
            continue;
        };
        let got = o.spawn.as_ref().map(|s| s.tools.clone());
        let target = claude_tools::resolve(t.name).map_or(t.name, |r| r.name);
        let unrecognized = refusal(o).contains("unrecognized");
        let not_for_subagents = refusal(o).contains("not available to subagents");
        let expect = match (t.status, claude_tools::resolve(t.name).map(|r| r.availability)) {
            (ToolStatus::Retired(_), _) => "unrecognized",
            // Listed alone, a search tool has no Bash beside it: given.
            (_, Some(Availability::Always | Availability::NotBesideBash)) => "given",
            (_, Some(Availability::NotInSubagents)) => "refused for subagents",
            _ => "unrecognized in a `claude -p` session",
        };
        let ok = match expect {
            "given" => got.as_ref().is_some_and(|g| g.iter().any(|n| n == target)),
            "refused for subagents" => not_for_subagents || unrecognized,
            // Not there in this session: refused as unrecognized, or dropped from the list.
            _ => unrecognized || got.as_ref().is_some_and(|g| !g.iter().any(|n| n == target)),
        };
        if !ok {
            let seen = match (&got, refusal(o)) {
                (Some(g), _) => format!("the agent got [{}]", g.join(", ")),
                (None, r) if !r.is_empty() => r.to_string(),
                _ => "no spawn".into(),
            };
            out.push(format!("tool `{}`: catalog says {expect}, recording: {seen}", t.name));
        }
    }
    // Tools the session offers that the catalog does not name.
    if let Some(s) = obs
        .get("mutation/claude-agent/tools/star")
        .and_then(|o| o.spawn.as_ref())
    {
        for name in s.tools.iter().chain(s.deferred.iter()) {
            if claude_tools::lookup(name).is_none() {
                out.push(format!(
                    "tool `{name}`: offered to a `tools: \"*\"` agent, missing from the catalog"
                ));
            }
        }
    }
}

/// Each catalog model value: the model id Claude Code sent for it.
fn models(obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    let parent = obs
        .get("mutation/claude-agent/base/valid")
        .and_then(|o| o.spawn.as_ref())
        .map(|s| s.model.clone());
    for m in claude_models::MODELS {
        let Some(o) = obs.get(format!("mutation/claude-agent/model-id/{}", m.id).as_str()) else {
            out.push(format!("model `{}`: not recorded", m.id));
            continue;
        };
        let Some(sent) = o.spawn.as_ref().map(|s| s.model.clone()) else {
            out.push(format!("model `{}`: the agent was not spawned", m.id));
            continue;
        };
        let expected = claude_models::sent_for(m.id)
            .or_else(|| parent.clone())
            .unwrap_or_default();
        if sent != expected {
            out.push(format!(
                "model `{}`: catalog says Claude Code sends `{expected}`, recording: `{sent}`",
                m.id
            ));
        }
    }
}

/// The agent keys, permission modes and effort levels of the catalog against the loader's log.
fn keys(obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    let unknown_logged = |o: &Observation, key: &str| super::claude::unknown_keys_logged(o).iter().any(|k| k == key);
    let invalid_logged = |o: &Observation, key: &str| o.log.iter().any(|l| l.contains(&format!("invalid {key}")));
    let mut seen_keys = BTreeSet::new();
    for (id, o) in obs.iter().filter(|(id, _)| id.starts_with("mutation/claude-agent/")) {
        for field in claude_agent::FORMAT.fields {
            if unknown_logged(o, field.key) {
                out.push(format!(
                    "key `{}`: in the catalog, but Claude Code calls it unknown ({id})",
                    field.key
                ));
            }
            seen_keys.insert(field.key);
        }
    }
    for field in claude_agent::FORMAT.fields {
        let choices = match &field.value {
            ValueKind::OneOf(c) => *c,
            _ => continue,
        };
        // `color` has no log: an invalid one is dropped silently.
        if field.key == "color" {
            continue;
        }
        for c in choices {
            let id = format!("mutation/claude-agent/{}/{}", field.key, c.value);
            match obs.get(id.as_str()) {
                Some(o) if invalid_logged(o, field.key) => out.push(format!(
                    "`{}: {}`: in the catalog, but Claude Code logs it as invalid",
                    field.key, c.value
                )),
                Some(_) => {}
                None => out.push(format!("`{}: {}`: not recorded", field.key, c.value)),
            }
        }
    }
    // Values recorded for a key with choices that the catalog lacks and Claude Code accepts.
    for field in claude_agent::FORMAT.fields {
        let ValueKind::OneOf(choices) = &field.value else {
            continue;
        };
        if field.key == "color" {
            continue;
        }
        let prefix = format!("mutation/claude-agent/{}/", field.key);
        for (id, o) in obs.iter().filter(|(id, _)| id.starts_with(prefix.as_str())) {
            let value = id[prefix.len()..].trim_matches('"');
            if value.is_empty() || choices.iter().any(|c| c.value == value) {
                continue;
            }
            if o.agent.is_some() && !invalid_logged(o, field.key) {
                out.push(format!(
                    "`{}: {value}`: Claude Code accepts it, the catalog does not list it",
                    field.key
                ));
            }
        }
    }
}
