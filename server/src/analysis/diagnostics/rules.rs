//! The rule table: every diagnostic code, what its findings claim the tool does (and so their
//! default severity) and a one-line summary. `/x` entries are per format (`claude-agent/x`);
//! the others are shared by every format.

use super::Effect::{self, *};
use super::Severity;

pub struct Rule {
    pub code: &'static str,
    /// What a finding of this rule claims; a finding may claim another effect where the same
    /// code means something else for one format (it says so in its message).
    pub effect: Effect,
    pub summary: &'static str,
    /// For a `/x` rule, the formats it applies to (empty: every format).
    pub formats: &'static [&'static str],
}

const fn r(code: &'static str, effect: Effect, summary: &'static str) -> Rule {
    Rule {
        code,
        effect,
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
    "opencode-command",
    "kilo-agent",
    "kilo-command",
    "cursor-rule",
    "cline-rule",
    "cline-workflow",
    "cline-skill",
    "windsurf-rule",
    "kiro-steering",
    "kiro-agent",
    "gemini-agent",
];
/// Formats whose tool's loader is modelled (`formats::loader`).
const CLINE: &[&str] = &["cline-rule", "cline-workflow", "cline-skill"];
const REQUIRED: &[&str] = &["claude-agent", "skill", "opencode-agent", "kilo-agent", "gemini-agent"];
/// Formats with keys whose tool (not VS Code) ignores a value of the wrong type.
const TYPED: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "claude-rule",
    "claude-output-style",
    "opencode-agent",
    "opencode-command",
    "kilo-agent",
    "kilo-command",
    "cursor-rule",
    "cline-rule",
    "cline-workflow",
    "cline-skill",
    "windsurf-rule",
    "kiro-steering",
    "kiro-agent",
    "gemini-agent",
];
/// The files VS Code's own validator checks (its errors are findings that claim `Rejected`).
const VSCODE: &[&str] = &[
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
    "copilot-instructions",
];
const ENUMS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "opencode-agent",
    "kilo-agent",
    "windsurf-rule",
    "kiro-steering",
    "gemini-agent",
];
const MODELS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
    "opencode-agent",
    "kilo-agent",
    "gemini-agent",
];
/// Formats whose tool sends a model name it does not know to the API.
const SENDS_MODELS: &[&str] = &["claude-agent", "claude-command", "skill", "gemini-agent"];
/// OpenCode's agent format, and the same at Kilo Code's paths.
const OPENCODE_AGENTS: &[&str] = &["opencode-agent", "kilo-agent"];
/// OpenCode's command format, and the same at Kilo Code's paths.
const OPENCODE_COMMANDS: &[&str] = &["opencode-command", "kilo-command"];
/// OpenCode's formats, and the same at Kilo Code's paths (keys ignored where they are,
/// models looked up in its catalogue).
const OPENCODE_IGNORING: &[&str] = &["opencode-agent", "kilo-agent", "opencode-command", "kilo-command"];
const CLAUDE_TOOLS: &[&str] = &["claude-agent", "claude-command", "skill"];
const COPILOT: &[&str] = &["copilot-agent", "copilot-chatmode", "copilot-prompt"];
const COPILOT_AGENTS: &[&str] = &["copilot-agent", "copilot-chatmode"];
/// The formats with a tool list (OpenCode's commands have a model and no tools).
const TOOL_LISTS: &[&str] = MODELS;
const DUP_TOOLS: &[&str] = &[
    "claude-agent",
    "claude-command",
    "skill",
    "copilot-agent",
    "copilot-chatmode",
    "copilot-prompt",
    "gemini-agent",
];
/// Every format whose body is the prompt: those with keys of their own, and workflows.
const BODIES: &[&str] = &[
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
    "opencode-command",
    "kilo-agent",
    "kilo-command",
    "cursor-rule",
    "cline-rule",
    "cline-workflow",
    "cline-skill",
    "windsurf-rule",
    "windsurf-workflow",
    "kiro-steering",
    "kiro-agent",
    "gemini-agent",
];
const COMMANDS: &[&str] = &["claude-command", "skill"];
const GLOBS: &[&str] = &[
    "claude-command",
    "skill",
    "claude-rule",
    "cursor-rule",
    "windsurf-rule",
    "kiro-steering",
];
/// Formats whose keys select files only with one value of another key.
const MODES: &[&str] = &["windsurf-rule", "kiro-steering"];
/// Windsurf's rule files, which it reads up to a length.
const WINDSURF_RULES: &[&str] = &["windsurf-rule", "windsurf-global-rules", "windsurf-legacy-rules"];
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
        NotLoaded,
        "The file has no front matter, so the tool reads no name or description.",
    ),
    r(
        "front-matter/unclosed",
        NotLoaded,
        "The front matter's opening `---` has no closing `---`.",
    ),
    r(
        "front-matter/empty",
        ReadDifferently,
        "A front matter with nothing between its two `---` lines, which the tool does not take for one (Cline): both lines are part of the file's text.",
    ),
    r(
        "front-matter/closed-by-rule",
        ReadDifferently,
        "The front matter is closed by a longer `-----` rule: Claude Code stops at its first three dashes and its prompt starts with `--`; strict tools read on.",
    ),
    r(
        "yaml/syntax",
        NotLoaded,
        "The front matter is not YAML the tool can read, even after its retry; it reads none of its keys.",
    ),
    r(
        "yaml/needs-quotes",
        Portability,
        "A plain value holds `: ` or a YAML indicator: Claude Code quotes it and reads it as written, strict YAML tools reject the file.",
    ),
    r(
        "front-matter/close-with-text",
        ReadDifferently,
        "Text after the closing `---` on its line: OpenCode ends the front matter there and starts the prompt with that text; strict tools do not close it there.",
    ),
    r(
        "front-matter/closed-mid-line",
        ReadDifferently,
        "A `---` inside a line ends Claude Code's front matter there: the value is cut and the rest of the file becomes the prompt.",
    ),
    r(
        "yaml/read-as-text",
        ReadDifferently,
        "A value YAML cannot read (an unclosed `[`, `{` or quote): Claude Code reads the line's text instead.",
    ),
    r(
        "yaml/tabs",
        Portability,
        "Tabs indent the front matter: Claude Code reads each as two spaces, strict YAML tools reject the file.",
    ),
    r(
        "yaml/comment-in-value",
        ReadDifferently,
        "A ` #` in a plain value starts a YAML comment: the tool reads the value up to it.",
    ),
    r(
        "yaml/duplicate-key",
        Ignored,
        "A key appears twice; only the last one counts.",
    ),
    r(
        "yaml/not-a-mapping",
        NotLoaded,
        "The front matter is not a set of `key: value` pairs.",
    ),
    r(
        "yaml/lost-keys",
        Ignored,
        "The tool's parser stops reading the front matter early (an unclosed quote, a line without `:`): the keys after that point are ignored.",
    ),
    only(
        KEYED,
        r(
            "/unknown-key",
            Ignored,
            "A key this format does not define; the tool ignores it.",
        ),
    ),
    only(
        REQUIRED,
        r("/missing-field", NotLoaded, "A required field is missing or empty."),
    ),
    only(
        TYPED,
        r(
            "/wrong-type",
            Ignored,
            "A value of the wrong type: the tool ignores it, or does not load the file when the key is required.",
        ),
    ),
    only(
        VSCODE,
        r(
            "/wrong-type",
            Rejected,
            "A value of the wrong type (a list for text, `True` for `true`, a string for a list): VS Code reports it as an error.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/empty-value",
            Ignored,
            "A blank value: the tool loads the file, and the key says nothing.",
        ),
    ),
    only(
        VSCODE,
        r(
            "/empty-value",
            Rejected,
            "A blank `name`, `description`, `target`, `model` or `agent`, or an empty model list: VS Code reports it as an error (a blank `argument-hint` it ignores).",
        ),
    ),
    only(
        ENUMS,
        r(
            "/invalid-value",
            Ignored,
            "A value outside the documented set; the tool ignores it.",
        ),
    ),
    only(
        COPILOT_AGENTS,
        r(
            "/invalid-value",
            Rejected,
            "A value outside the set VS Code takes (`target`, a permission's access, a hook's `type`): VS Code reports it as an error (an unknown hook event or permission scope it ignores).",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/hook-outside-hooks",
            NotLoaded,
            "A guarding hook event (`PreToolUse`, `PermissionRequest`) written at the top level: Claude Code skips the agent.",
        ),
    ),
    only(
        &["claude-agent", "gemini-agent"],
        r(
            "/invalid-name",
            NotLoaded,
            "A name the tool rejects (containing `:` or starting with `-`).",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/name-format",
            Style,
            "A name with capitals, spaces or symbols instead of lowercase letters, digits and hyphens; it loads.",
        ),
    ),
    r(
        "skill/name-format",
        Portability,
        "A skill name with anything but lowercase letters, digits and hyphens, a hyphen at either end, `--` or over 64 characters breaks the Agent Skills standard (which tools reject it: `skill/rejected-by-tool`).",
    ),
    r(
        "skill/rejected-by-tool",
        NotLoaded,
        "A tool that reads the skill's folder, or one `targets` names, does not load the skill or reports it as an error: one finding per tool and cause, naming the tool.",
    ),
    r(
        "skill/name-mismatch",
        Portability,
        "A skill's name differs from its folder's name: Claude Code lists it under the folder, Gemini CLI and Cline under its `name`; the Agent Skills standard requires the two to match.",
    ),
    only(
        &["claude-agent", "opencode-agent", "kilo-agent"],
        r("/name-mismatch", Style, "The name differs from the file name."),
    ),
    only(
        SENDS_MODELS,
        r(
            "/unknown-model",
            RunsFail,
            "A model that is neither an alias nor a model id: the tool sends it as is, and every run fails.",
        ),
    ),
    only(
        OPENCODE_IGNORING,
        r(
            "/unknown-model",
            RunsFail,
            "A model that is not `provider/model-id`, or that the provider's catalogue lacks: OpenCode (and Kilo Code, its fork) finds no such model, and every run fails before a request is sent.",
        ),
    ),
    only(
        COPILOT,
        r(
            "/unknown-model",
            Ignored,
            "A Claude Code model name (`sonnet`) where Copilot expects its picker's names: no Copilot model has it, and VS Code ignores it.",
        ),
    ),
    only(
        CLAUDE_TOOLS,
        r(
            "/retired-model",
            RunsFail,
            "A model id that was retired: requests with it fail, unless the tool maps it to a current model itself.",
        ),
    ),
    only(
        CLAUDE_TOOLS,
        r(
            "/provider-model",
            Portability,
            "A cloud provider's model id (Bedrock, Vertex AI): it works only when the tool runs on that provider.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/cli-only-model",
            Style,
            "A `--model` alias not documented for this field.",
        ),
    ),
    only(
        TOOL_LISTS,
        r(
            "/unknown-tool",
            Ignored,
            "A tool name that is not a known tool; it is ignored.",
        ),
    ),
    only(
        CLAUDE_TOOLS,
        r("/removed-tool", Ignored, "A tool that no longer exists; it is ignored."),
    ),
    only(
        CLAUDE_TOOLS,
        r(
            "/invalid-tool-rule",
            Ignored,
            "A permission rule with unbalanced parentheses: the tool drops the entry.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/space-separated-tools",
            Portability,
            "Tools separated by spaces: Claude Code splits on spaces too, tools reading comma-separated lists do not.",
        ),
    ),
    only(DUP_TOOLS, r("/duplicate-tool", Style, "The same tool is listed twice.")),
    only(
        &["claude-agent"],
        r("/tool-conflict", Ignored, "A tool is both allowed and disallowed."),
    ),
    only(
        &["claude-agent"],
        r(
            "/no-tools",
            Refused,
            "None of the listed tools resolves: Claude Code refuses to start the agent.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/withheld-tool",
            Portability,
            "`Grep` or `Glob` beside `Bash`: Claude Code withholds them and searches through Bash.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/session-tools",
            Portability,
            "Every listed tool is an MCP tool or one only some sessions have: where none is there, Claude Code refuses to start the agent.",
        ),
    ),
    only(
        &["claude-agent", "gemini-agent"],
        r(
            "/empty-tools",
            ReadDifferently,
            "An empty `tools` gives the agent no tools at all (omit the key for every tool).",
        ),
    ),
    only(
        BODIES,
        r(
            "/empty-body",
            Style,
            "Nothing after the front matter: the agent has no instructions.",
        ),
    ),
    only(
        &["skill"],
        r(
            "/too-long",
            Portability,
            "A value longer than the Agent Skills standard allows (`description` 1,024, `compatibility` 500 characters).",
        ),
    ),
    only(
        &["skill"],
        r(
            "/nested-metadata",
            Portability,
            "A `metadata` value that is not text; the standard maps text keys to text values.",
        ),
    ),
    only(
        &["skill"],
        r(
            "/long-body",
            Style,
            "A skill body over 500 lines; the standard recommends moving details to reference files.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/argument-mismatch",
            Style,
            "`argument-hint` and the body's `$ARGUMENTS` / `$1`… disagree.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/argument-hint-list",
            Portability,
            "`argument-hint` written as a YAML list (`[name]`) instead of text.",
        ),
    ),
    only(
        COMMANDS,
        r(
            "/argument-numbering",
            ReadDifferently,
            "Placeholders that start at `$1`: Claude Code counts arguments from `$0`, so `$1` is the second argument.",
        ),
    ),
    only(
        GLOBS,
        r(
            "/invalid-glob",
            NotLoaded,
            "A glob that cannot be parsed, so it matches no file.",
        ),
    ),
    only(
        &["copilot-instructions"],
        r(
            "/invalid-glob",
            Rejected,
            "An `applyTo` with no pattern, or an empty one between commas: VS Code reports it as an error.",
        ),
    ),
    only(
        COPILOT,
        r(
            "/renamed-tool",
            Style,
            "An old Copilot tool name that VS Code maps to a new one.",
        ),
    ),
    only(
        COPILOT,
        r(
            "/conditional-tool",
            Portability,
            "A tool only some setups have (a setting, the desktop app): where it is missing, the tool ignores it.",
        ),
    ),
    only(
        COPILOT,
        r(
            "/ignored-key",
            Ignored,
            "A key the tool reads only together with other settings of the file, and ignores here (`tools` in a prompt run by `ask`, `mcp-servers` in an agent that runs in VS Code).",
        ),
    ),
    only(
        &["copilot-prompt"],
        r(
            "/deprecated-key",
            Style,
            "`mode`, the deprecated name of `agent`: VS Code reads it as `agent` (and ignores it when `agent` is set too).",
        ),
    ),
    only(
        COPILOT_AGENTS,
        r(
            "/deprecated-key",
            Rejected,
            "`infer`, deprecated in favour of `user-invocable` and `disable-model-invocation`: VS Code reports it as an error.",
        ),
    ),
    only(
        OPENCODE_AGENTS,
        r(
            "/deprecated-key",
            Style,
            "`maxSteps`, the old name of `steps`, and `tools`, the old form of `permission`: OpenCode still reads both.",
        ),
    ),
    only(
        &["copilot-chatmode"],
        r(
            "/legacy-chatmode",
            Style,
            "Chat modes are now custom agents (`.agent.md`).",
        ),
    ),
    only(
        COPILOT_AGENTS,
        r(
            "/invalid-handoff",
            Rejected,
            "A handoff without `label`, `agent` or `prompt`, with a wrong value (VS Code reports an error) or an unknown property (ignored).",
        ),
    ),
    only(
        OPENCODE_AGENTS,
        r(
            "/claude-style-tools",
            BreaksTool,
            "OpenCode's `tools` written as a Claude Code tool list instead of a `tool: true/false` mapping: OpenCode refuses its configuration.",
        ),
    ),
    only(
        &["gemini-agent"],
        r(
            "/unknown-placeholder",
            RunsFail,
            "A `${name}` in the body that is none of the template's inputs: Gemini CLI fails every invocation of the agent.",
        ),
    ),
    only(
        &["gemini-agent"],
        r(
            "/ignored-key",
            Ignored,
            "A key the tool checks and then does not use: Gemini CLI sends the model's default `temperature`, whatever the file says.",
        ),
    ),
    only(
        OPENCODE_IGNORING,
        r(
            "/ignored-key",
            Ignored,
            "A key the tool ignores where it is: `prompt` in a Markdown agent and `template` in a Markdown command (the body is it), `variant` without the file's own `model`.",
        ),
    ),
    only(
        CLINE,
        r(
            "/unread-location",
            NotLoaded,
            "The file is in a folder the tool reads, but deeper than it looks or with a name or extension it skips: it is not loaded.",
        ),
    ),
    only(
        CLINE,
        r(
            "/ignored-key",
            Ignored,
            "A key the tool does not read (`paths`, or Cursor's `globs`, in a Cline rule: every rule applies everywhere; a workflow's `description`).",
        ),
    ),
    only(
        &["cline-workflow"],
        r(
            "/literal-placeholder",
            Ignored,
            "`$ARGUMENTS` or `$1` in a workflow: Cline does not substitute them, it appends the arguments after the body.",
        ),
    ),
    only(
        &["cursor-rule"],
        r(
            "/manual-only",
            Style,
            "A Cursor rule with no `description`, `globs` or `alwaysApply`: applied only when mentioned.",
        ),
    ),
    only(
        MODES,
        r(
            "/needs-key",
            Ignored,
            "A mode that needs another key, without it (`trigger: glob` without `globs`, `inclusion: fileMatch` without `fileMatchPattern`): the file is never applied as meant.",
        ),
    ),
    only(
        &["kiro-steering"],
        r(
            "/ignored-key",
            Ignored,
            "`fileMatchPattern` without `inclusion: fileMatch`: Kiro includes the file by its mode (`always` by default) and ignores the pattern.",
        ),
    ),
    only(
        &["kiro-steering"],
        r(
            "/comma-in-glob",
            NotLoaded,
            "Comma-separated globs in one `fileMatchPattern` string: Kiro reads them as one pattern, which matches no file, so the steering file never loads.",
        ),
    ),
    only(
        &["kiro-steering"],
        r(
            "/not-in-user-level",
            NotLoaded,
            "`inclusion: fileMatch` in a global steering file (`~/.kiro/steering/`): Kiro never includes it.",
        ),
    ),
    only(
        &["kiro-steering"],
        r(
            "/unreliable-value",
            Portability,
            "`inclusion: auto`: Kiro accepts it, and is reported never to activate it.",
        ),
    ),
    only(
        WINDSURF_RULES,
        r(
            "/truncated",
            Ignored,
            "A rules file longer than Windsurf reads (12,000 characters in the current docs, 6,000 in older ones): the rest is cut off and the model never sees it.",
        ),
    ),
    only(
        &["windsurf-legacy-rules"],
        r(
            "/legacy-file",
            Style,
            "The legacy `.windsurfrules` file: Windsurf's docs now describe rules in `.windsurf/rules/`.",
        ),
    ),
    only(
        &["copilot-agent"],
        r(
            "/skipped-by-tool",
            NotLoaded,
            "Another tool reading the same agent file skips it where VS Code loads it: the GitHub Copilot CLI needs a front matter it can parse as YAML, with a text `description`, no key twice, and every key it knows of the right type.",
        ),
    ),
    // Cross-file rules (`workspace::cross_file`) and links (`analysis::links`).
    only(
        &["claude-agent", "gemini-agent"],
        r(
            "/duplicate-name",
            Ignored,
            "Another agent in the same folder has the same `name`; only one of them loads.",
        ),
    ),
    only(
        CLINE,
        r(
            "/duplicate-name",
            NotLoaded,
            "Another file gives the same name in a folder the tool reads later (Cline: `.cline/rules/` after `.clinerules/`): it keeps that one and does not load this one.",
        ),
    ),
    only(
        &["cline-workflow"],
        r(
            "/shadowed",
            Ignored,
            "A skill has the same command name: `/name` runs the skill, and Cline never runs the workflow.",
        ),
    ),
    only(
        &["claude-agent"],
        r(
            "/unknown-skill",
            Ignored,
            "A `skills:` entry names no skill in the workspace.",
        ),
    ),
    only(
        AGENT_USERS,
        r(
            "/unknown-agent",
            Ignored,
            "`Agent(name)` or `Task(name)` names neither a workspace agent nor a built-in one.",
        ),
    ),
    only(
        OPENCODE_COMMANDS,
        r(
            "/unknown-agent",
            RunsFail,
            "The command's `agent` names neither a workspace agent nor a built-in one: every run of the command fails.",
        ),
    ),
    r(
        "link/missing-file",
        Ignored,
        "A relative link points at a file that does not exist.",
    ),
    r(
        "link/missing-anchor",
        Style,
        "A link's `#anchor` matches no heading of the target file.",
    ),
    r(
        "file/not-loaded-here",
        NotLoaded,
        "A file of the tool's folder that it does not read: in a subfolder, or named `_x.md`.",
    ),
    only(
        &["gemini-agent"],
        r(
            "/unavailable-tool",
            Ignored,
            "A tool name the loader accepts that gives the agent nothing: the session lacks the tool, or subagents never get it.",
        ),
    ),
    // Reported by `agentls check` (`cli::check`) for what it could not analyse at all.
    r(
        "file/unreadable",
        Unchecked,
        "A file `check` could not read (over 64 MB, or an I/O error), so it was not checked.",
    ),
    r(
        "file/not-utf8",
        ReadDifferently,
        "A file at an agent path that is not valid UTF-8: Claude Code reads each bad byte as U+FFFD.",
    ),
    r(
        "config/invalid",
        Unchecked,
        "An `agentls.toml` that cannot be read or holds an unknown setting; the files are checked with the defaults.",
    ),
];

