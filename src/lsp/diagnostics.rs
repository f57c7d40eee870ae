//! frontlint's diagnostics as LSP diagnostics: ranges in the negotiated encoding, the code with
//! a link to the rule's doc, the severity, and related places (possibly in other files).

use std::str::FromStr;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString, Position, Range, Uri,
};

use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, RelatedLocation, Severity};
use crate::registry;

use super::documents::{Document, Documents};
use super::position::{Encoding, LspLines};
use super::uri;

/// `source` of every diagnostic: the name editors show next to the message.
pub const SOURCE: &str = "frontlint";

pub fn to_lsp(
    diagnostic: &Diagnostic,
    doc: &Document,
    others: &OtherFiles<'_>,
) -> lsp_types::Diagnostic {
    let encoding = others.encoding;
    let range = doc
        .lines()
        .range(doc.text(), diagnostic.range.clone(), encoding);
    let message = match &diagnostic.help {
        // The help is what a non-programmer needs most; editors show the message only.
        Some(help) => format!("{}\n{help}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    let code_description = registry::find(diagnostic.code)
        .and_then(|rule| Uri::from_str(&rule.doc_url()).ok())
        .map(|href| CodeDescription { href });
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .filter_map(|related| {
            Some(DiagnosticRelatedInformation {
                location: others.locate(related, doc)?,
                message: related.message.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        code_description,
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        // A comment that suppresses nothing is dead text: editors fade it, as for ruff's
        // unused `noqa`.
        tags: (diagnostic.rule == "unused-suppression").then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A config that cannot be read, shown on the document's first line: the editor has no exit
/// status to show it with, and the user must learn why nothing is checked.
pub fn broken_config(error: &ConfigError) -> lsp_types::Diagnostic {
    let mut message = format!("frontlint cannot read its config: {error}");
    if let Some(help) = &error.help {
        message.push('\n');
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message,
        ..Default::default()
    }
}

/// Finds related places in other files: in the editor's text when the file is open, else on
/// disk.
pub struct OtherFiles<'a> {
    pub documents: &'a Documents,
    pub encoding: Encoding,
}

impl OtherFiles<'_> {
    fn locate(&self, related: &RelatedLocation, doc: &Document) -> Option<Location> {
        let path: &str = &related.path;
        if path == doc.display() {
            let range = doc
                .lines()
                .range(doc.text(), related.range.clone(), self.encoding);
            return Some(Location::new(doc.uri.clone(), range));
        }
        if let Some(open) = self.documents.by_display(path) {
            let range = open
                .lines()
                .range(open.text(), related.range.clone(), self.encoding);
            return Some(Location::new(open.uri.clone(), range));
        }
        let uri = uri::from_path(std::path::Path::new(path))?;
        let range = match std::fs::read_to_string(path) {
            Ok(text) => LspLines::new(&text).range(&text, related.range.clone(), self.encoding),
            Err(_) => {
                // Unreadable now: the line and character column the rule saw, which are exact
                // unless the line holds characters outside the encoding's single units.
                let position = Position::new(
                    related.line.saturating_sub(1) as u32,
                    related.column.saturating_sub(1) as u32,
                );
                Range::new(position, position)
            }
        };
        Some(Location::new(uri, range))
    }
}
