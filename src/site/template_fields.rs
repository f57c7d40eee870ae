//! The front matter fields a site's own templates and plugins read. A field that
//! `_layouts/`, `_includes/` or `_plugins/` use (`page.publisher`, `book.publisher` in a loop,
//! `data["publisher"]` in Ruby) is the site's own, never a typo of a Jekyll field that happens
//! to be one letter away (`published`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// Folders of the site whose files are templates or plugins.
const TEMPLATE_FOLDERS: [&str; 3] = ["_layouts", "_includes", "_plugins"];
/// Bounds: a site with a huge theme copied in still costs little.
const MAX_FILES: usize = 2_000;
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// `name.field` (any depth: `site.data.books.publisher` gives every segment after the first)
/// and `["field"]` / `['field']`.
static PROPERTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.([A-Za-z_][A-Za-z0-9_-]*)").expect("regex"));
static INDEXED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\[\s*["']([^"'\]]+)["']\s*\]"#).expect("regex"));

/// Every field name the site's templates and plugins read.
pub fn scan(root: &Path) -> HashSet<String> {
    let mut fields = HashSet::new();
    let mut budget = MAX_FILES;
    for folder in TEMPLATE_FOLDERS {
        let mut stack = vec![root.join(folder)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if kind.is_dir() {
                    stack.push(entry.path());
                    continue;
                }
                if !kind.is_file() || budget == 0 {
                    continue;
                }
                budget -= 1;
                if entry.metadata().is_ok_and(|m| m.len() <= MAX_FILE_BYTES)
                    && let Ok(bytes) = std::fs::read(entry.path())
                {
                    read_fields(&String::from_utf8_lossy(&bytes), &mut fields);
                }
            }
        }
    }
    fields
}

/// The names read in one template: inside Liquid tags and outputs for HTML templates (text
/// outside them is markup, where `.html` is no field), everywhere for Ruby.
fn read_fields(text: &str, fields: &mut HashSet<String>) {
    let mut add = |code: &str| {
        for caps in PROPERTY
            .captures_iter(code)
            .chain(INDEXED.captures_iter(code))
        {
            fields.insert(caps[1].to_owned());
        }
    };
    if !text.contains("{{") && !text.contains("{%") {
        add(text);
        return;
    }
    let mut rest = text;
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let Some(end) = after.find(close) else {
            add(after);
            return;
        };
        add(&after[1..end]);
        rest = &after[end + close.len()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<String> {
        let mut found = HashSet::new();
        read_fields(text, &mut found);
        let mut found: Vec<String> = found.into_iter().collect();
        found.sort();
        found
    }

    #[test]
    fn liquid_properties_and_indexes_are_read() {
        let template = r#"<a href="index.html">{{ page.publisher }}</a>
{% for book in site.data.books %}{{ book.publisher | escape }}{{ book["isbn-13"] }}{% endfor %}"#;
        assert_eq!(
            fields(template),
            ["books", "data", "isbn-13", "publisher"],
            "`.html` in the markup is not a field"
        );
    }

    #[test]
    fn ruby_plugins_are_read_whole() {
        assert_eq!(
            fields("doc.data['number'] ||= doc.basename.to_i"),
            ["basename", "data", "number", "to_i"]
        );
    }
}
