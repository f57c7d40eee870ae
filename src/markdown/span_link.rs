//! `parse_link` (`parser/kramdown/link.rb`): `[text](url "title")`, `[text][id]`, `[text][]`,
//! `[text]` and the same with `![`.
//!
//! ```text
//! LINK_BRACKET_STOP_RE  = /(\])|!?\[/                 count [ and ], minus images inside
//! LINK_INLINE_ID_RE     = /\s*?\[([^\]]+)?\]/          reference id
//! LINK_PAREN_STOP_RE    = /(\()|(\))|\s(?=['"])/       destination: balanced parens, or a title
//! LINK_INLINE_TITLE_RE  = /\s*?(["'])(.+?)\1\s*?\)/m
//! ```
//!
//! When any step fails kramdown reverts and prints the `[` as text; those failures are where
//! broken links are reported (`link_broken.rs`).

use super::memo::{BracketEvent, key};
use super::model::{BrokenKind, Link, LinkKind, Spanned};
use super::span_html::placeholder_link;
use super::spans::{Ctx, Frame, FrameKind, Last, MAX_DEPTH, SpanParser, Stop};
use std::ops::Range;

/// Where a link that passed its brackets points.
pub enum Target {
    Inline {
        url: Range<usize>,
        title: Option<Range<usize>>,
        end: usize,
    },
    Reference {
        kind: LinkKind,
        id: Range<usize>,
        def: usize,
        end: usize,
    },
}

/// `ESCAPED_CHARS` of the kramdown parser (used on the link text for the reference id).
const LINK_TEXT_ESCAPES: &[u8] = b"\\.*_+`<>()[]{}#!:|\"'$=-";

