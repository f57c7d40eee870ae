//! What is wrong with an attribute list, named after what editors actually type: Word's
//! curly quotes, a forgotten quote, entries glued together. Each finding says what kramdown
//! does with it (see `IalProblemKind`); the grammar that decides is `ial_grammar.rs`.

use super::ial::{EntryKind, IalEntry, IalProblem, IalProblemKind};
use super::ial_grammar::{RawEntry, RawList, split_id_or_class};
use std::ops::Range;

/// Typographic quotes that word processors and chat apps put in place of `"` and `'`.
pub const CURLY_QUOTES: &[char] = &['“', '”', '„', '‟', '‘', '’', '‚', '‛', '″', '′', '«', '»'];

/// Problems in `structure[content]`, given kramdown's scan of it and the entries parsed from
/// that scan.
pub fn find_problems(
    structure: &str,
    content: Range<usize>,
    raw: &RawList,
    entries: &[IalEntry],
    to_file: &dyn Fn(usize) -> usize,
) -> Vec<IalProblem> {
    let text = &structure[content.clone()];
    let mut problems = Vec::new();
    let at = |r: Range<usize>| to_file(content.start + r.start)..to_file(content.start + r.end);
    let trimmed = text.trim_matches(|c: char| super::chars::is_space(c));
    if trimmed.is_empty() || trimmed == ":" {
        problems.push(IalProblem {
            kind: IalProblemKind::Empty,
            span: at(0..text.len()),
        });
        return problems;
    }
    let mut spaced_refs = Vec::new();
    for chunk in &raw.ignored {
        let piece = &text[chunk.clone()];
        let kind = classify_ignored(piece);
        if kind == IalProblemKind::SpaceAroundEquals {
            // Report from the key before the `=` when there is one.
            let key = raw
                .entries
                .iter()
                .rev()
                .find(|(span, _)| span.end < chunk.start);
            let gap_is_space =
                key.is_some_and(|(span, _)| text[span.end..chunk.start].trim().is_empty());
            if let (Some((span, _)), true) = (key, gap_is_space) {
                spaced_refs.push(span.start);
                problems.push(IalProblem {
                    kind,
                    span: at(span.start..chunk.end),
                });
                continue;
            }
        }
        problems.push(IalProblem {
            kind,
            span: at(chunk.clone()),
        });
    }
    let mut seen_keys: Vec<&str> = Vec::new();
    for (entry, raw_start) in entries.iter().zip(raw_entry_starts(text, raw)) {
        match &entry.kind {
            EntryKind::KeyValue { key, value, quote } => {
                if seen_keys.contains(&key.value.as_str()) {
                    problems.push(IalProblem {
                        kind: IalProblemKind::DuplicateKey(key.value.clone()),
                        span: entry.span.clone(),
                    });
                }
                seen_keys.push(&key.value);
                if let Some(kind) = quote_in_value(&value.value, *quote) {
                    problems.push(IalProblem {
                        kind,
                        span: value.span.clone(),
                    });
                }
            }
            EntryKind::Reference(name) if !spaced_refs.contains(&raw_start) => {
                problems.push(IalProblem {
                    kind: IalProblemKind::UnknownReference(name.value.clone()),
                    span: entry.span.clone(),
                });
            }
            _ => {}
        }
    }
    problems.sort_by_key(|p| (p.span.start, p.span.end));
    problems
}

/// The start of the raw match behind each parsed entry: a glued `#id.class` run is one
/// match but several entries.
fn raw_entry_starts(text: &str, raw: &RawList) -> Vec<usize> {
    let mut starts = Vec::new();
    for (span, entry) in &raw.entries {
        let count = match entry {
            RawEntry::Id(_) | RawEntry::Class(_) => split_id_or_class(text, span.clone()).count(),
            _ => 1,
        };
        starts.extend(std::iter::repeat_n(span.start, count));
    }
    starts
}

/// Names the ignored chunk `piece` (a run of non-whitespace text).
fn classify_ignored(piece: &str) -> IalProblemKind {
    if piece.starts_with('=') {
        return IalProblemKind::SpaceAroundEquals;
    }
    let Some((_, value)) = piece.split_once('=') else {
        return IalProblemKind::IgnoredText;
    };
    if value.contains(CURLY_QUOTES) {
        return IalProblemKind::CurlyQuotes;
    }
    let opens = value.starts_with(['"', '\'']);
    let closes =
        value.len() > 1 && value.ends_with(['"', '\'']) || (!opens && value.ends_with(['"', '\'']));
    match (opens, closes, value.contains(['"', '\''])) {
        (_, _, false) if !value.is_empty() => IalProblemKind::UnquotedValue,
        (true, false, _) | (false, true, _) => IalProblemKind::HalfQuoted,
        _ => IalProblemKind::IgnoredText,
    }
}

/// A value that contains its own quote: two entries glued together, or a stray quote.
fn quote_in_value(value: &str, quote: char) -> Option<IalProblemKind> {
    let (_, after) = value.split_once(quote)?;
    let after = after.trim_start();
    let name_len = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        .count();
    if name_len > 0 && after[name_len..].starts_with('=') {
        Some(IalProblemKind::GluedEntries)
    } else {
        Some(IalProblemKind::QuoteInValue)
    }
}
