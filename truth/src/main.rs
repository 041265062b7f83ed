//! `truth`: asks the real tools about agent spec files and records what they did.
//!
//! ```text
//! truth record [--tool T] [--only PREFIX] [--sample N] [--latest]   ask the tool, write the recording
//! truth check  [--tool T] [--only PREFIX] [--sample N]              ask it again, compare with the recording
//! truth judge  [--tool T] [--version V] [--verbose]                 agentls's claims against a recording
//! truth drift  [--tool T] [--version V | --latest]                  catalogs against a recording
//! truth compare [--tool claude-code|gemini-cli|opencode|kilo] [--agnix BIN] [--agentls BIN[=LABEL]] [--only PREFIX] [--wrong]
//!                                                                    agentls and other checkers against a tool's recording
//! truth install claude-code|opencode|cline|gemini-cli|copilot-cli [--latest]    install a tool, print its binary
//! truth cases  [--tool T] [--only PREFIX]                           list the cases
//! truth show ID [--tool T]                                          a case's file and its observations
//! ```
//!
//! `--tool` is `claude-code` (the default), `opencode`, `vscode` (code-server, as pinned in
//! `truth/tools.toml`; `--latest` and `--sample` are for the others), `cline`, `gemini-cli` or
//! `copilot-cli` (the GitHub Copilot CLI);
//! every command reads that tool's recording.

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
    /// `--agnix BIN`, `--agentls BIN[=LABEL]`: checkers to compare agentls with.
    peers: Vec<(truth::judge::peer::Peer, std::path::PathBuf, String)>,
    wrong: bool,
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
        peers: Vec::new(),
        wrong: false,
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
fn select(o: &Opts) -> Result<Vec<Case>, String> {
    let source = if o.tool == "vscode" {
        truth::vscode::cases()
    } else if o.tool == truth::copilot_cli::TOOL {
        truth::copilot_cli::cases()
    } else {
        cases::all().into_iter().filter(observes(&o.tool)?).collect()
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
    Ok(all)
}

/// Whether the oracle of a tool (`--tool`) observes a case.
fn observes(tool: &str) -> Result<fn(&Case) -> bool, String> {
    match tool {
        "claude-code" => Ok(truth::judge::claude_observes),
        "opencode" => Ok(truth::judge::opencode_observes),
        "kilo" => Ok(truth::judge::kilo_observes),
        "vscode" => Ok(truth::vscode::observes),
        "cline" => Ok(truth::cline::cases::observes),
        "gemini-cli" => Ok(truth::gemini::observes),
        "copilot-cli" => Ok(truth::copilot_cli::observes),
        other => Err(format!(
            "no oracle for {other} (claude-code, opencode, kilo, vscode, cline, gemini-cli, copilot-cli)"
        )),
    }
}

fn record(o: &Opts) -> Result<(), String> {
    let full = o.only.is_empty() && o.sample.is_none();
    match o.tool.as_str() {
        "gemini-cli" => truth::gemini::cli::record(&o.only, o.sample, o.latest),
        "cline" => truth::cline::record(&select(o)?, full, o.latest),
        "copilot-cli" => truth::copilot_cli::record(&select(o)?, full, o.latest),
        "vscode" => {
            if o.latest || o.sample.is_some() {
                return Err("--latest and --sample are not for VS Code; it records the pinned code-server".into());
            }
            let path = truth::vscode::record(&select(o)?, full)?;
            eprintln!("truth: wrote {}", path.display());
            Ok(())
        }
        "opencode" | "kilo" => {
            let cases = select(o)?;
            let oc = OpenCode::install_flavour(flavour(&o.tool), o.latest)?;
            write_recording(o, oc.version(), &cases, oc.observe(&cases)?)
        }
        _ => {
            let cases = select(o)?;
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
        cases::all()
            .into_iter()
            .filter(observes(&o.tool)?)
            .map(|c| c.id)
            .collect()
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
    match o.tool.as_str() {
        "cline" => truth::cline::show(&case),
        "copilot-cli" => truth::copilot_cli::show(&case),
        "vscode" => show_vscode(id),
        "opencode" | "kilo" => show_line::<truth::opencode::Observation>(o, &case),
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

/// Asks the tool about the selected cases again and compares every observation with the
/// recording: a difference means the recording no longer says what the tool does.
fn check(o: &Opts) -> Result<(), String> {
    match o.tool.as_str() {
        "gemini-cli" => truth::gemini::cli::check(&o.only, o.sample),
        "cline" => truth::cline::check(&select(o)?),
        "copilot-cli" => truth::copilot_cli::check(&select(o)?),
        "vscode" => check_vscode(o),
        "opencode" | "kilo" => {
            let cases = select(o)?;
            let oc = OpenCode::install_flavour(flavour(&o.tool), false)?;
            compare(o, oc.version(), &cases, oc.observe(&cases)?)
        }
        _ => {
            let cases = select(o)?;
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
    recording::check_live(&o.tool, version, cases, &observed)
}

/// Asks VS Code about the selected cases again and compares with the recording.
fn check_vscode(o: &Opts) -> Result<(), String> {
    let pin = truth::vscode::pinned();
    let rec = truth::vscode::read(&pin)?.ok_or("no VS Code recording yet: run `truth record --tool vscode`")?;
    let cases = select(o)?;
    let (observed, _) = truth::vscode::observe(&cases)?;
    let mut differ = 0;
    for c in &cases {
        match rec.cases.iter().find(|r| r.id == c.id) {
            Some(r) if r.fnv1a64 != truth::vscode::hash(c) || r.path != c.path => {
                differ += 1;
                println!("stale: {}", c.id);
            }
            Some(r) if r.observation.comparable() != observed[&c.id].comparable() => {
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
    let pin = truth::install::pin(&o.tool);
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
    if o.tool == truth::copilot_cli::TOOL {
        // agentls keeps no tool or model catalog of the CLI's own to drift: Copilot agent files
        // are checked against VS Code's (`truth drift --tool vscode`).
        return Err("no drift check for copilot-cli: agentls has no catalog of its own for it".into());
    }
    let v = version(o)?;
    let drift = match o.tool.as_str() {
        "opencode" | "kilo" => {
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

/// OpenCode, or its fork Kilo Code (`--tool kilo`).
fn flavour(tool: &str) -> &'static truth::opencode::Flavour {
    match tool {
        "kilo" => &truth::opencode::KILO,
        _ => &truth::opencode::OPENCODE,
    }
}

/// `truth judge`: agentls's claims against the recording of `--tool`.
fn judge(o: &Opts) -> Result<(), String> {
    // `extra`: what the tool's judge left out, and why.
    let (report, stale, unrecorded, extra) = match o.tool.as_str() {
        "vscode" => {
            let (r, paired) = truth::judge::vscode_report(&truth::vscode::pinned())?;
            print!("{}", truth::judge::by_format(&r));
            for id in paired.stale.iter().chain(&paired.unrecorded) {
                println!("  not current: {id}");
            }
            (r, paired.stale.len(), paired.unrecorded.len(), String::new())
        }
        "cline" => {
            let (j, rec) = truth::judge::cline_report(&version(o)?)?;
            let extra = j.render_left_out();
            (j.report, rec.stale.len(), rec.unrecorded.len(), extra)
        }
        "opencode" => {
            let (r, rec) = truth::judge::opencode_report(&version(o)?)?;
            (r, rec.stale.len(), rec.unrecorded.len(), String::new())
        }
        "kilo" => {
            let (r, rec) = truth::judge::kilo_report(&version(o)?)?;
            (r, rec.stale.len(), rec.unrecorded.len(), String::new())
        }
        "claude-code" => {
            let (r, rec) = truth::judge::claude_report(&version(o)?)?;
            (r, rec.stale.len(), rec.unrecorded.len(), String::new())
        }
        "gemini-cli" => {
            let (r, rec) = truth::judge::gemini_report(&version(o)?)?;
            (r, rec.stale.len(), rec.unrecorded.len(), String::new())
        }
        "copilot-cli" => {
            let (j, rec) = truth::judge::copilot_cli_report(&version(o)?)?;
            let extra = j.render_left_out();
            (j.report, rec.stale.len(), rec.unrecorded.len(), extra)
        }
        other => {
            return Err(format!(
                "no judge of agentls for {other} (claude-code, opencode, kilo, vscode, cline, gemini-cli, copilot-cli)"
            ));
        }
    };
    print!("{}{extra}", report.render());
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
    // VS Code loads every file it validates: its verdicts are markers, not loads.
    let prefixes: &[&str] = if o.tool == "vscode" {
        &[]
    } else {
        &["mutation/", "fixture/", "docs/", "corpus/"]
    };
    for prefix in prefixes {
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
        "install" => match opts.rest.first().map(String::as_str) {
            Some("claude-code") => Claude::install(opts.latest).map(|c| println!("{}", c.installed.bin.display())),
            Some("opencode") => OpenCode::install(opts.latest).map(|c| println!("{}", c.installed.bin.display())),
            Some("kilo") => OpenCode::install_flavour(&truth::opencode::KILO, opts.latest)
                .map(|c| println!("{}", c.installed.bin.display())),
            Some("cline") => {
                truth::cline::Cline::install(opts.latest).map(|c| println!("{}", c.installed.bin.display()))
            }
            Some("gemini-cli") => {
                truth::gemini::Gemini::install(opts.latest).map(|g| println!("{}", g.installed.bin.display()))
            }
            Some("copilot-cli") => {
                truth::copilot_cli::CopilotCli::install(opts.latest).map(|c| println!("{}", c.installed.bin.display()))
            }
            Some(other) => Err(format!("no installer for {other}")),
            None => Err("install needs a tool: claude-code, opencode, kilo, cline, gemini-cli or copilot-cli".into()),
        },
        "drift" => drift(&opts),
        "compare" => version(&opts).and_then(|v| {
            let c = match opts.tool.as_str() {
                "gemini-cli" => truth::judge::peer::compare_gemini(&v, &opts.peers, &opts.only)?,
                t @ ("opencode" | "kilo") => truth::judge::peer::compare_opencode(t, &v, &opts.peers, &opts.only)?,
                "claude-code" => truth::judge::peer::compare(&v, &opts.peers, &opts.only)?,
                other => {
                    return Err(format!(
                        "compare is for claude-code, gemini-cli, opencode and kilo, not {other}"
                    ));
                }
            };
            print!("{}", c.render());
            if opts.wrong {
                print!("{}", c.render_wrong());
            }
            Ok(())
        }),
        "show" => show(&opts),
        "judge" => judge(&opts),
        "cases" if opts.tool == "gemini-cli" => {
            for c in truth::gemini::cli::select(&opts.only, opts.sample) {
                println!("{}\t{}\t{}", c.id, c.format, c.path);
            }
            Ok(())
        }
        "cases" => select(&opts).map(|cases| {
            for c in cases {
                println!("{}\t{}\t{}", c.id, c.format, c.path);
            }
        }),
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
