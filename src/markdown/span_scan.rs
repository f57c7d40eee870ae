//! How `parse_spans` finds its next stop: the union of the span parsers' start patterns
//! (`span_start` of each `define_parser`), and the stop patterns with the conditions
//! `parse_link` (bracket count) and `parse_emphasis` (`sub_parse`) attach to them.

use super::memo::BracketEvent;
use super::spans::{Ctx, Frame, SpanParser, Stop};

impl SpanParser<'_> {
    /// The first position at or after `from` where the stop or a span start matches.
    pub fn next_start(&mut self, from: usize, ctx: Ctx, stop: &Stop) -> usize {
        let mut p = from;
        while p < ctx.end {
            self.steps += 1;
            if self.b[p] & 0xC0 != 0x80 && (self.is_span_start(p, ctx) || self.stop_at(p, stop)) {
                return p;
            }
            p += 1;
        }
        ctx.end
    }

    pub fn stop_at(&self, p: usize, stop: &Stop) -> bool {
        let b = self.b;
        match stop {
            Stop::None => false,
            Stop::Bracket => {
                b[p] == b']' || b[p] == b'[' || (b[p] == b'!' && b.get(p + 1) == Some(&b'['))
            }
            Stop::Emphasis { delim, .. } => b[p..].starts_with(delim.as_bytes()),
            Stop::HtmlClose { name, ignore_case } => super::html_tag::close_tag_at(self.s, p)
                .is_some_and(|(n, _)| {
                    let found = &self.s[n];
                    if *ignore_case {
                        found.eq_ignore_ascii_case(name)
                    } else {
                        found == name
                    }
                }),
        }
    }

    /// The stop check of `parse_spans`, including the conditions in the blocks passed by
    /// `parse_link` (bracket count) and `parse_emphasis` (`sub_parse`).
    pub fn stop_matches(&mut self, frame: &Frame, ctx: Ctx, stop: &Stop, count: &mut i32) -> bool {
        if !self.stop_at(self.pos, stop) {
            return false;
        }
        let p = self.pos;
        match stop {
            Stop::None => false,
            Stop::Bracket => {
                let delta = if self.b[p] == b']' { -1 } else { 1 };
                *count += delta;
                self.bracket_events.push(if delta < 0 {
                    BracketEvent::Close(p)
                } else {
                    BracketEvent::Open(p)
                });
                *count - frame.images == 0
            }
            Stop::Emphasis { delim, em } => {
                let before = super::chars::char_before(&self.s[ctx.start..], p - ctx.start);
                let rest = &self.s[p..];
                let doubled = format!("{delim}{delim}");
                let underscore = delim.starts_with('_');
                let after_delim = super::chars::char_at(rest, delim.len());
                // `(elem != :em || !@src.match?(/#{delim*2}(?!#{delim})/))`
                let exactly_doubled =
                    rest.starts_with(&doubled) && !rest[doubled.len()..].starts_with(delim);
                let space_before = before.is_some_and(super::chars::is_space);
                let em_stops_at_strong = *em && exactly_doubled;
                let underscore_in_word =
                    underscore && after_delim.is_some_and(super::chars::is_alnum);
                let rejected =
                    space_before || em_stops_at_strong || underscore_in_word || !frame.has_children;
                !rejected
            }
            Stop::HtmlClose { .. } => true,
        }
    }

    /// The union of the span parsers' start patterns (`span_start` of each `define_parser`).
    pub fn is_span_start(&self, p: usize, ctx: Ctx) -> bool {
        let b = self.b;
        let next = b.get(p + 1).copied();
        if ctx.raw_only {
            return b[p] == b'<';
        }
        match b[p] {
            b'*' | b'_' | b'`' | b'<' | b'[' | b'"' | b'\'' | b'$' | b'&' | b'\\' => return true,
            b'!' if next == Some(b'[') => return true,
            b'{' if next == Some(b':') => return true,
            b'-' if next == Some(b'-') => return true,
            b'.' if b[p..].starts_with(b"...") => return true,
            b'>' if next == Some(b'>') => return true,
            b'~' if next == Some(b'~') => return true,
            b' ' if b[p..].starts_with(b"  \n")
                || b[p..].starts_with(b" <<")
                || b[p..].starts_with(b" >>") =>
            {
                return true;
            }
            _ => {}
        }
        // `[^\\]?["']`: any char but a backslash right before a quote.
        let len = self.char_len(p);
        b[p] != b'\\' && matches!(b.get(p + len), Some(b'"' | b'\''))
    }
}
