//! What the client can do (read once from `initialize`) and what the server offers in return.

use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, Registration, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use super::analysis::WATCHED_CONFIG_NAMES;
use super::code_actions::SOURCE_FIX_ALL;
use super::position::Encoding;

/// The client's abilities that change what the server sends.
#[derive(Debug, Clone, Copy)]
pub struct ClientFeatures {
    pub encoding: Encoding,
    /// Versioned `documentChanges` in workspace edits.
    pub document_changes: bool,
    /// The server may register file watchers itself (`client/registerCapability`).
    pub dynamic_file_watching: bool,
}

impl ClientFeatures {
    pub fn from_params(params: &InitializeParams) -> ClientFeatures {
        let capabilities = &params.capabilities;
        let workspace = capabilities.workspace.as_ref();
        ClientFeatures {
            encoding: Encoding::negotiate(
                capabilities
                    .general
                    .as_ref()
                    .and_then(|general| general.position_encodings.as_deref()),
            ),
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|edit| edit.document_changes)
                .unwrap_or(false),
            dynamic_file_watching: workspace
                .and_then(|w| w.did_change_watched_files)
                .and_then(|watch| watch.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

pub fn initialize_result(features: &ClientFeatures) -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(features.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    will_save: None,
                    will_save_wait_until: None,
                    // The editor's text is already known from the changes.
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, SOURCE_FIX_ALL]),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "frontlint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    }
}

/// The id of the file-watcher registration (to unregister it, should that be needed).
const WATCHER_REGISTRATION: &str = "frontlint-watched-files";

/// The file watchers to register: every config whose change means linting again.
pub fn watcher_registration() -> Registration {
    let watchers = WATCHED_CONFIG_NAMES
        .iter()
        .map(|name| FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    Registration {
        id: WATCHER_REGISTRATION.to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
            watchers,
        })
        .ok(),
    }
}
