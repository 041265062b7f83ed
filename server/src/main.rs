//! The `agentls` binary: the LSP server over stdio (no arguments or `--stdio`), or the CLI.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        None | Some("--stdio") => agentls::lsp::serve_stdio(),
        _ => agentls::cli::run(&args),
    };
    std::process::exit(code);
}
