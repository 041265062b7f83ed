//! agentls and another checker (agnix) scored on the same recorded cases.
//!
//! The judge of [`super::claude`] checks agentls's *claims*; another checker's messages carry
//! no claim we could check, only a level. So this comparison starts from the other end: from
//! what Claude Code was recorded doing with each file, it derives [`Fact`]s, and asks of every
//! checker whether its findings agree with each fact, by the level the severity policy gives
//! (an error says the file does not load, is refused, or every run fails; a warning or a note
//! says something written has no effect). The facts come from the recording alone, so both
//! checkers face the same questions.

use super::claude::{
    api_model, invalid_keys_logged, key_of, loaded, refused_for_tools, spawned_tools, unknown_keys_logged,
};
use super::{Analysed, pair};
use crate::cases::Case;
use crate::claude::Observation;
use agentls::analysis::diagnostics::{Effect, Severity};
use agentls::formats::claude_models;
use agentls::formats::claude_tools::{self, Availability};
use agentls::syntax::yaml::NodeKind;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What Claude Code did with a file, as a question a checker can get right or wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fact {
    /// It did not load the file: right when the checker reports an error.
    NotLoaded,
    /// It loaded the file and ran it (or listed it, when the file names no model): right when
    /// the checker reports no error.
    Works,
    /// It loaded the agent and refused to spawn it (no tool resolved): right with an error.
    Refused,
    /// It sent the model as written and the API serves no such model (or, for an OpenCode
    /// command, found no agent of that name): right with an error about that value.
    RunsFail(String),
    /// It logged that it ignores this key (unknown, or a bad value): right with a finding that
    /// names the key, and not an error (the file loads).
    KeyIgnored(String),
    /// The agent's `tools` names it and the spawned agent lacks it: right with a finding that
    /// names the tool.
    ToolDropped(String),
    /// The tool refused its whole configuration because of the file, so nothing of the
    /// project runs (OpenCode): right when the checker reports an error.
    ConfigRefused,
}

impl Fact {
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::NotLoaded => "file not loaded",
            Fact::Works => "file loads and runs",
            Fact::Refused => "agent refused",
            Fact::RunsFail(_) => "every run fails (model or agent)",
            Fact::KeyIgnored(_) => "key ignored",
            Fact::ToolDropped(_) => "tool dropped",
            Fact::ConfigRefused => "configuration refused",
        }
    }
}

/// The facts the recording shows about one case.
pub fn facts(case: &Case, obs: &Observation) -> Vec<Fact> {
    let a = Analysed::of(case, "claude-code");
    let mut out = Vec::new();
    match loaded(case, obs) {
        Some(false) => return vec![Fact::NotLoaded],
        None => return out,
        Some(true) => {}
    }
    let root = a.doc.syntax().yaml.root.clone();
    let written_model = root
        .as_ref()
        .and_then(|r| r.get("model"))
        .and_then(|v| v.as_str())
        .map(|v| v.trim().to_string());
    let sent = obs.spawn.as_ref().map(|s| s.model.clone()).or_else(|| {
        obs.expansion
            .as_ref()
            .map(|e| e.model.clone())
            .filter(|m| !m.is_empty())
    });
    let mut broken = false;
    if refused_for_tools(obs) {
        broken = true;
        // Refused for want of a tool this session lacks (an MCP server, a platform's tool):
        // another session runs it, so no checker can call it broken.
        if !session_dependent(&a) {
            out.push(Fact::Refused);
        }
    }
    // A Bedrock or Vertex id fails against the Anthropic API and works on its platform: no
    // fact either way.
    if let (Some(s), Some(w)) = (&sent, &written_model)
        && s == w
        && !api_model(s)
        && !claude_models::provider_id(s)
    {
        out.push(Fact::RunsFail(s.clone()));
        broken = true;
    }
    // Without a run, a file that names a model may still fail every run: no fact.
    if !broken && (sent.is_some() || written_model.is_none()) {
        out.push(Fact::Works);
    }
    if case.format == "claude-agent" {
        let mut keys: Vec<String> = unknown_keys_logged(obs);
        keys.extend(invalid_keys_logged(obs));
        keys.sort();
        keys.dedup();
        out.extend(keys.into_iter().map(Fact::KeyIgnored));
        out.extend(dropped_tools(&a, obs).into_iter().map(Fact::ToolDropped));
    }
    out
}

