//! One post, end to end, the way `PostReader#read_posts` + `Document#read` + `Document#url`
//! + `Document#destination` treat it: skipped or not, its date, categories, URL and file.

use super::categories::{CategoryItem, CategoryValue, categories_from_path, document_categories};
use super::date::{
    DateContext, EffectiveDate, FrontMatterDate, PostDate, filename_date, front_matter_date,
};
use super::defaults::defaults_for;
use super::document_url::{DocumentUrlInput, document_output_path, document_url};
use super::filename::{PostEntry, SkipReason, classify_post_entry, match_dated_filename};
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
    /// Psych could not load the front matter block (a syntax error, a list...): Jekyll logs
    /// an error and stops reading the document after merging the defaults, before the file
    /// name's date and slug and the categories are applied (`handle_read_error`). The other
    /// fields are then empty.
    pub read_failed: bool,
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
    /// Jekyll raises while reading it (invalid date, invalid URL...).
    BuildFails(String),
    /// The URL template has a placeholder Jekyll does not know (`number`, or `foo_ or foo`
    /// for `:foo_`): Jekyll raises, unless a plugin of the site defines it.
    UnknownPlaceholder(String),
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

/// The collection a document is read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentCollection<'a> {
    /// `_posts/`: only dated filenames are read.
    Posts,
    /// `_drafts/` (posts collection, built with `show_drafts`).
    Drafts,
    /// `_<label>/` of a collection from `_config.yml`.
    Other(&'a str),
}

/// Where a document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    FrontMatter,
    /// A `date` from `_config.yml` front matter defaults.
    Defaults,
    Filename,
    /// No date anywhere: `Document#date` is `site.time` (collections) or the file's
    /// modification time (drafts); the caller passes it as `fallback`.
    Fallback,
}

/// Resolves a post. `source_path` is relative to the site source
/// (`_posts/2022-01-05-hello.md`, `news/_posts/...`, `<collections_dir>/_posts/...`).
pub fn resolve_post(
    site: &SiteConfig,
    source_path: &str,
    fm: &PostFrontMatter,
    ctx: &DateContext,
) -> PostOutcome {
    resolve_document(
        site,
        DocumentCollection::Posts,
        source_path,
        fm,
        ctx,
        ctx.now,
    )
    .0
}

