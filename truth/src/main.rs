//! `truth`: asks the real tools about agent spec files and records what they did.
//!
//! ```text
//! truth record [--tool T] [--only PREFIX] [--sample N] [--latest]   ask the tool, write the recording
//! truth check  [--tool T] [--only PREFIX] [--sample N]              ask it again, compare with the recording
//! truth judge  [--tool T] [--version V]                             agentls's claims against a recording
//! truth drift  [--tool T] [--version V | --latest]                  catalogs against a recording
//! truth compare [--agnix BIN] [--agentls BIN[=LABEL]] [--only PREFIX] [--wrong]
//!                                                                    agentls and other checkers against Claude Code's recording
//! truth install claude-code|cline|gemini-cli [--latest]             install a tool, print its binary
//! truth cases  [--tool T] [--only PREFIX]                           list the cases
//! truth show ID                                                     a case's file and its observations
//! ```
//!
//! `--tool` is `claude-code` (the default), `vscode` (code-server, as pinned in
//! `truth/tools.toml`; `--latest` and `--sample` are Claude Code's only), `cline` or
//! `gemini-cli`.

use std::process::ExitCode;
use truth::cases::{self, Case};
use truth::claude::{Claude, Observation};
use truth::recording::{self, Line};

struct Opts {
    tool: String,
    only: Vec<String>,
    sample: Option<usize>,
    latest: bool,
    version: Option<String>,
    /// `--agnix BIN`, `--agentls BIN[=LABEL]`: checkers to compare agentls with.
    peers: Vec<(truth::judge::peer::Peer, std::path::PathBuf, String)>,
    wrong: bool,
    rest: Vec<String>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        tool: "claude-code".into(),
        only: Vec::new(),
        sample: None,
        latest: false,
        version: None,
        peers: Vec::new(),
        wrong: false,
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
            "--version" => o.version = Some(value("--version")?),
            "--agnix" => o.peers.push((
                truth::judge::peer::Peer::Agnix,
                value("--agnix")?.into(),
                "agnix".into(),
            )),
            "--agentls" => {
                let v = value("--agentls")?;
                let (bin, label) = v.split_once('=').unwrap_or((&v, "agentls (other build)"));
                o.peers
                    .push((truth::judge::peer::Peer::Agentls, bin.into(), label.to_string()));
            }
            "--wrong" => o.wrong = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => o.rest.push(s.to_string()),
        }
    }
    Ok(o)
}

