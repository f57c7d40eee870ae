//! Moving a front matter `date` to another day while keeping the way it is written: a date
//! stays a date, a timestamp keeps its time, its offset where that offset still puts it on the
//! intended day in the site's time zone, and its quotes. Each way of writing it is only a
//! candidate: the rule keeps the first one that Jekyll's model reads on the intended day.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::jekyll_support::field;
use crate::jekyll::date::{EffectiveDate, FrontMatterDate, PostDate, front_matter_date};
use crate::rule::Context;
use crate::site::{Site, ZoneSetting};

/// The date inside a written value (`2022-07-04`, `2022-7-4`).
static DATE_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})").expect("regex"));

/// What may follow the date: the time, then a zone (`Z`, `UTC`, `+08:00`, `-0500`).
static TIME_AND_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?(?:([ \t]*)(Z|UTC|GMT|[-+][0-9]{1,2}(:?)[0-9]{2}|[-+][0-9]{1,2}))?",
    )
    .expect("regex")
});

/// A date alone, as text (`"2022-07-04"`): Ruby reads it as local midnight in any zone.
static DATE_ONLY_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\t\n\x0B\x0C\r ]*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[\t\n\x0B\x0C\r ]*$")
        .expect("regex")
});

/// Does the day of this value depend on nothing but the site? Without a `timezone` in
/// _config.yml Jekyll uses the build machine's zone, so only a date without a time has a
/// day everyone agrees on.
pub fn day_is_certain(site: &Site, value: &FrontMatterDate) -> bool {
    match site.zone {
        ZoneSetting::Set { .. } => true,
        ZoneSetting::Unset => match value {
            FrontMatterDate::Date { .. } => true,
            FrontMatterDate::Timestamp { .. } => false,
            FrontMatterDate::Text(text) => DATE_ONLY_TEXT.is_match(text),
        },
    }
}

/// The date the file's own front matter `date` gives the post, when Jekyll accepts it and
/// its day does not depend on the build machine.
pub fn front_matter_day(cx: &Context<'_>) -> Option<PostDate> {
    field(cx, "date")?;
    let value = cx.facts.front_matter.fields.date.as_ref()?;
    if !day_is_certain(cx.site, value) {
        return None;
    }
    match front_matter_date(value, &cx.site.date_context()) {
        EffectiveDate::Valid(date) if !date.filled_from_build_time => Some(date),
        _ => None,
    }
}

/// New ways to write `written` (the value as it is in the file, quotes included) on `day`,
/// best first: the date part replaced; then also the offset, set to the site zone's; then,
/// for a value with no date part to replace (`4 July 2022`), the day in ISO form.
pub fn redated(written: &str, day: Date, site: &Site) -> Vec<String> {
    let day_text = day.strftime("%Y-%m-%d").to_string();
    let mut candidates = Vec::new();
    let Some(found) = DATE_PART.find(written) else {
        let (open, inner, close) = unquote(written);
        if !inner.trim().is_empty() {
            candidates.push(format!("{open}{day_text}{close}"));
        }
        return candidates;
    };
    let before = &written[..found.start()];
    let after = &written[found.end()..];
    candidates.push(format!("{before}{day_text}{after}"));
    if let (ZoneSetting::Set { .. }, Some(time)) = (&site.zone, TIME_AND_ZONE.captures(after)) {
        let number = |i: usize| {
            time.get(i)
                .map_or(Some(0), |m| m.as_str().parse::<i8>().ok())
        };
        let (Some(hour), Some(minute), Some(second)) = (number(1), number(2), number(3)) else {
            return candidates;
        };
        let Some(offset) = site_offset(site, day, hour, minute, second) else {
            return candidates;
        };
        let whole = time.get(0).expect("match");
        let (space, zone_text) = match (time.get(4), time.get(5)) {
            (Some(space), Some(zone)) => (space.as_str(), zone.as_str()),
            _ => (" ", ""),
        };
        // `+0800` stays without a colon; everything else becomes `+08:00`.
        let colon = !(zone_text.len() == 5 && time.get(6).is_some_and(|m| m.is_empty()));
        let zone = format_offset(offset, colon);
        let time_end = time
            .get(3)
            .or_else(|| time.get(2))
            .map_or(whole.end(), |m| {
                // Keep a fraction of a second: it sits between the seconds and the zone.
                let fraction_end = after[m.end()..]
                    .find(|c: char| !(c == '.' || c.is_ascii_digit()))
                    .map_or(after.len(), |i| m.end() + i);
                fraction_end.min(whole.end())
            });
        let rest = &after[whole.end()..];
        candidates.push(format!(
            "{before}{day_text}{}{space}{zone}{rest}",
            &after[..time_end]
        ));
    }
    candidates
}

