//! The attribute list an author meant, written so that kramdown reads it:
//! `{:target=”_blank”}`, `{:target=_blank"}`, `{target="_blank"}`, `{ :target = "_blank"}` and
//! `{:target="_blank"rel="x"}` all become `{:target="_blank" rel="x"}`.
//!
//! The repair is lenient about quotes (straight, typographic, missing on one side or both),
//! spaces around `=` and entries glued together, and strict about everything else: whenever
//! two readings are possible (`{:title="Annual report}` could end after `Annual`), or an
//! entry is not `key=value`, `.class` or `#id`, there is no repair. The result is checked by
//! parsing it again: kramdown must read exactly the intended entries from it.

use crate::markdown::{self, Effect};

/// Quotes that open or close a value, by family: what a word processor makes of `"` and `'`.
const DOUBLE: &[char] = &['"', '“', '”', '„', '‟', '″', '«', '»'];
const SINGLE: &[char] = &['\'', '‘', '’', '‚', '‛', '′'];

/// One entry as the author meant it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Intended<'a> {
    KeyValue(&'a str, &'a str),
    /// `.class` or `#id`, written as is.
    Name(&'a str),
}

/// The canonical `{:…}` for the attribute text `content` (what is between `{:`/`{` and `}`),
/// or `None` when the intent is not certain.
pub fn canonical_ial(content: &str) -> Option<String> {
    if content.contains(['\n', '\r', '{', '}']) {
        return None;
    }
    let entries = intended_entries(content)?;
    if entries.is_empty() {
        return None;
    }
    let written: Vec<String> = entries
        .iter()
        .map(|entry| match entry {
            Intended::KeyValue(key, value) => format!("{key}=\"{value}\""),
            Intended::Name(name) => (*name).to_owned(),
        })
        .collect();
    let canonical = format!("{{:{}}}", written.join(" "));
    reads_as_intended(&canonical, &entries).then_some(canonical)
}

/// kramdown reads `canonical` without a problem, as exactly `entries`.
fn reads_as_intended(canonical: &str, entries: &[Intended<'_>]) -> bool {
    let Some(ial) = markdown::parse_ial(canonical) else {
        return false;
    };
    if !ial.problems.is_empty()
        || ial.span.end != canonical.len()
        || ial.effect() == Effect::Literal
    {
        return false;
    }
    ial.entries.len() == entries.len()
        && ial
            .entries
            .iter()
            .zip(entries)
            .all(|(got, want)| match (&got.kind, want) {
                (markdown::EntryKind::KeyValue { key, value, .. }, Intended::KeyValue(k, v)) => {
                    key.value == *k && value.value == *v
                }
                (markdown::EntryKind::Class(_) | markdown::EntryKind::Id(_), Intended::Name(n)) => {
                    canonical[got.span.clone()] == **n
                }
                _ => false,
            })
}

/// Reads `content` leniently into entries; `None` at the first thing that is not clearly an
/// entry.
fn intended_entries(content: &str) -> Option<Vec<Intended<'_>>> {
    let mut entries = Vec::new();
    let mut rest = content.trim_start();
    while !rest.is_empty() {
        let (entry, after) = if rest.starts_with(['.', '#']) {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let name = &rest[..end];
            if name.len() < 2 || name.contains(['=', '"', '\'']) || name.contains(DOUBLE) {
                return None;
            }
            (Intended::Name(name), &rest[end..])
        } else {
            key_value(rest)?
        };
        entries.push(entry);
        rest = after.trim_start();
    }
    Some(entries)
}

