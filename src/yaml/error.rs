//! YAML syntax errors in plain words.
//!
//! The parser says "mapping values are not allowed in this context"; an editor at a ministry
//! needs "a `: ` inside an unquoted value starts a mapping; quote the title". We classify the
//! parser's reason using the line it points at, and phrase message and help from that.

use saphyr_parser::ScanError;

use super::build::CharOffsets;
use crate::yaml11::quote_for_humans;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Byte offset in the file where the parser stopped.
    pub offset: usize,
    pub kind: YamlErrorKind,
    /// The parser's own words, kept for `--verbose` style output and bug reports.
    pub reason: String,
    pub message: String,
    pub help: Option<String>,
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
    /// saphyr refuses `key:<tab>value`, Psych accepts it; the parser works around it.
    TabAfterColon,
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
            reason: reason.to_owned(),
            message,
            help,
        }
    }

    /// Describe a parser error; `yaml` is the original front matter text (before repairs).
    pub(super) fn from_scan(error: &ScanError, yaml: &str, offsets: &CharOffsets) -> Self {
        let offset = offsets.byte(error.marker().index());
        let local = offset - offsets.base();
        let reason = error.info();
        let context = LineContext::new(yaml, local);
        let (kind, message, help) = explain(reason, &context);
        // Point at the culprit when it is not where the parser noticed the problem.
        let offset = match kind {
            YamlErrorKind::MissingColon => context
                .previous
                .map_or(offset, |p| offsets.base() + p.start),
            YamlErrorKind::UnclosedBracket => context
                .unclosed_bracket()
                .map_or(offset, |at| offsets.base() + at),
            _ => offset,
        };
        YamlError {
            offset,
            kind,
            reason: reason.to_owned(),
            message,
            help,
        }
    }
}

#[derive(Clone, Copy)]
struct PreviousLine<'a> {
    /// 1-based line number in the YAML text.
    number: usize,
    text: &'a str,
    /// Byte offset of its first non-blank character in the YAML text.
    start: usize,
}

/// The line the parser stopped on and its neighbours, in the YAML text.
struct LineContext<'a> {
    line: &'a str,
    /// Byte column of the error within `line`.
    column: usize,
    /// The closest non-blank, non-comment line above.
    previous: Option<PreviousLine<'a>>,
    yaml_before: &'a str,
}

impl<'a> LineContext<'a> {
    /// The last `[` or `{` before the error that is not closed before it.
    fn unclosed_bracket(&self) -> Option<usize> {
        let mut depth = 0usize;
        for (i, c) in self.yaml_before.char_indices().rev() {
            match c {
                ']' | '}' => depth += 1,
                '[' | '{' if depth == 0 => return Some(i),
                '[' | '{' => depth -= 1,
                _ => {}
            }
        }
        None
    }

    fn new(yaml: &'a str, at: usize) -> Self {
        let at = crate::source::floor_char_boundary(yaml, at);
        let line_start = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = yaml[at..].find('\n').map_or(yaml.len(), |i| at + i);
        let before = &yaml[..line_start];
        let mut previous = None;
        let mut offset = 0;
        for (index, raw) in before.split_inclusive('\n').enumerate() {
            let text = raw.trim_end_matches(['\n', '\r']);
            if !text.trim().is_empty() && !text.trim_start().starts_with('#') {
                let indent = text.len() - text.trim_start().len();
                previous = Some(PreviousLine {
                    number: index + 1,
                    text,
                    start: offset + indent,
                });
            }
            offset += raw.len();
        }
        LineContext {
            line: yaml[line_start..line_end].trim_end_matches('\r'),
            column: at - line_start,
            previous,
            yaml_before: &yaml[..at],
        }
    }
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `key: value` (or `- key: value`) at the start of a line: the key and the value's text.
fn split_key_value(line: &str) -> Option<(&str, &str)> {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body);
    let colon = body.find(": ")?;
    let key = &body[..colon];
    if key.is_empty() || key.starts_with(['"', '\'', '#', '[', '{']) {
        return None;
    }
    Some((key, body[colon + 2..].trim()))
}

