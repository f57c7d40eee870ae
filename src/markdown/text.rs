//! Lines, the virtual text the span parser reads, and a memoized forward search.
//!
//! kramdown parses container content (list items, block quotes) after cutting prefixes off
//! every line and expanding tabs, then joins lines with `\n`. The scanner does the same
//! without copying the file around: a [`VLine`] is a slice of the file plus a number of
//! virtual leading spaces, and a [`SpanText`] is the joined text of a span context with a map
//! from its positions back to the file.

use super::liquid::REMOVED;
use std::ops::Range;

/// A line as a block parser sees it: `pad` virtual spaces, then `src[start..end]` (no line
/// terminator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VLine {
    pub pad: usize,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into lines; `\n`, `\r\n` and `\r` end a line (kramdown's `adapt_source`).
pub fn split_lines(text: &str) -> Vec<VLine> {
    let b = text.as_bytes();
    // Most files have no `\r` at all, and one needle is quicker to search for than two.
    if memchr::memchr(b'\r', b).is_some() {
        lines_ending_at(b, memchr::memchr2_iter(b'\n', b'\r', b))
    } else {
        lines_ending_at(b, memchr::memchr_iter(b'\n', b))
    }
}

/// The lines of `b`, given the positions of its line terminators.
fn lines_ending_at(b: &[u8], ends: impl Iterator<Item = usize>) -> Vec<VLine> {
    let mut lines = Vec::with_capacity(b.len() / 64 + 1);
    let mut start = 0;
    for i in ends {
        if i < start {
            // The `\n` of a `\r\n` already taken.
            continue;
        }
        lines.push(VLine {
            pad: 0,
            start,
            end: i,
        });
        start = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < b.len() {
        lines.push(VLine {
            pad: 0,
            start,
            end: b.len(),
        });
    }
    lines
}

/// Where a run of virtual text comes from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Start in the virtual text.
    virt: usize,
    /// Start in the file.
    file: usize,
    /// `false` for text that is not in the file (padding, joining newlines): every position
    /// maps to `file`.
    real: bool,
}

/// The text of one span context (a paragraph, a header, a table cell) as kramdown parses it.
#[derive(Debug, Clone, Default)]
pub struct SpanText {
    /// What the parser reads: Liquid masked.
    pub text: String,
    /// The same positions in the original body, for values.
    pub original: String,
    segments: Vec<Segment>,
}

impl SpanText {
    /// Joins `lines` with `\n`, leaving out bytes at `drop` and Liquid that renders to
    /// nothing, then strips leading and trailing whitespace as kramdown's paragraph parser does.
    /// Reuses the memory of the previous context's text.
    pub fn rebuild(&mut self, masked: &str, original: &str, lines: &[VLine], drop: &[usize]) {
        let mut text = std::mem::take(&mut self.text).into_bytes();
        let mut orig = std::mem::take(&mut self.original).into_bytes();
        text.clear();
        orig.clear();
        self.segments.clear();
        let mb = masked.as_bytes();
        let ob = original.as_bytes();
        for (n, line) in lines.iter().enumerate() {
            if n > 0 {
                self.push_segment(text.len(), lines[n - 1].end, false);
                text.push(b'\n');
                orig.push(b'\n');
            }
            if line.pad > 0 {
                self.push_segment(text.len(), line.start, false);
                text.extend(std::iter::repeat_n(b' ', line.pad));
                orig.extend(std::iter::repeat_n(b' ', line.pad));
            }
            // Copy the line run by run: a run ends at removed Liquid or a dropped byte.
            let mut p = line.start;
            while p < line.end {
                if mb[p] == REMOVED || drop.contains(&p) {
                    p += 1;
                    continue;
                }
                let limit = drop
                    .iter()
                    .copied()
                    .filter(|&d| d > p && d < line.end)
                    .min()
                    .unwrap_or(line.end);
                let end = memchr::memchr(REMOVED, &mb[p..limit]).map_or(limit, |i| p + i);
                self.push_segment(text.len(), p, true);
                text.extend_from_slice(&mb[p..end]);
                orig.extend_from_slice(&ob[p..end]);
                p = end;
            }
        }
        let is_ws = |c: &u8| super::chars::is_space_byte(*c) || *c == 0;
        let lead = text.iter().take_while(|c| is_ws(c)).count();
        let trail = text[lead..].iter().rev().take_while(|c| is_ws(c)).count();
        let keep = text.len() - trail;
        for bytes in [&mut text, &mut orig] {
            bytes.truncate(keep);
            bytes.drain(..lead);
        }
        self.text = utf8(text);
        self.original = utf8(orig);
        self.shift(lead);
    }

    fn push_segment(&mut self, virt: usize, file: usize, real: bool) {
        self.segments.push(Segment { virt, file, real });
    }

    /// Drops the first `lead` virtual bytes from the map.
    fn shift(&mut self, lead: usize) {
        let first = self
            .segments
            .partition_point(|s| s.virt <= lead)
            .saturating_sub(1);
        self.segments.drain(..first);
        for s in &mut self.segments {
            if s.virt <= lead {
                if s.real {
                    s.file += lead - s.virt;
                }
                s.virt = 0;
            } else {
                s.virt -= lead;
            }
        }
    }

    /// The file position (relative to the body) of virtual position `v`.
    pub fn to_file(&self, v: usize) -> usize {
        let i = self.segments.partition_point(|s| s.virt <= v);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some(s) if s.real => s.file + (v - s.virt),
            Some(s) => s.file,
            None => self.segments.first().map_or(0, |s| s.file),
        }
    }

    /// The file range of virtual range `r`.
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        let start = self.to_file(r.start);
        let end = if r.end > r.start {
            self.to_file(r.end - 1) + 1
        } else {
            start
        };
        start..end.max(start)
    }
}