/// `key=value` at the start of `text`, with the value quoted, half-quoted, unquoted or in
/// typographic quotes, and spaces allowed around `=`. Returns the entry and the text after it.
fn key_value(text: &str) -> Option<(Intended<'_>, &str)> {
    let key_len = ald_name_len(text);
    if key_len == 0 {
        return None;
    }
    let key = &text[..key_len];
    let after_key = text[key_len..].trim_start_matches([' ', '\t']);
    let after_eq = after_key.strip_prefix('=')?.trim_start_matches([' ', '\t']);
    let open = after_eq.chars().next()?;
    let family = if DOUBLE.contains(&open) {
        Some(DOUBLE)
    } else if SINGLE.contains(&open) {
        Some(SINGLE)
    } else {
        None
    };
    let (value, after) = match family {
        Some(family) => {
            let body = &after_eq[open.len_utf8()..];
            match closing_quote(body, family) {
                Some(close) => {
                    let close_len = body[close..].chars().next().map_or(1, char::len_utf8);
                    (&body[..close], &body[close + close_len..])
                }
                // Only an opening quote: the value runs to the next space.
                None => {
                    let end = body.find(char::is_whitespace).unwrap_or(body.len());
                    (&body[..end], &body[end..])
                }
            }
        }
        None => {
            let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
            let word = &after_eq[..end];
            // Only a closing quote (`_blank"`), or none.
            let value = word
                .strip_suffix(|c: char| DOUBLE.contains(&c) || SINGLE.contains(&c))
                .unwrap_or(word);
            (value, &after_eq[end..])
        }
    };
    // The value is written back between `"`; an apostrophe inside is fine unless it could be
    // the value's own closing quote.
    let clean = !value.contains(DOUBLE) && (family == Some(DOUBLE) || !value.contains(SINGLE));
    (clean && !value.is_empty()).then_some((Intended::KeyValue(key, value), after))
}

/// The closing quote of a value in `body` (after the opening quote): the first quote of the
/// family followed by whitespace, the end, or a glued `key=` (a forgotten space).
fn closing_quote(body: &str, family: &[char]) -> Option<usize> {
    body.char_indices().find_map(|(at, c)| {
        if !family.contains(&c) {
            return None;
        }
        let after = &body[at + c.len_utf8()..];
        let glued_key = {
            let name = ald_name_len(after);
            name > 0 && after[name..].starts_with('=')
        };
        (after.is_empty() || after.starts_with(char::is_whitespace) || glued_key).then_some(at)
    })
}

/// `ALD_ID_NAME = \w[\w-]*` at the start of `text` (ASCII word characters).
fn ald_name_len(text: &str) -> usize {
    let b = text.as_bytes();
    if !b
        .first()
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        return 0;
    }
    b.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
        .count()
}

#[cfg(test)]
mod tests {
    use super::canonical_ial;

    #[test]
    fn repairs_what_editors_type() {
        let cases = [
            ("target=”_blank”", "{:target=\"_blank\"}"),
            ("target=“_blank”", "{:target=\"_blank\"}"),
            ("target=‘_blank’", "{:target=\"_blank\"}"),
            ("target=_blank\"", "{:target=\"_blank\"}"),
            ("target=\"_blank", "{:target=\"_blank\"}"),
            ("target=_blank", "{:target=\"_blank\"}"),
            ("target = \"_blank\"", "{:target=\"_blank\"}"),
            (" target=\"_blank\" ", "{:target=\"_blank\"}"),
            (
                "target=\"_blank\"rel=\"noopener\"",
                "{:target=\"_blank\" rel=\"noopener\"}",
            ),
            ("start=“5”", "{:start=\"5\"}"),
            ("start=6\"", "{:start=\"6\"}"),
            (
                ".btn target=”_blank” #top",
                "{:.btn target=\"_blank\" #top}",
            ),
            (
                "title=“Minister’s speech”",
                "{:title=\"Minister’s speech\"}",
            ),
        ];
        for (content, want) in cases {
            assert_eq!(canonical_ial(content).as_deref(), Some(want), "{content}");
        }
    }

    #[test]
    fn leaves_ambiguous_lists_alone() {
        for content in [
            "title=\"Annual report",
            "title=Annual report",
            "target=\"_blank\" junk",
            "target=\"a}b\"",
            "target=\"_blank rel=\"x\"",
            "title=‘Minister’s speech’",
            "",
            "=x",
            "target=",
            "target=\"\"",
        ] {
            assert_eq!(canonical_ial(content), None, "{content}");
        }
    }
}
