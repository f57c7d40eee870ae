//! `frontlint lsp`: a language server over standard input and output, so that editors show
//! frontlint's diagnostics while the author types, with fixes one keystroke away.
//!
//! - `transport`: JSON-RPC framing on stdio, robust to malformed messages.
//! - `server`: lifecycle, main loop and dispatch of requests; `sync`: documents and files kept
//!   in step with the editor and the disk; `debounce`: when a changed document is linted again.
//! - `documents`: the editor's text of each open document; `analysis`: its config (found as the
//!   CLI finds it) and its lint; `workspace`: every file of the sites, for site-wide rules.
//! - `diagnostics`, `code_actions`, `hover`: the answers, converted to the protocol.
//! - `position`: byte offsets ↔ LSP positions in the negotiated encoding; `uri`: URIs ↔ paths;
//!   `capabilities`: what client and server can do.

mod analysis;
mod capabilities;
mod code_actions;
mod debounce;
mod diagnostics;
mod documents;
mod hover;
mod position;
mod server;
mod sync;
mod transport;
mod uri;
mod workspace;

pub use server::Ending;

/// Serve one client over standard input and output until it says `exit` or goes away.
pub fn run_stdio() -> Ending {
    server::serve(transport::stdio())
}
