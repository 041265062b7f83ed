//! The Claude Code oracle: puts cases into temporary projects, runs the real Claude Code against
//! the fake API and reads from its requests what it did with each file.
//!
//! - Agents go in batches: one run lists every agent that loaded, and the fake model then
//!   spawns each of them (an `Agent` tool call), so the spawned agent's own request shows its
//!   model, its tools and its prompt, or the refusal comes back as the tool result. A case whose
//!   agent cannot be told apart in a batch is run alone.
//! - Commands and skills: the skills list of one run per batch; each command or skill of ours
//!   is also expanded (`claude -p "/name ARGS"`) in a run of its own. Files of others are
//!   never expanded: a `` !`cmd` `` line would run.

pub mod observe;
pub mod run;

use crate::cases::{Case, Origin};
use crate::fake_api::{Block, Request};
use observe::{Listed, Spawn};
pub use run::Claude;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What Claude Code did with one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// An agent: its entry in the list of agent types. `None`: it did not load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Listed>,
    /// The request the agent made when it was spawned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spawn: Option<Spawn>,
    /// Why spawning it failed (the tool result Claude Code returned instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    /// A command or skill: its line in the skills list. `None`: not listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// A command or skill of ours, invoked as `/name ARGS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<Expansion>,
    /// Debug-log lines that name the file or its agent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<String>,
    /// What `claude plugin validate --json` (Claude Code's own validator) reports for the file
    /// placed in a plugin: `None` when not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate: Option<Validated>,
    /// What the harness did not try, and why (a file of others that declares hooks is never
    /// spawned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A command or skill invoked with arguments: what the model was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expansion {
    /// The expanded prompt (the text after the command tags), or the error shown instead.
    pub text: String,
    /// The model id of the request that carried it.
    pub model: String,
    /// Files attached to the prompt (`@path` reads), relative to the project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached: Vec<String>,
}

/// The validator's report on one file: each problem as `path: message` (the path is the
/// front matter key or part it is about, e.g. `frontmatter`, `tools`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validated {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Files per `plugin validate` run: it only reads them, so batches can be large.
const VALIDATE_BATCH: usize = 400;

/// Agents per run: Claude Code runs at most 20 sub-agents at once and refuses the rest
/// ("Concurrent subagent limit reached").
const AGENT_BATCH: usize = 20;
/// Skills and commands per run: the skills list has a budget, and past it descriptions are cut.
const SKILL_BATCH: usize = 12;

impl Claude {
    /// Observes every case; cases of formats this oracle does not read are left out.
    pub fn observe(&self, cases: &[Case]) -> Result<Vec<(String, Observation)>, String> {
        let baseline = self.baseline()?;
        let agents: Vec<&Case> = cases.iter().filter(|c| c.format == "claude-agent").collect();
        let skills: Vec<&Case> = cases
            .iter()
            .filter(|c| c.format == "claude-command" || c.format == "skill")
            .collect();
        let mut out = Vec::new();
        for (i, batch) in batches(&agents, AGENT_BATCH, |c| c.declared_name()).iter().enumerate() {
            eprintln!("truth: claude-code: agents, batch {} ({} files)", i + 1, batch.len());
            out.extend(self.agent_batch(batch, &baseline)?);
        }
        for (i, batch) in batches(&skills, SKILL_BATCH, |c| Some(listed_name(c)))
            .iter()
            .enumerate()
        {
            eprintln!(
                "truth: claude-code: commands and skills, batch {} ({} files)",
                i + 1,
                batch.len()
            );
            out.extend(self.skill_batch(batch)?);
        }
        let all: Vec<&Case> = agents.iter().chain(skills.iter()).copied().collect();
        let mut validated = BTreeMap::new();
        for (i, batch) in batches(&all, VALIDATE_BATCH, |_| None).iter().enumerate() {
            eprintln!(
                "truth: claude-code: plugin validate, batch {} ({} files)",
                i + 1,
                batch.len()
            );
            validated.extend(self.validate_batch(batch)?);
        }
        for (id, o) in &mut out {
            o.validate = validated.remove(id.as_str());
            *o = scrubbed(o);
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// `claude plugin validate --json` over a plugin holding the batch's files (`.claude/agents/x.md`
    /// becomes the plugin's `agents/x.md`): what Claude Code's own validator says of each. It only
    /// reads the files, so files of others are asked too.
    fn validate_batch(&self, batch: &[&Case]) -> Result<BTreeMap<String, Validated>, String> {
        let in_plugin = |path: &str| path.strip_prefix(".claude/").map(String::from);
        let mut files: Vec<(String, Vec<u8>)> = vec![(
            ".claude-plugin/plugin.json".into(),
            br#"{"name": "probe", "version": "1.0.0", "description": "agentls truth probe", "author": {"name": "agentls"}}"#.to_vec(),
        )];
        let mut by_path: HashMap<String, &Case> = HashMap::new();
        for c in batch {
            let Some(p) = in_plugin(&c.path) else { continue };
            files.push((p.clone(), c.bytes.clone()));
            by_path.insert(p, c);
        }
        let dir = run::project(&files)?;
        let (stdout, stderr, _) = self.plain(dir.path(), &["plugin", "validate", "--json", "."])?;
        let report: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| {
            format!(
                "plugin validate printed no JSON ({e}): {}",
                stderr.lines().next().unwrap_or_default()
            )
        })?;
        let root = dir.path().canonicalize().unwrap_or_else(|_| dir.path().to_path_buf());
        // Every file the validator was given: those it reports nothing on get an empty report.
        let mut out: BTreeMap<String, Validated> =
            by_path.values().map(|c| (c.id.clone(), Validated::default())).collect();
        for entry in report["contents"].as_array().into_iter().flatten() {
            let file = entry["file"].as_str().unwrap_or_default();
            let rel = std::path::Path::new(file)
                .strip_prefix(&root)
                .or_else(|_| std::path::Path::new(file).strip_prefix(dir.path()))
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let Some(case) = by_path.get(&rel) else { continue };
            let list = |key: &str| -> Vec<String> {
                entry[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        let msg = run::scrub(p["message"].as_str().unwrap_or_default(), dir.path());
                        format!("{}: {msg}", p["path"].as_str().unwrap_or_default())
                    })
                    .collect()
            };
            out.insert(
                case.id.clone(),
                Validated {
                    errors: list("errors"),
                    warnings: list("warnings"),
                },
            );
        }
        Ok(out)
    }