/// The cases selected by `--only` prefixes and `--sample` (every n-th, so that a sample
/// spreads over all groups and stays the same from run to run).
fn select(o: &Opts) -> Vec<Case> {
    let source = if o.tool == "vscode" {
        truth::vscode::cases()
    } else {
        cases::all().into_iter().filter(truth::judge::claude_observes).collect()
    };
    let mut all: Vec<Case> = source
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

fn record(o: &Opts) -> Result<(), String> {
    if o.tool == truth::gemini::cli::TOOL {
        return truth::gemini::cli::record(&o.only, o.sample, o.latest);
    }
    if o.tool == "vscode" {
        if o.latest || o.sample.is_some() {
            return Err("--latest and --sample are for Claude Code; VS Code records the pinned code-server".into());
        }
        let path = truth::vscode::record(&select(o), o.only.is_empty())?;
        eprintln!("truth: wrote {}", path.display());
        return Ok(());
    }
    if o.tool != "claude-code" {
        return Err(format!("no oracle for {}", o.tool));
    }
    let claude = Claude::install(o.latest)?;
    let cases: Vec<Case> = select(o);
    let by_id: std::collections::HashMap<&str, &Case> = cases.iter().map(|c| (c.id.as_str(), c)).collect();
    let observed = claude.observe(&cases)?;
    let mut lines: Vec<Line<Observation>> = recording::read(&o.tool, claude.version())?;
    // A partial run (`--only`, `--sample`) replaces the lines of the cases it ran; a full run
    // also drops the lines of cases that no longer exist.
    let current: std::collections::HashSet<String> = if o.only.is_empty() && o.sample.is_none() {
        by_id.keys().map(|k| k.to_string()).collect()
    } else {
        cases::all()
            .into_iter()
            .filter(truth::judge::claude_observes)
            .map(|c| c.id)
            .collect()
    };
    lines.retain(|l| !by_id.contains_key(l.id.as_str()) && current.contains(&l.id));
    lines.extend(observed.into_iter().map(|(id, obs)| Line {
        sha: by_id[id.as_str()].sha(),
        id,
        obs,
    }));
    let path = recording::write(&o.tool, claude.version(), &mut lines)?;
    eprintln!("truth: wrote {} ({} cases)", path.display(), lines.len());
    Ok(())
}

/// A case's file and what the recording says Claude Code did with it.
fn show(o: &Opts) -> Result<(), String> {
    let id = o.rest.first().ok_or("show needs a case id (see `truth cases`)")?;
    if o.tool == truth::gemini::cli::TOOL {
        let v = o
            .version
            .clone()
            .map_or_else(|| truth::gemini::cli::version(o.latest), Ok)?;
        return truth::gemini::cli::show(id, &v);
    }
    let case = cases::all()
        .into_iter()
        .find(|c| &c.id == id)
        .ok_or_else(|| format!("no case {id}"))?;
    println!("# {} ({}, at {})\n{}", case.id, case.format, case.path, case.text());
    if truth::cline::cases::observes(&case) {
        return truth::cline::show(&case);
    }
    if truth::vscode::observes(&case) {
        show_vscode(id)?;
    }
    if !truth::judge::claude_observes(&case) {
        return Ok(());
    }
    let v = version(o)?;
    match recording::read::<Observation>("claude-code", &v)?
        .into_iter()
        .find(|l| &l.id == id)
    {
        Some(l) => println!(
            "# recorded with Claude Code {v}{}\n{}",
            if l.sha == case.sha() {
                ""
            } else {
                " (stale: the case changed since)"
            },
            serde_json::to_string_pretty(&l.obs).unwrap_or_default()
        ),
        None => println!("# not recorded with Claude Code {v}"),
    }
    Ok(())
}

/// What the VS Code recording says about a case, and agentls's verdicts on it.
fn show_vscode(id: &str) -> Result<(), String> {
    let pin = truth::vscode::pinned();
    let Some(rec) = truth::vscode::read(&pin)? else {
        println!("# no VS Code recording (code-server {pin})");
        return Ok(());
    };
    let case = truth::vscode::cases().into_iter().find(|c| c.id == id);
    match (rec.cases.iter().find(|r| r.id == id), case) {
        (Some(r), Some(c)) => {
            let stale = r.fnv1a64 != truth::vscode::hash(&c) || r.path != c.path;
            println!(
                "# recorded with VS Code {} (code-server {}) at {}{}\n{}",
                rec.vscode,
                rec.code_server,
                r.path,
                if stale { " (stale: the case changed since)" } else { "" },
                serde_json::to_string_pretty(&r.observation).unwrap_or_default()
            );
            if !stale {
                let ws = truth::judge::vscode::workspace(&truth::vscode::cases());
                let mut report = truth::judge::Report::default();
                truth::judge::vscode::judge(&c, &r.observation, &ws, &mut report);
                for v in &report.verdicts {
                    println!(
                        "{:?}: [{} {}] {}\n    agentls: {}",
                        v.outcome,
                        v.code,
                        v.effect.as_str(),
                        v.why,
                        v.message
                    );
                }
                for m in &report.misses {
                    println!("missed: {}", m.what);
                }
            }
        }
        _ => println!("# not recorded with VS Code (code-server {pin})"),
    }
    Ok(())
}

/// Asks Claude Code about the selected cases again and compares every observation with the
/// recording: a difference means the recording no longer says what the tool does.
fn check(o: &Opts) -> Result<(), String> {
    if o.tool == truth::gemini::cli::TOOL {
        return truth::gemini::cli::check(&o.only, o.sample);
    }
    if o.tool == "vscode" {
        return check_vscode(o);
    }
    let claude = Claude::install(false)?;
    let cases: Vec<Case> = select(o);
    let recorded: std::collections::HashMap<String, Line<Observation>> =
        recording::read::<Observation>("claude-code", claude.version())?
            .into_iter()
            .map(|l| (l.id.clone(), l))
            .collect();
    let observed = claude.observe(&cases)?;
    let mut differ = 0;
    for (id, obs) in &observed {
        let case = cases
            .iter()
            .find(|c| &c.id == id)
            .expect("observed cases are selected cases");
        match recorded.get(id) {
            Some(l) if l.sha != case.sha() => {
                differ += 1;
                println!("stale: {id}: the case changed since it was recorded; run `truth record --only {id}`");
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
        "truth: checked {} cases live against claude-code@{}: {differ} differ",
        observed.len(),
        claude.version()
    );
    if differ > 0 {
        return Err(format!("{differ} observations differ from the recording"));
    }
    Ok(())
}

/// Asks VS Code about the selected cases again and compares with the recording.
fn check_vscode(o: &Opts) -> Result<(), String> {
    let pin = truth::vscode::pinned();
    let rec = truth::vscode::read(&pin)?.ok_or("no VS Code recording yet: run `truth record --tool vscode`")?;
    let cases = select(o);
    let (observed, _) = truth::vscode::observe(&cases)?;
    let mut differ = 0;
    for c in &cases {
        match rec.cases.iter().find(|r| r.id == c.id) {
            Some(r) if r.fnv1a64 != truth::vscode::hash(c) || r.path != c.path => {
                differ += 1;
                println!("stale: {}", c.id);
            }
            Some(r) if r.observation != observed[&c.id] => {
                differ += 1;
                println!(
                    "differs: {}\n  recorded: {}\n  live:     {}",
                    c.id,
                    serde_json::to_string(&r.observation).unwrap_or_default(),
                    serde_json::to_string(&observed[&c.id]).unwrap_or_default()
                );
            }
            Some(_) => {}
            None => {
                differ += 1;
                println!("unrecorded: {}", c.id);
            }
        }
    }
    eprintln!(
        "truth: checked {} cases live against code-server {pin}: {differ} differ",
        cases.len()
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
    let pin = truth::install::pin("claude-code");
    if o.latest {
        return truth::install::latest_version(&pin.package);
    }
    Ok(pin.version)
}

fn drift(o: &Opts) -> Result<(), String> {
    if o.tool == "vscode" {
        let pin = truth::vscode::pinned();
        let rec = truth::vscode::read(&pin)?.ok_or("no VS Code recording yet: run `truth record --tool vscode`")?;
        let drift = truth::judge::vscode_drift::vscode(&rec);
        for d in &drift {
            println!("{d}");
        }
        eprintln!(
            "truth: {} catalog entries differ from VS Code {}",
            drift.len(),
            rec.vscode
        );
        return Ok(());
    }
    let v = version(o)?;
    let lines = recording::read::<Observation>("claude-code", &v)?;
    if lines.is_empty() {
        return Err(format!(
            "no recording of Claude Code {v}: run `truth record{}` first",
            if o.latest { " --latest" } else { "" }
        ));
    }
    let drift = truth::judge::drift::claude(&lines);
    for d in &drift {
        println!("{d}");
    }
    eprintln!("truth: {} catalog entries differ from Claude Code {v}", drift.len());
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
    let full = opts.only.is_empty() && opts.sample.is_none();
    let result = match cmd.as_str() {
        "record" if opts.tool == "cline" => truth::cline::record(&select(&opts), full, opts.latest),
        "check" if opts.tool == "cline" => truth::cline::check(&select(&opts)),
        "record" => record(&opts),
        "check" => check(&opts),
        "install" => match opts.rest.first().map(String::as_str) {
            Some("claude-code") => Claude::install(opts.latest).map(|c| println!("{}", c.installed.bin.display())),
            Some("cline") => {
                truth::cline::Cline::install(opts.latest).map(|c| println!("{}", c.installed.bin.display()))
            }
            Some("gemini-cli") => {
                truth::gemini::Gemini::install(opts.latest).map(|g| println!("{}", g.installed.bin.display()))
            }
            Some(other) => Err(format!("no installer for {other}")),
            None => Err("install needs a tool: claude-code, cline or gemini-cli".into()),
        },
        "drift" => drift(&opts),
        "compare" => version(&opts).and_then(|v| {
            let c = truth::judge::peer::compare(&v, &opts.peers, &opts.only)?;
            print!("{}", c.render());
            if opts.wrong {
                print!("{}", c.render_wrong());
            }
            Ok(())
        }),
        "show" => show(&opts),
        "judge" if opts.tool == "vscode" => {
            truth::judge::vscode_report(&truth::vscode::pinned()).map(|(report, paired)| {
                print!("{}", report.render());
                print!("{}", truth::judge::by_format(&report));
                println!("stale: {}, unrecorded: {}", paired.stale.len(), paired.unrecorded.len());
                for id in paired.stale.iter().chain(&paired.unrecorded) {
                    println!("  not current: {id}");
                }
            })
        }
        "judge" => version(&opts)
            .and_then(|v| truth::judge::claude_report(&v))
            .map(|(report, rec)| {
                print!("{}", report.render());
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
                println!("stale: {}, unrecorded: {}", rec.stale.len(), rec.unrecorded.len());
            }),
        "cases" if opts.tool == truth::gemini::cli::TOOL => {
            for c in truth::gemini::cli::select(&opts.only, opts.sample) {
                println!("{}\t{}\t{}", c.id, c.format, c.path);
            }
            Ok(())
        }
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
