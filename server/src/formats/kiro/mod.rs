//! Kiro (kiro.dev, the IDE and `kiro-cli`): steering files (`.kiro/steering/`) and Markdown
//! custom agents (`.kiro/agents/`). Tool and model names are read as text: agentls has no Kiro
//! vocabulary yet. Closed source and not on npm: no oracle can run it here (see
//! [`steering::NO_ORACLE`]).

pub mod agent;
pub mod steering;

use super::product::{AgentsElsewhere, Models, Product, Tools};

pub static PRODUCT: Product = Product {
    name: "Kiro",
    docs_url: "https://kiro.dev/docs/steering/",
    verified_with: None,
    skills: None,
    command_naming: None,
    unknown_agent: None,
    no_oracle: Some(steering::NO_ORACLE),
    formats: &[&steering::FORMAT, &agent::FORMAT],
    tools: Tools::None,
    models: Models::None,
    builtin_agents: &[],
    agents_elsewhere: AgentsElsewhere {
        builtin: "built-in agent of that name",
        outside: "a user-level agent",
    },
    file_name_names_agent: false,
    one_agent_per_name: false,
    prompt_variables: &[],
    agent_picker: None,
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    // Per format instead (`Check::ForeignKey`): Cursor's `globs` means `fileMatchPattern` in a
    // steering file and nothing in an agent.
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
};