/// Codes whose findings claim another effect in one format than the rule's usual one, because
/// that format's tool does something else with the same mistake (OpenCode validates its keys
/// against a schema and refuses its whole configuration for one bad value): the effect and
/// the summary for that format.
pub static FORMAT_EFFECTS: &[(&str, Effect, &str)] = &[
    // Cline drops a rule, workflow or skill with nothing after the front matter ("Missing
    // instructions body").
    (
        "cline-rule/empty-body",
        NotLoaded,
        "Nothing after the front matter: Cline does not load the rule.",
    ),
    (
        "cline-workflow/empty-body",
        NotLoaded,
        "Nothing after the front matter: Cline does not load the workflow.",
    ),
    (
        "cline-skill/empty-body",
        NotLoaded,
        "Nothing after the front matter: Cline does not load the skill.",
    ),
    (
        "cline-rule/wrong-type",
        NotLoaded,
        "A `name` that is not text, or a `disabled`/`enabled` that is not `true` or `false`: Cline drops the rule.",
    ),
    (
        "cline-workflow/wrong-type",
        NotLoaded,
        "A `name` that is not text, or a `disabled`/`enabled` that is not `true` or `false`: Cline drops the workflow.",
    ),
    (
        "cline-skill/wrong-type",
        NotLoaded,
        "A `name` or `description` that is not text, or a `disabled`/`enabled` that is not `true` or `false`: Cline drops the skill.",
    ),
    // Gemini CLI's schema is `.strict()`: a key it does not know, or a value it rejects,
    // drops the whole agent with a load error.
    (
        "gemini-agent/unknown-key",
        NotLoaded,
        "A key Gemini CLI's schema does not define: it does not load the agent.",
    ),
    (
        "gemini-agent/unknown-tool",
        NotLoaded,
        "A `tools` entry that is not a Gemini CLI tool name (a Claude Code name, `Bash(git *)`…): it does not load the agent.",
    ),
    (
        "gemini-agent/invalid-name",
        NotLoaded,
        "A `name` outside `^[a-z0-9-_]+$`: Gemini CLI does not load the agent.",
    ),
    (
        "gemini-agent/wrong-type",
        NotLoaded,
        "A value of the wrong type (`tools` as a string, a number for `description`, `max_turns: 2.5`…): Gemini CLI does not load the agent.",
    ),
    (
        "gemini-agent/invalid-value",
        NotLoaded,
        "A value outside the set Gemini CLI's schema allows (`kind: agent`, `max_turns: 0`): it does not load the agent.",
    ),
    (
        "gemini-agent/duplicate-name",
        NotLoaded,
        "The `name` of a built-in agent (`generalist`, `codebase_investigator`, `cli_help`): Gemini CLI keeps the built-in one and does not load this file.",
    ),
    (
        "gemini-agent/empty-body",
        RunsFail,
        "Nothing after the front matter: Gemini CLI loads the agent, and every invocation fails (`PromptConfig must define either systemPrompt or initialMessages`).",
    ),
    (
        "gemini-agent/empty-tools",
        Ignored,
        "`tools: []`: the agent gets no tool but `complete_task`.",
    ),
    (
        "opencode-agent/wrong-type",
        BreaksTool,
        "A value of the wrong type, an empty one included: OpenCode refuses its whole configuration, and no agent runs.",
    ),
    (
        "opencode-agent/invalid-value",
        BreaksTool,
        "A value outside the set OpenCode's schema allows: it refuses its whole configuration. A sampling value out of range is clamped or sent as written.",
    ),
    // OpenCode loads an agent without a description, and offers it to other agents as one to
    // be called manually only.
    (
        "opencode-agent/missing-field",
        ReadDifferently,
        "No `description`: OpenCode offers the agent to other agents as one to be called manually only.",
    ),
    (
        "opencode-agent/unknown-key",
        Ignored,
        "A key OpenCode does not define: it passes it to the model provider as an option, which ignores options it does not know.",
    ),
    (
        "opencode-agent/unknown-tool",
        Ignored,
        "A `tools` or `permission` key that no OpenCode tool consults: the entry changes nothing.",
    ),
    (
        "opencode-agent/name-mismatch",
        Style,
        "The `name` differs from the file name: OpenCode names the agent by `name`.",
    ),
    // Kilo Code is OpenCode under another name: the same effects, observed with Kilo 7.7.7.
    (
        "kilo-agent/wrong-type",
        NotLoaded,
        "A value of the wrong type, an empty one included: Kilo Code skips the agent (OpenCode would refuse its whole configuration).",
    ),
    (
        "kilo-agent/invalid-value",
        NotLoaded,
        "A value outside the set the schema allows: Kilo Code skips the agent. A sampling value out of range is clamped or sent as written.",
    ),
    (
        "kilo-agent/missing-field",
        ReadDifferently,
        "No `description`: Kilo Code offers the agent to other agents as one to be called manually only.",
    ),
    (
        "kilo-agent/unknown-key",
        Ignored,
        "A key Kilo Code does not define: it passes it to the model provider as an option, which ignores options it does not know.",
    ),
    (
        "kilo-agent/unknown-tool",
        Ignored,
        "A `tools` or `permission` key that no Kilo Code tool consults: the entry changes nothing.",
    ),
    (
        "kilo-agent/name-mismatch",
        Style,
        "The `name` differs from the file name: Kilo Code names the agent by `name`.",
    ),
    (
        "opencode-command/wrong-type",
        BreaksTool,
        "A value of the wrong type, an empty one included: OpenCode refuses its whole configuration, and no agent or command runs.",
    ),
    (
        "opencode-command/unknown-key",
        Ignored,
        "A key OpenCode's commands do not have (`argument-hint`, `allowed-tools` are Claude Code's): OpenCode drops it.",
    ),
    (
        "kilo-agent/claude-style-tools",
        NotLoaded,
        "OpenCode's `tools` written as a Claude Code tool list instead of a `tool: true/false` mapping: Kilo Code skips the agent.",
    ),
    (
        "kilo-command/wrong-type",
        NotLoaded,
        "A value of the wrong type, an empty one included: Kilo Code skips the command (OpenCode would refuse its whole configuration).",
    ),
    (
        "kilo-command/unknown-key",
        Ignored,
        "A key Kilo Code's commands do not have (`argument-hint`, `allowed-tools` are Claude Code's): Kilo Code drops it.",
    ),
];

