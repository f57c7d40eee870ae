//! FL303: the front matter `date` and the date in the file name fall on different days.
//! Jekyll uses the front matter date (in the site's time zone) for the post's date and URL;
//! the file name's date is ignored — so one of them is wrong.

use serde::{Deserialize, Serialize};

use super::jekyll_support::{day, day_and_time, field, value_or_key, zone_name};
use crate::diagnostic::Finding;
use crate::jekyll::date::{EffectiveDate, filename_date};
use crate::jekyll::filename::match_dated_filename;
use crate::jekyll::post::DateSource;
use crate::jekyll::ruby_date::date_parse;
use crate::rule::{Context, Rule};
use crate::site::ZoneSetting;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateMismatch {}

impl Rule for DateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(built) = cx.facts.built() else {
            return;
        };
        let (Some(date), Some(DateSource::FrontMatter)) = (&built.date, built.date_source) else {
            return;
        };
        let Some(entry) = field(cx, "date") else {
            return;
        };
        let Some(path) = cx.facts.source_path.as_deref() else {
            return;
        };
        let Some(name) = match_dated_filename(path) else {
            return;
        };
        let EffectiveDate::Valid(from_name) = filename_date(name.date, &cx.site.date_context())
        else {
            return;
        };
        let (used, named) = (day(date), day(&from_name));
        if used == named {
            return;
        }
        let written = cx.post.source.text[entry.value.span.clone()].trim_matches(['"', '\'']);
        let written_day = date_parse(written)
            .ok()
            .and_then(|h| Some(format!("{:04}-{:02}-{:02}", h.year?, h.mon?, h.mday?)));
        let finding = if written_day.as_deref() == Some(named.as_str()) {
            let (message, help) = match cx.site.zone {
                ZoneSetting::Unset => (
                    format!(
                        "without a `timezone` in _config.yml the post's day depends on the build machine: in UTC, `{written}` is {} — dated {used}, not {named} as its file name says",
                        day_and_time(date)
                    ),
                    "set the site's `timezone` in _config.yml and write times with that zone's offset, or rename the file".to_owned(),
                ),
                ZoneSetting::Set { .. } => (
                    format!(
                        "`{written}` is {} in {}: the post is dated {used}, not {named} as its file name says",
                        day_and_time(date),
                        zone_name(cx)
                    ),
                    format!(
                        "write the time in {} (with its offset, `{}`), or rename the file",
                        zone_name(cx),
                        date.datetime.strftime("%:z")
                    ),
                ),
            };
            Finding::new(value_or_key(entry), message).with_help(help)
        } else {
            Finding::new(
                value_or_key(entry),
                format!(
                    "the front matter date {used} and the file name date {named} disagree; Jekyll uses {used}"
                ),
            )
            .with_help("make the `date` and the date in the file name the same day")
        };
        out.push(finding);
    }
}
