//! Judging agentls's findings on OpenCode agents against what OpenCode 1.18.33 was recorded
//! doing with them: the agent `GET /agent` listed (or the configuration error instead), its
//! entry in the `task` tool, and what it sent when run.

use super::{Analysed, Miss, Outcome, Report, Verdict};
use crate::cases::Case;
use crate::opencode::{Agent, Observation};
use agentls::analysis::diagnostics::{Diagnostic, Effect};
use agentls::formats::opencode_agent;
use agentls::formats::skills_by_tool::{SkillCause, SkillNaming, SkillReading};

/// The tools an agent with no `tools` or `permission` of its own is given: the base case's run.
fn default_tools() -> Vec<String> {
    opencode_agent::TOOLS.iter().map(|(t, _)| t.to_string()).collect()
}

/// The top-level key whose entry holds `d`'s range, if any (as agentls read the front matter).
fn key_of(a: &Analysed, d: &Diagnostic) -> Option<String> {
    let root = a.doc.syntax().yaml.root.as_ref()?;
    root.entries()
        .iter()
        .find(|e| {
            let end = e.value.span.end.max(e.key.span.end);
            e.key.span.start <= d.range.start && d.range.start <= end
        })
        .and_then(|e| e.key.as_str().map(String::from))
}

/// The case's `disable: true`: OpenCode not listing it is what was asked for.
pub(crate) fn disabled(case: &Case) -> bool {
    case.text().lines().any(|l| l.trim_end() == "disable: true")
}

/// The whole file as OpenCode's prompt would hold it (trimmed), cut as the recording cuts it.
fn whole_file(case: &Case) -> String {
    let text = case.text();
    text.trim_start_matches('\u{feff}').trim().chars().take(160).collect()
}

fn prompt_is_whole_file(case: &Case, agent: &Agent) -> bool {
    let whole = whole_file(case);
    !whole.is_empty()
        && agent.prompt == whole
        && case
            .text()
            .trim_start_matches('\u{feff}')
            .starts_with(['-', ' ', '\n', '\r'])
}

/// The model id a run sent, or the error instead.
pub(crate) fn run_failed(obs: &Observation) -> Option<&str> {
    let run = obs.run.as_ref()?;
    match (&run.model, &run.error) {
        (None, Some(e)) => Some(e.as_str()),
        _ => None,
    }
}

pub fn judge(case: &Case, obs: &Observation, report: &mut Report) {
    judge_as("opencode", case, obs, report)
}

