//! The rule table: every diagnostic code, its default severity and a one-line summary. `/x`
//! entries are per format (`claude-agent/x`); the others are shared by every format.

use super::Severity::{self, *};

pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// For a `/x` rule, the formats it applies to (empty: every format).
    pub formats: &'static [&'static str],
}

const fn r(code: &'static str, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        code,
        severity,
        summary,
        formats: &[],
    }
}

/// A per-format rule that applies to some formats only.
const fn only(formats: &'static [&'static str], rule: Rule) -> Rule {
    Rule { formats, ..rule }
}

/// Formats with front matter keys of their own (all but memory files).
const KEYED: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "claude-rule",
    "claude-output-style",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
    "copilot-instructions",
    "opencode-agent",
    "cursor-rule",
];
const REQUIRED: &[&str] = &["claude-agent", "skill", "opencode-agent"];
const TYPED: &[&str] = KEYED;
const ENUMS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "opencode-agent",
];
const NAMED: &[&str] = &["claude-agent", "skill"];
const MODELS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
    "opencode-agent",
];
const CLAUDE_TOOLS: &[&str] = &["claude-agent", "claude-command", "skill"];
const COPILOT: &[&str] = &["copilot-agent", "copilot-chatmode", "copilot-prompt"];
const COPILOT_AGENTS: &[&str] = &["copilot-agent", "copilot-chatmode"];
/// The formats with a model field are those with a tool list.
const TOOL_LISTS: &[&str] = MODELS;
const DUP_TOOLS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
];
/// Every format whose body rules apply: the same as those with keys of their own.
const BODIES: &[&str] = KEYED;
const COMMANDS: &[&str] = &["claude-command", "skill"];
const GLOBS: &[&str] = &[
    "claude-command",
    "skill",
    "claude-rule",
    "copilot-instructions",
    "cursor-rule",
];
const AGENT_USERS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
];

