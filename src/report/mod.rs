//! Reporters: one file per output format, all reading the same `Report`.

mod concise;
mod json;
mod pretty;

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::engine::Report;

pub use pretty::PrettyOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// miette's graphical report with source snippets (default on a terminal).
    Pretty,
    /// `path:line:col: CODE [severity] message`, one per line (default when piped).
    Concise,
    /// One JSON object (see the README for the schema).
    Json,
}

pub fn write(
    format: Format,
    report: &Report,
    pretty: PrettyOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::write(report, pretty, out),
        Format::Concise => concise::write(report, out),
        Format::Json => json::write(report, out),
    }
}

/// The closing line for humans: files checked, errors, warnings, time taken.
pub fn summary(report: &Report) -> String {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if infos > 0 {
        parts.push(plural(infos, "info"));
    }
    format!(
        "Checked {} in {}: {}",
        plural(report.files_checked, "file"),
        elapsed(report.elapsed),
        parts.join(", ")
    )
}

fn plural(count: usize, noun: &str) -> String {
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
