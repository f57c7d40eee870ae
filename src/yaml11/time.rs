//! Dates and times: the DATE branch (`Date.strptime(string, '%Y-%m-%d')`) and
//! `ScalarScanner#parse_time`, with Ruby's `Date` and `Time` validation.

use super::RubyError;
use super::bignum::{BASE_CONVERSION_LIMIT, BigUint};
use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// A calendar date as Psych returns it (a Ruby `Date`).
///
/// Ruby's `Date` uses the Julian calendar before 1582-10-15 (the `Date::ITALY`
/// reform): `1500-02-29` is a valid Date, `1582-10-10` is not. The fields are the
/// date as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YmdDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for YmdDate {
    /// `Date#to_s` / `Time#strftime('%Y-%m-%d')`: years padded to four digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(
                f,
                "-{:04}-{:02}-{:02}",
                -i64::from(self.year),
                self.month,
                self.day
            )
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// A point in time as Psych returns it (a Ruby `Time`).
///
/// The civil fields are *normalized the way Ruby's `Time` does it*: `2022-02-30
/// 10:00:00` is 2022-03-02 10:00:00, `24:00:00` is midnight of the next day,
/// second 60 rolls into the next minute. They are the wall-clock time at
/// `offset_seconds` (in UTC when no zone was written or the zone is `Z`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// The fraction of the second, truncated to whole nanoseconds.
    pub nanosecond: u32,
    /// The fraction digits as written, trailing zeros removed. Ruby keeps them
    /// exactly (a Rational), also beyond nanoseconds.
    pub fraction: String,
    /// `None`: no zone was written. Psych builds the UTC instant and returns it as
    /// a local Time (`Time.at`), so Jekyll shows it in the site's `timezone`.
    pub offset_seconds: Option<i32>,
    /// The zone was written as `Z`: Psych returns `Time.utc(...)`, which Ruby
    /// prints with `UTC` rather than `+0000`.
    pub zulu: bool,
}

impl Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z of the instant (proleptic Gregorian).
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(
            i64::from(self.year),
            u32::from(self.month),
            u32::from(self.day),
        );
        let clock =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        days * 86_400 + clock - i64::from(self.offset_seconds.unwrap_or(0))
    }

    /// The calendar date of the wall-clock fields.
    pub fn date(&self) -> YmdDate {
        YmdDate {
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }

    /// `Time#inspect`. A timestamp without a zone is shown in UTC; Ruby would show
    /// it in the process's local zone (Jekyll sets that from `timezone`).
    pub(crate) fn ruby_inspect(&self) -> String {
        let mut out = format!(
            "{} {:02}:{:02}:{:02}",
            self.date(),
            self.hour,
            self.minute,
            self.second
        );
        if self.fraction.len() <= 9 || self.fraction.len() > BASE_CONVERSION_LIMIT {
            // (Past the limit Ruby would print a Rational; the decimal is exact too.)
            if !self.fraction.is_empty() {
                out.push('.');
                out.push_str(&self.fraction);
            }
        } else {
            // Not a whole number of nanoseconds: Ruby prints the Rational.
            let (numerator, denominator) = reduced_decimal_fraction(&self.fraction);
            out.push_str(&format!(" {numerator}/{denominator}"));
        }
        match self.offset_seconds {
            Some(offset) if !self.zulu => {
                let sign = if offset < 0 { '-' } else { '+' };
                let minutes = offset.unsigned_abs() / 60;
                out.push_str(&format!(" {sign}{:02}{:02}", minutes / 60, minutes % 60));
            }
            _ => out.push_str(" UTC"),
        }
        out
    }
}

/// `date.match(/^(-?\d{4})-(\d{1,2})-(\d{1,2})/)` in `parse_time`, also used for DATE.
static DATE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(-?[0-9]{4})-([0-9]{1,2})-([0-9]{1,2})").expect("valid regex"));

