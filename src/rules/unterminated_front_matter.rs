//! FL102: an opening `---` with no closing line. Jekyll then sees no front matter at all and
//! publishes the YAML as text (the `---` becomes a horizontal rule).

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Finding, Related};
use crate::front_matter::Split;
use crate::rule::{Context, Rule};

const MESSAGE: &str =
    "the front matter opened here is never closed, so Jekyll publishes it as text";
const HELP: &str = "add a line with only `---` after the last front matter field";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnterminatedFrontMatter {}

impl Rule for UnterminatedFrontMatter {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Split::Unterminated { open } = &cx.post.split else {
            return;
        };
        let text = &cx.post.source.text;
        let mut finding = Finding::new(open.clone(), MESSAGE).with_help(HELP);
        if let Some(near) = near_miss_closing(text, open.end) {
            let line = text[near.clone()].trim();
            finding = finding
                .with_help(format!(
                    "`{line}` does not close front matter: the closing line must be exactly `---` or `...`"
                ))
                .with_related(Related::here(near, "meant to close the front matter?"));
        }
        out.push(finding);
    }
}

/// A line after the opening that was probably meant to close it: dashes or dots that are not
/// exactly `---`/`...`, or `---` with text after it.
fn near_miss_closing(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let mut offset = from;
    for line in text[from..].split_inclusive('\n').take(200) {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        let marks: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        let dashes = !marks.is_empty()
            && marks
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '.' | '…'))
            && marks.chars().count() <= 6;
        if dashes || trimmed.starts_with("--- ") {
            let lead = line.len() - line.trim_start().len();
            return Some(start + lead..start + lead + trimmed.len());
        }
    }
    None
}
