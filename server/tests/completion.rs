//! Completion fixtures: a document with `$0` at the cursor, and a snapshot of what a client would
//! show there. Like a client, the list is narrowed to the labels that start with the text being
//! replaced. `UPDATE_EXPECT=1 cargo test -p agentls --test completion` rewrites the snapshots.

use agentls::analysis::completion::{
    Completion, NameInfo, ProjectContext, ProjectNames, completions, wants_project_names,
};
use agentls::document::Document;
use agentls::formats::{Product, claude, copilot};
use expect_test::{Expect, expect};
use std::path::PathBuf;

const PATH: &str = "project/.claude/agents/code-reviewer.md";

mod common;
use common::mcp;

fn at_cursor(fixture: &str) -> (Document, usize) {
    common::at_cursor(PATH, fixture)
}

fn name(name: &str, path: &str, description: Option<&str>, product: &'static Product) -> NameInfo {
    NameInfo {
        name: name.into(),
        path: path.into(),
        description: description.map(str::to_string),
        vocabulary: Some(product),
    }
}

/// The workspace around the fixture: its MCP servers, and agents and skills in other files
/// (unsorted, with a second `test-runner` in a plugin and a Copilot agent).
fn project() -> ProjectContext {
    ProjectContext {
        mcp: mcp(),
        names: ProjectNames {
            agents: vec![
                name(
                    "test-runner",
                    "plugins/qa/agents/test-runner.md",
                    Some("The plugin's runner."),
                    &claude::PRODUCT,
                ),
                name(
                    "code-reviewer",
                    ".claude/agents/code-reviewer.md",
                    Some("Reviews code."),
                    &claude::PRODUCT,
                ),
                name(
                    "test-runner",
                    ".claude/agents/test-runner.md",
                    Some("Runs the tests."),
                    &claude::PRODUCT,
                ),
                name("planner", ".github/agents/planner.agent.md", None, &copilot::PRODUCT),
            ],
            skills: vec![
                name("pdf", "skills/pdf/SKILL.md", Some("Fills PDF forms."), &claude::PRODUCT),
                name("docx", ".claude/skills/docx/SKILL.md", None, &claude::PRODUCT),
            ],
        },
    }
}

fn render(doc: &Document, offset: usize, items: &[Completion]) -> String {
    let Some(first) = items.first() else {
        return "(no completions)\n".into();
    };
    let replaced = doc.slice(&first.range);
    // A client narrows the list by the text between the start of the range and the cursor.
    let typed = doc.slice(&(first.range.start..offset)).to_lowercase();
    let mut sorted: Vec<&Completion> = items.iter().collect();
    sorted.sort_by(|a, b| (&a.sort, &a.label).cmp(&(&b.sort, &b.label)));
    let mut out = format!("replaces {replaced:?}\n");
    let mut shown = 0;
    for c in sorted {
        assert_eq!(c.range, first.range, "one replace range per list");
        if !c.label.to_lowercase().starts_with(&typed) {
            continue;
        }
        shown += 1;
        out.push_str(&format!("{} ({:?}) {} => {:?}", c.label, c.kind, c.detail, c.text));
        if let Some(s) = &c.snippet {
            out.push_str(&format!(" | snippet {s:?}"));
        }
        out.push('\n');
    }
    if shown == 0 {
        out.push_str("(nothing matches)\n");
    }
    out
}

fn check(fixture: &str, expect: Expect) {
    let (doc, offset) = at_cursor(fixture);
    expect.assert_eq(&render(&doc, offset, &completions(&doc, offset, &project())));
}

/// All labels offered, unfiltered.
fn labels(fixture: &str) -> Vec<String> {
    let (doc, offset) = at_cursor(fixture);
    completions(&doc, offset, &project())
        .into_iter()
        .map(|c| c.label)
        .collect()
}

