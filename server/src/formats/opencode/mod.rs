//! OpenCode: agents and commands in Markdown, with lowercase tool ids in a `tools` map, a `permission` map,
//! and `provider/model-id` model names.

pub mod agent;
pub mod command;

use super::product::{AgentsElsewhere, Models, Product, Provider, ProviderModels, SwitchTools, Tools};

pub static PRODUCT: Product = Product {
    name: "OpenCode",
    docs_url: "https://opencode.ai/docs/agents",
    verified_with: Some(agent::VERSION),
    no_oracle: None,
    formats: &[&command::FORMAT, &agent::FORMAT],
    tools: Tools::Switches(&TOOL_CATALOG),
    models: Models::Providers(&MODEL_CATALOG),
    builtin_agents: agent::BUILTIN_AGENTS,
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent of that name",
        outside: "an agent of the user's OpenCode configuration",
    },
    file_name_names_agent: true,
    one_agent_per_name: false,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: Some("options"),
    foreign_keys: agent::FOREIGN_KEYS,
    clamped: agent::CLAMPED,
    delegation: Some(&agent::DELEGATION),
    skills: Some(&super::skills_by_tool::OPENCODE),
    command_naming: Some(&command::NAMING),
    unknown_agent: Some(command::UNKNOWN_AGENT),
};

pub static TOOL_CATALOG: SwitchTools = SwitchTools {
    tools: agent::TOOLS,
    session_tools: agent::SESSION_TOOLS,
    permissions: agent::PERMISSIONS,
    no_effect: agent::NO_EFFECT,
    as_edit: agent::TOOLS_AS_EDIT,
    permission_values: agent::PERMISSION_VALUES,
};

pub static MODEL_CATALOG: ProviderModels = ProviderModels {
    providers: &[Provider {
        name: "anthropic",
        ids: agent::ANTHROPIC_MODELS,
        described_by: Some(&super::claude::MODEL_CATALOG),
    }],
    example: "anthropic/claude-sonnet-4-5",
    from_foreign: from_claude_code,
};

/// A Claude Code model name written as an OpenCode model: the `anthropic/…` id to write (an
/// alias becomes the model it stands for in OpenCode's catalogue).
fn from_claude_code(value: &str) -> Option<String> {
    super::claude::models::lookup(value).map(|m| {
        let id = match m.id {
            "sonnet" | "inherit" | "default" | "best" => "claude-sonnet-4-5",
            "opus" | "opusplan" => "claude-opus-4-5",
            "haiku" => "claude-haiku-4-5",
            id => id,
        };
        format!("anthropic/{id}")
    })
}
