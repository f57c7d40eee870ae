//! Liquid. Jekyll renders Liquid before kramdown sees the page, so the scanner cannot know
//! what `{{ page.url }}` becomes. It models Liquid the way it usually renders:
//!
//! - outputs (`{{ … }}`) and tags that print something (`{% link … %}`, `{% include … %}`,
//!   any unknown tag) become opaque text: every byte is replaced by `x`, so brackets, quotes
//!   or braces inside them are never read as Markdown;
//! - control tags (`{% if %}`, `{% assign %}`, …) render to nothing: their bytes become
//!   [`REMOVED`], which block parsing treats as blank and span text leaves out;
//! - `{% raw %}`, `{% comment %}` and `{% highlight %}` blocks are skipped whole.
//!
//! Newlines inside Liquid are kept, so lines and offsets stay where they are in the file.

use std::ops::Range;

/// The byte that marks text rendered to nothing.
pub const REMOVED: u8 = 0x01;

/// Tags that print nothing.
const CONTROL_TAGS: &[&str] = &[
    "if",
    "elsif",
    "else",
    "endif",
    "unless",
    "endunless",
    "case",
    "when",
    "endcase",
    "for",
    "endfor",
    "break",
    "continue",
    "assign",
    "capture",
    "endcapture",
    "liquid",
    "comment",
    "endcomment",
    "tablerow",
    "endtablerow",
];

/// Tags whose body is skipped with the tag.
const BLOCK_TAGS: &[(&str, &str)] = &[
    ("raw", "endraw"),
    ("comment", "endcomment"),
    ("highlight", "endhighlight"),
];

/// The body with Liquid masked, and the skipped blocks.
pub struct Masked {
    /// Same length as the body; Liquid replaced as described in the module docs.
    pub text: String,
    /// `{% raw %}`/`{% comment %}`/`{% highlight %}` blocks, widened to whole lines when they
    /// start a line or span several lines.
    pub blocks: Vec<Range<usize>>,
}

/// Masks the Liquid in `body`.
pub fn mask(body: &str) -> Masked {
    let b = body.as_bytes();
    let mut out = b.to_vec();
    let mut blocks = Vec::new();
    let mut pos = 0;
    // Where each closer was last found; `None` once a search ran off the end, so a page
    // full of unclosed `{{` stays linear.
    let mut closers: [Option<usize>; 2] = [Some(0), Some(0)];
    while let Some(found) = memchr_brace(b, pos) {
        let open = &b[found..found + 2];
        let which = usize::from(open == b"{%");
        let closer: &[u8] = if which == 0 { b"}}" } else { b"%}" };
        if closers[which].is_some_and(|last| last < found + 2) {
            closers[which] = find(b, found + 2, closer);
        }
        let Some(end) = closers[which].map(|e| e + 2) else {
            pos = found + 1;
            continue;
        };
        if open == b"{{" {
            fill(&mut out, found..end, b'x');
            pos = end;
            continue;
        }
        let name = tag_name(&body[found + 2..end - 2]);
        if let Some((_, end_name)) = BLOCK_TAGS.iter().find(|(n, _)| *n == name) {
            let block_end = find_end_tag(body, end, end_name).unwrap_or(b.len());
            let region = widen_to_lines(b, found..block_end);
            let whole_lines = region.start == found || body[found..block_end].contains('\n');
            if whole_lines {
                fill(&mut out, region.clone(), b'x');
                blocks.push(region.clone());
                pos = region.end;
            } else {
                let byte = if name == "comment" { REMOVED } else { b'x' };
                fill(&mut out, found..block_end, byte);
                pos = block_end;
            }
            continue;
        }
        let byte = if CONTROL_TAGS.contains(&name) {
            REMOVED
        } else {
            b'x'
        };
        fill(&mut out, found..end, byte);
        pos = end;
    }
    // Most pages have no Liquid: keep the body as it is, with no second UTF-8 check.
    let text = if out == b {
        body.to_owned()
    } else {
        // Only ASCII bytes were written over whole tags, which start and end with ASCII.
        String::from_utf8(out).expect("masking keeps UTF-8 valid")
    };
    Masked { text, blocks }
}

fn memchr_brace(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'{', b.get(at..)?).map(|i| i + at) {
        if matches!(b.get(i + 1), Some(b'{' | b'%')) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|p| p + from)
}

/// The tag name in `{%- name args -%}`'s inside.
fn tag_name(inside: &str) -> &str {
    let inside = inside.trim_start_matches('-').trim_start();
    let len = inside
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    &inside[..len]
}

/// The end of the first `{% end_name %}` at or after `from`.
fn find_end_tag(body: &str, from: usize, end_name: &str) -> Option<usize> {
    let b = body.as_bytes();
    let mut pos = from;
    while let Some(open) = find(b, pos, b"{%") {
        let close = find(b, open + 2, b"%}")? + 2;
        if tag_name(&body[open + 2..close - 2]) == end_name {
            return Some(close);
        }
        pos = open + 2;
    }
    None
}

/// Extends `r` to start at its line's start and end after its last line's newline.
fn widen_to_lines(b: &[u8], r: Range<usize>) -> Range<usize> {
    let line_start = b[..r.start]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let start = if b[line_start..r.start]
        .iter()
        .all(|c| c.is_ascii_whitespace())
    {
        line_start
    } else {
        r.start
    };
    let end = find(b, r.end, b"\n").map_or(b.len(), |p| p + 1);
    start..end
}

/// Overwrites `r` with `byte`, keeping line breaks.
fn fill(out: &mut [u8], r: Range<usize>, byte: u8) {
    for c in &mut out[r] {
        if *c != b'\n' && *c != b'\r' {
            *c = byte;
        }
    }
}
