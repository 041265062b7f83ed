//! Windsurf / Devin and Kiro files over stdio with the real binary: a Kiro steering file's
//! comma-separated pattern and a missing `#[[file:…]]` include are published at their ranges,
//! the include is followed by go-to-definition; a Windsurf rule gets completion of its
//! triggers; and the legacy `.windsurfrules` migration is offered as a code action, applied the
//! way a client applies it (a rename, or a new file and a deletion), and the file it produces
//! is a clean Windsurf rule.

use agentls_e2e::Project;
use agentls_e2e::lsp_client::{LspClient, range_of};
use serde_json::{Value, json};

fn caps(ops: &[&str]) -> Value {
    json!({
        "textDocument": {
            "completion": { "completionItem": { "snippetSupport": false, "documentationFormat": ["markdown"] } },
            "hover": { "contentFormat": ["markdown"] }
        },
        "workspace": { "workspaceEdit": { "documentChanges": true, "resourceOperations": ops } }
    })
}

fn open(project: &Project, path: &str, caps: Value) -> (LspClient, String, Vec<Value>) {
    let text = std::fs::read_to_string(project.0.join(path)).unwrap();
    let uri = project.uri(path);
    let (mut c, _) = LspClient::start(caps);
    c.open(&uri, "markdown", 1, &text);
    let diags = c.wait_for_diagnostics(&uri, Some(1));
    (c, uri, diags)
}

fn span(text: &str, needle: &str) -> (u64, u64, u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` in {text}"));
    let line = text[..at].matches('\n').count() as u64;
    let col = (at - text[..at].rfind('\n').map_or(0, |i| i + 1)) as u64;
    (line, col, line, col + needle.len() as u64)
}

fn diagnostic(diags: &[Value], code: &str) -> (u64, u64, u64, u64) {
    let d = diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` in {diags:#?}"));
    range_of(&d["range"])
}

fn at(uri: &str, (line, character): (u64, u64)) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

fn done(c: LspClient) {
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "agentls exited with {status}");
}

#[test]
fn kiro_steering() {
    let text = "---\ninclusion: fileMatch\nfileMatchPattern: \"src/**/*.ts,tests/**/*.ts\"\n---\n\
                Follow #[[file:docs/api.md]] and #[[file:docs/gone.md]].\n";
    let p = Project::new(
        "kiro-steering",
        &[(".kiro/steering/ts.md", text), ("docs/api.md", "# API\n")],
    );
    let (mut c, uri, diags) = open(&p, ".kiro/steering/ts.md", caps(&[]));
    assert_eq!(
        diagnostic(&diags, "kiro-steering/comma-in-glob"),
        span(text, "\"src/**/*.ts,tests/**/*.ts\"")
    );
    let d = diags
        .iter()
        .find(|d| d["code"] == "kiro-steering/comma-in-glob")
        .unwrap();
    assert_eq!(d["severity"], 1, "an error: {d}");
    assert_eq!(diagnostic(&diags, "link/missing-file"), span(text, "docs/gone.md"));
    let (l, col, ..) = span(text, "docs/api.md");
    let def = c.request("textDocument/definition", at(&uri, (l, col + 2)));
    assert_eq!(def[0]["uri"], p.uri("docs/api.md"), "{def}");
    // The quick fix writes the list.
    let (l1, c1, l2, c2) = diagnostic(&diags, "kiro-steering/comma-in-glob");
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } },
            "context": { "diagnostics": [] }
        }),
    );
    let list = actions
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Write a list")))
        })
        .unwrap_or_else(|| panic!("a list fix in {actions}"));
    let edit = &list["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "[\"src/**/*.ts\", \"tests/**/*.ts\"]", "{list}");
    done(c);
}

#[test]
fn windsurf_rule() {
    let text = "---\ntrigger: glob\n---\nUse vitest.\n";
    let p = Project::new("windsurf-rule", &[(".windsurf/rules/tests.md", text)]);
    let (mut c, uri, diags) = open(&p, ".windsurf/rules/tests.md", caps(&[]));
    assert_eq!(diagnostic(&diags, "windsurf-rule/needs-key"), span(text, "glob"));
    let res = c.request("textDocument/completion", at(&uri, (1, 9)));
    let labels: Vec<&str> = res["items"]
        .as_array()
        .unwrap_or_else(|| panic!("a completion list: {res}"))
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(labels, ["always_on", "manual", "model_decision", "glob"]);
    done(c);
}

