use super::*;
use crate::analysis::diagnostics::diagnostics;

fn doc(text: &str) -> Document {
    Document::new(text, Some(PathBuf::from("/p/.claude/agents/x.md")))
}

fn codes(config: &Config, text: &str) -> Vec<(String, Severity)> {
    let d = doc(text);
    apply(config, &d, "claude-agent", diagnostics(&d))
        .into_iter()
        .map(|d| (d.code, d.severity))
        .collect()
}

const AGENT: &str =
    "---\nname: x\ndescription: d\ncategory: qa\ntools: Read, MyGateway\nmodel: house-model\n---\nBody\n";

#[test]
fn levels_and_extras_apply() {
    let settings = Settings::from_toml(
        r#"
ignore = ["vendor/**"]

[rules]
"claude-agent/unknown-key" = "off"
"claude-agent/unknown-model" = "error"

[formats.claude-agent]
extra-tools = ["MyGateway"]
paths = ["prompts/**/*.md"]
"#,
    )
    .unwrap();
    let config = Config::new(settings, PathBuf::from("/p"), None);
    assert_eq!(
        codes(&config, AGENT),
        [("claude-agent/unknown-model".to_string(), Severity::Error)]
    );
    assert!(config.is_ignored(Path::new("/p/vendor/a/b.md")));
    assert!(!config.is_ignored(Path::new("/p/src/b.md")));
    assert_eq!(
        config.format_for(Path::new("/p/prompts/a/x.md")).map(|f| f.id),
        Some("claude-agent")
    );
    assert!(config.format_for(Path::new("/p/other/x.md")).is_none());
}

#[test]
fn bad_config_is_positioned() {
    let text = "[rules]\n\"claude-agent/unknown-tol\" = \"off\"\n";
    let errors = Settings::from_toml(text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("did you mean `claude-agent/unknown-tool`"),
        "{}",
        errors[0].message
    );
    assert_eq!(&text[errors[0].range.clone().unwrap()], "\"claude-agent/unknown-tol\"");

    let text = "[rules]\n\"yaml/syntax\" = \"loud\"\n";
    let errors = Settings::from_toml(text).unwrap_err();
    assert!(errors[0].message.contains("unknown variant"), "{}", errors[0].message);
    assert_eq!(&text[errors[0].range.clone().unwrap()], "\"loud\"");

    let errors = Settings::from_toml("colour = 1\n").unwrap_err();
    assert!(errors[0].message.contains("unknown field"), "{}", errors[0].message);
}

#[test]
fn editor_settings_win_over_the_file() {
    let file = Settings::from_toml("[rules]\n\"yaml/needs-quotes\" = \"off\"\n").unwrap();
    let editor = Settings::from_json(&serde_json::json!({"rules": {"yaml/needs-quotes": "error"}})).unwrap();
    let merged = file.overlay(&editor);
    assert_eq!(merged.rules["yaml/needs-quotes"], Level::Error);
}

#[test]
fn inline_suppression() {
    let config = Config::default();
    let text = "---\nname: x\ndescription: d\ncategory: qa # agentls-ignore: claude-agent/unknown-key\nmodel: sonet  # agentls-ignore\ntools: Read, Grpe # agentls-ignore: yaml/syntax\n---\nBody\n";
    assert_eq!(
        codes(&config, text),
        [("claude-agent/unknown-tool".to_string(), Severity::Warning)]
    );
    // In the body: an HTML comment on the finding's line, or alone on the line above.
    let text = "---\nname: x\ndescription: d\n---\n<!-- agentls-ignore: link/missing-file -->\n[a](gone.md)\n[b](gone.md) <!-- agentls-ignore: link/missing-file -->\n[c](gone.md)\n";
    let d = doc(text);
    let finding = |needle: &str| Diagnostic {
        range: text.find(needle).unwrap()..text.find(needle).unwrap() + needle.len(),
        severity: Severity::Warning,
        effect: crate::analysis::diagnostics::Effect::Ignored,
        code: "link/missing-file".into(),
        message: String::new(),
        related: Vec::new(),
        fixes: Vec::new(),
        tool: None,
    };
    let kept = apply(
        &config,
        &d,
        "claude-agent",
        vec![finding("[a]"), finding("[b]"), finding("[c]")],
    );
    assert_eq!(kept.iter().map(|d| &text[d.range.clone()]).collect::<Vec<_>>(), ["[c]"]);
}

#[test]
fn the_example_config_loads() {
    let text = include_str!("../../../docs/agentls.example.toml");
    let settings = Settings::from_toml(text).expect("docs/agentls.example.toml is valid");
    assert_eq!(settings.rules["claude-agent/name-mismatch"], Level::Off);
    assert_eq!(settings.formats["claude-agent"].extra_keys, ["category", "proactive"]);
}

#[test]
fn targets_name_the_tools_skills_are_for() {
    let settings = Settings::from_toml("targets = [\"claude-code\", \"cline\"]\n").unwrap();
    let config = Config::new(settings, PathBuf::from("/p"), None);
    assert_eq!(
        config.targets(),
        Some(&["claude-code".to_string(), "cline".to_string()][..])
    );
    // A skill in `.claude/skills/` is Claude Code's and Cline's: Cline does not scan that
    // folder, and says so; VS Code and OpenCode, which do, are not targeted.
    let d = Document::new(
        "---\nname: pdf\ndescription: d\n---\nBody\n",
        Some(PathBuf::from("/p/.claude/skills/pdf/SKILL.md")),
    );
    let format = crate::formats::by_id("skill").unwrap();
    let found = |targets| {
        crate::analysis::diagnostics::diagnostics_for(&d, format, targets)
            .into_iter()
            .filter_map(|d| d.tool)
            .collect::<Vec<_>>()
    };
    assert_eq!(found(config.targets()), ["cline"]);
    // Without targets, only the tools that scan the folder count, and all of them load it.
    assert!(found(None).is_empty());
}

#[test]
fn unknown_target_is_positioned_with_the_list() {
    let text = "targets = [\"claude-code\", \"clin\"]\n";
    let errors = Settings::from_toml(text).unwrap_err();
    assert_eq!(errors.len(), 1);
    let m = &errors[0].message;
    assert!(
        m.contains("unknown product `clin`") && m.contains("did you mean `cline`?"),
        "{m}"
    );
    assert!(
        m.contains("known: claude-code, copilot, copilot-cli, gemini-cli, cline, opencode, kilo, codex"),
        "{m}"
    );
    assert_eq!(&text[errors[0].range.clone().unwrap()], "\"clin\"");
    // The editor's list replaces the file's.
    let file = Settings::from_toml("targets = [\"cline\"]\n").unwrap();
    let editor = Settings::from_json(&serde_json::json!({"targets": ["codex"]})).unwrap();
    assert_eq!(file.overlay(&editor).targets, Some(vec!["codex".to_string()]));
    assert_eq!(
        file.overlay(&Settings::default()).targets,
        Some(vec!["cline".to_string()])
    );
    assert!(Settings::from_json(&serde_json::json!({"targets": ["vscode"]})).is_err());
}
