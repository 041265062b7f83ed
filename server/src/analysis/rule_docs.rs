//! The documentation of every rule: what it checks, why it matters, an example of the problem
//! and its fix, and the source the rule follows. `docs/rules/<code>.md` is generated from this
//! table (a test keeps the pages current and checks that every example triggers its rule), and
//! `agentls explain CODE` prints the same page.

/// One rule's documentation. `code` is written as in [`super::diagnostics::rules::RULES`]:
/// `/name` for a per-format rule.
pub struct RuleDoc {
    pub code: &'static str,
    /// Why it is a problem, in a sentence or two.
    pub why: &'static str,
    /// A whole file that triggers the rule (a Claude Code subagent unless stated).
    pub example: &'static str,
    /// The same file, fixed.
    pub fixed: &'static str,
    /// What the rule follows.
    pub source: &'static str,
}

const SUBAGENTS: &str =
    "Claude Code docs, \"Create custom subagents\" (code.claude.com/docs/en/sub-agents); docs/format-sources.md";
const LOADER: &str =
    "Claude Code's front matter loader (2.1.88 `frontmatterParser.ts`, see docs/format-sources.md) and formats.md §2";
const TOOLS: &str =
    "Claude Code docs, \"Tools reference\" (code.claude.com/docs/en/tools-reference); docs/format-sources.md §1";
const MODELS: &str =
    "Claude Code docs, \"Model configuration\", and the platform model deprecation page; docs/format-sources.md §2";

const SKILLS: &str = "Agent Skills specification (agentskills.io/specification); VS Code `promptValidator.ts`; docs/format-sources.md §7";
const COMMANDS_DOC: &str = "Claude Code docs, \"Slash commands\" and \"Extend Claude with skills\" (code.claude.com/docs/en/skills); formats.md §5; docs/format-sources.md §6";
const COPILOT_DOC: &str = "VS Code docs (custom agents, prompt files, custom instructions) and VS Code's validator `promptValidator.ts`; docs/format-sources.md §9";
const VSCODE_DOC: &str = "VS Code 1.139.1's prompt-file validator and header parser (code-server 4.139.1, recorded in `truth/recorded/code-server@4.139.1.json`); docs/format-sources.md, \"VS Code 1.139.1\"";
const KIRO_DOC: &str = "Kiro docs, \"Steering\" (kiro.dev/docs/steering); staff comments and reports in kirodotdev/Kiro (#3643, #11095, #9176, #5027, #10804); truth/FINDINGS-kiro-windsurf.md §1; docs/format-sources.md, \"Kiro\". Not runnable here: documentation and reports, not verified by a run";
const KIRO_AGENT_DOC: &str = "Kiro docs, \"Subagents\" (kiro.dev/docs/chat/subagents) and the agent configuration reference (kiro.dev/docs/cli/custom-agents/configuration-reference, as captured by syllago.dev, April 2026); truth/FINDINGS-kiro-windsurf.md §2; docs/format-sources.md, \"Kiro\". Not runnable here: documentation, not verified by a run";
const WINDSURF_DOC: &str = "Windsurf docs, \"Memories & Rules\" (docs.windsurf.com/windsurf/cascade/memories, older English and newer localized versions) and \"Workflows\" (docs.windsurf.com/windsurf/cascade/workflows); Devin CLI docs, \"Rules\" (cli.devin.ai/docs/extensibility/rules); truth/FINDINGS-kiro-windsurf.md §3–4; docs/format-sources.md, \"Windsurf / Devin\". Not runnable here: documentation, not verified by a run";
const OPENCODE_DOC: &str = "OpenCode 1.18.33, recorded by agentls's ground-truth harness (`truth/recorded/opencode@1.18.33.jsonl`); OpenCode docs, \"Agents\" (opencode.ai/docs/agents); docs/format-sources.md, \"OpenCode 1.18.33, verified by recording\"";

const OPENCODE_COMMAND_DOC: &str = "OpenCode 1.18.33, recorded by agentls's ground-truth harness (`truth/recorded/opencode@1.18.33.jsonl`); OpenCode docs, \"Commands\" (opencode.ai/docs/commands); docs/format-sources.md, \"OpenCode 1.18.33, verified by recording\"";

const KILO_DOC: &str = "Kilo Code 7.7.7, recorded by agentls's ground-truth harness (`truth/recorded/kilo@7.7.7.jsonl`); Kilo docs, \"Custom subagents\" and \"Custom commands\" (kilo.ai/docs); docs/format-sources.md, \"Kilo Code 7.7.7, verified by recording\"";
const COPILOT_CLI_DOC: &str = "GitHub Copilot CLI 1.0.102, recorded by agentls's ground-truth harness (`truth/recorded/copilot-cli@1.0.102.jsonl`, cases `mutation/copilot-cli/*`); docs/format-sources.md, \"GitHub Copilot CLI 1.0.102, verified by recording\"";
const CLINE_DOC: &str = "Cline CLI 3.0.65 (`@cline/core` 0.0.86), recorded by agentls's ground-truth harness (`truth/recorded/cline@3.0.65.jsonl`); the loader's source and every observation in `truth/cline/FINDINGS.md`; docs/format-sources.md, \"Cline 3.0.65, verified by recording\"";
const GEMINI_DOC: &str = "Gemini CLI 0.61.0, recorded by agentls's ground-truth harness (`truth/recorded/gemini-cli@0.61.0.jsonl`, `truth/gemini/FINDINGS.md`); Gemini CLI docs, \"Subagents\" (docs/core/subagents.md); docs/format-sources.md, \"Gemini CLI 0.61.0, verified by recording\"";

const fn d(
    code: &'static str,
    why: &'static str,
    example: &'static str,
    fixed: &'static str,
    source: &'static str,
) -> RuleDoc {
    RuleDoc {
        code,
        why,
        example,
        fixed,
        source,
    }
}

