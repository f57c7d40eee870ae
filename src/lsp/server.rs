//! The server's state and main loop: the LSP lifecycle (initialize → requests → shutdown →
//! exit), document sync, debounced re-linting, and dispatch to code actions and hovers.
//!
//! Everything runs on this one thread: linting a post takes well under a millisecond, so a
//! request is answered after the messages before it, always on the current text.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, Initialize, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams, PublishDiagnosticsParams,
    RegistrationParams, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::analysis::{self, Analysis, Configs, Linted};
use super::capabilities::{self, ClientFeatures};
use super::code_actions;
use super::debounce::Debouncer;
use super::diagnostics::{self, OtherFiles};
use super::documents::{Document, Documents};
use super::hover;
use super::position::Encoding;
use super::transport::{Outbound, Transport};
use super::uri;

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

struct Server {
    out: Sender<Outbound>,
    phase: Phase,
    features: ClientFeatures,
    documents: Documents,
    configs: Configs,
    /// The last lint of each open document, with the version it was made from (older than
    /// the document's while a debounced lint is pending).
    analyses: HashMap<Uri, (i32, Analysis)>,
    debouncer: Debouncer,
    next_request_id: i32,
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
                dynamic_file_watching: false,
            },
            documents: Documents::default(),
            configs: Configs::new(cwd),
            analyses: HashMap::new(),
            debouncer: Debouncer::default(),
            next_request_id: 0,
        }
    }

    fn run(&mut self, incoming: &Receiver<Message>) -> Ending {
        loop {
            // Wait for the next message, or until the earliest debounced lint is due.
            let message = match self.debouncer.next_deadline() {
                Some(deadline) => match incoming.recv_deadline(deadline) {
                    Ok(message) => Some(message),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                },
                None => match incoming.recv() {
                    Ok(message) => Some(message),
                    Err(_) => break,
                },
            };
            if let Some(message) = message
                && let Flow::Exit = self.handle_guarded(message)
            {
                return self.ending();
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
        self.configs = Configs::new(fallback_root(&request.params));
        let id = request.id;
        self.phase = Phase::Running;
        self.respond(id, capabilities::initialize_result(&self.features));
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

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let uri = item.uri.clone();
        self.documents.open(Document::new(
            item.uri,
            item.language_id,
            item.version,
            item.text,
        ));
        self.debouncer.cancel(&uri);
        self.lint_and_publish(&uri);
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            eprintln!(
                "frontlint lsp: a change to {} which is not open",
                uri.as_str()
            );
            return;
        };
        doc.apply_changes(
            params.text_document.version,
            params.content_changes,
            self.features.encoding,
        );
        // The old analysis stays until the new one replaces it: its version says it is stale.
        self.debouncer.schedule(uri, Instant::now());
    }

    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Some(doc) = self.documents.get_mut(&uri)
            && let Some(text) = params.text
        {
            doc.replace(text);
        }
        // A client that cannot watch files for us (Neovim on Linux) would never tell us
        // about a config change: there, a save is when configs are read again.
        let config_saved = uri::to_path(&uri).is_some_and(|path| analysis::is_config_file(&path));
        if config_saved || !self.features.dynamic_file_watching {
            self.reload_configs();
        } else if self.documents.get(&uri).is_some() {
            self.debouncer.cancel(&uri);
            self.lint_and_publish(&uri);
        }
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents.close(&uri);
        self.analyses.remove(&uri);
        self.debouncer.cancel(&uri);
        // Diagnostics of a closed file would linger in the problems panel.
        self.publish(uri, Vec::new(), None);
    }

    fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) {
        let config_changed = params
            .changes
            .iter()
            .filter_map(|event| uri::to_path(&event.uri))
            .any(|path| analysis::is_config_file(&path));
        if config_changed {
            self.reload_configs();
        }
    }

    /// Read every config again and re-lint every open document with them.
    fn reload_configs(&mut self) {
        self.configs.reload();
        self.analyses.clear();
        for uri in self.documents.uris() {
            self.debouncer.cancel(&uri);
            self.lint_and_publish(&uri);
        }
    }

    /// Lint the document's current text and publish the result.
    fn lint_and_publish(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let analysis = analysis::analyse(doc, &mut self.configs);
        let was_broken = matches!(self.analyses.get(uri), Some((_, Analysis::BrokenConfig(_))));
        if let Analysis::BrokenConfig(error) = &analysis
            && !was_broken
        {
            // Once per document until it is fixed, not on every keystroke.
            eprintln!("frontlint lsp: {error}");
        }
        let diagnostics = self.lsp_diagnostics(doc, &analysis);
        let version = doc.version;
        self.analyses.insert(uri.clone(), (version, analysis));
        self.publish(uri.clone(), diagnostics, Some(version));
    }

    fn lsp_diagnostics(&self, doc: &Document, analysis: &Analysis) -> Vec<lsp_types::Diagnostic> {
        match analysis {
            Analysis::Linted(linted) => self.linted_diagnostics(doc, linted),
            Analysis::Ignored => Vec::new(),
            Analysis::BrokenConfig(error) => vec![diagnostics::broken_config(error)],
        }
    }

    fn linted_diagnostics(&self, doc: &Document, linted: &Linted) -> Vec<lsp_types::Diagnostic> {
        let others = OtherFiles {
            documents: &self.documents,
            encoding: self.features.encoding,
        };
        linted
            .diagnostics
            .iter()
            .map(|d| diagnostics::to_lsp(d, doc, &others))
            .collect()
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            params,
        )));
    }

    /// Lint a document now if its analysis is missing or a debounced lint is pending, so that
    /// an answer about it matches its current text.
    fn ensure_fresh(&mut self, uri: &Uri) {
        let pending = self.debouncer.cancel(uri);
        let current = self
            .documents
            .get(uri)
            .zip(self.analyses.get(uri))
            .is_some_and(|(doc, (version, _))| doc.version == *version);
        if pending || !current {
            self.lint_and_publish(uri);
        }
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

    fn send(&self, message: Message) {
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

/// Where to look for the config of a buffer with no path: the first workspace folder, else
/// the root URI, else the working directory.
fn fallback_root(params: &serde_json::Value) -> PathBuf {
    ["/workspaceFolders/0/uri", "/rootUri"]
        .iter()
        .filter_map(|pointer| params.pointer(pointer)?.as_str())
        .filter_map(|text| uri::to_path(&text.parse().ok()?))
        .next()
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}
