//! FL406: two or more files that Jekyll writes to the same output file (the same URL, or
//! `/a` and `/a.html`). Jekyll gives no warning: the file written last wins and the other
//! pages silently disappear from the site.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateUrl {}

impl Rule for DuplicateUrl {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        for group in cx.shared_keys(|doc| doc.output_path.as_deref()) {
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
