//! Claude Code subagents (`.claude/agents/*.md`). Source: "Create custom subagents"
//! (code.claude.com/docs/en/sub-agents), formats.md §4, docs/format-sources.md §3
//! (checked 2026-11-25).

use crate::formats::{Choice, Field, Format, PathRule, ValueKind};

pub(crate) const fn c(value: &'static str, doc: &'static str) -> Choice {
    Choice { value, doc, rgb: None }
}

const fn color(value: &'static str, doc: &'static str, rgb: (u8, u8, u8)) -> Choice {
    Choice {
        value,
        doc,
        rgb: Some(rgb),
    }
}

/// Colours shown in `/agents`; anything else is silently dropped (case-sensitive).
pub static COLORS: &[Choice] = &[
    color(
        "red",
        "Shows the subagent in red in the Claude Code UI.",
        (0xe5, 0x48, 0x4d),
    ),
    color(
        "blue",
        "Shows the subagent in blue in the Claude Code UI.",
        (0x3b, 0x82, 0xf6),
    ),
    color(
        "green",
        "Shows the subagent in green in the Claude Code UI.",
        (0x22, 0xc5, 0x5e),
    ),
    color(
        "yellow",
        "Shows the subagent in yellow in the Claude Code UI.",
        (0xea, 0xb3, 0x08),
    ),
    color(
        "purple",
        "Shows the subagent in purple in the Claude Code UI.",
        (0xa8, 0x55, 0xf7),
    ),
    color(
        "orange",
        "Shows the subagent in orange in the Claude Code UI.",
        (0xf9, 0x73, 0x16),
    ),
    color(
        "pink",
        "Shows the subagent in pink in the Claude Code UI.",
        (0xec, 0x48, 0x99),
    ),
    color(
        "cyan",
        "Shows the subagent in cyan in the Claude Code UI.",
        (0x06, 0xb6, 0xd4),
    ),
];

static PERMISSION_MODES: &[Choice] = &[
    c("default", "Ask for permission as usual."),
    c("manual", "Same as `default`."),
    c("acceptEdits", "Accept file edits without asking."),
    c("plan", "Plan mode: read-only exploration, then a plan."),
    c("auto", "Let the classifier approve safe actions."),
    c("dontAsk", "Deny anything not pre-approved instead of asking."),
    c("bypassPermissions", "Skip all permission checks."),
];

static MEMORY: &[Choice] = &[
    c("user", "Memory shared across all projects (`~/.claude/agent-memory/`)."),
    c("project", "Memory checked into the project (`.claude/agent-memory/`)."),
    c("local", "Project memory kept out of version control."),
];

pub(crate) static EFFORT: &[Choice] = &[
    c("low", "Least thinking."),
    c("medium", "Moderate thinking."),
    c("high", "More thinking."),
    c("xhigh", "Even more thinking."),
    c("max", "Most thinking."),
];

static ISOLATION: &[Choice] = &[
    c(
        "worktree",
        "Run in a temporary git worktree (the project must be a git repository).",
    ),
    c("remote", "Run in a remote sandbox."),
];

pub(crate) const fn f(key: &'static str, value: ValueKind, required: bool, doc: &'static str) -> Field {
    Field {
        key,
        value,
        required,
        doc,
        snippet: None,
        unescapes_newlines: false,
        on_bad: crate::formats::Effect::Ignored,
        on_empty: None,
        scope: crate::formats::Scope::Everywhere,
        checked_remotely: true,
        rejects_null: false,
        overridden_by: None,
        only_with: None,
        replaced_by: None,
        needed_with: None,
        bad_value_then: None,
    }
}

/// A field whose bad value makes Claude Code skip the whole file.
const fn required_for_loading(field: Field) -> Field {
    Field {
        on_bad: crate::formats::Effect::NotLoaded,
        ..field
    }
}

/// A field whose completion starts with `snippet` as its value.
const fn with_snippet(field: Field, snippet: &'static str) -> Field {
    Field {
        snippet: Some(snippet),
        ..field
    }
}

/// Claude Code's `model` field, shared by subagents, commands and skills.
pub(crate) const MODEL: Field = f(
    "model",
    ValueKind::Model,
    false,
    "Model alias (`sonnet`, `opus`, `haiku`, `fable`, `inherit`) or a full model id. Defaults to `inherit`.",
);

