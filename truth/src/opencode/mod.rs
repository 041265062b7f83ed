//! The OpenCode oracle: puts agent cases into temporary projects, asks a real `opencode serve`
//! what it made of them, and runs some of them against the fake API to see what they send.
//!
//! - Agents go in batches: one `GET /agent` lists every agent OpenCode resolved (name, mode,
//!   model, sampling, colour, options, permission rules, prompt). One file with a value of the
//!   wrong type makes OpenCode refuse its whole configuration (HTTP 400 with the file's path on
//!   every request, exit 1 for every command); that file's observation is the error, it is
//!   taken out, and the batch is asked again.
//! - A case whose agent cannot be found under the name it should have is asked about alone,
//!   where the one agent that is not built in is its own.
//! - Cases of ours whose effect shows only in a request (the model, sampling, options, tools)
//!   are also run: `opencode run --agent NAME`, the fake model answering `ok`.
//! - Commands go in batches too: `GET /command` lists every command (and every skill, which
//!   OpenCode also offers as a command) as OpenCode resolved it; a refused configuration is
//!   handled as for agents. Commands of ours are run with their arguments
//!   (`opencode run --command NAME ARGS…`), so the fake API sees the prompt they expand to. Their
//!   shell lines are harmless `echo`s; no command of the corpus is ever run.
//! - Kilo Code's CLI is the same program under another name ([`run::KILO`]): the same cases at
//!   Kilo's paths (`.kilo/`), asked the same way.

pub mod run;

use crate::cases::{Case, Origin};
use crate::fake_api::Request;
pub use run::{Flavour, KILO, OPENCODE, OpenCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// What OpenCode did with one agent file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// The agent as `GET /agent` lists it. `None`: OpenCode has no agent from this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    /// What OpenCode answered instead of its agents (HTTP 400) because of this file: a
    /// configuration error, with which every command stops, or an agent it cannot describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The agent's entry in the `task` tool, the list of agents another agent may start
    /// (`name: description`, as the reference agent's request shows it); `None` when loaded but
    /// not offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered: Option<String>,
    /// What the agent sent when run (`opencode run --agent NAME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<Run>,
    /// The command as `GET /command` lists it. `None` for an agent case, or a command OpenCode
    /// does not list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Command>,
    /// The skill as `GET /skill` lists it. `None` for other cases, or a skill OpenCode does not
    /// list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<Skill>,
    /// For the catalogue case: the models `opencode models anthropic` lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<String>,
    /// What the harness did not try, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An agent as OpenCode resolved it (its `Agent.Info`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Agent {
    pub name: String,
    pub mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `provider/model`, as OpenCode split it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Value>,
    /// Provider options: `options` and every key OpenCode does not know.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, Value>,
    /// The agent's own permission rules, `permission pattern action`, in order (the rules every
    /// agent gets are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permission: Vec<String>,
    /// The prompt, cut to 160 characters.
    pub prompt: String,
    pub prompt_len: usize,
}

/// A skill as OpenCode resolved it (an entry of `GET /skill`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A command as OpenCode resolved it (an entry of `GET /command`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Command {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// `provider/model`, as OpenCode split it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtask: Option<bool>,
    /// The placeholders OpenCode found in the template (`$1`, `$ARGUMENTS`), which its menu
    /// shows as the command's arguments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// The template (the body), cut to 160 characters.
    pub template: String,
    pub template_len: usize,
}

/// What the agent sent to the model, or why it sent nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The model id of the agent's request; `None`: no request was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Keys of the request body besides the ones every request has (provider options that
    /// reached the API).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, Value>,
    /// The agent's own part of the system prompt, cut to 160 characters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub system: String,
    /// For a command: the text of the user message it was expanded to, cut to 400 characters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prompt: String,
    /// The error OpenCode logged instead (`ProviderModelNotFoundError: …`), or what it printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Agents per project: enough to make a batch cheap, few enough that a batch with many
/// configuration errors (one restart each) stays short.
const BATCH: usize = 40;

/// An agent every batch project holds: its permission rules are the ones every agent gets, and
/// its presence shows that the batch loaded.
const BASELINE: &str = "truth-baseline";
const BASELINE_TEXT: &str =
    "---\ndescription: The harness's reference agent.\n---\nReference agent of the truth harness.\n";

/// Commands per project: each costs nothing to list, and each refused configuration a restart.
const COMMAND_BATCH: usize = 60;

