//! The LSP workloads: the floor (a request that does no work), typing one character per
//! `didChange` and waiting for the `publishDiagnostics` of that version, and requests
//! (completion, hover, documentSymbol) sent right after an edit.

use crate::generate;
use crate::lsp::{Client, ServerSpec, file_uri, is_diagnostics_for};
use crate::stats::{Summary, Table, fmt, ratio, summarize};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Clone, Copy)]
pub struct Counts {
    pub edits: usize,
    pub warmup: usize,
    /// A workload stops early (and says so) after this long.
    pub cap: Duration,
}

/// One file a session works on.
pub struct Case {
    pub label: String,
    pub text: String,
    /// `markdown`, or `yaml` for yaml-language-server (the front matter alone).
    pub language: &'static str,
    pub ext: &'static str,
}

pub struct Tables {
    pub floor: Table,
    pub typing: Table,
    pub requests: Table,
    pub notes: Vec<String>,
}

impl Tables {
    pub fn new() -> Self {
        Tables {
            floor: Table::new(
                "Floor: round trip of a request that does no work (`bench/noop`, answered -32601 MethodNotFound)",
                &["server", "n", "p50", "p99", "max"],
            ),
            typing: Table::new(
                "Keystroke → publishDiagnostics of that version (one character per didChange)",
                &[
                    "server",
                    "file",
                    "workload",
                    "n",
                    "p50",
                    "p99",
                    "max",
                    "p99 ÷ floor p99",
                    "findings",
                ],
            ),
            requests: Table::new(
                "Request round trip, sent right after a one-character edit in the body",
                &["server", "file", "request", "n", "p50", "p99", "max", "answer"],
            ),
            notes: Vec::new(),
        }
    }
}

/// What the typing workloads type, and where.
pub enum Workload {
    Description,
    Tools,
    Paragraph,
}

impl Workload {
    pub fn name(&self) -> &'static str {
        match self {
            Workload::Description => "description, word by word",
            Workload::Tools => "tools list",
            Workload::Paragraph => "body paragraph",
        }
    }

    fn plan(&self, text: &str, len: usize) -> Option<(usize, String)> {
        match self {
            Workload::Description => Some((
                generate::end_of_line_starting(text, "description:")?,
                generate::typed_prose(len, 11),
            )),
            Workload::Tools => Some((
                generate::end_of_line_starting(text, "tools:")?,
                generate::typed_tools(len),
            )),
            Workload::Paragraph => {
                let p = generate::paragraph_point(text);
                let mut typed = String::from("\n");
                typed.push_str(&generate::typed_prose(len, 13)[1..]); // the prose starts with a space
                Some((p, typed))
            }
        }
    }
}

/// Sends one one-character edit; keeps the mirror (for full sync and `markdown/parse`).
struct Typist {
    uri: String,
    version: i64,
    line: u32,
    col: u32,
    offset: usize,
    full: Option<String>,
}

impl Typist {
    fn new(client: &Client, uri: &str, text: &str, at: usize) -> Self {
        let (line, col) = generate::line_col(text, at);
        Typist {
            uri: uri.into(),
            version: 1,
            line,
            col,
            offset: at,
            full: (client.sync_kind() == 1 || client.mirror.contains_key(uri)).then(|| text.to_string()),
        }
    }

    /// Sends the edit; returns the version and the instant just before the write.
    fn type_char(&mut self, client: &mut Client, ch: char) -> Result<(i64, Instant), String> {
        self.version += 1;
        let change = if client.sync_kind() == 1 {
            let full = self.full.as_mut().expect("kept for full sync");
            full.insert(self.offset, ch);
            json!({"text": full})
        } else {
            if let Some(full) = self.full.as_mut() {
                full.insert(self.offset, ch);
            }
            let pos = json!({"line": self.line, "character": self.col});
            json!({"range": {"start": pos, "end": pos}, "text": ch.to_string()})
        };
        if let Some(full) = &self.full
            && client.mirror.contains_key(&self.uri)
        {
            client.mirror.insert(self.uri.clone(), full.clone());
        }
        let msg = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [change],
        }});
        let t0 = Instant::now();
        client.send(&msg)?;
        self.offset += ch.len_utf8();
        if ch == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += ch.len_utf16() as u32;
        }
        Ok((self.version, t0))
    }
}

const OPEN_TIMEOUT: Duration = Duration::from_secs(60);
const EDIT_TIMEOUT: Duration = Duration::from_secs(30);

/// Round trips of `bench/noop`, a method no server implements.
pub fn floor(client: &mut Client, counts: Counts) -> Result<Vec<Duration>, String> {
    let mut samples = Vec::new();
    for i in 0..counts.warmup + counts.edits {
        let (res, took) = client.request("bench/noop", json!({}), EDIT_TIMEOUT)?;
        if res.get("error").is_none() {
            return Err(format!(
                "{}: `bench/noop` was not answered with an error: {res}",
                client.spec.name
            ));
        }
        if i >= counts.warmup {
            samples.push(took);
        }
    }
    Ok(samples)
}

