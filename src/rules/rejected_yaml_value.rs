//! FL108: a value Jekyll's *safe* YAML loader refuses: a Ruby symbol (`:smile`), a tag for a
//! class other than Date and Time (`!ruby/object:Set`), or a scalar Psych fails to convert
//! (`0b_`, `.e+5`). Jekyll logs an error and publishes the
//! post with none of its front matter.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::yaml::{Node, Value};
use crate::yaml11::{Resolved, quote_for_humans};

/// Tags Psych's safe loader resolves to plain strings, numbers, booleans, nulls, dates,
/// lists and hashes.
const SAFE_TAGS: &[&str] = &[
    "!!str",
    "!!int",
    "!!float",
    "!!bool",
    "!!null",
    "!!map",
    "!!seq",
    "!!timestamp",
    "!!binary",
    "!!merge",
    "!",
    "!!omap",
];

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RejectedYamlValue {}

impl Rule for RejectedYamlValue {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(root) = cx.post.front_matter() {
            walk(root, None, out);
        }
    }
}

/// `key` is the mapping key the value belongs to, for the quoting help.
fn walk(node: &Node, key: Option<&str>, out: &mut Vec<Finding>) {
    if let Some(tag) = node.tag.as_deref().filter(|tag| !SAFE_TAGS.contains(tag)) {
        out.push(
            Finding::new(node.span.clone(), format!(
                "Jekyll's YAML loader refuses the tag `{tag}` and drops the whole front matter"
            ))
            .with_help("remove the tag; front matter may only hold text, numbers, booleans, dates, lists and mappings"),
        );
        return;
    }
    match &node.value {
        Value::Scalar(scalar) if node.is_plain_scalar() => {
            let message = match node.resolved() {
                Some(Resolved::Symbol(_)) => format!(
                    "Jekyll reads `{}` as a Ruby symbol, which its YAML loader refuses: the whole front matter is dropped",
                    scalar.text
                ),
                Some(Resolved::Error(error)) => format!(
                    "Jekyll's YAML loader fails on `{}` ({}: {}): the whole front matter is dropped",
                    scalar.text, error.class, error.message
                ),
                _ => return,
            };
            out.push(
                Finding::new(node.span.clone(), message).with_help(match key {
                    Some(key) => format!("quote it: `{key}: {}`", quote_for_humans(&scalar.text)),
                    None => format!("quote it: `{}`", quote_for_humans(&scalar.text)),
                }),
            );
        }
        Value::Sequence(items) => items.iter().for_each(|item| walk(item, None, out)),
        Value::Mapping(entries) => {
            for entry in entries {
                walk(&entry.key, None, out);
                walk(&entry.value, entry.key.key_text(), out);
            }
        }
        Value::Scalar(_) | Value::Alias => {}
    }
}
