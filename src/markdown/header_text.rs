//! The text of a header as kramdown renders it, which is what its automatic ID is made from
//! (kramdown-parser-gfm's `update_raw_text`: the text of every child, code spans and math as
//! written, entities and typographic symbols as the characters they become, links by their
//! text, images and footnote markers by nothing), and the ID the header sets itself
//! (`## Title {#id}`).
//!
//! A header is one line, so this re-reads its Markdown with the few span rules that change
//! its text, rather than running the span parser again; `tests/kramdown_header_ids.rs`
//! checks the result against kramdown on every header of the corpora.

use super::liquid::REMOVED;

/// A header's rendered text (`None` when Liquid prints part of it: only Jekyll knows it),
/// and the ID written after it.
pub struct HeaderText {
    pub text: Option<String>,
    pub explicit_id: Option<String>,
}

/// `HEADER_ID = /[\t ]{#(?<id>[A-Za-z][\w:-]*)}\z/`: the `{#id}` ending a header's line.
pub fn split_explicit_id(line: &str) -> (&str, Option<&str>) {
    let trimmed = line.trim_end_matches([' ', '\t']);
    let Some(inner) = trimmed.strip_suffix('}') else {
        return (line, None);
    };
    let Some(open) = inner.rfind("{#") else {
        return (line, None);
    };
    let id = &inner[open + 2..];
    let before = &inner[..open];
    let valid = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '-')
        && before.ends_with([' ', '\t']);
    match valid {
        true => (before.trim_end_matches([' ', '\t']), Some(id)),
        false => (line, None),
    }
}

/// The header's text: `source` is the header's Markdown as written and `masked` the same with
/// Liquid masked (`liquid::mask`): Liquid output is `x`es, control tags [`REMOVED`].
pub fn header_text(source: &str, masked: &str) -> HeaderText {
    let (masked_line, id) = split_explicit_id(masked);
    let source = &source[..masked_line.len().min(source.len())];
    let prints_liquid = source
        .bytes()
        .zip(masked_line.bytes())
        .any(|(s, m)| s != m && m != REMOVED);
    let text = (!prints_liquid).then(|| render(source, masked_line));
    HeaderText {
        text,
        explicit_id: id.map(str::to_owned),
    }
}

/// kramdown's `ESCAPED_CHARS`: a backslash before one of these is dropped.
const ESCAPABLE: &[u8] = b"\\.*_+-`()[]{}#!:|\"'$=<>";

fn render(source: &str, masked: &str) -> String {
    let mut out = String::with_capacity(source.len());
    render_into(source, masked, &mut out);
    out
}

