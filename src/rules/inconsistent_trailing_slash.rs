//! FL403: permalinks of one collection (the posts of one folder, or one collection's
//! documents) that mix `/media/a/` and `/media/b`. The two forms are different files on the
//! server (`a/index.html` and `b.html`), and links written by habit break on the other form.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{IndexedDoc, SiteContext, SiteFinding};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SlashStyle {
    /// Whichever form most URLs of the collection use.
    #[default]
    Consistent,
    /// Every extension-less URL ends with `/`.
    Always,
    /// No URL ends with `/`.
    Never,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InconsistentTrailingSlash {
    pub style: SlashStyle,
}

impl Rule for InconsistentTrailingSlash {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let mut groups: BTreeMap<&str, Vec<&IndexedDoc>> = BTreeMap::new();
        // A jekyll-redirect-from stub keeps an old URL alive as it was: not a URL to restyle.
        for doc in cx
            .docs
            .iter()
            .filter(|d| d.written && !d.extras().redirect_stub)
        {
            if let (Some(group), Some(url)) = (doc.group.as_deref(), doc.url.as_deref())
                && is_folder_like(url)
            {
                groups.entry(group).or_default().push(doc);
            }
        }
        for (group, docs) in groups {
            let with = docs.iter().filter(|d| ends_with_slash(d)).count();
            let without = docs.len() - with;
            let want_slash = match self.style {
                SlashStyle::Always => true,
                SlashStyle::Never => false,
                SlashStyle::Consistent if with == without => continue,
                SlashStyle::Consistent => with > without,
            };
            let example = docs.iter().find(|d| ends_with_slash(d) == want_slash);
            let name = if group.is_empty() { "_posts" } else { group };
            for doc in docs.iter().filter(|d| ends_with_slash(d) != want_slash) {
                // Only a permalink written in the file can be changed there.
                if doc.permalink.is_none() {
                    continue;
                }
                let url = doc.url.as_deref().unwrap_or("");
                let message = match (self.style, want_slash) {
                    (SlashStyle::Consistent, true) => format!(
                        "`{url}` has no trailing `/`, unlike {with} of the {} URLs in `{name}`",
                        docs.len()
                    ),
                    (SlashStyle::Consistent, false) => format!(
                        "`{url}` ends with `/`, unlike {without} of the {} URLs in `{name}`",
                        docs.len()
                    ),
                    (_, true) => format!("`{url}` has no trailing `/`"),
                    (_, false) => format!("`{url}` ends with `/`"),
                };
                let help = if want_slash {
                    "end the permalink with `/`"
                } else {
                    "remove the `/` at the end of the permalink"
                };
                let mut finding = SiteFinding::new(doc.url_place(), message).with_help(help);
                if let Some(example) = example {
                    let url = example.url.as_deref().unwrap_or("");
                    finding = finding.with_related(example.url_place(), format!("like `{url}`"));
                }
                out.push(finding);
            }
        }
    }
}

/// A URL for a folder-like page: its last segment has no extension (`/a/b`, `/a/b/`).
fn is_folder_like(url: &str) -> bool {
    let trimmed = url.trim_end_matches('/');
    if trimmed.is_empty() {
        return false;
    }
    let last = trimmed.rsplit('/').next().unwrap_or("");
    !last.contains('.')
}

fn ends_with_slash(doc: &IndexedDoc) -> bool {
    doc.url.as_deref().is_some_and(|u| u.ends_with('/'))
}
