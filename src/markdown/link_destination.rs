//! The destination of an inline link (`parse_link` after `](`): `<…>`, or raw text up to
//! the balancing `)` or a space before a quote (`LINK_PAREN_STOP_RE`), then an optional
//! title (`LINK_INLINE_TITLE_RE`). Parentheses and title ends come from a per-context index
//! so a page of `[a](` stays linear.

use super::memo::ParenIndex;
use super::span_link::Target;
use super::spans::{Ctx, SpanParser};
use std::ops::Range;

impl SpanParser<'_> {
    /// The inline destination starting with `(` at `q`.
    pub fn inline_destination(&mut self, q: usize, ctx: Ctx) -> Option<Target> {
        let (b, end) = (self.b, ctx.end);
        let mut title_from = None;
        let mut url = q + 1..q + 1;
        if b[q..end].starts_with(b"(<") {
            let gt = self.memo.finder.find(b, b">", q + 2).filter(|&g| g < end);
            let nl = self.memo.finder.find(b, b"\n", q + 2);
            if let Some(g) = gt.filter(|&g| nl.is_none_or(|n| g < n)) {
                if b.get(g + 1) == Some(&b')') && g + 1 < end {
                    return Some(Target::Inline {
                        url: q + 2..g,
                        title: None,
                        end: g + 2,
                    });
                }
                url = q + 2..g;
                title_from = Some(g + 1);
            }
        }
        if title_from.is_none() {
            let index = self.memo.parens(b);
            let matching = index.matching(q).filter(|&m| m < end);
            let space_quote = ParenIndex::first_from(&index.space_quote, q).filter(|&s| s < end);
            match (matching, space_quote) {
                (Some(m), s) if s.is_none_or(|s| m < s) => {
                    return Some(Target::Inline {
                        url: strip(b, q + 1..m),
                        title: None,
                        end: m + 1,
                    });
                }
                (_, Some(s)) => {
                    url = strip(b, q + 1..s);
                    title_from = Some(s + 1);
                }
                _ => {
                    url = strip(b, q + 1..end.saturating_sub(1).max(q + 1));
                    title_from = Some(end);
                }
            }
        }
        let (title, close) = self.title(title_from?, end)?;
        Some(Target::Inline {
            url,
            title: Some(title),
            end: close + 1,
        })
    }

    /// `LINK_INLINE_TITLE_RE` at `from`: the title's range and the position of `)`.
    pub fn title(&mut self, from: usize, end: usize) -> Option<(Range<usize>, usize)> {
        let b = self.b;
        let mut at = from;
        while at < end && super::chars::is_space_byte(b[at]) {
            at += 1;
        }
        let quote = *b
            .get(at)
            .filter(|&&c| (c == b'"' || c == b'\'') && at < end)?;
        let index = self.memo.parens(b);
        let ends = if quote == b'"' {
            &index.title_end_double
        } else {
            &index.title_end_single
        };
        let close_quote = ParenIndex::first_from(ends, at + 2).filter(|&e| e < end)?;
        let mut paren = close_quote + 1;
        while super::chars::is_space_byte(b[paren]) {
            paren += 1;
        }
        (paren < end).then_some((at + 1..close_quote, paren))
    }
}

/// Ruby's `strip` on a byte range (whitespace and NUL).
pub fn strip(b: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && (super::chars::is_space_byte(b[r.start]) || b[r.start] == 0) {
        r.start += 1;
    }
    while r.end > r.start && (super::chars::is_space_byte(b[r.end - 1]) || b[r.end - 1] == 0) {
        r.end -= 1;
    }
    r
}
