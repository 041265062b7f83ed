//! Gemini CLI: subagents in Markdown (`.gemini/agents/*.md`), read by a strict loader: a
//! front matter regex, js-yaml 4 and a `.strict()` zod schema. An unknown key, a bad value or
//! a tool name it does not know drops the whole agent with a start-up error.
//!
//! Every fact was observed with Gemini CLI 0.61.0 (`truth/recorded/gemini-cli@0.61.0.jsonl`,
//! written up in `truth/gemini/FINDINGS.md`; docs/format-sources.md, "Gemini CLI 0.61.0,
//! verified by recording").

pub mod agent;
pub mod memory;
pub mod models;
pub mod tools;

use super::product::{AgentsElsewhere, AliasModels, BuiltinAgent, Models, NameTools, Product, Tools};

/// The Gemini CLI release these facts were checked against (`truth/tools.toml`).
pub const VERSION: &str = "Gemini CLI 0.61.0";

pub static PRODUCT: Product = Product {
    name: "Gemini CLI",
    docs_url: "https://github.com/google-gemini/gemini-cli/blob/main/docs/core/subagents.md",
    verified_with: Some(VERSION),
    skills: Some(&super::skills_by_tool::GEMINI_CLI),
    command_naming: None,
    unknown_agent: None,
    no_oracle: None,
    formats: &[&agent::FORMAT, &memory::FORMAT],
    tools: Tools::Names(&TOOL_CATALOG),
    models: Models::Aliases(&MODEL_CATALOG),
    builtin_agents: BUILTIN_AGENTS,
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent of that name",
        outside: "an agent in ~/.gemini/agents or of an extension",
    },
    file_name_names_agent: false,
    one_agent_per_name: true,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    foreign_keys: agent::FOREIGN_KEYS,
    clamped: &[],
    delegation: None,
};

pub static TOOL_CATALOG: NameTools = NameTools {
    tools: tools::TOOLS,
    aliases: tools::ALIASES,
    valid: tools::valid,
    pattern_doc: tools::pattern_doc,
    from_foreign: tools::from_claude_code,
    foreign: "Claude Code",
};

pub static MODEL_CATALOG: AliasModels = AliasModels {
    models: models::MODELS,
    lookup: models::lookup,
    provider_id: |_| false,
};

const fn builtin(name: &'static str, doc: &'static str) -> BuiltinAgent {
    BuiltinAgent {
        name,
        doc,
        runs_tools: true,
    }
}

/// The agents every Gemini CLI 0.61.0 session lists (an empty project's `<available_subagents>`);
/// a file that takes one of these names is dropped as a duplicate.
pub static BUILTIN_AGENTS: &[BuiltinAgent] = &[
    builtin("codebase_investigator", "Investigates the codebase."),
    builtin("cli_help", "Answers questions about Gemini CLI."),
    builtin("generalist", "A general-purpose agent."),
];
