//! Broken link syntax: the places where `parse_link` gives up and prints `[` as text, named
//! after what the author most likely meant. Only forms with a clear sign of an intended link
//! are reported; a lone `[sic]` or `[1]` in prose is not a broken link.

use super::model::{BrokenKind, BrokenLink};
use super::span_link::Target;
use super::spans::{Ctx, SpanParser};

impl SpanParser<'_> {
    /// A `[` without its `]`, reported once per line and only when a `](` follows on the
    /// same line (`[[text](url)`, `[text(url)](…`).
    pub fn note_unmatched_bracket(&mut self, p: usize, open: usize, image: bool, ctx: Ctx) {
        let line_end = self
            .memo
            .finder
            .find(self.b, b"\n", p)
            .unwrap_or(ctx.end)
            .min(ctx.end);
        if self.reported_line_end == Some(line_end) {
            return;
        }
        // `:-[ (…)` and `[ sic ]` are prose: a link text starts right after its bracket.
        let starts_text = self
            .b
            .get(p + open)
            .is_some_and(|&c| !super::chars::is_space_byte(c));
        let link_like = starts_text
            && self
                .memo
                .finder
                .find(self.b, b"](", p)
                .is_some_and(|at| at < line_end);
        if link_like {
            self.reported_line_end = Some(line_end);
            self.out.broken.push(BrokenLink {
                kind: BrokenKind::UnmatchedOpenBracket,
                span: self.t.span(p..p + open),
                text: None,
                image,
            });
        }
    }

    /// Records why a link with matched brackets failed, when the reason is worth reporting.
    pub fn note_broken(
        &mut self,
        why: Option<BrokenKind>,
        p: usize,
        open: usize,
        close: usize,
        image: bool,
    ) {
        let Some(kind) = why else { return };
        let (kind, end) = match kind {
            BrokenKind::UnclosedUrl => self.unclosed_url_kind(close + 1),
            BrokenKind::SpaceBeforeUrl { gap } => {
                let end = self.destination_end.take().unwrap_or(close + 1);
                (BrokenKind::SpaceBeforeUrl { gap }, end)
            }
            BrokenKind::EmphasisBeforeUrl { marks } => {
                let end = self.destination_end.take().unwrap_or(close + 1);
                (BrokenKind::EmphasisBeforeUrl { marks }, end)
            }
            BrokenKind::ExtraCloseBracket => {
                let end = self
                    .memo
                    .finder
                    .find(self.b, b")", close)
                    .filter(|&e| e < self.line_end(close))
                    .map_or(close + 2, |e| e + 1);
                (BrokenKind::ExtraCloseBracket, end)
            }
            BrokenKind::UndefinedReference { id } => {
                let line_end = self.line_end(close);
                let end = self
                    .memo
                    .finder
                    .find(self.b, b"]", close + 1)
                    .filter(|&e| e < line_end)
                    .map_or(close + 1, |e| e + 1);
                (BrokenKind::UndefinedReference { id }, end)
            }
            other => (other, close + 1),
        };
        let span = self.t.span(p..end.max(close + 1));
        let text = Some(self.t.span(p + open..close));
        self.out.broken.push(BrokenLink {
            kind,
            span,
            text,
            image,
        });
    }

    /// Why `[text]` with no definition is not a link: `[text] (url)`, `[text]](url)` or
    /// `**[text]**(url)`.
    pub fn classify_shortcut_failure(&mut self, q: usize, ctx: Ctx) -> Option<BrokenKind> {
        let b = self.b;
        if b.get(q) == Some(&b']') && b.get(q + 1) == Some(&b'(') {
            return Some(BrokenKind::ExtraCloseBracket);
        }
        if let Some(marks) = self.emphasis_then_url(q) {
            return Some(BrokenKind::EmphasisBeforeUrl { marks });
        }
        self.space_then_url(q, ctx)
            .map(|gap| BrokenKind::SpaceBeforeUrl { gap })
    }

    /// `**[text]**(url)`: emphasis closed between the text and its URL (the `*` run's file
    /// span). The run closes the emphasis around the brackets, so it lies past the bounds
    /// of the emphasis' own parse: it is read from the whole context text, up to the line end.
    fn emphasis_then_url(&mut self, q: usize) -> Option<super::model::Span> {
        let b = self.b;
        let marks = b[q..]
            .iter()
            .take_while(|&&c| c == b'*' || c == b'_')
            .count();
        let open = q + marks;
        if marks == 0 || marks > 3 || b.get(open) != Some(&b'(') {
            return None;
        }
        let line_end = self.line_end(open);
        let close = self
            .memo
            .finder
            .find(b, b")", open)
            .filter(|&c| c < line_end)?;
        looks_like_url(&self.s[open + 1..close]).then(|| {
            self.destination_end = Some(close + 1);
            self.t.span(q..open)
        })
    }

    /// `[text] (url)` after a shortcut reference that did resolve: the `(url)` stays text.
    pub fn note_space_before_url(&mut self, close: usize, ctx: Ctx) {
        if let Some(gap) = self.space_then_url(close + 1, ctx) {
            let end = self.destination_end.take().unwrap_or(close + 1);
            let span = self.t.span(close + 1..end);
            self.out.broken.push(BrokenLink {
                kind: BrokenKind::SpaceBeforeUrl { gap },
                span,
                text: None,
                image: false,
            });
        }
    }

    /// Spaces or tabs at `q` followed by a complete `(destination)`: the gap's file span.
    fn space_then_url(&mut self, q: usize, ctx: Ctx) -> Option<super::model::Span> {
        let b = self.b;
        let mut w = q;
        while w < ctx.end && (b[w] == b' ' || b[w] == b'\t') {
            w += 1;
        }
        if w == q || w >= ctx.end || b[w] != b'(' {
            return None;
        }
        match self.inline_destination(w, ctx) {
            Some(Target::Inline { url, end, .. }) if looks_like_url(&self.s[url.clone()]) => {
                self.destination_end = Some(end);
                Some(self.t.span(q..w))
            }
            _ => None,
        }
    }

    /// `(url]`: a `]` on the line and no `)` before it. Returns the kind and where the
    /// broken construct ends.
    fn unclosed_url_kind(&mut self, q: usize) -> (BrokenKind, usize) {
        let line_end = self.line_end(q);
        let bracket = self
            .memo
            .finder
            .find(self.b, b"]", q)
            .filter(|&at| at < line_end);
        let paren = self
            .memo
            .finder
            .find(self.b, b")", q)
            .filter(|&at| at < line_end);
        match bracket {
            Some(at) if paren.is_none_or(|p| at < p) => (
                BrokenKind::UrlClosedWithBracket {
                    at: self.t.span(at..at + 1),
                },
                at + 1,
            ),
            _ => {
                let word_end = (q..line_end)
                    .find(|&k| super::chars::is_space_byte(self.b[k]))
                    .unwrap_or(line_end);
                (BrokenKind::UnclosedUrl, word_end)
            }
        }
    }

    fn line_end(&mut self, from: usize) -> usize {
        self.memo
            .finder
            .find(self.b, b"\n", from)
            .unwrap_or(self.b.len())
    }
}

/// `(Cap 65A)` after `[CDSA]` is prose; `(https://…)`, `(/path)`, `(www.…)` are not.
fn looks_like_url(url: &str) -> bool {
    !url.is_empty()
        && !url.bytes().any(super::chars::is_space_byte)
        && (url.contains("://")
            || url.starts_with(['/', '#'])
            || url.starts_with("www.")
            || url.starts_with("mailto:")
            || url.starts_with("./")
            || url.starts_with("../"))
}