fn render_into(source: &str, masked: &str, out: &mut String) {
    let b = masked.as_bytes();
    let mut i = 0;
    while i < source.len() {
        let c = b[i];
        match c {
            REMOVED => i += 1,
            b'\\' if b.get(i + 1).is_some_and(|n| ESCAPABLE.contains(n)) => {
                out.push(b[i + 1] as char);
                i += 2;
            }
            b'`' => {
                let ticks = b[i..].iter().take_while(|&&t| t == b'`').count();
                let fence = &masked[i..i + ticks];
                match masked[i + ticks..].find(fence) {
                    Some(close) => {
                        let code = &source[i + ticks..i + ticks + close];
                        out.push_str(code.trim_matches(' '));
                        i += ticks + close + ticks;
                    }
                    None => {
                        out.push_str(fence);
                        i += ticks;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match bracketed(masked, i + 1) {
                // An image: its alt text is an attribute, not text.
                Some((_, after)) => i = skip_destination(masked, after),
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            b'[' => match bracketed(masked, i) {
                Some((inner, after)) if masked[inner.clone()].starts_with('^') => {
                    // A footnote marker renders as a number in a `<sup>`: no header text.
                    i = after;
                }
                Some((inner, after)) => {
                    render_into(&source[inner.clone()], &masked[inner], out);
                    i = skip_destination(masked, after);
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            b'<' => i = html_or_autolink(source, masked, i, out),
            b'&' => i = entity(source, i, out),
            b'*' | b'~' => i += 1,
            b'_' => {
                // Emphasis only at a word's edge (GFM leaves `snake_case` alone).
                let before = source[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = source[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if before && after {
                    out.push('_');
                }
                i += 1;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                // `--` and `---` become dashes, which IDs drop.
                i += if b.get(i + 2) == Some(&b'-') { 3 } else { 2 };
                out.push('\u{2013}');
            }
            b'.' if b[i..].starts_with(b"...") => {
                out.push('\u{2026}');
                i += 3;
            }
            b'{' if b.get(i + 1) == Some(&b':') => match masked[i..].find('}') {
                // A span IAL: attributes, no text.
                Some(close) => i += close + 1,
                None => {
                    out.push('{');
                    i += 1;
                }
            },
            _ => {
                let ch = source[i..].chars().next().expect("on a boundary");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
}

/// `[…]` starting at `open`, brackets nested: the inside and the position after `]`.
fn bracketed(masked: &str, open: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let b = masked.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some((open + 1..i, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// After a link's `]`: past `(destination)` or `[ref]`, if there is one.
fn skip_destination(masked: &str, at: usize) -> usize {
    let b = masked.as_bytes();
    match b.get(at) {
        Some(b'(') => {
            let mut depth = 0usize;
            for (offset, &c) in b[at..].iter().enumerate() {
                match c {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return at + offset + 1;
                        }
                    }
                    _ => {}
                }
            }
            at
        }
        Some(b'[') => bracketed(masked, at).map_or(at, |(_, after)| after),
        _ => at,
    }
}

/// At `<`: an autolink keeps its text, a tag or comment is dropped, anything else is text.
fn html_or_autolink(source: &str, masked: &str, at: usize, out: &mut String) -> usize {
    let rest = &masked[at + 1..];
    if let Some(end) = rest.find('>') {
        let inside = &rest[..end];
        let is_autolink = ["http:", "https:", "ftp:", "ftps:", "mailto:"]
            .iter()
            .any(|s| inside.starts_with(s))
            || (inside.contains('@') && !inside.contains(' '));
        if is_autolink {
            out.push_str(&source[at + 1..at + 1 + end]);
            return at + end + 2;
        }
        let tagish = inside.starts_with('/')
            || inside.starts_with('!')
            || inside
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic());
        if tagish {
            return at + end + 2;
        }
    }
    if rest.starts_with('<') {
        // `<<` is a « .
        out.push('\u{ab}');
        return at + 2;
    }
    out.push('<');
    at + 1
}

/// At `&`: a character reference becomes its character.
fn entity(source: &str, at: usize, out: &mut String) -> usize {
    let rest = &source[at + 1..];
    let Some(end) = rest.find(';').filter(|&e| e > 0 && e <= 32) else {
        out.push('&');
        return at + 1;
    };
    let name = &rest[..end];
    let decoded = match name.strip_prefix('#') {
        Some(num) => {
            let value = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            value.and_then(char::from_u32)
        }
        None => named_entity(name),
    };
    match decoded {
        Some(c) => {
            out.push(c);
            at + end + 2
        }
        None => {
            out.push('&');
            at + 1
        }
    }
}

/// The named entities headers use; an unknown one is kept as text (and its letters then
/// count, as kramdown keeps it).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201d}',
        "ldquo" => '\u{201c}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "middot" => '\u{b7}',
        "bull" => '\u{2022}',
        "times" => '\u{d7}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &str) -> String {
        header_text(line, line).text.expect("no Liquid")
    }

    #[test]
    fn markup_goes_and_text_stays() {
        assert_eq!(
            text("Hello *world* [link](x) `code`"),
            "Hello world link code"
        );
        assert_eq!(text("![logo](a.png) Title[^1]"), " Title");
        assert_eq!(text("snake_case and _emph_"), "snake_case and emph");
        assert_eq!(
            text("a -- b... &amp; &#233; \\*"),
            "a \u{2013} b\u{2026} & é *"
        );
        assert_eq!(text("<span>x</span> <https://a.b>"), "x https://a.b");
    }

    #[test]
    fn explicit_ids_follow_kramdown() {
        assert_eq!(
            split_explicit_id("Title {#my-id}"),
            ("Title", Some("my-id"))
        );
        assert_eq!(split_explicit_id("Title{#my-id}").1, None);
        assert_eq!(split_explicit_id("Title {#1id}").1, None);
    }
}
