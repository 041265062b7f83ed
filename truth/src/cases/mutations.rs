//! Generated cases: each field of a format × the mistakes people make (typos, case, separators,
//! empty values, wrong types, duplicates), broken YAML of each kind, line ends, BOM, tabs and
//! fences. Every catalog entry agentls knows (each tool, alias and model) gets a case too, so
//! that the recording shows what the pinned tool makes of it.
//!
//! A case's id is `mutation/<format>/<group>/<mistake>`; its agent's name and file name are
//! `<group>-<mistake>`, unique, so that a batch can tell the agents apart.

use super::{Case, project_path};
use agentls::formats::{claude_models, claude_tools, opencode_agent};

/// `{name}` in a template is the case's unique name.
fn fill(template: &str, name: &str) -> String {
    template.replace("{name}", name)
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

struct Gen {
    format: &'static str,
    out: Vec<Case>,
    names: std::collections::HashSet<String>,
}

impl Gen {
    /// A whole file; `{name}` becomes the case's name.
    fn raw(&mut self, group: &str, mistake: &str, template: &str) -> &mut Case {
        // Mistakes that differ only in case or quotes (`Red`, `red`) get a number.
        let base = format!("{}-{}", slug(group), slug(mistake));
        let mut name = base.clone();
        let mut n = 2;
        while !self.names.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        let id = format!("mutation/{}/{group}/{mistake}", self.format);
        let case = Case::ours(id, self.format, project_path(self.format, &name), fill(template, &name));
        self.out.push(case);
        self.out.last_mut().expect("just pushed")
    }

    /// A raw file given as bytes (for invalid UTF-8 and odd line ends).
    fn bytes(&mut self, group: &str, mistake: &str, template: &str, map: impl Fn(String) -> Vec<u8>) {
        let case = self.raw(group, mistake, template);
        let text = case.text();
        case.bytes = map(text);
    }
}

/// An agent whose front matter is `name`, `description`, then `lines`.
fn agent_with(lines: &str) -> String {
    format!("---\nname: {{name}}\ndescription: Probe agent {{name}}.\n{lines}---\nBody of {{name}}.\n")
}

fn claude_agents() -> Vec<Case> {
    let mut g = Gen {
        format: "claude-agent",
        out: Vec::new(),
        names: Default::default(),
    };
    let ok = agent_with("");
    g.raw("base", "valid", &ok);

    // --- the front matter block ----------------------------------------------------------
    g.raw("front-matter", "none", "You are {name}, with no front matter.\n");
    g.raw(
        "front-matter",
        "unclosed",
        "---\nname: {name}\ndescription: Probe agent {name}.\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "closed-by-rule",
        "---\nname: {name}\ndescription: Probe agent {name}.\n-----\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "indented-open",
        "  ---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "blank-line-first",
        "\n---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "trailing-spaces",
        "--- \nname: {name}\ndescription: Probe agent {name}.\n---  \nBody of {name}.\n",
    );
    g.raw("front-matter", "empty", "---\n---\nBody of {name}.\n");
    g.raw(
        "front-matter",
        "fenced",
        "```yaml\n---\nname: {name}\ndescription: Probe agent {name}.\n---\n```\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "runs-into-body",
        "---\nname: {name}\ndescription: Probe agent {name}.\n\n# Role\n\nBody of {name}.\n\n---\n\nMore.\n",
    );
    g.raw(
        "front-matter",
        "dashes-in-value",
        "---\nname: {name}\ndescription: Probe agent {name} --- with dashes.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "rule-in-body",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}.\n\n---\n\nAfter a rule.\n",
    );
    g.raw(
        "front-matter",
        "list",
        "---\n- name: {name}\n- description: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "scalar",
        "---\n{name} probe agent\n---\nBody of {name}.\n",
    );
    g.bytes("front-matter", "bom", &ok, |t| {
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend(t.into_bytes());
        b
    });
    g.bytes("front-matter", "crlf", &ok, |t| t.replace('\n', "\r\n").into_bytes());
    g.bytes("front-matter", "lone-cr", &ok, |t| t.replace('\n', "\r").into_bytes());
    g.bytes(
        "front-matter",
        "crlf-needs-quotes",
        "---\nname: {name}\ndescription: Use when: the probe runs.\n---\nBody of {name}.\n",
        |t| t.replace('\n', "\r\n").into_bytes(),
    );
    g.bytes("front-matter", "invalid-utf8", &ok, |t| {
        t.replace("Body of", "Body \u{1}of")
            .into_bytes()
            .into_iter()
            .map(|b| if b == 1 { 0xff } else { b })
            .collect()
    });

    // --- YAML that strict parsers reject ---------------------------------------------------
    let yaml: &[(&str, &str)] = &[
        ("needs-quotes", "description: Use when: the probe runs.\n"),
        (
            "needs-quotes-example",
            "description: Use this agent. Examples:\\n\\n<example>\\nContext: a probe\\nuser: \"hi\"\\n</example>\n",
        ),
        ("unclosed-flow", "tools: [Read, Grep\n"),
        ("bracket-words", "argument-hint: [list|save] [name]\n"),
        ("unclosed-double-quote", "model: \"sonnet\n"),
        ("unclosed-single-quote", "model: 'sonnet\n"),
        ("anchor", "model: &m sonnet\ncolor: *m\n"),
        ("undefined-alias", "model: *nothing\n"),
        ("tag", "model: !custom sonnet\n"),
        ("backtick", "color: `blue`\n"),
        ("at-sign", "color: @blue\n"),
        ("percent", "color: %blue\n"),
        ("star", "color: *blue* please\n"),
        ("unclosed-brace", "color: {blue\n"),
        ("hash-comment", "tools: Read #, Grep\n"),
        ("no-space-after-colon", "model:sonnet\n"),
        ("tab-after-colon", "model:\tsonnet\n"),
        ("tab-indented-list", "tools:\n\t- Read\n\t- Grep\n"),
        ("tab-indented-continuation", "color: blue\nmodel:\n\tsonnet\n"),
        ("digit-key-needs-quotes", "x2: a: b\nmodel: haiku\n"),
        ("dotted-key-needs-quotes", "x.y: a: b\nmodel: haiku\n"),
        ("line-without-colon", "just some words\nmodel: haiku\n"),
        ("duplicate-model", "model: haiku\nmodel: opus\n"),
        ("duplicate-tools", "tools: Read\ntools: Grep\n"),
        ("mapping-in-list", "tools:\n  - Read\n  - {Grep: true}\n"),
    ];
    for (mistake, lines) in yaml {
        g.raw("yaml", mistake, &agent_with(lines));
    }
    g.raw(
        "yaml",
        "multiline-unindented",
        "---\nname: {name}\ndescription: Use this agent when probing.\n<example>\nContext: a probe\nuser: \"hi\"\n</example>\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "multiline-indented",
        "---\nname: {name}\ndescription: Use this agent\n  when probing, on two lines.\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "duplicate-description",
        "---\nname: {name}\ndescription: First probe {name}.\ndescription: Second probe {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "duplicate-name",
        "---\nname: {name}-first\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "needs-quotes-in-name",
        "---\nname: {name}: extra\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );

    // --- name ----------------------------------------------------------------------------
    g.raw(
        "name",
        "missing",
        "---\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "name",
        "empty",
        "---\nname:\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "name",
        "empty-quotes",
        "---\nname: \"\"\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    let names: &[(&str, &str)] = &[
        ("uppercase", "Name-Uppercase-{name}"),
        ("spaces", "name spaces {name}"),
        ("underscore", "name_underscore_{name}"),
        ("colon", "ns:{name}"),
        ("leading-dash", "\"-{name}\""),
        ("dot", "name.dot.{name}"),
        ("differs-from-file", "other-{name}"),
        ("unicode", "名前-{name}"),
        ("number", "12345"),
        ("bool", "true"),
        ("list", "[{name}]"),
    ];
    for (mistake, value) in names {
        g.raw(
            "name",
            mistake,
            &format!("---\nname: {value}\ndescription: Probe agent {{name}}.\n---\nBody of {{name}}.\n"),
        );
    }
    g.raw(
        "name",
        "long",
        &format!(
            "---\nname: {{name}}-{}\ndescription: Probe agent {{name}}.\n---\nBody of {{name}}.\n",
            "x".repeat(300)
        ),
    );

    // --- description -------------------------------------------------------------------
    g.raw("description", "missing", "---\nname: {name}\n---\nBody of {name}.\n");
    let descriptions: &[(&str, &str)] = &[
        ("empty", "description:\n"),
        ("empty-quotes", "description: \"\"\n"),
        ("blank-quotes", "description: \"   \"\n"),
        ("number", "description: 42\n"),
        ("bool", "description: yes\n"),
        ("list", "description: [Probes, things]\n"),
        ("mapping", "description:\n  when: probing\n"),
        ("literal-newlines", "description: First line.\\nSecond line.\n"),
        ("block", "description: |\n  Probe agent.\n  Second line.\n"),
        ("folded", "description: >\n  Probe agent\n  folded.\n"),
        ("quoted-escapes", "description: \"Probe\\tagent\\nwith escapes.\"\n"),
        ("hash-in-value", "description: Probe #1 agent.\n"),
        ("emoji-cjk", "description: Probe 🤖 エージェント.\n"),
    ];
    for (mistake, line) in descriptions {
        g.raw(
            "description",
            mistake,
            &format!("---\nname: {{name}}\n{line}---\nBody of {{name}}.\n"),
        );
    }
    g.raw(
        "description",
        "long",
        &format!(
            "---\nname: {{name}}\ndescription: {}\n---\nBody of {{name}}.\n",
            "Probe agent. ".repeat(200)
        ),
    );

    // --- tools ---------------------------------------------------------------------------
    let tools: &[(&str, &str)] = &[
        ("comma-string", "tools: Read, Grep, Glob\n"),
        ("block-list", "tools:\n  - Read\n  - Grep\n"),
        ("flow-list", "tools: [Read, Grep]\n"),
        ("quoted-string", "tools: \"Read, Grep\"\n"),
        ("lowercase", "tools: read, grep\n"),
        ("lowercase-one", "tools: Read, grep\n"),
        ("typo", "tools: Read, Grpe\n"),
        ("typo-only", "tools: Grpe\n"),
        ("spaces", "tools: Read Grep Glob\n"),
        ("semicolons", "tools: Read; Grep\n"),
        ("trailing-comma", "tools: Read, Grep,\n"),
        ("tab-separated", "tools: Read,\tGrep\n"),
        ("star", "tools: \"*\"\n"),
        ("star-plain", "tools: '*'\n"),
        ("star-with-others", "tools: \"*, Read\"\n"),
        ("empty", "tools:\n"),
        ("empty-quotes", "tools: \"\"\n"),
        ("empty-list", "tools: []\n"),
        ("number", "tools: 5\n"),
        ("mapping", "tools:\n  Read: true\n"),
        ("duplicate", "tools: Read, Read\n"),
        ("mcp-tool", "tools: Read, mcp__github__create_issue\n"),
        ("mcp-server", "tools: Read, mcp__github\n"),
        ("mcp-wildcard", "tools: Read, mcp__github__*\n"),
        ("mcp-only", "tools: mcp__github__create_issue\n"),
        ("rule", "tools: Read, Bash(git diff *)\n"),
        ("rule-legacy", "tools: Read, Bash(git diff:*)\n"),
        ("rule-unbalanced", "tools: Read, Bash(git diff:*\n"),
        ("rule-comma-inside", "tools: Read, Bash(git diff, git log)\n"),
        ("agent-types", "tools: Read, Agent(Explore, Plan)\n"),
        ("task-types", "tools: Read, Task(Explore)\n"),
        ("websearch-specifier", "tools: Read, WebSearch(domain:x.com)\n"),
        ("never-in-subagent", "tools: AskUserQuestion\n"),
        ("never-in-subagent-with-read", "tools: Read, AskUserQuestion\n"),
        ("exit-plan-mode-plan", "tools: ExitPlanMode\npermissionMode: plan\n"),
        ("agent-only", "tools: Agent\n"),
    ];
    for (mistake, lines) in tools {
        g.raw("tools", mistake, &agent_with(lines));
    }
    // Every tool name agentls's catalog knows, alone: what the pinned version resolves it to.
    for t in claude_tools::TOOLS {
        g.raw("tool", t.name, &agent_with(&format!("tools: {}\n", t.name)));
    }

    // --- disallowedTools ---------------------------------------------------------------
    let disallowed: &[(&str, &str)] = &[
        ("one", "disallowedTools: Bash\n"),
        ("with-tools", "tools: Read, Bash\ndisallowedTools: Bash\n"),
        ("typo", "disallowedTools: Bsh\n"),
        ("lowercase", "disallowedTools: bash\n"),
        ("rule", "disallowedTools: Bash(git push *)\n"),
        ("all", "disallowedTools: \"*\"\n"),
        ("list", "disallowedTools:\n  - Bash\n  - Write\n"),
        ("empty", "disallowedTools:\n"),
        ("misspelt-key", "disallowed-tools: Bash\n"),
    ];
    for (mistake, lines) in disallowed {
        g.raw("disallowedTools", mistake, &agent_with(lines));
    }

    // --- model -----------------------------------------------------------------------------
    let models: &[(&str, &str)] = &[
        ("typo", "sonet"),
        ("capitalised", "Sonnet"),
        ("inherit-upper", "INHERIT"),
        ("spaces", "\" sonnet \""),
        ("empty-quotes", "\"\""),
        ("number", "4"),
        ("list", "[sonnet]"),
        ("retired-3-5-sonnet", "claude-3-5-sonnet-20241022"),
        ("openai", "gpt-4o"),
        ("opencode-style", "anthropic/claude-sonnet-4-5"),
        ("copilot-style", "Claude Sonnet 4.5"),
        ("bedrock", "us.anthropic.claude-opus-4-8"),
        ("one-m-suffix-id", "claude-opus-5-5[1m]"),
    ];
    for (mistake, value) in models {
        g.raw("model", mistake, &agent_with(&format!("model: {value}\n")));
    }
    g.raw("model", "empty", &agent_with("model:\n"));
    for m in claude_models::MODELS {
        g.raw("model-id", m.id, &agent_with(&format!("model: \"{}\"\n", m.id)));
    }

    // --- the other keys ------------------------------------------------------------------
    let values: &[(&str, &[&str])] = &[
        (
            "permissionMode",
            &[
                "default",
                "manual",
                "acceptEdits",
                "plan",
                "auto",
                "dontAsk",
                "bypassPermissions",
                "delegate",
                "acceptedits",
                "AcceptEdits",
                "1",
                "\"\"",
            ],
        ),
        (
            "maxTurns",
            &["5", "\"5\"", "0", "-1", "1.5", "five", "true", "[5]", "1000000"],
        ),
        (
            "effort",
            &[
                "low", "medium", "high", "xhigh", "max", "med", "High", "extreme", "10000", "0", "-5",
            ],
        ),
        ("memory", &["user", "project", "local", "global", "User"]),
        ("background", &["true", "false", "\"true\"", "yes", "1", "on"]),
        ("isolation", &["worktree", "remote", "sandbox", "Worktree"]),
        (
            "color",
            &[
                "red",
                "blue",
                "green",
                "yellow",
                "purple",
                "orange",
                "pink",
                "cyan",
                "magenta",
                "teal",
                "Red",
                "\"#ff0000\"",
                "1",
            ],
        ),
        ("skills", &["[my-skill]", "my-skill", "my-skill, other-skill", "5"]),
        ("mcpServers", &["[github]", "github", "\"\""]),
        ("initialPrompt", &["Start probing.", "42"]),
        ("omitClaudeMd", &["true", "\"yes\""]),
        ("autoCompactWindow", &["10", "100000", "250000", "abc"]),
        ("observer", &["Explore", "\"\""]),
        ("observeSubagents", &["false", "no"]),
        ("observeToolResults", &["false"]),
        ("observerMessage", &["Report briefly."]),
    ];
    for (key, vals) in values {
        for v in *vals {
            g.raw(key, v, &agent_with(&format!("{key}: {v}\n")));
        }
    }
    g.raw(
        "experimental",
        "cache-ttl",
        &agent_with("experimental:\n  cacheTtl: 1h\n"),
    );
    g.raw(
        "experimental",
        "cache-ttl-invalid",
        &agent_with("experimental:\n  cacheTtl: 10m\n"),
    );
    g.raw(
        "hooks",
        "valid",
        &agent_with("hooks:\n  Stop:\n    - hooks:\n        - type: command\n          command: echo probe\n"),
    );
    g.raw("hooks", "string", &agent_with("hooks: echo probe\n"));
    g.raw(
        "hooks",
        "unknown-event",
        &agent_with("hooks:\n  OnProbe:\n    - hooks:\n        - type: command\n          command: echo probe\n"),
    );
    g.raw(
        "hooks",
        "top-level-event",
        &agent_with("PreToolUse:\n  - matcher: Bash\n    hooks:\n      - type: command\n        command: echo probe\n"),
    );

    // --- keys the format does not have ------------------------------------------------------
    let unknown: &[(&str, &str)] = &[
        ("typo-permission-mode", "permisionMode: plan\n"),
        ("case-tools", "Tools: Read\n"),
        ("command-key", "allowed-tools: Read\n"),
        ("camel-allowed", "allowedTools: Read\n"),
        ("category", "category: testing\n"),
        ("version", "version: 1\n"),
        ("tags", "tags: [a, b]\n"),
        ("prompt", "prompt: Be brief.\n"),
    ];
    for (mistake, lines) in unknown {
        g.raw("unknown-key", mistake, &agent_with(lines));
    }

    // --- the body --------------------------------------------------------------------------
    g.raw(
        "body",
        "empty",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\n",
    );
    g.raw(
        "body",
        "blank",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\n\n   \n",
    );
    g.raw(
        "body",
        "arguments",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name} with $ARGUMENTS and $1.\n",
    );
    g.out
}

/// A command whose front matter is `lines` (none when empty) and whose body is `body`.
fn command_with(lines: &str, body: &str) -> String {
    if lines.is_empty() {
        return body.to_string();
    }
    format!("---\n{lines}---\n{body}")
}

/// Claude Code commands, expanded with the arguments `alpha beta gamma`. Shell lines are
/// plain `echo`s only: the harness runs them.
fn claude_commands() -> Vec<Case> {
    let mut g = Gen {
        format: "claude-command",
        out: Vec::new(),
        names: Default::default(),
    };
    let d = "description: Probe command.\n";
    let bodies: &[(&str, &str)] = &[
        ("arguments", "All: [$ARGUMENTS]\n"),
        ("positional", "Zero [$0] one [$1] two [$2] three [$3] ten [$10]\n"),
        ("indexed", "First [$ARGUMENTS[0]] second [$ARGUMENTS[1]]\n"),
        ("braced", "One [${1}] all [${ARGUMENTS}]\n"),
        ("no-placeholder", "Summarise the files.\n"),
        ("escaped-dollar", "Cost [$$1] and [\\$1]\n"),
        ("in-code-block", "```\n[$1] [$ARGUMENTS]\n```\nOutside [$1]\n"),
        ("shell", "Out: !`echo shell-ran`\n"),
        ("shell-arguments", "Out: !`echo got $1`\n"),
        ("shell-in-code", "```\n!`echo in-code`\n```\n"),
        ("at-file", "See @notes.txt and @missing.txt\n"),
        ("at-file-in-code", "`@notes.txt` and\n```\n@notes.txt\n```\n"),
        ("one-based", "Deploy [$1] to [$2]\n"),
    ];
    for (mistake, body) in bodies {
        let case = g.raw("body", mistake, &command_with(d, body));
        case.extra.push(("notes.txt".into(), "NOTES FILE CONTENT\n".into()));
    }
    g.raw("front-matter", "none", "Body only: [$ARGUMENTS]\n");
    g.raw(
        "front-matter",
        "unclosed",
        "---\ndescription: Probe command.\nBody [$ARGUMENTS]\n",
    );
    g.raw(
        "front-matter",
        "yaml-error",
        "---\ndescription: \"Probe\nmodel: haiku\n---\nBody [$ARGUMENTS]\n",
    );
    g.raw(
        "front-matter",
        "bracket-hint",
        "---\ndescription: Probe command.\nargument-hint: [list|save] [name]\n---\nBody [$ARGUMENTS]\n",
    );
    g.raw(
        "front-matter",
        "needs-quotes",
        "---\ndescription: Use when: probing.\n---\nBody [$ARGUMENTS]\n",
    );
    g.bytes(
        "front-matter",
        "crlf-needs-quotes",
        "---\ndescription: Use when: probing.\nmodel: haiku\n---\nBody [$ARGUMENTS]\n",
        |t| t.replace('\n', "\r\n").into_bytes(),
    );
    let keys: &[(&str, &str)] = &[
        ("model-alias", "model: haiku\n"),
        ("model-typo", "model: haiku-x\n"),
        ("model-id", "model: claude-sonnet-4-6\n"),
        ("model-retired", "model: claude-sonnet-4-0\n"),
        ("allowed-tools", "allowed-tools: Read, Grep\n"),
        ("allowed-tools-typo", "allowed-tools: Raed\n"),
        ("disable-model-invocation", "disable-model-invocation: true\n"),
        ("disable-model-invocation-text", "disable-model-invocation: \"true\"\n"),
        ("user-invocable-false", "user-invocable: false\n"),
        ("argument-hint", "argument-hint: <file> [mode]\n"),
        ("argument-hint-list", "argument-hint: [file]\n"),
        ("effort", "effort: high\n"),
        ("effort-bad", "effort: extreme\n"),
        ("name", "name: other-name\n"),
        ("context-fork", "context: fork\n"),
        ("unknown-key", "category: probes\n"),
        ("version", "version: 1.0.0\n"),
        ("when-to-use", "when_to_use: When probing.\n"),
        ("shell-key", "shell: bash\n"),
        ("model-bedrock", "model: us.anthropic.claude-opus-4-8\n"),
    ];
    for (mistake, line) in keys {
        g.raw(
            "key",
            mistake,
            &command_with(&format!("{d}{line}"), "Body [$ARGUMENTS]\n"),
        );
    }
    let mut nested = Case::ours(
        "mutation/claude-command/layout/nested",
        "claude-command",
        ".claude/commands/probe-dir/nested-cmd.md",
        command_with(d, "Nested [$ARGUMENTS]\n"),
    );
    nested.args = Some("alpha beta gamma".into());
    g.out.push(nested);
    g.out
}

/// Claude Code skills, invoked with `alpha beta gamma`. The folder is the case's name.
fn claude_skills() -> Vec<Case> {
    let mut g = Gen {
        format: "skill",
        out: Vec::new(),
        names: Default::default(),
    };
    let skill = |name_line: &str, rest: &str| {
        format!("---\n{name_line}description: Probe skill.\n{rest}---\nSkill body [$ARGUMENTS]\n")
    };
    g.raw("base", "valid", &skill("name: {name}\n", ""));
    g.raw("name", "missing", &skill("", ""));
    g.raw("name", "differs-from-folder", &skill("name: other-{name}\n", ""));
    g.raw("name", "uppercase", &skill("name: Upper-{name}\n", ""));
    g.raw("name", "spaces", &skill("name: spaced {name}\n", ""));
    g.raw(
        "description",
        "missing",
        "---\nname: {name}\n---\nSkill body first line.\n",
    );
    g.raw(
        "body",
        "one-based",
        "---\nname: {name}\ndescription: Probe skill.\n---\nCompare [$1] with [$2]\n",
    );
    g.raw(
        "description",
        "number",
        "---\nname: {name}\ndescription: 42\n---\nSkill body.\n",
    );
    g.raw(
        "description",
        "long",
        &format!(
            "---\nname: {{name}}\ndescription: {}\n---\nSkill body.\n",
            "Probe skill. ".repeat(120)
        ),
    );
    g.raw("front-matter", "none", "Skill body only [$ARGUMENTS]\n");
    g.raw(
        "front-matter",
        "unclosed",
        "---\nname: {name}\ndescription: Probe skill.\nSkill body.\n",
    );
    g.raw(
        "front-matter",
        "yaml-error",
        "---\nname: {name}\ndescription: \"Probe\n---\nSkill body.\n",
    );
    let keys: &[(&str, &str)] = &[
        ("disable-model-invocation", "disable-model-invocation: true\n"),
        ("user-invocable-false", "user-invocable: false\n"),
        ("allowed-tools-spaces", "allowed-tools: Read Grep\n"),
        ("model", "model: haiku\n"),
        ("unknown-key", "category: probes\n"),
        ("license", "license: MIT\n"),
        ("metadata", "metadata:\n  author: probe\n"),
        ("metadata-nested", "metadata:\n  author:\n    name: probe\n"),
        ("version", "version: 2\n"),
        ("compatibility", "compatibility: Needs nothing.\n"),
        ("model-typo", "model: haiku-x\n"),
        ("model-retired", "model: claude-sonnet-4-0\n"),
        ("model-bedrock", "model: us.anthropic.claude-opus-4-8\n"),
        ("argument-hint-list", "argument-hint: [file]\n"),
    ];
    for (mistake, line) in keys {
        g.raw("key", mistake, &skill("name: {name}\n", line));
    }
    g.out
}

/// An OpenCode agent whose front matter is `description`, then `lines`.
fn opencode_with(lines: &str) -> String {
    format!("---\ndescription: Probe agent {{name}}.\n{lines}---\nBody of {{name}}.\n")
}

/// OpenCode agents: every key of agentls's catalog × the usual mistakes, OpenCode's own front
/// matter reading (gray-matter with js-yaml 3 and a sanitizing retry) and where agents live.
/// Runs only ever reach the fake API: no case names a front matter language that evaluates
/// code (gray-matter's `---js`).
fn opencode_agents() -> Vec<Case> {
    let mut g = Gen {
        format: "opencode-agent",
        out: Vec::new(),
        names: Default::default(),
    };
    let ok = opencode_with("");
    g.raw("base", "valid", &ok);
    g.raw("base", "no-description", "---\nmode: primary\n---\nBody of {name}.\n");

    // --- the front matter block ----------------------------------------------------------
    let blocks: &[(&str, &str)] = &[
        ("none", "You are {name}, with no front matter.\n"),
        ("unclosed", "---\ndescription: Probe agent {name}.\nBody of {name}.\n"),
        (
            "unclosed-yaml-only",
            "---\ndescription: Probe agent {name}.\nmode: primary\n",
        ),
        (
            "closed-by-rule",
            "---\ndescription: Probe agent {name}.\n-----\nBody of {name}.\n",
        ),
        (
            "close-with-text",
            "---\ndescription: Probe agent {name}.\n--- trailing\nBody of {name}.\n",
        ),
        (
            "closed-by-dots",
            "---\ndescription: Probe agent {name}.\n...\nBody of {name}.\n---\nAfter.\n",
        ),
        (
            "open-four-dashes",
            "----\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
        ),
        (
            "indented-open",
            "  ---\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
        ),
        (
            "blank-line-first",
            "\n---\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
        ),
        (
            "trailing-spaces",
            "--- \ndescription: Probe agent {name}.\n---  \nBody of {name}.\n",
        ),
        (
            "language-yaml",
            "---yaml\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
        ),
        (
            "language-unknown",
            "---toml\ndescription = \"Probe agent {name}.\"\n---\nBody of {name}.\n",
        ),
        ("empty", "---\n---\nBody of {name}.\n"),
        ("only-comments", "---\n# just a comment\n---\nBody of {name}.\n"),
        (
            "dashes-in-value",
            "---\ndescription: Probe agent {name} --- with dashes.\n---\nBody of {name}.\n",
        ),
        (
            "rule-in-body",
            "---\ndescription: Probe agent {name}.\n---\nBody of {name}.\n\n---\n\nAfter a rule.\n",
        ),
        (
            "runs-into-body",
            "---\ndescription: Probe agent {name}.\n\n# Role\n\nBody of {name}.\n\n---\n\nMore.\n",
        ),
        (
            "list",
            "---\n- description: Probe agent {name}.\n- mode: primary\n---\nBody of {name}.\n",
        ),
        ("scalar", "---\n{name} probe agent\n---\nBody of {name}.\n"),
    ];
    for (mistake, text) in blocks {
        g.raw("front-matter", mistake, text);
    }
    g.bytes("front-matter", "bom", &ok, |t| {
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend(t.into_bytes());
        b
    });
    g.bytes("front-matter", "crlf", &ok, |t| t.replace('\n', "\r\n").into_bytes());
    g.bytes("front-matter", "lone-cr", &ok, |t| t.replace('\n', "\r").into_bytes());
    g.bytes(
        "front-matter",
        "crlf-needs-quotes",
        "---\ndescription: Use when: the probe runs.\nmode: primary\n---\nBody of {name}.\n",
        |t| t.replace('\n', "\r\n").into_bytes(),
    );
    g.bytes("front-matter", "invalid-utf8", &ok, |t| {
        t.replace("Body of", "Body \u{1}of")
            .into_bytes()
            .into_iter()
            .map(|b| if b == 1 { 0xff } else { b })
            .collect()
    });

    // --- YAML that js-yaml 3 rejects, and OpenCode's retry ------------------------------------
    let yaml: &[(&str, &str)] = &[
        (
            "needs-quotes",
            "mode: primary\ncolor: \"#ff0000\"\nnote: Use when: the probe runs.\n",
        ),
        (
            "needs-quotes-and-tab",
            "note: Use when: probing.\npermission:\n\tedit: deny\n",
        ),
        ("unclosed-flow", "mode: primary\nnote: [read, grep\n"),
        ("unclosed-double-quote", "mode: primary\nnote: \"probe\n"),
        ("unclosed-single-quote", "mode: primary\nnote: 'probe\n"),
        ("anchor", "mode: &m primary\nvariant: *m\n"),
        ("undefined-alias", "mode: primary\nvariant: *nothing\n"),
        ("tag", "mode: primary\nvariant: !custom high\n"),
        ("backtick", "mode: primary\nvariant: `high`\n"),
        ("at-sign", "mode: primary\nvariant: @high\n"),
        ("percent", "mode: primary\nvariant: %high\n"),
        ("unclosed-brace", "mode: primary\nvariant: {high\n"),
        ("hash-comment", "mode: primary\nvariant: high #comment\n"),
        ("hash-in-value", "mode: primary\nvariant: high#1\n"),
        ("no-space-after-colon", "mode:primary\n"),
        ("tab-after-colon", "mode:\tprimary\n"),
        ("tab-indented-map", "mode: primary\npermission:\n\tedit: deny\n"),
        ("line-without-colon", "just some words\nmode: primary\n"),
        ("duplicate-mode", "mode: subagent\nmode: primary\n"),
        (
            "duplicate-key-deep",
            "mode: primary\npermission:\n  edit: deny\n  edit: allow\n",
        ),
        ("date-value", "mode: primary\nvariant: 2024-01-01\n"),
        (
            "merge-key",
            "mode: primary\nbase: &b\n  edit: deny\npermission:\n  <<: *b\n",
        ),
        ("yes-for-bool", "mode: primary\nhidden: yes\n"),
        ("capital-true", "mode: primary\nhidden: True\n"),
        ("digit-key-needs-quotes", "mode: primary\nx2: a: b\n"),
    ];
    for (mistake, lines) in yaml {
        g.raw("yaml", mistake, &opencode_with(lines));
    }
    g.raw(
        "yaml",
        "needs-quotes-in-description",
        "---\ndescription: Use when: the probe {name} runs.\nmode: primary\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "multiline-unindented",
        "---\ndescription: Use this agent when probing {name}.\n<example>\nuser: \"hi\"\n</example>\nmode: primary\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "multiline-indented",
        "---\ndescription: Use this agent {name}\n  when probing, on two lines.\nmode: primary\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "duplicate-description",
        "---\ndescription: First probe {name}.\ndescription: Second probe {name}.\nmode: primary\n---\nBody of {name}.\n",
    );

    // --- name: OpenCode names an agent by its file; a `name` key is read too -------------------
    let names: &[(&str, &str)] = &[
        ("differs-from-file", "name: other-{name}\n"),
        ("same-as-file", "name: {name}\n"),
        ("number", "name: 12345\n"),
        ("list", "name: [{name}]\n"),
        ("empty", "name:\n"),
    ];
    for (mistake, lines) in names {
        g.raw("name", mistake, &opencode_with(lines));
    }

    // --- description ---------------------------------------------------------------------
    g.raw("description", "missing", "---\nmode: primary\n---\nBody of {name}.\n");
    g.raw(
        "description",
        "missing-subagent",
        "---\nmode: subagent\n---\nBody of {name}.\n",
    );
    g.raw(
        "description",
        "missing-all",
        "---\nhidden: false\n---\nBody of {name}.\n",
    );
    g.raw(
        "hidden",
        "subagent-true",
        "---\ndescription: Probe agent {name}.\nmode: subagent\nhidden: true\n---\nBody of {name}.\n",
    );
    let descriptions: &[(&str, &str)] = &[
        ("empty", "description:\n"),
        ("empty-quotes", "description: \"\"\n"),
        ("number", "description: 42\n"),
        ("bool", "description: true\n"),
        ("list", "description: [Probes, things]\n"),
        ("mapping", "description:\n  when: probing\n"),
        ("block", "description: |\n  Probe agent.\n  Second line.\n"),
        ("literal-newlines", "description: First line.\\nSecond line.\n"),
    ];
    for (mistake, line) in descriptions {
        g.raw(
            "description",
            mistake,
            &format!("---\n{line}mode: primary\n---\nBody of {{name}}.\n"),
        );
    }

    // --- keys with a fixed set or type of values ---------------------------------------------
    let values: &[(&str, &[&str])] = &[
        (
            "mode",
            &[
                "primary",
                "subagent",
                "all",
                "helper",
                "Primary",
                "\"\"",
                "1",
                "[primary]",
            ],
        ),
        (
            "temperature",
            &["0", "0.5", "1", "2", "3", "-1", "hot", "\"0.5\"", "1e-1", ".inf"],
        ),
        ("top_p", &["0.9", "1", "1.5", "-0.1", "high"]),
        ("steps", &["5", "0", "-1", "1.5", "\"5\"", "many"]),
        ("maxSteps", &["5", "0", "many"]),
        ("disable", &["true", "false", "\"yes\"", "1"]),
        ("hidden", &["true", "false", "\"true\"", "1"]),
        (
            "color",
            &[
                "\"#ff0000\"",
                "\"#FF5733\"",
                "\"#fff\"",
                "\"#ff000\"",
                "ff0000",
                "primary",
                "secondary",
                "accent",
                "success",
                "warning",
                "error",
                "info",
                "Primary",
                "red",
                "blue",
                "1",
            ],
        ),
        ("variant", &["high", "max", "1", "[high]"]),
        ("options", &["\"high\"", "[a, b]", "{}"]),
        ("prompt", &["Be brief.", "\"{file:./prompt.txt}\"", "42"]),
    ];
    for (key, vals) in values {
        for v in *vals {
            // Primary, so that the harness can run the agent (a subagent runs only inside
            // another agent's session).
            let mode = if *key == "mode" { "" } else { "mode: primary\n" };
            g.raw(key, v, &opencode_with(&format!("{mode}{key}: {v}\n")));
        }
    }
    g.raw(
        "options",
        "mapping",
        &opencode_with("mode: primary\noptions:\n  reasoningEffort: high\n"),
    );
    g.raw(
        "options",
        "thinking",
        &opencode_with("mode: primary\noptions:\n  thinking:\n    type: enabled\n    budgetTokens: 2048\n"),
    );
    g.raw(
        "prompt",
        "empty-body",
        "---\ndescription: Probe agent {name}.\nmode: primary\nprompt: Be brief.\n---\n",
    );
    if let Some(c) = g
        .out
        .iter_mut()
        .find(|c| c.id.ends_with("/prompt/\"{file:./prompt.txt}\""))
    {
        c.extra.push(("prompt.txt".into(), "PROMPT FILE CONTENT\n".into()));
    }

    // --- model ---------------------------------------------------------------------------
    let models: &[(&str, &str)] = &[
        ("valid", "anthropic/claude-sonnet-4-5"),
        ("valid-opus", "anthropic/claude-opus-4-5"),
        ("no-provider", "claude-sonnet-4-5"),
        ("alias", "sonnet"),
        ("typo", "anthropic/claude-sonet-4-5"),
        ("retired", "anthropic/claude-3-5-sonnet-20241022"),
        ("empty-id", "anthropic/"),
        ("empty-provider", "/claude-sonnet-4-5"),
        ("other-provider", "openai/gpt-5"),
        ("unknown-provider", "antropic/claude-sonnet-4-5"),
        ("uppercase-provider", "Anthropic/claude-sonnet-4-5"),
        ("copilot-style", "Claude Sonnet 4.5"),
        ("spaces", "\" anthropic/claude-sonnet-4-5 \""),
        ("empty-quotes", "\"\""),
        ("number", "4"),
        ("list", "[anthropic/claude-sonnet-4-5]"),
    ];
    for (mistake, value) in models {
        g.raw(
            "model",
            mistake,
            &opencode_with(&format!("mode: primary\nmodel: {value}\n")),
        );
    }
    g.raw("model", "empty", &opencode_with("mode: primary\nmodel:\n"));

    // --- tools (deprecated): a mapping of tool id → true/false --------------------------------
    let tools: &[(&str, &str)] = &[
        ("map", "tools:\n  write: false\n  edit: false\n"),
        ("bash-off", "tools:\n  bash: false\n"),
        ("write-off", "tools:\n  write: false\n"),
        ("patch-off", "tools:\n  patch: false\n"),
        ("all-off", "tools:\n  \"*\": false\n"),
        ("mcp-wildcard", "tools:\n  \"mcp_*\": false\n"),
        ("claude-style", "tools: Read, Grep\n"),
        ("claude-list", "tools:\n  - read\n  - grep\n"),
        ("flow-list", "tools: [read, grep]\n"),
        ("string-values", "tools:\n  bash: \"false\"\n"),
        ("typo", "tools:\n  bsh: false\n"),
        ("uppercase", "tools:\n  Bash: false\n"),
        ("empty-map", "tools: {}\n"),
        ("true", "tools:\n  bash: true\n"),
        ("with-permission", "tools:\n  bash: false\npermission:\n  bash: allow\n"),
        ("todoread-off", "tools:\n  todoread: false\n"),
    ];
    for (mistake, lines) in tools {
        g.raw("tools", mistake, &opencode_with(&format!("mode: primary\n{lines}")));
    }

    // --- permission ------------------------------------------------------------------------
    let perms: &[(&str, &str)] = &[
        ("all-deny", "permission: deny\n"),
        ("all-ask", "permission: ask\n"),
        ("all-invalid", "permission: maybe\n"),
        ("edit-deny", "permission:\n  edit: deny\n"),
        (
            "bash-patterns",
            "permission:\n  bash:\n    \"git *\": allow\n    \"*\": ask\n",
        ),
        ("read-patterns", "permission:\n  read:\n    \"*.env\": deny\n"),
        ("webfetch-deny", "permission:\n  webfetch: deny\n"),
        ("webfetch-patterns", "permission:\n  webfetch:\n    \"*\": deny\n"),
        ("todowrite-patterns", "permission:\n  todowrite:\n    \"*\": deny\n"),
        ("doom-loop", "permission:\n  doom_loop: deny\n"),
        (
            "external-directory",
            "permission:\n  external_directory:\n    \"/tmp/*\": allow\n",
        ),
        ("skill-patterns", "permission:\n  skill:\n    \"pdf-*\": deny\n"),
        ("task-patterns", "permission:\n  task:\n    general: deny\n"),
        ("lsp", "permission:\n  lsp: deny\n"),
        ("question", "permission:\n  question: allow\n"),
        ("websearch", "permission:\n  websearch: deny\n"),
        (
            "list-glob-grep",
            "permission:\n  list: deny\n  glob: deny\n  grep: deny\n",
        ),
        ("write-key", "permission:\n  write: deny\n"),
        ("typo-key", "permission:\n  wirte: deny\n"),
        ("uppercase-key", "permission:\n  Edit: deny\n"),
        ("mcp-key", "permission:\n  \"github_*\": deny\n"),
        ("invalid-action", "permission:\n  edit: maybe\n"),
        ("uppercase-action", "permission:\n  edit: Deny\n"),
        ("bool-action", "permission:\n  edit: false\n"),
        ("invalid-pattern-action", "permission:\n  bash:\n    \"*\": never\n"),
        ("list", "permission:\n  - edit\n"),
        (
            "nested-too-deep",
            "permission:\n  bash:\n    git:\n      \"*\": allow\n",
        ),
        ("todoread", "permission:\n  todoread: deny\n"),
        ("patch", "permission:\n  patch: deny\n"),
    ];
    for (mistake, lines) in perms {
        g.raw(
            "permission",
            mistake,
            &opencode_with(&format!("mode: primary\n{lines}")),
        );
    }

    // --- keys OpenCode does not define ----------------------------------------------------
    let unknown: &[(&str, &str)] = &[
        ("colour", "colour: red\n"),
        ("typo-temperature", "temprature: 0.5\n"),
        ("case-mode", "Mode: subagent\n"),
        ("claude-max-turns", "maxTurns: 5\n"),
        ("claude-permission-mode", "permissionMode: plan\n"),
        ("tags", "tags: [a, b]\n"),
        ("version", "version: 1\n"),
        ("provider-option", "reasoningEffort: high\n"),
        ("thinking", "thinking:\n  type: enabled\n  budgetTokens: 2048\n"),
    ];
    for (mistake, lines) in unknown {
        g.raw(
            "unknown-key",
            mistake,
            &opencode_with(&format!("mode: primary\n{lines}")),
        );
    }

    // --- the body --------------------------------------------------------------------------
    g.raw(
        "body",
        "empty",
        "---\ndescription: Probe agent {name}.\nmode: primary\n---\n",
    );
    g.raw(
        "body",
        "blank",
        "---\ndescription: Probe agent {name}.\nmode: primary\n---\n\n   \n",
    );

    // --- every catalog entry: what OpenCode makes of it ------------------------------------
    for p in opencode_agent::PERMISSIONS
        .iter()
        .map(|p| p.key)
        .chain(opencode_agent::NO_EFFECT.iter().map(|(k, ..)| *k))
    {
        g.raw(
            "permission-key",
            p,
            &opencode_with(&format!("mode: primary\npermission:\n  {p}: deny\n")),
        );
        g.raw(
            "permission-map",
            p,
            &opencode_with(&format!("mode: primary\npermission:\n  {p}:\n    \"*\": deny\n")),
        );
    }
    for (t, _) in opencode_agent::TOOLS.iter().chain(opencode_agent::SESSION_TOOLS) {
        g.raw(
            "tool",
            t,
            &opencode_with(&format!("mode: primary\ntools:\n  {t}: false\n")),
        );
    }
    g.raw("catalog", "models", &ok);

    // --- more of the reader ----------------------------------------------------------------
    g.bytes(
        "front-matter",
        "bom-needs-quotes",
        "---\ndescription: Use when: the probe {name} runs.\nmode: primary\n---\nBody of {name}.\n",
        |t| {
            let mut b = vec![0xef, 0xbb, 0xbf];
            b.extend(t.into_bytes());
            b
        },
    );
    g.bytes(
        "front-matter",
        "crlf-yaml-error",
        "---\ndescription: Probe agent {name}.\nmode: subagent\nmode: primary\n---\nBody of {name}.\n",
        |t| t.replace('\n', "\r\n").into_bytes(),
    );
    g.raw(
        "front-matter",
        "trailing-space-needs-quotes",
        "--- \ndescription: Use when: the probe {name} runs.\nmode: primary\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "needs-quotes-and-unclosed",
        "---\ndescription: Use when: the probe {name} runs.\nmode: primary\nnote: [read\n---\nBody of {name}.\n",
    );
    g.raw(
        "variant",
        "with-model",
        &opencode_with("mode: primary\nmodel: anthropic/claude-sonnet-4-5\nvariant: high\n"),
    );
    g.raw(
        "description",
        "blank-subagent",
        "---\ndescription: \"  \"\nmode: subagent\n---\nBody of {name}.\n",
    );
    g.raw(
        "temperature",
        "with-model-3",
        &opencode_with("mode: primary\nmodel: anthropic/claude-sonnet-4-5\ntemperature: 3\n"),
    );

    // --- where agents live ---------------------------------------------------------------
    let layouts: &[(&str, &str)] = &[
        ("plural", ".opencode/agents/layout-plural.md"),
        ("nested", ".opencode/agent/team/layout-nested.md"),
        ("global", "~/.config/opencode/agent/layout-global.md"),
        ("global-plural", "~/.config/opencode/agents/layout-global-plural.md"),
        ("file-name-spaces", ".opencode/agent/Layout Spaces.md"),
    ];
    for (mistake, path) in layouts {
        let stem = path.rsplit('/').next().unwrap_or_default().trim_end_matches(".md");
        g.out.push(Case::ours(
            format!("mutation/opencode-agent/layout/{mistake}"),
            "opencode-agent",
            *path,
            fill(&ok, stem),
        ));
    }
    g.out
}

/// All generated cases.
pub fn all() -> Vec<Case> {
    let mut out = claude_agents();
    out.extend(claude_commands());
    out.extend(claude_skills());
    out.extend(opencode_agents());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_and_names_are_unique() {
        let cases = super::all();
        let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate mutation ids");
        let mut paths: Vec<&str> = cases.iter().map(|c| c.path.as_str()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n, "two mutations share a file name");
    }
}
