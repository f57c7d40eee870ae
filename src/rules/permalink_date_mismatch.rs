//! FL304: a date written into the permalink (`/2022/07/04/…`, `/…/2022-07-04-title/`) that
//! is not the post's date. Readers and search engines see the URL's date; Jekyll sorts and
//! shows the post by its own date.
//!
//! The unsafe fix writes the post's date into the permalink, in the same shape, when the
//! post's date and the file name's agree (with the file name alone, or a front matter `date`
//! on the file name's day): two sources against one. When they disagree, `date-mismatch`
//! settles the date first.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::date_rewrite::day_is_certain;
use super::fix_preview::Preview;
use super::jekyll_support::{day, exact_range_in_value, permalink, range_in_value};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::jekyll::date::{EffectiveDate, PostDate, filename_date};
use crate::jekyll::filename::match_dated_filename;
use crate::jekyll::post::DateSource;
use crate::jekyll::suspicious::{Suspicion, suspicious_date};
use crate::rule::{Context, Rule};

/// `/2022/07/04/` or `2022-07-04`, not inside a longer number.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}))(?:[^0-9]|$)")
        .expect("regex")
});

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PermalinkDateMismatch {}

/// A date in the permalink that is not the post's.
struct UrlDate<'a> {
    entry: &'a crate::yaml::Entry,
    /// The permalink's text.
    text: String,
    /// Where the date is in `text`.
    at: std::ops::Range<usize>,
    in_url: String,
    date: PostDate,
    source: DateSource,
}

impl Rule for PermalinkDateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.facts.redirect_stub {
            // A jekyll-redirect-from stub: its permalink is an old URL kept alive on purpose.
            return;
        }
        let Some(found) = url_date(cx) else {
            return;
        };
        let from = match found.source {
            DateSource::FrontMatter => "its front matter `date`",
            DateSource::Defaults => "the `date` in _config.yml defaults",
            DateSource::Filename => "its file name",
            DateSource::Fallback => return,
        };
        let actual = day(&found.date);
        let finding = Finding::new(
            range_in_value(
                cx.post,
                found.entry,
                &found.text,
                found.at.start,
                found.at.len(),
            ),
            format!(
                "the permalink says {}, but the post is dated {actual} (from {from})",
                found.in_url
            ),
        )
        .with_help("make the date in the permalink match the post's date, or fix the date");
        out.push(match fix(cx, &found) {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

fn url_date<'a>(cx: &Context<'a>) -> Option<UrlDate<'a>> {
    let built = cx.facts.built()?;
    let (Some(date), Some(source)) = (&built.date, built.date_source) else {
        return None;
    };
    if source == DateSource::Fallback {
        return None;
    }
    let (entry, text) = permalink(cx)?;
    let (at, (y, m, d)) = date_in_url(&text)?;
    let in_url = format!("{y:04}-{m:02}-{d:02}");
    if in_url == day(date) {
        return None;
    }
    Some(UrlDate {
        entry,
        text,
        at,
        in_url,
        date: date.clone(),
        source,
    })
}

/// The first date written in a URL: where it is, and (year, month, day) with a month and a
/// day in range.
pub(super) fn date_in_url(text: &str) -> Option<(std::ops::Range<usize>, (i64, i64, i64))> {
    let caps = URL_DATE.captures(text)?;
    let number = |a: usize, b: usize| {
        caps.get(a)
            .or_else(|| caps.get(b))
            .and_then(|m| m.as_str().parse::<i64>().ok())
    };
    let (y, m, d) = (number(2, 5)?, number(3, 6)?, number(4, 7)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((
        caps.get(1).expect("group 1 always matches").range(),
        (y, m, d),
    ))
}

/// The post's date written over the permalink's, in its shape (`/2022/07/04/`, `2022-7-4`).
fn fix(cx: &Context<'_>, found: &UrlDate<'_>) -> Option<Fix> {
    if !date_is_agreed(cx, found) {
        return None;
    }
    let range = exact_range_in_value(cx.post, found.entry, &found.text, found.at.clone())?;
    let written = &found.text[found.at.clone()];
    let separator = if written.contains('/') { '/' } else { '-' };
    let widths: Vec<usize> = written.split(separator).map(str::len).collect();
    let z = &found.date.datetime;
    let part = |value: i8, width: usize| format!("{value:0width$}");
    let replacement = format!(
        "{:04}{separator}{}{separator}{}",
        z.year(),
        part(z.month(), widths.get(1).copied().unwrap_or(2)),
        part(z.day(), widths.get(2).copied().unwrap_or(2)),
    );
    let edits = vec![Edit::new(range, replacement)];
    let preview = Preview::of(cx, &edits, None)?;
    if url_date(&preview.context(cx)).is_some() {
        return None;
    }
    Some(Fix::unsafe_(
        format!(
            "write the post's date, {}, in the permalink",
            day(&found.date)
        ),
        edits,
    ))
}

/// Is the post's date beyond doubt? Dated by its file name alone, or by a front matter
/// `date` on the file name's day (or in a collection without dated file names), and on a
/// day that does not depend on the build machine's zone.
fn date_is_agreed(cx: &Context<'_>, found: &UrlDate<'_>) -> bool {
    let path = cx.facts.source_path.as_deref().unwrap_or("");
    // A file name date Jekyll misreads (`022-11-09` is the year 22) is no authority: the
    // URL may well be right (`suspicious-filename-date`).
    let misread = match_dated_filename(path).is_some_and(|name| {
        suspicious_date(&name)
            .iter()
            .any(|s| *s != Suspicion::UnpaddedField)
    });
    if misread {
        return false;
    }
    match found.source {
        DateSource::Filename => true,
        DateSource::FrontMatter => {
            let certain = cx
                .facts
                .front_matter
                .fields
                .date
                .as_ref()
                .is_some_and(|value| day_is_certain(cx.site, value));
            let agrees = match match_dated_filename(path) {
                None => true,
                Some(name) => match filename_date(name.date, &cx.site.date_context()) {
                    EffectiveDate::Valid(named) => day(&named) == day(&found.date),
                    _ => false,
                },
            };
            certain && agrees
        }
        DateSource::Defaults | DateSource::Fallback => false,
    }
}
