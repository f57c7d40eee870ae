//! FL508: a link that opens where the site's policy says it should not: an external link
//! without `target="_blank"` (Isomer sites open other sites in a new tab), or a link within
//! the site that opens a new tab. Off in the `jekyll` preset; on in the `isomer` preset.
//!
//! "External" is an `http(s)://` (or `//`) URL whose host is not one of `site-hosts`; a path
//! (`/about/`, `report.pdf`, `#top`) or Liquid that yields a site URL (`{{ site.baseurl }}`,
//! `{% link %}`) is internal. `mailto:` and other schemes are neither.

use serde::{Deserialize, Serialize};

use super::link_support::{
    Attribute, Destination, HostPattern, Origin, attributes, destination, effective, is_site_host,
    rendered,
};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::markdown::{Follows, Link, LinkKind, Scan};
use crate::rule::{Context, Rule};

#[derive(Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkTargetMismatch {
    /// Links to other sites.
    pub external: TargetPolicy,
    /// Links to pages of this site.
    pub internal: TargetPolicy,
    /// Links to files of this site (`/files/report.pdf`): anything but a web page.
    pub documents: TargetPolicy,
    /// The site's own hosts (`www.mlaw.gov.sg`, `*.mlaw.gov.sg`): absolute URLs to them are
    /// internal.
    pub site_hosts: Vec<HostPattern>,
    /// Apply the policy to HTML `<a>` tags too.
    pub html_anchors: bool,
}

/// Whether links of a kind must, must not, or may open in a new tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetPolicy {
    Require,
    Forbid,
    Any,
}

impl Default for LinkTargetMismatch {
    fn default() -> Self {
        LinkTargetMismatch {
            external: TargetPolicy::Require,
            internal: TargetPolicy::Forbid,
            documents: TargetPolicy::Any,
            site_hosts: Vec::new(),
            html_anchors: true,
        }
    }
}

impl Rule for LinkTargetMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        let scan = rendered(cx);
        for (index, link) in scan.links.iter().enumerate() {
            if link.image || (link.kind == LinkKind::HtmlAnchor && !self.html_anchors) {
                continue;
            }
            // An attribute list that misses the link, or that kramdown cannot read, is
            // `detached-ial`'s or `malformed-ial`'s finding; fixing it gives the link its
            // target.
            if has_broken_ial(scan, index) {
                continue;
            }
            let Some(url) = &link.url else { continue };
            let (policy, kind) = match destination(&url.value, link.url_has_liquid) {
                Destination::Web { host } if is_site_host(cx, &self.site_hosts, &host) => {
                    (self.internal, "link within the site")
                }
                Destination::Web { .. } => (self.external, "link to another site"),
                Destination::Site { document: true } => (self.documents, "link to a file"),
                Destination::Site { document: false } => (self.internal, "link within the site"),
                Destination::OtherScheme | Destination::Unknown => continue,
            };
            let attrs = attributes(scan, link);
            let target = effective(&attrs, "target");
            let new_tab = target.is_some_and(|t| opens_elsewhere(t.value));
            match policy {
                TargetPolicy::Require if !new_tab => out.push(
                    Finding::new(
                        link.span.clone(),
                        format!("this {kind} opens in the same tab; the site's policy is to open it in a new one (`target=\"_blank\"`)"),
                    )
                    .with_help(add_help(link))
                    .with_fix(Fix::unsafe_(
                        "open it in a new tab",
                        add_target(scan, link, text),
                    )),
                ),
                TargetPolicy::Forbid if new_tab => {
                    let target = target.expect("new_tab implies a target");
                    let mut finding = Finding::new(
                        link.span.clone(),
                        format!("this {kind} opens in a new tab (`target=\"{}\"`); the site's policy is to open it in the same tab", target.value),
                    )
                    .with_help("remove the `target`");
                    if let Some(edits) = remove_target(scan, target, text) {
                        finding = finding.with_fix(Fix::unsafe_("open it in the same tab", edits));
                    }
                    out.push(finding);
                }
                _ => {}
            }
        }
    }
}

/// A target other than the current tab: `_blank`, or a window name.
fn opens_elsewhere(target: &str) -> bool {
    let t = target.trim();
    !t.is_empty()
        && !["_self", "_parent", "_top"]
            .iter()
            .any(|k| t.eq_ignore_ascii_case(k))
}

fn has_broken_ial(scan: &Scan, link: usize) -> bool {
    scan.ials.iter().any(|ial| {
        ial.link == Some(link)
            && (ial.follows != Follows::Link || !ial.recognized || !ial.problems.is_empty())
    })
}

fn add_help(link: &Link) -> &'static str {
    if link.kind == LinkKind::HtmlAnchor {
        "add `target=\"_blank\"` to the `<a>` tag"
    } else {
        "add `{:target=\"_blank\"}` right after the link"
    }
}

/// Edits that give `link` `target="_blank"`: an attribute in the `<a>` tag, an entry in the
/// attribute list right after the link, or a new list.
fn add_target(scan: &Scan, link: &Link, text: &str) -> Vec<Edit> {
    if link.kind == LinkKind::HtmlAnchor {
        let tag_end = link.text.start.saturating_sub(1);
        let at = if text[..tag_end].ends_with('/') {
            tag_end - 1
        } else {
            tag_end
        };
        return vec![Edit::new(at..at, " target=\"_blank\"")];
    }
    match link.ials.last().map(|&i| &scan.ials[i]) {
        Some(ial) if text[..ial.span.end].ends_with('}') => {
            let close = ial.span.end - 1;
            vec![Edit::new(close..close, " target=\"_blank\"")]
        }
        _ => {
            let end = link
                .ials
                .last()
                .map_or(link.span.end, |&i| scan.ials[i].span.end);
            vec![Edit::new(end..end, "{:target=\"_blank\"}")]
        }
    }
}

/// Edits that take `target` away: the whole list when it is its only entry, else the entry.
/// `None` for a target set under a link definition (it applies to every link using it).
fn remove_target(scan: &Scan, target: &Attribute<'_>, text: &str) -> Option<Vec<Edit>> {
    let name = target.name_span.clone()?;
    let quoted = text[target.value_span.end..].starts_with(['"', '\'']);
    let entry_end = target.value_span.end + usize::from(quoted);
    let entry_start = text[..name.start].trim_end_matches([' ', '\t']).len();
    match target.origin {
        Origin::Html => Some(vec![Edit::new(entry_start..entry_end, "")]),
        Origin::Ial(index) => {
            let ial = &scan.ials[index];
            if !matches!(ial.follows, Follows::Link) {
                return None;
            }
            if ial.entries.len() == 1 {
                Some(vec![Edit::new(ial.span.clone(), "")])
            } else {
                Some(vec![Edit::new(
                    entry_start.max(ial.content.start)..entry_end,
                    "",
                )])
            }
        }
    }
}