impl SpanParser<'_> {
    pub fn parse_link(&mut self, frame: &mut Frame, ctx: Ctx) {
        let p = self.pos;
        let image = self.b[p] == b'!';
        let open = if image { 2 } else { 1 };
        // "no nested links allowed"; images may nest.
        if (!image && ctx.in_link) || ctx.depth >= MAX_DEPTH {
            self.link_as_text(frame, p, open);
            return;
        }
        let text_ctx = Ctx {
            in_link: true,
            depth: ctx.depth + 1,
            ..ctx
        };
        let memo_key = (key(&text_ctx), p);
        let known = self.memo.brackets.get(&memo_key).copied();
        match known {
            Some(None) => {
                self.note_unmatched_bracket(p, open, image, ctx);
                self.link_as_text(frame, p, open);
                return;
            }
            Some(Some(close)) => {
                if let Err(broken) = self.after_bracket(p + open, close, ctx) {
                    self.note_broken(broken, p, open, close, image);
                    self.link_as_text(frame, p, open);
                    return;
                }
            }
            None => {}
        }
        let mark = self.out.mark();
        let index = self.out.links.len();
        self.out.links.push(placeholder_link());
        self.pos = p + open;
        let mut el = Frame::new(FrameKind::Link);
        let outer = std::mem::take(&mut self.bracket_events);
        let found = self.parse_spans(&mut el, text_ctx, &Stop::Bracket, &mut 1);
        let events = std::mem::replace(&mut self.bracket_events, outer);
        let close = found.then_some(self.pos);
        if known.is_none() {
            self.memo.record_brackets(memo_key.0, p, &events, close);
        }
        let Some(close) = close else {
            self.out.revert(mark);
            self.note_unmatched_bracket(p, open, image, ctx);
            self.link_as_text(frame, p, open);
            return;
        };
        match self.after_bracket(p + open, close, ctx) {
            Ok(target) => {
                let link = self.build_link(p, open, close, image, &target, ctx);
                let end = link_end(&target);
                self.out.links[index] = link;
                self.pos = end;
                if let Target::Reference {
                    kind: LinkKind::Shortcut,
                    ..
                } = target
                {
                    self.note_space_before_url(close, ctx);
                }
                self.attach_link(frame, index, image);
            }
            Err(broken) => {
                self.out.revert(mark);
                self.note_broken(broken, p, open, close, image);
                self.link_as_text(frame, p, open);
            }
        }
    }

    fn link_as_text(&mut self, frame: &mut Frame, p: usize, open: usize) {
        self.add_text(frame, p..p + open, false);
        self.pos = p + open;
    }

    /// Makes link `index` the frame's last child.
    pub fn attach_link(&mut self, frame: &mut Frame, index: usize, image: bool) {
        frame.last = Last::Link(index);
        frame.has_children = true;
        frame.recent_link = Some((index, self.pos));
        if image && frame.kind == FrameKind::Link {
            frame.images += 1;
            self.bracket_events.push(BracketEvent::ImageEnd);
        }
    }

    /// Adds a finished link (autolinks) and makes it the last child.
    pub fn finish_link(&mut self, frame: &mut Frame, mut link: Link, ctx: Ctx) {
        link.enclosing = ctx.enclosing;
        self.out.links.push(link);
        self.attach_link(frame, self.out.links.len() - 1, false);
    }

    /// Everything after the closing `]`: a reference or an inline destination.
    fn after_bracket(
        &mut self,
        text_start: usize,
        close: usize,
        ctx: Ctx,
    ) -> Result<Target, Option<BrokenKind>> {
        let (b, end) = (self.b, ctx.end);
        let q = close + 1;
        let mut w = q;
        while w < end && super::chars::is_space_byte(b[w]) {
            w += 1;
        }
        if w < end
            && b[w] == b'['
            && let Some(r) = self.memo.finder.find(b, b"]", w + 1).filter(|&r| r < end)
        {
            let explicit = r > w + 1;
            let id = if explicit {
                w + 1..r
            } else {
                text_start..close
            };
            let kind = if explicit {
                LinkKind::Reference
            } else {
                LinkKind::Collapsed
            };
            let name = if explicit {
                self.t.original[id.clone()].to_string()
            } else {
                self.link_text_id(text_start, close)
            };
            // `[Feature #1] [experimental]` with a space between is prose, not a link; so is
            // `[EXPERIMENTAL][[Feature #1]](url)`, where the brackets are the text's own.
            let report = (w == q && !name.contains('['))
                .then_some(BrokenKind::UndefinedReference { id: name.clone() });
            return match self.refs.lookup(&name) {
                Some(def) => Ok(Target::Reference {
                    kind,
                    id,
                    def,
                    end: r + 1,
                }),
                None => Err(report),
            };
        }
        if q >= end || b[q] != b'(' {
            let name = self.link_text_id(text_start, close);
            return match self.refs.lookup(&name) {
                Some(def) => Ok(Target::Reference {
                    kind: LinkKind::Shortcut,
                    id: text_start..close,
                    def,
                    end: q,
                }),
                None => Err(self.classify_shortcut_failure(q, ctx)),
            };
        }
        self.inline_destination(q, ctx)
            .ok_or(Some(BrokenKind::UnclosedUrl))
    }

    /// The reference id kramdown derives from the link text: escapes removed.
    fn link_text_id(&self, start: usize, close: usize) -> String {
        let raw = &self.t.original[start..close];
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek() {
                Some(&n) if c == '\\' && n.is_ascii() && LINK_TEXT_ESCAPES.contains(&(n as u8)) => {
                    out.push(n);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn build_link(
        &self,
        p: usize,
        open: usize,
        close: usize,
        image: bool,
        target: &Target,
        ctx: Ctx,
    ) -> Link {
        let mut link = placeholder_link();
        link.image = image;
        link.text = self.t.span(p + open..close);
        link.span = self.t.span(p..link_end(target));
        link.enclosing = ctx.enclosing;
        match target {
            Target::Inline { url, title, .. } => {
                link.kind = LinkKind::Inline;
                link.url = Some(self.spanned(url.clone()));
                link.title = title.clone().map(|t| self.spanned(t));
                link.url_has_liquid = self.has_liquid(url.clone());
            }
            Target::Reference { kind, id, def, .. } => {
                let entry = self.refs.entry(*def);
                link.kind = *kind;
                link.ref_id = Some(self.spanned(id.clone()));
                link.ref_def = Some(*def);
                link.url = Some(entry.url.clone());
                link.title = entry.title.clone();
                link.url_has_liquid = entry.has_liquid;
            }
        }
        link
    }

    pub fn spanned(&self, r: Range<usize>) -> Spanned<String> {
        Spanned {
            value: self.t.original[r.clone()].to_string(),
            span: self.t.span(r),
        }
    }

    /// Whether Liquid was masked inside `r`.
    pub fn has_liquid(&self, r: Range<usize>) -> bool {
        self.t.original[r.clone()] != self.s[r]
    }
}

fn link_end(target: &Target) -> usize {
    match target {
        Target::Inline { end, .. } | Target::Reference { end, .. } => *end,
    }
}
