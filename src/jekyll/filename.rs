//! Which files in `_posts` Jekyll reads, and what their names say (document.rb
//! `DATE_FILENAME_MATCHER`, `DATELESS_FILENAME_MATCHER`, `populate_title`;
//! readers/post_reader.rb `read_content`; entry_filter.rb `filter`).
//!
//! A post whose name does not match is skipped **silently**: no warning, no page.

use std::sync::LazyLock;

use regex::Regex;

/// `^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`. The atomic, lazy directory group
/// can only stop at the start or after the *last* `/`, so the rule applies to the basename.
/// Near misses, to say *why* a dated-looking name was skipped.
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\A[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}\b").expect("regex"));
static DATE_WITHOUT_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}(?:[^-0-9]|\z)").expect("regex")
});
static OTHER_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A[0-9]{4}[_./ ][0-9]{1,2}[_./ ][0-9]{1,2}").expect("regex"));

/// The parts of a post filename that matched `DATE_FILENAME_MATCHER`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedFilename<'a> {
    /// The date as written (`2022-1-5`); Jekyll passes it to `Utils.parse_date`.
    pub date: &'a str,
    pub year: &'a str,
    pub month: &'a str,
    pub day: &'a str,
    /// The slug as Jekyll keeps it: trailing dots removed (`populate_title`).
    pub slug: &'a str,
    /// The extension with its dot (`.md`).
    pub ext: &'a str,
}

/// Why Jekyll does not read a file in `_posts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Starts with `.`, `_`, `#` or `~` (EntryFilter `special?`).
    SpecialLeadingCharacter,
    /// Ends with `~` (EntryFilter `backup?`).
    BackupFile,
    /// Ends with `.` (EntryFilter `filter`).
    TrailingDot,
    /// Day first (`15-08-2019-title.md`): the matcher wants year first.
    DayFirstDate,
    /// A date but no `-` before the title (`2022-01-05.md`, `2022-01-05_title.md`).
    NoDashAfterDate,
    /// A date written with `_`, `.`, `/` or a space (`2022_01_05-title.md`).
    DateSeparatorNotDash,
    /// Dated, but without an extension (`2022-01-05-title`).
    NoExtension,
    /// No leading date at all.
    NoDate,
}

impl SkipReason {
    /// Why Jekyll skips the file, in words.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::SpecialLeadingCharacter => "the name starts with `.`, `_`, `#` or `~`",
            SkipReason::BackupFile => "the name ends with `~` (a backup file)",
            SkipReason::TrailingDot => "the name ends with `.`",
            SkipReason::DayFirstDate => "the date is written day first; Jekyll needs YYYY-MM-DD",
            SkipReason::NoDashAfterDate => "there is no `-` and title after the date",
            SkipReason::DateSeparatorNotDash => "the date is not separated by `-`",
            SkipReason::NoExtension => "the name has no extension",
            SkipReason::NoDate => "the name does not start with a date (YYYY-MM-DD-)",
        }
    }
}

/// What Jekyll makes of an entry under `_posts` (path relative to `_posts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostEntry<'a> {
    Post(DatedFilename<'a>),
    Skipped(SkipReason),
}

/// The part after the last `/`.
pub fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `DATE_FILENAME_MATCHER` on a path (any directories before the name are allowed).
pub fn match_dated_filename(path: &str) -> Option<DatedFilename<'_>> {
    // `\A(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^./]+)\z` on the basename, by hand: it
    // runs on every post, and Ruby's `\d` is ASCII only.
    let name = basename(path);
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let run = name.as_bytes()[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = from + run;
        ((min..=max).contains(&run) && name.as_bytes().get(end) == Some(&b'-')).then_some(end)
    };
    let year_end = digits(0, 2, 4)?;
    let month_end = digits(year_end + 1, 1, 2)?;
    let day_end = digits(month_end + 1, 1, 2)?;
    let rest = &name[day_end + 1..];
    let dot = rest.rfind('.').filter(|&dot| dot + 1 < rest.len())?;
    Some(DatedFilename {
        date: &name[..day_end],
        year: &name[..year_end],
        month: &name[year_end + 1..month_end],
        day: &name[month_end + 1..day_end],
        slug: rest[..dot].trim_end_matches('.'),
        ext: &rest[dot..],
    })
}

/// `DATELESS_FILENAME_MATCHER` (`^(?:.+/)*(.*)(\.[^.]+)$`) as `populate_title` uses it for
/// drafts and other collections: (slug, ext). Without an extension the slug is the basename.
pub fn dateless_filename(path: &str) -> (&str, Option<&str>) {
    let name = basename(path);
    match name.rfind('.') {
        Some(dot) if dot + 1 < name.len() => {
            (name[..dot].trim_end_matches('.'), Some(&name[dot..]))
        }
        _ => (name.trim_end_matches('.'), None),
    }
}

/// Whether `PostReader#read_posts` reads this entry of `_posts` (relative to `_posts`),
/// leaving `include`/`exclude` aside.
pub fn classify_post_entry(entry: &str) -> PostEntry<'_> {
    let name = basename(entry);
    let special = |s: &str| s.starts_with(['.', '_', '#', '~']);
    if entry.ends_with('.') {
        return PostEntry::Skipped(SkipReason::TrailingDot);
    }
    if special(entry) || special(name) {
        return PostEntry::Skipped(SkipReason::SpecialLeadingCharacter);
    }
    if entry.ends_with('~') {
        return PostEntry::Skipped(SkipReason::BackupFile);
    }
    if let Some(dated) = match_dated_filename(entry) {
        return PostEntry::Post(dated);
    }
    PostEntry::Skipped(if DAY_FIRST.is_match(name) {
        SkipReason::DayFirstDate
    } else if DATE_WITHOUT_DASH.is_match(name) {
        SkipReason::NoDashAfterDate
    } else if OTHER_SEPARATOR.is_match(name) {
        SkipReason::DateSeparatorNotDash
    } else if match_dated_filename(&format!("{name}.x")).is_some() {
        SkipReason::NoExtension
    } else {
        SkipReason::NoDate
    })
}

/// `Utils.titleize_slug`: the title a post gets when its front matter has none. Ruby's
/// `split("-")` drops trailing empty fields but keeps the others (`a--b` -> `A  B`).
pub fn titleize_slug(slug: &str) -> String {
    let mut words: Vec<&str> = slug.split('-').collect();
    while words.last().is_some_and(|w| w.is_empty()) {
        words.pop();
    }
    words
        .into_iter()
        .map(|w| {
            let mut chars = w.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            first + &chars.as_str().to_lowercase()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
