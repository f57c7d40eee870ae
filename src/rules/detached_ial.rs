//! FL502: an attribute list that does not reach the link it was written for. kramdown applies
//! a span IAL to the element right before it: after a space it is text and printed as such;
//! after `**[a](u)**` it lands on the `<strong>`; on the next line it lands on the paragraph.

use serde::{Deserialize, Serialize};

use super::ial_repair::canonical_ial;
use super::link_support::{LINK_ONLY_ATTRIBUTES, meant_as_attributes, rendered};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::markdown::{BlockKind, ElementKind, Follows, Ial, Link, Scan};
use crate::rule::{Context, Rule};
use crate::suggest::closest;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DetachedIal {}

impl Rule for DetachedIal {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        let scan = rendered(cx);
        for ial in &scan.ials {
            if let Some(finding) = check_ial(ial, scan, text) {
                out.push(finding);
            }
        }
    }
}

fn check_ial(ial: &Ial, scan: &Scan, text: &str) -> Option<Finding> {
    let written = &text[ial.span.clone()];
    let link = ial.link.and_then(|i| scan.links.get(i));
    // A look-alike (`{target="_blank"}`) is `malformed-ial`'s finding, and this rule's too
    // only when whitespace also separates it from its link.
    let spaced_from_link = matches!(ial.follows, Follows::Text | Follows::Start) && link.is_some();
    if !ial.recognized && !spaced_from_link {
        return None;
    }
    let what = |link: &Link| if link.image { "image" } else { "link" };
    match (ial.follows, link) {
        (Follows::Text | Follows::Start, Some(link)) => {
            let gap = link.span.end..ial.span.start;
            let message = format!(
                "whitespace between the {} and its attribute list detaches the list: kramdown prints `{written}` on the page as text, and the {} gets none of it",
                what(link),
                what(link)
            );
            let finding = Finding::new(ial.span.clone(), message)
                .with_help(format!("write `{written}` right after the {}, with no space", what(link)));
            Some(with_gap_removed(finding, text, gap, false))
        }
        (Follows::Text, None) if follows_broken_link(ial, scan, text) => Some(
            Finding::new(
                ial.span.clone(),
                format!("this attribute list follows link syntax kramdown prints as text (see `broken-link-syntax`), so it prints `{written}` as text too"),
            )
            .with_help("repair the link before it; the list then applies to it"),
        ),
        (Follows::Text, None) => meant_as_attributes(ial, text).then(|| {
            Finding::new(
                ial.span.clone(),
                format!("this attribute list follows plain text, not a link or other element: kramdown prints `{written}` on the page as text"),
            )
            .with_help("put it right after the link it is for (`[text](url){:target=\"_blank\"}`), or delete it")
        }),
        (Follows::Start, None) => meant_as_attributes(ial, text).then(|| {
            let block = canonical_ial(&text[ial.content.clone()]).unwrap_or_else(|| written.to_owned());
            Finding::new(
                ial.span.clone(),
                format!("text follows this attribute list on the same line, and nothing comes before it: kramdown prints `{written}` on the page as text"),
            )
            .with_help(format!("for the paragraph or list below, put `{block}` on a line of its own"))
        }),
        (Follows::Element(kind), _) if sets_link_attributes(ial) => {
            let message = match link {
                Some(link) => format!(
                    "kramdown applies this attribute list to {} around the {}, not to the {}",
                    element_name(kind),
                    what(link),
                    what(link)
                ),
                None => format!(
                    "kramdown applies this attribute list to {}, where `{}` does nothing",
                    element_name(kind),
                    link_attribute(ial).unwrap_or_default()
                ),
            };
            let mut finding = Finding::new(ial.span.clone(), message);
            if let Some(link) = link {
                finding = finding.with_help(format!(
                    "move `{written}` inside, right after the {}",
                    what(link)
                ));
                let between = &text[link.span.end..ial.span.start];
                // `**[a](u)**{:…}` → `**[a](u){:…}**`: only closing emphasis marks between.
                if !between.is_empty() && between.chars().all(|c| matches!(c, '*' | '_' | '~'))
                {
                    finding = finding.with_fix(Fix::safe(
                        "move the attribute list onto the link",
                        vec![
                            Edit::new(link.span.end..link.span.end, written),
                            Edit::new(ial.span.clone(), ""),
                        ],
                    ));
                }
            }
            Some(finding)
        }
        (Follows::Block { target, next }, _)
            if sets_link_attributes(ial)
                && !matches!(target, BlockKind::LinkDefinition | BlockKind::Html) =>
        {
            let block = block_name(target);
            match link.filter(|_| !next) {
                Some(link) => {
                    let message = format!(
                        "on a line of its own, this attribute list applies to the {block}, not to the {} at the end of the line above",
                        what(link)
                    );
                    let finding = Finding::new(ial.span.clone(), message).with_help(format!(
                        "join it to the end of the line above, right after the {}",
                        what(link)
                    ));
                    Some(with_gap_removed(
                        finding,
                        text,
                        link.span.end..ial.span.start,
                        true,
                    ))
                }
                None => Some(
                    Finding::new(
                        ial.span.clone(),
                        format!(
                            "on a line of its own, this attribute list applies to the {} {block}, where `{}` does nothing",
                            if next { "next" } else { "previous" },
                            link_attribute(ial).unwrap_or_default()
                        ),
                    )
                    .with_help(
                        "put it right after the link it is for: `[text](url){:target=\"_blank\"}`",
                    ),
                ),
            }
        }
        _ => None,
    }
}

