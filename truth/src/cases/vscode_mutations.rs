//! Generated cases for VS Code: small Copilot files (agents, chat modes, prompt files,
//! instructions) and skills, each one change away from a valid file, that ask VS Code one
//! question each: is this key known in this file type? this tool name? this value? what does
//! its header parser make of this YAML? Every key of any format (agentls's or VS Code's) is
//! tried in every file type, every tool name agentls knows alone, and the names agentls has
//! heard of elsewhere ([`PROBED_TOOLS`]), so that the recording shows which of them VS Code
//! knows.
//!
//! A case's id is `mutation/vscode/<kind>/<slug>` (kind: `agent`, `chatmode`, `prompt`,
//! `instructions`, `skill`); its file is `m-<slug>` in the folder VS Code reads that kind from.

use super::Case;
use agentls::formats::{copilot_models, copilot_tools};

const BODY: &str = "Do the task described above.\n";

/// The kinds of files, where they go, and the agentls format that reads them.
const KINDS: &[(&str, &str)] = &[
    ("agent", "copilot-agent"),
    ("chatmode", "copilot-chatmode"),
    ("prompt", "copilot-prompt"),
    ("instructions", "copilot-instructions"),
    ("skill", "skill"),
];

fn path_of(kind: &str, stem: &str) -> String {
    match kind {
        "agent" => format!(".github/agents/{stem}.agent.md"),
        "chatmode" => format!(".github/chatmodes/{stem}.chatmode.md"),
        "prompt" => format!(".github/prompts/{stem}.prompt.md"),
        "instructions" => format!(".github/instructions/{stem}.instructions.md"),
        _ => format!(".github/skills/{stem}/SKILL.md"),
    }
}

/// A value after `key:`: the rest of the line, lines below it, or nothing (`key:` alone).
#[derive(Clone, Copy)]
enum Val {
    Line(&'static str),
    Lines(&'static [&'static str]),
    Nothing,
}

/// A typical valid value for every key any of the formats (agentls's or VS Code's) knows.
const VALUES: &[(&str, Val)] = &[
    ("name", Val::Line("Helper")),
    ("description", Val::Line("Helps with the task")),
    ("tools", Val::Line("['search', 'edit']")),
    ("model", Val::Line("GPT-4.1")),
    ("argument-hint", Val::Line("the file to work on")),
    ("target", Val::Line("vscode")),
    (
        "handoffs",
        Val::Lines(&[
            "  - label: Implement",
            "    agent: agent",
            "    prompt: Implement the plan.",
        ]),
    ),
    ("agents", Val::Line("['*']")),
    ("user-invocable", Val::Line("false")),
    ("disable-model-invocation", Val::Line("true")),
    ("infer", Val::Line("true")),
    (
        "mcp-servers",
        Val::Lines(&["  docs:", "    type: local", "    command: docs-server"]),
    ),
    (
        "hooks",
        Val::Lines(&["  PostToolUse:", "    - type: command", "      command: echo done"]),
    ),
    ("metadata", Val::Lines(&["  team: docs"])),
    ("reasoning-effort", Val::Line("high")),
    ("advancedOptions", Val::Lines(&["  verbose: true"])),
    ("github", Val::Lines(&["  permissions:", "    contents: read"])),
    ("applyTo", Val::Line("'**/*.ts'")),
    ("excludeAgent", Val::Line("code-review")),
    ("agent", Val::Line("ask")),
    ("mode", Val::Line("ask")),
    ("license", Val::Line("MIT")),
    ("compatibility", Val::Line("Needs git")),
    ("context", Val::Line("fork")),
    ("paths", Val::Line("['src/**']")),
    // Claude Code subagent keys, which people copy into Copilot files.
    ("disallowedTools", Val::Line("Write, Edit")),
    ("permissionMode", Val::Line("plan")),
    ("skills", Val::Line("['docs']")),
    ("mcpServers", Val::Line("['github']")),
    ("memory", Val::Line("project")),
    ("color", Val::Line("blue")),
];

/// The key a `key-<slug>` case is about.
pub fn key_of_slug(slugged: &str) -> Option<&'static str> {
    VALUES.iter().map(|(k, _)| *k).find(|k| slug(k) == slugged)
}

fn value(key: &str) -> Val {
    VALUES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(Val::Line("x"), |(_, v)| *v)
}

