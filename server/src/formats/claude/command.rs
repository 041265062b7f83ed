//! Claude Code slash commands (`.claude/commands/**/*.md`, plugin `commands/`). Since Claude
//! Code merged commands into skills, a command file takes the same front matter as a skill's
//! `SKILL.md` (Claude Code docs "Extend Claude with skills", code.claude.com/docs/en/skills;
//! formats.md §5; docs/format-sources.md §6, checked 2026-11-25). Every key is optional.

use crate::formats::claude_agent::{EFFORT, MODEL, c, f};
use crate::formats::{BodySyntax, Choice, Field, Format, Kind, NameMatch, PathRule, ValueKind};

static CONTEXT: &[Choice] = &[c(
    "fork",
    "Run in a forked subagent context (the subagent type comes from `agent`).",
)];

pub(crate) const DESCRIPTION: Field = f(
    "description",
    ValueKind::Text,
    false,
    "What the command does, shown in `/help` and read by Claude to decide when to use it. Defaults to the first line of the body.",
);
pub(crate) const ALLOWED_TOOLS: Field = f(
    "allowed-tools",
    ValueKind::Tools,
    false,
    "Tools Claude may use without asking while this runs, as permission rules: `Read`, `Bash(git add:*)`, `Bash(git *)`, `mcp__server__tool`. Comma- or space-separated, or a YAML list. A `` !`command` `` line in the body needs a matching `Bash` rule here.",
);
pub(crate) const ARGUMENT_HINT: Field = f(
    "argument-hint",
    ValueKind::Text,
    false,
    "The arguments shown after the name in the `/` menu, e.g. `[pr-number] [priority]`. The body reads them as `$ARGUMENTS` or `$1`, `$2`…",
);
pub(crate) const DISABLE_MODEL_INVOCATION: Field = f(
    "disable-model-invocation",
    ValueKind::Bool,
    false,
    "`true`: only the user can run it (with `/name`); Claude never invokes it on its own.",
);
pub(crate) const USER_INVOCABLE: Field = f(
    "user-invocable",
    ValueKind::Bool,
    false,
    "`false` hides it from the `/` menu: background knowledge Claude loads when relevant.",
);
pub(crate) const EFFORT_FIELD: Field = f(
    "effort",
    ValueKind::OneOf(EFFORT),
    false,
    "Reasoning effort while this runs.",
);
pub(crate) const CONTEXT_FIELD: Field = f(
    "context",
    ValueKind::OneOf(CONTEXT),
    false,
    "`fork` runs it in an isolated subagent context instead of the main conversation.",
);
pub(crate) const AGENT: Field = f(
    "agent",
    ValueKind::Text,
    false,
    "The subagent type used with `context: fork` (default `general-purpose`): a built-in type or a custom agent's `name`.",
);
pub(crate) const HOOKS: Field = f(
    "hooks",
    ValueKind::Mapping,
    false,
    "Lifecycle hooks active while this runs, shaped like settings.json hooks.",
);
pub(crate) const PATHS: Field = f(
    "paths",
    ValueKind::Globs,
    false,
    "Globs of files that make Claude load this automatically when it works on them.",
);
pub(crate) const NAME: Field = f(
    "name",
    ValueKind::Text,
    false,
    "Display name and `/name` identifier. Defaults to the file (or skill folder) name.",
);
pub(crate) const WHEN_TO_USE: Field = f(
    "when_to_use",
    ValueKind::Text,
    false,
    "Extra guidance for Claude on when to invoke it, added to `description`.",
);

/// `commands/gsd/plan.md` is `/gsd:plan`.
pub static NAMING: crate::formats::CommandNaming = crate::formats::CommandNaming {
    folders: &["commands"],
    separator: ":",
    name_key: None,
};

pub static FORMAT: Format = Format {
    id: "claude-command",
    name: "Claude Code slash command",
    noun: "command",
    docs_url: "https://code.claude.com/docs/en/slash-commands",
    strong_paths: &[
        PathRule::Under(&[".claude", "commands"], ".md"),
        PathRule::InDirNamed("commands", ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    // Detected by content through `detect::looks_like_command` (no `name`, `$ARGUMENTS`).
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &crate::formats::claude::PRODUCT,
    body_syntax: BodySyntax {
        arguments: Some(crate::formats::CLAUDE_ARGUMENTS),
        shell: true,
        expands_in_code: true,
        at_paths: true,
        file_refs: false,
        bracketed_file_refs: None,
        template_inputs: None,
    },
    kind: Kind::Command,
    reader: crate::formats::CLAUDE_READER,
    guard_hooks_outside: &[],
    verified_with: Some(crate::formats::CLAUDE_CODE_VERSION),
    checks: &[],
    fields: &[
        DESCRIPTION,
        ARGUMENT_HINT,
        ALLOWED_TOOLS,
        MODEL,
        DISABLE_MODEL_INVOCATION,
        USER_INVOCABLE,
        NAME,
        WHEN_TO_USE,
        EFFORT_FIELD,
        CONTEXT_FIELD,
        AGENT,
        HOOKS,
        PATHS,
    ],
};
