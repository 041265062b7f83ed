//! The Gemini CLI oracle: puts cases into temporary projects, runs the real Gemini CLI
//! (`gemini -p`) against a fake Gemini API on 127.0.0.1 and reads from its requests and its
//! start-up messages what it did with each file.
//!
//! - Agents (`gemini-agent`) go in batches. Project agents are acknowledged first, as the
//!   interactive CLI asks a person to (headless runs register no unacknowledged project
//!   agent). One run prints a load error per file that failed (`Agent loading error: Failed to
//!   load agent from PATH: …`) and lists every agent that loaded in the main request's
//!   `<available_subagents>`; the fake model then invokes each agent of ours
//!   (`invoke_agent`), so the subagent's own request shows its model, tools, prompt and
//!   temperature, or the error comes back to the main session as the function response.
//!   Files of others are only loaded and listed, never invoked.
//! - Skills (`gemini-skill`): `gemini skills list --all` per batch, the `<available_skills>`
//!   of one run, and each skill of ours activated (`activate_skill`) in that run.

pub mod cli;
pub mod fake_api;
pub mod observe;
pub mod run;

use crate::cases::{Case, Origin};
use fake_api::{Part, Request};
use observe::{Listed, SkillLine, Spawn};
pub use run::Gemini;
use run::Place;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What Gemini CLI did with one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// The load error printed for the file (`Agent loading error: …`), paths made relative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// An agent: its entry in `<available_subagents>`. `None`: not offered to the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Listed>,
    /// The request the subagent made when it was invoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spawn: Option<Spawn>,
    /// The function response the main session got instead of the subagent's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    /// A skill: its entry in `gemini skills list --all`. `None`: not discovered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<SkillLine>,
    /// A skill: its entry in the main request's `<available_skills>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered: Option<Listed>,
    /// A skill of ours, activated: what the model got up to `</instructions>`, cut to 240
    /// characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation: Option<String>,
    /// Other start-up messages that name the file or its agent (a duplicate name, a conflict).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<String>,
    /// What the harness did, beyond the plain run, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Agents per run: ours are invoked, every one in the same turn.
const AGENT_BATCH: usize = 25;
/// Files of others per run: only loaded and listed.
const THEIR_AGENT_BATCH: usize = 120;
const SKILL_BATCH: usize = 40;

/// The formats this oracle observes.
pub fn observes(c: &Case) -> bool {
    matches!(c.format.as_str(), "gemini-agent" | "gemini-skill")
}

