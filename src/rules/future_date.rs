//! FL306: a post dated after the build. Jekyll skips it (a warning in its log at most) unless
//! the site sets `future: true`: a scheduled post, or a typo in the year.

use serde::{Deserialize, Serialize};

use super::jekyll_support::{day_and_time, field, head, value_or_key, zone_name};
use crate::diagnostic::Finding;
use crate::jekyll::post::DateSource;
use crate::rule::{Context, Rule};
use crate::site::facts::NotWritten;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FutureDate {}

impl Rule for FutureDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(built) = cx.facts.built() else {
            return;
        };
        if built.not_written != Some(NotWritten::Future) {
            return;
        }
        let Some(date) = &built.date else {
            return;
        };
        let range = match (built.date_source, field(cx, "date")) {
            (Some(DateSource::FrontMatter), Some(entry)) => value_or_key(entry),
            _ => head(cx),
        };
        out.push(
            Finding::new(
                range,
                format!(
                    "dated {} ({}), after the build: Jekyll does not publish it until then",
                    day_and_time(date),
                    zone_name(cx)
                ),
            )
            .with_help(
                "check the year; to publish posts dated in the future, set `future: true` in _config.yml",
            ),
        );
    }
}
