//! `parse_autolink` (`autolink.rb`) and `parse_span_html` (`html.rb`): `<…>` in running text.

use super::chars::{char_at, is_alnum};
use super::html_tag::{self, BLOCK_CONTENT, BLOCK_ELEMENTS, SPAN_CONTENT, VOID_ELEMENTS};
use super::model::{ElementKind, HtmlAttr, Link, LinkKind, Spanned};
use super::spans::{Ctx, Frame, FrameKind, Last, MAX_DEPTH, SpanParser, Stop};

impl SpanParser<'_> {
    /// `AUTOLINK_START = /<((mailto|https?|ftps?):.+?|[ACHARS]+?@[ACHARS]+?)>/u` with
    /// `ACHARS = [[:alnum:]]-_.`
    pub fn parse_autolink(&mut self, frame: &mut Frame, _ctx: Ctx) -> bool {
        let p = self.pos;
        let rest = &self.s[p + 1..];
        let scheme = ["mailto:", "https:", "http:", "ftps:", "ftp:"]
            .iter()
            .find(|s| rest.starts_with(*s));
        let close = match scheme {
            Some(s) => {
                let from = p + 1 + s.len() + 1;
                let gt = self.memo.finder.find(self.b, b">", from);
                let nl = self.memo.finder.find(self.b, b"\n", p);
                gt.filter(|&g| {
                    nl.is_none_or(|n| g < n)
                        && char_at(self.s, p + 1 + s.len()).is_some_and(|c| c != '\n')
                })
            }
            None => email_end(self.s, p + 1),
        };
        let Some(close) = close else { return false };
        let content = p + 1..close;
        let raw = &self.t.original[content.clone()];
        let href = if scheme.is_some() {
            raw.to_string()
        } else {
            format!("mailto:{raw}")
        };
        self.pos = close + 1;
        let link = Link {
            kind: LinkKind::Autolink,
            image: false,
            span: self.t.span(p..close + 1),
            text: self.t.span(content.clone()),
            url: Some(Spanned {
                value: href,
                span: self.t.span(content),
            }),
            title: None,
            ref_id: None,
            ref_def: None,
            ials: Vec::new(),
            html_attrs: Vec::new(),
            enclosing: None,
            url_has_liquid: false,
        };
        self.finish_link(frame, link, _ctx);
        true
    }

    /// `parse_span_html`.
    pub fn parse_span_html(&mut self, frame: &mut Frame, ctx: Ctx) -> bool {
        let p = self.pos;
        if let Some(end) = html_tag::comment_at(self.s, p, &mut self.memo.finder) {
            self.pos = end;
            self.add_element(frame, ElementKind::Comment, None);
            return true;
        }
        if let Some((_, end)) = html_tag::close_tag_at(self.s, p) {
            self.add_text(frame, p..end, false);
            self.pos = end;
            return true;
        }
        let Some(tag) = html_tag::tag_at(self.s, p, &mut self.memo.finder) else {
            if self
                .b
                .get(p + 1..p + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"a "))
            {
                self.note_malformed_anchor(p);
            }
            // `add_text(@src.getch)`
            self.add_text(frame, p..p + 1, false);
            self.pos = p + 1;
            return true;
        };
        let name = html_tag::normalized_name(&self.s[tag.name.clone()]);
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.add_text(frame, p..tag.end, false);
            self.pos = tag.end;
            return true;
        }
        let attrs: Vec<HtmlAttr> = tag
            .attrs
            .iter()
            .map(|a| HtmlAttr {
                name: Spanned {
                    value: self.s[a.name.clone()].to_ascii_lowercase(),
                    span: self.t.span(a.name.clone()),
                },
                value: a.value.clone().map(|v| Spanned {
                    value: self.t.original[v.clone()].to_string(),
                    span: self.t.span(v),
                }),
                quote: a.quote.map(char::from),
            })
            .collect();
        let liquid: Vec<bool> = tag
            .attrs
            .iter()
            .map(|a| a.value.clone().is_some_and(|v| self.has_liquid(v)))
            .collect();
        let out = &mut *self.out;
        if !super::html_refs::record(&name, &attrs, &liquid, &mut out.resources, &mut out.ids) {
            out.ids_unknown = true;
        }
        let raw_model =
            !SPAN_CONTENT.contains(&name.as_str()) && !BLOCK_CONTENT.contains(&name.as_str());
        let mut parse_body = !raw_model && !ctx.raw_only;
        match attrs
            .iter()
            .find(|a| a.name.value == "markdown")
            .and_then(|a| a.value.as_ref())
            .map(|v| v.value.as_str())
        {
            Some("0") => parse_body = false,
            Some("1") => parse_body = !raw_model,
            Some("span") => parse_body = true,
            _ => {}
        }
        let is_anchor = name == "a";
        let mark = self.out.links.len();
        if is_anchor {
            // Reserve the anchor's place so links inside it come after it.
            self.out.links.push(placeholder_link());
        }
        self.pos = tag.end;
        let mut el = Frame::new(FrameKind::Html);
        let mut text = tag.end..tag.end;
        let mut end = tag.end;
        if !tag.self_closing && !VOID_ELEMENTS.contains(&name.as_str()) && ctx.depth < MAX_DEPTH {
            let stop = Stop::HtmlClose {
                name: name.clone(),
                ignore_case: html_tag::is_known(&name),
            };
            let inner = Ctx {
                raw_only: !parse_body,
                depth: ctx.depth + 1,
                enclosing: Some(ElementKind::Html),
                ..ctx
            };
            let found = self.nested_parse(&mut el, inner, &stop);
            text = tag.end..self.pos;
            if found {
                end = html_tag::close_tag_at(self.s, self.pos).map_or(self.pos, |(_, e)| e);
            } else {
                end = self.pos;
            }
            self.pos = end;
        }
        if !is_anchor {
            self.add_element(frame, ElementKind::Html, el.recent_link.map(|(l, _)| l));
            return true;
        }
        let href = attrs
            .iter()
            .find(|a| a.name.value == "href")
            .and_then(|a| a.value.clone());
        let link = Link {
            kind: LinkKind::HtmlAnchor,
            image: false,
            span: self.t.span(p..end),
            text: self.t.span(text),
            url_has_liquid: tag.attrs.iter().any(|a| {
                a.value.clone().is_some_and(|v| {
                    self.s[a.name.clone()].eq_ignore_ascii_case("href") && self.has_liquid(v)
                })
            }),
            url: href,
            title: attrs
                .iter()
                .find(|a| a.name.value == "title")
                .and_then(|a| a.value.clone()),
            ref_id: None,
            ref_def: None,
            ials: Vec::new(),
            html_attrs: attrs,
            enclosing: ctx.enclosing,
        };
        self.out.links[mark] = link;
        frame.last = Last::Link(mark);
        frame.has_children = true;
        frame.recent_link = Some((mark, end));
        true
    }

    fn note_malformed_anchor(&mut self, p: usize) {
        let end = self
            .memo
            .finder
            .find(self.b, b">", p)
            .filter(|&g| !self.s[p..g].contains('\n'))
            .map_or(p + 2, |g| g + 1);
        self.out.broken.push(super::model::BrokenLink {
            kind: super::model::BrokenKind::MalformedHtmlAnchor,
            span: self.t.span(p..end),
            text: None,
            image: false,
        });
    }
}

/// A link to be filled in once its end is known.
pub fn placeholder_link() -> Link {
    Link {
        kind: LinkKind::Inline,
        image: false,
        span: 0..0,
        text: 0..0,
        url: None,
        title: None,
        ref_id: None,
        ref_def: None,
        ials: Vec::new(),
        html_attrs: Vec::new(),
        enclosing: None,
        url_has_liquid: false,
    }
}

/// `[ACHARS]+?@[ACHARS]+?>`: the position of `>`.
fn email_end(s: &str, from: usize) -> Option<usize> {
    let achar = |c: char| is_alnum(c) || matches!(c, '-' | '_' | '.');
    let mut pos = from;
    let run = |pos: &mut usize| {
        let start = *pos;
        while let Some(c) = char_at(s, *pos).filter(|c| achar(*c)) {
            *pos += c.len_utf8();
        }
        *pos > start
    };
    if !run(&mut pos) || s.as_bytes().get(pos) != Some(&b'@') {
        return None;
    }
    pos += 1;
    (run(&mut pos) && s.as_bytes().get(pos) == Some(&b'>')).then_some(pos)
}
