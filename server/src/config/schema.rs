//! The JSON schema of `agentls.toml`, generated from the rule table and the format catalogs so it
//! never lists a stale code. `agentls schema > schemas/agentls.schema.json` refreshes the copy
//! that taplo / Even Better TOML users point at.

use serde_json::{Value, json};

pub fn schema() -> Value {
    let codes: Vec<String> = crate::analysis::diagnostics::rules::all_codes()
        .into_iter()
        .map(|(c, ..)| c)
        .collect();
    let formats: Vec<&str> = crate::formats::FORMATS.iter().map(|f| f.id).collect();
    let strings = |description: &str| json!({"type": "array", "items": {"type": "string"}, "description": description});
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/agentls/agentls/blob/main/schemas/agentls.schema.json",
        "title": "agentls.toml",
        "description": "Configuration of agentls, the language server and checker for agent spec files. Found by walking up from each file (agentls.toml or .agentls.toml); editor settings with the same shape win over it.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "rules": {
                "type": "object",
                "description": "Severity per rule code (see `agentls rules`): error, warning, info, hint or off.",
                "propertyNames": {"enum": codes},
                "additionalProperties": {"type": "string", "enum": ["error", "warning", "info", "information", "hint", "off"]},
            },
            "ignore": strings("Files to leave alone: globs relative to this file."),
            "mcp-servers": strings("MCP servers configured outside the project (user settings agentls cannot see)."),
            "targets": {
                "type": "array",
                "items": {"type": "string", "enum": crate::formats::skills_by_tool::ids()},
                "uniqueItems": true,
                "description": "The tools the project's skills are for: each SKILL.md gets a finding for every one of them that would not load it. Default: the tools that scan the file's folder.",
            },
            "formats": {
                "type": "object",
                "description": "Per-format settings, by format id.",
                "propertyNames": {"enum": formats},
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "paths": strings("Extra path globs (relative to this file) whose files are this format."),
                        "extra-tools": strings("Tool names to accept besides the built-in catalog (in-house MCP gateways, new tools)."),
                        "extra-models": strings("Model names to accept besides the catalog (proxies, new releases)."),
                        "extra-keys": strings("Front matter keys to accept besides the catalog's."),
                    },
                },
            },
        },
    })
}
