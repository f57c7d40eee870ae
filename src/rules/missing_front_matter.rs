//! FL101: a file that should have front matter and has none, or whose front matter Jekyll
//! cannot see because its opening `---` line is missing or malformed.

use serde::{Deserialize, Serialize};

use crate::config::Requirement;
use crate::diagnostic::Finding;
use crate::front_matter::Split;
use crate::rule::{Context, Rule};

const MISSING: &str = "this file has no front matter";
const MISSING_HELP: &str =
    "start the file with a `---` line, the front matter fields, and another `---` line";

/// Keys that only front matter has; one of them before a `---` line is a sure sign.
const FRONT_MATTER_KEYS: &[&str] = &[
    "title",
    "layout",
    "permalink",
    "date",
    "categories",
    "tags",
    "published",
];

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MissingFrontMatter {}

impl Rule for MissingFrontMatter {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let post = cx.post;
        let text = &post.source.text[post.source.bom_len()..];
        if post.split != Split::Absent || !post.is_readable() || text.trim().is_empty() {
            return;
        }
        let base = post.source.bom_len();
        if let Some((range, message, help)) = near_miss(text) {
            out.push(Finding::new(base + range.start..base + range.end, message).with_help(help));
            return;
        }
        // The config decides when it says; otherwise Jekyll's own collections do (posts,
        // drafts, and the collections of _config.yml).
        let message = match (cx.schema.front_matter, cx.facts.in_collection.as_deref()) {
            (Some(Requirement::Optional), _) => return,
            (Some(Requirement::Required), _) => match cx.schema.collections.first() {
                Some(name) => format!("{MISSING}, which every file in `{name}` needs"),
                None => MISSING.to_owned(),
            },
            (None, Some("posts")) => {
                format!("{MISSING}: Jekyll publishes this post with no title, layout or permalink")
            }
            (None, Some(label)) => format!(
                "{MISSING}: Jekyll copies it as a plain file instead of rendering it as a document of the `{label}` collection"
            ),
            (None, None) => return,
        };
        let first_line = text.find(['\n', '\r']).unwrap_or(text.len());
        out.push(Finding::new(base..base + first_line, message).with_help(MISSING_HELP));
    }
}

/// Front matter that the author clearly meant but Jekyll cannot see: the byte range to
/// underline, the message and the help.
fn near_miss(text: &str) -> Option<(std::ops::Range<usize>, String, String)> {
    let lines: Vec<(usize, &str)> = line_offsets(text).take(60).collect();
    // A closing `---` must follow within the first lines for this to be front matter at all.
    let closing = |from: usize| {
        lines
            .iter()
            .skip(from)
            .position(|(_, l)| l.trim_end() == "---")
            .map(|i| i + from)
    };
    let (first_start, first) = *lines.iter().find(|(_, l)| !l.trim().is_empty())?;
    let first_index = lines.iter().position(|(s, _)| *s == first_start)?;
    let trimmed = first.trim_end();
    let underline = first_start..first_start + trimmed.len();
    if trimmed.trim_start() == "---" && closing(first_index + 1).is_some() {
        let reason = if first_index > 0 {
            "blank lines come before the opening `---`"
        } else {
            "the opening `---` is indented"
        };
        return Some((
            underline,
            format!("{reason}, so Jekyll sees no front matter"),
            "the opening `---` must be the very first characters of the file".to_owned(),
        ));
    }
    let looks_like_delimiter = is_dash_line(trimmed);
    if looks_like_delimiter && closing(first_index + 1).is_some() {
        return Some((
            underline,
            format!(
                "`{trimmed}` does not open front matter: Jekyll needs exactly `---` on the first line"
            ),
            "replace the first line with `---`".to_owned(),
        ));
    }
    if let Some(rest) = trimmed
        .strip_prefix("---")
        .filter(|r| r.starts_with(' ') && r.contains(':'))
    {
        return Some((
            underline,
            "the opening `---` must be alone on its line, so Jekyll sees no front matter"
                .to_owned(),
            format!("move `{}` to the next line", rest.trim()),
        ));
    }
    let close = closing(first_index)?;
    let keys: Vec<&str> = lines[first_index..close]
        .iter()
        .filter_map(|(_, l)| yaml_key(l))
        .collect();
    let all_yaml = lines[first_index..close].iter().all(|(_, l)| {
        l.trim().is_empty() || yaml_key(l).is_some() || l.starts_with([' ', '\t', '-', '#'])
    });
    let convincing = keys.len() >= 2 || keys.iter().any(|k| FRONT_MATTER_KEYS.contains(k));
    if first_index == 0 && all_yaml && convincing {
        return Some((
            underline,
            "front matter without its opening `---`: Jekyll shows these lines as text".to_owned(),
            "add a `---` line at the top of the file".to_owned(),
        ));
    }
    None
}

/// `----`, `--`, `– – –`, `—`: a line of dashes that is not exactly `---`.
fn is_dash_line(line: &str) -> bool {
    let dashes: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    !dashes.is_empty()
        && dashes != "---"
        && dashes
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−'))
        && dashes.chars().count() <= 6
}

/// The key of a `key: value` line at column 0.
fn yaml_key(line: &str) -> Option<&str> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let after = &line[colon + 1..];
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && (after.is_empty() || after.starts_with([' ', '\t', '\r']));
    is_key.then_some(key)
}

fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}
