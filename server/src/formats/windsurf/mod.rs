//! Windsurf (Devin Desktop, by Cognition): rules (`.windsurf/rules/`, and `.devin/rules/`), the
//! global rules file, the legacy `.windsurfrules`, and workflows (`.windsurf/workflows/`). No
//! tool or model names. Closed source and not on npm: no oracle can run it here (see
//! [`rule::NO_ORACLE`]).

pub mod rule;
pub mod workflow;

use super::product::{AgentsElsewhere, Models, Product, Tools};

pub static PRODUCT: Product = Product {
    name: "Windsurf",
    docs_url: "https://docs.windsurf.com/windsurf/cascade/memories",
    verified_with: None,
    skills: None,
    command_naming: None,
    unknown_agent: None,
    no_oracle: Some(rule::NO_ORACLE),
    formats: &[&rule::RULE, &workflow::FORMAT, &rule::GLOBAL_RULES, &rule::LEGACY],
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
    // `.windsurfrules` is moved by its own check (`Check::MoveTo`), which adds the front matter
    // the new place needs; `legacy_format` is a rename of a file that keeps its text.
    legacy_format: None,
    deprecated_keys: &[],
    triggered_by_front_matter: None,
    unknown_keys_go_to: None,
    foreign_keys: &[],
    clamped: &[],
    delegation: None,
};
