//! End-to-end tests of navigation and the workspace: the real binary over stdio, a project
//! on disk indexed on `initialized` (with `$/progress`), then outline, definition, references,
//! rename, workspace symbols and cross-file diagnostics, pushed and pulled.

use agentls_e2e::Project;
use agentls_e2e::lsp_client::LspClient;
use serde_json::{Value, json};
use std::path::Path;

const LEAD: &str = "---\nname: lead\ndescription: Leads.\ntools: Read, Agent(worker, ghost)\nskills: [pdf, docx]\n---\n\
                    # Lead\n\nRead [rules](worker.md#rules) and [setup](#setup).\n\n## Setup\n";
const WORKER: &str = "---\nname: worker\ndescription: Works.\n---\n# Worker\n\n## Rules\n\nBe brief.\n";
const COPY: &str = "---\nname: worker\ndescription: A copy.\n---\nCopy.\n";
const SKILL: &str = "---\nname: pdf\ndescription: PDF tools.\n---\n# PDF\n";

fn files() -> Vec<(&'static str, &'static str)> {
    vec![
        (".claude/agents/lead.md", LEAD),
        (".claude/agents/worker.md", WORKER),
        (".claude/agents/worker-copy.md", COPY),
        (".claude/skills/pdf/SKILL.md", SKILL),
        ("node_modules/x/.claude/agents/worker.md", WORKER),
    ]
}

