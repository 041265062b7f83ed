//! OpenCode agents (`.opencode/agent(s)/*.md`, `~/.config/opencode/agent(s)/*.md`). The file
//! name is the agent's name. Source: opencode docs "Agents" (opencode.ai/docs/agents), formats.md
//! §11; docs/format-sources.md §10 (checked 2026-11-25).

use super::claude_agent::{c, f};
use super::{BodySyntax, Choice, Format, Kind, NameMatch, PathRule, ValueKind, Vocab};

static MODES: &[Choice] = &[
    c("primary", "A main agent you switch to with Tab."),
    c(
        "subagent",
        "Run by other agents through the task tool, or with `@name`.",
    ),
    c("all", "Both (the default)."),
];

/// OpenCode's built-in tool ids (keys of `tools`, `permission`).
pub static TOOLS: &[(&str, &str)] = &[
    ("bash", "Run shell commands."),
    ("edit", "Edit files."),
    ("write", "Create or overwrite files."),
    ("read", "Read files."),
    ("grep", "Search file contents."),
    ("glob", "Find files by pattern."),
    ("list", "List a directory."),
    ("patch", "Apply patches."),
    ("todowrite", "Update the todo list."),
    ("todoread", "Read the todo list."),
    ("webfetch", "Fetch a web page."),
    ("websearch", "Search the web."),
    ("task", "Run a subagent."),
    ("skill", "Load a skill."),
    ("lsp", "Language server queries."),
    ("question", "Ask the user a question."),
];

/// Keys of `permission` besides tool ids.
pub static PERMISSION_KEYS: &[&str] = &["external_directory", "doom_loop"];

pub static PERMISSION_VALUES: &[Choice] = &[
    c("allow", "Run without asking."),
    c("ask", "Ask before running."),
    c("deny", "Never run."),
];

pub static FORMAT: Format = Format {
    id: "opencode-agent",
    name: "OpenCode agent",
    noun: "agent",
    docs_url: "https://opencode.ai/docs/agents",
    strong_paths: &[
        PathRule::Under(&[".opencode", "agent"], ".md"),
        PathRule::Under(&[".opencode", "agents"], ".md"),
        PathRule::Under(&["opencode", "agent"], ".md"),
        PathRule::Under(&["opencode", "agents"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: Some(super::Effect::NotLoaded),
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: "OpenCode",
    vocab: Vocab::OpenCode,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Agent,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    fields: &[
        f(
            "description",
            ValueKind::Text,
            true,
            "What the agent does and when to use it. Required.",
        ),
        f("mode", ValueKind::OneOf(MODES), false, "How the agent can be used."),
        f(
            "model",
            ValueKind::Model,
            false,
            "`provider/model-id`, e.g. `anthropic/claude-sonnet-4-5`. Omitted: the primary agent's model (subagents) or the configured one.",
        ),
        f(
            "temperature",
            ValueKind::Number { max: 2 },
            false,
            "Randomness, usually 0.0–1.0 (low: focused, high: creative).",
        ),
        f(
            "top_p",
            ValueKind::Number { max: 1 },
            false,
            "Nucleus sampling, 0.0–1.0.",
        ),
        f(
            "tools",
            ValueKind::ToolMap,
            false,
            "Tools to turn on or off: a mapping of tool id to `true`/`false` (`write: false`, `mcp_*: false`). Deprecated in favour of `permission`.",
        ),
        f(
            "permission",
            ValueKind::Permission,
            false,
            "`allow`, `ask` or `deny` per tool (`edit: deny`); `bash` may map command globs to those values (`\"git *\": allow`).",
        ),
        f(
            "prompt",
            ValueKind::Text,
            false,
            "The system prompt or `{file:./path}`; in a Markdown agent the body is the prompt.",
        ),
        f(
            "maxSteps",
            ValueKind::PositiveInt,
            false,
            "Most agentic iterations before the agent must answer.",
        ),
        f("disable", ValueKind::Bool, false, "`true` turns the agent off."),
        f(
            "hidden",
            ValueKind::Bool,
            false,
            "`true` hides a subagent from the `@` menu.",
        ),
        f(
            "color",
            ValueKind::Text,
            false,
            "The agent's colour in the UI, as `#rrggbb`.",
        ),
    ],
};
