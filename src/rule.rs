//! What a rule is: a struct that is also its options, with a `check` over one post (and, for
//! site-wide rules, a `check_site` over every post's summary).

use crate::config::FileSchema;
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::site::index::{SiteContext, SiteFinding};
use crate::site::{DocFacts, Site};

/// Everything a per-post rule may look at.
pub struct Context<'a> {
    pub post: &'a Post,
    /// The merged field schema of the collections this post belongs to.
    pub schema: &'a FileSchema,
    /// The Jekyll site the post belongs to.
    pub site: &'a Site,
    /// What Jekyll makes of the post (kind, date, URL), computed once before the rules run.
    pub facts: &'a DocFacts,
}

pub trait Rule: Send + Sync {
    /// Report what is wrong with one post.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);

    /// Report what is wrong across the site (runs once per site, after every post).
    fn check_site(&self, _cx: &SiteContext<'_>, _out: &mut Vec<SiteFinding>) {}

    /// Does `check_site` compare files with each other? Then a run that names only a few files
    /// (pre-commit) still reads the rest of the site, to compare the named files with it.
    fn compares_files(&self) -> bool {
        false
    }
}