/// Whether the agent's `tools` names an MCP tool or a tool only some sessions have.
fn session_dependent(a: &Analysed) -> bool {
    written_tools(a).iter().any(|t| {
        t.starts_with("mcp__")
            || claude_tools::resolve(t.split('(').next().unwrap_or(t).trim())
                .is_some_and(|tool| tool.availability == Availability::Sometimes)
    })
}

/// The entries of the agent's `tools`, as Claude Code splits them.
fn written_tools(a: &Analysed) -> Vec<String> {
    let Some(root) = a.doc.syntax().yaml.root.as_ref() else {
        return Vec::new();
    };
    match root.get("tools").map(|n| &n.kind) {
        Some(NodeKind::Scalar { value, .. }) => split_outside_parens(value),
        Some(NodeKind::Seq { items, .. }) => items
            .iter()
            .filter_map(|i| i.as_str())
            .flat_map(split_outside_parens)
            .collect(),
        _ => Vec::new(),
    }
}

/// A `tools` entry split as Claude Code 2.1.332 splits it (recorded: `Read Grep` gives both,
/// `Bash(git diff, git log)` is one rule, and an unclosed `(` runs to the end).
fn split_outside_parens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | ' ' | '\t' if depth == 0 => {
                if !cur.trim().is_empty() {
                    out.push(cur.trim().to_string());
                }
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// The names in `tools` the spawned agent lacks. Only names every session has are asked
/// about: a tool that depends on the session (a platform, a connected service) is missing
/// from the harness's sessions for reasons of its own.
pub(crate) fn dropped_tools(a: &Analysed, obs: &Observation) -> Vec<String> {
    let Some(root) = a.doc.syntax().yaml.root.as_ref() else {
        return Vec::new();
    };
    if root.get("disallowedTools").is_some() {
        return Vec::new();
    }
    let have = match spawned_tools(obs) {
        Some(t) => t,
        None if refused_for_tools(obs) => Vec::new(),
        None => return Vec::new(),
    };
    written_tools(a)
        .into_iter()
        .filter(|t| !t.is_empty() && t != "*" && !t.starts_with("mcp__"))
        .filter(|t| {
            let bare = t.split('(').next().unwrap_or(t).trim();
            let (name, sometimes) = match claude_tools::resolve(bare) {
                Some(tool) => (tool.name, tool.availability == Availability::Sometimes),
                None => (bare, false),
            };
            !sometimes && !have.iter().any(|h| h == name)
        })
        .collect()
}

/// One finding of a checker, as the comparison sees it.
#[derive(Debug, Clone)]
pub struct Finding {
    pub error: bool,
    /// The checker's rule or code.
    pub rule: String,
    /// The top-level key the finding points into, when its position says so.
    pub key: Option<String>,
    /// Where the finding names its subject: the text it points at (agentls), its message
    /// (agnix, whose findings all point at line 1).
    pub text: String,
}

/// `word` appears in `text` quoted, as a message names its subject (`'Raed'`, `` `Raed` ``,
/// `"Raed"`); a list of names a message offers ("Known tools: Agent, Bash…") does not count.
fn mentions(text: &str, word: &str) -> bool {
    !word.is_empty() && ["'", "`", "\""].iter().any(|q| text.contains(&format!("{q}{word}{q}")))
}

/// Whether a checker's findings on a file agree with a fact: whether it said something about
/// it at all, and whether it said so at the level the effect calls for (an error for a file
/// that does not load, is refused or fails every run; less than an error for something
/// ignored in a file that works; no error at all for a file that works).
pub fn agrees(fact: &Fact, findings: &[Finding]) -> (bool, bool) {
    let any_error = findings.iter().any(|f| f.error);
    let about = |name: &str| -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.key.as_deref() == Some(name) || mentions(&f.text, name))
            .collect()
    };
    let ignored = |on: Vec<&Finding>| (!on.is_empty(), !on.is_empty() && on.iter().all(|f| !f.error));
    match fact {
        Fact::NotLoaded | Fact::Refused | Fact::ConfigRefused => (!findings.is_empty(), any_error),
        Fact::Works => (!any_error, !any_error),
        // A model, or a command's agent: the finding on that key or naming the value.
        Fact::RunsFail(model) => {
            let on: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.key.as_deref() == Some("model") || mentions(&f.text, model))
                .collect();
            (!on.is_empty(), on.iter().any(|f| f.error))
        }
        Fact::KeyIgnored(k) => ignored(about(k)),
        Fact::ToolDropped(t) => ignored(findings.iter().filter(|f| mentions(&f.text, t)).collect()),
    }
}