pub static RULE_DOCS: &[RuleDoc] = &[
    d(
        "front-matter/missing",
        "Claude Code reads an agent's name and description from the front matter. Without one (or when the `---` is indented, preceded by a blank line, or the file has CR-only line ends), it finds none and skips the file without a word.",
        "# Reviewer\n\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code after each change.\n---\n# Reviewer\n\nYou review code.\n",
        LOADER,
    ),
    d(
        "front-matter/unclosed",
        "Claude Code's front matter ends at the next `---`; with none after the opening one, there is no front matter and the agent is not loaded, while strict tools read the whole prompt as YAML. VS Code reads the whole rest of the file as the header instead: the agent or prompt has no instructions, and body lines that look like `key: value` become keys. Cline (3.0.65) finds no front matter either, and loads the rule, workflow or skill with the whole file, `---` and keys included, as its text.",
        "---\nname: reviewer\ndescription: Reviews code.\n\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\n\nYou review code.\n",
        LOADER,
    ),
    d(
        "front-matter/closed-by-rule",
        "Claude Code ends the front matter at the first three dashes of a longer `-----` rule, so the agent loads and its prompt starts with the two dashes left over; strict YAML tools and other agent runners only accept `---` and read on into the prompt.",
        "---\nname: reviewer\ndescription: Reviews code.\n-----\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/syntax",
        "When the front matter is not YAML that Claude Code can read even after its retry (quoting values, replacing leading tabs), it reads no key at all: an agent is skipped, a command loads without its settings. Common causes: continuation lines of a value that are not indented, an unclosed quote, a line without `:`, or a missing closing `---` so the Markdown runs into the YAML. With CRLF line ends the retry does not apply, so a value that needs quotes fails too. VS Code reads Copilot files with its own parser, which reads on past most of these and reports what it cannot read as an error (`Missing value` for a bare `key:`, `Unexpected indentation`, `Expected \"]\"`); a front matter that VS Code reads and strict YAML rejects is reported as information, for the tools that read it with a YAML library. Cline (3.0.65) has no retry: it drops a rule, workflow or skill whose front matter is not YAML, without a word.",
        "---\nname: reviewer\ndescription: Reviews code.\n<example>\nContext: a pull request\n</example>\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: |\n  Reviews code.\n  <example>\n  Context: a pull request\n  </example>\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/needs-quotes",
        "A plain YAML value cannot hold `: ` or start with `[`, `*`, `&`, `!` or `@`. When the front matter fails, Claude Code retries with such values quoted and reads them as written, so the agent loads; VS Code's own parser reads such a value whole too; strict YAML tools, PyYAML, js-yaml and other agent runners reject the file.",
        "---\nname: reviewer\ndescription: Use when: a pull request is opened\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: \"Use when: a pull request is opened\"\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/duplicate-key",
        "Claude Code keeps the last of two equal keys and silently drops the first; VS Code reports a duplicate key as an error and uses the first; strict YAML parsers reject the file, and so does Cline's (3.0.65), which then drops the rule, workflow or skill.",
        "---\nname: reviewer\ndescription: First.\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "YAML 1.2 §3.2.1.1 (keys are unique); Claude Code's Bun loader keeps the last, VS Code 1.139.1 reports `Duplicate key` and reads the first (docs/format-sources.md)",
    ),
    d(
        "yaml/not-a-mapping",
        "The front matter must be `key: value` lines; a list or a lone value gives the loader no fields (Cline then loads the file with its body and none of the keys).",
        "---\n- name: reviewer\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "/unknown-key",
        "Claude Code ignores keys it does not define, so a misspelt key (`colour`, `permisionMode`) silently does nothing.",
        "---\nname: reviewer\ndescription: Reviews code.\ncolour: blue\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ncolor: blue\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/missing-field",
        "`name` identifies the agent and `description` tells Claude when to delegate to it: Claude Code skips a file whose `name` or `description` is missing, empty, or not text.",
        "---\nname: reviewer\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code after each change.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/wrong-type",
        "A value of the wrong type is dropped: `maxTurns: many` is no number, `background: \"yes\"` is no boolean. For `name`, `description` and `hooks` the whole agent is skipped instead.",
        "---\nname: reviewer\ndescription: Reviews code.\nmaxTurns: many\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmaxTurns: 20\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/invalid-value",
        "Values outside the documented set (a `color` of `magenta`, a `permissionMode` of `AcceptEdits`) are ignored by Claude Code; values are case-sensitive.",
        "---\nname: reviewer\ndescription: Reviews code.\ncolor: magenta\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ncolor: purple\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/invalid-name",
        "Claude Code rejects agent names that contain `:` (reserved for plugin namespaces), start with `-`, or are longer than 256 characters, and skips the file.",
        "---\nname: team:reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: team-reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/name-format",
        "Names are identifiers that users type (`@reviewer`) and tools match; Claude Code accepts spaces and capitals, but they make the agent awkward to invoke and differ from every documented example.",
        "---\nname: Code Reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: code-reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/name-mismatch",
        "Claude Code uses `name`, not the file name; when they differ, people looking for the agent by file will not find it. Many collections do this on purpose, so it is only information.",
        "---\nname: reviewer-v2\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: example\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/unknown-model",
        "Claude Code sends a model value it does not know to the API as written; no model has that id, so every request of the agent fails.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonet\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonnet\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/retired-model",
        "Claude Code sends most retired model ids to the API as written, and requests naming a retired model fail; a few (Opus 4 and 4.1) it replaces with the current Opus itself. An alias (`sonnet`, `opus`, `haiku`) always points at a current model.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: claude-sonnet-4-20250514\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonnet\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/cli-only-model",
        "`best`, `opusplan` and the `[1m]` aliases are documented for `claude --model`, not for the subagent `model` field; in a subagent they resolve to a fixed model (the page's hover says which).",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: opusplan\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: opus\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/unknown-tool",
        "Tool names are matched exactly (case-sensitive): Claude Code drops a name that is no tool, and a tool no subagent gets, so the agent silently lacks it.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grpe\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/removed-tool",
        "Tools such as `MultiEdit`, `LS`, `NotebookRead` and `TaskOutput` no longer exist; Claude Code drops them from the list.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, MultiEdit\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Edit\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/invalid-tool-rule",
        "A permission rule is `Tool(specifier)`; with unbalanced parentheses it matches nothing and Claude Code drops the entry, so the tool is not granted.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Bash(git diff:*\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Bash(git diff:*)\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/duplicate-tool",
        "A tool listed twice is harmless to Claude Code, which gives it once, but usually a copy-paste slip hiding a missing tool.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Read\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/tool-conflict",
        "A tool in both `tools` and `disallowedTools` is removed: the deny list wins, which is rarely what the author meant.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Bash\ndisallowedTools: Bash\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read\ndisallowedTools: Bash\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/empty-tools",
        "`tools:` with no value (or `\"\"`, `[]`) gives the agent no tools at all; leaving the key out gives it every tool.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/empty-body",
        "The body is the subagent's system prompt; without it the agent starts with no instructions of its own. Claude Code loads it all the same.",
        "---\nname: reviewer\ndescription: Reviews code.\n---\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code for security problems.\n",
        SUBAGENTS,
    ),
    d(
        "front-matter/closed-mid-line",
        "Claude Code's front matter ends at the first `---` after the opening line, even inside a value: the value is cut there and everything after it, the rest of the front matter included, becomes the agent's prompt.",
        "---\nname: reviewer\ndescription: Reviews code --- carefully.\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code, carefully.\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/read-as-text",
        "A value that opens a list or a mapping and never closes it is not YAML. Claude Code's retry reads the line's text instead: `tools: [Read, Grep` becomes the tools `[Read` and `Grep`, and `[Read` is no tool.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: [Read, Grep\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: [Read, Grep]\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/tabs",
        "YAML does not allow tabs for indentation. When the front matter fails, Claude Code reads each leading tab as two spaces and loads the file; VS Code's parser counts a tab as one column of indentation; strict YAML tools reject it.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n\t- Read\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n  - Read\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/comment-in-value",
        "In YAML, ` #` starts a comment, even in the middle of a plain value: `description: Handles ticket #42 triage` is read as `Handles ticket`. Quote the value to keep the rest.",
        "---\nname: reviewer\ndescription: Reviews PR #42 follow-ups.\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: \"Reviews PR #42 follow-ups.\"\n---\nYou review code.\n",
        "YAML 1.2 §6.6 (comments); Claude Code reads the value up to the comment (truth case `mutation/claude-agent/description/hash-in-value`)",
    ),
    d(
        "/empty-value",
        "A blank value (only spaces) is text, so Claude Code accepts it, but it says nothing: a blank `description` leaves Claude nothing to decide when to use the agent.",
        "---\nname: reviewer\ndescription: \"   \"\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code after each change.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/provider-model",
        "Bedrock inference profiles (`us.anthropic.claude-…`), ARNs and Vertex AI ids (`claude-…@date`) are model ids of one cloud provider; Claude Code sends them as written, which works only when it runs on that provider.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: us.anthropic.claude-opus-4-8\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: opus\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/no-tools",
        "When every entry of `tools` resolves to nothing (misspelt or lowercase names, removed tools, tools no subagent gets), Claude Code refuses to start the agent: \"would be spawned with zero tools — refusing\".",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: read, grep\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/session-tools",
        "MCP tools exist only when their server is configured, and some built-in tools only in some sessions (`LSP` with a language server, `PowerShell` on Windows, `TodoWrite` when enabled). An agent that lists only such tools is refused where none of them is there.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: mcp__github__create_issue\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, mcp__github__create_issue\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/withheld-tool",
        "Claude Code 2.1.332 (the native binary its npm package installs) builds search into Bash: an agent that has `Bash` gets no `Grep` and no `Glob` tool, and runs `grep` and `find` through Bash instead. The entries do no harm, and they still count where Bash cannot run (Windows without Git Bash), so this is a note, not a warning; an agent meant to search without a shell should not list `Bash`.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Glob, Bash\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Glob\n---\nYou review code.\n",
        "Claude Code 2.1.332: agents listing `Grep` spawned without it whenever they had `Bash` (461 of 461 cases), with it whenever they did not (103 of 103; truth cases `fixture/claude-agent/valid`, `mutation/claude-agent/tool/Grep`)",
    ),
    d(
        "/space-separated-tools",
        "Claude Code splits `tools` on spaces as well as commas, so `Read Grep Glob` gives three tools; tools that split the list only on commas read it as one unknown name.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read Grep Glob\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Glob\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/argument-numbering",
        "Claude Code 2.1.332 numbers a command's arguments from `$0`: with `/deploy prod eu`, `$0` is `prod` and `$1` is `eu`. A body that starts at `$1` never reads the first argument and gets every other one shifted.",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment] [region]\"\n---\nDeploy to $1 in $2.\n",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment] [region]\"\n---\nDeploy to $0 in $1.\n",
        "Claude Code 2.1.332, `/name alpha beta gamma` expanded (truth case `mutation/claude-command/body/positional`)",
    ),
    d(
        "/hook-outside-hooks",
        "`PreToolUse` and `PermissionRequest` hooks guard tools. Written as top-level keys instead of under `hooks:`, they cannot be loaded, and rather than run the agent unguarded Claude Code skips it.",
        "---\nname: reviewer\ndescription: Reviews code.\nPreToolUse:\n  - matcher: Bash\n    hooks:\n      - type: command\n        command: ./check.sh\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: ./check.sh\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    // Cross-file and link rules. A multi-file example (`//- /path` headers) is checked as its
    // first file, with the others in the workspace.
    d(
        "/duplicate-name",
        "Claude Code keys agents by `name`: of two agents with the same name in one folder, only one loads, and which one is not obvious.",
        "//- /project/.claude/agents/reviewer.md\n---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n//- /project/.claude/agents/reviewer-strict.md\n---\nname: reviewer\ndescription: Reviews code strictly.\n---\nYou review code strictly.\n",
        "//- /project/.claude/agents/reviewer.md\n---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n//- /project/.claude/agents/reviewer-strict.md\n---\nname: reviewer-strict\ndescription: Reviews code strictly.\n---\nYou review code strictly.\n",
        "formats.md §13 (cross-file rules); Claude Code docs, \"Create custom subagents\" (code.claude.com/docs/en/sub-agents)",
    ),
    d(
        "/unknown-skill",
        "A skill listed in `skills:` is preloaded into the agent; a name that matches no `skills/<name>/SKILL.md` loads nothing (unless it is a personal skill agentls cannot see).",
        "//- /project/.claude/agents/example.md\n---\nname: example\ndescription: Fills forms.\nskills:\n  - pdf-tool\n---\nYou fill forms.\n//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: pdf-tools\ndescription: Fills PDF forms.\n---\nUse pdftk.\n",
        "//- /project/.claude/agents/example.md\n---\nname: example\ndescription: Fills forms.\nskills:\n  - pdf-tools\n---\nYou fill forms.\n//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: pdf-tools\ndescription: Fills PDF forms.\n---\nUse pdftk.\n",
        "formats.md §13; Agent Skills (agentskills.io) and Claude Code docs, \"Agent Skills\"",
    ),
    d(
        "/unknown-agent",
        "`Agent(name)` restricts which subagents this agent may start; a name that is neither a workspace agent nor a built-in type (`Explore`, `Plan`, `general-purpose`…) allows nothing.",
        "---\nname: example\ndescription: Plans work.\ntools: Read, Agent(Planner)\n---\nYou plan work.\n",
        "---\nname: example\ndescription: Plans work.\ntools: Read, Agent(Plan)\n---\nYou plan work.\n",
        "formats.md §13; Claude Code docs, \"Create custom subagents\", built-in subagents (code.claude.com/docs/en/sub-agents)",
    ),
    d(
        "link/missing-file",
        "A relative link in a prompt names a file the agent is meant to read; when it does not exist, the agent gets nothing. VS Code checks the Markdown links and `#file:` references of Copilot files itself and warns `File '…' not found`.",
        "//- /project/.github/agents/writer.agent.md\n---\ndescription: Writes docs.\n---\nFollow [the style guide](../style.md).\n",
        "//- /project/.github/agents/writer.agent.md\n---\ndescription: Writes docs.\n---\nFollow [the style guide](../style.md).\n//- /project/.github/style.md\n# Style\n",
        "formats.md §13 and §8 (relative links should resolve); VS Code 1.139.1's prompt-file validator (`File '…' not found`)",
    ),
    d(
        "link/missing-anchor",
        "A `#anchor` is the GitHub slug of a heading; one that matches no heading jumps nowhere, often after a heading was renamed.",
        "---\nname: example\ndescription: Writes reports.\n---\nUse [the format](#output-format).\n\n## Output\n\nA table.\n",
        "---\nname: example\ndescription: Writes reports.\n---\nUse [the format](#output).\n\n## Output\n\nA table.\n",
        "formats.md §13 (heading fragments resolve to a heading); GitHub's heading anchors",
    ),
    d(
        "file/not-utf8",
        "Claude Code reads a file that is not valid UTF-8 all the same, with each bad byte as U+FFFD (�), so names, tools or the prompt can carry replacement characters; a UTF-16 file (a Windows editor's default) is then no front matter at all. agentls checks it as Claude Code reads it.",
        "(a file saved as Latin-1: `name: caf\\xe9`)\n",
        "---\nname: cafe\ndescription: Reviews code.\n---\nYou review code.\n",
        "Claude Code 2.1.332 (truth case `mutation/claude-agent/front-matter/invalid-utf8`)",
    ),
    d(
        "file/unreadable",
        "agentls could not read the file at all (it is over 64 MB, or reading it failed), so it checked nothing in it; in CI this finding is the reason the job fails. A file that is not UTF-8 is checked as the tool reads it (`file/not-utf8`).",
        "(`.claude/agents/reviewer.md`, 70 MB of generated text)\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "formats.md §2 (a front matter starts the file, after an optional UTF-8 byte-order mark); `agentls check` reads files up to 64 MB",
    ),
    d(
        "config/invalid",
        "A setting agentls cannot use (a TOML error, an unknown key, rule or format, a bad glob) is not applied: the files are checked with the defaults, so rules you turned off come back. It is an error so the mistake is seen, and it cannot be turned off from the broken file.",
        "//- /project/agentls.toml\n[rules]\n\"claude-agent/unknown-modle\" = \"off\"\n",
        "//- /project/agentls.toml\n[rules]\n\"claude-agent/unknown-model\" = \"off\"\n",
        "the configuration schema (`agentls schema`, schemas/agentls.schema.json)",
    ),
    d(
        "skill/name-format",
        "A skill's name is its id: the Agent Skills standard allows 1–64 lowercase letters, digits and hyphens, with no hyphen at either end and no `--`. Tools differ: Claude Code lists the skill under its folder's name whatever `name` says, VS Code reports other characters as an error; `skill/rejected-by-tool` says, tool by tool, which of the tools reading the file rejects it.",
        "//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: PDF-Tools\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        "//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: pdf-tools\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        SKILLS,
    ),
    d(
        "skill/rejected-by-tool",
        "One `SKILL.md` is read by many tools, each scanning its own folders with its own rules: a name with capitals is an error in VS Code and fine in Claude Code, a missing `description` makes Gemini CLI skip the skill, a number as `name` makes Cline drop it. The finding names the tool and the cause, at the severity of the effect. It is made for the tools `targets` names in `agentls.toml`, else for the tools that scan the file's folder; a targeted tool that does not scan it gets one finding saying where it looks instead.",
        "//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: PDF-Tools\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        "//- /project/.claude/skills/pdf-tools/SKILL.md\n---\nname: pdf-tools\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        "each tool's reading in `server/src/formats/skills_by_tool.rs`, from the recordings (`truth/recorded/`, truth/gemini/FINDINGS.md \"Skills\", truth/cline/FINDINGS.md §3) or, where the tool was not run, from sources; the table below; docs/format-sources.md, \"Skills per tool\"",
    ),
    d(
        "skill/name-mismatch",
        "The Agent Skills standard requires `name` to equal the skill's folder name. Claude Code lists the skill under its folder (`folder (name)`) and runs it as `/folder`; Gemini CLI 0.61.0 and Cline CLI 3.0.65 list it under its `name` (the classic Cline extension ≤ 3.89.2 dropped it); VS Code warns, and validators such as `skills-ref` reject the skill.",
        "//- /project/.claude/skills/pdf-tables/SKILL.md\n---\nname: pdf-tools\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        "//- /project/.claude/skills/pdf-tables/SKILL.md\n---\nname: pdf-tables\ndescription: Extracts tables from PDF files.\n---\nRun the script.\n",
        SKILLS,
    ),
    d(
        "/too-long",
        "The standard limits `description` to 1,024 and `compatibility` to 500 characters; longer values fail validation and crowd the agent's list of skills.",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\ncompatibility: Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber. Needs Python 3.11 and pdfplumber.\n---\nRun the script.\n",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\ncompatibility: Needs Python 3.11 and pdfplumber.\n---\nRun the script.\n",
        SKILLS,
    ),
    d(
        "/nested-metadata",
        "`metadata` maps text keys to text values; a nested mapping or a list is rejected by strict readers of the standard.",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\nmetadata:\n  author:\n    name: Ada\n---\nRun the script.\n",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\nmetadata:\n  author: Ada\n---\nRun the script.\n",
        SKILLS,
    ),
    d(
        "/long-body",
        "The whole `SKILL.md` is loaded when the skill is used; the standard recommends under 500 lines, with details in `references/` files the agent reads only when needed.",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\n---\n(more than 500 lines of instructions)\n",
        "//- /project/.claude/skills/pdf/SKILL.md\n---\nname: pdf\ndescription: Extracts tables from PDF files.\n---\nRun the script. For edge cases read [the reference](references/edge-cases.md).\n",
        SKILLS,
    ),
    d(
        "/argument-mismatch",
        "A command whose `argument-hint` names arguments the body never reads gets them appended after the prompt as `ARGUMENTS: …`; a placeholder past the hinted arguments stays in the prompt as written unless the user types more.",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment]\"\n---\nDeploy to $0, then notify $1.\n",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment] [channel]\"\n---\nDeploy to $0, then notify $1.\n",
        COMMANDS_DOC,
    ),
    d(
        "/argument-hint-list",
        "`argument-hint: [name]` is a YAML list, not text. Claude Code shows it, but strict tools expect a string.",
        "//- /project/.claude/commands/explain.md\n---\nargument-hint: [topic]\n---\nExplain $ARGUMENTS.\n",
        "//- /project/.claude/commands/explain.md\n---\nargument-hint: \"[topic]\"\n---\nExplain $ARGUMENTS.\n",
        COMMANDS_DOC,
    ),
    d(
        "/invalid-glob",
        "A glob that does not parse matches no file, so the rule it scopes is never applied.",
        "//- /project/.cursor/rules/api.mdc\n---\nglobs: src/[api/**\n---\nUse strict types.\n",
        "//- /project/.cursor/rules/api.mdc\n---\nglobs: src/api/**\n---\nUse strict types.\n",
        "Cursor docs, \"Rules\" (docs.cursor.com/context/rules), Claude Code docs (`paths`); the glob syntax of `globset`",
    ),
    d(
        "copilot/renamed-tool",
        "VS Code renamed its built-in tools into tool sets (`codebase` → `search/codebase`, `shell` → `execute`). It still maps the old names, and marks each as renamed (information, struck through) with the name to write now.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['codebase']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search/codebase']\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "copilot-prompt/deprecated-key",
        "VS Code renamed the prompt file's `mode` to `agent`. It still reads `mode` as `agent` and warns; with both keys it reads `agent` and ignores `mode`.",
        "//- /project/.github/prompts/explain.prompt.md\n---\nmode: ask\n---\nExplain the selection.\n",
        "//- /project/.github/prompts/explain.prompt.md\n---\nagent: ask\n---\nExplain the selection.\n",
        COPILOT_DOC,
    ),
    d(
        "copilot-chatmode/legacy-chatmode",
        "Custom chat modes became custom agents in VS Code 1.106: `*.chatmode.md` files still load (VS Code reads them as agents and warns \"Chat modes have been renamed to agents\"), but new features (handoffs, subagents) are documented for `*.agent.md`.",
        "//- /project/.github/chatmodes/planner.chatmode.md\n---\ndescription: Plans features\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "copilot/invalid-handoff",
        "VS Code shows a handoff button only for a handoff with `label`, `agent` and `prompt`. Its validator reports a missing one, a handoff that is not a mapping, a `send` or `showContinueOn` that is not the plain word `true` or `false`, and two labels that differ only in case as errors; a property it does not know (`agnt`) it ignores, with a warning.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nhandoffs:\n  - label: Implement\n    agnt: agent\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nhandoffs:\n  - label: Implement\n    agent: agent\n    prompt: Implement the plan.\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "copilot-instructions/invalid-glob",
        "VS Code splits `applyTo` on the commas outside `{}` and `[]` and reports a value with no pattern at all, or an empty pattern between commas, as an error. Any other text it accepts as a glob (even `src/[api/**`), so agentls reports only these.",
        "//- /project/.github/instructions/ts.instructions.md\n---\napplyTo: \",**/*.ts\"\n---\nUse strict types.\n",
        "//- /project/.github/instructions/ts.instructions.md\n---\napplyTo: \"**/*.ts\"\n---\nUse strict types.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/deprecated-key",
        "VS Code replaced an agent's `infer` with `user-invocable` (`false` hides the agent from the picker) and `disable-model-invocation` (`true` keeps other agents from running it), and reports `infer`, whatever its value, as an error.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ninfer: false\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ndisable-model-invocation: true\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/wrong-type",
        "VS Code's validator checks the type of every key it knows: `name`, `description`, `argument-hint`, `target` and a prompt's `agent` must be text; `user-invocable`, `disable-model-invocation` and a handoff's `send` the plain words `true` or `false` (not `True`, `'true'` or `yes`); `agents` and `handoffs` lists; `tools` a list or one comma-separated string; `applyTo` one string. Anything else is an error marker in the editor and the Problems panel, and VS Code does not take the value.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nuser-invocable: True\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nuser-invocable: true\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/empty-value",
        "VS Code reports an empty `name`, `description`, `target`, `model` or prompt `agent` (`\"\"`, or only blanks) and an empty model list as errors. A bare `key:` is its parser's `Missing value` error, reported as `yaml/syntax`. An empty `argument-hint` it only warns about.",
        "//- /project/.github/agents/planner.agent.md\n---\nname: \"\"\ndescription: Plans features\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\nname: Planner\ndescription: Plans features\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/invalid-value",
        "VS Code takes only `vscode` and `github-copilot` as an agent's `target`, `read`, `write` or `none` as a `github` permission (each scope its own set), and `command` as a hook's `type`; anything else is an error. An unknown hook event, permission scope or hook property it ignores, with a warning.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntarget: desktop\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntarget: vscode\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/unknown-key",
        "VS Code supports its own set of keys in each file type (agents, prompt files, instructions) and ignores any other key, marking it faded (a hint, which the Problems panel hides): a misspelt key silently does nothing. In an agent with `target: github-copilot`, which runs on github.com, only `name`, `description`, `tools`, `target`, `model`, `reasoning-effort`, `mcp-servers`, `github` and `infer` count.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nmodle: GPT-5 (copilot)\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nmodel: GPT-5 (copilot)\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/unknown-tool",
        "VS Code ignores a tool name it does not know (a faded hint). agentls reports a name only when it is one letter or one case away from a built-in tool or tool set, or `*` (VS Code has no wildcard for every tool): any other name may be one of your own tool sets, an MCP tool or an extension tool of your setup.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['serch']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search']\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/unknown-model",
        "Copilot names models as its model picker does (`Claude Sonnet 4.5 (copilot)`); which names exist depends on your sign-in and model extensions, so agentls checks no other name. A Claude Code model name (`sonnet`, `claude-sonnet-4-5`) is no Copilot model's name: VS Code ignores it and uses the model selected in the picker.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nmodel: sonnet\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nmodel: Claude Sonnet 4.5 (copilot)\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/duplicate-tool",
        "A tool listed twice is enabled once; usually a copy-paste slip hiding a tool that was meant.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search', 'edit', 'search']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search', 'edit']\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "/conditional-tool",
        "Some VS Code tools exist only in some setups: `fetch` (`web/fetch`) only in the desktop app, `search/changes` only with the setting `github.copilot.chat.getChangedFilesTool.enabled`, the subagent tools with their settings. Where a tool is missing, VS Code ignores it, so the agent works in one VS Code and not in another.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search/codebase', 'search/changes']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search/codebase']\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "copilot/ignored-key",
        "Some keys count only together with others: a prompt's `tools` only when it runs with an agent that uses tools (`ask` and `edit` use none), an agent's `agents` only when `tools` includes the `agent` tool, `mcp-servers` only for an agent that runs on github.com (`target: github-copilot`). VS Code ignores them otherwise, and says so.",
        "//- /project/.github/prompts/explain.prompt.md\n---\nagent: ask\ntools: ['search']\n---\nExplain the selection.\n",
        "//- /project/.github/prompts/explain.prompt.md\n---\nagent: agent\ntools: ['search']\n---\nExplain the selection.\n",
        VSCODE_DOC,
    ),
    d(
        "yaml/lost-keys",
        "VS Code reads Copilot front matter with its own parser, which stops silently where strict YAML would fail: an unclosed quote runs on to the end of the front matter and swallows the keys after it, and a line that is no `key: value` ends the front matter there. The keys after that point are ignored, with no error marker to say so.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: \"Plans features\ntools: ['search']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: \"Plans features\"\ntools: ['search']\n---\nPlan.\n",
        VSCODE_DOC,
    ),
    d(
        "/claude-style-tools",
        "OpenCode's `tools` is a mapping of tool ids to `true`/`false` (and deprecated: `permission` says the same). A Claude Code style list (`Read, Grep`) fails OpenCode's schema check, and it refuses its whole configuration: \"Expected object, got \"Read, Grep\" tools\", and no agent runs.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\npermission:\n  edit: deny\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    // OpenCode agents: the shared rules, as OpenCode 1.18.33 was seen doing them.
    d(
        "opencode-agent/unknown-key",
        "OpenCode does not drop a key it does not know: it passes it to the model provider as an option (`options.colour`), and the provider ignores options it does not know. A misspelt key (`colour`, `temprature`) or another tool's key (`maxTurns` is Claude Code's `steps`) does nothing; other unknown keys are reported as information, since options the provider knows (`thinking` for Anthropic) do work.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ncolour: \"#e5484d\"\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ncolor: \"#e5484d\"\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/missing-field",
        "OpenCode loads an agent without a `description`, but its `task` tool, the list other agents pick a subagent from, shows it as \"This subagent should only be called manually by the user.\" (or with nothing, for a blank one): no agent delegates to it.",
        "//- /project/.opencode/agent/review.md\n---\nmode: subagent\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code for bugs after each change\nmode: subagent\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/wrong-type",
        "OpenCode checks every agent against its schema at start-up. One value of the wrong type (text where a number belongs, a date, `yes` for a boolean, or an empty `key:`, which YAML reads as null) and it refuses its whole configuration: every command stops with \"Configuration is invalid at .opencode/agent/review.md\", and no agent runs, not only this one.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ntemperature: \"0.2\"\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ntemperature: 0.2\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/invalid-value",
        "`mode`, `color`, `steps` and the permission actions take a fixed set of values, checked by OpenCode's schema: any other value (`helper`, `Primary`, `red`, `#fff`, `0`) and it refuses its whole configuration, so no agent runs. A sampling value out of range is sent on: the Anthropic provider clamps `temperature` to 0–1, and `top_p` goes as written.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nmode: helper\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nmode: subagent\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/name-mismatch",
        "OpenCode names an agent after its file (`review.md` is `review`, `team/review.md` is `team/review`) unless the front matter has a `name`, which wins: `@review` then finds nothing. An empty `name:` names the agent `null`.",
        "//- /project/.opencode/agent/review.md\n---\nname: code-reviewer\ndescription: Reviews code\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/unknown-model",
        "OpenCode splits `model` at the first `/` into a provider and a model id and looks the pair up in its catalogue; `sonnet` is the provider `sonnet` with no model. A model it does not find fails the run before anything is sent (\"ProviderModelNotFoundError: Model not found\"), every time.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nmodel: claude-sonnet-4-5\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nmodel: anthropic/claude-sonnet-4-5\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/unknown-tool",
        "OpenCode accepts any key in `permission` and `tools`, and consults only the permissions its tools ask for: `write: deny` changes nothing (writing asks `edit`), nor do `list`, `todoread`, `Edit` or a misspelt `wirte`. The agent keeps the tool.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\npermission:\n  write: deny\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\npermission:\n  edit: deny\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/empty-body",
        "The body is the agent's prompt; with nothing after the front matter OpenCode runs the agent with its own default system prompt, and none of your instructions.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n---\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n---\nYou review code for bugs.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/deprecated-key",
        "`maxSteps` is the old name of `steps`, and `tools` the old form of `permission`; OpenCode 1.18.33 still reads both (`tools: {write: false}` becomes `edit: deny`), and documents the new ones.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nmaxSteps: 10\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nsteps: 10\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "opencode-agent/ignored-key",
        "Some keys do nothing where they are: in a Markdown agent the body is the prompt, so a `prompt` key is dropped, whatever it says (a `{file:…}` reference too); `variant` applies only together with the agent's own `model`, and without one the request goes out without it.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\nprompt: Review the diff.\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n---\nReview the diff.\n",
        OPENCODE_DOC,
    ),
    // Kilo Code agents: OpenCode's, at Kilo's paths, as Kilo Code 7.7.7 was seen doing them.
    d(
        "kilo-agent/unknown-key",
        "Kilo Code does not drop a key it does not know: it passes it to the model provider as an option (`options.colour`), and the provider ignores options it does not know. A misspelt key (`colour`, `temprature`) or another tool's key (`maxTurns` is Claude Code's `steps`) does nothing; other unknown keys are reported as information, since options the provider knows (`thinking` for Anthropic) do work.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\ncolour: \"#e5484d\"\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\ncolor: \"#e5484d\"\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/missing-field",
        "Kilo Code loads an agent without a `description`, but its `task` tool, the list other agents pick a subagent from, shows it as \"This subagent should only be called manually by the user.\" (or with nothing, for a blank one): no agent delegates to it.",
        "//- /project/.kilo/agents/review.md\n---\nmode: subagent\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code for bugs after each change\nmode: subagent\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/wrong-type",
        "Kilo Code checks every agent against OpenCode's schema at start-up. One value of the wrong type (text where a number belongs, `yes` for a boolean, or an empty `key:`, which YAML reads as null) and Kilo Code 7.7.7 skips the agent silently: it is not listed, and `@review` finds nothing. (OpenCode, from which Kilo is forked, refuses its whole configuration instead.)",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\ntemperature: \"0.2\"\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\ntemperature: 0.2\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/invalid-value",
        "`mode`, `color`, `steps` and the permission actions take a fixed set of values: any other value (`helper`, `Primary`, `red`, `#fff`, `0`) and Kilo Code skips the agent silently. A sampling value out of range is sent on.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nmode: helper\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nmode: subagent\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/name-mismatch",
        "Kilo Code names an agent after its file (`review.md` is `review`, `team/review.md` is `team/review`) unless the front matter has a `name`, which wins: `@review` then finds nothing. An empty `name:` names the agent `null`.",
        "//- /project/.kilo/agents/review.md\n---\nname: code-reviewer\ndescription: Reviews code\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/unknown-model",
        "Kilo Code splits `model` at the first `/` into a provider and a model id and looks the pair up in its catalogue; `sonnet` is the provider `sonnet` with no model. A model it does not find fails the run before anything is sent (\"ProviderModelNotFoundError: Model not found\"), every time.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nmodel: claude-sonnet-4-5\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nmodel: anthropic/claude-sonnet-4-5\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/unknown-tool",
        "Kilo Code accepts any key in `permission` and `tools`, and consults only the permissions its tools ask for: `write: deny` changes nothing (writing asks `edit`), nor do `list`, `todoread`, `Edit` or a misspelt `wirte`. The agent keeps the tool.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\npermission:\n  write: deny\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\npermission:\n  edit: deny\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/empty-body",
        "The body is the agent's prompt; with nothing after the front matter Kilo Code runs the agent with its own default system prompt, and none of your instructions.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\n---\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\n---\nYou review code for bugs.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/deprecated-key",
        "`maxSteps` is the old name of `steps`, and `tools` the old form of `permission`; Kilo Code 7.7.7 still reads both (`tools: {write: false}` becomes `edit: deny`), and documents the new ones.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nmaxSteps: 10\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nsteps: 10\n---\nYou review code.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/ignored-key",
        "Some keys do nothing where they are: in a Markdown agent the body is the prompt, so a `prompt` key is dropped, whatever it says (a `{file:…}` reference too); `variant` applies only together with the agent's own `model`, and without one the request goes out without it.",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\nprompt: Review the diff.\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\n---\nReview the diff.\n",
        KILO_DOC,
    ),
    d(
        "kilo-agent/claude-style-tools",
        "OpenCode's `tools` is a mapping of tool ids to `true`/`false` (and deprecated: `permission` says the same). A Claude Code style list (`Read, Grep`) fails the schema check, and Kilo Code 7.7.7 skips the agent silently (OpenCode refuses its whole configuration instead).",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review code.\n",
        "//- /project/.kilo/agents/review.md\n---\ndescription: Reviews code\npermission:\n  edit: deny\n---\nYou review code.\n",
        KILO_DOC,
    ),
    // OpenCode and Kilo Code commands, as OpenCode 1.18.33 and Kilo Code 7.7.7 were seen doing them.
    d(
        "opencode-command/unknown-key",
        "OpenCode reads `description`, `agent`, `model`, `variant` and `subtask` from a command, and drops every other key. Keys of Claude Code's commands (`argument-hint`, `allowed-tools`, `disable-model-invocation`) and misspelt keys do nothing.",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nargument-hint: \"[file]\"\n---\nReview $1.\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $1.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "opencode-command/wrong-type",
        "OpenCode checks every command against its schema at start-up. One value of the wrong type (`subtask: yes` or `\"true\"` for a boolean, a number or a list for `agent`, `model` or `description`, or an empty `key:`, which YAML reads as null) and it refuses its whole configuration: every command stops with \"Configuration is invalid\", and no agent or command runs.",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nsubtask: yes\n---\nReview $1.\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nsubtask: true\n---\nReview $1.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "opencode-command/unknown-model",
        "OpenCode splits a command's `model` at the first `/` into a provider and a model id and looks the pair up in its catalogue: `sonnet` is the provider `sonnet` with no model. A model it does not find fails every run of the command before anything is sent (\"ProviderModelNotFoundError: Model not found\").",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nmodel: sonnet\n---\nReview $1.\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nmodel: anthropic/claude-sonnet-4-5\n---\nReview $1.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "opencode-command/empty-body",
        "The body is the command's template: with nothing after the front matter OpenCode sends only the arguments typed after `/review`, and none of your instructions.",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\n---\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $ARGUMENTS for bugs.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "opencode-command/ignored-key",
        "Some keys do nothing where they are: in a Markdown command the body is the template, so a `template` key is dropped; `variant` applies only together with the command's own `model`.",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\ntemplate: Review the file.\n---\nReview $1.\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $1.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "opencode-command/unknown-agent",
        "A command's `agent` runs it. OpenCode lists a command whose `agent` names no agent it has, and every run of it then fails before a request is sent (`UnknownError`). The agent must be a built-in one or an agent of the project or of your home folder.",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nagent: reviewr\n---\nReview $1.\n",
        "//- /project/.opencode/commands/review.md\n---\ndescription: Reviews a file\nagent: plan\n---\nReview $1.\n",
        OPENCODE_COMMAND_DOC,
    ),
    d(
        "kilo-command/unknown-key",
        "Kilo Code reads `description`, `agent`, `model`, `variant` and `subtask` from a command, and drops every other key. Keys of Claude Code's commands (`argument-hint`, `allowed-tools`, `disable-model-invocation`) and misspelt keys do nothing.",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nargument-hint: \"[file]\"\n---\nReview $1.\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $1.\n",
        KILO_DOC,
    ),
    d(
        "kilo-command/wrong-type",
        "Kilo Code checks every command against OpenCode's schema. One value of the wrong type (`subtask: yes` or `\"true\"` for a boolean, a number or a list for `agent`, `model` or `description`, or an empty `key:`, which YAML reads as null) and Kilo Code 7.7.7 skips the command silently: `/review` is not there. (OpenCode refuses its whole configuration instead.)",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nsubtask: yes\n---\nReview $1.\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nsubtask: true\n---\nReview $1.\n",
        KILO_DOC,
    ),
    d(
        "kilo-command/unknown-model",
        "Kilo Code splits a command's `model` at the first `/` into a provider and a model id and looks the pair up in its catalogue: `sonnet` is the provider `sonnet` with no model. A model it does not find fails every run of the command before anything is sent (\"ProviderModelNotFoundError: Model not found\").",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nmodel: sonnet\n---\nReview $1.\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nmodel: anthropic/claude-sonnet-4-5\n---\nReview $1.\n",
        KILO_DOC,
    ),
    d(
        "kilo-command/empty-body",
        "The body is the command's template: with nothing after the front matter Kilo Code sends only the arguments typed after `/review`, and none of your instructions.",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\n---\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $ARGUMENTS for bugs.\n",
        KILO_DOC,
    ),
    d(
        "kilo-command/ignored-key",
        "Some keys do nothing where they are: in a Markdown command the body is the template, so a `template` key is dropped; `variant` applies only together with the command's own `model`.",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\ntemplate: Review the file.\n---\nReview $1.\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\n---\nReview $1.\n",
        KILO_DOC,
    ),
    d(
        "kilo-command/unknown-agent",
        "A command's `agent` runs it. Kilo Code lists a command whose `agent` names no agent it has, and every run of it then fails before a request is sent (`UnknownError`). The agent must be a built-in one or an agent of the project or of your home folder.",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nagent: reviewr\n---\nReview $1.\n",
        "//- /project/.kilo/commands/review.md\n---\ndescription: Reviews a file\nagent: plan\n---\nReview $1.\n",
        KILO_DOC,
    ),
    d(
        "front-matter/close-with-text",
        "OpenCode's front matter parser (gray-matter) ends the block at the first line that starts with `---`, whatever follows the dashes on that line: the rest of the line becomes the first line of the prompt. Strict YAML tools need `---` alone.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n--- Reviewer\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\n---\nReviewer\nYou review code.\n",
        OPENCODE_DOC,
    ),
    // Cline rules, workflows and skills, as Cline CLI 3.0.65 was seen loading them.
    d(
        "cline/wrong-type",
        "Cline checks the few keys it reads: `name` (and a skill's `description`) must be text, `disabled` and `enabled` must be `true` or `false`. Any other value makes the loader throw, and Cline drops the file without a word: the rule is not in the prompt, the workflow or skill does not exist.",
        "//- /project/.clinerules/testing.md\n---\nname: 42\n---\nRun the tests before every commit.\n",
        "//- /project/.clinerules/testing.md\n---\nname: \"42\"\n---\nRun the tests before every commit.\n",
        CLINE_DOC,
    ),
    d(
        "cline/empty-body",
        "Cline drops a rule, workflow or skill with nothing after its front matter (\"Missing instructions body\"): it is not listed and never reaches the model.",
        "//- /project/.clinerules/testing.md\n---\nname: testing\n---\n",
        "//- /project/.clinerules/testing.md\n---\nname: testing\n---\nRun the tests before every commit.\n",
        CLINE_DOC,
    ),
    d(
        "cline/unknown-key",
        "Cline reads `name`, `disabled` and `enabled` (and a skill's `description`); it keeps other keys with the file and does nothing with them.",
        "//- /project/.clinerules/testing.md\n---\npriority: high\n---\nRun the tests before every commit.\n",
        "//- /project/.clinerules/testing.md\n---\nname: testing\n---\nRun the tests before every commit.\n",
        CLINE_DOC,
    ),
    d(
        "cline/ignored-key",
        "Some keys Cline documents or other tools read are not read by Cline 3.0.65. `paths`: the classic VS Code extension (up to 3.89.2) applied a rule only while a matching file was in context; the current loader (CLI 3.x; by its source, the VS Code extension from 4.0.0 too) has no conditional rules, and a rule scoped to `docs/**` is in the system prompt while the model works on `src/app.ts`; Cursor's `globs` and `alwaysApply` scope nothing either. A workflow's `description` is parsed and dropped (a workflow has none). A skill's `allowed-tools` and `model` are Claude Code's and the standard's: Cline gives the skill no tools and no model of its own (from Cline's source; the oracle does not observe tool approval).",
        "//- /project/.clinerules/docs-style.md\n---\npaths:\n  - \"docs/**\"\n---\nWrite short sentences.\n",
        "//- /project/.clinerules/docs-style.md\nWhen you edit files under `docs/`, write short sentences.\n",
        CLINE_DOC,
    ),
    d(
        "cline/unread-location",
        "Cline reads its folders one level deep: the `.md`, `.markdown` and `.txt` files directly in `.clinerules/` (or `.clinerules/workflows/`), and `<name>/SKILL.md` in a skills folder, the file name in exactly that case. A file in a subfolder, a `.mdc` file, a `skill.md` or a bare `skills/name.md` is not loaded, and nothing says so.",
        "//- /project/.clinerules/backend/api.md\nUse the API conventions.\n",
        "//- /project/.clinerules/backend-api.md\nUse the API conventions.\n",
        CLINE_DOC,
    ),
    d(
        "cline/duplicate-name",
        "Cline keys rules, workflows and skills by their name (`name`, else the file's or, for a skill, the folder's), in any case, and reads its folders in order: `.clinerules/`, then `.cline/rules/` (and the global folders after the project's). Of two files with the same name the later one replaces the earlier: the rule in `.clinerules/` is not in the prompt. (Two in the same folder: the one the file system lists last wins, so agentls does not guess; a global file is outside the workspace, so agentls cannot see it.)",
        "//- /project/.clinerules/testing.md\nRun the unit tests.\n//- /project/.cline/rules/testing.md\nRun the integration tests.\n",
        "//- /project/.clinerules/unit-tests.md\nRun the unit tests.\n//- /project/.cline/rules/testing.md\nRun the integration tests.\n",
        CLINE_DOC,
    ),
    d(
        "cline-workflow/shadowed",
        "Cline runs `/name` as a skill when a skill has that command name (the name lower-cased, spaces and symbols as `-`): the workflow is still listed by `cline config workflows`, but typing its command runs the skill, so the workflow has no effect. Cline's source calls workflows \"effectively deprecated in favor of skills\".",
        "//- /project/.clinerules/workflows/deploy.md\n1. Build.\n2. Ship.\n//- /project/.cline/skills/deploy/SKILL.md\n---\nname: deploy\ndescription: Deploys.\n---\nDeploy.\n",
        "//- /project/.clinerules/workflows/release.md\n1. Build.\n2. Ship.\n//- /project/.cline/skills/deploy/SKILL.md\n---\nname: deploy\ndescription: Deploys.\n---\nDeploy.\n",
        CLINE_DOC,
    ),
    d(
        "cline-workflow/literal-placeholder",
        "`/deploy staging` runs a Cline workflow by sending its body with the arguments appended after a space. Cline does not replace `$ARGUMENTS` or `$1` (Claude Code's command placeholders): the model reads them as written, then the arguments at the end.",
        "//- /project/.clinerules/workflows/deploy.md\nDeploy $ARGUMENTS and report the URL.\n",
        "//- /project/.clinerules/workflows/deploy.md\nDeploy to the environment named after the command, and report the URL.\n",
        CLINE_DOC,
    ),
    d(
        "front-matter/empty",
        "Cline finds a front matter with `^---\\n(…)\\n---`: the two line ends need a line between the fences, so `---` followed at once by `---` is no front matter, and both lines are the start of the rule's text in the system prompt.",
        "//- /project/.clinerules/testing.md\n---\n---\nRun the tests before every commit.\n",
        "//- /project/.clinerules/testing.md\nRun the tests before every commit.\n",
        CLINE_DOC,
    ),
    // Gemini CLI subagents, as Gemini CLI 0.61.0 was seen loading them.
    d(
        "gemini-agent/unknown-key",
        "Gemini CLI checks an agent's front matter against a strict schema: a key it does not define (`color`, `mcpServers`, `maxTurns`, a collection's `category` or `version`) is not ignored, it drops the whole agent with `Unrecognized key(s) in object: 'color'` at start-up. Claude Code agents copied into `.gemini/agents/` mostly fail so.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ncolor: blue\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/unknown-placeholder",
        "Gemini CLI fills in an agent's body as a template before each invocation: every `${name}` (the pattern `\\$\\{(\\w+)\\}`, in code blocks too) must be one of its inputs, `${query}` (the task the main agent gives), `${cliVersion}`, `${activeModel}` or `${today}`. Any other name throws \"Template validation failed: Missing required input parameters\", and the invocation fails; the agent still loads and is listed. A shell variable written `${HOME}` in an example is the usual cause.",
        "//- /project/.gemini/agents/deploy.md\n---\nname: deploy\ndescription: Deploys the app\n---\nCopy the build to ${HOME}/releases, then report ${query}.\n",
        "//- /project/.gemini/agents/deploy.md\n---\nname: deploy\ndescription: Deploys the app\n---\nCopy the build to $HOME/releases, then report ${query}.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/missing-field",
        "`name` and `description` are required by Gemini CLI's schema; without one, or with an empty one, it does not load the agent (`description: Required`).",
        "//- /project/.gemini/agents/review.md\n---\nname: review\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/wrong-type",
        "The schema types every key: `tools` is a YAML list (a comma-separated string gives `tools: Expected array, received string`), `description` and `model` are text, `temperature` a number, `max_turns` and `timeout_mins` whole numbers. A value of another type, an empty `key:` included, drops the agent.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file, grep_search]\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/invalid-value",
        "`kind` is exactly `local` or `remote`, and `max_turns` and `timeout_mins` are at least 1; any other value drops the agent (`Invalid literal value, expected local`, `Number must be greater than 0`).",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\nmax_turns: 0\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\nmax_turns: 10\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/invalid-name",
        "An agent's `name` must match `^[a-z0-9-_]+$`: capitals, spaces, dots, `:` or `/` drop the agent with `name: Name must be a valid slug`.",
        "//- /project/.gemini/agents/review.md\n---\nname: Code Reviewer\ndescription: Reviews code\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/unknown-model",
        "Gemini CLI resolves its aliases (`pro`, `flash`, `flash-lite`, `auto`, `inherit`) and sends any other `model` to the Gemini API as the model id: `sonnet` or `gpt-4o` load, and every invocation of the agent fails at the API.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\nmodel: sonnet\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\nmodel: flash\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/unknown-tool",
        "`tools` takes Gemini CLI's own tool names (`read_file`, `grep_search`, `run_shell_command`…), `*`, and `mcp_<server>_<tool>`; any other name, a Claude Code name such as `Read` or `Bash(git *)` included, drops the agent with `tools.0: Invalid tool name`.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [Read, grep_search]\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file, grep_search]\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/duplicate-tool",
        "A tool listed twice is given once; usually a copy-paste slip hiding a tool that was meant.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file, read_file]\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file]\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/empty-tools",
        "`tools: []` loads, and the agent gets no tool but `complete_task`; without the key it gets the session's tools.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: []\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/empty-body",
        "The body is the agent's system prompt. With nothing after the front matter Gemini CLI loads the agent, and every invocation fails: `PromptConfig must define either systemPrompt or initialMessages`.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/duplicate-name",
        "Gemini CLI ships the agents `generalist`, `codebase_investigator` and `cli_help`; a file with one of these names is dropped as a duplicate (`Duplicate agent name 'generalist' detected`), and the built-in one stays.",
        "//- /project/.gemini/agents/review.md\n---\nname: generalist\ndescription: Reviews code\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/ignored-key",
        "Gemini CLI 0.61.0 validates `temperature` as a number and then sends the model's default temperature in the subagent's request: the key has no effect.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntemperature: 0.2\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "gemini-agent/unavailable-tool",
        "Some names pass the loader and give the agent nothing: a headless session with a Gemini 3 model has no `ask_user`, `read_many_files`, `write_todos` or tracker tools, and subagents never get `invoke_agent` or `update_topic`. The agent loads without them.",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file, ask_user]\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\ntools: [read_file]\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "file/not-loaded-here",
        "Gemini CLI reads only the `.md` files directly in `.gemini/agents/` (and `~/.gemini/agents/`) whose name does not start with `_`; a file in a subfolder or named `_draft.md` is never loaded, and nothing says so.",
        "//- /project/.gemini/agents/team/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        "//- /project/.gemini/agents/review.md\n---\nname: review\ndescription: Reviews code\n---\nYou review code.\n",
        GEMINI_DOC,
    ),
    d(
        "/manual-only",
        "A Cursor rule without `description`, `globs` or `alwaysApply` is applied only when you mention it by name, which is rarely what a rules file is for.",
        "//- /project/.cursor/rules/react.mdc\n---\n---\nUse function components.\n",
        "//- /project/.cursor/rules/react.mdc\n---\nglobs: src/**/*.tsx\n---\nUse function components.\n",
        "Cursor docs, \"Rules\" (docs.cursor.com/context/rules); formats.md §12",
    ),
    d(
        "kiro/unknown-key",
        "Kiro reads the keys its documentation names (`inclusion`, `fileMatchPattern`, `name`, `description` in steering; the configuration reference's keys in agents); a misspelt key (`inclusions`, `fileMatchPatterns`) does nothing, and the file is read as if it were not there.",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPatterns: \"src/api/**/*.ts\"\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**/*.ts\"\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "kiro/wrong-type",
        "A value of the wrong type does not configure what the key is for: `includeMcpJson: \"yes\"` is no boolean, `mcpServers: github` is no mapping of servers.",
        "//- /project/.kiro/agents/reviewer.md\n---\nname: reviewer\nincludeMcpJson: \"yes\"\n---\nYou review code.\n",
        "//- /project/.kiro/agents/reviewer.md\n---\nname: reviewer\nincludeMcpJson: true\n---\nYou review code.\n",
        KIRO_AGENT_DOC,
    ),
    d(
        "kiro/empty-body",
        "The body of a steering file is what Kiro adds to the context, and the body of a Markdown agent is its system prompt: with nothing after the front matter, the file gives the agent nothing.",
        "//- /project/.kiro/steering/tech.md\n---\ninclusion: always\n---\n",
        "//- /project/.kiro/steering/tech.md\n---\ninclusion: always\n---\nWe use TypeScript and pnpm.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/invalid-value",
        "`inclusion` takes `always`, `fileMatch`, `manual` or `auto`, case-sensitive. A front matter Kiro's schema rejects is reported to make it load the document as `always` (kirodotdev/Kiro#11095): a file meant for some files, or for `#name` only, lands in every chat.",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: filematch\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/needs-key",
        "`inclusion: fileMatch` includes the file when an open file matches `fileMatchPattern`: without a pattern nothing matches. `inclusion: auto` lets the agent decide by `name` and `description` (the docs' example sets both). What Kiro does with the incomplete file is not documented.",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/ignored-key",
        "`fileMatchPattern` is read only with `inclusion: fileMatch`; with another mode, or with none (`always` is the default), the file is included by that mode and the pattern does nothing.",
        "//- /project/.kiro/steering/api.md\n---\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/comma-in-glob",
        "`fileMatchPattern` is one glob or a list of globs (Kiro staff, kirodotdev/Kiro#3643). A string with commas is not split: Kiro matches `src/**/*.ts,tests/**/*.ts` as one pattern, which matches no file, so the steering file never loads, with no warning (kiro-cli 2.20.0, `@kiro/agent` 0.53.3; confirmed as a bug by staff in kirodotdev/Kiro#11095). A comma inside `{…}` is a glob alternative and is fine.",
        "//- /project/.kiro/steering/ts.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/**/*.ts,tests/**/*.ts\"\n---\nUse strict TypeScript.\n",
        "//- /project/.kiro/steering/ts.md\n---\ninclusion: fileMatch\nfileMatchPattern: [\"src/**/*.ts\", \"tests/**/*.ts\"]\n---\nUse strict TypeScript.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/invalid-glob",
        "A `fileMatchPattern` that is not a valid glob (an unclosed `[` or `{`) matches no file, so the steering file is never included.",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/[api/**\"\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**\"\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/not-in-user-level",
        "Global steering (`~/.kiro/steering/`) applies to every workspace, but with `inclusion: fileMatch` it is reported never to trigger (Kiro IDE 0.8.140 and 0.12.263; kirodotdev/Kiro#9176, closed, and #5027, open): the file never loads. agentls takes a `.kiro` folder in `$HOME`, or in a folder shaped like a home folder (`/home/<user>`, `/Users/<user>`, `/root`), as the global one.",
        "//- /home/ana/.kiro/steering/ts.md\n---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.ts\"\n---\nUse strict TypeScript.\n",
        "//- /home/ana/.kiro/steering/ts.md\n---\ninclusion: always\n---\nUse strict TypeScript.\n",
        KIRO_DOC,
    ),
    d(
        "kiro-steering/unreliable-value",
        "The docs describe `inclusion: auto` with `name` and `description`; users report that it never activates on Kiro IDE 1.0.293 and that the agent denies the mode exists (kirodotdev/Kiro#10804, open; #7787). Kiro accepts the file silently. This is information, not a warning: it may be fixed in the version you run.",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: auto\nname: api-design\ndescription: REST API design conventions\n---\nUse the API conventions.\n",
        "//- /project/.kiro/steering/api.md\n---\ninclusion: manual\n---\nUse the API conventions.\n",
        KIRO_DOC,
    ),
    d(
        "windsurf-rule/unknown-key",
        "A Windsurf rule's front matter takes `trigger`, `description` and `globs`; a misspelt key (`trigge`, `glob`) does nothing, and the rule is activated as if it were not there.",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\nglob: \"**/*.test.ts\"\n---\nUse vitest.\n",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\nglobs: \"**/*.test.ts\"\n---\nUse vitest.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf-rule/wrong-type",
        "`description` is text: a list or a mapping gives Cascade nothing to decide by.",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: model_decision\ndescription: [tests]\n---\nUse vitest.\n",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: model_decision\ndescription: When writing or fixing tests\n---\nUse vitest.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf-rule/invalid-value",
        "`trigger` takes one of Windsurf's four activation modes: `always_on`, `manual`, `model_decision`, `glob`. What Windsurf does with another value is not documented; the rule is not activated as meant.",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always\n---\nUse tabs.\n",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always_on\n---\nUse tabs.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf/empty-body",
        "A rule's or a workflow's body is what Cascade reads: with nothing after the front matter, it gives Cascade nothing.",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always_on\n---\n",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always_on\n---\nUse tabs.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf-rule/needs-key",
        "A `glob` rule is attached to the files its `globs` match, and a `model_decision` rule is chosen by its `description`: without them the rule has nothing to be applied by. What Windsurf does with such a rule is not documented.",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\n---\nUse vitest.\n",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\nglobs: \"**/*.test.ts\"\n---\nUse vitest.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf-rule/invalid-glob",
        "A `globs` pattern that is not a valid glob (an unclosed `[` or `{`) matches no file, so the rule is never attached.",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\nglobs: \"src/[tests/**\"\n---\nUse vitest.\n",
        "//- /project/.windsurf/rules/tests.md\n---\ntrigger: glob\nglobs: \"src/tests/**\"\n---\nUse vitest.\n",
        WINDSURF_DOC,
    ),
    d(
        "windsurf/truncated",
        "Windsurf reads a rules file up to a limit and cuts the rest off: the older English docs say \"Rules files are limited to 6000 characters each. Any content above 6000 characters will be truncated and Cascade will not be aware of them\" (and global plus workspace rules together are cut at 12,000, global first); the newer localized docs say 12,000 characters per file. agentls follows the newer docs: past 12,000 characters a warning, between 6,000 and 12,000 information (older versions cut there). The example stands for a rule of 12,500 characters.",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always_on\n---\n(12,500 characters of rules)\n",
        "//- /project/.windsurf/rules/style.md\n---\ntrigger: always_on\n---\n(the first half of the rules; the rest in `style-2.md`)\n",
        WINDSURF_DOC,
    ),
    d(
        "copilot-agent/skipped-by-tool",
        "VS Code and the GitHub Copilot CLI read the same agent files (`.github/agents/`, `~/.copilot/agents/`), by different rules. VS Code loads an agent without a front matter, without a `description`, with a key written twice, with YAML only its own lenient parser gets through, or with a value of the wrong type (which it marks as an error). The Copilot CLI skips each of these: it checks every key it knows against its schema (`name`, `description`, `reasoning-effort` text; `tools` text or a list of texts; `model` text or a non-empty list; `infer`, `user-invocable`, `disable-model-invocation` booleans; `github`, `github.permissions`, `mcp-servers`, `hooks` mappings; an MCP server with a `command` needs `args`), writes \"custom agent markdown frontmatter is malformed: description: Required\" (or the YAML error, or \"tools: Expected array, received number\") to its log, and leaves the agent out of `/agent` and `--agent`. Nothing shows in the terminal. Unknown keys (and `target`) only get \"unknown field ignored\" in the log. The finding names the Copilot CLI; leave `copilot-cli` out of `targets` in `agentls.toml` if it is not used on the project.",
        "//- /project/.github/agents/reviewer.agent.md\n---\nname: reviewer\ntools: [read, search]\n---\nReview the change for bugs.\n",
        "//- /project/.github/agents/reviewer.agent.md\n---\nname: reviewer\ndescription: Reviews a change for bugs\ntools: [read, search]\n---\nReview the change for bugs.\n",
        COPILOT_CLI_DOC,
    ),
    d(
        "windsurf-legacy-rules/legacy-file",
        "`.windsurfrules` at a project's root was Windsurf's single workspace rules file (\"no specific formatting is required\", docs.codeium.com/windsurf/memories). The current docs describe rules as files in `.windsurf/rules/`, each with a `trigger`; that Windsurf still reads `.windsurfrules` today is said only by third parties. The quick fix moves the file to `.windsurf/rules/project-rules.md` with `trigger: always_on`, which keeps it in every request.",
        "//- /project/.windsurfrules\nUse tabs.\n",
        "//- /project/.windsurf/rules/project-rules.md\n---\ntrigger: always_on\n---\nUse tabs.\n",
        WINDSURF_DOC,
    ),
];
/// Why no oracle can run the tool of a code's format, if its product says none can.
fn not_runnable(code: &str) -> Option<&'static str> {
    let format = crate::formats::by_id(code.split('/').next()?)?;
    format.product.no_oracle
}

