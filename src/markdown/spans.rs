//! kramdown's span parser, re-enacted: `parse_spans` in `parser/kramdown.rb`.
//!
//! kramdown scans to the next position where a stop pattern or any span parser's start
//! pattern matches, checks the stop first (a nested parse for `[…]`, `*…*` or `<tag>…</tag>`
//! ends there when its condition holds), and otherwise hands the position to the first parser
//! whose start regex matches. A nested parse that reaches the end without its stop is thrown
//! away and its opener becomes text. The scanner follows the same order and the same
//! give-up-and-revert rule, because that is what decides whether `{:…}` lands on a link.
//!
//! kramdown itself is quadratic on unclosed openers; the scanner memoizes failures so it is
//! not (see `memo.rs`), and caps nesting depth (`MAX_DEPTH`) so a page of `![![![…` cannot
//! overflow the stack.

use super::memo::{BracketEvent, Memo};
use super::model::{AnchorId, BrokenLink, ElementKind, HtmlResource, Link};
use super::text::SpanText;
use super::{Ial, RefTable};
use std::collections::HashSet;
use std::ops::Range;

/// Deeper nesting than this is read as text.
pub const MAX_DEPTH: usize = 48;

/// What a span parse collects; positions are body-relative.
#[derive(Default)]
pub struct Outputs {
    pub links: Vec<Link>,
    pub ials: Vec<Ial>,
    pub broken: Vec<BrokenLink>,
    pub resources: Vec<HtmlResource>,
    pub ids: Vec<AnchorId>,
    /// Some ID of the page is computed by Liquid.
    pub ids_unknown: bool,
}

/// How much of each output existed at some point, to go back to it.
#[derive(Debug, Clone, Copy)]
pub struct Mark([usize; 5]);

impl Outputs {
    pub fn mark(&self) -> Mark {
        Mark([
            self.links.len(),
            self.ials.len(),
            self.broken.len(),
            self.resources.len(),
            self.ids.len(),
        ])
    }
    pub fn revert(&mut self, mark: Mark) {
        let [links, ials, broken, resources, ids] = mark.0;
        self.links.truncate(links);
        self.ials.truncate(ials);
        self.broken.truncate(broken);
        self.resources.truncate(resources);
        self.ids.truncate(ids);
    }
}

/// The last child of the element being parsed, as far as `parse_span_extensions` cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Last {
    Nothing,
    Text,
    Link(usize),
    Element(ElementKind, Option<usize>),
}

/// What element a nested parse builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    Root,
    Link,
    Strong,
    Em,
    Html,
    Del,
}

/// The element under construction.
pub struct Frame {
    pub kind: FrameKind,
    pub last: Last,
    pub has_children: bool,
    /// Images parsed inside a link's brackets (kramdown subtracts them from the bracket count).
    pub images: i32,
    /// The last link inside this element, at any depth, and where it (or the element holding
    /// it) ended: used to tell which link a detached IAL was meant for.
    pub recent_link: Option<(usize, usize)>,
}

impl Frame {
    pub fn new(kind: FrameKind) -> Frame {
        Frame {
            kind,
            last: Last::Nothing,
            has_children: false,
            images: 0,
            recent_link: None,
        }
    }
}

/// The environment of a nested parse: kramdown's `@tree`/`@stack` checks and its scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ctx {
    /// Inside a link or image: no further links.
    pub in_link: bool,
    pub in_em: bool,
    pub in_strong: bool,
    /// Only the HTML parser runs (content of raw HTML elements such as `<code>`).
    pub raw_only: bool,
    /// The current scanner's bounds: the context text, or a `~~…~~` body.
    pub start: usize,
    pub end: usize,
    pub depth: usize,
    pub enclosing: Option<ElementKind>,
}

/// The stop of a nested parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    None,
    /// `LINK_BRACKET_STOP_RE = /(\])|!?\[/` with its bracket count.
    Bracket,
    /// `/#{delim}/` of an emphasis.
    Emphasis {
        delim: &'static str,
        em: bool,
    },
    /// `/<\/#{tag}\s*>/`
    HtmlClose {
        name: String,
        ignore_case: bool,
    },
}

/// The span parser over one context.
pub struct SpanParser<'a> {
    pub t: &'a SpanText,
    pub s: &'a str,
    pub b: &'a [u8],
    pub refs: &'a RefTable,
    pub footnotes: &'a HashSet<String>,
    pub out: &'a mut Outputs,
    pub memo: &'a mut Memo,
    pub pos: usize,
    /// Bracket events at the level of the innermost link parse.
    pub bracket_events: Vec<BracketEvent>,
    /// Work done, for tests that check the scanner stays linear.
    pub steps: usize,
    /// The end of the last line an unmatched `[` was reported on.
    pub reported_line_end: Option<usize>,
    /// Where the destination found by the last `[text] (url)` check ends.
    pub destination_end: Option<usize>,
}

impl<'a> SpanParser<'a> {
    /// Parses the whole context; returns the link the context ends with, if any.
    pub fn run(&mut self) -> Option<usize> {
        let ctx = Ctx {
            in_link: false,
            in_em: false,
            in_strong: false,
            raw_only: false,
            start: 0,
            end: self.b.len(),
            depth: 0,
            enclosing: None,
        };
        let mut root = Frame::new(FrameKind::Root);
        self.parse_spans(&mut root, ctx, &Stop::None, &mut 0);
        match root.last {
            Last::Link(i) | Last::Element(_, Some(i)) => Some(i),
            _ => None,
        }
    }

    /// `parse_spans`: returns whether the stop was found.
    pub fn parse_spans(
        &mut self,
        frame: &mut Frame,
        ctx: Ctx,
        stop: &Stop,
        count: &mut i32,
    ) -> bool {
        while self.pos < ctx.end {
            let next = self.next_start(self.pos, ctx, stop);
            if next > self.pos {
                self.add_text(frame, self.pos..next, true);
                self.pos = next;
            }
            if self.pos >= ctx.end {
                break;
            }
            if self.stop_matches(frame, ctx, stop, count) {
                return true;
            }
            if !self.dispatch(frame, ctx) {
                let len = self.char_len(self.pos);
                self.add_text(frame, self.pos..self.pos + len, true);
                self.pos += len;
            }
        }
        matches!(stop, Stop::None)
    }

    pub fn char_len(&self, pos: usize) -> usize {
        super::chars::char_at(self.s, pos).map_or(1, char::len_utf8)
    }

    /// Records text; `{` in it may be an IAL without its colon.
    pub fn add_text(&mut self, frame: &mut Frame, range: Range<usize>, look_for_ials: bool) {
        if range.is_empty() {
            return;
        }
        if look_for_ials {
            let mut k = range.start;
            while let Some(off) = self.b[k..range.end].iter().position(|&c| c == b'{') {
                let at = k + off;
                let follows = if at == range.start {
                    frame.last
                } else {
                    Last::Text
                };
                self.look_for_lookalike_ial(frame, at, follows);
                k = at + 1;
            }
        }
        frame.last = Last::Text;
        frame.has_children = true;
    }

    /// Records a non-text element as the frame's last child.
    pub fn add_element(&mut self, frame: &mut Frame, kind: ElementKind, inner_link: Option<usize>) {
        frame.last = Last::Element(kind, inner_link);
        frame.has_children = true;
        if let Some(link) = inner_link {
            frame.recent_link = Some((link, self.pos));
        }
    }
}
