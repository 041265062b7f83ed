//! OpenCode agents (`.opencode/agent(s)/**/*.md`, `~/.config/opencode/agent(s)/**/*.md`).
//!
//! Every fact here was observed with OpenCode 1.18.33 (`truth/recorded/opencode@1.18.33.jsonl`;
//! docs/format-sources.md, "OpenCode 1.18.33, verified by recording"):
//! - The agent is named by its path below `agent/` without `.md` (`team/review`), unless the
//!   front matter has a `name`, which wins.
//! - The front matter is read by gray-matter with js-yaml 3 ([`READER`]): a front matter it
//!   cannot read leaves the agent with no keys and the whole file as its prompt, or skips the
//!   file silently when OpenCode's retry changed the text and it still fails.
//! - The keys are checked against a schema: one value of the wrong type, an empty one
//!   (`key:`, YAML null) included, makes OpenCode refuse its whole configuration
//!   ("Configuration is invalid"), and no agent runs ([`crate::formats::Effect::BreaksTool`]).
//! - Keys it does not know are provider options: they go to `options` and are sent to the
//!   model provider, which ignores the ones it does not know.

// The entry types are those of the catalog shape (`formats::product`), under the names
// this module gave them before products were values.
use crate::formats::claude_agent::{c, f};
pub use crate::formats::product::ToolPermission as Permission;
use crate::formats::{
    BodySyntax, BuiltinAgent, Choice, Delegation, Effect, Field, Format, Kind, NameMatch, PathRule, ValueKind,
};

/// The OpenCode release these facts were checked against (`truth/tools.toml`; a test in
/// `truth/` keeps the two equal).
pub const VERSION: &str = "OpenCode 1.18.33";

/// gray-matter 4 with js-yaml 3's `safeLoad`, and OpenCode's `fallbackSanitization` retry.
pub const READER: crate::syntax::reader::Reader = crate::syntax::reader::Reader {
    split: crate::syntax::reader::Split::GrayMatter,
    parser: crate::syntax::reader::Parser::Yaml(crate::syntax::yaml::Retry::SanitizeColons),
    dialect: crate::syntax::yaml::Dialect::JsYaml3,
};

pub(crate) static MODES: &[Choice] = &[
    c(
        "primary",
        "A main agent you switch to with Tab; not offered to other agents.",
    ),
    c(
        "subagent",
        "Run by other agents through the `task` tool, or with `@name`; cannot be the main agent.",
    ),
    c("all", "Both (the default)."),
];

/// The theme colours `color` takes besides `#rrggbb`; any other word is a configuration error.
pub static COLORS: &[Choice] = &[
    c("primary", "The theme's primary colour."),
    c("secondary", "The theme's secondary colour."),
    c("accent", "The theme's accent colour."),
    c("success", "The theme's success colour."),
    c("warning", "The theme's warning colour."),
    c("error", "The theme's error colour."),
    c("info", "The theme's info colour."),
];

/// The built-in tools OpenCode 1.18.33 gives an agent (`opencode run` with an Anthropic
/// model): the keys of `tools` that have an effect.
pub static TOOLS: &[(&str, &str)] = &[
    ("bash", "Run shell commands."),
    ("read", "Read files and directories."),
    ("glob", "Find files by pattern."),
    ("grep", "Search file contents."),
    ("edit", "Edit files (permission `edit`)."),
    ("write", "Create or overwrite files (permission `edit`)."),
    ("task", "Start a subagent."),
    ("webfetch", "Fetch a web page."),
    ("todowrite", "Update the todo list."),
    ("skill", "Load a skill."),
];

/// Built-in tools OpenCode 1.18.33 offers only in some sessions: real ids, which the harness's
/// run does not show.
pub static SESSION_TOOLS: &[(&str, &str)] = &[
    (
        "websearch",
        "Search the web: with the `opencode` provider or Exa search enabled.",
    ),
    (
        "question",
        "Ask the user a question: in the app, the desktop client, or with `OPENCODE_ENABLE_QUESTION_TOOL`.",
    ),
    (
        "apply_patch",
        "Apply a patch (permission `edit`): for OpenAI models, instead of `edit` and `write`.",
    ),
    ("lsp", "Language server queries: with `OPENCODE_EXPERIMENTAL_LSP_TOOL`."),
    ("plan_exit", "Leave plan mode: with the experimental plan mode."),
];

/// The agents OpenCode 1.18.33 ships (`opencode agent list` in an empty project), which a
/// command's `agent` may name without a file; `compaction`, `summary` and `title` are hidden
/// helpers.
pub static BUILTIN_AGENTS: &[BuiltinAgent] = &[
    b("build", "OpenCode's default primary agent, with every tool."),
    b("plan", "OpenCode's planning agent: edits and shell commands ask first."),
    b("general", "OpenCode's general-purpose subagent."),
    b("explore", "OpenCode's read-only subagent for exploring the codebase."),
    b("compaction", "OpenCode's hidden agent that compacts a long session."),
    b("summary", "OpenCode's hidden agent that summarises a session."),
    b("title", "OpenCode's hidden agent that titles a session."),
];