/// Rules whose effect no oracle can see, and why (the page says so).
const UNSEEN: &[(&str, &str)] = &[
    (
        "cline-skill/ignored-key",
        "the Cline oracle sees that the skill loads and what invoking it returns, not which tools it may use or which model runs it; that Cline reads neither `allowed-tools` nor `model` is from its loader's source (`truth/cline/FINDINGS.md`, S10).",
    ),
    (
        "claude-command/unknown-key",
        "Claude Code neither logs nor uses the keys of a command it does not know, so there is no effect to observe; the key list is its own (the 2.1.332 front matter schema).",
    ),
    (
        "skill/unknown-key",
        "Claude Code neither logs nor uses the keys of a skill it does not know, so there is no effect to observe; the key list is its own (the 2.1.332 front matter schema).",
    ),
    (
        "claude-command/wrong-type",
        "Claude Code logs nothing about a command's bad values; what it drops shows only where the key has a visible effect (`model`).",
    ),
    (
        "skill/wrong-type",
        "Claude Code logs nothing about a skill's bad values; what it drops shows only where the key has a visible effect (`model`).",
    ),
    (
        "claude-command/invalid-value",
        "Claude Code logs nothing about a command's bad values, and the harness sees no effect of them.",
    ),
    (
        "skill/invalid-value",
        "Claude Code logs nothing about a skill's bad values, and the harness sees no effect of them.",
    ),
    (
        "claude-command/unknown-tool",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "skill/unknown-tool",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "claude-command/removed-tool",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "skill/removed-tool",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "claude-command/invalid-tool-rule",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "skill/invalid-tool-rule",
        "`allowed-tools` grants permissions; the harness runs Claude Code with permission checks bypassed, so what an entry grants is not observed yet.",
    ),
    (
        "claude-command/invalid-glob",
        "`paths` makes Claude Code load the command when it works on matching files, which a one-prompt run of the harness does not do.",
    ),
    (
        "skill/invalid-glob",
        "`paths` makes Claude Code load the skill when it works on matching files, which a one-prompt run of the harness does not do.",
    ),
    (
        "/invalid-value",
        "For `color`, only the `/agents` screen shows the colour, which no request carries, so the ground-truth harness cannot see that an invalid one is dropped; for the other keys Claude Code logs the value it ignores.",
    ),
    (
        "/unknown-agent",
        "`Agent(type)` limits apply only to an agent run as the main session (`claude --agent`), which the ground-truth harness does not drive yet.",
    ),
    (
        "/duplicate-name",
        "A workspace rule over several files; the ground-truth harness records single files so far.",
    ),
    (
        "/unknown-skill",
        "A workspace rule over several files; the ground-truth harness records single files so far.",
    ),
    (
        "link/missing-anchor",
        "A link is text in the prompt: whether the model follows it is up to the model, not the loader; VS Code checks only that a linked file exists.",
    ),
    (
        "copilot-agent/conditional-tool",
        "Whether the tool is there depends on the setup (the desktop app or the web build, settings, sign-in), and the recording is one setup: code-server's web build, signed out, default settings.",
    ),
    (
        "copilot-chatmode/conditional-tool",
        "Whether the tool is there depends on the setup (the desktop app or the web build, settings, sign-in), and the recording is one setup: code-server's web build, signed out, default settings.",
    ),
    (
        "copilot-prompt/conditional-tool",
        "Whether the tool is there depends on the setup (the desktop app or the web build, settings, sign-in), and the recording is one setup: code-server's web build, signed out, default settings.",
    ),
    (
        "copilot-agent/unknown-agent",
        "Which agents exist is the workspace's: the recording holds every case in one workspace, whose agents are no project's.",
    ),
    (
        "copilot-chatmode/unknown-agent",
        "Which agents exist is the workspace's: the recording holds every case in one workspace, whose agents are no project's.",
    ),
    (
        "copilot-prompt/unknown-agent",
        "Which agents exist is the workspace's: the recording holds every case in one workspace, whose agents are no project's.",
    ),
];

