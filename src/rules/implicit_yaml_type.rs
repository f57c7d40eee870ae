//! FL107: an unquoted value that Jekyll's YAML 1.1 parser reads as something other than the
//! text written: `title: No` is the boolean false, `code: 0755` the number 493, `version: 1.10`
//! the number 1.1, `time: 1:20` the number 4800.

use serde::{Deserialize, Serialize};

use super::field_support::schema_types;
use crate::config::schema::FieldType;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};
use crate::yaml::{Entry, Node, Value};
use crate::yaml11::{Resolved, quote_for_humans};

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImplicitYamlType {
    /// Also report, in fields the schema does not describe, numbers that do not read back as
    /// written (`0755`, `1.10`, `1:20`, `1,000`).
    pub lossy_numbers: bool,
}

impl Default for ImplicitYamlType {
    fn default() -> Self {
        ImplicitYamlType {
            lossy_numbers: true,
        }
    }
}

impl Rule for ImplicitYamlType {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fields) = cx.post.fields() else {
            return;
        };
        for entry in fields {
            let Some(name) = entry.key.key_text() else {
                continue;
            };
            let field = cx.schema.fields.get(name);
            let types = field.and_then(|f| schema_types(&f.spec));
            let item_types = field.and_then(|f| f.spec.items.as_deref());
            match &entry.value.value {
                Value::Sequence(items) => {
                    for item in items {
                        self.check_value(entry, item, item_types, out);
                    }
                }
                _ => self.check_value(entry, &entry.value, types, out),
            }
        }
    }
}

impl ImplicitYamlType {
    fn check_value(
        &self,
        entry: &Entry,
        node: &Node,
        types: Option<&[FieldType]>,
        out: &mut Vec<Finding>,
    ) {
        if !node.is_plain_scalar() {
            return;
        }
        let Some(resolved) = node.resolved() else {
            return;
        };
        if matches!(resolved, Resolved::Str(_) | Resolved::Null) || resolved.breaks_loading() {
            return;
        }
        let text = node.as_scalar().map_or("", |s| s.text.as_str());
        let key = entry.key.key_text().unwrap_or_default();
        let wants_text = types.is_some_and(|types| {
            types
                .iter()
                .any(|t| matches!(t, FieldType::String | FieldType::Url | FieldType::Path))
                && !types.iter().any(|t| t.accepts(node) == Some(true))
        });
        let lossy = types.is_none() && self.lossy_numbers && is_lossy_number(resolved, text);
        if !(wants_text || lossy) {
            return;
        }
        let shown = resolved.ruby_inspect();
        let message = if wants_text {
            format!(
                "Jekyll reads `{text}` as the {} {shown}, not as the text \"{text}\"",
                resolved.kind().name()
            )
        } else {
            format!(
                "Jekyll reads `{text}` as the {} {shown}",
                resolved.kind().name()
            )
        };
        let help = if wants_text {
            format!("quote it: `{key}: {}`", quote_for_humans(text))
        } else {
            format!(
                "quote it to keep the text (`{key}: {}`), or write `{shown}` if you meant the number",
                quote_for_humans(text)
            )
        };
        // Quoting keeps the text as written. Where the schema wants text, that is what the
        // author meant; elsewhere it changes the value Jekyll sees (493 becomes "0755").
        let edit = vec![Edit::new(node.span.clone(), quote_for_humans(text))];
        let fix = if wants_text {
            Fix::safe("quote the value", edit)
        } else {
            Fix::unsafe_("quote the value to keep its text", edit)
        };
        out.push(
            Finding::new(node.span.clone(), message)
                .with_help(help)
                .with_fix(fix),
        );
    }
}

/// A number whose value does not read back as the text written: octal `0755`, `1.10`,
/// sexagesimal `1:20`, separators `1,000` / `1_000`, hex, binary.
fn is_lossy_number(resolved: &Resolved, text: &str) -> bool {
    match resolved {
        Resolved::Int(_) | Resolved::Float(_) => {
            let shown = resolved.ruby_inspect();
            let text = text.trim();
            shown != text && shown != text.trim_start_matches('+')
        }
        _ => false,
    }
}
