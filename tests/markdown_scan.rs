//! The scanner on each construct, with exact spans. Expected behaviour is kramdown's
//! (checked against Ruby in `kramdown_ial_oracle.rs`).

use frontlint::markdown::{
    BlockKind, BrokenKind, Effect, ElementKind, EntryKind, Follows, IalProblemKind, LinkKind,
    SkippedKind, parse_attribute_list, parse_ial, scan,
};
use std::ops::Range;

/// The byte range of the first `needle` in `src`.
fn at(src: &str, needle: &str) -> Range<usize> {
    let start = src
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {src:?}"));
    start..start + needle.len()
}

fn problems(src: &str) -> Vec<IalProblemKind> {
    scan(src, 0)
        .ials
        .iter()
        .flat_map(|i| i.problems.iter().map(|p| p.kind.clone()))
        .collect()
}

#[test]
fn inline_link_with_ial() {
    let src = "See [the site](https://www.gov.uk/x \"Title\"){:target=\"_blank\"} now.";
    let s = scan(src, 0);
    assert_eq!(s.links.len(), 1);
    let link = &s.links[0];
    assert_eq!(link.kind, LinkKind::Inline);
    assert_eq!(
        link.span,
        at(src, "[the site](https://www.gov.uk/x \"Title\")")
    );
    assert_eq!(link.text, at(src, "the site"));
    let url = link.url.as_ref().unwrap();
    assert_eq!(
        (url.value.as_str(), url.span.clone()),
        ("https://www.gov.uk/x", at(src, "https://www.gov.uk/x"))
    );
    assert_eq!(link.title.as_ref().unwrap().span, at(src, "Title"));
    assert_eq!(link.ials, vec![0]);
    let ial = &s.ials[0];
    assert_eq!(ial.span, at(src, "{:target=\"_blank\"}"));
    assert_eq!(ial.content, at(src, "target=\"_blank\""));
    assert_eq!(
        (ial.follows, ial.link, ial.effect()),
        (Follows::Link, Some(0), Effect::AppliedToLink)
    );
    let EntryKind::KeyValue { key, value, quote } = &ial.entries[0].kind else {
        panic!()
    };
    assert_eq!(
        (key.span.clone(), value.span.clone(), *quote),
        (at(src, "target"), at(src, "_blank"), '"')
    );
    assert_eq!(
        ial.attributes(),
        vec![("target".to_string(), "_blank".to_string())]
    );
}

#[test]
fn offset_is_added_to_every_span() {
    let s = scan("[a](u){:x=\"y\"}", 100);
    assert_eq!(s.links[0].span, 100..106);
    assert_eq!(s.ials[0].span, 106..114);
}

#[test]
fn malformed_ials_are_named() {
    let cases: &[(&str, IalProblemKind, Effect)] = &[
        (
            "[a](u){:target=_blank}",
            IalProblemKind::UnquotedValue,
            Effect::Dropped,
        ),
        (
            "[a](u){:target=_blank\"}",
            IalProblemKind::HalfQuoted,
            Effect::Dropped,
        ),
        (
            "[a](u){:target=\"_blank}",
            IalProblemKind::HalfQuoted,
            Effect::Dropped,
        ),
        (
            "[a](u){:target=”_blank”}",
            IalProblemKind::CurlyQuotes,
            Effect::Dropped,
        ),
        (
            "[a](u){:target=\"_blank\"rel=\"x\"}",
            IalProblemKind::GluedEntries,
            Effect::AppliedToLink,
        ),
        (
            "[a](u){:target=\"a}b\"}",
            IalProblemKind::BraceInValue,
            Effect::Dropped,
        ),
        ("[a](u){:}", IalProblemKind::Empty, Effect::Literal),
        ("[a](u){: }", IalProblemKind::Empty, Effect::Dropped),
        (
            "[a](u){target=\"_blank\"}",
            IalProblemKind::MissingColon,
            Effect::Literal,
        ),
        (
            "[a](u){ :target=\"_blank\"}",
            IalProblemKind::SpaceBeforeColon,
            Effect::Literal,
        ),
        (
            "[a](u){:target = \"_blank\"}",
            IalProblemKind::SpaceAroundEquals,
            Effect::Dropped,
        ),
        (
            "[a](u){:target=\"x\" target=\"y\"}",
            IalProblemKind::DuplicateKey("target".into()),
            Effect::AppliedToLink,
        ),
        (
            "[a](u){:_blank}",
            IalProblemKind::UnknownReference("_blank".into()),
            Effect::Dropped,
        ),
    ];
    for (src, kind, effect) in cases {
        let s = scan(src, 0);
        assert_eq!(s.ials.len(), 1, "{src}");
        assert!(
            s.ials[0].problems.iter().any(|p| p.kind == *kind),
            "{src}: {:?}",
            s.ials[0].problems
        );
        assert_eq!(s.ials[0].effect(), *effect, "{src}");
    }
}

