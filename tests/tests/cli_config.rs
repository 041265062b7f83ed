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
                "ignore = [\"vendor/**\"]\n[rules]\n\"claude-agent/unknown-model\" = \"warning\"\n[formats.claude-agent]\nextra-tools = [\"Gateway\"]\nextra-keys = [\"category\"]\n",
            ),
        ],
    );
    let (code, stdout, stderr) = check(&dir);
    assert_eq!(
        code, 0,
        "re-levelled to a warning, the one finding no longer fails the run: {stdout}{stderr}"
    );
    assert_eq!(
        stdout,
        "./.claude/agents/a.md:6:8: warning[claude-agent/unknown-model]: unknown model `sonet`: did you mean `sonnet`? Claude Code sends `sonet` to the API as is, and every run of this agent fails\n"
    );
    assert!(stderr.contains("checked 1 file: 0 errors, 1 warning"), "{stderr}");
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

/// `--config FILE` applies one configuration to every file, whatever `agentls.toml` is nearer;
/// its globs are relative to the working directory. A broken one is reported like any other.
#[test]
fn an_explicit_config_file_wins_over_the_nearest() {
    let dir = Project::new(
        "config-explicit",
        &[
            (".claude/agents/a.md", AGENT),
            ("vendor/.claude/agents/a.md", AGENT),
            ("agentls.toml", "[rules]\n\"claude-agent/unknown-model\" = \"off\"\n"),
            (
                "ci/strict.toml",
                "ignore = [\"vendor/**\"]\n[rules]\n\"claude-agent/unknown-model\" = \"error\"\n\"claude-agent/unknown-key\" = \"off\"\n\"claude-agent/unknown-tool\" = \"off\"\n",
            ),
            ("ci/broken.toml", "[rulez]\n"),
        ],
    );
    let (code, stdout, _) = check(&dir);
    assert_eq!((code, stdout.matches("unknown-model").count()), (0, 0), "{stdout}");
    let (code, stdout, stderr) = run_in(&dir.0, &["check", "--config", "ci/strict.toml", "."]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "./.claude/agents/a.md:6:8: error[claude-agent/unknown-model]: unknown model `sonet`: did you mean `sonnet`? Claude Code sends `sonet` to the API as is, and every run of this agent fails\n"
    );
    let (code, stdout, _) = run_in(&dir.0, &["check", "--config", "ci/broken.toml", ".claude"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("ci/broken.toml:1:2: error[config/invalid]: unknown field `rulez`"),
        "{stdout}"
    );
    let (code, _, stderr) = run_in(&dir.0, &["check", "--config", "ci/missing.toml", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--config ci/missing.toml: no such file"), "{stderr}");
}

/// `--fail-on` sets the least severe finding that fails the run (for CI).
#[test]
fn fail_on_sets_the_level_that_fails_the_run() {
    // A misspelt key: Claude Code ignores it, a warning.
    let warnings_only = "---\nname: a\ndescription: d\nmodl: sonnet\n---\nBody\n";
    let dir = Project::new("config-fail-on", &[(".claude/agents/a.md", warnings_only)]);
    let exit = |level: Option<&str>| {
        let mut args = vec!["check", "-q"];
        if let Some(l) = level {
            args.extend(["--fail-on", l]);
        }
        args.push(".");
        let (code, stdout, _) = run_in(&dir.0, &args);
        assert!(
            stdout.contains("unknown-key"),
            "findings are reported whatever the level: {stdout}"
        );
        code
    };
    assert_eq!(exit(None), 0, "a warning does not fail by default");
    assert_eq!(exit(Some("error")), 0);
    assert_eq!(exit(Some("warning")), 1);
    assert_eq!(exit(Some("info")), 1);
    assert_eq!(exit(Some("never")), 0);
    let (code, _, stderr) = run_in(&dir.0, &["check", "--fail-on", "sometimes", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown level `sometimes`"), "{stderr}");
    // Errors are ignored with `never`.
    std::fs::write(dir.path(".claude/agents/a.md"), "---\nname: a\n").unwrap();
    assert_eq!(run_in(&dir.0, &["check", "-q", "--fail-on", "never", "."]).0, 0);
    assert_eq!(run_in(&dir.0, &["check", "-q", "."]).0, 1);
}

/// `targets` decides which tools a skill is judged for; each per-tool finding carries its
/// tool in the JSON output, and the others none.
#[test]
fn targets_pick_the_tools_a_skill_is_judged_for() {
    let skill = "---\nname: pdf\n---\nRun it.\n";
    let dir = Project::new(
        "config-targets",
        &[
            (".claude/skills/pdf/SKILL.md", skill),
            ("agentls.toml", "targets = [\"claude-code\", \"gemini-cli\"]\n"),
        ],
    );
    let (_, stdout, stderr) = run_in(&dir.0, &["check", "--format", "json", "."]);
    let found: Vec<serde_json::Value> =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    let per_tool: Vec<(&str, &str)> = found
        .iter()
        .filter_map(|f| Some((f["tool"].as_str()?, f["message"].as_str()?)))
        .collect();
    assert_eq!(
        per_tool,
        [(
            "gemini-cli",
            "Gemini CLI does not load this skill: it reads skills from `.gemini/skills/`, `.agents/skills/` (and `~/.gemini/skills/`, `~/.agents/skills/`), not from `.claude/skills/`"
        )],
        "{stdout}"
    );
    // Without targets: the tools scanning `.claude/skills/` (Claude Code, VS Code, OpenCode,
    // Kilo Code); OpenCode 1.18.33 loads a skill without a `description`
    // (`mutation/opencode-skill/description/missing`), so none of them drops it.
    std::fs::remove_file(dir.0.join("agentls.toml")).unwrap();
    let (_, stdout, _) = run_in(&dir.0, &["check", "."]);
    assert!(
        stdout.contains("information[skill/missing-field]: required field `description` is missing"),
        "{stdout}"
    );
    assert!(!stdout.contains("skill/rejected-by-tool"), "{stdout}");
    assert!(!stdout.contains("Gemini CLI"), "{stdout}");
}
