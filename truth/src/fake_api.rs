//! A fake Anthropic Messages API on 127.0.0.1: it records every request a tool sends and answers
//! with scripted content (text, or a `tool_use` that makes Claude Code spawn an agent or write a
//! file). What the tool loaded is read from the recorded requests; nothing leaves loopback.
//!
//! Enough HTTP/1.1 for one client: `Content-Length` or chunked request bodies, JSON answers
//! with `Content-Length` on a kept-alive connection, Server-Sent Events (closing the
//! connection) when the request asks for `"stream": true`.

use serde_json::{Value, json};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// One request the tool sent.
#[derive(Debug, Clone)]
pub struct Request {
    /// In arrival order, from 0.
    pub seq: usize,
    pub method: String,
    /// Path with query (`/v1/messages?beta=true`).
    pub path: String,
    /// The JSON body (`Value::Null` when there was none or it was not JSON).
    pub body: Value,
}

/// A block of a scripted answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Text(String),
    ToolUse { id: String, name: String, input: Value },
}

impl Block {
    pub fn text(t: impl Into<String>) -> Block {
        Block::Text(t.into())
    }

    pub fn tool_use(id: impl Into<String>, name: impl Into<String>, input: Value) -> Block {
        Block::ToolUse {
            id: id.into(),
            name: name.into(),
            input,
        }
    }
}

type Responder = dyn Fn(&Request) -> Vec<Block> + Send + Sync;

struct State {
    requests: Mutex<Vec<Request>>,
    seq: AtomicUsize,
    respond: Box<Responder>,
    stop: AtomicBool,
}

/// A running fake API; stops when dropped.
pub struct FakeApi {
    addr: SocketAddr,
    state: Arc<State>,
}

impl FakeApi {
    /// Starts the server on a free port of 127.0.0.1. `respond` scripts the model: it gets each
    /// `POST /v1/messages` request and returns the content of the answer (an empty list answers
    /// `ok`).
    pub fn start(respond: impl Fn(&Request) -> Vec<Block> + Send + Sync + 'static) -> io::Result<FakeApi> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State {
            requests: Mutex::new(Vec::new()),
            seq: AtomicUsize::new(0),
            respond: Box::new(respond),
            stop: AtomicBool::new(false),
        });
        let st = state.clone();
        thread::spawn(move || {
            for conn in listener.incoming() {
                if st.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let st = st.clone();
                thread::spawn(move || {
                    let _ = serve(conn, &st);
                });
            }
        });
        Ok(FakeApi { addr, state })
    }

    /// `http://127.0.0.1:PORT`, for `ANTHROPIC_BASE_URL`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        let mut r = self.state.requests.lock().expect("not poisoned").clone();
        r.sort_by_key(|r| r.seq);
        r
    }

    /// The `POST /v1/messages` requests (what the model was asked), in arrival order.
    pub fn messages(&self) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.starts_with("/v1/messages") && !r.path.contains("count_tokens"))
            .collect()
    }
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(conn: TcpStream, st: &State) -> io::Result<()> {
    conn.set_read_timeout(Some(std::time::Duration::from_secs(120)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut out = conn;
    loop {
        let Some((method, path, headers)) = read_head(&mut reader)? else {
            return Ok(());
        };
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let body = if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
            read_chunked(&mut reader)?
        } else {
            let n: usize = header("content-length")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let mut buf = vec![0; n];
            reader.read_exact(&mut buf)?;
            buf
        };
        let close = header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let req = Request {
            seq: st.seq.fetch_add(1, Ordering::SeqCst),
            method,
            path,
            body,
        };
        st.requests.lock().expect("not poisoned").push(req.clone());
        let route = req.path.split('?').next().unwrap_or_default();
        match (req.method.as_str(), route) {
            ("POST", "/v1/messages/count_tokens") => send_json(&mut out, 200, &json!({"input_tokens": 1}))?,
            ("POST", "/v1/messages") => {
                let mut blocks = (st.respond)(&req);
                if blocks.is_empty() {
                    blocks.push(Block::text("ok"));
                }
                let model = req.body["model"].as_str().unwrap_or("claude").to_string();
                if req.body["stream"].as_bool() == Some(true) {
                    send_stream(&mut out, &model, &blocks)?;
                    return Ok(());
                }
                send_json(&mut out, 200, &message(&model, &blocks))?;
            }
            _ => send_json(
                &mut out,
                404,
                &json!({"type": "error", "error": {"type": "not_found_error", "message": "not part of the fake API"}}),
            )?,
        }
        if close {
            return Ok(());
        }
    }
}

type Head = (String, String, Vec<(String, String)>);

fn read_head(reader: &mut impl BufRead) -> io::Result<Option<Head>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let path = parts.next().unwrap_or_default().to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 {
            return Ok(None);
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    Ok(Some((method, path, headers)))
}

fn read_chunked(reader: &mut impl BufRead) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size = String::new();
        reader.read_line(&mut size)?;
        let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let mut chunk = vec![0; n + 2]; // the chunk and its CRLF
        reader.read_exact(&mut chunk)?;
        if n == 0 {
            return Ok(body);
        }
        body.extend_from_slice(&chunk[..n]);
    }
}

fn stop_reason(blocks: &[Block]) -> &'static str {
    if blocks.iter().any(|b| matches!(b, Block::ToolUse { .. })) {
        "tool_use"
    } else {
        "end_turn"
    }
}

fn block_json(b: &Block) -> Value {
    match b {
        Block::Text(t) => json!({"type": "text", "text": t}),
        Block::ToolUse { id, name, input } => json!({"type": "tool_use", "id": id, "name": name, "input": input}),
    }
}

