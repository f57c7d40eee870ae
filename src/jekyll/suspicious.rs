//! Filename dates that Jekyll accepts but reads differently from what the author likely
//! meant. The date part (`\d{2,4}-\d{1,2}-\d{1,2}`) goes through `Utils.parse_date`, i.e.
//! Ruby's `Date._parse` (`parse_iso` + `s3e`) and `Time.local`:
//! - a 2-digit year is completed (`69..99` -> 19xx, `00..68` -> 20xx): `14-03-19` is 2014;
//! - a 3-digit year is taken literally: `022-11-09` is the year 22;
//! - a month outside 1..12 or a day outside 1..31 raises: the build fails;
//! - a day past the month's end rolls over silently: `2022-02-30` is 2 March.

use super::filename::DatedFilename;

/// One reason to look twice at a filename date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suspicion {
    TwoDigitYear {
        written: String,
        read_as: i64,
    },
    ThreeDigitYear {
        written: String,
        read_as: i64,
    },
    /// Jekyll raises InvalidDateError (when the front matter has no `date`).
    MonthOutOfRange {
        month: i64,
    },
    /// Jekyll raises InvalidDateError (when the front matter has no `date`).
    DayOutOfRange {
        day: i64,
    },
    /// Accepted, but the date moves into the next month.
    DayPastMonthEnd {
        day: i64,
        days_in_month: i64,
        read_as: (i64, i64, i64),
    },
    /// `2022-1-5`: valid, but unpadded fields sort badly and are easy to mistype.
    UnpaddedField,
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

/// The year Ruby reads from the year field of a filename date.
pub fn filename_year(written: &str) -> i64 {
    let value: i64 = written.parse().unwrap_or(0);
    match written.len() {
        2 if value >= 69 => value + 1900,
        2 => value + 2000,
        _ => value,
    }
}

/// Everything odd about a matched filename date, in field order.
pub fn suspicious_date(name: &DatedFilename<'_>) -> Vec<Suspicion> {
    let mut found = Vec::new();
    let year = filename_year(name.year);
    match name.year.len() {
        2 => found.push(Suspicion::TwoDigitYear {
            written: name.year.into(),
            read_as: year,
        }),
        3 => found.push(Suspicion::ThreeDigitYear {
            written: name.year.into(),
            read_as: year,
        }),
        _ => {}
    }
    let month: i64 = name.month.parse().unwrap_or(0);
    let day: i64 = name.day.parse().unwrap_or(0);
    if !(1..=12).contains(&month) {
        found.push(Suspicion::MonthOutOfRange { month });
    }
    if !(1..=31).contains(&day) {
        found.push(Suspicion::DayOutOfRange { day });
    } else if (1..=12).contains(&month) && day > days_in_month(year, month) {
        let days = days_in_month(year, month);
        let (y, m) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        found.push(Suspicion::DayPastMonthEnd {
            day,
            days_in_month: days,
            read_as: (y, m, day - days),
        });
    }
    if name.month.len() == 1 || name.day.len() == 1 {
        found.push(Suspicion::UnpaddedField);
    }
    found
}
