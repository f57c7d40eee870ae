//! The server's state and main loop: the LSP lifecycle (initialize → requests → shutdown →
//! exit), document sync, debounced re-linting, and dispatch to code actions and hovers.
//!
//! Everything runs on this one thread: linting a post takes well under a millisecond, so a
//! request is answered after the messages before it, always on the current text.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::{Receiver, Select, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, Initialize, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams, RegistrationParams, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::analysis::{Analysis, Configs};
use super::capabilities::{self, ClientFeatures};
use super::code_actions;
use super::debounce::Debouncer;
use super::documents::Documents;
use super::hover;
use super::position::Encoding;
use super::transport::{Outbound, Transport};
use super::uri;
use super::workspace::{self, SiteKey, Workspace};
use crate::site::index::IndexedDoc;

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: exit status 0.
    Clean,
    /// `exit` without `shutdown`, or the client vanished: exit status 1, as the protocol says.
    Abrupt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before `initialize`: requests are refused, notifications dropped.
    Uninitialized,
    Running,
    /// After `shutdown`: only `exit` is expected.
    ShuttingDown,
}

/// Serve one client until `exit` or the end of its input.
pub fn serve(transport: Transport) -> Ending {
    let Transport {
        incoming,
        outgoing,
        writer,
    } = transport;
    let mut server = Server::new(outgoing);
    let ending = server.run(&incoming);
    // Let the writer send everything queued before the process ends.
    drop(server);
    let _ = writer.join();
    ending
}

pub(super) struct Server {
    out: Sender<Outbound>,
    phase: Phase,
    pub(super) features: ClientFeatures,
    pub(super) documents: Documents,
    pub(super) configs: Configs,
    /// The last lint of each open document, with the version it was made from (older than
    /// the document's while a debounced lint is pending).
    pub(super) analyses: HashMap<Uri, (i32, Analysis)>,
    pub(super) debouncer: Debouncer,
    /// What was last published for each open document, and for which version.
    pub(super) published: HashMap<Uri, (i32, Vec<lsp_types::Diagnostic>)>,
    /// Every file of the workspace's sites, for site-wide rules.
    pub(super) workspace: Workspace,
    /// The workspace folders, scanned into `workspace`.
    folders: Vec<PathBuf>,
    scans: (Sender<Scanned>, Receiver<Scanned>),
    /// The latest scan started; results of older ones are dropped.
    pub(super) scan_generation: u64,
    next_request_id: i32,
}

/// The result of a background scan of the workspace folders.
pub(super) struct Scanned {
    pub generation: u64,
    pub docs: Vec<(SiteKey, IndexedDoc)>,
}

enum Flow {
    Continue,
    Exit,
}

impl Server {
    fn new(out: Sender<Outbound>) -> Server {
        let cwd = std::env::current_dir().unwrap_or_default();
        Server {
            out,
            phase: Phase::Uninitialized,
            features: ClientFeatures {
                encoding: Encoding::Utf16,
                document_changes: false,
                rename_files: false,
                dynamic_file_watching: false,
            },
            documents: Documents::default(),
            configs: Configs::new(cwd),
            analyses: HashMap::new(),
            debouncer: Debouncer::default(),
            published: HashMap::new(),
            workspace: Workspace::default(),
            folders: Vec::new(),
            scans: crossbeam_channel::unbounded(),
            scan_generation: 0,
            next_request_id: 0,
        }
    }

    fn run(&mut self, incoming: &Receiver<Message>) -> Ending {
        let scans = self.scans.1.clone();
        loop {
            // Wait for a message, a finished scan, or the earliest debounced lint.
            let mut select = Select::new();
            let message_ready = select.recv(incoming);
            select.recv(&scans);
            let ready = match self.debouncer.next_deadline() {
                Some(deadline) => select.select_deadline(deadline).ok(),
                None => Some(select.select()),
            };
            match ready {
                Some(operation) if operation.index() == message_ready => {
                    let Ok(message) = operation.recv(incoming) else {
                        break;
                    };
                    if let Flow::Exit = self.handle_guarded(message) {
                        return self.ending();
                    }
                }
                Some(operation) => {
                    if let Ok(scanned) = operation.recv(&scans) {
                        self.scan_finished(scanned);
                    }
                }
                None => {} // the deadline passed
            }
            // Also after a message: a steady stream of them must not starve a due lint.
            for uri in self.debouncer.take_due(Instant::now()) {
                self.lint_and_publish(&uri);
            }
        }
        eprintln!("frontlint lsp: the client closed the connection without `exit`");
        self.ending()
    }

