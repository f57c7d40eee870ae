//! FL301: a file in `_posts/` whose name Jekyll's `DATE_FILENAME_MATCHER` rejects. Jekyll
//! skips it silently: no page, no warning, no error.
//!
//! The unsafe fix renames the file when the date it should carry is beyond doubt: a date
//! written day first that cannot be read month first (or that the front matter `date`
//! confirms), a date with `_` or `.` between its parts, a missing `-` after the date, or no
//! date at all but a front matter `date`. Jekyll then publishes the post.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::date_rewrite::front_matter_day;
use super::fix_preview::Preview;
use super::jekyll_support::{day, field, head};
use super::post_rename::{calendar_date, dated, with_date};
use crate::diagnostic::{Finding, Fix};
use crate::jekyll::date::{EffectiveDate, front_matter_date};
use crate::jekyll::filename::{SkipReason, basename};
use crate::jekyll::suspicious::{Suspicion, suspicious_date};
use crate::rule::{Context, Rule};
use crate::site::facts::Outcome;

/// `15-08-2019` at the start of a name: two numbers, then a four-digit year.
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})-").expect("regex"));
/// `2022_01_05`, `2022.01.05`, `2022 01 05` at the start of a name.
static OTHER_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A([0-9]{4})([_. ])([0-9]{1,2})([_. ])([0-9]{1,2})").expect("regex")
});
/// `2022-01-05` at the start of a name, not followed by `-`.
static DASHED_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})").expect("regex"));

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InvalidPostFilename {}

impl Rule for InvalidPostFilename {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(reason) = skipped(cx) else {
            return;
        };
        let name = basename(cx.facts.source_path.as_deref().unwrap_or(""));
        let message = format!(
            "Jekyll silently skips `{name}`: {}, so this post is never published",
            reason.describe()
        );
        let finding = Finding::new(head(cx), message).with_help(help(cx, name, reason));
        out.push(match rename_fix(cx, name, reason) {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

/// Why Jekyll skips this post, unless the name keeps it out on purpose.
fn skipped(cx: &Context<'_>) -> Option<SkipReason> {
    let Outcome::Skipped(reason) = cx.facts.outcome else {
        return None;
    };
    // A leading `_` or `.`, or a trailing `~`, is the usual way to keep a file out on purpose.
    (!matches!(
        reason,
        SkipReason::SpecialLeadingCharacter | SkipReason::BackupFile
    ))
    .then_some(reason)
}

/// A name Jekyll would read: the date moved to the front, or taken from the front matter.
fn help(cx: &Context<'_>, name: &str, reason: SkipReason) -> String {
    if let Some(fixed) = fixed_name(cx, name, reason) {
        return format!("rename the file to `{fixed}`");
    }
    if reason == SkipReason::DayFirstDate {
        return "rename the file with its date written YYYY-MM-DD (is it day first or month first?)"
            .to_owned();
    }
    let date = cx
        .facts
        .front_matter
        .fields
        .date
        .as_ref()
        .filter(|_| field(cx, "date").is_some())
        .map(|value| front_matter_date(value, &cx.site.date_context()));
    match date {
        Some(EffectiveDate::Valid(date)) => {
            let rest =
                name.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
            let rest = if rest.is_empty() { name } else { rest };
            format!(
                "rename the file to `{}-{rest}` (the date in its front matter)",
                day(&date)
            )
        }
        _ => "start the file name with the publication date: `YYYY-MM-DD-title.md`".to_owned(),
    }
}

/// Rename the file to a name Jekyll reads, checked on the model: the renamed file is
/// published, and its date is not misread.
fn rename_fix(cx: &Context<'_>, name: &str, reason: SkipReason) -> Option<Fix> {
    let new_name = fixed_name(cx, name, reason)?;
    let preview = Preview::of(cx, &[], Some(&new_name))?;
    let preview_cx = preview.context(cx);
    if skipped(&preview_cx).is_some() || preview.facts().built().is_none() {
        return None;
    }
    Some(Fix::rename(
        format!("rename the file to `{new_name}`"),
        new_name,
    ))
}

/// The name this post should have, when its date is beyond doubt.
fn fixed_name(cx: &Context<'_>, name: &str, reason: SkipReason) -> Option<String> {
    let new_name = match reason {
        SkipReason::DayFirstDate => {
            let caps = DAY_FIRST.captures(name)?;
            let number = |i: usize| caps[i].parse::<i64>().ok();
            let (first, second, year) = (number(1)?, number(2)?, number(3)?);
            let date = day_first_date(cx, first, second, year)?;
            // `15-08-2019-` is replaced by `2019-08-15-`.
            with_date(name, caps[0].len() - 1, date)?
        }
        SkipReason::DateSeparatorNotDash => {
            let caps = OTHER_SEPARATOR.captures(name)?;
            let number = |i: usize| caps[i].parse::<i64>().ok();
            let date = calendar_date(number(1)?, number(3)?, number(5)?)?;
            with_title_dash(name, caps[0].len(), date)?
        }
        SkipReason::NoDashAfterDate => {
            let caps = DASHED_DATE.captures(name)?;
            let number = |i: usize| caps[i].parse::<i64>().ok();
            let date = calendar_date(number(1)?, number(2)?, number(3)?)?;
            with_title_dash(name, caps[0].len(), date)?
        }
        SkipReason::NoDate => dated(name, front_matter_day(cx)?.datetime.date()),
        _ => return None,
    };
    let misread = crate::jekyll::filename::match_dated_filename(&new_name).is_none_or(|dated| {
        suspicious_date(&dated)
            .iter()
            .any(|s| *s != Suspicion::UnpaddedField)
    });
    (!misread && new_name != name).then_some(new_name)
}

/// `15-08-2019` is 15 August; `08-15-2019` is 15 August written month first; `05-08-2019`
/// is either 5 August or 8 May, and only the front matter `date` can say which.
fn day_first_date(cx: &Context<'_>, first: i64, second: i64, year: i64) -> Option<Date> {
    let day_first = calendar_date(year, second, first);
    let month_first = calendar_date(year, first, second);
    match (day_first, month_first) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(a), Some(b)) => {
            let written = front_matter_day(cx)?.datetime.date();
            [a, b].into_iter().find(|d| *d == written)
        }
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => None,
    }
}

/// `2022_01_05_title.md` -> `2022-01-05-title.md`: the date rewritten, and a `-` between it
/// and the title (replacing a `_` or space, or added). A name with no title after the date
/// (`2022-01-05.md`) needs one chosen by a person.
fn with_title_dash(name: &str, date_len: usize, date: Date) -> Option<String> {
    let rest = &name[date_len..];
    let title = match rest.chars().next()? {
        '-' | '_' | ' ' => &rest[1..],
        '.' => return None,
        _ => rest,
    };
    if title.is_empty() || title.starts_with('.') {
        return None;
    }
    Some(format!("{}-{title}", date.strftime("%Y-%m-%d")))
}
