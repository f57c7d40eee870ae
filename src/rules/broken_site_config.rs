//! FL905: a `_config.yml` (or another configuration file of the site) that Jekyll cannot use: YAML it cannot parse (the build stops), a
//! file that is not a mapping (ignored, with a warning, in favour of the defaults), or a
//! setting of the wrong type (`exclude: vendor` instead of a list).

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BrokenSiteConfig {}

impl Rule for BrokenSiteConfig {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        for problem in &cx.site.problems {
            let Some(place) = cx.config_place(problem.file, problem.range.clone()) else {
                continue;
            };
            let mut finding = SiteFinding::new(place, problem.message.clone());
            finding.help = problem.help.clone();
            out.push(finding);
        }
    }
}