/// The ground-truth harness checks a shared code's findings (`yaml/`, `front-matter/`,
/// `link/`) against the tools that produce them; by default Claude Code. A per-format code is
/// checked against its format's tool (`verified_with`), unless named here.
const CHECKED_BY: &[(&str, &[&str])] = &[
    ("yaml/syntax", &[CLAUDE, VSCODE, CLINE]),
    ("yaml/duplicate-key", &[CLAUDE, VSCODE, CLINE]),
    ("yaml/not-a-mapping", &[CLAUDE, VSCODE, CLINE]),
    ("yaml/needs-quotes", &[CLAUDE, VSCODE]),
    ("yaml/tabs", &[CLAUDE, VSCODE]),
    ("front-matter/unclosed", &[CLAUDE, VSCODE, CLINE]),
    ("front-matter/missing", &[CLAUDE, VSCODE, CLINE]),
    ("yaml/lost-keys", &[VSCODE]),
    // VS Code checks link targets; Claude Code's loader does not look at links.
    ("link/missing-file", &[VSCODE]),
    // The standard's rule: Claude Code loads the skill whatever its name.
    ("skill/name-format", &[CLAUDE]),
    // The harness judges VS Code's per-tool claims; the others' come from their recordings
    // or sources, listed tool by tool on the page.
    ("skill/rejected-by-tool", &[VSCODE]),
    // A VS Code file, judged against the other tool that reads it.
    ("copilot-agent/skipped-by-tool", &[COPILOT_CLI]),
];
const CLAUDE: &str = crate::formats::CLAUDE_CODE_VERSION;
const VSCODE: &str = crate::formats::VSCODE_VERSION;
const CLINE: &str = crate::formats::CLINE_VERSION;
const COPILOT_CLI: &str = crate::formats::COPILOT_CLI_VERSION;

