//! FL401: a front matter `permalink` that does not give the URL its author meant: empty, a
//! style name (`pretty` works only in `_config.yml`), a full URL, no leading `/`, spaces,
//! `//`, a `.md` extension, characters that need percent-encoding (curly quotes from a word
//! processor), or placeholders that do not exist.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::jekyll_support::{permalink, range_in_value, value_or_key};
use crate::diagnostic::Finding;
use crate::jekyll::permalink::is_style_name;
use crate::rule::{Context, Rule};
use crate::site::DocKind;
use crate::site::facts::Outcome;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":([a-z_]+)").expect("regex"));
static SCHEME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)").expect("regex"));
/// The placeholders a page's permalink may use (`Page#url_placeholders`).
const PAGE_PLACEHOLDERS: [&str; 3] = ["path", "basename", "output_ext"];
/// Extensions of source files: a URL ending in one is served as that file type.
const SOURCE_EXTENSIONS: [&str; 7] = [
    ".md",
    ".markdown",
    ".mkdown",
    ".mkdn",
    ".mkd",
    ".textile",
    ".liquid",
];

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MalformedPermalink {
    /// Accept letters outside ASCII (`/新闻/`): browsers show them, Jekyll percent-encodes them.
    pub allow_non_ascii: bool,
}

impl Default for MalformedPermalink {
    fn default() -> Self {
        MalformedPermalink {
            allow_non_ascii: true,
        }
    }
}

impl Rule for MalformedPermalink {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((entry, text)) = permalink(cx) else {
            return;
        };
        let at = |start: usize, len: usize| range_in_value(cx.post, entry, &text, start, len);
        let whole = value_or_key(entry);
        let is_page = cx.facts.kind == DocKind::Page;
        if cx.facts.redirect_stub {
            // A jekyll-redirect-from stub: its permalink is an old URL kept alive on purpose,
            // spaces and all. Only what stops the build still counts.
            check_placeholders(cx, &text, is_page, &at, &whole, out);
            return;
        }
        if text.trim().is_empty() {
            let consequence = if is_page {
                "Jekyll stops the build (an empty permalink is invalid for a page)"
            } else {
                "Jekyll publishes this file at `/`, over the home page"
            };
            out.push(
                Finding::new(whole, format!("the permalink is empty: {consequence}"))
                    .with_help("write the URL, starting with `/`, or remove the `permalink` line"),
            );
            return;
        }
        if is_style_name(&text) {
            out.push(
                Finding::new(
                    whole,
                    format!(
                        "`{text}` is a permalink style only in _config.yml; in front matter it is the URL `/{text}`"
                    ),
                )
                .with_help("write the URL itself (`/news/:title/`), or set the style in _config.yml"),
            );
            return;
        }
        if SCHEME.is_match(&text) && !text.starts_with(':') {
            out.push(
                Finding::new(
                    whole,
                    format!("`{text}` is a full URL; a permalink is a path on this site"),
                )
                .with_help("write only the path, starting with `/` (use `redirect_to` for pages that moved elsewhere)"),
            );
            return;
        }
        if !text.starts_with('/') {
            out.push(
                Finding::new(
                    at(0, text.chars().next().map_or(0, char::len_utf8)),
                    format!("the permalink does not start with `/`: Jekyll makes it `/{text}`"),
                )
                .with_help(format!("write `/{text}`")),
            );
        }
        if let Some((start, c)) = text.char_indices().find(|(_, c)| c.is_whitespace()) {
            let count = text.chars().filter(|c| c.is_whitespace()).count();
            let what = if count == 1 {
                "a space".to_owned()
            } else {
                format!("{count} spaces")
            };
            out.push(
                Finding::new(
                    at(start, c.len_utf8()),
                    format!("the permalink contains {what}: the URL gets `%20` in it, and links typed with a space or a dash break"),
                )
                .with_help("use `-` between words"),
            );
        }
        if let Some(start) = text
            .get(1..)
            .and_then(|rest| rest.find("//"))
            .map(|i| i + 1)
        {
            out.push(
                Finding::new(
                    at(start, 2),
                    "the permalink contains `//`: Jekyll merges it into one `/`, so the URL is not the one written",
                )
                .with_help("remove the extra `/`"),
            );
        }
        let ends_with = |ext: &str| {
            let start = text.len().saturating_sub(ext.len());
            text.len() >= ext.len()
                && text.is_char_boundary(start)
                && text[start..].eq_ignore_ascii_case(ext)
        };
        if let Some(ext) = SOURCE_EXTENSIONS.iter().find(|e| ends_with(e)) {
            out.push(
                Finding::new(
                    at(text.len() - ext.len(), ext.len()),
                    format!(
                        "the permalink ends in `{ext}`: Jekyll writes the HTML page to a `{ext}` file, which servers do not send as a web page"
                    ),
                )
                .with_help("end the permalink with `/` or `.html`"),
            );
        }
        self.check_characters(&text, &at, out);
        check_placeholders(cx, &text, is_page, &at, &whole, out);
    }
}