/// The case's text with `name:` set to the file's stem, so that every file of a session
/// defines its own agent (no cross-file duplicate names between the generated files).
fn renamed(case: &Case, stem: &str) -> Case {
    Case {
        label: case.label.clone(),
        text: case
            .text
            .replacen("\nname: code-reviewer\n", &format!("\nname: {stem}\n"), 1),
        language: case.language,
        ext: case.ext,
    }
}

/// Opens `path` with `text` and waits for its first diagnostics. Returns whether they carry
/// a version (`None`: the server published nothing for it).
fn open_and_wait(client: &mut Client, uri: &str, case: &Case) -> Result<Option<bool>, String> {
    client.open(uri, case.language, &case.text)?;
    let got = client.wait_for(OPEN_TIMEOUT, |m| is_diagnostics_for(m, uri, 1))?;
    Ok(got.map(|g| g.msg["params"].get("version").is_some()))
}

fn close(client: &mut Client, uri: &str) -> Result<(), String> {
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}))?;
    client.mirror.remove(uri);
    client.drain(Duration::from_millis(100))?;
    Ok(())
}

pub struct TypingResult {
    pub samples: Vec<Duration>,
    /// Fewest and most diagnostics in one publish during the workload (proof of work).
    pub findings: (usize, usize),
    pub versioned: bool,
    pub stopped_early: bool,
}

pub fn typing(
    client: &mut Client,
    dir: &Path,
    case: &Case,
    workload: &Workload,
    counts: Counts,
) -> Result<Option<TypingResult>, String> {
    let slug: String = workload.name().split(',').next().unwrap_or("w").replace(' ', "-");
    let stem = format!("{}-{slug}", case.label.replace(' ', "")).to_lowercase();
    let case = &renamed(case, &stem);
    let path = dir.join(format!("{stem}.{}", case.ext));
    std::fs::write(&path, &case.text).map_err(|e| format!("{}: {e}", path.display()))?;
    let uri = file_uri(&path);
    let Some(versioned) = open_and_wait(client, &uri, case)? else {
        close(client, &uri)?;
        return Ok(None);
    };
    let Some((at, typed)) = workload.plan(&case.text, counts.warmup + counts.edits) else {
        return Err("the generated file lacks the line this workload types into".into());
    };
    let mut typist = Typist::new(client, &uri, &case.text, at);
    let mut samples = Vec::new();
    let started = Instant::now();
    let mut stopped_early = false;
    let mut findings = (usize::MAX, 0);
    for (i, ch) in typed.chars().enumerate() {
        let (version, t0) = typist.type_char(client, ch)?;
        let got = client.wait_for(EDIT_TIMEOUT, |m| is_diagnostics_for(m, &uri, version))?;
        let Some(got) = got else {
            return Err(format!(
                "{}: no publishDiagnostics for version {version} of {} within {EDIT_TIMEOUT:?}",
                client.spec.name, case.label
            ));
        };
        if i >= counts.warmup {
            samples.push(got.at - t0);
        }
        let n = got.msg["params"]["diagnostics"].as_array().map_or(0, Vec::len);
        findings = (findings.0.min(n), findings.1.max(n));
        if started.elapsed() > counts.cap && samples.len() >= 20 {
            stopped_early = true;
            break;
        }
    }
    close(client, &uri)?;
    Ok(Some(TypingResult {
        samples,
        findings,
        versioned,
        stopped_early,
    }))
}

/// `method` sent right after each one-character body edit (without waiting for diagnostics).
pub fn requests_after_edit(
    client: &mut Client,
    dir: &Path,
    case: &Case,
    method: &str,
    counts: Counts,
) -> Result<(Vec<Duration>, bool, String), String> {
    let short = method.trim_start_matches("textDocument/");
    let stem = format!("{}-{short}", case.label.replace(' ', "")).to_lowercase();
    let case = &renamed(case, &stem);
    let path = dir.join(format!("{stem}.{}", case.ext));
    std::fs::write(&path, &case.text).map_err(|e| format!("{}: {e}", path.display()))?;
    let uri = file_uri(&path);
    client.open(&uri, case.language, &case.text)?;
    client.drain(Duration::from_millis(300))?;
    let (at, typed) = Workload::Paragraph
        .plan(&case.text, counts.warmup + counts.edits)
        .expect("paragraph always has a point");
    let pos = |prefix: &str, col: Option<u32>| {
        let end = generate::end_of_line_starting(&case.text, prefix).unwrap_or(0);
        let (line, end_col) = generate::line_col(&case.text, end);
        json!({"line": line, "character": col.unwrap_or(end_col)})
    };
    let params = match method {
        "textDocument/completion" => json!({"textDocument": {"uri": uri}, "position": pos("tools:", None),
                                            "context": {"triggerKind": 1}}),
        "textDocument/hover" => json!({"textDocument": {"uri": uri}, "position": pos("model:", Some(2))}),
        _ => json!({"textDocument": {"uri": uri}}),
    };
    let mut typist = Typist::new(client, &uri, &case.text, at);
    let mut samples = Vec::new();
    let started = Instant::now();
    let mut stopped_early = false;
    let mut answer = String::new();
    for (i, ch) in typed.chars().enumerate() {
        typist.type_char(client, ch)?;
        let (res, took) = client.request(method, params.clone(), EDIT_TIMEOUT)?;
        if let Some(e) = res.get("error") {
            return Err(format!("{}: {method} failed: {e}", client.spec.name));
        }
        answer = describe(&res["result"]);
        if i >= counts.warmup {
            samples.push(took);
        }
        if started.elapsed() > counts.cap && samples.len() >= 20 {
            stopped_early = true;
            break;
        }
    }
    close(client, &uri)?;
    Ok((samples, stopped_early, answer))
}

