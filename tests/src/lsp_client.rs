//! A small synchronous LSP client that speaks JSON-RPC over the `agentls` binary's stdio, the
//! way an editor does: `Content-Length` framing on both sides, a reader thread that turns the
//! server's output into a channel, and blocking calls with a timeout so a hung server fails the
//! test with a message instead of hanging it.

use serde_json::{Value, json};
use std::collections::VecDeque;

/// An LSP range as (start line, start character, end line, end character).
pub fn range_of(v: &Value) -> (u64, u64, u64, u64) {
    let n = |x: &Value| x.as_u64().unwrap_or_else(|| panic!("not a position in {v}"));
    (
        n(&v["start"]["line"]),
        n(&v["start"]["character"]),
        n(&v["end"]["line"]),
        n(&v["end"]["character"]),
    )
}
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long any single wait may take. A hang guard, not a timing assertion: the server answers
/// in milliseconds, this only turns a deadlock into a readable failure.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// What the reader thread saw on the server's stdout.
#[derive(Debug)]
enum Incoming {
    Message(Value),
    /// The stream ended (the process closed stdout or died).
    Eof,
    /// The stream could not be read as framed JSON-RPC.
    Broken(String),
}

/// A running `agentls --stdio` and its protocol state.
pub struct LspClient {
    child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    rx: Receiver<Incoming>,
    /// Messages received but not yet consumed: notifications, stray responses.
    inbox: VecDeque<Value>,
    /// Every server->client request seen (each answered with a null result).
    server_requests: Vec<Value>,
    next_id: i64,
    stderr: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
    stderr_reader: Option<JoinHandle<()>>,
    eof: bool,
}

/// Frames and writes one message.
fn write_message(stdin: &Mutex<Option<ChildStdin>>, msg: &Value) -> std::io::Result<()> {
    let body = serde_json::to_vec(msg).expect("a Value serialises");
    write_raw(
        stdin,
        format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(),
        &body,
    )
}

fn write_raw(stdin: &Mutex<Option<ChildStdin>>, header: &[u8], body: &[u8]) -> std::io::Result<()> {
    let mut guard = stdin.lock().unwrap_or_else(|e| e.into_inner());
    let Some(w) = guard.as_mut() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "stdin already closed",
        ));
    };
    w.write_all(header)?;
    w.write_all(body)?;
    w.flush()
}

/// Reads one framed message; `Ok(None)` at a clean end of stream.
fn read_message(r: &mut impl BufRead) -> Result<Option<Value>, String> {
    let mut len: Option<usize> = None;
    let mut first = true;
    loop {
        let mut line = String::new();
        let n = r.read_line(&mut line).map_err(|e| format!("reading a header: {e}"))?;
        if n == 0 {
            return if first {
                Ok(None)
            } else {
                Err("end of stream inside a header".into())
            };
        }
        first = false;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("malformed header line {line:?}"))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            len = Some(
                value
                    .trim()
                    .parse()
                    .map_err(|e| format!("bad Content-Length {value:?}: {e}"))?,
            );
        }
    }
    let len = len.ok_or("a message without Content-Length")?;
    let mut body = vec![0; len];
    r.read_exact(&mut body)
        .map_err(|e| format!("reading a {len}-byte body: {e}"))?;
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|e| format!("a body that is not JSON ({e}): {:?}", String::from_utf8_lossy(&body)))
}