/// Starts a session on `project`, waits for indexing to end, returns the client.
fn start(project: &Project) -> LspClient {
    let mut c = LspClient::spawn();
    let root = format!("file://{}", project.0.display());
    let init = c.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root,
            "capabilities": {
                "general": { "positionEncodings": ["utf-8"] },
                "window": { "workDoneProgress": true },
                "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
                "textDocument": { "publishDiagnostics": { "relatedInformation": true } }
            }
        }),
    );
    let caps = &init["capabilities"];
    for cap in [
        "documentSymbolProvider",
        "foldingRangeProvider",
        "definitionProvider",
        "referencesProvider",
        "workspaceSymbolProvider",
    ] {
        assert_eq!(caps[cap], true, "{cap} in {init}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], true, "{init}");
    assert!(caps["documentLinkProvider"].is_object(), "{init}");
    // This client takes pushed diagnostics, so it is not also told to pull them.
    assert!(caps.get("diagnosticProvider").is_none(), "{init}");
    c.notify("initialized", json!({}));
    let end = c.wait_for("the end of the indexing progress", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    });
    // node_modules is skipped: four files, not five.
    assert_eq!(end["params"]["value"]["message"], "4 files", "{end}");
    let methods: Vec<&str> = c
        .server_requests()
        .iter()
        .filter_map(|r| r["method"].as_str())
        .collect();
    assert!(methods.contains(&"window/workDoneProgress/create"), "{methods:?}");
    let reg = c
        .server_requests()
        .iter()
        .find(|r| r["method"] == "client/registerCapability")
        .expect("the watcher is registered")
        .clone();
    assert_eq!(
        reg["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles",
        "{reg}"
    );
    c
}

fn codes(diags: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = diags
        .iter()
        .map(|d| {
            format!(
                "{} {}:{}",
                d["code"].as_str().unwrap_or("?"),
                d["range"]["start"]["line"],
                d["range"]["start"]["character"]
            )
        })
        .collect();
    v.sort();
    v
}

fn at(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// `path:line` of each location, sorted, relative to the project.
fn places(project: &Project, locs: &Value) -> Vec<String> {
    let root = format!("file://{}/", project.0.display());
    let mut v: Vec<String> = locs
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {locs}"))
        .iter()
        .map(|l| {
            format!(
                "{}:{}:{}",
                l["uri"].as_str().unwrap().trim_start_matches(&root),
                l["range"]["start"]["line"],
                l["range"]["start"]["character"]
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn cross_file_diagnostics_with_related_information() {
    let project = Project::new("nav-diags", &files());
    let mut c = start(&project);
    let lead = project.uri(".claude/agents/lead.md");
    c.open(&lead, "markdown", 1, LEAD);
    let diags = c.wait_for_diagnostics(&lead, Some(1));
    assert_eq!(
        codes(&diags),
        vec!["claude-agent/unknown-agent 3:27", "claude-agent/unknown-skill 4:14"],
        "{diags:#?}"
    );
    let worker = project.uri(".claude/agents/worker.md");
    c.open(&worker, "markdown", 1, WORKER);
    let diags = c.wait_for_diagnostics(&worker, Some(1));
    assert_eq!(codes(&diags), vec!["claude-agent/duplicate-name 1:6"], "{diags:#?}");
    let related = &diags[0]["relatedInformation"][0]["location"];
    assert_eq!(
        related["uri"],
        project.uri(".claude/agents/worker-copy.md"),
        "{diags:#?}"
    );
    assert_eq!(related["range"]["start"], at(1, 6));

    // The copy is renamed on disk: the watcher's event re-checks worker.md, without reading
    // anything else.
    std::fs::write(
        project.path(".claude/agents/worker-copy.md"),
        COPY.replace("name: worker", "name: helper"),
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": project.uri(".claude/agents/worker-copy.md"), "type": 2 }] }),
    );
    let diags = c.wait_for_diagnostics(&worker, Some(1));
    assert!(diags.is_empty(), "{diags:#?}");

    // An edit in an open file takes effect for the others on save: lead.md drops `ghost`…
    c.edit(&lead, 2, (3, 25), (3, 32), "");
    let diags = c.wait_for_diagnostics(&lead, Some(2));
    assert_eq!(codes(&diags), vec!["claude-agent/unknown-skill 4:14"], "{diags:#?}");
    // …and worker.md renames itself to `ghost`: lead.md still uses `worker`, which is now
    // unknown, once worker.md is saved.
    c.edit(&worker, 2, (1, 6), (1, 12), "ghost");
    let _ = c.wait_for_diagnostics(&worker, Some(2));
    c.notify("textDocument/didSave", json!({ "textDocument": { "uri": worker } }));
    let diags = c.wait_for_diagnostics(&lead, Some(2));
    assert_eq!(
        codes(&diags),
        vec!["claude-agent/unknown-agent 3:19", "claude-agent/unknown-skill 4:14"],
        "{diags:#?}"
    );

    // Pull diagnostics give the same, for open and closed files.
    let pulled = c.request("textDocument/diagnostic", json!({ "textDocument": { "uri": lead } }));
    assert_eq!(pulled["kind"], "full");
    assert_eq!(codes(pulled["items"].as_array().unwrap()), codes(&diags));
    let ws = c.request("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let items = ws["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "three agents: {ws}");
    assert_clean_exit(c);
}

/// A client that both takes pushed diagnostics and pulls them (Helix 25.07, Neovim 0.11,
/// vscode-languageclient) keeps the two sets apart and would show every finding twice, so it
/// is only pushed to; a client that only pulls is told to pull.
#[test]
fn pull_is_advertised_only_to_clients_that_do_not_take_pushed_diagnostics() {
    let both = json!({ "textDocument": { "diagnostic": {}, "publishDiagnostics": {} } });
    let (c, init) = LspClient::start(both);
    assert!(init["capabilities"].get("diagnosticProvider").is_none(), "{init}");
    assert_clean_exit(c);
    let (c, init) = LspClient::start(json!({ "textDocument": { "diagnostic": {} } }));
    let provider = &init["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["workspaceDiagnostics"], true, "{init}");
    assert_eq!(provider["interFileDependencies"], true, "{init}");
    assert_clean_exit(c);
}

#[test]
fn outline_definition_references_rename_and_symbols() {
    let project = Project::new("nav-nav", &files());
    let mut c = start(&project);
    let lead = project.uri(".claude/agents/lead.md");
    c.open(&lead, "markdown", 1, LEAD);
    let _ = c.wait_for_diagnostics(&lead, Some(1));
    let doc = json!({ "uri": lead });

    let symbols = c.request("textDocument/documentSymbol", json!({ "textDocument": doc }));
    let names: Vec<String> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let kids: Vec<&str> = s["children"]
                .as_array()
                .map(|k| k.iter().filter_map(|c| c["name"].as_str()).collect())
                .unwrap_or_default();
            format!("{} [{}]", s["name"].as_str().unwrap(), kids.join(", "))
        })
        .collect();
    assert_eq!(
        names,
        vec!["front matter [name, description, tools, skills]", "Lead [Setup]"]
    );

    // `Agent(worker…` → both files named worker.
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": doc, "position": at(3, 22) }),
    );
    assert_eq!(
        places(&project, &def),
        vec![".claude/agents/worker-copy.md:1:6", ".claude/agents/worker.md:1:6"]
    );
    // `[rules](worker.md#rules)` → the heading in worker.md; `#setup` → this file.
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": doc, "position": at(8, 20) }),
    );
    assert_eq!(places(&project, &def), vec![".claude/agents/worker.md:6:0"]);
    let def = c.request(
        "textDocument/definition",
        json!({ "textDocument": doc, "position": at(8, 42) }),
    );
    assert_eq!(places(&project, &def), vec![".claude/agents/lead.md:10:0"]);

    // References of the `Rules` heading in worker.md (not open) from the link to it.
    let refs = c.request(
        "textDocument/references",
        json!({ "textDocument": doc, "position": at(8, 20), "context": { "includeDeclaration": true } }),
    );
    assert_eq!(
        places(&project, &refs),
        vec![".claude/agents/lead.md:8:23", ".claude/agents/worker.md:6:3"]
    );

    // Rename the heading from the link: the heading and the link change.
    let prep = c.request(
        "textDocument/prepareRename",
        json!({ "textDocument": doc, "position": at(8, 25) }),
    );
    assert_eq!(prep["placeholder"], "rules", "{prep}");
    let edit = c.request(
        "textDocument/rename",
        json!({ "textDocument": doc, "position": at(8, 25), "newName": "House rules" }),
    );
    let changes = &edit["changes"];
    assert_eq!(changes[&lead][0]["newText"], "house-rules", "{edit}");
    assert_eq!(
        changes[project.uri(".claude/agents/worker.md")][0]["newText"],
        "House rules",
        "{edit}"
    );

    // Rename an agent from its use: both definitions and the use.
    let edit = c.request(
        "textDocument/rename",
        json!({ "textDocument": doc, "position": at(3, 22), "newName": "builder" }),
    );
    let mut files: Vec<String> = edit["changes"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| Path::new(k).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, vec!["lead.md", "worker-copy.md", "worker.md"]);

    let found = c.request("workspace/symbol", json!({ "query": "pdf" }));
    let names: Vec<String> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", s["kind"], s["name"].as_str().unwrap()))
        .collect();
    // 2 = Module (a skill), 15 = String (a heading).
    assert_eq!(names, vec!["15 PDF", "2 pdf"]);

    let folds = c.request("textDocument/foldingRange", json!({ "textDocument": doc }));
    assert_eq!(folds[0]["startLine"], 0, "the front matter folds first: {folds}");
    let links = c.request("textDocument/documentLink", json!({ "textDocument": doc }));
    assert_eq!(links[0]["target"], project.uri(".claude/agents/worker.md"), "{links}");
    assert_clean_exit(c);
}

/// Completion offers names defined in other files: the workspace's agents after `Agent(`, its
/// skills in `skills:`, with the defining file and its description.
#[test]
fn completion_offers_the_agents_and_skills_of_the_workspace() {
    let project = Project::new("nav-complete", &files());
    let mut c = start(&project);
    let lead = project.uri(".claude/agents/lead.md");
    let text = "---\nname: lead\ndescription: Leads.\ntools: Read, Agent(\nskills:\n  - \n---\n# Lead\n";
    c.open(&lead, "markdown", 1, text);
    let _ = c.wait_for_diagnostics(&lead, Some(1));
    let complete = |c: &mut LspClient, line: u32, character: u32| -> Vec<Value> {
        let list = c.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": lead }, "position": at(line, character) }),
        );
        list["items"]
            .as_array()
            .unwrap_or_else(|| panic!("a completion list: {list}"))
            .clone()
    };
    let shown = |items: &[Value]| -> Vec<String> {
        let mut v: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    "{} {} | {} | {}",
                    i["sortText"].as_str().unwrap(),
                    i["label"].as_str().unwrap(),
                    i["detail"].as_str().unwrap(),
                    i["documentation"]["value"].as_str().unwrap_or("")
                )
            })
            .collect();
        v.sort();
        v
    };

    // `tools: Read, Agent(|`: the other agent (once, though two files define it), not lead
    // itself, then the built-in types; each closes the parenthesis.
    let items = complete(&mut c, 3, 19);
    let agents = shown(&items);
    assert_eq!(
        agents[0], "00000 worker | agent in .claude/agents/worker-copy.md | A copy.",
        "{agents:#?}"
    );
    assert!(
        agents[1].starts_with("10001 general-purpose | built-in agent type"),
        "{agents:#?}"
    );
    assert!(!agents.iter().any(|a| a.contains(" lead ")), "{agents:#?}");
    assert_eq!(items[0]["textEdit"]["newText"], "worker)", "{items:#?}");
    assert_eq!(items[0]["textEdit"]["range"]["start"], at(3, 19), "{items:#?}");

    // `skills:` list item: the skill, with where it is defined and its description.
    let items = complete(&mut c, 5, 4);
    assert_eq!(
        shown(&items),
        vec!["0000 pdf | skill in .claude/skills/pdf/SKILL.md | PDF tools."]
    );
    assert_eq!(items[0]["textEdit"]["newText"], "pdf", "{items:#?}");
    assert_clean_exit(c);
}

