//! FL207: a front matter field the schema does not know. Where the collection says
//! `unknown-fields: report`, every such field is reported; otherwise only near-misses of known
//! fields (`permlink`, `Title`), which Jekyll silently ignores.

use serde::{Deserialize, Serialize};

use crate::config::UnknownFields;
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnknownField {}

impl Rule for UnknownField {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fields) = cx.post.fields() else {
            return;
        };
        let known = &cx.schema.fields;
        let report_all = cx.schema.unknown_fields == Some(UnknownFields::Report);
        for entry in fields {
            let Some(name) = entry.key.key_text() else {
                continue;
            };
            if known.contains_key(name) {
                continue;
            }
            let suggestion = cx.schema.closest_field(name);
            let finding = match (suggestion, report_all) {
                (Some(known_name), _) => Finding::new(
                    entry.key.span.clone(),
                    format!("unknown field `{name}`: Jekyll ignores it"),
                )
                .with_help(format!("did you mean `{known_name}`?")),
                (None, true) => {
                    Finding::new(entry.key.span.clone(), format!("unknown field `{name}`"))
                        .with_help(known_list(cx))
                }
                (None, false) => continue,
            };
            out.push(finding);
        }
    }
}

fn known_list(cx: &Context<'_>) -> String {
    let names: Vec<&str> = cx.schema.fields.keys().map(String::as_str).collect();
    let collection = cx
        .schema
        .collections
        .first()
        .map(|c| format!(" in `{c}`"))
        .unwrap_or_default();
    format!("fields allowed{collection}: {}", names.join(", "))
}