/// `time.match(/(\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)?/)` in `parse_time`.
static TIME_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]+:[0-9]+:[0-9]+)(?:\.([0-9]*))?[ \t\n\x0B\x0C\r]*(Z|[-+][0-9]+(?::[0-9][0-9])?)?",
    )
    .expect("valid regex")
});

/// `md[3].match(/^([+\-]?\d{1,2})\:?(\d{1,2})?$/)`: hours, then minutes.
static ZONE_PARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([-+]?[0-9]{1,2}):?([0-9]{1,2})?$").expect("valid regex"));

/// The DATE branch. `None` when `Date.strptime` raises (Psych rescues it and keeps
/// the string): `2022-02-30`, month or day `00`, the 1582 reform gap.
pub(super) fn parse_date(text: &str) -> Option<YmdDate> {
    let caps = DATE_PREFIX.captures(text)?;
    let year: i32 = caps[1].parse().ok()?;
    let month: u8 = caps[2].parse().ok()?;
    let day: u8 = caps[3].parse().ok()?;
    valid_ruby_date(year, month, day).then_some(YmdDate { year, month, day })
}

/// `ScalarScanner#parse_time`. `Ok(None)`: Ruby's `Time` raised an ArgumentError,
/// which Psych rescues, so the scalar stays a String. `Err`: an error Psych does
/// not rescue, so the whole document fails to load.
pub(super) fn parse_time(text: &str) -> Result<Option<Timestamp>, RubyError> {
    // `date, time = *(string.split(/[ tT]/, 2))`: the first space, `t` or `T`.
    // TIME also allows tabs between date and time; then the split finds no space
    // there and `time` is nil or the zone, and `time.match` / `md[1]` blow up.
    let Some(split) = text.find([' ', 't', 'T']) else {
        return Err(no_method("match"));
    };
    let (date, time) = (&text[..split], &text[split + 1..]);
    let Some(date) = DATE_PREFIX.captures(date) else {
        return Err(no_method("captures"));
    };
    let Some(md) = TIME_PARTS.captures(time) else {
        return Err(no_method("[]"));
    };
    let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let year: i64 = date[1].parse().unwrap_or(0);
    let (month, day) = (number(&date[2]), number(&date[3]));
    let mut clock = md[1].split(':').map(number);
    let (hour, minute, second) = (
        clock.next().unwrap_or(0),
        clock.next().unwrap_or(0),
        clock.next().unwrap_or(0),
    );
    let fraction = md.get(2).map_or("", |m| m.as_str()).trim_end_matches('0');

    // `klass.utc(yy, m, dd, hh, mm, ss, us)` validates first, for every zone.
    let Some(wall_seconds) = wall_clock_seconds(year, month, day, hour, minute, second) else {
        return Ok(None);
    };
    let (offset_seconds, zulu) = match md.get(3).map(|m| m.as_str()) {
        None => (None, false),
        Some("Z") => (Some(0), true),
        Some(zone) => {
            let Some(offset) = zone_offset(zone) else {
                return Ok(None);
            };
            (Some(offset), false)
        }
    };
    let days = wall_seconds.div_euclid(86_400);
    let clock = wall_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let Ok(year) = i32::try_from(year) else {
        return Ok(None);
    };
    let nanos: String = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect();
    Ok(Some(Timestamp {
        year,
        month,
        day,
        hour: (clock / 3600) as u8,
        minute: (clock / 60 % 60) as u8,
        second: (clock % 60) as u8,
        nanosecond: nanos.parse().unwrap_or(0),
        fraction: fraction.to_owned(),
        offset_seconds,
        zulu,
    }))
}

fn no_method(method: &str) -> RubyError {
    RubyError {
        class: "NoMethodError",
        message: format!("undefined method `{method}' for nil:NilClass"),
    }
}

