//! Random Markdown-ish input never makes the scanner panic or hang, and every span it
//! reports lies inside the input, on char boundaries.

use frontlint::markdown::{Scan, scan};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    "=",
    "\"",
    "'",
    "”",
    "“",
    "\\",
    "<",
    ">",
    "!",
    "*",
    "_",
    "~",
    "$",
    "%",
    "\n",
    " ",
    "a",
    "é",
    "🦀",
    "{:",
    "](",
    "```",
    "~~~",
    "{{",
    "}}",
    "{%",
    "%}",
    "<a href=\"",
    "</a>",
    "<div>",
    "</div>",
    "    ",
    "\t",
    "* ",
    "1. ",
    "> ",
    "|",
    "# ",
    "---",
    "`",
    "&amp;",
    "http://x",
    "target=\"_blank\"",
    "\r\n",
    "[^1]",
    "$$",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

fn assert_spans(text: &str, offset: usize, scan: &Scan) {
    let check = |r: &std::ops::Range<usize>| {
        assert!(
            r.start >= offset && r.start <= r.end && r.end <= offset + text.len(),
            "span {r:?} outside {offset}..{}",
            offset + text.len()
        );
        assert!(
            text.is_char_boundary(r.start - offset) && text.is_char_boundary(r.end - offset),
            "span {r:?} off a char boundary"
        );
    };
    for link in &scan.links {
        check(&link.span);
        check(&link.text);
        for s in [&link.url, &link.title, &link.ref_id].into_iter().flatten() {
            check(&s.span);
        }
        for attr in &link.html_attrs {
            check(&attr.name.span);
            attr.value.iter().for_each(|v| check(&v.span));
        }
        for &i in &link.ials {
            assert!(i < scan.ials.len());
        }
    }
    for ial in &scan.ials {
        check(&ial.span);
        check(&ial.content);
        ial.problems.iter().for_each(|p| check(&p.span));
        ial.entries.iter().for_each(|e| check(&e.span));
        if let Some(l) = ial.link {
            assert!(l < scan.links.len());
        }
    }
    for def in &scan.ref_defs {
        check(&def.span);
        check(&def.url.span);
    }
    for b in &scan.broken {
        check(&b.span);
    }
    for s in &scan.skipped {
        check(&s.span);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_input_scans_cleanly(text in markdownish(), offset in 0usize..5) {
        let result = scan(&text, offset);
        assert_spans(&text, offset, &result);
    }

    #[test]
    fn ial_parser_never_panics(text in markdownish()) {
        let input = format!("{{:{text}");
        if let Some(ial) = frontlint::markdown::parse_ial(&input) {
            prop_assert!(ial.span.end <= input.len());
            let _ = ial.attributes();
        }
        let _ = frontlint::markdown::parse_attribute_list(&text);
    }
}