fn message(model: &str, blocks: &[Block]) -> Value {
    json!({
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": blocks.iter().map(block_json).collect::<Vec<_>>(),
        "stop_reason": stop_reason(blocks),
        "stop_sequence": null,
        "usage": {"input_tokens": 1, "output_tokens": 1},
    })
}

fn send_json(out: &mut impl Write, status: u16, v: &Value) -> io::Result<()> {
    let body = v.to_string();
    let reason = if status == 200 { "OK" } else { "Not Found" };
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    out.flush()
}

fn send_stream(out: &mut impl Write, model: &str, blocks: &[Block]) -> io::Result<()> {
    let mut s = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
    );
    let mut event = |name: &str, data: Value| {
        s.push_str(&format!("event: {name}\ndata: {data}\n\n"));
    };
    let mut start = message(model, &[]);
    start["stop_reason"] = Value::Null;
    event("message_start", json!({"type": "message_start", "message": start}));
    for (i, b) in blocks.iter().enumerate() {
        let (first, delta) = match b {
            Block::Text(t) => (
                json!({"type": "text", "text": ""}),
                json!({"type": "text_delta", "text": t}),
            ),
            Block::ToolUse { id, name, input } => (
                json!({"type": "tool_use", "id": id, "name": name, "input": {}}),
                json!({"type": "input_json_delta", "partial_json": input.to_string()}),
            ),
        };
        event(
            "content_block_start",
            json!({"type": "content_block_start", "index": i, "content_block": first}),
        );
        event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": i, "delta": delta}),
        );
        event("content_block_stop", json!({"type": "content_block_stop", "index": i}));
    }
    event(
        "message_delta",
        json!({"type": "message_delta", "delta": {"stop_reason": stop_reason(blocks), "stop_sequence": null}, "usage": {"output_tokens": 1}}),
    );
    event("message_stop", json!({"type": "message_stop"}));
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// Reading what a Messages request holds.
impl Request {
    /// Sent by a spawned sub-agent, not the main session (Claude Code marks its first system
    /// block with `cc_is_subagent=true`).
    pub fn is_subagent(&self) -> bool {
        self.system_text().contains("cc_is_subagent=true")
    }

    /// All system blocks' text, joined by newlines.
    pub fn system_text(&self) -> String {
        match &self.body["system"] {
            Value::String(s) => s.clone(),
            Value::Array(blocks) => blocks
                .iter()
                .filter_map(|b| b["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        }
    }

    /// The text of every message (user and assistant), joined by newlines.
    pub fn messages_text(&self) -> String {
        let mut out = Vec::new();
        for m in self.body["messages"].as_array().into_iter().flatten() {
            match &m["content"] {
                Value::String(s) => out.push(s.clone()),
                Value::Array(blocks) => {
                    for b in blocks {
                        if let Some(t) = b["text"].as_str() {
                            out.push(t.to_string());
                        }
                        if b["type"] == "tool_result" {
                            out.push(tool_result_text(b));
                        }
                    }
                }
                _ => {}
            }
        }
        out.join("\n")
    }

    /// System and messages text: everything the model was shown.
    pub fn all_text(&self) -> String {
        format!("{}\n{}", self.system_text(), self.messages_text())
    }

    /// The names of the tools the request offers.
    pub fn tool_names(&self) -> Vec<String> {
        self.body["tools"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str().map(String::from))
            .collect()
    }

    /// `(tool_use_id, text, is_error)` of every tool result in the messages.
    pub fn tool_results(&self) -> Vec<(String, String, bool)> {
        let mut out = Vec::new();
        for m in self.body["messages"].as_array().into_iter().flatten() {
            for b in m["content"].as_array().into_iter().flatten() {
                if b["type"] == "tool_result" {
                    out.push((
                        b["tool_use_id"].as_str().unwrap_or_default().to_string(),
                        tool_result_text(b),
                        b["is_error"].as_bool().unwrap_or(false),
                    ));
                }
            }
        }
        out
    }

    /// The model id the request names.
    pub fn model(&self) -> &str {
        self.body["model"].as_str().unwrap_or_default()
    }
}

fn tool_result_text(b: &Value) -> String {
    match &b["content"] {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| p["text"].as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(base: &str, body: &Value) -> String {
        let addr = base.trim_start_matches("http://");
        let mut s = TcpStream::connect(addr).unwrap();
        let b = body.to_string();
        write!(
            s,
            "POST /v1/messages?beta=true HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            b.len()
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn answers_json_and_streams_a_scripted_tool_use() {
        let api = FakeApi::start(|req| {
            if req.body["stream"] == true {
                vec![Block::tool_use("toolu_1", "Agent", json!({"subagent_type": "x"}))]
            } else {
                vec![]
            }
        })
        .unwrap();
        let plain = post(&api.base_url(), &json!({"model": "m", "messages": []}));
        assert!(plain.starts_with("HTTP/1.1 200"), "{plain}");
        assert!(plain.contains(r#""text":"ok""#), "{plain}");
        let streamed = post(&api.base_url(), &json!({"model": "m", "stream": true, "messages": []}));
        assert!(streamed.contains("event: message_start"), "{streamed}");
        assert!(streamed.contains(r#"\"subagent_type\":\"x\""#), "{streamed}");
        assert!(streamed.contains(r#""stop_reason":"tool_use""#), "{streamed}");
        let reqs = api.messages();
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[1].body["stream"], true);
    }
}
