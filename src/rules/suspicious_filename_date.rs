//! FL302: a post filename date that Jekyll accepts but reads differently from what the
//! author meant (`14-03-19-…` is 2014, `022-11-09-…` is the year 22, `2022-02-30` is 2
//! March), or that stops the build (`2022-13-01`).
//!
//! The unsafe fix renames the file to the date meant, when that is beyond doubt: the front
//! matter `date` (else a date in the permalink) is one of the ways to read the name
//! (`14-03-19` with `date: 2019-03-14`), or, without either, a two-digit year whose reading
//! Jekyll already publishes (`14-03-19` -> `2014-03-19`).

use serde::{Deserialize, Serialize};

use jiff::civil::Date;

use super::date_rewrite::front_matter_day;
use super::fix_preview::Preview;
use super::jekyll_support::{field, head, in_words, permalink};
use super::permalink_date_mismatch::date_in_url;
use super::post_rename::{calendar_date, with_date};
use crate::diagnostic::{Finding, Fix};
use crate::jekyll::filename::{DatedFilename, basename, match_dated_filename};
use crate::jekyll::suspicious::{Suspicion, filename_year, suspicious_date};
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
        let suspicions = suspicious_date(&name);
        if suspicions.is_empty() {
            return;
        }
        // Previewing the fix re-runs the Jekyll model: only for posts that need one.
        let mut fix = rename_fix(cx, file, &name);
        for suspicion in suspicions {
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
            let finding = Finding::new(head(cx), message).with_help(help);
            // One rename, on the first finding: the others go with it.
            out.push(match fix.take() {
                Some(fix) => finding.with_fix(fix),
                None => finding,
            });
        }
    }
}

/// Rename the file to the date it was meant to carry, checked on the model.
fn rename_fix(cx: &Context<'_>, file: &str, name: &DatedFilename<'_>) -> Option<Fix> {
    let suspicions: Vec<Suspicion> = suspicious_date(name)
        .into_iter()
        .filter(|s| *s != Suspicion::UnpaddedField)
        .collect();
    // What else says which date is meant: the front matter `date`, else a date in the
    // permalink (often typed right when the file was named wrong).
    let evidence = match front_matter_day(cx) {
        Some(date) => Some(date.datetime.date()),
        None => permalink(cx)
            .and_then(|(_, text)| date_in_url(&text))
            .and_then(|(_, (y, m, d))| calendar_date(y, m, d)),
    };
    let meant = match evidence {
        Some(evidence) => readings(name).into_iter().find(|d| *d == evidence)?,
        None => match suspicions.as_slice() {
            [Suspicion::TwoDigitYear { read_as, .. }] => {
                calendar_date(*read_as, name.month.parse().ok()?, name.day.parse().ok()?)?
            }
            _ => return None,
        },
    };
    let new_name = with_date(file, name.date.len(), meant)?;
    let preview = Preview::of(cx, &[], Some(&new_name))?;
    let still_suspicious = match_dated_filename(&new_name).is_none_or(|renamed| {
        suspicious_date(&renamed)
            .iter()
            .any(|s| *s != Suspicion::UnpaddedField)
    });
    if still_suspicious || preview.facts().built().is_none() {
        return None;
    }
    let title = match evidence {
        Some(_) => format!("rename the file to `{new_name}`"),
        None => format!(
            "rename the file to `{new_name}` (the year Jekyll reads: check it is the one meant)"
        ),
    };
    Some(Fix::rename(title, new_name))
}

/// The dates a suspicious file name date may have been meant as: as Jekyll reads it (a
/// two-digit year completed, a day past the month's end rolled over); written day first
/// with a two-digit year (`14-03-19`, 14 March 2019); a three-digit year missing its leading
/// `2` (`022`); month and day swapped (`2022-13-01`).
fn readings(name: &DatedFilename<'_>) -> Vec<Date> {
    let number = |text: &str| text.parse::<i64>().ok();
    let (Some(year), Some(month), Some(day)) =
        (number(name.year), number(name.month), number(name.day))
    else {
        return Vec::new();
    };
    let read_year = filename_year(name.year);
    let mut found = vec![calendar_date(read_year, month, day)];
    if let Some(Suspicion::DayPastMonthEnd {
        read_as: (y, m, d), ..
    }) = suspicious_date(name)
        .into_iter()
        .find(|s| matches!(s, Suspicion::DayPastMonthEnd { .. }))
    {
        found.push(calendar_date(y, m, d));
    }
    if name.year.len() == 2 && name.day.len() == 2 {
        found.push(calendar_date(filename_year(name.day), month, year));
    }
    if name.year.len() == 3 && name.year.starts_with('0') {
        found.push(calendar_date(2000 + year, month, day));
    }
    found.push(calendar_date(read_year, day, month));
    found.into_iter().flatten().collect()
}