/// The migration action of `.windsurfrules` under the client capabilities `ops`.
fn migration(p: &Project, ops: &[&str]) -> Option<Value> {
    let (mut c, uri, diags) = open(p, ".windsurfrules", caps(ops));
    assert_eq!(diagnostic(&diags, "windsurf-legacy-rules/legacy-file"), (0, 0, 0, 9));
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [] }
        }),
    );
    done(c);
    actions
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Move to")))
        })
        .cloned()
}

fn path_of(p: &Project, uri: &Value) -> std::path::PathBuf {
    let uri = uri.as_str().unwrap();
    let rel = uri
        .strip_prefix(&format!("file://{}/", p.0.display()))
        .unwrap_or_else(|| panic!("{uri} in the project"));
    p.path(rel)
}

/// Applies a workspace edit's document changes as a client does: inserts at 0:0 (the only
/// edits a move makes), renames, creates, deletes.
fn apply(p: &Project, edit: &Value) {
    for op in edit["documentChanges"].as_array().expect("document changes") {
        match op["kind"].as_str() {
            Some("rename") => {
                let to = path_of(p, &op["newUri"]);
                assert_eq!(op["options"]["overwrite"], false, "{op}");
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::rename(path_of(p, &op["oldUri"]), to).unwrap();
            }
            Some("create") => {
                let to = path_of(p, &op["uri"]);
                assert!(!to.exists(), "created over {to:?}");
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, "").unwrap();
            }
            Some("delete") => std::fs::remove_file(path_of(p, &op["uri"])).unwrap(),
            _ => {
                let file = path_of(p, &op["textDocument"]["uri"]);
                let mut text = std::fs::read_to_string(&file).unwrap();
                for e in op["edits"].as_array().unwrap() {
                    assert_eq!(e["range"]["start"], json!({ "line": 0, "character": 0 }), "{e}");
                    assert_eq!(e["range"]["end"], json!({ "line": 0, "character": 0 }), "{e}");
                    text.insert_str(0, e["newText"].as_str().unwrap());
                }
                std::fs::write(file, text).unwrap();
            }
        }
    }
}

#[test]
fn windsurf_legacy_rules_migrate() {
    let legacy = "Use tabs.\nRun the tests before every commit.\n";
    let migrated = "---\ntrigger: always_on\n---\nUse tabs.\nRun the tests before every commit.\n";
    let new_path = ".windsurf/rules/project-rules.md";
    for ops in [&["create", "rename", "delete"][..], &["create", "delete"][..]] {
        let p = Project::new("windsurf-legacy", &[(".windsurfrules", legacy)]);
        let action = migration(&p, ops).unwrap_or_else(|| panic!("a move action with {ops:?}"));
        assert_eq!(action["kind"], "quickfix", "{action}");
        let kinds: Vec<&str> = action["edit"]["documentChanges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|op| op["kind"].as_str().unwrap_or("edit"))
            .collect();
        let expected: &[&str] = if ops.contains(&"rename") {
            &["edit", "rename"]
        } else {
            &["create", "edit", "delete"]
        };
        assert_eq!(kinds, expected, "{action}");
        apply(&p, &action["edit"]);
        assert!(!p.path(".windsurfrules").exists());
        assert_eq!(std::fs::read_to_string(p.path(new_path)).unwrap(), migrated);
        // The file it made is a Windsurf rule with nothing to report.
        let (c, _, diags) = open(&p, new_path, caps(ops));
        assert!(diags.is_empty(), "{diags:#?}");
        done(c);
    }
    // A client that can neither rename nor create and delete files gets no move.
    let p = Project::new("windsurf-legacy", &[(".windsurfrules", legacy)]);
    assert!(migration(&p, &["create"]).is_none());
}
