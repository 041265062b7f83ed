//! A guard between stdio and tower-lsp-server. tower-lsp-server ends the whole session on the
//! first frame it cannot decode (tokio-util's `FramedRead` stops after an error), so one bad
//! message from a client would kill the server. The guard reads frames itself, answers a body
//! that is not JSON with `-32700 Parse error` and one that is not a JSON-RPC message with
//! `-32600 Invalid Request` (both per JSON-RPC 2.0), and forwards only good frames. It also
//! remembers whether `shutdown` came before `exit`, for the exit code the LSP spec asks for.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::Mutex;
use tower_lsp_server::jsonrpc::{Request, Response};

/// Frames larger than this are refused (and skipped) rather than buffered.
const MAX_FRAME: usize = 256 << 20;

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{}", body.len(), body).into_bytes()
}

fn error_response(id: serde_json::Value, code: i64, message: &str) -> Vec<u8> {
    frame(&serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string())
}

/// What to do with one received body.
fn classify(body: &[u8], shutdown_seen: &AtomicBool) -> Result<(), Vec<u8>> {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_response(
                serde_json::Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ));
        }
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let ok_id = matches!(
        id,
        serde_json::Value::Null | serde_json::Value::Number(_) | serde_json::Value::String(_)
    );
    let is_request = value.get("method").is_some_and(|m| m.is_string());
    let is_response = value.get("id").is_some() && (value.get("result").is_some() || value.get("error").is_some());
    let params_ok = value
        .get("params")
        .is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
    if !value.is_object()
        || value.get("jsonrpc").and_then(|v| v.as_str()) != Some("2.0")
        || !ok_id
        || !(is_request || is_response)
        || !params_ok
    {
        let id = if ok_id { id } else { serde_json::Value::Null };
        return Err(error_response(
            id,
            -32600,
            "Invalid Request: not a JSON-RPC 2.0 message",
        ));
    }
    if value.get("method").and_then(|m| m.as_str()) == Some("shutdown") {
        shutdown_seen.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Reads the header block; `Ok(None)` at end of input, `Err(())` for a block without a usable
/// `Content-Length` (the block is consumed; reading resumes at the next one).
async fn read_headers<R: AsyncRead + Unpin>(input: &mut BufReader<R>) -> std::io::Result<Option<Result<usize, ()>>> {
    let mut length: Option<Result<usize, ()>> = None;
    let mut any = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).await? == 0 {
            return Ok(if any { Some(Err(())) } else { None });
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if any {
                return Ok(Some(length.unwrap_or(Err(()))));
            }
            continue; // stray blank lines between frames
        }
        any = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(value.trim().parse::<usize>().map_err(|_| ()));
        }
    }
}

/// Copies client input to the server, frame by frame, answering bad frames itself.
pub async fn pump_input<R, W>(input: R, mut to_server: W, out: Arc<Mutex<tokio::io::Stdout>>, guard: Arc<AtomicBool>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    loop {
        let len = match read_headers(&mut input).await {
            Ok(None) | Err(_) => break,
            Ok(Some(Err(()))) => {
                write_out(
                    &out,
                    &error_response(
                        serde_json::Value::Null,
                        -32700,
                        "Parse error: missing or invalid Content-Length",
                    ),
                )
                .await;
                continue;
            }
            Ok(Some(Ok(n))) => n,
        };
        if len > MAX_FRAME {
            let mut skip = (&mut input).take(len as u64);
            if tokio::io::copy(&mut skip, &mut tokio::io::sink()).await.is_err() {
                break;
            }
            write_out(
                &out,
                &error_response(serde_json::Value::Null, -32600, "Invalid Request: message too large"),
            )
            .await;
            continue;
        }
        let mut body = vec![0; len];
        if input.read_exact(&mut body).await.is_err() {
            break;
        }
        match classify(&body, &guard) {
            Ok(()) => {
                let mut msg = format!("Content-Length: {len}\r\n\r\n").into_bytes();
                msg.extend_from_slice(&body);
                if to_server.write_all(&msg).await.is_err() || to_server.flush().await.is_err() {
                    break;
                }
            }
            Err(reply) => write_out(&out, &reply).await,
        }
    }
    // Dropping `to_server` ends the server's input, as end of stdin would.
}

async fn write_out(out: &Mutex<tokio::io::Stdout>, bytes: &[u8]) {
    let mut out = out.lock().await;
    let _ = out.write_all(bytes).await;
    let _ = out.flush().await;
}

/// Copies the server's output to stdout whole frames at a time, so the guard's own replies
/// never land in the middle of one.
pub async fn pump_output<R: AsyncRead + Unpin>(from_server: R, out: Arc<Mutex<tokio::io::Stdout>>) {
    let mut from_server = BufReader::new(from_server);
    loop {
        let len = match read_headers(&mut from_server).await {
            Ok(Some(Ok(n))) => n,
            _ => break,
        };
        let mut body = vec![0; len];
        if from_server.read_exact(&mut body).await.is_err() {
            break;
        }
        let mut msg = format!("Content-Length: {len}\r\n\r\n").into_bytes();
        msg.extend_from_slice(&body);
        write_out(&out, &msg).await;
    }
}

/// Wraps the service so that a panic in any handler becomes an `InternalError` response (or,
/// for a notification, a log line) instead of taking the server down.
pub struct CatchPanic<S>(pub S);

impl<S> tower::Service<Request> for CatchPanic<S>
where
    S: tower::Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<Option<Response>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        use futures::FutureExt;
        let id = req.id().cloned();
        let method = req.method().to_string();
        let fut = self.0.call(req);
        Box::pin(async move {
            match std::panic::AssertUnwindSafe(fut).catch_unwind().await {
                Ok(result) => result,
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    eprintln!("agentls: the `{method}` handler panicked ({what}); the server goes on");
                    let error = tower_lsp_server::jsonrpc::Error {
                        code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
                        message: format!("agentls failed on `{method}`: {what}").into(),
                        data: None,
                    };
                    Ok(id.map(|id| Response::from_error(id, error)))
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_bodies() {
        let seen = AtomicBool::new(false);
        assert!(classify(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#, &seen).is_ok());
        assert!(classify(br#"{"jsonrpc":"2.0","method":"exit"}"#, &seen).is_ok());
        assert!(classify(br#"{"jsonrpc":"2.0","id":3,"result":null}"#, &seen).is_ok());
        let err = |b: &[u8]| String::from_utf8(classify(b, &seen).unwrap_err()).unwrap();
        assert!(err(b"{not json!!}").contains("-32700"));
        assert!(err(b"{}").contains("-32600"));
        assert!(err(br#"{"jsonrpc":"2.0","id":7}"#).contains(r#""id":7"#));
        assert!(err(br#"[1,2]"#).contains("-32600"));
        assert!(!seen.load(Ordering::SeqCst));
        assert!(classify(br#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#, &seen).is_ok());
        assert!(seen.load(Ordering::SeqCst));
    }
}
