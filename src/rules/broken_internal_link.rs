//! FL510: a link to a path of this site where nothing is published — a page that was renamed,
//! moved or never written, a file name in the wrong letter case, `/cos2021/` for a page
//! Jekyll writes as `cos2021.html`. The visitor gets the host's "not found" page. Says which
//! published URL the link most likely meant, and fixes it when that is beyond doubt.

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, fix_to, place, shown_target};
use crate::diagnostic::Finding;
use crate::links::LinkTarget;
use crate::links::resolve::Status;
use crate::links::suggest::url_of;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BrokenInternalLink {}

impl Rule for BrokenInternalLink {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let graph = cx.links();
        let host = cx.site.host.kind.name();
        each_link(cx, |doc, link, resolved| {
            let Status::Broken {
                case_twins,
                outside_base,
            } = &resolved.status
            else {
                return;
            };
            let LinkTarget::Site { path, own_host, .. } = &link.target else {
                return;
            };
            // A full URL to the site's own host that leads nowhere is `unpublished-site-url`'s.
            if *own_host {
                return;
            }
            let target = shown_target(link);
            let message = if *outside_base {
                format!(
                    "`{target}` is outside this site, which is served under `{}`: the link leads to another part of the host, where nothing of this site is",
                    cx.site.config.baseurl
                )
            } else if let Some(twin) = case_twins
                .first()
                .and_then(|t| Some((t, graph.published.writer(t)?)))
                .map(|(t, w)| url_of(t, w, cx.site, &graph.published))
            {
                format!(
                    "nothing is published at `{target}`, only at `{twin}`: {host} tells letter case apart, so the link leads to a \"not found\" page"
                )
            } else {
                format!(
                    "nothing is published at `{target}`: the link leads to a \"not found\" page"
                )
            };
            let lookup = match outside_base {
                true => format!("/{}", path.trim_start_matches('/')),
                false => path.clone(),
            };
            let suggestion =
                graph
                    .suggester
                    .suggest(&lookup, case_twins, cx.site, &graph.published);
            let mut finding = SiteFinding::new(place(doc, link), message);
            match &suggestion {
                Some(s) => {
                    let from = s
                        .source
                        .as_deref()
                        .map(|source| format!(" (`{source}`)"))
                        .unwrap_or_default();
                    finding = finding.with_help(format!("did you mean `{}`{from}?", s.url));
                    if let Some(fix) = fix_to(link, s) {
                        finding = finding.with_fix(fix);
                    }
                }
                None => {
                    finding = finding
                        .with_help("link to a page or file the site publishes, or remove the link");
                }
            }
            out.push(finding);
        });
    }
}