/// Body keys every request to the Anthropic API has.
const USUAL_KEYS: &[&str] = &[
    "model",
    "max_tokens",
    "system",
    "messages",
    "tools",
    "tool_choice",
    "stream",
    "temperature",
    "top_p",
];

/// The case whose observation also holds the Anthropic models of OpenCode's catalogue.
pub const CATALOG_CASE: &str = "/catalog/models";

/// Where the `task` tool's description lists the agents it can start.
const TASK_HEAD: &str = "Available agent types and the tools they have access to:";

/// Case groups whose effect shows in the request an agent sends.
pub const RUN_GROUPS: &[&str] = &[
    "model",
    "model-id",
    "temperature",
    "top_p",
    "variant",
    "options",
    "unknown-key",
    "steps",
    "maxSteps",
    "prompt",
    "tools",
    "permission",
    "front-matter",
    "yaml",
    "tool",
    "permission-key",
    "permission-map",
];

impl OpenCode {
    /// Observes every agent and command case of this flavour (`opencode-agent`,
    /// `kilo-command`…); others are left out.
    pub fn observe(&self, cases: &[Case]) -> Result<Vec<(String, Observation)>, String> {
        let agent_format = format!("{}-agent", self.flavour.tool);
        let command_format = format!("{}-command", self.flavour.tool);
        let agents: Vec<&Case> = cases.iter().filter(|c| c.format == agent_format).collect();
        let commands: Vec<&Case> = cases.iter().filter(|c| c.format == command_format).collect();
        let skill_format = format!("{}-skill", self.flavour.tool);
        let skills: Vec<&Case> = cases.iter().filter(|c| c.format == skill_format).collect();
        let mut out = Vec::new();
        if !skills.is_empty() {
            eprintln!("truth: {}: skills ({} files)", self.flavour.tool, skills.len());
            out.extend(self.skill_batch(&skills)?);
        }
        let command_batches = batches(&commands, COMMAND_BATCH);
        for (i, batch) in command_batches.iter().enumerate() {
            eprintln!(
                "truth: {}: commands, batch {}/{} ({} files)",
                self.flavour.tool,
                i + 1,
                command_batches.len(),
                batch.len()
            );
            out.extend(self.command_batch(batch)?);
        }
        let batches = batches(&agents, BATCH);
        for (i, batch) in batches.iter().enumerate() {
            eprintln!(
                "truth: {}: agents, batch {}/{} ({} files)",
                self.flavour.tool,
                i + 1,
                batches.len(),
                batch.len()
            );
            out.extend(self.batch(batch, false)?);
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    fn batch(&self, batch: &[&Case], alone: bool) -> Result<Vec<(String, Observation)>, String> {
        let mut obs: Vec<Observation> = vec![Observation::default(); batch.len()];
        let mut present: Vec<bool> = vec![true; batch.len()];
        let listed = loop {
            let project = Project::new(self.flavour, batch, &present)?;
            let server = self.start_server(&project)?;
            let (status, body) = server.get("/agent")?;
            if status == 200 {
                break (project, body.as_array().cloned().unwrap_or_default());
            }
            // The whole configuration is refused: find the file it names.
            let path = body["data"]["path"].as_str().unwrap_or_default();
            let rel = path.trim_start_matches("./");
            let named = batch
                .iter()
                .enumerate()
                .position(|(i, c)| present[i] && (c.path == rel || rel.ends_with(&format!("/{}", home_rel(&c.path)))));
            match named {
                Some(i) => {
                    obs[i].error = Some(describe_error(&body));
                    present[i] = false;
                }
                // An error that names no file (an agent OpenCode cannot describe): with one
                // case left it is that case's; otherwise each half of the rest is asked again.
                None if present.iter().filter(|p| **p).count() == 1 => {
                    let i = present.iter().position(|p| *p).expect("one is present");
                    obs[i].error = Some(describe_error(&body));
                    // The configuration loads, so other agents may still run: see whether the
                    // reference agent does with this file beside it.
                    obs[i].run = Some(self.observe_run(&project, BASELINE)?);
                    present[i] = false;
                }
                None => {
                    let rest: Vec<&Case> = (0..batch.len()).filter(|&i| present[i]).map(|i| batch[i]).collect();
                    let (a, b) = rest.split_at(rest.len() / 2);
                    let mut result: Vec<(String, Observation)> = (0..batch.len())
                        .filter(|&i| !present[i])
                        .map(|i| (batch[i].id.clone(), obs[i].clone()))
                        .collect();
                    result.extend(self.batch(a, alone)?);
                    result.extend(self.batch(b, alone)?);
                    return Ok(result);
                }
            }
        };
        let (project, listed) = listed;
        let agents: Vec<&Value> = listed.iter().filter(|a| a["native"] != Value::Bool(true)).collect();
        let base = agents.iter().find(|a| a["name"] == BASELINE).copied();
        let Some(base) = base else {
            return Err(format!(
                "the reference agent is missing from OpenCode's agents: {}",
                Value::Array(listed.clone())
            ));
        };
        let base_rules = rules(base);
        let mut claimed: HashSet<String> = HashSet::from([BASELINE.to_string()]);
        for (i, case) in batch.iter().enumerate() {
            if !present[i] {
                continue;
            }
            let names = expected_names(case);
            if let Some(a) = agents
                .iter()
                .find(|a| names.iter().any(|n| a["name"].as_str() == Some(n.as_str())))
            {
                claimed.insert(a["name"].as_str().unwrap_or_default().to_string());
                obs[i].agent = Some(agent(a, &base_rules));
            }
        }
        let unexplained: Vec<&&Value> = agents
            .iter()
            .filter(|a| !claimed.contains(a["name"].as_str().unwrap_or_default()))
            .collect();
        if alone
            && obs[0].agent.is_none()
            && let Some(a) = unexplained.first()
        {
            obs[0].agent = Some(agent(a, &base_rules));
        }
        // What another agent is offered: the reference agent's `task` tool.
        let offered = self.offered(&project)?;
        for o in obs.iter_mut() {
            if let Some(a) = &o.agent {
                o.offered = offered
                    .iter()
                    .find(|l| l.strip_prefix(a.name.as_str()).is_some_and(|r| r.starts_with(": ")))
                    .cloned();
            }
        }
        let mut result = Vec::new();
        for (i, case) in batch.iter().enumerate() {
            if present[i] && obs[i].agent.is_none() && !unexplained.is_empty() && !alone {
                // Listed under another name, or not at all: ask with the case alone.
                result.extend(self.batch(&[case], true)?);
                continue;
            }
            let mut o = obs[i].clone();
            if case.id.ends_with(CATALOG_CASE) {
                o.models = self.models("anthropic")?;
            }
            if let Some(a) = &o.agent
                && wants_run(case)
            {
                if a.mode == "subagent" {
                    o.note = Some("not run: a subagent cannot be run directly".into());
                } else {
                    o.run = Some(self.observe_run(&project, &a.name)?);
                }
            }
            result.push((case.id.clone(), o));
        }
        Ok(result)
    }

    /// Lists a batch of commands (`GET /command`), and runs those of ours that take
    /// arguments.
    fn command_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let mut obs: Vec<Observation> = vec![Observation::default(); batch.len()];
        let mut present: Vec<bool> = vec![true; batch.len()];
        let (project, listed) = loop {
            let project = Project::new(self.flavour, batch, &present)?;
            let server = self.start_server(&project)?;
            let (status, body) = server.get("/command")?;
            if status == 200 {
                break (project, body.as_array().cloned().unwrap_or_default());
            }
            let path = body["data"]["path"].as_str().unwrap_or_default();
            let rel = path.trim_start_matches("./");
            let named = batch
                .iter()
                .enumerate()
                .position(|(i, c)| present[i] && (c.path == rel || rel.ends_with(&format!("/{}", home_rel(&c.path)))));
            let Some(i) = named else {
                return Err(format!(
                    "{} refused the configuration and named no command file: {}",
                    self.flavour.tool,
                    describe_error(&body)
                ));
            };
            obs[i].error = Some(describe_error(&body));
            present[i] = false;
        };
        let commands: Vec<&Value> = listed.iter().filter(|c| c["source"] == "command").collect();
        let mut result = Vec::new();
        for (i, case) in batch.iter().enumerate() {
            let mut o = obs[i].clone();
            if present[i] {
                let names = command_names(case);
                o.command = commands
                    .iter()
                    .find(|c| names.iter().any(|n| c["name"].as_str() == Some(n.as_str())))
                    .map(|c| command(c));
                if let (Some(c), Some(args)) = (&o.command, case.args.as_deref())
                    && case.origin == Origin::Ours
                {
                    o.run = Some(self.observe_command_run(&project, &c.name, args)?);
                }
            }
            result.push((case.id.clone(), o));
        }
        Ok(result)
    }

    /// Lists skills (`GET /skill`, matched to the cases by where they live). Skills have no
    /// schema that could refuse the configuration, so one project holds them all.
    fn skill_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let present = vec![true; batch.len()];
        let project = Project::new(self.flavour, batch, &present)?;
        let listed = {
            let server = self.start_server(&project)?;
            let (status, body) = server.get("/skill")?;
            if status != 200 {
                return Err(format!("{}: GET /skill answered {status}: {body}", self.flavour.tool));
            }
            body.as_array().cloned().unwrap_or_default()
        };
        Ok(batch
            .iter()
            .map(|case| {
                let at = format!("./{}", case.path);
                let skill = listed
                    .iter()
                    .find(|s| s["location"].as_str() == Some(at.as_str()))
                    .map(|s| Skill {
                        name: s["name"].as_str().unwrap_or_default().to_string(),
                        description: s["description"].as_str().map(String::from),
                    });
                (
                    case.id.clone(),
                    Observation {
                        skill,
                        ..Observation::default()
                    },
                )
            })
            .collect())
    }

