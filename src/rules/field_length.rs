//! FL206: a field's text is shorter or longer than its schema allows (`min-length`,
//! `max-length`; characters for text, items for lists). Long titles get cut off in search
//! results and social cards; a one-item minimum catches an empty category list.

use serde::{Deserialize, Serialize};

use super::field_support::described_entries;
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::yaml::Value;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldLength {}

impl Rule for FieldLength {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (name, field, entry) in described_entries(cx.post, cx.schema) {
            let (min, max) = (field.spec.min_length, field.spec.max_length);
            if min.is_none() && max.is_none() {
                continue;
            }
            let (length, unit) = match &entry.value.value {
                Value::Scalar(scalar) => (scalar.text.chars().count(), "character"),
                Value::Sequence(items) => (items.len(), "item"),
                _ => continue,
            };
            let units = if length == 1 {
                unit.to_owned()
            } else {
                format!("{unit}s")
            };
            if length == 0 {
                continue; // empty values are `empty-field`'s business
            }
            let problem = match (min, max) {
                (Some(min), _) if length < min => {
                    format!("`{name}` has {length} {units}; the minimum is {min}")
                }
                (_, Some(max)) if length > max => {
                    format!("`{name}` has {length} {units}; the maximum is {max}")
                }
                _ => continue,
            };
            out.push(Finding::new(entry.value.span.clone(), problem));
        }
    }
}
