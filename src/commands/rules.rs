//! `frontlint rules`: the rule table.

use serde::Serialize;

use crate::cli::{ListFormat, RulesArgs};
use crate::registry::RULES;

use super::{ExitStatus, write_stdout};

#[derive(Serialize)]
struct RuleRow {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    fixable: bool,
    summary: &'static str,
}

pub fn run(args: &RulesArgs) -> ExitStatus {
    let rows: Vec<RuleRow> = RULES
        .iter()
        .map(|rule| RuleRow {
            code: rule.code,
            name: rule.name,
            severity: rule.default_severity.as_str(),
            fixable: rule.fixable,
            summary: rule.summary(),
        })
        .collect();
    let result = write_stdout(|out| match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        ListFormat::Text => {
            let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
            writeln!(
                out,
                "{:<6} {:<name_width$} {:<8} {:<7} SUMMARY",
                "CODE", "NAME", "SEVERITY", "FIXABLE"
            )?;
            for row in &rows {
                writeln!(
                    out,
                    "{:<6} {:<name_width$} {:<8} {:<7} {}",
                    row.code,
                    row.name,
                    row.severity,
                    if row.fixable { "yes" } else { "no" },
                    row.summary
                )?;
            }
            Ok(())
        }
    });
    match result {
        Ok(()) => ExitStatus::Success,
        Err(_) => ExitStatus::Error,
    }
}
