//! `<a>` tags inside raw HTML blocks. kramdown copies raw HTML to the page, so these are real
//! links even though no Markdown is parsed around them — except a tag its HTML parser cannot
//! read (`<a href=“https://…”>`, `<a href=https://…>`): that one it escapes, and the page
//! shows `<a href=…>` as text. The other tags give the resources the page loads and the IDs
//! it has (`html_refs`).

use super::html_tag::{self, Tag, close_tag_at, tag_at};
use super::model::{
    AnchorId, BrokenKind, BrokenLink, HtmlAttr, HtmlResource, Link, LinkKind, Spanned,
};
use super::span_html::placeholder_link;
use super::text::NextFinder;
use std::ops::Range;

/// What raw HTML puts on the page.
#[derive(Default)]
pub struct RawHtml {
    pub links: Vec<Link>,
    pub broken: Vec<BrokenLink>,
    pub resources: Vec<HtmlResource>,
    pub ids: Vec<AnchorId>,
    /// Some ID is computed by Liquid.
    pub ids_unknown: bool,
}

/// The anchors in `masked[range]`, and the `<a …>` tags kramdown's HTML parser cannot read
/// (only when `escaped`: kramdown parsed this HTML; `{::nomarkdown}` content is copied as it
/// is), with every tag's resources and IDs. Values are cut from `body`. Comments, `<script>`
/// and `<style>` contents are skipped.
pub fn raw_anchors(
    body: &str,
    masked: &str,
    range: Range<usize>,
    escaped: bool,
    out: &mut RawHtml,
) {
    let mut finder = NextFinder::default();
    let RawHtml {
        links,
        broken,
        resources,
        ids,
        ids_unknown,
    } = out;
    let mut p = range.start;
    let b = masked.as_bytes();
    // Once no `</a>` follows a position, none follows any later one.
    let mut no_close_from = usize::MAX;
    while let Some(off) = masked[p..range.end].find('<') {
        let at = p + off;
        p = at + 1;
        if let Some(end) = html_tag::comment_at(masked, at, &mut finder) {
            p = end.min(range.end);
            continue;
        }
        let is_a = matches!(b.get(at + 1), Some(b'a' | b'A'))
            && b.get(at + 2)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>');
        if !is_a {
            if let Some(tag) = tag_at(masked, at, &mut finder) {
                let name = html_tag::normalized_name(&masked[tag.name.clone()]);
                let (attrs, liquid) = attributes(body, masked, &tag);
                *ids_unknown |= !super::html_refs::record(&name, &attrs, &liquid, resources, ids);
                p = script_or_style_end(masked, &name, tag.end, range.end).unwrap_or(tag.end);
            }
            continue;
        }
        let Some(tag) = tag_at(masked, at, &mut finder) else {
            if escaped {
                let line_end = masked[at..range.end]
                    .find('\n')
                    .map_or(range.end, |e| at + e);
                let end = masked[at..line_end]
                    .find('>')
                    .map_or(at + 2, |g| at + g + 1);
                broken.push(BrokenLink {
                    kind: BrokenKind::MalformedHtmlAnchor,
                    span: at..end,
                    text: None,
                    image: false,
                });
            }
            continue;
        };
        let close = if tag.end >= no_close_from {
            None
        } else {
            find_anchor_close(masked, tag.end, range.end)
        };
        if close.is_none() {
            no_close_from = no_close_from.min(tag.end);
        }
        let (text_end, end) = close.unwrap_or((tag.end, tag.end));
        let (attrs, liquid) = attributes(body, masked, &tag);
        *ids_unknown |= !super::html_refs::record("a", &attrs, &liquid, resources, ids);
        let mut link = placeholder_link();
        link.kind = LinkKind::HtmlAnchor;
        link.span = at..end;
        link.text = tag.end..text_end;
        let href = tag
            .attrs
            .iter()
            .find(|a| masked[a.name.clone()].eq_ignore_ascii_case("href"));
        link.url_has_liquid = href
            .and_then(|a| a.value.clone())
            .is_some_and(|v| body[v.clone()] != masked[v]);
        link.url = attrs
            .iter()
            .find(|a| a.name.value == "href")
            .and_then(|a| a.value.clone());
        link.title = attrs
            .iter()
            .find(|a| a.name.value == "title")
            .and_then(|a| a.value.clone());
        link.html_attrs = attrs;
        links.push(link);
        p = tag.end;
    }
}

/// A tag's attributes with values cut from `body`, and whether each value holds Liquid.
fn attributes(body: &str, masked: &str, tag: &Tag) -> (Vec<HtmlAttr>, Vec<bool>) {
    let liquid = tag
        .attrs
        .iter()
        .map(|a| {
            a.value
                .clone()
                .is_some_and(|v| body[v.clone()] != masked[v])
        })
        .collect();
    let attrs = tag
        .attrs
        .iter()
        .map(|a| HtmlAttr {
            name: Spanned {
                value: masked[a.name.clone()].to_ascii_lowercase(),
                span: a.name.clone(),
            },
            value: a.value.clone().map(|v| Spanned {
                value: body[v.clone()].to_string(),
                span: v,
            }),
            quote: a.quote.map(char::from),
        })
        .collect();
    (attrs, liquid)
}

/// After a `<script>` or `<style>` start tag ending at `from`: the end of its element (its
/// content is not HTML).
fn script_or_style_end(masked: &str, name: &str, from: usize, limit: usize) -> Option<usize> {
    if name != "script" && name != "style" {
        return None;
    }
    let mut from = from;
    while let Some(off) = masked[from..limit].find("</") {
        let close = from + off;
        if let Some((n, end)) = close_tag_at(masked, close)
            && html_tag::normalized_name(&masked[n]) == name
        {
            return Some(end);
        }
        from = close + 2;
    }
    Some(limit)
}

/// The `</a>` after `from`: where the text ends and the tag ends.
fn find_anchor_close(masked: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(off) = masked[at..limit].find("</") {
        let p = at + off;
        if let Some((name, end)) = close_tag_at(masked, p)
            && html_tag::normalized_name(&masked[name]) == "a"
        {
            return Some((p, end));
        }
        at = p + 2;
    }
    None
}
