//! A problem with the configuration: always fatal (exit code 2), shown with the offending line.

use std::ops::Range;
use std::sync::Arc;

use miette::SourceSpan;

#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The config file's path, or `preset:<name>`.
    pub origin: String,
    pub message: String,
    pub help: Option<String>,
    text: Option<Arc<str>>,
    span: Option<Range<usize>>,
}

impl ConfigError {
    pub fn new(origin: &str, message: impl Into<String>) -> Self {
        ConfigError {
            origin: origin.to_owned(),
            message: message.into(),
            help: None,
            text: None,
            span: None,
        }
    }

    pub fn with_source(mut self, text: Arc<str>, span: Option<Range<usize>>) -> Self {
        self.text = Some(text);
        self.span = span;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column of the error, when known.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let text = self.text.as_deref()?;
        let offset = self.span.as_ref()?.start.min(text.len());
        let position = crate::source::LineIndex::new(text).position(text, offset);
        Some((position.line, position.column))
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line_column() {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("config"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.text.as_ref()?;
        self.span.as_ref()?;
        Some(self as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        let span = SourceSpan::new(span.start.into(), span.len().max(1));
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some("here".to_owned()), span),
        )))
    }
}

impl miette::SourceCode for ConfigError {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text: &'a str = self.text.as_deref().unwrap_or("");
        let contents = text.read_span(span, context_lines_before, context_lines_after)?;
        // Same contents, with the config file's name attached for the report's header.
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.origin.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        )))
    }
}
