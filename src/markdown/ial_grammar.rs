//! kramdown's attribute-list grammar, exactly: `parse_attribute_list` in
//! `parser/kramdown/extensions.rb`, which runs `str.scan(ALD_TYPE_ANY)` with
//!
//! ```text
//! ALD_ID_NAME             = \w[\w-]*
//! ALD_TYPE_KEY_VALUE_PAIR = (ALD_ID_NAME)=("|')((?:\\\}|\\\2|[^\}\2])*?)\2
//! ALD_TYPE_REF            = (ALD_ID_NAME)
//! ALD_TYPE_ID_OR_CLASS    = #([A-Za-z][\w:-]*) | \.([^\s\.#]+)        (repeated, glued)
//! ALD_TYPE_ANY            = (?:\A|\s)(?:KEY_VALUE|REF|ID_OR_CLASS_MULTI)(?=\s|\Z)
//! ```
//!
//! Two details decide real cases. Inside the value's character class `\2` is the octal escape
//! `\x02`, not a back-reference, so a value may contain its own quote: the lazy value ends at
//! the first quote followed by whitespace or the end, which is why `target="_blank"rel="x"`
//! yields the single value `_blank"rel="x`. And anything the scan does not match is skipped
//! silently: `target=_blank` (unquoted), `target="_blank` (half-quoted) or `target=”_blank”`
//! (curly quotes) simply disappear.

use super::chars::{ald_id_name_len, is_space_byte, is_word_byte};
use std::ops::Range;

/// One matched entry, spans relative to the parsed string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawEntry {
    /// `key="value"`: the key, the value between the quotes (still escaped), the quote.
    KeyValue {
        key: Range<usize>,
        value: Range<usize>,
        quote: u8,
    },
    /// A bare name: a reference to an attribute-list definition `{:name: …}`.
    Reference(Range<usize>),
    /// `#id`, spanning `#…`.
    Id(Range<usize>),
    /// `.class`, spanning `.…`.
    Class(Range<usize>),
}

/// The result of kramdown's scan over an attribute list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawList {
    /// Entries with the span of the whole match (without the leading whitespace).
    pub entries: Vec<(Range<usize>, RawEntry)>,
    /// Maximal runs of non-whitespace text no match consumed: kramdown ignores them.
    pub ignored: Vec<Range<usize>>,
}

/// Runs `ALD_TYPE_ANY` over `s` like Ruby's `String#scan`.
pub fn scan_attribute_list(s: &str) -> RawList {
    let b = s.as_bytes();
    let mut values = ValueEnds::default();
    let mut out = RawList::default();
    let mut covered_to = 0;
    let mut from = 0;
    while from <= b.len() {
        let Some((start, end, entry)) = (from..=b.len()).find_map(|at| {
            // `(?:\A|\s)`: the match starts at the very beginning or with one whitespace.
            if at == 0
                && let Some((end, entry)) = match_entry(b, 0, &mut values)
            {
                return Some((0, end, entry));
            }
            if at < b.len() && is_space_byte(b[at]) {
                return match_entry(b, at + 1, &mut values).map(|(end, e)| (at + 1, end, e));
            }
            None
        }) else {
            break;
        };
        note_ignored(b, covered_to..start, &mut out.ignored);
        out.entries.push((start..end, entry));
        covered_to = end;
        from = end;
    }
    note_ignored(b, covered_to..b.len(), &mut out.ignored);
    out
}

fn note_ignored(b: &[u8], range: Range<usize>, ignored: &mut Vec<Range<usize>>) {
    let mut i = range.start;
    while i < range.end {
        if is_space_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < range.end && !is_space_byte(b[i]) {
            i += 1;
        }
        ignored.push(start..i);
    }
}

/// `(?=\s|\Z)`
fn at_boundary(b: &[u8], pos: usize) -> bool {
    pos == b.len() || is_space_byte(b[pos])
}

/// The alternatives of `ALD_TYPE_ANY` in order, at `at`; returns the end of the match.
fn match_entry(b: &[u8], at: usize, values: &mut ValueEnds) -> Option<(usize, RawEntry)> {
    let name = ald_id_name_len(b, at);
    if name > 0 {
        let eq = at + name;
        if eq + 1 < b.len() && b[eq] == b'=' && (b[eq + 1] == b'"' || b[eq + 1] == b'\'') {
            let quote = b[eq + 1];
            if let Some(close) = values.close_from(b, quote, eq + 2) {
                let entry = RawEntry::KeyValue {
                    key: at..eq,
                    value: eq + 2..close,
                    quote,
                };
                return Some((close + 1, entry));
            }
        }
        if at_boundary(b, eq) {
            return Some((eq, RawEntry::Reference(at..eq)));
        }
    }
    match_id_or_class_multi(b, at)
}