/// The size of an answer, so a table shows that the server did the work: symbols counted
/// with their children, completion items, hover text length.
fn describe(result: &serde_json::Value) -> String {
    fn count(v: &serde_json::Value) -> usize {
        v.as_array()
            .map_or(0, |a| a.iter().map(|s| 1 + s.get("children").map_or(0, count)).sum())
    }
    if result.is_null() {
        return "null".into();
    }
    if let Some(items) = result.get("items") {
        return format!("{} items", count(items));
    }
    if let Some(c) = result.get("contents") {
        return format!("{} chars", c.to_string().len());
    }
    format!("{} entries", count(result))
}

/// What one server session runs.
pub struct Plan {
    pub cases: Vec<Case>,
    pub workloads: Vec<Workload>,
    /// Request methods to time, on the cases whose label is listed (all when empty).
    pub requests: Vec<&'static str>,
    pub request_cases: Vec<String>,
}

fn row(sum: &Summary) -> Vec<String> {
    vec![sum.n.to_string(), fmt(sum.p50), fmt(sum.p99), fmt(sum.max)]
}

/// Runs one server through the plan, adding rows to the tables. Errors end the session.
pub fn run(spec: &ServerSpec, plan: &Plan, counts: Counts, data: &Path, tables: &mut Tables) -> Result<(), String> {
    // A fresh workspace per server: it holds only the files this session opens.
    let root = data.join(format!("ws-{}", spec.name.replace([' ', '/'], "_")));
    let _ = std::fs::remove_dir_all(&root);
    let dir: PathBuf = root.join(".claude").join("agents");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let log = data.join(format!("{}.stderr.log", spec.name.replace([' ', '/'], "_")));
    let (mut client, init) = Client::start(spec, &root, &log)?;
    let name = spec.name.clone();
    eprintln!("bench: {name}: initialized in {}", fmt(init));
    let fl = summarize(&floor(&mut client, counts)?).expect("floor has samples");
    let mut r = vec![name.clone()];
    r.extend(row(&fl));
    tables.floor.row(r);
    for case in &plan.cases {
        for w in &plan.workloads {
            eprintln!("bench: {name}: {} / {}", case.label, w.name());
            match typing(&mut client, &dir, case, w, counts)? {
                None => {
                    tables.notes.push(format!(
                        "{name}: published no diagnostics for {}; typing skipped",
                        case.label
                    ));
                    break;
                }
                Some(res) => {
                    let sum = summarize(&res.samples).expect("typing has samples");
                    let mut r = vec![name.clone(), case.label.clone(), w.name().into()];
                    r.extend(row(&sum));
                    r.push(ratio(sum.p99, fl.p99));
                    r.push(format!("{}–{}", res.findings.0, res.findings.1));
                    tables.typing.row(r);
                    if !res.versioned {
                        tables.notes.push(format!(
                            "{name}: publishDiagnostics carries no `version`; each edit was matched to the next publish for its file"
                        ));
                    }
                    if res.stopped_early {
                        tables.notes.push(format!(
                            "{name}: {} / {} stopped after {:?} ({} edits measured)",
                            case.label,
                            w.name(),
                            counts.cap,
                            res.samples.len()
                        ));
                    }
                }
            }
        }
    }
    for method in &plan.requests {
        let provider = match *method {
            "textDocument/completion" => "completionProvider",
            "textDocument/hover" => "hoverProvider",
            _ => "documentSymbolProvider",
        };
        if !client.has(provider) {
            tables
                .notes
                .push(format!("{name}: no `{provider}` in its capabilities; {method} skipped"));
            continue;
        }
        for case in &plan.cases {
            if !plan.request_cases.is_empty() && !plan.request_cases.contains(&case.label) {
                continue;
            }
            eprintln!("bench: {name}: {} / {method}", case.label);
            let (samples, early, answer) = requests_after_edit(&mut client, &dir, case, method, counts)?;
            let sum = summarize(&samples).expect("requests have samples");
            let mut r = vec![
                name.clone(),
                case.label.clone(),
                method.trim_start_matches("textDocument/").into(),
            ];
            r.extend(row(&sum));
            r.push(answer);
            tables.requests.row(r);
            if early {
                tables.notes.push(format!(
                    "{name}: {} / {method} stopped after {:?} ({} requests measured)",
                    case.label,
                    counts.cap,
                    samples.len()
                ));
            }
        }
    }
    if !client.stop() {
        tables.notes.push(format!(
            "{name}: did not exit within 1 s of the `exit` notification while its stdin stayed open; it exited once stdin was closed"
        ));
    }
    Ok(())
}
