//! YAML syntax errors in plain words.
//!
//! The parser says "mapping values are not allowed in this context"; an editor at a ministry
//! needs "a `: ` inside an unquoted value starts a mapping; quote the title". We classify the
//! parser's reason using the line it points at, and phrase message and help from that.

use std::ops::Range;

use saphyr_parser::ScanError;

use super::build::CharOffsets;
use super::explain::{Explanation, LineContext, capitalize_reason, explain};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Byte offset in the file where the parser stopped.
    pub offset: usize,
    pub kind: YamlErrorKind,
    pub message: String,
    pub help: Option<String>,
    /// A replacement that repairs the line: byte range in the file and its new text.
    pub fix: Option<(Range<usize>, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// `title: Budget 2024: what changes`
    ColonInPlainValue,
    /// A line indented under a `key: value` line as if the value were a mapping.
    UnexpectedIndentation,
    /// A line with no `key:` followed by a `key: value` line.
    MissingColon,
    /// `'it's'`, `"a" b`, `[Draft] text`: text after a closing quote or bracket.
    TextAfterQuote,
    UnclosedQuote,
    /// `[`/`{` opened and never closed.
    UnclosedBracket,
    /// `@`, `` ` `` (and `%` at line start) are reserved and cannot start a plain value.
    ReservedCharacter,
    /// A tab where YAML needs spaces (indentation). Reported by the tab rule instead.
    Tab,
    UndefinedAlias,
    /// `- item` and `key: value` at the same indentation.
    MixedListAndMapping,
    /// A line indented to no level of the lines above.
    BadIndentation,
    TooDeep,
    /// `: value` with nothing before the colon.
    MissingKey,
    /// A line less indented than the first line of the front matter: Psych stops reading there
    /// and silently drops the rest.
    Dedented,
    Other,
}

impl YamlError {
    pub fn new(offset: usize, kind: YamlErrorKind, reason: &str) -> Self {
        let (message, help) = match kind {
            YamlErrorKind::TooDeep => (
                format!(
                    "the front matter is nested more than {} levels deep",
                    super::MAX_DEPTH
                ),
                None,
            ),
            YamlErrorKind::MissingKey => (
                "a `: value` line with no key before the colon".to_owned(),
                Some(
                    "write the key before the colon, or quote the value if the colon is text"
                        .to_owned(),
                ),
            ),
            _ => (capitalize_reason(reason), None),
        };
        YamlError {
            offset,
            kind,
            message,
            help,
            fix: None,
        }
    }

    /// Describe a parser error; `yaml` is the original front matter text (before repairs).
    pub(super) fn from_scan(error: &ScanError, yaml: &str, offsets: &CharOffsets) -> Self {
        let offset = offsets.byte(error.marker().index());
        let local = offset - offsets.base();
        let reason = error.info();
        let context = LineContext::new(yaml, local);
        let Explanation {
            kind,
            message,
            help,
            culprit,
            fix,
        } = explain(reason, &context);
        let base = offsets.base();
        let fix = fix.map(|(range, text)| (base + range.start..base + range.end, text));
        // Point at the culprit when it is not where the parser noticed the problem.
        let offset = culprit.map_or(offset, |at| base + at);
        YamlError {
            offset,
            kind,
            message,
            help,
            fix,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn error(text: &str) -> YamlError {
        parse(text, 0..text.len()).unwrap_err()
    }

    #[test]
    fn colon_inside_unquoted_value() {
        let text = "---\ntitle: Budget 2024: what changes\n";
        let e = error(text);
        assert_eq!(e.kind, YamlErrorKind::ColonInPlainValue);
        assert_eq!(&text[e.offset..e.offset + 1], ":");
        assert_eq!(
            e.help.as_deref(),
            Some("quote the value: `title: \"Budget 2024: what changes\"`")
        );
    }

    #[test]
    fn apostrophe_in_single_quotes() {
        let e = error("---\ntitle: 'it's here'\n");
        assert_eq!(e.kind, YamlErrorKind::TextAfterQuote);
        assert!(e.help.unwrap().contains("title: \"it's here\""));
    }

    #[test]
    fn unclosed_quote_and_bracket() {
        assert_eq!(
            error("---\na: \"open\nb: 1\n").kind,
            YamlErrorKind::UnclosedQuote
        );
        let e = error("---\ntitle: [Draft] text\n");
        assert_eq!(e.kind, YamlErrorKind::TextAfterQuote);
        assert_eq!(
            e.help.as_deref(),
            Some("quote the whole value: `title: \"[Draft] text\"`")
        );
        assert_eq!(
            error("---\ntitle: [a, b\nlayout: x\n").kind,
            YamlErrorKind::UnclosedBracket
        );
    }

    #[test]
    fn indentation_and_missing_colon() {
        assert_eq!(
            error("---\na: 1\n  b: 2\n").kind,
            YamlErrorKind::UnexpectedIndentation
        );
        let e = error("---\nkey with no colon\nb: 1\n");
        assert_eq!(e.kind, YamlErrorKind::MissingColon);
        assert_eq!(e.offset, 4, "points at the line without a colon");
    }

    #[test]
    fn reserved_characters_and_aliases() {
        assert_eq!(
            error("---\na: @foo\n").kind,
            YamlErrorKind::ReservedCharacter
        );
        assert_eq!(
            error("---\na: `x`\n").kind,
            YamlErrorKind::ReservedCharacter
        );
        assert_eq!(error("---\na: *nope\n").kind, YamlErrorKind::UndefinedAlias);
    }
}
