//! Cases for Gemini CLI: subagents (`gemini-agent`, `.gemini/agents/*.md`) and skills
//! (`gemini-skill`, `.gemini/skills/<name>/SKILL.md`), each field × the mistakes people make,
//! and the corpus's Claude Code agents and skills put where Gemini CLI loads them (a file
//! copied from `.claude/` to `.gemini/`: does it load?).
//!
//! A mutation's id is `mutation/<format>/<group>/<mistake>`; its agent's name and file name
//! are `<group>-<mistake>`, unique, so that a batch can tell the agents apart.

use super::{Case, Origin, corpus};

/// Every tool name Gemini CLI 0.61.0 accepts in `tools` without a prefix or wildcard
/// (`ALL_BUILTIN_TOOL_NAMES` and the legacy alias of its tool-names module), each one a case.
pub const BUILTIN_TOOLS: &[&str] = &[
    "glob",
    "write_todos",
    "write_file",
    "google_web_search",
    "web_fetch",
    "replace",
    "run_shell_command",
    "grep_search",
    "read_many_files",
    "read_file",
    "list_directory",
    "activate_skill",
    "ask_user",
    "tracker_create_task",
    "tracker_update_task",
    "tracker_get_task",
    "tracker_list_tasks",
    "tracker_add_dependency",
    "tracker_visualize",
    "get_internal_docs",
    "enter_plan_mode",
    "exit_plan_mode",
    "update_topic",
    "complete_task",
    "invoke_agent",
    "read_mcp_resource",
    "list_mcp_resources",
    "search_file_content",
];

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
    fn new(format: &'static str) -> Gen {
        Gen {
            format,
            out: Vec::new(),
            names: Default::default(),
        }
    }

    /// A whole file at its format's place; `{name}` in the template becomes the case's name.
    fn raw(&mut self, group: &str, mistake: &str, template: &str) -> &mut Case {
        let base = format!("{}-{}", slug(group), slug(mistake));
        let mut name = base.clone();
        let mut n = 2;
        while !self.names.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        let id = format!("mutation/{}/{group}/{mistake}", self.format);
        let path = match self.format {
            "gemini-skill" => format!(".gemini/skills/{name}/SKILL.md"),
            _ => format!(".gemini/agents/{name}.md"),
        };
        self.out
            .push(Case::ours(id, self.format, path, template.replace("{name}", &name)));
        self.out.last_mut().expect("just pushed")
    }

    /// A file whose bytes are `map` of the filled template (line ends, BOM, invalid UTF-8).
    fn bytes(&mut self, group: &str, mistake: &str, template: &str, map: impl Fn(String) -> Vec<u8>) {
        let case = self.raw(group, mistake, template);
        let text = case.text();
        case.bytes = map(text);
    }

    /// A file at another place: `path` with `{name}` filled.
    fn at(&mut self, group: &str, mistake: &str, path: &str, template: &str) -> &mut Case {
        let case = self.raw(group, mistake, template);
        let name = case.path.rsplit('/').next().unwrap_or_default().trim_end_matches(".md");
        let name = if name == "SKILL" {
            case.path.rsplit('/').nth(1).unwrap_or_default().to_string()
        } else {
            name.to_string()
        };
        case.path = path.replace("{name}", &name);
        case
    }
}

/// An agent whose front matter is `name`, `description`, then `lines`.
fn agent_with(lines: &str) -> String {
    format!("---\nname: {{name}}\ndescription: Probe agent {{name}}.\n{lines}---\nBody of {{name}}.\n")
}

fn bom(t: String) -> Vec<u8> {
    let mut b = vec![0xef, 0xbb, 0xbf];
    b.extend(t.into_bytes());
    b
}

