//! The agentls benchmark harness. See BENCHMARKS.md at the repository root for the figures and
//! `cargo run --release -p bench -- --help` for the options.

mod generate;
mod lsp;
mod micro;
mod peers;
mod procs;
mod sessions;
mod stats;

use lsp::ServerSpec;
use serde_json::Value;
use sessions::{Case, Counts, Plan, Tables, Workload};
use stats::{Table, fmt};
use std::path::{Path, PathBuf};
use std::time::Duration;

const HELP: &str = "\
agentls benchmark harness

usage: cargo run --release -p bench -- [OPTIONS]

  --smoke            a few seconds: 5 KB file, 20 edits, short micro-benchmarks, 200-file index,
                     `check` of examples/ (what .ci/run runs; fails only on protocol errors)
  --with-peers       install (into target/bench-peers/) and run yaml-language-server,
                     vscode-markdown-languageserver and agnix / agnix-lsp side by side
  --only LIST        comma-separated sections: micro,lsp,check,index (default: all)
  --edits N          measured edits per workload (default 300)
  --warmup N         edits before measuring (default 30)
  --server CMD       the server under test, split on spaces (default: the agentls binary
                     built next to this harness, with --stdio)
  --sizes LIST       file sizes for the LSP and micro sections: 5KB,500KB,5MB (default: all)
  --requests LIST    requests timed after edits: completion,hover,documentSymbol, or none
  --corpus DIR       folder for the check comparison (default ../shared/corpus)
  --index-files N    files in the indexing workspace (default 10000)
";

struct Options {
    smoke: bool,
    with_peers: bool,
    only: Vec<String>,
    edits: usize,
    warmup: usize,
    server: Option<Vec<String>>,
    corpus: Option<PathBuf>,
    index_files: usize,
    sizes: Vec<String>,
    requests: Option<Vec<String>>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        smoke: false,
        with_peers: false,
        only: Vec::new(),
        edits: 300,
        warmup: 30,
        server: None,
        corpus: None,
        index_files: 10_000,
        sizes: Vec::new(),
        requests: None,
    };
    let mut edits = None;
    let mut warmup = None;
    let mut index_files = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |v: String, name: &str| v.parse::<usize>().map_err(|_| format!("{name}: not a number: {v}"));
        match a.as_str() {
            "--smoke" => o.smoke = true,
            "--with-peers" => o.with_peers = true,
            "--only" => o.only = value("--only")?.split(',').map(str::to_string).collect(),
            "--edits" => edits = Some(number(value("--edits")?, "--edits")?),
            "--warmup" => warmup = Some(number(value("--warmup")?, "--warmup")?),
            "--index-files" => index_files = Some(number(value("--index-files")?, "--index-files")?),
            "--server" => o.server = Some(value("--server")?.split_whitespace().map(str::to_string).collect()),
            "--sizes" => o.sizes = value("--sizes")?.split(',').map(str::to_string).collect(),
            "--requests" => o.requests = Some(value("--requests")?.split(',').map(str::to_string).collect()),
            "--corpus" => o.corpus = Some(PathBuf::from(value("--corpus")?)),
            "-h" | "--help" => {
                print!("{HELP}");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument `{a}`\n\n{HELP}")),
        }
    }
    if o.smoke {
        o.edits = 20;
        o.warmup = 5;
        o.index_files = 200;
    }
    o.edits = edits.unwrap_or(o.edits).max(1);
    o.warmup = warmup.unwrap_or(o.warmup);
    o.index_files = index_files.unwrap_or(o.index_files);
    Ok(o)
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ has a parent")
        .to_path_buf()
}

/// The agentls binary next to this harness (same profile), built first if cargo is at hand.
fn agentls_binary() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe.parent().ok_or("no exe dir")?;
    let release = dir.file_name().and_then(|n| n.to_str()) == Some("release");
    if let Ok(cargo) = std::env::var("CARGO") {
        let mut cmd = std::process::Command::new(cargo);
        cmd.args(["build", "-q", "-p", "agentls", "--bin", "agentls"])
            .current_dir(repo_root());
        if release {
            cmd.arg("--release");
        }
        let st = cmd.status().map_err(|e| format!("cargo build -p agentls: {e}"))?;
        if !st.success() {
            return Err("cargo build -p agentls failed".into());
        }
    }
    let bin = dir.join("agentls");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!(
            "{} not found: run `cargo build --release -p agentls`",
            bin.display()
        ))
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()))
        })
        .map_or("?".into(), |kib| format!("{:.1} GiB", kib as f64 / 1048576.0));
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    format!(
        "{cores} cores, {mem}, {cpu}; load average at start: {}",
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    )
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    };
    match run(&opts) {
        Ok(()) => {}
        Err(e) => {
            eprintln!("bench: error: {e}");
            std::process::exit(1);
        }
    }
}

