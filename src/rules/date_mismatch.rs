//! FL303: the front matter `date` and the date in the file name fall on different days.
//! Jekyll uses the front matter date (in the site's time zone) for the post's date and URL;
//! the file name's date is ignored — so one of them is wrong.
//!
//! The unsafe fix makes them agree; `source-of-truth` says which one is right.

use serde::{Deserialize, Serialize};

use super::date_rewrite::{day_is_certain, front_matter_day, redated};
use super::fix_preview::Preview;
use super::jekyll_support::{day, day_and_time, field, value_or_key, zone_name};
use super::post_rename::with_date;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::jekyll::date::{EffectiveDate, PostDate, filename_date};
use crate::jekyll::filename::{DatedFilename, basename, match_dated_filename};
use crate::jekyll::post::DateSource;
use crate::jekyll::ruby_date::date_parse;
use crate::jekyll::suspicious::{Suspicion, suspicious_date};
use crate::rule::{Context, Rule};
use crate::site::ZoneSetting;
use crate::yaml::Entry;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateMismatch {
    /// Which date the fix keeps: `filename` rewrites the front matter `date`, `front-matter`
    /// renames the file.
    pub source_of_truth: SourceOfTruth,
}

/// Which of the two dates is right, for the fix.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceOfTruth {
    /// The date in the file name. The default: it is chosen once, when the post is created,
    /// and shows in every listing of the repository and the CMS, while the front matter
    /// `date` is what travels with a post copied from an older one, or gets a year typed
    /// wrong. The fix edits one line instead of renaming the file.
    #[default]
    Filename,
    /// The front matter `date`: what Jekyll publishes. The fix renames the file, so the site
    /// does not change, but links to the old file name (`{% post_url %}`) must follow.
    FrontMatter,
}

/// The two dates, when they disagree.
struct Mismatch<'a> {
    entry: &'a Entry,
    date: PostDate,
    named: PostDate,
    name: DatedFilename<'a>,
}

impl Rule for DateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(found) = mismatch(cx) else {
            return;
        };
        let (used, named) = (day(&found.date), day(&found.named));
        let written = cx.post.source.text[found.entry.value.span.clone()].trim_matches(['"', '\'']);
        let written_day = date_parse(written)
            .ok()
            .and_then(|h| Some(format!("{:04}-{:02}-{:02}", h.year?, h.mon?, h.mday?)));
        let finding = if written_day.as_deref() == Some(named.as_str()) {
            let (message, help) = match cx.site.zone {
                ZoneSetting::Unset => (
                    format!(
                        "without a `timezone` in _config.yml the post's day depends on the build machine: in UTC, `{written}` is {} — dated {used}, not {named} as its file name says",
                        day_and_time(&found.date)
                    ),
                    "set the site's `timezone` in _config.yml and write times with that zone's offset, or rename the file".to_owned(),
                ),
                ZoneSetting::Set { .. } => (
                    format!(
                        "`{written}` is {} in {}: the post is dated {used}, not {named} as its file name says",
                        day_and_time(&found.date),
                        zone_name(cx)
                    ),
                    format!(
                        "write the time in {} (with its offset, `{}`), or rename the file",
                        zone_name(cx),
                        found.date.datetime.strftime("%:z")
                    ),
                ),
            };
            Finding::new(value_or_key(found.entry), message).with_help(help)
        } else {
            Finding::new(
                value_or_key(found.entry),
                format!(
                    "the front matter date {used} and the file name date {named} disagree; Jekyll uses {used}"
                ),
            )
            .with_help("make the `date` and the date in the file name the same day")
        };
        let fix = match self.source_of_truth {
            SourceOfTruth::Filename => redate_fix(cx, &found),
            SourceOfTruth::FrontMatter => rename_fix(cx, &found),
        };
        out.push(match fix {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

/// The front matter date and the file name date, when they fall on different days.
fn mismatch<'a>(cx: &Context<'a>) -> Option<Mismatch<'a>> {
    let built = cx.facts.built()?;
    let (Some(date), Some(DateSource::FrontMatter)) = (&built.date, built.date_source) else {
        return None;
    };
    let entry = field(cx, "date")?;
    let path = cx.facts.source_path.as_deref()?;
    let name = match_dated_filename(basename(path))?;
    let EffectiveDate::Valid(named) = filename_date(name.date, &cx.site.date_context()) else {
        return None;
    };
    (day(date) != day(&named)).then(|| Mismatch {
        entry,
        date: date.clone(),
        named,
        name,
    })
}

/// Rewrite the front matter `date` on the file name's day, written as before.
fn redate_fix(cx: &Context<'_>, found: &Mismatch<'_>) -> Option<Fix> {
    // A file name date Jekyll misreads (`14-03-19`) is no source of truth:
    // `suspicious-filename-date` deals with it first.
    let misread = suspicious_date(&found.name)
        .iter()
        .any(|s| *s != Suspicion::UnpaddedField);
    let value = cx.facts.front_matter.fields.date.as_ref()?;
    if misread || !day_is_certain(cx.site, value) {
        return None;
    }
    let target = found.named.datetime.date();
    let span = found.entry.value.span.clone();
    let written = &cx.post.source.text[span.clone()];
    redated(written, target, cx.site)
        .into_iter()
        .filter(|candidate| candidate != written)
        .map(|candidate| vec![Edit::new(span.clone(), candidate)])
        .find(|edits| {
            Preview::of(cx, edits, None)
                .is_some_and(|preview| mismatch(&preview.context(cx)).is_none())
        })
        .map(|edits| {
            Fix::unsafe_(
                format!(
                    "change the date to {} (the file name's date)",
                    day(&found.named)
                ),
                edits,
            )
        })
}

/// Rename the file to the front matter's day.
fn rename_fix(cx: &Context<'_>, found: &Mismatch<'_>) -> Option<Fix> {
    let date = front_matter_day(cx)?;
    let name = basename(cx.facts.source_path.as_deref()?);
    let new_name = with_date(name, found.name.date.len(), date.datetime.date())?;
    let preview = Preview::of(cx, &[], Some(&new_name))?;
    if mismatch(&preview.context(cx)).is_some() || preview.facts().built().is_none() {
        return None;
    }
    Some(Fix::rename(
        format!("rename the file to `{new_name}` (the front matter date)"),
        new_name,
    ))
}
