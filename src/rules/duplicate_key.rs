//! FL104: a key written twice in the same mapping. Jekyll (Psych) silently keeps the last value
//! and drops the earlier one, at every level of the front matter.

use foldhash::{HashMap, HashMapExt};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Edit, Finding, Fix, Related};
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
    let finding = Finding::new(entry.key.span.clone(), message)
        .with_help(help)
        .with_related(Related::here(first.key.span.clone(), "first set here"));
    match own_line(entry, text).filter(|_| same) {
        Some(line) => finding.with_fix(Fix::safe(
            "remove the repeated line",
            vec![Edit::new(line, "")],
        )),
        None => finding,
    }
}

/// The whole line (with its line ending) of an entry written on one line of its own, so that
/// deleting it removes exactly that entry.
fn own_line(entry: &Entry, text: &str) -> Option<std::ops::Range<usize>> {
    let start = text[..entry.key.span.start]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let only_indent_before = text[start..entry.key.span.start].trim().is_empty();
    let end = text[entry.key.span.start..]
        .find('\n')
        .map_or(text.len(), |i| entry.key.span.start + i + 1);
    let after_value = text[entry.value.span.end.min(end)..end].trim_start();
    let nothing_after = after_value.is_empty() || after_value.starts_with('#');
    (only_indent_before && entry.value.span.end <= end && nothing_after).then_some(start..end)
}

/// Do two values load to the same thing? Scalars compare by what Psych reads (`title: x` and
/// `title: 'x'` are the same text), collections by their source text.
fn same_value(a: &Node, b: &Node, text: &str) -> bool {
    match (a.as_scalar(), b.as_scalar()) {
        (Some(x), Some(y)) => x.text == y.text && a.resolved() == b.resolved(),
        _ => text[a.span.clone()] == text[b.span.clone()],
    }
}
