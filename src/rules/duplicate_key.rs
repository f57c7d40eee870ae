//! FL104: a key written twice in the same mapping. Jekyll (Psych) silently keeps the last value
//! and drops the earlier one, at every level of the front matter.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Finding, Related};
use crate::rule::{Context, Rule};
use crate::yaml::{Entry, Node, Value};
use crate::yaml11::Resolved;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateKey {}

impl Rule for DuplicateKey {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(root) = cx.post.front_matter() {
            check_node(root, &cx.post.source.text, out);
        }
    }
}

fn check_node(node: &Node, text: &str, out: &mut Vec<Finding>) {
    match &node.value {
        Value::Mapping(entries) => {
            let mut first_seen: HashMap<(bool, &str), &Entry> = HashMap::new();
            for entry in entries {
                if let Some(identity) = key_identity(&entry.key) {
                    match first_seen.get(&identity) {
                        Some(first) => out.push(duplicate(first, entry, text)),
                        None => {
                            first_seen.insert(identity, entry);
                        }
                    }
                }
                check_node(&entry.value, text, out);
            }
        }
        Value::Sequence(items) => items.iter().for_each(|item| check_node(item, text, out)),
        Value::Scalar(_) | Value::Alias => {}
    }
}

/// Two keys are the same key for Psych when they load to the same value: `title` and
/// `"title"` are one key; `1` (an integer) and `"1"` (a string) are two.
fn key_identity(key: &Node) -> Option<(bool, &str)> {
    let text = key.key_text()?;
    let is_string = matches!(key.resolved(), Some(Resolved::Str(_)));
    Some((is_string, text))
}

fn duplicate(first: &Entry, entry: &Entry, text: &str) -> Finding {
    let name = entry.key.key_text().unwrap_or_default();
    let same = same_value(&first.value, &entry.value, text);
    let message = if same {
        format!("`{name}` is set twice to the same value")
    } else {
        format!("`{name}` is set twice; Jekyll keeps only this last value and drops the first")
    };
    let help = if same {
        "remove one of the two lines".to_owned()
    } else {
        format!("keep one `{name}`: decide which value is right and delete the other")
    };
    Finding::new(entry.key.span.clone(), message)
        .with_help(help)
        .with_related(Related::here(first.key.span.clone(), "first set here"))
}

/// Do two values load to the same thing? Scalars compare by what Psych reads (`title: x` and
/// `title: 'x'` are the same text), collections by their source text.
fn same_value(a: &Node, b: &Node, text: &str) -> bool {
    match (a.as_scalar(), b.as_scalar()) {
        (Some(x), Some(y)) => x.text == y.text && a.resolved() == b.resolved(),
        _ => text[a.span.clone()] == text[b.span.clone()],
    }
}
