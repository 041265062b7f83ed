//! Reading what Claude Code loaded from the requests it sent: the agents listed to the model,
//! a spawned agent's own request (model, tools, system prompt) or its refusal, the skills and
//! commands listed, and a command's expansion.

use crate::fake_api::Request;
use serde::{Deserialize, Serialize};

/// An agent as the main session lists it: `- name: description (Tools: …)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    pub name: String,
    pub description: String,
    /// As listed: `All tools`, `*`, `Read, Grep`, `All tools except …`.
    pub tools: String,
}

/// The request a spawned agent made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spawn {
    /// The model id sent to the API.
    pub model: String,
    /// The tools the request offers.
    pub tools: Vec<String>,
    /// Tools it can load through ToolSearch (named in its context, not offered directly).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferred: Vec<String>,
    /// `output_config.effort`, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// Its own system prompt (the agent's body), cut to 160 characters.
    pub prompt: String,
    /// The whole system prompt's length in characters.
    pub prompt_len: usize,
}

/// The section of the main session's context that lists the agents.
const AGENTS_HEAD: &str = "Available agent types for the Agent tool:\n";
const AGENTS_TAIL: &str = "\n\nWhen you launch multiple agents";
const SKILLS_HEAD: &str = "The following skills are available for use with the Skill tool:\n";
const DEFERRED_HEAD: &str = "The following deferred tools are now available via ToolSearch.";
/// What Claude Code appends to every spawned agent's own system prompt.
const SUBAGENT_TAIL: &str = "\n\nMessages from the agent that launched you";

/// The agents listed in a main-session request, in listed order.
pub fn agents_listed(req: &Request) -> Vec<Listed> {
    let text = req.all_text();
    let Some(start) = text.find(AGENTS_HEAD) else {
        return Vec::new();
    };
    let rest = &text[start + AGENTS_HEAD.len()..];
    let section = &rest[..rest.find(AGENTS_TAIL).unwrap_or(rest.len())];
    // Each entry ends with `(Tools: …)`; a description may span lines, so a line that starts
    // with `- ` begins an entry only when the one before is complete.
    let mut entries: Vec<String> = Vec::new();
    for line in section.split('\n') {
        let complete = entries
            .last()
            .is_none_or(|e| e.ends_with(')') && e.contains(" (Tools: "));
        if line.starts_with("- ") && line.contains(": ") && complete {
            entries.push(line[2..].to_string());
        } else if let Some(last) = entries.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    entries
        .into_iter()
        .filter_map(|e| {
            let (name, rest) = e.split_once(": ")?;
            let cut = rest.rfind(" (Tools: ")?;
            Some(Listed {
                name: name.to_string(),
                description: rest[..cut].to_string(),
                tools: rest[cut + " (Tools: ".len()..]
                    .strip_suffix(')')
                    .unwrap_or_default()
                    .to_string(),
            })
        })
        .collect()
}

/// The lines of the skills list (`- name: description`, `- folder (name): description`).
pub fn skills_listed(req: &Request) -> Vec<String> {
    let text = req.all_text();
    let Some(start) = text.find(SKILLS_HEAD) else {
        return Vec::new();
    };
    text[start + SKILLS_HEAD.len()..]
        .split('\n')
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(|l| l[2..].to_string())
        .collect()
}

/// The tools named after the "deferred tools" header, up to the next blank line.
pub fn deferred_tools(req: &Request) -> Vec<String> {
    let text = req.all_text();
    let Some(start) = text.find(DEFERRED_HEAD) else {
        return Vec::new();
    };
    // One tool name a line, up to the first line that is not one.
    let is_name = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    text[start..]
        .split('\n')
        .skip(1)
        .map(str::trim)
        .take_while(|l| is_name(l))
        .map(String::from)
        .collect()
}

/// A spawned agent's request, read.
pub fn spawn(req: &Request) -> Spawn {
    // The agent's own prompt is the third system block: after the billing header and the SDK
    // line, before the text Claude Code appends.
    let own = req.body["system"]
        .as_array()
        .and_then(|b| b.get(2))
        .and_then(|b| b["text"].as_str())
        .unwrap_or_default();
    // Scrubbed before it is cut and counted: a memory folder's path in it varies per run.
    let prompt = crate::util::scrub_temp_dirs(own.split(SUBAGENT_TAIL).next().unwrap_or_default());
    Spawn {
        model: req.model().to_string(),
        tools: req
            .tool_names()
            .into_iter()
            .filter(|t| t != "DeferredToolPlaceholder")
            .collect(),
        deferred: deferred_tools(req),
        effort: req.body["output_config"]["effort"].as_str().map(String::from),
        prompt: prompt.chars().take(160).collect(),
        prompt_len: prompt.chars().count(),
    }
}

/// The debug-log lines worth keeping for a case: those that name `needle` (its path, or its
/// agent's name in quotes), without timestamps.
pub fn log_lines(debug: &str, needles: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in debug.lines() {
        if !needles.iter().any(|n| !n.is_empty() && line.contains(n.as_str())) {
            continue;
        }
        // `2026-12-01T08:28:49.695Z [DEBUG] message` → `[DEBUG] message`.
        let line = match line.find(" [") {
            Some(i) if line[..i].contains('T') && line[..i].ends_with('Z') => &line[i + 1..],
            _ => line,
        };
        // Watching and stat noise says nothing about the file; stall reports carry random ids
        // and timings, and repeat the refusal the tool result already holds.
        if line.contains("Watching for changes")
            || line.contains("Failed to stat")
            || line.contains("[Stall]")
            || line.contains("Sync agent error")
        {
            continue;
        }
        let line = line.to_string();
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}
