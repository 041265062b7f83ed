//! `agentls check` with an `agentls.toml`: rule levels, ignored folders, extra names, inline
//! suppression, and a broken configuration reported while the defaults still apply.

use agentls_e2e::{Project, run_in};

fn check(project: &Project) -> (i32, String, String) {
    run_in(&project.0, &["check", "."])
}

const AGENT: &str = "---\nname: a\ndescription: d\ncategory: qa\ntools: Read, Gateway\nmodel: sonet\n---\nBody\n";

#[test]
fn settings_shape_the_findings() {
    let dir = Project::new(
        "config-settings",
        &[
            (".claude/agents/a.md", AGENT),
            ("vendor/.claude/agents/a.md", AGENT),
            (
                "agentls.toml",
                "ignore = [\"vendor/**\"]\n[rules]\n\"claude-agent/unknown-model\" = \"error\"\n[formats.claude-agent]\nextra-tools = [\"Gateway\"]\nextra-keys = [\"category\"]\n",
            ),
        ],
    );
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "./.claude/agents/a.md:6:8: error[claude-agent/unknown-model]: unknown model `sonet`: did you mean `sonnet`?\n"
    );
    assert!(stderr.contains("checked 1 file: 1 error, 0 warnings"), "{stderr}");
}

#[test]
fn inline_suppression_silences_one_finding() {
    let text = "---\nname: a\ndescription: d\nmodel: sonet # agentls-ignore: claude-agent/unknown-model\ncolour: red\n---\nBody\n";
    let dir = Project::new("config-inline", &[(".claude/agents/a.md", text)]);
    let (code, stdout, _) = check(&dir);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("claude-agent/unknown-key"), "{stdout}");
}

#[test]
fn a_broken_config_is_reported_and_the_defaults_apply() {
    let dir = Project::new(
        "config-broken",
        &[
            (".claude/agents/a.md", AGENT),
            ("agentls.toml", "[rules]\n\"claude-agent/unknown-modle\" = \"off\"\n"),
        ],
    );
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(code, 1, "a broken configuration is an error");
    assert!(
        stdout.contains("agentls.toml:2:1: error[config/invalid]: unknown rule `claude-agent/unknown-modle`: did you mean `claude-agent/unknown-model`?"),
        "{stdout}\n{stderr}"
    );
    // The defaults: all three findings are there, after the configuration's.
    assert_eq!(stdout.lines().count(), 4, "{stdout}");
}
