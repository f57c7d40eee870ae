//! What the link rules (FL5xx) share: the attributes a link ends up with, where its URL
//! points, and host patterns in rule options.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::ial_repair::canonical_ial;
use crate::markdown::{EntryKind, Ial, Link, LinkKind, Scan};
use crate::rule::Context;
use crate::site::DocKind;

/// Attributes that only mean something on a link: on a `<p>` or a `<strong>` they do nothing.
pub const LINK_ONLY_ATTRIBUTES: &[&str] = &[
    "target",
    "rel",
    "href",
    "download",
    "hreflang",
    "ping",
    "referrerpolicy",
];

/// The links and attribute lists kramdown renders from this file: none for a file Jekyll
/// copies to the site as it is (no front matter, outside `_posts/`), nor for a document
/// kramdown never reads (a `.html` or `.textile` post: only Markdown goes through kramdown).
pub fn rendered<'a>(cx: &Context<'a>) -> &'a Scan {
    static NOTHING: LazyLock<Scan> = LazyLock::new(Scan::default);
    if cx.facts.kind == DocKind::StaticFile || !cx.facts.is_markdown {
        return &NOTHING;
    }
    cx.post.markdown()
}

/// A `{:…}` that is meant as an attribute list, not prose that happens to look like one (a
/// Ruby hash `{:a => 1}` in a sentence): it has an attribute entry kramdown reads, or every
/// token of it is clearly an entry once quotes are straightened.
pub fn meant_as_attributes(ial: &Ial, text: &str) -> bool {
    let content = &text[ial.content.clone()];
    !content.contains("=>")
        && (ial
            .entries
            .iter()
            .any(|e| !matches!(e.kind, EntryKind::Reference(_)))
            || canonical_ial(content).is_some())
}

/// One attribute as a link ends up with it, and where it was written.
#[derive(Debug, Clone)]
pub struct Attribute<'a> {
    /// As written (HTML names are lower-cased by the scanner); `class`/`id` for `.c`/`#i`.
    pub name: &'a str,
    /// Where the name is written; `None` for `.class` and `#id` entries.
    pub name_span: Option<Range<usize>>,
    pub value: &'a str,
    /// The value's text in the file (between the quotes); empty at the name's end for a bare
    /// HTML attribute.
    pub value_span: Range<usize>,
    pub origin: Origin,
}

/// Where an attribute of a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An attribute of an HTML `<a>` tag.
    Html,
    /// An entry of the attribute list `scan.ials[index]` (on the link or its definition).
    Ial(usize),
}

/// Every attribute kramdown puts on `link`, in the order it applies them (a later one with
/// the same name wins): the HTML tag's own, then block IALs under the link definition, then
/// the IALs right after the link.
pub fn attributes<'a>(scan: &'a Scan, link: &'a Link) -> Vec<Attribute<'a>> {
    let mut out = Vec::new();
    for attr in &link.html_attrs {
        let (value, value_span) = match &attr.value {
            Some(v) => (v.value.as_str(), v.span.clone()),
            None => ("", attr.name.span.end..attr.name.span.end),
        };
        out.push(Attribute {
            name: &attr.name.value,
            name_span: Some(attr.name.span.clone()),
            value,
            value_span,
            origin: Origin::Html,
        });
    }
    let definition_ials = link
        .ref_def
        .and_then(|d| scan.ref_defs.get(d))
        .map_or(&[][..], |d| d.ials.as_slice());
    for &index in definition_ials.iter().chain(&link.ials) {
        for entry in &scan.ials[index].entries {
            let (name, name_span, value) = match &entry.kind {
                EntryKind::KeyValue { key, value, .. } => {
                    (key.value.as_str(), Some(key.span.clone()), value)
                }
                EntryKind::Class(class) => ("class", None, class),
                EntryKind::Id(id) => ("id", None, id),
                EntryKind::Reference(_) => continue,
            };
            out.push(Attribute {
                name,
                name_span,
                value: &value.value,
                value_span: value.span.clone(),
                origin: Origin::Ial(index),
            });
        }
    }
    out
}

/// The attribute `name` that takes effect (the last one written), compared without case as
/// browsers do.
pub fn effective<'a, 'b>(attrs: &'b [Attribute<'a>], name: &str) -> Option<&'b Attribute<'a>> {
    attrs
        .iter()
        .rev()
        .find(|a| a.name.eq_ignore_ascii_case(name))
}

/// The links a link rule looks at: anchors, not images.
pub fn anchors(scan: &Scan) -> impl Iterator<Item = &Link> {
    scan.links.iter().filter(|link| !link.image)
}

