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

/// Every OpenCode catalog entry the recording contradicts: the keys (known keys are not
/// passed on as provider options, unknown ones are), `mode` values, colour names, permission
/// keys and which of them take patterns, the tools and which keys have no effect, the Anthropic
/// models, and the clamped temperature.
pub fn opencode(lines: &[Line<crate::opencode::Observation>]) -> Vec<Drift> {
    use agentls::formats::opencode_agent as oc;
    let obs: BTreeMap<&str, &crate::opencode::Observation> = lines.iter().map(|l| (l.id.as_str(), &l.obs)).collect();
    let m = |rest: &str| obs.get(format!("mutation/opencode-agent/{rest}").as_str()).copied();
    let mut out = Vec::new();
    let loaded = |o: &crate::opencode::Observation| o.agent.is_some() && o.error.is_none();
    // Keys: a recorded case of each catalog key loads with the key read, not passed on.
    for field in oc::FORMAT.fields {
        let prefix = format!("mutation/opencode-agent/{}/", field.key);
        let cases: Vec<_> = obs
            .iter()
            .filter(|(id, o)| id.starts_with(&prefix) && loaded(o))
            .collect();
        if cases.is_empty() {
            out.push(format!("key `{}`: no recorded case loads with it", field.key));
        }
        for (id, o) in cases {
            if o.agent.as_ref().is_some_and(|a| a.options.contains_key(field.key)) {
                out.push(format!(
                    "key `{}`: in the catalog, but OpenCode passes it on as a provider option ({id})",
                    field.key
                ));
            }
        }
    }
    for (id, o) in obs
        .iter()
        .filter(|(id, _)| id.starts_with("mutation/opencode-agent/unknown-key/"))
    {
        let Some(a) = o.agent.as_ref() else {
            out.push(format!("{id}: not loaded"));
            continue;
        };
        if a.options.is_empty() {
            out.push(format!(
                "{id}: OpenCode reads the key (it is not passed on), the catalog lacks it"
            ));
        }
    }
    // `mode` and `color`: every catalog value loads; recorded values outside it do not.
    let choices = |key: &str| match oc::FORMAT.field(key).map(|f| &f.value) {
        Some(ValueKind::OneOf(c) | ValueKind::Color(c)) => c.iter().map(|c| c.value).collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    for key in ["mode", "color"] {
        let values = choices(key);
        for v in &values {
            match m(&format!("{key}/{v}")) {
                Some(o) if loaded(o) => {}
                Some(o) => out.push(format!(
                    "`{key}: {v}`: in the catalog, OpenCode refuses it: {:?}",
                    o.error
                )),
                None => out.push(format!("`{key}: {v}`: not recorded")),
            }
        }
        let prefix = format!("mutation/opencode-agent/{key}/");
        for (id, o) in obs.iter().filter(|(id, _)| id.starts_with(&prefix)) {
            let v = id[prefix.len()..].trim_matches('"');
            let hex =
                key == "color" && v.len() == 7 && v.starts_with('#') && v[1..].bytes().all(|b| b.is_ascii_hexdigit());
            if !values.contains(&v) && !hex && loaded(o) {
                out.push(format!(
                    "`{key}: {v}`: OpenCode accepts it, the catalog does not list it"
                ));
            }
        }
    }
    // Permissions: each key loads as an action, and takes patterns exactly when the catalog
    // says so.
    for p in oc::PERMISSIONS {
        match m(&format!("permission-key/{}", p.key)) {
            Some(o) if loaded(o) => {}
            Some(o) => out.push(format!(
                "permission `{}`: OpenCode refuses `deny`: {:?}",
                p.key, o.error
            )),
            None => out.push(format!("permission `{}`: not recorded", p.key)),
        }
        match m(&format!("permission-map/{}", p.key)) {
            Some(o) if loaded(o) != p.patterns => out.push(format!(
                "permission `{}`: the catalog says it {} patterns, OpenCode {}",
                p.key,
                if p.patterns { "takes" } else { "does not take" },
                if loaded(o) { "accepts them" } else { "refuses them" }
            )),
            Some(_) => {}
            None => out.push(format!("permission `{}` with patterns: not recorded", p.key)),
        }
    }
    // Tools: the base case's run offers exactly the catalog's tools; each, turned off, is gone.
    let base: Vec<String> = oc::TOOLS.iter().map(|(t, _)| t.to_string()).collect();
    let mut base_sorted = base.clone();
    base_sorted.sort();
    match m("tools/empty-map").and_then(|o| o.run.as_ref()) {
        Some(r) if r.tools == base_sorted => {}
        Some(r) => out.push(format!(
            "tools: the catalog says [{}], OpenCode offers [{}]",
            base_sorted.join(", "),
            r.tools.join(", ")
        )),
        None => out.push("tools: the plain agent's run is not recorded".into()),
    }
    for (t, _) in oc::TOOLS {
        let gone: &[&str] = if oc::TOOLS_AS_EDIT.contains(t) {
            &["edit", "write"]
        } else {
            std::slice::from_ref(t)
        };
        match m(&format!("tool/{t}")).and_then(|o| o.run.as_ref()) {
            Some(r) if gone.iter().all(|g| !r.tools.iter().any(|x| x == g)) => {}
            Some(r) => out.push(format!(
                "tool `{t}`: turned off, the run still has [{}]",
                r.tools.join(", ")
            )),
            None => out.push(format!("tool `{t}`: not recorded")),
        }
    }
    for (k, ..) in oc::NO_EFFECT {
        match m(&format!("permission-key/{k}")).and_then(|o| o.run.as_ref()) {
            Some(r) if r.tools == base_sorted => {}
            Some(r) => out.push(format!(
                "permission `{k}`: the catalog says it has no effect, the run has [{}]",
                r.tools.join(", ")
            )),
            None => out.push(format!("permission `{k}`: not recorded")),
        }
    }
    // Models: the catalogue `opencode models anthropic` lists.
    match m("catalog/models") {
        Some(o) => {
            let listed: Vec<&str> = o.models.iter().filter_map(|m| m.strip_prefix("anthropic/")).collect();
            if listed != oc::ANTHROPIC_MODELS {
                out.push(format!(
                    "Anthropic models: the catalog says {:?}, OpenCode lists {listed:?}",
                    oc::ANTHROPIC_MODELS
                ));
            }
        }
        None => out.push("Anthropic models: not recorded".into()),
    }
    // Clamping: what a temperature above the range is sent as.
    for (key, prefix, lo, hi) in oc::CLAMPED {
        match m("temperature/with-model-3")
            .and_then(|o| o.run.as_ref())
            .and_then(|r| r.temperature)
        {
            Some(t) if t == 3f64.clamp(*lo, *hi) => {}
            Some(t) => out.push(format!(
                "`{key}: 3` for `{prefix}`: the catalog says {}, OpenCode sends {t}",
                3f64.clamp(*lo, *hi)
            )),
            None => out.push(format!("`{key}: 3` for `{prefix}`: not recorded")),
        }
    }
    out
}
