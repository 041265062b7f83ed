//! One end-to-end test per format over stdio: the real binary opens a file of that format with
//! a mistake, publishes the format's diagnostic at the exact range, and answers completion or
//! hover from the format's own vocabulary (Copilot's tools and models in `.agent.md`, not
//! Claude Code's). Files live in a temporary project on disk, so `@path` and Markdown links
//! resolve, and go-to-definition and document links follow them.

use agentls_e2e::Project;
use agentls_e2e::lsp_client::{LspClient, range_of};
use serde_json::{Value, json};

fn capabilities() -> Value {
    json!({
        "textDocument": {
            "completion": { "completionItem": { "snippetSupport": false, "documentationFormat": ["markdown"] } },
            "hover": { "contentFormat": ["markdown"] }
        },
        "workspace": { "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create", "rename", "delete"] } }
    })
}

/// A session with `path` of `project` open (its text written on disk too); returns the client,
/// the document's URI and its published diagnostics.
fn open(project: &Project, path: &str, caps: Value) -> (LspClient, String, Vec<Value>) {
    let text = std::fs::read_to_string(project.0.join(path)).unwrap();
    let uri = project.uri(path);
    let (mut c, _) = LspClient::start(caps);
    c.open(&uri, "markdown", 1, &text);
    let diags = c.wait_for_diagnostics(&uri, Some(1));
    (c, uri, diags)
}