/// agentls's findings on a case, as `agentls check` reports them.
pub fn agentls_findings(case: &Case) -> Vec<Finding> {
    agentls_findings_about(case, "claude-code")
}

/// agentls's findings on a case whose claims are about `tool` (a `targets` id).
pub fn agentls_findings_about(case: &Case, tool: &str) -> Vec<Finding> {
    findings_of(Analysed::of(case, tool))
}

/// agentls's findings on a case in its project, the cross-file rules' included.
pub fn agentls_findings_in_project(case: &Case, tool: &str) -> Vec<Finding> {
    findings_of(Analysed::in_project(case, tool))
}

fn findings_of(a: Analysed) -> Vec<Finding> {
    a.findings
        .iter()
        .map(|d| Finding {
            // A `rejected` finding is another tool's validator verdict (VS Code marks a skill
            // name with capitals an error); Claude Code's facts are about what it runs.
            error: d.severity == Severity::Error && d.effect != Effect::Rejected,
            rule: d.code.clone(),
            key: key_of(&a, d),
            // What the finding points at, and the places it relates (one note for several
            // tools): its subjects, whatever its message mentions besides.
            text: std::iter::once(a.text_at(d))
                .chain(d.related.iter().map(|(r, _)| a.doc.slice(r)))
                .map(|t| format!("`{}`", t.trim().trim_matches(['"', '\''])))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect()
}

/// Another checker, run as a program over files on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    /// agnix (`agnix --format json --target claude-code DIR`).
    Agnix,
    /// An `agentls` binary of another commit (`agentls check --format json DIR`): what agentls
    /// said before.
    Agentls,
}

impl Peer {
    /// Each finding in the program's output.
    fn parse(self, out: &[u8]) -> Result<(Option<String>, Vec<Raw>), String> {
        let json: serde_json::Value =
            serde_json::from_slice(out).map_err(|e| format!("no JSON in the output ({e})"))?;
        let (version, list, file, level, rule, error) = match self {
            Peer::Agnix => (
                json["version"].as_str().map(String::from),
                &json["diagnostics"],
                "file",
                "level",
                "rule",
                "error",
            ),
            Peer::Agentls => (None, &json, "path", "severity", "code", "error"),
        };
        let found = list
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                let n = |k: &str| d[k].as_u64().unwrap_or(0) as usize;
                Raw {
                    file: d[file].as_str().unwrap_or_default().to_string(),
                    line: n("line"),
                    // agentls reports where a finding ends; agnix does not.
                    columns: (n("end_line") == n("line") && n("end_column") > n("column"))
                        .then(|| (n("column"), n("end_column"))),
                    error: d[level].as_str() == Some(error),
                    rule: d[rule].as_str().unwrap_or_default().to_string(),
                    message: d["message"].as_str().unwrap_or_default().to_string(),
                }
            })
            .collect();
        Ok((version, found))
    }
}

/// A checker's findings per case id.
pub type FindingsByCase = BTreeMap<String, Vec<Finding>>;

/// (facts, said something, said it at the level).
pub type Tally = (usize, usize, usize);

