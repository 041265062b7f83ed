//! Quick fixes, fix-all and refactors. The central property: applying any fix makes its
//! diagnostic go away and brings no new error. Snapshots show what the main fixes write.
//! `UPDATE_EXPECT=1 cargo test -p agentls --test code_actions` rewrites the snapshots.

use agentls::analysis::code_actions::{ActionKind, apply, code_actions, fix_all};
use agentls::analysis::{Severity, diagnostics};
use agentls::document::Document;
use expect_test::{Expect, expect};
use std::path::{Path, PathBuf};

const PATH: &str = "project/.claude/agents/reviewer.md";

fn doc(text: &str) -> Document {
    Document::new(text, Some(PathBuf::from(PATH)))
}

/// Documents with at least one fixable problem each, beyond the rule fixtures.
const CASES: &[&str] = &[
    "---\nname: reviewer\ndescription: Reviews code\ntools: Read, Raed, MultiEdit, Grep, Grep, Edit\nmodel: sonet\ncolor: bleu\npermisionMode: plan\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Use when: reviewing\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Use it.\\n\\n<example>\\nuser: \"hi\"\\nassistant: ok\\n</example>\n---\nBody.\n",
    "---\ndescription: Reviews code\n---\nBody.\n",
    "---\nname:\ndescription: Reviews code\n---\nBody.\n",
    "---\nname: Reviewer Bot\ndescription: Reviews code\n---\nBody.\n",
    "---\nname: other\ndescription: Reviews code\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\ntools:\n  - Read\n  - Grep\n  - Read\n  - Wirte\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\ntools: [Read, Grep, Read]\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\ntools: Read Grep\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\ntools:\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\nmodel: claude-opus-4-1\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\nargument-hint: [a] [b]\n---\nBody.\n",
    "---\nname: reviewer\ndescription: first\ndescription: Reviews code\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\nmodel: haiku\n\nYou review code.\n\n- one\n- two\n",
    "---\nname: reviewer\ndescription: Reviews code\n-----\nBody.\n",
    "---\r\nname: reviewer\r\ndescription: Reviews code\r\ntools: MultiEdit, Edit\r\nmodel: haiku\r\n",
    "---\nname: reviewer\ndescription: 日本語: 説明\ntools: \"日本😀, Grpe\"\n---\nBody.\n",
    "---\nname: reviewer\ndescription: Reviews code\ntools: [\"Read\", \"MultiEdit\", 'Read', \"Raed\"]\n---\nBody.\n",
];

fn errors(d: &[agentls::analysis::Diagnostic]) -> Vec<&str> {
    let mut e: Vec<&str> = d
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.as_str())
        .collect();
    e.sort();
    e
}

/// Applies every fix of every diagnostic of `text` and checks the outcome; returns how many.
fn check_every_fix(text: &str, path: &Path) -> usize {
    let before_doc = Document::new(text, Some(path.to_path_buf()));
    let before = diagnostics(&before_doc);
    let mut n = 0;
    for d in &before {
        for fix in &d.fixes {
            n += 1;
            let fixed = apply(text, &fix.edits);
            let after = diagnostics(&Document::new(&fixed, Some(path.to_path_buf())));
            let count = |ds: &[agentls::analysis::Diagnostic]| ds.iter().filter(|x| x.code == d.code).count();
            let ctx = format!(
                "fix {:?} for {} `{}` in\n{text}\n--- gave ---\n{fixed}\n--- diagnostics after: {after:#?}",
                fix.title, d.code, d.message
            );
            assert!(count(&after) < count(&before), "the diagnostic is still there: {ctx}");
            let (eb, ea) = (errors(&before), errors(&after));
            assert!(
                ea.len() <= eb.len() && ea.iter().all(|e| eb.contains(e)),
                "a new error appeared ({eb:?} → {ea:?}): {ctx}"
            );
        }
    }
    n
}

#[test]
fn every_fix_removes_its_diagnostic_and_adds_no_error() {
    let mut fixes = 0;
    for case in CASES {
        let n = check_every_fix(case, Path::new(PATH));
        assert!(n > 0, "no fix offered for\n{case}\n{:#?}", diagnostics(&doc(case)));
        fixes += n;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claude-agent");
    for entry in std::fs::read_dir(&root).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).unwrap();
            let virtual_path = Path::new("project/.claude/agents").join(path.file_name().unwrap());
            fixes += check_every_fix(&text, &virtual_path);
        }
    }
    assert!(fixes >= 40, "only {fixes} fixes were exercised");
}

