//! JUnit XML, for CI test-report views (GitLab's `artifacts:reports:junit`, Jenkins, Azure).
//!
//! Shape: one `<testsuite name="frontlint">` with one `<testcase>` per rule that failed in a
//! file — `classname` is the file, `name` the rule (`FL104 duplicate-key`) — holding one
//! `<failure>` whose text lists every place in that file, with help. So a test report groups
//! by file and shows each broken rule once, however many times it fired; ruff and eslint make
//! a testcase per diagnostic instead, which floods the report with identical names when one
//! rule fires on every line of a migrated site. A clean run is one passing testcase, as in
//! ruff, so that the report is never empty. A testcase fails as the run does: for errors, and
//! for warnings only when there are more than `--max-warnings` allows; a testcase of warnings
//! (or infos) that do not fail the run passes and lists them in `<system-out>`, so a report
//! never shows failed tests for a run whose exit status is 0. Attributes stay within the common JUnit schema
//! (no `file`/`line` on testcases, as pytest's `xunit2`); `time` is left out since lint time
//! per rule is meaningless and would make the output differ on every run.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;

use super::ReportOptions;
use super::levels::checkstyle_severity;
use super::paths::PathBase;
use super::xml;

/// The diagnostics of one rule in one file.
struct Case<'a> {
    path: String,
    code: &'static str,
    rule: &'static str,
    diagnostics: Vec<&'a Diagnostic>,
}

pub fn write(report: &Report, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let cases = cases(report, options);
    let tests = cases.len().max(1);
    let fails = |case: &Case<'_>| {
        let worst = case.worst();
        worst == Severity::Error || (worst == Severity::Warning && options.warnings_fail)
    };
    let failures = cases.iter().filter(|case| fails(case)).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="frontlint" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="frontlint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    )?;
    writeln!(out, "    <properties>")?;
    writeln!(
        out,
        r#"      <property name="files_checked" value="{}"/>"#,
        report.files_checked
    )?;
    writeln!(out, "    </properties>")?;
    if cases.is_empty() {
        writeln!(
            out,
            r#"    <testcase classname="frontlint" name="no problems found"/>"#
        )?;
    }
    for case in &cases {
        writeln!(
            out,
            r#"    <testcase classname="{}" name="{} {}">"#,
            xml::attribute(&case.path),
            case.code,
            case.rule
        )?;
        let places = failure_text(case, &options.paths);
        let text = xml::text(&places);
        if fails(case) {
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{text}</failure>"#,
                xml::attribute(&failure_message(&case.diagnostics)),
                checkstyle_severity(case.worst()),
            )?;
        } else {
            writeln!(out, "      <system-out>{text}</system-out>")?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

impl Case<'_> {
    fn worst(&self) -> Severity {
        self.diagnostics
            .iter()
            .map(|d| d.severity)
            .max()
            .expect("a case has diagnostics")
    }
}

/// Group each file's diagnostics by rule, files in report order and rules by code.
fn cases<'a>(report: &'a Report, options: &ReportOptions) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for file in &report.files {
        let path = options.paths.path(&file.path);
        let mut by_rule: Vec<Case<'a>> = Vec::new();
        for d in &file.diagnostics {
            match by_rule.iter_mut().find(|case| case.code == d.code) {
                Some(case) => case.diagnostics.push(d),
                None => by_rule.push(Case {
                    path: path.clone(),
                    code: d.code,
                    rule: d.rule,
                    diagnostics: vec![d],
                }),
            }
        }
        by_rule.sort_by_key(|case| case.code);
        cases.extend(by_rule);
    }
    cases
}

fn failure_message(diagnostics: &[&Diagnostic]) -> String {
    match diagnostics {
        [only] => only.message.clone(),
        [first, ..] => format!(
            "{} problems; the first at line {}: {}",
            diagnostics.len(),
            first.start.line,
            first.message
        ),
        [] => String::new(),
    }
}

/// One block per diagnostic: `path:line:column: severity: message`, then help and related
/// places, indented.
fn failure_text(case: &Case<'_>, paths: &PathBase) -> String {
    let mut text = String::from("\n");
    for d in &case.diagnostics {
        let _ = writeln!(
            text,
            "{}:{}:{}: {}: {}",
            case.path,
            d.start.line,
            d.start.column,
            d.severity.as_str(),
            d.message
        );
        if let Some(help) = &d.help {
            let _ = writeln!(text, "  help: {help}");
        }
        for related in &d.related {
            let _ = writeln!(
                text,
                "  {}: {}:{}:{}",
                related.message,
                paths.path(&related.path),
                related.line,
                related.column
            );
        }
    }
    text.push_str("      ");
    text
}