pub static FORMAT: Format = Format {
    id: "claude-agent",
    name: "Claude Code subagent",
    noun: "agent",
    docs_url: "https://code.claude.com/docs/en/sub-agents",
    strong_paths: &[PathRule::Under(&[".claude", "agents"], ".md")],
    weak_paths: &[
        PathRule::InDirNamed("agents", ".md"),
        PathRule::InDirNamed("subagents", ".md"),
    ],
    weak_path_keys: &["name", "description"],
    content_all: &["name", "description"],
    content_any: &[
        "tools",
        "disallowedTools",
        "model",
        "color",
        "permissionMode",
        "maxTurns",
        "skills",
        "mcpServers",
        "hooks",
        "memory",
        "background",
        "isolation",
        "effort",
        "initialPrompt",
        "omitClaudeMd",
        "autoCompactWindow",
        "observer",
    ],
    no_front_matter: Some(crate::formats::Effect::NotLoaded),
    body_required: true,
    name_matches: crate::formats::NameMatch::FileStem,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: crate::formats::BodySyntax::NONE,
    kind: crate::formats::Kind::Agent,
    reader: crate::formats::CLAUDE_READER,
    guard_hooks_outside: &["PreToolUse", "PermissionRequest"],
    verified_with: Some(crate::formats::CLAUDE_CODE_VERSION),
    checks: &[],
    fields: &[
        required_for_loading(f(
            "name",
            ValueKind::Name,
            true,
            "Unique identifier of the subagent: text of at most 256 characters, without `:` and not starting with `-`; lowercase letters, digits and hyphens by convention. Claude Code skips a file without it.",
        )),
        // A `|` block: descriptions are long and often hold `: `, which a plain value cannot.
        // The loader replaces literal `\n` with line breaks (`whenToUse.replace(/\\n/g, '\n')`,
        // docs/format-sources.md §3).
        with_snippet(
            Field {
                unescapes_newlines: true,
                ..required_for_loading(f(
                    "description",
                    ValueKind::Text,
                    true,
                    "When Claude should delegate to this subagent. Claude reads it to decide; `<example>` blocks inside it are a convention. Literal `\\n` sequences in it are read as line breaks. It must be text: Claude Code skips a file whose description is missing, empty, a number or a list.",
                ))
            },
            "|\n  $0",
        ),
        f(
            "tools",
            ValueKind::Tools,
            false,
            "Tools the subagent may use, as a comma-separated string or a YAML list. Omit it to inherit every tool; an empty value gives it none. Items: tool names, `mcp__server__tool`, permission rules such as `Bash(git diff:*)`.",
        ),
        f(
            "disallowedTools",
            ValueKind::Tools,
            false,
            "Tools removed from the inherited or listed set. An entry with a rule (`Bash(git push *)`) removes the whole tool.",
        ),
        MODEL,
        f(
            "permissionMode",
            ValueKind::OneOf(PERMISSION_MODES),
            false,
            "How the subagent handles permission prompts. Ignored for plugin agents.",
        ),
        f(
            "maxTurns",
            ValueKind::Count { min: 1 },
            false,
            "Maximum number of agentic turns before the subagent stops: a whole number of at least 1 (text such as `\"5\"` is read as a number).",
        ),
        f(
            "skills",
            ValueKind::StringOrList,
            false,
            "Skills loaded into the subagent's context at start-up.",
        ),
        f(
            "mcpServers",
            ValueKind::McpServers,
            false,
            "MCP servers for this subagent: names of configured servers, or inline `{name: config}` definitions. Ignored for plugin agents.",
        ),
        required_for_loading(f(
            "hooks",
            ValueKind::Mapping,
            false,
            "Lifecycle hooks scoped to this subagent (`PreToolUse`, `PostToolUse`, `Stop`, …), shaped like settings.json hooks. A `hooks` that is not a mapping of events makes Claude Code skip the agent. Hooks of a project agent run only once the project folder is trusted; ignored for plugin agents.",
        )),
        f("memory", ValueKind::OneOf(MEMORY), false, "Persistent memory scope."),
        f(
            "background",
            ValueKind::Flag,
            false,
            "Always run this subagent as a background task (`true`, `false`, or the same as text).",
        ),
        f(
            "effort",
            ValueKind::Effort(EFFORT),
            false,
            "Reasoning effort for this subagent: `low`, `medium` (or `med`), `high`, `xhigh`, `max` in any case, or a whole number.",
        ),
        f(
            "isolation",
            ValueKind::OneOf(ISOLATION),
            false,
            "`worktree` runs the subagent in a temporary git worktree.",
        ),
        f(
            "color",
            ValueKind::OneOf(COLORS),
            false,
            "Colour of the subagent in the UI: red, blue, green, yellow, purple, orange, pink or cyan.",
        ),
        f(
            "initialPrompt",
            ValueKind::Text,
            false,
            "First user turn when the agent runs as the main session (`claude --agent`).",
        ),
        f(
            "omitClaudeMd",
            ValueKind::Flag,
            false,
            "Do not load the user, project and local CLAUDE.md files into this subagent; managed policy files are kept (Claude Code 2.1.271+).",
        ),
        f(
            "autoCompactWindow",
            ValueKind::Count { min: 100_000 },
            false,
            "Auto-compact window for this subagent, in tokens: a whole number of at least 100000. Overrides the window it would inherit.",
        ),
        f(
            "observer",
            ValueKind::Text,
            false,
            "Agent type spawned as a background observer whenever this agent runs, or a comma-separated list of up to four.",
        ),
        f(
            "observerMessage",
            ValueKind::Text,
            false,
            "Text appended to each activity digest sent to the observer.",
        ),
        f(
            "observeSubagents",
            ValueKind::Flag,
            false,
            "On an observer's own definition: `false` leaves the subagents' activity out of its digests.",
        ),
        f(
            "observeToolResults",
            ValueKind::Flag,
            false,
            "On an observer's own definition: `false` leaves tool results out of its digests.",
        ),
        f(
            "experimental",
            ValueKind::Mapping,
            false,
            "Experimental settings; only `cacheTtl: 5m | 1h` is read.",
        ),
    ],
};
