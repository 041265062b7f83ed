//! A fake Gemini API (the Google GenAI REST API Gemini CLI speaks) on 127.0.0.1: it records
//! every request and answers with scripted parts (text, or a function call that makes Gemini
//! CLI invoke a subagent, finish a subagent's task or activate a skill). Nothing leaves
//! loopback: Gemini CLI is pointed here with `GOOGLE_GEMINI_BASE_URL`.
//!
//! Routes: `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (Server-Sent Events),
//! `POST …:generateContent` (JSON), `POST …:countTokens`. Anything else is a 404.

use serde_json::{Value, json};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// One request Gemini CLI sent.
#[derive(Debug, Clone)]
pub struct Request {
    /// In arrival order, from 0.
    pub seq: usize,
    pub method: String,
    /// Path with query (`/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse`).
    pub path: String,
    /// The JSON body (`Value::Null` when there was none or it was not JSON).
    pub body: Value,
}

/// A part of a scripted answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Call { id: String, name: String, args: Value },
}

impl Part {
    pub fn text(t: impl Into<String>) -> Part {
        Part::Text(t.into())
    }

    pub fn call(id: impl Into<String>, name: impl Into<String>, args: Value) -> Part {
        Part::Call {
            id: id.into(),
            name: name.into(),
            args,
        }
    }

    fn json(&self) -> Value {
        match self {
            Part::Text(t) => json!({"text": t}),
            Part::Call { id, name, args } => json!({"functionCall": {"id": id, "name": name, "args": args}}),
        }
    }
}

type Responder = dyn Fn(&Request) -> Vec<Part> + Send + Sync;

struct State {
    requests: Mutex<Vec<Request>>,
    seq: AtomicUsize,
    respond: Box<Responder>,
    stop: AtomicBool,
}

/// A running fake API; stops when dropped.
pub struct FakeGemini {
    addr: SocketAddr,
    state: Arc<State>,
}

impl FakeGemini {
    /// Starts the server on a free port of 127.0.0.1. `respond` scripts the model: it gets each
    /// content-generating request and returns the parts of the answer (an empty list answers
    /// `ok`).
    pub fn start(respond: impl Fn(&Request) -> Vec<Part> + Send + Sync + 'static) -> io::Result<FakeGemini> {
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
        Ok(FakeGemini { addr, state })
    }

    /// `http://127.0.0.1:PORT`, for `GOOGLE_GEMINI_BASE_URL`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        let mut r = self.state.requests.lock().expect("not poisoned").clone();
        r.sort_by_key(|r| r.seq);
        r
    }

    /// The content-generating requests (what the model was asked), in arrival order.
    pub fn generations(&self) -> Vec<Request> {
        self.requests().into_iter().filter(Request::is_generation).collect()
    }
}

