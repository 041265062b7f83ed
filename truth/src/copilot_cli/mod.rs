//! The GitHub Copilot CLI oracle (npm `@github/copilot`; the binary is its optional
//! dependency `@github/copilot-linux-x64`). Each case gets a project and a home of its own, and
//! the CLI is asked, offline, what it made of the file:
//!
//! - Skills: `copilot skill list`: the project and personal skills it lists (name and
//!   description), and the "failed to load" block it prints with a reason per file.
//! - Agents: `copilot -p ok --agent <none>`, which stops before any model request with "No
//!   such agent: …, available: a, b": the custom agents it loaded. Its log
//!   (`$COPILOT_HOME/logs/`) says why it skipped a file ("custom agent markdown frontmatter is
//!   malformed: description: Required") and which keys it ignored. For an agent of ours that
//!   loads and says something the request shows (`tools`; every probe of [`cases`]), one more
//!   run selects it (`--agent NAME`) and the fake API shows what it became: the tools of the
//!   first request, and whether its body is in the system prompt. Under BYOK the request's
//!   model is `COPILOT_MODEL`, whatever the agent's `model:` says, so that is not observed.
//!
//! Hermetic: `COPILOT_OFFLINE=true` (no authentication, telemetry, update check or web tools),
//! a BYOK provider (`COPILOT_PROVIDER_TYPE=anthropic`) on the fake API at 127.0.0.1 with a
//! fake key, `COPILOT_AUTO_UPDATE=false`, `--disable-client-telemetry`, a fresh `HOME` and
//! `COPILOT_HOME`, only `PATH` and `LANG` besides. `strace -f -e trace=connect,sendto,sendmmsg`
//! on both kinds of run shows one connection, to the fake API (docs/format-sources.md).
//!
//! Files of others (the corpus) are only listed, never selected: selecting an agent would start
//! the MCP servers it declares. Ours are selected only when they declare no MCP servers.

pub mod cases;

use crate::cases::{Case, Origin};
use crate::fake_api::FakeApi;
use crate::install::Installed;
use crate::recording::{self, Line};
use crate::util::TempDir;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The tool id of the recordings and of `--tool`.
pub const TOOL: &str = "copilot-cli";
/// An agent name no case uses: asking for it makes the CLI list the agents it has.
const NO_AGENT: &str = "truth-no-such-agent";
/// The BYOK model: COPILOT_MODEL is required, and decides the request's model whatever the
/// agent's `model:` says.
const MODEL: &str = "truth-fake-model";
/// The BYOK key. The CLI masks the key wherever it occurs in its log, so it must be a string
/// no message holds (a one-letter key turned "unexpected" into "une******pected").
const API_KEY: &str = "truth-fake-provider-key-0000";
/// One run's limit: a hang is a finding, not a stuck harness.
const TIMEOUT: Duration = Duration::from_secs(90);

/// What the Copilot CLI did with one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// Skills: what `copilot skill list` lists (project and personal, not built-in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    /// Skills: the "failed to load" lines (`path: reason`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skill_errors: Vec<String>,
    /// Agents: the custom agents it offers ("available: …"); `None` for skill cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agents: Option<Vec<String>>,
    /// Agents: its log's errors and warnings about agent files (`path: message`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<String>,
    /// Agents of ours that load: the run with the agent selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Selected>,
}

/// A listed skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub name: String,
    /// Cut to 120 characters.
    pub description: String,
    /// `project` or `personal`.
    pub scope: String,
}

/// The first model request of a run with the agent selected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selected {
    /// The tools the request offers, in its order.
    pub tools: Vec<String>,
    /// The agent's body is in the system prompt (under `<agent_instructions>`).
    pub body_in_prompt: bool,
}

impl Observation {
    /// The skill of the case: the one listed (a case's project holds one skill).
    pub fn skill(&self) -> Option<&Skill> {
        self.skills.first()
    }

    /// The agent of the case: the one custom agent listed.
    pub fn agent(&self) -> Option<&str> {
        self.agents.as_ref().and_then(|a| a.first()).map(String::as_str)
    }
}

