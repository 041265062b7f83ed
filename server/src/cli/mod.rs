//! The command line: `agentls check PATH…` reads files from disk and runs exactly the same
//! analysis as the server, then prints findings as text or JSON.

pub mod check;
pub mod fix;
pub mod output;

use std::io::Write;

pub const HELP: &str = "\
agentls — language server and checker for agent spec files

USAGE:
    agentls [--stdio]            run the language server over stdio (what editors start)
    agentls check [OPTIONS] PATH...
                                 check files and directories (recursively)
    agentls rules [--format markdown]
                                 list every diagnostic code with its default severity
    agentls formats [--format markdown]
                                 list every format: its files, source and verified release
    agentls explain CODE         what a rule checks, why, an example and its fix
    agentls schema               the JSON schema of agentls.toml (for taplo / Even Better TOML)
    agentls --version | --help

CHECK OPTIONS:
    --format FORMAT      text (default), json, github (Actions annotations) or sarif (2.1.0)
    --kind FORMAT        read every file as this format (e.g. agent, claude-agent)
    --config FILE        use this agentls.toml for every file instead of the nearest one
    --fail-on LEVEL      exit 1 on a finding of LEVEL or worse: error (default),
                         warning, info, or never
    --verbose            also list the files skipped as ordinary Markdown
    --quiet              print only the findings, no summary
    --fix                apply the safe quick fixes to the files, then report what is left
    --diff               print the safe quick fixes as a unified diff; change nothing
                         (exit 1 when a file would change)

EXIT STATUS (check):
    0  nothing at the --fail-on level (errors by default)
    1  a finding at that level         2  could not run
";

/// `agentls 0.1.0 (1a2b3c4d5e6f)`: the version, and the commit when built from a checkout.
pub fn version() -> String {
    match option_env!("AGENTLS_COMMIT") {
        Some(commit) => format!("agentls {} ({commit})", env!("CARGO_PKG_VERSION")),
        None => format!("agentls {}", env!("CARGO_PKG_VERSION")),
    }
}

/// Runs the CLI; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("formats") => formats(&args[1..]),
        Some("explain") => explain(&args[1..]),
        Some("schema") if args.len() == 1 => {
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::config::schema::schema()).unwrap_or_default()
            );
            0
        }
        Some("--version" | "-V" | "version") => {
            println!("{}", version());
            0
        }
        Some("--help" | "-h" | "help") => {
            print!("{HELP}");
            0
        }
        Some(other) => {
            let _ = writeln!(
                std::io::stderr(),
                "agentls: unknown command or flag `{other}`\n\n{HELP}"
            );
            2
        }
        None => 0,
    }
}

/// `agentls rules`: the rule table, as aligned text or as a Markdown table.
fn rules(args: &[String]) -> i32 {
    let markdown = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] => false,
        ["--format", "markdown"] | ["--format=markdown"] => true,
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "agentls rules: expected no arguments or `--format markdown`"
            );
            return 2;
        }
    };
    let codes = crate::analysis::diagnostics::rules::all_codes();
    let width = codes.iter().map(|(c, ..)| c.len()).max().unwrap_or(0);
    let mut out = String::new();
    if markdown {
        out.push_str("| code | default severity | meaning |\n| --- | --- | --- |\n");
    }
    for (code, severity, summary) in codes {
        if markdown {
            out.push_str(&format!("| `{code}` | {} | {summary} |\n", severity.as_str()));
        } else {
            out.push_str(&format!("{code:width$}  {:<11}  {summary}\n", severity.as_str()));
        }
    }
    print!("{out}");
    0
}

/// `agentls formats`: every format agentls reads, in detection order, with the paths that make
/// a file that format, where the tool documents it, and the release its claims were checked
/// against by the ground-truth harness (or why none was).
fn formats(args: &[String]) -> i32 {
    let markdown = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] => false,
        ["--format", "markdown"] | ["--format=markdown"] => true,
        _ => {
            let _ = writeln!(
                std::io::stderr(),
                "agentls formats: expected no arguments or `--format markdown`"
            );
            return 2;
        }
    };
    let mut out = String::new();
    if markdown {
        out.push_str("| format | files | source | verified against |\n| --- | --- | --- | --- |\n");
    }
    for f in crate::formats::FORMATS {
        // `.clinerules/**/*.md`, `.clinerules/**/*.txt` → `.clinerules/**/*.{md,txt}`.
        let mut files: Vec<String> = Vec::new();
        let mut last_dirs: Option<&[&str]> = None;
        for rule in f.strong_paths {
            if let crate::formats::PathRule::Under(dirs, ext) = rule
                && last_dirs == Some(*dirs)
                && let Some(prev) = files.last_mut()
            {
                let ext = ext.trim_start_matches('.');
                *prev = match prev.strip_suffix("}`") {
                    Some(open) => format!("{open},{ext}}}`"),
                    None => {
                        let (head, first) = prev.trim_end_matches('`').rsplit_once("*.").unwrap_or((prev, ""));
                        format!("{head}*.{{{first},{ext}}}`")
                    }
                };
                continue;
            }
            last_dirs = match rule {
                crate::formats::PathRule::Under(dirs, _) => Some(dirs),
                _ => None,
            };
            files.push(path_rule(rule));
        }
        let files = if files.is_empty() {
            "by content".to_string()
        } else {
            files.join(", ")
        };
        let verified = match (f.verified_with, f.product.no_oracle) {
            (Some(v), _) => format!("{v}, by recording"),
            (None, Some(_)) => "documentation (the tool cannot be run here)".to_string(),
            (None, None) => "documentation or source (not recorded yet)".to_string(),
        };
        if markdown {
            out.push_str(&format!(
                "| {} (`{}`) | {files} | {} | {verified} |\n",
                f.name, f.id, f.docs_url
            ));
        } else {
            out.push_str(&format!(
                "{:<24} {}\n    files: {files}\n    verified: {verified}\n",
                f.id, f.name
            ));
        }
    }
    print!("{out}");
    0
}

/// A path rule as a glob a user would write.
fn path_rule(rule: &crate::formats::PathRule) -> String {
    use crate::formats::PathRule;
    match rule {
        PathRule::Under(dirs, ext) => format!("`{}/**/*{ext}`", dirs.join("/")),
        PathRule::Directly(dirs, ext) => format!("`{}/*{ext}`", dirs.join("/")),
        PathRule::InDirNamed(dir, ext) => format!("`**/{dir}/**/*{ext}`"),
        PathRule::Suffix(s) => match s.strip_prefix('/') {
            Some(name) => format!("`{name}`"),
            None => format!("`*{s}`"),
        },
    }
}

/// `agentls explain CODE`: the rule's page, as in `docs/rules/`.
fn explain(args: &[String]) -> i32 {
    let [code] = args else {
        let _ = writeln!(
            std::io::stderr(),
            "agentls explain: expected one rule code, e.g. `claude-agent/unknown-tool`"
        );
        return 2;
    };
    match crate::analysis::rule_docs::page(code) {
        Some(page) => {
            print!("{page}");
            0
        }
        None => {
            let _ = writeln!(
                std::io::stderr(),
                "agentls explain: unknown rule `{code}` (see `agentls rules`)"
            );
            2
        }
    }
}
