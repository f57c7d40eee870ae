//! The site index cache's file format: a header line, then one tab-separated line per file.

use foldhash::HashMap;
use std::path::PathBuf;

use super::cache::{Entry, Stamp};
use super::facts::DocKind;
use super::index::{Anchor, Extras, FieldKeys, IndexedDoc};
use super::kept::Kept;

// The file: a header line `frontlint-site-index <fingerprint>`, then one line per file with
// tab-separated fields (see `format_entry`); an absent string is `-`. Tab-separated lines
// parse several times faster than JSON, which matters for 20,000 entries; a name or URL
// holding a tab, a line break or a lone `-` is simply not cached.

const HEADER: &str = "frontlint-site-index";

pub(super) fn format_cache(fingerprint: u64, entries: &HashMap<String, Entry>) -> String {
    let mut text = format!("{HEADER} {fingerprint}\n");
    let mut keys: Vec<&String> = entries.keys().collect();
    keys.sort();
    for key in keys {
        if let Some(line) = format_entry(key, &entries[key]) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn format_entry(site_path: &str, e: &Entry) -> Option<String> {
    let strings = [
        Some(site_path),
        e.doc.source_path.as_deref(),
        e.doc.group.as_deref(),
        e.doc.url.as_deref(),
        e.doc.output_path.as_deref(),
    ];
    if strings
        .iter()
        .flatten()
        .any(|s| *s == "-" || s.contains(['\t', '\n', '\r']))
    {
        return None;
    }
    let text = |s: Option<&str>| s.unwrap_or("-").to_owned();
    let anchor = |a: &Anchor| {
        format!(
            "{} {} {} {} {} {}",
            a.range.start, a.range.end, a.start.line, a.start.column, a.end.line, a.end.column
        )
    };
    let fields = [
        site_path.to_owned(),
        e.stamp.size.to_string(),
        e.stamp.modified_ns.to_string(),
        serde_json::to_string(&e.doc.kind).ok()?,
        text(e.doc.source_path.as_deref()),
        text(e.doc.group.as_deref()),
        text(e.doc.url.as_deref()),
        text(e.doc.output_path.as_deref()),
        u8::from(e.doc.written).to_string(),
        e.doc
            .permalink
            .as_ref()
            .map_or_else(|| "-".to_owned(), anchor),
        anchor(&e.doc.head),
        e.doc.field_keys.written().into_owned(),
        match e.doc.extras.as_deref().filter(|x| **x != Extras::default()) {
            // JSON escapes tabs and line breaks: the line stays one line.
            Some(extras) => serde_json::to_string(extras).ok()?,
            None => "-".to_owned(),
        },
        e.doc.links.json().into_owned(),
        e.doc.ids.json().into_owned(),
    ];
    Some(fields.join("\t"))
}

/// The entries, if the text is a cache for `fingerprint`; `None` on anything unexpected.
pub(super) fn parse(text: &str, fingerprint: u64) -> Option<HashMap<String, Entry>> {
    let mut lines = split_bytes(text, b'\n').filter(|line| !line.is_empty());
    let header = lines.next()?.strip_prefix(HEADER)?.trim();
    if header.parse::<u64>().ok()? != fingerprint {
        return None;
    }
    // 20,000 entries: parsed on every core (a pre-commit run waits for them).
    use rayon::prelude::*;
    let lines: Vec<&str> = lines.collect();
    lines.par_iter().map(|line| parse_entry(line)).collect()
}

fn parse_entry(line: &str) -> Option<(String, Entry)> {
    let mut fields = split_bytes(line, b'\t');
    let mut next = || fields.next();
    let text = |s: &str| (s != "-").then(|| s.to_owned());
    let anchor = |s: &str| -> Option<Anchor> {
        let [start, end, line, column, end_line, end_column] = parse_numbers(s)?;
        Some(Anchor {
            range: start..end,
            start: crate::source::Position { line, column },
            end: crate::source::Position {
                line: end_line,
                column: end_column,
            },
        })
    };
    let site_path = next()?.to_owned();
    let stamp = Stamp {
        size: next()?.parse().ok()?,
        modified_ns: next()?.parse().ok()?,
    };
    let kind = parse_kind(next()?)?;
    let source_path = text(next()?);
    let group = text(next()?);
    let url = text(next()?);
    let output_path = text(next()?);
    let written = next()? == "1";
    let permalink = match next()? {
        "-" => None,
        value => Some(anchor(value)?),
    };
    let head = anchor(next()?)?;
    let field_keys = FieldKeys::from_written(next()?);
    let extras = match next()? {
        "-" => None,
        json => Some(Box::new(serde_json::from_str::<Extras>(json).ok()?)),
    };
    let links = Kept::from_json(next()?);
    let ids = Kept::from_json(next()?);
    let doc = IndexedDoc {
        path: "".into(),
        file: PathBuf::new(),
        source_path,
        reported: false,
        kind,
        group,
        url,
        output_path,
        written,
        permalink,
        head,
        field_keys,
        extras,
        links,
        ids,
    };
    let entry = Entry { stamp, doc };
    Some((site_path, entry))
}

/// `text` split at every `separator` (an ASCII byte), found with memchr: the cache files are
/// megabytes of short lines and fields, where `str::split`'s searcher costs more.
pub(super) fn split_bytes(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(separator, text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        let part = &text[start..end];
        start = end + 1;
        part
    })
}

/// Exactly `N` space-separated decimal numbers (what `format_entry` writes for an anchor).
/// A byte loop: 20,000 entries hold 40,000 anchors.
fn parse_numbers<const N: usize>(text: &str) -> Option<[usize; N]> {
    let mut numbers = [0usize; N];
    let mut index = 0;
    let mut digits = 0;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' if digits < 19 => {
                numbers[index] = numbers[index] * 10 + usize::from(byte - b'0');
                digits += 1;
            }
            b' ' if digits > 0 && index + 1 < N => {
                index += 1;
                digits = 0;
            }
            _ => return None,
        }
    }
    (digits > 0 && index + 1 == N).then_some(numbers)
}