#[test]
fn problem_spans_point_at_the_entry() {
    let src = "[a](u){:rel=\"x\" target=”_blank”}";
    let s = scan(src, 0);
    let p = &s.ials[0].problems[0];
    assert_eq!(
        (p.kind.clone(), p.span.clone()),
        (IalProblemKind::CurlyQuotes, at(src, "target=”_blank”"))
    );
    assert_eq!(
        s.ials[0].attributes(),
        vec![("rel".to_string(), "x".to_string())]
    );
}

#[test]
fn where_an_ial_lands() {
    let s = scan("[a](u) {:target=\"_blank\"}", 0);
    assert_eq!(
        (s.ials[0].follows, s.ials[0].link, s.ials[0].effect()),
        (Follows::Text, Some(0), Effect::Literal)
    );
    let s = scan("text {:target=\"_blank\"}", 0);
    assert_eq!((s.ials[0].follows, s.ials[0].link), (Follows::Text, None));
    let s = scan("**[a](u)**{:target=\"_blank\"}", 0);
    assert_eq!(
        (s.ials[0].follows, s.ials[0].link),
        (Follows::Element(ElementKind::Strong), Some(0))
    );
    assert_eq!(s.links[0].enclosing, Some(ElementKind::Strong));
    assert!(s.links[0].ials.is_empty());
    let s = scan("**[a](u){:target=\"_blank\"}**", 0);
    assert_eq!(s.ials[0].follows, Follows::Link);
    let s = scan("\"quoted\"{:target=\"_blank\"}", 0);
    assert_eq!(s.ials[0].follows, Follows::Element(ElementKind::SmartQuote));
    let s = scan("[a](u)`c`{:x=\"y\"}", 0);
    assert_eq!(s.ials[0].follows, Follows::Element(ElementKind::CodeSpan));
    let s = scan("[a](u)\n{:target=\"_blank\"}", 0);
    assert_eq!(
        s.ials[0].follows,
        Follows::Block {
            target: BlockKind::Paragraph,
            next: false
        }
    );
    assert_eq!(
        (s.ials[0].link, s.ials[0].effect()),
        (Some(0), Effect::AppliedToBlock)
    );
    let s = scan("* [a](u)\n{:start=\"3\"}", 0);
    assert_eq!(
        s.ials[0].follows,
        Follows::Block {
            target: BlockKind::List,
            next: false
        }
    );
}

