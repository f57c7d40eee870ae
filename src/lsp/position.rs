//! Byte offsets ↔ LSP positions (0-based line, column in the negotiated encoding).
//!
//! The linter's `source::LineIndex` ends lines at `\n` only, which is what humans and the other
//! reporters want. The Language Server Protocol also ends a line at a lone `\r`, and the client
//! counts lines that way when it sends incremental edits; a post with a stray `\r` would have
//! its edits applied on the wrong line. So the server keeps its own index with the protocol's
//! line terminators (`\r\n`, `\n`, `\r`).

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind};

/// How a position's `character` counts: the encodings of LSP 3.17's `positionEncodings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// The protocol's default, which every client supports.
    Utf16,
    Utf32,
}

impl Encoding {
    /// Pick from the client's `general.positionEncodings`: UTF-8 (no conversion at all), then
    /// UTF-32, else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        let has = |kind: &PositionEncodingKind| offered.contains(kind);
        if has(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if has(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// Code units of `c` in this encoding.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Byte offsets of every line start, with the protocol's line terminators.
#[derive(Debug, Clone)]
pub struct LspLines {
    starts: Vec<usize>,
}

impl LspLines {
    pub fn new(text: &str) -> LspLines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LspLines { starts }
    }

    /// The LSP position of a byte offset (clamped to the text; inside a character, the
    /// character's start).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = crate::source::floor_char_boundary(text, offset);
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            _ => text[start..offset].chars().map(|c| encoding.units(c)).sum(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, text: &str, range: Range<usize>, encoding: Encoding) -> lsp_types::Range {
        lsp_types::Range::new(
            self.position(text, range.start, encoding),
            self.position(text, range.end, encoding),
        )
    }

    /// The byte offset of an LSP position. As the protocol asks, a column past the end of its
    /// line means the line's end and a line past the end means the end of the text; a column
    /// inside a character (half a surrogate pair, part of a UTF-8 sequence) means its start.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self.content_end(text, position.line as usize);
        let wanted = position.character as usize;
        if encoding == Encoding::Utf8 {
            return crate::source::floor_char_boundary(text, (start + wanted).min(end));
        }
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            units += encoding.units(c);
            if units > wanted {
                return start + i;
            }
        }
        end
    }

    pub fn byte_range(
        &self,
        text: &str,
        range: lsp_types::Range,
        encoding: Encoding,
    ) -> Range<usize> {
        let start = self.offset(text, range.start, encoding);
        let end = self.offset(text, range.end, encoding);
        start.min(end)..end.max(start)
    }

    /// Where the content of `line` ends: before its terminator.
    fn content_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return text.len();
        };
        let bytes = text.as_bytes();
        if next >= 2 && bytes[next - 2] == b'\r' && bytes[next - 1] == b'\n' {
            next - 2
        } else {
            next - 1
        }
    }
}

/// Positions are `u32` in the protocol; no post comes near 4 GiB, but saturate rather than wrap.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: é🦀தமிழ் x\r\nnext\rlast\n";

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn columns_in_each_encoding() {
        let lines = LspLines::new(TEXT);
        let x = at(TEXT, " x") + 1;
        let prefix = "title: é🦀தமிழ் ";
        let utf16: usize = prefix.encode_utf16().count();
        assert_eq!(
            lines.position(TEXT, x, Encoding::Utf16),
            Position::new(0, utf16 as u32)
        );
        assert_eq!(
            lines.position(TEXT, x, Encoding::Utf8),
            Position::new(0, prefix.len() as u32)
        );
        assert_eq!(
            lines.position(TEXT, x, Encoding::Utf32),
            Position::new(0, prefix.chars().count() as u32)
        );
    }

    #[test]
    fn lone_carriage_return_ends_a_line() {
        let lines = LspLines::new(TEXT);
        assert_eq!(
            lines.position(TEXT, at(TEXT, "next"), Encoding::Utf16),
            Position::new(1, 0)
        );
        assert_eq!(
            lines.position(TEXT, at(TEXT, "last"), Encoding::Utf16),
            Position::new(2, 0)
        );
        assert_eq!(
            lines.position(TEXT, TEXT.len(), Encoding::Utf16),
            Position::new(3, 0)
        );
    }

    #[test]
    fn offset_inverts_position_in_every_encoding() {
        let lines = LspLines::new(TEXT);
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (offset, _) in TEXT.char_indices() {
                let position = lines.position(TEXT, offset, encoding);
                let back = lines.offset(TEXT, position, encoding);
                // A line terminator's bytes all map to the end of the line's content.
                let expected = if TEXT[offset..].starts_with(['\r', '\n']) {
                    lines.content_end(TEXT, position.line as usize)
                } else {
                    offset
                };
                assert_eq!(back, expected, "{encoding:?} at {offset}");
            }
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let lines = LspLines::new(TEXT);
        assert_eq!(
            lines.offset(TEXT, Position::new(0, 999), Encoding::Utf16),
            at(TEXT, "\r\n")
        );
        assert_eq!(
            lines.offset(TEXT, Position::new(99, 0), Encoding::Utf16),
            TEXT.len()
        );
        // Half of 🦀's surrogate pair: the crab's start.
        let crab = at(TEXT, "🦀");
        let inside = lines.position(TEXT, crab, Encoding::Utf16).character + 1;
        assert_eq!(
            lines.offset(TEXT, Position::new(0, inside), Encoding::Utf16),
            crab
        );
        // Inside é's two UTF-8 bytes: its start.
        let e = at(TEXT, "é");
        assert_eq!(
            lines.offset(TEXT, Position::new(0, (e + 1) as u32), Encoding::Utf8),
            e
        );
    }

    #[test]
    fn negotiation_prefers_utf8_and_defaults_to_utf16() {
        use PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF16])), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[K::UTF16, K::UTF8])),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::negotiate(Some(&[K::UTF32, K::UTF16])),
            Encoding::Utf32
        );
    }
}
