//! One post, end to end, the way `PostReader#read_posts` + `Document#read` + `Document#url`
//! + `Document#destination` treat it: skipped or not, its date, categories, URL and file.

use super::categories::{CategoryItem, CategoryValue, categories_from_path, document_categories};
use super::date::{
    DateContext, EffectiveDate, FrontMatterDate, PostDate, filename_date, front_matter_date,
};
use super::defaults::defaults_for;
use super::document_url::{DocumentUrlInput, document_output_path, document_url};
use super::filename::{PostEntry, SkipReason, classify_post_entry};
use super::permalink::{converter_output_ext, output_ext, ruby_extname};
use super::site_config::{SiteConfig, scalar_to_s};
use super::url::UrlError;
use yaml_serde::{Mapping, Value};

/// The front matter fields that shape a post's date and URL (as Psych produced them).
#[derive(Debug, Clone, Default)]
pub struct PostFrontMatter {
    pub date: Option<FrontMatterDate>,
    pub permalink: Option<String>,
    pub slug: Option<String>,
    pub categories: Option<CategoryValue>,
    pub category: Option<CategoryValue>,
}

/// A post Jekyll builds.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltPost {
    pub date: PostDate,
    pub categories: Vec<String>,
    pub url: String,
    /// Relative to the output directory (`2022/01/05/title.html`).
    pub output_path: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PostOutcome {
    /// Not under a `_posts` directory: not a post at all.
    NotAPost,
    /// Jekyll silently ignores the file.
    Skipped(SkipReason),
    Built(Box<BuiltPost>),
    /// Jekyll raises while reading it (invalid date, unknown URL placeholder...).
    BuildFails(String),
    /// Outside what this model reproduces.
    Unsupported(String),
}

/// A value from front matter defaults as the typed inputs above.
fn date_from_value(v: &Value) -> FrontMatterDate {
    FrontMatterDate::Text(scalar_to_s(v))
}

fn category_from_value(v: &Value) -> Option<CategoryValue> {
    match v {
        Value::Null | Value::Bool(false) => None,
        Value::String(s) => Some(CategoryValue::Text(s.clone())),
        Value::Sequence(items) => Some(CategoryValue::List(
            items
                .iter()
                .map(|i| match i {
                    Value::Null => CategoryItem::Nil,
                    Value::String(s) => CategoryItem::Text(s.clone()),
                    other => CategoryItem::Scalar(scalar_to_s(other)),
                })
                .collect(),
        )),
        other => Some(CategoryValue::Scalar(scalar_to_s(other))),
    }
}

/// Splits a source path at its `_posts` directory: (relative path, entry under `_posts`).
fn posts_entry(relative_path: &str) -> Option<&str> {
    let start = if relative_path.starts_with("_posts/") {
        0
    } else {
        relative_path.find("/_posts/")? + 1
    };
    Some(&relative_path[start + "_posts/".len()..])
}

/// Resolves a post. `source_path` is relative to the site source
/// (`_posts/2022-01-05-hello.md`, `news/_posts/...`, `<collections_dir>/_posts/...`).
pub fn resolve_post(
    site: &SiteConfig,
    source_path: &str,
    fm: &PostFrontMatter,
    ctx: &DateContext,
) -> PostOutcome {
    let dir = &site.collections_dir;
    let relative_path = match dir.is_empty() {
        true => source_path,
        false => source_path
            .strip_prefix(&format!("{dir}/"))
            .unwrap_or(source_path),
    };
    let Some(entry) = posts_entry(relative_path) else {
        return PostOutcome::NotAPost;
    };
    let dated = match classify_post_entry(entry) {
        PostEntry::Skipped(reason) => return PostOutcome::Skipped(reason),
        PostEntry::Post(dated) => dated,
    };
    let defaults: Mapping = defaults_for(&site.defaults, source_path, relative_path, "posts", dir);
    let default = |key: &str| defaults.get(key).filter(|v| !v.is_null());

    let date = match (&fm.date, default("date")) {
        (Some(value), _) => front_matter_date(value, ctx),
        (None, Some(value)) => front_matter_date(&date_from_value(value), ctx),
        (None, None) => filename_date(dated.date, ctx),
    };
    let date = match date {
        EffectiveDate::Valid(date) => date,
        EffectiveDate::Invalid { message } => return PostOutcome::BuildFails(message),
        EffectiveDate::Unsupported { reason } => return PostOutcome::Unsupported(reason),
    };

    let Some(categories) = document_categories(
        &categories_from_path(relative_path, "_posts"),
        default("categories").and_then(category_from_value).as_ref(),
        fm.categories.as_ref(),
        fm.category
            .clone()
            .or_else(|| default("category").and_then(category_from_value))
            .as_ref(),
    ) else {
        return PostOutcome::Unsupported(
            "a scalar `categories` makes Jekyll raise mid-read".into(),
        );
    };
    let permalink = fm
        .permalink
        .clone()
        .or_else(|| default("permalink").map(scalar_to_s));
    let slug = fm.slug.clone().or_else(|| default("slug").map(scalar_to_s));
    let converter_ext = converter_output_ext(ruby_extname(source_path), &site.markdown_ext);
    let ext = output_ext(permalink.as_deref(), &converter_ext);
    let input = DocumentUrlInput {
        collection: "posts",
        relative_path,
        slug: slug.as_deref(),
        categories: &categories,
        date: &date.datetime,
        output_ext: &ext,
    };
    let url = match document_url(&input, &site.url_template("posts"), permalink.as_deref()) {
        Ok(url) => url,
        Err(UrlError::UnknownPlaceholder(name)) => {
            return PostOutcome::BuildFails(format!("The URL template doesn't have {name} keys"));
        }
        Err(UrlError::InvalidPermalink) => {
            return PostOutcome::BuildFails("InvalidPermalinkError".into());
        }
        Err(UrlError::InvalidUri(value)) => {
            return PostOutcome::BuildFails(format!("InvalidURIError: {value}"));
        }
        Err(UrlError::Unsupported(why)) => return PostOutcome::Unsupported(why),
    };
    let output_path = document_output_path(&url, &ext);
    PostOutcome::Built(Box::new(BuiltPost {
        date,
        categories,
        url,
        output_path,
    }))
}

/// `Publisher#hidden_in_the_future?`: without `future: true`, a post dated after the build's
/// `site.time` is skipped (Jekyll only warns "Skipping: ... has a future date").
pub fn hidden_in_the_future(
    date: &PostDate,
    build_time: jiff::Timestamp,
    site: &SiteConfig,
) -> bool {
    !site.future && date.datetime.timestamp().as_second() > build_time.as_second()
}