impl Gemini {
    /// Observes every case; cases of formats this oracle does not read are left out.
    pub fn observe(&self, cases: &[Case]) -> Result<Vec<(String, Observation)>, String> {
        let agents: Vec<&Case> = cases.iter().filter(|c| c.format == "gemini-agent").collect();
        let skills: Vec<&Case> = cases.iter().filter(|c| c.format == "gemini-skill").collect();
        let mut out = Vec::new();
        if !agents.is_empty() {
            let builtin = self.builtin_agents()?;
            for origin in [Origin::Ours, Origin::Theirs] {
                let mine: Vec<&Case> = agents.iter().copied().filter(|c| c.origin == origin).collect();
                let size = if origin == Origin::Ours {
                    AGENT_BATCH
                } else {
                    THEIR_AGENT_BATCH
                };
                let all = batches(&mine, size, |c| c.declared_name());
                for (i, batch) in all.iter().enumerate() {
                    eprintln!(
                        "truth: gemini-cli: agents, batch {}/{} ({} files)",
                        i + 1,
                        all.len(),
                        batch.len()
                    );
                    out.extend(self.agent_batch(batch, &builtin)?);
                }
            }
        }
        let all = batches(&skills, SKILL_BATCH, |c| Some(skill_key(c)));
        for (i, batch) in all.iter().enumerate() {
            eprintln!(
                "truth: gemini-cli: skills, batch {}/{} ({} files)",
                i + 1,
                all.len(),
                batch.len()
            );
            out.extend(self.skill_batch(batch)?);
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// The agents an empty project lists (the built-in ones).
    fn builtin_agents(&self) -> Result<Vec<Listed>, String> {
        let place = Place::new(&[])?;
        let out = self.run(&place, "hello", |_| vec![])?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        Ok(observe::agents_listed(main))
    }

    fn agent_batch(&self, batch: &[&Case], builtin: &[Listed]) -> Result<Vec<(String, Observation)>, String> {
        let names: Vec<Option<String>> = batch.iter().map(|c| c.declared_name()).collect();
        let run = self.agent_run(batch, &names, builtin)?;
        let by_name: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((n.as_deref()?, i)))
            .collect();
        let unexplained = run
            .listed
            .iter()
            .any(|l| !by_name.contains_key(l.name.as_str()) && !builtin.contains(l));
        let mut result = Vec::new();
        for (i, case) in batch.iter().enumerate() {
            let o = run.observation(i, case, names[i].as_deref());
            // Loaded without an error but not listed: the name we acknowledged may not be the
            // name Gemini CLI read. Ask again with the case alone.
            if o.agent.is_none()
                && o.error.is_none()
                && o.log.is_empty()
                && loadable(case)
                && (unexplained || batch.len() == 1)
            {
                result.push((case.id.clone(), self.agent_alone(case, builtin)?));
            } else {
                result.push((case.id.clone(), o));
            }
        }
        Ok(result)
    }

    /// A case alone whose agent was not listed under the name we expected: put it among the
    /// user's agents (no acknowledgement needed) to learn the name Gemini CLI reads, then
    /// again at its own place, acknowledged under that name.
    fn agent_alone(&self, case: &Case, builtin: &[Listed]) -> Result<Observation, String> {
        let guess = case.declared_name();
        let first = self.agent_run(&[case], std::slice::from_ref(&guess), builtin)?;
        let o = first.observation(0, case, guess.as_deref());
        if o.agent.is_some() || o.error.is_some() || case.path.starts_with("~/") {
            return Ok(o);
        }
        let file = case.path.rsplit('/').next().unwrap_or_default();
        let mut in_home = case.clone();
        in_home.path = format!("~/.gemini/agents/{file}");
        let probe = self.agent_run(&[&in_home], &[None], builtin)?;
        let Some(named) = probe
            .listed
            .iter()
            .find(|l| !builtin.contains(l))
            .map(|l| l.name.clone())
        else {
            let mut o = o;
            o.note = Some("not listed among the user's agents either".into());
            return Ok(o);
        };
        if Some(&named) == guess.as_ref() {
            return Ok(o);
        }
        let again = self.agent_run(&[case], &[Some(named.clone())], builtin)?;
        let mut o = again.observation(0, case, Some(&named));
        o.note = Some(format!(
            "acknowledged as `{named}`, the name Gemini CLI read (the `name:` line says {guess:?})"
        ));
        Ok(o)
    }

    /// One run of a batch: every case at its place, the project agents acknowledged under
    /// `names`, every listed agent of ours invoked.
    fn agent_run<'a>(
        &self,
        batch: &[&'a Case],
        names: &[Option<String>],
        builtin: &[Listed],
    ) -> Result<AgentRun<'a>, String> {
        let files = files_of(batch);
        let place = Place::new(&files)?;
        let acks: Vec<(String, Vec<u8>)> = batch
            .iter()
            .zip(names)
            .filter(|(c, _)| !c.path.starts_with("~/"))
            .filter_map(|(c, n)| Some((n.clone()?, c.bytes.clone())))
            .collect();
        place.acknowledge(&acks)?;
        let by_name: HashMap<String, usize> = names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((n.clone()?, i)))
            .collect();
        let invocable: Vec<bool> = batch.iter().map(|c| invoke_refusal(c).is_none()).collect();
        let invoked = Arc::new(AtomicBool::new(false));
        let responder = {
            let builtin = builtin.to_vec();
            let by_name = by_name.clone();
            let invocable = invocable.clone();
            let invoked = invoked.clone();
            move |req: &Request| -> Vec<Part> {
                if observe::is_subagent(req) {
                    return vec![Part::call("done", "complete_task", json!({"result": "ok"}))];
                }
                if invoked.swap(true, Ordering::SeqCst) {
                    return vec![];
                }
                observe::agents_listed(req)
                    .iter()
                    .filter(|l| !builtin.contains(l))
                    .filter_map(|l| {
                        let i = *by_name.get(&l.name)?;
                        invocable[i].then(|| {
                            Part::call(
                                format!("probe_{i}"),
                                "invoke_agent",
                                json!({"agent_name": l.name, "prompt": format!("say ok [probe {i}]")}),
                            )
                        })
                    })
                    .collect()
            }
        };
        let out = self.run(&place, "Invoke the probes.", responder)?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        let listed = observe::agents_listed(main);
        let scrub = |t: &str| place.scrub(t, &self.package_dir());
        let messages: Vec<String> = observe::stderr_messages(&scrub(&out.stderr));
        let mut spawns = BTreeMap::new();
        for req in out.requests.iter().filter(|r| observe::is_subagent(r)) {
            if let Some(i) = probe_index(&req.contents_text()) {
                spawns.entry(i).or_insert_with(|| observe::spawn(req));
            }
        }
        let mut responses = BTreeMap::new();
        for req in out.requests.iter().filter(|r| !observe::is_subagent(r)) {
            for (id, _, response) in req.function_responses() {
                if let Some(i) = id.strip_prefix("probe_").and_then(|n| n.parse::<usize>().ok()) {
                    responses.insert(i, scrub(&response_text(&response)));
                }
            }
        }
        Ok(AgentRun {
            batch: batch.to_vec(),
            // A built-in agent keeps its name: a file that takes it is not what is listed.
            listed: listed.into_iter().filter(|l| !builtin.contains(l)).collect(),
            messages,
            spawns,
            responses,
            invocable,
        })
    }

    fn skill_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let files = files_of(batch);
        let place = Place::new(&files)?;
        let scrub = |t: &str| place.scrub(t, &self.package_dir());
        let (stdout, stderr, status) = self.plain(&place, &["skills", "list", "--all"])?;
        if status != Some(0) {
            return Err(format!(
                "gemini skills list --all failed ({status:?}):\n{stderr}\n{stdout}"
            ));
        }
        let list = observe::skills_list(&scrub(&stdout));
        let mut messages = observe::stderr_messages(&scrub(&stderr));
        // Which listed skill is which case: by the file it was read from.
        let by_location: HashMap<String, usize> = batch.iter().enumerate().map(|(i, c)| (c.path.clone(), i)).collect();
        let ours: Vec<bool> = batch.iter().map(|c| c.origin == Origin::Ours).collect();
        let activated = Arc::new(AtomicBool::new(false));
        let responder = {
            let activated = activated.clone();
            let package = self.package_dir();
            let project = place.project.path().to_path_buf();
            let home = place.home.path().to_path_buf();
            let by_location = by_location.clone();
            let ours = ours.clone();
            move |req: &Request| -> Vec<Part> {
                if observe::is_subagent(req) || activated.swap(true, Ordering::SeqCst) {
                    return vec![];
                }
                observe::skills_listed(req)
                    .into_iter()
                    .filter_map(|(name, _, location)| {
                        let rel = relative(&location, &project, &home, &package);
                        let i = *by_location.get(&rel)?;
                        ours[i].then(|| Part::call(format!("skill_{i}"), "activate_skill", json!({"name": name})))
                    })
                    .collect()
            }
        };
        let out = self.run(&place, "Activate the probes.", responder)?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        messages.extend(observe::stderr_messages(&scrub(&out.stderr)));
        let offered = observe::skills_listed(main);
        let mut activations: BTreeMap<usize, String> = BTreeMap::new();
        for req in &out.requests {
            for (id, _, response) in req.function_responses() {
                if let Some(i) = id.strip_prefix("skill_").and_then(|n| n.parse::<usize>().ok()) {
                    // The instructions (the body as delivered); the resources after them list
                    // the skill's folder, which holds whatever else the batch put there.
                    let text = scrub(&response_text(&response));
                    let text = match text.find("</instructions>") {
                        Some(end) => &text[..end + "</instructions>".len()],
                        None => &text,
                    };
                    activations.insert(i, text.chars().take(240).collect());
                }
            }
        }
        let mut result = Vec::new();
        for (i, case) in batch.iter().enumerate() {
            let mut o = Observation {
                skill: list.iter().find(|l| l.location == case.path).cloned(),
                offered: offered
                    .iter()
                    .find(|(_, _, loc)| scrub(loc) == case.path)
                    .map(|(n, d, _)| Listed {
                        name: n.clone(),
                        description: d.clone(),
                    }),
                activation: activations.remove(&i),
                ..Observation::default()
            };
            let mut needles = vec![case.path.clone()];
            if let Some(s) = &o.skill {
                needles.push(format!("\"{}\"", s.name));
            }
            o.log = dedup(messages.iter().filter(|m| names_any(m, &needles)).cloned());
            if o.offered.is_some() && case.origin == Origin::Theirs {
                o.note = Some("not activated: a file of others".into());
            }
            result.push((case.id.clone(), o));
        }
        Ok(result)
    }
}

