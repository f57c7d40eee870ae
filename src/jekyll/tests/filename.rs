use crate::jekyll::filename::{
    PostEntry, SkipReason, basename, classify_post_entry, dateless_filename, match_dated_filename,
    titleize_slug,
};
use crate::jekyll::suspicious::{Suspicion, filename_year, suspicious_date};

fn skipped(entry: &str) -> Option<SkipReason> {
    match classify_post_entry(entry) {
        PostEntry::Skipped(reason) => Some(reason),
        PostEntry::Post(_) => None,
    }
}

#[test]
fn dated_names_split_like_jekyll() {
    let d = match_dated_filename("news/2022-1-5-hello.world..md").expect("matches");
    assert_eq!(
        (d.date, d.year, d.month, d.day),
        ("2022-1-5", "2022", "1", "5")
    );
    assert_eq!((d.slug, d.ext), ("hello.world", ".md"));
    let d = match_dated_filename("2022-01-05-.md").expect("an empty slug still matches");
    assert_eq!(d.slug, "");
    assert_eq!(basename("a/b/c.md"), "c.md");
    assert_eq!(
        dateless_filename("_drafts/my-draft.md"),
        ("my-draft", Some(".md"))
    );
    assert_eq!(dateless_filename("README"), ("README", None));
}

#[test]
fn names_jekyll_skips_silently() {
    assert_eq!(
        skipped("15-08-2019-day-first.md"),
        Some(SkipReason::DayFirstDate)
    );
    assert_eq!(skipped("2022-01-05.md"), Some(SkipReason::NoDashAfterDate));
    assert_eq!(
        skipped("2022-01-05_title.md"),
        Some(SkipReason::NoDashAfterDate)
    );
    assert_eq!(
        skipped("2022_01_05-title.md"),
        Some(SkipReason::DateSeparatorNotDash)
    );
    assert_eq!(skipped("2022-01-05-title"), Some(SkipReason::NoExtension));
    assert_eq!(skipped("about.md"), Some(SkipReason::NoDate));
    assert_eq!(
        skipped("_2022-01-05-x.md"),
        Some(SkipReason::SpecialLeadingCharacter)
    );
    assert_eq!(
        skipped("drafts/.2022-01-05-x.md"),
        Some(SkipReason::SpecialLeadingCharacter)
    );
    assert_eq!(skipped("2022-01-05-x.md~"), Some(SkipReason::BackupFile));
    assert_eq!(skipped("2022-01-05-x."), Some(SkipReason::TrailingDot));
    assert_eq!(skipped("12345-01-05-x.md"), Some(SkipReason::NoDate));
    assert_eq!(skipped("2022-01-05-x y.md"), None);
}

#[test]
fn suspicious_filename_dates() {
    let two = match_dated_filename("14-03-19-x.md").expect("matches");
    assert_eq!(
        suspicious_date(&two),
        vec![Suspicion::TwoDigitYear {
            written: "14".into(),
            read_as: 2014
        }]
    );
    assert_eq!(filename_year("70"), 1970);
    let three = match_dated_filename("022-11-09-x.md").expect("matches");
    assert_eq!(
        suspicious_date(&three),
        vec![Suspicion::ThreeDigitYear {
            written: "022".into(),
            read_as: 22
        }]
    );
    let feb = match_dated_filename("2022-02-30-x.md").expect("matches");
    assert_eq!(
        suspicious_date(&feb),
        vec![Suspicion::DayPastMonthEnd {
            day: 30,
            days_in_month: 28,
            read_as: (2022, 3, 2)
        }]
    );
    let bad = match_dated_filename("2022-13-00-x.md").expect("matches");
    assert_eq!(
        suspicious_date(&bad),
        vec![
            Suspicion::MonthOutOfRange { month: 13 },
            Suspicion::DayOutOfRange { day: 0 }
        ]
    );
    let short = match_dated_filename("2022-1-05-x.md").expect("matches");
    assert_eq!(suspicious_date(&short), vec![Suspicion::UnpaddedField]);
}

#[test]
fn default_titles() {
    assert_eq!(titleize_slug("hello-wORLD"), "Hello World");
    assert_eq!(titleize_slug("a--b-"), "A  B");
    assert_eq!(titleize_slug("-a"), " A");
}

#[test]
fn dated_name_matcher_agrees_with_jekylls_regex() {
    // The regex as Jekyll's Ruby reads it (`\d` is ASCII there), on every name built from
    // these pieces.
    let regex =
        regex::Regex::new(r"\A([0-9]{2,4})-([0-9]{1,2})-([0-9]{1,2})-([^/]*)(\.[^./]+)\z").unwrap();
    let heads = ["", "2", "20", "202", "2022", "20220", "٢٠٢٢"];
    let mids = ["", "1", "01", "001", "x"];
    let tails = [
        "",
        "-",
        "-a.md",
        "-.md",
        "-a.",
        "-a..md",
        "-a.b.c",
        "-é.markdown",
        "a.md",
        "-a",
    ];
    let mut checked = 0;
    for year in heads {
        for month in mids {
            for day in mids {
                for tail in tails {
                    let name = format!("{year}-{month}-{day}{tail}");
                    let ours = match_dated_filename(&name)
                        .map(|d| (d.year, d.month, d.day, d.slug, d.ext, d.date.len()));
                    let theirs = regex.captures(&name).map(|c| {
                        let year = c.get(1).unwrap().as_str();
                        let (month, day) = (c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str());
                        (
                            year,
                            month,
                            day,
                            c.get(4).unwrap().as_str().trim_end_matches('.'),
                            c.get(5).unwrap().as_str(),
                            year.len() + month.len() + day.len() + 2,
                        )
                    });
                    assert_eq!(ours, theirs, "{name}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 7 * 5 * 5 * 10);
}