/// `ALD_TYPE_ID_OR_CLASS_MULTI` followed by `(?=\s|\Z)`. Both parts are greedy and stop only
/// at `.`, `#` or whitespace, so no backtracking can change the outcome.
fn match_id_or_class_multi(b: &[u8], at: usize) -> Option<(usize, RawEntry)> {
    let mut pos = at;
    let mut first: Option<RawEntry> = None;
    loop {
        let start = pos;
        if pos + 1 < b.len() && b[pos] == b'#' && b[pos + 1].is_ascii_alphabetic() {
            pos += 2;
            while pos < b.len() && (is_word_byte(b[pos]) || b[pos] == b':' || b[pos] == b'-') {
                pos += 1;
            }
            first.get_or_insert(RawEntry::Id(start..pos));
        } else if pos + 1 < b.len()
            && b[pos] == b'.'
            && !matches!(b[pos + 1], b'.' | b'#')
            && !is_space_byte(b[pos + 1])
        {
            pos += 1;
            while pos < b.len() && !matches!(b[pos], b'.' | b'#') && !is_space_byte(b[pos]) {
                pos += 1;
            }
            first.get_or_insert(RawEntry::Class(start..pos));
        } else {
            break;
        }
    }
    // The caller splits a glued run (`#x.y.z`) with `split_id_or_class`.
    (pos > at && at_boundary(b, pos)).then(|| (pos, first.expect("matched at least one part")))
}

/// Splits a matched `#id.class…` run into its parts (`ALD_TYPE_ID_OR_CLASS` scanned again).
pub fn split_id_or_class(s: &str, run: Range<usize>) -> impl Iterator<Item = RawEntry> + '_ {
    let b = s.as_bytes();
    let mut pos = run.start;
    std::iter::from_fn(move || {
        if pos >= run.end {
            return None;
        }
        let start = pos;
        pos += 1;
        while pos < run.end && !matches!(b[pos], b'.' | b'#') {
            pos += 1;
        }
        Some(if b[start] == b'#' {
            RawEntry::Id(start..pos)
        } else {
            RawEntry::Class(start..pos)
        })
    })
}

/// For each quote character, where the lazy value `(?:\\\}|\\\2|[^\}\x02])*?\2(?=\s|\Z)` that
/// starts at a position ends. Computed once per string from the end backwards, so a long list
/// of failing `key="…` attempts stays linear.
#[derive(Default)]
struct ValueEnds {
    double: Option<Vec<Option<usize>>>,
    single: Option<Vec<Option<usize>>>,
}

impl ValueEnds {
    fn close_from(&mut self, b: &[u8], quote: u8, start: usize) -> Option<usize> {
        let table = if quote == b'"' {
            &mut self.double
        } else {
            &mut self.single
        };
        table.get_or_insert_with(|| value_end_table(b, quote))[start]
    }
}

/// `ends[p]`: the closing quote position the regex engine finds when the value starts at `p`.
/// The engine tries, in order: close here; `\}`; `\<quote>`; any other char but `}`/`\x02`.
fn value_end_table(b: &[u8], quote: u8) -> Vec<Option<usize>> {
    let closes = |p: usize| b[p] == quote && at_boundary(b, p + 1);
    let mut ends = vec![None; b.len() + 2];
    for p in (0..b.len()).rev() {
        ends[p] = if closes(p) {
            Some(p)
        } else if b[p] == b'\\' && p + 1 < b.len() && b[p + 1] == b'}' {
            ends[p + 2]
        } else if b[p] == b'\\' && p + 1 < b.len() && b[p + 1] == quote {
            ends[p + 2].or(closes(p + 1).then_some(p + 1))
        } else if b[p] == b'}' || b[p] == 0x02 {
            None
        } else {
            ends[p + 1]
        };
    }
    ends
}

/// `val.gsub!(/\\(\}|#{sep})/, "\\1")`
pub fn unescape_value(raw: &str, quote: char) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && matches!(chars.peek(), Some(&n) if n == '}' || n == quote) {
            out.push(chars.next().expect("peeked"));
        } else {
            out.push(c);
        }
    }
    out
}