fn agents() -> Vec<Case> {
    let mut g = Gen::new("gemini-agent");
    let ok = agent_with("");
    g.raw("base", "valid", &ok);
    g.at("base", "user-level", "~/.gemini/agents/{name}.md", &ok);
    g.at(
        "base",
        "user-level-unknown-key",
        "~/.gemini/agents/{name}.md",
        &agent_with("color: blue\n"),
    );
    g.raw(
        "base",
        "every-key",
        &agent_with(
            "kind: local\ndisplay_name: Every Key\ntools:\n  - read_file\n  - grep_search\nmodel: gemini-2.5-pro\ntemperature: 0.5\nmax_turns: 5\ntimeout_mins: 3\n",
        ),
    );
    g.raw(
        "base",
        "no-body",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---",
    );

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
        "closed-with-text",
        "---\nname: {name}\ndescription: Probe agent {name}.\n--- end\nBody of {name}.\n",
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
        "list-of-locals",
        "---\n- name: {name}\n  description: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "list-of-pairs",
        "---\n- name: {name}\n- description: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "front-matter",
        "scalar",
        "---\n{name} probe agent\n---\nBody of {name}.\n",
    );
    g.bytes("front-matter", "bom", &ok, bom);
    g.bytes("front-matter", "crlf", &ok, |t| t.replace('\n', "\r\n").into_bytes());
    g.bytes("front-matter", "lone-cr", &ok, |t| t.replace('\n', "\r").into_bytes());
    g.bytes("front-matter", "invalid-utf8", &ok, |t| {
        t.replace("Body of", "Body \u{1}of")
            .into_bytes()
            .into_iter()
            .map(|b| if b == 1 { 0xff } else { b })
            .collect()
    });

    // --- YAML ------------------------------------------------------------------------------
    let yaml: &[(&str, &str)] = &[
        ("needs-quotes", "display_name: Use when: the probe runs.\n"),
        ("unclosed-flow", "tools: [read_file, glob\n"),
        ("unclosed-double-quote", "model: \"gemini-2.5-pro\n"),
        ("anchor", "model: &m gemini-2.5-pro\ndisplay_name: *m\n"),
        ("undefined-alias", "model: *nothing\n"),
        ("tag", "model: !custom gemini-2.5-pro\n"),
        ("hash-comment", "model: gemini-2.5-pro # the pro one\n"),
        ("no-space-after-colon", "model:gemini-2.5-pro\n"),
        ("tab-after-colon", "model:\tgemini-2.5-pro\n"),
        ("tab-indented-list", "tools:\n\t- read_file\n\t- glob\n"),
        ("line-without-colon", "just some words\nmodel: gemini-2.5-pro\n"),
        ("duplicate-key", "model: gemini-2.5-pro\nmodel: flash\n"),
        ("flow-list", "tools: [read_file, glob]\n"),
        ("quoted-list-items", "tools: [\"read_file\", 'glob']\n"),
    ];
    for (mistake, lines) in yaml {
        g.raw("yaml", mistake, &agent_with(lines));
    }
    g.raw(
        "yaml",
        "multiline-indented",
        "---\nname: {name}\ndescription: Use this agent\n  when probing, on two lines.\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "multiline-unindented",
        "---\nname: {name}\ndescription: Use this agent when probing.\n<example>\nuser: \"hi\"\n</example>\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "block-scalar",
        "---\nname: {name}\ndescription: |\n  Probe agent {name},\n  on two lines.\n---\nBody of {name}.\n",
    );
    g.raw(
        "yaml",
        "description-needs-quotes",
        "---\nname: {name}\ndescription: Use when: the probe runs.\n---\nBody of {name}.\n",
    );

    // --- name ------------------------------------------------------------------------------
    g.raw(
        "name",
        "missing",
        "---\ndescription: Probe agent without a name.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "empty",
        "---\nname: \"\"\ndescription: Probe agent {name}.\n---\nBody.\n",
    );
    let names: &[(&str, &str)] = &[
        ("uppercase", "Name-Uppercase"),
        ("spaces", "name with spaces"),
        ("dots", "name.with.dots"),
        ("underscore", "name_with_underscore"),
        ("leading-digit", "9-name-leading-digit"),
        ("leading-dash", "-name-leading-dash"),
        ("colon", "\"name:colon\""),
        ("slash", "name/slash"),
        ("unicode", "nämé-unicode"),
        ("quoted", "\"name-quoted\""),
        ("number", "12345"),
        ("list", "[name-in-a-list]"),
        ("builtin-generalist", "generalist"),
        ("builtin-codebase-investigator", "codebase_investigator"),
    ];
    for (mistake, value) in names {
        g.raw(
            "name",
            mistake,
            &format!("---\nname: {value}\ndescription: Probe agent name {mistake}.\n---\nBody of name {mistake}.\n"),
        );
    }
    g.raw(
        "name",
        "differs-from-file",
        "---\nname: name-other-than-the-file\ndescription: Probe agent {name}.\n---\nBody of {name}.\n",
    );
    g.raw(
        "name",
        "duplicate-of-another-file",
        "---\nname: name-shared\ndescription: Probe agent {name}, the first.\n---\nBody of {name}.\n",
    )
    .extra
    .push((
        "~/.gemini/agents/name-shared-second.md".into(),
        "---\nname: name-shared\ndescription: The second file with the name.\n---\nBody of the second.\n".into(),
    ));

    // --- description -----------------------------------------------------------------------
    let descriptions: &[(&str, &str)] = &[
        ("missing", ""),
        ("empty", "description: \"\"\n"),
        ("blank", "description:\n"),
        ("whitespace", "description: \" \"\n"),
        ("number", "description: 42\n"),
        ("list", "description: [a, b]\n"),
        ("markup", "description: Probe <b>bold</b> & </description> text.\n"),
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
            "Probe agent with a long description. ".repeat(60).trim_end()
        ),
    );

    // --- keys ------------------------------------------------------------------------------
    let keys: &[(&str, &str)] = &[
        ("unknown", "colour: blue\n"),
        ("claude-color", "color: blue\n"),
        ("mcpServers", "mcpServers:\n  probe:\n    url: http://127.0.0.1:9/mcp\n"),
        (
            "mcp_servers",
            "mcp_servers:\n  probe:\n    url: http://127.0.0.1:9/mcp\n",
        ),
        (
            "mcp_servers-unknown-server-key",
            "mcp_servers:\n  probe:\n    httpUrl: http://127.0.0.1:9/mcp\n",
        ),
        (
            "mcp_servers-bad-type",
            "mcp_servers:\n  probe:\n    url: http://127.0.0.1:9/mcp\n    type: stdio\n",
        ),
        ("displayName", "displayName: Probe\n"),
        ("maxTurns", "maxTurns: 5\n"),
        ("timeoutMins", "timeoutMins: 5\n"),
        ("max-turns", "max-turns: 5\n"),
        ("allowed-tools", "allowed-tools: read_file\n"),
        ("allowedTools", "allowedTools: [read_file]\n"),
        ("system_prompt", "system_prompt: You are a probe.\n"),
        ("uppercase-key", "Model: gemini-2.5-pro\n"),
        ("null-value", "model:\n"),
        ("kind-local", "kind: local\n"),
        ("kind-agent", "kind: agent\n"),
        ("kind-uppercase", "kind: Local\n"),
    ];
    for (mistake, lines) in keys {
        g.raw("key", mistake, &agent_with(lines));
    }

    // --- tools -----------------------------------------------------------------------------
    let tools: &[(&str, &str)] = &[
        ("list", "tools:\n  - read_file\n  - grep_search\n"),
        ("string", "tools: read_file\n"),
        ("comma-string", "tools: read_file, glob\n"),
        ("empty-list", "tools: []\n"),
        ("null", "tools:\n"),
        ("unknown", "tools: [read_file, fetch_everything]\n"),
        ("claude-names", "tools: [Read, Bash]\n"),
        ("claude-string", "tools: Read, Grep, Glob\n"),
        ("lowercase-claude", "tools: [read, bash]\n"),
        ("wildcard", "tools: [\"*\"]\n"),
        ("wildcard-and-name", "tools: [\"*\", read_file]\n"),
        ("mcp-wildcard", "tools: [\"mcp_*\"]\n"),
        ("mcp-server-wildcard", "tools: [\"mcp_srv_*\"]\n"),
        ("mcp-tool", "tools: [mcp_srv_lookup]\n"),
        ("mcp-claude-style", "tools: [mcp__srv__lookup]\n"),
        ("mcp-no-tool", "tools: [mcp_srv]\n"),
        ("mcp-any-server-tool", "tools: [\"mcp_*_lookup\"]\n"),
        ("file-wildcard", "tools: [\"*_file\"]\n"),
        ("discovered-prefix", "tools: [discovered_tool_probe]\n"),
        ("pattern", "tools: [\"run_shell_command(git status)\"]\n"),
        ("uppercase", "tools: [READ_FILE]\n"),
        ("display-name", "tools: [ReadFile]\n"),
        ("number", "tools: [1]\n"),
        ("duplicate", "tools: [read_file, read_file]\n"),
        // Offered to every subagent without `tools`, yet not in the names `tools` accepts.
        (
            "background-processes",
            "tools: [list_background_processes, read_background_output]\n",
        ),
    ];
    for (mistake, lines) in tools {
        g.raw("tools", mistake, &agent_with(lines));
    }
    for t in BUILTIN_TOOLS {
        g.raw("tool", t, &agent_with(&format!("tools: [{t}]\n")));
    }

    // --- model -----------------------------------------------------------------------------
    let models: &[(&str, &str)] = &[
        ("inherit", "inherit"),
        ("gemini-2.5-pro", "gemini-2.5-pro"),
        ("gemini-2.5-flash", "gemini-2.5-flash"),
        ("gemini-3-pro-preview", "gemini-3-pro-preview"),
        ("gemini-3-flash-preview", "gemini-3-flash-preview"),
        ("gemini-3.5-flash", "gemini-3.5-flash"),
        ("pro", "pro"),
        ("flash", "flash"),
        ("flash-lite", "flash-lite"),
        ("auto", "auto"),
        ("sonnet", "sonnet"),
        ("claude-id", "claude-sonnet-4-5"),
        ("other-vendor", "gpt-4o"),
        ("nonsense", "not-a-model"),
        ("uppercase", "Gemini-2.5-Pro"),
        ("empty", "\"\""),
        ("number", "2.5"),
    ];
    for (mistake, value) in models {
        g.raw("model", mistake, &agent_with(&format!("model: {value}\n")));
    }

    // --- numbers ---------------------------------------------------------------------------
    let numbers: &[(&str, &[(&str, &str)])] = &[
        (
            "temperature",
            &[
                ("zero", "0"),
                ("half", "0.5"),
                ("two", "2"),
                ("above-two", "3"),
                ("negative", "-1"),
                ("string-number", "\"0.5\""),
                ("string", "hot"),
            ],
        ),
        (
            "max_turns",
            &[
                ("five", "5"),
                ("zero", "0"),
                ("negative", "-1"),
                ("float", "2.5"),
                ("string-number", "\"5\""),
                ("string", "ten"),
                ("large", "1000"),
            ],
        ),
        (
            "timeout_mins",
            &[
                ("five", "5"),
                ("zero", "0"),
                ("negative", "-1"),
                ("float", "1.5"),
                ("string-number", "\"5\""),
            ],
        ),
        ("display_name", &[("string", "Probe Display"), ("number", "7")]),
    ];
    for (key, values) in numbers {
        for (mistake, value) in *values {
            g.raw(key, mistake, &agent_with(&format!("{key}: {value}\n")));
        }
    }

    // --- remote agents (A2A): the card URL is a closed port of 127.0.0.1 -----------------------
    let card = "http://127.0.0.1:9/.well-known/agent-card.json";
    let json_card = r#"'{"name": "probe", "description": "A probe card.", "url": "http://127.0.0.1:9/a2a", "version": "1.0.0", "capabilities": {}, "defaultInputModes": ["text"], "defaultOutputModes": ["text"], "skills": [], "protocolVersion": "0.3.0"}'"#;
    let remote: Vec<(&str, String)> = vec![
        ("card-url", format!("kind: remote\nagent_card_url: {card}\n")),
        ("no-card", "kind: remote\n".to_string()),
        (
            "card-url-not-a-url",
            "kind: remote\nagent_card_url: not a url\n".to_string(),
        ),
        ("card-json", format!("kind: remote\nagent_card_json: {json_card}\n")),
        (
            "card-json-invalid",
            "kind: remote\nagent_card_json: '{not json'\n".to_string(),
        ),
        (
            "card-url-and-json",
            format!("kind: remote\nagent_card_url: {card}\nagent_card_json: {json_card}\n"),
        ),
        (
            "with-tools",
            format!("kind: remote\nagent_card_url: {card}\ntools: [read_file]\n"),
        ),
        ("card-url-without-kind", format!("agent_card_url: {card}\n")),
        (
            "auth-apikey",
            format!("kind: remote\nagent_card_url: {card}\nauth:\n  type: apiKey\n  key: fake-key\n"),
        ),
        (
            "auth-unknown-type",
            format!("kind: remote\nagent_card_url: {card}\nauth:\n  type: token\n"),
        ),
    ];
    // Among the user's agents: a project's remote agent is acknowledged by its card (URL or
    // the JSON's hash), not by the file's hash, and this harness acknowledges files.
    let user = "~/.gemini/agents/{name}.md";
    for (mistake, lines) in &remote {
        g.at("remote", mistake, user, &agent_with(lines));
    }
    g.at(
        "remote",
        "list",
        user,
        &format!("---\n- kind: remote\n  name: {{name}}\n  agent_card_url: {card}\n---\n"),
    );
    g.at(
        "remote",
        "list-without-kind",
        user,
        &format!("---\n- name: {{name}}\n  agent_card_url: {card}\n---\n"),
    );

    // --- the file's place ------------------------------------------------------------------
    g.at("file", "underscore", ".gemini/agents/_{name}.md", &ok);
    g.at("file", "subfolder", ".gemini/agents/sub/{name}.md", &ok);
    g.at("file", "txt", ".gemini/agents/{name}.txt", &ok);
    g.at("file", "markdown-extension", ".gemini/agents/{name}.markdown", &ok);
    g.at("file", "uppercase-extension", ".gemini/agents/{name}.MD", &ok);
    g.at("file", "claude-folder", ".claude/agents/{name}.md", &ok);
    g.at("file", "agents-folder", ".agents/agents/{name}.md", &ok);
    g.at("file", "singular-folder", ".gemini/agent/{name}.md", &ok);

    // --- a Claude Code agent copied as it is ---------------------------------------------------
    g.raw(
        "claude",
        "verbatim",
        "---\nname: {name}\ndescription: Use this agent to review code. Use PROACTIVELY after edits.\ntools: Read, Grep, Glob\nmodel: sonnet\ncolor: blue\n---\nYou are a code reviewer ({name}).\n",
    );
    g.raw(
        "claude",
        "name-and-description-only",
        "---\nname: {name}\ndescription: Use this agent to review code.\n---\nYou are a code reviewer ({name}).\n",
    );
    g.raw(
        "claude",
        "tools-only",
        "---\nname: {name}\ndescription: Use this agent to review code.\ntools: Read, Grep\n---\nYou are a code reviewer ({name}).\n",
    );
    g.raw(
        "claude",
        "model-only",
        "---\nname: {name}\ndescription: Use this agent to review code.\nmodel: sonnet\n---\nYou are a code reviewer ({name}).\n",
    );
    g.raw(
        "claude",
        "model-inherit",
        "---\nname: {name}\ndescription: Use this agent to review code.\nmodel: inherit\n---\nYou are a code reviewer ({name}).\n",
    );

    // --- the body --------------------------------------------------------------------------
    g.raw(
        "body",
        "query-placeholder",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}. The task: ${query}\n",
    );
    g.raw(
        "body",
        "unknown-placeholder",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}. Run `echo ${HOME}` first.\n",
    );
    g.raw(
        "body",
        "dollar-without-braces",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}. Run `echo $HOME` first.\n",
    );
    g.raw(
        "body",
        "claude-arguments",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\nBody of {name}. Arguments: $ARGUMENTS and {{args}}.\n",
    );
    g.raw(
        "body",
        "empty",
        "---\nname: {name}\ndescription: Probe agent {name}.\n---\n",
    );
    g.out
}

