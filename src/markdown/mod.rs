//! A single-pass scanner for the links and kramdown inline attribute lists (IALs) of a Jekyll
//! Markdown body, with kramdown's own source as the specification.
//!
//! Jekyll renders Markdown with kramdown (`input: GFM` by default), and kramdown is neither
//! CommonMark nor GitHub's Markdown: an unclosed fence is text, the line after an indented
//! code block belongs to it, `*` in link text can swallow the link, `<div>` content is raw,
//! and `{:…}` attaches to whatever element precedes it. pulldown-cmark and comrak implement
//! CommonMark, so they would disagree with the site on exactly the cases this linter exists
//! for, and neither knows IALs. The scanner therefore re-enacts kramdown's block parsers
//! (`blocks.rs` and friends) and span parsers (`spans.rs` and friends) in kramdown's order,
//! with the same give-up-and-revert rules, but memoizes failures so it runs in linear time
//! where kramdown is quadratic (`memo.rs`).
//!
//! Entry points: [`scan`] for a whole body, [`parse_ial`] for the text after a link, and
//! [`parse_attribute_list`] for attribute text alone. Every span is a byte range into the file.

mod anchors;
mod block_extensions;
mod block_html;
mod block_leaf;
mod block_line;
mod block_lists;
mod block_table;
mod blocks;
mod chars;
mod finish;
mod header_ids;
mod header_text;
mod html_refs;
mod html_tag;
mod ial;
mod ial_extent;
mod ial_grammar;
mod ial_problems;
mod link_broken;
mod link_def;
mod link_destination;
mod liquid;
mod memo;
mod model;
mod refs;
mod smart_quotes;
mod span_atoms;
mod span_html;
mod span_ial;
mod span_link;
mod span_parsers;
mod span_scan;
mod spans;
mod standalone;
mod text;

pub use header_ids::{IdOptions, IdStyle, header_ids, page_ids};
pub use ial::{
    Effect, EntryKind, Follows, Ial, IalEntry, IalProblem, IalProblemKind, parse_attribute_list,
};
pub use model::{
    AnchorId, BlockKind, BrokenKind, BrokenLink, ElementKind, Header, HtmlAttr, HtmlResource,
    IdSource, Link, LinkKind, RefDef, Scan, Skipped, SkippedKind, Span, Spanned,
};
pub use standalone::parse_ial;

use refs::RefTable;

/// Scans a Markdown body. `offset` is the byte offset of `body` in its file; it is added to
/// every span.
pub fn scan(body: &str, offset: usize) -> Scan {
    scan_counting(body, offset).0
}

/// [`scan`], also returning the span parser's work count (for linearity tests).
#[doc(hidden)]
pub fn scan_counting(body: &str, offset: usize) -> (Scan, usize) {
    let masked = liquid::mask(body);
    let blocks = blocks::BlockParser::run(&masked.text, &masked.blocks);
    let (refs, ref_defs) = RefTable::build(body, &masked.text, &blocks.defs);
    let mut out = spans::Outputs::default();
    let mut trailing = Vec::with_capacity(blocks.contexts.len());
    let mut steps = 0;
    // One text buffer and one memo for every context: cleared, not reallocated.
    let mut text = text::SpanText::default();
    let mut memo = memo::Memo::default();
    for context in &blocks.contexts {
        let lines = &blocks.context_lines[context.lines.clone()];
        // Every link, IAL and broken link starts at a `[`, `<` or `{`: a context without one
        // (most paragraphs of prose) has nothing to report, so skip building its text.
        if !lines.iter().any(|line| {
            memchr::memchr3(
                b'[',
                b'<',
                b'{',
                &masked.text.as_bytes()[line.start..line.end],
            )
            .is_some()
        }) {
            trailing.push(None);
            continue;
        }
        text.rebuild(&masked.text, body, lines, &context.drop);
        if text.text.is_empty() {
            trailing.push(None);
            continue;
        }
        memo.clear();
        let mut parser = spans::SpanParser {
            t: &text,
            s: &text.text,
            b: text.text.as_bytes(),
            refs: &refs,
            footnotes: &blocks.footnotes,
            out: &mut out,
            memo: &mut memo,
            pos: 0,
            bracket_events: Vec::new(),
            steps: 0,
            reported_line_end: None,
            destination_end: None,
        };
        trailing.push(parser.run());
        steps += parser.steps;
    }
    let mut raw = anchors::RawHtml::default();
    for range in &blocks.raw_html {
        // `{::nomarkdown}` content goes to the page as written; other raw HTML is re-emitted
        // by kramdown's HTML parser, which escapes a tag it cannot read.
        let nomarkdown = blocks
            .skipped
            .iter()
            .any(|s| s.kind == SkippedKind::Extension && s.span == *range);
        anchors::raw_anchors(body, &masked.text, range.clone(), !nomarkdown, &mut raw);
    }
    out.links.extend(raw.links);
    out.broken.extend(raw.broken);
    out.resources.extend(raw.resources);
    out.ids.extend(raw.ids);
    out.ids_unknown |= raw.ids_unknown;
    let scan = finish::finish(body, &masked, &blocks, out, ref_defs, &trailing, offset);
    (scan, steps)
}
