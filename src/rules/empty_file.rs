//! FL903: an empty (or whitespace-only) Markdown file. Jekyll publishes it as an empty page
//! — in `_posts/`, an untitled post — which is rarely what anyone meant.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmptyFile {}

impl Rule for EmptyFile {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let post = cx.post;
        if !post.is_readable() || !post.source.text[post.source.bom_len()..].trim().is_empty() {
            return;
        }
        out.push(
            Finding::new(0..post.source.text.len(), "this file is empty")
                .with_help("add front matter and content, or delete the file"),
        );
    }
}
