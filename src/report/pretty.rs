//! The human report: miette's graphical rendering, one block per diagnostic, with the source
//! lines, the primary and related spans underlined, and the help.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    NamedSource, SourceSpan,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

#[derive(Debug, Clone, Copy)]
pub struct PrettyOptions {
    pub color: bool,
    /// Terminal width for wrapping.
    pub width: usize,
}

impl Default for PrettyOptions {
    fn default() -> Self {
        PrettyOptions {
            color: false,
            width: 100,
        }
    }
}

pub fn write(report: &Report, options: PrettyOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_context_lines(1);
    for file in &report.files {
        let text: Arc<str> = file
            .source
            .as_ref()
            .map_or_else(|| Arc::from(""), |s| s.text.clone());
        let named = Arc::new(NamedSource::new(&file.path, text));
        for diagnostic in &file.diagnostics {
            let shown = Shown {
                diagnostic,
                source: named.clone(),
                has_source: file.source.is_some(),
            };
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, &shown)
                .map_err(|_| io::Error::other("failed to render a diagnostic"))?;
            out.write_all(rendered.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// A diagnostic as miette wants to see it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: Arc<NamedSource<Arc<str>>>,
    has_source: bool,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shown")
            .field("code", &self.diagnostic.code)
            .finish()
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl MietteDiagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        Some(Box::new(format!("{}({})", d.code, d.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        let elsewhere: Vec<String> = d
            .related
            .iter()
            .filter(|r| r.path != d.path)
            .map(|r| format!("{}: {}:{}:{}", r.message, r.path, r.line, r.column))
            .collect();
        let mut help = d.help.clone().unwrap_or_default();
        for line in elsewhere {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&line);
        }
        if !self.has_source {
            let location = format!("at {}:{}:{}", d.path, d.start.line, d.start.column);
            help = if help.is_empty() {
                location
            } else {
                format!("{location}\n{help}")
            };
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.has_source
            .then_some(&*self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.has_source {
            return None;
        }
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(None, span(&d.range));
        let related = d
            .related
            .iter()
            .filter(|r| r.path == d.path)
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), span(&r.range)));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

fn span(range: &std::ops::Range<usize>) -> SourceSpan {
    SourceSpan::new(range.start.into(), range.len())
}