/// Each quick fix at the first diagnostic touching `$0`, with the text it produces.
fn check_fixes(fixture: &str, expect: Expect) {
    let offset = fixture.find("$0").expect("a `$0` cursor");
    let text = fixture.replacen("$0", "", 1);
    let d = doc(&text);
    let mut out = String::new();
    for a in code_actions(&d, &(offset..offset)) {
        let kind = match a.kind {
            ActionKind::QuickFix => "quickfix",
            ActionKind::FixAll => "fix-all",
            ActionKind::RefactorRewrite => "refactor",
        };
        let star = if a.preferred { " (preferred)" } else { "" };
        out.push_str(&format!("== {kind}: {}{star}\n{}", a.title, apply(&text, &a.edits)));
    }
    if out.is_empty() {
        out.push_str("(no actions)\n");
    }
    expect.assert_eq(&out);
}

#[test]
fn quoting_a_value_two_ways() {
    check_fixes(
        "---\nname: reviewer\ndescription: Use$0 when: reviewing\n---\n",
        expect![[r#"
        == quickfix: Quote the value (preferred)
        ---
        name: reviewer
        description: "Use when: reviewing"
        ---
        == quickfix: Move the value into a `|` block
        ---
        name: reviewer
        description: |
          Use when: reviewing
        ---
    "#]],
    );
    check_fixes(
        "---\nname: reviewer\ndescription: Use it.\\n\\n<example>\\nuser: \"hi\"$0\\n</example>\n---\n",
        expect![[r#"
            == quickfix: Quote the value (preferred)
            ---
            name: reviewer
            description: "Use it.\\n\\n<example>\\nuser: \"hi\"\\n</example>"
            ---
            == quickfix: Turn the `\n`-escaped value into a `|` block
            ---
            name: reviewer
            description: |
              Use it.

              <example>
              user: "hi"
              </example>
            ---
        "#]],
    );
    check_fixes(
        "---\nname: reviewer\ndescription: x\nargument-hint: [a]$0 [b]\n---\n",
        expect![[r#"
            == quickfix: Quote the value (preferred)
            ---
            name: reviewer
            description: x
            argument-hint: "[a] [b]"
            ---
            == quickfix: Move the value into a `|` block
            ---
            name: reviewer
            description: x
            argument-hint: |
              [a] [b]
            ---
        "#]],
    );
}

#[test]
fn closing_and_completing_the_front_matter() {
    check_fixes(
        "-$0--\nname: reviewer\ndescription: Reviews code\nmodel: haiku\n\nYou review code.\n",
        expect![[r#"
            == quickfix: Close the front matter with `---` (preferred)
            ---
            name: reviewer
            description: Reviews code
            model: haiku
            ---

            You review code.
        "#]],
    );
    check_fixes(
        "-$0--\ndescription: Reviews code\n---\nBody.\n",
        expect![[r#"
        == quickfix: Add `name: reviewer` (from the file name) (preferred)
        ---
        name: reviewer
        description: Reviews code
        ---
        Body.
    "#]],
    );
}

#[test]
fn tool_fixes() {
    check_fixes(
        "---\nname: reviewer\ndescription: x\ntools: Read, Raed$0, MultiEdit, Edit, Grep, Grep\n---\nBody.\n",
        expect![[r#"
            == quickfix: Remove `Raed` (`Read` is listed already) (preferred)
            ---
            name: reviewer
            description: x
            tools: Read, MultiEdit, Edit, Grep, Grep
            ---
            Body.
            == refactor: Write `tools` as a YAML list
            ---
            name: reviewer
            description: x
            tools:
              - Read
              - Raed
              - MultiEdit
              - Edit
              - Grep
              - Grep
            ---
            Body.
        "#]],
    );
    check_fixes(
        "---\nname: reviewer\ndescription: x\ntools: Read, MultiEdit$0, Edit\n---\nBody.\n",
        expect![[r#"
            == quickfix: Remove `MultiEdit` (`Edit` is listed already) (preferred)
            ---
            name: reviewer
            description: x
            tools: Read, Edit
            ---
            Body.
            == refactor: Write `tools` as a YAML list
            ---
            name: reviewer
            description: x
            tools:
              - Read
              - MultiEdit
              - Edit
            ---
            Body.
        "#]],
    );
    check_fixes(
        "---\nname: reviewer\ndescription: x\ntools:\n  - Read\n  - Read$0\n  - Grep\n---\nBody.\n",
        expect![[r#"
            == quickfix: Remove the second `Read` (preferred)
            ---
            name: reviewer
            description: x
            tools:
              - Read
              - Grep
            ---
            Body.
            == refactor: Write `tools` as a comma-separated string
            ---
            name: reviewer
            description: x
            tools: Read, Read, Grep
            ---
            Body.
        "#]],
    );
}

#[test]
fn names() {
    check_fixes(
        "---\nname: Reviewer$0 Bot\ndescription: x\n---\nBody.\n",
        expect![[r#"
        == quickfix: Change to `reviewer-bot` (preferred)
        ---
        name: reviewer-bot
        description: x
        ---
        Body.
        == quickfix: Set the name to `reviewer` (the file name) (preferred)
        ---
        name: reviewer
        description: x
        ---
        Body.
    "#]],
    );
    check_fixes(
        "---\nname: oth$0er\ndescription: x\n---\nBody.\n",
        expect![[r#"
        == quickfix: Set the name to `reviewer` (the file name) (preferred)
        ---
        name: reviewer
        description: x
        ---
        Body.
    "#]],
    );
}

#[test]
fn tool_list_refactors_round_trip() {
    let string_form = "---\nname: reviewer\ndescription: x\ntools: Read, Bash(git diff:*), Agent(Explore, Plan), mcp__gh__*\n---\nBody.\n";
    let d = doc(string_form);
    let at = string_form.find("Read").unwrap();
    let to_list = code_actions(&d, &(at..at))
        .into_iter()
        .find(|a| a.kind == ActionKind::RefactorRewrite)
        .expect("a refactor on the tools line");
    let list_form = apply(string_form, &to_list.edits);
    expect![[r#"
        Write `tools` as a YAML list
        ---
        name: reviewer
        description: x
        tools:
          - Read
          - Bash(git diff:*)
          - Agent(Explore, Plan)
          - mcp__gh__*
        ---
        Body.
    "#]]
    .assert_eq(&format!("{}\n{list_form}", to_list.title));
    let d2 = doc(&list_form);
    assert_eq!(diagnostics(&d2), diagnostics(&d), "same findings in both forms");
    let at = list_form.find("Read").unwrap();
    let back = code_actions(&d2, &(at..at))
        .into_iter()
        .find(|a| a.kind == ActionKind::RefactorRewrite)
        .expect("a refactor on the list");
    assert_eq!(apply(&list_form, &back.edits), string_form);
}

#[test]
fn escaped_description_to_block_refactor() {
    check_fixes(
        "---\nname: reviewer\ndescription: \"Reviews$0 code.\\\\n\\\\nUse it after edits.\"\n---\nBody.\n",
        expect![[r#"
            == refactor: Turn the `\n`-escaped `description` into a `|` block
            ---
            name: reviewer
            description: |
              Reviews code.

              Use it after edits.
            ---
            Body.
        "#]],
    );
}

#[test]
fn fix_all_applies_the_safe_fixes_at_once() {
    let text = CASES[0];
    let all = fix_all(&doc(text)).expect("something to fix");
    let fixed = apply(text, &all.edits);
    expect![[r#"
        ---
        name: reviewer
        description: Reviews code
        tools: Read, Grep, Edit
        model: sonnet
        color: blue
        permissionMode: plan
        ---
        Body.
    "#]]
    .assert_eq(&fixed);
    let left: Vec<String> = diagnostics(&doc(&fixed)).into_iter().map(|d| d.code).collect();
    assert_eq!(left, Vec::<String>::new(), "{fixed}");
    assert_eq!(fix_all(&doc(&fixed)), None);
}

/// Quoted entries of a flow list: the fixes edit the names inside the quotes.
#[test]
fn fix_all_in_a_quoted_list() {
    let text = CASES[CASES.len() - 1];
    let all = fix_all(&doc(text)).expect("something to fix");
    expect![[r#"
        ---
        name: reviewer
        description: Reviews code
        tools: ["Read", "Edit"]
        ---
        Body.
    "#]]
    .assert_eq(&apply(text, &all.edits));
}

#[test]
fn chat_mode_is_renamed_to_an_agent_file() {
    let text = "---\ndescription: Plans\ntools: ['search']\n---\nPlan.\n";
    let renames = |path: &str| -> Vec<(String, Option<PathBuf>, usize)> {
        let d = Document::new(text, Some(PathBuf::from(path)));
        code_actions(&d, &(0..0))
            .into_iter()
            .map(|a| (a.title, a.rename_to, a.edits.len()))
            .collect()
    };
    assert_eq!(
        renames("p/.github/chatmodes/planner.chatmode.md"),
        vec![(
            "Rename the file to `planner.agent.md`".to_string(),
            Some(PathBuf::from("p/.github/agents/planner.agent.md")),
            0
        )]
    );
    assert_eq!(
        renames("p/modes/planner.chatmode.md"),
        vec![(
            "Rename the file to `planner.agent.md`".to_string(),
            Some(PathBuf::from("p/modes/planner.agent.md")),
            0
        )]
    );
    // Never part of "fix all" or `check --fix`: it is not a text edit.
    let d = Document::new(text, Some(PathBuf::from("p/.github/chatmodes/planner.chatmode.md")));
    assert_eq!(fix_all(&d), None);
}