/// What a shared code's findings claim in the files of another tool, where that differs from
/// the rule's own effect (VS Code reads Copilot files with its own parser).
const IN_COPILOT_FILES: &[(&str, Effect)] = &[
    ("yaml/syntax", Effect::Rejected),
    ("yaml/duplicate-key", Effect::Rejected),
    ("yaml/not-a-mapping", Effect::Rejected),
    ("yaml/needs-quotes", Effect::Portability),
    ("yaml/tabs", Effect::Portability),
    ("front-matter/unclosed", Effect::ReadDifferently),
    ("front-matter/missing", Effect::ReadDifferently),
];

use super::diagnostics::Effect;

/// Which real tools, at which versions, the claims of a code were checked against.
pub fn oracles_of(code: &str) -> Vec<&'static str> {
    if let Some((_, tools)) = CHECKED_BY.iter().find(|(c, _)| *c == code) {
        return tools.to_vec();
    }
    let prefix = code.split('/').next().unwrap_or_default();
    if let Some(f) = crate::formats::by_id(prefix) {
        return f.verified_with.into_iter().collect();
    }
    // A shared code shown with a file of one format (`front-matter/close-with-text`, an
    // OpenCode agent) is checked with that format's tool; the others (`yaml/`, `front-matter/`,
    // `link/`) are recorded for Claude Code files.
    let shown = lookup(code)
        .and_then(|d| d.example.strip_prefix("//- "))
        .and_then(|rest| rest.lines().next())
        .and_then(|path| crate::formats::detect(Some(std::path::Path::new(path.trim())), &[]))
        .map(|d| d.format);
    match shown {
        Some(f) => f.verified_with.into_iter().collect(),
        None => vec![CLAUDE],
    }
}

