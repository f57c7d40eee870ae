//! FL205: a field's text does not match the regular expression its schema gives (`pattern`),
//! e.g. a permalink that must start with `/media/`.

use serde::{Deserialize, Serialize};

use super::field_support::{described_entries, scalar_values};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldPatternMismatch {}

impl Rule for FieldPatternMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (name, field, entry) in described_entries(cx.post, cx.schema) {
            let (Some(pattern), Some(source)) = (&field.pattern, &field.spec.pattern) else {
                continue;
            };
            for node in scalar_values(&entry.value) {
                let Some(text) = node.as_scalar().map(|s| s.text.as_str()) else {
                    continue;
                };
                if text.is_empty() || pattern.is_match(text) {
                    continue;
                }
                out.push(
                    Finding::new(
                        node.span.clone(),
                        format!("`{name}` does not match the pattern `{source}`"),
                    )
                    .with_help(format!(
                        "the site's frontlint config requires `{name}` to match `{source}`"
                    )),
                );
            }
        }
    }
}
