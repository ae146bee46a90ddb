//! The language-server adapter (`brieflint lsp`): LSP over stdio on top of the same core and workspace loading
//! as `brieflint check`.
//!
//! - `positions.rs`: the only conversion between byte offsets and LSP positions (UTF-8 or UTF-16).
//! - `documents.rs`: open documents as ropes; `snapshot.rs`: one analysed version of a document.
//! - `scheduler.rs`: analyses each open document, refreshes it when it or the workspace changes, and publishes
//!   its diagnostics once per version; `publish.rs`: publishDiagnostics serialised from what is kept for each
//!   unchanged chunk.
//! - `project.rs`, `settings.rs` and `reload.rs`: configuration, knowledge base and editor settings, and
//!   loading them again when they change; `linted.rs`: which documents are linted (`[files]` and
//!   `brieflint.enable`).
//! - `kb_files.rs`: an open knowledge-base file gets `brieflint kb check`'s problems as diagnostics.
//! - `diagnostics.rs`, `hover.rs`, `completion.rs`, `navigation.rs`, `actions.rs`, `report.rs` (the sourcing
//!   report, through `workspace/executeCommand`): one feature each.
//! - `server.rs`: the protocol handlers, over `state.rs` (what they share with the scheduler) and
//!   `capabilities.rs` (what `initialize` settles); `panics.rs`: catches and reports a panic so the server goes
//!   on; `framing.rs`: keeps a malformed message from ending the session; `outgoing.rs`: writes
//!   publishDiagnostics straight to the client, beside tower-lsp-server's own messages.

mod actions;
mod capabilities;
mod completion;
mod diagnostics;
mod documents;
mod framing;
mod hover;
mod kb_files;
mod linted;
mod navigation;
mod outgoing;
mod panics;
pub mod positions;
mod project;
mod publish;
mod reload;
mod report;
mod scheduler;
mod server;
mod settings;
mod snapshot;
mod state;

pub use server::Backend;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Serve one client until `exit` or the end of input; true when `shutdown` came first (a clean exit).
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
{
    let input = framing::guard(input);
    let output = std::pin::pin!(output);
    let (server_output, outgoing, write) = outgoing::join(output);
    let shutdown = Arc::new(AtomicBool::new(false));
    let flag = shutdown.clone();
    let (service, socket) = LspService::new(move |client| Backend::new(client, flag, outgoing));
    let serve = async move { Server::new(input, server_output, socket).serve(service).await };
    tokio::join!(serve, write);
    shutdown.load(Ordering::SeqCst)
}

/// `brieflint lsp`: serve over stdin and stdout. The exit status is 0 after shutdown and exit, 1 otherwise.
pub fn run_stdio() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("brieflint lsp: cannot start: {e}");
            return 2;
        }
    };
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    if clean {
        0
    } else {
        1
    }
}
