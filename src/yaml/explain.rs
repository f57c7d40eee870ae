//! Turning the parser's reason into plain words, using the line it stopped on.
//!
//! saphyr says "mapping values are not allowed in this context"; an editor at a ministry needs
//! "a `: ` inside an unquoted value starts a mapping" and the quoted line to write instead.

use std::ops::Range;

use super::error::YamlErrorKind::{self, *};
use crate::yaml11::quote_for_humans;

pub(super) struct Explanation {
    pub kind: YamlErrorKind,
    pub message: String,
    pub help: Option<String>,
    /// Byte offset (in the YAML text) of the real culprit, when it is not where the parser
    /// noticed the problem: the line without a colon, the bracket never closed.
    pub culprit: Option<usize>,
    /// A replacement that makes the line valid with the meaning the author wrote: the byte
    /// range in the YAML text and its new text (quoting a value).
    pub fix: Option<(Range<usize>, String)>,
}

fn said(kind: YamlErrorKind, message: impl Into<String>, help: impl Into<String>) -> Explanation {
    Explanation {
        kind,
        message: message.into(),
        help: Some(help.into()),
        culprit: None,
        fix: None,
    }
}

impl Explanation {
    fn at(mut self, culprit: Option<usize>) -> Self {
        self.culprit = culprit;
        self
    }

    fn fixed_by(mut self, range: Range<usize>, replacement: String) -> Self {
        self.fix = Some((range, replacement));
        self
    }
}

/// The closest non-blank, non-comment line above the error.
#[derive(Clone, Copy)]
pub(super) struct PreviousLine<'a> {
    text: &'a str,
    /// Byte offset of its first non-blank character in the YAML text.
    start: usize,
}

/// The line the parser stopped on and its neighbours, in the YAML text.
pub(super) struct LineContext<'a> {
    line: &'a str,
    /// Byte offset of `line` in the YAML text.
    line_start: usize,
    /// Byte column of the error within `line`.
    column: usize,
    previous: Option<PreviousLine<'a>>,
    yaml_before: &'a str,
}