impl LspClient {
    /// Starts the binary with `--stdio`. Does not initialize; see [`LspClient::initialize`].
    pub fn spawn() -> Self {
        let mut child = Command::new(crate::agentls_bin())
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("agentls starts");
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr_pipe = child.stderr.take().expect("piped stderr");

        let stderr = Arc::new(Mutex::new(String::new()));
        let stderr_reader = {
            let stderr = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut r = BufReader::new(stderr_pipe);
                let mut line = String::new();
                while matches!(r.read_line(&mut line), Ok(n) if n > 0) {
                    stderr.lock().unwrap_or_else(|e| e.into_inner()).push_str(&line);
                    line.clear();
                }
            })
        };

        let (tx, rx) = channel();
        let reader = {
            let stdin = Arc::clone(&stdin);
            std::thread::spawn(move || reader_loop(BufReader::new(stdout), &stdin, &tx))
        };

        LspClient {
            child,
            stdin,
            rx,
            inbox: VecDeque::new(),
            server_requests: Vec::new(),
            next_id: 1,
            stderr,
            reader: Some(reader),
            stderr_reader: Some(stderr_reader),
            eof: false,
        }
    }

    /// Spawns and runs the `initialize` handshake with the given client capabilities; returns
    /// the `InitializeResult`.
    pub fn start(capabilities: Value) -> (Self, Value) {
        let mut c = Self::spawn();
        let result = c.initialize(capabilities);
        (c, result)
    }

    /// `initialize` (with `capabilities`) followed by `initialized`.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        let result = self.request(
            "initialize",
            json!({ "processId": std::process::id(), "rootUri": null, "capabilities": capabilities }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// Everything the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Waits up to 10 s for the server's stderr to contain `needle` (a thread reads it, so a
    /// line the server wrote a moment ago may not be there yet); returns whether it did.
    pub fn wait_for_stderr(&self, needle: &str) -> bool {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if self.stderr().contains(needle) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        false
    }

    /// The server->client requests seen so far (all answered with `null`).
    pub fn server_requests(&self) -> &[Value] {
        &self.server_requests
    }

    /// The server's process id (to read its memory use from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running (without waiting).
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn send(&mut self, msg: &Value) {
        if let Err(e) = write_message(&self.stdin, msg) {
            let status = self.child.try_wait().ok().flatten();
            panic!(
                "cannot write {} to agentls ({e}); process status: {status:?}\nstderr:\n{}",
                msg.get("method").and_then(Value::as_str).unwrap_or("a message"),
                self.stderr()
            );
        }
    }

    /// Writes bytes as they are: for malformed input the framing helpers cannot produce.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        if let Err(e) = write_raw(&self.stdin, bytes, &[]) {
            panic!("cannot write raw bytes to agentls ({e})\nstderr:\n{}", self.stderr());
        }
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its whole response message (`result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let what = format!("the response to `{method}` (id {id})");
        self.wait_for(&what, |m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its `result`; an `error` response fails the test.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params);
        if let Some(err) = resp.get("error") {
            panic!("`{method}` failed: {err}\nstderr:\n{}", self.stderr());
        }
        resp.get("result").cloned().unwrap_or(Value::Null)
    }

    /// Waits for the next message (kept or new) matching `pred`, removes and returns it. Other
    /// messages stay in the inbox.
    pub fn wait_for(&mut self, what: &str, mut pred: impl FnMut(&Value) -> bool) -> Value {
        if let Some(i) = self.inbox.iter().position(&mut pred) {
            return self.inbox.remove(i).expect("index from position");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self.next_incoming(what, deadline);
            if msg.get("method").is_some() && msg.get("id").is_some() {
                // A server->client request, already answered by the reader thread.
                self.server_requests.push(msg);
                continue;
            }
            if pred(&msg) {
                return msg;
            }
            self.inbox.push_back(msg);
        }
    }

    /// The next message from the reader thread, or a test failure that says why there is none.
    fn next_incoming(&mut self, what: &str, deadline: Instant) -> Value {
        let fail = |c: &mut Self, why: String| -> ! {
            let status = c.child.try_wait().ok().flatten();
            panic!(
                "waiting for {what}: {why}\nprocess status: {}\nunconsumed messages: {:#?}\nstderr:\n{}",
                status.map_or("still running".to_string(), |s| s.to_string()),
                c.inbox,
                c.stderr()
            )
        };
        if self.eof {
            fail(self, "the server's output already ended".into());
        }
        match self.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Incoming::Message(m)) => m,
            Ok(Incoming::Eof) | Err(RecvTimeoutError::Disconnected) => {
                self.eof = true;
                // Give a dying process a moment so its status and stderr are in the message.
                let until = Instant::now() + Duration::from_secs(2);
                while self.is_running() && Instant::now() < until {
                    std::thread::sleep(Duration::from_millis(10));
                }
                fail(self, "the server closed its output (exited?)".into())
            }
            Ok(Incoming::Broken(e)) => {
                self.eof = true;
                fail(self, format!("the server's output is not valid LSP framing: {e}"))
            }
            Err(RecvTimeoutError::Timeout) => fail(self, format!("no answer within {TIMEOUT:?}")),
        }
    }

    /// Waits for `textDocument/publishDiagnostics` for `uri` carrying exactly `version`
    /// (`None`: a publish without a version, as after `didClose`) and returns its diagnostics.
    /// Earlier publishes for the same document are skipped; one for a newer version fails the
    /// test (the publish being waited for would never come).
    pub fn wait_for_diagnostics(&mut self, uri: &str, version: Option<i32>) -> Vec<Value> {
        let what = format!("publishDiagnostics for {uri} version {version:?}");
        let want = version.map(i64::from);
        let mut newer = None;
        let msg = self.wait_for(&what, |m| {
            if m.get("method").and_then(Value::as_str) != Some("textDocument/publishDiagnostics") {
                return false;
            }
            let p = &m["params"];
            if p["uri"].as_str() != Some(uri) {
                return false;
            }
            let got = p.get("version").and_then(Value::as_i64);
            if got == want {
                return true;
            }
            if let (Some(g), Some(w)) = (got, want)
                && g > w
            {
                newer = Some(m.clone());
                return true;
            }
            false
        });
        if let Some(n) = newer {
            panic!("waiting for {what}, got a publish for a newer version instead: {n}");
        }
        // Drop the older publishes for this document that the wait stepped over.
        if let Some(w) = want {
            self.inbox.retain(|m| {
                m.get("method").and_then(Value::as_str) != Some("textDocument/publishDiagnostics")
                    || m["params"]["uri"].as_str() != Some(uri)
                    || m["params"].get("version").and_then(Value::as_i64).is_none_or(|v| v > w)
            });
        }
        match &msg["params"]["diagnostics"] {
            Value::Array(d) => d.clone(),
            other => panic!("publishDiagnostics without a diagnostics array: {other}"),
        }
    }

    /// `textDocument/didOpen`.
    pub fn open(&mut self, uri: &str, language_id: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language_id, "version": version, "text": text } }),
        );
    }

    /// `textDocument/didChange` with the given content changes.
    pub fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    /// One incremental edit: replace `(l1,c1)..(l2,c2)` (in the session's encoding) with `text`.
    pub fn edit(&mut self, uri: &str, version: i32, (l1, c1): (u32, u32), (l2, c2): (u32, u32), text: &str) {
        self.change(
            uri,
            version,
            json!([{ "range": { "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } }, "text": text }]),
        );
    }

    /// `textDocument/didClose`.
    pub fn close(&mut self, uri: &str) {
        self.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    }

    /// `shutdown`, then `exit`, then waits for the process; returns its exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert!(result.is_null(), "shutdown returned {result}, not null");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// `exit` without `shutdown` (the LSP spec asks for exit code 1), then waits.
    pub fn exit_without_shutdown(mut self) -> ExitStatus {
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Closes stdin and waits (bounded) for the process to end.
    fn wait_exit(&mut self) -> ExitStatus {
        self.stdin.lock().unwrap_or_else(|e| e.into_inner()).take();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    if let Some(h) = self.reader.take() {
                        let _ = h.join();
                    }
                    if let Some(h) = self.stderr_reader.take() {
                        let _ = h.join();
                    }
                    return status;
                }
                Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
                Ok(None) => panic!(
                    "agentls did not exit within {TIMEOUT:?} after `exit`\nstderr:\n{}",
                    self.stderr()
                ),
                Err(e) => panic!("waiting for agentls: {e}"),
            }
        }
    }
}

impl Drop for LspClient {
    /// A test that panicked mid-session must not leave the server running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The reader thread: forwards every message, answering server->client requests with a null
/// result on the spot so the server never waits on us.
fn reader_loop(mut r: impl BufRead, stdin: &Mutex<Option<ChildStdin>>, tx: &Sender<Incoming>) {
    loop {
        match read_message(&mut r) {
            Ok(Some(msg)) => {
                if msg.get("method").is_some()
                    && let Some(id) = msg.get("id")
                {
                    let _ = write_message(stdin, &json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                }
                if tx.send(Incoming::Message(msg)).is_err() {
                    return;
                }
            }
            Ok(None) => {
                let _ = tx.send(Incoming::Eof);
                return;
            }
            Err(e) => {
                let _ = tx.send(Incoming::Broken(e));
                return;
            }
        }
    }
}
