//! FL204: a field's value is not one of the values its schema allows (`enum`).

use serde::{Deserialize, Serialize};

use super::field_support::{described_entries, scalar_values};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DisallowedFieldValue {}

impl Rule for DisallowedFieldValue {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (name, field, entry) in described_entries(cx.post, cx.schema) {
            let Some(allowed) = field.spec.allowed.as_deref() else {
                continue;
            };
            for node in scalar_values(&entry.value) {
                let Some(text) = node.as_scalar().map(|s| s.text.as_str()) else {
                    continue;
                };
                if text.is_empty() || allowed.iter().any(|a| a == text) {
                    continue;
                }
                let same_but_case = allowed.iter().find(|a| a.eq_ignore_ascii_case(text));
                let suggestion = same_but_case
                    .map(String::as_str)
                    .or_else(|| crate::suggest::closest(text, allowed.iter().map(String::as_str)));
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("use one of: {}", list(allowed)),
                };
                out.push(
                    Finding::new(
                        node.span.clone(),
                        format!("`{text}` is not an allowed value for `{name}`"),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

fn list(allowed: &[String]) -> String {
    let shown: Vec<String> = allowed.iter().take(12).map(|a| format!("`{a}`")).collect();
    let more = allowed.len().saturating_sub(shown.len());
    if more > 0 {
        format!("{} (and {more} more)", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