/// The offset `parse_time` computes, or `None` when `Time.new` rejects it
/// (|offset| must be below 24 hours).
///
/// Quirks: the minutes are never checked (`+08:99` is +09:39); three digits split
/// as two hour digits and one minute digit (`+123` is +12:03, `+800` is +80:00,
/// rejected); the sign is read with the hours, so `-00:30` is *plus* 30 minutes.
fn zone_offset(zone: &str) -> Option<i32> {
    let caps = ZONE_PARTS.captures(zone)?;
    let hours: i32 = caps[1].parse().ok()?;
    let minutes: i32 = caps.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let offset = if hours < 0 {
        hours * 3600 - minutes * 60
    } else {
        hours * 3600 + minutes * 60
    };
    (offset.abs() < 86_400).then_some(offset)
}

/// What `Time.utc(year, month, day, hour, minute, second)` accepts (`time_arg` and
/// `validate_vtm` in time.c, Ruby 3.1), as seconds since the epoch of the
/// normalized wall clock; `None` where Ruby raises ArgumentError.
///
/// Days past the end of a month roll over (Feb 30 is Mar 2, Apr 31 is May 1),
/// hour 24 is allowed with zero minutes and seconds, second 60 is allowed.
fn wall_clock_seconds(
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Option<i64> {
    let hour_24 = hour == 24;
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour <= 24
        && minute <= if hour_24 { 0 } else { 59 }
        && second <= if hour_24 { 0 } else { 60 };
    if !valid {
        return None;
    }
    let days = days_from_civil(year, month, 1) + i64::from(day) - 1;
    Some(days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second))
}

/// Whether `Date.strptime` accepts the date: Gregorian from 1582-10-15, Julian up
/// to 1582-10-04, nothing in between (`Date::ITALY`).
fn valid_ruby_date(year: i32, month: u8, day: u8) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let julian = (year, month, day) <= (1582, 10, 4);
    let gregorian = (year, month, day) >= (1582, 10, 15);
    let leap = if julian {
        year.rem_euclid(4) == 0
    } else {
        is_gregorian_leap(i64::from(year))
    };
    let month_length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (julian || gregorian) && day <= month_length
}

