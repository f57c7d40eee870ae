//! Where a link leads on the published site: to a file (and, for a `#fragment`, to an ID of
//! that page), through one of the host's redirects, to another application of the host, or
//! nowhere. Jekyll's link tags either find their file or stop the build.

use super::host::candidates;
use super::liquid_tags::post_url_matches;
use super::published::{Published, Writer};
use super::{LinkTarget, SiteLink};
use crate::site::Site;
use crate::site::index::IndexedDoc;

/// What a link leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A published file: its output path and writer.
    Ok {
        output: String,
        writer: Writer,
    },
    /// One of the host's redirect rules catches it (`Site::redirect_rules[rule]`).
    Redirected {
        rule: usize,
    },
    /// Not judged: another application of the host serves it, it is in a folder frontlint did
    /// not look into, a plugin may write it, or the site's files are not all known.
    NotJudged,
    /// Nothing is published there. `case_twins`: files that differ only in letter case;
    /// `outside_base`: it is on the site's host but not under the site's `baseurl`.
    Broken {
        case_twins: Vec<String>,
        outside_base: bool,
    },
    /// It works only because the host ignores letter case.
    CaseOnly {
        output: String,
        writer: Writer,
    },
    /// `{% link %}` or `{% post_url %}` that finds nothing: Jekyll stops the build.
    TagFails {
        reason: String,
    },
    /// Another host, or another scheme (`mailto:`).
    External,
    Computed,
    Empty,
}

/// A `#fragment` against the IDs of the page it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Ok,
    Missing,
    /// The page's IDs are not known (Liquid prints a header, it is not a Markdown page).
    Unknown,
}

/// A link resolved: where it leads, and its fragment's fate when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub status: Status,
    pub fragment: Option<String>,
    pub anchor: Option<Anchor>,
}

/// Resolve `link`, written in `docs[from]`.
pub fn resolve(link: &SiteLink, from: usize, site: &Site, published: &Published<'_>) -> Resolved {
    let (status, fragment) = match &link.target {
        LinkTarget::Empty => (Status::Empty, None),
        LinkTarget::External => (Status::External, None),
        LinkTarget::Computed => (Status::Computed, None),
        LinkTarget::Fragment(fragment) => (
            Status::Ok {
                output: String::new(),
                writer: Writer::Doc(from),
            },
            Some(fragment.clone()),
        ),
        LinkTarget::LinkTag(path) => (link_tag(path, published), None),
        LinkTarget::PostUrl(name) => (post_url(name, published), None),
        LinkTarget::Site {
            path,
            fragment,
            outside_base,
            source,
            ..
        } => {
            let rewritten = source
                .as_deref()
                .and_then(|s| published.output_of_source(s))
                .and_then(|output| Some((output.to_owned(), published.writer(output)?)));
            let status = match rewritten {
                Some((output, writer)) => Status::Ok { output, writer },
                None => site_path(path, *outside_base, site, published),
            };
            (status, fragment.clone())
        }
    };
    // `#:~:text=…` asks the browser to find text, not an element (a text fragment).
    let fragment = fragment.filter(|f| !f.starts_with(":~:"));
    let anchor = fragment.as_deref().and_then(|fragment| match &status {
        Status::Ok { writer, .. } => Some(anchor_of(fragment, *writer, published)),
        _ => None,
    });
    Resolved {
        status,
        fragment,
        anchor,
    }
}

