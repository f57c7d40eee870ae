//! A port of Ruby 3.1's `Time.parse` (lib/time.rb: `make_time`, `zone_offset`,
//! `apply_offset`) and of the range checks of `Time.utc`/`Time.local` (time.c
//! `validate_vtm`), with the process time zone (`ENV["TZ"]`, which Jekyll sets from
//! `_config.yml`'s `timezone`) given as a jiff `TimeZone`.

use super::ruby_date::{DateHash, ParseLimit, date_parse};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// What `Time.parse` did with a zone written in the string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneUse {
    /// Understood: the written time is at this UTC offset (seconds).
    Applied { zone: String, offset_seconds: i32 },
    /// Not understood by `Time.zone_offset` (`+8`, `SGT`, `UTC+8`...): silently ignored, the
    /// time is read as local time in the site time zone.
    Ignored { zone: String },
}

/// A successful `Time.parse`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTime {
    pub instant: Timestamp,
    pub zone: Option<ZoneUse>,
    /// The string had no year, so Ruby took year (and later missing fields) from the clock.
    pub filled_from_now: bool,
    /// The fields Date._parse found (useful to explain odd readings).
    pub fields: DateHash,
}

/// Why `Time.parse` gave no time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeParseError {
    /// Ruby raises ArgumentError (Jekyll turns it into InvalidDateError: the build fails).
    Raises(String),
    /// Outside what this port reproduces.
    Unsupported(String),
}

const COMMON_YEAR: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// `month_days`, including Ruby's negative array indexing for month 0 (-> December).
fn month_days(y: i64, m: i64) -> Option<i64> {
    let idx = m - 1;
    let idx = if (-12..0).contains(&idx) {
        idx + 12
    } else {
        idx
    };
    let days = *COMMON_YEAR.get(usize::try_from(idx).ok()?)?;
    Some(if idx == 1 && leap(y) { 29 } else { days })
}

/// `Time.parse(input, now)` evaluated with `ENV["TZ"]` = `tz`.
pub fn time_parse(
    input: &str,
    tz: &TimeZone,
    now: Timestamp,
) -> Result<ParsedTime, TimeParseError> {
    let fields = date_parse(input).map_err(|limit| match limit {
        ParseLimit::TooLong => TimeParseError::Raises("string length exceeds the limit 128".into()),
        other => TimeParseError::Unsupported(format!("{other:?}")),
    })?;
    let h = &fields;
    if [h.year, h.yday, h.mon, h.mday, h.hour, h.min, h.sec]
        .iter()
        .all(Option::is_none)
        && h.sec_fraction.is_none()
    {
        return Err(TimeParseError::Raises(format!(
            "no time information in {input:?}"
        )));
    }
    let (instant, zone) = make_time(h, h.yday, h.mon, h.mday, tz, now)?;
    Ok(ParsedTime {
        instant,
        zone,
        filled_from_now: h.year.is_none(),
        fields: fields.clone(),
    })
}

/// `Time.zone_offset(zone, year)`.
fn zone_offset(zone: &str, year: i64, tz: &TimeZone) -> Option<i32> {
    let z = zone.to_ascii_uppercase();
    let b = z.as_bytes();
    let sign = match b.first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => 0,
    };
    let two = |i: usize| -> Option<i32> {
        let s = z.get(i..i + 2)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if sign != 0 {
        // /\A([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?\z/ and /\A[+-]\d\d\z/
        let colon = b.get(3) == Some(&b':');
        let m_at = if colon { 4 } else { 3 };
        let parsed = match (two(1), two(m_at)) {
            (Some(hh), Some(mm)) => match b.len() - (m_at + 2) {
                0 => Some(hh * 3600 + mm * 60),
                n if n == 2 + usize::from(colon) && (!colon || b[m_at + 2] == b':') => {
                    two(b.len() - 2).map(|ss| hh * 3600 + mm * 60 + ss)
                }
                _ => None,
            },
            (Some(hh), None) if b.len() == 3 => Some(hh * 3600),
            _ => None,
        };
        return parsed.map(|s| sign * s);
    }
    let table = match z.as_str() {
        "UTC" | "Z" | "UT" | "GMT" => Some(0),
        "EST" => Some(-5),
        "EDT" => Some(-4),
        "CST" => Some(-6),
        "CDT" => Some(-5),
        "MST" => Some(-7),
        "MDT" => Some(-6),
        "PST" => Some(-8),
        "PDT" => Some(-7),
        m if m.len() == 1 && m != "J" && b[0].is_ascii_uppercase() => Some(military(b[0])),
        _ => None,
    };
    if let Some(hours) = table {
        return Some(hours * 3600);
    }
    // The local zone's own abbreviations on 1 January and 1 July of that year.
    [1, 7].into_iter().find_map(|month| {
        let ts = local_instant(tz, year, month, 1, 0, 0, 0)?;
        let info = tz.to_offset_info(ts);
        (info.abbreviation().to_ascii_uppercase() == z).then(|| info.offset().seconds())
    })
}

/// RFC 822 military zones as in time.rb (A..M east, N..Y west, no J).
fn military(c: u8) -> i32 {
    match c {
        b'A'..=b'I' => i32::from(c - b'A') + 1,
        b'K'..=b'M' => i32::from(c - b'K') + 10,
        b'N'..=b'Y' => -(i32::from(c - b'N') + 1),
        _ => 0,
    }
}

fn civil(y: i64, mon: i64, day: i64, hour: i64, min: i64, sec: i64) -> Option<DateTime> {
    // `Date::new` (not `date()`, which panics) so out-of-range years become `None`.
    let start = Date::new(i16::try_from(y).ok()?, i8::try_from(mon).ok()?, 1)
        .ok()?
        .at(0, 0, 0, 0);
    let secs = (day - 1) * 86_400 + hour * 3600 + min * 60 + sec;
    start
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .ok()
}

/// `Time.local`: wall clock in `tz`; Ruby resolves a DST fold to the later offset and a
/// gap by moving forward, which is jiff's `later()`.
fn local_instant(
    tz: &TimeZone,
    y: i64,
    mon: i64,
    day: i64,
    h: i64,
    mi: i64,
    s: i64,
) -> Option<Timestamp> {
    if !(-9999..=9999).contains(&y) {
        return None;
    }
    tz.to_ambiguous_timestamp(civil(y, mon, day, h, mi, s)?)
        .later()
        .ok()
}

/// time.c `validate_vtm` (+ `obj2ubits`): what `Time.utc`/`Time.local` reject.
fn validate(mon: i64, day: i64, hour: i64, min: i64, sec: i64) -> Result<(), TimeParseError> {
    let bad = |what: &str| Err(TimeParseError::Raises(format!("{what} out of range")));
    let h24 = hour == 24;
    if !(1..=12).contains(&mon) {
        return bad("mon");
    }
    if !(1..=31).contains(&day) {
        return bad("mday");
    }
    if !(0..=24).contains(&hour) {
        return bad("hour");
    }
    if !(0..=if h24 { 0 } else { 59 }).contains(&min) {
        return bad("min");
    }
    if !(0..=if h24 { 0 } else { 60 }).contains(&sec) {
        return bad("sec");
    }
    Ok(())
}

mod make;
use make::make_time;

#[cfg(test)]
mod tests;
