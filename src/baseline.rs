//! Baselines: adopt frontlint on a big old site by recording today's diagnostics
//! (`--write-baseline FILE`) and then failing only on new ones (`--baseline FILE`).
//!
//! A diagnostic is recorded by its fingerprint (`report::fingerprint`): path, rule, message and
//! offending text, but no line number, so adding or removing lines elsewhere in a file does not
//! make old problems look new. The file is JSON, sorted, so that it diffs well in review.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::Report;
use crate::report::PathBase;
use crate::report::fingerprint::fingerprints;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// One recorded diagnostic. Only the fingerprint matters for matching; the rest is for the
/// people reading the file.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub code: String,
    pub message: String,
    pub fingerprint: String,
}

/// Write the report's diagnostics as a baseline (JSON, sorted by path and code).
pub fn to_json(report: &Report, paths: &PathBase) -> String {
    let prints = fingerprints(report, paths);
    let mut entries: Vec<Entry> = report
        .diagnostics()
        .zip(prints)
        .map(|(d, fingerprint)| Entry {
            path: paths.path(&d.path),
            code: d.code.to_owned(),
            message: d.message.clone(),
            fingerprint,
        })
        .collect();
    entries.sort();
    let file = BaselineFile {
        version: 1,
        entries,
    };
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// The fingerprints recorded in a baseline file.
pub fn load(path: &Path) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a frontlint baseline: {e}", path.display()))?;
    if file.version != 1 {
        return Err(format!(
            "{}: baseline version {} is not supported (1 is)",
            path.display(),
            file.version
        ));
    }
    Ok(file.entries.into_iter().map(|e| e.fingerprint).collect())
}

/// Remove from the report every diagnostic recorded in the baseline; returns how many.
pub fn apply(report: &mut Report, known: &HashSet<String>, paths: &PathBase) -> usize {
    let prints = fingerprints(report, paths);
    let mut prints = prints.into_iter();
    let mut hidden = 0;
    for file in &mut report.files {
        file.diagnostics.retain(|_| {
            let known = prints.next().is_some_and(|p| known.contains(&p));
            hidden += usize::from(known);
            !known
        });
    }
    report.files.retain(|file| !file.diagnostics.is_empty());
    hidden
}
