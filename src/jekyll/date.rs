//! A post's effective date, as Jekyll computes it (document.rb `merge_date!`,
//! `modify_date`; utils.rb `parse_date`).
//!
//! Jekyll never keeps the value Psych produced: every `merge_data!` runs
//! `Utils.parse_date(data["date"].to_s)` = `Time.parse(str).localtime` with `ENV["TZ"]` set
//! to the site `timezone`. So a YAML date becomes local midnight, a YAML timestamp keeps its
//! instant, and a string is read by Ruby's permissive `Date._parse` — without an offset it is
//! local time in the site zone. Reading happens at least twice (front matter, then the
//! categories merge), so the second pass re-parses `Time#to_s`: sub-seconds are dropped.

use super::ruby_time::{TimeParseError, ZoneUse, time_parse};
use jiff::Timestamp;
use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

/// What Psych produced for the front matter `date` key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterDate {
    /// `date: 2022-01-05` (a Ruby `Date`).
    Date { year: i16, month: i8, day: i8 },
    /// `date: 2022-01-05 10:00:00 +08:00` (a Ruby `Time`). `offset_seconds: None` when no
    /// offset was written: Psych reads such a timestamp as **UTC**, not local time.
    Timestamp {
        year: i16,
        month: i8,
        day: i8,
        hour: i8,
        minute: i8,
        second: i8,
        nanosecond: i32,
        offset_seconds: Option<i32>,
    },
    /// Anything else, as Ruby's `to_s` writes it: a string as is, `20220105` for an Integer,
    /// `true` for a boolean, `` for nil.
    Text(String),
}

/// The site's clock: its time zone (`_config.yml` `timezone`) and the build's "now", which
/// Ruby uses to fill in a date written without a year.
#[derive(Debug, Clone)]
pub struct DateContext {
    pub tz: TimeZone,
    pub now: Timestamp,
}

/// A date Jekyll accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct PostDate {
    /// In the site time zone, whole seconds (what `{{ page.date }}` and URLs use).
    pub datetime: ZonedDateTime,
    /// How a zone written in a string was treated (`None` when none was written).
    pub zone: Option<ZoneUse>,
    /// No year was written: Ruby took the missing leading fields from the build's clock.
    pub filled_from_build_time: bool,
}

impl PostDate {
    /// Ruby's `Time#to_s` of the date (`2022-01-05 10:00:00 +0800`): what `{{ page.date }}`
    /// renders.
    pub fn to_ruby_string(&self) -> String {
        ruby_time_to_s(&self.datetime)
    }
}

/// The outcome of Jekyll's date handling for one value.
#[derive(Debug, Clone, PartialEq)]
pub enum EffectiveDate {
    Valid(PostDate),
    /// Ruby raises; Jekyll re-raises it as `Jekyll::Errors::InvalidDateError`, a
    /// `FatalException`, so **the whole build fails** (document.rb `handle_read_error`).
    Invalid {
        message: String,
    },
    /// A form this model does not reproduce faithfully; nothing is guessed.
    Unsupported {
        reason: String,
    },
}

/// Looks up an IANA zone name in jiff's bundled database (no system files needed).
/// Jekyll itself never fails here: see `jekyll_time_zone`.
pub fn site_time_zone(name: &str) -> Option<TimeZone> {
    jiff::tz::db().get(name).ok()
}

/// How the C library reads `ENV["TZ"]` (set by Jekyll from `timezone`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeZoneReading {
    /// A tz database name (`Asia/Singapore`).
    Iana,
    /// Not a database name but a POSIX TZ string, with POSIX's inverted sign:
    /// `UTC+8` is **eight hours behind** UTC.
    Posix,
    /// Neither (`Asia/Singapur`): glibc silently falls back to UTC.
    UnknownUsesUtc,
}

/// The zone Jekyll's Ruby process really uses for `timezone: <name>` (glibc `tzset`).
pub fn jekyll_time_zone(name: &str) -> (TimeZone, TimeZoneReading) {
    // jiff's lookup ignores case; glibc opens a file, so `singapore` is not `Singapore`.
    if let Some(tz) = site_time_zone(name).filter(|tz| tz.iana_name() == Some(name)) {
        return (tz, TimeZoneReading::Iana);
    }
    match TimeZone::posix(name) {
        Ok(tz) => (tz, TimeZoneReading::Posix),
        Err(_) => (TimeZone::UTC, TimeZoneReading::UnknownUsesUtc),
    }
}

