//! FL201: a field the schema marks `required: true` is not in the front matter.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::front_matter::Split;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MissingRequiredField {}

impl Rule for MissingRequiredField {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Split::Present(block) = &cx.post.split else {
            return;
        };
        // Broken or non-mapping front matter is reported by its own rule; an empty block has
        // no fields at all.
        let root = match &cx.post.yaml {
            Some(Ok(Some(root))) if root.as_mapping().is_some() => Some(root),
            Some(Ok(None)) => None,
            _ => return,
        };
        for (name, field) in &cx.schema.fields {
            if field.spec.required != Some(true) || root.is_some_and(|r| r.get(name).is_some()) {
                continue;
            }
            // `_config.yml` front matter defaults (or jekyll-default-layout) give it a value.
            if cx.facts.supplied_by_site(name) {
                continue;
            }
            let message = match cx.schema.collections.first() {
                Some(collection) => {
                    format!("required field `{name}` is missing (required in `{collection}`)")
                }
                None => format!("required field `{name}` is missing"),
            };
            let mut finding = Finding::new(block.open.clone(), message);
            if let Some(description) = &field.spec.description {
                finding = finding.with_help(format!("add `{name}:` — {description}"));
            } else {
                finding = finding.with_help(format!("add a `{name}:` line to the front matter"));
            }
            out.push(finding);
        }
    }
}