#[test]
fn images_and_reference_links() {
    let src = "![alt](pic.png){:width=\"10\"} [t][r] [r][] [r]\n\n[r]: https://ref.example \"T\"\n{:target=\"_blank\"}";
    let s = scan(src, 0);
    let kinds: Vec<(LinkKind, bool)> = s.links.iter().map(|l| (l.kind, l.image)).collect();
    assert_eq!(
        kinds,
        vec![
            (LinkKind::Inline, true),
            (LinkKind::Reference, false),
            (LinkKind::Collapsed, false),
            (LinkKind::Shortcut, false)
        ]
    );
    assert_eq!(s.ials[0].effect(), Effect::AppliedToLink);
    let def = &s.ref_defs[0];
    assert_eq!(
        (
            def.url.span.clone(),
            def.title.as_ref().unwrap().span.clone()
        ),
        (
            at(src, "https://ref.example"),
            at(src, "T\"\n").start..at(src, "T\"\n").start + 1
        )
    );
    assert_eq!(def.ials.len(), 1);
    assert_eq!(s.links[1].ref_def, Some(0));
    assert_eq!(s.links[1].ref_id.as_ref().unwrap().value, "r");
    assert_eq!(
        s.links[1].url.as_ref().unwrap().span,
        at(src, "https://ref.example")
    );
}