/// Whether this oracle asks about a case: every `SKILL.md` case, the agents VS Code is asked
/// about, and the probes of [`cases`].
pub fn observes(c: &Case) -> bool {
    match c.format.as_str() {
        "skill" => true,
        "copilot-agent" => {
            c.id.starts_with("mutation/copilot-cli/")
                || c.id.starts_with(crate::vscode::OTHER_TOOLS_PAGES)
                || crate::vscode::observes(c)
        }
        _ => false,
    }
}

/// The cases of this oracle, by id.
pub fn cases() -> Vec<Case> {
    let mut all: Vec<Case> = crate::cases::all().into_iter().filter(observes).collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

pub struct CopilotCli {
    pub installed: Installed,
}

/// A project and a home for a batch of cases.
struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    fn new(batch: &[&Case]) -> Result<Sandbox, String> {
        let sb = Sandbox {
            root: TempDir::new("copilot").map_err(|e| e.to_string())?,
        };
        std::fs::create_dir_all(sb.project()).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(sb.home()).map_err(|e| e.to_string())?;
        let files = batch.iter().flat_map(|case| {
            std::iter::once((case.path.clone(), case.bytes.clone()))
                .chain(case.extra.iter().map(|(p, t)| (p.clone(), t.as_bytes().to_vec())))
        });
        for (rel, bytes) in files {
            let (base, rel) = match rel.strip_prefix("~/") {
                Some(r) => (sb.home(), r.to_string()),
                None => (sb.project(), rel),
            };
            crate::util::write_file(&base, &rel, &bytes).map_err(|e| format!("{rel}: {e}"))?;
        }
        Ok(sb)
    }

    fn project(&self) -> PathBuf {
        self.root.path().join("project")
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    fn copilot_home(&self) -> PathBuf {
        self.home().join(".copilot")
    }

    /// Machine paths out: the project becomes relative, the home `~`.
    fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (dir, to) in [(self.project(), ""), (self.home(), "~/")] {
            let mut forms = vec![dir.to_string_lossy().into_owned()];
            if let Ok(c) = std::fs::canonicalize(&dir) {
                forms.push(c.to_string_lossy().into_owned());
            }
            for f in forms {
                out = out.replace(&format!("{f}/"), to);
            }
        }
        crate::util::scrub_temp_dirs(&out)
    }

    /// The log lines of every run so far, with their timestamps cut.
    fn log_lines(&self) -> Vec<String> {
        let dir = self.copilot_home().join("logs");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            for line in std::fs::read_to_string(&f).unwrap_or_default().lines() {
                // `2026-12-01T13:48:25.817Z [ERROR] .github/agents/bad.agent.md: …`
                let rest = line.split_once(' ').map_or(line, |(_, r)| r);
                out.push(self.scrub(rest));
            }
        }
        out
    }
}

impl CopilotCli {
    /// The pinned version (or with `latest` the newest), installed from npm into the cache.
    pub fn install(latest: bool) -> Result<CopilotCli, String> {
        Ok(CopilotCli {
            installed: crate::install::copilot_cli(latest)?,
        })
    }

    pub fn version(&self) -> &str {
        &self.installed.version
    }

    /// The hermetic command: only these variables, the project as the working folder.
    fn command(&self, sb: &Sandbox, base_url: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.installed.bin);
        cmd.env_clear()
            .current_dir(sb.project())
            .env("HOME", sb.home())
            .env("COPILOT_HOME", sb.copilot_home())
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C.UTF-8")
            .env("COPILOT_OFFLINE", "true")
            .env("COPILOT_AUTO_UPDATE", "false")
            .env("COPILOT_PROVIDER_BASE_URL", base_url)
            .env("COPILOT_PROVIDER_TYPE", "anthropic")
            .env("COPILOT_PROVIDER_API_KEY", API_KEY)
            .env("COPILOT_MODEL", MODEL)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run(&self, sb: &Sandbox, base_url: &str, args: &[&str]) -> Result<(String, String), String> {
        let (out, err, status) = crate::util::run_with_timeout(self.command(sb, base_url, args), "copilot", TIMEOUT)?;
        if status.is_none() {
            return Err(format!("copilot {} took over {TIMEOUT:?}", args.join(" ")));
        }
        Ok((out, err))
    }

