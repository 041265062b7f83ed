//! Configuration in the server: editor settings (initializationOptions, didChangeConfiguration)
//! over `agentls.toml`, a broken file reported on the file itself, and a file changed on disk
//! picked up through a watched-file event.

use agentls_e2e::lsp_client::LspClient;
use serde_json::{Value, json};
use std::path::PathBuf;

const AGENT: &str = "---\nname: a\ndescription: d\nmodel: sonet\n---\nBody\n";

fn project(name: &str, config: Option<&str>) -> PathBuf {
    let root = std::env::temp_dir().join(format!("agentls-lsp-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join(".claude/agents")).unwrap();
    std::fs::write(root.join(".claude/agents/a.md"), AGENT).unwrap();
    if let Some(c) = config {
        std::fs::write(root.join("agentls.toml"), c).unwrap();
    }
    root
}

fn uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

fn start(options: Value) -> LspClient {
    let mut c = LspClient::spawn();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": options}),
    );
    c.notify("initialized", json!({}));
    c
}

fn severities(diags: &[Value]) -> Vec<(String, u64)> {
    diags
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["severity"].as_u64().unwrap()))
        .collect()
}

#[test]
fn editor_settings_win_and_can_change() {
    let root = project("editor", Some("[rules]\n\"claude-agent/unknown-model\" = \"off\"\n"));
    let doc = uri(&root.join(".claude/agents/a.md"));
    // The editor re-enables what the file turned off, as an error.
    let mut c = start(json!({"rules": {"claude-agent/unknown-model": "error"}}));
    c.open(&doc, "markdown", 1, AGENT);
    assert_eq!(
        severities(&c.wait_for_diagnostics(&doc, Some(1))),
        [("claude-agent/unknown-model".into(), 1)]
    );
    // New settings (VS Code sends them under the section name): back to the file's `off`.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"agentls": {}}}));
    assert!(c.wait_for_diagnostics(&doc, Some(1)).is_empty());
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"agentls": {"rules": {"claude-agent/unknown-model": "hint"}}}}),
    );
    assert_eq!(
        severities(&c.wait_for_diagnostics(&doc, Some(1))),
        [("claude-agent/unknown-model".into(), 4)]
    );
    assert!(c.shutdown().success());
}

#[test]
fn a_broken_file_is_reported_on_itself_and_fixing_it_clears_that() {
    let root = project("broken", Some("[rules]\n\"claude-agent/unknown-modle\" = \"off\"\n"));
    let doc = uri(&root.join(".claude/agents/a.md"));
    let toml = uri(&root.join("agentls.toml"));
    let mut c = start(Value::Null);
    c.open(&doc, "markdown", 1, AGENT);
    // The defaults apply to the agent (an unknown model is an error: every run fails)...
    assert_eq!(
        severities(&c.wait_for_diagnostics(&doc, Some(1))),
        [("claude-agent/unknown-model".into(), 1)]
    );
    // ...and the config file carries the error, at the bad key.
    let errs = c.wait_for_diagnostics(&toml, None);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0]["code"], "config/invalid");
    assert_eq!(errs[0]["range"]["start"], json!({"line": 1, "character": 0}));
    assert!(
        errs[0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `claude-agent/unknown-model`")
    );

    // Fixed on disk; the editor's watcher reports it.
    std::fs::write(
        root.join("agentls.toml"),
        "[rules]\n\"claude-agent/unknown-model\" = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml, "type": 2}]}),
    );
    assert!(c.wait_for_diagnostics(&doc, Some(1)).is_empty());
    assert!(c.wait_for_diagnostics(&toml, None).is_empty());
    assert!(c.shutdown().success());
}

/// One skill, read by several tools: `targets` in `agentls.toml` picks the tools, each finding
/// names its tool and cause, the editor's `targets` replace the file's, and hover on `name`
/// says how each targeted tool names the skill.
#[test]
fn skill_findings_and_hover_per_targeted_tool() {
    const SKILL: &str = "---\nname: Pdf-Tools\ndescription:\n  - Extracts tables.\n---\nRun it.\n";
    let root = project("skills", Some("targets = [\"claude-code\", \"copilot\", \"cline\"]\n"));
    let path = root.join(".agents/skills/pdf-tools/SKILL.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, SKILL).unwrap();
    let doc = uri(&path);
    let mut c = start(Value::Null);
    c.open(&doc, "markdown", 1, SKILL);
    let per_tool = |diags: &[Value]| -> Vec<(u64, String)> {
        diags
            .iter()
            .filter(|d| d["code"] == "skill/rejected-by-tool")
            .map(|d| {
                (
                    d["severity"].as_u64().unwrap(),
                    d["message"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let found = per_tool(&c.wait_for_diagnostics(&doc, Some(1)));
    assert_eq!(
        found,
        [
            (
                1,
                "Claude Code does not load this skill: it reads skills from `.claude/skills/` (and `~/.claude/skills/`), not from `.agents/skills/`".to_string()
            ),
            (
                1,
                "VS Code reports this skill as an error: its `name` `Pdf-Tools` may hold only lowercase letters, digits and hyphens".to_string()
            ),
            (1, "Cline does not load this skill: its `description` is a list, not text".to_string()),
        ]
    );
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 1, "character": 8 } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("How each tool names this skill"), "{hover}");
    // The client takes plain text (no capabilities): the names without backticks.
    assert!(text.contains("Claude Code: pdf-tools (its folder"), "{text}");
    assert!(text.contains("Cline: Pdf-Tools (its name, else its folder)"), "{text}");
    assert!(text.contains("VS Code: not recorded"), "{text}");
    // The editor's targets win: only Gemini CLI now, which loads it.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"agentls": {"targets": ["gemini-cli"]}}}),
    );
    assert!(per_tool(&c.wait_for_diagnostics(&doc, Some(1))).is_empty());
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": doc }, "position": { "line": 1, "character": 8 } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        text.contains("Gemini CLI: Pdf-Tools") && !text.contains("Cline"),
        "{text}"
    );
    assert!(c.shutdown().success());
    std::fs::remove_dir_all(&root).unwrap();
}