    fn ending(&self) -> Ending {
        if self.phase == Phase::ShuttingDown {
            Ending::Clean
        } else {
            Ending::Abrupt
        }
    }

    /// A bug that panics while handling one message costs that message (a request gets an
    /// internal error), not the editor's session.
    fn handle_guarded(&mut self, message: Message) -> Flow {
        let id = match &message {
            Message::Request(request) => Some(request.id.clone()),
            _ => None,
        };
        match catch_unwind(AssertUnwindSafe(|| self.handle(message))) {
            Ok(flow) => flow,
            Err(_) => {
                // The panic message is already on standard error (the default hook).
                if let Some(id) = id {
                    self.respond_error(
                        id,
                        ErrorCode::InternalError,
                        "frontlint failed on this request",
                    );
                }
                Flow::Continue
            }
        }
    }

    fn handle(&mut self, message: Message) -> Flow {
        match message {
            Message::Request(request) => {
                self.handle_request(request);
                Flow::Continue
            }
            Message::Notification(notification) => self.handle_notification(notification),
            Message::Response(response) => {
                if let Err(error) = response.response_result {
                    eprintln!(
                        "frontlint lsp: the client refused request {}: {}",
                        response.id, error.message
                    );
                }
                Flow::Continue
            }
        }
    }

    fn handle_request(&mut self, request: Request) {
        match (self.phase, request.method.as_str()) {
            (Phase::Uninitialized, Initialize::METHOD) => self.initialize(request),
            (Phase::Uninitialized, _) => self.respond_error(
                request.id,
                ErrorCode::ServerNotInitialized,
                "the server has not been initialized",
            ),
            (Phase::ShuttingDown, _) => self.respond_error(
                request.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            ),
            (Phase::Running, Initialize::METHOD) => self.respond_error(
                request.id,
                ErrorCode::InvalidRequest,
                "the server is already initialized",
            ),
            (Phase::Running, Shutdown::METHOD) => {
                self.phase = Phase::ShuttingDown;
                self.respond(request.id, ());
            }
            (Phase::Running, CodeActionRequest::METHOD) => {
                if let Some((id, params)) = self.params::<code_actions::Params>(request) {
                    let actions = self.code_actions(&params);
                    self.respond(id, actions);
                }
            }
            (Phase::Running, HoverRequest::METHOD) => {
                if let Some((id, params)) = self.params::<HoverParams>(request) {
                    let hover = self.hover(&params);
                    self.respond(id, hover);
                }
            }
            (Phase::Running, method) => {
                eprintln!("frontlint lsp: unknown request `{method}`");
                let message = format!("frontlint does not handle `{method}`");
                self.respond_error(request.id, ErrorCode::MethodNotFound, &message);
            }
        }
    }

