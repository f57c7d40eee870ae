//! FL513: a `{% link path %}` or `{% post_url name %}` that names no file of the site. Jekyll
//! stops the build on it ("Could not find document …"), so nothing is published until it is
//! fixed — Jekyll's own guard, found before the build.

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, place};
use crate::diagnostic::Finding;
use crate::links::LinkTarget;
use crate::links::resolve::Status;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BrokenLinkTag {}

impl Rule for BrokenLinkTag {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        each_link(cx, |doc, link, resolved| {
            let Status::TagFails { reason } = &resolved.status else {
                return;
            };
            let help = match &link.target {
                LinkTarget::PostUrl(_) => {
                    "name a post by its file name without the extension (`2024-01-31-title`, with its folder when it is in `folder/_posts/`)"
                }
                _ => {
                    "give the path of a source file from the site's folder (`_posts/2024-01-31-title.md`, `about.md`)"
                }
            };
            out.push(
                SiteFinding::new(
                    place(doc, link),
                    format!("Jekyll stops the build here: {reason}"),
                )
                .with_help(help),
            );
        });
    }
}
