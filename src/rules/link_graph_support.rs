//! What the rules of the link graph share: going over every reported file's resolved links
//! (each place once: a link definition used by three links is one place), where a link is
//! written, and the edit that points a link at another URL.

use std::collections::HashSet;

use crate::diagnostic::{Edit, Fix};
use crate::links::resolve::Resolved;
use crate::links::suggest::Suggestion;
use crate::links::{LinkSource, LinkTarget, SiteLink};
use crate::site::index::{IndexedDoc, Place, SiteContext};

/// Calls `f` with every resolved link of the files the run reports on, once per place. A
/// destination `invalid-link-url` reports (no `https://`, typographic quotes, nothing at all)
/// is its business alone.
pub fn each_link<'c>(
    cx: &'c SiteContext<'_>,
    mut f: impl FnMut(&'c IndexedDoc, &'c SiteLink, &'c Resolved),
) {
    let graph = cx.links();
    for (index, links, resolved) in &graph.files {
        let doc = &cx.docs[*index];
        let mut seen = HashSet::new();
        for (link, resolved) in links.iter().zip(resolved) {
            let markdown_or_anchor = matches!(
                link.kind,
                LinkSource::Inline | LinkSource::Reference | LinkSource::Image
            ) || (link.kind == LinkSource::Html && link.element == "a");
            if markdown_or_anchor
                && super::invalid_link_url::reports(&link.written, link.kind == LinkSource::Image)
            {
                continue;
            }
            if seen.insert(link.at.range.clone()) {
                f(doc, link, resolved);
            }
        }
    }
}

/// Where the link's destination is written.
pub fn place(doc: &IndexedDoc, link: &SiteLink) -> Place {
    Place {
        path: doc.path.clone(),
        anchor: link.at.clone(),
    }
}

/// How the site path a link leads to is shown: decoded, site-absolute.
pub fn shown_target(link: &SiteLink) -> String {
    match &link.target {
        LinkTarget::Site { path, .. } => path.clone(),
        _ => link.written.clone(),
    }
}

/// A safe fix that makes the link lead to `suggestion`, keeping its `#fragment` and, for a
/// full URL to the site's own host, its scheme and host. None for a destination Liquid
/// computes (only its printed part could change) or a suggestion that is not certain.
pub fn fix_to(link: &SiteLink, suggestion: &Suggestion) -> Option<Fix> {
    if !suggestion.clear || link.written.contains("{{") || link.written.contains("{%") {
        return None;
    }
    let written = link.written.trim();
    let fragment = match &link.target {
        LinkTarget::Site {
            fragment: Some(fragment),
            ..
        } => written
            .rfind('#')
            .map(|at| &written[at..])
            .filter(|f| f.len() > 1)
            .map(str::to_owned)
            .or_else(|| Some(format!("#{fragment}"))),
        _ => None,
    };
    let own_host = matches!(link.target, LinkTarget::Site { own_host: true, .. });
    let origin = match own_host {
        true => {
            let scheme_end = written.find("//")? + 2;
            let host_end = written[scheme_end..]
                .find('/')
                .map_or(written.len(), |i| scheme_end + i);
            &written[..host_end]
        }
        false => "",
    };
    let replacement = format!("{origin}{}{}", suggestion.url, fragment.unwrap_or_default());
    Some(Fix::safe(
        format!("link to `{}`", suggestion.url),
        vec![Edit::new(link.at.range.clone(), replacement)],
    ))
}
