//! FL305: a front matter `date` that Jekyll cannot read (the build stops) or reads as a
//! different date than the one written: `2022-02-30` becomes 2 March, `04/07/2022` is 4 July,
//! an unknown zone such as `+8` or `SGT` is ignored, a date without a year takes the build's.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::jekyll_support::{day, day_and_time, field, in_words, value_or_key, zone_name};
use crate::diagnostic::Finding;
use crate::jekyll::date::{EffectiveDate, front_matter_date};
use crate::jekyll::ruby_date::date_parse;
use crate::jekyll::ruby_time::ZoneUse;
use crate::rule::{Context, Rule};

/// `04/07/2022`, `4.7.22`: day and month in an order only the writer knows.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\t\n\x0B\x0C\r ]*([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2,4})(?-u:\b)")
        .expect("regex")
});
/// An offset written at the end (`-0800`, `+08:00`, `Z`), which Ruby may not get to.
static TRAILING_OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\t\n\x0B\x0C\r ]([+-][0-9]{1,2}(?::?[0-9]{2})?|Z|UTC|GMT)[\t\n\x0B\x0C\r ]*$")
        .expect("regex")
});

const HELP: &str = "write the date as YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS +08:00 with a time";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InvalidDate {}

impl Rule for InvalidDate {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(entry) = field(cx, "date") else {
            return;
        };
        let Some(value) = &cx.facts.front_matter.fields.date else {
            return;
        };
        // Pages do not parse `date`; only documents (posts, drafts, collections) do.
        if !cx.facts.kind.is_collection_member() {
            return;
        }
        let written = cx.post.source.text[entry.value.span.clone()].trim_matches(['"', '\'']);
        let range = value_or_key(entry);
        let date = match front_matter_date(value, &cx.site.date_context()) {
            EffectiveDate::Valid(date) => date,
            EffectiveDate::Invalid { message } => {
                let message = if written.trim().is_empty() {
                    "`date` has no value: Jekyll cannot parse an empty date and stops the build"
                        .to_owned()
                } else {
                    format!(
                        "Jekyll cannot read `{written}` as a date and stops the build ({message})"
                    )
                };
                out.push(Finding::new(range, message).with_help(HELP));
                return;
            }
            EffectiveDate::Unsupported { .. } => return,
        };
        let fields = date_parse(written).ok();
        let mut problems = Vec::new();
        if let Some(h) = &fields
            && let (Some(y), Some(m), Some(d)) = (h.year, h.mon, h.mday)
            && (1..=12).contains(&m)
            && d > days_in_month(y, m)
        {
            problems.push(format!(
                "{} has only {} days: Jekyll silently reads `{written}` as {}",
                month_name(m),
                days_in_month(y, m),
                day(&date)
            ));
        }
        if let Some(caps) = NUMERIC_DATE.captures(written) {
            let first: i64 = caps[1].parse().unwrap_or(0);
            let second: i64 = caps[2].parse().unwrap_or(0);
            if first != second && first <= 12 && second <= 12 {
                let d = &date.datetime;
                problems.push(format!(
                    "`{written}` can be read two ways; Jekyll reads it as {}",
                    in_words(d.year().into(), d.month().into(), d.day().into())
                ));
            }
        }
        if date.zone.is_none()
            && let Some(caps) = TRAILING_OFFSET.captures(written)
        {
            problems.push(format!(
                "Jekyll never reads the zone `{}` (the text before it stops Ruby's date parser): the time is read in {} ({})",
                &caps[1],
                zone_name(cx),
                day_and_time(&date)
            ));
        }
        if let Some(ZoneUse::Ignored { zone }) = &date.zone {
            problems.push(format!(
                "Jekyll does not understand the zone `{zone}` and ignores it: the time is read in {} ({})",
                zone_name(cx),
                day_and_time(&date)
            ));
        }
        if date.filled_from_build_time {
            problems.push(format!(
                "`{written}` has no year: Jekyll takes the missing parts from the build's clock ({} for this run)",
                day(&date)
            ));
        }
        for message in problems {
            out.push(Finding::new(range.clone(), message).with_help(HELP));
        }
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: i64) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(month - 1)
        .ok()
        .and_then(|m| NAMES.get(m))
        .copied()
        .unwrap_or("that month")
}
