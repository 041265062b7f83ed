//! Protocol abuse, answered per the LSP and JSON-RPC specs, with the server still serving the
//! next request and the documents intact afterwards.

use agentls_e2e::lsp_client::LspClient;
use serde_json::{Value, json};

const URI: &str = "file:///tmp/agentls-protocol/.claude/agents/demo.md";
const AGENT: &str = "---\nname: demo\ndescription: Reviews code\ntools: Read\n---\nBody\n";

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn error_code(resp: &Value) -> i64 {
    resp["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("expected an error response, got {resp}"))
}

/// After abuse, the session still works end to end: an edit is diagnosed, by version.
fn still_serving(c: &mut LspClient, version: i32) {
    c.edit(URI, version, (3, 11), (3, 11), ", Grpe");
    let d = c.wait_for_diagnostics(URI, Some(version));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "claude-agent/unknown-tool");
}

#[test]
fn malformed_frames_get_json_rpc_errors() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(URI, "markdown", 1, AGENT);
    assert!(c.wait_for_diagnostics(URI, Some(1)).is_empty());

    // A body that is not JSON: -32700 with a null id.
    c.send_raw(&frame("{not json!!}"));
    let resp = c.wait_for("a parse error", |m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(error_code(&resp), -32700);
    // JSON that is not JSON-RPC: -32600, echoing the id when there is one.
    c.send_raw(&frame(r#"{"jsonrpc":"2.0","id":41,"x":1}"#));
    let resp = c.wait_for("an invalid request", |m| m["id"] == json!(41));
    assert_eq!(error_code(&resp), -32600);
    // A header block without a usable Content-Length.
    c.send_raw(b"Content-Length: banana\r\n\r\n");
    let resp = c.wait_for("a header error", |m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(error_code(&resp), -32700);

    still_serving(&mut c, 2);
    assert!(c.shutdown().success());
}

#[test]
fn unknown_methods_bad_params_and_unknown_documents() {
    let (mut c, _) = LspClient::start(json!({}));
    assert_eq!(error_code(&c.request_raw("agentls/noSuchMethod", json!({}))), -32601);
    // Wrong parameter types for a known request.
    assert_eq!(
        error_code(&c.request_raw("textDocument/hover", json!({"textDocument": 5}))),
        -32602
    );
    // A `$/` notification the server does not know is ignored, as the spec says.
    c.notify("$/somethingNew", json!({}));
    // Edits to a document that was never opened are ignored (and logged), not applied.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///never/opened.md", "version": 3}, "contentChanges": [{"text": "x"}]}),
    );
    c.open(URI, "markdown", 1, AGENT);
    assert!(c.wait_for_diagnostics(URI, Some(1)).is_empty());
    still_serving(&mut c, 2);
    assert!(c.wait_for_stderr("not open"), "{}", c.stderr());
    assert!(c.shutdown().success());
}

#[test]
fn exit_codes_follow_the_spec() {
    let (c, _) = LspClient::start(json!({}));
    assert!(c.shutdown().success(), "shutdown then exit: 0");
    let (c, _) = LspClient::start(json!({}));
    assert_eq!(c.exit_without_shutdown().code(), Some(1), "exit without shutdown: 1");
}

#[test]
fn requests_after_shutdown_are_refused() {
    let (mut c, _) = LspClient::start(json!({}));
    assert!(c.request("shutdown", Value::Null).is_null());
    // After shutdown every request but `exit` gets InvalidRequest.
    assert_eq!(
        error_code(&c.request_raw(
            "textDocument/hover",
            json!({
                "textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}
            })
        )),
        -32600
    );
    c.notify("exit", Value::Null);
}

/// Debug builds have a request that panics while holding a document's lock.
#[cfg(debug_assertions)]
#[test]
fn a_panicking_handler_is_contained() {
    let (mut c, _) = LspClient::start(json!({}));
    c.open(URI, "markdown", 1, AGENT);
    assert!(c.wait_for_diagnostics(URI, Some(1)).is_empty());
    let resp = c.request_raw("agentls/debugPanic", json!({"uri": URI}));
    assert_eq!(error_code(&resp), -32603, "InternalError");
    assert!(c.wait_for_stderr("panicked"), "{}", c.stderr());
    // The document is intact and still edited in order.
    still_serving(&mut c, 2);
    assert!(c.shutdown().success());
}
