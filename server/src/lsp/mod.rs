//! The protocol edge: the only module that knows LSP types. It converts positions between the
//! client's encoding and the core's byte offsets, keeps open documents, and publishes what
//! [`crate::analysis`] finds. No analysis happens here.

pub mod convert;
mod features;
mod navigation;
mod server;
mod settings;
mod transport;

pub use server::Backend;

/// All protocol types come through here, so a move to a newer tower-lsp-server is one place.
pub use tower_lsp_server::ls_types as types;

/// Runs the server on stdin/stdout until the client says `exit`. Returns the exit code.
pub fn serve_stdio() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("agentls: cannot start the async runtime: {e}");
            return 2;
        }
    };
    let shutdown_seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    runtime.block_on(async {
        let builder = tower_lsp_server::LspService::build(Backend::new);
        // Debug builds answer `agentls/debugPanic` by panicking, so tests can prove a panic in
        // a handler is contained.
        #[cfg(debug_assertions)]
        let builder = builder.custom_method("agentls/debugPanic", Backend::debug_panic);
        let (service, socket) = builder.finish();
        // Client → guard → server, and server → stdout, through in-memory pipes.
        let (to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, from_server) = tokio::io::duplex(1 << 16);
        let stdout = std::sync::Arc::new(tokio::sync::Mutex::new(tokio::io::stdout()));
        let input = tokio::spawn(transport::pump_input(
            tokio::io::stdin(),
            to_server,
            stdout.clone(),
            shutdown_seen.clone(),
        ));
        let output = tokio::spawn(transport::pump_output(from_server, stdout));
        tower_lsp_server::Server::new(server_in, server_out, socket)
            .serve(transport::CatchPanic(service))
            .await;
        input.abort();
        let _ = output.await;
    });
    // The stdin reader may still be blocked in a read on a blocking-pool thread (the client
    // has not closed the pipe): do not wait for it, or `exit` would hang until it does.
    runtime.shutdown_background();
    // LSP: exit code 0 after `shutdown`, 1 when `exit` (or end of input) comes without it.
    if shutdown_seen.load(std::sync::atomic::Ordering::SeqCst) {
        0
    } else {
        1
    }
}
