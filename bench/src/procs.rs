//! Whole-process measurements: `agentls check` (and `agnix`) over a folder against `cat` of
//! the same files, with wall time and peak RSS from `wait4`; and workspace indexing
//! (initialize → the `$/progress` end of the server's indexing).

use crate::generate;
use crate::lsp::{Client, ServerSpec};
use crate::stats::{Table, fmt};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Run {
    pub wall: Duration,
    /// Peak resident set of the child, KiB (`ru_maxrss`).
    pub max_rss_kib: i64,
    pub status: i32,
}

/// Runs the program (stdout and stderr to /dev/null) and reaps it with `wait4`. Peak RSS comes
/// from GNU time (`/usr/bin/time -f %M`) when it is installed (`apt-get install time`): Linux
/// carries `ru_maxrss` across `execve`, so a child spawned straight from this harness would
/// report at least the harness's own peak. Without GNU time the `wait4` figure is used, and is
/// an upper bound.
pub fn measure(program: &Path, args: &[String]) -> Result<Run, String> {
    let gnu_time = Path::new("/usr/bin/time");
    let rss_file = std::env::temp_dir().join(format!("agentls-bench-rss-{}", std::process::id()));
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(program);
        c
    } else {
        Command::new(program)
    };
    let t0 = Instant::now();
    let child = cmd
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 only writes into the two out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t0.elapsed();
    if r != pid {
        return Err(format!("wait4 failed for {}", program.display()));
    }
    std::mem::forget(child); // already reaped: std must not wait on the pid again
    let mut max_rss_kib = usage.ru_maxrss;
    if gnu_time.exists() {
        let text = std::fs::read_to_string(&rss_file).unwrap_or_default();
        // GNU time prints "Command exited with non-zero status N" before the figure.
        if let Some(k) = text.lines().last().and_then(|l| l.trim().parse::<i64>().ok()) {
            max_rss_kib = k;
        }
        let _ = std::fs::remove_file(&rss_file);
    }
    Ok(Run {
        wall,
        max_rss_kib,
        status: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    })
}

/// The files `agentls check` considers: `.md` and `.mdc`, skipping `.git`, `node_modules`
/// and `target` (the corpus has no `.gitignore` that would change this).
pub fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                if !matches!(e.file_name().to_str(), Some(".git" | "node_modules" | "target")) {
                    stack.push(p);
                }
            } else if t.is_file() && matches!(p.extension().and_then(|x| x.to_str()), Some("md" | "mdc")) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub struct Tool {
    pub name: String,
    pub program: PathBuf,
    pub args: Vec<String>,
}

/// Runs each tool once to warm the page cache, then `reps` rounds, alternating tools.
pub fn compare(title: &str, tools: &[Tool], reps: usize, files: usize) -> Result<Table, String> {
    let mut table = Table::new(
        title,
        &[
            "tool",
            "files",
            "wall (median)",
            "wall (min)",
            "peak RSS (max)",
            "exit",
            "÷ cat (median)",
        ],
    );
    let mut runs: Vec<Vec<Run>> = tools.iter().map(|_| Vec::new()).collect();
    for t in tools {
        measure(&t.program, &t.args)?;
    }
    for _ in 0..reps {
        for (i, t) in tools.iter().enumerate() {
            runs[i].push(measure(&t.program, &t.args)?);
        }
    }
    let median = |rs: &[Run]| {
        let mut w: Vec<Duration> = rs.iter().map(|r| r.wall).collect();
        w.sort();
        w[w.len() / 2]
    };
    let base = median(&runs[0]);
    for (t, rs) in tools.iter().zip(&runs) {
        let m = median(rs);
        let min = rs.iter().map(|r| r.wall).min().unwrap_or_default();
        let rss = rs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0);
        table.row(vec![
            t.name.clone(),
            files.to_string(),
            fmt(m),
            fmt(min),
            format!("{:.1} MiB", rss as f64 / 1024.0),
            rs.last().map_or(0, |r| r.status).to_string(),
            crate::stats::ratio(m, base),
        ]);
    }
    Ok(table)
}

/// Generates `n` agent files under `data/index-N/.claude/agents/` (once; a marker file says
/// the folder is complete).
pub fn index_workspace(data: &Path, n: usize) -> Result<PathBuf, String> {
    let root = data.join(format!("index-{n}"));
    let marker = root.join(".complete");
    if marker.exists() {
        return Ok(root);
    }
    let dir = root.join(".claude").join("agents");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for i in 0..n {
        std::fs::write(dir.join(format!("agent-{i:05}.md")), generate::index_agent(i)).map_err(|e| e.to_string())?;
    }
    std::fs::write(&marker, "").map_err(|e| e.to_string())?;
    Ok(root)
}

/// Time from spawning the server (initialize follows at once) to the `$/progress` `end` of
/// the first work-done progress it reports. `Ok(Err(note))` when it reports no progress.
pub fn index(
    spec: &ServerSpec,
    root: &Path,
    log: &Path,
    grace: Duration,
) -> Result<Result<(Duration, usize), String>, String> {
    let t0 = Instant::now();
    let (mut client, _) = Client::start(spec, root, log)?;
    let kind = |m: &Value| {
        m.pointer("/params/value/kind")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let is_progress = |m: &Value| m.get("method").and_then(Value::as_str) == Some("$/progress");
    // A `begin` may already have arrived while initialize was answered.
    let begin = match client
        .progress
        .iter()
        .find(|(_, m)| is_progress(m) && kind(m).as_deref() == Some("begin"))
    {
        Some((_, m)) => Some(m.clone()),
        None => client
            .wait_for(grace, |m| is_progress(m) && kind(m).as_deref() == Some("begin"))?
            .map(|i| i.msg),
    };
    let Some(begin) = begin else {
        client.stop();
        return Ok(Err(format!(
            "not supported: {} sent no `$/progress` begin within {grace:?} of initialize",
            spec.name
        )));
    };
    let token = begin.pointer("/params/token").cloned().unwrap_or(Value::Null);
    let is_end =
        |m: &Value| is_progress(m) && kind(m).as_deref() == Some("end") && m.pointer("/params/token") == Some(&token);
    let end = match client.progress.iter().find(|(_, m)| is_end(m)) {
        Some((at, m)) => Some(crate::lsp::Incoming {
            at: *at,
            msg: m.clone(),
        }),
        None => client.wait_for(Duration::from_secs(300), is_end)?,
    };
    let took = t0.elapsed();
    let reports = client.progress.len();
    client.stop();
    match end {
        Some(e) => Ok(Ok(((e.at - t0).min(took), reports))),
        None => Ok(Err("progress began but did not end within 300 s".into())),
    }
}
