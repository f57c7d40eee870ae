//! Applying fixes: non-overlapping edits applied last to first, keeping every byte the fixes
//! did not mean to change (BOM, CRLF, trailing text), and at most one rename of the file per
//! round. Files are written with `atomic_write::write_atomically` and renamed with
//! `rename_file::rename_no_clobber` (see `engine`); here everything happens in memory.

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

/// May fixes rename the file, and to which names?
#[derive(Clone, Copy)]
pub enum Renames<'a> {
    /// No (standard input, an editor's buffer): fixes that rename are left out whole.
    Off,
    /// To a name this accepts: the engine accepts names no file in the folder has.
    To(&'a (dyn Fn(&str) -> bool + Sync)),
}

impl Renames<'_> {
    fn accepts(&self, new_name: &str) -> bool {
        // A file name, nothing that would leave the folder.
        let plain = !new_name.is_empty()
            && new_name != "."
            && new_name != ".."
            && !new_name.contains(['/', '\\', '\0']);
        match self {
            Renames::Off => false,
            Renames::To(free) => plain && free(new_name),
        }
    }
}

/// One round of fixes applied to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// How many fixes went in (a rename counts as one).
    pub count: usize,
    /// The file's new name, when a fix renames it.
    pub rename: Option<String>,
}

/// The text with the fixes of `diagnostics` applied, and how many fixes were applied. A fix
/// whose edits overlap an earlier accepted fix is left for the next round. Fixes that rename
/// the file are left out: see `apply_fixes`.
pub fn apply(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let applied = apply_fixes(text, diagnostics, mode, Renames::Off);
    (applied.text, applied.count)
}

/// `apply`, with renames: the first fix whose new name `renames` accepts goes in with its
/// edits; a second rename waits for the next round (the first may make it moot).
pub fn apply_fixes(
    text: &str,
    diagnostics: &[Diagnostic],
    mode: FixMode,
    renames: Renames<'_>,
) -> Applied {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| mode.allows(fix) && fix.edits.iter().all(|e| valid_edit(text, e)))
        .filter(|fix| {
            fix.rename
                .as_ref()
                .is_none_or(|rename| renames.accepts(&rename.new_name))
        })
        .collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|e| e.range.start).min().unwrap_or(0));
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut rename = None;
    let mut count = 0;
    for fix in fixes {
        let overlaps = fix.edits.iter().any(|edit| {
            accepted
                .iter()
                .any(|other| overlap(&edit.range, &other.range))
        });
        if overlaps || (fix.rename.is_some() && rename.is_some()) {
            continue;
        }
        accepted.extend(&fix.edits);
        if let Some(new) = &fix.rename {
            rename = Some(new.new_name.clone());
        }
        count += 1;
    }
    Applied {
        text: replace_all(text, accepted),
        count,
        rename,
    }
}

/// The text after one fix's edits, or `None` when they do not fit the text (out of range,
/// off a character boundary, overlapping). Rules use it to check a fix before offering it.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let fits = sorted.iter().all(|edit| valid_edit(text, edit))
        && sorted
            .windows(2)
            .all(|pair| !overlap(&pair[0].range, &pair[1].range));
    fits.then(|| replace_all(text, sorted))
}

fn replace_all(text: &str, mut edits: Vec<&Edit>) -> String {
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.range.start, edit.range.end)));
    let mut fixed = text.to_owned();
    for edit in edits {
        fixed.replace_range(edit.range.clone(), &edit.replacement);
    }
    fixed
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

/// `path` with its last component replaced by `new_name` (the same folder). Both `/` and,
/// on Windows, `\` separate folders in a displayed path.
pub fn renamed_path(path: &str, new_name: &str) -> String {
    let separators: &[char] = if cfg!(windows) { &['/', '\\'] } else { &['/'] };
    match path.rfind(separators) {
        Some(at) => format!("{}{new_name}", &path[..=at]),
        None => new_name.to_owned(),
    }
}

