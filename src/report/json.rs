//! The JSON contract (version 1): other tools and our tests parse it. Fields are only ever
//! added, never renamed or removed, within a version.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, RelatedLocation, Severity};
use crate::engine::Report;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: usize,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Byte offsets into the file, for tools that edit it.
    offset: usize,
    end_offset: usize,
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    related: &'a [RelatedLocation],
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: crate::diagnostic::Applicability,
    edits: Vec<JsonEdit<'a>>,
    /// The file's new name after the edits (`null`: the file keeps its name).
    rename: Option<JsonRename<'a>>,
}

#[derive(Serialize)]
struct JsonRename<'a> {
    /// A file name, in the same folder.
    new_name: &'a str,
    /// The diagnostic's `path` with that name.
    new_path: String,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: usize,
    end_offset: usize,
    replacement: &'a str,
}

fn json_diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        path: &d.path,
        line: d.start.line,
        column: d.start.column,
        end_line: d.end.line,
        end_column: d.end.column,
        offset: d.range.start,
        end_offset: d.range.end,
        code: d.code,
        rule: d.rule,
        severity: d.severity,
        message: &d.message,
        help: d.help.as_deref(),
        related: &d.related,
        fix: d.fix.as_ref().map(|fix| JsonFix {
            title: &fix.title,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    offset: e.range.start,
                    end_offset: e.range.end,
                    replacement: &e.replacement,
                })
                .collect(),
            rename: fix.rename.as_ref().map(|rename| JsonRename {
                new_name: &rename.new_name,
                new_path: crate::fix::renamed_path(&d.path, &rename.new_name),
            }),
        }),
    }
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let json = JsonReport {
        version: 1,
        files: report.files_checked,
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
        diagnostics: report.diagnostics().map(json_diagnostic).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}