    fn handle_notification(&mut self, notification: Notification) -> Flow {
        let method = notification.method.as_str();
        if method == "exit" {
            return Flow::Exit;
        }
        if self.phase != Phase::Running {
            return Flow::Continue;
        }
        match method {
            "initialized" => self.register_watchers(),
            DidOpenTextDocument::METHOD => {
                if let Some(params) = notification_params::<DidOpenTextDocumentParams>(notification)
                {
                    self.did_open(params);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(params) =
                    notification_params::<DidChangeTextDocumentParams>(notification)
                {
                    self.did_change(params);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Some(params) = notification_params::<DidSaveTextDocumentParams>(notification)
                {
                    self.did_save(params);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(params) =
                    notification_params::<DidCloseTextDocumentParams>(notification)
                {
                    self.did_close(params);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Some(params) =
                    notification_params::<DidChangeWatchedFilesParams>(notification)
                {
                    self.did_change_watched_files(params);
                }
            }
            // `$/cancelRequest`, `$/setTrace`…: optional by the protocol's rule for `$/`;
            // requests are answered in order before a cancellation could matter.
            method if method.starts_with("$/") => {}
            "workspace/didChangeConfiguration" => {}
            method => eprintln!("frontlint lsp: ignored notification `{method}`"),
        }
        Flow::Continue
    }

    fn initialize(&mut self, request: Request) {
        if !request.params.is_object() {
            let message = "`initialize` needs an object of params";
            self.respond_error(request.id, ErrorCode::InvalidParams, message);
            return;
        }
        self.features = ClientFeatures::from_params(&request.params);
        self.folders = workspace_folders(&request.params);
        let fallback = self.folders.first().cloned();
        self.configs = Configs::new(fallback.unwrap_or_else(|| self.configs.fallback().clone()));
        let id = request.id;
        self.phase = Phase::Running;
        self.respond(id, capabilities::initialize_result(&self.features));
        self.start_scan();
    }

    /// Index the workspace folders on a background thread; the result comes back to the main
    /// loop as a `Scanned`.
    pub(super) fn start_scan(&mut self) {
        self.scan_generation += 1;
        if self.folders.is_empty() {
            return;
        }
        let generation = self.scan_generation;
        let folders = self.folders.clone();
        let results = self.scans.0.clone();
        let spawned = std::thread::Builder::new()
            .name("lsp-workspace-scan".to_owned())
            .spawn(move || {
                let docs = workspace::scan(&folders);
                let _ = results.send(Scanned { generation, docs });
            });
        if let Err(error) = spawned {
            eprintln!("frontlint lsp: cannot index the workspace: {error}");
        }
    }

    /// Ask the client to tell us about config changes, when it lets servers ask.
    fn register_watchers(&mut self) {
        if !self.features.dynamic_file_watching {
            return;
        }
        let params = RegistrationParams {
            registrations: vec![capabilities::watcher_registration()],
        };
        self.next_request_id += 1;
        let id = RequestId::from(format!("frontlint/{}", self.next_request_id));
        let request = Request::new(id, RegisterCapability::METHOD.to_owned(), params);
        self.send(Message::Request(request));
    }

    fn code_actions(
        &mut self,
        params: &code_actions::Params,
    ) -> Option<lsp_types::CodeActionResponse> {
        let uri = &params.text_document.uri;
        self.ensure_fresh(uri);
        let doc = self.documents.get(uri)?;
        let (_, Analysis::Linted(linted)) = self.analyses.get(uri)? else {
            return Some(Vec::new());
        };
        let lsp_diagnostics = self.linted_diagnostics(doc, linted);
        Some(code_actions::code_actions(
            params,
            &code_actions::Request {
                doc,
                linted,
                lsp_diagnostics: &lsp_diagnostics,
                encoding: self.features.encoding,
                document_changes: self.features.document_changes,
                rename_files: self.features.rename_files && self.features.document_changes,
            },
        ))
    }

    fn hover(&mut self, params: &HoverParams) -> Option<lsp_types::Hover> {
        let position = &params.text_document_position_params;
        let uri = &position.text_document.uri;
        self.ensure_fresh(uri);
        let doc = self.documents.get(uri)?;
        let (_, Analysis::Linted(linted)) = self.analyses.get(uri)? else {
            return None;
        };
        hover::hover(doc, linted, position.position, self.features.encoding)
    }

    /// A request's params, or an `InvalidParams` error sent for it.
    fn params<P: DeserializeOwned>(&self, request: Request) -> Option<(RequestId, P)> {
        match serde_json::from_value(request.params) {
            Ok(params) => Some((request.id, params)),
            Err(error) => {
                eprintln!(
                    "frontlint lsp: bad params for `{}`: {error}",
                    request.method
                );
                let message = format!("invalid params for `{}`: {error}", request.method);
                self.respond_error(request.id, ErrorCode::InvalidParams, &message);
                None
            }
        }
    }

    fn respond(&self, id: RequestId, result: impl Serialize) {
        self.send(Message::Response(Response::new_ok(id, result)));
    }

    fn respond_error(&self, id: RequestId, code: ErrorCode, message: &str) {
        self.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message.to_owned(),
        )));
    }

    pub(super) fn send(&self, message: Message) {
        // The writer is gone only when the client is; the loop ends at the next read.
        let _ = self.out.send(Outbound::Message(message));
    }
}

/// A notification's params, or `None` after logging why they are unusable.
fn notification_params<P: DeserializeOwned>(notification: Notification) -> Option<P> {
    match serde_json::from_value(notification.params) {
        Ok(params) => Some(params),
        Err(error) => {
            eprintln!(
                "frontlint lsp: bad params for `{}`: {error}",
                notification.method
            );
            None
        }
    }
}

/// The workspace folders (`workspaceFolders`, else `rootUri`), as paths.
fn workspace_folders(params: &serde_json::Value) -> Vec<PathBuf> {
    let to_path = |uri: &serde_json::Value| uri::to_path(&uri.as_str()?.parse().ok()?);
    let folders: Vec<PathBuf> = params
        .get("workspaceFolders")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|folder| to_path(folder.get("uri")?))
        .collect();
    if !folders.is_empty() {
        return folders;
    }
    params
        .get("rootUri")
        .and_then(to_path)
        .into_iter()
        .collect()
}