/// [`judge`], with agentls's findings for `tool` (`opencode`, or `kilo` for its fork): those
/// a `targets` id names, and those of every tool.
pub fn judge_as(tool: &str, case: &Case, obs: &Observation, report: &mut Report) {
    // Skills are not judged by claim: agentls's `skill` format is the standard as Claude Code
    // reads it, and each tool's reading is data (`skills_by_tool::OPENCODE`, `KILO`), compared
    // with these observations by the drift test.
    if case.format.ends_with("-skill") {
        return;
    }
    if case.format.ends_with("-command") {
        return judge_command(tool, case, obs, report);
    }
    let a = Analysed::of(case, tool);
    let refused = obs.error.is_some();
    let tool_loaded = obs.agent.is_some() && !refused;
    let ours_loaded = !a.claims(Effect::NotLoaded) && !a.claims(Effect::BreaksTool);
    if !disabled(case) {
        report.loads.insert(case.id.clone(), (tool_loaded, ours_loaded));
    }
    for d in &a.findings {
        let (outcome, why) = match d.effect {
            Effect::BreaksTool => match (&obs.error, run_failed(obs)) {
                (Some(e), _) => (Outcome::Confirmed, e.clone()),
                (None, Some(e)) => (Outcome::Confirmed, format!("every run fails: {e}")),
                (None, None) => (
                    Outcome::Contradicted,
                    format!("OpenCode loads its configuration: {}", listed(obs)),
                ),
            },
            Effect::NotLoaded => match (&obs.error, &obs.agent) {
                (Some(e), _) => (
                    Outcome::Contradicted,
                    format!("worse: OpenCode refuses its whole configuration ({e})"),
                ),
                (None, Some(_)) => (Outcome::Contradicted, format!("OpenCode loads it: {}", listed(obs))),
                (None, None) => (Outcome::Confirmed, "OpenCode lists no agent from it".into()),
            },
            Effect::RunsFail => match (&obs.run, run_failed(obs)) {
                (_, Some(e)) => (Outcome::Confirmed, e.to_string()),
                (Some(r), None) => (
                    Outcome::Contradicted,
                    format!("the run sent `{}`", r.model.clone().unwrap_or_default()),
                ),
                (None, None) if refused => (Outcome::Unverifiable, "OpenCode refuses the configuration".into()),
                (None, None) => (Outcome::Unverifiable, "not run".into()),
            },
            Effect::Refused => (Outcome::Unverifiable, "OpenCode has no refusal of its own".into()),
            _ if !tool_loaded => (
                Outcome::Unverifiable,
                "OpenCode does not load the file, or refuses the configuration".into(),
            ),
            _ => judge_loaded(case, &a, d, obs),
        };
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

fn listed(obs: &Observation) -> String {
    match &obs.agent {
        Some(a) => format!("listed as `{}` ({})", a.name, a.mode),
        None => "not listed".into(),
    }
}

/// Claims about a file OpenCode loads: check the part each rule is about.
fn judge_loaded(case: &Case, a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let agent = obs.agent.as_ref().expect("loaded");
    let text = a.text_at(d);
    let short = d.code.split_once('/').map_or(d.code.as_str(), |(_, s)| s);
    let group = d.code.split('/').next().unwrap_or_default();
    let confirmed = |why: String| (Outcome::Confirmed, why);
    let contradicted = |why: String| (Outcome::Contradicted, why);
    match (group, short) {
        (_, "unknown-key") => {
            let key = text.trim().trim_matches(['"', '\'']).to_string();
            match (agent.options.get(&key), &obs.run) {
                (None, _) => contradicted(format!("OpenCode reads `{key}` (it is not among the options)")),
                (Some(_), Some(r)) if d.effect == Effect::Ignored && r.extra.contains_key(&key) => {
                    contradicted(format!("the provider sends `{key}` to the API"))
                }
                (Some(_), Some(r)) if d.effect == Effect::Ignored && !r.extra.is_empty() => contradicted(format!(
                    "the request carries provider options: {:?}",
                    r.extra.keys().collect::<Vec<_>>()
                )),
                (Some(v), _) => confirmed(format!("passed on as the provider option `{key}: {v}`")),
            }
        }
        (_, "missing-field") => match &obs.offered {
            Some(line) if line.ends_with(opencode_agent::DELEGATION.undescribed) || line.trim_end().ends_with(':') => {
                confirmed(format!("offered to other agents as `{line}`"))
            }
            Some(line) => contradicted(format!("offered as `{line}`")),
            None => contradicted("not offered to other agents at all".into()),
        },
        (_, "name-mismatch") => {
            let expected = match d.effect {
                Effect::ReadDifferently => "null".to_string(),
                _ => text.trim().trim_matches(['"', '\'']).to_string(),
            };
            if agent.name == expected {
                confirmed(format!("OpenCode names the agent `{}`", agent.name))
            } else {
                contradicted(format!("OpenCode names the agent `{}`", agent.name))
            }
        }
        (_, "ignored-key") => match key_of(a, d).as_deref() {
            Some("prompt") => {
                let root = a.doc.syntax().yaml.root.clone();
                let written = root
                    .as_ref()
                    .and_then(|r| r.get("prompt"))
                    .and_then(|v| v.as_str().map(String::from));
                match written {
                    Some(w) if agent.prompt != w.trim() => {
                        confirmed(format!("the prompt is `{}`, not the key's text", agent.prompt))
                    }
                    _ => contradicted(format!("the prompt is the key's text `{}`", agent.prompt)),
                }
            }
            Some(k) => match &obs.run {
                Some(r) if r.extra.is_empty() => confirmed(format!("the request carries nothing of `{k}`")),
                Some(r) => contradicted(format!("the request carries {:?}", r.extra.keys().collect::<Vec<_>>())),
                None => (Outcome::Unverifiable, "not run".into()),
            },
            None => (Outcome::Unverifiable, "not a top-level key".into()),
        },
        (_, "unknown-tool") => judge_no_effect(&text, obs),
        (_, "invalid-value") if d.effect == Effect::ReadDifferently => {
            let key = key_of(a, d).unwrap_or_default();
            let written: f64 = text.trim().parse().unwrap_or(f64::NAN);
            let sent = obs
                .run
                .as_ref()
                .and_then(|r| if key == "top_p" { r.top_p } else { r.temperature });
            match sent {
                Some(s) if s != written && (s == 0.0 || s == 1.0) => confirmed(format!("sent as {s}")),
                Some(s) => contradicted(format!("sent as {s}")),
                None => (Outcome::Unverifiable, "not run".into()),
            }
        }
        ("front-matter", "closed-by-rule") => starts(agent, "--"),
        ("front-matter", "close-with-text") => {
            let line = text.trim_start_matches('-').trim().to_string();
            starts(agent, &line)
        }
        ("front-matter", "unclosed") if d.effect == Effect::ReadDifferently => {
            if agent.prompt.is_empty() || prompt_is_whole_file(case, agent) {
                confirmed(format!("the prompt is `{}`", agent.prompt))
            } else {
                contradicted(format!("the prompt is `{}`", agent.prompt))
            }
        }
        ("front-matter", "missing") | ("yaml", "syntax") => {
            if prompt_is_whole_file(case, agent) && agent.description.is_none() {
                confirmed("no keys, and the whole file is the prompt".into())
            } else {
                contradicted(format!(
                    "the prompt is `{}`, the description {:?}",
                    agent.prompt, agent.description
                ))
            }
        }
        ("yaml", "not-a-mapping") => {
            if agent.options.contains_key("0") && agent.description.is_none() {
                confirmed("spread into numbered options".into())
            } else {
                contradicted(format!("options {:?}", agent.options.keys().collect::<Vec<_>>()))
            }
        }
        ("yaml", "tabs") => {
            // The tabbed line's key is read at the top level.
            let key = text.trim().split(':').next().unwrap_or_default().trim().to_string();
            if agent.options.contains_key(&key) {
                confirmed(format!("`{key}` is read as a key of its own"))
            } else {
                (Outcome::Unverifiable, format!("`{key}` is not among the options"))
            }
        }
        ("yaml", "needs-quotes") => {
            let key = key_of(a, d).unwrap_or_default();
            let read = match key.as_str() {
                "description" => agent.description.clone(),
                k => agent.options.get(k).and_then(|v| v.as_str()).map(String::from),
            };
            match read {
                Some(r) if r == text.trim() => confirmed(format!("`{key}` is read as `{r}`")),
                Some(r) => contradicted(format!("`{key}` is read as `{r}`")),
                None => (Outcome::Unverifiable, format!("the recording does not show `{key}`")),
            }
        }
        ("yaml", "comment-in-value") => {
            let key = key_of(a, d).unwrap_or_default();
            let before = text.split(" #").next().unwrap_or_default().trim().to_string();
            let read = match key.as_str() {
                "variant" => agent.variant.clone(),
                "description" => agent.description.clone(),
                k => agent.options.get(k).and_then(|v| v.as_str()).map(String::from),
            };
            match read {
                Some(r) if r == before => confirmed(format!("`{key}` is read as `{r}`")),
                Some(r) => contradicted(format!("`{key}` is read as `{r}`")),
                None => (Outcome::Unverifiable, format!("the recording does not show `{key}`")),
            }
        }
        (_, "empty-body") => {
            if agent.prompt.is_empty() {
                confirmed("the prompt is empty".into())
            } else {
                contradicted(format!("the prompt is `{}`", agent.prompt))
            }
        }
        _ => match d.effect {
            Effect::Portability | Effect::Style => confirmed("OpenCode loads it".into()),
            _ => (
                Outcome::Unverifiable,
                "no check reads this part of the recording".into(),
            ),
        },
    }
}

fn starts(agent: &Agent, prefix: &str) -> (Outcome, String) {
    if !prefix.is_empty() && agent.prompt.starts_with(prefix) {
        (Outcome::Confirmed, format!("the prompt starts `{prefix}`"))
    } else {
        (
            Outcome::Contradicted,
            format!(
                "the prompt starts `{}`",
                agent.prompt.lines().next().unwrap_or_default()
            ),
        )
    }
}

/// "This entry changes nothing": the tools the key would name are all still offered.
fn judge_no_effect(text: &str, obs: &Observation) -> (Outcome, String) {
    let name = text.trim().trim_matches(['"', '\'']);
    let Some(run) = &obs.run else {
        return (Outcome::Unverifiable, "not run".into());
    };
    if run.model.is_none() {
        return (Outcome::Unverifiable, "the run sent nothing".into());
    }
    let lower = name.to_ascii_lowercase();
    let meant: Vec<String> = match lower.as_str() {
        "write" | "patch" | "apply_patch" => vec!["write".into(), "edit".into()],
        _ => vec![lower.clone()],
    };
    let gone: Vec<&String> = meant
        .iter()
        .filter(|t| default_tools().contains(t) && !run.tools.contains(t))
        .collect();
    if gone.is_empty() {
        (
            Outcome::Confirmed,
            format!("the run still has every tool: [{}]", run.tools.join(", ")),
        )
    } else {
        (Outcome::Contradicted, format!("the run lacks {gone:?}"))
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
    if let Some(e) = &obs.error {
        if !a.claims(Effect::BreaksTool) {
            miss(Effect::BreaksTool, format!("OpenCode refuses its configuration: {e}"));
        }
        return;
    }
    let Some(agent) = &obs.agent else {
        if !disabled(case) && !a.claims(Effect::NotLoaded) {
            miss(Effect::NotLoaded, "OpenCode lists no agent from it".into());
        }
        return;
    };
    // The harness enables only the `anthropic` provider (the fake API): a model of another
    // real provider fails there and would work where that provider is set up.
    let other_provider = agent
        .model
        .as_deref()
        .and_then(|m| m.split_once('/'))
        .is_some_and(|(p, id)| {
            !p.is_empty()
                && !id.is_empty()
                && p != "anthropic"
                && agentls::analysis::suggest::nearest(p, ["anthropic"]).is_none()
        });
    if let Some(e) = run_failed(obs)
        && !a.claims(Effect::RunsFail)
        && !other_provider
    {
        miss(Effect::RunsFail, format!("every run fails: {e}"));
    }
    let read_differently = a.claims(Effect::ReadDifferently);
    if prompt_is_whole_file(case, agent) && !read_differently && case.text().contains("---") {
        miss(
            Effect::ReadDifferently,
            "OpenCode reads no keys, and the whole file is the prompt".into(),
        );
    }
    // Keys of the file that OpenCode passed on as provider options.
    let root_keys: Vec<String> = a
        .doc
        .syntax()
        .yaml
        .root
        .as_ref()
        .map(|r| {
            r.entries()
                .iter()
                .filter_map(|e| e.key.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    for k in agent.options.keys().filter(|k| root_keys.contains(k)) {
        let found = a
            .findings
            .iter()
            .any(|d| (d.code.ends_with("/unknown-key") || d.code == "yaml/tabs") && a.text_at(d).contains(k.as_str()));
        if !found {
            miss(
                Effect::Ignored,
                format!("OpenCode passes `{k}` to the provider as an option"),
            );
        }
    }
    if obs
        .offered
        .as_deref()
        .is_some_and(|l| l.ends_with(opencode_agent::DELEGATION.undescribed))
        && !a.findings.iter().any(|d| d.code.ends_with("/missing-field"))
        && !read_differently
    {
        miss(
            Effect::ReadDifferently,
            "offered to other agents as one to be called manually only".into(),
        );
    }
    if let (Some(run), Some(t)) = (&obs.run, agent.temperature)
        && run.model.is_some()
        && run.temperature.is_some_and(|s| s != t)
        && !a.findings.iter().any(|d| d.code.ends_with("/invalid-value"))
    {
        miss(
            Effect::ReadDifferently,
            format!("temperature {t} is sent as {:?}", run.temperature),
        );
    }
}

/// The product a case's format belongs to, as messages name it.
fn product(case: &Case) -> &'static str {
    agentls::formats::by_id(&case.format).map_or("OpenCode", |f| f.product.name)
}

/// Judges a command case: the command `GET /command` listed (or the configuration error), and
/// the prompt its run with arguments sent.
fn judge_command(tool: &str, case: &Case, obs: &Observation, report: &mut Report) {
    let mut a = Analysed::of(case, tool);
    // The command's `agent` is checked against the other files of the project: the case's
    // own files are that project.
    let mut index = agentls::workspace::index::Index::new(false);
    let path = std::path::PathBuf::from(&case.path);
    index.upsert(agentls::workspace::index::FileEntry::from_text(
        &case.text(),
        path.clone(),
    ));
    for (p, t) in &case.extra {
        index.upsert(agentls::workspace::index::FileEntry::from_text(t, p.into()));
    }
    a.findings.extend(
        agentls::workspace::cross_file::check(&index, &path)
            .into_iter()
            .map(|d| d.diagnostic)
            .filter(|d| !d.code.starts_with("link/")),
    );
    let product = product(case);
    let refused = obs.error.is_some();
    let tool_loaded = obs.command.is_some() && !refused;
    let ours_loaded = !a.claims(Effect::NotLoaded) && !a.claims(Effect::BreaksTool);
    report.loads.insert(case.id.clone(), (tool_loaded, ours_loaded));
    for d in &a.findings {
        let (outcome, why) = match d.effect {
            Effect::BreaksTool => match (&obs.error, run_failed(obs)) {
                (Some(e), _) => (Outcome::Confirmed, e.clone()),
                (None, Some(e)) => (Outcome::Confirmed, format!("every run fails: {e}")),
                (None, None) => (Outcome::Contradicted, format!("{product} loads its configuration")),
            },
            Effect::NotLoaded => match (&obs.error, &obs.command) {
                (Some(e), _) => (
                    Outcome::Contradicted,
                    format!("worse: {product} refuses its whole configuration ({e})"),
                ),
                (None, Some(c)) => (Outcome::Contradicted, format!("{product} lists it as `{}`", c.name)),
                (None, None) => (Outcome::Confirmed, format!("{product} lists no command from it")),
            },
            Effect::RunsFail => match (&obs.run, run_failed(obs)) {
                (_, Some(e)) => (Outcome::Confirmed, e.to_string()),
                (Some(r), None) => (
                    Outcome::Contradicted,
                    format!("the run sent `{}`", r.model.clone().unwrap_or_default()),
                ),
                (None, None) => (Outcome::Unverifiable, "not run".into()),
            },
            _ if !tool_loaded => (
                Outcome::Unverifiable,
                format!("{product} does not load the file, or refuses the configuration"),
            ),
            _ => judge_loaded_command(case, &a, d, obs),
        };
        report.verdicts.push(Verdict {
            case: case.id.clone(),
            code: d.code.clone(),
            effect: d.effect,
            message: d.message.clone(),
            outcome,
            why,
        });
    }
    command_misses(case, &a, obs, report);
}

fn judge_loaded_command(case: &Case, a: &Analysed, d: &Diagnostic, obs: &Observation) -> (Outcome, String) {
    let command = obs.command.as_ref().expect("loaded");
    let text = a.text_at(d);
    let short = d.code.split_once('/').map_or(d.code.as_str(), |(_, s)| s);
    let group = d.code.split('/').next().unwrap_or_default();
    let prompt = obs.run.as_ref().map(|r| r.prompt.as_str());
    match (group, short) {
        (_, "unknown-key") => {
            let key = text.trim().trim_matches(['"', '\'']).to_string();
            // The listing has a fixed set of fields: a key it does not know leaves no trace but
            // in the prompt, if it went there.
            match prompt {
                Some(p) if p.contains(&format!("{key}:")) => {
                    (Outcome::Contradicted, format!("the prompt holds `{key}`: {p}"))
                }
                _ => (
                    Outcome::Confirmed,
                    format!("listed as `{}` with nothing of `{key}`", command.name),
                ),
            }
        }
        (_, "ignored-key") => match key_of(a, d).as_deref() {
            Some("template") => {
                if command.template.contains("Ignored template") {
                    (Outcome::Contradicted, format!("the template is `{}`", command.template))
                } else {
                    (
                        Outcome::Confirmed,
                        format!("the template is the body: `{}`", command.template),
                    )
                }
            }
            Some("variant") if command.model.is_none() => (
                Outcome::Confirmed,
                "the command has no model for the variant to apply to".into(),
            ),
            _ => (
                Outcome::Unverifiable,
                "no check reads this part of the recording".into(),
            ),
        },
        ("front-matter", "missing") | ("yaml", "syntax") | ("front-matter", "unclosed") | ("yaml", "not-a-mapping") => {
            let whole = whole_file(case);
            if command.description.is_none() && (command.template == whole || short == "not-a-mapping") {
                (
                    Outcome::Confirmed,
                    "no keys; the template is the body or the whole file".into(),
                )
            } else {
                (
                    Outcome::Contradicted,
                    format!(
                        "the template is `{}`, the description {:?}",
                        command.template, command.description
                    ),
                )
            }
        }
        ("yaml", "needs-quotes") => match &command.description {
            Some(r) if text.trim() == r => (Outcome::Confirmed, format!("read as `{r}`")),
            Some(r) => (Outcome::Contradicted, format!("read as `{r}`")),
            None => (Outcome::Unverifiable, "no description".into()),
        },
        (_, "empty-body") => {
            if command.template.is_empty() {
                (Outcome::Confirmed, "the template is empty".into())
            } else {
                (Outcome::Contradicted, format!("the template is `{}`", command.template))
            }
        }
        _ => match d.effect {
            Effect::Portability | Effect::Style => (Outcome::Confirmed, "loads it".into()),
            _ => (
                Outcome::Unverifiable,
                "no check reads this part of the recording".into(),
            ),
        },
    }
}

fn command_misses(case: &Case, a: &Analysed, obs: &Observation, report: &mut Report) {
    let product = product(case);
    let mut miss = |effect: Effect, what: String| {
        report.misses.push(Miss {
            case: case.id.clone(),
            effect,
            what,
        })
    };
    if let Some(e) = &obs.error {
        if !a.claims(Effect::BreaksTool) {
            miss(Effect::BreaksTool, format!("{product} refuses its configuration: {e}"));
        }
        return;
    }
    let Some(command) = &obs.command else {
        if !a.claims(Effect::NotLoaded) {
            miss(Effect::NotLoaded, format!("{product} lists no command from it"));
        }
        return;
    };
    let other_provider = command
        .model
        .as_deref()
        .and_then(|m| m.split_once('/'))
        .is_some_and(|(p, id)| !p.is_empty() && !id.is_empty() && p != "anthropic");
    if let Some(e) = run_failed(obs)
        && !a.claims(Effect::RunsFail)
        && !a.claims(Effect::BreaksTool)
        && !other_provider
    {
        miss(Effect::RunsFail, format!("every run fails: {e}"));
    }
    if command.template == whole_file(case) && case.text().starts_with("---") && !a.claims(Effect::ReadDifferently) {
        miss(
            Effect::ReadDifferently,
            format!("{product} reads no keys, and the whole file is the template"),
        );
    }
}

/// Where `reading`'s table (`skills_by_tool`) and the recorded skills disagree: for every
/// skill case of the recording, whether the product lists the skill, under which name, and
/// with which description, as the table predicts. Empty when they agree.
pub fn skill_drift(reading: &SkillReading, lines: &[crate::recording::Line<Observation>]) -> Vec<String> {
    let cases = crate::cases::opencode::all();
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.id.contains("-skill/")) {
        let Some(case) = cases.iter().find(|c| c.id == line.id) else {
            continue;
        };
        let expected = expected_skill(reading, case);
        let got = line.obs.skill.as_ref().map(|s| (s.name.clone(), s.description.clone()));
        if expected != got {
            out.push(format!(
                "{}: the table of {} says {expected:?}, the recording {got:?}",
                case.id, reading.name
            ));
        }
    }
    out
}

/// What `reading` says the product lists for a skill case: `(name, description)`, or `None`.
fn expected_skill(reading: &SkillReading, case: &Case) -> Option<(String, Option<String>)> {
    let drops = |c: SkillCause| {
        reading
            .drops
            .iter()
            .any(|d| d.cause == c && d.effect == Effect::NotLoaded)
    };
    let rest = reading
        .project_roots
        .iter()
        .filter_map(|d| case.path.strip_prefix(&format!("{d}/")))
        .next()?;
    let (folders, file) = rest.rsplit_once('/')?;
    if file != "SKILL.md" || (!reading.nested && folders.contains('/')) {
        return None;
    }
    let doc = agentls::document::Document::new(&case.text(), Some(case.path.clone().into()));
    let syntax = doc.syntax();
    if syntax.front_matter.is_none() && drops(SkillCause::NoFrontMatter)
        || syntax.yaml.error.is_some() && drops(SkillCause::YamlError)
    {
        return None;
    }
    let dialect = opencode_agent::READER.dialect;
    let root = syntax.yaml.root.as_ref()?;
    let name = root.get("name").map(|n| n.as_text_in(dialect));
    let description = root.get("description").map(|d| d.as_text_in(dialect));
    let name = match name {
        Some(Some(n)) => n.to_string(),
        Some(None) if drops(SkillCause::NameNotText) => return None,
        None if drops(SkillCause::NameMissing) => return None,
        _ => String::new(),
    };
    let name = if reading.naming == SkillNaming::Folder {
        folders.rsplit('/').next().unwrap_or_default().to_string()
    } else {
        name
    };
    match description {
        Some(None) if drops(SkillCause::DescriptionNotText) => None,
        Some(d) => Some((name, d.map(|d| d.to_string()))),
        None if drops(SkillCause::DescriptionMissing) => None,
        None => Some((name, None)),
    }
}