    fn observe_command_run(&self, project: &Project, name: &str, args: &str) -> Result<Run, String> {
        let home = run::Home::new()?;
        project.write_home(home.path())?;
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = self.run_command(project.dir.path(), home, name, &args)?;
        Ok(read_run(&out))
    }

    fn start_server(&self, project: &Project) -> Result<run::Server, String> {
        let home = run::Home::new()?;
        project.write_home(home.path())?;
        self.serve(project.dir.path(), home)
    }

    /// The agents the `task` tool offers the reference agent: its description's
    /// `- name: description` lines.
    fn offered(&self, project: &Project) -> Result<Vec<String>, String> {
        let home = run::Home::new()?;
        project.write_home(home.path())?;
        let out = self.run(project.dir.path(), home, BASELINE, "say ok")?;
        let Some(req) = out
            .requests
            .iter()
            .find(|r| !r.system_text().contains("You are a title generator"))
        else {
            return Err(format!(
                "the reference agent sent no request (exit {:?}): {}",
                out.status,
                out.stderr.trim()
            ));
        };
        let task = req.body["tools"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["name"] == "task")
            .and_then(|t| t["description"].as_str())
            .unwrap_or_default();
        let list = task.split(TASK_HEAD).nth(1).unwrap_or_default();
        let mut lines: Vec<String> = Vec::new();
        // An entry starts with `- `; a description may run over several lines.
        for line in list.lines().skip_while(|l| l.trim().is_empty()) {
            if let Some(entry) = line.strip_prefix("- ") {
                lines.push(entry.to_string());
            } else if line.trim().is_empty() {
                break;
            } else if let Some(last) = lines.last_mut() {
                last.push('\n');
                last.push_str(line);
            }
        }
        Ok(lines)
    }

