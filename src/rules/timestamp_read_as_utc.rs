//! FL308: a YAML timestamp written without an offset (`date: 2022-07-04 10:00:00`). YAML
//! reads it as UTC, so on a site in another time zone the post's time — and possibly its
//! day and URL — is not what was written. A quoted date without offset is read in the site's
//! zone instead.

use serde::{Deserialize, Serialize};

use super::jekyll_support::{day_and_time, field, value_or_key, zone_name};
use crate::diagnostic::Finding;
use crate::jekyll::date::FrontMatterDate;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TimestampReadAsUtc {}

impl Rule for TimestampReadAsUtc {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(FrontMatterDate::Timestamp {
            offset_seconds: None,
            ..
        }) = &cx.facts.front_matter.fields.date
        else {
            return;
        };
        let Some(entry) = field(cx, "date") else {
            return;
        };
        let Some(date) = cx.facts.built().and_then(|b| b.date.as_ref()) else {
            return;
        };
        // Nothing moves when the site's zone is UTC at that moment.
        if date.datetime.offset().seconds() == 0 {
            return;
        }
        let written = &cx.post.source.text[entry.value.span.clone()];
        let offset = date.datetime.strftime("%:z").to_string();
        out.push(
            Finding::new(
                value_or_key(entry),
                format!(
                    "`{written}` has no offset, so YAML reads it as UTC: the post is dated {} in {}",
                    day_and_time(date),
                    zone_name(cx)
                ),
            )
            .with_help(format!(
                "write the offset (`{written} {offset}`), or quote the value to mean the site's time"
            )),
        );
    }
}
