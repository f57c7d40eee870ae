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
    /// A YAML sequence.
    List(Vec<CategoryItem>),
}

/// One item of a `categories` list. Ruby keeps the type: the Integer `2022` and the String
/// `"2022"` are different array elements, which is how `[News, 2022]` ends up as
/// `News, 2022, 2022` in `page.categories`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryItem {
    Nil,
    Text(String),
    /// A non-string scalar, as Ruby's `to_s` writes it.
    Scalar(String),
}

impl CategoryItem {
    fn to_ruby_s(&self) -> String {
        match self {
            CategoryItem::Nil => String::new(),
            CategoryItem::Text(s) | CategoryItem::Scalar(s) => s.clone(),
        }
    }
}

/// Ruby's `String#split` with no argument: ASCII whitespace runs, no empty fields.
fn split_whitespace(s: &str) -> Vec<CategoryItem> {
    s.split([' ', '\t', '\n', '\x0B', '\x0C', '\r'])
        .filter(|w| !w.is_empty())
        .map(|w| CategoryItem::Text(w.to_string()))
        .collect()
}

/// `Array#|`: ordered union without duplicates (Ruby `eql?`, so types matter).
fn union(old: Vec<CategoryItem>, new: Vec<CategoryItem>) -> Vec<CategoryItem> {
    let mut out: Vec<CategoryItem> = Vec::new();
    for item in old.into_iter().chain(new) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
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

/// The categories a document ends up with (`page.categories`): path categories, then front
/// matter defaults, then the front matter itself (each `categories` merged as an ordered
/// union), then `populate_categories` adds the singular `category` (or re-reads
/// `categories`), renders all with `to_s`, removes duplicates and merges that list once
/// more into the typed one. `None` when a scalar `categories` (`categories: 2022`) makes
/// Ruby raise a TypeError mid-read, which Jekyll logs and then builds a half-read post.
pub fn document_categories(
    from_path: &[String],
    defaults: Option<&CategoryValue>,
    front_matter: Option<&CategoryValue>,
    category: Option<&CategoryValue>,
) -> Option<Vec<String>> {
    let mut data: Vec<CategoryItem> = from_path.iter().cloned().map(CategoryItem::Text).collect();
    for other in [defaults, front_matter].into_iter().flatten() {
        let other = match other {
            CategoryValue::Text(s) => split_whitespace(s),
            CategoryValue::List(items) => items.clone(),
            CategoryValue::Scalar(_) => return None,
        };
        data = union(data, other);
    }
    let not_nil = |items: &[CategoryItem]| {
        items
            .iter()
            .filter(|i| **i != CategoryItem::Nil)
            .cloned()
            .collect::<Vec<_>>()
    };
    let mut all = data.clone();
    match category {
        Some(CategoryValue::List(items)) => all.extend(not_nil(items)),
        Some(CategoryValue::Text(s)) => all.push(CategoryItem::Text(s.clone())),
        Some(CategoryValue::Scalar(s)) => all.push(CategoryItem::Scalar(s.clone())),
        None => all.extend(not_nil(&data)),
    }
    let mut rendered: Vec<CategoryItem> = Vec::new();
    for item in all.iter().map(|i| CategoryItem::Text(i.to_ruby_s())) {
        if !rendered.contains(&item) {
            rendered.push(item);
        }
    }
    Some(
        union(data, rendered)
            .iter()
            .map(CategoryItem::to_ruby_s)
            .collect(),
    )
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
