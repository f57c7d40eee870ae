//! `{:` in running text: `parse_span_extensions` (`parser/kramdown/extensions.rb`).
//!
//! ```text
//! EXT_SPAN_START = \{::(\w+)(?:\s(ALD_ANY_CHARS*?)|)(\/)?\} | \{:/(ALD_ID_NAME)?\}
//! IAL_SPAN_START = \{:(ALD_ANY_CHARS+)\}          ALD_ANY_CHARS = \\\} | [^\}]
//! ```
//!
//! An extension is tried first. An IAL applies to the last child unless that is text (or
//! there is none): then kramdown warns "Found span IAL after text", prints `{` and reads on.
//! Look-alikes that kramdown never reads as IALs (`{target="_blank"}`, `{ :target=…}`) are
//! recorded too, without changing the parse.

use super::ial::{Follows, Ial, IalProblem, IalProblemKind, build_entries};
use super::ial_extent::{brace_cut_value, ial_extent, lookalike};
use super::ial_grammar::scan_attribute_list;
use super::ial_problems::find_problems;
use super::model::ElementKind;
use super::spans::{Ctx, Frame, Last, SpanParser};
use std::ops::Range;

impl SpanParser<'_> {
    pub fn parse_span_extension(&mut self, frame: &mut Frame, ctx: Ctx) {
        let p = self.pos;
        if let Some(handled) = self.parse_extension(frame, p, ctx) {
            if !handled {
                self.add_text(frame, p..p + 1, false);
                self.pos = p + 1;
            }
            return;
        }
        let Some((content, end)) = self.ial_extent(p, ctx.end) else {
            if self.b.get(p + 2) == Some(&b'}') {
                let problem = IalProblem {
                    kind: IalProblemKind::Empty,
                    span: self.t.span(p..p + 3),
                };
                self.record_ial(
                    frame,
                    frame.last,
                    p..p + 3,
                    p + 2..p + 2,
                    false,
                    vec![problem],
                );
            }
            self.add_text(frame, p..p + 1, false);
            self.pos = p + 1;
            return;
        };
        let applies = !matches!(frame.last, Last::Nothing | Last::Text);
        self.record_ial(frame, frame.last, p..end, content, true, Vec::new());
        if applies {
            self.pos = end;
        } else {
            self.add_text(frame, p..p + 1, false);
            self.pos = p + 1;
        }
    }

    pub fn ial_extent(&mut self, p: usize, end: usize) -> Option<(Range<usize>, usize)> {
        ial_extent(self.b, p, end, &mut self.memo.finder)
    }

    /// `EXT_SPAN_START` at `p`: `None` if it does not match; `Some(false)` if kramdown rejects
    /// the extension (it then prints `{`); `Some(true)` if it was consumed.
    fn parse_extension(&mut self, frame: &mut Frame, p: usize, ctx: Ctx) -> Option<bool> {
        let b = self.b;
        if b[p..].starts_with(b"{:/") {
            let name = super::chars::ald_id_name_len(b, p + 3);
            return (b.get(p + 3 + name) == Some(&b'}')).then_some(false);
        }
        if !b[p..].starts_with(b"{::") {
            return None;
        }
        let name_len = b[p + 3..]
            .iter()
            .take_while(|c| super::chars::is_word_byte(**c))
            .count();
        let after = p + 3 + name_len;
        if name_len == 0 || after >= ctx.end {
            return None;
        }
        let (tag_end, self_closing) = if b[after] == b'}' {
            (after + 1, false)
        } else if b[after..].starts_with(b"/}") {
            (after + 2, true)
        } else if super::chars::is_space_byte(b[after]) {
            let (content, end) = self.ial_extent(after - 1, ctx.end)?;
            (
                end,
                content.end > content.start && b[content.end - 1] == b'/',
            )
        } else {
            return None;
        };
        let name = &self.s[p + 3..after];
        let body_end = if self_closing {
            Some(tag_end)
        } else {
            self.extension_stop(tag_end, name, ctx.end)
        };
        let Some(end) = body_end else {
            return Some(false);
        };
        let kind = match name {
            "comment" => Some(ElementKind::Comment),
            "nomarkdown" => Some(ElementKind::RawExtension),
            "options" => None,
            _ => return Some(false),
        };
        self.pos = end;
        if let Some(kind) = kind {
            self.add_element(frame, kind, None);
        }
        Some(true)
    }

    /// The end of `{:/name}` or `{:/}` after `from`.
    fn extension_stop(&mut self, from: usize, name: &str, end: usize) -> Option<usize> {
        let mut at = from;
        while let Some(open) = self
            .memo
            .finder
            .find(self.b, b"{:/", at)
            .filter(|&o| o < end)
        {
            let rest = &self.s[open + 3..end];
            if rest.starts_with('}') {
                return Some(open + 4);
            }
            if rest.starts_with(name) && rest[name.len()..].starts_with('}') {
                return Some(open + 4 + name.len());
            }
            at = open + 3;
        }
        None
    }

    /// A `{` in text that looks like an IAL kramdown will not read: no colon, or a space
    /// before it.
    pub fn look_for_lookalike_ial(&mut self, frame: &Frame, at: usize, follows: Last) {
        if let Some((content, close, kind)) = lookalike(self.s, at, &mut self.memo.finder) {
            let problem = IalProblem {
                kind,
                span: self.t.span(at..content.start),
            };
            self.record_ial(frame, follows, at..close + 1, content, false, vec![problem]);
        }
    }

    /// Builds and stores an IAL found at `span` with attribute text `content`.
    fn record_ial(
        &mut self,
        frame: &Frame,
        follows: Last,
        span: Range<usize>,
        content: Range<usize>,
        recognized: bool,
        mut problems: Vec<IalProblem>,
    ) {
        let t = self.t;
        let to_file = |r: usize| t.to_file(content.start + r);
        let raw = scan_attribute_list(&self.s[content.clone()]);
        let entries = build_entries(
            &raw,
            &self.s[content.clone()],
            &t.original[content.clone()],
            &to_file,
        );
        let absolute = |r: usize| t.to_file(r);
        for found in find_problems(self.s, content.clone(), &raw, &entries, &absolute) {
            if !problems.iter().any(|p| p.kind == found.kind) {
                problems.push(found);
            }
        }
        if recognized && self.brace_cut_value(&content, span.end) {
            problems.push(IalProblem {
                kind: IalProblemKind::BraceInValue,
                span: t.span(span.end - 1..span.end),
            });
        }
        let link = match follows {
            Last::Link(i) => Some(i),
            Last::Element(_, inner) => inner,
            Last::Text => frame
                .recent_link
                .filter(|(_, end)| self.s[*end..span.start].trim().is_empty())
                .map(|(i, _)| i),
            Last::Nothing => None,
        };
        let follows = match follows {
            Last::Nothing => Follows::Start,
            Last::Text => Follows::Text,
            Last::Link(_) => Follows::Link,
            Last::Element(kind, _) => Follows::Element(kind),
        };
        let index = self.out.ials.len();
        if recognized
            && follows == Follows::Link
            && let Some(link) = link.and_then(|i| self.out.links.get_mut(i))
        {
            link.ials.push(index);
        }
        let span = t.span(span);
        let content = t.span(content);
        self.out.ials.push(Ial {
            span,
            content,
            recognized,
            entries,
            problems,
            follows,
            link,
        });
    }

    fn brace_cut_value(&mut self, content: &Range<usize>, after: usize) -> bool {
        brace_cut_value(&self.s[content.clone()], &self.s[after..])
    }
}