impl<'a> LineContext<'a> {
    pub(super) fn new(yaml: &'a str, at: usize) -> Self {
        let at = crate::source::floor_char_boundary(yaml, at);
        let line_start = yaml[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = yaml[at..].find('\n').map_or(yaml.len(), |i| at + i);
        let mut previous = None;
        let mut offset = 0;
        for raw in yaml[..line_start].split_inclusive('\n') {
            let text = raw.trim_end_matches(['\n', '\r']);
            if !text.trim().is_empty() && !text.trim_start().starts_with('#') {
                let indent = text.len() - text.trim_start().len();
                previous = Some(PreviousLine {
                    text,
                    start: offset + indent,
                });
            }
            offset += raw.len();
        }
        LineContext {
            line: yaml[line_start..line_end].trim_end_matches('\r'),
            line_start,
            column: at - line_start,
            previous,
            yaml_before: &yaml[..at],
        }
    }

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

    fn column(&self) -> usize {
        self.column.min(self.line.len())
    }

    /// The YAML-text byte range of `part`, a slice of `line`.
    fn range_of(&self, part: &str) -> Range<usize> {
        let start = self.line_start + (part.as_ptr() as usize - self.line.as_ptr() as usize);
        start..start + part.len()
    }
}

/// What the parser's `reason` means at this place.
pub(super) fn explain(reason: &str, cx: &LineContext) -> Explanation {
    if reason.contains("mapping values are not allowed") {
        return colon_in_value(cx)
            .or_else(|| indented_under_value(cx))
            .or_else(|| missing_colon(cx))
            .unwrap_or_else(|| {
                said(
                    Other,
                    "a `:` here starts a mapping where YAML cannot have one",
                    "quote the value if the `:` is part of the text",
                )
            });
    }
    if reason.contains("simple key expect")
        && let Some(explanation) = missing_colon(cx)
    {
        return explanation;
    }
    if reason.contains("trailing content after") {
        return apostrophe_in_single_quotes(cx).unwrap_or_else(|| {
            said(
                TextAfterQuote,
                "text follows the closing quote of this value",
                "quote the whole value, or remove what follows the closing quote",
            )
        });
    }
    if reason.contains("quoted scalar") || reason.contains("unclosed quote") {
        return said(
            UnclosedQuote,
            "this quoted value is never closed",
            "add the closing quote at the end of the value",
        );
    }
    if reason.contains("did not find expected key") {
        return text_after_bracket(cx).unwrap_or_else(|| {
            said(
                BadIndentation,
                "this line's indentation does not match the lines above it",
                "indent it like its siblings: the same number of spaces as the other keys or items of its group",
            )
        });
    }
    if reason.contains("illegal placement of ':'")
        && let Some(at) = cx.unclosed_bracket()
    {
        let open = cx.yaml_before[at..].chars().next().unwrap_or('[');
        return unclosed_bracket(open).at(Some(at));
    }
    if reason.contains("flow sequence") || reason.contains("flow mapping") {
        let open = if reason.contains("sequence") {
            '['
        } else {
            '{'
        };
        return unclosed_bracket(open).at(cx.unclosed_bracket());
    }
    if let Some(c) = reserved_character(reason) {
        return said(
            ReservedCharacter,
            format!("an unquoted value cannot start with `{c}`"),
            "put the value in quotes",
        );
    }
    if reason.contains("tab") {
        return said(
            Tab,
            "a tab is used where YAML needs spaces",
            "indent with spaces",
        );
    }
    if reason.contains("recursion limit exceeded") {
        return Explanation {
            kind: TooDeep,
            message: format!(
                "the front matter is nested more than {} levels deep",
                super::MAX_DEPTH
            ),
            help: None,
            culprit: None,
            fix: None,
        };
    }
    if reason.contains("expected <document start>") {
        return said(
            Dedented,
            "this line is less indented than the lines above it; Jekyll's YAML parser stops here and drops it and everything after it",
            "start every top-level key at the beginning of its line",
        );
    }
    if reason.contains("unknown anchor") {
        return said(
            UndefinedAlias,
            "`*` starts an alias to an anchor that is not defined",
            "quote the value if the `*` is part of the text",
        );
    }
    if reason.contains("expected '-' indicator") {
        return said(
            MixedListAndMapping,
            "a list item (`- …`) and a `key: value` pair are at the same indentation",
            "indent the list items under their key, or make every line a `key: value`",
        );
    }
    Explanation {
        kind: Other,
        message: capitalize_reason(reason),
        help: None,
        culprit: None,
        fix: None,
    }
}

/// `title: Budget 2024: what changes` — a second `: ` on a `key: value` line.
fn colon_in_value(cx: &LineContext) -> Option<Explanation> {
    let (key, value) = split_key_value(cx.line)?;
    let key_end = cx.line.find(key)? + key.len();
    if key_end >= cx.column {
        return None;
    }
    let value = value
        .split(" #")
        .next()
        .unwrap_or(value)
        .trim_end_matches(YAML_BLANKS);
    // Quoting helps only when the error is inside this plain value: not when the value is
    // already quoted, nor when the error lies past it (in a comment that YAML cut at a lone
    // `\r`, a line break to YAML but not to this line split) — quoting again would not
    // settle, and `--fix` would quote the quotes every round.
    let value_end = value.as_ptr() as usize - cx.line.as_ptr() as usize + value.len();
    if value.starts_with(['"', '\'']) || cx.column > value_end {
        return None;
    }
    let quoted = quote_for_humans(value);
    Some(
        said(
            ColonInPlainValue,
            "a `: ` inside an unquoted value starts a mapping, so YAML cannot read this line",
            format!("quote the value: `{key}: {quoted}`"),
        )
        .fixed_by(cx.range_of(value), quoted),
    )
}

/// `a: 1` followed by `  b: 2`: a key indented under a key that already has a value.
fn indented_under_value(cx: &LineContext) -> Option<Explanation> {
    let previous = cx.previous?.text;
    let has_value = split_key_value(previous).is_some_and(|(_, v)| !v.is_empty());
    (has_value && indentation(cx.line) > indentation(previous)).then(|| {
        said(
            UnexpectedIndentation,
            "this line is indented under the line above, which already has a value",
            "indent this key like the keys above it",
        )
    })
}

/// A line with no colon above a `key: value` line: YAML reads both as one key.
fn missing_colon(cx: &LineContext) -> Option<Explanation> {
    let previous = cx.previous?;
    let text = previous.text;
    if text.contains(':') || text.trim_start().starts_with('-') {
        return None;
    }
    Some(
        said(
            MissingColon,
            "this line has no `key: value` colon, so YAML reads it and the next line as one key",
            "add `: ` after the key, or turn the line into a comment with `#`",
        )
        .at(Some(previous.start)),
    )
}

/// `title: 'Minister's visit'` — the parser stops right after the apostrophe's `'s`.
fn apostrophe_in_single_quotes(cx: &LineContext) -> Option<Explanation> {
    let column = cx.column();
    let closing = cx.line[..column].trim_end().chars().last();
    let next = cx.line[column..].chars().next();
    if closing != Some('\'') || !next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let (key, value) = split_key_value(cx.line).filter(|(_, v)| v.starts_with('\''))?;
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    let inner = value[1..].strip_suffix('\'').unwrap_or(&value[1..]);
    let quoted = quote_for_humans(inner);
    Some(
        said(
            TextAfterQuote,
            "an apostrophe ends this single-quoted value early",
            format!(
                "inside single quotes write an apostrophe twice (`''`), or use double quotes: `{key}: {quoted}`"
            ),
        )
        .fixed_by(cx.range_of(value), quoted),
    )
}

/// `title: [Draft] text` — a flow list that is followed by more text.
fn text_after_bracket(cx: &LineContext) -> Option<Explanation> {
    let column = cx.column();
    let before = cx.line[..column].trim_end();
    let at_indentation = column <= cx.line.len() - cx.line.trim_start().len();
    if !before.ends_with([']', '}']) || at_indentation {
        return None;
    }
    let help = match split_key_value(cx.line) {
        Some((key, value)) => format!(
            "quote the whole value: `{key}: {}`",
            quote_for_humans(value)
        ),
        None => "quote the whole value".to_owned(),
    };
    Some(said(
        TextAfterQuote,
        "text follows the closing bracket of a YAML list or mapping",
        help,
    ))
}

fn unclosed_bracket(open: char) -> Explanation {
    let (close, what) = if open == '[' {
        (']', "list")
    } else {
        ('}', "mapping")
    };
    said(
        UnclosedBracket,
        format!("this `{open}` starts a YAML {what} that is never closed"),
        format!(
            "a value that starts with `{open}` must be quoted if it is text, e.g. `\"{open}Draft{close} …\"`"
        ),
    )
}

fn reserved_character(reason: &str) -> Option<char> {
    let rest = reason
        .strip_prefix("unexpected character: `")
        .or_else(|| reason.strip_prefix("found character that cannot start any token"))?;
    rest.chars().next().filter(|c| matches!(c, '@' | '`' | '%'))
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
    Some((key, body[colon + 2..].trim_matches(YAML_BLANKS)))
}

/// What YAML counts as blanks around a value: spaces and tabs only. `str::trim` would also
/// drop `\v`, `\f`, NEL or NBSP, which YAML reads as part of the value — and a fix that
/// quoted only the rest would leave the value unquoted, to be "fixed" again forever.
const YAML_BLANKS: [char; 2] = [' ', '\t'];

/// The parser's own words, as a last resort.
pub(super) fn capitalize_reason(reason: &str) -> String {
    let mut words = reason.to_owned();
    if let Some(first) = words.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("YAML syntax error: {words}")
}