/// The keys of each kind whose usual mistakes get cases of their own.
fn keys_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "agent" | "chatmode" => &[
            "description",
            "name",
            "tools",
            "model",
            "argument-hint",
            "target",
            "handoffs",
            "agents",
            "user-invocable",
            "disable-model-invocation",
            "infer",
            "mcp-servers",
            "hooks",
            "metadata",
            "reasoning-effort",
            "advancedOptions",
            "github",
        ],
        "prompt" => &[
            "description",
            "name",
            "argument-hint",
            "agent",
            "mode",
            "model",
            "tools",
        ],
        "instructions" => &["applyTo", "description", "name", "excludeAgent"],
        _ => &[
            "name",
            "description",
            "license",
            "compatibility",
            "metadata",
            "argument-hint",
            "user-invocable",
            "disable-model-invocation",
            "context",
        ],
    }
}

const SCALAR_KEYS: &[&str] = &[
    "name",
    "description",
    "argument-hint",
    "target",
    "model",
    "agent",
    "mode",
    "applyTo",
    "license",
    "compatibility",
    "context",
    "reasoning-effort",
];
const BOOL_KEYS: &[&str] = &["user-invocable", "disable-model-invocation", "infer"];
const LIST_KEYS: &[&str] = &["tools", "agents", "excludeAgent", "handoffs"];

/// Tool names agentls does not list (or no longer lists) that are worth asking about: those
/// the built-in Copilot Chat 0.67.0 declares (`contributes.languageModelTools` reference names
/// and its tool sets' members, read from its `package.json`), the reference names of VS Code's
/// own tools (in its `workbench.js`), and names agentls once listed that VS Code 1.139.1 does not
/// know. Each is tried alone; the recording says whether VS Code knows it, maps it, or ignores it.
pub const PROBED_TOOLS: &[&str] = &[
    // Copilot Chat's manifest.
    "applyPatch",
    "createDirectory",
    "createFile",
    "createJupyterNotebook",
    "editNotebook",
    "executionSubagent",
    "exploreSubagent",
    "fileSearch",
    "findTestFiles",
    "getNotebookSummary",
    "githubTextSearch",
    "insertEdit",
    "installExtension",
    "listDirectory",
    "memory",
    "multiReplaceString",
    "newWorkspace",
    "readFile",
    "readNotebookCellOutput",
    "replaceString",
    "resolveMemoryFileUri",
    "runCommand",
    "runNotebookCell",
    "searchSubagent",
    "sessionStoreSql",
    "skill",
    "switchAgent",
    "symbols",
    "textSearch",
    "viewImage",
    "edit/rename",
    "read/skill",
    "search/searchSubagent",
    "execute/executionSubagent",
    "vscode/switchAgent",
    // VS Code's own tools, by reference name.
    "artifacts",
    "artifactRules",
    "askQuestions",
    "createAndRunTask",
    "getTaskOutput",
    "getTerminalOutput",
    "killTerminal",
    "sendToTerminal",
    "rename",
    "renderMermaidDiagram",
    "reviewPlan",
    "runTask",
    "runInTerminal",
    "toolSearch",
    "execute/killTerminal",
    "execute/sendToTerminal",
    // Names agentls listed before VS Code 1.139.1 was recorded.
    "findFiles",
    "openSimpleBrowser",
    "searchResults",
    "search/searchResults",
    "vscode/openSimpleBrowser",
    "vscode/getProjectSetupInfo",
    "execute/getTaskOutput",
];

/// The old names of every current tool and tool set, which VS Code may map.
fn bare_names() -> Vec<String> {
    copilot_tools::TOOLS
        .iter()
        .filter_map(|t| t.name.split_once('/').map(|(_, n)| n.to_string()))
        .collect()
}

/// The cases whose recording keeps VS Code's hovers (which key its parser saw on each line):
/// the broken-YAML mutations, the fixtures and the rule pages' examples.
pub fn wants_hovers(id: &str) -> bool {
    (id.starts_with("mutation/vscode/") && id.contains("/yaml-"))
        || id.starts_with("fixture/")
        || id.starts_with("docs/")
}

struct Gen {
    out: Vec<Case>,
}

impl Gen {
    fn emit(&mut self, kind: &str, slug: &str, text: String) {
        let format = KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("copilot-agent", |(_, f)| *f);
        let stem = format!("m-{slug}");
        let text = text.replace("{stem}", &stem);
        self.out.push(Case::ours(
            format!("mutation/vscode/{kind}/{slug}"),
            format,
            path_of(kind, &stem),
            text,
        ));
    }

