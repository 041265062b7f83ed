//! What a finding claims the tool does with the file. Every finding carries one, and its
//! severity follows from it: the tool does not load the file, refuses to run it, reports it as
//! an error, or every run fails → error; it loads, but something written has no effect or a different one → warning;
//! style and portability → information (`analysis::diagnostics` maps it). The ground-truth harness (`truth/`) checks each claim
//! against what the real tool did, recorded at a pinned version.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Effect {
    /// The tool does not load the file: the agent, command or skill does not exist for it.
    NotLoaded,
    /// The tool loads the file but refuses to run it (Claude Code: an agent whose tools
    /// resolve to nothing).
    Refused,
    /// The tool loads and runs it, but every run fails (the model API rejects the model id).
    RunsFail,
    /// The tool's own validator reports it as an error (VS Code: an error marker in the
    /// editor and the Problems panel), and does not take the value as written.
    Rejected,
    /// The tool as a whole fails while the file is there: it refuses its configuration, and no
    /// agent runs, not only this one (OpenCode: "Configuration is invalid").
    BreaksTool,
    /// The tool loads the file, and ignores what this finding points at (a key, a value, a
    /// tool): it has no effect.
    Ignored,
    /// The tool loads the file, but reads what this finding points at differently from how it
    /// is written (a value cut at a comment, a list read as one string).
    ReadDifferently,
    /// What it does depends on where it runs: the tool reads it as written, but strict YAML,
    /// other tools, or other sessions and platforms of the same tool do not.
    Portability,
    /// No tool behaves differently: a convention, a likely slip, a clearer way to write it.
    Style,
    /// Not a claim about a tool: agentls itself could not read the file (or its
    /// configuration), so it judged nothing there. An error, so that CI does not pass quietly.
    Unchecked,
}

impl Effect {
    pub const ALL: &[Effect] = &[
        Effect::NotLoaded,
        Effect::Refused,
        Effect::RunsFail,
        Effect::Rejected,
        Effect::BreaksTool,
        Effect::Ignored,
        Effect::ReadDifferently,
        Effect::Portability,
        Effect::Style,
        Effect::Unchecked,
    ];

    /// Stable name, in JSON and SARIF output and in the recordings' verdicts.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::NotLoaded => "not-loaded",
            Effect::Refused => "refused",
            Effect::RunsFail => "runs-fail",
            Effect::Rejected => "rejected",
            Effect::BreaksTool => "breaks-tool",
            Effect::Ignored => "ignored",
            Effect::ReadDifferently => "read-differently",
            Effect::Portability => "portability",
            Effect::Style => "style",
            Effect::Unchecked => "unchecked",
        }
    }

    /// What the claim says, for rule pages.
    pub fn describe(self) -> &'static str {
        match self {
            Effect::NotLoaded => "the tool does not load the file",
            Effect::Refused => "the tool loads the file but refuses to run it",
            Effect::RunsFail => "the tool runs it, and every run fails",
            Effect::Rejected => "the tool reports it as an error and does not take it as written",
            Effect::BreaksTool => "the tool fails as a whole while the file is there: no agent runs",
            Effect::Ignored => "the tool loads the file and ignores this part",
            Effect::ReadDifferently => "the tool loads the file and reads this part differently from how it is written",
            Effect::Portability => {
                "what it does depends on where it runs: the tool reads it as written here, but strict YAML, other tools, or other sessions, setups and platforms of the tool do not"
            }
            Effect::Style => "no tool behaves differently; a convention or a clearer way to write it",
            Effect::Unchecked => "agentls could not read it, so it judged nothing there",
        }
    }
}
