//! What a rule is: a struct that is also its options, with a `check` over one post (and, for
//! site-wide rules, a `check_site` over every post's summary).

use crate::config::FileSchema;
use crate::diagnostic::Finding;
use crate::post::Post;

/// Everything a per-post rule may look at.
pub struct Context<'a> {
    pub post: &'a Post,
    /// The merged field schema of the collections this post belongs to.
    pub schema: &'a FileSchema,
}

pub trait Rule: Send + Sync {
    /// Report what is wrong with one post.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}
