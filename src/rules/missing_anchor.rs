//! FL511: a link to `#fragment` that no element of the target page has: kramdown's header
//! IDs, `{#id}` and attribute-list IDs, HTML `id` and `<a name>`, footnotes. The page opens,
//! at its top, instead of at the section meant.

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, place, shown_target};
use crate::diagnostic::Finding;
use crate::links::LinkTarget;
use crate::links::resolve::{Anchor, Status};
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MissingAnchor {}

impl Rule for MissingAnchor {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let graph = cx.links();
        each_link(cx, |doc, link, resolved| {
            if resolved.anchor != Some(Anchor::Missing) {
                return;
            }
            let (Some(fragment), Status::Ok { writer, .. }) =
                (&resolved.fragment, &resolved.status)
            else {
                return;
            };
            let same_page = matches!(link.target, LinkTarget::Fragment(_));
            let message = if same_page {
                format!(
                    "this page has no element with the ID `{fragment}`: the link does not move the reader anywhere"
                )
            } else {
                format!(
                    "`{}` has no element with the ID `{fragment}`: the link opens the page at its top, not at the part meant",
                    shown_target(link).split('#').next().unwrap_or_default()
                )
            };
            let target_source = graph
                .published
                .source_of(*writer)
                .map(|s| format!(" in `{s}`"))
                .unwrap_or_default();
            out.push(SiteFinding::new(place(doc, link), message).with_help(format!(
                "link to an ID the page has{target_source} (a header's, `{{#id}}`, or an HTML `id`), or give the element that ID"
            )));
        });
    }
}