/// Links whose URL is written at the link itself (inline links, autolinks, HTML anchors,
/// images): a reference link's URL is written once, in its definition, and checked there.
pub fn written_urls(scan: &Scan) -> impl Iterator<Item = WrittenUrl<'_>> {
    let links = scan.links.iter().filter_map(|link| {
        let by_reference = matches!(
            link.kind,
            LinkKind::Reference | LinkKind::Collapsed | LinkKind::Shortcut
        );
        let url = link.url.as_ref().filter(|_| !by_reference)?;
        Some(WrittenUrl {
            url: &url.value,
            span: url.span.clone(),
            construct: link.span.clone(),
            has_liquid: link.url_has_liquid,
            image: link.image,
        })
    });
    let definitions = scan.ref_defs.iter().map(|def| WrittenUrl {
        url: &def.url.value,
        span: def.url.span.clone(),
        construct: def.span.clone(),
        has_liquid: has_liquid(&def.url.value),
        image: false,
    });
    links.chain(definitions)
}

/// A URL as written in the file.
pub struct WrittenUrl<'a> {
    /// The destination as kramdown reads it (trimmed, `<…>` removed).
    pub url: &'a str,
    /// Where the URL is written.
    pub span: Range<usize>,
    /// The whole link or definition.
    pub construct: Range<usize>,
    pub has_liquid: bool,
    pub image: bool,
}

fn has_liquid(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// An `http(s)://` (or `//`) URL on a host; internal or external depends on the site.
    Web { host: String },
    /// A path or fragment on this site (`/about/`, `report.pdf`, `#top`, `{{ site.baseurl }}/x`).
    Site { document: bool },
    /// `mailto:`, `tel:` and other schemes: not a page.
    OtherScheme,
    /// Only known once Jekyll renders Liquid, or not a URL at all.
    Unknown,
}

/// Where `url` goes. `has_liquid`: it holds `{{ … }}`/`{% … %}` (the scanner's judgement).
pub fn destination(url: &str, has_liquid: bool) -> Destination {
    let url = url.trim();
    if has_liquid {
        if url.starts_with("{{") || url.starts_with("{%") {
            return site_liquid(url).map_or(Destination::Unknown, |path| Destination::Site {
                document: is_document(path),
            });
        }
        // `https://host/{{ x }}`: the host is known when no Liquid is in it.
        return match web_host(url) {
            Some(host) if !host.contains(['{', '}', '%']) => Destination::Web { host },
            _ => Destination::Unknown,
        };
    }
    if url.starts_with("//") {
        return web_host(url).map_or(Destination::Unknown, |host| Destination::Web { host });
    }
    match scheme(url) {
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            web_host(url).map_or(Destination::Unknown, |host| Destination::Web { host })
        }
        Some(_) => Destination::OtherScheme,
        None => Destination::Site {
            document: is_document(url),
        },
    }
}

/// A URL that starts with Liquid which always yields a URL on this site (`{{ site.baseurl }}`,
/// `{{ '/a.pdf' | relative_url }}`, `{% link _docs/a.md %}`, `{% post_url … %}`): the path it
/// names, as far as it can be read without rendering.
fn site_liquid(url: &str) -> Option<&str> {
    let (close, output) = if url.starts_with("{{") {
        ("}}", true)
    } else {
        ("%}", false)
    };
    let end = url.find(close).map_or(url.len(), |e| e + 2);
    let (construct, after) = url.split_at(end);
    let inner = construct.trim_start_matches(['{', '%', '-']).trim_start();
    if output {
        let site = ["site.baseurl", "site.url", "relative_url", "absolute_url"]
            .iter()
            .any(|s| inner.contains(s));
        if !site {
            return None;
        }
        // `{{ '/a.pdf' | relative_url }}`: the quoted path; `{{ site.baseurl }}/a.pdf`: the rest.
        let quoted = inner.find(['\'', '"']).and_then(|q| {
            inner[q + 1..]
                .find(['\'', '"'])
                .map(|e| &inner[q + 1..q + 1 + e])
        });
        return Some(quoted.unwrap_or(after));
    }
    let mut words = inner.split_whitespace();
    match words.next() {
        Some("link") => Some(words.next().unwrap_or("")),
        Some("post_url") => Some(""),
        _ => None,
    }
}

/// The scheme of an absolute URL (`https` in `https://…`), if it has one.
pub fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(candidate)
}

