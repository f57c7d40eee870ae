//! Link definitions (`parser/kramdown/link.rb`):
//!
//! ```text
//! LINK_DEFINITION_START = /^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))
//!                          (?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n/
//! ```
//!
//! plus `return false if @src[3].to_s =~ /[ \t]+["']/`: a destination with a space before a
//! quote (a broken title) makes the line a paragraph.

use super::blocks::{BlockParser, DefRaw};
use super::text::VLine;
use std::ops::Range;

impl BlockParser<'_> {
    /// The definition on line `i` (its title may be on line `i + 1`) and the next line index.
    pub fn link_definition(&self, lines: &[VLine], i: usize) -> Option<(DefRaw, usize)> {
        let l = self.line(lines[i]);
        let start = l.file(l.opt_space());
        let line = &self.src[start..lines[i].end];
        if !line.starts_with('[') || l.spaces() > 3 {
            return None;
        }
        let close = memchr::memchr(b']', line.as_bytes())?;
        if close < 2 || !line[close..].starts_with("]:") || line[1..].starts_with('^') {
            return None;
        }
        let id = start + 1..start + close;
        let mut at = close + 2;
        while matches!(line.as_bytes().get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        let rest = &line[at..];
        let base = start + at;
        let (url, tail) = if let Some(inner) = rest.strip_prefix('<') {
            let gt = inner.find('>')?;
            (base + 1..base + 1 + gt, base + 2 + gt)
        } else {
            if let Some((url, title)) = same_line_title(rest) {
                let def = DefRaw {
                    span: start..lines[i].end,
                    id,
                    url: shift(url, base),
                    title: Some(shift(title, base)),
                };
                return Some((def, i + 1));
            }
            let trimmed = rest.trim_end_matches([' ', '\t']);
            if trimmed.trim().is_empty() || has_space_quote(trimmed) {
                return None;
            }
            (base..base + trimmed.len(), base + trimmed.len())
        };
        let after = &self.src[tail..lines[i].end];
        if let Some(title) = quoted_whole(after.trim_start_matches([' ', '\t'])) {
            let offset = tail + (after.len() - after.trim_start_matches([' ', '\t']).len());
            let has_gap = after.starts_with([' ', '\t']);
            if has_gap {
                let def = DefRaw {
                    span: start..lines[i].end,
                    id,
                    url,
                    title: Some(shift(title, offset)),
                };
                return Some((def, i + 1));
            }
        }
        if !after.trim().is_empty() {
            return None;
        }
        if let Some(&next) = lines.get(i + 1) {
            let text = &self.src[next.start..next.end];
            let lead = text.len() - text.trim_start_matches([' ', '\t']).len();
            if let Some(title) = quoted_whole(&text[lead..]) {
                let def = DefRaw {
                    span: start..next.end,
                    id,
                    url,
                    title: Some(shift(title, next.start + lead)),
                };
                return Some((def, i + 2));
            }
        }
        Some((
            DefRaw {
                span: start..lines[i].end,
                id,
                url,
                title: None,
            },
            i + 1,
        ))
    }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

fn has_space_quote(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| matches!(w[0], b' ' | b'\t') && matches!(w[1], b'"' | b'\''))
}

/// `q X q` filling `s` up to trailing spaces: the range of `X`.
fn quoted_whole(s: &str) -> Option<Range<usize>> {
    let q = *s.as_bytes().first().filter(|c| matches!(c, b'"' | b'\''))?;
    let body = s.trim_end_matches([' ', '\t']);
    (body.len() >= 3 && body.as_bytes()[body.len() - 1] == q).then_some(1..body.len() - 1)
}

/// The shortest destination followed by `[ \t]+` and a title reaching the end of the line.
fn same_line_title(rest: &str) -> Option<(Range<usize>, Range<usize>)> {
    let b = rest.as_bytes();
    if !rest.trim_end().ends_with(['"', '\'']) {
        return None;
    }
    (1..b.len()).find_map(|w| {
        if !matches!(b[w], b' ' | b'\t') || rest[..w].trim().is_empty() {
            return None;
        }
        let lead = rest[w..].len() - rest[w..].trim_start_matches([' ', '\t']).len();
        let title = quoted_whole(&rest[w + lead..])?;
        Some((0..w, shift(title, w + lead)))
    })
}
