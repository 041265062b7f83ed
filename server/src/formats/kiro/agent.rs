//! Kiro custom agents in Markdown: `.kiro/agents/*.md` and `~/.kiro/agents/*.md`, read by the
//! Kiro IDE and by kiro-cli v3. The front matter configures the agent; the body is its system
//! prompt. JSON agents (`<name>.json`) still load in the CLI and are not this format.
//!
//! Sources (docs/format-sources.md, "Kiro", read 2026-12-01): Kiro docs "Subagents"
//! (kiro.dev/docs/chat/subagents, cited in jnMetaCode/agency-agents-zh#65) and the agent
//! configuration reference (kiro.dev/docs/cli/custom-agents/configuration-reference, as captured
//! by syllago.dev in April 2026, a third party); kirodotdev/KiroCrew#11152 for Markdown agents
//! in kiro-cli v3. How sure each fact is: truth/FINDINGS-kiro-windsurf.md §2. Kiro cannot be run
//! here.
//!
//! Tool names and models are text for now: agentls has no Kiro vocabulary, so it checks no
//! tool or model name (and says so in hover).

use crate::formats::claude_agent::f;
use crate::formats::{BodySyntax, Field, Format, Kind, NameMatch, PathRule, ValueKind};

static FIELDS: &[Field] = &[
    f(
        "name",
        ValueKind::Text,
        false,
        "The agent's name, as chosen in Kiro's agent picker and by other agents.",
    ),
    f(
        "description",
        ValueKind::Text,
        false,
        "What the agent does and when to use it.",
    ),
    f(
        "model",
        ValueKind::Text,
        false,
        "The model the agent runs with (a Kiro model id). agentls reads it as text: it has no list of Kiro's tools or models, so it checks no name here.",
    ),
    f(
        "tools",
        ValueKind::StringOrList,
        false,
        "The tools the agent may use: `*` for all, `@builtin` for the built-in ones, `@server` for an MCP server's, or tool ids. agentls reads it as text: it has no list of Kiro's tools or models, so it checks no name here.",
    ),
    f(
        "allowedTools",
        ValueKind::StringOrList,
        false,
        "Tools the agent may use without asking; globs allowed, `*` not. agentls reads it as text: it has no list of Kiro's tools or models, so it checks no name here.",
    ),
    f(
        "toolAliases",
        ValueKind::Mapping,
        false,
        "Other names for tools: a mapping of tool id to alias.",
    ),
    f(
        "toolsSettings",
        ValueKind::Mapping,
        false,
        "Settings per tool (allowed paths, commands): a mapping of tool id to its settings.",
    ),
    f(
        "mcpServers",
        ValueKind::Mapping,
        false,
        "MCP servers of this agent: a mapping of server name to its configuration.",
    ),
    f(
        "includeMcpJson",
        ValueKind::Bool,
        false,
        "`true`: the agent also gets the MCP servers of the workspace's and the user's `mcp.json`.",
    ),
    f(
        "includePowers",
        ValueKind::Bool,
        false,
        "`true`: the agent also gets the installed Powers.",
    ),
    f(
        "resources",
        ValueKind::StringOrList,
        false,
        "Context the agent loads: `file://` paths and globs (steering is included only when listed, e.g. `file://.kiro/steering/**/*.md`), `skill://` skills, knowledge bases.",
    ),
    f(
        "hooks",
        ValueKind::Mapping,
        false,
        "Commands run at agent events (`agentSpawn`, `userPromptSubmit`, `preToolUse`, `postToolUse`, `stop`).",
    ),
    f(
        "keyboardShortcut",
        ValueKind::Text,
        false,
        "A shortcut that switches to this agent in kiro-cli.",
    ),
    f(
        "welcomeMessage",
        ValueKind::Text,
        false,
        "Shown when you switch to this agent.",
    ),
    f(
        "prompt",
        ValueKind::Text,
        false,
        "The system prompt, inline or as `file://…`; in a Markdown agent the body is the prompt.",
    ),
    // Named by agentls's landscape notes, not by the April 2026 reference (unverified): known,
    // so that no finding claims Kiro ignores them.
    f(
        "excludedTools",
        ValueKind::StringOrList,
        false,
        "Tools the agent may not use (named by newer notes, not by the April 2026 configuration reference: unverified).",
    ),
    f(
        "permissions",
        ValueKind::Any,
        false,
        "A list of `{capability, effect, match}` rules (named by newer notes as the successor of `toolsSettings` and `allowedTools`: unverified).",
    ),
];

pub static FORMAT: Format = Format {
    id: "kiro-agent",
    name: "Kiro custom agent",
    noun: "agent",
    docs_url: "https://kiro.dev/docs/chat/subagents/",
    strong_paths: &[PathRule::Under(&[".kiro", "agents"], ".md")],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &super::PRODUCT,
    body_syntax: BodySyntax::NONE,
    kind: Kind::Other,
    reader: crate::syntax::reader::Reader::LENIENT,
    guard_hooks_outside: &[],
    verified_with: None,
    checks: &[],
    fields: FIELDS,
};