    /// The agents and skills an empty project lists (the built-in ones).
    fn baseline(&self) -> Result<(Vec<Listed>, Vec<String>), String> {
        let dir = run::project(&[])?;
        let out = self.run(dir.path(), "hello", &[], |_| vec![])?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        Ok((observe::agents_listed(main), observe::skills_listed(main)))
    }

    fn agent_batch(
        &self,
        batch: &[&Case],
        baseline: &(Vec<Listed>, Vec<String>),
    ) -> Result<Vec<(String, Observation)>, String> {
        let files = files_of(batch);
        let dir = run::project(&files)?;
        // Which listed name is which case, and which cases may be spawned.
        let by_name: HashMap<String, usize> = batch
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((c.declared_name()?, i)))
            .collect();
        let spawnable: Vec<bool> = batch.iter().map(|c| spawn_refusal(c).is_none()).collect();
        let spawned = Arc::new(AtomicBool::new(false));
        let responder = {
            let by_name = by_name.clone();
            let spawnable = spawnable.clone();
            let spawned = spawned.clone();
            move |req: &Request| -> Vec<Block> {
                if req.is_subagent() || spawned.load(Ordering::SeqCst) {
                    return vec![];
                }
                let listed = observe::agents_listed(req);
                if listed.is_empty() {
                    return vec![];
                }
                spawned.store(true, Ordering::SeqCst);
                listed
                    .iter()
                    .filter_map(|l| {
                        let i = *by_name.get(&l.name)?;
                        spawnable[i].then(|| spawn_call(i, &l.name))
                    })
                    .collect()
            }
        };
        let out = self.run(dir.path(), "Spawn the probes.", &[], responder)?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        let listed = observe::agents_listed(main);
        let results = last_tool_results(&out.requests);
        let mut obs: Vec<Observation> = vec![Observation::default(); batch.len()];
        let mut unexplained = Vec::new();
        for l in &listed {
            match by_name.get(&l.name) {
                Some(&i) => obs[i].agent = Some(l.clone()),
                None if baseline.0.contains(l) => {}
                None => unexplained.push(l.clone()),
            }
        }
        for req in out.requests.iter().filter(|r| r.is_subagent()) {
            let text = req.messages_text();
            if let Some(i) = probe_index(&text)
                && i < obs.len()
                && obs[i].spawn.is_none()
            {
                obs[i].spawn = Some(observe::spawn(req));
            }
        }
        for (i, o) in obs.iter_mut().enumerate() {
            if let Some((text, true)) = results.get(&format!("toolu_probe_{i}")) {
                o.refused = Some(run::scrub(text, dir.path()));
            }
            if o.agent.is_some() && !spawnable[i] {
                o.note = spawn_refusal(batch[i]).map(String::from);
            }
            o.log = observe::log_lines(&run::scrub(&out.debug, dir.path()), &needles(batch[i]));
        }
        let mut result: Vec<(String, Observation)> = Vec::new();
        for (i, o) in obs.into_iter().enumerate() {
            // Not listed under the name we expected while something unexpected was: ask again
            // with the case alone, where the one new entry is its own.
            if o.agent.is_none() && !unexplained.is_empty() && batch.len() > 1 {
                result.extend(self.agent_batch_alone(batch[i], baseline)?);
            } else {
                result.push((batch[i].id.clone(), o));
            }
        }
        Ok(result)
    }

    /// One case alone: the entry that is not a built-in one is the case's, whatever its name.
    fn agent_batch_alone(
        &self,
        case: &Case,
        baseline: &(Vec<Listed>, Vec<String>),
    ) -> Result<Vec<(String, Observation)>, String> {
        let files = files_of(&[case]);
        let dir = run::project(&files)?;
        let spawnable = spawn_refusal(case).is_none();
        let spawned = Arc::new(AtomicBool::new(false));
        let base = baseline.0.clone();
        let responder = {
            let spawned = spawned.clone();
            move |req: &Request| -> Vec<Block> {
                if req.is_subagent() || spawned.load(Ordering::SeqCst) {
                    return vec![];
                }
                let listed = observe::agents_listed(req);
                if listed.is_empty() {
                    return vec![];
                }
                spawned.store(true, Ordering::SeqCst);
                listed
                    .iter()
                    .filter(|l| spawnable && !base.contains(l))
                    .take(1)
                    .map(|l| spawn_call(0, &l.name))
                    .collect()
            }
        };
        let out = self.run(dir.path(), "Spawn the probe.", &[], responder)?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        let mut o = Observation {
            agent: observe::agents_listed(main)
                .into_iter()
                .find(|l| !baseline.0.contains(l)),
            ..Observation::default()
        };
        o.spawn = out
            .requests
            .iter()
            .find(|r| r.is_subagent() && probe_index(&r.messages_text()) == Some(0))
            .map(observe::spawn);
        if let Some((text, true)) = last_tool_results(&out.requests).get("toolu_probe_0") {
            o.refused = Some(run::scrub(text, dir.path()));
        }
        if o.agent.is_some() && !spawnable {
            o.note = spawn_refusal(case).map(String::from);
        }
        o.log = observe::log_lines(&run::scrub(&out.debug, dir.path()), &needles(case));
        Ok(vec![(case.id.clone(), o)])
    }

    fn skill_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let files = files_of(batch);
        let dir = run::project(&files)?;
        let out = self.run(dir.path(), "hello", &[], |_| vec![])?;
        let main = first_main(&out.requests).ok_or_else(|| no_request(&out))?;
        let lines = observe::skills_listed(main);
        let debug = run::scrub(&out.debug, dir.path());
        let mut result = Vec::new();
        for case in batch {
            let name = listed_name(case);
            let mut o = Observation {
                skill: lines
                    .iter()
                    .find(|l| l.starts_with(&format!("{name}: ")) || l.starts_with(&format!("{name} (")) || **l == name)
                    .cloned(),
                log: observe::log_lines(&debug, &needles(case)),
                ..Observation::default()
            };
            match shell_lines_harmless(case) {
                true if case.origin == Origin::Ours => o.expansion = self.expand(case, &name)?,
                false if case.origin == Origin::Ours => {
                    o.note = Some("not expanded: a shell line of it is not a plain `echo`".into());
                }
                _ => {}
            }
            result.push((case.id.clone(), o));
        }
        Ok(result)
    }

    /// `claude -p "/name ARGS"` with the case alone in a project: the prompt the model got.
    fn expand(&self, case: &Case, name: &str) -> Result<Option<Expansion>, String> {
        let files = files_of(&[case]);
        let dir = run::project(&files)?;
        let args = case.args.clone().unwrap_or_else(|| "alpha beta gamma".into());
        let out = self.run(dir.path(), &format!("/{name} {args}"), &[], |_| vec![])?;
        let Some(main) = first_main(&out.requests) else {
            // No request at all: the command was refused before the model was asked.
            return Ok(Some(Expansion {
                text: run::scrub(out.stdout.trim(), dir.path()),
                model: String::new(),
                attached: Vec::new(),
            }));
        };
        let blocks = user_blocks(main);
        let after_args = blocks
            .iter()
            .position(|b| b.contains("<command-args>") || b.contains("<command-name>"))
            .map(|i| blocks[i + 1..].join("\n"))
            .unwrap_or_else(|| blocks.last().cloned().unwrap_or_default());
        let attached = blocks
            .iter()
            .filter_map(|b| {
                let rest = b.split("Called the Read tool with the following input: ").nth(1)?;
                let json_end = rest.find('}')?;
                let v: serde_json::Value = serde_json::from_str(&rest[..=json_end]).ok()?;
                Some(run::scrub(v["file_path"].as_str()?, dir.path()))
            })
            .collect();
        Ok(Some(Expansion {
            text: run::scrub(&after_args, dir.path()),
            model: main.model().to_string(),
            attached,
        }))
    }
}

