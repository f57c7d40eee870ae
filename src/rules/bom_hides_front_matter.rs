//! FL109: a byte order mark before the opening `---` of a page or collection document.
//!
//! Jekyll decides whether a page has front matter by reading its first line raw
//! (`Utils.has_yaml_header?`: `\A---\s*\r?\n` on the bytes), so the three BOM bytes hide the
//! `---` and the page is copied to the site as a static file, unrendered. Posts and drafts
//! are read without that check and are not affected.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Edit, Finding, Fix};
use crate::front_matter::Split;
use crate::rule::{Context, Rule};

const MESSAGE: &str =
    "a byte order mark before `---` hides the front matter: Jekyll copies this file unrendered";
const HELP: &str = "save the file as UTF-8 without BOM";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BomHidesFrontMatter {}

impl Rule for BomHidesFrontMatter {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let post = cx.post;
        if post.source.bom_len() == 0
            || matches!(post.split, Split::Absent)
            || is_post(&post.site_path)
        {
            return;
        }
        let fix = Fix::safe("remove the byte order mark", vec![Edit::new(0..3, "")]);
        out.push(Finding::new(0..3, MESSAGE).with_help(HELP).with_fix(fix));
    }
}

/// Posts and drafts are read whatever their first line is (`readers/post_reader.rb`).
fn is_post(site_path: &str) -> bool {
    site_path
        .split('/')
        .any(|component| component == "_posts" || component == "_drafts")
}
