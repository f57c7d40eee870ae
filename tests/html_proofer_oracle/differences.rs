//! Why frontlint and html-proofer 3.19 may differ on a link: each reason is a blind spot of one
//! of them, or of the stub-layout build, and is verified on the link before it is accepted.

use crate::compare::FrontlintLink;
use crate::host_rules::{Redirects, on_own_host};
use crate::kind::Kind;
use crate::map_back::{Mapped, Place, Sources};
use crate::proof::SiteProof;

/// Why frontlint and html-proofer 3.19 may differ on a link, each verified before accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// html-proofer fails it; a rule of `_redirects`/`netlify.toml` catches it on the host.
    HostRedirect,
    /// html-proofer fails it (Linux file names are case-sensitive); frontlint says `case-only`
    /// (the host setting it was given ignores case), and a published file differs only in case.
    HostIgnoresCase,
    /// `#:~:text=…`: browsers scroll to the text, html-proofer looks for an ID.
    TextFragment,
    /// `/page/#`: browsers go to the top, html-proofer looks for an empty ID.
    EmptyFragment,
    /// Liquid computed the destination: frontlint does not guess it.
    ComputedByLiquid,
    /// `www.example.com` without a scheme: html-proofer resolves it as a relative path, frontlint
    /// takes it for the other host the author meant (and its link-syntax rule says so).
    BareWww,
    /// `<script src>`: not a link frontlint follows.
    Script,
    /// An output no source file was rendered into (a plugin's page): no author wrote it.
    Generated,
    /// html-proofer's fragment bug: the same href on several pages is checked on the last one
    /// only; its own check, run on every page, finds this one.
    FragmentBug,
    /// A full URL to the site's own host: external for html-proofer, so never checked.
    OwnHost,
    /// A link in front matter: only the real layouts print it, and the stub layouts do not.
    FrontMatter,
    /// `<iframe src>`: html-proofer 3.19 checks a, link, source, img and script only.
    Iframe,
    /// A `srcset` candidate of an `<img>` with a `src`: html-proofer reads the `src` only.
    Srcset,
    /// `href=""`: html-proofer lets an anchor without a destination pass under HTML5.
    EmptyHref,
    /// A file Jekyll does not write (unpublished, a collection without output).
    NotRendered,
    /// `/a.pdf/`: html-proofer's `File.expand_path` drops the trailing `/` and finds the file;
    /// the host looks for a folder `a.pdf/`.
    SlashAfterFile,
    /// `/a//b.pdf`: html-proofer's file system merges the slashes. frontlint merges them too
    /// (as servers do), so this names a difference only if that ever changes.
    DoubledSlash,
}

impl Difference {
    pub fn name(self) -> &'static str {
        match self {
            Difference::HostRedirect => "host-redirect",
            Difference::HostIgnoresCase => "host-ignores-case",
            Difference::TextFragment => "text-fragment",
            Difference::EmptyFragment => "empty-fragment",
            Difference::ComputedByLiquid => "computed-by-liquid",
            Difference::BareWww => "bare-www",
            Difference::Script => "script",
            Difference::Generated => "generated",
            Difference::FragmentBug => "fragment-bug",
            Difference::OwnHost => "own-host",
            Difference::FrontMatter => "front-matter",
            Difference::Iframe => "iframe",
            Difference::Srcset => "srcset",
            Difference::EmptyHref => "empty-href",
            Difference::NotRendered => "not-rendered",
            Difference::SlashAfterFile => "slash-after-file",
            Difference::DoubledSlash => "doubled-slash",
        }
    }
}

pub fn why_proofer_only(
    site: &SiteProof,
    m: &Mapped<'_>,
    link: Option<&FrontlintLink>,
    links: &[FrontlintLink],
    redirects: &Redirects,
) -> Option<Difference> {
    match (m.kind, &m.place) {
        (Kind::MissingScript, _) => return Some(Difference::Script),
        (Kind::EmptyFragment, _) => return Some(Difference::EmptyFragment),
        (_, Place::Generated) => return Some(Difference::Generated),
        (_, Place::ComputedByLiquid) => {
            let computed = links
                .iter()
                .any(|l| m.source == Some(l.source_path.as_str()) && l.status == "computed");
            return computed.then_some(Difference::ComputedByLiquid);
        }
        _ => {}
    }
    let link = link?;
    let path = link.path();
    match (m.kind, link.status.as_str()) {
        (Kind::MissingFile, "external") if link.written.starts_with("www.") => {
            Some(Difference::BareWww)
        }
        (_, "redirected") if redirects.catching(path).is_some() => Some(Difference::HostRedirect),
        (Kind::MissingFile | Kind::MissingImage, "case-only")
            if published_ignoring_case(site, path) =>
        {
            Some(Difference::HostIgnoresCase)
        }
        (Kind::MissingFragment, _)
            if link
                .written
                .split_once('#')
                .is_some_and(|(_, f)| f.starts_with(":~:")) =>
        {
            Some(Difference::TextFragment)
        }
        _ => None,
    }
}

