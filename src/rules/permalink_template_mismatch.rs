//! FL405: a URL that does not have the shape the site's `.frontlint.yml` asks for its
//! collection (`permalink-template: /media/:categories/:year-:month-:day-:slug/`). Dates
//! and categories must be this file's own; `:title`, `:slug`, `:name` and `:path` stand for
//! any one segment (whether it matches the file name is `permalink-slug-mismatch`'s job).
//!
//! The unsafe fix writes the URL the template gives this file into its `permalink`, when the
//! front matter has one and every placeholder has a value (the slug is the file's).

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::fix_preview::Preview;
use super::jekyll_support::{field, head, in_same_style, value_or_key};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::jekyll::categories::{categories_placeholder, slugified_categories_placeholder};
use crate::jekyll::document_url::{DocumentUrlInput, document_slug};
use crate::jekyll::post::DateSource;
use crate::jekyll::slugify::{SlugMode, slugify};
use crate::rule::{Context, Rule};
use crate::site::facts::Built;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":([a-z_]+)").expect("regex"));

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PermalinkTemplateMismatch {}

/// A URL off the template.
struct Mismatch<'a> {
    template: &'a str,
    url: String,
    /// The template filled in for this file.
    expected: String,
    /// Every placeholder of `expected` has this file's value.
    complete: bool,
}

impl Rule for PermalinkTemplateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.facts.redirect_stub {
            // A jekyll-redirect-from stub: its permalink is an old URL kept alive on purpose.
            return;
        }
        let Some(found) = mismatch(cx) else {
            return;
        };
        let range = field(cx, "permalink").map_or_else(|| head(cx), value_or_key);
        let collection = cx
            .schema
            .collections
            .first()
            .map_or(String::new(), |name| format!(" in `{name}`"));
        let finding = Finding::new(
            range,
            format!(
                "the URL `{}` does not follow the template `{}`{collection}",
                found.url, found.template
            ),
        )
        .with_help(format!(
            "for this file the template gives `{}`",
            found.expected
        ));
        out.push(match fix(cx, &found) {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

fn mismatch<'a>(cx: &Context<'a>) -> Option<Mismatch<'a>> {
    let template = cx.schema.permalink_template.as_deref()?;
    let built = cx.facts.built()?;
    // Without its front matter Jekyll dates the file at build time: the YAML error is
    // the problem to report, not the URL that follows from it.
    if cx.facts.front_matter.failed_to_load {
        return None;
    }
    let (pattern, expected, complete) = shape(cx, built, template);
    let regex = Regex::new(&format!("^{pattern}$")).ok()?;
    (!regex.is_match(&built.url)).then(|| Mismatch {
        template,
        url: built.url.clone(),
        expected,
        complete,
    })
}

/// The filled-in template written into the front matter `permalink`. A URL that comes from
/// `_config.yml` (no `permalink` in the file) is the site's to change, not this file's.
fn fix(cx: &Context<'_>, found: &Mismatch<'_>) -> Option<Fix> {
    if !found.complete {
        return None;
    }
    let entry = field(cx, "permalink")?;
    entry.value.as_scalar()?;
    let edits = vec![Edit::new(
        entry.value.span.clone(),
        in_same_style(&entry.value, &found.expected),
    )];
    let preview = Preview::of(cx, &edits, None)?;
    if mismatch(&preview.context(cx)).is_some() {
        return None;
    }
    Some(Fix::unsafe_(
        format!("set the permalink to `{}`", found.expected),
        edits,
    ))
}

/// The template as a regular expression for this file, filled in for the help text and the
/// fix, and whether every placeholder could be filled in.
fn shape(cx: &Context<'_>, built: &Built, template: &str) -> (String, String, bool) {
    let dated = built
        .date
        .as_ref()
        .filter(|_| built.date_source != Some(DateSource::Fallback));
    let now = cx
        .site
        .build_time
        .to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let slug = cx.facts.source_path.as_deref().map(|path| {
        let input = DocumentUrlInput {
            collection: cx.facts.kind.collection().unwrap_or("posts"),
            relative_path: path,
            slug: cx.facts.front_matter.fields.slug.as_deref(),
            categories: &built.categories,
            date: &now,
            output_ext: ".html",
        };
        slugify(document_slug(&input), SlugMode::Default, false)
    });
    let mut pattern = String::new();
    let mut expected = String::new();
    let mut complete = true;
    let mut last = 0;
    for caps in PLACEHOLDER.captures_iter(template) {
        let whole = caps.get(0).expect("match");
        let literal = &template[last..whole.start()];
        pattern.push_str(&regex::escape(literal));
        expected.push_str(literal);
        last = whole.end();
        let name = &caps[1];
        let date_value = dated.and_then(|d| {
            let z = &d.datetime;
            Some(match name {
                "year" => z.strftime("%Y").to_string(),
                "month" => z.strftime("%m").to_string(),
                "day" => z.strftime("%d").to_string(),
                "i_month" => z.month().to_string(),
                "i_day" => z.day().to_string(),
                "short_year" => z.strftime("%y").to_string(),
                "hour" => z.strftime("%H").to_string(),
                "minute" => z.strftime("%M").to_string(),
                "second" => z.strftime("%S").to_string(),
                "y_day" => z.strftime("%j").to_string(),
                "short_month" => z.strftime("%b").to_string(),
                "long_month" => z.strftime("%B").to_string(),
                _ => return None,
            })
        });
        let (piece, shown) = match (name, date_value) {
            (_, Some(value)) => (regex::escape(&value), value),
            ("year", None) => (r"\d{4}".into(), ":year".into()),
            ("month" | "day" | "short_year" | "hour" | "minute" | "second", None) => {
                (r"\d{2}".into(), format!(":{name}"))
            }
            ("i_month" | "i_day", None) => (r"\d{1,2}".into(), format!(":{name}")),
            ("categories", _) => {
                let value = categories_placeholder(&built.categories);
                (regex::escape(&value), value)
            }
            ("slugified_categories", _) => {
                let value = slugified_categories_placeholder(&built.categories);
                (regex::escape(&value), value)
            }
            ("collection", _) => {
                let value = cx.facts.kind.collection().unwrap_or("").to_owned();
                (regex::escape(&value), value)
            }
            ("output_ext", _) => (r"(?:\.html)?".into(), ".html".into()),
            ("path", _) => ("[^?#]+".into(), ":path".into()),
            ("title" | "slug" | "name", _) => (
                "[^/?#]+".into(),
                slug.clone().unwrap_or_else(|| format!(":{name}")),
            ),
            // Any other name stands for the front matter field of that name (`:category`).
            (other, _) => match field(cx, other)
                .and_then(|e| crate::site::front_matter::scalar_to_s(&e.value))
            {
                Some(value) => {
                    let value = slugify(&value, SlugMode::Default, false);
                    (regex::escape(&value), value)
                }
                None => ("[^/?#]+".into(), format!(":{other}")),
            },
        };
        // A placeholder left as is (`:year` without a date, `:path`) has no value here.
        complete &= shown != format!(":{name}");
        pattern.push_str(&piece);
        expected.push_str(&shown);
    }
    pattern.push_str(&regex::escape(&template[last..]));
    expected.push_str(&template[last..]);
    (pattern, expected, complete)
}
