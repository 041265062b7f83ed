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
const OPENCODE_DOC: &str = "opencode docs, \"Agents\" (opencode.ai/docs/agents); docs/format-sources.md §10";

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
        "Claude Code reads an agent's name and description from the front matter. Without one (or with an indented `---`), the file is skipped without a word.",
        "# Reviewer\n\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code after each change.\n---\n# Reviewer\n\nYou review code.\n",
        LOADER,
    ),
    d(
        "front-matter/unclosed",
        "Without a closing `---`, there is no front matter: Claude Code skips the agent, and strict tools read the whole prompt as YAML.",
        "---\nname: reviewer\ndescription: Reviews code.\n\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\n\nYou review code.\n",
        LOADER,
    ),
    d(
        "front-matter/closed-by-rule",
        "Claude Code's loader ends the front matter at a longer `-----` rule, but strict YAML tools and other agent runners only accept `---` and read on into the prompt.",
        "---\nname: reviewer\ndescription: Reviews code.\n-----\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/syntax",
        "When the front matter is not YAML the loader can recover, Claude Code loads the file with no metadata at all, so the agent is skipped. Common causes: continuation lines of a value that are not indented, a value starting with `[`, tabs, or a missing closing `---` so the Markdown runs into the YAML.",
        "---\nname: reviewer\ndescription: Reviews code.\n<example>\nContext: a pull request\n</example>\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: |\n  Reviews code.\n  <example>\n  Context: a pull request\n  </example>\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/needs-quotes",
        "A plain YAML value cannot hold `: `. Claude Code retries such front matter with the value quoted and loads the agent, but `claude plugin validate`, PyYAML, js-yaml and other agent runners reject the file.",
        "---\nname: reviewer\ndescription: Use when: a pull request is opened\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: \"Use when: a pull request is opened\"\n---\nYou review code.\n",
        LOADER,
    ),
    d(
        "yaml/duplicate-key",
        "Claude Code keeps the last of two equal keys and silently drops the first; strict YAML parsers reject the file.",
        "---\nname: reviewer\ndescription: First.\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "YAML 1.2 §3.2.1.1 (keys are unique); Claude Code's Bun loader keeps the last (docs/format-sources.md)",
    ),
    d(
        "yaml/not-a-mapping",
        "The front matter must be `key: value` lines; a list or a lone value gives the loader no fields.",
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
        "`name` identifies the agent and `description` tells Claude when to delegate to it; a file without them is skipped.",
        "---\nname: reviewer\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code after each change.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/wrong-type",
        "A value of the wrong type is misread or dropped: `maxTurns: many` is no number, `background: \"yes\"` is no boolean.",
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
        "Claude Code rejects agent names that contain `:` (reserved for plugin namespaces) or start with `-`.",
        "---\nname: team:reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        "---\nname: team-reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/name-format",
        "Names are identifiers that users type (`@reviewer`) and tools match; spaces and capitals make them awkward to invoke and differ from every documented example.",
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
        "Claude Code passes the value on unchecked, so a misspelt model fails only when the agent runs.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonet\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonnet\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/retired-model",
        "Requests naming a retired model fail; an alias (`sonnet`, `opus`, `haiku`) always points at a current model.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: claude-sonnet-4-20250514\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: sonnet\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/cli-only-model",
        "`best`, `opusplan`, `default` and the `[1m]` aliases are documented for `claude --model`, not for the subagent `model` field.",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: opusplan\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\nmodel: opus\n---\nYou review code.\n",
        MODELS,
    ),
    d(
        "/unknown-tool",
        "Tool names are matched exactly (case-sensitive); an unknown name grants nothing, so the agent silently lacks the tool.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grpe\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/removed-tool",
        "Tools such as `MultiEdit`, `LS` and `NotebookRead` no longer exist; listing them grants nothing.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, MultiEdit\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Edit\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/invalid-tool-rule",
        "A permission rule is `Tool(specifier)`; with unbalanced parentheses it can never match, so the tool is not granted as intended.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Bash(git diff:*\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Bash(git diff:*)\n---\nYou review code.\n",
        TOOLS,
    ),
    d(
        "/duplicate-tool",
        "A tool listed twice is harmless to Claude Code but usually a copy-paste slip hiding a missing tool.",
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
        "`tools:` with no value gives the agent no tools at all; leaving the key out gives it every tool.",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n---\nYou review code.\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code.\n",
        SUBAGENTS,
    ),
    d(
        "/empty-body",
        "The body is the subagent's system prompt; without it the agent starts with no instructions.",
        "---\nname: reviewer\ndescription: Reviews code.\n---\n",
        "---\nname: reviewer\ndescription: Reviews code.\n---\nYou review code for security problems.\n",
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
        "A relative link in a prompt names a file the agent is meant to read; when it does not exist, the agent gets nothing.",
        "---\nname: example\ndescription: Writes docs.\n---\nFollow [the style guide](../style.md).\n",
        "//- /project/.claude/agents/example.md\n---\nname: example\ndescription: Writes docs.\n---\nFollow [the style guide](../style.md).\n//- /project/.claude/style.md\n# Style\n",
        "formats.md §13 and §8 (relative links should resolve)",
    ),
    d(
        "link/missing-anchor",
        "A `#anchor` is the GitHub slug of a heading; one that matches no heading jumps nowhere, often after a heading was renamed.",
        "---\nname: example\ndescription: Writes reports.\n---\nUse [the format](#output-format).\n\n## Output\n\nA table.\n",
        "---\nname: example\ndescription: Writes reports.\n---\nUse [the format](#output).\n\n## Output\n\nA table.\n",
        "formats.md §13 (heading fragments resolve to a heading); GitHub's heading anchors",
    ),
    d(
        "file/unreadable",
        "Agent files are UTF-8 text: the tools that load them expect UTF-8, so a file saved as Latin-1 or UTF-16 (or a binary under an agent path) is not read as its author meant, and agentls cannot check it. In CI this finding is the reason the job fails. A file that is not UTF-8 and not at an agent path is skipped, not reported.",
        "(`.claude/agents/reviewer.md` saved as Latin-1: the `é` of `description: Revue de café` is the byte `0xE9`, which is not UTF-8)\n",
        "---\nname: reviewer\ndescription: Revue de café\n---\nYou review code.\n",
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
        "skill/name-mismatch",
        "The Agent Skills standard requires `name` to equal the skill's folder name; VS Code warns, validators such as `skills-ref` reject the skill, and Claude Code lists it under a name that is not its folder's.",
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
        "A command whose `argument-hint` names arguments the body never reads (or reads `$3` when only one is promised) confuses users: the arguments end up appended after the prompt, or empty.",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment]\"\n---\nDeploy to $1, then notify $2.\n",
        "//- /project/.claude/commands/deploy.md\n---\nargument-hint: \"[environment] [channel]\"\n---\nDeploy to $1, then notify $2.\n",
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
        "/shell-needs-bash",
        "A `` !`command` `` line runs before the prompt is sent only when `allowed-tools` grants `Bash` for it; otherwise the command does not run and its output is missing from the prompt. agentls never runs it.",
        "//- /project/.claude/commands/commit.md\n---\ndescription: Commit the staged changes\n---\nStaged: !`git diff --cached`\n",
        "//- /project/.claude/commands/commit.md\n---\ndescription: Commit the staged changes\nallowed-tools: Bash(git diff:*)\n---\nStaged: !`git diff --cached`\n",
        COMMANDS_DOC,
    ),
    d(
        "/invalid-glob",
        "A glob that does not parse matches no file, so the instructions or rule it scopes are never applied.",
        "//- /project/.github/instructions/ts.instructions.md\n---\napplyTo: \"src/[api/**\"\n---\nUse strict types.\n",
        "//- /project/.github/instructions/ts.instructions.md\n---\napplyTo: \"src/api/**\"\n---\nUse strict types.\n",
        COPILOT_DOC,
    ),
    d(
        "/renamed-tool",
        "VS Code renamed its built-in tools into tool sets (`codebase` → `search/codebase`). Old names still work for now, and VS Code reports them as renamed.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['codebase']\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\ntools: ['search/codebase']\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "/deprecated-key",
        "VS Code renamed the prompt file's `mode` to `agent` and replaced an agent's `infer` with `user-invocable` and `disable-model-invocation`; the old keys are read for now.",
        "//- /project/.github/prompts/explain.prompt.md\n---\nmode: ask\n---\nExplain the selection.\n",
        "//- /project/.github/prompts/explain.prompt.md\n---\nagent: ask\n---\nExplain the selection.\n",
        COPILOT_DOC,
    ),
    d(
        "/legacy-chatmode",
        "Custom chat modes became custom agents in VS Code 1.106: `*.chatmode.md` files still load, but new features (handoffs, subagents) are documented for `*.agent.md`.",
        "//- /project/.github/chatmodes/planner.chatmode.md\n---\ndescription: Plans features\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "/invalid-handoff",
        "VS Code shows a handoff button only for a handoff with `label`, `agent` and `prompt`; unknown properties are ignored.",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nhandoffs:\n  - label: Implement\n    agnt: agent\n---\nPlan.\n",
        "//- /project/.github/agents/planner.agent.md\n---\ndescription: Plans features\nhandoffs:\n  - label: Implement\n    agent: agent\n    prompt: Implement the plan.\n---\nPlan.\n",
        COPILOT_DOC,
    ),
    d(
        "/claude-style-tools",
        "OpenCode's `tools` is a mapping of tool ids to `true`/`false`; a Claude Code style list (`Read, Grep`) is not read as intended.",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review code.\n",
        "//- /project/.opencode/agent/review.md\n---\ndescription: Reviews code\ntools:\n  write: false\n  edit: false\n---\nYou review code.\n",
        OPENCODE_DOC,
    ),
    d(
        "/manual-only",
        "A Cursor rule without `description`, `globs` or `alwaysApply` is applied only when you mention it by name, which is rarely what a rules file is for.",
        "//- /project/.cursor/rules/react.mdc\n---\n---\nUse function components.\n",
        "//- /project/.cursor/rules/react.mdc\n---\nglobs: src/**/*.tsx\n---\nUse function components.\n",
        "Cursor docs, \"Rules\" (docs.cursor.com/context/rules); formats.md §12",
    ),
];
/// The doc of a code as users see it (`claude-agent/unknown-tool` finds `/unknown-tool`).
pub fn lookup(code: &str) -> Option<&'static RuleDoc> {
    let short = code.find('/').map(|i| &code[i..]).unwrap_or(code);
    RULE_DOCS
        .iter()
        .find(|d| d.code == code)
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
    let note = if doc.code.starts_with('/') && format != "claude-agent" && !doc.example.starts_with("//- ") {
        let name = crate::formats::by_id(format).map_or(format, |f| f.name);
        format!("\n\nThe example is a Claude Code subagent; the rule reads {name} files the same way.")
    } else {
        String::new()
    };
    Some(format!(
        "# `{code}`\n\nDefault severity: **{}**.\n\n## What it checks\n\n{summary}\n\n## Why\n\n{}{note}\n\n## Example\n\n{}\n## Fix\n\n{}\n## Source\n\n{}\n",
        severity.as_str(),
        doc.why,
        fence(doc.example),
        fence(doc.fixed),
        doc.source
    ))
}
