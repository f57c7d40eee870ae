//! The links one file writes, and what each points to as far as the file alone tells: its
//! Markdown links and images, the URLs of its HTML (`href`, `src`, `srcset`…), Jekyll's link
//! tags, and the front matter fields that hold a link. A relative link is resolved against
//! the page's own URL, as a browser does; a link written with `{{ site.baseurl }}` or a
//! `relative_url` filter is read as the path it prints; anything else Liquid computes is not
//! guessed.

use std::sync::LazyLock;

use regex::Regex;

use super::liquid_tags::link_tags;
use super::{LinkSource, LinkTarget, SiteLink};
use crate::config::FileSchema;
use crate::config::schema::FieldType;
use crate::markdown::{LinkKind, SkippedKind};
use crate::post::Post;
use crate::site::facts::DocKind;
use crate::site::index::Anchor;
use crate::site::{DocFacts, Site};
use crate::source::Position;

/// Front matter fields that hold a link on every site (jekyll-redirect-from's `redirect_to`)
/// and on Isomer sites (a resource's file and a page's thumbnail).
const LINK_FIELDS: [&str; 1] = ["redirect_to"];
const ISOMER_LINK_FIELDS: [(&str, &str); 2] = [("file_url", "a"), ("image", "img")];

/// `{{ site.baseurl }}`, `{{ "/x" | relative_url }}`, `{{ site.url }}`: Liquid whose output is
/// known. Group 1: the quoted path of a filter; the whole match is what it replaces.
static KNOWN_LIQUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\{\{-?\s*(?:site\.baseurl|site\.url|["']([^"'{}]*)["']\s*\|\s*(?:relative_url|absolute_url))\s*-?\}\}"#,
    )
    .expect("regex")
});

/// A destination that is one of Jekyll's link tags alone (`{% link a.md %}`, after
/// `{{ site.baseurl }}` perhaps): the tag itself is the link (`link_tags`).
static TAG_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\{\{-?\s*site\.baseurl\s*-?\}\})?\{%-?\s*(?:link|post_url)\s[^%]*-?%\}\s*$")
        .expect("regex")
});

/// Every link of `post`: `facts` say what Jekyll makes of it (its URL is the base of its
/// relative links), `schema` which front matter fields hold links.
pub fn links_of(post: &Post, facts: &DocFacts, site: &Site, schema: &FileSchema) -> Vec<SiteLink> {
    let Some(built) = facts.built() else {
        return Vec::new();
    };
    let reader = Reader {
        post,
        site,
        base: page_base(&built.url, site),
        source_dir: facts
            .source_path
            .as_deref()
            .and_then(|p| p.rsplit_once('/'))
            .map_or("", |(dir, _)| dir),
        relative_links: relative_links_apply(site, facts),
    };
    let mut links = Vec::new();
    if facts.kind != DocKind::StaticFile && facts.is_markdown {
        reader.markdown_links(&mut links);
    }
    reader.link_tags(&mut links);
    reader.front_matter_links(schema, &mut links);
    links.sort_by_key(|link| link.range.start);
    // Positions in one pass: a page can hold hundreds of thousands of links on one line.
    let ranges: Vec<std::ops::Range<usize>> = links.iter().map(|l| l.range.clone()).collect();
    let positions = post.source.anchors(&ranges);
    links
        .into_iter()
        .zip(positions)
        .map(|(link, (start, end))| link.placed(start, end))
        .collect()
}

/// The links the site-wide rules judge: the ones to this site, its link tags, placeholders.
/// (A page's thousand links to other sites need not be kept for every file of a site.)
pub fn judged(links: Vec<SiteLink>) -> Vec<SiteLink> {
    links
        .into_iter()
        .filter(|link| !matches!(link.target, LinkTarget::External | LinkTarget::Computed))
        .collect()
}

/// A link before its positions are known.
struct Pending {
    range: std::ops::Range<usize>,
    written: String,
    kind: LinkSource,
    element: String,
    target: LinkTarget,
}

impl Pending {
    fn placed(self, start: Position, end: Position) -> SiteLink {
        SiteLink {
            at: Anchor {
                range: self.range,
                start,
                end,
            },
            written: self.written,
            kind: self.kind,
            element: self.element,
            target: self.target,
        }
    }
}