/// The line and UTF-16 column of the first `needle` in `text` (ASCII fixtures), plus its end.
fn span(text: &str, needle: &str) -> (u64, u64, u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` in {text}"));
    let line = text[..at].matches('\n').count() as u64;
    let col = (at - text[..at].rfind('\n').map_or(0, |i| i + 1)) as u64;
    (line, col, line, col + needle.len() as u64)
}

/// The range of the diagnostic with `code`, which must be there.
fn diagnostic(diags: &[Value], code: &str) -> (u64, u64, u64, u64) {
    let d = diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` in {diags:#?}"));
    assert_eq!(d["source"], "agentls", "{d}");
    range_of(&d["range"])
}

fn at(uri: &str, (line, character): (u64, u64)) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

/// The position `k` bytes into the first `needle` of `text`.
fn inside(text: &str, needle: &str, k: u64) -> (u64, u64) {
    let (l, c, _, _) = span(text, needle);
    (l, c + k)
}

fn labels(c: &mut LspClient, uri: &str, pos: (u64, u64)) -> Vec<String> {
    let res = c.request("textDocument/completion", at(uri, pos));
    res["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a completion list: {res}"))
        .iter()
        .map(|i| i["label"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn hover(c: &mut LspClient, uri: &str, pos: (u64, u64)) -> (String, (u64, u64, u64, u64)) {
    let res = c.request("textDocument/hover", at(uri, pos));
    let value = res["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("a hover: {res}"))
        .to_string();
    (value, range_of(&res["range"]))
}

fn done(c: LspClient) {
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "agentls exited with {status}");
}

#[test]
fn claude_agent() {
    let text = "---\nname: rev\ndescription: Reviews code.\ntools: Read, \nmodel: sonet\n---\nReview.\n";
    let p = Project::new("formats-agent", &[(".claude/agents/rev.md", text)]);
    let (mut c, uri, diags) = open(&p, ".claude/agents/rev.md", capabilities());
    assert_eq!(diagnostic(&diags, "claude-agent/unknown-model"), span(text, "sonet"));
    let tools = labels(&mut c, &uri, inside(text, "Read, ", 6));
    assert!(tools.contains(&"Grep".to_string()), "{tools:?}");
    assert!(
        !tools.iter().any(|t| t == "search/codebase"),
        "a Copilot tool in Claude Code: {tools:?}"
    );
    done(c);
}

#[test]
fn claude_command() {
    let text = "---\nargument-hint: \"[pr] [priority]\"\nallowed-tools: Read, Raed\n---\nReview $1 of $0.\n\n!`git diff`\n\nFollow @docs/style.md\n";
    let p = Project::new(
        "command",
        &[(".claude/commands/git/review.md", text), ("docs/style.md", "# Style\n")],
    );
    let (mut c, uri, diags) = open(&p, ".claude/commands/git/review.md", capabilities());
    assert_eq!(diagnostic(&diags, "claude-command/unknown-tool"), span(text, "Raed"));
    // Claude Code counts arguments from `$0`: `$1` is the second, `[priority]`.
    let (md, range) = hover(&mut c, &uri, inside(text, "$1", 1));
    assert_eq!(range, span(text, "$1"));
    assert!(
        md.contains("/git:review") && md.contains("`[priority]`") && md.contains("second"),
        "{md}"
    );
    let (md, _) = hover(&mut c, &uri, inside(text, "!`git", 3));
    assert!(md.contains("git diff") && md.contains("never runs it"), "{md}");
    // `@path` resolves from the project root: definition and document links follow it.
    let style = p.uri("docs/style.md");
    let def = c.request("textDocument/definition", at(&uri, inside(text, "@docs", 3)));
    assert_eq!(def[0]["uri"], style, "{def}");
    let links = c.request("textDocument/documentLink", json!({ "textDocument": { "uri": uri } }));
    let link = links
        .as_array()
        .and_then(|l| l.iter().find(|l| l["target"] == style))
        .unwrap_or_else(|| panic!("a link to {style} in {links}"));
    assert_eq!(range_of(&link["range"]), span(text, "docs/style.md"));
    done(c);
}

#[test]
fn skill() {
    let text = "---\nname: pdf-tool\ndescription: Extracts tables from PDF files.\n---\nUse it.\n";
    let p = Project::new("formats-skill", &[(".claude/skills/pdf-tools/SKILL.md", text)]);
    let (mut c, uri, diags) = open(&p, ".claude/skills/pdf-tools/SKILL.md", capabilities());
    // `name: pdf-tool` on line 1: the value, not the `pdf-tools` of the path.
    assert_eq!(diagnostic(&diags, "skill/name-mismatch"), (1, 6, 1, 14));
    let names = labels(&mut c, &uri, inside(text, "name: ", 6));
    assert_eq!(names, vec!["pdf-tools"]);
    done(c);
}

#[test]
fn claude_memory() {
    let text = "# Project\n\nSee @docs/style.md and @docs/gone.md\n";
    let p = Project::new("formats-memory", &[("CLAUDE.md", text), ("docs/style.md", "# Style\n")]);
    let (mut c, uri, diags) = open(&p, "CLAUDE.md", capabilities());
    assert_eq!(diagnostic(&diags, "link/missing-file"), span(text, "docs/gone.md"));
    let def = c.request("textDocument/definition", at(&uri, inside(text, "@docs/style", 2)));
    assert_eq!(def[0]["uri"], p.uri("docs/style.md"), "{def}");
    let (md, _) = hover(&mut c, &uri, inside(text, "@docs/style", 2));
    assert!(md.contains("imports") && md.contains("docs/style.md"), "{md}");
    done(c);
}

#[test]
fn claude_rule() {
    let text = "---\npaths: \"src/[api/**\"\n---\nUse the API conventions.\n";
    let p = Project::new("formats-rule", &[(".claude/rules/api.md", text)]);
    let (mut c, uri, diags) = open(&p, ".claude/rules/api.md", capabilities());
    assert_eq!(
        diagnostic(&diags, "claude-rule/invalid-glob"),
        span(text, "src/[api/**")
    );
    let (md, _) = hover(&mut c, &uri, (1, 1));
    assert!(md.starts_with("**`paths`**"), "{md}");
    done(c);
}

#[test]
fn claude_output_style() {
    let text = "---\nname: Terse\nkeep-coding-instructions: yes\n---\nBe terse.\n";
    let p = Project::new("formats-style", &[(".claude/output-styles/terse.md", text)]);
    let (mut c, uri, diags) = open(&p, ".claude/output-styles/terse.md", capabilities());
    assert_eq!(diagnostic(&diags, "claude-output-style/wrong-type"), span(text, "yes"));
    let values = labels(&mut c, &uri, inside(text, "instructions: ", 14));
    assert_eq!(values, vec!["true", "false"]);
    done(c);
}

#[test]
fn copilot_agent() {
    let text = "---\ndescription: Plans\ntools: ['search/codebase', '']\nmodel: sonnet\n---\nPlan.\n";
    let p = Project::new("formats-copilot-agent", &[(".github/agents/planner.agent.md", text)]);
    let (mut c, uri, diags) = open(&p, ".github/agents/planner.agent.md", capabilities());
    assert_eq!(diagnostic(&diags, "copilot-agent/unknown-model"), span(text, "sonnet"));
    let tools = labels(&mut c, &uri, inside(text, "'']", 1));
    assert!(tools.iter().any(|t| t == "edit/editFiles"), "{tools:?}");
    assert!(
        !tools.iter().any(|t| t == "search/codebase"),
        "already listed: {tools:?}"
    );
    assert!(
        !tools.iter().any(|t| t == "Read" || t == "sonnet"),
        "Claude Code names: {tools:?}"
    );
    let models = labels(&mut c, &uri, inside(text, "model: ", 7));
    assert!(models.iter().any(|m| m == "Claude Sonnet 4.5"), "{models:?}");
    assert!(
        !models.iter().any(|m| m == "sonnet"),
        "a Claude Code alias offered: {models:?}"
    );
    let (md, range) = hover(&mut c, &uri, inside(text, "search/codebase", 3));
    // The name, inside its quotes.
    assert_eq!(range, span(text, "search/codebase"));
    assert!(md.contains("built-in VS Code tool"), "{md}");
    done(c);
}

#[test]
fn copilot_chatmode() {
    let text = "---\ndescription: Old planner\ntools: ['search']\n---\nPlan.\n";
    let files = [(".github/chatmodes/planner.chatmode.md", text)];
    let p = Project::new("formats-chatmode", &files);
    let (mut c, uri, diags) = open(&p, files[0].0, capabilities());
    assert_eq!(diagnostic(&diags, "copilot-chatmode/legacy-chatmode"), (0, 0, 0, 3));
    let params = json!({
        "textDocument": { "uri": uri },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
        "context": { "diagnostics": [] }
    });
    let actions = c.request("textDocument/codeAction", params.clone());
    let rename = actions
        .as_array()
        .and_then(|a| a.iter().find(|a| a["title"] == "Rename the file to `planner.agent.md`"))
        .unwrap_or_else(|| panic!("a rename action in {actions}"));
    assert_eq!(rename["kind"], "quickfix", "{rename}");
    let op = &rename["edit"]["documentChanges"][0];
    assert_eq!(op["kind"], "rename", "{rename}");
    assert_eq!(op["oldUri"], uri);
    assert_eq!(op["newUri"], p.uri(".github/agents/planner.agent.md"));
    done(c);

    // A client that cannot rename files gets no such action.
    let caps =
        json!({ "workspace": { "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create"] } } });
    let (mut c, uri, _) = open(&p, files[0].0, caps);
    let actions = c.request("textDocument/codeAction", params.clone());
    assert!(
        !actions.to_string().contains("Rename the file"),
        "a rename offered without resource operations: {actions}"
    );
    let _ = uri;
    done(c);
}

#[test]
fn copilot_prompt() {
    let text = "---\nmode: ask\n---\nExplain ${input:topic:a module} with #tool:search/codebase, see [guide](../../docs/guide.md#setup).\n\
                Attach #file:../../docs/guide.md and #file:gone.md now.\n";
    let p = Project::new(
        "prompt",
        &[
            (".github/prompts/explain.prompt.md", text),
            ("docs/guide.md", "# Guide\n\n## Setup\n"),
        ],
    );
    let (mut c, uri, diags) = open(&p, ".github/prompts/explain.prompt.md", capabilities());
    assert_eq!(diagnostic(&diags, "copilot-prompt/deprecated-key"), span(text, "mode"));
    let agents = labels(&mut c, &uri, inside(text, "mode: ", 6));
    assert_eq!(agents, vec!["agent", "ask", "edit"]);
    let (md, range) = hover(&mut c, &uri, inside(text, "${input", 3));
    assert_eq!(range, span(text, "${input:topic:a module}"));
    assert!(md.contains("input variable `topic`") && md.contains("a module"), "{md}");
    let (md, _) = hover(&mut c, &uri, inside(text, "#tool:", 8));
    assert!(md.contains("search/codebase"), "{md}");
    // The Markdown link goes to the heading.
    let def = c.request("textDocument/definition", at(&uri, inside(text, "guide.md", 2)));
    assert_eq!(def[0]["uri"], p.uri("docs/guide.md"), "{def}");
    assert_eq!(def[0]["range"]["start"]["line"], 2, "{def}");
    // `#file:` is a link too, relative to the prompt file's folder: definition, document links,
    // hover, and a missing target is reported.
    let guide = p.uri("docs/guide.md");
    let def = c.request(
        "textDocument/definition",
        at(&uri, inside(text, "#file:../../docs", 12)),
    );
    assert_eq!(def[0]["uri"], guide, "{def}");
    let links = c.request("textDocument/documentLink", json!({ "textDocument": { "uri": uri } }));
    let file_ref = span(text, "#file:../../docs/guide.md");
    assert!(
        links
            .as_array()
            .is_some_and(|l| l.iter().any(|l| l["target"] == guide
                && range_of(&l["range"]) == (file_ref.0, file_ref.1 + 6, file_ref.2, file_ref.3))),
        "{links}"
    );
    let (md, range) = hover(&mut c, &uri, inside(text, "#file:gone", 8));
    assert_eq!(range, span(text, "#file:gone.md"));
    assert!(md.contains("gone.md"), "{md}");
    assert_eq!(diagnostic(&diags, "link/missing-file"), span(text, "gone.md"));
    done(c);
}

#[test]
fn copilot_instructions() {
    // VS Code accepts any pattern in `applyTo` but an empty one.
    let text = "---\napplyTo: ',src/api/**'\n---\nUse strict types.\n";
    let p = Project::new(
        "formats-instructions",
        &[(".github/instructions/ts.instructions.md", text)],
    );
    let (mut c, uri, diags) = open(&p, ".github/instructions/ts.instructions.md", capabilities());
    assert_eq!(
        diagnostic(&diags, "copilot-instructions/invalid-glob"),
        span(text, "',src/api/**'")
    );
    let (md, _) = hover(&mut c, &uri, (1, 2));
    assert!(md.starts_with("**`applyTo`**"), "{md}");
    let keys = labels(&mut c, &uri, (1, 0));
    assert!(keys.iter().any(|k| k == "excludeAgent"), "{keys:?}");
    done(c);
}

#[test]
fn opencode_agent() {
    let text = "---\ndescription: Reviews code\nmodel: sonnet\ntools:\n  bash: false\n  \n---\nReview.\n";
    let p = Project::new("formats-opencode", &[(".opencode/agent/review.md", text)]);
    let (mut c, uri, diags) = open(&p, ".opencode/agent/review.md", capabilities());
    assert_eq!(diagnostic(&diags, "opencode-agent/unknown-model"), span(text, "sonnet"));
    let keys = labels(&mut c, &uri, (5, 2));
    assert!(keys.iter().any(|k| k == "write"), "{keys:?}");
    assert!(!keys.iter().any(|k| k == "bash" || k == "Write"), "{keys:?}");
    let models = labels(&mut c, &uri, inside(text, "model: ", 7));
    assert!(models.iter().all(|m| m.contains('/')), "{models:?}");
    let (md, _) = hover(&mut c, &uri, inside(text, "sonnet", 2));
    assert!(md.contains("names no provider"), "{md}");
    done(c);
}

#[test]
fn opencode_command() {
    let text = "---\ndescription: Reviews a file\nagent: reviewr\nsubtask: yes\n\n---\nReview $1, then $2.\n";
    let agent = "---\ndescription: Reviews code\nmode: subagent\n---\nReview.\n";
    let p = Project::new(
        "formats-opencode-command",
        &[
            (".opencode/commands/team/review.md", text),
            (".opencode/agents/reviewer.md", agent),
            (".opencode/README.md", "# Notes\n"),
        ],
    );
    let (mut c, uri, diags) = open(&p, ".opencode/commands/team/review.md", capabilities());
    assert_eq!(diagnostic(&diags, "opencode-command/wrong-type"), span(text, "yes"));
    // The command's agent is looked up among the workspace's and OpenCode's own agents.
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "opencode-command/unknown-agent")
        .unwrap_or_else(|| panic!("no unknown-agent in {diags:?}"));
    assert!(unknown["message"].as_str().unwrap().contains("`build`"), "{unknown}");
    assert_eq!(unknown["severity"], 1, "every run fails: an error");
    // Keys of OpenCode's commands, not Claude Code's.
    let keys = labels(&mut c, &uri, (4, 0));
    assert!(keys.iter().any(|k| k == "model"), "{keys:?}");
    assert!(
        !keys.iter().any(|k| k == "argument-hint" || k == "allowed-tools"),
        "{keys:?}"
    );
    // OpenCode counts from `$1`, and its highest placeholder takes the rest.
    let (md, range) = hover(&mut c, &uri, inside(text, "$2", 1));
    assert_eq!(range, span(text, "$2"));
    assert!(
        md.contains("/team/review") && md.contains("second") && md.contains("every argument after"),
        "{md}"
    );
    done(c);
    // A README in `.opencode/` is ordinary Markdown.
    let (c, _, diags) = open(&p, ".opencode/README.md", capabilities());
    assert!(diags.is_empty(), "{diags:?}");
    done(c);
}

