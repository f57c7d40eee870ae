//! A line seen by the block parser, and the line-level patterns of kramdown's block parsers.

use super::chars::is_space_byte;
use super::html_tag::{self, SPAN_ELEMENTS};
use super::liquid::REMOVED;
use super::text::VLine;

/// Visible bytes that no block parser but the paragraph, table and setext header ones looks
/// for after up to three spaces: each of the others needs one of the bytes excluded here
/// there (or `#`/`^` at the very start of the line), so most lines of prose skip them all.
/// Digits start ordered lists.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        table[i] = (c.is_ascii_graphic() || !c.is_ascii())
            && !c.is_ascii_digit()
            && !matches!(
                c,
                b'~' | b'`'
                    | b'>'
                    | b'#'
                    | b'*'
                    | b'-'
                    | b'_'
                    | b'+'
                    | b':'
                    | b'<'
                    | b'$'
                    | b'['
                    | b'{'
                    | b'^'
            );
        i += 1;
    }
    table
};

/// A [`VLine`] with its bytes: `pad` spaces, then `s`.
#[derive(Clone, Copy)]
pub struct Line<'a> {
    pub v: VLine,
    pub s: &'a [u8],
    /// The whole text the line is in (its `str` is sliced only when needed: the parsers try
    /// many patterns on every line, and most fail on the first bytes).
    src: &'a str,
}

impl<'a> Line<'a> {
    pub fn new(src: &'a str, v: VLine) -> Line<'a> {
        Line {
            v,
            s: &src.as_bytes()[v.start..v.end],
            src,
        }
    }

    /// The byte at virtual index `i`.
    pub fn at(&self, i: usize) -> Option<u8> {
        if i < self.v.pad {
            Some(b' ')
        } else {
            self.s.get(i - self.v.pad).copied()
        }
    }

    /// The line's text, without the padding.
    pub fn text(&self) -> &'a str {
        &self.src[self.v.start..self.v.end]
    }

    pub fn len(&self) -> usize {
        self.v.pad + self.s.len()
    }

    /// Whitespace only (Liquid that renders to nothing counts as whitespace): `BLANK_LINE`.
    pub fn is_blank(&self) -> bool {
        self.s.iter().all(|&c| is_space_byte(c) || c == REMOVED)
    }

    /// Number of leading spaces (not tabs).
    pub fn spaces(&self) -> usize {
        self.v.pad + self.s.iter().take_while(|&&c| c == b' ').count()
    }

    /// `OPT_SPACE`: the virtual index after up to three leading spaces.
    pub fn opt_space(&self) -> usize {
        self.spaces().min(3)
    }

