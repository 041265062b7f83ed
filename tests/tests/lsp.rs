//! End-to-end tests of the language server: the real `agentls` binary over stdio, driven the
//! way an editor drives it (initialize, didOpen/didChange/didClose, shutdown/exit).

use agentls_e2e::lsp_client::LspClient;
use serde_json::{Value, json};

/// Where the server thinks the agents live; nothing is read from disk.
const AGENT_URI: &str = "file:///tmp/agentls-e2e/.claude/agents/demo.md";

/// A valid Claude Code subagent: no diagnostics at all (the name matches the file name).
const VALID_AGENT: &str =
    "---\nname: demo\ndescription: Reviews code for bugs\ntools: Read, Glob\n---\n\nYou review code.\n";

fn utf8_client() -> Value {
    json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } })
}

/// `(start line, start character, end line, end character)` of a diagnostic.
type Span = (u64, u64, u64, u64);

fn range(d: &Value) -> Span {
    let r = &d["range"];
    let n = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("not a position number in {d}"));
    (
        n(&r["start"]["line"]),
        n(&r["start"]["character"]),
        n(&r["end"]["line"]),
        n(&r["end"]["character"]),
    )
}

fn code(d: &Value) -> &str {
    d["code"]
        .as_str()
        .unwrap_or_else(|| panic!("a diagnostic without a string code: {d}"))
}

/// `(code, range)` of every diagnostic, in the order published.
fn summary(diags: &[Value]) -> Vec<(&str, Span)> {
    diags.iter().map(|d| (code(d), range(d))).collect()
}

fn assert_clean_exit(c: LspClient) {
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "agentls exited with {status}");
}

#[test]
fn initialize_picks_utf8_when_offered_else_utf16_and_syncs_incrementally() {
    let cases = [
        (utf8_client(), "utf-8"),
        (json!({ "general": { "positionEncodings": ["utf-16"] } }), "utf-16"),
        (json!({}), "utf-16"),
    ];
    for (capabilities, want) in cases {
        let (c, init) = LspClient::start(capabilities.clone());
        let caps = &init["capabilities"];
        assert_eq!(
            caps["positionEncoding"], want,
            "client capabilities {capabilities}: {init}"
        );
        // 2 = TextDocumentSyncKind.Incremental.
        assert_eq!(caps["textDocumentSync"]["change"], 2, "{init}");
        assert_eq!(caps["textDocumentSync"]["openClose"], true, "{init}");
        assert_eq!(init["serverInfo"]["name"], "agentls", "{init}");
        assert_clean_exit(c);
    }
}

/// `description` holds CJK and an emoji; on the `tools` line, the unknown tool `日本😀` comes
/// before the unknown tool `Grpe`, so every column after it depends on the encoding.
const NON_ASCII_AGENT: &str =
    "---\nname: demo\ndescription: 日本語 😀 reviewer\ntools: \"Read, Grep, 日本😀, Grpe\"\n---\n\nYou review code.\n";

/// Opens [`NON_ASCII_AGENT`], checks both diagnostics' ranges, then edits at columns that come
/// after the non-ASCII text (in the session's encoding) and checks the edits landed where meant.
/// `bad`: the range of `日本😀`, `grpe`: the range of `Grpe`, both on line 3.
fn check_non_ascii_session(capabilities: Value, want_encoding: &str, bad: (u32, u32), grpe: (u32, u32)) {
    let (mut c, init) = LspClient::start(capabilities);
    assert_eq!(init["capabilities"]["positionEncoding"], want_encoding);
    c.open(AGENT_URI, "markdown", 1, NON_ASCII_AGENT);
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(1));
    let span = |(s, e): (u32, u32)| (3, u64::from(s), 3, u64::from(e));
    assert_eq!(
        summary(&diags),
        [
            ("claude-agent/unknown-tool", span(bad)),
            ("claude-agent/unknown-tool", span(grpe))
        ],
        "{diags:#?}"
    );
    assert!(diags[0]["message"].as_str().unwrap().contains("`日本😀`"), "{diags:#?}");
    assert!(
        diags[1]["message"].as_str().unwrap().contains("did you mean `Grep`"),
        "{diags:#?}"
    );
    for d in &diags {
        assert_eq!(d["severity"], 2, "a warning: {d}");
        assert_eq!(d["source"], "agentls", "{d}");
    }

    // Replace exactly the reported range with another tool: only `日本😀` is left, unmoved.
    c.edit(AGENT_URI, 2, (3, grpe.0), (3, grpe.1), "Glob");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(2));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", span(bad))],
        "{diags:#?}"
    );

    // Delete `日本😀, ` (from its start to the start of the former `Grpe`): nothing left.
    c.edit(AGENT_URI, 3, (3, bad.0), (3, grpe.0), "");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(3));
    assert_eq!(diags, Vec::<Value>::new(), "`tools: \"Read, Grep, Glob\"`: {diags:#?}");
    assert_clean_exit(c);
}

