//! FL514: a full URL to the site's own host (`https://www.mlaw.gov.sg/x`) at a path the site
//! does not publish. It may be served by another application of the same host — so this is a
//! warning, below `broken-internal-link` — and otherwise it leads to a "not found" page.

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, fix_to, place, shown_target};
use crate::diagnostic::Finding;
use crate::links::LinkTarget;
use crate::links::resolve::Status;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnpublishedSiteUrl {}

impl Rule for UnpublishedSiteUrl {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let graph = cx.links();
        each_link(cx, |doc, link, resolved| {
            let Status::Broken { case_twins, .. } = &resolved.status else {
                return;
            };
            let LinkTarget::Site {
                path,
                own_host: true,
                ..
            } = &link.target
            else {
                return;
            };
            let mut finding = SiteFinding::new(
                place(doc, link),
                format!(
                    "this site publishes nothing at `{}`: unless another application of its host serves that path, the link leads to a \"not found\" page",
                    shown_target(link)
                ),
            );
            let suggestion = graph
                .suggester
                .suggest(path, case_twins, cx.site, &graph.published);
            let help = match &suggestion {
                Some(s) => format!(
                    "did you mean `{}`? If another application serves `{path}`, declare its path in .frontlint.yml: `host: {{other-apps: [\"{path}\"]}}`",
                    s.url
                ),
                None => format!(
                    "if another application of the host serves `{path}`, declare it in .frontlint.yml: `host: {{other-apps: [\"{path}\"]}}`"
                ),
            };
            finding = finding.with_help(help);
            if let Some(fix) = suggestion.as_ref().and_then(|s| fix_to(link, s)) {
                finding = finding.with_fix(fix);
            }
            out.push(finding);
        });
    }
}
