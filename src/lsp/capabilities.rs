//! What the client can do (read once from `initialize`) and what the server offers in return.

use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeResult, PositionEncodingKind, Registration, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use serde_json::Value;

use super::analysis::{CONFIG_GLOBS, MARKDOWN_GLOB};
use super::code_actions::SOURCE_FIX_ALL;
use super::position::Encoding;

/// The client's abilities that change what the server sends.
#[derive(Debug, Clone, Copy)]
pub struct ClientFeatures {
    pub encoding: Encoding,
    /// Versioned `documentChanges` in workspace edits.
    pub document_changes: bool,
    /// `RenameFile` operations in workspace edits (fixes that rename a post).
    pub rename_files: bool,
    /// The server may register file watchers itself (`client/registerCapability`).
    pub dynamic_file_watching: bool,
}

impl ClientFeatures {
    /// Read from the raw `initialize` params, field by field: one field of a shape we do not
    /// expect (clients send many we never use) must not cost the session.
    pub fn from_params(params: &Value) -> ClientFeatures {
        let flag = |pointer: &str| params.pointer(pointer).and_then(Value::as_bool) == Some(true);
        let offered: Option<Vec<PositionEncodingKind>> = params
            .pointer("/capabilities/general/positionEncodings")
            .and_then(Value::as_array)
            .map(|kinds| {
                kinds
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|kind| PositionEncodingKind::from(kind.to_owned()))
                    .collect()
            });
        ClientFeatures {
            encoding: Encoding::negotiate(offered.as_deref()),
            document_changes: flag("/capabilities/workspace/workspaceEdit/documentChanges"),
            rename_files: params
                .pointer("/capabilities/workspace/workspaceEdit/resourceOperations")
                .and_then(Value::as_array)
                .is_some_and(|ops| ops.iter().any(|op| op.as_str() == Some("rename"))),
            dynamic_file_watching: flag(
                "/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration",
            ),
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

/// The file watchers to register: configs (lint everything again) and Markdown files (the
/// site's URLs).
pub fn watcher_registration() -> Registration {
    let watchers = CONFIG_GLOBS
        .iter()
        .chain([&MARKDOWN_GLOB])
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String((*glob).to_owned()),
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
