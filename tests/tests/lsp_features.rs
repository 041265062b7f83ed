//! End-to-end tests of the editing help over stdio: completion, hover, code actions and
//! colours, as an editor asks for them, with non-ASCII text before the cursor in UTF-16 and
//! UTF-8 sessions.

use agentls_e2e::lsp_client::{LspClient, range_of};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/agentls-e2e-features/.claude/agents/demo.md";

/// Line 3 has `日本😀` (an unknown tool) before `Gr`, so every column after it depends on the
/// encoding: in UTF-16 `日本😀` is 4 units, in UTF-8 10 bytes.
const AGENT: &str =
    "---\nname: demo\ndescription: 日本語 😀 reviewer\ntools: \"日本😀, Gr\"\ncolor: blue\n---\n\nYou review code.\n";

fn vscode_like() -> Value {
    json!({
        "textDocument": {
            "completion": { "completionItem": { "snippetSupport": true, "documentationFormat": ["markdown", "plaintext"] } },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "publishDiagnostics": { "codeDescriptionSupport": true },
            "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "refactor", "source"] } } }
        }
    })
}

fn pos(line: u32, character: u32) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } })
}

fn items_of(completion: &Value) -> Vec<Value> {
    completion["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a completion list: {completion}"))
        .clone()
}

fn item<'a>(items: &'a [Value], label: &str) -> &'a Value {
    items
        .iter()
        .find(|i| i["label"] == label)
        .unwrap_or_else(|| panic!("no `{label}` in {items:#?}"))
}

fn open(capabilities: Value) -> LspClient {
    let (mut c, _) = LspClient::start(capabilities);
    c.open(URI, "markdown", 1, AGENT);
    c.wait_for_diagnostics(URI, Some(1));
    c
}

fn assert_clean_exit(c: LspClient) {
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "agentls exited with {status}");
}

#[test]
fn capabilities_are_registered() {
    let (c, init) = LspClient::start(vscode_like());
    let caps = &init["capabilities"];
    assert_eq!(
        caps["completionProvider"]["triggerCharacters"],
        json!([":", ",", " ", "-", "("]),
        "{init}"
    );
    assert_eq!(caps["hoverProvider"], true, "{init}");
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.agentls", "refactor.rewrite"]),
        "{init}"
    );
    assert_eq!(caps["colorProvider"], true, "{init}");
    assert_clean_exit(c);
}

/// Completes `Gr` after `日本😀, ` and checks the replace range in the session's encoding.
fn complete_after_non_ascii(capabilities: Value, gr: (u64, u64)) {
    let mut c = open(capabilities);
    let list = c.request("textDocument/completion", pos(3, gr.1 as u32));
    let items = items_of(&list);
    let grep = item(&items, "Grep");
    assert_eq!(grep["textEdit"]["newText"], "Grep", "{grep}");
    assert_eq!(range_of(&grep["textEdit"]["range"]), (3, gr.0, 3, gr.1), "{grep}");
    // Mid-word: the cursor between `G` and `r` still replaces the whole word.
    let list = c.request("textDocument/completion", pos(3, gr.0 as u32 + 1));
    let grep = item(&items_of(&list), "Grep").clone();
    assert_eq!(range_of(&grep["textEdit"]["range"]), (3, gr.0, 3, gr.1), "{grep}");
    assert_clean_exit(c);
}

#[test]
fn completion_ranges_in_utf16() {
    // `tools: "` is 8 units, `日本😀` 4, `, ` 2: `Gr` spans 14..16.
    complete_after_non_ascii(vscode_like(), (14, 16));
}

#[test]
fn completion_ranges_in_utf8() {
    // `日本😀` is 10 bytes: `Gr` spans 20..22.
    let mut caps = vscode_like();
    caps["general"] = json!({ "positionEncodings": ["utf-8"] });
    complete_after_non_ascii(caps, (20, 22));
}

