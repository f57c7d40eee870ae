//! `path:line:col: CODE [severity] message` — one line per diagnostic, for grep and editors.

use std::io::{self, Write};

use crate::engine::Report;

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in report.diagnostics() {
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            d.path,
            d.start.line,
            d.start.column,
            d.code,
            d.severity.as_str(),
            d.message
        )?;
    }
    Ok(())
}
