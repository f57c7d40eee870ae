//! Reporters: one file per output format, all reading the same `Report`.
//!
//! Human formats (`pretty`, `concise`) and `json` print paths as the user gave them. The CI
//! formats (`github`, `sarif`, `gitlab`, `junit`, `checkstyle`) print them relative to a base
//! folder, the working directory, which is the repository checkout in CI (`paths.rs`).

mod checkstyle;
mod concise;
pub mod fingerprint;
mod github;
mod gitlab;
mod json;
mod junit;
pub mod levels;
pub mod paths;
mod pretty;
pub mod sarif;
pub mod statistics;
mod xml;

use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Severity;
use crate::engine::Report;

pub use paths::PathBase;
pub use pretty::PrettyOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// miette's graphical report with source snippets (default on a terminal).
    Pretty,
    /// `path:line:col: CODE [severity] message`, one per line (default when piped).
    Concise,
    /// One JSON object (see the README for the schema).
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and SARIF viewers.
    Sarif,
    /// GitLab Code Quality JSON (artifacts:reports:codequality).
    Gitlab,
    /// JUnit XML: one testcase per rule that failed in a file.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
}

impl Format {
    /// Does this format read the files' text (snippets, fingerprints, fix regions)? The
    /// engine keeps each file's text only when one does.
    pub fn needs_sources(self) -> bool {
        matches!(self, Format::Pretty | Format::Sarif | Format::Gitlab)
    }
}

/// Settings every reporter may read.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    pub pretty: PrettyOptions,
    /// What the CI formats' paths are relative to.
    pub paths: PathBase,
    /// Warnings fail the run (more than `--max-warnings`): formats that pass or fail each
    /// problem (`junit`) then fail warnings too, as the exit status does.
    pub warnings_fail: bool,
}

impl ReportOptions {
    /// Paths relative to `base` (normally the working directory).
    pub fn new(pretty: PrettyOptions, base: Option<&Path>) -> Self {
        ReportOptions {
            pretty,
            paths: PathBase::new(base),
            warnings_fail: false,
        }
    }
}

/// Write `report` in `format`, with paths relative to the working directory.
pub fn write(
    format: Format,
    report: &Report,
    pretty: PrettyOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let cwd = std::env::current_dir().ok();
    write_with(
        format,
        report,
        &ReportOptions::new(pretty, cwd.as_deref()),
        out,
    )
}

/// Write `report` in `format` with explicit options.
pub fn write_with(
    format: Format,
    report: &Report,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::write(report, options.pretty, out),
        Format::Concise => concise::write(report, out),
        Format::Json => json::write(report, out),
        Format::Github => github::write(report, options, out),
        Format::Sarif => sarif::write(report, options, out),
        Format::Gitlab => gitlab::write(report, options, out),
        Format::Junit => junit::write(report, options, out),
        Format::Checkstyle => checkstyle::write(report, options, out),
    }
}

/// `--statistics`: counts per rule instead of the diagnostics — JSON for `--format json`,
/// text for every other format.
pub fn write_statistics(format: Format, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => statistics::write_json(report, out),
        _ => statistics::write_text(report, out),
    }
}

/// The closing line for humans: files checked, time taken, errors and warnings. After
/// `--fix` (`fixed`: how many fixes were written) it counts what was found, what was fixed
/// and what remains, as ruff does: `found 19 problems (4 fixed, 15 remaining: …)`.
pub fn summary(report: &Report, fixed: Option<usize>) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "info"));
    }
    let checked = format!(
        "Checked {} in {}",
        plural(report.files_checked, "file"),
        elapsed(report.elapsed)
    );
    match fixed {
        None => format!("{checked}: {}", parts.join(", ")),
        Some(fixed) => {
            let remaining = errors + warnings + infos;
            format!(
                "{checked}: found {} ({fixed} fixed, {remaining} remaining{})",
                plural(fixed + remaining, "problem"),
                match remaining {
                    0 => String::new(),
                    _ => format!(": {}", parts.join(", ")),
                }
            )
        }
    }
}

pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn elapsed(duration: std::time::Duration) -> String {
    if duration.as_millis() >= 1000 {
        format!("{:.2}s", duration.as_secs_f64())
    } else {
        format!("{}ms", duration.as_millis())
    }
}