pub static RULES: &[Rule] = &[
    r(
        "front-matter/missing",
        Error,
        "The file has no front matter, so the tool reads no name or description.",
    ),
    r(
        "front-matter/unclosed",
        Error,
        "The front matter's opening `---` has no closing `---`.",
    ),
    r(
        "front-matter/closed-by-rule",
        Warning,
        "The front matter is closed by a longer `-----` rule: Claude Code stops there, strict tools do not.",
    ),
    r(
        "yaml/syntax",
        Error,
        "The front matter is not YAML the tool can read; it loads without its metadata.",
    ),
    r(
        "yaml/needs-quotes",
        Warning,
        "A plain value holds `: `: Claude Code recovers it, strict YAML tools reject the file.",
    ),
    r(
        "yaml/duplicate-key",
        Warning,
        "A key appears twice; only the last one counts.",
    ),
    r(
        "yaml/not-a-mapping",
        Error,
        "The front matter is not a set of `key: value` pairs.",
    ),
    only(
        KEYED,
        r(
            "/unknown-key",
            Warning,
            "A key this format does not define; the tool ignores it.",
        ),
    ),
    only(
        REQUIRED,
        r("/missing-field", Error, "A required field is missing or empty."),
    ),
    only(
        TYPED,
        r(
            "/wrong-type",
            Error,
            "A value of the wrong type (a list where text is expected, text for a number…).",
        ),
    ),
    only(
        ENUMS,
        r(
            "/invalid-value",
            Warning,
            "A value outside the documented set; the tool ignores it.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/invalid-name",
            Error,
            "A name the tool rejects (containing `:` or starting with `-`).",
        ),
    ),
    only(
        NAMED,
        r(
            "/name-format",
            Warning,
            "A name with capitals, spaces or symbols instead of lowercase letters, digits and hyphens.",
        ),
    ),
    r(
        "skill/name-mismatch",
        Warning,
        "A skill's name differs from its folder's name, which the Agent Skills standard forbids.",
    ),
    only(
        &["claude-agent"],
        r("/name-mismatch", Information, "The name differs from the file name."),
    ),
    only(
        MODELS,
        r(
            "/unknown-model",
            Warning,
            "A model that is neither a known alias nor a known model id.",
        ),
    ),
    only(
        CLAUDE_TOOLS,
        r(
            "/retired-model",
            Warning,
            "A model id that was retired; requests with it fail.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/cli-only-model",
            Information,
            "A `--model` alias not documented for this field.",
        ),
    ),
    only(
        TOOL_LISTS,
        r(
            "/unknown-tool",
            Warning,
            "A tool name that is not a known tool; it is ignored.",
        ),
    ),
    only(
        CLAUDE_TOOLS,
        r("/removed-tool", Warning, "A tool that no longer exists; it is ignored."),
    ),
    only(
        CLAUDE_TOOLS,
        r(
            "/invalid-tool-rule",
            Error,
            "A permission rule with unbalanced parentheses, which can never match.",
        ),
    ),
    only(
        DUP_TOOLS,
        r("/duplicate-tool", Warning, "The same tool is listed twice."),
    ),
    only(
        &["claude-agent"],
        r("/tool-conflict", Warning, "A tool is both allowed and disallowed."),
    ),
    only(
        &["claude-agent"],
        r(
            "/empty-tools",
            Warning,
            "An empty tool list gives the agent no tools at all.",
        ),
    ),
    only(
        BODIES,
        r(
            "/empty-body",
            Warning,
            "Nothing after the front matter: the agent has no instructions.",
        ),
    ),
    only(
        &["skill"],
        r(
            "/too-long",
            Warning,
            "A value longer than the Agent Skills standard allows (`description` 1,024, `compatibility` 500 characters).",
        ),
    ),
    only(
        &["skill"],
        r(
            "/nested-metadata",
            Information,
            "A `metadata` value that is not text; the standard maps text keys to text values.",
        ),
    ),
    only(
        &["skill"],
        r(
            "/long-body",
            Information,
            "A skill body over 500 lines; the standard recommends moving details to reference files.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/argument-mismatch",
            Information,
            "`argument-hint` and the body's `$ARGUMENTS` / `$1`… disagree.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/argument-hint-list",
            Information,
            "`argument-hint` written as a YAML list (`[name]`) instead of text.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/shell-needs-bash",
            Warning,
            "A `` !`command` `` line, but `allowed-tools` does not grant `Bash`.",
        ),
    ),
    only(
        GLOBS,
        r(
            "/invalid-glob",
            Error,
            "A glob that cannot be parsed, so it matches no file.",
        ),
    ),
    only(
        COPILOT,
        r(
            "/renamed-tool",
            Information,
            "An old Copilot tool name that VS Code maps to a new one.",
        ),
    ),
    only(
        &["copilot-prompt", "copilot-agent", "copilot-chatmode"],
        r(
            "/deprecated-key",
            Information,
            "A deprecated key (`mode` in prompt files, `infer` in agents).",
        ),
    ),
    only(
        &["copilot-chatmode"],
        r(
            "/legacy-chatmode",
            Information,
            "Chat modes are now custom agents (`.agent.md`).",
        ),
    ),
    only(
        COPILOT_AGENTS,
        r(
            "/invalid-handoff",
            Warning,
            "A handoff without `label`, `agent` or `prompt`, or with an unknown property or a wrong value.",
        ),
    ),
    only(
        &["opencode-agent"],
        r(
            "/claude-style-tools",
            Warning,
            "OpenCode's `tools` written as a Claude Code tool list instead of a `tool: true/false` mapping.",
        ),
    ),
    only(
        &["cursor-rule"],
        r(
            "/manual-only",
            Information,
            "A Cursor rule with no `description`, `globs` or `alwaysApply`: applied only when mentioned.",
        ),
    ),
    // Cross-file rules (`workspace::cross_file`) and links (`analysis::links`).
    only(
        &["claude-agent"],
        r(
            "/duplicate-name",
            Warning,
            "Another agent in the same folder has the same `name`; only one of them loads.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/unknown-skill",
            Warning,
            "A `skills:` entry names no skill in the workspace.",
        ),
    ),
    only(
        AGENT_USERS,
        r(
            "/unknown-agent",
            Warning,
            "`Agent(name)` or `Task(name)` names neither a workspace agent nor a built-in one.",
        ),
    ),
    r(
        "link/missing-file",
        Warning,
        "A relative link points at a file that does not exist.",
    ),
    r(
        "link/missing-anchor",
        Warning,
        "A link's `#anchor` matches no heading of the target file.",
    ),
    // Reported by `agentls check` (`cli::check`) for what it could not analyse at all.
    r(
        "file/unreadable",
        Error,
        "A file `check` could not read (not UTF-8 at an agent path, over 64 MB, or an I/O error), so it was not checked.",
    ),
    r(
        "config/invalid",
        Error,
        "An `agentls.toml` that cannot be read or holds an unknown setting; the files are checked with the defaults.",
    ),
];

/// The default severity of a code (`claude-agent/unknown-key` finds `/unknown-key`).
pub fn severity(code: &str) -> Severity {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    RULES
        .iter()
        .find(|r| r.code == code || r.code == short)
        .map_or(Warning, |r| r.severity)
}

/// Where the rule pages (`docs/rules/<code>.md`) are published; diagnostics link there.
pub const DOCS_BASE: &str = "https://github.com/agentls/agentls/blob/main/docs/rules/";

/// The page of one rule, e.g. `…/docs/rules/claude-agent/unknown-tool.md`.
pub fn doc_url(code: &str) -> String {
    format!("{DOCS_BASE}{code}.md")
}

/// Every code as users see it: per-format rules once for each format, then the shared ones
/// (`(code, severity, summary)`), in table order.
pub fn all_codes() -> Vec<(String, Severity, &'static str)> {
    let mut out = Vec::new();
    for rule in RULES {
        match rule.code.strip_prefix('/') {
            Some(short) => {
                for f in crate::formats::FORMATS
                    .iter()
                    .filter(|f| rule.formats.is_empty() || rule.formats.contains(&f.id))
                {
                    out.push((format!("{}/{short}", f.id), rule.severity, rule.summary));
                }
            }
            None => out.push((rule.code.to_string(), rule.severity, rule.summary)),
        }
    }
    out
}
