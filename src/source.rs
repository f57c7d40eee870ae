//! A loaded file: its display path, its text, and a line index for turning byte offsets into
//! the line/column positions that humans (characters) and editors (UTF-16 units) expect.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// One Markdown file as the linter sees it.
///
/// `text` is the whole file decoded as UTF-8, *including* a leading byte order mark if the file
/// has one, so that every byte offset in a diagnostic is an offset into the file on disk.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (relative when they gave a relative path).
    pub path: Arc<str>,
    pub text: Arc<str>,
    /// Built on first use: most files have no diagnostic and never need it.
    lines: OnceLock<LineIndex>,
}

impl Source {
    pub fn new(path: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        Source {
            path: path.into(),
            text: text.into(),
            lines: OnceLock::new(),
        }
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Length of the UTF-8 byte order mark at the start of the text (0 or 3).
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        // Most positions asked for are in the front matter, near the start: counting the
        // lines before them is cheaper than indexing a whole body that may never need it.
        const NEAR_START: usize = 4096;
        if self.lines.get().is_none() && offset < NEAR_START {
            let offset = offset.min(self.text.len());
            let before = &self.text.as_bytes()[..offset];
            let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
            return Position {
                line: memchr::memchr_iter(b'\n', before).count() + 1,
                column: count_chars(&before[line_start..]) + 1,
            };
        }
        self.lines().position(&self.text, offset)
    }

    /// The positions of many ranges at once, in linear time: columns are counted on from the
    /// previous position of the same line, so a page of 300,000 links on one 10 MB line costs
    /// one pass, not one per link. Ranges in any order.
    pub fn anchors(&self, ranges: &[Range<usize>]) -> Vec<(Position, Position)> {
        let mut order: Vec<usize> = (0..ranges.len()).collect();
        order.sort_by_key(|&i| ranges[i].start);
        let lines = self.lines();
        let bytes = self.text.as_bytes();
        let mut out = vec![
            (
                Position { line: 1, column: 1 },
                Position { line: 1, column: 1 }
            );
            ranges.len()
        ];
        // The last position computed: its line, offset and column.
        let mut last: Option<(usize, usize, usize)> = None;
        for index in order {
            let range = &ranges[index];
            let start = range.start.min(bytes.len());
            let line = lines.line_of(start);
            let column = match last {
                Some((l, offset, column)) if l == line && offset <= start => {
                    column + count_chars(&bytes[offset..start])
                }
                _ => count_chars(&bytes[lines.line_starts[line]..start]) + 1,
            };
            last = Some((line, start, column));
            let begin = Position {
                line: line + 1,
                column,
            };
            let end_offset = range.end.clamp(start, bytes.len());
            let inside = &bytes[start..end_offset];
            let end = match memchr::memchr(b'\n', inside) {
                None => Position {
                    line: line + 1,
                    column: column + count_chars(inside),
                },
                Some(_) => lines.position(&self.text, end_offset),
            };
            out[index] = (begin, end);
        }
        out
    }

    pub fn slice(&self, range: Range<usize>) -> &str {
        &self.text[range]
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values (characters).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of the start of every line. `\n` ends a line; a `\r` before it belongs to the
/// line ending, so CRLF files report the same lines and columns as LF files.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line number containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where the 0-based `line` starts (the text length past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(usize::MAX)
    }

    /// Byte range of the 0-based `line`, without its line ending (`\n` or `\r\n`).
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.line_starts[line].min(text.len());
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |next| next - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// 1-based line and character column of a byte offset. Offsets past the end clamp to it;
    /// offsets inside a multi-byte character count as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = count_chars(&text.as_bytes()[start..offset]) + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 column of a byte offset, as the Language Server Protocol wants.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = text[start..offset].chars().map(char::len_utf16).sum();
        (line, column)
    }

    /// Byte offset of a 1-based line and character column (the inverse of `position`); clamps
    /// to the end of the line.
    pub fn offset_of(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let range = self.line_range(text, line.saturating_sub(1));
        text[range.clone()]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(range.end, |(i, _)| start + i)
    }
}

/// Number of characters in a UTF-8 byte slice: every byte that is not a continuation byte
/// starts a character. Works on slices that end inside a character (counts it once).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_near_the_start_agree_with_the_line_index() {
        let text = "---\r\ntitle: é🦀中\n\n  x: தமிழ்\r\n---\nbody 🦀\n".repeat(3);
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            // A fresh source for each offset: the shortcut runs only before the index is built.
            let source = Source::new("p.md", text.as_str());
            assert_eq!(
                source.position(offset),
                index.position(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "title: é🦀中தமிழ் x\nnext";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        // é, 🦀, 中 and the six Tamil code points are one column each.
        assert_eq!(
            index.position(text, x),
            Position {
                line: 1,
                column: 8 + 1 + 1 + 1 + "தமிழ்".chars().count() + 1
            }
        );
        assert_eq!(
            index.position(text, text.find("next").unwrap()),
            Position { line: 2, column: 1 }
        );
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        let text = "a🦀b";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_position(text, text.find('b').unwrap()), (0, 3));
    }

    #[test]
    fn crlf_reports_same_lines_as_lf() {
        let lf = "a: 1\nb: 2\n";
        let crlf = "a: 1\r\nb: 2\r\n";
        let (lf_index, crlf_index) = (LineIndex::new(lf), LineIndex::new(crlf));
        assert_eq!(
            lf_index.position(lf, lf.find('b').unwrap()),
            crlf_index.position(crlf, crlf.find('b').unwrap())
        );
        assert_eq!(&crlf[crlf_index.line_range(crlf, 0)], "a: 1");
    }

    #[test]
    fn offset_of_inverts_position() {
        let text = "ü: ñ\n日本: 語\n";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let p = index.position(text, offset);
            if text.as_bytes()[offset] != b'\n' {
                assert_eq!(index.offset_of(text, p.line, p.column), offset);
            }
        }
    }
}
