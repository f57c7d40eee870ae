//! Keeping the server in step with the editor and the disk: open, change, save and close of
//! documents, watched-file events, the workspace scan; linting a document and publishing its
//! diagnostics, and linting a site's other open documents when a URL in it moves.

use std::path::Path;
use std::time::Instant;

use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, PublishDiagnosticsParams,
    Uri,
};

use super::analysis::{self, Analysis, Linted};
use super::diagnostics::{self, OtherFiles};
use super::documents::Document;
use super::server::{Scanned, Server};
use super::uri;
use super::workspace::{self, SiteKey};

impl Server {
    pub(super) fn did_open(&mut self, params: DidOpenTextDocumentParams) {
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

    pub(super) fn did_change(&mut self, params: DidChangeTextDocumentParams) {
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

    pub(super) fn did_save(&mut self, params: DidSaveTextDocumentParams) {
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

    pub(super) fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = self.documents.close(&uri);
        self.analyses.remove(&uri);
        self.published.remove(&uri);
        self.debouncer.cancel(&uri);
        // Diagnostics of a closed file would linger in the problems panel.
        self.publish(uri, Vec::new(), None);
        // The editor's unsaved text is gone: the site has the file on disk again (or none).
        if let Some(path) = closed.and_then(|doc| doc.path) {
            self.refresh_from_disk(&path);
        }
    }

    pub(super) fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<(std::path::PathBuf, FileChangeType)> = params
            .changes
            .iter()
            .filter_map(|event| Some((uri::to_path(&event.uri)?, event.typ)))
            .collect();
        if paths.iter().any(|(path, _)| analysis::is_config_file(path)) {
            self.reload_configs();
            return;
        }
        for (path, change) in paths {
            if change == FileChangeType::DELETED {
                if let Some(key) = self.workspace.remove(&crate::config::absolute(&path)) {
                    self.relint_site(&key, None);
                }
            } else {
                self.refresh_from_disk(&path);
            }
        }
    }

    /// Summarise a file from disk unless the editor has it open (its text wins), and lint the
    /// site's open documents again if that moved a URL.
    fn refresh_from_disk(&mut self, path: &Path) {
        let path = crate::config::absolute(path);
        let open = self
            .documents
            .uris()
            .iter()
            .filter_map(|uri| self.documents.get(uri))
            .any(|doc| doc.path.as_deref().map(crate::config::absolute) == Some(path.clone()));
        if open {
            return;
        }
        let summary = self
            .configs
            .for_file(&path)
            .ok()
            .and_then(|config| workspace::summarise_file(&path, &config));
        let changed = match summary {
            Some((key, doc)) => self.workspace.upsert(key.clone(), doc).then_some(key),
            None => self.workspace.remove(&path),
        };
        if let Some(key) = changed {
            self.relint_site(&key, None);
        }
    }

    /// Read every config again, index the workspace again with them, and lint every open
    /// document again.
    pub(super) fn reload_configs(&mut self) {
        self.configs.reload();
        self.analyses.clear();
        self.start_scan();
        self.relint_all();
    }

    /// The background scan finished: its summaries replace the index (open documents put
    /// theirs back as they are linted again).
    pub(super) fn scan_finished(&mut self, scanned: Scanned) {
        if scanned.generation != self.scan_generation {
            return; // a config changed meanwhile; a newer scan is on its way
        }
        self.workspace.replace_all(scanned.docs);
        self.relint_all();
    }

    fn relint_all(&mut self) {
        for uri in self.documents.uris() {
            self.debouncer.cancel(&uri);
            self.lint_and_publish(&uri);
        }
    }

    /// Lint again the open documents of a site (but `except`), whose site-wide diagnostics
    /// may have changed.
    fn relint_site(&mut self, key: &SiteKey, except: Option<&Uri>) {
        let in_site: Vec<Uri> = self
            .documents
            .uris()
            .into_iter()
            .filter(|uri| Some(uri) != except)
            .filter(|uri| {
                let path = self.documents.get(uri).and_then(|doc| doc.path.clone());
                path.is_some_and(|path| {
                    self.workspace.site_of(&crate::config::absolute(&path)) == Some(key)
                })
            })
            .collect();
        for uri in in_site {
            self.lint_and_publish(&uri);
        }
    }

    /// Lint the document's current text and publish the result.
    pub(super) fn lint_and_publish(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        let (analysis, moved_site) = analysis::analyse(doc, &mut self.configs, &mut self.workspace);
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
        // Linting again after a scan, a save or a change elsewhere in the site often finds
        // what the editor already shows: say nothing then.
        let unchanged = self
            .published
            .get(uri)
            .is_some_and(|(v, d)| *v == version && *d == diagnostics);
        if !unchanged {
            self.published
                .insert(uri.clone(), (version, diagnostics.clone()));
            self.publish(uri.clone(), diagnostics, Some(version));
        }
        if let Some(key) = moved_site {
            self.relint_site(&key, Some(uri));
        }
    }

    fn lsp_diagnostics(&self, doc: &Document, analysis: &Analysis) -> Vec<lsp_types::Diagnostic> {
        match analysis {
            Analysis::Linted(linted) => self.linted_diagnostics(doc, linted),
            Analysis::Ignored => Vec::new(),
            Analysis::BrokenConfig(error) => vec![diagnostics::broken_config(error)],
        }
    }

    pub(super) fn linted_diagnostics(
        &self,
        doc: &Document,
        linted: &Linted,
    ) -> Vec<lsp_types::Diagnostic> {
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
    pub(super) fn ensure_fresh(&mut self, uri: &Uri) {
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
}
