//! Helpers shared by the fuzz targets (included with `#[path]`, not a crate of its own).

#![allow(dead_code)]

use std::ops::Range;

/// The fuzzer's bytes as text. Invalid UTF-8 is decoded lossily rather than rejected, so no
/// input is wasted; frontlint itself does the same for files that are not UTF-8.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A byte range into `text` that a caller may slice with: ordered, in bounds, on char
/// boundaries.
#[track_caller]
pub fn assert_span(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} is not a range inside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} is not on char boundaries"
    );
}

/// `assert_span`, and inside `outer` too.
#[track_caller]
pub fn assert_span_within(text: &str, range: &Range<usize>, outer: &Range<usize>, what: &str) {
    assert_span(text, range, what);
    assert!(
        outer.start <= range.start && range.end <= outer.end,
        "{what}: {range:?} is outside {outer:?}"
    );
}
