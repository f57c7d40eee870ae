//! HTML tags the way kramdown recognizes them (`parser/html.rb`):
//!
//! ```text
//! HTML_TAG_RE       = <((?>UNAME))\s*((?>\s+UNAME(?:\s*=\s*(?:\p{Word}+|("|').*?\3))?)*)\s*(\/)?>
//! HTML_TAG_CLOSE_RE = <\/(UNAME)\s*>
//! HTML_COMMENT_RE   = <!--(.*?)-->
//! UNAME             = (?:[[:alpha:]_][-[:alnum:]._]*:)?[[:alpha:]_][-[:alnum:]._]*
//! ```
//!
//! An unquoted value must be word characters only, so `<a href=https://x>` is no tag: kramdown
//! prints it as text.

use super::chars::{char_at, is_alnum, is_alpha, is_pword, is_space_byte};
use super::text::NextFinder;
use std::ops::Range;

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The name as written.
    pub name: Range<usize>,
    pub attrs: Vec<Attr>,
    /// Just after `>`.
    pub end: usize,
    /// Ends with `/>`.
    pub self_closing: bool,
}

/// One attribute of a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    pub name: Range<usize>,
    /// The value without quotes.
    pub value: Option<Range<usize>>,
    pub quote: Option<u8>,
}

/// HTML_SPAN_ELEMENTS: these never start an HTML block.
pub const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// HTML_BLOCK_ELEMENTS: in running text kramdown prints these tags as text.
pub const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "applet",
    "body",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "head",
    "iframe",
    "legend",
    "menu",
    "li",
    "main",
    "map",
    "nav",
    "ol",
    "optgroup",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// HTML_ELEMENTS_WITHOUT_BODY
pub const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// HTML_CONTENT_MODEL_SPAN: elements whose content kramdown parses as spans (others in text
/// are raw unless listed as block content).
pub const SPAN_CONTENT: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];

/// HTML_CONTENT_MODEL_BLOCK
pub const BLOCK_CONTENT: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
];

/// The length of a `UNAME` at `pos`, 0 if none.
pub fn uname_len(s: &str, pos: usize) -> usize {
    // Names are nearly always ASCII: read those bytes without decoding.
    let char_at = |at: usize| match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => char_at(s, at),
    };
    let part = |at: usize| -> usize {
        match char_at(at) {
            Some(c) if is_alpha(c) || c == '_' => {}
            _ => return 0,
        }
        let mut end = at;
        while let Some(c) = char_at(end) {
            if is_alnum(c) || matches!(c, '-' | '.' | '_') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end - at
    };
    let first = part(pos);
    if first == 0 {
        return 0;
    }
    if s.as_bytes().get(pos + first) == Some(&b':') {
        let second = part(pos + first + 1);
        if second > 0 {
            return first + 1 + second;
        }
    }
    first
}

fn skip_space(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() && is_space_byte(b[pos]) {
        pos += 1;
    }
    pos
}

/// `HTML_TAG_RE` at `pos` (which holds `<`).
pub fn tag_at(s: &str, pos: usize, quotes: &mut NextFinder) -> Option<Tag> {
    let b = s.as_bytes();
    let name_len = uname_len(s, pos + 1);
    if b.get(pos) != Some(&b'<') || name_len == 0 {
        return None;
    }
    let name = pos + 1..pos + 1 + name_len;
    let mut attrs = Vec::new();
    let mut cur = name.end;
    // `(?>\s+UNAME(?:\s*=\s*(?:\p{Word}+|("|').*?\3))?)*`, each attribute atomic.
    loop {
        let at = skip_space(b, cur);
        let len = if at > cur { uname_len(s, at) } else { 0 };
        if len == 0 {
            break;
        }
        let mut attr = Attr {
            name: at..at + len,
            value: None,
            quote: None,
        };
        cur = at + len;
        let eq = skip_space(b, cur);
        if b.get(eq) == Some(&b'=') {
            let v = skip_space(b, eq + 1);
            match b.get(v) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let needle: &'static [u8] = if q == b'"' { b"\"" } else { b"'" };
                    if let Some(close) = quotes.find(b, needle, v + 1) {
                        attr.value = Some(v + 1..close);
                        attr.quote = Some(q);
                        cur = close + 1;
                    }
                }
                _ => {
                    let mut end = v;
                    while let Some(c) = char_at(s, end).filter(|c| is_pword(*c)) {
                        end += c.len_utf8();
                    }
                    if end > v {
                        attr.value = Some(v..end);
                        cur = end;
                    }
                }
            }
        }
        attrs.push(attr);
    }
    let mut end = skip_space(b, cur);
    let self_closing = b.get(end) == Some(&b'/');
    if self_closing {
        end += 1;
    }
    (b.get(end) == Some(&b'>')).then(|| Tag {
        name,
        attrs,
        end: end + 1,
        self_closing,
    })
}

/// `HTML_TAG_CLOSE_RE` at `pos`: the name and the end.
pub fn close_tag_at(s: &str, pos: usize) -> Option<(Range<usize>, usize)> {
    let b = s.as_bytes();
    if !s[pos..].starts_with("</") {
        return None;
    }
    let len = uname_len(s, pos + 2);
    if len == 0 {
        return None;
    }
    let end = skip_space(b, pos + 2 + len);
    (b.get(end) == Some(&b'>')).then_some((pos + 2..pos + 2 + len, end + 1))
}

/// `HTML_COMMENT_RE` at `pos`: the end of the comment.
pub fn comment_at(s: &str, pos: usize, finder: &mut NextFinder) -> Option<usize> {
    if !s[pos..].starts_with("<!--") {
        return None;
    }
    finder.find(s.as_bytes(), b"-->", pos + 4).map(|p| p + 3)
}

/// kramdown lower-cases the names of known elements (`HTML_ELEMENT`).
pub fn normalized_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if is_known(&lower) {
        lower
    } else {
        name.to_string()
    }
}

/// `HTML_ELEMENT[name]`: a known element (its end tag matches case-insensitively).
pub fn is_known(lower: &str) -> bool {
    [
        SPAN_ELEMENTS,
        BLOCK_ELEMENTS,
        VOID_ELEMENTS,
        SPAN_CONTENT,
        BLOCK_CONTENT,
    ]
    .iter()
    .any(|list| list.contains(&lower))
        || [
            "script", "style", "math", "textarea", "pre", "code", "kbd", "samp", "var",
        ]
        .contains(&lower)
}
