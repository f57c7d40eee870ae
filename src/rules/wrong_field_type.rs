//! FL202: a field's value has a type its schema does not accept (`tags: {a: 1}` where a list is
//! expected, `date: 04/07/2022` where a date is expected).
//!
//! An unquoted value that YAML 1.1 turns into a boolean, number or date where text is expected
//! is left to `implicit-yaml-type`, which explains the quoting fix.

use serde::{Deserialize, Serialize};

use super::field_support::{describe, described_entries, schema_types};
use crate::config::schema::{FieldType, describe_types};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::yaml::{Node, Value};
use crate::yaml11::Resolved;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WrongFieldType {}

impl Rule for WrongFieldType {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (name, field, entry) in described_entries(cx.post, cx.schema) {
            if let Some(types) = schema_types(&field.spec)
                && let Some(finding) = mismatch(&format!("`{name}`"), &entry.value, types)
            {
                out.push(finding);
                continue;
            }
            let (Some(items), Value::Sequence(values)) =
                (field.spec.items.as_deref(), &entry.value.value)
            else {
                continue;
            };
            for item in values {
                if let Some(finding) = mismatch(&format!("each item of `{name}`"), item, items) {
                    out.push(finding);
                }
            }
        }
    }
}

/// `label` names the value in the message: "`date`", "each item of `tags`".
fn mismatch(label: &str, node: &Node, types: &[FieldType]) -> Option<Finding> {
    if matches!(node.resolved(), Some(Resolved::Null)) {
        return None; // emptiness is `empty-field`'s business
    }
    let verdicts: Vec<Option<bool>> = types.iter().map(|t| t.accepts(node)).collect();
    if verdicts.iter().any(|v| *v != Some(false)) {
        return None;
    }
    let wants_text = types
        .iter()
        .any(|t| matches!(t, FieldType::String | FieldType::Url | FieldType::Path));
    if wants_text && node.is_plain_scalar() && !matches!(node.resolved(), Some(Resolved::Str(_))) {
        return None; // implicit-yaml-type reports it with the quoting fix
    }
    let expected = describe_types(types);
    Some(
        Finding::new(
            node.span.clone(),
            format!("{label} should be {expected}, but it is {}", describe(node)),
        )
        .with_help(help_for(types, node)),
    )
}

fn help_for(types: &[FieldType], node: &Node) -> String {
    let text = node.as_scalar().map(|s| s.text.as_str()).unwrap_or("");
    if types.contains(&FieldType::Date) || types.contains(&FieldType::Datetime) {
        return "write dates as YYYY-MM-DD, or YYYY-MM-DD HH:MM:SS +08:00 with a time, unquoted"
            .to_owned();
    }
    if types.contains(&FieldType::Url) && !text.is_empty() {
        return "write a full address starting with https://".to_owned();
    }
    if types.contains(&FieldType::List) {
        return "write a list: `[a, b]` or one `- item` per line".to_owned();
    }
    format!("change the value to {}", describe_types(types))
}
