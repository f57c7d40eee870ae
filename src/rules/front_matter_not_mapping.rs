//! FL105: front matter that parses but is not `key: value` fields (a list, a lone value).
//! Jekyll fails to read it and publishes the post without front matter.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::yaml::Value;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatterNotMapping {}

impl Rule for FrontMatterNotMapping {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(root) = cx.post.front_matter() else {
            return;
        };
        if matches!(root.value, Value::Mapping(_)) {
            return;
        }
        out.push(
            Finding::new(
                root.span.clone(),
                format!(
                    "the front matter is {}, not `key: value` fields, so Jekyll ignores all of it",
                    root.shape_name()
                ),
            )
            .with_help("write each setting as `key: value` on its own line"),
        );
    }
}