/// A kind as written by `format_entry` (JSON); the common kinds without a JSON parse.
fn parse_kind(text: &str) -> Option<DocKind> {
    Some(match text {
        "\"Post\"" => DocKind::Post,
        "\"Page\"" => DocKind::Page,
        _ => serde_json::from_str(text).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Position;
    use foldhash::HashMapExt;

    fn anchor(start: usize, end: usize) -> Anchor {
        Anchor {
            range: start..end,
            start: Position { line: 2, column: 3 },
            end: Position { line: 2, column: 9 },
        }
    }

    fn sample(url: &str) -> Entry {
        let doc = IndexedDoc {
            path: "".into(),
            file: PathBuf::new(),
            source_path: Some("_about-us/team é.md".to_owned()),
            reported: false,
            kind: DocKind::Document {
                label: "about-us".to_owned(),
            },
            group: None,
            url: Some(url.to_owned()),
            output_path: Some("about/team.html".to_owned()),
            written: false,
            permalink: Some(anchor(10, 20)),
            head: anchor(0, 3),
            field_keys: FieldKeys::of(&["title".to_owned(), "permalink".to_owned()]),
            extras: Some(Box::new(Extras {
                redirects: vec![(
                    "/old page/".to_owned(),
                    "old page/index.html".to_owned(),
                    anchor(21, 33),
                )],
                plugin_placeholder: Some("number".to_owned()),
                redirect_stub: true,
                near_misses: Vec::new(),
            })),
            links: Kept::new(vec![crate::links::SiteLink {
                at: anchor(40, 45),
                written: "../a b/".to_owned(),
                kind: crate::links::LinkSource::Inline,
                element: "a".to_owned(),
                target: crate::links::LinkTarget::Site {
                    path: "/a b/".to_owned(),
                    fragment: Some("x".to_owned()),
                    own_host: false,
                    outside_base: false,
                    source: None,
                },
            }]),
            ids: Kept::new(Some(vec!["x".to_owned()])),
        };
        let stamp = Stamp {
            size: 42,
            modified_ns: 1_700_000_000_123_456_789,
        };
        Entry { stamp, doc }
    }

    #[test]
    fn entries_survive_the_file_format() {
        let mut entries = HashMap::new();
        entries.insert("a.md".to_owned(), sample("/about/team 1/"));
        let mut plain = sample("/b/");
        plain.doc.permalink = None;
        plain.doc.source_path = None;
        plain.doc.written = true;
        plain.doc.field_keys = FieldKeys::default();
        plain.doc.extras = None;
        plain.doc.links = Kept::default();
        plain.doc.ids = Kept::default();
        entries.insert("b.md".to_owned(), plain);
        let text = format_cache(7, &entries);
        assert_eq!(parse(&text, 7), Some(entries));
        // Another fingerprint: not ours.
        assert_eq!(parse(&text, 8), None);
    }

    #[test]
    fn anchors_numbers_parse_strictly() {
        assert_eq!(parse_numbers::<3>("0 12 345"), Some([0, 12, 345]));
        for bad in ["", "1 2", "1 2 3 4", "1  2 3", "1 2 3 ", "-1 2 3", "1 2 x"] {
            assert_eq!(parse_numbers::<3>(bad), None, "{bad:?}");
        }
        assert_eq!(parse_numbers::<1>("99999999999999999999"), None);
    }

    #[test]
    fn kinds_read_back_as_written() {
        let kinds = [
            DocKind::Post,
            DocKind::Page,
            DocKind::Draft,
            DocKind::Document {
                label: "news".to_owned(),
            },
        ];
        for kind in kinds {
            let written = serde_json::to_string(&kind).unwrap();
            assert_eq!(parse_kind(&written), Some(kind));
        }
    }

    #[test]
    fn strings_the_format_cannot_hold_are_left_out() {
        let mut entries = HashMap::new();
        entries.insert("tab.md".to_owned(), sample("/a\tb/"));
        entries.insert("dash.md".to_owned(), sample("-"));
        entries.insert("line\n.md".to_owned(), sample("/ok/"));
        let text = format_cache(1, &entries);
        assert_eq!(parse(&text, 1), Some(HashMap::new()), "{text}");
    }
}