/// Fix-then-relint rounds go on while they change something: a fix can enable another one
/// (quoting a value reveals a duplicate key), and YAML parsing stops at the first syntax
/// error, so a front matter with twelve broken values takes twelve rounds. What bounds them is
/// the work: the rounds together may lint `ROUND_BUDGET_FACTOR` times the post's size, or
/// `ROUND_BUDGET_BYTES`, whichever is more. Small posts get every round they need; a hostile
/// megabyte of broken values stops after ten rounds (and the next `--fix` run goes on), so
/// `--fix` stays linear in the size of its input.
const ROUND_BUDGET_FACTOR: usize = 10;
const ROUND_BUDGET_BYTES: usize = 1 << 20;
/// A cap on the rounds themselves, should a fix keep shrinking a text to nothing.
const MAX_ROUNDS: usize = 10_000;

/// A post after fixing: its final text, the diagnostics that remain, and how many fixes went in.
pub struct Fixed {
    /// The fixed post; when a fix renamed it, its path and site path carry the new name.
    pub post: Post,
    pub diagnostics: Vec<Diagnostic>,
    pub applied: usize,
    /// The file's final name, when fixes renamed it.
    pub renamed: Option<String>,
    /// New names the remaining fixes want that `Renames` refused (a file has that name).
    pub refused_renames: Vec<String>,
}

/// Apply fixes and lint again until no fix applies (or the work budget above is spent). Text
/// only: fixes that rename the file are left out (see `fix_until_stable_with`).
pub fn fix_until_stable(post: Post, config: &Config, mode: FixMode) -> Fixed {
    fix_until_stable_with(post, config, mode, Renames::Off)
}

/// `fix_until_stable`, renaming the post when `renames` allows. Each rename is linted under
/// the new name before the next round, so a rename can enable or retire other fixes.
pub fn fix_until_stable_with(
    post: Post,
    config: &Config,
    mode: FixMode,
    renames: Renames<'_>,
) -> Fixed {
    let original_name = file_name(&post.source.path).to_owned();
    let mut post = post;
    let mut diagnostics = engine::lint_post(&post, config);
    let mut applied = 0;
    let budget = (ROUND_BUDGET_FACTOR * post.source.text.len()).max(ROUND_BUDGET_BYTES);
    let mut linted = 0;
    for _ in 0..MAX_ROUNDS {
        linted += post.source.text.len();
        if linted > budget {
            break;
        }
        let round = apply_fixes(&post.source.text, &diagnostics, mode, renames);
        if round.count == 0 || (*round.text == *post.source.text && round.rename.is_none()) {
            break;
        }
        applied += round.count;
        let (path, site_path) = match &round.rename {
            Some(name) => (
                renamed_path(&post.source.path, name),
                renamed_path(&post.site_path, name),
            ),
            None => (post.source.path.to_string(), post.site_path.clone()),
        };
        post = Post::new(Source::new(path, round.text), site_path, None);
        diagnostics = engine::lint_post(&post, config);
    }
    let final_name = file_name(&post.source.path);
    let renamed = (final_name != original_name).then(|| final_name.to_owned());
    let mut refused_renames: Vec<String> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| mode.allows(fix))
        .filter_map(|fix| fix.rename.as_ref())
        .filter(|rename| !renames.accepts(&rename.new_name))
        .map(|rename| rename.new_name.clone())
        .collect();
    refused_renames.sort();
    refused_renames.dedup();
    if matches!(renames, Renames::Off) {
        // Nothing was refused: renaming was not asked for.
        refused_renames.clear();
    }
    Fixed {
        post,
        diagnostics,
        applied,
        renamed,
        refused_renames,
    }
}

fn file_name(path: &str) -> &str {
    let separators: &[char] = if cfg!(windows) { &['/', '\\'] } else { &['/'] };
    path.rsplit(separators).next().unwrap_or(path)
}