#[test]
fn key_completion_uses_snippets_only_when_the_client_has_them() {
    let text = "---\nname: demo\n\n---\n\nYou review code.\n";
    for (caps, snippet) in [(vscode_like(), true), (json!({}), false)] {
        let (mut c, _) = LspClient::start(caps);
        c.open(URI, "markdown", 1, text);
        c.wait_for_diagnostics(URI, Some(1));
        let items = items_of(&c.request("textDocument/completion", pos(2, 0)));
        let model = item(&items, "model");
        let description = item(&items, "description");
        assert!(
            description["sortText"].as_str() < model["sortText"].as_str(),
            "required keys first"
        );
        assert!(items.iter().all(|i| i["label"] != "name"), "`name` is present already");
        if snippet {
            assert_eq!(model["insertTextFormat"], 2, "{model}");
            assert_eq!(
                model["textEdit"]["newText"],
                "model: ${1|inherit,sonnet,opus,haiku,fable|}"
            );
            assert_eq!(model["documentation"]["kind"], "markdown", "{model}");
        } else {
            assert_eq!(model["insertTextFormat"], 1, "{model}");
            assert_eq!(model["textEdit"]["newText"], "model: ");
            assert_eq!(model["documentation"]["kind"], "plaintext", "{model}");
        }
        assert_clean_exit(c);
    }
}

#[test]
fn mcp_servers_come_from_the_projects_mcp_json() {
    let root = std::env::temp_dir().join(format!("agentls-e2e-mcp-{}", std::process::id()));
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    std::fs::write(
        root.join(".mcp.json"),
        r#"{"mcpServers": {"github": {"command": "gh"}}}"#,
    )
    .unwrap();
    let path = agents.join("demo.md");
    let uri = format!("file://{}", path.display());
    let (mut c, _) = LspClient::start(json!({}));
    c.open(
        &uri,
        "markdown",
        1,
        "---\nname: demo\ndescription: x\ntools: Read, mcp\n---\nBody.\n",
    );
    c.wait_for_diagnostics(&uri, Some(1));
    let list = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 3, "character": 16 } }),
    );
    let items = items_of(&list);
    let all = item(&items, "mcp__github__*");
    assert_eq!(range_of(&all["textEdit"]["range"]), (3, 13, 3, 16), "{all}");
    let hover = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 3, "character": 8 } }),
    );
    assert_eq!(range_of(&hover["range"]), (3, 7, 3, 11), "{hover}");
    assert_clean_exit(c);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn hover_markdown_or_plain_text_with_utf16_ranges() {
    let text = "---\nname: demo\ndescription: x\ntools: \"日本😀, Glob\"\n---\nBody.\n";
    for (caps, kind) in [(vscode_like(), "markdown"), (json!({}), "plaintext")] {
        let (mut c, _) = LspClient::start(caps);
        c.open(URI, "markdown", 1, text);
        c.wait_for_diagnostics(URI, Some(1));
        // `Glob` spans 14..18 in UTF-16.
        let hover = c.request("textDocument/hover", pos(3, 15));
        assert_eq!(range_of(&hover["range"]), (3, 14, 3, 18), "{hover}");
        assert_eq!(hover["contents"]["kind"], kind, "{hover}");
        let value = hover["contents"]["value"].as_str().unwrap();
        assert!(value.contains("read-only"), "{value}");
        assert_eq!(value.contains('`'), kind == "markdown", "{value}");
        // Nothing to say in the body.
        assert_eq!(c.request("textDocument/hover", pos(5, 1)), Value::Null);
        assert_clean_exit(c);
    }
}

