//! The link and IAL scanner: never panics, and every span it reports (links, their text, URL,
//! title, reference id and HTML attributes; IALs, their entries and problems; link
//! definitions; broken links; skipped regions) lies inside the body on char boundaries, and
//! every index points into the lists it indexes.

#![no_main]

#[path = "common.rs"]
mod common;

use common::assert_span_within;
use frontlint::markdown::{parse_attribute_list, parse_ial, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte places the body in a file (after some front matter), as the rules do.
    let (offset, body) = match data.split_first() {
        Some((first, rest)) => (usize::from(*first % 8), common::text(rest)),
        None => (0, String::new()),
    };
    let file = format!("{}{body}", "-".repeat(offset));
    let whole = offset..file.len();
    let found = scan(&body, offset);
    let check = |span: &std::ops::Range<usize>, what: &str| {
        assert_span_within(&file, span, &whole, what);
    };
    for link in &found.links {
        check(&link.span, "link");
        check(&link.text, "link text");
        for part in [&link.url, &link.title, &link.ref_id].into_iter().flatten() {
            check(&part.span, "link part");
        }
        for attr in &link.html_attrs {
            check(&attr.name.span, "attribute name");
            if let Some(value) = &attr.value {
                check(&value.span, "attribute value");
            }
        }
        assert!(link.ials.iter().all(|&i| i < found.ials.len()));
        assert!(link.ref_def.is_none_or(|i| i < found.ref_defs.len()));
    }
    for ial in &found.ials {
        check(&ial.span, "ial");
        check(&ial.content, "ial content");
        ial.entries.iter().for_each(|e| check(&e.span, "ial entry"));
        ial.problems
            .iter()
            .for_each(|p| check(&p.span, "ial problem"));
        assert!(ial.link.is_none_or(|i| i < found.links.len()));
    }
    for def in &found.ref_defs {
        check(&def.span, "definition");
        check(&def.id.span, "definition id");
        check(&def.url.span, "definition url");
        if let Some(title) = &def.title {
            check(&title.span, "definition title");
        }
        assert!(def.ials.iter().all(|&i| i < found.ials.len()));
    }
    for broken in &found.broken {
        check(&broken.span, "broken link");
        if let Some(text) = &broken.text {
            check(text, "broken link text");
        }
    }
    for skipped in &found.skipped {
        check(&skipped.span, "skipped");
    }
    // The IAL parsers on their own.
    if let Some(ial) = parse_ial(&body) {
        assert!(ial.span.end <= body.len() && body.is_char_boundary(ial.span.end));
        let _ = ial.attributes();
    }
    let _ = parse_attribute_list(&body);
});
