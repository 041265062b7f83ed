//! The Cline oracle: puts cases into temporary projects, runs the real Cline CLI (npm `cline`)
//! against the fake API and records what it did with each file.
//!
//! - What it loads: `cline config rules|skills|workflows --json` in the project (offline; the
//!   same loader the agent uses, `createUserInstructionConfigService` of `@cline/core`).
//! - Rules: one model run per batch. The prompt names [`cases::CONTEXT_FILE`] and the fake model
//!   reads it (`read_files`), so a rule scoped to it by `paths` has every reason to apply; the
//!   system prompt of the first request and of the one after the read show which rules the
//!   model got, under which heading, with which text.
//! - Skills: one run per batch; the skills offered are those the `skills` tool's description
//!   lists ("Available skills: a, b."), and the fake model invokes each listed one, so the tool
//!   result shows what a skill expands to.
//! - Workflows: one run per workflow, `cline "/name alpha beta"`: the user message the model got.
//!
//! Cline runs no shell line of a rule, skill or workflow when it expands one (they are text),
//! so even files of others would be safe to expand; the cases here are all ours.

pub mod cases;
pub mod run;

use crate::cases::Case;
use crate::fake_api::{Block, Request};
use crate::recording::{self, Line};
pub use run::Cline;
use run::Sandbox;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// What Cline did with one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// Its entry in `cline config <kind> --json`. `None`: Cline did not load it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed: Option<Listed>,
    /// The entries of the case's other files (a second rule of the same name…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_listed: Vec<Listed>,
    /// Rules: the sections of the system prompt's `# Rules` that hold the file's text, in the
    /// first request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompt: Vec<Section>,
    /// Rules: whether the file's text was in the system prompt of the request after the model
    /// read [`cases::CONTEXT_FILE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_read: Option<bool>,
    /// Skills: whether the `skills` tool offers it, under its listed name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered: Option<bool>,
    /// Skills with a description: whether its text is anywhere in the first request (system
    /// prompt, messages, tool definitions), where it could help the model choose the skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_sent: Option<bool>,
    /// Skills: the tool result of invoking it (args `alpha beta`). Workflows: the user message
    /// the model got for `/name alpha beta`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoked: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A loaded file as `cline config <kind> --json` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    pub name: String,
    /// Skills: the description (none when the file gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The text Cline uses (`instructions`), cut to 160 characters.
    pub body: String,
    pub body_len: usize,
    /// Where it was read from (relative to the project; `~/…` in the home).
    pub path: String,
}

/// A section of the system prompt's `# Rules`: `## heading` and the text below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    /// Cut to 160 characters.
    pub text: String,
    pub len: usize,
}

const RULES_HEAD: &str = "\n# Rules\n";
const SKILLS_HEAD: &str = "Available skills: ";
/// Arguments every skill and workflow is invoked with.
pub const ARGS: &str = "alpha beta";
/// Files per batch.
const BATCH: usize = 40;
/// Workflows per batch (each is one run of Cline).
const WORKFLOW_RUNS: usize = 4;

