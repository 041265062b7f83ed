//! Ground truth for agentls. agentls says what a tool does with a file ("Claude Code skips
//! this file", "VS Code ignores it"); this crate asks the tools themselves.
//!
//! - [`install`]: the real tools, at the versions pinned in `truth/tools.toml`, from npm.
//! - [`fake_api`]: a fake model API on 127.0.0.1 that records what the tools send.
//! - [`cases`]: the files to ask about (fixtures, rule examples, the corpus, mutations).
//! - [`claude`]: runs Claude Code on cases and reads what it loaded.
//! - [`cline`]: runs the Cline CLI on rules, workflows and skills and reads what it loaded.
//! - [`copilot_cli`]: asks the GitHub Copilot CLI which agents and skills it loads, and what a
//!   selected agent becomes.
//! - [`gemini`]: runs Gemini CLI on cases and reads what it loaded.
//! - [`opencode`]: asks OpenCode (`opencode serve`, `opencode run`) what it made of agent files.
//! - [`vscode`]: runs VS Code (code-server) on cases and reads its validator's markers.
//! - [`recording`]: observations as data in `truth/recorded/`, one file per tool version
//!   (VS Code's: [`vscode::Recording`]).
//! - [`judge`]: compares agentls's claims with the recorded observations.

pub mod cases;
pub mod claude;
pub mod cline;
pub mod copilot_cli;
pub mod fake_api;
pub mod gemini;
pub mod install;
pub mod judge;
pub mod opencode;
pub mod recording;
pub mod util;
pub mod vscode;
