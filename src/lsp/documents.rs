//! The documents the client has open: their current text (the editor's, not the disk's),
//! version, and the edits that keep them in step with the editor.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position::{Encoding, LspLines};
use super::uri;

pub struct Document {
    pub uri: Uri,
    /// The file behind a `file:` URI (`None` for an unsaved `untitled:` buffer).
    pub path: Option<PathBuf>,
    pub language_id: String,
    pub version: i32,
    text: String,
    lines: LspLines,
}

impl Document {
    pub fn new(uri: Uri, language_id: String, version: i32, text: String) -> Document {
        Document {
            path: uri::to_path(&uri),
            uri,
            language_id,
            version,
            lines: LspLines::new(&text),
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn lines(&self) -> &LspLines {
        &self.lines
    }

    /// How diagnostics name this document: its absolute path (so that a related location in
    /// another file can be matched back to a URI), else its URI.
    pub fn display(&self) -> String {
        match &self.path {
            Some(path) => super::workspace::display(path),
            None => self.uri.as_str().to_owned(),
        }
    }

    /// Apply `textDocument/didChange` edits in order: each range is in the text as left by the
    /// edits before it; a change without a range replaces the whole text.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let bytes = self.lines.byte_range(&self.text, range, encoding);
                    self.text.replace_range(bytes, &change.text);
                }
                None => self.text = change.text,
            }
            // Rebuilt per change: later ranges are positions in the edited text. Posts are
            // small, and editors send one change per keystroke.
            self.lines = LspLines::new(&self.text);
        }
        self.version = version;
    }

    /// Replace the whole text (`didSave` with `includeText`).
    pub fn replace(&mut self, text: String) {
        self.lines = LspLines::new(&text);
        self.text = text;
    }
}

/// The open documents by URI.
#[derive(Default)]
pub struct Documents {
    by_uri: HashMap<Uri, Document>,
}

impl Documents {
    pub fn open(&mut self, document: Document) {
        self.by_uri.insert(document.uri.clone(), document);
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Document> {
        self.by_uri.remove(uri)
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.by_uri.get(uri)
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.by_uri.get_mut(uri)
    }

    /// The open document with this display path (see `Document::display`).
    pub fn by_display(&self, display: &str) -> Option<&Document> {
        self.by_uri.values().find(|doc| doc.display() == display)
    }

    pub fn uris(&self) -> Vec<Uri> {
        let mut uris: Vec<Uri> = self.by_uri.keys().cloned().collect();
        uris.sort();
        uris
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use lsp_types::{Position, Range};

    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|((l1, c1), (l2, c2))| {
                Range::new(Position::new(l1, c1), Position::new(l2, c2))
            }),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order_in_utf16() {
        let uri = Uri::from_str("file:///site/_posts/2024-01-01-a.md").unwrap();
        let mut doc = Document::new(uri, "markdown".into(), 1, "title: 🦀 x\nb\n".into());
        // 🦀 is two UTF-16 units: `x` is at column 10.
        doc.apply_changes(
            2,
            vec![
                change(Some(((0, 10), (0, 11))), "y"),
                change(Some(((1, 0), (1, 1))), "c\nd"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(doc.text(), "title: 🦀 y\nc\nd\n");
        assert_eq!(doc.version, 2);
        doc.apply_changes(3, vec![change(None, "new")], Encoding::Utf16);
        assert_eq!(doc.text(), "new");
    }
}
