//! FL512: a link whose destination is empty or `#` alone: a placeholder from a template or a
//! CMS. It ships as a link that leads nowhere (a click jumps to the top of the page or reloads
//! it).

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, place};
use crate::diagnostic::Finding;
use crate::links::resolve::Status;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmptyLink {}

impl Rule for EmptyLink {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        each_link(cx, |doc, link, resolved| {
            if resolved.status != Status::Empty || link.element != "a" {
                return;
            }
            let what = match link.written.trim() {
                "" => "an empty destination".to_owned(),
                written => format!("`{written}`"),
            };
            out.push(
                SiteFinding::new(
                    place(doc, link),
                    format!("this link leads to {what}: a placeholder that goes nowhere on the published page"),
                )
                .with_help("write the page or file it is meant to open, or remove the link"),
            );
        });
    }
}
