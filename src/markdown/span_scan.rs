//! How `parse_spans` finds its next stop: the union of the span parsers' start patterns
//! (`span_start` of each `define_parser`), and the stop patterns with the conditions
//! `parse_link` (bracket count) and `parse_emphasis` (`sub_parse`) attach to them.

use super::memo::BracketEvent;
use super::spans::{Ctx, Frame, SpanParser, Stop};

/// The bytes a start or stop pattern can begin with, plus the bytes that end the patterns
/// led by a plain char (`  \n`, ` <<`, ` >>`, `[^\\]?["']`). All ASCII, so each is a char
/// boundary; every other byte is plain text the scan can skip without a look.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"*_`<[\"'$&\\!{-.>~]\n";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

impl SpanParser<'_> {
    /// The first position at or after `from` where the stop or a span start matches.
    pub fn next_start(&mut self, from: usize, ctx: Ctx, stop: &Stop) -> usize {
        let found = self.find_start(from, ctx, stop);
        // Counted as if every byte up to the answer had been tried (the linearity tests).
        self.steps += found.map_or(ctx.end - from, |p| p + 1 - from);
        found.unwrap_or(ctx.end)
    }

    fn find_start(&self, from: usize, ctx: Ctx, stop: &Stop) -> Option<usize> {
        let b = self.b;
        // A start's lookahead may read past the scanner's end (`b` is the whole text).
        let limit = (ctx.end + 2).min(b.len());
        let mut p = from;
        loop {
            let i = b[p..limit]
                .iter()
                .position(|&c| SPECIAL[usize::from(c)])
                .map_or(limit, |off| p + off);
            // A plain char in `p..i` starts a pattern only if the special byte at `i` ends it.
            if !ctx.raw_only
                && let Some(x) = self.plain_start_before(p, i)
                && x < ctx.end
            {
                return Some(x);
            }
            if i >= ctx.end {
                return None;
            }
            if self.is_span_start(i, ctx) || self.stop_at(i, stop) {
                return Some(i);
            }
            p = i + 1;
        }
    }

    /// The plain (non-special) char in `p..i` that starts `  \n`, ` <<`, ` >>` or
    /// `[^\\]?["']` ending at the byte at `i`, if any.
    fn plain_start_before(&self, p: usize, i: usize) -> Option<usize> {
        let b = self.b;
        let x = match b.get(i)? {
            b'"' | b'\'' => {
                let mut x = i.checked_sub(1)?;
                while x > p && b[x] & 0xC0 == 0x80 {
                    x -= 1;
                }
                x
            }
            b'\n' if i >= 2 && b[i - 2] == b' ' && b[i - 1] == b' ' => i - 2,
            b'<' | b'>' if i >= 1 && b[i - 1] == b' ' && b.get(i + 1) == b.get(i) => i - 1,
            _ => return None,
        };
        (x >= p && b[x] & 0xC0 != 0x80).then_some(x)
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
