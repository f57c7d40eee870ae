//! The span parsers that read one construct without nesting (or, for `~~`, with a fresh
//! environment): code spans (`codespan.rb`), footnote markers (`footnote.rb`), inline math
//! (`math.rb`), entities (`html_entity.rb`), typographic symbols (`typographic_symbol.rb`) and
//! GFM strikethrough (`kramdown-parser-gfm`).

use super::chars::{char_at, char_before, is_space};
use super::model::ElementKind;
use super::spans::{Ctx, Frame, FrameKind, MAX_DEPTH, SpanParser, Stop};

impl SpanParser<'_> {
    /// `parse_codespan` (`codespan.rb`).
    pub fn parse_codespan(&mut self, frame: &mut Frame, ctx: Ctx) {
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
    pub fn parse_footnote(&mut self, frame: &mut Frame) -> bool {
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
    pub fn parse_math(&mut self, frame: &mut Frame) -> bool {
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
    pub fn parse_entity(&mut self, frame: &mut Frame) -> bool {
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
    pub fn parse_strikethrough(&mut self, frame: &mut Frame, ctx: Ctx) -> bool {
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
pub fn typographic_len(rest: &[u8]) -> Option<usize> {
    ["---", "--", "...", "\\<<", "\\>>", "<< ", " >>", "<<", ">>"]
        .iter()
        .find(|sym| rest.starts_with(sym.as_bytes()))
        .map(|sym| sym.len())
}