/// A skill whose front matter is `name` (the folder's), `description`, then `lines`.
fn skill_with(lines: &str) -> String {
    format!("---\nname: {{name}}\ndescription: Probe skill {{name}}.\n{lines}---\nBody of skill {{name}}.\n")
}

fn skills() -> Vec<Case> {
    let mut g = Gen::new("gemini-skill");
    let ok = skill_with("");
    g.raw("base", "valid", &ok);
    g.at("base", "agents-folder", ".agents/skills/{name}/SKILL.md", &ok);
    g.at("base", "user", "~/.gemini/skills/{name}/SKILL.md", &ok);
    g.at("base", "user-agents-folder", "~/.agents/skills/{name}/SKILL.md", &ok);
    g.at("base", "claude-folder", ".claude/skills/{name}/SKILL.md", &ok);
    g.at("base", "in-the-root", ".gemini/skills/SKILL.md", &ok);
    g.at("base", "nested", ".gemini/skills/group/{name}/SKILL.md", &ok);
    g.at("base", "lowercase-file", ".gemini/skills/{name}/skill.md", &ok);
    g.raw(
        "base",
        "agentskills-keys",
        &skill_with("license: MIT\ncompatibility: Gemini CLI\nmetadata:\n  author: probe\nallowed-tools: read_file\n"),
    );
    g.raw(
        "base",
        "claude-keys",
        &skill_with("allowed-tools: Read, Grep\nmodel: sonnet\ncontext: fork\nargument-hint: [file]\n"),
    );

    g.raw(
        "name",
        "differs-from-folder",
        "---\nname: skill-other-than-the-folder\ndescription: Probe skill {name}.\n---\nBody of skill {name}.\n",
    );
    g.raw(
        "name",
        "missing",
        "---\ndescription: Probe skill without a name.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "empty",
        "---\nname: \"\"\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "uppercase",
        "---\nname: Skill-Uppercase\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "spaces",
        "---\nname: skill with spaces\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "colon",
        "---\nname: \"skill:colon\"\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "quoted",
        "---\nname: \"skill-quoted\"\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "number",
        "---\nname: 12345\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "builtin",
        "---\nname: skill-creator\ndescription: Probe skill {name}, named as a built-in one.\n---\nBody.\n",
    );
    g.raw(
        "name",
        "same-in-agents-folder",
        "---\nname: skill-shared\ndescription: Probe skill {name} in .gemini/skills.\n---\nBody.\n",
    )
    .extra
    .push((
        ".agents/skills/skill-shared/SKILL.md".into(),
        "---\nname: skill-shared\ndescription: The one in .agents/skills.\n---\nBody.\n".into(),
    ));

    g.raw(
        "description",
        "missing",
        "---\nname: {name}\n---\nBody of skill {name}.\n",
    );
    g.raw(
        "description",
        "empty",
        "---\nname: {name}\ndescription: \"\"\n---\nBody.\n",
    );
    g.raw("description", "blank", "---\nname: {name}\ndescription:\n---\nBody.\n");
    g.raw(
        "description",
        "number",
        "---\nname: {name}\ndescription: 42\n---\nBody.\n",
    );
    g.raw(
        "description",
        "needs-quotes",
        "---\nname: {name}\ndescription: Use when: the probe runs.\n---\nBody.\n",
    );
    g.raw(
        "description",
        "needs-quotes-indented",
        "---\nname: {name}\ndescription: Use when: the probe runs\n  and goes on.\n---\nBody.\n",
    );
    g.raw(
        "description",
        "multiline-indented",
        "---\nname: {name}\ndescription: Probe skill\n  on two lines.\n---\nBody.\n",
    );
    g.raw(
        "description",
        "block-scalar",
        "---\nname: {name}\ndescription: |\n  Probe skill,\n  on two lines.\n---\nBody.\n",
    );
    g.raw(
        "description",
        "long",
        &format!(
            "---\nname: {{name}}\ndescription: {}\n---\nBody.\n",
            "Probe skill with a long description. ".repeat(60).trim_end()
        ),
    );

    g.raw("front-matter", "none", "Body of skill {name}, with no front matter.\n");
    g.raw(
        "front-matter",
        "unclosed",
        "---\nname: {name}\ndescription: Probe skill {name}.\nBody.\n",
    );
    g.bytes("front-matter", "crlf", &ok, |t| t.replace('\n', "\r\n").into_bytes());
    g.bytes("front-matter", "bom", &ok, bom);
    g.raw(
        "front-matter",
        "blank-line-first",
        "\n---\nname: {name}\ndescription: Probe skill {name}.\n---\nBody.\n",
    );
    g.raw(
        "front-matter",
        "unknown-key-and-bad-yaml",
        "---\nname: {name}\ndescription: Probe skill {name}.\ntools: [read_file\n---\nBody.\n",
    );
    g.out
}

