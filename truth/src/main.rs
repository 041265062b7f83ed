//! `truth`: asks the real tools about agent spec files and records what they did.
//!
//! ```text
//! truth record [--tool T] [--only PREFIX] [--sample N] [--latest]   ask the tool, write the recording
//! truth check  [--tool T] [--only PREFIX] [--sample N]              ask it again, compare with the recording
//! truth judge  [--version V] [--verbose]                 agentls's claims against a recording
//! truth drift  [--version V | --latest]                  catalogs against a recording
//! truth cases  [--only PREFIX]                           list the cases
//! truth show ID                                          a case's file and its observation
//! ```
//!
//! `--tool` is `claude-code` (the default) or `opencode`; every command reads that tool's
//! recording.

use serde::{Serialize, de::DeserializeOwned};
use std::process::ExitCode;
use truth::cases::{self, Case};
use truth::claude::{Claude, Observation};
use truth::opencode::OpenCode;
use truth::recording::{self, Line};

struct Opts {
    tool: String,
    only: Vec<String>,
    sample: Option<usize>,
    latest: bool,
    version: Option<String>,
    /// `judge`: every verdict, not only the contradicted ones.
    verbose: bool,
    rest: Vec<String>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        tool: "claude-code".into(),
        only: Vec::new(),
        sample: None,
        latest: false,
        version: None,
        verbose: false,
        rest: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--tool" => o.tool = value("--tool")?,
            "--only" => o.only.push(value("--only")?),
            "--sample" => {
                o.sample = Some(
                    value("--sample")?
                        .parse()
                        .map_err(|_| "--sample takes a number".to_string())?,
                )
            }
            "--latest" => o.latest = true,
            "--verbose" => o.verbose = true,
            "--version" => o.version = Some(value("--version")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => o.rest.push(s.to_string()),
        }
    }
    Ok(o)
}

/// The cases selected by `--only` prefixes and `--sample` (every n-th, so that a sample
/// spreads over all groups and stays the same from run to run).
fn select(o: &Opts) -> Vec<Case> {
    let mut all: Vec<Case> = cases::all()
        .into_iter()
        .filter(|c| o.only.is_empty() || o.only.iter().any(|p| c.id.starts_with(p.as_str())))
        .collect();
    if let Some(n) = o.sample
        && n > 0
        && all.len() > n
    {
        let step = all.len() as f64 / n as f64;
        all = (0..n).map(|i| all[(i as f64 * step) as usize].clone()).collect();
    }
    all
}

/// The recording's name of a tool (`--tool`) and whether it observes a case.
fn observes(tool: &str) -> Result<fn(&Case) -> bool, String> {
    match tool {
        "claude-code" => Ok(truth::judge::claude_observes),
        "opencode" => Ok(truth::judge::opencode_observes),
        other => Err(format!("no oracle for {other} (claude-code, opencode)")),
    }
}

fn record(o: &Opts) -> Result<(), String> {
    let cases: Vec<Case> = select(o).into_iter().filter(observes(&o.tool)?).collect();
    match o.tool.as_str() {
        "opencode" => {
            let oc = OpenCode::install(o.latest)?;
            write_recording(o, oc.version(), &cases, oc.observe(&cases)?)
        }
        _ => {
            let claude = Claude::install(o.latest)?;
            write_recording(o, claude.version(), &cases, claude.observe(&cases)?)
        }
    }
}

/// Merges new observations into the tool's recording and writes it.
fn write_recording<O: Serialize + DeserializeOwned>(
    o: &Opts,
    version: &str,
    cases: &[Case],
    observed: Vec<(String, O)>,
) -> Result<(), String> {
    let by_id: std::collections::HashMap<&str, &Case> = cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut lines: Vec<Line<O>> = recording::read(&o.tool, version)?;
    // A partial run (`--only`, `--sample`) replaces the lines of the cases it ran; a full run
    // also drops the lines of cases that no longer exist.
    let current: std::collections::HashSet<String> = if o.only.is_empty() && o.sample.is_none() {
        by_id.keys().map(|k| k.to_string()).collect()
    } else {
        cases::all().into_iter().map(|c| c.id).collect()
    };
    lines.retain(|l| !by_id.contains_key(l.id.as_str()) && current.contains(&l.id));
    lines.extend(observed.into_iter().map(|(id, obs)| Line {
        sha: by_id[id.as_str()].sha(),
        id,
        obs,
    }));
    let path = recording::write(&o.tool, version, &mut lines)?;
    eprintln!("truth: wrote {} ({} cases)", path.display(), lines.len());
    Ok(())
}

/// A case's file and what the recording of `--tool` says the tool did with it.
fn show(o: &Opts) -> Result<(), String> {
    let id = o.rest.first().ok_or("show needs a case id (see `truth cases`)")?;
    let case = cases::all()
        .into_iter()
        .find(|c| &c.id == id)
        .ok_or_else(|| format!("no case {id}"))?;
    println!("# {} ({}, at {})\n{}", case.id, case.format, case.path, case.text());
    match o.tool.as_str() {
        "opencode" => show_line::<truth::opencode::Observation>(o, &case),
        _ => show_line::<Observation>(o, &case),
    }
}

fn show_line<O: Serialize + DeserializeOwned>(o: &Opts, case: &Case) -> Result<(), String> {
    let v = version(o)?;
    match recording::read::<O>(&o.tool, &v)?.into_iter().find(|l| l.id == case.id) {
        Some(l) => println!(
            "# recorded with {} {v}{}\n{}",
            o.tool,
            if l.sha == case.sha() {
                ""
            } else {
                " (stale: the case changed since)"
            },
            serde_json::to_string_pretty(&l.obs).unwrap_or_default()
        ),
        None => println!("# not recorded with {} {v}", o.tool),
    }
    Ok(())
}

