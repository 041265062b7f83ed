//! Kilo Code (`@kilocode/cli`, a fork of OpenCode): OpenCode's agent and command formats at
//! Kilo's paths, named after Kilo in messages. Observed with Kilo Code 7.7.7
//! (`truth/recorded/kilo@7.7.7.jsonl`; docs/format-sources.md):
//! - agents in `.kilo/agent(s)/`, the legacy `.kilocode/agent(s)/` and `~/.config/kilo/agent(s)/`;
//!   commands in the same folders' `command(s)/`;
//! - `.opencode/` is not read at all: an OpenCode file is not a Kilo file;
//! - skills in `.kilo/skill(s)/` and `.agents/skills/`, not `.opencode/skills/`
//!   ([`crate::formats::skills_by_tool::KILO`]).

use crate::formats::opencode::{self, agent as opencode_agent, command as opencode_command};
use crate::formats::product::{AgentsElsewhere, BuiltinAgent, Models, Product, Tools};
use crate::formats::{Format, Kind, NameMatch, PathRule};

/// The Kilo Code release these facts were checked against (`truth/tools.toml`; a test in
/// `truth/` keeps the two equal).
pub const VERSION: &str = "Kilo Code 7.7.7";

/// Kilo Code: OpenCode's tool ids and model catalogue (it is a fork), its own folders, agents
/// and skills.
pub static PRODUCT: Product = Product {
    name: "Kilo Code",
    docs_url: "https://kilo.ai/docs/customize/custom-subagents",
    verified_with: Some(VERSION),
    no_oracle: None,
    formats: &[&COMMAND, &AGENT],
    tools: Tools::Switches(&opencode::TOOL_CATALOG),
    models: Models::Providers(&opencode::MODEL_CATALOG),
    builtin_agents: BUILTIN_AGENTS,
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent of that name",
        outside: "an agent of the user's Kilo Code configuration",
    },
    file_name_names_agent: true,
    one_agent_per_name: false,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: Some("options"),
    foreign_keys: opencode_agent::FOREIGN_KEYS,
    clamped: opencode_agent::CLAMPED,
    delegation: Some(&opencode_agent::DELEGATION),
    skills: Some(&crate::formats::skills_by_tool::KILO),
    command_naming: Some(&opencode_command::NAMING),
    unknown_agent: Some(opencode_command::UNKNOWN_AGENT),
};

/// The agents Kilo Code 7.7.7 ships (`kilo agent list` in an empty project), and `build`,
/// OpenCode's name of its main agent, which Kilo's commands still run with
/// (`mutation/kilo-command/agent/build`).
pub static BUILTIN_AGENTS: &[BuiltinAgent] = &[
    b("code", "Kilo Code's default agent, with every tool."),
    b(
        "build",
        "OpenCode's name of the main agent, which Kilo Code's commands still run with.",
    ),
    b(
        "ask",
        "Kilo Code's agent that answers questions without changing files.",
    ),
    b("plan", "Kilo Code's planning agent."),
    b("debug", "Kilo Code's debugging agent."),
    b("orchestrator", "Kilo Code's agent that splits work among other agents."),
    b("general", "Kilo Code's general-purpose subagent."),
    b("explore", "Kilo Code's read-only subagent for exploring the codebase."),
    b("compaction", "Kilo Code's hidden agent that compacts a long session."),
    b("summary", "Kilo Code's hidden agent that summarises a session."),
    b("title", "Kilo Code's hidden agent that titles a session."),
];

use opencode_agent::b;

pub static AGENT: Format = Format {
    id: "kilo-agent",
    name: "Kilo Code agent",
    noun: "agent",
    docs_url: "https://kilo.ai/docs/customize/custom-subagents",
    strong_paths: &[
        PathRule::Under(&[".kilo", "agent"], ".md"),
        PathRule::Under(&[".kilo", "agents"], ".md"),
        PathRule::Under(&[".kilocode", "agent"], ".md"),
        PathRule::Under(&[".kilocode", "agents"], ".md"),
        PathRule::Under(&["kilo", "agent"], ".md"),
        PathRule::Under(&["kilo", "agents"], ".md"),
    ],
    product: &PRODUCT,
    verified_with: Some(VERSION),
    fields: AGENT_FIELDS,
    ..opencode_agent::FORMAT
};

/// OpenCode's agent keys, but a bad value makes Kilo Code 7.7.7 skip the file, not refuse its
/// whole configuration (`mutation/kilo-agent/mode/helper`: no agent listed, the others load).
const AGENT_FIELDS: &[crate::formats::Field] = {
    use crate::formats::claude_agent::f;
    use crate::formats::opencode_agent::{COLORS, strict_as};
    use crate::formats::{Effect, Field, ValueKind};
    use opencode_agent::MODES;
    opencode_agent::agent_fields!(Effect::NotLoaded, Effect::BreaksTool)
};

/// OpenCode's command keys; a bad value makes Kilo Code skip the command
/// (`mutation/kilo-command/subtask/yes`: not listed, the others load).
const COMMAND_FIELDS: &[crate::formats::Field] = {
    use crate::formats::claude_agent::f;
    use crate::formats::opencode_agent::strict_as;
    use crate::formats::{Field, ValueKind};
    opencode_command::command_fields!(crate::formats::Effect::NotLoaded)
};

pub static COMMAND: Format = Format {
    id: "kilo-command",
    name: "Kilo Code command",
    noun: "command",
    docs_url: "https://kilo.ai/docs/customize/custom-commands",
    strong_paths: &[
        PathRule::Under(&[".kilo", "command"], ".md"),
        PathRule::Under(&[".kilo", "commands"], ".md"),
        PathRule::Under(&[".kilocode", "command"], ".md"),
        PathRule::Under(&[".kilocode", "commands"], ".md"),
        PathRule::Under(&["kilo", "command"], ".md"),
        PathRule::Under(&["kilo", "commands"], ".md"),
    ],
    weak_paths: &[],
    weak_path_keys: &[],
    content_all: &[],
    content_any: &[],
    no_front_matter: None,
    body_required: true,
    name_matches: NameMatch::Nothing,
    product: &PRODUCT,
    body_syntax: opencode_command::BODY_SYNTAX,
    kind: Kind::Command,
    reader: opencode_agent::READER,
    guard_hooks_outside: &[],
    verified_with: Some(VERSION),
    checks: &[],
    fields: COMMAND_FIELDS,
};