/// Does jekyll-relative-links rewrite this file's links to source files? It runs on Markdown
/// pages, and on posts and collection documents only with `relative_links: collections: true`.
fn relative_links_apply(site: &Site, facts: &DocFacts) -> bool {
    site.plugins.relative_links
        && site.config.relative_links_enabled
        && facts.is_markdown
        && match facts.kind {
            DocKind::Page => true,
            DocKind::Post | DocKind::Document { .. } => site.config.relative_links_collections,
            _ => false,
        }
}

struct Reader<'a> {
    post: &'a Post,
    site: &'a Site,
    /// The page's address, which relative links resolve against.
    base: Option<url::Url>,
    source_dir: &'a str,
    relative_links: bool,
}

impl Reader<'_> {
    fn markdown_links(&self, out: &mut Vec<Pending>) {
        let scan = self.post.markdown();
        for link in &scan.links {
            let Some(url) = link.url.as_ref().filter(|u| !TAG_ONLY.is_match(&u.value)) else {
                continue;
            };
            let kind = match (link.kind, link.image) {
                (_, true) => LinkSource::Image,
                (LinkKind::Inline, _) => LinkSource::Inline,
                (LinkKind::Autolink, _) => LinkSource::Autolink,
                (LinkKind::HtmlAnchor, _) => LinkSource::Html,
                _ => LinkSource::Reference,
            };
            let element = if link.image { "img" } else { "a" };
            // jekyll-relative-links rewrites Markdown links, not HTML ones.
            let rewritable = self.relative_links && kind != LinkSource::Html;
            out.push(self.link(&url.value, url.span.clone(), kind, element, rewritable));
        }
        for resource in scan
            .resources
            .iter()
            .filter(|r| !TAG_ONLY.is_match(&r.url.value))
        {
            let written = &resource.url.value;
            let mut link = self.link(
                written,
                resource.url.span.clone(),
                LinkSource::Html,
                &resource.element,
                false,
            );
            if resource.has_liquid && !KNOWN_LIQUID.is_match(written) {
                link.target = LinkTarget::Computed;
            }
            out.push(link);
        }
    }

    fn link_tags(&self, out: &mut Vec<Pending>) {
        let body = self.post.body();
        let text = &self.post.source.text[body.clone()];
        let skipped: Vec<std::ops::Range<usize>> = self
            .post
            .markdown()
            .skipped
            .iter()
            .filter(|s| s.kind == SkippedKind::Liquid)
            .map(|s| s.span.start - body.start..s.span.end - body.start)
            .collect();
        for tag in link_tags(text, &skipped) {
            let span = body.start + tag.span.start..body.start + tag.span.end;
            let computed = tag.argument.contains("{{") || tag.argument.contains("{%");
            let (kind, target) = match (tag.post_url, computed) {
                (_, true) => (LinkSource::LiquidLink, LinkTarget::Computed),
                (true, false) => (
                    LinkSource::LiquidPostUrl,
                    LinkTarget::PostUrl(tag.argument.clone()),
                ),
                (false, false) => (
                    LinkSource::LiquidLink,
                    LinkTarget::LinkTag(tag.argument.trim_matches(['"', '\'']).to_owned()),
                ),
            };
            out.push(Pending {
                range: span,
                written: tag.argument,
                kind,
                element: "a".to_owned(),
                target,
            });
        }
    }

    fn front_matter_links(&self, schema: &FileSchema, out: &mut Vec<Pending>) {
        let Some(fields) = self.post.fields() else {
            return;
        };
        let isomer = self.site.config.is_isomer();
        for entry in fields {
            let Some(name) = entry.key.key_text() else {
                continue;
            };
            // A field typed `url` or `path` whose value is one: a value of another shape is
            // `wrong-field-type`'s to report.
            let typed = schema.fields.get(name).is_some_and(|field| {
                field.spec.types.as_ref().is_some_and(|types| {
                    types.iter().any(|t| {
                        matches!(t, FieldType::Url | FieldType::Path)
                            && t.accepts(&entry.value) == Some(true)
                    })
                })
            });
            let element = match ISOMER_LINK_FIELDS.iter().find(|(f, _)| *f == name) {
                Some((_, element)) if isomer => *element,
                _ if typed || (LINK_FIELDS.contains(&name) && self.site.plugins.redirect_from) => {
                    "a"
                }
                _ => continue,
            };
            let Some(value) = crate::site::front_matter::scalar_to_s(&entry.value) else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            let mut link = self.link(
                &value,
                entry.value.span.clone(),
                LinkSource::FrontMatter,
                element,
                false,
            );
            // Front matter is not rendered: Liquid in it stays text, unless a layout renders it.
            if value.contains("{{") || value.contains("{%") {
                link.target = LinkTarget::Computed;
            }
            out.push(link);
        }
    }

    fn link(
        &self,
        written: &str,
        span: std::ops::Range<usize>,
        kind: LinkSource,
        element: &str,
        rewritable: bool,
    ) -> Pending {
        let mut target = match &self.base {
            Some(base) => classify_from(written, base, self.site),
            None => LinkTarget::Computed,
        };
        if rewritable
            && let LinkTarget::Site {
                own_host: false,
                source,
                ..
            } = &mut target
        {
            *source = relative_source(written, self.source_dir);
        }
        Pending {
            range: span,
            written: written.to_owned(),
            kind,
            element: element.to_owned(),
            target,
        }
    }
}

