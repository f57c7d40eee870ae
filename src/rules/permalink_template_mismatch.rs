//! FL405: a URL that does not have the shape the site's `.frontlint.yml` asks for its
//! collection (`permalink-template: /media/:categories/:year-:month-:day-:slug/`). Dates
//! and categories must be this file's own; `:title`, `:slug`, `:name` and `:path` stand for
//! any one segment (whether it matches the file name is `permalink-slug-mismatch`'s job).

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::jekyll_support::{field, head, value_or_key};
use crate::diagnostic::Finding;
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

impl Rule for PermalinkTemplateMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(template) = &cx.schema.permalink_template else {
            return;
        };
        let Some(built) = cx.facts.built() else {
            return;
        };
        // Without its front matter Jekyll dates the file at build time: the YAML error is
        // the problem to report, not the URL that follows from it.
        if cx.facts.front_matter.failed_to_load {
            return;
        }
        let (pattern, expected) = shape(cx, built, template);
        let Ok(regex) = Regex::new(&format!("^{pattern}$")) else {
            return;
        };
        if regex.is_match(&built.url) {
            return;
        }
        let range = field(cx, "permalink").map_or_else(|| head(cx), value_or_key);
        let collection = cx
            .schema
            .collections
            .first()
            .map_or(String::new(), |name| format!(" in `{name}`"));
        out.push(
            Finding::new(
                range,
                format!(
                    "the URL `{}` does not follow the template `{template}`{collection}",
                    built.url
                ),
            )
            .with_help(format!("for this file the template gives `{expected}`")),
        );
    }
}

/// The template as a regular expression for this file, and filled in for the help text.
fn shape(cx: &Context<'_>, built: &Built, template: &str) -> (String, String) {
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
        pattern.push_str(&piece);
        expected.push_str(&shown);
    }
    pattern.push_str(&regex::escape(&template[last..]));
    expected.push_str(&template[last..]);
    (pattern, expected)
}