#[test]
fn kilo_agent() {
    let text = "---\ndescription: Reviews code\nmode: subagnt\n---\nReview.\n";
    let p = Project::new("formats-kilo", &[(".kilo/agents/review.md", text)]);
    let (c, _, diags) = open(&p, ".kilo/agents/review.md", capabilities());
    let d = diags
        .iter()
        .find(|d| d["code"] == "kilo-agent/invalid-value")
        .unwrap_or_else(|| panic!("no invalid-value in {diags:?}"));
    assert!(d["message"].as_str().unwrap().contains("Kilo Code"), "{d}");
    done(c);
}

#[test]
fn cursor_rule() {
    let text = "---\ndescription: React style\nalwaysApply: \"true\"\n---\nUse function components.\n";
    let p = Project::new("formats-cursor", &[(".cursor/rules/react.mdc", text)]);
    let (mut c, uri, diags) = open(&p, ".cursor/rules/react.mdc", capabilities());
    assert_eq!(diagnostic(&diags, "cursor-rule/wrong-type"), span(text, "\"true\""));
    let values = labels(&mut c, &uri, inside(text, "alwaysApply: ", 13));
    assert_eq!(values, vec!["true", "false"]);
    done(c);
}

#[test]
fn cline_rule() {
    // `.clinerules` as a single file (no extension): the client attaches by path.
    let text = "---\npaths:\n  - \"docs/**\"\ndisabled: \"no\"\n---\nWrite short sentences.\n";
    let p = Project::new("formats-cline", &[(".clinerules", text)]);
    let (mut c, uri, diags) = open(&p, ".clinerules", capabilities());
    assert_eq!(diagnostic(&diags, "cline-rule/ignored-key"), span(text, "paths"));
    let d = diags
        .iter()
        .find(|d| d["code"] == "cline-rule/wrong-type")
        .expect("wrong-type");
    assert_eq!(d["severity"], 1, "Cline drops the rule: an error ({d})");
    assert_eq!(range_of(&d["range"]), span(text, "\"no\""));
    let values = labels(&mut c, &uri, inside(text, "disabled: ", 10));
    assert_eq!(values, vec!["true", "false"]);
    let (md, _) = hover(&mut c, &uri, inside(text, "paths", 2));
    assert!(md.contains("does not read it"), "{md}");
    done(c);
}

