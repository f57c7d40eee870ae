//! What the oracle found on a site, printed for `--nocapture` (the counts the closing notes
//! quote, and the distinct broken links a person can check by hand).

use std::collections::{BTreeMap, BTreeSet};

use crate::kind::Kind;
use crate::map_back::{Mapped, Place};
use crate::proof::SiteProof;

/// Failures by kind: reported, then hidden by the fragment bug.
pub fn kinds(site: &SiteProof) -> (BTreeMap<&'static str, usize>, BTreeMap<&'static str, usize>) {
    let mut reported = BTreeMap::new();
    let mut hidden = BTreeMap::new();
    for (failure, is_hidden) in site.every_failure() {
        let name = Kind::of(failure).map_or("unknown", Kind::name);
        *if is_hidden {
            &mut hidden
        } else {
            &mut reported
        }
        .entry(name)
        .or_default() += 1;
    }
    (reported, hidden)
}

/// The failures of one written link of one source file.
#[derive(Default)]
struct Distinct {
    lines: BTreeSet<usize>,
    kinds: BTreeSet<&'static str>,
    /// Is one of them reported (not only hidden by the fragment bug)?
    reported: bool,
}

pub fn print(site: &SiteProof, mapped: &[Mapped<'_>]) {
    let (reported, hidden) = kinds(site);
    let found = mapped
        .iter()
        .filter(|m| matches!(m.place, Place::Found(_)))
        .count();
    eprintln!(
        "html-proofer oracle: {} ({}): Jekyll build {:.1} s, html-proofer {:.1} s on {} HTML files ({:.1} s of CPU)",
        site.name(),
        site.url.as_deref().unwrap_or("no url"),
        site.build_seconds,
        site.proof_seconds,
        site.html_files,
        site.cpu_seconds
    );
    eprintln!(
        "  html-proofer reports {} failures {reported:?}; its fragment bug hides {} more {hidden:?}",
        site.failures.len(),
        site.hidden_by_fragment_bug.len()
    );
    let unmapped: Vec<String> = mapped
        .iter()
        .filter(|m| !matches!(m.place, Place::Found(_)))
        .map(|m| {
            format!(
                "{} {:?} ({:?})",
                m.failure.file,
                m.failure.written.as_deref().unwrap_or(""),
                m.place
            )
        })
        .collect();
    eprintln!(
        "  {} link failures, {found} traced to a link written in the source; not traced: {unmapped:?}",
        mapped.len()
    );
    // One line per distinct written link of a source file.
    let mut distinct: BTreeMap<(&str, &str), Distinct> = BTreeMap::new();
    for m in mapped {
        let entry = distinct
            .entry((m.source.unwrap_or(&m.failure.file), m.written()))
            .or_default();
        entry.lines.extend(m.occurrences().iter().map(|o| o.line));
        entry.kinds.insert(m.kind.name());
        entry.reported |= !m.hidden;
    }
    eprintln!("  {} distinct broken links:", distinct.len());
    for (
        (source, written),
        Distinct {
            lines,
            kinds,
            reported,
        },
    ) in distinct
    {
        let hidden = if reported { "" } else { " (hidden)" };
        eprintln!("    {source}:{lines:?} {written:?} {kinds:?}{hidden}");
    }
}