    /// The text from virtual index `i` (which must not be inside the padding, or the padding
    /// is dropped).
    pub fn rest(&self, i: usize) -> &'a [u8] {
        &self.s[i.saturating_sub(self.v.pad).min(self.s.len())..]
    }

    /// The file position of virtual index `i`.
    pub fn file(&self, i: usize) -> usize {
        self.v.start + i.saturating_sub(self.v.pad).min(self.s.len())
    }

    /// The line from virtual index `i` on.
    pub fn from(&self, i: usize) -> VLine {
        VLine {
            pad: self.v.pad.saturating_sub(i),
            start: self.file(i),
            end: self.v.end,
        }
    }

    /// The line starts (after up to three spaces) with a [`PLAIN`] byte.
    #[inline]
    pub fn plain_start(&self) -> bool {
        self.at(self.opt_space())
            .is_some_and(|c| PLAIN[usize::from(c)])
    }

    /// `INDENT = /^(?:\t| {4})/`
    pub fn indented(&self) -> bool {
        self.at(0) == Some(b'\t') || (0..4).all(|i| self.at(i) == Some(b' '))
    }

    /// `BLOCKQUOTE_START = /^ {0,3}> ?/`
    pub fn blockquote_start(&self) -> bool {
        self.at(self.opt_space()) == Some(b'>')
    }

    /// `EOB_MARKER = /^\^\s*?\n/`
    pub fn eob_marker(&self) -> bool {
        self.at(0) == Some(b'^') && self.rest(1).iter().all(|&c| is_space_byte(c))
    }

    /// GFM's `ATX_HEADER_START = /^(?<level>\#{1,6})[\t ]+(?<contents>.*)\n/`
    pub fn atx_header(&self) -> Option<usize> {
        let hashes = (0..7).take_while(|&i| self.at(i) == Some(b'#')).count();
        (1..=6)
            .contains(&hashes)
            .then_some(hashes)
            .filter(|&h| matches!(self.at(h), Some(b' ' | b'\t')))
    }

    /// `FENCED_CODEBLOCK_START = /^[ ]{0,3}[~`]{3,}/`
    pub fn fence_start(&self) -> bool {
        let i = self.opt_space();
        (i..i + 3).all(|k| matches!(self.at(k), Some(b'~' | b'`')))
    }

    /// `LIST_START_UL`/`LIST_START_OL` with at most `max_spaces` leading spaces: the length of
    /// the marker including the spaces, and whether it is an ordered list.
    pub fn list_marker(&self, max_spaces: usize) -> Option<(usize, bool)> {
        let i = self.spaces().min(max_spaces);
        let tail_ok = |k: usize| matches!(self.at(k), Some(b'\t' | b'|' | b' '));
        match self.at(i)? {
            b'+' | b'*' | b'-' if tail_ok(i + 1) => Some((i + 1, false)),
            c if c.is_ascii_digit() => {
                let digits = (i..self.len())
                    .take_while(|&k| self.at(k).is_some_and(|c| c.is_ascii_digit()))
                    .count();
                (self.at(i + digits) == Some(b'.') && tail_ok(i + digits + 1))
                    .then_some((i + digits + 1, true))
            }
            _ => None,
        }
    }

    /// `DEFINITION_LIST_START = /^( {0,3}:)([\t| ].*?\n)/`
    pub fn definition_marker(&self) -> Option<usize> {
        let i = self.opt_space();
        (self.at(i) == Some(b':') && matches!(self.at(i + 1), Some(b'\t' | b'|' | b' ')))
            .then_some(i + 1)
    }

    /// `HR_START = /^ {0,3}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n/`
    pub fn horizontal_rule(&self) -> bool {
        let rest = self.rest(self.opt_space());
        let Some(&c) = rest.first().filter(|c| matches!(c, b'*' | b'-' | b'_')) else {
            return false;
        };
        rest.iter().all(|&x| x == c || x == b' ' || x == b'\t')
            && rest.iter().filter(|&&x| x == c).count() >= 3
    }

    /// `IAL_BLOCK_START = /^ {0,3}\{:(?!:|\/)(ALD_ANY_CHARS+)\}\s*?\n/` on one line: the
    /// content range (file positions) and the `}` position.
    pub fn block_ial(&self) -> Option<(usize, usize)> {
        let i = self.opt_space();
        let rest = self.rest(i);
        if !rest.starts_with(b"{:") || matches!(rest.get(2), Some(b':' | b'/' | b'}') | None) {
            return None;
        }
        // The content may hold `\}`; the IAL ends at a `}` followed only by whitespace, and
        // every `}` before it must be escaped.
        let close = rest
            .iter()
            .rposition(|&c| !is_space_byte(c))
            .filter(|&k| rest[k] == b'}' && k >= 3)?;
        let unescaped_inside = (3..close).any(|k| rest[k] == b'}' && rest[k - 1] != b'\\');
        (!unescaped_inside).then(|| (self.file(i) + 2, self.file(i) + close))
    }

    /// `LAZY_END_HTML_START`/`LAZY_END_HTML_STOP` at the line start: a tag of an element that
    /// is not a span element.
    pub fn html_lazy_end(&self) -> bool {
        let i = self.opt_space();
        if self.rest(i).first() != Some(&b'<') {
            return false;
        }
        let text = self.text();
        let rest = &text[i.saturating_sub(self.v.pad).min(text.len())..];
        let name_at = if rest.starts_with("</") {
            2
        } else if rest.starts_with('<') {
            1
        } else {
            return false;
        };
        let len = html_tag::uname_len(rest, name_at);
        if len == 0 {
            return false;
        }
        let name = rest[name_at..name_at + len].to_ascii_lowercase();
        // `(?!(?:span elements|script)\b)`: a span-element name followed by a word boundary.
        let blocked = SPAN_ELEMENTS
            .iter()
            .chain(std::iter::once(&"script"))
            .any(|el| {
                name.starts_with(el)
                    && !name[el.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            });
        !blocked && (name_at == 1 || rest[name_at + len..].trim_start().starts_with('>'))
    }
}