fn explain(reason: &str, cx: &LineContext) -> (YamlErrorKind, String, Option<String>) {
    use YamlErrorKind::*;
    let line = cx.line;
    if reason.contains("mapping values are not allowed") {
        if let Some((key, value)) = split_key_value(line)
            .filter(|(key, _)| line.find(key).is_some_and(|k| k + key.len() < cx.column))
        {
            let value = value.split(" #").next().unwrap_or(value);
            return (
                ColonInPlainValue,
                "a `: ` inside an unquoted value starts a mapping, so YAML cannot read this line"
                    .to_owned(),
                Some(format!(
                    "quote the value: `{key}: {}`",
                    quote_for_humans(value)
                )),
            );
        }
        if let Some(PreviousLine {
            number,
            text: previous,
            ..
        }) = cx.previous
        {
            if split_key_value(previous).is_some_and(|(_, v)| !v.is_empty())
                && indentation(line) > indentation(previous)
            {
                return (
                    UnexpectedIndentation,
                    format!("this line is indented under line {number}, which already has a value"),
                    Some("indent this key like the keys above it".to_owned()),
                );
            }
            if !previous.contains(':') && !previous.trim_start().starts_with('-') {
                return (
                    MissingColon,
                    "this line has no `key: value` colon, so YAML reads it and the next line as one key".to_owned(),
                    Some("add `: ` after the key, or turn the line into a comment with `#`".to_owned()),
                );
            }
        }
        return (
            Other,
            "a `:` here starts a mapping where YAML cannot have one".to_owned(),
            Some("quote the value if the `:` is part of the text".to_owned()),
        );
    }
    if reason.contains("trailing content after") {
        // The parser stops at the first character after the closing quote.
        let column = cx.column.min(line.len());
        let closing = line[..column].trim_end().chars().last();
        let next = line[column..].chars().next();
        let key_value = split_key_value(line);
        if closing == Some('\'') && next.is_some_and(char::is_alphanumeric) {
            if let Some((key, value)) = key_value.filter(|(_, v)| v.starts_with('\'')) {
                let inner = value[1..].strip_suffix('\'').unwrap_or(&value[1..]);
                return (
                    TextAfterQuote,
                    "an apostrophe ends this single-quoted value early".to_owned(),
                    Some(format!(
                        "inside single quotes write an apostrophe twice (`''`), or use double quotes: `{key}: {}`",
                        quote_for_humans(inner)
                    )),
                );
            }
        }
        return (
            TextAfterQuote,
            "text follows the closing quote of this value".to_owned(),
            Some("quote the whole value, or remove what follows the closing quote".to_owned()),
        );
    }
    if reason.contains("quoted scalar") || reason.contains("unclosed quote") {
        return (
            UnclosedQuote,
            "this quoted value is never closed".to_owned(),
            Some("add the closing quote at the end of the value".to_owned()),
        );
    }
    if reason.contains("simple key expect") {
        if let Some(PreviousLine { text: previous, .. }) = cx.previous {
            if !previous.contains(':') && !previous.trim_start().starts_with('-') {
                return (
                    MissingColon,
                    "this line has no `key: value` colon".to_owned(),
                    Some("add `: ` after the key, quote the line into the value above, or make it a comment with `#`".to_owned()),
                );
            }
        }
    }
    if reason.contains("did not find expected key") {
        let column = cx.column.min(line.len());
        let before = line[..column].trim_end();
        if before.ends_with([']', '}']) && column > line.len() - line.trim_start().len() {
            let key_value = split_key_value(line);
            let help = match key_value {
                Some((key, value)) => format!(
                    "quote the whole value: `{key}: {}`",
                    quote_for_humans(value)
                ),
                None => "quote the whole value".to_owned(),
            };
            return (
                TextAfterQuote,
                "text follows the closing bracket of a YAML list or mapping".to_owned(),
                Some(help),
            );
        }
        return (
            BadIndentation,
            "this line's indentation does not match the lines above it".to_owned(),
            Some("indent it like its siblings: the same number of spaces as the other keys or items of its group".to_owned()),
        );
    }
    if reason.contains("illegal placement of ':'") && cx.unclosed_bracket().is_some() {
        let open = cx
            .unclosed_bracket()
            .map_or('[', |at| cx.yaml_before[at..].chars().next().unwrap_or('['));
        return unclosed_bracket(open);
    }
    if reason.contains("flow sequence") || reason.contains("flow mapping") {
        return unclosed_bracket(if reason.contains("sequence") {
            '['
        } else {
            '{'
        });
    }
    if let Some(c) = reserved_character(reason) {
        return (
            ReservedCharacter,
            format!("an unquoted value cannot start with `{c}`"),
            Some("put the value in quotes".to_owned()),
        );
    }
    if reason.contains("tab") {
        let kind = if reason.contains("':' must be followed") {
            TabAfterColon
        } else {
            Tab
        };
        return (
            kind,
            "a tab is used where YAML needs spaces".to_owned(),
            Some("indent with spaces".to_owned()),
        );
    }
    if reason.contains("':' must be followed by a valid YAML whitespace") {
        // saphyr stops just after the tab that follows the colon.
        let kind = if line[..cx.column.min(line.len())].ends_with(":\t") {
            TabAfterColon
        } else {
            Other
        };
        return (
            kind,
            capitalize_reason(reason),
            Some("put a space after the colon".to_owned()),
        );
    }
    if reason.contains("recursion limit exceeded") {
        return (
            TooDeep,
            format!(
                "the front matter is nested more than {} levels deep",
                super::MAX_DEPTH
            ),
            None,
        );
    }
    if reason.contains("expected <document start>") {
        return (
            Dedented,
            "this line is less indented than the lines above it; Jekyll's YAML parser stops here and drops it and everything after it".to_owned(),
            Some("start every top-level key at the beginning of its line".to_owned()),
        );
    }
    if reason.contains("unknown anchor") {
        return (
            UndefinedAlias,
            "`*` starts an alias to an anchor that is not defined".to_owned(),
            Some("quote the value if the `*` is part of the text".to_owned()),
        );
    }
    if reason.contains("expected '-' indicator") {
        return (
            MixedListAndMapping,
            "a list item (`- …`) and a `key: value` pair are at the same indentation".to_owned(),
            Some(
                "indent the list items under their key, or make every line a `key: value`"
                    .to_owned(),
            ),
        );
    }
    (Other, capitalize_reason(reason), None)
}

fn unclosed_bracket(open: char) -> (YamlErrorKind, String, Option<String>) {
    let (close, what) = if open == '[' {
        (']', "list")
    } else {
        ('}', "mapping")
    };
    (
        YamlErrorKind::UnclosedBracket,
        format!("this `{open}` starts a YAML {what} that is never closed"),
        Some(format!(
            "a value that starts with `{open}` must be quoted if it is text, e.g. `\"{open}Draft{close} …\"`"
        )),
    )
}

fn reserved_character(reason: &str) -> Option<char> {
    let rest = reason
        .strip_prefix("unexpected character: `")
        .or_else(|| reason.strip_prefix("found character that cannot start any token"))?;
    rest.chars().next().filter(|c| matches!(c, '@' | '`' | '%'))
}

fn capitalize_reason(reason: &str) -> String {
    let mut words = reason.to_owned();
    if let Some(first) = words.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("YAML syntax error: {words}")
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
