//! GitHub Actions workflow commands: one `::error file=…,line=…::message` line per diagnostic,
//! which the runner turns into an annotation on the file in the pull request.
//!
//! Escaping follows the runner's own toolkit exactly (`actions/toolkit`,
//! `packages/core/src/command.ts`, `escapeData` and `escapeProperty`): in the message `%`, `\r`
//! and `\n` become `%25`, `%0D`, `%0A`; in a property value `:` and `,` also become `%3A` and
//! `%2C`, since they separate the properties.
//!
//! `col` and `endColumn` are only sent when the diagnostic starts and ends on the same line:
//! the toolkit's `AnnotationProperties` (`packages/core/src/core.ts`) says columns "cannot be
//! sent when startLine and endLine are different values". Columns count characters.

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::engine::Report;

use super::ReportOptions;
use super::levels::github_command;

pub fn write(report: &Report, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    for diagnostic in report.diagnostics() {
        writeln!(out, "{}", command(diagnostic, options))?;
    }
    Ok(())
}

fn command(d: &Diagnostic, options: &ReportOptions) -> String {
    let mut properties = vec![
        ("file", options.paths.path(&d.path)),
        ("line", d.start.line.to_string()),
        ("endLine", d.end.line.to_string()),
    ];
    if d.start.line == d.end.line {
        properties.push(("col", d.start.column.to_string()));
        properties.push(("endColumn", d.end.column.to_string()));
    }
    properties.push(("title", format!("{} {}", d.code, d.rule)));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {}::{}",
        github_command(d.severity),
        properties.join(","),
        escape_data(&message)
    )
}

/// `escapeData` in actions/toolkit's command.ts.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `escapeProperty` in actions/toolkit's command.ts.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_first_then_line_breaks() {
        assert_eq!(escape_data("100%\r\nsure"), "100%25%0D%0Asure");
        // An already escaped-looking sequence must not be unescaped by the runner.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("C:\\sites\\a,b%.md\n"),
            "C%3A\\sites\\a%2Cb%25.md%0A"
        );
    }
}