/// Resolves a document of any collection (`Document#read` + `#url` + `#destination`), and
/// says where its date came from. `fallback` is the date of a document without one (the
/// build time for collections, the file's modification time for drafts).
pub fn resolve_document(
    site: &SiteConfig,
    collection: DocumentCollection<'_>,
    source_path: &str,
    fm: &PostFrontMatter,
    ctx: &DateContext,
    fallback: jiff::Timestamp,
) -> (PostOutcome, DateSource) {
    let dir = &site.collections_dir;
    let relative_path = match dir.is_empty() {
        true => source_path,
        false => source_path
            .strip_prefix(&format!("{dir}/"))
            .unwrap_or(source_path),
    };
    let (label, special_dir) = match collection {
        DocumentCollection::Posts => ("posts", "_posts".to_owned()),
        DocumentCollection::Drafts => ("posts", "_drafts".to_owned()),
        DocumentCollection::Other(label) => (label, format!("_{label}")),
    };
    // `populate_title` reads a date from any document's name that matches the matcher.
    let filename_date_part = match collection {
        DocumentCollection::Posts => {
            let Some(entry) = posts_entry(relative_path) else {
                return (PostOutcome::NotAPost, DateSource::Fallback);
            };
            match classify_post_entry(entry) {
                PostEntry::Skipped(reason) => {
                    return (PostOutcome::Skipped(reason), DateSource::Fallback);
                }
                PostEntry::Post(dated) => Some(dated.date),
            }
        }
        _ => match_dated_filename(relative_path).map(|dated| dated.date),
    };
    // `populate_title` never ran: no date from the name, and `:title`/`:slug` fall back to
    // the whole base name.
    let filename_date_part = filename_date_part.filter(|_| !fm.read_failed);
    // A document's defaults type is its collection's label: drafts are `posts` too
    // (a `type: drafts` scope never applies to them).
    let defaults: Mapping = defaults_for(&site.defaults, source_path, relative_path, label, dir);
    let default = |key: &str| defaults.get(key).filter(|v| !v.is_null());

    let (date, source) = match (&fm.date, default("date"), filename_date_part) {
        (Some(value), _, _) => (front_matter_date(value, ctx), DateSource::FrontMatter),
        (None, Some(value), _) => (
            front_matter_date(&date_from_value(value), ctx),
            DateSource::Defaults,
        ),
        (None, None, Some(part)) => (filename_date(part, ctx), DateSource::Filename),
        (None, None, None) => (
            EffectiveDate::Valid(PostDate {
                datetime: whole_seconds(fallback).to_zoned_datetime(ctx.tz.clone()),
                zone: None,
                filled_from_build_time: false,
            }),
            DateSource::Fallback,
        ),
    };
    let date = match date {
        EffectiveDate::Valid(date) => date,
        EffectiveDate::Invalid { message } => return (PostOutcome::BuildFails(message), source),
        EffectiveDate::Unsupported { reason } => {
            return (PostOutcome::Unsupported(reason), source);
        }
    };

    let from_path = categories_from_path(relative_path, &special_dir);
    let default_categories = default("categories").and_then(category_from_value);
    let categories = if fm.read_failed {
        // Only the path's and the defaults' `categories` were merged before the error.
        document_categories(&from_path, default_categories.as_ref(), None, None)
            .map(|_| merged_categories(&from_path, default_categories.as_ref()))
    } else {
        document_categories(
            &from_path,
            default_categories.as_ref(),
            fm.categories.as_ref(),
            fm.category
                .clone()
                .or_else(|| default("category").and_then(category_from_value))
                .as_ref(),
        )
    };
    let Some(categories) = categories else {
        return (
            PostOutcome::Unsupported("a scalar `categories` makes Jekyll raise mid-read".into()),
            source,
        );
    };
    let permalink = fm
        .permalink
        .clone()
        .or_else(|| default("permalink").map(scalar_to_s));
    let slug = fm
        .slug
        .clone()
        .or_else(|| default("slug").map(scalar_to_s))
        .or_else(|| {
            fm.read_failed
                .then(|| super::permalink::basename_without_ext(relative_path).to_owned())
        });
    let converter_ext = converter_output_ext(ruby_extname(source_path), &site.markdown_ext);
    let ext = output_ext(permalink.as_deref(), &converter_ext);
    let input = DocumentUrlInput {
        collection: label,
        relative_path,
        slug: slug.as_deref(),
        categories: &categories,
        date: &date.datetime,
        output_ext: &ext,
    };
    let url = match document_url(&input, &site.url_template(label), permalink.as_deref()) {
        Ok(url) => url,
        Err(UrlError::UnknownPlaceholder(name)) => {
            return (PostOutcome::UnknownPlaceholder(name), source);
        }
        Err(UrlError::InvalidPermalink) => {
            return (
                PostOutcome::BuildFails("InvalidPermalinkError".into()),
                source,
            );
        }
        Err(UrlError::InvalidUri(value)) => {
            return (
                PostOutcome::BuildFails(format!("InvalidURIError: {value}")),
                source,
            );
        }
        Err(UrlError::Unsupported(why)) => return (PostOutcome::Unsupported(why), source),
    };
    let output_path = document_output_path(&url, &ext);
    (
        PostOutcome::Built(Box::new(BuiltPost {
            date,
            categories,
            url,
            output_path,
        })),
        source,
    )
}

/// `merge_categories!` of the path's and the defaults' categories alone (an ordered union,
/// each rendered with `to_s`).
fn merged_categories(from_path: &[String], defaults: Option<&CategoryValue>) -> Vec<String> {
    let mut out: Vec<String> = from_path.to_vec();
    let extra: Vec<String> = match defaults {
        Some(CategoryValue::Text(s)) => s.split_whitespace().map(str::to_owned).collect(),
        Some(CategoryValue::List(items)) => items
            .iter()
            .filter_map(|item| match item {
                CategoryItem::Nil => None,
                CategoryItem::Text(s) | CategoryItem::Scalar(s) => Some(s.clone()),
            })
            .collect(),
        Some(CategoryValue::Scalar(s)) => vec![s.clone()],
        None => Vec::new(),
    };
    for item in extra {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A time as `Time#to_s` round trips leave it: whole seconds.
fn whole_seconds(time: jiff::Timestamp) -> jiff::Timestamp {
    jiff::Timestamp::from_second(time.as_second()).unwrap_or(time)
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