/// The corpus's Claude Code agents and skills, byte for byte, where Gemini CLI loads them:
/// `corpus/gemini-agent/<path>` at `.gemini/agents/<stem>.md`, `corpus/gemini-skill/<path>`
/// at `.gemini/skills/<folder>/SKILL.md`.
fn from_corpus() -> Vec<Case> {
    let mut out = Vec::new();
    for c in corpus::all() {
        let rel = c.id.strip_prefix("corpus/").unwrap_or(&c.id).to_string();
        let (format, path) = match c.format.as_str() {
            "claude-agent" => ("gemini-agent", format!(".gemini/agents/{}.md", c.stem())),
            "skill" => {
                let folder = c.path.rsplit('/').nth(1).unwrap_or("skill").to_string();
                ("gemini-skill", format!(".gemini/skills/{folder}/SKILL.md"))
            }
            _ => continue,
        };
        out.push(Case {
            id: format!("corpus/{format}/{rel}"),
            format: format.to_string(),
            path,
            bytes: c.bytes,
            origin: Origin::Theirs,
            extra: Vec::new(),
            args: None,
        });
    }
    out
}

/// Every Gemini CLI case.
pub fn all() -> Vec<Case> {
    let mut out = agents();
    out.extend(skills());
    out.extend(from_corpus());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_and_paths_are_unique() {
        let cases = super::agents().into_iter().chain(super::skills()).collect::<Vec<_>>();
        let mut ids = std::collections::HashSet::new();
        let mut paths = std::collections::HashSet::new();
        for c in &cases {
            assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
            assert!(paths.insert(c.path.clone()), "duplicate path {}", c.path);
        }
        assert!(cases.len() > 150, "{}", cases.len());
    }
}
