//! Where an IAL ends in running text, and which braces only look like one.
//!
//! ```text
//! IAL_SPAN_START = \{:(ALD_ANY_CHARS+)\}        ALD_ANY_CHARS = \\\} | [^\}]
//! ```
//!
//! The content may span lines and may hold `\}`; when no unescaped `}` follows, the regex
//! engine backtracks to the last `\}`.

use super::ial::IalProblemKind;
use super::text::NextFinder;
use std::ops::Range;

/// `IAL_SPAN_START` at `p`: the content range and the end (after `}`). The content runs to
/// the first `}` not preceded by `\`; failing that, back to the last `\}` of the text.
pub fn ial_extent(
    b: &[u8],
    p: usize,
    end: usize,
    finder: &mut NextFinder,
) -> Option<(Range<usize>, usize)> {
    let start = p + 2;
    if start >= end || b[start] == b'}' {
        return None;
    }
    let mut from = start;
    while let Some(j) = finder.find(b, b"}", from).filter(|&j| j < end) {
        if b[j - 1] != b'\\' || j == start {
            return Some((start..j, j + 1));
        }
        from = j + 1;
    }
    let last = b[..end]
        .iter()
        .rposition(|&c| c == b'}')
        .filter(|&j| j > start)?;
    Some((start..last, last + 1))
}

/// A `{` at `at` that reads like an attribute list kramdown will not take: the content range,
/// the `}` position and what is wrong.
pub fn lookalike(
    s: &str,
    at: usize,
    finder: &mut NextFinder,
) -> Option<(Range<usize>, usize, IalProblemKind)> {
    let b = s.as_bytes();
    if b.get(at + 1) == Some(&b':') {
        return None;
    }
    let mut j = at + 1;
    while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
        j += 1;
    }
    let space_before_colon = j > at + 1 && b.get(j) == Some(&b':');
    let start = if space_before_colon { j + 1 } else { at + 1 };
    let line_end = finder.find(b, b"\n", at).unwrap_or(b.len());
    let close = finder.find(b, b"}", start).filter(|&c| c < line_end)?;
    let kind = if space_before_colon {
        IalProblemKind::SpaceBeforeColon
    } else {
        IalProblemKind::MissingColon
    };
    looks_like_ial(&s[start..close]).then_some((start..close, close, kind))
}

/// `{:target="a}b"}`: the content has an odd quote, and the text glued to the `}` holds the
/// same quote and then another `}`.
pub fn brace_cut_value(content: &str, after: &str) -> bool {
    let glued = &after[..after
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(after.len())];
    ['"', '\''].iter().any(|&q| {
        glued.find(q).is_some_and(|at| glued[at..].contains('}'))
            && content.matches(q).count() % 2 == 1
    })
}

/// Whitespace-separated `key=value`, `.class` and `#id` tokens, at least one of them. Spaces
/// around `=` are allowed before a quoted value (`key = "value"`).
fn looks_like_ial(content: &str) -> bool {
    let joined = join_spaced_equals(content);
    let tokens: Vec<&str> = joined.split_ascii_whitespace().collect();
    let key_value = |t: &str| {
        let key = t
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
            .count();
        key > 0
            && t.as_bytes()[0].is_ascii_alphabetic()
            && t[key..].starts_with('=')
            && t.len() > key + 1
            && !t[key..].starts_with("==")
    };
    let class_or_id = |t: &str| {
        (t.starts_with('.') || t.starts_with('#'))
            && t.len() > 1
            && t.as_bytes()[1].is_ascii_alphabetic()
            && t[1..]
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'#'))
    };
    !tokens.is_empty()
        && tokens.iter().all(|t| key_value(t) || class_or_id(t))
        && !content.contains("=>")
}

/// `key = "value"` → `key="value"`, only where a quote (straight or typographic) follows, so
/// that prose like `{x = 1}` stays unlike an attribute list.
fn join_spaced_equals(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(eq) = rest.find('=') {
        let before = rest[..eq].trim_end_matches([' ', '\t']);
        let after = rest[eq + 1..].trim_start_matches([' ', '\t']);
        let quoted = after.starts_with(['"', '\'', '“', '”', '‘', '’']);
        if quoted {
            out.push_str(before);
            out.push('=');
            rest = after;
        } else {
            out.push_str(&rest[..=eq]);
            rest = &rest[eq + 1..];
        }
    }
    out.push_str(rest);
    out
}
