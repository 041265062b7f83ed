//! Claude Code: subagents, slash commands, memory files, rules and output styles (skills are
//! in [`crate::formats::skill`], a standard several products read), with its tool names and
//! model names.

pub mod agent;
pub mod command;
pub mod memory;
pub mod models;
pub mod tools;

use super::product::{AgentsElsewhere, AliasModels, BuiltinAgent, Models, Product, RuleTools, Tools};

pub static PRODUCT: Product = Product {
    name: "Claude Code",
    docs_url: "https://code.claude.com/docs/en/sub-agents",
    verified_with: Some(super::CLAUDE_CODE_VERSION),
    no_oracle: None,
    formats: &[
        &agent::FORMAT,
        &super::skill::FORMAT,
        &memory::MEMORY,
        &command::FORMAT,
        &memory::RULE,
        &memory::OUTPUT_STYLE,
    ],
    tools: Tools::Rules(&TOOL_CATALOG),
    models: Models::Aliases(&MODEL_CATALOG),
    builtin_agents: BUILTIN_AGENTS,
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent type of that name",
        outside: "a personal agent in ~/.claude/agents",
    },
    file_name_names_agent: false,
    one_agent_per_name: true,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
    skills: Some(&super::skills_by_tool::CLAUDE_CODE),
    command_naming: None,
    unknown_agent: None,
};

pub static TOOL_CATALOG: RuleTools = RuleTools {
    tools: tools::TOOLS,
    never_in_subagents: tools::NEVER_IN_SUBAGENTS,
    rule_forms: tools::RULE_FORMS,
    agent_tool: "Agent",
    shell_tool: "Bash",
    mcp_prefix: "mcp__",
    lookup: tools::lookup,
    resolve: tools::resolve,
    never_resolves_in_subagents: tools::never_resolves_in_subagents,
};

pub static MODEL_CATALOG: AliasModels = AliasModels {
    models: models::MODELS,
    lookup: models::lookup,
    provider_id: models::provider_id,
};

const fn builtin(name: &'static str) -> BuiltinAgent {
    BuiltinAgent {
        name,
        doc: "",
        runs_tools: true,
    }
}

/// Agent types Claude Code ships, which `Agent(…)`/`Task(…)` may name without a file.
///
/// Source: Claude Code docs, "Create custom subagents" → "Built-in subagents"
/// (code.claude.com/docs/en/sub-agents, as mirrored on 2026-04-02 and read on 2026-11-25):
/// Explore, Plan and general-purpose, plus the helper agents Bash, statusline-setup and
/// Claude Code Guide (`claude-code-guide`).
pub static BUILTIN_AGENTS: &[BuiltinAgent] = &[
    builtin("general-purpose"),
    builtin("Explore"),
    builtin("Plan"),
    builtin("Bash"),
    builtin("statusline-setup"),
    builtin("claude-code-guide"),
];