/// How many batches run at once: `AGENTLS_TRUTH_JOBS`, else 1. Cline runs at the same time
/// see each other's files, though each has its own HOME, project and data folder: with 4 at
/// once, a rule page's example and its fixed file (the same path, in two sandboxes) were each
/// listed with the other's text (`docs/cline/empty-body/example` "loaded" with the fixed
/// file's body); one at a time, each is what it is. Mutations, whose paths differ, were the
/// same either way.
fn jobs() -> usize {
    std::env::var("AGENTLS_TRUTH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}

fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `{name}` of a case: what its body says it is (`… of {name}.`).
fn case_name(c: &Case) -> String {
    c.id.splitn(3, '/').nth(2).unwrap_or_default().replace('/', "-")
}

/// Whether `text` holds the case's body marker (`of {name}`, not followed by more of a name:
/// `of a-b` is not in `of a-b-c`).
fn has_marker(text: &str, c: &Case) -> bool {
    let m = format!("of {}", case_name(c));
    text.match_indices(&m).any(|(i, _)| {
        !text[i + m.len()..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '-')
    })
}

/// The files of a batch: each case's file and its extras.
fn files_of(batch: &[&Case]) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for c in batch {
        files.push((c.path.clone(), c.bytes.clone()));
        files.extend(c.extra.iter().map(|(p, t)| (p.clone(), t.as_bytes().to_vec())));
    }
    files
}

/// Batches in which no two cases can disturb each other: a case with extra files, or the
/// single-file `.clinerules` (which would replace the folder), runs alone; two cases Cline
/// would name alike (the same path, as a rule page's example and fixed file have, or the same
/// file or skill folder name in another folder) never share a batch.
fn batches<'a>(cases: &[&'a Case]) -> Vec<Vec<&'a Case>> {
    let mut out: Vec<Vec<&Case>> = Vec::new();
    let mut shared: Vec<Vec<&Case>> = Vec::new();
    for c in cases {
        if !c.extra.is_empty() || c.path == ".clinerules" {
            out.push(vec![c]);
            continue;
        }
        let fits = |b: &Vec<&Case>| b.len() < BATCH && b.iter().all(|o| name_key(o) != name_key(c));
        match shared.iter_mut().find(|b| fits(b)) {
            Some(b) => b.push(c),
            None => shared.push(vec![c]),
        }
    }
    out.extend(shared);
    out
}

/// What Cline names a case's file by: a skill's folder, else the file's name without its
/// extension, in lower case.
fn name_key(c: &Case) -> String {
    let path = std::path::Path::new(&c.path);
    let name = match path.file_name().and_then(|n| n.to_str()) {
        Some("SKILL.md") => path.parent().and_then(|p| p.file_name()),
        _ => path.file_stem(),
    };
    name.and_then(|n| n.to_str()).unwrap_or_default().to_lowercase()
}

/// The same normalization `@cline/core` gives a command name
/// (`extensions/config/runtime-commands.ts`, `normalizeRuntimeCommandName`): lower case,
/// whitespace and symbols to `-`.
pub fn command_name(name: &str) -> String {
    let mut out = String::new();
    for ch in name.trim().to_lowercase().chars() {
        let keep = ch.is_alphanumeric() || matches!(ch, '_' | '.' | ':' | '@' | '-');
        let ch = if keep { ch } else { '-' };
        if !(ch == '-' && out.ends_with('-')) {
            out.push(ch);
        }
    }
    out.trim_matches('-').to_string()
}