impl Drop for FakeGemini {
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
        let req = Request {
            seq: st.seq.fetch_add(1, Ordering::SeqCst),
            method,
            path,
            body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        };
        st.requests.lock().expect("not poisoned").push(req.clone());
        let route = req.path.split('?').next().unwrap_or_default();
        if req.method == "POST" && route.ends_with(":countTokens") {
            send(
                &mut out,
                200,
                "application/json",
                &json!({"totalTokens": 1}).to_string(),
            )?;
        } else if req.is_generation() {
            let mut parts = (st.respond)(&req);
            if parts.is_empty() {
                parts.push(Part::text("ok"));
            }
            let answer = json!({
                "candidates": [{
                    "content": {"role": "model", "parts": parts.iter().map(Part::json).collect::<Vec<_>>()},
                    "finishReason": "STOP",
                    "index": 0,
                }],
                "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2},
                "modelVersion": req.model(),
            });
            if route.ends_with(":streamGenerateContent") {
                send(&mut out, 200, "text/event-stream", &format!("data: {answer}\r\n\r\n"))?;
            } else {
                send(&mut out, 200, "application/json", &answer.to_string())?;
            }
        } else {
            let err = json!({"error": {"code": 404, "message": "not part of the fake API", "status": "NOT_FOUND"}});
            send(&mut out, 404, "application/json", &err.to_string())?;
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

fn send(out: &mut impl Write, status: u16, content_type: &str, body: &str) -> io::Result<()> {
    let reason = if status == 200 { "OK" } else { "Not Found" };
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    out.flush()
}

/// Reading what a generation request holds.
impl Request {
    /// A `generateContent` or `streamGenerateContent` call.
    pub fn is_generation(&self) -> bool {
        let route = self.path.split('?').next().unwrap_or_default();
        self.method == "POST" && (route.ends_with(":generateContent") || route.ends_with(":streamGenerateContent"))
    }

    /// The model id of the path (`/v1beta/models/MODEL:streamGenerateContent`).
    pub fn model(&self) -> String {
        let route = self.path.split('?').next().unwrap_or_default();
        let after = route.split("/models/").nth(1).unwrap_or_default();
        after.rsplit_once(':').map(|(m, _)| m).unwrap_or(after).to_string()
    }

    /// The system instruction's text.
    pub fn system_text(&self) -> String {
        match &self.body["systemInstruction"] {
            Value::String(s) => s.clone(),
            v => v["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The text parts of the contents (user and model turns), joined by newlines.
    pub fn contents_text(&self) -> String {
        let mut out = Vec::new();
        for c in self.body["contents"].as_array().into_iter().flatten() {
            for p in c["parts"].as_array().into_iter().flatten() {
                if let Some(t) = p["text"].as_str() {
                    out.push(t.to_string());
                }
            }
        }
        out.join("\n")
    }

    /// The names of the function declarations the request offers, in order.
    pub fn tool_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for t in self.body["tools"].as_array().into_iter().flatten() {
            for f in t["functionDeclarations"].as_array().into_iter().flatten() {
                if let Some(n) = f["name"].as_str() {
                    out.push(n.to_string());
                }
            }
        }
        out
    }

    /// `(id, name, response)` of every function response in the contents.
    pub fn function_responses(&self) -> Vec<(String, String, Value)> {
        let mut out = Vec::new();
        for c in self.body["contents"].as_array().into_iter().flatten() {
            for p in c["parts"].as_array().into_iter().flatten() {
                let r = &p["functionResponse"];
                if r.is_object() {
                    out.push((
                        r["id"].as_str().unwrap_or_default().to_string(),
                        r["name"].as_str().unwrap_or_default().to_string(),
                        r["response"].clone(),
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(base: &str, path: &str, body: &Value) -> String {
        let addr = base.trim_start_matches("http://");
        let mut s = TcpStream::connect(addr).unwrap();
        let b = body.to_string();
        write!(
            s,
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{b}",
            b.len()
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn streams_a_scripted_function_call_and_answers_json() {
        let api = FakeGemini::start(|req| {
            if req.tool_names().iter().any(|t| t == "invoke_agent") {
                vec![Part::call("c1", "invoke_agent", json!({"agent_name": "x"}))]
            } else {
                vec![]
            }
        })
        .unwrap();
        let body = json!({
            "contents": [{"role": "user", "parts": [{"text": "hi"}]}],
            "systemInstruction": {"parts": [{"text": "sys"}]},
            "tools": [{"functionDeclarations": [{"name": "invoke_agent"}]}],
        });
        let streamed = post(
            &api.base_url(),
            "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
            &body,
        );
        assert!(streamed.starts_with("HTTP/1.1 200"), "{streamed}");
        assert!(streamed.contains("data: {"), "{streamed}");
        assert!(
            streamed.contains(r#""functionCall":{"args":{"agent_name":"x"}"#),
            "{streamed}"
        );
        let plain = post(
            &api.base_url(),
            "/v1beta/models/m:generateContent",
            &json!({"contents": []}),
        );
        assert!(plain.contains(r#""text":"ok""#), "{plain}");
        let missing = post(&api.base_url(), "/v1beta/models", &json!({}));
        assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
        let reqs = api.generations();
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0].model(), "gemini-2.5-pro");
        assert_eq!(reqs[0].system_text(), "sys");
        assert_eq!(reqs[0].contents_text(), "hi");
        assert_eq!(reqs[1].model(), "m");
    }
}
