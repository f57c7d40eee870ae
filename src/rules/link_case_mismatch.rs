//! FL515: a link that works only because the host ignores letter case (`host: case-sensitive:
//! false`): `/files/form-10.docx` for `Form-10.docx`. Moving the site to a host that tells
//! case apart (GitHub Pages, Netlify, most servers) breaks it.

use serde::{Deserialize, Serialize};

use super::link_graph_support::{each_link, fix_to, place, shown_target};
use crate::diagnostic::Finding;
use crate::links::resolve::Status;
use crate::links::suggest::{Suggestion, url_of};
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LinkCaseMismatch {}

impl Rule for LinkCaseMismatch {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let graph = cx.links();
        each_link(cx, |doc, link, resolved| {
            let Status::CaseOnly { output, writer } = &resolved.status else {
                return;
            };
            let url = url_of(output, *writer, cx.site, &graph.published);
            let suggestion = Suggestion {
                url: url.clone(),
                source: None,
                clear: true,
            };
            let mut finding = SiteFinding::new(
                place(doc, link),
                format!(
                    "`{}` is published as `{url}`: the link works only because this host ignores letter case, and breaks on one that does not",
                    shown_target(link)
                ),
            )
            .with_help(format!("write `{url}`"));
            if let Some(fix) = fix_to(link, &suggestion) {
                finding = finding.with_fix(fix);
            }
            out.push(finding);
        });
    }
}