pub fn why_frontlint_only<'a>(
    site: &'a SiteProof,
    link: &FrontlintLink,
    sources: &mut Sources<'a>,
) -> Option<Difference> {
    if link.kind == "front-matter" {
        return Some(Difference::FrontMatter);
    }
    if link.element.as_deref() == Some("iframe") {
        return Some(Difference::Iframe);
    }
    if on_own_host(&link.written, site.url.as_deref()) {
        return Some(Difference::OwnHost);
    }
    if link.written.trim().is_empty() && link.element.as_deref() == Some("a") {
        return Some(Difference::EmptyHref);
    }
    let Some(source) = site.outputs.values().find(|s| **s == link.source_path) else {
        return Some(Difference::NotRendered);
    };
    let path = site_path(link.path());
    if let Some(file) = path.strip_suffix('/')
        && !file.is_empty()
        && site.outputs.contains_key(file.trim_start_matches('/'))
    {
        return Some(Difference::SlashAfterFile);
    }
    if path.contains("//") && published_at(site, &merge_slashes(&path)).is_some() {
        return Some(Difference::DoubledSlash);
    }
    let text = sources.text(source)?;
    let tag_start = text.get(..link.offset)?.rfind('<')?;
    let in_srcset = text[tag_start..link.offset].contains("srcset=")
        && text[tag_start..]
            .split('>')
            .next()
            .is_some_and(|tag| tag.contains(" src="));
    in_srcset.then_some(Difference::Srcset)
}

/// Does the site publish a file at `path` in another letter case (and not in this one)?
fn published_ignoring_case(site: &SiteProof, path: &str) -> bool {
    let candidates = served(&site_path(path));
    let folded = site
        .outputs
        .keys()
        .any(|o| candidates.iter().any(|c| c.eq_ignore_ascii_case(o)));
    published_at(site, path).is_none() && folded
}

/// The output file the host serves at the site path `path`, if Jekyll wrote one.
pub fn published_at<'a>(site: &'a SiteProof, path: &str) -> Option<&'a str> {
    served(&site_path(path))
        .iter()
        .find_map(|c| site.outputs.get_key_value(c))
        .map(|(output, _)| output.as_str())
}

/// The output files that may serve a path (GitHub Pages and Netlify: `/a` is `a`, `a.html` or
/// `a/index.html`; `/a/` is `a/index.html`).
fn served(path: &str) -> Vec<String> {
    let file = path.trim_start_matches('/');
    if file.is_empty() || file.ends_with('/') {
        return vec![format!("{file}index.html")];
    }
    vec![
        file.to_owned(),
        format!("{file}.html"),
        format!("{file}/index.html"),
    ]
}

/// `path` without its query and fragment, percent-decoded (output files are named decoded).
fn site_path(path: &str) -> String {
    let path = path.split(['#', '?']).next().unwrap_or("");
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn merge_slashes(path: &str) -> String {
    let mut merged = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && merged.ends_with('/')) {
            merged.push(c);
        }
    }
    merged
}

#[test]
fn paths_are_looked_up_as_the_host_serves_them() {
    assert_eq!(site_path("/a%20b.pdf?x=1#top"), "/a b.pdf");
    assert_eq!(site_path("/100%"), "/100%");
    assert_eq!(served("/cos2021/"), ["cos2021/index.html"]);
    assert_eq!(
        served("/cos2021"),
        ["cos2021", "cos2021.html", "cos2021/index.html"]
    );
    assert_eq!(
        merge_slashes("/files/2015/09//a.pdf"),
        "/files/2015/09/a.pdf"
    );
}