/// Broken link syntax ends right before the list (`[text](url]{:target="_blank"}`).
fn follows_broken_link(ial: &Ial, scan: &Scan, text: &str) -> bool {
    scan.broken.iter().any(|broken| {
        broken.span.end <= ial.span.start && text[broken.span.end..ial.span.start].trim().is_empty()
    })
}

/// Adds the fix that deletes the whitespace `gap` between a link and its list: spaces and
/// tabs on one line, or (when `line_break`) one line break and the indentation after it.
fn with_gap_removed(
    finding: Finding,
    text: &str,
    gap: std::ops::Range<usize>,
    line_break: bool,
) -> Finding {
    let between = &text[gap.clone()];
    let breaks = between.matches('\n').count();
    let blank = between
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
    if !blank || between.is_empty() || breaks != usize::from(line_break) {
        return finding;
    }
    finding.with_fix(Fix::safe(
        "attach the attribute list to the link",
        vec![Edit::new(gap, "")],
    ))
}

/// The list sets an attribute that only means something on a link (`target`, `rel`, …), or
/// a misspelling of one (`taget`).
fn sets_link_attributes(ial: &Ial) -> bool {
    link_attribute(ial).is_some()
}

fn link_attribute(ial: &Ial) -> Option<String> {
    ial.attributes()
        .into_iter()
        .map(|(key, _)| key)
        .find(|key| {
            let lower = key.to_ascii_lowercase();
            LINK_ONLY_ATTRIBUTES.contains(&lower.as_str())
                || closest(&lower, LINK_ONLY_ATTRIBUTES.iter().copied()).is_some()
        })
}

fn element_name(kind: ElementKind) -> &'static str {
    match kind {
        ElementKind::Strong => "the `<strong>` (`**…**`)",
        ElementKind::Emphasis => "the `<em>` (`*…*`)",
        ElementKind::Strikethrough => "the `<del>` (`~~…~~`)",
        ElementKind::CodeSpan => "the `<code>`",
        ElementKind::SmartQuote => "the typographic quote before it",
        ElementKind::Html => "the HTML element before it",
        ElementKind::Comment => "the comment before it",
        ElementKind::Entity => "the character entity before it",
        ElementKind::Typographic => "the dash or ellipsis before it",
        ElementKind::LineBreak => "the line break before it",
        ElementKind::Math => "the math before it",
        ElementKind::Footnote => "the footnote marker before it",
        ElementKind::RawExtension => "the `{::nomarkdown}` before it",
    }
}

fn block_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Header => "heading",
        BlockKind::List => "list",
        BlockKind::ListItem => "list item",
        BlockKind::Blockquote => "quote",
        BlockKind::CodeBlock => "code block",
        BlockKind::Table => "table",
        BlockKind::HorizontalRule => "horizontal rule",
        BlockKind::Html => "HTML block",
        BlockKind::Math => "math block",
        BlockKind::LinkDefinition => "link definition",
        BlockKind::Other => "block",
    }
}