/// `Jekyll::Utils.parse_date(text)` followed by the `to_s` round trips a document date goes
/// through: every later `merge_data!` (categories, then tags) re-parses `date.to_s`. Those
/// are exact except for pre-1901 LMT offsets, whose seconds `%z` drops each time.
pub fn parse_date(text: &str, ctx: &DateContext) -> EffectiveDate {
    let first = match time_parse(text, &ctx.tz, ctx.now) {
        Ok(parsed) => parsed,
        Err(err) => return failure(err),
    };
    let mut instant = first.instant;
    for _ in 0..REPARSES {
        let local = instant.to_zoned_datetime(ctx.tz.clone());
        // `to_s` keeps whole seconds and whole-minute offsets exactly: then the round trip
        // changes nothing and need not run (it is most of the cost of a date).
        if local.subsec_nanosecond() == 0 && local.offset().seconds() % 60 == 0 {
            break;
        }
        match time_parse(&ruby_time_to_s(&local), &ctx.tz, ctx.now) {
            Ok(again) => instant = again.instant,
            Err(err) => return failure(err),
        }
    }
    EffectiveDate::Valid(PostDate {
        datetime: instant.to_zoned_datetime(ctx.tz.clone()),
        zone: first.zone,
        filled_from_build_time: first.filled_from_now,
    })
}

/// `merge_date!` runs on the front matter merge, then again for `populate_categories` and
/// `populate_tags` (document.rb `read_post_data`).
const REPARSES: usize = 2;

fn failure(err: TimeParseError) -> EffectiveDate {
    match err {
        TimeParseError::Raises(message) => EffectiveDate::Invalid { message },
        TimeParseError::Unsupported(reason) => EffectiveDate::Unsupported { reason },
    }
}

/// The effective date of a front matter `date` value (it always wins over the filename).
pub fn front_matter_date(value: &FrontMatterDate, ctx: &DateContext) -> EffectiveDate {
    parse_date(&ruby_to_s(value), ctx)
}

/// The date from a post's filename (`2022-1-5` of `2022-1-5-title.md`), used by
/// `modify_date` when the front matter has none: midnight local time in the site zone.
pub fn filename_date(date_part: &str, ctx: &DateContext) -> EffectiveDate {
    parse_date(date_part, ctx)
}

/// Ruby's `to_s` for what Psych produced (`Date#to_s`, `Time#to_s`).
pub fn ruby_to_s(value: &FrontMatterDate) -> String {
    match value {
        FrontMatterDate::Date { year, month, day } => {
            format!("{}-{month:02}-{day:02}", ruby_year(*year))
        }
        FrontMatterDate::Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_seconds,
            ..
        } => {
            let zone = offset_seconds.map_or_else(|| "UTC".to_string(), ruby_offset);
            format!(
                "{}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02} {zone}",
                ruby_year(*year)
            )
        }
        FrontMatterDate::Text(text) => text.clone(),
    }
}

/// `Time#to_s` of a local time: `%Y-%m-%d %H:%M:%S %z`.
fn ruby_time_to_s(z: &ZonedDateTime) -> String {
    format!(
        "{}-{:02}-{:02} {:02}:{:02}:{:02} {}",
        ruby_year(z.year()),
        z.month(),
        z.day(),
        z.hour(),
        z.minute(),
        z.second(),
        ruby_offset(z.offset().seconds())
    )
}

/// `%Y`: at least four digits, sign before the padding (`0022`, `-0005`).
pub(crate) fn ruby_year(year: i16) -> String {
    if year < 0 {
        format!("-{:04}", -i32::from(year))
    } else {
        format!("{year:04}")
    }
}

/// `%z`: `+hhmm`, seconds of the offset dropped (they matter for pre-1901 LMT offsets).
fn ruby_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", abs / 3600, abs % 3600 / 60)
}
