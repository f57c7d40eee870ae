//! FL904: a `frontlint-disable…` comment that suppresses nothing, or names no rule, and a
//! `frontlint-enable` that ends no region. Stale suppressions hide the next real problem on
//! that line; misspelt ones never worked; a stray `enable` suggests a region that is not there.
//!
//! Which suppressions were used is only known after every other rule ran, so the engine calls
//! `unused_findings`; `check` reports the names that are not rules.

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};
use crate::suppress::{Comment, Suppressions};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnusedSuppression {}

impl Rule for UnusedSuppression {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let suppressions = cx.post.suppressions();
        for orphan in &suppressions.orphan_enables {
            out.push(
                Finding::new(
                    orphan.span.clone(),
                    "this `frontlint-enable` ends no `frontlint-disable` region",
                )
                .with_help("remove it, or add the `frontlint-disable` comment it was meant to end")
                .with_fix(Fix::safe(
                    "remove the stray `frontlint-enable`",
                    vec![removal(orphan, &cx.post.source.text)],
                )),
            );
        }
        for directive in &suppressions.directives {
            for word in &directive.unknown {
                let names = crate::registry::RULES.iter().map(|r| r.name);
                let help = match crate::suggest::closest(word, names) {
                    Some(name) => {
                        format!("did you mean `{name}`? `frontlint rules` lists every rule")
                    }
                    None => "name rules by code (FL104) or name (duplicate-key)".to_owned(),
                };
                out.push(
                    Finding::new(
                        directive.span.clone(),
                        format!("`{word}` is not a frontlint rule"),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

/// Findings for the directives of one file that suppressed nothing.
pub fn unused_findings(suppressions: &Suppressions, text: &str, config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    for directive in &suppressions.directives {
        let unused: Vec<Option<&str>> = if directive.suppresses_everything() {
            if directive.used[0] {
                vec![]
            } else {
                vec![None]
            }
        } else {
            directive
                .rules
                .iter()
                .zip(&directive.used)
                .filter(|(_, used)| !**used)
                .map(|(code, _)| Some(*code))
                .collect()
        };
        if unused.is_empty() {
            continue;
        }
        let all_unused = directive.used.iter().all(|used| !used);
        for code in unused {
            let message = match code {
                None => "this suppression comment suppresses nothing".to_owned(),
                Some(code) if config.rules.get(code).is_none() => {
                    format!("`{code}` suppresses nothing: the rule is turned off in the config")
                }
                Some(code) => format!("`{code}` suppresses nothing: it reports nothing here"),
            };
            let mut finding = Finding::new(directive.span.clone(), message)
                .with_help("remove it, so that the next real problem here is reported");
            if all_unused {
                let comment = Comment {
                    span: directive.span.clone(),
                    whole_line: directive.whole_line,
                };
                // A region goes with the `enable` that ends it, which would be a stray.
                let edits = std::iter::once(&comment)
                    .chain(&directive.ended_by)
                    .map(|comment| removal(comment, text))
                    .collect();
                finding = finding.with_fix(Fix::safe("remove the unused suppression", edits));
            }
            out.push(finding);
        }
    }
    out
}

/// Deleting a comment: its whole line when it is alone on it, else just the comment.
fn removal(comment: &Comment, text: &str) -> Edit {
    if !comment.whole_line {
        return Edit::new(comment.span.clone(), "");
    }
    let start = text[..comment.span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[comment.span.end..]
        .find('\n')
        .map_or(text.len(), |i| comment.span.end + i + 1);
    Edit::new(start..end, "")
}
