//! Header IDs against kramdown itself (as Jekyll configures it: `input: GFM`, `auto_ids`):
//! every header of the corpora's pages, in order, must get the ID kramdown gives it — the
//! IDs `#fragment` links are checked against. Pages with Liquid in a header are left out
//! (only Jekyll knows that text).

mod support;

use frontlint::front_matter::{Split, split};
use frontlint::markdown::{IdOptions, header_ids, scan};

/// The IDs of the `<h1>`…`<h6>` tags in kramdown's HTML, in order.
fn html_header_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        let is_header = rest
            .as_bytes()
            .first()
            .is_some_and(|c| (b'1'..=b'6').contains(c))
            && rest
                .as_bytes()
                .get(1)
                .is_some_and(|c| *c == b' ' || *c == b'>');
        if !is_header {
            continue;
        }
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let id = support::kramdown::attributes(tag)
            .into_iter()
            .find(|(name, _)| name == "id")
            .map(|(_, value)| value)
            .unwrap_or_default();
        ids.push(id);
    }
    ids
}

#[test]
fn header_ids_agree_with_kramdown() {
    let Some(corpora) = support::corpora_or_skip("header_ids_agree_with_kramdown") else {
        return;
    };
    let mut bodies = Vec::new();
    for file in support::markdown_files(&corpora) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let body = match split(&text) {
            Split::Present(block) => text[block.body_start..].to_owned(),
            _ => text.clone(),
        };
        let headers = scan(&body, 0).headers;
        let has_header = !headers.is_empty();
        if has_header && headers.iter().all(|h| h.text.is_some()) && !body.contains("{%") {
            bodies.push((file, body));
        }
    }
    assert!(
        bodies.len() > 200,
        "too few pages with headers: {}",
        bodies.len()
    );
    let texts: Vec<&str> = bodies.iter().map(|(_, b)| b.as_str()).collect();
    let Some(html) = support::kramdown::render(&texts) else {
        support::skip(
            "header_ids_agree_with_kramdown",
            "Ruby with Jekyll's kramdown is missing",
        );
        return;
    };
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for ((file, body), html) in bodies.iter().zip(&html) {
        let ours: Vec<String> = header_ids(&scan(body, 0).headers, &IdOptions::default())
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        // Headers written in HTML (`<h2>…</h2>`) have no ID unless they set one; kramdown
        // passes them through, and their `id` is an HTML ID, not a header ID.
        let theirs: Vec<String> = html_header_ids(html)
            .into_iter()
            .filter(|id| !id.is_empty())
            .collect();
        compared += theirs.len();
        if ours != theirs {
            mismatches.push(format!(
                "{}:\n  ours   {ours:?}\n  kramdown {theirs:?}",
                file.display()
            ));
        }
    }
    eprintln!(
        "header ids: {} pages, {compared} headers, {} pages differ",
        bodies.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} pages differ from kramdown:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
