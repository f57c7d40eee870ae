//! FL404: a permalink whose last part does not describe the file: most often a post copied
//! from another one that kept the old permalink (two files then share a URL, or the URL
//! names the wrong event). Compares the words of the permalink's last segment with the
//! words of the file's slug (its name without date and extension, or its `slug`).
//!
//! The unsafe fix writes the slug (as Jekyll's `:slug` makes it) over that last part, keeping
//! a date in front of it and an `.html` after it.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::fix_preview::Preview;
use super::jekyll_support::{exact_range_in_value, field, permalink, range_in_value};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::jekyll::filename::{dateless_filename, match_dated_filename};
use crate::jekyll::slugify::{SlugMode, slugify};
use crate::rule::{Context, Rule};

/// A date (or the DDMMYY of press release numbers) at the start of a URL segment.
static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{6}|[0-9]{8})-").expect("regex")
});

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PermalinkSlugMismatch {
    /// The share (0 to 1) of the permalink segment's words that must appear in the slug; a
    /// word also counts when it is part of the slug written without dashes (`scweek` in
    /// `sc-week`). 1 asks for every word.
    pub min_shared_words: f64,
}

impl Default for PermalinkSlugMismatch {
    fn default() -> Self {
        PermalinkSlugMismatch {
            min_shared_words: 0.5,
        }
    }
}

/// The permalink's last part, when it does not describe the file.
struct Mismatch<'a> {
    entry: &'a crate::yaml::Entry,
    /// The permalink's text.
    text: String,
    /// Where the last part is in `text`.
    segment: std::ops::Range<usize>,
    slug: String,
}

impl Rule for PermalinkSlugMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.facts.redirect_stub {
            // A jekyll-redirect-from stub: its permalink is an old URL kept alive on purpose.
            return;
        }
        let Some(found) = self.mismatch(cx) else {
            return;
        };
        let segment = &found.text[found.segment.clone()];
        let finding = Finding::new(
            range_in_value(
                cx.post,
                found.entry,
                &found.text,
                found.segment.start,
                found.segment.len(),
            ),
            format!(
                "the permalink ends in `{segment}`, which does not match this file's name (`{}`)",
                found.slug
            ),
        )
        .with_help(
            "a post copied from another keeps the old permalink: check that this URL is this post's",
        );
        out.push(match self.fix(cx, &found) {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

impl PermalinkSlugMismatch {
    fn mismatch<'a>(&self, cx: &Context<'a>) -> Option<Mismatch<'a>> {
        if !cx.facts.kind.is_collection_member() {
            return None;
        }
        let (entry, text) = permalink(cx)?;
        let path = cx.facts.source_path.as_deref()?;
        let slug = match field(cx, "slug")
            .and_then(|e| crate::site::front_matter::scalar_to_s(&e.value))
        {
            Some(slug) => slug,
            None => match match_dated_filename(path) {
                Some(dated) => dated.slug.to_owned(),
                None => dateless_filename(path).0.to_owned(),
            },
        };
        let trimmed = text.trim_end_matches('/');
        let start = trimmed.rfind('/').map_or(0, |i| i + 1);
        let segment = &trimmed[start..];
        if segment.is_empty() || segment.contains(':') {
            return None;
        }
        let segment_words = words(&segment_stem(segment));
        let slug_words = words(&slug);
        if segment_words.is_empty() || slug_words.is_empty() {
            return None;
        }
        let joined: String = slug_words.concat();
        let shared = segment_words
            .iter()
            .filter(|w| {
                slug_words.contains(w) || (w.chars().count() > 3 && joined.contains(w.as_str()))
            })
            .count();
        let share = shared as f64 / segment_words.len() as f64;
        if share >= self.min_shared_words {
            return None;
        }
        Some(Mismatch {
            entry,
            segment: start..trimmed.len(),
            text,
            slug,
        })
    }

    /// The slug written over the last part of the permalink, between the date and the
    /// extension that part had.
    fn fix(&self, cx: &Context<'_>, found: &Mismatch<'_>) -> Option<Fix> {
        let segment = &found.text[found.segment.clone()];
        let slug = slugify(&found.slug, SlugMode::Default, false);
        if slug.is_empty() {
            return None;
        }
        let date = LEADING_DATE.find(segment).map_or("", |m| m.as_str());
        let extension = [".html", ".htm"]
            .into_iter()
            .find(|ext| segment.ends_with(ext))
            .unwrap_or("");
        let range = exact_range_in_value(cx.post, found.entry, &found.text, found.segment.clone())?;
        let edits = vec![Edit::new(range, format!("{date}{slug}{extension}"))];
        let preview = Preview::of(cx, &edits, None)?;
        if self.mismatch(&preview.context(cx)).is_some() {
            return None;
        }
        Some(Fix::unsafe_(
            format!("end the permalink with the file's slug, `{slug}`"),
            edits,
        ))
    }
}

/// The words-bearing part of a URL segment: without `.html` and a leading date.
fn segment_stem(segment: &str) -> String {
    let stem = segment
        .strip_suffix(".html")
        .or_else(|| segment.strip_suffix(".htm"))
        .unwrap_or(segment);
    LEADING_DATE.replace(stem, "").into_owned()
}

fn words(text: &str) -> Vec<String> {
    slugify(text, SlugMode::Default, false)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}
