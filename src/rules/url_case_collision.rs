//! FL407: URLs that differ only in letter case (`/News/a/` and `/news/a/`). On a
//! case-insensitive file system (macOS and Windows checkouts, many hosts and CDNs) they are
//! the same file, so one page overwrites the other; elsewhere they are two pages that look
//! like one.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::non_portable_filename::folded;
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{IndexedDoc, SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UrlCaseCollision {}

impl Rule for UrlCaseCollision {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let groups = cx.shared_keys(folded_output).into_iter().filter(|g| {
            let first = g[0].output_path.as_deref();
            g.iter().any(|d| d.output_path.as_deref() != first)
        });
        for group in groups {
            for doc in &group {
                let url = doc.url.as_deref().unwrap_or("");
                // Same-case twins are `duplicate-url`'s business.
                let others: Vec<&&IndexedDoc> = group
                    .iter()
                    .filter(|o| o.output_path != doc.output_path)
                    .collect();
                let Some(first) = others.first() else {
                    continue;
                };
                let other_url = first.url.as_deref().unwrap_or("");
                let mut finding = SiteFinding::new(
                    doc.url_place(),
                    format!(
                        "`{url}` and `{other_url}` differ only in letter case: on case-insensitive systems one overwrites the other"
                    ),
                )
                .with_help("use lower-case URLs");
                for other in others {
                    let url = other.url.as_deref().unwrap_or("");
                    finding =
                        finding.with_related(other.url_place(), format!("published at `{url}`"));
                }
                out.push(finding);
            }
        }
    }
}

/// The output path in lower case (copied only when it has letters to fold).
fn folded_output(doc: &IndexedDoc) -> Option<Cow<'_, str>> {
    doc.output_path.as_deref().map(folded)
}
