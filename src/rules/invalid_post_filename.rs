//! FL301: a file in `_posts/` whose name Jekyll's `DATE_FILENAME_MATCHER` rejects. Jekyll
//! skips it silently: no page, no warning, no error.

use serde::{Deserialize, Serialize};

use super::jekyll_support::{day, field, head};
use crate::diagnostic::Finding;
use crate::jekyll::date::{EffectiveDate, front_matter_date};
use crate::jekyll::filename::{SkipReason, basename};
use crate::rule::{Context, Rule};
use crate::site::facts::Outcome;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InvalidPostFilename {}

impl Rule for InvalidPostFilename {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Outcome::Skipped(reason) = cx.facts.outcome else {
            return;
        };
        // A leading `_` or `.`, or a trailing `~`, is the usual way to keep a file out on purpose.
        if matches!(
            reason,
            SkipReason::SpecialLeadingCharacter | SkipReason::BackupFile
        ) {
            return;
        }
        let name = basename(cx.facts.source_path.as_deref().unwrap_or(""));
        let message = format!(
            "Jekyll silently skips `{name}`: {}, so this post is never published",
            reason.describe()
        );
        out.push(Finding::new(head(cx), message).with_help(help(cx, name, reason)));
    }
}

/// A name Jekyll would read: the date moved to the front, or taken from the front matter.
fn help(cx: &Context<'_>, name: &str, reason: SkipReason) -> String {
    if reason == SkipReason::DayFirstDate
        && let Some(fixed) = day_first_fixed(name)
    {
        return format!("rename the file to `{fixed}`");
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

/// `15-08-2019-title.md` -> `2019-08-15-title.md`.
fn day_first_fixed(name: &str) -> Option<String> {
    let mut parts = name.splitn(4, '-');
    let (d, m, y, rest) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    (y.len() == 4).then(|| format!("{y}-{m:0>2}-{d:0>2}-{rest}"))
}