impl Cline {
    /// Observes every case of the formats this oracle reads; the others are left out. Batches
    /// run [`jobs`] at a time: one Cline start costs seconds, most of them idle.
    pub fn observe(&self, cases: &[Case]) -> Result<Vec<(String, Observation)>, String> {
        let of = |f: &str| cases.iter().filter(|c| c.format == f).collect::<Vec<&Case>>();
        let mut work: Vec<(&str, Vec<&Case>)> = Vec::new();
        for (kind, format) in [
            ("rules", "cline-rule"),
            ("skills", "cline-skill"),
            ("workflows", "cline-workflow"),
        ] {
            for batch in batches(&of(format)) {
                // A workflow batch runs Cline once per workflow: smaller batches spread better.
                let size = if kind == "workflows" {
                    WORKFLOW_RUNS
                } else {
                    batch.len().max(1)
                };
                work.extend(batch.chunks(size).map(|b| (kind, b.to_vec())));
            }
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<Result<Vec<(String, Observation)>, String>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..jobs())
                .map(|_| {
                    s.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            let Some((kind, batch)) = work.get(i) else { break };
                            eprintln!("truth: cline: {kind} {}/{} ({} files)", i + 1, work.len(), batch.len());
                            done.push(match *kind {
                                "rules" => self.rule_batch(batch),
                                "skills" => self.skill_batch(batch),
                                _ => self.workflow_batch(batch),
                            });
                        }
                        done
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        });
        let mut out = Vec::new();
        for r in results {
            out.extend(r?);
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// `cline config KIND --json`: the entries, by scrubbed path.
    fn listing(&self, sb: &Sandbox, kind: &str) -> Result<Vec<Listed>, String> {
        let (stdout, stderr, status) = self.exec(sb, &["config", kind, "--json"])?;
        if status != Some(0) {
            return Err(format!("cline config {kind} --json failed ({status:?}): {stderr}"));
        }
        let v: Value = serde_json::from_str(stdout.trim())
            .map_err(|e| format!("cline config {kind} --json printed no JSON ({e}): {stdout}"))?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let body = e["instructions"].as_str().unwrap_or_default();
                Listed {
                    name: e["name"].as_str().unwrap_or_default().to_string(),
                    description: e["description"].as_str().map(String::from),
                    body: sb.scrub(&cut(body, 160)),
                    body_len: body.chars().count(),
                    path: sb.scrub(e["path"].as_str().unwrap_or_default()),
                }
            })
            .collect())
    }

    fn listed_for(batch: &[&Case], listed: &[Listed]) -> Vec<Observation> {
        batch
            .iter()
            .map(|c| Observation {
                listed: listed.iter().find(|l| l.path == c.path).cloned(),
                extra_listed: listed
                    .iter()
                    .filter(|l| c.extra.iter().any(|(p, _)| *p == l.path))
                    .cloned()
                    .collect(),
                ..Observation::default()
            })
            .collect()
    }

    fn rule_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let mut files = files_of(batch);
        files.push((cases::CONTEXT_FILE.into(), b"export const app = 1;\n".to_vec()));
        let sb = Sandbox::new(&files)?;
        let listed = self.listing(&sb, "rules")?;
        let context = run::abs(&sb, cases::CONTEXT_FILE);
        let out = self.run(
            &sb,
            &format!("Look at {} and say what it exports.", cases::CONTEXT_FILE),
            move |req: &Request| {
                if has_tool_results(req) {
                    return vec![];
                }
                vec![Block::tool_use(
                    "toolu_read_0",
                    "read_files",
                    json!({"files": [{"path": context, "start_line": null, "end_line": null}]}),
                )]
            },
        )?;
        let first = first_request(&out, &sb)?;
        let after = out.requests.iter().find(|r| has_tool_results(r));
        let before_rules = rules_section(&sb.scrub(&first.system_text()));
        let after_rules = after.map(|r| rules_section(&sb.scrub(&r.system_text())));
        let mut obs = Self::listed_for(batch, &listed);
        for (c, o) in batch.iter().zip(obs.iter_mut()) {
            // A mutation's body names its case; a fixture or a rule page's example does not,
            // and its section is found by the heading Cline gives it, the name it listed
            // (no two cases of a batch are named alike).
            let marked = has_marker(&c.text(), c);
            let name = o.listed.as_ref().map(|l| l.name.clone());
            let mine = |s: &RawSection| {
                if marked {
                    has_marker(&s.1, c)
                } else {
                    name.as_deref() == Some(s.0.as_str())
                }
            };
            o.prompt = before_rules.iter().filter(|s| mine(s)).map(|s| s.section()).collect();
            o.after_read = after_rules.as_ref().map(|r| r.iter().any(mine));
        }
        Ok(batch.iter().map(|c| c.id.clone()).zip(obs).collect())
    }

    fn skill_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let sb = Sandbox::new(&files_of(batch))?;
        let listed = self.listing(&sb, "skills")?;
        let out = self.run(&sb, "Use the skills you have.", |req: &Request| {
            if has_tool_results(req) {
                return vec![];
            }
            offered_skills(req)
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    Block::tool_use(
                        format!("toolu_skill_{i}"),
                        "skills",
                        json!({"skill": name, "args": ARGS}),
                    )
                })
                .collect()
        })?;
        let first = first_request(&out, &sb)?;
        let offered = offered_skills(first);
        let results: HashMap<String, String> = out
            .requests
            .iter()
            .flat_map(|r| r.tool_results())
            .map(|(id, text, _)| (id, text))
            .collect();
        let sent = first.body.to_string();
        let mut obs = Self::listed_for(batch, &listed);
        for o in obs.iter_mut() {
            let Some(l) = &o.listed else { continue };
            let at = offered.iter().position(|n| *n == l.name);
            o.offered = Some(at.is_some());
            o.description_sent = l.description.as_ref().map(|d| {
                let quoted = Value::String(d.clone()).to_string();
                sent.contains(quoted.trim_matches('"'))
            });
            o.invoked = at
                .and_then(|i| results.get(&format!("toolu_skill_{i}")))
                .map(|t| sb.scrub(&cut(t, 400)));
        }
        Ok(batch.iter().map(|c| c.id.clone()).zip(obs).collect())
    }

    fn workflow_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let sb = Sandbox::new(&files_of(batch))?;
        let listed = self.listing(&sb, "workflows")?;
        let mut obs = Self::listed_for(batch, &listed);
        for (c, o) in batch.iter().zip(obs.iter_mut()) {
            let Some(l) = &o.listed else { continue };
            // `args` starting with `/` is the whole prompt (an invocation of another form).
            let prompt = match &c.args {
                Some(a) if a.starts_with('/') => a.clone(),
                _ => format!("/{} {ARGS}", command_name(&l.name)),
            };
            let out = self.run(&sb, &prompt, |_| vec![])?;
            let first = first_request(&out, &sb)?;
            o.invoked = Some(sb.scrub(&cut(&last_user_text(first), 400)));
        }
        Ok(batch.iter().map(|c| c.id.clone()).zip(obs).collect())
    }
}