pub(crate) const fn b(name: &'static str, doc: &'static str) -> BuiltinAgent {
    BuiltinAgent {
        name,
        doc,
        runs_tools: true,
    }
}

const fn p(key: &'static str, patterns: bool, doc: &'static str) -> Permission {
    Permission { key, patterns, doc }
}

/// The permissions OpenCode 1.18.33 asks for (the keys of `permission` that have an effect).
pub static PERMISSIONS: &[Permission] = &[
    p("read", true, "Reading files; patterns are paths (`*.env`)."),
    p("edit", true, "Editing, writing and patching files; patterns are paths."),
    p("glob", true, "Finding files; patterns are glob patterns."),
    p(
        "grep",
        true,
        "Searching file contents; patterns are regular expressions.",
    ),
    p("bash", true, "Running commands; patterns are commands (`git *`)."),
    p("task", true, "Starting subagents; patterns are agent names."),
    p("skill", true, "Loading skills; patterns are skill names."),
    p("lsp", true, "Language server queries."),
    p(
        "external_directory",
        true,
        "Touching files outside the project; patterns are paths.",
    ),
    p("todowrite", false, "Updating the todo list."),
    p("question", false, "Asking the user a question."),
    p("webfetch", false, "Fetching web pages."),
    p("websearch", false, "Searching the web."),
    p(
        "doom_loop",
        false,
        "Going on after the same tool call repeats three times.",
    ),
    p("plan_enter", true, "Entering plan mode (experimental)."),
    p("plan_exit", true, "Leaving plan mode (experimental)."),
];

/// Keys of `tools` and `permission` that OpenCode 1.18.33 accepts and never consults: no
/// tool asks for that permission. With what to write instead, when there is something.
pub static NO_EFFECT: &[(&str, &str, Option<&str>)] = &[
    (
        "write",
        "OpenCode asks the `edit` permission for writing files",
        Some("edit"),
    ),
    (
        "patch",
        "OpenCode asks the `edit` permission for patching files",
        Some("edit"),
    ),
    (
        "apply_patch",
        "OpenCode asks the `edit` permission for patching files",
        Some("edit"),
    ),
    (
        "list",
        "no tool of OpenCode 1.18.33 asks for `list` (directories are read with `read`)",
        Some("read"),
    ),
    ("todoread", "OpenCode 1.18.33 has no `todoread` tool", None),
];

/// In `tools`, `write`, `edit` and `patch` all stand for the `edit` permission.
pub static TOOLS_AS_EDIT: &[&str] = &["write", "edit", "patch"];

pub static PERMISSION_VALUES: &[Choice] = &[
    c("allow", "Run without asking."),
    c("ask", "Ask before running."),
    c("deny", "Never run."),
];

/// Keys of other tools' agents that people copy into OpenCode agents, with OpenCode's key for
/// the same thing.
pub static FOREIGN_KEYS: &[(&str, &str, &str)] = &[
    ("maxTurns", "steps", "Claude Code"),
    ("permissionMode", "permission", "Claude Code"),
    ("disallowedTools", "permission", "Claude Code"),
    ("allowed-tools", "permission", "Claude Code"),
    ("effort", "variant", "Claude Code"),
];

/// The `task` tool lists every agent whose `mode` is not `primary` and that is not `hidden`,
/// as `name: description`; without a description, as the text below.
pub static DELEGATION: Delegation = Delegation {
    description_key: "description",
    mode_key: "mode",
    not_offered: &["primary"],
    hidden_key: "hidden",
    undescribed: "This subagent should only be called manually by the user.",
};

/// Sampling values a provider clamps for its models: `(key, model prefix, low, high)`. The
/// Anthropic provider sends `temperature: 3` as 1 and `-1` as 0; `top_p` goes as written.
pub static CLAMPED: &[(&str, &str, f64, f64)] = &[("temperature", "anthropic/", 0.0, 1.0)];

/// The Anthropic models of the catalogue OpenCode 1.18.33 ships (`opencode models anthropic`,
/// recorded as `mutation/opencode-agent/catalog/models`): another `anthropic/…` id is not
/// found, and every run fails with `ProviderModelNotFoundError`.
pub static ANTHROPIC_MODELS: &[&str] = &[
    "claude-fable-5",
    "claude-fable-5-1",
    "claude-haiku-4-5",
    "claude-haiku-4-5-20251001",
    "claude-opus-4-5",
    "claude-opus-4-5-20251101",
    "claude-opus-4-6",
    "claude-opus-4-7",
    "claude-opus-4-8",
    "claude-opus-4-8-fast",
    "claude-opus-5",
    "claude-opus-5-5",
    "claude-opus-5-5-fast",
    "claude-opus-5-fast",
    "claude-sonnet-4-5",
    "claude-sonnet-4-5-20250929",
    "claude-sonnet-4-6",
    "claude-sonnet-5",
];

