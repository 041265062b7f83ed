//! `schemas/agentls.schema.json` (for taplo / Even Better TOML users) accepts the documented
//! example configuration, rejects a broken one, and lists exactly the rules `agentls rules` knows.

use agentls_e2e::{agentls_bin, repo_root};
use std::process::Command;

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(repo_root().join("schemas/agentls.schema.json")).unwrap()).unwrap()
}

fn as_json(toml_text: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(toml_text).expect("valid TOML");
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_example_config_validates() {
    let validator = jsonschema::validator_for(&schema()).expect("schema compiles");
    let example = as_json(&std::fs::read_to_string(repo_root().join("docs/agentls.example.toml")).unwrap());
    let errors: Vec<String> = validator.iter_errors(&example).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let broken = as_json("[rules]\n\"claude-agent/unknown-tol\" = \"loud\"\n[formats.claude-agent]\nextra-tool = []\n");
    assert_eq!(
        validator.iter_errors(&broken).count(),
        3,
        "bad code, bad level, bad key"
    );
}

#[test]
fn the_committed_schema_is_current() {
    let out = Command::new(agentls_bin()).arg("schema").output().unwrap();
    assert!(out.status.success());
    let generated: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema(),
        generated,
        "schemas/agentls.schema.json is stale: run `agentls schema > schemas/agentls.schema.json`"
    );
}