/// The rule of a code (`claude-agent/unknown-key` finds `/unknown-key`).
pub fn rule(code: &str) -> Option<&'static Rule> {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    let format = code.split('/').next().unwrap_or_default();
    RULES.iter().find(|r| r.code == code).or_else(|| {
        RULES
            .iter()
            .find(|r| r.code == short && (r.formats.is_empty() || r.formats.contains(&format)))
    })
}

/// What a finding of a code claims by default.
pub fn effect(code: &str) -> Effect {
    if let Some((_, e, _)) = FORMAT_EFFECTS.iter().find(|(c, ..)| *c == code) {
        return *e;
    }
    rule(code).map_or(Ignored, |r| r.effect)
}

/// Whether the rule `short` (`/invalid-name`) applies to the format `format`.
pub fn applies(short: &str, format: &str) -> bool {
    RULES
        .iter()
        .any(|r| r.code == short && (r.formats.is_empty() || r.formats.contains(&format)))
}

/// The default severity of a code: the one its effect gives.
pub fn severity(code: &str) -> Severity {
    effect(code).severity()
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
                    let code = format!("{}/{short}", f.id);
                    let severity = effect(&code).severity();
                    let summary = FORMAT_EFFECTS
                        .iter()
                        .find(|(c, ..)| *c == code)
                        .map_or(rule.summary, |(.., s)| *s);
                    out.push((code, severity, summary));
                }
            }
            None => out.push((rule.code.to_string(), rule.effect.severity(), rule.summary)),
        }
    }
    out
}