#[test]
fn non_ascii_columns_in_utf16() {
    // `tools: "Read, Grep, ` is 20 ASCII characters, so `日本😀` starts at 20 in any encoding.
    // UTF-16: 日 1 + 本 1 + 😀 2 (a surrogate pair) = 4 units → 20..24; `, ` → `Grpe` 26..30.
    check_non_ascii_session(json!({}), "utf-16", (20, 24), (26, 30));
}

#[test]
fn non_ascii_columns_in_utf8() {
    // UTF-8: 日 3 + 本 3 + 😀 4 = 10 bytes → 20..30; `, ` → `Grpe` 32..36.
    check_non_ascii_session(utf8_client(), "utf-8", (20, 30), (32, 36));
}

#[test]
fn typing_a_misspelled_tool_one_character_at_a_time() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(1)), Vec::<Value>::new());

    // Line 3 is `tools: Read` (11 characters). Type `, Grpe` after it, waiting for each
    // version's diagnostics as an editor shows them.
    let mut version = 1;
    for (i, ch) in ", Grpe".chars().enumerate() {
        version += 1;
        let col = 11 + i as u32;
        c.edit(AGENT_URI, version, (3, col), (3, col), &ch.to_string());
        let diags = c.wait_for_diagnostics(AGENT_URI, Some(version));
        let typed = 1 + i as u64; // characters of `, Grpe` typed so far
        if typed <= 2 {
            // `Read,` and `Read, `: an empty item is no tool.
            assert_eq!(diags, Vec::<Value>::new(), "version {version}: {diags:#?}");
        } else {
            // From `G` (version 4) on: the partial tool name is unknown, underlined from
            // column 13 to the cursor.
            assert_eq!(
                summary(&diags),
                [("claude-agent/unknown-tool", (3, 13, 3, 11 + typed))],
                "version {version}: {diags:#?}"
            );
        }
    }
    assert_eq!(version, 7);

    // Fix it the way a user would: delete the `e`, then type it before the `p`.
    c.edit(AGENT_URI, 8, (3, 16), (3, 17), "");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(8));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", (3, 13, 3, 16))],
        "`Grp`: {diags:#?}"
    );
    c.edit(AGENT_URI, 9, (3, 15), (3, 15), "e");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(9));
    assert_eq!(diags, Vec::<Value>::new(), "`tools: Read, Grep`: {diags:#?}");
    assert_clean_exit(c);
}

#[test]
fn fast_typing_ends_with_the_last_versions_diagnostics() {
    // Edits sent without waiting, as a fast typist produces them: the server may skip
    // intermediate versions, but must never publish an older version after a newer one, and
    // the last publish must describe the last text.
    let (mut c, _) = LspClient::start(json!({}));
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    let typed = ", Grep, Glbo";
    for (i, ch) in typed.chars().enumerate() {
        let col = 11 + i as u32;
        c.edit(AGENT_URI, 2 + i as i32, (3, col), (3, col), &ch.to_string());
    }
    let last = 1 + typed.len() as i64;
    let mut versions = Vec::new();
    let final_publish = c.wait_for("the publish for the last version", |m| {
        if m["method"] != "textDocument/publishDiagnostics" || m["params"]["uri"] != AGENT_URI {
            return false;
        }
        let v = m["params"]["version"].as_i64().expect("a versioned publish");
        versions.push(v);
        v >= last
    });
    assert!(
        versions.is_sorted_by(|a, b| a < b),
        "publishes out of order: versions {versions:?}"
    );
    assert_eq!(final_publish["params"]["version"], last, "{final_publish}");
    let diags = final_publish["params"]["diagnostics"].as_array().unwrap();
    // `tools: Read, Grep, Glbo`: `Glbo` at 19..23.
    assert_eq!(
        summary(diags),
        [("claude-agent/unknown-tool", (3, 19, 3, 23))],
        "{diags:#?}"
    );
    assert_clean_exit(c);
}

#[test]
fn full_text_changes_replace_the_document() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(1)), Vec::<Value>::new());

    let with_model = VALID_AGENT.replace("tools: Read, Glob\n", "tools: Read, Glob\nmodel: sonet\n");
    c.change(AGENT_URI, 2, json!([{ "text": with_model }]));
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(2));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-model", (4, 7, 4, 12))],
        "{diags:#?}"
    );
    assert!(diags[0]["message"].as_str().unwrap().contains("`sonnet`"), "{diags:#?}");

    c.change(AGENT_URI, 3, json!([{ "text": VALID_AGENT }]));
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(3)), Vec::<Value>::new());

    // Several changes in one notification apply in order: a full text, then an edit to it.
    c.change(
        AGENT_URI,
        4,
        json!([
            { "text": with_model },
            { "range": { "start": { "line": 3, "character": 7 }, "end": { "line": 3, "character": 11 } }, "text": "Raed" },
        ]),
    );
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(4));
    assert_eq!(
        summary(&diags),
        [
            ("claude-agent/unknown-tool", (3, 7, 3, 11)),
            ("claude-agent/unknown-model", (4, 7, 4, 12))
        ],
        "{diags:#?}"
    );
    assert_clean_exit(c);
}

