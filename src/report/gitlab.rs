//! GitLab Code Quality JSON (`artifacts:reports:codequality`): an array of issues in the subset
//! of the Code Climate spec that GitLab reads — `description`, `check_name`, `fingerprint`,
//! `severity`, `location.path` and a line (`location.lines.begin` or
//! `location.positions.begin.line`; we send `positions`, which keeps the columns).
//!
//! GitLab compares the fingerprints of the merge request's report with the target branch's to
//! show which problems are new and which were fixed; see `fingerprint.rs` for why ours survive
//! unrelated edits and never repeat.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::Report;
use crate::source::Position;

use super::ReportOptions;
use super::fingerprint::fingerprints;
use super::levels::gitlab_severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: Position,
    end: Position,
}

pub fn write(report: &Report, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let issues: Vec<Issue<'_>> = report
        .diagnostics()
        .zip(fingerprints(report, &options.paths))
        .map(|(d, fingerprint)| Issue {
            description: &d.message,
            check_name: d.code,
            fingerprint,
            severity: gitlab_severity(d.severity),
            location: Location {
                path: options.paths.path(&d.path),
                positions: Positions {
                    begin: d.start,
                    end: d.end,
                },
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