#[test]
fn keys_not_present_required_first() {
    check(
        "---\nname: code-reviewer\n$0\n---\nBody.\n",
        expect![[r#"
            replaces ""
            description (Key) text, required => "description: " | snippet "description: |\n  $0"
            tools (Key) comma-separated string or list of tools => "tools: " | snippet "tools: $0"
            disallowedTools (Key) comma-separated string or list of tools => "disallowedTools: " | snippet "disallowedTools: $0"
            model (Key) model alias or id => "model: " | snippet "model: ${1|inherit,sonnet,opus,haiku,fable|}"
            permissionMode (Key) one of a fixed set => "permissionMode: " | snippet "permissionMode: ${1|default,manual,acceptEdits,plan,auto,dontAsk,bypassPermissions|}"
            maxTurns (Key) whole number => "maxTurns: " | snippet "maxTurns: $0"
            skills (Key) name or list of names => "skills: " | snippet "skills:\n  - $0"
            mcpServers (Key) list of MCP server names or `{name: config}` mappings => "mcpServers:\n  - " | snippet "mcpServers:\n  - $0"
            hooks (Key) mapping => "hooks:\n  " | snippet "hooks:\n  $0"
            memory (Key) one of a fixed set => "memory: " | snippet "memory: ${1|user,project,local|}"
            background (Key) `true` or `false` => "background: " | snippet "background: ${1|true,false|}"
            effort (Key) effort level or whole number => "effort: " | snippet "effort: ${1|low,medium,high,xhigh,max|}"
            isolation (Key) one of a fixed set => "isolation: " | snippet "isolation: ${1|worktree,remote|}"
            color (Key) one of a fixed set => "color: " | snippet "color: ${1|red,blue,green,yellow,purple,orange,pink,cyan|}"
            initialPrompt (Key) text => "initialPrompt: " | snippet "initialPrompt: $0"
            omitClaudeMd (Key) `true` or `false` => "omitClaudeMd: " | snippet "omitClaudeMd: ${1|true,false|}"
            autoCompactWindow (Key) whole number => "autoCompactWindow: " | snippet "autoCompactWindow: $0"
            observer (Key) text => "observer: " | snippet "observer: $0"
            observerMessage (Key) text => "observerMessage: " | snippet "observerMessage: $0"
            observeSubagents (Key) `true` or `false` => "observeSubagents: " | snippet "observeSubagents: ${1|true,false|}"
            observeToolResults (Key) `true` or `false` => "observeToolResults: " | snippet "observeToolResults: ${1|true,false|}"
            experimental (Key) mapping => "experimental:\n  " | snippet "experimental:\n  $0"
        "#]],
    );
}

#[test]
fn key_mid_word_replaces_the_whole_word() {
    check(
        "---\nname: code-reviewer\nmo$0de\n---\nBody.\n",
        expect![[r#"
            replaces "mode"
            model (Key) model alias or id => "model: " | snippet "model: ${1|inherit,sonnet,opus,haiku,fable|}"
        "#]],
    );
    // A colon already follows: only the key is inserted.
    check(
        "---\nname: code-reviewer\nperm$0: plan\n---\nBody.\n",
        expect![[r#"
            replaces "perm"
            permissionMode (Key) one of a fixed set => "permissionMode"
        "#]],
    );
    // An empty front matter offers the file name for `name`.
    check(
        "---\nna$0\n---\nBody.\n",
        expect![[r#"
            replaces "na"
            name (Key) identifier (lowercase, digits, hyphens), required => "name: " | snippet "name: ${1:code-reviewer}"
        "#]],
    );
}

#[test]
fn enum_values_and_booleans() {
    check(
        "---\nname: a\npermissionMode: $0\n---\n",
        expect![[r#"
            replaces ""
            default (Value) `permissionMode` => "default"
            manual (Value) `permissionMode` => "manual"
            acceptEdits (Value) `permissionMode` => "acceptEdits"
            plan (Value) `permissionMode` => "plan"
            auto (Value) `permissionMode` => "auto"
            dontAsk (Value) `permissionMode` => "dontAsk"
            bypassPermissions (Value) `permissionMode` => "bypassPermissions"
        "#]],
    );
    // Right after the colon: the insertion brings its own space.
    check(
        "---\nname: a\nbackground:$0\n---\n",
        expect![[r#"
            replaces ""
            true (Value) boolean => " true"
            false (Value) boolean => " false"
        "#]],
    );
    // The user's quote is kept and closed.
    check(
        "---\nname: a\ncolor: \"bl$0\n---\n",
        expect![[r#"
            replaces "bl"
            blue (Color) #3b82f6 => "blue\""
        "#]],
    );
    check(
        "---\nname: a\ncolor: 'gr$0'\n---\n",
        expect![[r#"
            replaces "gr"
            green (Color) #22c55e => "green"
        "#]],
    );
}

#[test]
fn models_aliases_first() {
    check(
        "---\nname: a\nmodel: so$0\n---\n",
        expect![[r#"
            replaces "so"
            sonnet (Model) alias => "sonnet"
            sonnet[1m] (Model) `--model` alias, not documented for subagents => "sonnet[1m]"
        "#]],
    );
    check(
        "---\nname: a\nmodel: claude-h$0\n---\n",
        expect![[r#"
            replaces "claude-h"
            claude-haiku-5-5 (Model) model id => "claude-haiku-5-5"
            claude-haiku-4-5 (Model) model id => "claude-haiku-4-5"
            claude-haiku-4-5-20251001 (Model) model id => "claude-haiku-4-5-20251001"
        "#]],
    );
    // Retired models are never offered.
    assert!(
        !labels("---\nname: a\nmodel: $0\n---\n")
            .iter()
            .any(|l| l == "claude-opus-4-1")
    );
}

#[test]
fn name_offers_the_file_name() {
    check(
        "---\nname: $0\n---\n",
        expect![[r#"
            replaces ""
            code-reviewer (Value) the file name => "code-reviewer"
        "#]],
    );
}

#[test]
fn tools_in_a_string_skip_listed_ones() {
    check(
        "---\nname: a\ntools: Read, Gr$0\n---\n",
        expect![[r#"
            replaces "Gr"
            Grep (Tool) built-in tool, read-only => "Grep"
        "#]],
    );
    // Mid-word, in a quoted string: the whole word is replaced and the quote left alone.
    check(
        "---\nname: a\ntools: \"Read, We$0Fe, Grep\"\n---\n",
        expect![[r#"
            replaces "WeFe"
            WebFetch (Tool) built-in tool, read-only => "WebFetch"
            WebSearch (Tool) built-in tool, read-only => "WebSearch"
        "#]],
    );
    let offered = labels("---\nname: a\ntools: Read, Grep, $0\n---\n");
    assert!(!offered.contains(&"Read".to_string()) && !offered.contains(&"Grep".to_string()));
    assert!(offered.contains(&"Glob".to_string()));
    // Retired tools and old aliases are not offered.
    assert!(!offered.iter().any(|l| l == "MultiEdit" || l == "Task"));
}

#[test]
fn tools_in_a_block_list_and_a_flow_list() {
    check(
        "---\nname: a\ntools:\n  - Read\n  - Wr$0\n---\n",
        expect![[r#"
            replaces "Wr"
            Write (Tool) built-in tool => "Write"
        "#]],
    );
    check(
        "---\nname: a\ntools:\n  -$0\n---\n",
        expect![[r#"
            replaces ""
            Agent (Tool) built-in tool => " Agent"
            Artifact (Tool) built-in tool => " Artifact"
            Bash (Tool) built-in tool => " Bash"
            ClaudeDesign (Tool) built-in tool => " ClaudeDesign"
            CronCreate (Tool) built-in tool => " CronCreate"
            CronDelete (Tool) built-in tool => " CronDelete"
            CronList (Tool) built-in tool, read-only => " CronList"
            Edit (Tool) built-in tool => " Edit"
            EnterWorktree (Tool) built-in tool => " EnterWorktree"
            ExitWorktree (Tool) built-in tool => " ExitWorktree"
            Glob (Tool) built-in tool, read-only => " Glob"
            Grep (Tool) built-in tool, read-only => " Grep"
            ListAgents (Tool) built-in tool, read-only => " ListAgents"
            ListMcpResourcesTool (Tool) built-in tool, read-only => " ListMcpResourcesTool"
            LSP (Tool) built-in tool, read-only => " LSP"
            Monitor (Tool) built-in tool => " Monitor"
            NotebookEdit (Tool) built-in tool => " NotebookEdit"
            OfferChromeSetup (Tool) built-in tool => " OfferChromeSetup"
            PowerShell (Tool) built-in tool => " PowerShell"
            Projects (Tool) built-in tool => " Projects"
            propose_skills (Tool) built-in tool => " propose_skills"
            PushNotification (Tool) built-in tool => " PushNotification"
            Read (Tool) built-in tool, read-only => " Read"
            ReadMcpResourceDirTool (Tool) built-in tool, read-only => " ReadMcpResourceDirTool"
            ReadMcpResourceTool (Tool) built-in tool, read-only => " ReadMcpResourceTool"
            ReadNotifications (Tool) built-in tool, read-only => " ReadNotifications"
            RemoteTrigger (Tool) built-in tool => " RemoteTrigger"
            ReportFindings (Tool) built-in tool, read-only => " ReportFindings"
            SendFeedback (Tool) built-in tool => " SendFeedback"
            SendMessage (Tool) built-in tool => " SendMessage"
            SendUserFile (Tool) built-in tool => " SendUserFile"
            SendUserMessage (Tool) built-in tool => " SendUserMessage"
            SetGoal (Tool) built-in tool => " SetGoal"
            ShareOnboardingGuide (Tool) built-in tool => " ShareOnboardingGuide"
            ShowOnboardingRolePicker (Tool) built-in tool => " ShowOnboardingRolePicker"
            Skill (Tool) built-in tool => " Skill"
            SubagentHandback (Tool) built-in tool => " SubagentHandback"
            TaskCreate (Tool) built-in tool => " TaskCreate"
            TaskGet (Tool) built-in tool, read-only => " TaskGet"
            TaskList (Tool) built-in tool, read-only => " TaskList"
            TaskStop (Tool) built-in tool => " TaskStop"
            TaskUpdate (Tool) built-in tool => " TaskUpdate"
            TodoWrite (Tool) built-in tool => " TodoWrite"
            ToolSearch (Tool) built-in tool, read-only => " ToolSearch"
            WebFetch (Tool) built-in tool, read-only => " WebFetch"
            WebSearch (Tool) built-in tool, read-only => " WebSearch"
            Write (Tool) built-in tool => " Write"
            mcp__github__* (McpTool) every tool of MCP server `github` => " mcp__github__*"
            mcp__github__create_issue (McpTool) MCP tool of `github` => " mcp__github__create_issue"
            AskUserQuestion (Tool) built-in tool, not available to subagents => " AskUserQuestion"
            EndConversation (Tool) built-in tool, not available to subagents => " EndConversation"
            EnterPlanMode (Tool) built-in tool, not available to subagents => " EnterPlanMode"
            ExitPlanMode (Tool) built-in tool, not available to subagents => " ExitPlanMode"
            ScheduleWakeup (Tool) built-in tool, not available to subagents => " ScheduleWakeup"
            WaitForMcpServers (Tool) built-in tool, not available to subagents => " WaitForMcpServers"
            Workflow (Tool) built-in tool, not available to subagents => " Workflow"
        "#]],
    );
    check(
        "---\nname: a\ndisallowedTools: [Bash, No$0]\n---\n",
        expect![[r#"
            replaces "No"
            NotebookEdit (Tool) built-in tool => "NotebookEdit"
        "#]],
    );
    let offered = labels("---\nname: a\ntools:\n  - Read\n  - $0\n  - Grep\n---\n");
    assert!(!offered.contains(&"Read".to_string()) && !offered.contains(&"Grep".to_string()));
}

#[test]
fn mcp_tools_from_the_project_and_the_agent() {
    check(
        "---\nname: a\ntools: Read, mcp__$0\nmcpServers:\n  - slack\n  - jira: {command: jira-mcp}\n---\n",
        expect![[r#"
            replaces "mcp__"
            mcp__github__* (McpTool) every tool of MCP server `github` => "mcp__github__*"
            mcp__github__create_issue (McpTool) MCP tool of `github` => "mcp__github__create_issue"
            mcp__slack__* (McpTool) every tool of MCP server `slack` => "mcp__slack__*"
            mcp__jira__* (McpTool) every tool of MCP server `jira` => "mcp__jira__*"
        "#]],
    );
}

#[test]
fn permission_rule_forms_after_a_parenthesis() {
    check(
        "---\nname: a\ntools: Read, Bash($0\n---\n",
        expect![[r#"
            replaces ""
            git diff * (Rule) Bash(git diff *) => "git diff *)"
            git diff:* (Rule) Bash(git diff:*) => "git diff:*)"
            npm run * (Rule) Bash(npm run *) => "npm run *)"
        "#]],
    );
    // The closing parenthesis is there already (an editor auto-closed it).
    check(
        "---\nname: a\ntools: Read, Bash(git$0)\n---\n",
        expect![[r#"
            replaces "git"
            git diff * (Rule) Bash(git diff *) => "git diff *"
            git diff:* (Rule) Bash(git diff:*) => "git diff:*"
        "#]],
    );
    // `Task` is the old name of `Agent`.
    check(
        "---\nname: a\ntools:\n  - Task(Ex$0\n---\n",
        expect![[r#"
            replaces "Ex"
            Explore (Agent) built-in agent type => "Explore)"
            Explore, Plan (Rule) Agent(Explore, Plan) => "Explore, Plan)"
        "#]],
    );
}

#[test]
fn mcp_server_names_in_mcp_servers() {
    check(
        "---\nname: a\nmcpServers:\n  - $0\n---\n",
        expect![[r#"
            replaces ""
            github (McpServer) MCP server => "github"
        "#]],
    );
}

#[test]
fn nothing_in_the_body_prose_or_ordinary_markdown() {
    assert!(labels("---\nname: a\n---\nBody $0 text.\n").is_empty());
    assert!(labels("---\nname: a\ndescription: Use it $0\n---\n").is_empty());
    assert!(labels("---\nname: a\nhooks:\n  Pre$0\n---\n").is_empty());
    // A README is not an agent file.
    let doc = Document::new("---\ntitle: x\n\n---\n", Some(PathBuf::from("docs/README.md")));
    assert!(completions(&doc, 4, &project()).is_empty());
}

#[test]
fn non_ascii_before_the_cursor() {
    check(
        "---\nname: a\ntools: \"日本😀, Re$0\"\n---\n",
        expect![[r#"
            replaces "Re"
            Read (Tool) built-in tool, read-only => "Read"
            ReadMcpResourceDirTool (Tool) built-in tool, read-only => "ReadMcpResourceDirTool"
            ReadMcpResourceTool (Tool) built-in tool, read-only => "ReadMcpResourceTool"
            ReadNotifications (Tool) built-in tool, read-only => "ReadNotifications"
            RemoteTrigger (Tool) built-in tool => "RemoteTrigger"
            ReportFindings (Tool) built-in tool, read-only => "ReportFindings"
        "#]],
    );
}

#[test]
fn agent_names_after_agent_paren() {
    // The workspace's agents first (each name once), then the built-in types, then the rule
    // forms; the parenthesis is closed.
    check(
        "---\nname: a\ntools: Read, Agent($0\n---\n",
        expect![[r#"
            replaces ""
            code-reviewer (Agent) agent in .claude/agents/code-reviewer.md => "code-reviewer)"
            test-runner (Agent) agent in .claude/agents/test-runner.md => "test-runner)"
            general-purpose (Agent) built-in agent type => "general-purpose)"
            Explore (Agent) built-in agent type => "Explore)"
            Plan (Agent) built-in agent type => "Plan)"
            Bash (Agent) built-in agent type => "Bash)"
            statusline-setup (Agent) built-in agent type => "statusline-setup)"
            claude-code-guide (Agent) built-in agent type => "claude-code-guide)"
            Explore, Plan (Rule) Agent(Explore, Plan) => "Explore, Plan)"
        "#]],
    );
    // A block list item, typed part of a name, the parenthesis already closed.
    check(
        "---\nname: a\ntools:\n  - Agent(te$0)\n---\n",
        expect![[r#"
            replaces "te"
            test-runner (Agent) agent in .claude/agents/test-runner.md => "test-runner"
        "#]],
    );
    // After a comma inside the parentheses: only the name being typed is replaced, the names
    // already there are not offered again, and whole rule forms no longer fit.
    check(
        "---\nname: a\ntools: Agent(test-runner, Ex$0, Plan)\n---\n",
        expect![[r#"
            replaces "Ex"
            Explore (Agent) built-in agent type => "Explore"
        "#]],
    );
    let offered = labels("---\nname: a\ntools: Agent(test-runner, Plan, $0\n---\n");
    assert!(
        !offered
            .iter()
            .any(|l| l == "test-runner" || l == "Plan" || l.contains(','))
    );
    assert!(offered.iter().any(|l| l == "code-reviewer"));
    // `Task` is the old name of `Agent`; the documentation is the agent's description.
    let (doc, offset) = at_cursor("---\nname: a\ntools: \"Task($0\"\n---\n");
    let items = completions(&doc, offset, &project());
    let runner = items.iter().find(|c| c.label == "test-runner").unwrap();
    assert_eq!(runner.doc, "Runs the tests.");
    assert_eq!(runner.text, "test-runner)");
    // A built-in type with a rule form is offered once, with the rule form's documentation.
    let explore: Vec<&Completion> = items.iter().filter(|c| c.label == "Explore").collect();
    assert_eq!(explore.len(), 1);
    assert!(explore[0].doc.contains("main thread"), "{}", explore[0].doc);
    // An agent does not offer itself, and a Copilot agent is no Claude Code subagent.
    let offered = labels("---\nname: code-reviewer\ntools: Agent($0\n---\n");
    assert!(!offered.iter().any(|l| l == "code-reviewer" || l == "planner"));
    assert!(offered.iter().any(|l| l == "test-runner"));
    // Other tools keep their rule forms only.
    assert!(
        !labels("---\nname: a\ntools: Bash($0\n---\n")
            .iter()
            .any(|l| l == "test-runner")
    );
}

#[test]
fn skill_names_in_skills() {
    check(
        "---\nname: a\nskills:\n  - $0\n---\n",
        expect![[r#"
            replaces ""
            docx (Skill) skill in .claude/skills/docx/SKILL.md => "docx"
            pdf (Skill) skill in skills/pdf/SKILL.md => "pdf"
        "#]],
    );
    // A skill already listed is not offered again, in a block list, a flow list or a string.
    check(
        "---\nname: a\nskills:\n  - pdf\n  -$0\n---\n",
        expect![[r#"
            replaces ""
            docx (Skill) skill in .claude/skills/docx/SKILL.md => " docx"
        "#]],
    );
    check(
        "---\nname: a\nskills: [docx, $0]\n---\n",
        expect![[r#"
            replaces ""
            pdf (Skill) skill in skills/pdf/SKILL.md => "pdf"
        "#]],
    );
    check(
        "---\nname: a\nskills: pdf, d$0\n---\n",
        expect![[r#"
            replaces "d"
            docx (Skill) skill in .claude/skills/docx/SKILL.md => "docx"
        "#]],
    );
    check(
        "---\nname: a\nskills:$0\n---\n",
        expect![[r#"
            replaces ""
            docx (Skill) skill in .claude/skills/docx/SKILL.md => " docx"
            pdf (Skill) skill in skills/pdf/SKILL.md => " pdf"
        "#]],
    );
    // The name being typed is not a sibling of itself.
    assert_eq!(labels("---\nname: a\nskills: pd$0\n---\n"), vec!["docx", "pdf"]);
    // The documentation is the skill's description.
    let (doc, offset) = at_cursor("---\nname: a\nskills: [$0]\n---\n");
    let docs: Vec<(String, String)> = completions(&doc, offset, &project())
        .into_iter()
        .map(|c| (c.label, c.doc))
        .collect();
    assert_eq!(
        docs,
        vec![
            ("docx".to_string(), String::new()),
            ("pdf".to_string(), "Fills PDF forms.".to_string())
        ]
    );
}

#[test]
fn workspace_names_are_wanted_only_where_they_are_offered() {
    let wants = |fixture: &str| {
        let (doc, offset) = at_cursor(fixture);
        wants_project_names(&doc, offset)
    };
    assert!(wants("---\nname: a\ntools: Read, Agent($0\n---\n"));
    assert!(wants("---\nname: a\ntools:\n  - Task(x, $0)\n---\n"));
    assert!(wants("---\nname: a\nskills:\n  - $0\n---\n"));
    assert!(wants("---\nname: a\nskills: pdf, $0\n---\n"));
    assert!(!wants("---\nname: a\ntools: Read, $0\n---\n"));
    assert!(!wants("---\nname: a\ntools: Bash($0\n---\n"));
    assert!(!wants("---\nname: a\n$0\n---\n"));
    assert!(!wants("---\nname: a\n---\nBody $0\n"));
}

/// An OpenCode command offers OpenCode's command keys (no Claude Code `argument-hint`), and a
/// `provider/model-id` for `model`.
#[test]
fn opencode_command_keys_and_models() {
    let (doc, offset) = common::at_cursor(
        "project/.opencode/commands/review.md",
        "---\ndescription: Reviews a file\n$0\n---\nReview $1.\n",
    );
    expect![[r#"
        replaces ""
        agent (Key) text => "agent: " | snippet "agent: $0"
        model (Key) `provider/model-id` => "model: " | snippet "model: ${1:anthropic/claude-sonnet-4-5}"
        variant (Key) text => "variant: " | snippet "variant: $0"
        subtask (Key) `true` or `false` => "subtask: " | snippet "subtask: ${1|true,false|}"
        name (Key) text => "name: " | snippet "name: $0"
        template (Key) text => "template: " | snippet "template: $0"
    "#]]
    .assert_eq(&render(&doc, offset, &completions(&doc, offset, &project())));
    let (doc, offset) = common::at_cursor(
        "project/.kilo/commands/review.md",
        "---\ndescription: Reviews a file\nmodel: anthropic/claude-h$0\n---\nReview $1.\n",
    );
    expect![[r#"
        replaces "anthropic/claude-h"
        anthropic/claude-haiku-5-5 (Model) provider/model => "anthropic/claude-haiku-5-5"
        anthropic/claude-haiku-4-5 (Model) provider/model => "anthropic/claude-haiku-4-5"
    "#]]
    .assert_eq(&render(&doc, offset, &completions(&doc, offset, &project())));
}

/// Cline rules: the keys Cline reads; `paths`, which Cline 3.0.65 does not read, is not offered.
#[test]
fn cline_rule_keys_leave_out_what_cline_does_not_read() {
    let (doc, offset) = common::at_cursor("project/.clinerules/testing.md", "---\n$0\n---\nBody.\n");
    expect![[r#"
        replaces ""
        name (Key) text => "name: " | snippet "name: $0"
        description (Key) any value => "description: " | snippet "description: $0"
        disabled (Key) `true` or `false` => "disabled: " | snippet "disabled: ${1|true,false|}"
        enabled (Key) `true` or `false` => "enabled: " | snippet "enabled: ${1|true,false|}"
    "#]]
    .assert_eq(&render(&doc, offset, &completions(&doc, offset, &project())));
    let (doc, offset) = common::at_cursor("project/.clinerules/testing.md", "---\ndisabled: $0\n---\nBody.\n");
    expect![[r#"
        replaces ""
        true (Value) boolean => "true"
        false (Value) boolean => "false"
    "#]]
    .assert_eq(&render(&doc, offset, &completions(&doc, offset, &project())));
}
