//! FL501: a kramdown inline attribute list (IAL) written so that kramdown cannot read it —
//! `{target="_blank"}`, `{:target=”_blank”}`, `{:target=_blank"}`, `{:start=“5”}` — and what
//! kramdown does instead: prints it as text, or ignores the entry without a word.

use serde::{Deserialize, Serialize};

use super::ial_repair::canonical_ial;
use super::link_support::rendered;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::markdown::{BlockKind, Follows, Ial, IalProblem, IalProblemKind};
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MalformedIal {}

impl Rule for MalformedIal {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        for ial in &rendered(cx).ials {
            if let Some(finding) = check_ial(ial, text) {
                out.push(finding);
            }
        }
    }
}

fn check_ial(ial: &Ial, text: &str) -> Option<Finding> {
    let problem = main_problem(&ial.problems)?;
    // A recognised list after plain text is printed as text whatever is inside it: that is
    // `detached-ial`'s finding when it is meant as attributes, and no finding when it is
    // prose (a Ruby hash `{:a => 1}`).
    let after_text = matches!(ial.follows, Follows::Text | Follows::Start) && ial.link.is_none();
    if ial.recognized && after_text {
        return None;
    }
    let piece = &text[problem.span.clone()];
    let written = &text[ial.span.clone()];
    let repaired = ial
        .problems
        .iter()
        .all(|p| repairable(&p.kind))
        .then(|| canonical_ial(&text[ial.content.clone()]))
        .flatten()
        .filter(|c| c != written);
    let message = format!(
        "{}: {}",
        describe(&problem.kind, piece),
        effect(ial, problem, piece, written)
    );
    let mut finding = Finding::new(ial.span.clone(), message);
    match repaired {
        Some(canonical) => {
            finding = finding.with_help(format!("write `{canonical}`"));
            // Rewriting a list kramdown prints after plain text would only move the problem.
            if !after_text {
                finding = finding.with_fix(Fix::safe(
                    "rewrite the attribute list as kramdown reads it",
                    vec![Edit::new(ial.span.clone(), canonical)],
                ));
            }
        }
        None => finding = finding.with_help(GRAMMAR_HELP),
    }
    Some(finding)
}

const GRAMMAR_HELP: &str = "an attribute list is `{:` then entries separated by spaces — `key=\"value\"` in straight quotes, `.class`, `#id` — then `}`, right after the element";

/// Problems whose intent is plain once the quotes and spaces are straightened. A `}` in a
/// value, a bare word or a key set twice could mean several things.
fn repairable(kind: &IalProblemKind) -> bool {
    use IalProblemKind::*;
    matches!(
        kind,
        MissingColon
            | SpaceBeforeColon
            | CurlyQuotes
            | UnquotedValue
            | HalfQuoted
            | GluedEntries
            | SpaceAroundEquals
    )
}

/// The problem that decides what kramdown does with the whole list.
fn main_problem(problems: &[IalProblem]) -> Option<&IalProblem> {
    use IalProblemKind::*;
    let rank = |kind: &IalProblemKind| match kind {
        MissingColon | SpaceBeforeColon | Empty => 0,
        BraceInValue => 1,
        CurlyQuotes => 2,
        HalfQuoted => 3,
        UnquotedValue => 4,
        GluedEntries => 5,
        SpaceAroundEquals => 6,
        QuoteInValue => 7,
        IgnoredText | UnknownReference(_) => 8,
        DuplicateKey(_) => 9,
    };
    problems.iter().min_by_key(|p| rank(&p.kind))
}

/// What is wrong, in the author's terms.
fn describe(kind: &IalProblemKind, piece: &str) -> String {
    use IalProblemKind::*;
    match kind {
        MissingColon => "an attribute list must start with `{:`, not `{`".to_owned(),
        SpaceBeforeColon => "a space between `{` and `:`".to_owned(),
        Empty => "an empty attribute list".to_owned(),
        CurlyQuotes => format!("typographic quotes in `{piece}`"),
        UnquotedValue => format!("the value in `{piece}` has no quotes"),
        HalfQuoted => format!("the value in `{piece}` has only one quote"),
        GluedEntries => "no space between two entries".to_owned(),
        BraceInValue => "a `}` inside a value".to_owned(),
        SpaceAroundEquals => format!("spaces around `=` in `{piece}`"),
        QuoteInValue => format!("a stray quote in the value `{piece}`"),
        IgnoredText => format!("`{piece}` is not `key=\"value\"`, `.class` or `#id`"),
        UnknownReference(name) => format!(
            "`{name}` is not `key=\"value\"`, `.class` or `#id`, and no `{{:{name}: …}}` definition exists"
        ),
        DuplicateKey(key) => format!("`{key}` is set twice"),
    }
}

/// What kramdown does about it, and what the reader of the page sees.
fn effect(ial: &Ial, problem: &IalProblem, piece: &str, written: &str) -> String {
    use IalProblemKind::*;
    let printed = if ial.follows == Follows::Link || ial.link.is_some() {
        format!("kramdown prints `{written}` on the page as text, and the link gets none of it")
    } else {
        format!("kramdown prints `{written}` on the page as text")
    };
    match &problem.kind {
        _ if !ial.recognized => printed,
        Empty if written == "{:}" => printed,
        Empty => "kramdown does nothing with it".to_owned(),
        BraceInValue => {
            "the list ends at the first `}`, so the value is cut there and the rest is printed as text"
                .to_owned()
        }
        GluedEntries => {
            let (key, value) = glued_value(ial, problem);
            format!("kramdown reads `{value}` as the one value of `{key}`, so the next entry is lost")
        }
        DuplicateKey(_) => "kramdown keeps only the last value".to_owned(),
        _ => {
            // `target=”_blank”` → `target`; a bare word sets nothing.
            let key = piece
                .split_once('=')
                .map(|(key, _)| key.trim())
                .filter(|k| !k.is_empty());
            let missing = key.map(|key| consequence(ial, key));
            format!(
                "kramdown ignores `{piece}`{}",
                missing.map_or(String::new(), |m| format!(", so {m}"))
            )
        }
    }
}

/// What the page lacks when the entry for `key` is ignored.
fn consequence(ial: &Ial, key: &str) -> String {
    match (key, ial.follows) {
        ("target", Follows::Link) => "the link opens in the same tab".to_owned(),
        ("start", Follows::Block { target: BlockKind::List, .. }) => {
            "the list is numbered from 1".to_owned()
        }
        ("start", Follows::Block { target, .. }) if target != BlockKind::ListItem => {
            "`start` is not set (here it would do nothing anyway: it applies to a paragraph or other block, and only a numbered list uses `start`)".to_owned()
        }
        _ => format!("`{key}` is not set"),
    }
}

/// The key and the value kramdown reads from glued entries (`target="_blank"rel="x"`).
fn glued_value<'a>(ial: &'a Ial, problem: &IalProblem) -> (&'a str, &'a str) {
    ial.entries
        .iter()
        .find_map(|entry| match &entry.kind {
            crate::markdown::EntryKind::KeyValue { key, value, .. }
                if value.span == problem.span =>
            {
                Some((key.value.as_str(), value.value.as_str()))
            }
            _ => None,
        })
        .unwrap_or(("the first key", "it"))
}
