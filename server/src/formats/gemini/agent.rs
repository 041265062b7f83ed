//! Gemini CLI subagents (`.gemini/agents/*.md`, `~/.gemini/agents/*.md`), as Gemini CLI 0.61.0
//! loads them (`truth/gemini/FINDINGS.md`): the front matter regex ([`READER`]), js-yaml 4
//! (`load`: a duplicate key is an error), and a `.strict()` schema, so that every bad value and
//! every unknown key drops the agent with `Failed to load agent from PATH: …`.

use crate::formats::claude_agent::{c, f};
use crate::formats::{BodySyntax, Choice, Effect, Field, Format, Kind, NameMatch, PathRule, ValueKind};

/// The front matter regex `^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n([\s\S]*))?` and js-yaml 4, which
/// reads strict YAML 1.2 with no retry.
pub const READER: crate::syntax::reader::Reader = crate::syntax::reader::Reader {
    split: crate::syntax::reader::Split::DashLineStart,
    parser: crate::syntax::reader::Parser::Yaml(crate::syntax::yaml::Retry::None),
    dialect: crate::syntax::yaml::Dialect::JsYaml4,
};

static KINDS: &[Choice] = &[
    c(
        "local",
        "A subagent run by Gemini CLI with this file's prompt (the default).",
    ),
    c(
        "remote",
        "A remote (A2A) agent, described by `agent_card_url` or `agent_card_json`.",
    ),
];

/// Keys of Claude Code agents people copy into Gemini agents, with Gemini CLI's key.
pub static FOREIGN_KEYS: &[(&str, &str, &str)] = &[
    ("mcpServers", "mcp_servers", "Claude Code"),
    ("maxTurns", "max_turns", "Claude Code"),
    ("displayName", "display_name", "Gemini CLI's docs"),
    ("timeoutMins", "timeout_mins", "Gemini CLI's docs"),
];

/// The body is the system prompt, run through `templateString` (`/\$\{(\w+)\}/g`, code
/// included) with the invocation's inputs: a Markdown agent's `query`, and the `cliVersion`,
/// `activeModel` and `today` Gemini CLI 0.61.0 adds. Any other `${name}` throws "Template
/// validation failed: Missing required input parameters", so every invocation fails
/// (`mutation/gemini-agent/body/unknown-placeholder`).
pub const BODY_SYNTAX: BodySyntax = BodySyntax {
    template_inputs: Some(&["query", "cliVersion", "activeModel", "today"]),
    ..BodySyntax::NONE
};

/// Every key is checked by the schema: a bad value, an empty one included, drops the agent.
const fn strict(field: Field) -> Field {
    Field {
        on_bad: Effect::NotLoaded,
        rejects_null: true,
        ..field
    }
}

pub static FORMAT: Format = Format {
    id: "gemini-agent",
    name: "Gemini CLI subagent",
    noun: "agent",
    docs_url: "https://github.com/google-gemini/gemini-cli/blob/main/docs/core/subagents.md",
    // Detected anywhere below `.gemini/agents/`, so that a file Gemini CLI skips there (in a
    // subfolder, or named `_x.md`) is told so instead of being read as another tool's agent.
    strong_paths: &[PathRule::Directly(&[".gemini", "agents"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: Some(Effect::NotLoaded),
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BODY_SYNTAX,
    kind: Kind::Agent,
    reader: READER,
    verified_with: Some(super::VERSION),
    checks: &[],
    guard_hooks_outside: &[],
    fields: &[
        strict(f(
            "name",
            ValueKind::Slug,
            true,
            "The agent's name: lowercase letters, digits, `-` and `_` only (`^[a-z0-9-_]+$`). It need not equal the file name; a name another agent (or a built-in one: `generalist`, `codebase_investigator`, `cli_help`) already has drops this file.",
        )),
        strict(f(
            "description",
            ValueKind::Text,
            true,
            "What the agent does: the main model sees it, with the name, in its list of subagents and picks agents by it.",
        )),
        strict(f(
            "kind",
            ValueKind::OneOf(KINDS),
            false,
            "`local` (the default) or `remote`, exactly.",
        )),
        strict(f(
            "display_name",
            ValueKind::Text,
            false,
            "A name for the UI; the model does not see it.",
        )),
        strict(f(
            "tools",
            ValueKind::Tools,
            false,
            "A YAML list of Gemini CLI tool names (`[read_file, grep_search]`), `*` for all, `mcp_<server>_<tool>` or `mcp_<server>_*` for MCP tools. A comma-separated string drops the agent. Without it the agent gets the session's tools.",
        )),
        strict(f(
            "mcp_servers",
            ValueKind::Mapping,
            false,
            "MCP servers of this agent: a mapping of name to `{command, args, env, cwd}` or `{url, type: sse|http, headers}`.",
        )),
        strict(f(
            "model",
            ValueKind::Model,
            false,
            "A Gemini model id or alias (`pro`, `flash`, `flash-lite`, `auto`, `inherit`). Absent, `inherit` or empty: the session's model. Any other text is sent to the API as the model id.",
        )),
        Field {
            overridden_by: Some(
                "the model's default temperature (the subagent's request carries `temperature: 1` whatever the file says)",
            ),
            ..strict(f(
                "temperature",
                ValueKind::Number { max: 2 },
                false,
                "A number. Gemini CLI 0.61.0 validates it but sends the model's default temperature: it has no effect.",
            ))
        },
        strict(f(
            "max_turns",
            ValueKind::PositiveInt,
            false,
            "Most turns the agent may take: a whole number of at least 1 (default 30).",
        )),
        strict(f(
            "timeout_mins",
            ValueKind::PositiveInt,
            false,
            "Minutes the agent may run: a whole number of at least 1 (default 10).",
        )),
        strict(f(
            "agent_card_url",
            ValueKind::Text,
            false,
            "A remote agent's card URL (`kind: remote`).",
        )),
        strict(f(
            "agent_card_json",
            ValueKind::Text,
            false,
            "A remote agent's card as a JSON string (`kind: remote`).",
        )),
        strict(f(
            "auth",
            ValueKind::Mapping,
            false,
            "A remote agent's authentication (`type: apiKey|http|google-credentials|oauth`).",
        )),
    ],
};