fn has_tool_results(req: &Request) -> bool {
    !req.tool_results().is_empty()
}

/// The first Messages request of a run, or the run's failure.
fn first_request<'a>(out: &'a run::Output, sb: &Sandbox) -> Result<&'a Request, String> {
    out.requests.first().ok_or_else(|| {
        format!(
            "Cline sent no request (exit {:?}):\n{}\n{}",
            out.status,
            sb.scrub(out.stdout.trim()),
            sb.scrub(out.stderr.trim())
        )
    })
}

/// A `## heading` and its text in the system prompt's `# Rules`.
struct RawSection(String, String);

impl RawSection {
    fn section(&self) -> Section {
        Section {
            heading: self.0.clone(),
            text: cut(&self.1, 160),
            len: self.1.chars().count(),
        }
    }
}

/// The sections of the `# Rules` part of a system prompt (Cline renders each rule as
/// `## name\ninstructions`, rules joined by a blank line: `runtime/safety/rules.ts`). A rule
/// body of its own with `\n\n## ` lines would split; the cases here have none.
fn rules_section(system: &str) -> Vec<RawSection> {
    let Some(start) = system.rfind(RULES_HEAD) else {
        return Vec::new();
    };
    let rest = &system[start + RULES_HEAD.len()..];
    let mut out = Vec::new();
    for part in format!("\n\n{rest}").split("\n\n## ").skip(1) {
        let (heading, text) = part.split_once('\n').unwrap_or((part, ""));
        out.push(RawSection(heading.to_string(), text.trim_end().to_string()));
    }
    out
}

/// The names the `skills` tool's description offers ("Available skills: a, b.").
fn offered_skills(req: &Request) -> Vec<String> {
    let tools = req.body["tools"].as_array().cloned().unwrap_or_default();
    let Some(desc) = tools
        .iter()
        .find(|t| t["name"] == "skills")
        .and_then(|t| t["description"].as_str())
    else {
        return Vec::new();
    };
    let Some(i) = desc.rfind(SKILLS_HEAD) else {
        return Vec::new();
    };
    let list = desc[i + SKILLS_HEAD.len()..].trim_end();
    let list = list.strip_suffix('.').unwrap_or(list);
    list.split(", ").filter(|s| !s.is_empty()).map(String::from).collect()
}

