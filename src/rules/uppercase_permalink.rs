//! FL402: capital letters in a URL. Paths are case-sensitive on most web servers, so
//! `/News/Budget/` and `/news/budget/` are different pages: a link typed or shared in lower
//! case breaks, and a case-insensitive checkout (macOS, Windows) can mix them up.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::jekyll_support::{head, permalink, range_in_value};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":[a-z_]+").expect("regex"));

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UppercasePermalink {
    /// Also check URLs that Jekyll generates from a template (`:title` keeps the file name's
    /// capitals), not only permalinks written in front matter.
    pub include_generated: bool,
}

impl Rule for UppercasePermalink {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.facts.redirect_stub {
            // A jekyll-redirect-from stub: its permalink is an old URL kept alive on purpose.
            return;
        }
        if let Some((entry, text)) = permalink(cx) {
            // Placeholders are lower case by definition; `:title` is checked in the result.
            let literal = PLACEHOLDER.replace_all(&text, |caps: &regex::Captures<'_>| {
                "_".repeat(caps[0].len())
            });
            if let Some((start, c)) = literal.char_indices().find(|(_, c)| c.is_uppercase()) {
                out.push(
                    Finding::new(
                        range_in_value(cx.post, entry, &text, start, c.len_utf8()),
                        format!(
                            "the permalink `{text}` has capital letters: `{}` is a different URL on most servers",
                            text.to_lowercase()
                        ),
                    )
                    .with_help("write the permalink in lower case"),
                );
            }
            return;
        }
        if !self.include_generated {
            return;
        }
        let Some(built) = cx.facts.built() else {
            return;
        };
        if built.url.chars().any(char::is_uppercase) {
            out.push(
                Finding::new(
                    head(cx),
                    format!(
                        "Jekyll publishes this file at `{}`, which has capital letters (from the file name)",
                        built.url
                    ),
                )
                .with_help("rename the file in lower case, or set a lower-case `permalink`"),
            );
        }
    }
}
