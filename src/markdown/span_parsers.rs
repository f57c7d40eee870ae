//! The span parsers other than links and IALs, in kramdown's order (`@span_parsers` in
//! `parser/kramdown.rb`, with GFM's changes from `kramdown-parser-gfm`):
//! emphasis, codespan, autolink, span_html, footnote_marker, link, smart_quotes,
//! inline_math, span_extensions, html_entity, typographic_syms, line_break,
//! escaped_chars (GFM set), strikethrough.

use super::chars::{char_at, char_before, is_alpha, is_space};
use super::memo::key;
use super::model::ElementKind;
use super::smart_quotes::smart_quote_end;
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

    /// `parse_codespan` (`codespan.rb`).
    fn parse_codespan(&mut self, frame: &mut Frame, ctx: Ctx) {
        let p = self.pos;
        let len = self.b[p..ctx.end]
            .iter()
            .take_while(|&&c| c == b'`')
            .count();
        let before = char_before(&self.s[ctx.start..], p - ctx.start);
        let lone =
            len == 1 && before.is_none_or(is_space) && char_at(self.s, p + 1).is_some_and(is_space);
        let close = if lone {
            None
        } else {
            self.find_backticks(p + len, len, ctx.end)
        };
        match close {
            Some(at) => {
                self.pos = at + len;
                self.add_element(frame, ElementKind::CodeSpan, None);
            }
            None => {
                self.add_text(frame, p..p + len, false);
                self.pos = p + len;
            }
        }
    }

    /// The first run of at least `len` backticks at or after `from` (kramdown's
    /// `scan_until(/`{len}/)`).
    fn find_backticks(&mut self, from: usize, len: usize, end: usize) -> Option<usize> {
        if self
            .memo
            .code_fail
            .get(&(end, len))
            .is_some_and(|&f| f <= from)
        {
            return None;
        }
        let mut p = from;
        while p < end {
            self.steps += 1;
            if self.b[p] == b'`' {
                let run = self.b[p..end].iter().take_while(|&&c| c == b'`').count();
                if run >= len {
                    return Some(p);
                }
                p += run;
            } else {
                p += 1;
            }
        }
        self.memo.code_fail.insert((end, len), from);
        None
    }

    /// `parse_footnote_marker`: a defined `[^name]` is an element, an undefined one text.
    fn parse_footnote(&mut self, frame: &mut Frame) -> bool {
        let p = self.pos;
        if self.b.get(p + 1) != Some(&b'^') {
            return false;
        }
        let name_len = super::chars::ald_id_name_len(self.b, p + 2);
        if name_len == 0 || self.b.get(p + 2 + name_len) != Some(&b']') {
            return false;
        }
        let end = p + 3 + name_len;
        if self.footnotes.contains(&self.s[p + 2..p + 2 + name_len]) {
            self.pos = end;
            self.add_element(frame, ElementKind::Footnote, None);
        } else {
            self.add_text(frame, p..end, false);
            self.pos = end;
        }
        true
    }

    /// `INLINE_MATH_START = /\$\$(.*?)\$\$/m`
    fn parse_math(&mut self, frame: &mut Frame) -> bool {
        let p = self.pos;
        match self.memo.finder.find(self.b, b"$$", p + 2) {
            Some(close) => {
                self.pos = close + 2;
                self.add_element(frame, ElementKind::Math, None);
                true
            }
            None => false,
        }
    }

    /// `HTML_ENTITY_RE = /&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);/`
    fn parse_entity(&mut self, frame: &mut Frame) -> bool {
        let b = &self.b[self.pos + 1..];
        let word = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.');
        let len = if b.first() == Some(&b'#') {
            let hex = matches!(b.get(1), Some(b'x'));
            let digits = b[1 + usize::from(hex)..]
                .iter()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            (digits > 0).then_some(1 + usize::from(hex) + digits)
        } else {
            let first = b
                .first()
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':'));
            first.then(|| b.iter().take_while(|c| word(c)).count())
        };
        match len {
            Some(len) if b.get(len) == Some(&b';') => {
                self.pos += len + 2;
                self.add_element(frame, ElementKind::Entity, None);
                true
            }
            _ => false,
        }
    }

    /// `STRIKETHROUGH_MATCH = /~~(?!\s|~).*?[^\s~]~~/m`; the body is parsed with a fresh
    /// environment (`reset_env`), as GFM does.
    fn parse_strikethrough(&mut self, frame: &mut Frame, ctx: Ctx) -> bool {
        let p = self.pos;
        let open_ok = self
            .b
            .get(p + 2)
            .is_some_and(|&c| c != b'~' && !super::chars::is_space_byte(c));
        if !open_ok
            || ctx.depth >= MAX_DEPTH
            || self.memo.strike_fail.get(&ctx.end).is_some_and(|&f| f <= p)
        {
            return false;
        }
        let mut from = p + 3;
        let close = loop {
            match self
                .memo
                .finder
                .find(self.b, b"~~", from)
                .filter(|&e| e + 2 <= ctx.end)
            {
                Some(e)
                    if !(self.b[e - 1] == b'~' || super::chars::is_space_byte(self.b[e - 1])) =>
                {
                    break Some(e);
                }
                Some(e) => from = e + 1,
                None => break None,
            }
        };
        let Some(close) = close else {
            self.memo.strike_fail.insert(ctx.end, p);
            return false;
        };
        let body = Ctx {
            in_link: false,
            in_em: false,
            in_strong: false,
            raw_only: false,
            start: p + 2,
            end: close,
            depth: ctx.depth + 1,
            enclosing: Some(ElementKind::Strikethrough),
        };
        self.pos = p + 2;
        let mut el = Frame::new(FrameKind::Del);
        self.nested_parse(&mut el, body, &Stop::None);
        self.pos = close + 2;
        self.add_element(
            frame,
            ElementKind::Strikethrough,
            el.recent_link.map(|(l, _)| l),
        );
        true
    }
}

/// `TYPOGRAPHIC_SYMS_RE`
fn typographic_len(rest: &[u8]) -> Option<usize> {
    ["---", "--", "...", "\\<<", "\\>>", "<< ", " >>", "<<", ">>"]
        .iter()
        .find(|sym| rest.starts_with(sym.as_bytes()))
        .map(|sym| sym.len())
}
