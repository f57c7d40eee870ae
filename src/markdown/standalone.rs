//! [`parse_ial`]: the attribute list at the start of a piece of text, as kramdown reads it
//! right after a link.

use super::ial::{Follows, Ial, IalProblem, IalProblemKind, build_entries};
use super::ial_extent::{brace_cut_value, ial_extent, lookalike};
use super::ial_grammar::scan_attribute_list;
use super::ial_problems::find_problems;
use super::text::NextFinder;

/// Reads the IAL at the start of `text` (e.g. the text after `[a](u)`), spans relative to
/// `text`. Returns `None` when `text` does not start with an IAL or something written as one
/// (and for kramdown extensions such as `{::comment}`). `follows` is [`Follows::Link`]: the
/// answer is what kramdown does when the IAL directly follows a link.
pub fn parse_ial(text: &str) -> Option<Ial> {
    let b = text.as_bytes();
    if b.first() != Some(&b'{') {
        return None;
    }
    let mut finder = NextFinder::default();
    let identity = |p: usize| p;
    let make = |span: std::ops::Range<usize>,
                content: std::ops::Range<usize>,
                recognized: bool,
                mut problems: Vec<IalProblem>| {
        let shift = |p: usize| content.start + p;
        let raw = scan_attribute_list(&text[content.clone()]);
        let entries = build_entries(&raw, &text[content.clone()], &text[content.clone()], &shift);
        problems.extend(find_problems(
            text,
            content.clone(),
            &raw,
            &entries,
            &identity,
        ));
        Ial {
            span,
            content,
            recognized,
            entries,
            problems,
            follows: Follows::Link,
            link: None,
        }
    };
    if text.starts_with("{::") || text.starts_with("{:/") {
        return None;
    }
    if text.starts_with("{:") {
        return match ial_extent(b, 0, b.len(), &mut finder) {
            Some((content, end)) => {
                let mut ial = make(0..end, content, true, Vec::new());
                if brace_cut_value(&text[ial.content.clone()], &text[end..]) {
                    ial.problems.push(IalProblem {
                        kind: IalProblemKind::BraceInValue,
                        span: end - 1..end,
                    });
                }
                Some(ial)
            }
            None if text.starts_with("{:}") => {
                let problem = IalProblem {
                    kind: IalProblemKind::Empty,
                    span: 0..3,
                };
                let mut ial = make(0..3, 2..2, false, Vec::new());
                ial.problems = vec![problem];
                Some(ial)
            }
            None => None,
        };
    }
    let (content, close, kind) = lookalike(text, 0, &mut finder)?;
    let problem = IalProblem {
        kind,
        span: 0..content.start,
    };
    Some(make(0..close + 1, content, false, vec![problem]))
}
