//! Differential test against kramdown itself, through Jekyll's own Markdown converter with
//! Jekyll 4.3's default options (`input: GFM`, smart quotes, auto ids…). Hundreds of link +
//! IAL variants — valid and malformed, in every quote style, spacing, wrapper, link kind —
//! are rendered in one Ruby process; for each, the scanner's prediction must match the HTML:
//! which attributes end up on the `<a>`/`<img>`, and whether a `{` is printed as text.
//!
//! Skips with a message when `ruby` (or Jekyll) is missing, unless
//! `FRONTLINT_REQUIRE_ORACLE=1`.

mod support;

use frontlint::markdown::{Effect, Scan, scan};
use support::kramdown;

/// Links, each with the definitions it needs.
const LINKS: &[(&str, &str)] = &[
    ("[a](https://x.y)", ""),
    ("![a](i.png)", ""),
    ("[a](<https://x.y/a b>)", ""),
    ("[a](https://x.y \"T\")", ""),
    ("[a](https://x.y 'T')", ""),
    ("[a][r]", "\n\n[r]: https://ref.example"),
    ("[a][]", "\n\n[a]: https://ref.example"),
    ("[a]", "\n\n[a]: https://ref.example"),
    ("<https://x.y>", ""),
    ("<a href=\"https://x.y\">a</a>", ""),
    ("[*a*](https://x.y)", ""),
    ("[a [b] c](https://x.y)", ""),
    ("[a\\]b](https://x.y)", ""),
    ("[a](https://x.y/(p))", ""),
];

/// Attribute lists and look-alikes, as editors type them.
const IALS: &[&str] = &[
    "{:target=\"_blank\"}",
    "{:target='_blank'}",
    "{: target=\"_blank\" }",
    "{target=\"_blank\"}",
    "{ :target=\"_blank\"}",
    "{:target=_blank}",
    "{:target=_blank\"}",
    "{:target=\"_blank}",
    "{:target=”_blank”}",
    "{:target=“_blank”}",
    "{:target=‘_blank’}",
    "{:target=\"_blank\"rel=\"x\"}",
    "{:target=\"a}b\"}",
    "{:}",
    "{: }",
    "{:target = \"_blank\"}",
    "{::target=\"_blank\"}",
    "{:target=\"_blank\" .btn #top}",
    "{:.btn}",
    "{:target=\"blank\"}",
    "{:target=\"_blank\" rel='noopener'}",
    "{:target=\"_blank\" \\}",
    "{:target=\"a\\\"b\"}",
    "{:target=\"_blank\" junk}",
    "{:target=\"_blank\"}{:rel=\"x\"}",
    "{:class=\"c\" .d}",
];

fn variants() -> Vec<String> {
    let mut out = Vec::new();
    for ial in IALS {
        for (link, defs) in LINKS {
            out.push(format!("Text {link}{ial} more.{defs}"));
        }
        out.push(format!("[a](https://x.y) {ial}"));
        out.push(format!("[a](https://x.y)\n{ial}"));
        out.push(format!("**[a](https://x.y)**{ial}"));
        out.push(format!("**[a](https://x.y){ial}**"));
        out.push(format!("*[a](https://x.y)*{ial}"));
        out.push(format!("~~[a](https://x.y)~~{ial}"));
        out.push(format!("`[a](https://x.y){ial}`"));
        out.push(format!("- item [a](https://x.y){ial}"));
        out.push(format!(
            "| [a](https://x.y){ial} | b |\n|---|---|\n| c | d |"
        ));
        out.push(format!("\"quoted\"{ial} [a](https://x.y)"));
        out.push(format!("{ial}\n[a](https://x.y)"));
        out.push(format!("[r]: https://ref.example\n{ial}\n\nSee [a][r]."));
    }
    out
}

/// The attributes kramdown put on the first `<a>` or `<img>`, except those the link itself
/// sets, and whether a `{` shows as text outside `<code>`.
fn observe(html: &str) -> (Option<Vec<(String, String)>>, bool) {
    let without_code = strip_code(html);
    let literal = without_code.contains('{');
    let tag_start = ["<a ", "<img "]
        .iter()
        .filter_map(|t| without_code.find(t))
        .min();
    let attrs = tag_start.map(|start| {
        let end = without_code[start..]
            .find('>')
            .map_or(without_code.len(), |e| start + e);
        parse_attrs(&without_code[start..end])
    });
    (attrs, literal)
}

fn strip_code(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<code") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</code>")
            .map_or("", |e| &rest[start + e + 7..]);
    }
    out.push_str(rest);
    out
}

fn parse_attrs(tag: &str) -> Vec<(String, String)> {
    let mut attrs = kramdown::attributes(tag);
    attrs.retain(|(k, _)| !["href", "src", "alt", "title"].contains(&k.as_str()));
    attrs.sort();
    attrs
}

/// What the scanner predicts for the same observations.
fn predict(scan: &Scan) -> (Option<Vec<(String, String)>>, bool) {
    let literal = scan.ials.iter().any(|i| i.effect() == Effect::Literal);
    let attrs = scan.links.first().map(|link| {
        let mut attrs: Vec<(String, String)> = link
            .html_attrs
            .iter()
            .map(|a| {
                (
                    a.name.value.clone(),
                    a.value.as_ref().map_or(String::new(), |v| v.value.clone()),
                )
            })
            .collect();
        let def_ials = link
            .ref_def
            .map(|d| scan.ref_defs[d].ials.clone())
            .unwrap_or_default();
        for index in def_ials.iter().chain(&link.ials) {
            for (k, v) in scan.ials[*index].attributes() {
                match attrs.iter_mut().find(|(name, _)| *name == k) {
                    Some(slot) if k == "class" => {
                        slot.1 = format!("{} {v}", slot.1).trim_start().to_string()
                    }
                    Some(slot) => slot.1 = v,
                    None => attrs.push((k, v)),
                }
            }
        }
        attrs.retain(|(k, _)| !["href", "src", "alt", "title"].contains(&k.as_str()));
        attrs.sort();
        attrs
    });
    (attrs, literal)
}

#[test]
fn scanner_agrees_with_kramdown_on_ial_variants() {
    let docs = variants();
    assert!(docs.len() >= 200, "only {} variants", docs.len());
    let Some(htmls) = kramdown::render(&docs) else {
        support::skip(
            "kramdown oracle",
            "ruby or Jekyll is not installed, or could not render the variants",
        );
        return;
    };
    let (mut attr_ok, mut literal_ok, mut failures) = (0, 0, Vec::new());
    for (doc, html) in docs.iter().zip(&htmls) {
        let (seen_attrs, seen_literal) = observe(html);
        let (predicted_attrs, predicted_literal) = predict(&scan(doc, 0));
        attr_ok += usize::from(seen_attrs == predicted_attrs);
        literal_ok += usize::from(seen_literal == predicted_literal);
        if seen_attrs != predicted_attrs || seen_literal != predicted_literal {
            failures.push(format!(
                "{doc:?}\n  kramdown: attrs={seen_attrs:?} literal={seen_literal}\n  scanner:  attrs={predicted_attrs:?} literal={predicted_literal}\n  html: {html:?}"
            ));
        }
    }
    eprintln!(
        "kramdown oracle: {} variants; attributes agree {attr_ok}, literal braces agree {literal_ok}",
        docs.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