/// Asks the tool about the selected cases again and compares every observation with the
/// recording: a difference means the recording no longer says what the tool does.
fn check(o: &Opts) -> Result<(), String> {
    let cases: Vec<Case> = select(o).into_iter().filter(observes(&o.tool)?).collect();
    match o.tool.as_str() {
        "opencode" => {
            let oc = OpenCode::install(false)?;
            compare(o, oc.version(), &cases, oc.observe(&cases)?)
        }
        _ => {
            let claude = Claude::install(false)?;
            compare(o, claude.version(), &cases, claude.observe(&cases)?)
        }
    }
}

fn compare<O: Serialize + DeserializeOwned + PartialEq>(
    o: &Opts,
    version: &str,
    cases: &[Case],
    observed: Vec<(String, O)>,
) -> Result<(), String> {
    let recorded: std::collections::HashMap<String, Line<O>> = recording::read::<O>(&o.tool, version)?
        .into_iter()
        .map(|l| (l.id.clone(), l))
        .collect();
    let mut differ = 0;
    for (id, obs) in &observed {
        let case = cases
            .iter()
            .find(|c| &c.id == id)
            .expect("observed cases are selected cases");
        match recorded.get(id) {
            Some(l) if l.sha != case.sha() => {
                differ += 1;
                println!(
                    "stale: {id}: the case changed since it was recorded; run `truth record --tool {} --only {id}`",
                    o.tool
                );
            }
            Some(l) if &l.obs != obs => {
                differ += 1;
                println!(
                    "differs: {id}\n  recorded: {}\n  live:     {}",
                    serde_json::to_string(&l.obs).unwrap_or_default(),
                    serde_json::to_string(obs).unwrap_or_default()
                );
            }
            Some(_) => {}
            None => {
                differ += 1;
                println!("unrecorded: {id}");
            }
        }
    }
    eprintln!(
        "truth: checked {} cases live against {}@{version}: {differ} differ",
        observed.len(),
        o.tool
    );
    if differ > 0 {
        return Err(format!("{differ} observations differ from the recording"));
    }
    Ok(())
}

/// The version to read a recording of: `--version`, the newest on npm with `--latest`, else
/// the pinned one.
fn version(o: &Opts) -> Result<String, String> {
    if let Some(v) = &o.version {
        return Ok(v.clone());
    }
    let pin = truth::install::pin(&o.tool);
    if o.latest {
        return truth::install::latest_version(&pin.package);
    }
    Ok(pin.version)
}

fn drift(o: &Opts) -> Result<(), String> {
    let v = version(o)?;
    let drift = match o.tool.as_str() {
        "opencode" => {
            let lines = recording::read::<truth::opencode::Observation>(&o.tool, &v)?;
            (!lines.is_empty()).then(|| truth::judge::drift::opencode(&lines))
        }
        _ => {
            let lines = recording::read::<Observation>(&o.tool, &v)?;
            (!lines.is_empty()).then(|| truth::judge::drift::claude(&lines))
        }
    };
    let Some(drift) = drift else {
        return Err(format!(
            "no recording of {} {v}: run `truth record --tool {}{}` first",
            o.tool,
            o.tool,
            if o.latest { " --latest" } else { "" }
        ));
    };
    for d in &drift {
        println!("{d}");
    }
    eprintln!("truth: {} catalog entries differ from {} {v}", drift.len(), o.tool);
    Ok(())
}

/// `truth judge`: agentls's claims against the recording of `--tool`.
fn judge(o: &Opts) -> Result<(), String> {
    let v = version(o)?;
    let (report, stale, unrecorded) = match o.tool.as_str() {
        "opencode" => {
            let (r, rec) = truth::judge::opencode_report(&v)?;
            (r, rec.stale.len(), rec.unrecorded.len())
        }
        _ => {
            let (r, rec) = truth::judge::claude_report(&v)?;
            (r, rec.stale.len(), rec.unrecorded.len())
        }
    };
    print!("{}", report.render());
    if o.verbose {
        for v in &report.verdicts {
            println!(
                "{:?}: {} [{} {}] {}\n    agentls: {}",
                v.outcome,
                v.case,
                v.code,
                v.effect.as_str(),
                v.why,
                v.message
            );
        }
    }
    for prefix in ["mutation/", "fixture/", "docs/", "corpus/"] {
        let a = report.load_agreement(prefix);
        println!(
            "{prefix}: {} cases, both load {}, both not {}, false errors {}, missed {}",
            a.cases,
            a.both_load,
            a.both_not,
            a.false_errors.len(),
            a.missed.len()
        );
    }
    println!("stale: {stale}, unrecorded: {unrecorded}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("usage: truth record|check|cases|show [OPTIONS]");
        return ExitCode::from(2);
    };
    let opts = match parse(rest) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("truth: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cmd.as_str() {
        "record" => record(&opts),
        "check" => check(&opts),
        "drift" => drift(&opts),
        "show" => show(&opts),
        "judge" => judge(&opts),
        "cases" => {
            for c in select(&opts) {
                println!("{}\t{}\t{}", c.id, c.format, c.path);
            }
            Ok(())
        }
        other => Err(format!("unknown command {other}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("truth: {e}");
            ExitCode::FAILURE
        }
    }
}