/// Why no oracle sees a code's effect, if none does. An entry written `/x` is about the formats
/// checked with Claude Code (or with no oracle); a format checked with another tool (VS Code,
/// OpenCode) has what that oracle saw instead, and its entries are written in full.
fn unseen(code: &str) -> Option<&'static str> {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    let oracles = oracles_of(code);
    let claude_or_none = oracles.is_empty() || oracles == [CLAUDE];
    UNSEEN
        .iter()
        .find(|(c, _)| *c == code || (claude_or_none && *c == short))
        .map(|(_, why)| *why)
}

/// The page's paragraph about what the finding claims and how that claim was checked.
fn effect_section(code: &str) -> String {
    let effect = super::diagnostics::rules::effect(code);
    let severity = effect.severity().as_str();
    let mut claim = format!(
        "A finding claims: {}. Severity follows the effect: **{severity}**.",
        effect.describe()
    );
    if let Some((_, other)) = IN_COPILOT_FILES.iter().find(|(c, _)| *c == code) {
        claim.push_str(&format!(
            " In Copilot files, which VS Code reads with its own parser, a finding claims: {}; **{}**.",
            other.describe(),
            other.severity().as_str()
        ));
    }
    let checked = match (unseen(code), oracles_of(code).as_slice(), effect) {
        _ if let Some(why) = not_runnable(code) => why.to_string(),
        (Some(why), ..) => format!("No oracle can see all of this effect: {why}"),
        (None, _, Effect::Unchecked) => {
            "This is about agentls itself, not a claim about a tool: it could not read what it reports, so it judged nothing there.".to_string()
        }
        (None, _, Effect::Style) => {
            "Nothing changes for the tool that reads the file, so there is no effect to observe.".to_string()
        }
        (None, [], _) => {
            "No recording of the real tool covers this format yet; the claim follows the sources below.".to_string()
        }
        (None, tools, _) => format!(
            "Checked against the real tool, {}, by agentls's ground-truth harness (`truth/`): its recorded cases confirm this claim.",
            tools.join(", and ")
        ),
    };
    format!("{claim}\n\n{checked}")
}

