//! The IDs kramdown gives headers (`auto_ids`), from their rendered text: with Jekyll's
//! default `input: GFM`, kramdown-parser-gfm's `generate_gfm_header_id` (lower case, anything
//! but word characters, `-`, space and tab dropped, spaces and tabs made `-`, repeats
//! numbered `-1`, `-2`…); with `input: kramdown`, kramdown's own `generate_id` (leading
//! non-letters dropped, ASCII letters, digits, `-` and spaces only, `section` when nothing is
//! left, repeats numbered).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::model::{Header, Scan};

/// Which ID generator the site's kramdown uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdStyle {
    /// `input: GFM` (Jekyll's default).
    Gfm,
    /// `input: kramdown`.
    Kramdown,
}

/// The site's kramdown settings that decide header IDs (`kramdown:` in `_config.yml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdOptions {
    pub auto_ids: bool,
    pub prefix: String,
    pub style: IdStyle,
    /// `transliterated_header_ids` (kramdown input only): IDs this model does not compute.
    pub transliterated: bool,
}

impl Default for IdOptions {
    fn default() -> IdOptions {
        IdOptions {
            auto_ids: true,
            prefix: String::new(),
            style: IdStyle::Gfm,
            transliterated: false,
        }
    }
}

/// `NON_WORD_RE = /[^\p{Word}\- \t]/`.
static NON_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^\w\- \t]").expect("regex"));

/// The ID of every header, in order (`None` for one whose text Liquid prints, or when the
/// settings make IDs this model does not compute).
pub fn header_ids(headers: &[Header], options: &IdOptions) -> Vec<Option<String>> {
    let mut counters: HashMap<String, usize> = HashMap::new();
    headers
        .iter()
        .map(|header| {
            if let Some(id) = &header.explicit_id {
                return Some(id.clone());
            }
            if !options.auto_ids || (options.transliterated && options.style == IdStyle::Kramdown) {
                return None;
            }
            let text = header.text.as_deref()?;
            let base = match options.style {
                IdStyle::Gfm => gfm_id(text),
                IdStyle::Kramdown => kramdown_id(text),
            };
            let seen = counters.entry(base.clone()).or_insert(0);
            let id = match *seen {
                0 => base,
                n => format!("{base}-{n}"),
            };
            *seen += 1;
            Some(format!("{}{id}", options.prefix))
        })
        .collect()
}

/// Every ID a `#fragment` can point to on the page; `None` when some are not known.
pub fn page_ids(scan: &Scan, options: &IdOptions) -> Option<Vec<String>> {
    if !scan.ids_complete {
        return None;
    }
    let mut ids: Vec<String> = header_ids(&scan.headers, options)
        .into_iter()
        .collect::<Option<Vec<String>>>()
        .or_else(|| (!options.auto_ids).then(Vec::new))?;
    if !options.auto_ids {
        ids.extend(scan.headers.iter().filter_map(|h| h.explicit_id.clone()));
    }
    ids.extend(scan.ids.iter().map(|id| id.id.clone()));
    Some(ids)
}

fn gfm_id(text: &str) -> String {
    let lower = text.to_lowercase();
    NON_WORD.replace_all(&lower, "").replace([' ', '\t'], "-")
}

fn kramdown_id(text: &str) -> String {
    let start = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let id: String = text[start..]
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if id.is_empty() { "section".into() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Header {
        Header {
            span: 0..0,
            text: Some(text.to_owned()),
            explicit_id: None,
        }
    }

    #[test]
    fn gfm_ids_keep_unicode_letters_and_number_repeats() {
        let headers = [
            header("Hello, World!"),
            header("Hello World"),
            header("Préface – 2024"),
            header("Hello, World!"),
        ];
        let ids = header_ids(&headers, &IdOptions::default());
        let ids: Vec<&str> = ids.iter().map(|i| i.as_deref().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "hello-world",
                "hello-world-1",
                "préface--2024",
                "hello-world-2"
            ]
        );
    }

    #[test]
    fn kramdown_ids_are_ascii_and_never_empty() {
        let options = IdOptions {
            style: IdStyle::Kramdown,
            ..IdOptions::default()
        };
        let ids = header_ids(&[header("1. Préface"), header("???")], &options);
        assert_eq!(ids, [Some("prface".to_owned()), Some("section".to_owned())]);
    }
}
