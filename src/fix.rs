//! Applying fixes: non-overlapping edits applied last to first, keeping every byte the fixes
//! did not mean to change (BOM, CRLF, trailing text). Files are written with
//! `atomic_write::write_atomically`.

use std::ops::Range;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::engine;
use crate::post::Post;
use crate::source::Source;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes that keep the author's meaning.
    Safe,
    /// Also fixes that change what Jekyll publishes (`--unsafe-fixes`).
    Unsafe,
}

impl FixMode {
    pub fn allows(self, fix: &Fix) -> bool {
        self == FixMode::Unsafe || fix.applicability == Applicability::Safe
    }
}

/// The text with the fixes of `diagnostics` applied, and how many fixes were applied. A fix
/// whose edits overlap an earlier accepted fix is left for the next round.
pub fn apply(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| mode.allows(fix) && fix.edits.iter().all(|e| valid_edit(text, e)))
        .collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|e| e.range.start).min().unwrap_or(0));
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let overlaps = fix.edits.iter().any(|edit| {
            accepted
                .iter()
                .any(|other| overlap(&edit.range, &other.range))
        });
        if !overlaps {
            accepted.extend(&fix.edits);
            applied += 1;
        }
    }
    accepted.sort_by_key(|edit| std::cmp::Reverse((edit.range.start, edit.range.end)));
    let mut fixed = text.to_owned();
    for edit in accepted {
        fixed.replace_range(edit.range.clone(), &edit.replacement);
    }
    (fixed, applied)
}

fn valid_edit(text: &str, edit: &Edit) -> bool {
    edit.range.start <= edit.range.end
        && edit.range.end <= text.len()
        && text.is_char_boundary(edit.range.start)
        && text.is_char_boundary(edit.range.end)
}

/// Two edits conflict when they overlap, or when both insert at the same place.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || a.start == b.start
}

/// How many rounds of fix-then-relint before giving up (a fix can enable another one, e.g.
/// quoting a value reveals a duplicate key; rounds stop as soon as nothing changes).
const MAX_ROUNDS: usize = 10;

/// A post after fixing: its final text, the diagnostics that remain, and how many fixes went in.
pub struct Fixed {
    pub post: Post,
    pub diagnostics: Vec<Diagnostic>,
    pub applied: usize,
}

/// Apply fixes and lint again until no fix applies (or `MAX_ROUNDS`).
pub fn fix_until_stable(post: Post, config: &Config, mode: FixMode) -> Fixed {
    let mut post = post;
    let mut diagnostics = engine::lint_post(&post, config);
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let (text, count) = apply(&post.source.text, &diagnostics, mode);
        if count == 0 || *text == *post.source.text {
            break;
        }
        applied += count;
        let source = Source::new(post.source.path.clone(), text);
        post = Post::new(source, post.site_path.clone(), None);
        diagnostics = engine::lint_post(&post, config);
    }
    Fixed {
        post,
        diagnostics,
        applied,
    }
}

/// A unified diff of a file's fix, as `--diff` prints it.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::source::Position;

    fn with_fix(edits: Vec<(Range<usize>, &str)>, applicability: Applicability) -> Diagnostic {
        Diagnostic {
            path: "x.md".into(),
            range: 0..0,
            start: Position { line: 1, column: 1 },
            end: Position { line: 1, column: 1 },
            code: "FL000",
            rule: "test",
            severity: Severity::Error,
            message: String::new(),
            help: None,
            related: Vec::new(),
            fix: Some(Fix {
                title: "fix".to_owned(),
                applicability,
                edits: edits
                    .into_iter()
                    .map(|(range, replacement)| Edit {
                        range,
                        replacement: replacement.to_owned(),
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn applies_edits_last_to_first_and_keeps_other_bytes() {
        let text = "\u{feff}---\r\ntitle: a\r\nx: b\r\n---\r\n";
        let title = text.find('a').unwrap();
        let x = text.find("b\r").unwrap();
        let fixes = [
            with_fix(vec![(title..title + 1, "\"A\"")], Applicability::Safe),
            with_fix(vec![(x..x + 1, "\"B\"")], Applicability::Safe),
        ];
        let (fixed, applied) = apply(text, &fixes, FixMode::Safe);
        assert_eq!(applied, 2);
        assert_eq!(fixed, "\u{feff}---\r\ntitle: \"A\"\r\nx: \"B\"\r\n---\r\n");
    }

    #[test]
    fn overlapping_and_unsafe_fixes_wait() {
        let text = "abcdef";
        let fixes = [
            with_fix(vec![(0..3, "X")], Applicability::Safe),
            with_fix(vec![(2..4, "Y")], Applicability::Safe),
            with_fix(vec![(5..6, "Z")], Applicability::Unsafe),
        ];
        assert_eq!(apply(text, &fixes, FixMode::Safe), ("Xdef".to_owned(), 1));
        assert_eq!(apply(text, &fixes, FixMode::Unsafe), ("XdeZ".to_owned(), 2));
    }

    #[test]
    fn edits_off_char_boundaries_are_refused() {
        let text = "é";
        let fixes = [with_fix(vec![(1..2, "e")], Applicability::Safe)];
        assert_eq!(apply(text, &fixes, FixMode::Safe), ("é".to_owned(), 0));
    }

    #[test]
    fn diff_is_unified() {
        let diff = unified_diff("a.md", "x\ny\n", "x\nz\n");
        assert!(
            diff.contains("--- a/a.md") && diff.contains("-y") && diff.contains("+z"),
            "{diff}"
        );
    }
}
