//! Each CI format has its own words for how bad a diagnostic is. One table, so that the
//! mapping can be read (and documented in the README) in one place.
//!
//! | frontlint | GitHub command | SARIF `level` | GitLab `severity` | checkstyle / JUnit |
//! | --------- | -------------- | ------------- | ----------------- | ------------------ |
//! | error     | `error`        | `error`       | `major`           | `error`            |
//! | warning   | `warning`      | `warning`     | `minor`           | `warning`          |
//! | info      | `notice`       | `note`        | `info`            | `info`             |
//!
//! GitLab's scale is info < minor < major < critical < blocker. An error maps to `major`, as
//! in eslint's and rumdl's GitLab formatters: it is what fails the pipeline, but frontlint has
//! no notion of "critical" to set it apart from. `critical` and `blocker` are not used.

use crate::diagnostic::Severity;

/// The workflow command that makes a GitHub Actions annotation of this severity.
pub fn github_command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// SARIF 2.1.0 `result.level` / `reportingConfiguration.level` (§3.27.10).
pub fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitLab Code Quality `severity`.
pub fn gitlab_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Checkstyle's `severity` attribute (and the JUnit failure `type`): checkstyle's own levels
/// are `error`, `warning`, `info` (and `ignore`), the same words as ours.
pub fn checkstyle_severity(severity: Severity) -> &'static str {
    severity.as_str()
}
