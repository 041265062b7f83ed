//! The command line: `agentls check PATH…` reads files from disk and runs exactly the same
//! analysis as the server, then prints findings as text or JSON.

pub mod check;

use std::io::Write;

pub const HELP: &str = "\
agentls — language server and checker for agent spec files

USAGE:
    agentls [--stdio]            run the language server over stdio (what editors start)
    agentls check [OPTIONS] PATH...
                                 check files and directories (recursively)
    agentls --version | --help

CHECK OPTIONS:
    --format text|json   output format (default: text)
    --kind FORMAT        read every file as this format (e.g. agent, claude-agent)
    --verbose            also list the files skipped as ordinary Markdown
    --quiet              print only the findings, no summary

EXIT STATUS (check):
    0  no errors (warnings allowed)    1  errors found    2  could not run
";

pub fn version() -> String {
    format!("agentls {}", env!("CARGO_PKG_VERSION"))
}

/// Runs the CLI; returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("check") => check::run(&args[1..]),
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
