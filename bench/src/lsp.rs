//! A minimal LSP client over a child's stdio, built for measuring: a reader thread stamps each
//! message with the `Instant` its last byte was read, before any other work, so client-side
//! overhead does not inflate the figures. The client answers the requests servers send back
//! (`workspace/configuration`, `markdown/parse`, progress creation, registrations).

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub struct Incoming {
    pub at: Instant,
    pub msg: Value,
}

/// How a server is started and what the client answers it.
#[derive(Clone)]
pub struct ServerSpec {
    /// Shown in tables.
    pub name: String,
    pub command: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Answers to `workspace/configuration`, looked up by section (`yaml` → `settings["yaml"]`);
    /// also sent once as `workspace/didChangeConfiguration`.
    pub settings: Value,
    /// A node script that turns `{"text"}` lines into markdown-it tokens, for `markdown/parse`.
    pub markdown_shim: Option<PathBuf>,
}

pub struct Client {
    pub spec: ServerSpec,
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Incoming>,
    next_id: i64,
    pub capabilities: Value,
    shim: Option<(Child, ChildStdin, BufReader<std::process::ChildStdout>)>,
    /// Text of open documents, kept only when a shim needs it (`markdown/parse` without text).
    pub mirror: HashMap<String, String>,
    /// Every `$/progress` and `window/workDoneProgress/create` seen, for the indexing workload.
    pub progress: Vec<(Instant, Value)>,
}

pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn write_frame(w: &mut impl Write, msg: &Value) -> std::io::Result<()> {
    let body = msg.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{}", body.len(), body)?;
    w.flush()
}

fn read_frames(stdout: impl Read, tx: std::sync::mpsc::Sender<Incoming>) {
    let mut r = BufReader::with_capacity(1 << 16, stdout);
    loop {
        let mut len = None;
        loop {
            let mut line = String::new();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                if len.is_some() {
                    break;
                }
                continue;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                len = v.trim().parse::<usize>().ok();
            }
        }
        let mut body = vec![0; len.unwrap_or(0)];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let at = Instant::now();
        if let Ok(msg) = serde_json::from_slice(&body)
            && tx.send(Incoming { at, msg }).is_err()
        {
            return;
        }
    }
}