fn assert_clean_exit(c: LspClient) {
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "agentls exited with {status}");
}

/// A client that cannot watch files (no dynamic registration of `didChangeWatchedFiles`): the
/// server polls the workspace itself, so a skill created on disk is known at the next check.
#[test]
fn without_a_client_watcher_the_server_polls_the_workspace() {
    let agent = "---\nname: lead\ndescription: Leads.\nskills: [pdf]\n---\nLead.\n";
    let project = Project::new("nav-poll", &[(".claude/agents/lead.md", agent)]);
    let mut c = LspClient::spawn();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", project.0.display()), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    let lead = project.uri(".claude/agents/lead.md");
    c.open(&lead, "markdown", 1, agent);
    let diags = c.wait_for_diagnostics(&lead, Some(1));
    assert_eq!(codes(&diags), vec!["claude-agent/unknown-skill 3:9"], "{diags:#?}");
    assert!(
        c.server_requests()
            .iter()
            .all(|r| r["method"] != "client/registerCapability")
    );

    let skill = project.path(".claude/skills/pdf/SKILL.md");
    std::fs::create_dir_all(skill.parent().unwrap()).unwrap();
    std::fs::write(&skill, SKILL).unwrap();
    // Touch the agent until the poll (every 3 s) has seen the new skill; bounded, not timed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(500));
        c.edit(&lead, 2, (5, 0), (5, 0), "");
        let diags = c.wait_for_diagnostics(&lead, Some(2));
        if diags.is_empty() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the poll never saw the new skill: {diags:#?}"
        );
    }
    assert!(c.wait_for_stderr("polling the workspace"), "{}", c.stderr());
    assert_clean_exit(c);
}
