//! What the date, filename and permalink rules share: the front matter entries they look at,
//! pointing inside a scalar, and describing dates.

use std::ops::Range;

use crate::jekyll::date::PostDate;
use crate::post::Post;
use crate::rule::Context;
use crate::yaml::{Entry, Value};

/// A front matter field as Jekyll sees it (the last of duplicates), unless the block does not
/// load (Jekyll then has no fields at all).
pub fn field<'a>(cx: &Context<'a>, key: &str) -> Option<&'a Entry> {
    if cx.facts.front_matter.failed_to_load {
        return None;
    }
    cx.post.front_matter()?.get(key)
}

/// The `permalink` written in the front matter, as text, with its entry.
pub fn permalink<'a>(cx: &Context<'a>) -> Option<(&'a Entry, String)> {
    let entry = field(cx, "permalink")?;
    if !matches!(entry.value.value, Value::Scalar(_)) {
        return None;
    }
    let text = crate::site::front_matter::scalar_to_s(&entry.value)?;
    Some((entry, text))
}

/// The byte range of `needle` (found in the scalar's value at `at`, a byte offset into the
/// value) in the file: exact when the value is written as is (plain or simply quoted),
/// otherwise the whole value.
pub fn range_in_value(
    post: &Post,
    entry: &Entry,
    value: &str,
    at: usize,
    len: usize,
) -> Range<usize> {
    let span = entry.value.span.clone();
    let written = &post.source.text[span.clone()];
    let needle = &value[at..at + len];
    // Where the value's text starts inside what is written (after an opening quote).
    let offset = written.find(value).map(|start| span.start + start);
    match offset {
        Some(start) if !needle.is_empty() => start + at..start + at + len,
        _ => {
            if let Some(found) = written.find(needle).filter(|_| !needle.is_empty()) {
                span.start + found..span.start + found + len
            } else {
                span
            }
        }
    }
}

/// The byte range of `value[at]` in the file, when the value is written as is (plain, or
/// quoted without escapes), so that an edit there changes exactly that part of the value.
pub fn exact_range_in_value(
    post: &Post,
    entry: &Entry,
    value: &str,
    at: Range<usize>,
) -> Option<Range<usize>> {
    let span = entry.value.span.clone();
    let written = &post.source.text[span.clone()];
    let inner = match written.chars().next() {
        Some(quote @ ('"' | '\'')) if written.len() >= 2 && written.ends_with(quote) => {
            &written[1..written.len() - 1]
        }
        _ => written,
    };
    let start = span.start + (written.len() - inner.len()) / 2;
    (inner == value && value.get(at.clone()).is_some()).then(|| start + at.start..start + at.end)
}

/// `value` written as a YAML scalar in the style `node` was written in, as far as the text
/// allows: plain stays plain when Psych reads it back as the same string, quotes stay quotes.
pub fn in_same_style(node: &crate::yaml::Node, value: &str) -> String {
    use crate::yaml::ScalarStyle;
    use crate::yaml11::{quote_for_humans, quote_for_yaml};
    let style = node.as_scalar().map(|s| s.style);
    match style {
        Some(ScalarStyle::DoubleQuoted) => quote_for_humans(value),
        Some(ScalarStyle::SingleQuoted) => match quote_for_yaml(value) {
            quoted if quoted.starts_with('"') => quoted,
            _ => format!("'{}'", value.replace('\'', "''")),
        },
        _ => quote_for_yaml(value),
    }
}

/// The range of a whole value, or of its key when the value is empty (nothing to underline).
pub fn value_or_key(entry: &Entry) -> Range<usize> {
    if entry.value.span.is_empty() {
        entry.key.span.clone()
    } else {
        entry.value.span.clone()
    }
}

/// Where to point at a file-level problem: the opening `---` line, or the first line.
pub fn head(cx: &Context<'_>) -> Range<usize> {
    match &cx.post.split {
        crate::front_matter::Split::Present(block) => block.open.clone(),
        crate::front_matter::Split::Unterminated { open } => open.clone(),
        crate::front_matter::Split::Absent => {
            let text = &cx.post.source.text;
            let start = cx.post.source.bom_len();
            start
                ..text[start..]
                    .find(['\n', '\r'])
                    .map_or(text.len(), |i| start + i)
        }
    }
}

/// `2022-07-04` of a date in the site zone.
pub fn day(date: &PostDate) -> String {
    date.datetime.strftime("%Y-%m-%d").to_string()
}

/// `2022-07-04 10:30` of a date in the site zone, without seconds when they are zero.
pub fn day_and_time(date: &PostDate) -> String {
    let d = &date.datetime;
    if d.second() == 0 {
        d.strftime("%Y-%m-%d %H:%M").to_string()
    } else {
        d.strftime("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// The site's zone as people know it: `Asia/Singapore`, or `UTC` (with why).
pub fn zone_name(cx: &Context<'_>) -> String {
    match &cx.site.zone {
        crate::site::ZoneSetting::Set { name, .. } => name.clone(),
        crate::site::ZoneSetting::Unset => "UTC (no `timezone` in _config.yml)".into(),
    }
}

/// `4 July 2022`: a date in words, unambiguous for every reader.
pub fn in_words(year: i64, month: i64, day: i64) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = usize::try_from(month - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("?");
    format!("{day} {name} {year}")
}