/// The address of a page at `page_url` (site-absolute, without `baseurl`) on a stand-in host,
/// for resolving links the way a browser does.
fn page_base(page_url: &str, site: &Site) -> Option<url::Url> {
    url::Url::parse(&format!(
        "https://site.invalid{}{}",
        site.config.baseurl, page_url
    ))
    .ok()
}

/// What a destination points to, from a page at `page_url` (site-absolute, without `baseurl`).
pub fn classify(written: &str, page_url: &str, site: &Site) -> LinkTarget {
    match page_base(page_url, site) {
        Some(base) => classify_from(written, &base, site),
        None => LinkTarget::Computed,
    }
}

fn classify_from(written: &str, base: &url::Url, site: &Site) -> LinkTarget {
    let mut text = written.trim().to_owned();
    let own_root = site.host.hostnames.first().map(|h| format!("https://{h}"));
    if text.contains("{{") || text.contains("{%") {
        text = match expand_known_liquid(&text, &site.config.baseurl, own_root.as_deref()) {
            Some(expanded) => expanded,
            None => return LinkTarget::Computed,
        };
    }
    if text.is_empty() || text == "#" {
        return LinkTarget::Empty;
    }
    if let Some(fragment) = text.strip_prefix('#') {
        return LinkTarget::Fragment(decode(fragment));
    }
    let has_scheme = text.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let web = text.starts_with("//")
        || text.to_ascii_lowercase().starts_with("http:")
        || text.to_ascii_lowercase().starts_with("https:");
    if has_scheme && !web {
        return LinkTarget::External;
    }
    let Ok(resolved) = base.join(&text) else {
        return LinkTarget::External;
    };
    let own_host = match resolved.host_str() {
        Some("site.invalid") => false,
        Some(host) if site.host.is_own_host(host) => true,
        _ => return LinkTarget::External,
    };
    let full = decode(resolved.path());
    let (path, outside_base) = match site.config.baseurl.as_str() {
        "" => (full, false),
        base => match full.strip_prefix(base) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                (format!("/{}", rest.trim_start_matches('/')), false)
            }
            _ => (full, true),
        },
    };
    let path = if path.is_empty() {
        "/".to_owned()
    } else {
        path
    };
    LinkTarget::Site {
        path,
        fragment: resolved.fragment().map(decode).filter(|f| !f.is_empty()),
        own_host,
        outside_base,
        source: None,
    }
}

