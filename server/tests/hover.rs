//! Hover fixtures: `$0` marks the mouse; the snapshot shows the hovered text and the Markdown.
//! `UPDATE_EXPECT=1 cargo test -p agentls --test hover` rewrites the snapshots.

use agentls::analysis::hover::hover;
use agentls::document::Document;
use agentls::workspace::mcp::{McpCatalog, McpServer};
use expect_test::{Expect, expect};
use std::path::PathBuf;

mod common;

fn check(fixture: &str, expect: Expect) {
    let (doc, offset) = common::at_cursor("project/.claude/agents/a.md", fixture);
    let mcp = McpCatalog {
        servers: vec![McpServer {
            name: "github".into(),
            declared_in: PathBuf::from("project/.mcp.json"),
            tools: Vec::new(),
        }],
    };
    let got = match hover(&doc, offset, &mcp) {
        Some(h) => format!("[{}]\n{}\n", doc.slice(&h.range), h.markdown),
        None => "(no hover)\n".into(),
    };
    expect.assert_eq(&got);
}

#[test]
fn keys() {
    check(
        "---\nname: a\nperm$0issionMode: plan\n---\n",
        expect![[r#"
            [permissionMode]
            **`permissionMode`**: one of a fixed set

            How the subagent handles permission prompts. Ignored for plugin agents.

            Values: `default`, `manual`, `acceptEdits`, `plan`, `auto`, `dontAsk`, `bypassPermissions`.
        "#]],
    );
    check(
        "---\nna$0me: a\n---\n",
        expect![[r#"
            [name]
            **`name`**: identifier (lowercase, digits, hyphens), required

            Unique identifier of the subagent: text of at most 256 characters, without `:` and not starting with `-`; lowercase letters, digits and hyphens by convention. Claude Code skips a file without it.
        "#]],
    );
    // Unknown keys get nothing here (their diagnostic says it all).
    check(
        "---\nname: a\nfo$0o: 1\n---\n",
        expect![[r#"
        (no hover)
    "#]],
    );
}

#[test]
fn models() {
    check(
        "---\nname: a\nmodel: son$0net\n---\n",
        expect![[r#"
            [sonnet]
            **`sonnet`**: alias

            Latest Sonnet: Claude Code 2.1.332 sends `claude-sonnet-5-5`.
        "#]],
    );
    check(
        "---\nname: a\nmodel: claude-opus-4-1$0\n---\n",
        expect![[r#"
        [claude-opus-4-1]
        **`claude-opus-4-1`**: retired 2026-08-05: requests fail

        Claude Opus 4.1. Use `opus` instead.
    "#]],
    );
}

#[test]
fn tools_in_every_form() {
    check(
        "---\nname: a\ntools: Read, Ba$0sh\n---\n",
        expect![[r#"
        [Bash]
        **`Bash`**: built-in tool, can change files or state

        Executes shell commands. Rules: `Bash(npm run *)`, legacy prefix form `Bash(git diff:*)`.
    "#]],
    );
    check(
        "---\nname: a\ntools:\n  - Read\n  - Bash(git diff$0:*)\n---\n",
        expect![[r#"
        [Bash(git diff:*)]
        **`Bash`**: built-in tool, can change files or state

        Executes shell commands. Rules: `Bash(npm run *)`, legacy prefix form `Bash(git diff:*)`.

        Permission rule: only `Bash` calls matching `git diff:*`. Legacy prefix form: commands starting with `git diff`.
    "#]],
    );
    check(
        "---\nname: a\ntools: \"Task$0, Read\"\n---\n",
        expect![[r#"
        [Task]
        **`Task`**: old name of `Agent`, still accepted

        Spawns a subagent with its own context window. `Agent(type, …)` limits which agents it may start (main thread only).
    "#]],
    );
    check(
        "---\nname: a\ntools: [MultiEdit$0]\n---\n",
        expect![[r#"
        [MultiEdit]
        **`MultiEdit`**: removed from Claude Code, ignored; use `Edit`

        Made several edits to one file; removed from Claude Code.
    "#]],
    );
}

#[test]
fn mcp_tools_say_where_their_server_is_declared() {
    check(
        "---\nname: a\ntools: mcp__github__create$0_issue\n---\n",
        expect![[r#"
        [mcp__github__create_issue]
        **`mcp__github__create_issue`**: the tool `create_issue` of the MCP server `github`

        Server declared in `project/.mcp.json`.
    "#]],
    );
    check(
        "---\nname: a\ntools: mcp__slack$0__*\nmcpServers:\n  - slack\n---\n",
        expect![[r#"
            [mcp__slack__*]
            **`mcp__slack__*`**: every tool of the MCP server `slack`

            Server declared in this agent's `mcpServers`.
        "#]],
    );
    check(
        "---\nname: a\ntools: mcp__jira$0__*\n---\n",
        expect![[r#"
        [mcp__jira__*]
        **`mcp__jira__*`**: every tool of the MCP server `jira`

        Server not declared in the project's `.mcp.json` or in this agent's `mcpServers`; fine if it is configured in user settings.
    "#]],
    );
    check(
        "---\nname: a\nmcpServers:\n  - git$0hub\n  - jira: {command: x}\n---\n",
        expect![[r#"
        [github]
        **`github`**: MCP server declared in `project/.mcp.json`.
    "#]],
    );
}

#[test]
fn colours_and_escaped_descriptions() {
    check(
        "---\nname: a\ncolor: bl$0ue\n---\n",
        expect![[r#"
        [blue]
        **`blue`** (`color`)

        Shows the subagent in blue in the Claude Code UI.

        Colour: `#3b82f6`
    "#]],
    );
    check(
        "---\nname: a\ndescription: \"Use it.\\\\n\\\\n<example>\\\\nuser: hi$0\\\\n</example>\"\n---\n",
        expect![[r#"
            ["Use it.\\n\\n<example>\\nuser: hi\\n</example>"]
            Claude Code reads each `\n` here as a line break:

            ```text
            Use it.

            <example>
            user: hi
            </example>
            ```
        "#]],
    );
}

#[test]
fn non_ascii_before_the_mouse() {
    check(
        "---\nname: a\ntools: \"日本😀, Gl$0ob\"\n---\n",
        expect![[r#"
            [Glob]
            **`Glob`**: built-in tool, read-only

            Finds files by name pattern. Withheld from an agent that has Bash (it runs `find` there).
        "#]],
    );
}

#[test]
fn nothing_in_the_body_or_in_ordinary_markdown() {
    check(
        "---\nname: a\n---\nUse Re$0ad.\n",
        expect![[r#"
        (no hover)
    "#]],
    );
    let doc = Document::new("---\nmodel: sonnet\n---\n", Some(PathBuf::from("notes/README.md")));
    assert_eq!(hover(&doc, 8, &McpCatalog::default()), None);
}

/// An OpenCode command's placeholders and keys, as OpenCode 1.18.33 fills them in.
#[test]
fn opencode_command_arguments_and_keys() {
    let show = |path: &str, fixture: &str| {
        let (doc, offset) = common::at_cursor(path, fixture);
        match hover(&doc, offset, &McpCatalog::default()) {
            Some(h) => format!("[{}]\n{}\n", doc.slice(&h.range), h.markdown),
            None => "(no hover)\n".into(),
        }
    };
    let path = "project/.opencode/commands/team/review.md";
    expect![[r#"
        [$2]
        **Argument 2**: replaced by the second argument typed after `/team/review` (arguments are separated by spaces; quote one to keep its spaces). OpenCode counts from `$1`; with fewer arguments it is replaced by nothing. The highest numbered placeholder of the body also takes every argument after its own.
    "#]].assert_eq(&show(path, "---\ndescription: Reviews\n---\nReview $1 and $$02.\n"));
    expect![[r#"
        [subtask]
        **`subtask`**: `true` or `false`

        `true` runs the command in a subagent, so its work does not fill the main conversation.
    "#]]
    .assert_eq(&show(path, "---\nsub$0task: true\n---\nReview $ARGUMENTS.\n"));
}

/// Cline: a key Cline does not read says so on hover, with what the classic extension did.
#[test]
fn cline_keys() {
    let mcp = McpCatalog { servers: Vec::new() };
    let show = |path: &str, fixture: &str| {
        let (doc, offset) = common::at_cursor(path, fixture);
        match hover(&doc, offset, &mcp) {
            Some(h) => format!("[{}]\n{}\n", doc.slice(&h.range), h.markdown),
            None => "(no hover)\n".into(),
        }
    };
    expect![[r#"
        [paths]
        **`paths`**: any value (not read)

        Globs of the files this rule is for. **Cline 3.0.65 does not read it**: every rule applies everywhere. The classic extension (up to 3.89.2) applied the rule only while a matching file was in context.
    "#]]
    .assert_eq(&show("project/.clinerules/docs.md", "---\npa$0ths: [\"docs/**\"]\n---\nBody.\n"));
    expect![[r#"
        [description]
        **`description`**: text

        What the skill is for. Optional for Cline, which offers the model skill names only and shows the description once the skill is invoked. A value that is not text makes Cline drop the skill.
    "#]]
    .assert_eq(&show("project/.cline/skills/review/SKILL.md", "---\nname: review\ndesc$0ription: Reviews.\n---\nBody.\n"));
}
