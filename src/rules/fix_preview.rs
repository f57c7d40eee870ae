//! Checking a fix before offering it: the post as it would be after the fix's edits, under
//! its new name if the fix renames it, with what Jekyll would make of it. The date and
//! permalink rules offer a fix only when their own check, run on this preview, finds nothing
//! left to report — the model, not the fix's author, decides that a fix works.

use crate::diagnostic::Edit;
use crate::fix::{apply_edits, renamed_path};
use crate::post::Post;
use crate::rule::Context;
use crate::site::DocFacts;
use crate::source::Source;

/// A post after a fix, with its facts.
pub struct Preview {
    post: Post,
    facts: DocFacts,
}

impl Preview {
    /// `None` when the edits do not fit the text or the file is outside the site.
    pub fn of(cx: &Context<'_>, edits: &[Edit], new_name: Option<&str>) -> Option<Preview> {
        let text = apply_edits(&cx.post.source.text, edits)?;
        let source_path = cx.facts.source_path.as_deref()?;
        let rename = |path: &str| match new_name {
            Some(name) => renamed_path(path, name),
            None => path.to_owned(),
        };
        let post = Post::new(
            Source::new(rename(&cx.post.source.path), text),
            rename(&cx.post.site_path),
            None,
        );
        let facts = DocFacts::compute(&post, cx.site, Some(&rename(source_path)));
        Some(Preview { post, facts })
    }

    pub fn facts(&self) -> &DocFacts {
        &self.facts
    }

    /// The context a rule sees for the fixed post (same site and field schema).
    pub fn context<'a>(&'a self, cx: &Context<'a>) -> Context<'a> {
        Context {
            post: &self.post,
            schema: cx.schema,
            site: cx.site,
            facts: &self.facts,
        }
    }
}
