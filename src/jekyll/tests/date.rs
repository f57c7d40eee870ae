use crate::jekyll::date::{
    DateContext, EffectiveDate, FrontMatterDate, PostDate, filename_date, front_matter_date,
    parse_date, site_time_zone,
};
use crate::jekyll::ruby_time::ZoneUse;

fn ctx(tz: &str) -> DateContext {
    DateContext {
        tz: site_time_zone(tz).expect("known zone"),
        now: "2024-06-15T12:34:56Z".parse().expect("timestamp"),
    }
}

fn valid(outcome: EffectiveDate) -> PostDate {
    match outcome {
        EffectiveDate::Valid(date) => date,
        other => panic!("expected a valid date, got {other:?}"),
    }
}

/// `%Y-%m-%d %H:%M:%S %z` of the effective date, as Jekyll would print `page.date`.
fn shown(text: &str, tz: &str) -> String {
    valid(parse_date(text, &ctx(tz)))
        .datetime
        .strftime("%Y-%m-%d %H:%M:%S %z")
        .to_string()
}

#[test]
fn strings_without_offset_are_local_time() {
    assert_eq!(
        shown("2022-01-05 10:00", "Asia/Singapore"),
        "2022-01-05 10:00:00 +0800"
    );
    assert_eq!(
        shown("2022-01-05", "America/New_York"),
        "2022-01-05 00:00:00 -0500"
    );
}

#[test]
fn offsets_move_the_day() {
    assert_eq!(
        shown("2022-01-05 20:00:00 -0500", "Asia/Singapore"),
        "2022-01-06 09:00:00 +0800"
    );
    assert_eq!(
        shown("2022-01-05T10:00:00Z", "Asia/Singapore"),
        "2022-01-05 18:00:00 +0800"
    );
    assert_eq!(
        shown("2022-01-05 10:00 PST", "Asia/Singapore"),
        "2022-01-06 02:00:00 +0800"
    );
}

#[test]
fn unreadable_zones_are_ignored() {
    let date = valid(parse_date("2022-01-05 10:00 +8", &ctx("Europe/London")));
    assert_eq!(date.zone, Some(ZoneUse::Ignored { zone: "+8".into() }));
    assert_eq!(date.datetime.hour(), 10);
    assert_eq!(
        shown("2023-01-29 18:30:22 2023 -0800", "Asia/Singapore"),
        "2023-01-29 18:30:22 +0800"
    );
}

#[test]
fn day_first_and_overflowing_days() {
    assert_eq!(shown("04/07/2022", "UTC"), "2022-07-04 00:00:00 +0000");
    assert_eq!(shown("2022-02-30", "UTC"), "2022-03-02 00:00:00 +0000");
    assert_eq!(
        shown("2022-01-05 24:00", "UTC"),
        "2022-01-06 00:00:00 +0000"
    );
}

#[test]
fn invalid_dates_fail_the_build() {
    for text in [
        "2022-02-32",
        "2022-13-01",
        "2022",
        "true",
        "",
        "2022-01-05 25:00",
    ] {
        assert!(
            matches!(parse_date(text, &ctx("UTC")), EffectiveDate::Invalid { .. }),
            "{text}"
        );
    }
}

#[test]
fn missing_year_comes_from_the_build_clock() {
    let date = valid(parse_date("Jan 5", &ctx("UTC")));
    assert!(date.filled_from_build_time);
    assert_eq!(date.datetime.year(), 2024);
}

#[test]
fn yaml_values() {
    let sg = ctx("Asia/Singapore");
    let d = FrontMatterDate::Date {
        year: 2022,
        month: 1,
        day: 5,
    };
    assert_eq!(valid(front_matter_date(&d, &sg)).datetime.hour(), 0);
    // Psych reads a timestamp without offset as UTC: 10:00 UTC is 18:00 in Singapore.
    let t = FrontMatterDate::Timestamp {
        year: 2022,
        month: 1,
        day: 5,
        hour: 10,
        minute: 0,
        second: 0,
        nanosecond: 5,
        offset_seconds: None,
    };
    let date = valid(front_matter_date(&t, &sg));
    assert_eq!(
        (date.datetime.hour(), date.datetime.subsec_nanosecond()),
        (18, 0)
    );
    let t = FrontMatterDate::Timestamp {
        year: 2022,
        month: 1,
        day: 5,
        hour: 23,
        minute: 0,
        second: 0,
        nanosecond: 0,
        offset_seconds: Some(-5 * 3600),
    };
    assert_eq!(valid(front_matter_date(&t, &sg)).datetime.day(), 6);
}

#[test]
fn filename_dates() {
    assert_eq!(
        valid(filename_date("2022-1-5", &ctx("UTC")))
            .datetime
            .month(),
        1
    );
    assert_eq!(
        valid(filename_date("14-03-19", &ctx("UTC")))
            .datetime
            .year(),
        2014
    );
    assert!(matches!(
        filename_date("2022-13-01", &ctx("UTC")),
        EffectiveDate::Invalid { .. }
    ));
}

#[test]
fn dst_gaps_and_folds_follow_ruby() {
    assert_eq!(
        shown("2022-03-13 02:30", "America/New_York"),
        "2022-03-13 03:30:00 -0400"
    );
    assert_eq!(
        shown("2022-11-06 01:30", "America/New_York"),
        "2022-11-06 01:30:00 -0500"
    );
}

#[test]
fn timezone_names_as_glibc_reads_them() {
    use crate::jekyll::date::{TimeZoneReading, jekyll_time_zone};
    let offset = |name: &str| {
        let (tz, reading) = jekyll_time_zone(name);
        let ts: jiff::Timestamp = "2022-01-01T00:00:00Z".parse().expect("ts");
        (tz.to_offset(ts).seconds() / 3600, reading)
    };
    assert_eq!(offset("Asia/Singapore"), (8, TimeZoneReading::Iana));
    // POSIX signs are inverted: UTC+8 is UTC-8.
    assert_eq!(offset("UTC+8"), (-8, TimeZoneReading::Posix));
    assert_eq!(
        offset("Asia/Singapur"),
        (0, TimeZoneReading::UnknownUsesUtc)
    );
    assert_eq!(offset("singapore"), (0, TimeZoneReading::UnknownUsesUtc));
}
