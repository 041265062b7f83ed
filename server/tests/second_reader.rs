//! A format read by a second tool (`Check::ReadBy`: the GitHub Copilot CLI reads VS Code's agent
//! files): its findings carry that tool's `targets` id, appear only where it reads the files,
//! and go away when `targets` leaves it out.

use agentls::analysis::diagnostics::diagnostics_for;
use agentls::document::Document;
use std::path::PathBuf;

fn skipped(path: &str, text: &str, targets: Option<&[String]>) -> Vec<String> {
    let doc = Document::new(text, Some(PathBuf::from(path)));
    let format = agentls::formats::by_id("copilot-agent").unwrap();
    diagnostics_for(&doc, format, targets)
        .into_iter()
        .filter(|d| d.code == "copilot-agent/skipped-by-tool")
        .map(|d| {
            assert_eq!(d.tool, Some("copilot-cli"), "{}", d.message);
            d.message
        })
        .collect()
}

const NO_DESCRIPTION: &str = "---\nname: reviewer\ntools: [read]\n---\nReview the change.\n";

#[test]
fn says_what_the_copilot_cli_skips_and_who_loads_it() {
    let found = skipped("/p/.github/agents/reviewer.agent.md", NO_DESCRIPTION, None);
    assert_eq!(
        found,
        ["the GitHub Copilot CLI does not load this agent (VS Code does): it has no `description`"]
    );
    // Its user-level folder, at any depth.
    assert_eq!(
        skipped("/home/u/.copilot/agents/team/r.md", NO_DESCRIPTION, None).len(),
        1
    );
    let fine = "---\ndescription: Reviews a change\ntools: 'read, edit'\nmodel: [gpt-5]\n---\nReview.\n";
    assert!(skipped("/p/.github/agents/r.agent.md", fine, None).is_empty());
}

#[test]
fn only_where_it_reads_and_only_when_targeted() {
    // A `*.agent.md` outside `.github/agents/` is VS Code's to find; the CLI does not look there.
    assert!(skipped("/p/docs/reviewer.agent.md", NO_DESCRIPTION, None).is_empty());
    let vscode_only = vec!["copilot".to_string()];
    assert!(
        skipped(
            "/p/.github/agents/reviewer.agent.md",
            NO_DESCRIPTION,
            Some(&vscode_only)
        )
        .is_empty()
    );
    let both = vec!["copilot".to_string(), "copilot-cli".to_string()];
    assert_eq!(
        skipped("/p/.github/agents/reviewer.agent.md", NO_DESCRIPTION, Some(&both)).len(),
        1
    );
}

#[test]
fn each_recorded_cause() {
    let at = |front: &str| {
        skipped(
            "/p/.github/agents/a.agent.md",
            &format!("---\n{front}---\nBody.\n"),
            None,
        )
    };
    let d = "description: d\n";
    for (front, says) in [
        (
            format!("{d}tools: 5\n"),
            "its `tools` is a number, not text or a list of texts",
        ),
        (format!("{d}model: ['', 'GPT-5']\n"), "its `model` is"),
        (
            format!("{d}infer: 'false'\n"),
            "its `infer` is text, not `true` or `false`",
        ),
        (format!("{d}name: a\nname: b\n"), "its key `name` appears twice"),
        (
            format!("{d}github:\n  permissions: read\n"),
            "its `github.permissions` is text, not a mapping",
        ),
        (
            format!("{d}mcp-servers:\n  docs:\n    command: docs-server\n"),
            "its `mcp-servers` entry `docs` has `command` but no `args`",
        ),
        (
            "description: \"never closed\n".to_string(),
            "its front matter is not valid YAML",
        ),
    ] {
        let found = at(&front);
        assert!(found.iter().any(|m| m.contains(says)), "{front:?}: {found:?}");
    }
    // What it takes: a blank `mcp-servers`, an empty description, a `]` at the key's
    // indentation (libyaml reads it; strict YAML does not).
    assert!(at("description: d\nmcp-servers:\n").is_empty());
    assert!(at("description: ''\n").is_empty());
    assert!(at("description: d\ntools: [\n  'read'\n]\n").is_empty());
}
