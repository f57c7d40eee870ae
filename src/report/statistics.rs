//! `--statistics`: how many diagnostics each rule produced, most frequent first — the first
//! thing to look at when adopting frontlint on a large old site. Like `ruff --statistics`,
//! it replaces the list of diagnostics: text by default, an array with `--format json`.
//!
//! ```text
//! 12  FL107  [ ] implicit-yaml-type
//!  3  FL104  [*] duplicate-key
//! ```
//!
//! `fixable` (`[*]`) says that at least one of the rule's diagnostics carries an automatic fix.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::Report;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct RuleCount {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
    pub fixable: bool,
}

/// Counts per rule, by count (descending), then code.
pub fn count(report: &Report) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in report.diagnostics() {
        let index = match counts.iter().position(|c| c.code == d.code) {
            Some(index) => index,
            None => {
                counts.push(RuleCount {
                    code: d.code,
                    name: d.rule,
                    count: 0,
                    fixable: false,
                });
                counts.len() - 1
            }
        };
        counts[index].count += 1;
        counts[index].fixable |= d.fix.is_some();
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    counts
}

pub fn write_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let counts = count(report);
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    for c in &counts {
        let mark = if c.fixable { "[*]" } else { "[ ]" };
        writeln!(out, "{:>width$}  {}  {mark} {}", c.count, c.code, c.name)?;
    }
    if counts.iter().any(|c| c.fixable) {
        writeln!(out, "[*] has an automatic fix")?;
    }
    Ok(())
}

pub fn write_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &count(report))?;
    writeln!(out)
}
