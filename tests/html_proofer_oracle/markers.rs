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

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"html-proofer( below)?: ([^;>]*?)(?:; frontlint: ([a-z-]+))?(?:; differ: ([a-z-]+))?\s*(?:-->|$)")
        .expect("regex")
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
    pub differ: Option<String>,
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
        for (index, line) in text.lines().enumerate() {
            let Some(caps) = MARKER.captures(line) else {
                continue;
            };
            let index = index + usize::from(caps.get(1).is_some());
            let said = caps[2].trim();
            let proofer = (said != "passes").then(|| match said.strip_prefix("hidden ") {
                Some(kind) => (kind.to_owned(), true),
                None => (said.to_owned(), false),
            });
            markers.push(Marker {
                source: source.clone(),
                line: index + 1,
                proofer,
                differ: caps.get(4).map(|m| m.as_str().to_owned()),
            });
        }
    }
    markers
}