/// A unified diff of a file's fix, as `--diff` prints it.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// A diff that renames the file (and maybe edits it), with git's extended header so that
/// `git apply` moves the file: `diff --git`, `rename from`, `rename to`, then the hunks.
pub fn rename_diff(old_path: &str, new_path: &str, before: &str, after: &str) -> String {
    let mut out = format!(
        "diff --git a/{old_path} b/{new_path}\nrename from {old_path}\nrename to {new_path}\n"
    );
    if before != after {
        out.push_str(
            &similar::TextDiff::from_lines(before, after)
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{old_path}"), &format!("b/{new_path}"))
                .to_string(),
        );
    }
    out
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
                rename: None,
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

    fn renaming(to: &str, edits: Vec<(Range<usize>, &str)>) -> Diagnostic {
        let mut diagnostic = with_fix(edits, Applicability::Unsafe);
        if let Some(fix) = diagnostic.fix.as_mut() {
            fix.rename = Some(crate::diagnostic::Rename {
                new_name: to.to_owned(),
            });
        }
        diagnostic
    }

    #[test]
    fn one_rename_per_round_with_its_edits() {
        let text = "abcdef";
        let fixes = [
            renaming("b.md", vec![(0..1, "A")]),
            renaming("c.md", vec![]),
            with_fix(vec![(5..6, "F")], Applicability::Unsafe),
        ];
        let any = |_: &str| true;
        let applied = apply_fixes(text, &fixes, FixMode::Unsafe, Renames::To(&any));
        assert_eq!(
            applied,
            Applied {
                text: "AbcdeF".to_owned(),
                count: 2,
                rename: Some("b.md".to_owned()),
            }
        );
        // Without renames, a fix that renames is left out whole, edits included.
        assert_eq!(
            apply(text, &fixes, FixMode::Unsafe),
            ("abcdeF".to_owned(), 1)
        );
        // A name that is taken is refused; the next rename gets its turn.
        let not_b = |name: &str| name != "b.md";
        let applied = apply_fixes(text, &fixes, FixMode::Unsafe, Renames::To(&not_b));
        assert_eq!(applied.rename.as_deref(), Some("c.md"));
        assert_eq!(applied.text, "abcdeF");
        // Never out of the folder.
        let escaping = [renaming("../x.md", vec![]), renaming("a/x.md", vec![])];
        assert_eq!(
            apply_fixes(text, &escaping, FixMode::Unsafe, Renames::To(&any)).count,
            0
        );
        // Renames are unsafe: a safe run never renames.
        assert_eq!(
            apply_fixes(text, &fixes, FixMode::Safe, Renames::To(&any)).rename,
            None
        );
    }

    #[test]
    fn renamed_paths_stay_in_their_folder() {
        assert_eq!(renamed_path("_posts/a b.md", "c.md"), "_posts/c.md");
        assert_eq!(renamed_path("a.md", "c.md"), "c.md");
        assert_eq!(renamed_path("/x/y/_posts/a.md", "c.md"), "/x/y/_posts/c.md");
    }

    #[test]
    fn edits_are_checked_before_they_are_applied() {
        let edit = |range: Range<usize>, text: &str| Edit::new(range, text);
        assert_eq!(
            apply_edits("abc", &[edit(2..3, "C"), edit(0..1, "A")]).as_deref(),
            Some("AbC")
        );
        assert_eq!(
            apply_edits("abc", &[edit(0..2, "x"), edit(1..3, "y")]),
            None
        );
        assert_eq!(apply_edits("abc", &[edit(2..4, "x")]), None);
        assert_eq!(apply_edits("é", &[edit(1..2, "e")]), None);
    }

    #[test]
    fn a_rename_diff_has_git_headers() {
        assert_eq!(
            rename_diff("_posts/a.md", "_posts/b.md", "x\n", "x\n"),
            "diff --git a/_posts/a.md b/_posts/b.md\nrename from _posts/a.md\nrename to _posts/b.md\n"
        );
        let both = rename_diff("_posts/a.md", "_posts/b.md", "x\ny\n", "x\nz\n");
        assert!(
            both.contains("rename to _posts/b.md\n--- a/_posts/a.md\n+++ b/_posts/b.md\n@@"),
            "{both}"
        );
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