/// The doc of a code as users see it: its own (`copilot-prompt/deprecated-key`), its family's
/// (`copilot/wrong-type` for every Copilot format), or the shared one (`/wrong-type`).
pub fn lookup(code: &str) -> Option<&'static RuleDoc> {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    let family = code
        .split('/')
        .next()
        .and_then(|f| f.split('-').next())
        .unwrap_or_default();
    let family_code = format!("{family}{short}");
    RULE_DOCS
        .iter()
        .find(|d| d.code == code)
        .or_else(|| RULE_DOCS.iter().find(|d| d.code == family_code))
        .or_else(|| RULE_DOCS.iter().find(|d| d.code == short))
}

/// The Markdown page of one code.
pub fn page(code: &str) -> Option<String> {
    let doc = lookup(code)?;
    let (_, severity, summary) = super::diagnostics::rules::all_codes()
        .into_iter()
        .find(|(c, ..)| c == code)?;
    let fence = |text: &str| format!("```markdown\n{text}```\n");
    // A rule shared by several formats is documented with a Claude Code subagent.
    let format = code.split('/').next().unwrap_or_default();
    let note = if !doc.code.contains(format) && format != "claude-agent" && !doc.example.starts_with("//- ") {
        let name = crate::formats::by_id(format).map_or(format, |f| f.name);
        format!("\n\nThe example is a Claude Code subagent; the rule reads {name} files the same way.")
    } else {
        String::new()
    };
    Some(format!(
        "# `{code}`\n\nDefault severity: **{}**.\n\n## What it checks\n\n{summary}\n\n## Why\n\n{}{note}\n\n## What the tool does\n\n{}\n\n## Example\n\n{}\n## Fix\n\n{}\n## Source\n\n{}\n{}",
        severity.as_str(),
        doc.why,
        effect_section(code),
        fence(doc.example),
        fence(doc.fixed),
        doc.source,
        per_tool(code)
    ))
}

