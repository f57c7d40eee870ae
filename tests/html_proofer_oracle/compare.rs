//! frontlint's link graph against html-proofer, link by link, at the source: every link
//! failure html-proofer finds must be a problem frontlint reports at the same source file for
//! the same written link, and every problem frontlint reports must be an html-proofer
//! failure — unless the pair differs for a named reason this module verifies.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde::Deserialize;

use crate::differences::{Difference, published_at, why_frontlint_only, why_proofer_only};
use crate::host_rules::Redirects;
use crate::map_back::{Mapped, Sources};
use crate::proof::SiteProof;

/// One row of `frontlint links --format json` (fields the comparison reads; more may come).
#[derive(Debug, Clone, Deserialize)]
pub struct FrontlintLink {
    pub source_path: String,
    pub line: usize,
    pub offset: usize,
    pub end_offset: usize,
    pub written: String,
    pub kind: String,
    pub element: Option<String>,
    pub url: Option<String>,
    pub status: String,
    pub anchor: Option<String>,
}

/// Statuses that say the link leads nowhere. `empty` is the placeholder status (`""`, `#`)
/// and `build-fails` a `{% link %}` Jekyll cannot resolve: names the link graph uses beyond the
/// five of the contract.
const PROBLEM_STATUSES: &[&str] = &["broken", "empty", "build-fails"];
/// Statuses that say the link works, or is not frontlint's to judge.
const OTHER_STATUSES: &[&str] = &[
    "ok",
    "redirected",
    "external",
    "computed",
    "not-judged",
    "case-only",
];

impl FrontlintLink {
    /// Does frontlint report this link? A status it does not know fails the test, so that a
    /// new status is classified here before it is trusted.
    fn reported(&self) -> Result<bool, String> {
        if PROBLEM_STATUSES.contains(&self.status.as_str()) {
            Ok(true)
        } else if OTHER_STATUSES.contains(&self.status.as_str()) {
            Ok(self.anchor.as_deref() == Some("missing"))
        } else {
            Err(format!(
                "{}:{}: unknown status {:?}: say in compare.rs whether it reports a problem",
                self.source_path, self.line, self.status
            ))
        }
    }

    /// The path it leads to on the site, as frontlint resolved it (else as written).
    pub fn path(&self) -> &str {
        self.url.as_deref().unwrap_or(&self.written)
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.offset < end && start < self.end_offset
    }
}

/// The comparison of one site.
#[derive(Debug, Default)]
pub struct Outcome {
    /// html-proofer's link failures (reported and hidden).
    pub proofer_failures: usize,
    /// Links frontlint reports (status or anchor).
    pub frontlint_problems: usize,
    /// html-proofer failures frontlint reports at the same place.
    pub agreed: usize,
    /// Each accepted difference: its class and `source:line written`.
    pub differences: Vec<(Difference, String)>,
    /// Each unexplained one: fails the test.
    pub disagreements: Vec<String>,
}

impl Outcome {
    pub fn classes(&self) -> BTreeMap<&'static str, usize> {
        let mut classes = BTreeMap::new();
        for (difference, _) in &self.differences {
            *classes.entry(difference.name()).or_default() += 1;
        }
        classes
    }
}

/// `frontlint links`, once it exists (it is being built; until then the comparison is skipped).
pub struct LinksCommand {
    /// Whether it takes `--no-cache`: the shared repositories must not get a cache folder.
    no_cache: bool,
}

impl LinksCommand {
    pub fn find() -> Option<LinksCommand> {
        let help = Command::new(env!("CARGO_BIN_EXE_frontlint"))
            .args(["links", "--help"])
            .output()
            .ok()
            .filter(|o| o.status.success())?;
        let no_cache = String::from_utf8_lossy(&help.stdout).contains("--no-cache");
        Some(LinksCommand { no_cache })
    }

