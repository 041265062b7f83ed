//! Completion and hover per format: a `$0` cursor in a file of each format, and a snapshot of
//! what a client would show. Each format answers from its own vocabulary: Copilot's tools and
//! model names in `.agent.md`, OpenCode's `provider/model` and tool ids, Claude Code's in
//! commands and skills. `UPDATE_EXPECT=1 cargo test -p agentls --test formats_help` rewrites
//! the snapshots.

use agentls::analysis::completion::{Completion, completions};
use agentls::analysis::hover::{hover, hover_with};
use agentls::analysis::links::{LinkTargets, Target};
use agentls::document::Document;
use expect_test::{Expect, expect};
use std::path::{Path, PathBuf};

mod common;
use common::{at_cursor, mcp};

/// The labels a client shows (narrowed by the typed prefix), with kind, detail and the start
/// of the doc; `limit` items at most.
fn render(doc: &Document, offset: usize, items: &[Completion], limit: usize) -> String {
    let Some(first) = items.first() else {
        return "(no completions)\n".into();
    };
    let typed = doc.slice(&(first.range.start..offset)).to_lowercase();
    let mut sorted: Vec<&Completion> = items.iter().collect();
    sorted.sort_by(|a, b| (&a.sort, &a.label).cmp(&(&b.sort, &b.label)));
    let shown: Vec<&Completion> = sorted
        .into_iter()
        .filter(|c| c.label.to_lowercase().starts_with(&typed))
        .collect();
    let mut out = format!("replaces {:?}, {} shown\n", doc.slice(&first.range), shown.len());
    for c in shown.iter().take(limit) {
        let doc_line = c.doc.lines().next().unwrap_or("");
        out.push_str(&format!(
            "{} ({:?}) {} => {:?} -- {doc_line}\n",
            c.label, c.kind, c.detail, c.text
        ));
    }
    out
}

fn complete(path: &str, fixture: &str, limit: usize, expect: Expect) {
    let (doc, offset) = at_cursor(path, fixture);
    expect.assert_eq(&render(&doc, offset, &completions(&doc, offset, &mcp().into()), limit));
}

fn labels(path: &str, fixture: &str) -> Vec<String> {
    let (doc, offset) = at_cursor(path, fixture);
    completions(&doc, offset, &mcp().into())
        .into_iter()
        .map(|c| c.label)
        .collect()
}