/// The per-tool rule's table: each tool's folders, naming and causes, with what shows each
/// (a recording at a version, or a source where the tool was not run).
fn per_tool(code: &str) -> String {
    use crate::formats::skills_by_tool::READINGS;
    if code != "skill/rejected-by-tool" {
        return String::new();
    }
    let mut md = String::from(
        "\n## Per tool\n\nThe ground-truth harness judges VS Code's claims against its recording; each row says what shows the others'.\n\n| tool (`targets` id) | scans | names the skill by | drops it or reports an error when | shown by |\n| --- | --- | --- | --- | --- |\n",
    );
    for r in READINGS {
        let roots: Vec<String> = r.roots().map(|x| format!("`{x}/`")).collect();
        let drops: Vec<String> = r
            .drops
            .iter()
            .map(|d| {
                format!(
                    "{} ({}; {})",
                    d.cause.describe(),
                    d.effect.severity().as_str(),
                    d.evidence
                )
            })
            .collect();
        md.push_str(&format!(
            "| {} (`{}`) | {} | {} | {} | {} |\n",
            r.name,
            r.tool,
            roots.join(", "),
            r.naming.describe(),
            if drops.is_empty() {
                "never: it loads every skill of the recording".to_string()
            } else {
                drops.join("; ")
            },
            r.evidence.describe()
        ));
    }
    md
}