fn utf8(bytes: Vec<u8>) -> String {
    // Cuts happen at ASCII bytes only (whitespace, removed Liquid, `\` before `|`), so the
    // result is valid; fall back to a lossy copy rather than panic on a surprise.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Finds the next occurrence of a fixed needle at or after a position, remembering the last
/// answer: queries from increasing positions cost linear time in total, which keeps searches
/// like "the next `}`" or "the next `$$`" from turning quadratic on pages full of openers.
#[derive(Debug, Default)]
pub struct NextFinder {
    cache: Vec<(&'static [u8], usize, Option<usize>)>,
}

impl NextFinder {
    pub fn find(&mut self, hay: &[u8], needle: &'static [u8], from: usize) -> Option<usize> {
        let slot = self.cache.iter().position(|(n, _, _)| *n == needle);
        if let Some((_, cached_from, found)) = slot.map(|i| self.cache[i])
            && cached_from <= from
            && found.is_none_or(|f| from <= f)
        {
            return found;
        }
        let found = hay
            .get(from..)
            .and_then(|tail| match needle {
                [byte] => memchr::memchr(*byte, tail),
                _ => memchr::memmem::find(tail, needle),
            })
            .map(|p| p + from);
        match slot {
            Some(i) => self.cache[i] = (needle, from, found),
            None => self.cache.push((needle, from, found)),
        }
        found
    }

    /// Forgets every answer, for a new haystack.
    pub fn clear(&mut self) {
        self.cache.clear();
    }
}

#[cfg(test)]
mod split_tests {
    use super::split_lines;

    /// Byte by byte, as kramdown's `adapt_source` reads line ends.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
        while i < b.len() {
            if b[i] == b'\n' || b[i] == b'\r' {
                lines.push((start, i));
                if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        if start < b.len() {
            lines.push((start, b.len()));
        }
        lines
    }

    #[test]
    fn every_line_end_is_one_break() {
        let pieces = ["a", "\n", "\r", "\r\n", "é", "\n\r", ""];
        for x in pieces {
            for y in pieces {
                for z in pieces {
                    let text = format!("{x}{y}{z}{x}");
                    let ours: Vec<_> = split_lines(&text)
                        .iter()
                        .map(|l| (l.start, l.end))
                        .collect();
                    assert_eq!(ours, reference(&text), "{text:?}");
                }
            }
        }
    }
}