    fn observe_run(&self, project: &Project, name: &str) -> Result<Run, String> {
        let home = run::Home::new()?;
        project.write_home(home.path())?;
        let out = self.run(project.dir.path(), home, name, "say ok")?;
        // The user message of an agent's run is our own `say ok`, not something the file made.
        Ok(Run {
            prompt: String::new(),
            ..read_run(&out)
        })
    }
}

/// What a run sent (its last request that is not the title's), or the error it logged.
fn read_run(out: &run::RunOutput) -> Run {
    let agent_req = out
        .requests
        .iter()
        .rev()
        .find(|r| !r.system_text().contains("You are a title generator"));
    let error = out
        .stderr
        .lines()
        .filter(|l| l.contains("level=ERROR"))
        .find_map(|l| {
            let rest = l.split(" error=\"").nth(1)?;
            Some(
                rest.split("\" cause=")
                    .next()
                    .unwrap_or(rest)
                    .trim_end_matches('"')
                    .to_string(),
            )
        })
        .or_else(|| {
            (agent_req.is_none() || out.status != Some(0)).then(|| {
                let text = format!("{}{}", out.stdout, out.stderr);
                format!(
                    "exit {:?}: {}",
                    out.status,
                    text.trim().lines().last().unwrap_or_default()
                )
            })
        });
    match agent_req {
        Some(r) => run_of(r, error),
        None => Run {
            error,
            ..Run::default()
        },
    }
}

