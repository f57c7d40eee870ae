//! FL302: a post filename date that Jekyll accepts but reads differently from what the
//! author meant (`14-03-19-…` is 2014, `022-11-09-…` is the year 22, `2022-02-30` is 2
//! March), or that stops the build (`2022-13-01`).

use serde::{Deserialize, Serialize};

use super::jekyll_support::{field, head, in_words};
use crate::diagnostic::Finding;
use crate::jekyll::filename::{basename, match_dated_filename};
use crate::jekyll::suspicious::{Suspicion, suspicious_date};
use crate::rule::{Context, Rule};
use crate::site::DocKind;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SuspiciousFilenameDate {}

impl Rule for SuspiciousFilenameDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.facts.kind != DocKind::Post {
            return;
        }
        let Some(path) = cx.facts.source_path.as_deref() else {
            return;
        };
        let Some(name) = match_dated_filename(path) else {
            return;
        };
        let file = basename(path);
        let dated_by_front_matter =
            field(cx, "date").is_some() || cx.facts.default_keys.iter().any(|k| k == "date");
        let unused = if dated_by_front_matter {
            " (the front matter `date` decides the post's date, but the name misleads)"
        } else {
            ""
        };
        for suspicion in suspicious_date(&name) {
            let (message, help) = match suspicion {
                Suspicion::TwoDigitYear { written, read_as } => (
                    format!("the year `{written}` in `{file}` is read as {read_as}{unused}"),
                    format!(
                        "write the four-digit year: `{read_as}-{}-{}-…`; if `{}` was meant as a date written backwards, put the year first",
                        name.month, name.day, name.date
                    ),
                ),
                Suspicion::ThreeDigitYear { written, read_as } => (
                    format!(
                        "the year `{written}` in `{file}` is read as the year {read_as}, not 2{written}{unused}"
                    ),
                    "write the four-digit year".to_owned(),
                ),
                Suspicion::MonthOutOfRange { month } => (
                    if dated_by_front_matter {
                        format!("month {month} in `{file}` does not exist{unused}")
                    } else {
                        format!(
                            "month {month} in `{file}` does not exist: Jekyll stops the build with an invalid date error"
                        )
                    },
                    "the file name date is YYYY-MM-DD: year, month (01-12), day".to_owned(),
                ),
                Suspicion::DayOutOfRange { day } => (
                    if dated_by_front_matter {
                        format!("day {day} in `{file}` does not exist{unused}")
                    } else {
                        format!(
                            "day {day} in `{file}` does not exist: Jekyll stops the build with an invalid date error"
                        )
                    },
                    "the file name date is YYYY-MM-DD: year, month, day (01-31)".to_owned(),
                ),
                Suspicion::DayPastMonthEnd {
                    day,
                    days_in_month,
                    read_as: (y, m, d),
                } => (
                    format!(
                        "day {day} is past the end of the month ({days_in_month} days): Jekyll silently reads `{}` as {}{unused}",
                        name.date,
                        in_words(y, m, d)
                    ),
                    "correct the date in the file name".to_owned(),
                ),
                Suspicion::UnpaddedField => continue,
            };
            out.push(Finding::new(head(cx), message).with_help(help));
        }
    }
}