/// The lower-cased host of an `http(s)://…` or `//…` URL.
fn web_host(url: &str) -> Option<String> {
    let rest = match url.find("//") {
        Some(at) if url[..at].ends_with(':') || at == 0 => &url[at + 2..],
        _ => return None,
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        &host_port[..host_port.find(']').map_or(host_port.len(), |e| e + 1)]
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    (!host.is_empty()).then(|| host.trim_end_matches('.').to_ascii_lowercase())
}

/// File types a site links to for download rather than as a page.
fn is_document(url: &str) -> bool {
    let path = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    let last = path.rsplit('/').next().unwrap_or("");
    let Some((_, extension)) = last.rsplit_once('.') else {
        return false;
    };
    let page = [
        "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cfm", "md", "markdown",
    ];
    (1..=5).contains(&extension.len())
        && extension.chars().all(|c| c.is_ascii_alphanumeric())
        && !page.iter().any(|p| extension.eq_ignore_ascii_case(p))
}

/// A host in a rule option: `www.mlaw.gov.sg` (that host; `mlaw.gov.sg` and
/// `www.mlaw.gov.sg` are taken as the same site) or `*.gov.sg` (that domain and every
/// subdomain).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct HostPattern(pub String);

impl HostPattern {
    pub fn matches(&self, host: &str) -> bool {
        let pattern = self.0.trim().trim_end_matches('.').to_ascii_lowercase();
        let host = host.to_ascii_lowercase();
        match pattern.strip_prefix("*.") {
            Some(domain) => host == domain || host.ends_with(&format!(".{domain}")),
            None => {
                let bare = |h: &str| h.strip_prefix("www.").map(str::to_owned);
                host == pattern
                    || bare(&host).as_deref() == Some(pattern.as_str())
                    || bare(&pattern).as_deref() == Some(host.as_str())
            }
        }
    }
}

/// `host` is the site's own: the host of `url` in `_config.yml`, or one of `patterns` (a
/// rule's `site-hosts`).
pub fn is_site_host(cx: &Context<'_>, patterns: &[HostPattern], host: &str) -> bool {
    let configured = cx
        .site
        .config
        .url
        .as_deref()
        .and_then(|url| web_host(url.trim()));
    configured.is_some_and(|own| HostPattern(own).matches(host)) || any_matches(patterns, host)
}

/// Any pattern matches `host`.
pub fn any_matches(patterns: &[HostPattern], host: &str) -> bool {
    patterns.iter().any(|p| p.matches(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations() {
        let web = |h: &str| Destination::Web { host: h.to_owned() };
        assert_eq!(
            destination("https://WWW.Gov.sg/x", false),
            web("www.gov.sg")
        );
        assert_eq!(
            destination("//cdn.example.com/a", false),
            web("cdn.example.com")
        );
        assert_eq!(destination("http://u:p@host:8080/", false), web("host"));
        assert_eq!(
            destination("/files/a report.pdf", false),
            Destination::Site { document: true }
        );
        assert_eq!(
            destination("/about/index.html#x", false),
            Destination::Site { document: false }
        );
        assert_eq!(
            destination("#top", false),
            Destination::Site { document: false }
        );
        assert_eq!(
            destination("mailto:a@b.sg", false),
            Destination::OtherScheme
        );
        assert_eq!(
            destination("{{ site.baseurl }}/x/", true),
            Destination::Site { document: false }
        );
        assert_eq!(
            destination("{% link _docs/a.md %}", true),
            Destination::Site { document: false }
        );
        assert_eq!(
            destination("{{ '/a.pdf' | relative_url }}", true),
            Destination::Site { document: true }
        );
        assert_eq!(destination("{{ page.source }}", true), Destination::Unknown);
        assert_eq!(
            destination("https://github.com/{{ page.repo }}", true),
            web("github.com")
        );
        assert_eq!(
            destination("https://{{ host }}/x", true),
            Destination::Unknown
        );
    }

    #[test]
    fn host_patterns() {
        let p = |s: &str| HostPattern(s.to_owned());
        assert!(p("www.mlaw.gov.sg").matches("mlaw.gov.sg"));
        assert!(p("mlaw.gov.sg").matches("WWW.mlaw.gov.sg"));
        assert!(!p("mlaw.gov.sg").matches("sso.mlaw.gov.sg"));
        assert!(p("*.gov.sg").matches("sso.mlaw.gov.sg"));
        assert!(p("*.gov.sg").matches("gov.sg"));
        assert!(!p("*.gov.sg").matches("notgov.sg"));
    }
}