    /// `frontlint links --format json` of one site.
    pub fn run(&self, root: &Path) -> Vec<FrontlintLink> {
        let mut command = Command::new(env!("CARGO_BIN_EXE_frontlint"));
        command.args(["links", "--format", "json"]);
        if self.no_cache {
            command.arg("--no-cache");
        }
        let output = command.arg(root).output().expect("run frontlint");
        let json: serde_json::Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("frontlint links: {e}: {output:?}"));
        assert_eq!(json["version"], 1, "frontlint links: contract version");
        serde_json::from_value(json["links"].clone()).expect("frontlint links rows")
    }
}

/// Compare one site's html-proofer failures (`mapped`, from `map_back::map_site`) with
/// frontlint's links.
pub fn compare<'a>(
    site: &'a SiteProof,
    mapped: &[Mapped<'a>],
    links: &[FrontlintLink],
    sources: &mut Sources<'a>,
) -> Outcome {
    let redirects = Redirects::read(&site.root);
    let mut outcome = Outcome {
        proofer_failures: mapped.len(),
        ..Outcome::default()
    };
    let mut reported = Vec::with_capacity(links.len());
    for link in links {
        match link.reported() {
            Ok(yes) => reported.push(yes),
            Err(unknown) => {
                outcome.disagreements.push(unknown);
                reported.push(false);
            }
        }
    }
    outcome.frontlint_problems = reported.iter().filter(|r| **r).count();

    // html-proofer's side: each failure, reported at its place by frontlint?
    for m in mapped {
        let at = |link: &FrontlintLink| same_link(m, link);
        let candidates: Vec<(usize, &FrontlintLink)> =
            links.iter().enumerate().filter(|(_, l)| at(l)).collect();
        let place = format!(
            "{}:{} {:?}",
            m.source.unwrap_or(&m.failure.file),
            m.occurrences().first().map_or(0, |o| o.line),
            m.written()
        );
        if candidates.iter().any(|(i, _)| reported[*i]) {
            if m.hidden {
                outcome.differences.push((Difference::FragmentBug, place));
            } else {
                outcome.agreed += 1;
            }
            continue;
        }
        let first = candidates.first().map(|(_, l)| *l);
        match why_proofer_only(site, m, first, links, &redirects) {
            Some(difference) => outcome.differences.push((difference, place)),
            None => outcome.disagreements.push(format!(
                "{place}: html-proofer {}{}, frontlint {}",
                if m.hidden { "(hidden) " } else { "" },
                m.kind.name(),
                first.map_or("has no link there".to_owned(), |l| format!(
                    "says {} (anchor {:?})",
                    l.status, l.anchor
                ))
            )),
        }
    }

    // frontlint's side: each problem, an html-proofer failure?
    for (link, _) in links.iter().zip(&reported).filter(|(_, r)| **r) {
        if mapped.iter().any(|m| same_link(m, link)) {
            continue;
        }
        let place = format!("{}:{} {:?}", link.source_path, link.line, link.written);
        match why_frontlint_only(site, link, sources) {
            Some(difference) => outcome.differences.push((difference, place)),
            None => outcome.disagreements.push(format!(
                "{place}: frontlint says {} (anchor {:?}, url {:?}), html-proofer finds nothing{}",
                link.status,
                link.anchor,
                link.url,
                published_at(site, link.path())
                    .map(|output| format!(" (Jekyll wrote {output:?} there)"))
                    .unwrap_or_default()
            )),
        }
    }
    outcome
}

/// Is `link` the link html-proofer failed? Same source file, and the same place in it (the
/// destination's bytes overlap: `{{ site.baseurl }}/x` holds `/x`) or the same written
/// destination (a reference link may be placed at its use or at its definition).
fn same_link(m: &Mapped<'_>, link: &FrontlintLink) -> bool {
    m.source == Some(link.source_path.as_str())
        && (m
            .occurrences()
            .iter()
            .any(|o| link.overlaps(o.start, o.end))
            || (!m.occurrences().is_empty() && link.written == m.written()))
}
