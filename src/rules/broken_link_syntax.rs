//! FL504: link syntax kramdown does not read as a link, so the page shows the brackets, the
//! parentheses and the URL as text: `[text] (url)`, `[text](url]`, `[text]((url)`,
//! `**[text]**(url)`, `[text][id]` without a definition, `<a href=“…”>`.

use serde::{Deserialize, Serialize};

use super::link_support::rendered;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::markdown::{self, BrokenKind, BrokenLink};
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BrokenLinkSyntax {}

const AS_TEXT: &str = "kramdown prints it on the page as text, not as a link";

impl Rule for BrokenLinkSyntax {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        for broken in &rendered(cx).broken {
            out.push(finding(broken, text));
        }
    }
}

fn finding(broken: &BrokenLink, text: &str) -> Finding {
    let span = broken.span.clone();
    let written = &text[span.clone()];
    let what = if broken.image { "image" } else { "link" };
    let one_line = !written.contains('\n');
    match &broken.kind {
        BrokenKind::SpaceBeforeUrl { gap } => {
            let finding = Finding::new(
                span,
                format!("a space between `]` and `(` breaks this {what}: {AS_TEXT}"),
            )
            .with_help("remove the space: `[text](url)`");
            if one_line {
                finding.with_fix(Fix::safe(
                    "remove the space",
                    vec![Edit::new(gap.clone(), "")],
                ))
            } else {
                finding
            }
        }
        BrokenKind::UnclosedUrl => {
            // `[text]((https://…)`: one `(` too many.
            let doubled = broken
                .text
                .as_ref()
                .map(|t| t.end)
                .filter(|&end| text[end..].starts_with("](("));
            match doubled {
                Some(close) => Finding::new(
                    span,
                    format!("two `(` before the URL break this {what}: {AS_TEXT}"),
                )
                .with_help("remove one `(`")
                .with_fix(Fix::safe(
                    "remove the extra `(`",
                    vec![Edit::new(close + 1..close + 2, "")],
                )),
                None => Finding::new(
                    span,
                    format!("the URL of this {what} is not closed with `)`: {AS_TEXT}"),
                )
                .with_help("end the URL with `)`"),
            }
        }
        BrokenKind::UrlClosedWithBracket { at } => Finding::new(
            span,
            format!("the URL ends with `]` instead of `)`: {AS_TEXT}"),
        )
        .with_help("end the URL with `)`")
        .with_fix(Fix::safe(
            "close the URL with `)`",
            vec![Edit::new(at.clone(), ")")],
        )),
        BrokenKind::EmphasisBeforeUrl { marks } => {
            let run = &text[marks.clone()];
            let finding = Finding::new(
                span.clone(),
                format!("`{run}` between `]` and `(` breaks this {what}: {AS_TEXT}"),
            )
            .with_help(format!("put the `{run}` around the whole link: `{run}[text](url){run}`"));
            if one_line && written.ends_with(')') {
                finding.with_fix(Fix::safe(
                    format!("move `{run}` after the link"),
                    vec![
                        Edit::new(marks.clone(), ""),
                        Edit::new(span.end..span.end, run),
                    ],
                ))
            } else {
                finding
            }
        }
        BrokenKind::UnmatchedOpenBracket => Finding::new(
            span,
            "this `[` is never closed: kramdown prints it on the page as text",
        )
        .with_help("remove the `[`, or close it with `]`"),
        BrokenKind::ExtraCloseBracket => {
            let extra = broken
                .text
                .as_ref()
                .map(|t| t.end)
                .filter(|&end| text[end..].starts_with("]]("));
            let finding = Finding::new(
                span,
                format!("one `]` too many before the URL breaks this {what}: {AS_TEXT}"),
            )
            .with_help("remove one `]`");
            match extra {
                Some(end) => finding.with_fix(Fix::safe(
                    "remove the extra `]`",
                    vec![Edit::new(end + 1..end + 2, "")],
                )),
                None => finding,
            }
        }
        BrokenKind::UndefinedReference { id } => Finding::new(
            span,
            format!(
                "no link definition `[{id}]: …` in this file, so kramdown prints the reference link as text"
            ),
        )
        .with_help(format!(
            "add a line `[{id}]: https://…` to the file, or write the URL in the link: `[text](url)`"
        )),
        BrokenKind::MalformedHtmlAnchor => {
            let finding = Finding::new(
                span.clone(),
                "kramdown cannot read this `<a>` tag (a value in typographic quotes, or unquoted with `/`, `:` or `.` in it) and prints it on the page as text",
            )
            .with_help("put every attribute value in straight quotes: `<a href=\"https://…\">`");
            match repaired_tag(written) {
                Some(tag) => finding.with_fix(Fix::safe(
                    "quote the attribute values",
                    vec![Edit::new(span, tag)],
                )),
                None => finding,
            }
        }
    }
}

/// `<a href=“https://x” target=_blank>` with every value in straight quotes, when kramdown
/// then reads it as a link.
fn repaired_tag(tag: &str) -> Option<String> {
    if !tag.ends_with('>') || tag.contains('\n') {
        return None;
    }
    let mut out = String::with_capacity(tag.len() + 8);
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        out.push_str(&rest[..=eq]);
        let after = &rest[eq + 1..];
        let first = after.chars().next()?;
        let (value, remainder) = if first == '"' || first == '\'' {
            let close = after[1..].find(first)? + 1;
            (&after[1..close], &after[close + 1..])
        } else if "“”„″".contains(first) {
            let body = &after[first.len_utf8()..];
            let close = body.find(['“', '”', '″', '"'])?;
            let close_len = body[close..].chars().next()?.len_utf8();
            (&body[..close], &body[close + close_len..])
        } else if "‘’".contains(first) {
            let body = &after[first.len_utf8()..];
            let close = body.find(['‘', '’', '\''])?;
            let close_len = body[close..].chars().next()?.len_utf8();
            (&body[..close], &body[close + close_len..])
        } else {
            let end = after.find(|c: char| c.is_whitespace() || c == '>')?;
            (&after[..end], &after[end..])
        };
        if value.contains('"') {
            return None;
        }
        out.push('"');
        out.push_str(value);
        out.push('"');
        rest = remainder;
    }
    out.push_str(rest);
    // The repair must be a tag kramdown reads as a link.
    let probe = format!("{out}x</a>");
    let scan = markdown::scan(&probe, 0);
    (scan.broken.is_empty() && scan.links.len() == 1 && out != tag).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::repaired_tag;

    #[test]
    fn quotes_values_in_anchors() {
        assert_eq!(
            repaired_tag("<a href=“https://x.y/a” target=”_blank”>").as_deref(),
            Some("<a href=\"https://x.y/a\" target=\"_blank\">")
        );
        assert_eq!(
            repaired_tag("<a href=https://x.y/a?b=c target=_blank>").as_deref(),
            Some("<a href=\"https://x.y/a?b=c\" target=\"_blank\">")
        );
        assert_eq!(
            repaired_tag("<a href=\"x?a=b\" title=‘it’>").as_deref(),
            Some("<a href=\"x?a=b\" title=\"it\">")
        );
        assert_eq!(repaired_tag("<a href=“x>"), None);
    }
}
