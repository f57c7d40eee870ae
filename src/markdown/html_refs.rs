//! What an HTML tag in a body adds to the page besides `<a href>` links: the URLs it loads or
//! embeds (`<img src>`, `srcset`, `<source>`, `<iframe>`…) and the IDs a `#fragment` can
//! point to (`id` on any element, `name` on `<a>`, as browsers honour both).

use super::model::{AnchorId, HtmlAttr, HtmlResource, IdSource, Spanned};

/// Element → the attributes of it that hold a URL the page loads or embeds.
const RESOURCE_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("img", &["src", "srcset"]),
    ("source", &["src", "srcset"]),
    ("iframe", &["src"]),
    ("video", &["src", "poster"]),
    ("audio", &["src"]),
    ("track", &["src"]),
    ("embed", &["src"]),
    ("object", &["data"]),
    ("script", &["src"]),
    ("link", &["href"]),
];

/// Record the resources and IDs of one tag; `false` when an ID is computed by Liquid.
/// `liquid[i]` tells whether `attrs[i]`'s value holds Liquid (its URL or ID is only known after
/// Jekyll renders the page).
pub fn record(
    element: &str,
    attrs: &[HtmlAttr],
    liquid: &[bool],
    resources: &mut Vec<HtmlResource>,
    ids: &mut Vec<AnchorId>,
) -> bool {
    let mut ids_known = true;
    for (index, attr) in attrs.iter().enumerate() {
        let has_liquid = liquid.get(index).copied().unwrap_or(false);
        let Some(value) = &attr.value else { continue };
        let name = attr.name.value.as_str();
        if name == "id" || (name == "name" && element == "a") {
            if has_liquid {
                ids_known = false;
            } else if !value.value.is_empty() {
                ids.push(AnchorId {
                    id: value.value.clone(),
                    span: value.span.clone(),
                    source: IdSource::Html,
                });
            }
            continue;
        }
        let loads = RESOURCE_ATTRIBUTES
            .iter()
            .find(|(e, _)| *e == element)
            .is_some_and(|(_, names)| names.contains(&name));
        if !loads {
            continue;
        }
        let urls = if name == "srcset" {
            srcset_urls(value)
        } else {
            vec![trimmed(value)]
        };
        for url in urls.into_iter().filter(|u| !u.value.is_empty()) {
            resources.push(HtmlResource {
                element: element.to_owned(),
                attribute: name.to_owned(),
                url,
                has_liquid,
            });
        }
    }
    ids_known
}

/// The value without the whitespace browsers strip from URL attributes.
fn trimmed(value: &Spanned<String>) -> Spanned<String> {
    let text = value.value.as_str();
    let start = text.len() - text.trim_start().len();
    let inner = text.trim();
    Spanned {
        value: inner.to_owned(),
        span: value.span.start + start..value.span.start + start + inner.len(),
    }
}

/// The URLs of a `srcset` (`a.jpg 1x, b.jpg 2x`, `c.jpg 480w`): each candidate's first
/// whitespace-separated word. (A URL holding a comma must be percent-encoded in a srcset.)
fn srcset_urls(value: &Spanned<String>) -> Vec<Spanned<String>> {
    let text = value.value.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for candidate in text.split(',') {
        let lead = candidate.len() - candidate.trim_start().len();
        let url = candidate.split_whitespace().next().unwrap_or("");
        if !url.is_empty() {
            let start = value.span.start + at + lead;
            out.push(Spanned {
                value: url.to_owned(),
                span: start..start + url.len(),
            });
        }
        at += candidate.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(name: &str, value: &str, at: usize) -> HtmlAttr {
        HtmlAttr {
            name: Spanned {
                value: name.to_owned(),
                span: 0..name.len(),
            },
            value: Some(Spanned {
                value: value.to_owned(),
                span: at..at + value.len(),
            }),
            quote: Some('"'),
        }
    }

    #[test]
    fn srcset_candidates_and_ids_are_recorded_with_their_spans() {
        let attrs = [
            attr("srcset", "a.jpg 1x, /b c.jpg 2x", 10),
            attr("id", "top", 40),
            attr("src", " /x.png ", 50),
        ];
        let (mut resources, mut ids) = (Vec::new(), Vec::new());
        assert!(record("img", &attrs, &[], &mut resources, &mut ids));
        let urls: Vec<(&str, usize)> = resources
            .iter()
            .map(|r| (r.url.value.as_str(), r.url.span.start))
            .collect();
        assert_eq!(urls, [("a.jpg", 10), ("/b", 20), ("/x.png", 51)]);
        assert_eq!(ids[0].id, "top");
        // `name` is an ID on `<a>` only; an `id` with Liquid makes the page's IDs unknown.
        let mut ids = Vec::new();
        assert!(record(
            "div",
            &[attr("name", "n", 0)],
            &[],
            &mut resources,
            &mut ids
        ));
        assert!(ids.is_empty());
        let liquid = [true];
        assert!(!record(
            "div",
            &[attr("id", "{{ x }}", 0)],
            &liquid,
            &mut resources,
            &mut ids
        ));
    }
}