/// A finding as a peer printed it.
struct Raw {
    file: String,
    /// 1-based.
    line: usize,
    /// 1-based columns in characters, start and end, when the finding is on one line.
    columns: Option<(usize, usize)>,
    error: bool,
    rule: String,
    message: String,
}

/// The text at 1-based `line` and character columns `from..to` of a case.
fn text_at(case: &Case, line: usize, (from, to): (usize, usize)) -> Option<String> {
    let text = case.text();
    let l = text.split('\n').nth(line.checked_sub(1)?)?;
    Some(l.chars().skip(from.checked_sub(1)?).take(to - from).collect())
}

/// Runs a peer once over every case (each in a project of its own under a temporary folder)
/// and returns the version it reports and its findings per case id.
/// `agnix_target`: the tool agnix is asked to validate for (`--target`; `generic` runs every
/// rule, for tools it has no target for).
pub fn peer_findings(
    peer: Peer,
    bin: &Path,
    cases: &[&Case],
    agnix_target: &str,
) -> Result<(Option<String>, FindingsByCase), String> {
    let root = std::env::temp_dir().join(format!("agentls-peer-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let mut by_file: BTreeMap<PathBuf, &Case> = BTreeMap::new();
    for (i, case) in cases.iter().enumerate() {
        let project = root.join(format!("c{i}"));
        let file = project.join(&case.path);
        write(&file, &case.bytes)?;
        for (p, t) in &case.extra {
            write(&project.join(p), t.as_bytes())?;
        }
        by_file.insert(file, case);
    }
    let mut cmd = std::process::Command::new(bin);
    match peer {
        Peer::Agnix => cmd.args(["--format", "json", "--target", agnix_target]),
        Peer::Agentls => cmd.args(["check", "--format", "json"]),
    };
    let out = cmd
        .arg(&root)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let _ = std::fs::remove_dir_all(&root);
    let (version, list) = peer.parse(&out.stdout).map_err(|e| {
        format!(
            "{}: {e}: {}",
            bin.display(),
            String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or_default()
        )
    })?;
    let mut found: BTreeMap<String, Vec<Finding>> = cases.iter().map(|c| (c.id.clone(), Vec::new())).collect();
    for raw in list {
        let Some(case) = by_file.get(&PathBuf::from(&raw.file)) else {
            continue;
        };
        // Where a peer says where its finding is, that text is its subject (a message may
        // name other tools: "use `Edit`"); else its message is.
        let text = match raw.columns.and_then(|c| text_at(case, raw.line, c)) {
            Some(t) => format!("`{}`", t.trim().trim_matches(['"', '\''])),
            None => raw.message,
        };
        found.entry(case.id.clone()).or_default().push(Finding {
            error: raw.error,
            rule: raw.rule,
            key: key_at_line(case, raw.line),
            text,
        });
    }
    Ok((version, found))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The top-level key whose entry spans 1-based `line` (agnix reports line 1 for most findings,
/// which then name no key by their position).
fn key_at_line(case: &Case, line: usize) -> Option<String> {
    if line <= 1 {
        return None;
    }
    let a = Analysed::of(case, "claude-code");
    let rope = a.doc.rope();
    let root = a.doc.syntax().yaml.root.as_ref()?;
    root.entries()
        .iter()
        .find(|e| {
            let first = rope.byte_to_line(e.key.span.start) + 1;
            let last = rope.byte_to_line(e.value.span.end.max(e.key.span.end)) + 1;
            first <= line && line <= last
        })
        .and_then(|e| e.key.as_str().map(String::from))
}

/// The tally of one checker over every fact.
#[derive(Debug, Default)]
pub struct Score {
    /// Per fact kind: (facts, said something, said it at the level).
    pub by_kind: BTreeMap<&'static str, Tally>,
    /// Facts the checker did not get right at the level: (case, fact).
    pub wrong: Vec<(String, Fact)>,
    /// The rules of the errors it reported on files that load and run: its false errors.
    pub false_errors: BTreeMap<String, usize>,
}

impl Score {
    pub fn add(&mut self, case: &str, fact: &Fact, findings: &[Finding]) {
        let (right, level) = agrees(fact, findings);
        let e = self.by_kind.entry(fact.kind()).or_default();
        e.0 += 1;
        e.1 += right as usize;
        e.2 += level as usize;
        if !level {
            self.wrong.push((case.to_string(), fact.clone()));
            if *fact == Fact::Works {
                for f in findings.iter().filter(|f| f.error) {
                    *self.false_errors.entry(f.rule.clone()).or_default() += 1;
                }
            }
        }
    }

    pub fn total(&self) -> Tally {
        self.by_kind
            .values()
            .fold((0, 0, 0), |t, v| (t.0 + v.0, t.1 + v.1, t.2 + v.2))
    }
}

/// What Claude Code's own validator (`claude plugin validate --json`, recorded with each case)
/// said of a file, as findings: its errors are errors, its warnings are not. `None` when the
/// recording has no validator report for the case.
pub fn validator_findings(obs: &Observation) -> Option<Vec<Finding>> {
    let v = obs.validate.as_ref()?;
    let finding = |line: &String, error: bool| {
        let (path, message) = line.split_once(": ").unwrap_or(("", line));
        Finding {
            error,
            rule: path.to_string(),
            // `frontmatter` is the whole block; anything else names the key.
            key: (!path.is_empty() && path != "frontmatter")
                .then(|| path.split(['.', '[']).next().unwrap_or(path).to_string()),
            text: message.to_string(),
        }
    };
    Some(
        v.errors
            .iter()
            .map(|e| finding(e, true))
            .chain(v.warnings.iter().map(|w| finding(w, false)))
            .collect(),
    )
}

/// Scores agentls, and each peer given as `(peer, binary, label)`, on the current cases of the
/// Claude Code recording at `version` whose ids start with one of `only` (all when empty).
pub fn compare(version: &str, peers: &[(Peer, PathBuf, String)], only: &[String]) -> Result<Comparison, String> {
    let lines = crate::recording::read::<Observation>("claude-code", version)?;
    let cases = crate::cases::all()
        .into_iter()
        .filter(|c| only.is_empty() || only.iter().any(|p| c.id.starts_with(p.as_str())))
        .collect();
    let rec = pair(cases, &lines, super::claude_observes);
    let cases: Vec<&Case> = rec.current.iter().map(|(c, _)| c).collect();
    let mut c = Comparison {
        claude_code: format!("Claude Code {version}"),
        checkers: vec![(format!("agentls {}", env!("CARGO_PKG_VERSION")), Score::default())],
    };
    let mut theirs = Vec::new();
    for (peer, bin, label) in peers {
        let (v, found) = peer_findings(*peer, bin, &cases, "claude-code")?;
        let name = match v {
            Some(v) => format!("{label} {v}"),
            None => label.clone(),
        };
        c.checkers.push((name, Score::default()));
        theirs.push(found);
    }
    // Claude Code's own validator, from the recording, when every case has its report.
    let validator = rec.current.iter().all(|(_, o)| o.validate.is_some());
    if validator {
        c.checkers
            .push((format!("claude plugin validate {version}"), Score::default()));
    }
    for (case, obs) in &rec.current {
        let ours = agentls_findings(case);
        let validated = validator_findings(obs).unwrap_or_default();
        for fact in facts(case, obs) {
            c.checkers[0].1.add(&case.id, &fact, &ours);
            for (i, found) in theirs.iter().enumerate() {
                let f = found.get(&case.id).map(Vec::as_slice).unwrap_or_default();
                c.checkers[i + 1].1.add(&case.id, &fact, f);
            }
            if validator {
                c.checkers
                    .last_mut()
                    .expect("pushed above")
                    .1
                    .add(&case.id, &fact, &validated);
            }
        }
    }
    Ok(c)
}

/// Whether the body has a `${name}` Gemini CLI's template would not fill in (recorded:
/// `mutation/gemini-agent/body/unknown-placeholder` fails every invocation), matched as its
/// `templateString` matches, `/\$\{(\w+)\}/g`.
fn has_template_placeholder(case: &Case) -> bool {
    let inputs = agentls::formats::gemini::agent::BODY_SYNTAX
        .template_inputs
        .unwrap_or_default();
    let text = case.text();
    text.match_indices("${").any(|(i, _)| {
        let rest = &text[i + 2..];
        let n = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        n > 0 && rest.as_bytes().get(n) == Some(&b'}') && !inputs.contains(&&rest[..n])
    })
}

/// The `model` a case's front matter writes, if any.
fn written_model(case: &Case) -> Option<String> {
    let doc = agentls::document::Document::new(&case.text(), None);
    let root = doc.syntax().yaml.root.clone()?;
    match &root.get("model")?.kind {
        NodeKind::Scalar { value, .. } => Some(value.clone()),
        _ => None,
    }
}

/// The same comparison on what Gemini CLI did with its subagent files (the project's
/// `.gemini/agents/`: the corpus's Claude Code agents copied there, the mutations, fixtures and
/// rule-page examples): whether it loaded each one, and whether an agent it loaded could run.
pub fn compare_gemini(version: &str, peers: &[(Peer, PathBuf, String)], only: &[String]) -> Result<Comparison, String> {
    let lines = crate::recording::read::<crate::gemini::Observation>(crate::gemini::cli::TOOL, version)?;
    let cases = crate::cases::all()
        .into_iter()
        // Agent files of the project: the cases of files elsewhere (`.claude/agents/`, `.txt`)
        // are about where Gemini CLI looks, not about a file a checker is given as an agent.
        .filter(|c| c.format == "gemini-agent" && c.path.starts_with(".gemini/agents/") && c.path.ends_with(".md"))
        .filter(|c| only.is_empty() || only.iter().any(|p| c.id.starts_with(p.as_str())))
        .collect();
    let rec = pair(cases, &lines, crate::gemini::observes);
    let cases: Vec<&Case> = rec.current.iter().map(|(c, _)| c).collect();
    let (mut c, theirs) = Comparison::with_peers(format!("Gemini CLI {version}"), peers, &cases)?;
    for (case, obs) in &rec.current {
        // The fake API answers any model; the Gemini API serves only Gemini models, so an
        // agent that sends another name fails every run.
        let fact = match (&obs.agent, &obs.refused, &obs.spawn) {
            (None, ..) => Fact::NotLoaded,
            (Some(_), Some(_), _) => Fact::Refused,
            (Some(_), None, Some(s)) if !s.model.starts_with("gemini-") => Fact::RunsFail(s.model.clone()),
            (Some(_), None, Some(_)) => Fact::Works,
            // Listed and never invoked: what its model, or its body's template, would do is
            // not seen.
            (Some(_), None, None) if written_model(case).is_some() || has_template_placeholder(case) => continue,
            (Some(_), None, None) => Fact::Works,
        };
        let ours = agentls_findings_about(case, "gemini-cli");
        c.checkers[0].1.add(&case.id, &fact, &ours);
        for (i, found) in theirs.iter().enumerate() {
            let f = found.get(&case.id).map(Vec::as_slice).unwrap_or_default();
            c.checkers[i + 1].1.add(&case.id, &fact, f);
        }
    }
    Ok(c)
}

/// The same comparison on what OpenCode (`tool` = `opencode`) or its fork Kilo Code (`kilo`)
/// did with the agent and command files of a project: whether it refused its configuration
/// for the file, listed it, whether the agent's run failed, and which top-level keys it
/// passed on as provider options (keys it has no use for: the model provider ignores them).
pub fn compare_opencode(
    tool: &str,
    version: &str,
    peers: &[(Peer, PathBuf, String)],
    only: &[String],
) -> Result<Comparison, String> {
    use super::opencode::{disabled, run_failed};
    let lines = crate::recording::read::<crate::opencode::Observation>(tool, version)?;
    let (folders, agent, command, name): (&[&str], &str, &str, &str) = match tool {
        "kilo" => (&[".kilo/", ".kilocode/"], "kilo-agent", "kilo-command", "Kilo Code"),
        _ => (&[".opencode/"], "opencode-agent", "opencode-command", "OpenCode"),
    };
    let cases = crate::cases::all()
        .into_iter()
        // Files of the project's own folders: the cases of files elsewhere (the user's
        // config folder, a `.txt`) are about where the tool looks.
        .filter(|c| c.format == agent || c.format == command)
        .filter(|c| folders.iter().any(|f| c.path.starts_with(f)) && c.path.ends_with(".md"))
        .filter(|c| !disabled(c))
        .filter(|c| only.is_empty() || only.iter().any(|p| c.id.starts_with(p.as_str())))
        .collect();
    let rec = pair(cases, &lines, |_| true);
    let cases: Vec<&Case> = rec.current.iter().map(|(c, _)| c).collect();
    let (mut c, theirs) = Comparison::with_peers(format!("{name} {version}"), peers, &cases)?;
    for (case, obs) in &rec.current {
        let is_command = case.format == command;
        let loaded = if is_command {
            obs.command.is_some()
        } else {
            obs.agent.is_some()
        };
        let mut facts = Vec::new();
        if obs.error.is_some() {
            facts.push(Fact::ConfigRefused);
        } else if !loaded {
            facts.push(Fact::NotLoaded);
        } else if run_failed(obs).is_some() {
            // The harness configures one provider, `anthropic`: a model of another provider
            // fails here and may work where the user has that provider.
            let model = written_model(case).filter(|m| !m.trim().is_empty());
            match (
                is_command
                    .then(|| obs.command.as_ref().and_then(|c| c.agent.clone()))
                    .flatten(),
                model,
            ) {
                // A command's run fails on its `agent` (OpenCode finds no such agent).
                (Some(agent), None) => facts.push(Fact::RunsFail(agent)),
                (_, Some(m)) if m.starts_with("anthropic/") || !m.contains('/') => facts.push(Fact::RunsFail(m)),
                _ => {}
            }
        } else if obs.run.is_some()
            || (written_model(case).is_none() && obs.command.as_ref().is_none_or(|c| c.agent.is_none()))
        {
            // Without a run, a file that names a model or an agent may still fail every run.
            facts.push(Fact::Works);
        }
        // Keys written at the top level that the agent carries as provider options: the
        // tool had no use for them.
        if let (false, Some(a)) = (is_command, &obs.agent) {
            let doc = agentls::document::Document::new(&case.text(), None);
            if let Some(root) = doc.syntax().yaml.root.as_ref() {
                for e in root.entries() {
                    if let Some(k) = e.key.as_str()
                        && k != "options"
                        && a.options.contains_key(k)
                    {
                        facts.push(Fact::KeyIgnored(k.to_string()));
                    }
                }
            }
        }
        let ours = agentls_findings_in_project(case, tool);
        for fact in facts {
            c.checkers[0].1.add(&case.id, &fact, &ours);
            for (i, found) in theirs.iter().enumerate() {
                let f = found.get(&case.id).map(Vec::as_slice).unwrap_or_default();
                c.checkers[i + 1].1.add(&case.id, &fact, f);
            }
        }
    }
    Ok(c)
}

#[derive(Debug, Default)]
pub struct Comparison {
    /// The tool and release whose recording is the judge ("Claude Code 2.1.332").
    pub claude_code: String,
    /// agentls first, then the peers: (name and version, score).
    pub checkers: Vec<(String, Score)>,
}

impl Comparison {
    /// A comparison judged by `judge` (a tool and its release), agentls first, then each peer
    /// run over `cases` (agnix with `--target generic`: every rule, for the tools it has no
    /// target for); each peer's findings by case, in the order of the peers.
    fn with_peers(
        judge: String,
        peers: &[(Peer, PathBuf, String)],
        cases: &[&Case],
    ) -> Result<(Comparison, Vec<FindingsByCase>), String> {
        let mut c = Comparison {
            claude_code: judge,
            checkers: vec![(format!("agentls {}", env!("CARGO_PKG_VERSION")), Score::default())],
        };
        let mut theirs = Vec::new();
        for (peer, bin, label) in peers {
            let (v, found) = peer_findings(*peer, bin, cases, "generic")?;
            c.checkers.push((
                v.map_or_else(|| label.clone(), |v| format!("{label} {v}")),
                Score::default(),
            ));
            theirs.push(found);
        }
        Ok((c, theirs))
    }

    /// A Markdown table: per fact kind, how often each checker agrees with Claude Code.
    pub fn render(&self) -> String {
        let pct = |n: usize, d: usize| {
            if d == 0 {
                "–".to_string()
            } else {
                format!("{:.1} %", 100.0 * n as f64 / d as f64)
            }
        };
        let cell = |s: Tally| format!("{} ({} at the level)", pct(s.1, s.0), pct(s.2, s.0));
        let mut out = format!(
            "What {} did, and how often each checker said so\n\n| fact | cases |",
            self.claude_code
        );
        for (name, _) in &self.checkers {
            out.push_str(&format!(" {name} |"));
        }
        out.push_str("\n|---|---:|");
        out.push_str(&"---:|".repeat(self.checkers.len()));
        out.push('\n');
        let Some((_, ours)) = self.checkers.first() else {
            return out;
        };
        let mut rows: Vec<(&str, Vec<Tally>)> = ours
            .by_kind
            .keys()
            .map(|k| {
                (
                    *k,
                    self.checkers
                        .iter()
                        .map(|(_, s)| s.by_kind.get(k).copied().unwrap_or_default())
                        .collect(),
                )
            })
            .collect();
        rows.push(("all facts", self.checkers.iter().map(|(_, s)| s.total()).collect()));
        for (kind, scores) in rows {
            out.push_str(&format!("| {kind} | {} |", scores[0].0));
            for s in scores {
                out.push_str(&format!(" {} |", cell(s)));
            }
            out.push('\n');
        }
        out
    }

    /// Every fact a checker did not get right at the level, one per line, then the rules of
    /// its false errors.
    pub fn render_wrong(&self) -> String {
        let mut out = String::new();
        for (who, s) in &self.checkers {
            let mut rules: Vec<(&String, &usize)> = s.false_errors.iter().collect();
            rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (rule, n) in rules {
                out.push_str(&format!("{who}: false errors: {rule}: {n}\n"));
            }
        }
        for (who, s) in &self.checkers {
            for (case, fact) in &s.wrong {
                out.push_str(&format!("{who}: wrong: {case}: {fact:?}\n"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_split_outside_parentheses() {
        assert_eq!(
            split_outside_parens("Read Grep,Bash(git diff, git log)"),
            ["Read", "Grep", "Bash(git diff, git log)"]
        );
        assert_eq!(
            split_outside_parens("Read, Bash(npm test*, Grep"),
            ["Read", "Bash(npm test*, Grep"]
        );
    }

    #[test]
    fn a_name_is_mentioned_only_as_a_subject() {
        assert!(mentions("Unknown tool 'Raed' in tools", "Raed"));
        assert!(mentions("`Read` is dropped", "Read"));
        assert!(!mentions("Known tools: Agent, Read, Write", "Read"));
        assert!(!mentions("`ReadMcpResourceTool` is fine", "Read"));
    }

    #[test]
    fn an_ignored_key_flagged_as_an_error_is_right_but_not_at_the_level() {
        let f = |error| Finding {
            error,
            rule: String::new(),
            key: Some("colour".into()),
            text: String::new(),
        };
        let fact = Fact::KeyIgnored("colour".into());
        assert_eq!(agrees(&fact, &[f(false)]), (true, true));
        assert_eq!(agrees(&fact, &[f(true)]), (true, false));
        assert_eq!(agrees(&fact, &[]), (false, false));
        assert_eq!(agrees(&Fact::Works, &[f(true)]), (false, false));
        assert_eq!(agrees(&Fact::NotLoaded, &[f(false)]), (true, false));
        assert_eq!(agrees(&Fact::NotLoaded, &[f(true)]), (true, true));
    }
}