/// A key checked by the schema, whose bad value (an empty one included) has `effect`: OpenCode
/// refuses its configuration, Kilo Code skips the file.
pub(crate) const fn strict_as(effect: Effect, field: Field) -> Field {
    Field {
        on_bad: effect,
        rejects_null: true,
        ..field
    }
}

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
    // A file without a front matter is an agent with the defaults and the whole file as its
    // prompt.
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::FileStem,
    product: &crate::formats::opencode::PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Agent,
    reader: READER,
    guard_hooks_outside: &[],
    verified_with: Some(VERSION),
    checks: &[],
    fields: FIELDS,
};

/// The keys of an OpenCode agent, with what a bad value does (`$bad`; `$name_bad` for `name`):
/// OpenCode refuses its configuration, its fork Kilo Code skips the file.
macro_rules! agent_fields {
    ($bad:expr, $name_bad:expr) => {
        &[
    strict_as($bad, f(
        "description",
        ValueKind::Text,
        false,
        "What the agent does and when to use it: the `task` tool shows it to other agents, which decide by it whether to start this one. Without it they are told the agent \"should only be called manually by the user\".",
    )),
    strict_as($bad, f(
        "mode",
        ValueKind::OneOf(MODES),
        false,
        "`primary`, `subagent` or `all` (the default).",
    )),
    strict_as($bad, f(
        "model",
        ValueKind::Model,
        false,
        "`provider/model-id`, e.g. `anthropic/claude-sonnet-4-5`. Omitted: the configured model.",
    )),
    Field {
        only_with: Some("model"),
        ..strict_as($bad, f(
            "variant",
            ValueKind::Text,
            false,
            "The model variant (`high`, `max`…); used only together with this agent's own `model`.",
        ))
    },
    strict_as($bad, f(
        "temperature",
        ValueKind::Number { max: 1 },
        false,
        "Randomness, a number; the Anthropic provider clamps it to 0–1, other providers take up to 2.",
    )),
    strict_as($bad, f(
        "top_p",
        ValueKind::Number { max: 1 },
        false,
        "Nucleus sampling, 0–1; sent as written.",
    )),
    strict_as($bad, f(
        "steps",
        ValueKind::PositiveInt,
        false,
        "Most agentic iterations before the agent must answer: a whole number of at least 1.",
    )),
    Field {
        replaced_by: Some("steps"),
        ..strict_as($bad, f(
            "maxSteps",
            ValueKind::PositiveInt,
            false,
            "Deprecated name of `steps`, still read when `steps` is absent.",
        ))
    },
    strict_as($bad, f(
        "permission",
        ValueKind::Permission,
        false,
        "`allow`, `ask` or `deny` for every tool, or per permission (`edit: deny`); `read`, `edit`, `glob`, `grep`, `bash`, `task`, `skill`, `lsp` and `external_directory` also take a mapping of patterns to actions (`\"git *\": allow`), where the last match wins.",
    )),
    Field {
        replaced_by: Some("permission"),
        ..strict_as($bad, f(
            "tools",
            ValueKind::ToolMap,
            false,
            "Deprecated: a mapping of tool id to `true`/`false`, which OpenCode turns into `permission` rules (`write: false` is `edit: deny`).",
        ))
    },
    strict_as($bad, f(
        "options",
        ValueKind::Mapping,
        false,
        "Options passed to the model provider (`thinking: {type: enabled, budgetTokens: 2048}` for Anthropic). Keys OpenCode does not know end up here too.",
    )),
    strict_as($bad, f("disable", ValueKind::Bool, false, "`true` removes the agent.")),
    strict_as($bad, f(
        "hidden",
        ValueKind::Bool,
        false,
        "`true` hides a subagent from the `@` menu and from the agents the `task` tool offers.",
    )),
    strict_as($bad, f(
        "color",
        ValueKind::Color(COLORS),
        false,
        "The agent's colour in the UI: `#rrggbb` or a theme colour (`primary`, `secondary`, `accent`, `success`, `warning`, `error`, `info`).",
    )),
    Field {
        on_bad: $name_bad,
        ..f(
            "name",
            ValueKind::Name,
            false,
            "The agent's name, instead of the file's. Text only: a number or a list makes every run fail.",
        )
    },
    Field {
        overridden_by: Some("the body"),
        ..f(
            "prompt",
            ValueKind::Text,
            false,
            "In a Markdown agent the body is the prompt, and this key is ignored (`prompt` is for agents in `opencode.json`).",
        )
    },
]
    };
}
pub(crate) use agent_fields;

/// The keys of an OpenCode agent.
pub const FIELDS: &[Field] = agent_fields!(Effect::BreaksTool, Effect::BreaksTool);
