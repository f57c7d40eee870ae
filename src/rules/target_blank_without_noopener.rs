//! FL509: a link that opens a new tab (`target="_blank"`) without `rel="noopener"` (or
//! `noreferrer`). Browsers since 2021 imply `noopener` for `_blank`, so this is a policy
//! some sites keep (security reviews, older browsers), not a defect: off in every preset.

use serde::{Deserialize, Serialize};

use super::link_support::{
    Destination, HostPattern, Origin, anchors, attributes, destination, effective, is_site_host,
    rendered,
};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::markdown::{Follows, Link, LinkKind, Scan};
use crate::rule::{Context, Rule};

#[derive(Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TargetBlankWithoutNoopener {
    /// Only links to other sites: pages of the site itself are trusted.
    pub external_only: bool,
    /// The site's own hosts, for `external-only`.
    pub site_hosts: Vec<HostPattern>,
    /// The `rel` values that count; the fix adds the first.
    pub accept: Vec<String>,
}

impl Default for TargetBlankWithoutNoopener {
    fn default() -> Self {
        TargetBlankWithoutNoopener {
            external_only: true,
            site_hosts: Vec::new(),
            accept: vec!["noopener".to_owned(), "noreferrer".to_owned()],
        }
    }
}

impl Rule for TargetBlankWithoutNoopener {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        let scan = rendered(cx);
        for link in anchors(scan) {
            let attrs = attributes(scan, link);
            let Some(target) = effective(&attrs, "target") else {
                continue;
            };
            if !target.value.eq_ignore_ascii_case("_blank") {
                continue;
            }
            if self.external_only {
                let external = match link
                    .url
                    .as_ref()
                    .map(|u| destination(&u.value, link.url_has_liquid))
                {
                    Some(Destination::Web { host }) => !is_site_host(cx, &self.site_hosts, &host),
                    _ => false,
                };
                if !external {
                    continue;
                }
            }
            let rel = effective(&attrs, "rel");
            let accepted = rel.is_some_and(|rel| {
                rel.value
                    .split_ascii_whitespace()
                    .any(|token| self.accept.iter().any(|a| a.eq_ignore_ascii_case(token)))
            });
            if accepted {
                continue;
            }
            let Some(wanted) = self.accept.first() else {
                continue;
            };
            let mut finding = Finding::new(
                target.value_span.clone(),
                format!("`target=\"_blank\"` without `rel=\"{wanted}\"`: the new tab can reach back to this page through `window.opener` in older browsers"),
            )
            .with_help(format!("add `rel=\"{wanted}\"`"));
            if let Some(edits) = add_rel(
                scan,
                link,
                rel.map(|r| (r.value_span.clone(), r.origin)),
                wanted,
                text,
                target.origin,
            ) {
                // Modern browsers already behave this way: the fix changes nothing they show.
                finding = finding.with_fix(Fix::safe(format!("add `rel=\"{wanted}\"`"), edits));
            }
            out.push(finding);
        }
    }
}

/// Edits that add `wanted` to the link's `rel`: to the existing value, or as a new entry next
/// to the `target`.
fn add_rel(
    scan: &Scan,
    link: &Link,
    rel: Option<(std::ops::Range<usize>, Origin)>,
    wanted: &str,
    text: &str,
    target_origin: Origin,
) -> Option<Vec<Edit>> {
    if let Some((span, origin)) = rel {
        let editable = match origin {
            Origin::Html => true,
            Origin::Ial(i) => scan.ials[i].follows == Follows::Link,
        };
        return editable.then(|| vec![Edit::new(span.end..span.end, format!(" {wanted}"))]);
    }
    match target_origin {
        Origin::Html if link.kind == LinkKind::HtmlAnchor => {
            let tag_end = link.text.start.checked_sub(1)?;
            (text.as_bytes().get(tag_end) == Some(&b'>'))
                .then(|| vec![Edit::new(tag_end..tag_end, format!(" rel=\"{wanted}\""))])
        }
        Origin::Ial(i) if scan.ials[i].follows == Follows::Link => {
            let close = scan.ials[i].span.end.checked_sub(1)?;
            (text.as_bytes().get(close) == Some(&b'}'))
                .then(|| vec![Edit::new(close..close, format!(" rel=\"{wanted}\""))])
        }
        _ => None,
    }
}
