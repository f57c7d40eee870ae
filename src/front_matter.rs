//! Finding the front matter block exactly as Jekyll does.
//!
//! Jekyll (`Document::YAML_FRONT_MATTER_REGEXP`, also used by `Convertible#read_yaml`) matches
//! `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` in multiline mode on the file's text with any
//! UTF-8 byte order mark removed. Group 1 — the opening `---` line and the YAML after it — goes
//! to Psych; everything after group 2 is the content. In Ruby `\s` is `[ \t\r\n\f\v]`, so CRLF
//! line endings and trailing spaces on the delimiter lines are accepted.

use std::ops::Range;

/// Where the front matter is, in byte offsets into the file's text (BOM included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The file does not start with a `---` line: Jekyll sees no front matter.
    Absent,
    /// An opening `---` line with no closing `---`/`...` line: Jekyll sees no front matter and
    /// publishes the would-be YAML as text.
    Unterminated {
        open: Range<usize>,
    },
    Present(Block),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The opening `---` line, without its line ending.
    pub open: Range<usize>,
    /// What Psych parses: from the opening `---` up to the start of the closing line.
    pub yaml: Range<usize>,
    /// The closing `---` or `...` line, without its line ending.
    pub close: Range<usize>,
    /// Where the Markdown content starts (Jekyll swallows blank lines after the delimiter).
    pub body_start: usize,
}

impl Block {
    /// The YAML between the delimiter lines (what a human calls "the front matter").
    pub fn inner(&self) -> Range<usize> {
        let after_open = self.open.end;
        after_open..self.close.start.max(after_open)
    }
}

fn is_ruby_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\x0b')
}

/// Split `text` (the whole file, possibly starting with a BOM) the way Jekyll does.
pub fn split(text: &str) -> Split {
    let bytes = text.as_bytes();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if !bytes[start..].starts_with(b"---") {
        return Split::Absent;
    }
    // `---\s*\n`: the whitespace run after `---` must contain a newline; the YAML part starts
    // at the first line after it (later newlines in the run are blank YAML lines either way).
    let run_end = start
        + 3
        + bytes[start + 3..]
            .iter()
            .take_while(|&&b| is_ruby_space(b))
            .count();
    let Some(first_newline) = bytes[start + 3..run_end].iter().position(|&b| b == b'\n') else {
        return Split::Absent;
    };
    let open_line_end = start + 3 + first_newline;
    let open = start..trim_trailing_space(bytes, start, open_line_end);
    let mut line_start = open_line_end + 1;
    while line_start <= bytes.len() {
        let line_end = memchr_from(bytes, line_start).unwrap_or(bytes.len());
        if let Some(body_start) = closing_delimiter(bytes, line_start, line_end) {
            return Split::Present(Block {
                open,
                yaml: start..line_start,
                close: line_start..line_start + 3,
                body_start,
            });
        }
        if line_end == bytes.len() {
            break;
        }
        line_start = line_end + 1;
    }
    Split::Unterminated { open }
}

/// Does the line `bytes[start..end]` close the front matter (`(---|\.\.\.)\s*$\n?`)? If so,
/// return where the content starts.
fn closing_delimiter(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let line = &bytes[start..end];
    if !(line.starts_with(b"---") || line.starts_with(b"...")) {
        return None;
    }
    if !line[3..].iter().all(|&b| is_ruby_space(b)) {
        return None;
    }
    // `\s*$\n?` is greedy: it also eats following blank (whitespace-only) lines, stopping
    // after the last newline before the first non-blank character.
    let mut body_start = (end + 1).min(bytes.len());
    let mut cursor = body_start;
    while cursor < bytes.len() && is_ruby_space(bytes[cursor]) {
        if bytes[cursor] == b'\n' {
            body_start = cursor + 1;
        }
        cursor += 1;
    }
    if cursor == bytes.len() {
        body_start = bytes.len();
    }
    Some(body_start)
}

fn memchr_from(bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| from + i)
}

fn trim_trailing_space(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && is_ruby_space(bytes[end - 1]) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        match split(text) {
            Split::Present(block) => block,
            other => panic!("expected front matter in {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn splits_simple_front_matter() {
        let text = "---\ntitle: x\n---\nbody\n";
        let b = block(text);
        assert_eq!(&text[b.open.clone()], "---");
        assert_eq!(&text[b.yaml.clone()], "---\ntitle: x\n");
        assert_eq!(&text[b.inner()], "\ntitle: x\n");
        assert_eq!(&text[b.body_start..], "body\n");
    }

    #[test]
    fn accepts_crlf_trailing_spaces_and_dots() {
        let text = "---  \r\ntitle: x\r\n...\t\r\n\r\n\r\nbody";
        let b = block(text);
        assert_eq!(&text[b.open.clone()], "---");
        assert_eq!(&text[b.close.clone()], "...");
        assert_eq!(&text[b.body_start..], "body");
    }

    #[test]
    fn skips_bom_but_keeps_offsets_in_the_file() {
        let text = "\u{feff}---\na: 1\n---\n";
        let b = block(text);
        assert_eq!(b.open, 3..6);
        assert_eq!(b.body_start, text.len());
    }

    #[test]
    fn empty_front_matter_and_blank_first_lines() {
        let b = block("---\n---\n");
        assert_eq!(b.yaml, 0..4);
        // Blank lines right after the opening `---` are part of the YAML.
        let text = "---\n\n\ntitle: x\n---\n";
        assert_eq!(&text[block(text).yaml], "---\n\n\ntitle: x\n");
    }

    #[test]
    fn closing_line_must_be_only_the_delimiter() {
        let text = "---\na: 1\n----\n--- x\n...more\n";
        assert_eq!(split(text), Split::Unterminated { open: 0..3 });
    }

    #[test]
    fn not_front_matter() {
        assert_eq!(split(""), Split::Absent);
        assert_eq!(split("---"), Split::Absent);
        assert_eq!(split("--- title: x\n---\n"), Split::Absent);
        assert_eq!(split("----\na: 1\n---\n"), Split::Absent);
        assert_eq!(split("\n---\na: 1\n---\n"), Split::Absent);
        assert_eq!(split(" ---\na: 1\n---\n"), Split::Absent);
    }

    #[test]
    fn closing_delimiter_at_end_of_file_without_newline() {
        let text = "---\na: 1\n---";
        let b = block(text);
        assert_eq!(b.close, 9..12);
        assert_eq!(b.body_start, 12);
    }
}