/// What one agent run showed, to be read per case.
struct AgentRun<'a> {
    batch: Vec<&'a Case>,
    listed: Vec<Listed>,
    messages: Vec<String>,
    spawns: BTreeMap<usize, Spawn>,
    responses: BTreeMap<usize, String>,
    invocable: Vec<bool>,
}

impl AgentRun<'_> {
    /// Case `i`'s observation; `name` is the name it was acknowledged under.
    fn observation(&self, i: usize, case: &Case, name: Option<&str>) -> Observation {
        let load_error = format!("Agent loading error: Failed to load agent from {}: ", case.path);
        let mut o = Observation {
            error: self
                .messages
                .iter()
                .find(|m| m.starts_with(&load_error))
                .map(|m| m["Agent loading error: ".len()..].to_string()),
            agent: name.and_then(|n| self.listed.iter().find(|l| l.name == n).cloned()),
            spawn: self.spawns.get(&i).cloned(),
            ..Observation::default()
        };
        if o.agent.is_some() && o.spawn.is_none() {
            o.refused = self.responses.get(&i).cloned();
        }
        let mut needles = vec![case.path.clone()];
        // The agent's name as messages quote it; the file's stem too (a list of remote agents
        // has no top-level `name:`, and each mutation names its agents after its file).
        for n in name.into_iter().chain([case.stem()]) {
            needles.extend([format!("'{n}'"), format!("\"{n}\""), format!("[{n}]")]);
        }
        // The load error also comes as a debug line (`[AgentRegistry] Error loading user
        // agent: …`): the same text, not kept twice.
        let error = o.error.clone().unwrap_or_default();
        o.log = dedup(
            self.messages
                .iter()
                .filter(|m| !m.starts_with(&load_error) && names_any(m, &needles))
                .filter(|m| error.is_empty() || !m.ends_with(&error))
                .cloned(),
        );
        if o.agent.is_some() && !self.invocable[i] {
            o.note = invoke_refusal(self.batch[i]).map(String::from);
        }
        o
    }
}

