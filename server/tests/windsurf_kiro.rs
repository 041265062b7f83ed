//! Windsurf / Devin and Kiro files as a user meets them: which files are recognised (and which
//! README stays ordinary Markdown), completion and hover from their catalogs, a global steering
//! file, a rule cut off at Windsurf's limit, the `.windsurfrules` migration applied, and Kiro's
//! `#[[file:…]]` includes checked and followed. `UPDATE_EXPECT=1 cargo test -p agentls --test
//! windsurf_kiro` rewrites the snapshots.

use agentls::analysis::code_actions::{apply, code_actions};
use agentls::analysis::completion::{ProjectContext, completions};
use agentls::analysis::diagnostics::diagnostics;
use agentls::analysis::hover::hover;
use agentls::analysis::links::{self, LinkTargets, Target};
use agentls::document::Document;
use agentls::formats;
use agentls::workspace::mcp::McpCatalog;
use expect_test::{Expect, expect};
use std::path::{Path, PathBuf};

mod common;

fn detected(path: &str, text: &str) -> Option<&'static str> {
    let doc = Document::new(text, Some(PathBuf::from(path)));
    agentls::analysis::diagnostics::detect(&doc).map(|d| d.format.id)
}

#[test]
fn detection_by_path_then_content() {
    let fm = "---\ntrigger: always_on\n---\nUse tabs.\n";
    let cases = [
        ("p/.windsurf/rules/style.md", fm, Some("windsurf-rule")),
        ("p/sub/.windsurf/rules/nested/style.md", fm, Some("windsurf-rule")),
        ("p/.devin/rules/style.md", fm, Some("windsurf-rule")),
        (
            "p/.windsurf/workflows/deploy.md",
            "# Deploy\n",
            Some("windsurf-workflow"),
        ),
        (
            "/home/ana/.codeium/windsurf/memories/global_rules.md",
            "Be brief.\n",
            Some("windsurf-global-rules"),
        ),
        (
            "p/.windsurf/global_rules.md",
            "Be brief.\n",
            Some("windsurf-global-rules"),
        ),
        ("p/.windsurfrules", "Use tabs.\n", Some("windsurf-legacy-rules")),
        ("p/.kiro/steering/tech.md", "# Tech\n", Some("kiro-steering")),
        ("/home/ana/.kiro/steering/tech.md", "# Tech\n", Some("kiro-steering")),
        (
            "p/.kiro/agents/reviewer.md",
            "---\nname: r\n---\nReview.\n",
            Some("kiro-agent"),
        ),
        // A README in these folders but outside the rule, workflow, steering and agent folders
        // is ordinary Markdown, front matter or not.
        ("p/.kiro/README.md", "# Kiro\n", None),
        ("p/.kiro/README.md", "---\ninclusion: always\n---\n# Kiro\n", None),
        ("p/.windsurf/README.md", fm, None),
        ("p/.kiro/specs/login/requirements.md", "# Login\n", None),
        ("p/windsurfrules.md", "Use tabs.\n", None),
        // Kiro's and Windsurf's keys alone do not make a file theirs elsewhere.
        ("docs/rule.md", fm, None),
        ("docs/steer.md", "---\ninclusion: fileMatch\n---\nx\n", None),
    ];
    for (path, text, want) in cases {
        assert_eq!(detected(path, text), want, "{path}");
    }
}

#[test]
fn only_user_level_kiro_folders_are_global() {
    use agentls::formats::detect::user_level;
    assert!(user_level(Path::new("/home/ana/.kiro/steering/x.md"), ".kiro"));
    assert!(user_level(Path::new("/Users/ana/.kiro/steering/x.md"), ".kiro"));
    assert!(user_level(Path::new("/root/.kiro/steering/x.md"), ".kiro"));
    assert!(!user_level(
        Path::new("/home/ana/code/app/.kiro/steering/x.md"),
        ".kiro"
    ));
    assert!(!user_level(Path::new("project/.kiro/steering/x.md"), ".kiro"));
    assert!(!user_level(Path::new("/srv/.kiro/steering/x.md"), ".kiro"));
}

