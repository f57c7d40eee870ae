//! The fixes of the site-wide rules (a broken link pointed at the page it evidently meant):
//! applied after the per-file rounds, on the text those left, and written (or shown) the same
//! way — atomically, every other byte kept.

use foldhash::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{FileFix, FixRequest, FixTexts};
use crate::atomic_write::write_atomically;
use crate::diagnostic::{Diagnostic, Edit};
use crate::fix;

/// Apply what `request` allows of the fixes in `diagnostics` (the ones applied are taken
/// out of it) to the files on disk at `files`, updating `fixes`.
pub(super) fn apply(
    diagnostics: &mut Vec<(Diagnostic, Option<Arc<str>>)>,
    fixes: &mut Vec<FileFix>,
    request: FixRequest,
    files: &HashMap<Arc<str>, PathBuf>,
) {
    let mut by_file: HashMap<Arc<str>, Vec<usize>> = HashMap::default();
    for (index, (diagnostic, _)) in diagnostics.iter().enumerate() {
        let fixable = diagnostic
            .fix
            .as_ref()
            .is_some_and(|f| f.rename.is_none() && request.mode.allows(f));
        if fixable {
            by_file
                .entry(diagnostic.path.clone())
                .or_default()
                .push(index);
        }
    }
    let mut applied: Vec<usize> = Vec::new();
    for (path, indices) in by_file {
        let existing = fixes.iter().position(|f| f.path == path);
        // A file renamed by its own fixes has moved: its links wait for the next run.
        if existing.is_some_and(|i| fixes[i].renamed_to.is_some()) {
            continue;
        }
        let Some(file) = files.get(&path) else {
            continue;
        };
        let before: Arc<str> = match existing.and_then(|i| fixes[i].texts.as_deref()) {
            Some(texts) => texts.after.clone(),
            None => match std::fs::read_to_string(file) {
                Ok(text) => text.into(),
                Err(_) => continue,
            },
        };
        let mut edits: Vec<(usize, &Edit)> = indices
            .iter()
            .flat_map(|&i| {
                let fix = diagnostics[i].0.fix.as_ref().expect("fixable");
                fix.edits.iter().map(move |edit| (i, edit))
            })
            .collect();
        edits.sort_by_key(|(_, edit)| (edit.range.start, edit.range.end));
        let mut after = String::with_capacity(before.len());
        let mut at = 0;
        let mut taken = Vec::new();
        for (index, edit) in edits {
            let fits = edit.range.start >= at
                && edit.range.end <= before.len()
                && before.is_char_boundary(edit.range.start)
                && before.is_char_boundary(edit.range.end);
            if !fits {
                continue;
            }
            after.push_str(&before[at..edit.range.start]);
            after.push_str(&edit.replacement);
            at = edit.range.end;
            taken.push(index);
        }
        after.push_str(&before[at..]);
        taken.dedup();
        if taken.is_empty() {
            continue;
        }
        let original = match existing.and_then(|i| fixes[i].texts.as_deref()) {
            Some(texts) => texts.before.clone(),
            None => before.clone(),
        };
        let after: Arc<str> = after.into();
        let mut write_error = None;
        let mut diff = None;
        if request.write {
            write_error = write_atomically(file, |out| out.write_all(after.as_bytes()))
                .err()
                .map(|e| e.to_string());
        } else {
            diff = Some(fix::unified_diff(&path, &original, &after));
        }
        if write_error.is_none() {
            applied.extend(&taken);
        }
        let texts = Some(Box::new(FixTexts {
            before: original,
            after,
        }));
        match existing {
            Some(i) => {
                let file_fix = &mut fixes[i];
                file_fix.applied += taken.len();
                file_fix.diff = diff.or(file_fix.diff.take());
                file_fix.write_error = write_error.or(file_fix.write_error.take());
                file_fix.texts = texts;
            }
            None => fixes.push(FileFix {
                path: path.clone(),
                applied: taken.len(),
                diff,
                write_error,
                renamed_to: None,
                refused_renames: Vec::new(),
                texts,
            }),
        }
    }
    applied.sort_unstable();
    applied.dedup();
    for index in applied.into_iter().rev() {
        diagnostics.remove(index);
    }
}
