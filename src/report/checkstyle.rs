//! Checkstyle XML, read by Jenkins' warnings plugin, reviewdog, SonarQube and many CI tools:
//!
//! ```xml
//! <checkstyle version="4.3">
//!   <file name="_posts/2024-01-01-a.md">
//!     <error line="3" column="1" severity="error" message="…" source="frontlint.FL104"/>
//!   </file>
//! </checkstyle>
//! ```
//!
//! `source` is the check's dotted identifier, as checkstyle's own are
//! (`com.puppycrawl.tools.checkstyle.checks.…`) and eslint's (`eslint.rules.semi`). Only files
//! with diagnostics are listed, like eslint's checkstyle formatter.

use std::io::{self, Write};

use crate::engine::Report;

use super::ReportOptions;
use super::levels::checkstyle_severity;
use super::xml;

pub fn write(report: &Report, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)?;
    for file in &report.files {
        let name = options.paths.path(&file.path);
        writeln!(out, r#"  <file name="{}">"#, xml::attribute(&name))?;
        for d in &file.diagnostics {
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{}" message="{}" source="frontlint.{}"/>"#,
                d.start.line,
                d.start.column,
                checkstyle_severity(d.severity),
                xml::attribute(&d.message),
                d.code,
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