fn codes(path: &str, text: &str) -> Vec<String> {
    let doc = Document::new(text, Some(PathBuf::from(path)));
    diagnostics(&doc)
        .into_iter()
        .map(|d| format!("{} {}", d.severity.as_str(), d.code))
        .collect()
}

#[test]
fn global_file_match_steering_never_loads() {
    let text = "---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.ts\"\n---\nUse strict TypeScript.\n";
    assert_eq!(
        codes("/home/ana/.kiro/steering/ts.md", text),
        ["error kiro-steering/not-in-user-level"]
    );
    // The same file in a workspace is fine.
    assert!(codes("/home/ana/app/.kiro/steering/ts.md", text).is_empty());
    let always = "---\ninclusion: always\n---\nUse strict TypeScript.\n";
    assert!(codes("/home/ana/.kiro/steering/ts.md", always).is_empty());
}

#[test]
fn rules_past_the_limit_are_cut_off() {
    let rule = |n: usize| format!("---\ntrigger: always_on\n---\n{}", "x".repeat(n));
    let head = "---\ntrigger: always_on\n---\n".len();
    let path = "p/.windsurf/rules/long.md";
    assert!(codes(path, &rule(6_000 - head)).is_empty());
    assert_eq!(
        codes(path, &rule(6_001 - head)),
        ["information windsurf-rule/truncated"]
    );
    assert_eq!(
        codes(path, &rule(12_000 - head)),
        ["information windsurf-rule/truncated"]
    );
    assert_eq!(codes(path, &rule(12_001 - head)), ["warning windsurf-rule/truncated"]);
    // Characters, not bytes: 11,000 `é` are 22,000 bytes and within the limit.
    let accents = format!("---\ntrigger: always_on\n---\n{}", "é".repeat(11_000));
    assert_eq!(codes(path, &accents), ["information windsurf-rule/truncated"]);
    // The finding starts at the first character Windsurf drops.
    let doc = Document::new(&rule(12_050 - head), Some(PathBuf::from(path)));
    let d = &diagnostics(&doc)[0];
    assert_eq!(d.range.start, 12_000);
}

#[test]
fn the_legacy_rules_file_moves_to_the_rules_folder() {
    let doc = Document::new("Use tabs.\nRun the tests.\n", Some(PathBuf::from("/p/.windsurfrules")));
    let actions = code_actions(&doc, &(0..0));
    let fix = actions
        .iter()
        .find(|a| a.title.starts_with("Move to"))
        .expect("a move action");
    assert_eq!(
        fix.title,
        "Move to `.windsurf/rules/project-rules.md` with `trigger: always_on`"
    );
    assert_eq!(
        fix.rename_to.as_deref(),
        Some(Path::new("/p/.windsurf/rules/project-rules.md"))
    );
    let moved = apply(&doc.text(), &fix.edits);
    assert_eq!(moved, "---\ntrigger: always_on\n---\nUse tabs.\nRun the tests.\n");
    // What it becomes is a valid rule.
    assert!(codes("/p/.windsurf/rules/project-rules.md", &moved).is_empty());
}

struct Files(Vec<PathBuf>);

impl LinkTargets for Files {
    fn target(&self, path: &Path) -> Target {
        if self.0.iter().any(|p| p == path) {
            Target::Exists
        } else {
            Target::Missing
        }
    }
}

#[test]
fn includes_resolve_from_the_workspace_root() {
    let text =
        "---\ninclusion: always\n---\nSee #[[file:docs/api.md]], #[[file:docs/gone.md]] and `#[[file:in/code.md]]`.\n";
    let doc = Document::new(text, Some(PathBuf::from("/p/.kiro/steering/api.md")));
    let format = formats::by_id("kiro-steering").unwrap();
    let scan = links::scan_doc(&doc, Some(format));
    let paths: Vec<PathBuf> = scan
        .links
        .iter()
        .map(|l| links::resolve(doc.path().unwrap(), l.path.as_deref().unwrap()))
        .collect();
    assert_eq!(
        paths,
        [PathBuf::from("/p/docs/api.md"), PathBuf::from("/p/docs/gone.md")]
    );
    let found = links::link_diagnostics(doc.path(), &scan, &Files(vec![PathBuf::from("/p/docs/api.md")]));
    let found: Vec<(String, String)> = found.iter().map(|d| (d.code.clone(), doc.slice(&d.range))).collect();
    assert_eq!(found, [("link/missing-file".to_string(), "docs/gone.md".to_string())]);
    // A global steering file has no workspace to resolve from: nothing is checked.
    let global = Document::new(text, Some(PathBuf::from("/home/ana/.kiro/steering/api.md")));
    assert!(links::scan_doc(&global, Some(format)).links.is_empty());
    // Copilot's `#file:` is not Kiro's syntax.
    let copilot = Document::new("See #file:docs/api.md\n", Some(PathBuf::from("/p/.kiro/steering/a.md")));
    assert!(links::scan_doc(&copilot, Some(format)).links.is_empty());
}

