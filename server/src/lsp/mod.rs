//! The protocol edge: the only module that knows LSP types. It converts positions between the
//! client's encoding and the core's byte offsets, keeps open documents, and publishes what
//! [`crate::analysis`] finds. No analysis happens here.

pub mod convert;
mod server;

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
    runtime.block_on(async {
        let (service, socket) = tower_lsp_server::LspService::new(Backend::new);
        tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .serve(service)
            .await;
    });
    0
}