#[test]
fn cline_workflow() {
    let text = "---\ndescription: Deploys.\n---\nDeploy $ARGUMENTS.\n";
    let p = Project::new("formats-cline-workflow", &[(".clinerules/workflows/deploy.md", text)]);
    let (c, _, diags) = open(&p, ".clinerules/workflows/deploy.md", capabilities());
    assert_eq!(
        diagnostic(&diags, "cline-workflow/literal-placeholder"),
        span(text, "$ARGUMENTS")
    );
    assert_eq!(
        diagnostic(&diags, "cline-workflow/ignored-key"),
        span(text, "description")
    );
    done(c);
}

/// `@path` imports and links to a device or a FIFO: definition, hover and document links
/// answer without reading them (a read of `/dev/zero` never ends; opening a FIFO blocks).
#[cfg(unix)]
#[test]
fn references_to_devices_are_never_read() {
    let text = "# Project\n\nSee @docs/zero.md, [z](docs/zero.md#part) and [f](docs/fifo.md#part).\n";
    let p = Project::new("formats-devices", &[("CLAUDE.md", text)]);
    std::fs::create_dir_all(p.0.join("docs")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", p.0.join("docs/zero.md")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(p.0.join("docs/fifo.md"))
        .status();
    let (mut c, uri, diags) = open(&p, "CLAUDE.md", capabilities());
    assert!(!diags.iter().any(|d| d["code"] == "link/missing-file"), "{diags:#?}");
    for needle in ["@docs/zero", "docs/zero.md#", "docs/fifo.md#"] {
        let def = c.request("textDocument/definition", at(&uri, inside(text, needle, 2)));
        if needle.contains("fifo") && !fifo.as_ref().is_ok_and(|s| s.success()) {
            continue; // no `mkfifo` here
        }
        assert_eq!(def[0]["range"]["start"]["line"], 0, "{needle}: {def}");
    }
    let (md, _) = hover(&mut c, &uri, inside(text, "@docs/zero", 2));
    assert!(md.contains("docs/zero.md"), "{md}");
    c.request("textDocument/documentLink", json!({ "textDocument": { "uri": uri } }));
    done(c);
}

#[test]
fn gemini_agent() {
    // A Claude Code agent copied into `.gemini/agents/`: read as Gemini's, and told why it
    // does not load; completion offers Gemini CLI's tool names, not Claude Code's.
    let text = "---\nname: review\ndescription: Reviews code\ntools: Read, Grep\ncolor: blue\n---\nReview.\n";
    let p = Project::new(
        "formats-gemini",
        &[
            (".gemini/agents/review.md", text),
            (".gemini/agents/old/review.md", text),
        ],
    );
    let (mut c, uri, diags) = open(&p, ".gemini/agents/review.md", capabilities());
    assert_eq!(diagnostic(&diags, "gemini-agent/wrong-type"), span(text, "Read, Grep"));
    assert_eq!(diagnostic(&diags, "gemini-agent/unknown-key"), span(text, "color"));
    let d = diags.iter().find(|d| d["code"] == "gemini-agent/unknown-key").unwrap();
    assert_eq!(d["severity"], 1, "a dropped agent is an error: {d}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("Gemini CLI does not load this agent"),
        "{d}"
    );
    let tools = labels(&mut c, &uri, inside(text, "Read, ", 0));
    assert!(tools.iter().any(|t| t == "read_file"), "{tools:?}");
    assert!(
        !tools.iter().any(|t| t == "Grep"),
        "a Claude Code tool in Gemini CLI: {tools:?}"
    );
    done(c);
    let (c, _, diags) = open(&p, ".gemini/agents/old/review.md", capabilities());
    assert_eq!(diagnostic(&diags, "file/not-loaded-here"), (0, 0, 0, 0));
    done(c);
}