/// The offset the site's zone has at this wall-clock time on `day`, in seconds. `None` for
/// a time no clock shows (Ruby reads `24:00:00` as the next midnight; `Date::at` would
/// panic on it).
fn site_offset(site: &Site, day: Date, hour: i8, minute: i8, second: i8) -> Option<i32> {
    let time = jiff::civil::Time::new(hour, minute, second.min(59), 0).ok()?;
    let local = day.to_datetime(time);
    let zoned = site
        .time_zone
        .to_ambiguous_zoned_datetime(local)
        .compatible()
        .ok()?;
    Some(zoned.offset().seconds())
}

fn format_offset(seconds: i32, colon: bool) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (hours, minutes) = (abs / 3600, abs % 3600 / 60);
    if colon {
        format!("{sign}{hours:02}:{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}")
    }
}

/// A written scalar split into its opening quote, content and closing quote.
fn unquote(written: &str) -> (&str, &str, &str) {
    for quote in ["\"", "'"] {
        if written.len() >= 2 && written.starts_with(quote) && written.ends_with(quote) {
            return (quote, &written[1..written.len() - 1], quote);
        }
    }
    ("", written, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn singapore() -> Site {
        let root = PathBuf::from("/nonexistent-site");
        let config = (
            root.join("_config.yml"),
            Ok("timezone: Asia/Singapore\n".to_owned()),
        );
        Site::from_files(root, vec![config], &Default::default())
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn a_date_stays_a_date() {
        let site = singapore();
        assert_eq!(
            redated("2020-01-05", day("2021-01-05"), &site),
            ["2021-01-05"]
        );
        assert_eq!(
            redated("'2020-1-5'", day("2021-01-05"), &site),
            ["'2021-01-05'"]
        );
    }

    #[test]
    fn a_timestamp_keeps_its_time_then_takes_the_site_offset() {
        let site = singapore();
        assert_eq!(
            redated("2022-07-04 23:30:00 -05:00", day("2022-07-04"), &site),
            ["2022-07-04 23:30:00 -05:00", "2022-07-04 23:30:00 +08:00"]
        );
        assert_eq!(
            redated("\"2022-07-04 23:30 -0500\"", day("2022-07-03"), &site),
            ["\"2022-07-03 23:30 -0500\"", "\"2022-07-03 23:30 +0800\""]
        );
        assert_eq!(
            redated("2022-07-04T20:00:00.5Z", day("2022-07-04"), &site),
            ["2022-07-04T20:00:00.5Z", "2022-07-04T20:00:00.5+08:00"]
        );
        // No zone written: the site's is added.
        assert_eq!(
            redated("2022-07-04 20:00:00", day("2022-07-04"), &site)[1],
            "2022-07-04 20:00:00 +08:00"
        );
    }

    #[test]
    fn other_forms_become_iso_dates() {
        let site = singapore();
        assert_eq!(
            redated("\"4 July 2022\"", day("2022-07-05"), &site),
            ["\"2022-07-05\""]
        );
        assert!(redated("\"\"", day("2022-07-05"), &site).is_empty());
    }
}