/// The request an agent sent, read.
fn run_of(r: &Request, error: Option<String>) -> Run {
    let system = r.system_text();
    let own = system
        .split("\nYou are powered by the model")
        .next()
        .unwrap_or_default();
    let mut tools = r.tool_names();
    tools.sort();
    let extra = r
        .body
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| !USUAL_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let prompt = r.body["messages"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["role"] == "user"))
        .map(|m| match &m["content"] {
            Value::String(s) => s.clone(),
            Value::Array(blocks) => blocks
                .iter()
                .filter_map(|b| b["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        })
        .unwrap_or_default();
    Run {
        model: Some(r.model().to_string()),
        // Kilo adds the time of the message after the prompt: not part of the command.
        prompt: prompt
            .split("<environment_details>")
            .next()
            .unwrap_or_default()
            .trim_end()
            .chars()
            .take(400)
            .collect(),
        tools,
        temperature: r.body["temperature"].as_f64(),
        top_p: r.body["top_p"].as_f64(),
        extra,
        system: own.chars().take(160).collect(),
        error,
    }
}

/// A command of `GET /command`, read.
fn command(c: &Value) -> Command {
    let template = c["template"].as_str().unwrap_or_default();
    let model = match (c["model"]["providerID"].as_str(), c["model"]["modelID"].as_str()) {
        (Some(p), Some(m)) => Some(format!("{p}/{m}")),
        _ => c["model"].as_str().map(String::from),
    };
    Command {
        name: c["name"].as_str().unwrap_or_default().to_string(),
        description: c["description"].as_str().map(String::from),
        agent: c["agent"].as_str().map(String::from),
        model,
        subtask: c["subtask"].as_bool(),
        hints: c["hints"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|h| h.as_str().map(String::from))
            .collect(),
        template: template.chars().take(160).collect(),
        template_len: template.chars().count(),
    }
}

/// The names OpenCode may list a command under: a `name:` it declares, then its path below
/// `command/` or `commands/` without `.md`.
fn command_names(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = case.declared_name() {
        out.push(n);
    }
    let p = format!("/{}", home_rel(&case.path));
    let rest = ["/command/", "/commands/"]
        .iter()
        .filter_map(|d| p.find(d).map(|i| &p[i + d.len()..]))
        .min_by_key(|r| r.len());
    if let Some(r) = rest {
        out.push(r.strip_suffix(".md").unwrap_or(r).to_string());
    }
    out
}

/// `ConfigInvalidError: temperature: Expected number | undefined, got "hot"`.
fn describe_error(body: &Value) -> String {
    let name = body["name"].as_str().unwrap_or("error");
    let data = &body["data"];
    let mut parts: Vec<String> = data["issues"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            let path: Vec<String> = i["path"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| p.as_str().map_or(p.to_string(), String::from))
                .collect();
            format!("{}: {}", path.join("."), i["message"].as_str().unwrap_or_default())
        })
        .collect();
    if parts.is_empty() {
        parts.push(data["message"].as_str().unwrap_or_default().to_string());
    }
    format!("{name}: {}", parts.join("; "))
}

/// An agent of `GET /agent`, read; `base` are the rules every agent gets.
fn agent(a: &Value, base: &[String]) -> Agent {
    let prompt = a["prompt"].as_str().unwrap_or_default();
    let model = match (a["model"]["providerID"].as_str(), a["model"]["modelID"].as_str()) {
        (Some(p), Some(m)) => Some(format!("{p}/{m}")),
        _ => None,
    };
    let text = |k: &str| a[k].as_str().map(String::from);
    Agent {
        name: text("name").unwrap_or_default(),
        mode: text("mode").unwrap_or_default(),
        description: text("description"),
        model,
        variant: text("variant"),
        temperature: a["temperature"].as_f64(),
        top_p: a["topP"].as_f64(),
        color: text("color"),
        hidden: a["hidden"].as_bool(),
        steps: Some(a["steps"].clone()).filter(|s| !s.is_null()),
        options: a["options"]
            .as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        permission: own_rules(&rules(a), base),
        prompt: prompt.chars().take(160).collect(),
        prompt_len: prompt.chars().count(),
    }
}

fn rules(a: &Value) -> Vec<String> {
    a["permission"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            format!(
                "{} {} {}",
                r["permission"].as_str().unwrap_or_default(),
                r["pattern"].as_str().unwrap_or_default(),
                r["action"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// The rules of an agent that the reference agent does not have: those after the shared
/// ones, before the last rule every agent gets appended.
fn own_rules(all: &[String], base: &[String]) -> Vec<String> {
    let Some((last, shared)) = base.split_last() else {
        return all.to_vec();
    };
    if !all.starts_with(shared) {
        return all.to_vec();
    }
    let mut own = all[shared.len()..].to_vec();
    if own.last() == Some(last) {
        own.pop();
    }
    own
}

/// Where under the home a `~/` case lives (`~/.config/opencode/agent/x.md` →
/// `.config/opencode/agent/x.md`); other paths as they are.
fn home_rel(path: &str) -> &str {
    path.strip_prefix("~/").unwrap_or(path)
}

/// The names OpenCode may list a case's agent under: a `name:` it declares, then its path
/// below `agent/` or `agents/` without `.md` (OpenCode names agents by their file).
fn expected_names(case: &Case) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = case.declared_name() {
        out.push(n);
    }
    let p = format!("/{}", home_rel(&case.path));
    let rest = ["/agent/", "/agents/"]
        .iter()
        .filter_map(|d| p.find(d).map(|i| &p[i + d.len()..]))
        .min_by_key(|r| r.len());
    if let Some(r) = rest {
        out.push(r.strip_suffix(".md").unwrap_or(r).to_string());
    }
    out
}

/// Whether the harness runs a case's agent: ours, of a group whose effect shows in a request.
fn wants_run(case: &Case) -> bool {
    if case.origin != Origin::Ours {
        return false;
    }
    let mut parts = case.id.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("mutation"), Some(_), Some(group)) => RUN_GROUPS.contains(&group),
        (Some("fixture" | "docs"), ..) => true,
        _ => false,
    }
}

/// A batch's files: in the project, or in the home for `~/` paths.
struct Project {
    dir: crate::util::TempDir,
    home_files: Vec<(String, Vec<u8>)>,
}

impl Project {
    fn new(flavour: &Flavour, batch: &[&Case], present: &[bool]) -> Result<Project, String> {
        let dir = crate::util::TempDir::new("opencode-project").map_err(|e| e.to_string())?;
        let mut home_files = Vec::new();
        let baseline = format!("{}/agent/{BASELINE}.md", flavour.project_dir);
        let mut files = vec![(baseline, BASELINE_TEXT.as_bytes().to_vec())];
        for (c, _) in batch.iter().zip(present).filter(|(_, p)| **p) {
            files.push((c.path.clone(), c.bytes.clone()));
            files.extend(c.extra.iter().map(|(p, t)| (p.clone(), t.as_bytes().to_vec())));
        }
        for (rel, bytes) in files {
            match rel.strip_prefix("~/") {
                Some(h) => home_files.push((h.to_string(), bytes)),
                None => crate::util::write_file(dir.path(), &rel, &bytes).map_err(|e| format!("{rel}: {e}"))?,
            }
        }
        Ok(Project { dir, home_files })
    }

    fn write_home(&self, home: &Path) -> Result<(), String> {
        for (rel, bytes) in &self.home_files {
            crate::util::write_file(home, rel, bytes).map_err(|e| format!("~/{rel}: {e}"))?;
        }
        Ok(())
    }
}

/// Splits cases into batches in which no two share a path, an expected agent name, or their
/// content (OpenCode's front matter parser caches by content, so a second file with the same
/// text would be read from the first one's cache entry).
fn batches<'a>(cases: &[&'a Case], size: usize) -> Vec<Vec<&'a Case>> {
    let mut out: Vec<(Vec<&Case>, HashSet<String>)> = Vec::new();
    for c in cases {
        let mut claims: Vec<String> = vec![format!("path:{}", c.path), format!("text:{}", c.sha())];
        claims.extend(c.extra.iter().map(|(p, _)| format!("path:{p}")));
        claims.extend(expected_names(c).into_iter().map(|n| format!("name:{n}")));
        claims.extend(command_names(c).into_iter().map(|n| format!("command:{n}")));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_rules_drop_the_shared_ones_and_the_appended_one() {
        let base: Vec<String> = ["* * allow", "read * allow", "external_directory ~/x allow"]
            .map(String::from)
            .into();
        let all: Vec<String> = [
            "* * allow",
            "read * allow",
            "edit * deny",
            "external_directory ~/x allow",
        ]
        .map(String::from)
        .into();
        assert_eq!(own_rules(&all, &base), vec!["edit * deny".to_string()]);
    }

    #[test]
    fn agents_are_named_by_their_path_below_the_agent_folder() {
        let c = Case::ours("x", "opencode-agent", ".opencode/agents/team/review.md", "Body.\n");
        assert_eq!(expected_names(&c), vec!["team/review".to_string()]);
        let g = Case::ours(
            "y",
            "opencode-agent",
            "~/.config/opencode/agent/g.md",
            "---\nname: other\n---\n",
        );
        assert_eq!(expected_names(&g), vec!["other".to_string(), "g".to_string()]);
    }
}