    /// The kind's minimal front matter, without the keys of `extra` and `drop`, then `extra`.
    fn with(&mut self, kind: &str, slug: &str, extra: &[(&str, Val)], drop: &[&str]) {
        let mut pairs: Vec<(&str, Val)> = base(kind)
            .into_iter()
            .filter(|(k, _)| !drop.contains(k) && !extra.iter().any(|(e, _)| e == k))
            .collect();
        pairs.extend_from_slice(extra);
        self.emit(kind, slug, front_matter(&pairs));
    }
}

/// The keys every case of a kind starts from (a skill needs its name and description).
fn base(kind: &str) -> Vec<(&'static str, Val)> {
    match kind {
        "skill" => vec![
            ("name", Val::Line("{stem}")),
            ("description", Val::Line("Helps with the task")),
        ],
        _ => vec![("description", Val::Line("Helps with the task"))],
    }
}

fn front_matter(pairs: &[(&str, Val)]) -> String {
    let mut s = String::from("---\n");
    for (k, v) in pairs {
        match v {
            Val::Line(l) => s.push_str(&format!("{k}: {l}\n")),
            Val::Lines(ls) => {
                s.push_str(&format!("{k}:\n"));
                for l in *ls {
                    s.push_str(l);
                    s.push('\n');
                }
            }
            Val::Nothing => s.push_str(&format!("{k}:\n")),
        }
    }
    s.push_str("---\n");
    s.push_str(BODY);
    s
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "x".into() } else { out }
}

/// One letter off: the second-to-last letter dropped.
fn misspell(k: &str) -> String {
    if k.len() > 3 {
        format!("{}{}", &k[..k.len() - 2], &k[k.len() - 1..])
    } else {
        format!("{k}{}", &k[k.len() - 1..])
    }
}

