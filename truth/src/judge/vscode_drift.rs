//! Drift: agentls's Copilot catalogs against what a recording of VS Code shows (the VS Code
//! side of [`super::drift`]). For the pinned version a test wants no drift at all.

use super::drift::Drift;
use std::collections::{BTreeMap, BTreeSet};

use crate::vscode::{Observation, Recording};
use agentls::formats::copilot_tools::{self as ctools, Availability as ToolAvailability};
use agentls::formats::{Scope, copilot};

/// Every entry of agentls's Copilot catalogs that the VS Code recording contradicts: tool
/// names (each catalog name alone, and every tool list of every recorded file), renames and
/// what they map to, the keys each file type supports (locally and for `target:
/// github-copilot`), hook events, permission scopes and the built-in agents. Models are not
/// compared: signed out, VS Code's model list is its agent host's `Auto` alone.
pub fn vscode(rec: &Recording) -> Vec<Drift> {
    let obs: BTreeMap<&str, &Observation> = rec.cases.iter().map(|c| (c.id.as_str(), &c.observation)).collect();
    let mut out = Vec::new();
    vscode_tools(rec, &obs, &mut out);
    vscode_keys(&obs, &mut out);
    vscode_values(&obs, &mut out);
    out
}

/// What VS Code said about a tool name in a file: known (no marker), renamed to these names,
/// or unknown.
#[derive(Debug, PartialEq)]
enum Said {
    Known,
    Renamed(Vec<String>),
    Unknown,
}

fn said_about(o: &Observation, name: &str) -> Said {
    for m in &o.markers {
        let quoted = format!("'{name}'");
        if let Some(rest) = m
            .message
            .strip_prefix(&format!("Tool or toolset {quoted} has been renamed, use "))
        {
            let list = rest
                .strip_prefix("the following tools instead: ")
                .map(|l| l.split(", ").map(String::from).collect())
                .unwrap_or_else(|| {
                    vec![
                        rest.trim_start_matches('\'')
                            .split('\'')
                            .next()
                            .unwrap_or_default()
                            .to_string(),
                    ]
                });
            return Said::Renamed(list);
        }
        if m.message.starts_with(&format!("Unknown tool {quoted}"))
            || m.message.starts_with(&format!("Unknown extension tool {quoted}"))
        {
            return Said::Unknown;
        }
    }
    Said::Known
}

/// The tool names of a recorded file's `tools`, as VS Code reads them.
fn tool_names(text: &str) -> Vec<String> {
    let h = agentls::syntax::vscode_yaml::read(text);
    let Some(root) = h.root else { return Vec::new() };
    if root.get("target").and_then(|v| v.as_str()) == Some(copilot::REMOTE_TARGET) {
        return Vec::new();
    }
    match root.get("tools").map(|v| &v.kind) {
        Some(agentls::syntax::yaml::NodeKind::Seq { items, .. }) => {
            items.iter().filter_map(|i| i.as_str().map(String::from)).collect()
        }
        Some(agentls::syntax::yaml::NodeKind::Scalar { value, .. }) => {
            agentls::syntax::vscode_yaml::split_comma_list(value)
                .into_iter()
                .map(|(_, t)| t)
                .collect()
        }
        _ => Vec::new(),
    }
}