impl MalformedPermalink {
    /// Characters that a URL path cannot hold as they are.
    fn check_characters(
        &self,
        text: &str,
        at: &dyn Fn(usize, usize) -> std::ops::Range<usize>,
        out: &mut Vec<Finding>,
    ) {
        let bytes = text.as_bytes();
        let bad = text.char_indices().find(|&(i, c)| {
            if c.is_whitespace() {
                return false; // reported above
            }
            match c {
                '‘' | '’' | '“' | '”' | '‚' | '„' | '′' | '″' => true,
                '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '?' | '#' => true,
                '%' => {
                    !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                        && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
                }
                c if c.is_control() => true,
                c if !c.is_ascii() => !self.allow_non_ascii || !(c.is_alphanumeric() || is_mark(c)),
                _ => false,
            }
        });
        if let Some((start, c)) = bad {
            let why = match c {
                '‘' | '’' | '“' | '”' | '‚' | '„' | '′' | '″' => {
                    "a curly quote (from a word processor)".to_owned()
                }
                '?' => {
                    "`?`, which starts a query string: the rest is not part of the page's address"
                        .to_owned()
                }
                '#' => "`#`, which starts a fragment: Jekyll encodes it as `%23`".to_owned(),
                '%' => "a `%` that does not start a percent-encoded byte".to_owned(),
                c => format!("`{c}`, which a URL must percent-encode"),
            };
            out.push(
                Finding::new(
                    at(start, c.len_utf8()),
                    format!("the permalink contains {why}"),
                )
                .with_help("use only letters, digits, `-`, `_`, `.` and `/`"),
            );
            return;
        }
        // Whatever else the URL standard rejects (checked by the `url` crate). It rejects
        // only schemes and hosts: a path (one leading `/`) always joins, and almost every
        // permalink is one.
        if text.starts_with('/') && !text.starts_with("//") {
            return;
        }
        let base = url::Url::parse("https://site.invalid/").expect("valid base");
        if let Err(error) = base.join(text) {
            out.push(Finding::new(
                at(0, text.len()),
                format!("the permalink is not a valid URL path: {error}"),
            ));
        }
    }
}

/// Placeholders Jekyll cannot fill: on a page only `:path`, `:basename` and `:output_ext`
/// exist (others stay as text); on a document an unknown one stops the build.
fn check_placeholders(
    cx: &Context<'_>,
    text: &str,
    is_page: bool,
    at: &dyn Fn(usize, usize) -> std::ops::Range<usize>,
    whole: &std::ops::Range<usize>,
    out: &mut Vec<Finding>,
) {
    if is_page {
        for caps in PLACEHOLDER.captures_iter(text) {
            let name = caps.get(1).expect("group").as_str();
            if PAGE_PLACEHOLDERS
                .iter()
                .any(|p| name == *p || name.starts_with(p))
            {
                continue;
            }
            let whole_match = caps.get(0).expect("match");
            out.push(
                Finding::new(
                    at(whole_match.start(), whole_match.len()),
                    format!(
                        "`:{name}` is not a placeholder in a page's permalink: the URL contains the text `:{name}`"
                    ),
                )
                .with_help("pages know only `:path`, `:basename` and `:output_ext`; write the URL out"),
            );
        }
        return;
    }
    match &cx.facts.outcome {
        Outcome::BuildFails(message) if message.contains("doesn't have") => {
            let unknown = PLACEHOLDER.captures_iter(text).find(|caps| {
                message.contains(&format!(" {} ", &caps[1]))
                    || message.contains(&format!(" {} or", &caps[1]))
            });
            let range = unknown
                .and_then(|caps| caps.get(0))
                .map_or(whole.clone(), |m| at(m.start(), m.len()));
            out.push(
                Finding::new(
                    range,
                    "this placeholder does not exist: Jekyll stops the build (\"The URL template doesn't have … keys\")",
                )
                .with_help("use one of Jekyll's placeholders: :year :month :day :title :slug :categories :output_ext …"),
            );
        }
        Outcome::BuildFails(message) if message.starts_with("InvalidURIError") => {
            out.push(
                Finding::new(
                    whole.clone(),
                    "Jekyll cannot turn this permalink into a URL (a `:` makes it look like `scheme:`) and stops the build",
                )
                .with_help("remove the `:` or put a `/` before it"),
            );
        }
        _ => {}
    }
}

/// Combining marks (Tamil vowel signs, accents written separately) belong to their word.
fn is_mark(c: char) -> bool {
    static MARK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{M}\u{200C}\u{200D}]$").expect("regex"));
    MARK.is_match(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    /// `check_characters` skips the `url` crate for paths: it must accept every one of them
    /// (whatever the characters that reach it).
    #[test]
    fn every_path_joins_a_base_url() {
        let base = url::Url::parse("https://site.invalid/").unwrap();
        let pieces = [
            "a", "%41", "%zz", ":title", "é", "..", ".", "", "x:y", "@", "[", "]", "a b", "~",
        ];
        for first in pieces {
            for second in pieces {
                for text in [format!("/{first}/{second}"), format!("/{first}{second}/")] {
                    if text.starts_with("//") {
                        continue; // a host: parsed
                    }
                    assert!(base.join(&text).is_ok(), "{text}");
                }
            }
        }
    }
}