    /// Observes the cases: in batches of up to [`BATCH`] files in one project (a run of the CLI
    /// costs seconds of start-up), [`jobs`] batches at a time. A case the batch cannot account
    /// for (not listed under the name it should have, and no message about its file) is asked
    /// again alone, so that batching never changes an observation.
    pub fn observe(&self, cases: &[Case]) -> Result<Vec<(String, Observation)>, String> {
        let work = batches(cases);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<Result<Vec<(String, Observation)>, String>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..jobs())
                .map(|_| {
                    s.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            let Some(batch) = work.get(i) else { break };
                            eprintln!(
                                "truth: copilot-cli: batch {}/{} ({} files)",
                                i + 1,
                                work.len(),
                                batch.len()
                            );
                            done.push(self.observe_batch(batch));
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

    fn observe_batch(&self, batch: &[&Case]) -> Result<Vec<(String, Observation)>, String> {
        let sb = Sandbox::new(batch)?;
        let api = FakeApi::start(|_| vec![]).map_err(|e| format!("fake API: {e}"))?;
        let base = api.base_url();
        let skills = batch[0].format == "skill";
        let mut out = Vec::new();
        let mut again: Vec<&Case> = Vec::new();
        if skills {
            let (stdout, stderr) = self.run(&sb, &base, &["skill", "list"])?;
            let listed = listed_skills(&sb.scrub(&stdout));
            let failed = failed_skills(&sb.scrub(&stderr));
            for c in batch {
                let mine: Vec<Skill> = listed
                    .iter()
                    .filter(|s| batch.len() == 1 || s.name == expected_skill_name(c))
                    .cloned()
                    .collect();
                let errors: Vec<String> = failed
                    .iter()
                    .filter(|e| batch.len() == 1 || e.starts_with(&format!("{}: ", c.path)))
                    .cloned()
                    .collect();
                if batch.len() > 1 && mine.is_empty() && errors.is_empty() {
                    again.push(c);
                    continue;
                }
                out.push((
                    c.id.clone(),
                    Observation {
                        skills: mine,
                        skill_errors: errors,
                        ..Observation::default()
                    },
                ));
            }
        } else {
            let (stdout, stderr) = self.run(
                &sb,
                &base,
                &["-p", "ok", "--agent", NO_AGENT, "--disable-client-telemetry"],
            )?;
            let Some(agents) = available(&format!("{stdout}\n{stderr}")) else {
                if batch.len() > 1 {
                    // Something in the batch broke the listing: each file alone says what.
                    return batch
                        .iter()
                        .map(|c| self.observe_batch(&[c]))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|v| v.concat());
                }
                return Err(format!(
                    "{}: copilot listed no agents:\n{}\n{}",
                    batch[0].id,
                    sb.scrub(stdout.trim()),
                    sb.scrub(stderr.trim())
                ));
            };
            let log = agent_log(&sb.log_lines());
            for c in batch {
                let mine: Vec<String> = agents
                    .iter()
                    .filter(|a| batch.len() == 1 || **a == expected_agent_name(c))
                    .cloned()
                    .collect();
                let lines: Vec<String> = log
                    .iter()
                    .filter(|l| batch.len() == 1 || l.starts_with(&format!("{}: ", logged_path(c))))
                    .cloned()
                    .collect();
                let errors = lines.iter().any(|l| l.contains("malformed"));
                if batch.len() > 1 && mine.is_empty() && !errors {
                    again.push(c);
                    continue;
                }
                let mut obs = Observation {
                    agents: Some(mine.clone()),
                    log: lines,
                    ..Observation::default()
                };
                if let [name] = mine.as_slice()
                    && selects(c)
                {
                    obs.selected = Some(self.select(&sb, &api, c, name)?);
                }
                out.push((c.id.clone(), obs));
            }
        }
        for c in again {
            out.extend(self.observe_batch(&[c])?);
        }
        Ok(out)
    }

    /// A run with the agent selected: the tools of its first model request, and whether its
    /// body is in the system prompt.
    fn select(&self, sb: &Sandbox, api: &FakeApi, case: &Case, name: &str) -> Result<Selected, String> {
        let before = api.messages().len();
        let (out, err) = self.run(
            sb,
            &api.base_url(),
            &[
                "-p",
                "ok",
                "--agent",
                name,
                "--allow-all-tools",
                "--disable-client-telemetry",
            ],
        )?;
        let first = api.messages().into_iter().nth(before).ok_or_else(|| {
            format!(
                "{}: no model request with --agent {name}:\n{}\n{}",
                case.id,
                sb.scrub(out.trim()),
                sb.scrub(err.trim())
            )
        })?;
        let system = first.system_text();
        Ok(Selected {
            tools: first.tool_names(),
            body_in_prompt: body_marker(case).is_some_and(|m| system.contains(&m)),
        })
    }
}

/// Files per batch.
const BATCH: usize = 40;

/// Batches of one kind (skills or agents) whose files cannot disturb each other: distinct
/// paths, distinct expected names; a case with extra files runs alone.
fn batches(cases: &[Case]) -> Vec<Vec<&Case>> {
    let mut out: Vec<Vec<&Case>> = Vec::new();
    for skills in [true, false] {
        let mut open: Vec<(Vec<&Case>, HashSet<String>)> = Vec::new();
        for c in cases.iter().filter(|c| (c.format == "skill") == skills) {
            if !c.extra.is_empty() {
                out.push(vec![c]);
                continue;
            }
            let name = if skills {
                expected_skill_name(c)
            } else {
                expected_agent_name(c)
            }
            .to_lowercase();
            let keys = [format!("path:{}", c.path), format!("name:{name}")];
            let slot = open
                .iter_mut()
                .find(|(b, taken)| b.len() < BATCH && keys.iter().all(|k| !taken.contains(k)));
            match slot {
                Some((b, taken)) => {
                    b.push(c);
                    taken.extend(keys);
                }
                None => open.push((vec![c], keys.into_iter().collect())),
            }
        }
        out.extend(open.into_iter().map(|(b, _)| b));
    }
    out
}

/// The name the CLI should list a skill under: its `name:`, else its folder.
fn expected_skill_name(c: &Case) -> String {
    c.declared_name()
        .unwrap_or_else(|| c.path.rsplit('/').nth(1).unwrap_or_default().to_string())
}

/// The name the CLI should offer an agent under: its `name:`, else its path below the agents
/// folder without `.agent.md` or `.md`, folders joined by `--` (`team/x.agent.md` is
/// `team--x`, as recorded).
fn expected_agent_name(c: &Case) -> String {
    if let Some(n) = c.declared_name() {
        return n;
    }
    let rel = c.path.split_once("/agents/").map_or(c.path.as_str(), |(_, r)| r);
    let rel = rel
        .strip_suffix(".agent.md")
        .or_else(|| rel.strip_suffix(".md"))
        .unwrap_or(rel);
    rel.replace('/', "--")
}

/// How the log names a case's file: relative to the project, or for a file in the home
/// folder's `~/.copilot/`, relative to that.
fn logged_path(c: &Case) -> &str {
    c.path.strip_prefix("~/.copilot/").unwrap_or(&c.path)
}

/// Whether a loaded agent is run selected: ours, with no MCP servers to start, and with
/// something the selected run shows (`tools`), or one of this oracle's probes.
fn selects(c: &Case) -> bool {
    c.origin == Origin::Ours
        && !declares_servers(c)
        && (c.id.starts_with("mutation/copilot-cli/") || c.text().contains("\ntools:"))
}

/// How many cases run at once: `AGENTLS_TRUTH_JOBS`, else 2 (a run is mostly start-up CPU).
fn jobs() -> usize {
    std::env::var("AGENTLS_TRUTH_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(2)
}

/// Whether a case declares MCP servers (selecting it would start them).
fn declares_servers(case: &Case) -> bool {
    let t = case.text();
    t.contains("mcp-servers") || t.contains("mcpServers") || t.contains("mcp_servers")
}

/// The first line of the case's body, to find in the system prompt.
fn body_marker(case: &Case) -> Option<String> {
    let text = case.text();
    let body = match text.strip_prefix("---") {
        Some(rest) => rest.split_once("\n---").map(|(_, b)| b)?.split_once('\n')?.1,
        None => &text,
    };
    body.lines().map(str::trim).find(|l| !l.is_empty()).map(String::from)
}

/// The names after "No such agent: X, available: " (empty when none).
fn available(text: &str) -> Option<Vec<String>> {
    let start = text.find(&format!("No such agent: {NO_AGENT}"))?;
    let line = text[start..].lines().next()?;
    let list = line.split_once("available:").map_or("", |(_, l)| l.trim());
    Some(
        list.split(", ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    )
}

/// The log's errors and warnings about agent files: `[ERROR] path: …` with a path that ends
/// in `.md`.
fn agent_log(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("[ERROR] ").or_else(|| l.strip_prefix("[WARNING] ")))
        .filter(|l| l.split_once(": ").is_some_and(|(p, _)| p.ends_with(".md")))
        .map(String::from)
        .collect();
    // One line per run of the CLI: the same message twice is one finding.
    let mut seen = HashSet::new();
    out.retain(|l| seen.insert(l.clone()));
    out
}

/// `Project skills:` and `Personal skills:` entries (`  name - description`).
fn listed_skills(stdout: &str) -> Vec<Skill> {
    let mut out = Vec::new();
    let mut scope: Option<&str> = None;
    for line in stdout.lines() {
        if !line.starts_with(' ') {
            scope = match line.trim_end() {
                "Project skills:" => Some("project"),
                "Personal skills:" => Some("personal"),
                _ => None,
            };
            continue;
        }
        let Some(scope) = scope else { continue };
        let entry = line.trim();
        let (name, description) = entry.split_once(" - ").unwrap_or((entry, ""));
        out.push(Skill {
            name: name.to_string(),
            description: description.chars().take(120).collect(),
            scope: scope.to_string(),
        });
    }
    out
}

/// The lines of "✖ The following skills failed to load:" (`  • path: reason`).
fn failed_skills(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("• "))
        .map(|l| l.chars().take(240).collect())
        .collect()
}

/// One line of the readable verdicts.
pub fn verdict(case: &Case, o: &Observation) -> String {
    if case.format == "skill" {
        return match (o.skill(), o.skill_errors.first()) {
            (Some(s), _) => format!(
                "skill `{}` ({}){}",
                s.name,
                s.scope,
                if s.description.is_empty() {
                    ", no description".to_string()
                } else {
                    format!(", description `{}`", s.description.chars().take(40).collect::<String>())
                }
            ),
            (None, Some(e)) => format!("not loaded: {}", e.split_once(": ").map_or(e.as_str(), |(_, r)| r)),
            (None, None) => "not found".into(),
        };
    }
    let log = |o: &Observation| {
        o.log
            .iter()
            .map(|l| l.split_once(": ").map_or(l.as_str(), |(_, r)| r).to_string())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match o.agent() {
        None if o.log.is_empty() => "not loaded, no message".into(),
        None => format!("not loaded: {}", log(o)),
        Some(name) => {
            let mut v = format!("agent `{name}`");
            if !o.log.is_empty() {
                v.push_str(&format!(" (log: {})", log(o)));
            }
            if let Some(s) = &o.selected {
                v.push_str(&format!(", tools [{}]", s.tools.join(", ")));
                if !s.body_in_prompt {
                    v.push_str(", body not in the prompt");
                }
            }
            v
        }
    }
}

/// The recording paired with the current cases.
pub fn recorded(version: &str) -> Result<crate::judge::Recorded<Observation>, String> {
    let lines = recording::read::<Observation>(TOOL, version)?;
    Ok(crate::judge::pair(cases(), &lines, observes))
}

/// `truth record --tool copilot-cli`: observes `cases` and merges them into the recording; a
/// `full` run also drops the lines of cases that are gone.
pub fn record(cases: &[Case], full: bool, latest: bool) -> Result<(), String> {
    let cli = CopilotCli::install(latest)?;
    let shas: HashMap<String, String> = cases.iter().map(|c| (c.id.clone(), c.sha())).collect();
    let started = std::time::Instant::now();
    let observed = cli.observe(cases)?;
    let mut lines: Vec<Line<Observation>> = recording::read(TOOL, cli.version())?;
    let current: HashSet<String> = self::cases().into_iter().map(|c| c.id).collect();
    lines.retain(|l| !shas.contains_key(&l.id) && (!full || current.contains(&l.id)));
    lines.extend(observed.into_iter().map(|(id, obs)| Line {
        sha: shas[&id].clone(),
        id,
        obs,
    }));
    let path = recording::write(TOOL, cli.version(), &mut lines)?;
    eprintln!(
        "truth: wrote {} ({} cases) in {:.0?}",
        path.display(),
        lines.len(),
        started.elapsed()
    );
    Ok(())
}

/// `truth check --tool copilot-cli`: asks the CLI again and compares with the recording.
pub fn check(cases: &[Case]) -> Result<(), String> {
    let cli = CopilotCli::install(false)?;
    let observed = cli.observe(cases)?;
    recording::check_live(TOOL, cli.version(), cases, &observed)
}

/// `truth show ID --tool copilot-cli`.
pub fn show(case: &Case) -> Result<(), String> {
    let version = crate::install::pin(TOOL).version;
    match recording::read::<Observation>(TOOL, &version)?
        .into_iter()
        .find(|l| l.id == case.id)
    {
        Some(l) => println!(
            "# recorded with GitHub Copilot CLI {version}{}: {}\n{}",
            if l.sha == case.sha() {
                ""
            } else {
                " (stale: the case changed since)"
            },
            verdict(case, &l.obs),
            serde_json::to_string_pretty(&l.obs).unwrap_or_default()
        ),
        None => println!("# not recorded with GitHub Copilot CLI {version}"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_skill_listing() {
        let out = "Project skills:\n  a - Skill a\n  other - Body of c.\n\nPersonal skills:\n  h - home\n\nBuiltin skills:\n  customize-cloud-agent - Skill for…\n";
        let got = listed_skills(out);
        assert_eq!(
            got.iter()
                .map(|s| (s.name.as_str(), s.scope.as_str()))
                .collect::<Vec<_>>(),
            [("a", "project"), ("other", "project"), ("h", "personal")]
        );
        let err = "✖ The following skills failed to load:\n  • .github/skills/b/SKILL.md: failed to parse YAML frontmatter: mapping values\n";
        assert_eq!(
            failed_skills(err),
            [".github/skills/b/SKILL.md: failed to parse YAML frontmatter: mapping values"]
        );
    }

    #[test]
    fn reads_the_available_agents_and_the_log() {
        let text = format!("No such agent: {NO_AGENT}, available: homea, Other Name, sub--nested\n");
        assert_eq!(available(&text).unwrap(), ["homea", "Other Name", "sub--nested"]);
        assert_eq!(
            available(&format!("No such agent: {NO_AGENT}, available: ")).unwrap(),
            Vec::<String>::new()
        );
        assert!(available("something else").is_none());
        let log = vec![
            "[WARNING] .github/agents/unk.agent.md: unknown field ignored: frobnicate".to_string(),
            "[ERROR] No such agent: x, available: ".to_string(),
            "[WARNING] [rust:rt_network::tls_certs] Ignoring a trust anchor".to_string(),
            "[WARNING] .github/agents/unk.agent.md: unknown field ignored: frobnicate".to_string(),
        ];
        assert_eq!(
            agent_log(&log),
            [".github/agents/unk.agent.md: unknown field ignored: frobnicate"]
        );
    }

    #[test]
    fn finds_the_body_line() {
        let c = Case::ours(
            "x",
            "copilot-agent",
            "a.agent.md",
            "---\ndescription: d\n---\n\nAgent body of x.\n",
        );
        assert_eq!(body_marker(&c).as_deref(), Some("Agent body of x."));
        let none = Case::ours("y", "copilot-agent", "a.agent.md", "Plain body.\n");
        assert_eq!(body_marker(&none).as_deref(), Some("Plain body."));
    }
}
