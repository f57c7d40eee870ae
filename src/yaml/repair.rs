//! Psych compatibility: where saphyr (strict YAML 1.2) rejects front matter that libyaml
//! (Psych, Jekyll's parser) accepts, parse a repaired copy instead and map every position back
//! to the original text.
//!
//! The repairs, each checked against Psych in `tests/psych_syntax_oracle.rs`:
//! - `key:<tab>value` — libyaml takes the tab as the separator; it becomes a space.
//! - a tab starting a continuation line of a quoted value — libyaml folds it away; it becomes
//!   a space.
//! - continuation lines of a quoted value or of a `[…]`/`{…}` list indented no deeper than
//!   their key — libyaml allows it; spaces are inserted at the start of those lines.

/// The text being parsed: the original, plus the repairs made so far.
pub(super) struct Repaired {
    text: String,
    /// Inserted runs of spaces: (byte offset in `text` where the run starts, length), sorted.
    insertions: Vec<(usize, usize)>,
}

impl Repaired {
    pub(super) fn new(original: &str) -> Self {
        Repaired {
            text: original.to_owned(),
            insertions: Vec::new(),
        }
    }

    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// A byte offset in the repaired text → the byte offset in the original. A position inside
    /// an inserted run maps to where the run was inserted.
    pub(super) fn original_offset(&self, offset: usize) -> usize {
        let mut shift = 0;
        for &(start, len) in &self.insertions {
            if offset >= start + len {
                shift += len;
            } else if offset >= start {
                return start - shift;
            } else {
                break;
            }
        }
        offset - shift
    }

    /// Try to repair the parser's error at byte `at` (in the repaired text). Returns whether
    /// anything changed; `false` means the error is real.
    pub(super) fn repair(&mut self, at: usize, reason: &str) -> bool {
        if reason.contains("':' must be followed by a valid YAML whitespace") {
            // saphyr stops just after the tab.
            let tab = at
                .checked_sub(1)
                .filter(|&t| self.text.as_bytes().get(t) == Some(&b'\t'));
            let after_colon = tab.is_some_and(|t| t > 0 && self.text.as_bytes()[t - 1] == b':');
            if let (Some(tab), true) = (tab, after_colon) {
                self.text.replace_range(tab..tab + 1, " ");
                return true;
            }
            return false;
        }
        if reason.contains("tab cannot be used as indentation")
            && self.text.as_bytes().get(at) == Some(&b'\t')
        {
            // saphyr says this only inside a quoted value, where libyaml folds the tab away
            // with the rest of the line's leading white space.
            self.text.replace_range(at..at + 1, " ");
            return true;
        }
        if reason.contains("invalid indentation in quoted scalar") {
            return self.indent_quoted_value(at);
        }
        if reason.contains("invalid indentation in flow construct") {
            // saphyr stops at the first non-blank character of the under-indented line.
            let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
            self.insert_spaces(line_start, 1);
            return true;
        }
        false
    }

    /// saphyr stops at the opening quote of a value whose continuation lines are not indented
    /// past its key; indent every such line one column past the key.
    fn indent_quoted_value(&mut self, quote_at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let Some(&quote) = bytes.get(quote_at).filter(|&&b| b == b'"' || b == b'\'') else {
            return false;
        };
        let Some(close) = closing_quote(bytes, quote_at, quote) else {
            return false; // never closed: a real error
        };
        let key_line = self.text[..quote_at].rfind('\n').map_or(0, |i| i + 1);
        let key_indent = indentation(&bytes[key_line..]);
        let mut needs: Vec<(usize, usize)> = Vec::new();
        let mut cursor = quote_at;
        while let Some(newline) = self.text[cursor..close].find('\n') {
            let line_start = cursor + newline + 1;
            let indent = indentation(&bytes[line_start..]);
            let blank = matches!(bytes.get(line_start + indent), Some(b'\n' | b'\r') | None);
            if indent <= key_indent && !blank {
                needs.push((line_start, key_indent + 1 - indent));
            }
            cursor = line_start;
        }
        // Insert from the end so earlier offsets stay valid.
        for &(line_start, count) in needs.iter().rev() {
            self.insert_spaces(line_start, count);
        }
        !needs.is_empty()
    }

    fn insert_spaces(&mut self, at: usize, count: usize) {
        self.text.insert_str(at, &" ".repeat(count));
        for insertion in &mut self.insertions {
            if insertion.0 >= at {
                insertion.0 += count;
            }
        }
        let position = self.insertions.partition_point(|&(start, _)| start < at);
        self.insertions.insert(position, (at, count));
    }
}

/// Leading spaces of a line.
fn indentation(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ').count()
}

/// The byte offset of the quote that closes the value opened at `open`: `\"` escapes inside
/// double quotes, `''` inside single quotes.
pub(super) fn closing_quote(bytes: &[u8], open: usize, quote: u8) -> Option<usize> {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b if b == quote => {
                if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_spaces_map_back_to_the_original() {
        let mut r = Repaired::new("a: \"x\ny\"\n");
        assert!(r.repair(3, "invalid indentation in quoted scalar"));
        assert_eq!(r.text(), "a: \"x\n y\"\n");
        assert_eq!(r.original_offset(6), 6); // inside the inserted space → the line start
        assert_eq!(r.original_offset(7), 6); // `y`
        assert_eq!(r.original_offset(8), 7); // the closing quote
    }

    #[test]
    fn unclosed_quotes_are_not_repaired() {
        let mut r = Repaired::new("a: \"x\ny: 1\n");
        assert!(!r.repair(3, "invalid indentation in quoted scalar"));
    }

    #[test]
    fn tab_after_colon_becomes_a_space() {
        let mut r = Repaired::new("a:\tb\n");
        assert!(r.repair(3, "':' must be followed by a valid YAML whitespace"));
        assert_eq!(r.text(), "a: b\n");
        assert!(
            !Repaired::new("a:b\n").repair(2, "':' must be followed by a valid YAML whitespace")
        );
    }
}
