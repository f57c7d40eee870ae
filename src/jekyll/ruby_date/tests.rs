//! Expected hashes are what `ruby -rdate -e 'p Date._parse(s)'` prints (Ruby 3.1.2).

use super::{DateHash, ParseLimit, date_parse};

fn ymd(s: &str) -> (Option<i64>, Option<i64>, Option<i64>) {
    let h = date_parse(s).expect("parses");
    (h.year, h.mon, h.mday)
}

#[test]
fn iso_and_slash_and_dot_dates() {
    assert_eq!(ymd("2022-02-30"), (Some(2022), Some(2), Some(30)));
    assert_eq!(ymd("2022/04/07"), (Some(2022), Some(4), Some(7)));
    // Day first: s3e moves the long field to the year.
    assert_eq!(ymd("04/07/2022"), (Some(2022), Some(7), Some(4)));
    assert_eq!(ymd("07/04/22"), (Some(2007), Some(4), Some(22)));
    assert_eq!(ymd("05.01.2022"), (Some(2022), Some(1), Some(5)));
    assert_eq!(ymd("15-08-2019"), (Some(2019), Some(8), Some(15)));
    assert_eq!(ymd("14-03-19"), (Some(2014), Some(3), Some(19)));
    // Three digits: no century completion.
    assert_eq!(ymd("022-11-09"), (Some(22), Some(11), Some(9)));
}

#[test]
fn month_names() {
    assert_eq!(ymd("5 May 2022"), (Some(2022), Some(5), Some(5)));
    assert_eq!(ymd("May 5, 2022"), (Some(2022), Some(5), Some(5)));
    // "of" sits between the day and the month, so the EU rule never sees "5th": no day.
    assert_eq!(
        ymd("Thursday, 5th of May 2022"),
        (Some(2022), Some(5), None)
    );
    assert_eq!(ymd("Jan 5"), (None, Some(1), Some(5)));
}

#[test]
fn digit_runs() {
    assert_eq!(ymd("20220105"), (Some(2022), Some(1), Some(5)));
    // A bare year is month 20, day 22.
    assert_eq!(ymd("2022"), (None, Some(20), Some(22)));
}

#[test]
fn times_and_zones() {
    let h = date_parse("2022-01-05 10:00 +8").unwrap();
    assert_eq!(
        (h.hour, h.min, h.zone.as_deref()),
        (Some(10), Some(0), Some("+8"))
    );
    let h = date_parse("12:00 pm 2022-01-05").unwrap();
    assert_eq!(h.hour, Some(12));
    let h = date_parse("2022-01-05 Mon 10:00 p.m. EST").unwrap();
    assert_eq!(
        (h.wday, h.hour, h.zone.as_deref()),
        (Some(1), Some(22), Some("EST"))
    );
    // The offset after the stray year is not next to the time: no zone at all.
    let h = date_parse("2023-01-29 18:30:22 2023 -0800").unwrap();
    assert_eq!((h.year, h.sec, h.zone), (Some(2023), Some(22), None));
    let h = date_parse("2022-01-05T10:00:00.250Z").unwrap();
    assert_eq!(
        (h.sec_fraction.as_deref(), h.zone.as_deref()),
        (Some("250"), Some("Z"))
    );
}

#[test]
fn nothing_and_limits() {
    assert_eq!(date_parse("true"), Ok(DateHash::default()));
    assert_eq!(date_parse(&"1".repeat(129)), Err(ParseLimit::TooLong));
    assert_eq!(
        date_parse("2022-01-05 é"),
        Err(ParseLimit::NonAsciiAlphanumeric)
    );
    // Non-ASCII punctuation is a separator, as in Ruby.
    assert_eq!(ymd("2022\u{2013}01\u{2013}05").0, None);
}
