//! FL304: a date written into the permalink (`/2022/07/04/…`, `/…/2022-07-04-title/`) that
//! is not the post's date. Readers and search engines see the URL's date; Jekyll sorts and
//! shows the post by its own date.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::jekyll_support::{day, permalink, range_in_value};
use crate::diagnostic::Finding;
use crate::jekyll::post::DateSource;
use crate::rule::{Context, Rule};

/// `/2022/07/04/` or `2022-07-04`, not inside a longer number.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((\d{4})/(\d{1,2})/(\d{1,2})|(\d{4})-(\d{1,2})-(\d{1,2}))(?:[^0-9]|$)")
        .expect("regex")
});

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PermalinkDateMismatch {}

impl Rule for PermalinkDateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(built) = cx.facts.built() else {
            return;
        };
        let (Some(date), Some(source)) = (&built.date, built.date_source) else {
            return;
        };
        let from = match source {
            DateSource::FrontMatter => "its front matter `date`",
            DateSource::Defaults => "the `date` in _config.yml defaults",
            DateSource::Filename => "its file name",
            DateSource::Fallback => return,
        };
        let Some((entry, text)) = permalink(cx) else {
            return;
        };
        let Some(caps) = URL_DATE.captures(&text) else {
            return;
        };
        let number = |a: usize, b: usize| {
            caps.get(a)
                .or_else(|| caps.get(b))
                .and_then(|m| m.as_str().parse::<i64>().ok())
        };
        let (Some(y), Some(m), Some(d)) = (number(2, 5), number(3, 6), number(4, 7)) else {
            return;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return;
        }
        let in_url = format!("{y:04}-{m:02}-{d:02}");
        let actual = day(date);
        if in_url == actual {
            return;
        }
        let whole = caps.get(1).expect("group 1 always matches");
        out.push(
            Finding::new(
                range_in_value(cx.post, entry, &text, whole.start(), whole.len()),
                format!(
                    "the permalink says {in_url}, but the post is dated {actual} (from {from})"
                ),
            )
            .with_help("make the date in the permalink match the post's date, or fix the date"),
        );
    }
}