/// An observation with every harness folder path replaced by its label (a spawned agent's
/// prompt names its memory folder, a log line the home folder): the same on every run.
fn scrubbed(o: &Observation) -> Observation {
    let json = serde_json::to_string(o).expect("an observation serializes");
    serde_json::from_str(&crate::util::scrub_temp_dirs(&json)).expect("scrubbing keeps the JSON valid")
}

/// The name a command or skill is listed and invoked under: a command's path below
/// `commands/` with `:` between folders; a skill's folder.
pub fn listed_name(case: &Case) -> String {
    if case.format == "skill" {
        return case.path.rsplit('/').nth(1).unwrap_or_default().to_string();
    }
    let rel = case.path.split("commands/").nth(1).unwrap_or(&case.path);
    rel.trim_end_matches(".md").replace('/', ":")
}

/// Whether every `` !`cmd` `` of a file is a plain `echo` (no pipes, redirections,
/// substitutions or further commands): only then may the harness expand it, which runs them.
pub fn shell_lines_harmless(case: &Case) -> bool {
    let text = case.text();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("!`") {
        let after = &rest[i + 2..];
        let Some(end) = after.find('`') else { break };
        let cmd = after[..end].trim();
        let plain = cmd
            .strip_prefix("echo ")
            .is_some_and(|args| !args.contains(['|', '&', ';', '>', '<', '$', '`', '(', ')', '\\', '\n']))
            || cmd == "echo";
        if !plain {
            return false;
        }
        rest = &after[end + 1..];
    }
    true
}