fn complete(path: &str, fixture: &str, expect: Expect) {
    let (doc, offset) = common::at_cursor(path, fixture);
    let items = completions(&doc, offset, &ProjectContext::default());
    let mut out = String::new();
    for c in &items {
        out.push_str(&format!("{} ({:?}) {}", c.label, c.kind, c.detail));
        if let Some(s) = &c.snippet {
            out.push_str(&format!(" | snippet {s:?}"));
        }
        out.push('\n');
    }
    expect.assert_eq(&out);
}

#[test]
fn completion() {
    complete(
        "p/.windsurf/rules/a.md",
        "---\n$0\n---\nUse tabs.\n",
        expect![[r#"
            trigger (Key) one of a fixed set | snippet "trigger: ${1|always_on,manual,model_decision,glob|}"
            description (Key) text | snippet "description: $0"
            globs (Key) glob or comma-separated globs | snippet "globs: $0"
        "#]],
    );
    complete(
        "p/.windsurf/rules/a.md",
        "---\ntrigger: $0\n---\nUse tabs.\n",
        expect![[r#"
            always_on (Value) `trigger`
            manual (Value) `trigger`
            model_decision (Value) `trigger`
            glob (Value) `trigger`
        "#]],
    );
    complete(
        "p/.kiro/steering/a.md",
        "---\n$0\n---\nUse tabs.\n",
        expect![[r#"
            inclusion (Key) one of a fixed set | snippet "inclusion: ${1|always,fileMatch,manual,auto|}"
            fileMatchPattern (Key) glob or list of globs | snippet "fileMatchPattern: \"$0\""
            name (Key) text | snippet "name: $0"
            description (Key) text | snippet "description: $0"
        "#]],
    );
    complete(
        "p/.kiro/steering/a.md",
        "---\ninclusion: $0\n---\nUse tabs.\n",
        expect![[r#"
            always (Value) `inclusion`
            fileMatch (Value) `inclusion`
            manual (Value) `inclusion`
            auto (Value) `inclusion`
        "#]],
    );
    complete(
        "p/.kiro/agents/a.md",
        "---\nname: a\n$0\n---\nYou review.\n",
        expect![[r#"
            description (Key) text | snippet "description: $0"
            model (Key) text | snippet "model: $0"
            tools (Key) name or list of names | snippet "tools:\n  - $0"
            allowedTools (Key) name or list of names | snippet "allowedTools:\n  - $0"
            toolAliases (Key) mapping | snippet "toolAliases:\n  $0"
            toolsSettings (Key) mapping | snippet "toolsSettings:\n  $0"
            mcpServers (Key) mapping | snippet "mcpServers:\n  $0"
            includeMcpJson (Key) `true` or `false` | snippet "includeMcpJson: ${1|true,false|}"
            includePowers (Key) `true` or `false` | snippet "includePowers: ${1|true,false|}"
            resources (Key) name or list of names | snippet "resources:\n  - $0"
            hooks (Key) mapping | snippet "hooks:\n  $0"
            keyboardShortcut (Key) text | snippet "keyboardShortcut: $0"
            welcomeMessage (Key) text | snippet "welcomeMessage: $0"
            prompt (Key) text | snippet "prompt: $0"
            excludedTools (Key) name or list of names | snippet "excludedTools:\n  - $0"
            permissions (Key) any value | snippet "permissions: $0"
        "#]],
    );
}

fn hovered(path: &str, fixture: &str, expect: Expect) {
    let (doc, offset) = common::at_cursor(path, fixture);
    let got = match hover(&doc, offset, &McpCatalog::default()) {
        Some(h) => format!("[{}]\n{}\n", doc.slice(&h.range), h.markdown),
        None => "(no hover)\n".into(),
    };
    expect.assert_eq(&got);
}

#[test]
fn hovers() {
    hovered(
        "p/.windsurf/rules/a.md",
        "---\ntrig$0ger: glob\nglobs: \"*.ts\"\n---\nUse tabs.\n",
        expect![[r#"
            [trigger]
            **`trigger`**: one of a fixed set

            How the rule is activated: `always_on`, `manual` (`@mention`), `model_decision` (by its `description`) or `glob` (by `globs`). Windsurf docs, "Memories & Rules", activation modes; only `always_on` appears in a vendor page's front matter (Devin CLI docs), the other spellings in the rules Windsurf writes. Not verified by a run: Windsurf cannot be run here.

            Values: `always_on`, `manual`, `model_decision`, `glob`.
        "#]],
    );
    hovered(
        "p/.kiro/steering/a.md",
        "---\ninclusion: fileMatch\nfileMatch$0Pattern: \"*.ts\"\n---\nUse tabs.\n",
        expect![[r#"
            [fileMatchPattern]
            **`fileMatchPattern`**: glob or list of globs

            With `inclusion: fileMatch`: one glob (`"components/**/*.tsx"`) or a list of globs (`["**/*.ts", "**/*.tsx"]`, kirodotdev/Kiro#3643). A comma inside a string is part of the pattern, not a separator (kirodotdev/Kiro#11095).
        "#]],
    );
    hovered(
        "p/.kiro/steering/a.md",
        "---\ninclusion: au$0to\n---\nUse tabs.\n",
        expect![[r#"
            [auto]
            **`auto`** (`inclusion`)

            The agent includes it when the request matches its `description` (with `name`). Reported never to activate on Kiro IDE 1.0.293 (kirodotdev/Kiro#10804).
        "#]],
    );
    hovered(
        "/p/.kiro/steering/a.md",
        "---\ninclusion: always\n---\nSee #[[file:docs/ap$0i.md]].\n",
        expect![[r#"
            [#[[file:docs/api.md]]]
            **`#[[file:docs/api.md]]`**: includes the file `docs/api.md` (relative to the workspace root) with this steering file. Kiro docs, "Steering", file references; kiro-cli 2.19.2 is reported not to load them (kirodotdev/Kiro#11081).
        "#]],
    );
    hovered(
        "p/.kiro/agents/a.md",
        "---\nname: a\nto$0ols: [\"read\"]\n---\nYou review.\n",
        expect![[r#"
            [tools]
            **`tools`**: name or list of names

            The tools the agent may use: `*` for all, `@builtin` for the built-in ones, `@server` for an MCP server's, or tool ids. agentls reads it as text: it has no list of Kiro's tools or models, so it checks no name here.
        "#]],
    );
}

#[test]
fn outline_names_the_front_matter_keys() {
    let doc = Document::new(
        "---\ninclusion: fileMatch\nfileMatchPattern: \"*.ts\"\n---\n# Types\n\nUse strict types.\n",
        Some(PathBuf::from("p/.kiro/steering/ts.md")),
    );
    let scan = links::scan_doc(&doc, formats::by_id("kiro-steering"));
    let names: Vec<String> = agentls::analysis::symbols::document_symbols(&doc, &scan)
        .iter()
        .map(|s| s.name.clone())
        .collect();
    expect![[r#"
        ["front matter", "Types"]
    "#]]
    .assert_eq(&format!("{names:?}\n"));
}

#[test]
fn another_tools_key_is_renamed_to_kiros() {
    let text = "---\ninclusion: fileMatch\nglobs:\n  - \"src/app/**/*\"\n---\nRoutes.\n";
    let path = "p/.kiro/steering/routes.md";
    let doc = Document::new(text, Some(PathBuf::from(path)));
    let actions = code_actions(&doc, &(24..29));
    let fix = actions
        .iter()
        .find(|a| a.title == "Change to `fileMatchPattern`")
        .expect("a rename of `globs`");
    let fixed = apply(text, &fix.edits);
    assert!(codes(path, &fixed).is_empty(), "{fixed}");
}