fn run(o: &Options) -> Result<(), String> {
    let want = |s: &str| o.only.is_empty() || o.only.iter().any(|x| x == s);
    let root = repo_root();
    let data = root.join("target").join("bench-data");
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    println!("## agentls bench{}\n", if o.smoke { " (smoke)" } else { "" });
    println!("machine: {}", machine());
    let agentls = agentls_binary()?;
    let server_cmd = o
        .server
        .clone()
        .unwrap_or_else(|| vec![agentls.display().to_string(), "--stdio".into()]);
    println!("server under test: `{}`", server_cmd.join(" "));
    println!("edits per workload: {} measured after {} warm-up", o.edits, o.warmup);
    let mut sizes: Vec<(&str, usize)> = if o.smoke {
        vec![("5 KB", 5_000)]
    } else {
        vec![("5 KB", 5_000), ("500 KB", 500_000), ("5 MB", 5_000_000)]
    };
    if !o.sizes.is_empty() {
        sizes.retain(|(label, _)| o.sizes.iter().any(|s| s.eq_ignore_ascii_case(&label.replace(' ', ""))));
    }
    let peers = if o.with_peers {
        peers::install(&root)
    } else {
        peers::Peers::default()
    };

    if want("micro") {
        let budget = if o.smoke {
            Duration::from_millis(30)
        } else {
            Duration::from_secs(2)
        };
        micro::run(&sizes, budget).print();
    }

    if want("lsp") {
        let counts = Counts {
            edits: o.edits,
            warmup: o.warmup,
            cap: if o.smoke {
                Duration::from_secs(10)
            } else {
                Duration::from_secs(120)
            },
        };
        let cases: Vec<Case> = sizes
            .iter()
            .map(|&(label, size)| Case {
                label: label.into(),
                text: generate::agent("code-reviewer", size, 1),
                language: "markdown",
                ext: "md",
            })
            .collect();
        let name = Path::new(&server_cmd[0])
            .file_name()
            .map_or("server".into(), |n| n.to_string_lossy().to_string());
        let spec = ServerSpec {
            name,
            command: server_cmd.clone(),
            env: Vec::new(),
            settings: Value::Null,
            markdown_shim: None,
        };
        let all = vec![Workload::Description, Workload::Tools, Workload::Paragraph];
        let mut requests = vec![
            "textDocument/completion",
            "textDocument/hover",
            "textDocument/documentSymbol",
        ];
        if let Some(only) = &o.requests {
            requests.retain(|m| only.iter().any(|r| m.ends_with(&format!("/{r}"))));
        }
        let mut tables = Tables::new();
        let plan = Plan {
            cases,
            workloads: all,
            requests: requests.clone(),
            request_cases: Vec::new(),
        };
        sessions::run(&spec, &plan, counts, &data, &mut tables)?;
        // Peers: each one is optional; a failure is a note, not the end of the run.
        let side = |spec: Option<ServerSpec>, plan: Plan, counts: Counts, tables: &mut Tables| {
            if let Some(spec) = spec
                && let Err(e) = sessions::run(&spec, &plan, counts, &data, tables)
            {
                tables.notes.push(format!("{}: stopped: {e}", spec.name));
            }
        };
        if o.with_peers {
            let peer_counts = Counts {
                edits: o.edits.min(100),
                warmup: o.warmup.min(10),
                cap: counts.cap,
            };
            let fm = generate::front_matter("code-reviewer");
            let yaml = fm.trim_start_matches("---\n").trim_end_matches("---\n").to_string();
            let yaml_plan = Plan {
                cases: vec![Case {
                    label: "front matter of 5 KB".into(),
                    text: format!("# yaml-language-server: $schema={}\n{yaml}", peers.schema_uri(&root)),
                    language: "yaml",
                    ext: "yaml",
                }],
                workloads: vec![Workload::Description, Workload::Tools],
                requests: vec!["textDocument/completion", "textDocument/hover"],
                request_cases: Vec::new(),
            };
            side(peers.yaml_ls(&root), yaml_plan, peer_counts, &mut tables);
            let agnix_plan = Plan {
                cases: plan.cases.iter().map(clone_case).collect(),
                workloads: vec![Workload::Description, Workload::Tools, Workload::Paragraph],
                requests: requests.clone(),
                request_cases: Vec::new(),
            };
            side(peers.agnix_lsp(), agnix_plan, peer_counts, &mut tables);
            let md_plan = Plan {
                cases: plan.cases.iter().map(clone_case).collect(),
                workloads: Vec::new(),
                requests: vec!["textDocument/documentSymbol"],
                request_cases: Vec::new(),
            };
            side(peers.markdown_ls(&root), md_plan, peer_counts, &mut tables);
            tables.notes.extend(peers.notes.iter().cloned());
        }
        tables.floor.print();
        tables.typing.print();
        tables.requests.print();
        if !tables.notes.is_empty() {
            println!("\nnotes:");
            let mut seen = std::collections::HashSet::new();
            for n in tables.notes.iter().filter(|n| seen.insert(n.as_str())) {
                println!("- {n}");
            }
        }
    }

    if want("check") {
        let corpus = o
            .corpus
            .clone()
            .unwrap_or_else(|| root.join("..").join("shared").join("corpus"));
        let corpus = if o.smoke || !corpus.is_dir() {
            if !o.smoke {
                println!("\n{} is absent: checking examples/ instead", corpus.display());
            }
            root.join("examples")
        } else {
            corpus
        };
        let corpus = corpus
            .canonicalize()
            .map_err(|e| format!("{}: {e}", corpus.display()))?;
        let files = procs::markdown_files(&corpus);
        let mut tools = vec![
            procs::Tool {
                name: "cat (the same .md/.mdc files)".into(),
                program: PathBuf::from("cat"),
                args: files.iter().map(|p| p.display().to_string()).collect(),
            },
            procs::Tool {
                name: "agentls check --format json".into(),
                program: agentls.clone(),
                args: vec![
                    "check".into(),
                    "--format".into(),
                    "json".into(),
                    corpus.display().to_string(),
                ],
            },
        ];
        if let Some(agnix) = peers.agnix_cli() {
            tools.push(procs::Tool {
                name: "agnix --format json".into(),
                program: agnix,
                args: vec!["--format".into(), "json".into(), corpus.display().to_string()],
            });
        }
        let reps = if o.smoke { 1 } else { 5 };
        let title = format!("Checking {} ({} .md/.mdc files)", corpus.display(), files.len());
        procs::compare(&title, &tools, reps, files.len())?.print();
    }

    if want("index") {
        let ws = procs::index_workspace(&data, o.index_files)?;
        let spec = ServerSpec {
            name: "agentls".into(),
            command: server_cmd.clone(),
            env: Vec::new(),
            settings: Value::Null,
            markdown_shim: None,
        };
        let grace = if o.smoke {
            Duration::from_secs(1)
        } else {
            Duration::from_secs(5)
        };
        let mut t = Table::new(
            &format!(
                "Workspace indexing: {} generated files (initialize → `$/progress` end)",
                o.index_files
            ),
            &["server", "result", "progress messages"],
        );
        // Three runs (one in smoke), each a fresh server; the files are in the page cache.
        let mut times = Vec::new();
        let mut result = None;
        for _ in 0..if o.smoke { 1 } else { 3 } {
            match procs::index(&spec, &ws, &data.join("index.stderr.log"), grace)? {
                Ok((took, n)) => {
                    times.push(took);
                    result = Some(n);
                }
                Err(note) => {
                    t.row(vec![spec.name.clone(), note, "0".into()]);
                    result = None;
                    break;
                }
            }
        }
        if let Some(n) = result {
            times.sort();
            let all: Vec<String> = times.iter().map(|d| fmt(*d)).collect();
            t.row(vec![
                spec.name.clone(),
                format!("median {} (runs: {})", fmt(times[times.len() / 2]), all.join(", ")),
                n.to_string(),
            ]);
        }
        t.print();
    }
    Ok(())
}

fn clone_case(c: &Case) -> Case {
    Case {
        label: c.label.clone(),
        text: c.text.clone(),
        language: c.language,
        ext: c.ext,
    }
}
