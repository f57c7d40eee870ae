//! The fixture site's expectations, written beside each link (see its `_config.yml`):
//!
//! ```text
//! [Moved](/old-page/) <!-- html-proofer: missing-file; frontlint: redirected; differ: host-redirect -->
//! ```
//!
//! `html-proofer:` is what html-proofer 3.19 reports (a kind, `hidden KIND` when only its own
//! check re-run on every page finds it, or `passes`); `frontlint:` what the link graph must say
//! (`broken`, `anchor-missing`, `empty`, `redirected`, `computed`); `differ:` the named
//! reason when the two disagree. `html-proofer below:` is about the next line (a reference
//! definition cannot hold a comment). A marked line holds one link.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::compare::FrontlintLink;
use crate::map_back::body_start;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"html-proofer( below)?: ([^;>]*?)(?:; frontlint: ([a-z-]+))?(?:; differ: ([a-z-]+))?\s*(?:-->|$)")
        .expect("regex")
});

/// The destination a marked line writes: the first `srcset` candidate when there is one (the
/// blind spot it is there for), else a Markdown link or definition, an attribute, or a front
/// matter value.
static DESTINATION: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        Regex::new(r#"srcset="([^" ]*)"#).expect("regex"),
        Regex::new(r#"\]\(([^)]*)\)|\]:\s*(\S+)|(?:href|src)="([^"]*)"|^\w+:\s*(\S+)"#)
            .expect("regex"),
    ]
});

#[derive(Debug, Clone)]
pub struct Marker {
    /// Source file, relative to the fixture's root.
    pub source: String,
    /// The line the marker is about.
    pub line: usize,
    /// What html-proofer reports there: `None` when it passes; else the kind and whether only
    /// the re-check finds it.
    pub proofer: Option<(String, bool)>,
    pub frontlint: Option<String>,
    pub differ: Option<String>,
    /// The destination as written, and its byte offset in the file.
    pub written: String,
    pub offset: usize,
    /// How it is written (`front-matter`, `html`, `inline`) and the element it becomes.
    pub kind: &'static str,
    pub element: &'static str,
}

/// Every marker of the fixture, in file and line order.
pub fn markers(root: &Path) -> Vec<Marker> {
    let mut markers = Vec::new();
    let mut sources: Vec<String> = std::fs::read_dir(root.join("pages"))
        .expect("fixture pages")
        .map(|e| format!("pages/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect();
    sources.sort();
    for source in sources {
        let text = std::fs::read_to_string(root.join(&source)).expect("fixture file");
        let body = body_start(&text);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for (index, line) in text.lines().enumerate() {
            let Some(caps) = MARKER.captures(line) else {
                continue;
            };
            let index = index + usize::from(caps.get(1).is_some());
            let target = text.lines().nth(index).expect("marked line");
            let found = DESTINATION
                .iter()
                .find_map(|r| r.captures(target))
                .and_then(|c| c.iter().skip(1).flatten().next())
                .unwrap_or_else(|| panic!("{source}:{}: no link on a marked line", index + 1));
            let said = caps[2].trim();
            let proofer = (said != "passes").then(|| match said.strip_prefix("hidden ") {
                Some(kind) => (kind.to_owned(), true),
                None => (said.to_owned(), false),
            });
            let offset = starts[index] + found.start();
            let (kind, element) = if offset < body {
                ("front-matter", "a")
            } else if target.contains("<iframe") {
                ("html", "iframe")
            } else if target.contains("<img") {
                ("html", "img")
            } else if target.contains("![") {
                ("image", "img")
            } else if target.contains("<a ") {
                ("html", "a")
            } else {
                ("inline", "a")
            };
            markers.push(Marker {
                source: source.clone(),
                line: index + 1,
                proofer,
                frontlint: caps.get(3).map(|m| m.as_str().to_owned()),
                differ: caps.get(4).map(|m| m.as_str().to_owned()),
                written: found.as_str().to_owned(),
                offset,
                kind,
                element,
            });
        }
    }
    markers
}

/// What `frontlint links` must answer for the marked links, as its JSON rows: the fixture's
/// expectations in the contract's shape, to exercise the comparison before the command exists.
pub fn expected_links(markers: &[Marker]) -> Vec<FrontlintLink> {
    markers
        .iter()
        .filter_map(|m| {
            let said = m.frontlint.as_deref()?;
            let (status, anchor) = match said {
                "anchor-missing" => ("ok", Some("missing".to_owned())),
                other => (other, None),
            };
            Some(FrontlintLink {
                source_path: m.source.clone(),
                line: m.line,
                offset: m.offset,
                end_offset: m.offset + m.written.len(),
                written: m.written.clone(),
                kind: m.kind.to_owned(),
                element: Some(m.element.to_owned()),
                url: Some(m.written.clone()),
                status: status.to_owned(),
                anchor,
            })
        })
        .collect()
}