/// Existing files, for `@path` hovers.
struct Disk(Vec<&'static str>);

impl LinkTargets for Disk {
    fn target(&self, path: &Path) -> Target {
        if self.0.iter().any(|p| Path::new(p) == path) {
            Target::Exists
        } else {
            Target::Missing
        }
    }
}

fn show(path: &str, fixture: &str, expect: Expect) {
    let (doc, offset) = at_cursor(path, fixture);
    let disk = Disk(vec!["project/docs/style.md"]);
    let got = match hover_with(&doc, offset, &mcp(), Some(&disk)) {
        Some(h) => format!("[{}]\n{}\n", doc.slice(&h.range), h.markdown),
        None => "(no hover)\n".into(),
    };
    expect.assert_eq(&got);
}

const COMMAND: &str = "project/.claude/commands/git/review.md";
const SKILL: &str = "project/.claude/skills/pdf-tools/SKILL.md";
const COPILOT_AGENT: &str = "project/.github/agents/planner.agent.md";
const PROMPT: &str = "project/.github/prompts/explain.prompt.md";
const INSTRUCTIONS: &str = "project/.github/instructions/ts.instructions.md";
const OPENCODE: &str = "project/.opencode/agent/review.md";
const CURSOR: &str = "project/.cursor/rules/style.mdc";
const GEMINI: &str = "project/.gemini/agents/review.md";
const MEMORY: &str = "project/CLAUDE.md";

// Claude Code commands.

#[test]
fn command_completion() {
    complete(
        COMMAND,
        "---\nallowed-tools: Bash(git diff:*), Re$0\n---\nReview $ARGUMENTS.\n",
        5,
        expect![[r#"
            replaces "Re", 6 shown
            Read (Tool) built-in tool, read-only => "Read" -- Reads files. Rules: `Read(path glob)` (also covers Grep, Glob and LSP).
            ReadMcpResourceDirTool (Tool) built-in tool, read-only => "ReadMcpResourceDirTool" -- Lists an MCP resource directory (sessions with an MCP server).
            ReadMcpResourceTool (Tool) built-in tool, read-only => "ReadMcpResourceTool" -- Reads an MCP resource by URI (sessions with an MCP server).
            ReadNotifications (Tool) built-in tool, read-only => "ReadNotifications" -- Reads pending notifications (connected sessions).
            RemoteTrigger (Tool) built-in tool => "RemoteTrigger" -- Manages claude.ai routines (`/schedule`; signed-in sessions).
        "#]],
    );
    complete(
        COMMAND,
        "---\nallowed-tools: Bash($0\n---\nReview.\n",
        5,
        expect![[r#"
        replaces "", 3 shown
        git diff * (Rule) Bash(git diff *) => "git diff *)" -- Commands starting with `git diff` (glob form: `*` matches any rest of the command).
        git diff:* (Rule) Bash(git diff:*) => "git diff:*)" -- Legacy prefix form: commands starting with `git diff`.
        npm run * (Rule) Bash(npm run *) => "npm run *)" -- Any `npm run` script. Also applies to `Monitor`.
    "#]],
    );
    complete(
        COMMAND,
        "---\nargu$0\n---\nReview $1.\n",
        5,
        expect![[r#"
        replaces "argu", 1 shown
        argument-hint (Key) text => "argument-hint: " -- The arguments shown after the name in the `/` menu, e.g. `[pr-number] [priority]`. The body reads them as `$ARGUMENTS` or `$1`, `$2`…
    "#]],
    );
    complete(
        COMMAND,
        "---\nmodel: $0\n---\nReview.\n",
        6,
        expect![[r#"
            replaces "", 31 shown
            inherit (Model) alias => "inherit" -- Use the main conversation's model (the default).
            sonnet (Model) alias => "sonnet" -- Latest Sonnet: Claude Code 2.1.332 sends `claude-sonnet-5-5`.
            opus (Model) alias => "opus" -- Latest Opus: Claude Code 2.1.332 sends `claude-opus-5-5`.
            haiku (Model) alias => "haiku" -- Latest Haiku: Claude Code 2.1.332 sends `claude-haiku-5-5`.
            fable (Model) alias => "fable" -- Latest Fable: Claude Code 2.1.332 sends `claude-fable-5-2`.
            claude-fable-5-2 (Model) model id => "claude-fable-5-2" -- Claude Fable 5.2.
        "#]],
    );
}

#[test]
fn command_hover() {
    let text = "---\nargument-hint: \"[pr-number] [priority]\"\nallowed-tools: Bash(git diff:*)\nmodel: haiku\n---\nReview PR $1 at $2 with $3: $ARGUMENTS.\n\n!`git diff main`\n\nStyle: @docs/style.md and @docs/missing.md\n";
    let at = |needle: &str, fixture: &str| fixture.replacen(needle, &format!("{}$0{}", &needle[..1], &needle[1..]), 1);
    show(
        COMMAND,
        &at("$1 at", text),
        expect![[r#"
            [$1]
            **Argument 2**: replaced by the second argument typed after `/git:review` (arguments are separated by spaces; quote one to keep its spaces). Claude Code counts from `$0`; with fewer arguments it leaves the placeholder as written.

            In `argument-hint` (`[pr-number] [priority]`) this is `[priority]`.
        "#]],
    );
    show(
        COMMAND,
        &at("$3:", text),
        expect![[r#"
            [$3]
            **Argument 4**: replaced by the fourth argument typed after `/git:review` (arguments are separated by spaces; quote one to keep its spaces). Claude Code counts from `$0`; with fewer arguments it leaves the placeholder as written.

            `argument-hint` (`[pr-number] [priority]`) names only 2 arguments: this one stays as written unless the user types more.
        "#]],
    );
    show(
        COMMAND,
        &at("$ARGUMENTS", text),
        expect![[r#"
        [$ARGUMENTS]
        **`$ARGUMENTS`**: replaced by everything typed after `/git:review`, as one string.

        `argument-hint`: `[pr-number] [priority]`
    "#]],
    );
    show(
        COMMAND,
        &at("!`git", text),
        expect![[r#"
            [!`git diff main`]
            **Shell command**: Claude Code runs

            ```text
            git diff main
            ```

            when the command is invoked, and puts its output here before the prompt is sent.

            agentls only shows it: it never runs it.
        "#]],
    );
    show(
        COMMAND,
        &at("@docs/style", text),
        expect![[r#"
        [@docs/style.md]
        **`@docs/style.md`**: Claude Code includes the contents of

        `project/docs/style.md`
    "#]],
    );
    show(
        COMMAND,
        &at("@docs/missing", text),
        expect![[r#"
        [@docs/missing.md]
        **`@docs/missing.md`**: Claude Code includes the contents of

        `project/docs/missing.md`

        The file does not exist: nothing is included.
    "#]],
    );
    show(
        COMMAND,
        &at("haiku", text),
        expect![[r#"
            [haiku]
            **`haiku`**: alias

            Latest Haiku: Claude Code 2.1.332 sends `claude-haiku-5-5`.
        "#]],
    );
    show(
        COMMAND,
        &at("argument-hint", text),
        expect![[r#"
        [argument-hint]
        **`argument-hint`**: text

        The arguments shown after the name in the `/` menu, e.g. `[pr-number] [priority]`. The body reads them as `$ARGUMENTS` or `$1`, `$2`…
    "#]],
    );
}

// Skills.

#[test]
fn skill_completion() {
    complete(
        SKILL,
        "---\nname: pdf-tools\n$0\n---\nUse it.\n",
        20,
        expect![[r#"
            replaces "", 15 shown
            description (Key) text, required => "description: " -- What the skill does and when to use it (1–1,024 characters). Agents read it to decide when to load the skill; without one, Claude Code uses the body's first line.
            license (Key) text => "license: " -- The license: an SPDX id (`Apache-2.0`) or the name of a bundled license file.
            compatibility (Key) text => "compatibility: " -- Environment requirements (product, system packages, network access), at most 500 characters.
            metadata (Key) mapping of text keys to text values => "metadata: " -- Extra properties as a mapping of text keys to text values (`author`, `version`).
            allowed-tools (Key) comma-separated string or list of tools => "allowed-tools: " -- Pre-approved tools, space-separated in the standard (experimental); Claude Code also takes commas or a YAML list. Permission rules such as `Bash(git *)` work.
            argument-hint (Key) text => "argument-hint: " -- The arguments shown after the name in the `/` menu, e.g. `[pr-number] [priority]`. The body reads them as `$ARGUMENTS` or `$1`, `$2`…
            disable-model-invocation (Key) `true` or `false` => "disable-model-invocation: " -- `true`: only the user can run it (with `/name`); Claude never invokes it on its own.
            user-invocable (Key) `true` or `false` => "user-invocable: " -- `false` hides it from the `/` menu: background knowledge Claude loads when relevant.
            model (Key) model alias or id => "model: " -- Model alias (`sonnet`, `opus`, `haiku`, `fable`, `inherit`) or a full model id. Defaults to `inherit`.
            when_to_use (Key) text => "when_to_use: " -- Extra guidance for Claude on when to invoke it, added to `description`.
            effort (Key) one of a fixed set => "effort: " -- Reasoning effort while this runs.
            context (Key) one of a fixed set => "context: " -- `fork` runs it in an isolated subagent context instead of the main conversation.
            agent (Key) text => "agent: " -- The subagent type used with `context: fork` (default `general-purpose`): a built-in type or a custom agent's `name`.
            hooks (Key) mapping => "hooks:\n  " -- Lifecycle hooks active while this runs, shaped like settings.json hooks.
            paths (Key) glob or comma-separated globs => "paths: " -- Globs of files that make Claude load this automatically when it works on them.
        "#]],
    );
    complete(
        SKILL,
        "---\nname: $0\n---\nUse it.\n",
        5,
        expect![[r#"
        replaces "", 1 shown
        pdf-tools (Value) the folder name => "pdf-tools" -- Claude Code identifies it by this name; matching the folder name keeps them easy to find.
    "#]],
    );
}

// Copilot custom agents.

#[test]
fn copilot_agent_completion() {
    complete(
        COPILOT_AGENT,
        "---\ndescription: Plans\ntools: ['search/codebase', 'sea$0']\n---\nPlan.\n",
        20,
        expect![[r#"
            replaces "sea", 7 shown
            search (Tool) tool set => "search" -- **`search`**: VS Code tool set, enables all of its tools
            search/changes (Tool) built-in tool => "search/changes" -- **`search/changes`**: built-in VS Code tool (tool set `search`)
            search/fileSearch (Tool) built-in tool => "search/fileSearch" -- **`search/fileSearch`**: built-in VS Code tool (tool set `search`)
            search/listDirectory (Tool) built-in tool => "search/listDirectory" -- **`search/listDirectory`**: built-in VS Code tool (tool set `search`)
            search/textSearch (Tool) built-in tool => "search/textSearch" -- **`search/textSearch`**: built-in VS Code tool (tool set `search`)
            search/usages (Tool) built-in tool => "search/usages" -- **`search/usages`**: built-in VS Code tool (tool set `search`)
            search/searchSubagent (Tool) built-in tool => "search/searchSubagent" -- **`search/searchSubagent`**: built-in VS Code tool (tool set `search`)
        "#]],
    );
    complete(
        COPILOT_AGENT,
        "---\ndescription: Plans\ntools:\n  - edit/$0\n---\nPlan.\n",
        20,
        expect![[r#"
            replaces "edit/", 6 shown
            edit/editFiles (Tool) built-in tool => "edit/editFiles" -- **`edit/editFiles`**: built-in VS Code tool (tool set `edit`)
            edit/createFile (Tool) built-in tool => "edit/createFile" -- **`edit/createFile`**: built-in VS Code tool (tool set `edit`)
            edit/createDirectory (Tool) built-in tool => "edit/createDirectory" -- **`edit/createDirectory`**: built-in VS Code tool (tool set `edit`)
            edit/editNotebook (Tool) built-in tool => "edit/editNotebook" -- **`edit/editNotebook`**: built-in VS Code tool (tool set `edit`)
            edit/createJupyterNotebook (Tool) built-in tool => "edit/createJupyterNotebook" -- **`edit/createJupyterNotebook`**: built-in VS Code tool (tool set `edit`)
            edit/rename (Tool) built-in tool => "edit/rename" -- **`edit/rename`**: built-in VS Code tool (tool set `edit`)
        "#]],
    );
    complete(
        COPILOT_AGENT,
        "---\ndescription: Plans\nmodel: Claude$0\n---\nPlan.\n",
        20,
        expect![[r#"
        replaces "Claude", 7 shown
        Claude Sonnet 4 (Model) Copilot model `claude-sonnet-4` => "Claude Sonnet 4" -- Anthropic Claude Sonnet 4.
        Claude Sonnet 4.5 (Model) Copilot model `claude-sonnet-4.5` => "Claude Sonnet 4.5" -- Anthropic Claude Sonnet 4.5.
        Claude Sonnet 4.6 (Model) Copilot model `claude-sonnet-4.6` => "Claude Sonnet 4.6" -- Anthropic Claude Sonnet 4.6.
        Claude Opus 4.5 (Model) Copilot model `claude-opus-4.5` => "Claude Opus 4.5" -- Anthropic Claude Opus 4.5.
        Claude Opus 4.6 (Model) Copilot model `claude-opus-4.6` => "Claude Opus 4.6" -- Anthropic Claude Opus 4.6.
        Claude Opus 4.7 (Model) Copilot model `claude-opus-4.7` => "Claude Opus 4.7" -- Anthropic Claude Opus 4.7.
        Claude Haiku 4.5 (Model) Copilot model `claude-haiku-4.5` => "Claude Haiku 4.5" -- Anthropic Claude Haiku 4.5.
    "#]],
    );
    let tools = labels(COPILOT_AGENT, "---\ntools: [$0]\n---\nPlan.\n");
    assert!(tools.iter().any(|l| l == "search/codebase"), "{tools:?}");
    assert!(tools.iter().any(|l| l == "github/*"), "{tools:?}");
    assert!(
        !tools.iter().any(|l| l == "Read" || l == "Bash"),
        "Claude Code tools in a Copilot list: {tools:?}"
    );
    let models = labels(COPILOT_AGENT, "---\nmodel: $0\n---\nPlan.\n");
    assert!(models.iter().any(|l| l == "Claude Sonnet 4.5"), "{models:?}");
    assert!(
        !models.iter().any(|l| l == "sonnet"),
        "a Claude Code alias in a Copilot model: {models:?}"
    );
}

#[test]
fn copilot_agent_hover() {
    let text = "---\ndescription: Plans\ntools: ['search', 'search/codebase', 'codebase', 'github/*', 'myExtTool']\nmodel: ['Claude Sonnet 4.5', 'GPT-5 (copilot)', 'sonnet']\n---\nPlan.\n";
    let at = |needle: &str| text.replacen(needle, &format!("{}$0{}", &needle[..2], &needle[2..]), 1);
    show(
        COPILOT_AGENT,
        &at("'search'"),
        expect![[r#"
            [search]
            **`search`**: VS Code tool set, enables all of its tools

            Search the workspace.

            Tools: `search/changes`, `search/codebase`, `search/fileSearch`, `search/listDirectory`, `search/textSearch`, `search/usages`, `search/searchSubagent`.
        "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'search/codebase'"),
        expect![[r#"
            [search/codebase]
            **`search/codebase`**: built-in VS Code tool (tool set `search`)

            Find relevant code with workspace code search.
        "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'codebase'"),
        expect![[r#"
            [codebase]
            **`codebase`**: old name of `search/codebase`; VS Code still maps it

            Find relevant code with workspace code search.
        "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'github/*'"),
        expect![[r#"
            [github/*]
            **`github/*`**: every tool of the MCP server or extension `github`

            MCP server declared in `project/.mcp.json`.
        "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'myExtTool'"),
        expect![[r#"
            [myExtTool]
            **`myExtTool`**: not a built-in VS Code tool or tool set; fine if it is one of your own tool sets.
        "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'Claude Sonnet 4.5'"),
        expect![[r#"
        ['Claude Sonnet 4.5']
        **`Claude Sonnet 4.5`**: Copilot model `Claude Sonnet 4.5` (id `claude-sonnet-4.5`)

        Anthropic Claude Sonnet 4.5.
    "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'GPT-5 (copilot)'"),
        expect![[r#"
        ['GPT-5 (copilot)']
        **`GPT-5 (copilot)`**: Copilot model `GPT-5` (id `gpt-5`), from the `copilot` vendor

        OpenAI GPT-5.
    "#]],
    );
    show(
        COPILOT_AGENT,
        &at("'sonnet'"),
        expect![[r#"
        ['sonnet']
        **`sonnet`**: a Claude Code model name, which Copilot does not know: Copilot names models as its model picker does, e.g. `Claude Sonnet 4.6`.
    "#]],
    );
}

// Copilot prompt files.

#[test]
fn copilot_prompt_completion() {
    complete(
        PROMPT,
        "---\nagent: $0\n---\nExplain.\n",
        10,
        expect![[r#"
            replaces "", 3 shown
            agent (Value) built-in agent => "agent" -- Agent mode (the default): plans and makes changes with tools, runs commands, iterates.
            ask (Value) built-in agent => "ask" -- Answers questions about the code; makes no changes and runs no tools.
            edit (Value) built-in agent => "edit" -- Edits the files in the working set; runs no tools.
        "#]],
    );
    complete(
        PROMPT,
        "---\nagent: ask\n$0\n---\nExplain.\n",
        10,
        expect![[r#"
            replaces "", 6 shown
            description (Key) text => "description: " -- What it is for; shown in the picker and read when choosing a subagent. VS Code reports an empty one, or one that is not text, as an error.
            name (Key) text => "name: " -- Display name, shown in the picker. Defaults to the file name. VS Code reports an empty one, or one that is not text, as an error.
            argument-hint (Key) text => "argument-hint: " -- Hint shown in the chat input for what to type. It must be text: VS Code reports a list as an error.
            mode (Key) text => "mode: " -- Deprecated name of `agent`: VS Code reads it as `agent` (and ignores it when `agent` is there too).
            model (Key) model name or list of model names => "model: " -- The model by its qualified picker name (`Claude Sonnet 4.5 (copilot)`), or a list tried in order. VS Code checks it against the models your sign-in and model extensions provide. Omitted: the model selected in the picker.
            tools (Key) list of tools and tool sets, or a comma-separated string => "tools: " -- A list of tools and tool sets (or one comma-separated string): built-in names (`search/codebase`, `edit`), `server/*` for every tool of an MCP server, extension tools (`publisher.extension/tool`), or your own tool sets. Omitted: the default tools.
        "#]],
    );
}

#[test]
fn copilot_prompt_hover() {
    let text = "---\nagent: ask\n---\nExplain ${selection} in ${file} for ${input:audience:a new hire}, ${nope}.\nUse #codebase and #tool:web/fetch, see #123 and #file:src/main.ts.\n\n```\n${file} in code\n```\n";
    let at = |needle: &str| text.replacen(needle, &format!("{}$0{}", &needle[..1], &needle[1..]), 1);
    show(
        PROMPT,
        &at("ask"),
        expect![[r#"
            [ask]
            **`ask`**: built-in VS Code agent

            Answers questions about the code; makes no changes and runs no tools.
        "#]],
    );
    show(
        PROMPT,
        &at("${selection}"),
        expect![[r#"
        [${selection}]
        **`${selection}`**: VS Code prompt variable

        The text selected in the editor.
    "#]],
    );
    show(
        PROMPT,
        &at("${input:"),
        expect![[r#"
        [${input:audience:a new hire}]
        **`${input:audience:a new hire}`**: input variable `audience`

        A value the user types when running the prompt: `${input:name}` asks for `name`, `${input:name:placeholder}` shows a placeholder. Passed on the chat input as `name=value`.

        Placeholder: `a new hire`.
    "#]],
    );
    show(
        PROMPT,
        &at("${nope}"),
        expect![[r#"
        [${nope}]
        **`${nope}`**: not a VS Code prompt variable; it stays as written. Known: `${input}`, `${selection}`, `${selectedText}`, `${file}`, `${fileBasename}`, `${fileDirname}`, `${fileBasenameNoExtension}`, `${workspaceFolder}`, `${workspaceFolderBasename}`.
    "#]],
    );
    show(
        PROMPT,
        &at("#codebase"),
        expect![[r#"
        [#codebase]
        Tool reference: **`codebase`**: old name of `search/codebase`; VS Code still maps it

        Find relevant code with workspace code search.
    "#]],
    );
    show(
        PROMPT,
        &at("#tool:web"),
        expect![[r#"
            [#tool:web/fetch]
            Tool reference: **`web/fetch`**: built-in VS Code tool (tool set `web`)

            Fetch a web page.

            Only some setups have it: it needs the desktop app (VS Code in a browser, such as code-server, has no `fetch` tool).
        "#]],
    );
    show(
        PROMPT,
        &at("#123"),
        expect![[r#"
        (no hover)
    "#]],
    );
    show(
        PROMPT,
        &at("#file:"),
        expect![[r#"
            [#file:src/main.ts.]
            **`#file:src/main.ts.`**: attaches the file `src/main.ts.` to the prompt as context.
        "#]],
    );
    show(
        PROMPT,
        &at("${file} in code"),
        expect![[r#"
        (no hover)
    "#]],
    );
}

// Copilot instructions.

#[test]
fn copilot_instructions_completion() {
    complete(
        INSTRUCTIONS,
        "---\n$0\n---\nUse strict mode.\n",
        10,
        expect![[r#"
            replaces "", 4 shown
            applyTo (Key) comma-separated globs => "applyTo: " -- Files the instructions apply to: one string of globs, comma-separated, relative to the workspace (`**/*.ts,**/*.tsx`). VS Code reports a list, or an empty pattern, as an error. Omitted: applied only when attached by hand or chosen from `description`.
            description (Key) text => "description: " -- What it is for; shown in the picker and read when choosing a subagent. VS Code reports an empty one, or one that is not text, as an error.
            name (Key) text => "name: " -- Display name, shown in the picker. Defaults to the file name. VS Code reports an empty one, or one that is not text, as an error.
            excludeAgent (Key) name or list of names => "excludeAgent: " -- Agents on github.com that should not use these instructions: `code-review` or `coding-agent`.
        "#]],
    );
    complete(
        INSTRUCTIONS,
        "---\napplyTo: $0\n---\nUse strict mode.\n",
        10,
        expect![[r#"
        replaces "", 3 shown
        ** (Value) glob => "**" -- Every file.
        **/*.md (Value) example glob => "**/*.md" -- Markdown files in every folder.
        src/** (Value) example glob => "src/**" -- Every file under `src/`.
    "#]],
    );
}

// OpenCode agents.

#[test]
fn opencode_completion() {
    complete(
        OPENCODE,
        "---\ndescription: Reviews\nmode: $0\n---\nReview.\n",
        10,
        expect![[r#"
        replaces "", 3 shown
        primary (Value) `mode` => "primary" -- A main agent you switch to with Tab; not offered to other agents.
        subagent (Value) `mode` => "subagent" -- Run by other agents through the `task` tool, or with `@name`; cannot be the main agent.
        all (Value) `mode` => "all" -- Both (the default).
    "#]],
    );
    complete(
        OPENCODE,
        "---\ndescription: Reviews\nmodel: anthropic/claude-s$0\n---\nReview.\n",
        10,
        expect![[r#"
        replaces "anthropic/claude-s", 4 shown
        anthropic/claude-sonnet-5-5 (Model) provider/model => "anthropic/claude-sonnet-5-5" -- Claude Sonnet 5.5.
        anthropic/claude-sonnet-5 (Model) provider/model => "anthropic/claude-sonnet-5" -- Claude Sonnet 5.
        anthropic/claude-sonnet-4-6 (Model) provider/model => "anthropic/claude-sonnet-4-6" -- Claude Sonnet 4.6.
        anthropic/claude-sonnet-4-5 (Model) provider/model => "anthropic/claude-sonnet-4-5" -- Claude Sonnet 4.5 (legacy).
    "#]],
    );
    complete(
        OPENCODE,
        "---\ndescription: Reviews\ntools:\n  write: false\n  $0\n---\nReview.\n",
        6,
        expect![[r#"
        replaces "", 14 shown
        bash (Tool) OpenCode tool, in `tools` => "bash: " -- **`bash`**: built-in OpenCode tool
        read (Tool) OpenCode tool, in `tools` => "read: " -- **`read`**: built-in OpenCode tool
        glob (Tool) OpenCode tool, in `tools` => "glob: " -- **`glob`**: built-in OpenCode tool
        grep (Tool) OpenCode tool, in `tools` => "grep: " -- **`grep`**: built-in OpenCode tool
        edit (Tool) OpenCode tool, in `tools` => "edit: " -- **`edit`**: built-in OpenCode tool
        task (Tool) OpenCode tool, in `tools` => "task: " -- **`task`**: built-in OpenCode tool
    "#]],
    );
    complete(
        OPENCODE,
        "---\ndescription: Reviews\ntools:\n  write: $0\n---\nReview.\n",
        6,
        expect![[r#"
        replaces "", 2 shown
        true (Value) boolean => "true" -- Turns the `write` tool on for this agent.
        false (Value) boolean => "false" -- Turns the `write` tool off for this agent.
    "#]],
    );
    complete(
        OPENCODE,
        "---\ndescription: Reviews\npermission:\n  edit: $0\n---\nReview.\n",
        6,
        expect![[r#"
        replaces "", 3 shown
        allow (Value) `edit` permission => "allow" -- Run without asking.
        ask (Value) `edit` permission => "ask" -- Ask before running.
        deny (Value) `edit` permission => "deny" -- Never run.
    "#]],
    );
}

#[test]
fn opencode_hover() {
    let text = "---\ndescription: Reviews\nmode: subagent\nmodel: anthropic/claude-sonnet-4-5\ntools:\n  write: false\n  bash: true\n---\nReview.\n";
    let at = |needle: &str| text.replacen(needle, &format!("{}$0{}", &needle[..1], &needle[1..]), 1);
    show(
        OPENCODE,
        &at("anthropic/"),
        expect![[r#"
        [anthropic/claude-sonnet-4-5]
        **`anthropic/claude-sonnet-4-5`**: model `claude-sonnet-4-5` of the provider `anthropic`, as configured in OpenCode

        Claude Sonnet 4.5 (legacy).
    "#]],
    );
    show(
        OPENCODE,
        &at("write"),
        expect![[r#"
        [write]
        **`write`**: built-in OpenCode tool

        Create or overwrite files (permission `edit`).
    "#]],
    );
    show(
        OPENCODE,
        &at("false"),
        expect![[r#"
        [false]
        **`write: false`**: OpenCode turns the `write` tool off for this agent.
    "#]],
    );
    show(
        OPENCODE,
        &at("subagent"),
        expect![[r#"
        [subagent]
        **`subagent`** (`mode`)

        Run by other agents through the `task` tool, or with `@name`; cannot be the main agent.
    "#]],
    );
    show(
        OPENCODE,
        "---\ndescription: R\nmodel: son$0net\n---\nR.\n",
        expect![[r#"
        [sonnet]
        **`sonnet`**: names no provider. OpenCode models are written `provider/model-id` (`anthropic/claude-sonnet-4-5`).
    "#]],
    );
}

// Gemini CLI subagents.

#[test]
fn gemini_completion() {
    complete(
        GEMINI,
        "---\nname: review\ndescription: Reviews\ntools: [read_file, $0]\n---\nReview.\n",
        4,
        expect![[r#"
            replaces "", 26 shown
            list_directory (Tool) built-in tool => "list_directory" -- List a directory.
            grep_search (Tool) built-in tool => "grep_search" -- Search file contents.
            glob (Tool) built-in tool => "glob" -- Find files by pattern.
            replace (Tool) built-in tool => "replace" -- Edit a file by replacing text.
        "#]],
    );
    complete(
        GEMINI,
        "---\nname: review\ndescription: Reviews\nmodel: $0\n---\nReview.\n",
        6,
        expect![[r#"
            replaces "", 13 shown
            inherit (Model) alias => "inherit" -- The session's model (also when `model` is absent or empty).
            auto (Model) alias => "auto" -- Routed per turn by Gemini CLI's classifier.
            pro (Model) alias => "pro" -- The latest Pro model.
            flash (Model) alias => "flash" -- The latest Flash model.
            flash-lite (Model) alias => "flash-lite" -- The latest Flash-Lite model.
            gemini-3.1-pro-preview (Model) model id => "gemini-3.1-pro-preview" -- Gemini 3.1 Pro (preview).
        "#]],
    );
    complete(
        GEMINI,
        "---\nname: review\ndescription: Reviews\n$0\n---\nReview.\n",
        20,
        expect![[r#"
            replaces "", 11 shown
            kind (Key) one of a fixed set => "kind: " -- `local` (the default) or `remote`, exactly.
            display_name (Key) text => "display_name: " -- A name for the UI; the model does not see it.
            tools (Key) YAML list of tool names => "tools: " -- A YAML list of Gemini CLI tool names (`[read_file, grep_search]`), `*` for all, `mcp_<server>_<tool>` or `mcp_<server>_*` for MCP tools. A comma-separated string drops the agent. Without it the agent gets the session's tools.
            mcp_servers (Key) mapping => "mcp_servers:\n  " -- MCP servers of this agent: a mapping of name to `{command, args, env, cwd}` or `{url, type: sse|http, headers}`.
            model (Key) model alias or id => "model: " -- A Gemini model id or alias (`pro`, `flash`, `flash-lite`, `auto`, `inherit`). Absent, `inherit` or empty: the session's model. Any other text is sent to the API as the model id.
            temperature (Key) number => "temperature: " -- A number. Gemini CLI 0.61.0 validates it but sends the model's default temperature: it has no effect.
            max_turns (Key) whole number ≥ 1 => "max_turns: " -- Most turns the agent may take: a whole number of at least 1 (default 30).
            timeout_mins (Key) whole number ≥ 1 => "timeout_mins: " -- Minutes the agent may run: a whole number of at least 1 (default 10).
            agent_card_url (Key) text => "agent_card_url: " -- A remote agent's card URL (`kind: remote`).
            agent_card_json (Key) text => "agent_card_json: " -- A remote agent's card as a JSON string (`kind: remote`).
            auth (Key) mapping => "auth:\n  " -- A remote agent's authentication (`type: apiKey|http|google-credentials|oauth`).
        "#]],
    );
}

#[test]
fn gemini_hover() {
    let text = "---\nname: review\ndescription: Reviews\ntools: [read_file, Read, ask_user, mcp_github_*]\nmodel: pro\n---\nReview.\n";
    let at = |needle: &str| text.replacen(needle, &format!("{}$0{}", &needle[..1], &needle[1..]), 1);
    for (needle, expect) in [
        (
            "read_file",
            expect![[r#"
            [read_file]
            **`read_file`** (Gemini CLI tool)

            Read a file.
        "#]],
        ),
        (
            "Read,",
            expect![[r#"
            [Read]
            **`Read`** is Claude Code's name; Gemini CLI's tool is `read_file`, and Gemini CLI does not load an agent that lists `Read`.
        "#]],
        ),
        (
            "ask_user",
            expect![[r#"
            [ask_user]
            **`ask_user`** (Gemini CLI tool)

            Ask the user a question.

            Accepted, but a headless session with a Gemini 3 model does not have this tool, so the subagent gets nothing for it.
        "#]],
        ),
        (
            "mcp_github_*",
            expect![[r#"
            [mcp_github_*]
            **`mcp_github_*`**

            Tools of a configured MCP server: with no such server, the subagent gets nothing for it.
        "#]],
        ),
        (
            "pro\n",
            expect![[r#"
            [pro]
            **`pro`**: alias

            The latest Pro model.
        "#]],
        ),
    ] {
        show(GEMINI, &at(needle), expect);
    }
}

// Cursor rules.

#[test]
fn cursor_rule_completion() {
    complete(
        CURSOR,
        "---\nalwaysApply: $0\n---\nUse tabs.\n",
        5,
        expect![[r#"
        replaces "", 2 shown
        true (Value) boolean => "true" -- `true`: the rule is in every request, whatever the files.
        false (Value) boolean => "false" -- `true`: the rule is in every request, whatever the files.
    "#]],
    );
    complete(
        CURSOR,
        "---\n$0\n---\nUse tabs.\n",
        5,
        expect![[r#"
        replaces "", 3 shown
        description (Key) text => "description: " -- When the agent should pull this rule in (an "agent requested" rule when neither `globs` nor `alwaysApply` is set).
        globs (Key) glob or comma-separated globs => "globs: " -- Files that attach this rule automatically: a glob, comma-separated globs, or a list.
        alwaysApply (Key) `true` or `false` => "alwaysApply: " -- `true`: the rule is in every request, whatever the files.
    "#]],
    );
}

// Memory files.

#[test]
fn memory_import_hover() {
    show(
        MEMORY,
        "# Project\n\nSee @doc$0s/style.md for the style.\n",
        expect![[r#"
        [@docs/style.md]
        **`@docs/style.md`**: Claude Code imports

        `project/docs/style.md`
    "#]],
    );
    // Claude Code never reads `$1` in a memory file: no hover.
    assert_eq!(
        hover(
            &Document::new("# P\n\nCost $1.\n", Some(PathBuf::from(MEMORY))),
            12,
            &mcp()
        ),
        None
    );
}