fn is_gregorian_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `0.<digits>` as a reduced fraction, both parts in decimal: what Ruby's
/// `Rational#to_s` prints for the subsecond. Only 2 and 5 divide 10ⁿ, so the
/// denominator is 2^(n-a)·5^(n-b) = 10^min · (the rest of one factor).
fn reduced_decimal_fraction(digits: &str) -> (String, String) {
    let mut numerator = BigUint::from_digits(digits, 10);
    let mut removed = [0usize; 2];
    for (count, factor) in removed.iter_mut().zip([2u32, 5]) {
        while *count < digits.len() {
            let mut trial = numerator.clone();
            if trial.div_rem_small(factor) != 0 {
                break;
            }
            numerator = trial;
            *count += 1;
        }
    }
    let [twos, fives] = removed.map(|r| digits.len() - r);
    let tens = twos.min(fives);
    let mut rest = BigUint::from_digits("1", 10);
    for (factor, times) in [(2u32, twos - tens), (5, fives - tens)] {
        for _ in 0..times {
            rest.mul_add(factor, 0);
        }
    }
    (numerator.to_string(), format!("{rest}{}", "0".repeat(tens)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> Timestamp {
        parse_time(text).expect("loads").expect("is a Time")
    }

    #[test]
    fn dates_follow_rubys_calendar() {
        assert_eq!(
            parse_date("2022-7-4"),
            Some(YmdDate {
                year: 2022,
                month: 7,
                day: 4
            })
        );
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("2022-00-10"), None);
        assert_eq!(parse_date("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(
            parse_date("1500-02-29").map(|d| d.day),
            Some(29),
            "Julian leap year"
        );
        assert_eq!(parse_date("1700-02-29"), None);
        assert_eq!(parse_date("1582-10-04").map(|d| d.day), Some(4));
        assert_eq!(parse_date("1582-10-10"), None, "reform gap");
        assert_eq!(parse_date("1582-10-15").map(|d| d.day), Some(15));
        assert_eq!(
            parse_date("0000-02-29").map(|d| d.to_string()),
            Some("0000-02-29".into())
        );
    }

    #[test]
    fn zoneless_time_is_the_utc_instant() {
        let t = time("2022-07-04 10:00:00");
        assert_eq!(t.offset_seconds, None);
        assert_eq!(t.unix_seconds(), 1_656_928_800);
        assert_eq!(t.ruby_inspect(), "2022-07-04 10:00:00 UTC");
    }

    #[test]
    fn time_normalizes_like_ruby() {
        assert_eq!(time("2022-02-30 10:00:00").date().to_string(), "2022-03-02");
        assert_eq!(
            time("2022-04-31 10:00:00 +08").date().to_string(),
            "2022-05-01"
        );
        assert_eq!(time("1500-02-29 10:00:00").date().to_string(), "1500-03-01");
        assert_eq!(
            time("9999-12-31 24:00:00").ruby_inspect(),
            "10000-01-01 00:00:00 UTC"
        );
        assert_eq!(time("2022-07-04 10:00:60").minute, 1);
        assert_eq!(
            time("-0001-01-01 00:00:00").ruby_inspect(),
            "-0001-01-01 00:00:00 UTC"
        );
    }

    #[test]
    fn invalid_times_stay_strings() {
        for text in [
            "2022-13-01 10:00:00",
            "2022-07-00 10:00:00",
            "2022-07-04 24:00:01",
            "2022-07-04 10:60:00",
            "2022-07-04 10:00:00 +24",
            "2022-07-04 10:00:00 +800",
        ] {
            assert_eq!(parse_time(text), Ok(None), "{text}");
        }
    }

    #[test]
    fn zone_quirks() {
        assert_eq!(
            time("2022-07-04 10:00:00 -00:30").offset_seconds,
            Some(1800)
        );
        assert_eq!(
            time("2022-07-04 10:00:00 +123").offset_seconds,
            Some(12 * 3600 + 180)
        );
        assert_eq!(
            time("2022-07-04 10:00:00 +08:99").offset_seconds,
            Some(34_740)
        );
        assert_eq!(time("2022-07-04 10:00:00-5").offset_seconds, Some(-18_000));
        assert_eq!(
            time("2022-07-04 10:00:00 -0530").offset_seconds,
            Some(-19_800)
        );
        let z = time("2022-07-04t10:00:00.5Z");
        assert!(z.zulu);
        assert_eq!(z.ruby_inspect(), "2022-07-04 10:00:00.5 UTC");
        assert_eq!(
            time("2022-07-04 10:00:00 +08:00").ruby_inspect(),
            "2022-07-04 10:00:00 +0800"
        );
        assert_eq!(
            time("2022-07-04 10:00:00 +08:00").unix_seconds(),
            1_656_900_000
        );
    }

    #[test]
    fn fractions_are_exact() {
        let t = time("2022-07-04 10:00:00.1234567891Z");
        assert_eq!(t.nanosecond, 123_456_789);
        assert_eq!(
            t.ruby_inspect(),
            "2022-07-04 10:00:00 1234567891/10000000000 UTC"
        );
        assert_eq!(time("2022-07-04 10:00:00.Z").fraction, "");
        assert_eq!(time("2022-07-04 10:00:00.500").nanosecond, 500_000_000);
        assert_eq!(
            reduced_decimal_fraction("0000000005"),
            ("1".into(), "2000000000".into())
        );
    }

    #[test]
    fn tab_separator_crashes_psych() {
        assert_eq!(
            parse_time("2022-07-04\t10:00:00").unwrap_err().message,
            "undefined method `match' for nil:NilClass"
        );
        assert_eq!(
            parse_time("2022-07-04\t10:00:00 Z").unwrap_err().message,
            "undefined method `[]' for nil:NilClass"
        );
        assert!(parse_time("2022-07-04\t 10:00:00").unwrap().is_some());
    }
}
