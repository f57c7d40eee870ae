//! FL203: a field the schema marks `non-empty: true` is present but empty (`title:`, `""`,
//! `[]`). Jekyll treats it as missing: no title in the page, no category.

use serde::{Deserialize, Serialize};

use super::field_support::{described_entries, is_empty_value};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmptyField {}

impl Rule for EmptyField {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (name, field, entry) in described_entries(cx.post, cx.schema) {
            if field.spec.non_empty != Some(true) || !is_empty_value(&entry.value) {
                continue;
            }
            // An empty value has no text to underline; point at the key.
            let span = if entry.value.span.is_empty() {
                entry.key.span.clone()
            } else {
                entry.value.span.clone()
            };
            out.push(
                Finding::new(span, format!("`{name}` is empty")).with_help(format!(
                    "give `{name}` a value, or remove the line if it is not needed"
                )),
            );
        }
    }
}