/// The wrong case: camelCase for a hyphenated key, else capitalised (or lowered).
fn wrong_case(k: &str) -> String {
    if k.contains('-') {
        let mut out = String::new();
        let mut up = false;
        for c in k.chars() {
            if c == '-' {
                up = true;
            } else if up {
                out.push(c.to_ascii_uppercase());
                up = false;
            } else {
                out.push(c);
            }
        }
        out
    } else if k == k.to_lowercase() {
        let mut c = k.chars();
        c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    } else {
        k.to_lowercase()
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn line(s: String) -> Val {
    Val::Line(leak(s))
}

/// Broken and unusual YAML, written into every Copilot kind. Each keeps a `colour` key after
/// the broken line where that helps: VS Code reports unknown keys, so the markers show whether
/// its parser still saw the keys that follow.
const YAML: &[(&str, &str)] = &[
    (
        "unclosed-double-quote",
        "---\ndescription: \"Helps with the task\ntools: ['search']\ncolour: blue\n---\n",
    ),
    (
        "unclosed-single-quote",
        "---\ndescription: 'Helps with the task\ntools: ['search']\ncolour: blue\n---\n",
    ),
    (
        "unclosed-flow-list",
        "---\ndescription: Helps\ntools: ['search', 'edit'\ncolour: blue\n---\n",
    ),
    (
        "flow-list-closing-at-key-indent",
        "---\ndescription: Helps\ntools: [\n  'search',\n  'edit'\n]\ncolour: blue\n---\n",
    ),
    (
        "flow-list-multiline",
        "---\ndescription: Helps\ntools: [\n  'search',\n  'edit'\n  ]\ncolour: blue\n---\n",
    ),
    (
        "unclosed-flow-map",
        "---\ndescription: Helps\nmetadata: {a: b\ncolour: blue\n---\n",
    ),
    (
        "line-without-colon",
        "---\ndescription: Helps\njust some words\ncolour: blue\n---\n",
    ),
    (
        "line-without-colon-after-blank",
        "---\ndescription: Helps\n\njust some words\ncolour: blue\n---\n",
    ),
    ("tab-indent", "---\ndescription: Helps\n\tcolour: blue\n---\n"),
    ("tab-after-colon", "---\ndescription:\tHelps\ncolour: blue\n---\n"),
    (
        "tab-in-list",
        "---\ndescription: Helps\ntools:\n\t- search\n\t- edit\ncolour: blue\n---\n",
    ),
    (
        "colon-space-in-value",
        "---\ndescription: Use it: plan first\ncolour: blue\n---\n",
    ),
    (
        "hash-in-value",
        "---\ndescription: Helps #1 with the task\ncolour: blue\n---\n",
    ),
    ("no-closing-dashes", "---\ndescription: Helps\ncolour: blue\n\n"),
    (
        "no-closing-dashes-body-colon",
        "---\ndescription: Helps\n\nNote: do the task.\n",
    ),
    ("bom", "\u{feff}---\ndescription: Helps\ncolour: blue\n---\n"),
    ("leading-blank-line", "\n---\ndescription: Helps\ncolour: blue\n---\n"),
    (
        "dashes-trailing-space",
        "--- \ndescription: Helps\ncolour: blue\n--- \n",
    ),
    ("closing-dots", "---\ndescription: Helps\ncolour: blue\n...\n"),
    ("closing-long-rule", "---\ndescription: Helps\ncolour: blue\n-----\n"),
    ("indented-key", "---\ndescription: Helps\n  colour: blue\n---\n"),
    (
        "block-scalar-literal",
        "---\ndescription: |\n  Helps with\n  the task\ncolour: blue\n---\n",
    ),
    (
        "block-scalar-folded",
        "---\ndescription: >-\n  Helps with\n  the task\ncolour: blue\n---\n",
    ),
    (
        "anchor-alias",
        "---\ndescription: &d Helps\nname: *d\ncolour: blue\n---\n",
    ),
    (
        "plain-multiline",
        "---\ndescription: Helps with\n  the task\ncolour: blue\n---\n",
    ),
    ("empty-front-matter", "---\n---\n"),
    ("only-comment", "---\n# nothing here\n---\n"),
    ("scalar-document", "---\njust text\n---\n"),
    ("list-document", "---\n- description: Helps\n---\n"),
    ("no-front-matter", ""),
    ("quoted-key", "---\n\"description\": Helps\ncolour: blue\n---\n"),
    ("space-before-colon", "---\ndescription : Helps\ncolour: blue\n---\n"),
    ("no-space-after-colon", "---\ndescription:Helps\ncolour: blue\n---\n"),
    (
        "yaml-comment-after-value",
        "---\ndescription: Helps # note\ncolour: blue\n---\n",
    ),
    (
        "unicode-value",
        "---\ndescription: Hilft bei der Übersetzung 😀\ncolour: blue\n---\n",
    ),
    (
        "trailing-spaces-key",
        "---\ndescription: Helps   \ncolour: blue   \n---\n",
    ),
    (
        "missing-item",
        "---\ndescription: Helps\ntools:\n  -\n  - edit\ncolour: blue\n---\n",
    ),
    (
        "directive-line",
        "---\n%YAML 1.2\ndescription: Helps\ncolour: blue\n---\n",
    ),
    (
        "document-end-then-keys",
        "---\ndescription: Helps\n...\ncolour: blue\n---\n",
    ),
];

/// Every VS Code case.
pub fn all() -> Vec<Case> {
    let mut g = Gen { out: Vec::new() };

    // 1. Every key in every kind, alone with its typical value.
    for (kind, _) in KINDS {
        g.with(kind, "valid-base", &[], &[]);
        for (key, v) in VALUES {
            g.with(kind, &format!("key-{}", slug(key)), &[(key, *v)], &[]);
        }
        g.with(kind, "key-unknown", &[("colour", Val::Line("blue"))], &[]);
    }

    // 2. The usual mistakes for each key of each kind.
    for (kind, _) in KINDS {
        for key in keys_of(kind) {
            let k = slug(key);
            let typical = value(key);
            let misspelt = leak(misspell(key));
            g.with(kind, &format!("misspelt-{k}"), &[(misspelt, typical)], &[key]);
            let cased = wrong_case(key);
            if cased != *key {
                g.with(kind, &format!("case-{k}"), &[(leak(cased), typical)], &[key]);
            }
            g.with(kind, &format!("empty-{k}"), &[(key, Val::Nothing)], &[]);
            g.with(kind, &format!("empty-quoted-{k}"), &[(key, Val::Line("\"\""))], &[]);
            if SCALAR_KEYS.contains(key) || BOOL_KEYS.contains(key) {
                g.with(kind, &format!("list-for-{k}"), &[(key, Val::Line("[a, b]"))], &[]);
                g.with(kind, &format!("map-for-{k}"), &[(key, Val::Lines(&["  a: b"]))], &[]);
            }
            if LIST_KEYS.contains(key) && *key != "handoffs" {
                g.with(kind, &format!("map-for-{k}"), &[(key, Val::Lines(&["  a: b"]))], &[]);
                g.with(
                    kind,
                    &format!("block-list-{k}"),
                    &[(key, Val::Lines(&["  - search", "  - edit"]))],
                    &[],
                );
                g.with(
                    kind,
                    &format!("string-for-{k}"),
                    &[(key, Val::Line("search, edit"))],
                    &[],
                );
                g.with(kind, &format!("empty-list-{k}"), &[(key, Val::Line("[]"))], &[]);
            }
            if BOOL_KEYS.contains(key) {
                for (name, v) in [("yes", "yes"), ("quoted", "'true'"), ("capital", "True"), ("one", "1")] {
                    g.with(kind, &format!("bool-{k}-{name}"), &[(key, Val::Line(v))], &[]);
                }
            }
            g.with(kind, &format!("duplicate-{k}"), &[(key, typical), (key, typical)], &[]);
        }
    }

    // 3. Tools: every name agentls knows alone, the names worth asking about, the mistakes.
    let tool =
        |g: &mut Gen, slug_: String, v: String| g.with("agent", &format!("tools-{slug_}"), &[("tools", line(v))], &[]);
    // The names asked about keep their case (`tools-probe-…`) whether or not the catalog lists
    // them, so that a catalog change does not move their recording.
    let mut probes: Vec<String> = PROBED_TOOLS.iter().map(|s| s.to_string()).collect();
    probes.extend(bare_names());
    probes.sort();
    probes.dedup();
    for name in &probes {
        tool(&mut g, format!("probe-{}", slug(name)), format!("['{name}']"));
    }
    let probed = |n: &str| probes.iter().any(|p| p == n);
    for t in copilot_tools::TOOL_SETS.iter().filter(|t| !probed(t.name)) {
        tool(&mut g, format!("set-{}", slug(t.name)), format!("['{}']", t.name));
    }
    for t in copilot_tools::TOOLS.iter().filter(|t| !probed(t.name)) {
        tool(&mut g, format!("tool-{}", slug(t.name)), format!("['{}']", t.name));
    }
    for r in copilot_tools::RENAMED.iter().filter(|r| !probed(r.old)) {
        tool(&mut g, format!("renamed-{}", slug(r.old)), format!("['{}']", r.old));
    }
    for (s, v) in [
        ("unknown", "['frobnicate']"),
        ("misspelt", "['serch']"),
        ("wrong-case-set", "['Search']"),
        ("wrong-case-tool", "['search/Codebase']"),
        ("unknown-in-set", "['search/frobnicate']"),
        ("mcp-github", "['github/*']"),
        ("mcp-playwright", "['playwright/*']"),
        ("mcp-server-star", "['myserver/*']"),
        ("mcp-server-tool", "['myserver/mytool']"),
        ("mcp-three-parts", "['a/b/c']"),
        ("extension-tool", "['publisher.ext/tool']"),
        ("star", "['*']"),
        ("claude-names", "['Read', 'Bash']"),
        ("duplicate", "['search', 'search']"),
        ("comma-string", "search, edit"),
        ("comma-string-unknown", "search, frobnicate"),
        ("comma-string-quoted", "'search', \"edit\", serch"),
        ("empty-item", "['search', '']"),
        ("map-item", "[{a: b}]"),
        ("number-item", "[1]"),
        ("hash-prefix", "['#search']"),
    ] {
        tool(&mut g, s.to_string(), v.to_string());
    }
    g.with(
        "prompt",
        "tools-prompt-default-agent",
        &[("tools", Val::Line("['search', 'frobnicate']"))],
        &[],
    );
    for agent in ["ask", "edit", "agent"] {
        g.with(
            "prompt",
            &format!("tools-with-agent-{agent}"),
            &[("agent", line(agent.to_string())), ("tools", Val::Line("['search']"))],
            &[],
        );
    }
    g.with(
        "prompt",
        "tools-with-mode-ask",
        &[("mode", Val::Line("ask")), ("tools", Val::Line("['search']"))],
        &[],
    );
    g.with(
        "agent",
        "tools-target-github",
        &[
            ("target", Val::Line("github-copilot")),
            ("tools", Val::Line("['frobnicate', 'serch']")),
        ],
        &[],
    );

    // 4. Models: signed out, VS Code knows none but its agent host's `Auto`; a few catalog
    // names, the Claude Code names people copy, and the shapes.
    for (name, id, _) in copilot_models::MODELS.iter().take(3) {
        g.with(
            "agent",
            &format!("model-name-{}", slug(name)),
            &[("model", line(name.to_string()))],
            &[],
        );
        g.with(
            "agent",
            &format!("model-id-{}", slug(id)),
            &[("model", line(id.to_string()))],
            &[],
        );
    }
    for (s, v) in [
        ("unknown", "GPT-99"),
        ("claude-alias", "sonnet"),
        ("claude-opus", "opus"),
        ("claude-id", "claude-sonnet-4-5"),
        ("inherit", "inherit"),
        ("list", "['GPT-5 (copilot)', 'Claude Sonnet 4.5 (copilot)']"),
        ("list-claude", "['sonnet', 'GPT-5 (copilot)']"),
        ("auto-qualified", "Auto (copilot)"),
        ("auto-copilotcli", "Auto (copilotcli)"),
        ("empty-list", "[]"),
        ("list-empty-item", "['', 'GPT-5']"),
        ("list-map-item", "[{a: b}]"),
    ] {
        g.with("agent", &format!("model-{s}"), &[("model", Val::Line(v))], &[]);
    }
    g.with("prompt", "model-claude-alias", &[("model", Val::Line("sonnet"))], &[]);
    g.with(
        "agent",
        "model-target-github-claude",
        &[("target", Val::Line("github-copilot")), ("model", Val::Line("sonnet"))],
        &[],
    );

    // 5. Values of the enumerated and structured keys.
    let agent_values: &[(&str, &[(&str, Val)])] = &[
        ("target-github", &[("target", Val::Line("github-copilot"))]),
        ("target-unknown", &[("target", Val::Line("desktop"))]),
        ("target-padded", &[("target", Val::Line("' vscode '"))]),
        (
            "target-github-unknown-key",
            &[("target", Val::Line("github-copilot")), ("colour", Val::Line("blue"))],
        ),
        (
            "target-github-handoffs",
            &[
                ("target", Val::Line("github-copilot")),
                (
                    "handoffs",
                    Val::Lines(&[
                        "  - label: Implement",
                        "    agent: agent",
                        "    prompt: Implement the plan.",
                    ]),
                ),
            ],
        ),
        (
            "target-github-mcp",
            &[
                ("target", Val::Line("github-copilot")),
                (
                    "mcp-servers",
                    Val::Lines(&["  docs:", "    type: local", "    command: docs-server"]),
                ),
            ],
        ),
        (
            "target-github-user-invocable",
            &[
                ("target", Val::Line("github-copilot")),
                ("user-invocable", Val::Line("True")),
            ],
        ),
        ("infer-false", &[("infer", Val::Line("false"))]),
        ("infer-hidden", &[("infer", Val::Line("hidden"))]),
        (
            "handoff-missing-prompt",
            &[("handoffs", Val::Lines(&["  - label: Go", "    agent: agent"]))],
        ),
        (
            "handoff-unknown-agent",
            &[(
                "handoffs",
                Val::Lines(&["  - label: Go", "    agent: nobody", "    prompt: Go."]),
            )],
        ),
        (
            "handoff-send-string",
            &[(
                "handoffs",
                Val::Lines(&[
                    "  - label: Go",
                    "    agent: agent",
                    "    prompt: Go.",
                    "    send: 'yes'",
                ]),
            )],
        ),
        (
            "handoff-duplicate-label",
            &[(
                "handoffs",
                Val::Lines(&[
                    "  - label: Go",
                    "    agent: agent",
                    "    prompt: A.",
                    "  - label: go",
                    "    agent: ask",
                    "    prompt: B.",
                ]),
            )],
        ),
        (
            "handoff-unknown-property",
            &[(
                "handoffs",
                Val::Lines(&[
                    "  - label: Go",
                    "    agnt: agent",
                    "    agent: agent",
                    "    prompt: Go.",
                ]),
            )],
        ),
        ("handoff-string-item", &[("handoffs", Val::Lines(&["  - Implement"]))]),
        (
            "handoff-model",
            &[(
                "handoffs",
                Val::Lines(&[
                    "  - label: Go",
                    "    agent: agent",
                    "    prompt: Go.",
                    "    model: GPT-4.1",
                ]),
            )],
        ),
        (
            "handoff-label-symbols",
            &[(
                "handoffs",
                Val::Lines(&["  - label: '--'", "    agent: agent", "    prompt: Go."]),
            )],
        ),
        (
            "handoff-prompt-list",
            &[(
                "handoffs",
                Val::Lines(&["  - label: Go", "    agent: agent", "    prompt: [a]"]),
            )],
        ),
        (
            "agents-without-agent-tool",
            &[("tools", Val::Line("['search']")), ("agents", Val::Line("['*']"))],
        ),
        (
            "agents-with-agent-tool-string",
            &[("tools", Val::Line("search, agent")), ("agents", Val::Line("['*']"))],
        ),
        (
            "agents-unknown",
            &[("tools", Val::Line("['agent']")), ("agents", Val::Line("['nobody']"))],
        ),
        ("agents-empty", &[("agents", Val::Line("[]"))]),
        ("agents-string", &[("agents", Val::Line("'*'"))]),
        ("agents-map-item", &[("agents", Val::Line("[{a: b}]"))]),
        (
            "hooks-unknown-event",
            &[(
                "hooks",
                Val::Lines(&["  AfterEverything:", "    - type: command", "      command: echo"]),
            )],
        ),
        (
            "hooks-missing-type",
            &[("hooks", Val::Lines(&["  PostToolUse:", "    - command: echo"]))],
        ),
        ("hooks-string", &[("hooks", Val::Line("echo"))]),
        ("hooks-event-string", &[("hooks", Val::Lines(&["  PostToolUse: echo"]))]),
        (
            "hooks-wrong-type",
            &[(
                "hooks",
                Val::Lines(&["  PostToolUse:", "    - type: shell", "      command: echo"]),
            )],
        ),
        (
            "hooks-nothing-to-run",
            &[("hooks", Val::Lines(&["  PostToolUse:", "    - type: command"]))],
        ),
        (
            "hooks-unknown-property",
            &[(
                "hooks",
                Val::Lines(&[
                    "  PostToolUse:",
                    "    - type: command",
                    "      command: echo",
                    "      retries: 2",
                ]),
            )],
        ),
        (
            "hooks-timeout-text",
            &[(
                "hooks",
                Val::Lines(&[
                    "  PostToolUse:",
                    "    - type: command",
                    "      command: echo",
                    "      timeout: soon",
                ]),
            )],
        ),
        (
            "hooks-matcher",
            &[(
                "hooks",
                Val::Lines(&[
                    "  PreToolUse:",
                    "    - matcher: Bash",
                    "      hooks:",
                    "        - type: command",
                    "          command: ./check.sh",
                ]),
            )],
        ),
        (
            "hooks-target-github",
            &[
                ("target", Val::Line("github-copilot")),
                (
                    "hooks",
                    Val::Lines(&["  postToolUse:", "    - type: command", "      bash: echo done"]),
                ),
            ],
        ),
        (
            "github-bad-scope",
            &[("github", Val::Lines(&["  permissions:", "    wiki: read"]))],
        ),
        (
            "github-bad-value",
            &[("github", Val::Lines(&["  permissions:", "    contents: admin"]))],
        ),
        (
            "github-unknown-property",
            &[("github", Val::Lines(&["  access:", "    contents: read"]))],
        ),
        ("github-string", &[("github", Val::Line("read"))]),
        (
            "github-permissions-string",
            &[("github", Val::Lines(&["  permissions: read"]))],
        ),
        (
            "metadata-nested",
            &[("metadata", Val::Lines(&["  team:", "    name: docs"]))],
        ),
        ("mcp-servers-list", &[("mcp-servers", Val::Line("['github']"))]),
        ("name-with-spaces", &[("name", Val::Line("My Helper"))]),
        ("name-number", &[("name", Val::Line("42"))]),
        ("description-blank", &[("description", Val::Line("'   '"))]),
        ("argument-hint-blank", &[("argument-hint", Val::Line("' '"))]),
    ];
    for (s, pairs) in agent_values {
        g.with("agent", &format!("value-{s}"), pairs, &[]);
    }
    // A chat mode is read as an agent: a few of the same values there too.
    for s in [
        "target-unknown",
        "handoff-missing-prompt",
        "handoff-unknown-property",
        "github-bad-value",
    ] {
        let (_, pairs) = agent_values.iter().find(|(n, _)| *n == s).expect("an agent value case");
        g.with("chatmode", &format!("value-{s}"), pairs, &[]);
    }
    g.with("chatmode", "model-claude-alias", &[("model", Val::Line("sonnet"))], &[]);
    let prompt_values: &[(&str, &[(&str, Val)])] = &[
        ("agent-ask", &[("agent", Val::Line("ask"))]),
        ("agent-edit", &[("agent", Val::Line("edit"))]),
        ("agent-agent", &[("agent", Val::Line("agent"))]),
        ("agent-plan", &[("agent", Val::Line("plan"))]),
        ("agent-unknown", &[("agent", Val::Line("nobody"))]),
        ("agent-wrong-case", &[("agent", Val::Line("Ask"))]),
        (
            "mode-and-agent",
            &[("mode", Val::Line("ask")), ("agent", Val::Line("ask"))],
        ),
        ("mode-edit", &[("mode", Val::Line("edit"))]),
    ];
    for (s, pairs) in prompt_values {
        g.with("prompt", &format!("value-{s}"), pairs, &[]);
    }
    let instruction_values: &[(&str, &[(&str, Val)])] = &[
        ("applyto-invalid-glob", &[("applyTo", Val::Line("'src/[api/**'"))]),
        ("applyto-list", &[("applyTo", Val::Line("['**/*.ts', '**/*.tsx']"))]),
        ("applyto-comma", &[("applyTo", Val::Line("'**/*.ts,**/*.tsx'"))]),
        ("applyto-leading-comma", &[("applyTo", Val::Line("',**/*.ts'"))]),
        ("applyto-double-comma", &[("applyTo", Val::Line("'**/*.ts,,**/*.tsx'"))]),
        ("applyto-trailing-comma", &[("applyTo", Val::Line("'**/*.ts,'"))]),
        ("applyto-braces", &[("applyTo", Val::Line("'**/*.{ts,tsx}'"))]),
        ("applyto-unquoted-star", &[("applyTo", Val::Line("**/*.ts"))]),
        ("applyto-empty-string", &[("applyTo", Val::Line("''"))]),
        ("exclude-agent-unknown", &[("excludeAgent", Val::Line("reviewer"))]),
        (
            "exclude-agent-list",
            &[("excludeAgent", Val::Line("[code-review, coding-agent]"))],
        ),
    ];
    for (s, pairs) in instruction_values {
        g.with("instructions", &format!("value-{s}"), pairs, &[]);
    }
    for (s, text) in [
        ("name-mismatch", "---\nname: other-name\ndescription: Helps\n---\n"),
        ("no-description", "---\nname: {stem}\n---\n"),
        ("name-uppercase", "---\nname: My Skill\ndescription: Helps\n---\n"),
        ("name-capital", "---\nname: M-Name-Capital\ndescription: Helps\n---\n"),
        (
            "name-underscore",
            "---\nname: m_name_underscore\ndescription: Helps\n---\n",
        ),
    ] {
        g.emit("skill", &format!("value-{s}"), format!("{text}{BODY}"));
    }

    // 6. Broken and unusual YAML, in every Copilot kind.
    for (kind, _) in KINDS.iter().filter(|(k, _)| *k != "skill") {
        for (s, text) in YAML {
            // The body follows; in the unclosed cases it follows the last key.
            g.emit(kind, &format!("yaml-{s}"), format!("{text}{BODY}"));
        }
        g.emit(
            kind,
            "yaml-crlf",
            "---\r\ndescription: Helps\r\ncolour: blue\r\n---\r\nDo the task described above.\r\n".into(),
        );
    }
    let mut out = g.out;
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_and_paths_are_unique() {
        let cases = super::all();
        let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        let mut paths: Vec<&str> = cases.iter().map(|c| c.path.as_str()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), n, "two cases share a path");
    }

    #[test]
    fn a_case_is_one_change_away_from_the_base() {
        let cases = super::all();
        let find = |id: &str| cases.iter().find(|c| c.id == id).map(|c| c.text()).unwrap();
        assert_eq!(
            find("mutation/vscode/agent/misspelt-target"),
            "---\ndescription: Helps with the task\ntargt: vscode\n---\nDo the task described above.\n"
        );
        assert_eq!(
            find("mutation/vscode/skill/valid-base"),
            "---\nname: m-valid-base\ndescription: Helps with the task\n---\nDo the task described above.\n"
        );
    }
}