/// The destination with `{{ site.baseurl }}`, `{{ site.url }}` and `relative_url` /
/// `absolute_url` of a quoted path printed; `None` when other Liquid remains.
fn expand_known_liquid(text: &str, baseurl: &str, own_root: Option<&str>) -> Option<String> {
    let expanded = KNOWN_LIQUID.replace_all(text, |caps: &regex::Captures<'_>| {
        let whole = &caps[0];
        match caps.get(1) {
            Some(path) => {
                let path = path.as_str();
                let slash = if path.starts_with('/') || path.is_empty() {
                    ""
                } else {
                    "/"
                };
                let root = if whole.contains("absolute_url") {
                    own_root.unwrap_or("")
                } else {
                    ""
                };
                format!("{root}{baseurl}{slash}{path}")
            }
            None if whole.contains("baseurl") => baseurl.to_owned(),
            None => own_root.unwrap_or("").to_owned(),
        }
    });
    let done = !expanded.contains("{{") && !expanded.contains("{%");
    done.then(|| expanded.into_owned())
}

/// jekyll-relative-links' `path_from_root`: the link (fragment and title off,
/// `CGI.unescape`d) as a path from the site's root, relative to the page's source folder
/// unless it starts with `/`. `None` for a link it leaves alone (an absolute URL).
fn relative_source(written: &str, source_dir: &str) -> Option<String> {
    let path = written.trim().split('#').next().unwrap_or("");
    if path.is_empty() || path.contains("://") || path.starts_with("mailto:") {
        return None;
    }
    let unescaped = decode(&path.replace('+', " "));
    let (base, rest) = match unescaped.strip_prefix('/') {
        Some(rest) => ("", rest.to_owned()),
        None => (source_dir, unescaped.clone()),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Percent-decoding, as a server maps a URL path to a file (invalid UTF-8 is kept escaped).
fn decode(text: &str) -> String {
    match percent_encoding::percent_decode_str(text).decode_utf8() {
        Ok(decoded) => decoded.into_owned(),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(baseurl: &str) -> Site {
        let mut site = Site::from_files(
            std::path::PathBuf::from("/s"),
            Vec::new(),
            &Default::default(),
        );
        site.config.baseurl = baseurl.to_owned();
        site.host = crate::links::host::HostSettings::new(
            &Default::default(),
            Some("https://www.mlaw.gov.sg"),
            false,
        );
        site
    }

    fn path(target: LinkTarget) -> (String, Option<String>) {
        match target {
            LinkTarget::Site { path, fragment, .. } => (path, fragment),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn paths_resolve_against_the_page_like_a_browser() {
        let s = site("");
        assert_eq!(
            path(classify("../x/#a%20b", "/news/2020/a/", &s)),
            ("/news/2020/x/".into(), Some("a b".into()))
        );
        assert_eq!(
            path(classify("Annex A.pdf", "/files/", &s)).0,
            "/files/Annex A.pdf"
        );
        assert_eq!(
            path(classify("/files/Annex%20A.pdf?x=1", "/", &s)).0,
            "/files/Annex A.pdf"
        );
        assert_eq!(
            path(classify("https://mlaw.gov.sg/about/", "/", &s)).0,
            "/about/"
        );
        assert_eq!(
            classify("https://other.gov.sg/", "/", &s),
            LinkTarget::External
        );
        assert_eq!(classify("mailto:a@b.c", "/", &s), LinkTarget::External);
        assert_eq!(classify("#", "/", &s), LinkTarget::Empty);
        assert_eq!(
            classify("#top", "/", &s),
            LinkTarget::Fragment("top".into())
        );
        assert_eq!(classify("{{ page.x }}", "/", &s), LinkTarget::Computed);
    }

    #[test]
    fn baseurl_and_known_liquid_are_read() {
        let s = site("/docs");
        assert_eq!(path(classify("{{ site.baseurl }}/a/", "/", &s)).0, "/a/");
        assert_eq!(
            path(classify("{{ '/a/' | relative_url }}", "/", &s)).0,
            "/a/"
        );
        assert_eq!(path(classify("b.html", "/x/", &s)).0, "/x/b.html");
        match classify("/a/", "/", &s) {
            LinkTarget::Site { outside_base, .. } => assert!(outside_base),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn relative_links_sources_are_paths_from_the_root() {
        assert_eq!(
            relative_source("../b.md#x", "docs/guide"),
            Some("docs/b.md".into())
        );
        assert_eq!(relative_source("/c%20d.md", "docs"), Some("c d.md".into()));
        assert_eq!(relative_source("https://x.y/a.md", "docs"), None);
    }
}