/// Whether Gemini CLI could load the file where it is: a top-level `*.md` of an agents folder
/// whose name does not start with `_`.
fn loadable(case: &Case) -> bool {
    let Some((dir, file)) = case.path.rsplit_once('/') else {
        return false;
    };
    matches!(dir, ".gemini/agents" | "~/.gemini/agents") && file.ends_with(".md") && !file.starts_with('_')
}

/// Whether a message names one of `needles` (a path not followed by more of a file name).
fn names_any(message: &str, needles: &[String]) -> bool {
    needles.iter().any(|n| {
        message.match_indices(n.as_str()).any(|(at, _)| {
            let next = message[at + n.len()..].chars().next();
            !next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
        })
    })
}

fn dedup(lines: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    lines.filter(|l| seen.insert(l.clone())).collect()
}

/// A listed skill's location as a case path: relative to the project, `~/…` in the home.
fn relative(location: &str, project: &std::path::Path, home: &std::path::Path, package: &std::path::Path) -> String {
    let strip = |dir: &std::path::Path| -> Option<String> {
        let mut forms = vec![dir.to_path_buf()];
        if let Ok(c) = std::fs::canonicalize(dir) {
            forms.push(c);
        }
        forms
            .iter()
            .find_map(|f| location.strip_prefix(&format!("{}/", f.display())).map(String::from))
    };
    if let Some(r) = strip(package) {
        return format!("<gemini-cli>/{r}");
    }
    if let Some(r) = strip(home) {
        return format!("~/{r}");
    }
    strip(project).unwrap_or_else(|| location.to_string())
}

/// The text of a function response: its `error`, else its `output`, else the JSON.
fn response_text(response: &serde_json::Value) -> String {
    for key in ["error", "output", "result"] {
        match &response[key] {
            serde_json::Value::String(s) => return s.clone(),
            serde_json::Value::Null => {}
            v => return v.to_string(),
        }
    }
    response.to_string()
}

/// Why a case must not be invoked, if it must not: files of others are only loaded and
/// listed; an agent of ours that declares MCP servers would start them.
fn invoke_refusal(case: &Case) -> Option<&'static str> {
    if case.origin == Origin::Theirs {
        return Some("not invoked: a file of others");
    }
    if case.text().contains("mcp_servers:") {
        return Some("not invoked: it declares MCP servers, which an invocation starts");
    }
    None
}

fn probe_index(text: &str) -> Option<usize> {
    let rest = text.split("[probe ").nth(1)?;
    rest[..rest.find(']')?].parse().ok()
}

/// The first request of the main session.
fn first_main(requests: &[Request]) -> Option<&Request> {
    requests.iter().find(|r| !observe::is_subagent(r))
}

fn no_request(out: &run::Output) -> String {
    format!(
        "Gemini CLI sent no request (exit {:?}); stderr:\n{}\nstdout:\n{}",
        out.status,
        out.stderr.trim(),
        out.stdout.trim()
    )
}