#[test]
fn link_syntax_details() {
    let src = "[a [b] c](u) [x\\]y](v) [n](<with space>) [m](p(q)) [multi\nline](w) [e]()";
    let s = scan(src, 0);
    let urls: Vec<&str> = s
        .links
        .iter()
        .map(|l| l.url.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(urls, vec!["u", "v", "with space", "p(q)", "w", ""]);
    assert_eq!(s.links[0].text, at(src, "a [b] c"));
    assert_eq!(s.links[4].text, at(src, "multi\nline"));
}

#[test]
fn emphasis_in_link_text_can_swallow_the_link() {
    // kramdown: `<p>[<em>a](u) b</em></p>`
    assert!(scan("[*a](u) b*", 0).links.is_empty());
    assert_eq!(scan("[*a*](u)", 0).links.len(), 1);
}

#[test]
fn code_math_comments_and_liquid_are_skipped() {
    let src = "```ruby\n[a](u){:x}\n```\n\n~~~~\n[b](u)\n~~~~\n\n    [c](u)\n\nText `` [d](u) `` <!-- [e](u) --> $$[f](u)$$\n\n{% raw %}\n[g](u)\n{% endraw %}\n\n{% highlight ruby %}\n[h](u)\n{% endhighlight %}\n\n<div>\n[i](u)\n</div>\n";
    let s = scan(src, 0);
    assert!(s.links.is_empty(), "{:?}", s.links);
    let kinds: Vec<SkippedKind> = s.skipped.iter().map(|k| k.kind).collect();
    assert!(
        kinds.contains(&SkippedKind::FencedCode)
            && kinds.contains(&SkippedKind::IndentedCode)
            && kinds.contains(&SkippedKind::Liquid)
    );
}

#[test]
fn unclosed_fence_and_fence_with_two_words_are_text_in_kramdown() {
    assert_eq!(scan("```\n[a](u)\n", 0).links.len(), 1);
    // "```ruby title" is no fence for kramdown: the whole thing becomes a code span.
    assert!(scan("```ruby title\n[a](u)\n```\n", 0).links.is_empty());
}

#[test]
fn liquid_in_urls() {
    let src = "[a]({{ site.baseurl }}/x){:target=\"_blank\"} {% if x %}[b](u){% endif %}";
    let s = scan(src, 0);
    assert_eq!(
        s.links[0].url.as_ref().unwrap().value,
        "{{ site.baseurl }}/x"
    );
    assert!(s.links[0].url_has_liquid && !s.links[1].url_has_liquid);
    assert_eq!(s.ials[0].effect(), Effect::AppliedToLink);
}

#[test]
fn html_anchors() {
    let src = "Go <a href=\"https://x.y\" target=\"_blank\">there</a>{:rel=\"x\"}.\n\n<p>raw <a href='/p'>p</a></p>\n";
    let s = scan(src, 0);
    assert_eq!(s.links.len(), 2);
    let a = &s.links[0];
    assert_eq!(
        (a.kind, a.span.clone(), a.text.clone()),
        (
            LinkKind::HtmlAnchor,
            at(src, "<a href=\"https://x.y\" target=\"_blank\">there</a>"),
            at(src, "there")
        )
    );
    let target = a
        .html_attrs
        .iter()
        .find(|h| h.name.value == "target")
        .unwrap();
    assert_eq!(target.value.as_ref().unwrap().span, at(src, "_blank"));
    assert_eq!(s.ials[0].follows, Follows::Link);
    assert_eq!(s.links[1].url.as_ref().unwrap().value, "/p");
}

#[test]
fn broken_links() {
    let case = |src: &str| {
        scan(src, 0)
            .broken
            .into_iter()
            .map(|b| (b.kind, b.span))
            .collect::<Vec<_>>()
    };
    let src = "[text] (https://x.y) after";
    assert_eq!(
        case(src),
        vec![(
            BrokenKind::SpaceBeforeUrl { gap: 6..7 },
            at(src, "[text] (https://x.y)")
        )]
    );
    let src = "[text](https://x.y] after";
    assert_eq!(
        case(src),
        vec![(
            BrokenKind::UrlClosedWithBracket { at: 18..19 },
            at(src, "[text](https://x.y]")
        )]
    );
    let src = "[text](https://x.y after";
    assert_eq!(
        case(src),
        vec![(BrokenKind::UnclosedUrl, at(src, "[text](https://x.y"))]
    );
    let src = "[[text](https://x.y)";
    assert_eq!(case(src), vec![(BrokenKind::UnmatchedOpenBracket, 0..1)]);
    let src = "[text]](https://x.y)";
    assert_eq!(
        case(src),
        vec![(
            BrokenKind::ExtraCloseBracket,
            at(src, "[text]](https://x.y)")
        )]
    );
    let src = "[text][nope]";
    assert_eq!(
        case(src),
        vec![(BrokenKind::UndefinedReference { id: "nope".into() }, 0..12)]
    );
    let src = "<a href=https://x.y>t</a>";
    assert_eq!(
        case(src),
        vec![(
            BrokenKind::MalformedHtmlAnchor,
            at(src, "<a href=https://x.y>")
        )]
    );
    // Prose is not a broken link.
    assert!(case("[sic] and [1] and [CDSA] (Cap 65A) and :-[ ([a](u))").is_empty());
}

#[test]
fn crlf_and_non_ascii() {
    let src = "Café 🦀 [é](ü){:title=\"ü\"}\r\n{:target=\"_blank\"}\r\n";
    let s = scan(src, 0);
    assert_eq!(s.links[0].span, at(src, "[é](ü)"));
    assert_eq!(s.ials.len(), 2);
    assert_eq!(
        s.ials[1].follows,
        Follows::Block {
            target: BlockKind::Paragraph,
            next: false
        }
    );
}

#[test]
fn standalone_ial_api() {
    let ial = parse_ial("{:target=\"_blank\" .btn #x} rest").unwrap();
    assert_eq!(ial.span, 0..26);
    assert_eq!(
        ial.attributes(),
        vec![
            ("target".into(), "_blank".into()),
            ("class".into(), "btn".into()),
            ("id".into(), "x".into())
        ]
    );
    assert!(
        parse_ial("{target=\"_blank\"}")
            .unwrap()
            .problems
            .iter()
            .any(|p| p.kind == IalProblemKind::MissingColon)
    );
    assert!(parse_ial("no brace").is_none());
    let (entries, problems) = parse_attribute_list("#a.b.c d='e' =f");
    assert_eq!(entries.len(), 4);
    assert_eq!(
        problems.iter().map(|p| p.kind.clone()).collect::<Vec<_>>(),
        vec![IalProblemKind::SpaceAroundEquals]
    );
}

#[test]
fn typo_keys_are_exposed_for_rules() {
    assert!(problems("[a](u){:taget=\"_blank\"}").is_empty());
    let s = scan("[a](u){:taget=\"_blank\"}", 0);
    assert_eq!(s.ials[0].get("taget").as_deref(), Some("_blank"));
}