impl Client {
    /// Starts the server (stderr to `log`) and runs `initialize` + `initialized`.
    pub fn start(spec: &ServerSpec, root: &Path, log: &Path) -> Result<(Client, Duration), String> {
        let (program, args) = spec.command.split_first().ok_or("empty command")?;
        let stderr = std::fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let mut child = Command::new(program)
            .args(args)
            .envs(spec.env.iter().cloned())
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start `{}`: {e}", spec.command.join(" ")))?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let (tx, rx) = channel();
        std::thread::spawn(move || read_frames(stdout, tx));
        let shim = match &spec.markdown_shim {
            Some(script) => {
                let mut c = Command::new("node")
                    .arg(script)
                    .envs(spec.env.iter().cloned())
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .spawn()
                    .map_err(|e| format!("cannot start the markdown shim: {e}"))?;
                let i = c.stdin.take().expect("piped");
                let o = BufReader::new(c.stdout.take().expect("piped"));
                Some((c, i, o))
            }
            None => None,
        };
        let mut client = Client {
            spec: spec.clone(),
            child,
            stdin,
            rx,
            next_id: 1,
            capabilities: Value::Null,
            shim,
            mirror: HashMap::new(),
            progress: Vec::new(),
        };
        let root_uri = file_uri(root);
        let params = json!({
            "processId": std::process::id(),
            "clientInfo": {"name": "agentls-bench"},
            "rootUri": root_uri,
            "rootPath": root.display().to_string(),
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "window": {"workDoneProgress": true},
                "workspace": {"configuration": true, "workspaceFolders": true,
                               "didChangeConfiguration": {"dynamicRegistration": true}},
                "textDocument": {
                    "synchronization": {"dynamicRegistration": false, "didSave": true},
                    "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
                    "completion": {"completionItem": {"snippetSupport": false}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}
                }
            }
        });
        let (res, took) = client.request("initialize", params, Duration::from_secs(60))?;
        client.capabilities = res
            .get("result")
            .and_then(|r| r.get("capabilities"))
            .cloned()
            .unwrap_or_default();
        client.notify("initialized", json!({}))?;
        if !spec.settings.is_null() {
            client.notify("workspace/didChangeConfiguration", json!({"settings": spec.settings}))?;
        }
        Ok((client, took))
    }

    pub fn send(&mut self, msg: &Value) -> Result<(), String> {
        write_frame(&mut self.stdin, msg).map_err(|e| format!("{}: write failed: {e}", self.spec.name))
    }

    pub fn notify(&mut self, method: &str, params: Value) -> Result<(), String> {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> Result<i64, String> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        Ok(id)
    }

    /// A request and its round trip: from just before the write to the reader's stamp.
    pub fn request(&mut self, method: &str, params: Value, timeout: Duration) -> Result<(Value, Duration), String> {
        let t0 = Instant::now();
        let id = self.send_request(method, params)?;
        let got = self.wait_for(timeout, |m| {
            m.get("method").is_none() && m.get("id") == Some(&json!(id))
        })?;
        match got {
            Some(inc) => Ok((inc.msg, inc.at - t0)),
            None => Err(format!(
                "{}: no answer to `{method}` within {timeout:?}",
                self.spec.name
            )),
        }
    }

    /// Waits for a message matching `pred`, answering server requests meanwhile. `Ok(None)` on
    /// timeout; `Err` when the server has gone.
    pub fn wait_for(&mut self, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Result<Option<Incoming>, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let inc = match self.rx.recv_timeout(left) {
                Ok(i) => i,
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("{}: the server closed its output", self.spec.name));
                }
            };
            let method = inc.msg.get("method").and_then(Value::as_str).map(str::to_string);
            if let Some(m) = &method
                && (m == "$/progress" || m == "window/workDoneProgress/create")
            {
                self.progress.push((inc.at, inc.msg.clone()));
            }
            if pred(&inc.msg) {
                return Ok(Some(inc));
            }
            if let (Some(m), Some(id)) = (method, inc.msg.get("id").cloned()) {
                let answer = self.answer(&m, inc.msg.get("params").unwrap_or(&Value::Null));
                let reply = match answer {
                    Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
                    Err(msg) => json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32601, "message": msg}}),
                };
                self.send(&reply)?;
            }
        }
    }

    /// Drops whatever has arrived within `quiet` of silence (answering requests).
    pub fn drain(&mut self, quiet: Duration) -> Result<usize, String> {
        let mut n = 0;
        while self.wait_for(quiet, |_| true)?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    fn answer(&mut self, method: &str, params: &Value) -> Result<Value, String> {
        match method {
            "workspace/configuration" => {
                let items = params
                    .get("items")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                Ok(Value::Array(
                    items
                        .iter()
                        .map(|it| {
                            let section = it.get("section").and_then(Value::as_str).unwrap_or("");
                            let ptr = format!("/{}", section.replace('.', "/"));
                            self.spec.settings.pointer(&ptr).cloned().unwrap_or(Value::Null)
                        })
                        .collect(),
                ))
            }
            "window/workDoneProgress/create" | "client/registerCapability" | "client/unregisterCapability" => {
                Ok(Value::Null)
            }
            "workspace/workspaceFolders" => Ok(Value::Null),
            "markdown/parse" => {
                let text = match params.get("text").and_then(Value::as_str) {
                    Some(t) => t.to_string(),
                    None => {
                        let uri = params.get("uri").and_then(Value::as_str).unwrap_or("");
                        self.mirror.get(uri).cloned().unwrap_or_default()
                    }
                };
                let Some((_, i, o)) = &mut self.shim else {
                    return Err("no markdown shim".into());
                };
                writeln!(i, "{}", json!({"text": text})).map_err(|e| e.to_string())?;
                i.flush().map_err(|e| e.to_string())?;
                let mut line = String::new();
                o.read_line(&mut line).map_err(|e| e.to_string())?;
                serde_json::from_str(&line).map_err(|e| e.to_string())
            }
            "markdown/findMarkdownFilesInWorkspace" | "markdown/fs/readDirectory" => Ok(json!([])),
            "markdown/fs/stat" => Ok(Value::Null),
            _ => Err(format!("the bench client does not implement `{method}`")),
        }
    }

    /// Whether the server advertised a provider (`xProvider` present and not `false`).
    pub fn has(&self, provider: &str) -> bool {
        match self.capabilities.get(provider) {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(_) => true,
        }
    }

    /// The advertised sync kind: 2 incremental, 1 full.
    pub fn sync_kind(&self) -> i64 {
        match self.capabilities.get("textDocumentSync") {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(1),
            Some(o) => o.get("change").and_then(Value::as_i64).unwrap_or(1),
            None => 0,
        }
    }

    pub fn open(&mut self, uri: &str, language: &str, text: &str) -> Result<(), String> {
        if self.shim.is_some() {
            self.mirror.insert(uri.to_string(), text.to_string());
        }
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        )
    }

    /// `shutdown` + `exit`, then waits for the process; returns whether it exited within a
    /// second of `exit` with its stdin still open (as the protocol asks). After that second,
    /// stdin is closed (editors do that too), then the process is given 15 s (`perf record`
    /// needs them to write its data) and killed.
    pub fn stop(mut self) -> bool {
        let _ = self.request("shutdown", Value::Null, Duration::from_secs(5));
        let _ = self.notify("exit", Value::Null);
        let wait = |child: &mut Child, limit: Duration| {
            let deadline = Instant::now() + limit;
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return true;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            false
        };
        let Client {
            mut child,
            stdin,
            mut shim,
            ..
        } = self;
        let on_exit = wait(&mut child, Duration::from_secs(1));
        drop(stdin);
        if !on_exit && !wait(&mut child, Duration::from_secs(15)) {
            let _ = child.kill();
        }
        let _ = child.wait();
        if let Some((mut c, i, _)) = shim.take() {
            drop(i);
            let _ = c.kill();
            let _ = c.wait();
        }
        on_exit
    }
}

/// Is this a `publishDiagnostics` for `uri` at `version`? A notification without a version
/// (servers that do not send one) matches any version.
pub fn is_diagnostics_for(msg: &Value, uri: &str, version: i64) -> bool {
    if msg.get("method").and_then(Value::as_str) != Some("textDocument/publishDiagnostics") {
        return false;
    }
    let p = &msg["params"];
    if p.get("uri").and_then(Value::as_str) != Some(uri) {
        return false;
    }
    match p.get("version").and_then(Value::as_i64) {
        Some(v) => v == version,
        None => true,
    }
}