/// Why a case must not be spawned, if it must not: files of others that start processes when
/// their agent runs (hooks, inline MCP servers).
fn spawn_refusal(case: &Case) -> Option<&'static str> {
    if case.origin == Origin::Ours {
        return None;
    }
    let text = case.text();
    let front: Vec<&str> = text.lines().skip(1).take_while(|l| l.trim_end() != "---").collect();
    let starts = |l: &&str, keys: &[&str]| keys.iter().any(|k| l.trim_start().starts_with(k));
    if front.iter().any(|l| {
        starts(
            l,
            &[
                "hooks:",
                "PreToolUse:",
                "PostToolUse:",
                "Stop:",
                "SubagentStart:",
                "SubagentStop:",
            ],
        )
    }) {
        return Some("not spawned: a file of others that declares hooks");
    }
    if front.iter().any(|l| starts(l, &["mcpServers:", "command:"])) {
        return Some("not spawned: a file of others that declares MCP servers");
    }
    None
}

fn spawn_call(i: usize, name: &str) -> Block {
    Block::tool_use(
        format!("toolu_probe_{i}"),
        "Agent",
        json!({
            "subagent_type": name,
            "description": "probe",
            "prompt": format!("say ok [probe {i}]"),
            "run_in_background": false,
        }),
    )
}

fn probe_index(text: &str) -> Option<usize> {
    let rest = text.split("[probe ").nth(1)?;
    rest[..rest.find(']')?].parse().ok()
}

/// The first request of the main session.
fn first_main(requests: &[Request]) -> Option<&Request> {
    requests.iter().find(|r| !r.is_subagent())
}

fn no_request(out: &run::Output) -> String {
    format!(
        "Claude Code sent no request (exit {:?}); stderr:\n{}\nstdout:\n{}",
        out.status,
        out.stderr.trim(),
        out.stdout.trim()
    )
}

/// The tool results of the main session's last request, by tool-use id: text and whether it
/// is an error.
fn last_tool_results(requests: &[Request]) -> BTreeMap<String, (String, bool)> {
    let mut out = BTreeMap::new();
    for r in requests.iter().filter(|r| !r.is_subagent()) {
        for (id, text, err) in r.tool_results() {
            out.insert(id, (text, err));
        }
    }
    out
}

/// The text blocks of the last user message of a request.
fn user_blocks(req: &Request) -> Vec<String> {
    let Some(msgs) = req.body["messages"].as_array() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in msgs.iter().filter(|m| m["role"] == "user") {
        match &m["content"] {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(blocks) => {
                out.extend(blocks.iter().filter_map(|b| b["text"].as_str().map(String::from)))
            }
            _ => {}
        }
    }
    out
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

/// What to look for in the debug log: the file's path, and its agent's name in quotes (or a
/// command's or skill's name, as its log lines write it).
fn needles(case: &Case) -> Vec<String> {
    let mut n = vec![case.path.clone()];
    if let Some(name) = case.declared_name() {
        n.push(format!("'{name}'"));
    }
    if case.format != "claude-agent" {
        let name = listed_name(case);
        n.push(format!("Skill {name} "));
        n.push(format!("command {name} "));
    }
    n
}

/// Splits cases into batches in which no two share a path, a key (an agent's name), or any
/// extra file.
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
