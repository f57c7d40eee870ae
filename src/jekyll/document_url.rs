//! A document's URL and output file (document.rb `url`, `cleaned_relative_path`,
//! `destination`; drops/url_drop.rb for every placeholder).

use super::categories::{categories_placeholder, slugified_categories_placeholder};
use super::date::ruby_year;
use super::filename::{dateless_filename, match_dated_filename};
use super::permalink::{basename_without_ext, ruby_extname};
use super::slugify::{SlugMode, slugify};
use super::url::{UrlError, fill_template, sanitize_url, unescape_path};
use jiff::ZonedDateTime;

/// What the URL of one document depends on.
#[derive(Debug, Clone)]
pub struct DocumentUrlInput<'a> {
    /// Collection label (`posts`).
    pub collection: &'a str,
    /// Path relative to the collections directory (`_posts/2022-01-05-hello.md`,
    /// `news/_posts/...`).
    pub relative_path: &'a str,
    /// Front matter `slug`, if any (else the filename's slug is used, as `populate_title` does).
    pub slug: Option<&'a str>,
    /// The document's final categories (see `categories::document_categories`).
    pub categories: &'a [String],
    /// The effective date in the site time zone.
    pub date: &'a ZonedDateTime,
    /// See `permalink::output_ext`.
    pub output_ext: &'a str,
}

/// Names `UrlDrop` answers to (`respond_to?`) that are Ruby/Enumerable methods, not URL
/// placeholders: Jekyll's result for `:count`, `:keys`, `:hash`... is not modelled.
/// Generated from `Jekyll::Drops::UrlDrop.public_instance_methods` (jekyll 4.3.1).
const DROP_METHODS: &str = " chain chunk chunk_while class clone collect collect_concat compact \
content_methods count cycle define_singleton_method detect display drop drop_while dup each \
each_cons each_entry each_key each_slice each_with_index each_with_object entries enum_for extend \
fetch filter filter_map find find_all find_index first flat_map freeze grep grep_v group_by hash \
hash_for_json inject inspect instance_eval instance_exec instance_variable_get \
instance_variable_set instance_variables invoke_drop itself keys lazy liquid_method_missing map \
max max_by merge method methods min min_by minmax minmax_by object_id partition private_methods \
protected_methods public_method public_methods public_send reduce reject \
remove_instance_variable reverse_each select send singleton_class singleton_method \
singleton_methods slice_after slice_before slice_when sort sort_by sum taint take take_while \
tally tap then to_a to_enum to_h to_hash to_json to_liquid to_s to_set to_yaml trust uniq \
untaint untrust yield_self zip ";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The slug `populate_title` stores: front matter `slug`, else from the filename.
pub fn document_slug<'a>(input: &DocumentUrlInput<'a>) -> &'a str {
    input
        .slug
        .unwrap_or_else(|| match match_dated_filename(input.relative_path) {
            Some(dated) => dated.slug,
            None => dateless_filename(input.relative_path).0,
        })
}

/// `Document#cleaned_relative_path` (the `:path` placeholder): extension dropped, the first
/// occurrence of `_<label>` removed (anywhere, as `String#sub` does), trailing dots removed.
pub fn cleaned_relative_path(relative_path: &str, collection: &str) -> String {
    let ext_len = ruby_extname(relative_path).len();
    let without_ext = &relative_path[..relative_path.len() - ext_len];
    let dir = format!("_{collection}");
    without_ext
        .replacen(&dir, "", 1)
        .trim_end_matches('.')
        .to_string()
}

/// `strftime` pieces UrlDrop uses, with Ruby's padding.
fn date_placeholder(name: &str, d: &ZonedDateTime) -> Option<String> {
    let week = d.iso_week_date();
    let weekday = d.weekday().to_monday_one_offset() as usize;
    Some(match name {
        "year" => ruby_year(d.year()),
        "month" => format!("{:02}", d.month()),
        "day" => format!("{:02}", d.day()),
        "hour" => format!("{:02}", d.hour()),
        "minute" => format!("{:02}", d.minute()),
        "second" => format!("{:02}", d.second()),
        "i_day" => d.day().to_string(),
        "i_month" => d.month().to_string(),
        "short_month" => MONTHS[d.month() as usize - 1][..3].to_string(),
        "long_month" => MONTHS[d.month() as usize - 1].to_string(),
        "short_year" => format!("{:02}", i32::from(d.year()).rem_euclid(100)),
        "w_year" => ruby_year(week.year()),
        "week" => format!("{:02}", week.week()),
        "w_day" => weekday.to_string(),
        "short_day" => DAYS[weekday - 1][..3].to_string(),
        "long_day" => DAYS[weekday - 1].to_string(),
        "y_day" => format!("{:03}", d.day_of_year()),
        _ => return None,
    })
}

/// `UrlDrop[name]`: `None` when the drop has no such key (Jekyll raises), `Some(None)` for
/// a nil value.
pub fn placeholder(name: &str, input: &DocumentUrlInput<'_>) -> Option<Option<String>> {
    let slug = || document_slug(input);
    let value = match name {
        "collection" => input.collection.to_string(),
        "name" => slugify(
            basename_without_ext(input.relative_path),
            SlugMode::Default,
            false,
        ),
        "title" => slugify(slug(), SlugMode::Pretty, true),
        "slug" => slugify(slug(), SlugMode::Default, false),
        "categories" => categories_placeholder(input.categories),
        "slugified_categories" => slugified_categories_placeholder(input.categories),
        "output_ext" => input.output_ext.to_string(),
        "path" => cleaned_relative_path(input.relative_path, input.collection),
        other => date_placeholder(other, input.date)?,
    };
    Some(Some(value))
}

/// `Document#url`: the front matter `permalink` if set, else the collection template, filled
/// from the UrlDrop and sanitised.
pub fn document_url(
    input: &DocumentUrlInput<'_>,
    template: &str,
    permalink: Option<&str>,
) -> Result<String, UrlError> {
    let chosen = permalink.unwrap_or(template);
    let mut unsupported = None;
    let filled = fill_template(chosen, |name| {
        let found = placeholder(name, input);
        if found.is_none() && DROP_METHODS.contains(&format!(" {name} ")) {
            unsupported = Some(name.to_string());
            return Some(None);
        }
        found
    });
    if let Some(name) = unsupported {
        return Err(UrlError::Unsupported(format!(
            ":{name} is a Ruby method of the URL drop"
        )));
    }
    Ok(sanitize_url(&filled?))
}

/// `File.expand_path(path, "/")` for the URL paths Jekyll writes (`.`/`..` resolved).
pub(crate) fn expand_path(path: &str) -> String {
    let path = if path.starts_with('~') {
        format!("/{path}")
    } else {
        path.to_string()
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// `Document#destination`, relative to the site's output directory: `index.html` inside the
/// URL's directory for a URL ending in `/`, else the URL plus the output extension (unless it
/// already ends with it).
pub fn document_output_path(url: &str, output_ext: &str) -> String {
    let mut path = expand_path(&unescape_path(url));
    if url.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    } else if !path.ends_with(output_ext) {
        path.push_str(output_ext);
    }
    path
}
