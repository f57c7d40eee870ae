//! The span parsers other than links and IALs, in kramdown's order (`@span_parsers` in
//! `parser/kramdown.rb`, with GFM's changes from `kramdown-parser-gfm`):
//! emphasis, codespan, autolink, span_html, footnote_marker, link, smart_quotes,
//! inline_math, span_extensions, html_entity, typographic_syms, line_break,
//! escaped_chars (GFM set), strikethrough.

use super::chars::{char_at, is_alpha, is_space};
use super::memo::key;
use super::model::ElementKind;
use super::smart_quotes::smart_quote_end;
use super::span_atoms::typographic_len;
use super::spans::{Ctx, Frame, FrameKind, MAX_DEPTH, SpanParser, Stop};

/// `ESCAPED_CHARS_GFM`
const ESCAPABLE: &[u8] = b"\\.*_+`<>()[]{}#!:|\"'$=-~";

impl SpanParser<'_> {
    /// Runs the first parser whose start pattern matches at `self.pos`; `false` if none does.
    pub fn dispatch(&mut self, frame: &mut Frame, ctx: Ctx) -> bool {
        let (b, p) = (self.b, self.pos);
        let c = b[p];
        let next = b.get(p + 1).copied();
        if ctx.raw_only {
            return c == b'<' && self.html_start(p) && self.parse_span_html(frame, ctx);
        }
        if c == b'*' || c == b'_' {
            self.parse_emphasis(frame, ctx);
        } else if c == b'`' {
            self.parse_codespan(frame, ctx);
        } else if c == b'<' && self.parse_autolink(frame, ctx) {
        } else if c == b'<' && self.html_start(p) {
            self.parse_span_html(frame, ctx);
        } else if c == b'[' && self.parse_footnote(frame) {
        } else if (c == b'[' || (c == b'!' && next == Some(b'['))) && self.link_start(p) {
            self.parse_link(frame, ctx);
        } else if let Some(end) = smart_quote_end(self.s, p) {
            self.pos = end;
            self.add_element(frame, ElementKind::SmartQuote, None);
        } else if c == b'$' && next == Some(b'$') && self.parse_math(frame) {
        } else if c == b'{' && next == Some(b':') {
            self.parse_span_extension(frame, ctx);
        } else if c == b'&' && self.parse_entity(frame) {
        } else if let Some(len) = typographic_len(&b[p..]) {
            self.pos += len;
            self.add_element(frame, ElementKind::Typographic, None);
        } else if b[p..].starts_with(b"  \n") || b[p..].starts_with(b"\\\\\n") {
            self.pos += 2;
            self.add_element(frame, ElementKind::LineBreak, None);
        } else if c == b'\\' && next.is_some_and(|n| ESCAPABLE.contains(&n)) {
            self.add_text(frame, p..p + 2, false);
            self.pos += 2;
        } else if c == b'~' && next == Some(b'~') && self.parse_strikethrough(frame, ctx) {
        } else {
            return false;
        }
        true
    }

    /// `HTML_SPAN_START = /<(UNAME|!--|\/)/`
    fn html_start(&self, p: usize) -> bool {
        let rest = &self.s[p + 1..];
        rest.starts_with("!--")
            || rest.starts_with('/')
            || super::html_tag::uname_len(self.s, p + 1) > 0
    }

    /// `LINK_START = /!?\[(?=[^^])/`
    fn link_start(&self, p: usize) -> bool {
        let after = if self.b[p] == b'!' { p + 2 } else { p + 1 };
        after < self.b.len() && self.b[after] != b'^'
    }

    /// `parse_emphasis` (`emphasis.rb`).
    fn parse_emphasis(&mut self, frame: &mut Frame, ctx: Ctx) {
        let p = self.pos;
        let c = self.b[p];
        let double = self.b.get(p + 1) == Some(&c);
        let delim: &'static str = match (c, double) {
            (b'*', true) => "**",
            (b'*', false) => "*",
            (_, true) => "__",
            _ => "_",
        };
        let strong = double;
        let pre = &self.s[ctx.start..p];
        let after_alpha = {
            let mut rev = pre.chars().rev();
            match (rev.next(), rev.next()) {
                (Some(l), _) if is_alpha(l) => true,
                (Some('-'), Some(l)) => is_alpha(l),
                _ => false,
            }
        };
        let nested = if strong {
            ctx.in_strong || frame.kind == FrameKind::Strong
        } else {
            ctx.in_em || frame.kind == FrameKind::Em
        };
        let space_after = char_at(self.s, p + delim.len()).is_some_and(is_space);
        if (c == b'_' && after_alpha) || space_after || nested || ctx.depth >= MAX_DEPTH {
            self.add_text(frame, p..p + delim.len(), false);
            self.pos += delim.len();
            return;
        }
        let mark = self.out.mark();
        let found = self.emphasis_body(ctx, p + delim.len(), delim, strong);
        let found = match found {
            None if strong && frame.kind != FrameKind::Em => {
                self.out.revert(mark);
                let single: &'static str = if c == b'*' { "*" } else { "_" };
                self.emphasis_body(ctx, p + 1, single, false)
            }
            other => other,
        };
        match found {
            Some((kind, inner, delim_len)) => {
                self.pos += delim_len;
                self.add_element(frame, kind, inner);
            }
            None => {
                self.out.revert(mark);
                self.pos = p + delim.len();
                self.add_text(frame, p..p + delim.len(), false);
            }
        }
    }

    /// `sub_parse`: the content of an emphasis from `start`; on success leaves `self.pos` at
    /// the closing delimiter and returns the element, the link in it and the delimiter length.
    fn emphasis_body(
        &mut self,
        ctx: Ctx,
        start: usize,
        delim: &'static str,
        strong: bool,
    ) -> Option<(ElementKind, Option<usize>, usize)> {
        let kind = if strong {
            ElementKind::Strong
        } else {
            ElementKind::Emphasis
        };
        let inner_ctx = Ctx {
            in_em: ctx.in_em || !strong,
            in_strong: ctx.in_strong || strong,
            depth: ctx.depth + 1,
            enclosing: Some(kind),
            ..ctx
        };
        if self.memo.emphasis_failed(key(&inner_ctx), delim, start) {
            return None;
        }
        self.pos = start;
        let mut el = Frame::new(if strong {
            FrameKind::Strong
        } else {
            FrameKind::Em
        });
        let stop = Stop::Emphasis { delim, em: !strong };
        if self.nested_parse(&mut el, inner_ctx, &stop) {
            Some((kind, el.recent_link.map(|(l, _)| l), delim.len()))
        } else {
            self.memo
                .note_emphasis_failure(key(&inner_ctx), delim, start);
            None
        }
    }

    /// A nested `parse_spans` whose bracket events stay its own.
    pub fn nested_parse(&mut self, frame: &mut Frame, ctx: Ctx, stop: &Stop) -> bool {
        let outer = std::mem::take(&mut self.bracket_events);
        let found = self.parse_spans(frame, ctx, stop, &mut 0);
        self.bracket_events = outer;
        found
    }
}
