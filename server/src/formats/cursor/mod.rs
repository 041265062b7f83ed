//! Cursor: project rules (`.cursor/rules/*.mdc`). No tool or model names.

pub mod rule;

use super::product::{AgentsElsewhere, Models, Product, Tools};

pub static PRODUCT: Product = Product {
    name: "Cursor",
    docs_url: "https://docs.cursor.com/context/rules",
    verified_with: None,
    no_oracle: None,
    formats: &[&rule::FORMAT],
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
    triggered_by_front_matter: Some(&rule::FORMAT),
    unknown_keys_go_to: None,
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
    skills: None,
    command_naming: None,
    unknown_agent: None,
};
