//! `frontlint lsp`: run the language server on standard input and output.

use crate::lsp::{self, Ending};

use super::ExitStatus;

pub fn run() -> ExitStatus {
    match lsp::run_stdio() {
        Ending::Clean => ExitStatus::Success,
        // The protocol asks for exit status 1 when `exit` comes without `shutdown`.
        Ending::Abrupt => ExitStatus::Failure,
    }
}