/// The text of the last user message of a request.
fn last_user_text(req: &Request) -> String {
    let Some(m) = req.body["messages"]
        .as_array()
        .and_then(|ms| ms.iter().rev().find(|m| m["role"] == "user"))
    else {
        return String::new();
    };
    match &m["content"] {
        Value::String(s) => s.clone(),
        Value::Array(blocks) => blocks
            .iter()
            .filter_map(|b| b["text"].as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// One line of the readable verdicts: whether Cline loaded the file, under which name, and what
/// it did with it.
pub fn verdict(case: &Case, o: &Observation) -> String {
    let Some(l) = &o.listed else {
        let others: Vec<String> = o
            .extra_listed
            .iter()
            .map(|l| format!("`{}` from {}", l.name, l.path))
            .collect();
        return match others.is_empty() {
            true => "not loaded".into(),
            false => format!("not loaded; kept instead: {}", others.join(", ")),
        };
    };
    let mut v = format!("loaded as `{}`", l.name);
    if !o.extra_listed.is_empty() {
        let others: Vec<&str> = o.extra_listed.iter().map(|l| l.path.as_str()).collect();
        v.push_str(&format!(" (also: {})", others.join(", ")));
    }
    match case.format.as_str() {
        "cline-rule" => {
            let body_raw = o.prompt.iter().any(|s| s.text.starts_with("---"));
            match (o.prompt.first(), o.after_read) {
                (None, _) => v.push_str(", not in the prompt"),
                (Some(s), read) => {
                    v.push_str(&format!(", in the prompt as `## {}`", s.heading));
                    if body_raw {
                        v.push_str(" with its front matter as text");
                    }
                    if read == Some(false) {
                        v.push_str(", gone after the read");
                    }
                }
            }
        }
        "cline-skill" => {
            if let Some(d) = &l.description {
                v.push_str(&format!(", description `{}`", cut(d, 40)));
            } else {
                v.push_str(", no description");
            }
            if o.offered == Some(false) {
                v.push_str(", not offered");
            }
            if o.description_sent == Some(false) {
                v.push_str(" (not sent to the model)");
            }
            if o.invoked
                .as_deref()
                .is_some_and(|t| !t.contains("<command-instructions>"))
            {
                v.push_str(", invoking it fails");
            }
        }
        _ => {
            let text = o.invoked.as_deref().unwrap_or_default();
            let expanded = has_marker(text, case) || text.contains("Skill body");
            v.push_str(if expanded {
                ", `/name` expands it"
            } else {
                ", `/name` does not expand it"
            });
        }
    }
    v
}

/// The recording of Cline at `version` paired with the current cases: lines whose case
/// changed (stale), cases with no line (unrecorded), lines of cases that are gone (orphans).
pub struct Recorded {
    pub current: Vec<(Case, Observation)>,
    pub stale: Vec<String>,
    pub unrecorded: Vec<String>,
    pub orphans: Vec<String>,
}

pub fn recorded(version: &str) -> Result<Recorded, String> {
    let lines = recording::read::<Observation>("cline", version)?;
    // Every case of a Cline format: the mutations, and the fixtures and rule-page examples.
    let cases: Vec<Case> = crate::cases::all().into_iter().filter(cases::observes).collect();
    let ids: HashSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    let by_id: HashMap<&str, &Line<Observation>> = lines.iter().map(|l| (l.id.as_str(), l)).collect();
    let mut r = Recorded {
        current: Vec::new(),
        stale: Vec::new(),
        unrecorded: Vec::new(),
        orphans: lines
            .iter()
            .filter(|l| !ids.contains(l.id.as_str()))
            .map(|l| l.id.clone())
            .collect(),
    };
    for c in cases {
        match by_id.get(c.id.as_str()) {
            Some(l) if l.sha == c.sha() => r.current.push((c, l.obs.clone())),
            Some(_) => r.stale.push(c.id),
            None => r.unrecorded.push(c.id),
        }
    }
    Ok(r)
}

/// `truth record --tool cline`: observes `cases` (the Cline ones among them) and writes the
/// recording. A `full` run also drops the lines of cases that no longer exist.
pub fn record(cases: &[Case], full: bool, latest: bool) -> Result<(), String> {
    let cline = Cline::install(latest)?;
    let cases: Vec<Case> = cases.iter().filter(|c| cases::observes(c)).cloned().collect();
    let shas: HashMap<String, String> = cases.iter().map(|c| (c.id.clone(), c.sha())).collect();
    let started = std::time::Instant::now();
    let observed = cline.observe(&cases)?;
    let mut lines: Vec<Line<Observation>> = recording::read("cline", cline.version())?;
    let current: HashSet<String> = crate::cases::all()
        .into_iter()
        .filter(cases::observes)
        .map(|c| c.id)
        .collect();
    lines.retain(|l| !shas.contains_key(&l.id) && (!full || current.contains(&l.id)));
    lines.extend(observed.into_iter().map(|(id, obs)| Line {
        sha: shas[&id].clone(),
        id,
        obs,
    }));
    let path = recording::write("cline", cline.version(), &mut lines)?;
    eprintln!(
        "truth: wrote {} ({} cases) in {:.0?}",
        path.display(),
        lines.len(),
        started.elapsed()
    );
    Ok(())
}

/// `truth show ID` for a Cline case: its recorded observation.
pub fn show(case: &Case) -> Result<(), String> {
    let version = crate::install::pin("cline").version;
    match recording::read::<Observation>("cline", &version)?
        .into_iter()
        .find(|l| l.id == case.id)
    {
        Some(l) => println!(
            "# recorded with Cline {version}{}: {}\n{}",
            if l.sha == case.sha() {
                ""
            } else {
                " (stale: the case changed since)"
            },
            verdict(case, &l.obs),
            serde_json::to_string_pretty(&l.obs).unwrap_or_default()
        ),
        None => println!("# not recorded with Cline {version}"),
    }
    Ok(())
}

/// `truth check --tool cline`: asks Cline again and compares with the recording.
pub fn check(cases: &[Case]) -> Result<(), String> {
    let cline = Cline::install(false)?;
    let cases: Vec<Case> = cases.iter().filter(|c| cases::observes(c)).cloned().collect();
    let observed = cline.observe(&cases)?;
    recording::check_live("cline", cline.version(), &cases, &observed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: Value) -> Request {
        Request {
            seq: 0,
            method: "POST".into(),
            path: "/v1/messages".into(),
            body,
        }
    }

    #[test]
    fn reads_the_rules_sections_of_a_system_prompt() {
        let s = "You are Cline.\n# Plan / Act Modes\ntext\n\n# Rules\n## a\nRule body of a.\n\n## Renamed b\n---\npaths: [\n---\nbody of b.";
        let got: Vec<(String, String)> = rules_section(s).into_iter().map(|r| (r.0, r.1)).collect();
        assert_eq!(
            got,
            vec![
                ("a".to_string(), "Rule body of a.".to_string()),
                ("Renamed b".to_string(), "---\npaths: [\n---\nbody of b.".to_string()),
            ]
        );
        assert!(rules_section("no rules here").is_empty());
    }

    #[test]
    fn reads_the_skills_the_tool_offers() {
        let req = request(json!({"tools": [
            {"name": "read_files", "description": "Available skills: nope."},
            {"name": "skills", "description": "Execute a skill. Available skills: alpha, Beta-Two, name spaces."},
        ]}));
        assert_eq!(offered_skills(&req), vec!["alpha", "Beta-Two", "name spaces"]);
        assert!(offered_skills(&request(json!({"tools": []}))).is_empty());
    }

    #[test]
    fn normalizes_command_names_as_cline_does() {
        assert_eq!(command_name("  My Flow  "), "my-flow");
        assert_eq!(command_name("deploy.md"), "deploy.md");
        assert_eq!(command_name("a/b!!c"), "a-b-c");
        assert_eq!(command_name("-x-"), "x");
    }

    #[test]
    fn a_shared_batch_never_holds_the_clinerules_file_or_a_case_with_extras() {
        // Every Cline case, the rule pages' examples and fixed files (which share a path) too.
        let all: Vec<Case> = crate::cases::all().into_iter().filter(cases::observes).collect();
        let refs: Vec<&Case> = all.iter().collect();
        let mut batched = 0;
        for b in batches(&refs) {
            batched += b.len();
            if b.len() > 1 {
                assert!(b.iter().all(|c| c.extra.is_empty() && c.path != ".clinerules"));
                let names: HashSet<String> = b.iter().map(|c| name_key(c)).collect();
                assert_eq!(names.len(), b.len(), "two cases Cline names alike share a batch");
            }
        }
        assert_eq!(batched, all.len());
    }
}