#[test]
fn removing_and_restoring_the_closing_fence() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(1)), Vec::<Value>::new());

    // Delete line 4, the closing `---`.
    c.edit(AGENT_URI, 2, (4, 0), (5, 0), "");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(2));
    assert_eq!(summary(&diags), [("front-matter/unclosed", (0, 0, 0, 3))], "{diags:#?}");
    assert_eq!(diags[0]["severity"], 1, "an error: {diags:#?}");

    c.edit(AGENT_URI, 3, (4, 0), (4, 0), "---\n");
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(3)), Vec::<Value>::new());
    assert_clean_exit(c);
}

#[test]
fn ordinary_markdown_gets_no_diagnostics() {
    let (mut c, _) = LspClient::start(json!({}));
    let readme = "file:///tmp/agentls-e2e/README.md";
    c.open(
        readme,
        "markdown",
        1,
        "---\ntitle: Hello\n---\n\n# Hello\n\nSome text.\n",
    );
    assert_eq!(c.wait_for_diagnostics(readme, Some(1)), Vec::<Value>::new());
    // Not even when its front matter is broken: it is not an agent file.
    c.edit(readme, 2, (2, 0), (3, 0), "");
    assert_eq!(c.wait_for_diagnostics(readme, Some(2)), Vec::<Value>::new());
    assert_clean_exit(c);
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let (mut c, _) = LspClient::start(json!({}));
    let text = VALID_AGENT.replace("tools: Read", "tools: Raed");
    c.open(AGENT_URI, "markdown", 1, &text);
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(1));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", (3, 7, 3, 11))],
        "{diags:#?}"
    );

    c.close(AGENT_URI);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, None), Vec::<Value>::new());

    // A change to the closed document is ignored; reopening starts afresh.
    c.edit(AGENT_URI, 2, (0, 0), (0, 0), "x");
    c.open(AGENT_URI, "markdown", 1, &text);
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(1));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", (3, 7, 3, 11))],
        "{diags:#?}"
    );
    assert_clean_exit(c);
}

#[test]
fn out_of_range_edits_are_clamped_and_the_server_keeps_going() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(1)), Vec::<Value>::new());

    // Line 999: past the last line, so at the end of the text (the body).
    c.edit(AGENT_URI, 2, (999, 0), (999, 7), "More.\n");
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(2)), Vec::<Value>::new());

    // Character 999 on line 3: the end of `tools: Read, Glob`.
    c.edit(AGENT_URI, 3, (3, 999), (3, 999), ", Grpe");
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(3));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", (3, 19, 3, 23))],
        "{diags:#?}"
    );

    // A range whose end comes before its start, and one from line 999 back to line 0.
    c.edit(AGENT_URI, 4, (3, 23), (3, 19), "Grep");
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(4)), Vec::<Value>::new());
    c.edit(AGENT_URI, 5, (999, 999), (0, 0), "");
    // That one deletes the whole text: an agent file with no front matter at all.
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(5));
    assert_eq!(summary(&diags), [("front-matter/missing", (0, 0, 0, 0))], "{diags:#?}");
    assert!(c.is_running(), "stderr:\n{}", c.stderr());

    c.change(AGENT_URI, 6, json!([{ "text": VALID_AGENT.replace("Read", "Raed") }]));
    let diags = c.wait_for_diagnostics(AGENT_URI, Some(6));
    assert_eq!(
        summary(&diags),
        [("claude-agent/unknown-tool", (3, 7, 3, 11))],
        "{diags:#?}"
    );
    assert_clean_exit(c);
}

#[test]
fn a_body_that_is_not_json_does_not_kill_the_server() {
    let (mut c, _) = LspClient::start(json!({}));
    c.send_raw(b"Content-Length: 12\r\n\r\n{not json!!}");
    // The garbage gets the JSON-RPC parse error the spec asks for (id null, -32700)...
    let err = c.wait_for("a Parse error response", |m| m.get("id") == Some(&Value::Null));
    assert_eq!(err["error"]["code"], -32700, "{err}");
    // ...and the session goes on: a document opened next gets its diagnostics, and the
    // `shutdown` request is answered.
    c.open(AGENT_URI, "markdown", 1, VALID_AGENT);
    assert_eq!(c.wait_for_diagnostics(AGENT_URI, Some(1)), Vec::<Value>::new());
    assert!(c.is_running(), "stderr:\n{}", c.stderr());
    assert_clean_exit(c);
}
