//! FL406: two or more files that Jekyll writes to the same output file (the same URL, or
//! `/a` and `/a.html`). Jekyll gives no warning: the file written last wins and the other
//! pages silently disappear from the site.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{IndexedDoc, SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateUrl {}

impl Rule for DuplicateUrl {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let mut by_output: HashMap<&str, Vec<&IndexedDoc>> = HashMap::new();
        for doc in cx.docs.iter().filter(|d| d.written) {
            if let Some(output) = doc.output_path.as_deref() {
                by_output.entry(output).or_default().push(doc);
            }
        }
        let mut groups: Vec<Vec<&IndexedDoc>> =
            by_output.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_by(|a, b| a[0].path.cmp(&b[0].path));
        for group in groups {
            for doc in &group {
                let url = doc.url.as_deref().unwrap_or("");
                let others = group.len() - 1;
                let message = if others == 1 {
                    format!(
                        "another file is also published at `{url}`: Jekyll writes one over the other, and one page is lost"
                    )
                } else {
                    format!(
                        "{others} other files are also published at `{url}`: Jekyll writes them over each other, and only one page survives"
                    )
                };
                let mut finding = SiteFinding::new(doc.url_place(), message)
                    .with_help("give each file its own permalink");
                for other in group.iter().filter(|o| o.path != doc.path) {
                    let url = other.url.as_deref().unwrap_or("");
                    finding = finding
                        .with_related(other.url_place(), format!("also published at `{url}`"));
                }
                out.push(finding);
            }
        }
    }
}