fn vscode_tools(rec: &Recording, obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    let cases: BTreeMap<String, crate::cases::Case> =
        crate::vscode::cases().into_iter().map(|c| (c.id.clone(), c)).collect();
    // Every catalog entry was asked about alone.
    let alone = |prefix: &str, name: &str| {
        [prefix, "probe"]
            .iter()
            .any(|p| obs.contains_key(format!("mutation/vscode/agent/tools-{p}-{}", slug(name)).as_str()))
    };
    for t in ctools::TOOL_SETS {
        if !alone("set", t.name) {
            out.push(format!("tool set `{}`: not recorded", t.name));
        }
    }
    for t in ctools::TOOLS {
        if !alone("tool", t.name) {
            out.push(format!("tool `{}`: not recorded", t.name));
        }
    }
    for r in ctools::RENAMED {
        if !alone("renamed", r.old) {
            out.push(format!("old tool name `{}`: not recorded", r.old));
        }
    }
    // Every name of every recorded tool list, against the catalog.
    let mut seen = std::collections::BTreeSet::new();
    for c in &rec.cases {
        let Some(case) = cases.get(&c.id) else { continue };
        // Instructions have no tools: a `tools` there is an unknown key, not a tool list.
        if !matches!(
            case.format.as_str(),
            "copilot-agent" | "copilot-chatmode" | "copilot-prompt"
        ) || !c.observation.validated()
        {
            continue;
        }
        for name in tool_names(&case.text()) {
            let said = said_about(&c.observation, &name);
            let line = match (ctools::lookup(&name), &said) {
                (ctools::Lookup::Known(t), Said::Known) if t.availability == ToolAvailability::Always => None,
                (ctools::Lookup::Known(t), s) if t.availability == ToolAvailability::Always => {
                    Some(format!("tool `{name}`: in the catalog, VS Code: {s:?}"))
                }
                (ctools::Lookup::Known(_), _) => None,
                (ctools::Lookup::Renamed(r), Said::Renamed(to))
                    if to.iter().map(String::as_str).eq(r.new.iter().copied()) =>
                {
                    None
                }
                (ctools::Lookup::Renamed(r), Said::Unknown) if r.availability != ToolAvailability::Always => None,
                (ctools::Lookup::Renamed(r), s) => Some(format!(
                    "old tool name `{name}`: the catalog maps it to {:?}, VS Code: {s:?}",
                    r.new
                )),
                (_, Said::Renamed(to)) => Some(format!(
                    "old tool name `{name}`: VS Code maps it to {to:?}, the catalog lacks it"
                )),
                // A name VS Code knows that no catalog entry explains: a built-in-looking name
                // agentls should know (MCP and extension tools are the setup's).
                (ctools::Lookup::Unknown, Said::Known) if !name.is_empty() && name != "*" => {
                    Some(format!("tool `{name}`: VS Code knows it, the catalog does not"))
                }
                _ => None,
            };
            if let Some(line) = line
                && seen.insert(line.clone())
            {
                out.push(format!("{line} ({})", c.id));
            }
        }
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// `Supported: a, b, c.` at the end of an unsupported-attribute message.
fn supported_list(o: &Observation) -> Option<BTreeSet<String>> {
    o.markers.iter().find_map(|m| {
        let rest = m.message.split("Supported: ").nth(1)?;
        Some(rest.trim_end_matches('.').split(", ").map(String::from).collect())
    })
}

fn vscode_keys(obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    let kinds = [
        ("agent", &copilot::AGENT),
        ("chatmode", &copilot::CHATMODE),
        ("prompt", &copilot::PROMPT),
        ("instructions", &copilot::INSTRUCTIONS),
    ];
    for (kind, format) in kinds {
        let prefix = format!("mutation/vscode/{kind}/key-");
        for (id, o) in obs.iter().filter(|(id, _)| id.starts_with(prefix.as_str())) {
            let slugged = &id[prefix.len()..];
            if slugged == "unknown" {
                continue;
            }
            let Some(field_key) = crate::cases::vscode_mutations::key_of_slug(slugged) else {
                continue;
            };
            let unsupported = o.markers.iter().any(|m| {
                m.message
                    .starts_with(&format!("Attribute '{field_key}' is not supported"))
            });
            let local_ignored = o.markers.iter().any(|m| {
                m.message
                    .starts_with(&format!("Attribute '{field_key}' is ignored when running locally"))
            });
            let ours = format.field(field_key).map(|f| f.scope);
            let agrees = match ours {
                None => unsupported,
                Some(Scope::Remote) => local_ignored,
                Some(_) => !unsupported && !local_ignored,
            };
            if !agrees {
                let vs = if unsupported {
                    "not supported"
                } else if local_ignored {
                    "ignored when running locally"
                } else {
                    "supported"
                };
                out.push(format!(
                    "{kind} key `{field_key}`: the catalog says {ours:?}, VS Code: {vs} ({id})"
                ));
            }
        }
        // VS Code's own list of the keys it supports (keys it reads but no longer lists are
        // left out of it: `infer`, `mode`, `advancedOptions`, `excludeAgent`).
        if let Some(list) = obs
            .get(format!("mutation/vscode/{kind}/key-unknown").as_str())
            .and_then(|o| supported_list(o))
        {
            let hidden = ["infer", "mode", "advancedOptions", "excludeAgent"];
            let ours: BTreeSet<String> = format
                .fields
                .iter()
                .filter(|f| f.scope != Scope::Remote && !hidden.contains(&f.key))
                .map(|f| f.key.to_string())
                .collect();
            if ours != list {
                out.push(format!("{kind} keys: the catalog has {ours:?}, VS Code lists {list:?}"));
            }
        }
    }
    // With `target: github-copilot`, the keys of an agent on github.com.
    if let Some(list) = obs
        .get("mutation/vscode/agent/value-target-github-unknown-key")
        .and_then(|o| supported_list(o))
    {
        let ours: BTreeSet<String> = copilot::AGENT
            .fields
            .iter()
            .filter(|f| f.scope != Scope::Local)
            .map(|f| f.key.to_string())
            .collect();
        if ours != list {
            out.push(format!(
                "agent keys for `target: github-copilot`: the catalog has {ours:?}, VS Code lists {list:?}"
            ));
        }
    }
}

fn vscode_values(obs: &BTreeMap<&str, &Observation>, out: &mut Vec<Drift>) {
    let list_after = |id: &str, marker: &str, after: &str| -> Option<Vec<String>> {
        let o = obs.get(id)?;
        let m = o.markers.iter().find(|m| m.message.starts_with(marker))?;
        let rest = m.message.split(after).nth(1)?;
        Some(rest.trim_end_matches('.').split(", ").map(String::from).collect())
    };
    // Hook events of an agent that runs locally.
    let schema = copilot::AGENT.fields.iter().find_map(|f| match &f.value {
        agentls::formats::ValueKind::Hooks(s) => Some(*s),
        _ => None,
    });
    match (
        schema,
        list_after(
            "mutation/vscode/agent/value-hooks-unknown-event",
            "Unknown hook event type",
            "Supported: ",
        ),
    ) {
        (Some(s), Some(events)) if events.iter().map(String::as_str).ne(s.events.iter().copied()) => {
            out.push(format!(
                "hook events: the catalog has {:?}, VS Code {events:?}",
                s.events
            ));
        }
        (_, None) => out.push("hook events: not recorded".into()),
        _ => {}
    }
    // GitHub permission scopes, and what `contents` takes.
    let perms = copilot::AGENT.fields.iter().find_map(|f| match &f.value {
        agentls::formats::ValueKind::Permissions(p) => Some(*p),
        _ => None,
    });
    if let (Some(p), Some(scopes)) = (
        perms,
        list_after(
            "mutation/vscode/agent/value-github-bad-scope",
            "Unknown permission scope",
            "Valid scopes: ",
        ),
    ) {
        let ours: Vec<&str> = p.iter().map(|s| s.scope).collect();
        if scopes.iter().map(String::as_str).ne(ours.iter().copied()) {
            out.push(format!(
                "permission scopes: the catalog has {ours:?}, VS Code {scopes:?}"
            ));
        }
    }
    if let (Some(p), Some(values)) = (
        perms,
        list_after(
            "mutation/vscode/agent/value-github-bad-value",
            "Invalid permission value",
            "Allowed values: ",
        ),
    ) {
        let ours = p
            .iter()
            .find(|s| s.scope == "contents")
            .map(|s| s.values.to_vec())
            .unwrap_or_default();
        if values.iter().map(String::as_str).ne(ours.iter().copied()) {
            out.push(format!(
                "`contents` access: the catalog has {ours:?}, VS Code {values:?}"
            ));
        }
    }
    // The built-in agents come first in VS Code's list of available agents.
    match list_after(
        "mutation/vscode/prompt/value-agent-unknown",
        "Unknown agent 'nobody'",
        "Available agents: ",
    ) {
        Some(agents) => {
            let ours: Vec<&str> = copilot::BUILTIN.iter().map(|a| a.name).collect();
            if agents
                .iter()
                .take(ours.len())
                .map(String::as_str)
                .ne(ours.iter().copied())
            {
                out.push(format!(
                    "built-in agents: the catalog has {ours:?}, VS Code lists {:?}…",
                    &agents[..agents.len().min(5)]
                ));
            }
        }
        None => out.push("built-in agents: not recorded".into()),
    }
    // `target`: each value of the catalog is accepted, anything else is an error.
    for c in copilot::AGENT.fields.iter().filter_map(|f| match &f.value {
        agentls::formats::ValueKind::Target { choices, .. } => Some(*choices),
        _ => None,
    }) {
        for choice in c {
            let id = if choice.value == "vscode" {
                "mutation/vscode/agent/key-target".to_string()
            } else {
                "mutation/vscode/agent/value-target-github".to_string()
            };
            if let Some(o) = obs.get(id.as_str())
                && o.markers
                    .iter()
                    .any(|m| m.message.starts_with("The 'target' attribute"))
            {
                out.push(format!(
                    "`target: {}`: in the catalog, VS Code rejects it",
                    choice.value
                ));
            }
        }
    }
}