#[test]
fn quick_fix_applied_over_the_wire_clears_the_diagnostic() {
    let text = "---\nname: demo\ndescription: 日本語\ntools: \"日本😀, Grpe\"\n---\n\nYou review code.\n";
    let (mut c, _) = LspClient::start(vscode_like());
    c.open(URI, "markdown", 1, text);
    let diags = c.wait_for_diagnostics(URI, Some(1));
    let grpe = diags
        .iter()
        .find(|d| d["code"] == "claude-agent/unknown-tool" && d["message"].as_str().unwrap().contains("Grpe"))
        .unwrap_or_else(|| panic!("{diags:#?}"))
        .clone();
    assert_eq!(range_of(&grpe["range"]), (3, 14, 3, 18), "{grpe}");
    assert_eq!(
        grpe["codeDescription"]["href"],
        "https://github.com/agentls/agentls/blob/main/docs/rules/claude-agent/unknown-tool.md"
    );
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": grpe["range"], "context": { "diagnostics": [grpe] } }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("{actions:#}"))
        .clone();
    assert_eq!(fix["title"], "Change to `Grep`", "{fix}");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0], grpe, "the client's diagnostic is linked");
    let edits = fix["edit"]["changes"][URI].as_array().unwrap().clone();
    assert_eq!(edits.len(), 1);
    assert_eq!(range_of(&edits[0]["range"]), (3, 14, 3, 18), "{fix}");
    c.change(
        URI,
        2,
        json!([{ "range": edits[0]["range"], "text": edits[0]["newText"] }]),
    );
    let diags = c.wait_for_diagnostics(URI, Some(2));
    assert!(
        diags.iter().all(|d| !d["message"].as_str().unwrap().contains("Grpe")),
        "{diags:#?}"
    );
    assert_eq!(diags.len(), 1, "only `日本😀` is left: {diags:#?}");
    assert_clean_exit(c);
}

#[test]
fn fix_all_source_action_and_refactor_kinds() {
    let text = "---\nname: demo\ndescription: x\ntools: Raed, Grep, Grep\nmodel: sonet\n---\nBody.\n";
    let (mut c, _) = LspClient::start(json!({}));
    c.open(URI, "markdown", 1, text);
    c.wait_for_diagnostics(URI, Some(1));
    let whole = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    let only = |kinds: Value| json!({ "textDocument": { "uri": URI }, "range": whole, "context": { "diagnostics": [], "only": kinds } });
    let actions = c.request("textDocument/codeAction", only(json!(["source.fixAll"])));
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.agentls");
    let mut edits = actions[0]["edit"]["changes"][URI].as_array().unwrap().clone();
    // Apply from the end so earlier ranges stay valid, as an editor does.
    edits.sort_by_key(|e| {
        std::cmp::Reverse((
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        ))
    });
    let changes: Vec<Value> = edits
        .iter()
        .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
        .collect();
    c.change(URI, 2, Value::Array(changes));
    assert_eq!(c.wait_for_diagnostics(URI, Some(2)), Vec::<Value>::new());

    // On the tools line, a refactor turns the string into a list.
    let line3 = json!({ "start": { "line": 3, "character": 8 }, "end": { "line": 3, "character": 8 } });
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": line3, "context": { "diagnostics": [], "only": ["refactor"] } }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "refactor.rewrite");
    assert_eq!(actions[0]["title"], "Write `tools` as a YAML list");
    assert_clean_exit(c);
}

#[test]
fn colour_swatch_and_presentations() {
    let mut c = open(vscode_like());
    let colors = c.request("textDocument/documentColor", json!({ "textDocument": { "uri": URI } }));
    let colors = colors.as_array().unwrap();
    assert_eq!(colors.len(), 1, "{colors:#?}");
    assert_eq!(range_of(&colors[0]["range"]), (4, 7, 4, 11));
    let blue = &colors[0]["color"];
    assert!((blue["blue"].as_f64().unwrap() - 246.0 / 255.0).abs() < 1e-6, "{blue}");
    // A reddish pick offers `red` first, replacing the value.
    let presentations = c.request(
        "textDocument/colorPresentation",
        json!({ "textDocument": { "uri": URI }, "color": { "red": 0.9, "green": 0.3, "blue": 0.3, "alpha": 1.0 }, "range": colors[0]["range"] }),
    );
    let first = &presentations[0];
    assert_eq!(first["label"], "red", "{presentations:#}");
    assert_eq!(first["textEdit"]["newText"], "red");
    assert_eq!(range_of(&first["textEdit"]["range"]), (4, 7, 4, 11));
    assert_eq!(presentations.as_array().unwrap().len(), 8);
    assert_clean_exit(c);
}
