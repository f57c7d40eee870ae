//! A post's categories (document.rb `categories_from_path`, `merge_categories!`,
//! `populate_categories`; utils.rb `pluralized_array_from_hash`) and how `:categories` /
//! `:slugified_categories` render them (drops/url_drop.rb).

use super::slugify::{SlugMode, ruby_downcase, slugify};

/// A front matter `categories`/`category` value, as Psych produced it. Pass `None` instead
/// for a missing key, `nil` or `false` (Ruby treats them all as absent here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryValue {
    /// A YAML string: `categories` splits it on whitespace (`"news media"` = two).
    Text(String),
    /// Any other scalar, as Ruby's `to_s` writes it (`2022`, `true`, `1.5`).
    Scalar(String),
    /// A YAML sequence; `None` items are nils. Items are Ruby `to_s` renderings.
    List(Vec<Option<String>>),
}

/// Ruby's `String#split` with no argument: ASCII whitespace runs, no empty fields.
fn split_whitespace(s: &str) -> Vec<Option<String>> {
    s.split([' ', '\t', '\n', '\x0B', '\x0C', '\r'])
        .filter(|w| !w.is_empty())
        .map(|w| Some(w.to_string()))
        .collect()
}

/// First index of `pattern` in `text`, where `.` in the pattern matches any character but
/// a newline: Jekyll builds `%r!#{dirname}.*!` from the directory name unescaped, and
/// collection labels may contain `.`.
fn find_dir_pattern(text: &str, pattern: &str) -> Option<usize> {
    let pat: Vec<char> = pattern.chars().collect();
    text.char_indices().map(|(i, _)| i).find(|&i| {
        let mut chars = text[i..].chars();
        pat.iter().all(|p| {
            chars
                .next()
                .is_some_and(|c| if *p == '.' { c != '\n' } else { c == *p })
        })
    })
}

/// `categories_from_path(special_dir)`: the directories *above* `special_dir` (`_posts`,
/// `_drafts`, or `_<label>`) become categories: `news/_posts/x.md` -> `["news"]`, while
/// `_posts/news/x.md` -> `[]`. `relative_path` is relative to the collections directory.
pub fn categories_from_path(relative_path: &str, special_dir: &str) -> Vec<String> {
    if relative_path.starts_with(special_dir) {
        return Vec::new();
    }
    // `sub(/#{special_dir}.*/, "")`: `.*` stops at a newline, which then survives.
    let cut = find_dir_pattern(relative_path, special_dir).map_or(relative_path.to_string(), |i| {
        let end = relative_path[i..]
            .find('\n')
            .map_or(relative_path.len(), |n| i + n);
        format!("{}{}", &relative_path[..i], &relative_path[end..])
    });
    let base = super::filename::basename(relative_path);
    cut.split('/')
        .filter(|c| !c.is_empty() && *c != special_dir && *c != base)
        .map(str::to_string)
        .collect()
}

/// The categories a document ends up with: path categories, then front matter defaults,
/// then the front matter itself (each `categories` merged as an ordered union), then
/// `populate_categories` adds the singular `category` (or re-reads `categories`), renders
/// everything with `to_s` and removes duplicates.
pub fn document_categories(
    from_path: &[String],
    defaults: Option<&CategoryValue>,
    front_matter: Option<&CategoryValue>,
    category: Option<&CategoryValue>,
) -> Vec<String> {
    let mut data = CategoryValue::List(from_path.iter().cloned().map(Some).collect());
    for other in [defaults, front_matter].into_iter().flatten() {
        let other = match other {
            CategoryValue::Text(s) => CategoryValue::List(split_whitespace(s)),
            v => v.clone(),
        };
        data = match (data, other) {
            (CategoryValue::List(old), CategoryValue::List(new)) => {
                let mut union = Vec::new();
                for item in old.into_iter().chain(new) {
                    if !union.contains(&item) {
                        union.push(item);
                    }
                }
                CategoryValue::List(union)
            }
            (_, new) => new,
        };
    }
    let mut all: Vec<Option<String>> = match &data {
        CategoryValue::List(items) => items.clone(),
        CategoryValue::Text(s) | CategoryValue::Scalar(s) => vec![Some(s.clone())],
    };
    match (category, &data) {
        (Some(CategoryValue::List(items)), _) => {
            all.extend(items.iter().flatten().cloned().map(Some))
        }
        (Some(CategoryValue::Text(s) | CategoryValue::Scalar(s)), _) => all.push(Some(s.clone())),
        (None, CategoryValue::List(items)) => all.extend(items.iter().flatten().cloned().map(Some)),
        (None, CategoryValue::Text(s)) => all.extend(split_whitespace(s)),
        (None, CategoryValue::Scalar(_)) => {}
    }
    let mut out: Vec<String> = Vec::new();
    for item in all.into_iter().map(Option::unwrap_or_default) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn join_unique(items: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("/")
}

/// `UrlDrop#categories`: each category lower-cased, duplicates dropped, joined with `/`.
pub fn categories_placeholder(categories: &[String]) -> String {
    join_unique(categories.iter().map(|c| ruby_downcase(c)))
}

/// `UrlDrop#slugified_categories`: each category slugified (default mode).
pub fn slugified_categories_placeholder(categories: &[String]) -> String {
    join_unique(
        categories
            .iter()
            .map(|c| slugify(c, SlugMode::Default, false)),
    )
}
