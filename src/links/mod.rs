//! The site's link graph: every link a file writes (`extract`), everything the site publishes
//! and its host serves (`published`, `host`), and what each link leads to (`resolve`, with
//! `suggest` for the page a broken link most likely meant).
//!
//! Links are read from each file once, when it is linted, into its site summary
//! (`IndexedDoc::links`), so the site-wide pass — and a pre-commit run, from the cache — can
//! resolve them against the whole site without reading any file again.

pub mod extract;
pub mod graph;
pub mod host;
pub mod liquid_tags;
pub mod published;
pub mod resolve;
pub mod suggest;

use serde::{Deserialize, Serialize};

use crate::site::index::Anchor;

/// One link a file writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLink {
    /// Where the destination is written.
    pub at: Anchor,
    /// The destination as written.
    pub written: String,
    pub kind: LinkSource,
    /// The HTML element it becomes (`a`, `img`, `iframe`, `source`…).
    pub element: String,
    pub target: LinkTarget,
}

/// How a link is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkSource {
    /// `[text](url)`
    Inline,
    /// `[text][id]` with `[id]: url`.
    Reference,
    /// `<https://…>`
    Autolink,
    /// `![alt](src)`
    Image,
    /// An HTML attribute (`<a href>`, `<img src>`, `srcset`…).
    Html,
    /// `{% link path %}`
    LiquidLink,
    /// `{% post_url name %}`
    LiquidPostUrl,
    /// A front matter field that holds a link (`file_url`, `redirect_to`, a `url`/`path` field).
    FrontMatter,
}

impl LinkSource {
    pub fn name(self) -> &'static str {
        match self {
            LinkSource::Inline => "inline",
            LinkSource::Reference => "reference",
            LinkSource::Autolink => "autolink",
            LinkSource::Image => "image",
            LinkSource::Html => "html",
            LinkSource::LiquidLink => "liquid-link",
            LinkSource::LiquidPostUrl => "liquid-post-url",
            LinkSource::FrontMatter => "front-matter",
        }
    }
}

/// What a link points to, as far as the file alone tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkTarget {
    /// A path on this site: site-absolute, percent-decoded, the site's `baseurl` taken off;
    /// with the fragment. `own_host`: written as a full URL to the site's own host.
    /// `outside_base`: on the site's host but not under its `baseurl`. `source`: the source
    /// file jekyll-relative-links turns this link into the URL of, when one has that path.
    Site {
        path: String,
        fragment: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        own_host: bool,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        outside_base: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    /// `#fragment` alone: a place on this page.
    Fragment(String),
    /// `{% link path %}`: a source file of the site (its output URL is the link).
    LinkTag(String),
    /// `{% post_url name %}`: a post by its file name without the extension.
    PostUrl(String),
    /// Another host, or another scheme (`mailto:`, `tel:`).
    External,
    /// Computed by Liquid: only Jekyll knows it.
    Computed,
    /// `""` or `#`: a placeholder that leads nowhere.
    Empty,
}