/// The files of a batch: each case's file and the extra files it needs.
fn files_of(batch: &[&Case]) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for c in batch {
        files.push((c.path.clone(), c.bytes.clone()));
        for (p, t) in &c.extra {
            files.push((p.clone(), t.as_bytes().to_vec()));
        }
    }
    files
}

/// What keeps two skills apart in a batch: the name it declares, else its folder.
fn skill_key(case: &Case) -> String {
    case.declared_name()
        .unwrap_or_else(|| case.path.rsplit('/').nth(1).unwrap_or_default().to_string())
}

/// Splits cases into batches in which no two share a path, a key (an agent's or skill's
/// name), or any extra file.
fn batches<'a>(cases: &[&'a Case], size: usize, key: impl Fn(&Case) -> Option<String>) -> Vec<Vec<&'a Case>> {
    let mut out: Vec<(Vec<&Case>, HashSet<String>)> = Vec::new();
    for c in cases {
        let mut claims: Vec<String> = vec![format!("path:{}", c.path)];
        claims.extend(c.extra.iter().map(|(p, _)| format!("path:{p}")));
        claims.extend(key(c).map(|k| format!("key:{k}")));
        let slot = out
            .iter_mut()
            .find(|(b, taken)| b.len() < size && claims.iter().all(|k| !taken.contains(k)));
        match slot {
            Some((b, taken)) => {
                b.push(c);
                taken.extend(claims);
            }
            None => out.push((vec![c], claims.into_iter().collect())),
        }
    }
    out.into_iter().map(|(b, _)| b).collect()
}

/// The tools a subagent without a `tools` key gets in a YOLO session (the main session's,
/// less `invoke_agent` and `update_topic`, plus `complete_task`), as recorded for
/// `mutation/gemini-agent/base/valid`.
pub const DEFAULT_SUBAGENT_TOOLS: &[&str] = &[
    "list_directory",
    "read_file",
    "grep_search",
    "glob",
    "replace",
    "write_file",
    "web_fetch",
    "run_shell_command",
    "list_background_processes",
    "read_background_output",
    "google_web_search",
    "enter_plan_mode",
    "activate_skill",
    "complete_task",
];

/// One line that says what Gemini CLI did with a file: the load verdict a reviewer reads.
pub fn verdict(format: &str, o: &Observation) -> String {
    let one_line = |s: &str| {
        s.split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    if format == "gemini-skill" {
        return match (&o.skill, &o.offered) {
            (Some(s), Some(_)) => format!("listed as `{}`: {}", s.name, cut(&one_line(&s.description), 60)),
            (Some(s), None) => format!("discovered as `{}`, not offered to the model", s.name),
            (None, _) => match o.log.first() {
                Some(l) => format!("not listed: {}", cut(&one_line(l), 160)),
                None => "not listed, no message".into(),
            },
        };
    }
    if let Some(e) = &o.error {
        let e = e.split_once(": ").map(|(_, r)| r).unwrap_or(e);
        let e = e
            .strip_prefix("Validation failed: Agent Definition:\n")
            .or_else(|| e.strip_prefix("Validation failed: Remote Agents List:\n"))
            .unwrap_or(e);
        // A YAML error's excerpt says where; the message before it says what.
        let e = e.split(" (").next().filter(|_| e.starts_with("YAML")).unwrap_or(e);
        return format!("not loaded: {}", cut(&one_line(e), 200));
    }
    match (&o.agent, &o.spawn, &o.refused) {
        (Some(_), Some(s), _) => {
            let tools: Vec<&str> = s.tools.iter().map(String::as_str).collect();
            let mut sorted = tools.clone();
            sorted.sort_unstable();
            let mut default = DEFAULT_SUBAGENT_TOOLS.to_vec();
            default.sort_unstable();
            let tools = if sorted == default {
                "the default tools".to_string()
            } else {
                format!("[{}]", tools.join(", "))
            };
            let temp = s.temperature.as_ref().map_or("none".to_string(), |t| t.to_string());
            format!("loads; runs on `{}` with {tools}, temperature {temp}", s.model)
        }
        (Some(_), None, Some(r)) => format!("loads; every invocation fails: {}", cut(&one_line(r), 160)),
        (Some(_), None, None) => format!("loads ({})", o.note.as_deref().unwrap_or("not invoked")),
        (None, ..) => match o.log.first() {
            Some(l) => format!("not loaded: {}", cut(&one_line(l), 160)),
            None => "not loaded, no message".into(),
        },
    }
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