/// A path on the site, as the host serves it.
fn site_path(path: &str, outside_base: bool, site: &Site, published: &Published<'_>) -> Status {
    if site.host.routes_elsewhere(path) {
        return Status::NotJudged;
    }
    if outside_base {
        return Status::Broken {
            case_twins: Vec::new(),
            outside_base: true,
        };
    }
    // Servers and their file systems read `a//b` as `a/b` (nginx merges slashes, html-proofer
    // does too): a doubled slash is not judged broken.
    let merged;
    let path = if path.contains("//") {
        merged = merge_slashes(path);
        merged.as_str()
    } else {
        path
    };
    let tried = candidates(path);
    if let Some((output, writer)) = tried
        .iter()
        .find_map(|o| published.writer(o).map(|w| (o.clone(), w)))
    {
        return Status::Ok { output, writer };
    }
    if let Some(rule) = site
        .redirect_rules
        .iter()
        .position(|rule| rule.matches(path) && rule.leads_somewhere())
    {
        return Status::Redirected { rule };
    }
    let unknown = !published.complete()
        || tried
            .iter()
            .any(|o| published.in_unlisted(o) || published.maybe_generated(o));
    if unknown {
        return Status::NotJudged;
    }
    let twins: Vec<String> = tried
        .iter()
        .flat_map(|o| published.same_but_case(o))
        .map(str::to_owned)
        .collect();
    if !site.host.case_sensitive
        && let Some(output) = twins.first()
        && let Some(writer) = published.writer(output)
    {
        return Status::CaseOnly {
            output: output.clone(),
            writer,
        };
    }
    Status::Broken {
        case_twins: twins,
        outside_base: false,
    }
}

fn merge_slashes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// `{% link path %}`: a page, static file or written document whose `relative_path` is the
/// path (static files' have a leading `/`).
fn link_tag(path: &str, published: &Published<'_>) -> Status {
    let path = path.trim();
    let source = path.strip_prefix('/').unwrap_or(path);
    match published
        .output_of_source(source)
        .and_then(|o| Some((o.to_owned(), published.writer(o)?)))
    {
        Some((output, writer)) => Status::Ok { output, writer },
        None if !published.complete() => Status::NotJudged,
        None => Status::TagFails {
            reason: format!("Could not find document '{path}' in tag 'link'"),
        },
    }
}

/// `{% post_url name %}`: the post whose path matches (`PostComparer`), else its deprecated
/// fallback (same slug and date).
fn post_url(name: &str, published: &Published<'_>) -> Status {
    let name = name.trim();
    if !published.complete() {
        return Status::NotJudged;
    }
    let mut invalid = false;
    for (index, source) in published.posts() {
        match post_url_matches(name, source) {
            None => {
                invalid = true;
                break;
            }
            Some(true) => return doc_status(index, published),
            Some(false) => {}
        }
    }
    if invalid || name.rsplit('/').next().is_none_or(|n| !n.contains('-')) {
        return Status::TagFails {
            reason: format!("Could not parse name of post \"{name}\" in tag 'post_url'"),
        };
    }
    // The deprecated fallback: the post's slug (with its folder) and date.
    let wanted = name.trim_start_matches('/');
    for (index, source) in published.posts() {
        let file = source.rsplit('/').next().unwrap_or(source);
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        if wanted.ends_with(stem) && !stem.is_empty() {
            return doc_status(index, published);
        }
    }
    Status::TagFails {
        reason: format!("Could not find post \"{name}\" in tag 'post_url'"),
    }
}

fn doc_status(index: usize, published: &Published<'_>) -> Status {
    match published.doc(index).output_path.as_deref() {
        Some(output) => Status::Ok {
            output: output.to_owned(),
            writer: Writer::Doc(index),
        },
        None => Status::NotJudged,
    }
}

/// Is `fragment` an ID of the page `writer` publishes? `#top` always is: browsers scroll to
/// the top of the page for it.
fn anchor_of(fragment: &str, writer: Writer, published: &Published<'_>) -> Anchor {
    if fragment.eq_ignore_ascii_case("top") {
        return Anchor::Ok;
    }
    let Writer::Doc(index) = writer else {
        // A file that is no page of ours (a PDF's `#page=2`) is not judged.
        return Anchor::Unknown;
    };
    let doc: &IndexedDoc = published.doc(index);
    match doc.ids.get().as_ref() {
        Some(ids) if ids.iter().any(|id| id == fragment) => Anchor::Ok,
        Some(_) => Anchor::Missing,
        None => Anchor::Unknown,
    }
}
