//! Code actions: a quick fix per fixable diagnostic under the cursor (safe fixes preferred,
//! unsafe ones offered but never preferred, so "auto-fix" never picks them), and "Fix all safe
//! problems" for the whole document, also as `source.fixAll.frontlint` for fix-on-save.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChangeOperation, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, RenameFile, RenameFileOptions, ResourceOp,
    TextDocumentEdit, TextDocumentIdentifier, TextEdit, WorkspaceEdit,
};

use serde::Deserialize;

use crate::diagnostic::{Applicability, Edit};
use crate::fix::{self, FixMode};

use super::analysis::Linted;
use super::documents::Document;
use super::position::Encoding;

/// `source.fixAll.frontlint`: what `editor.codeActionsOnSave` names to fix on save.
pub const SOURCE_FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.frontlint");

const FIX_ALL_TITLE: &str = "Fix all safe problems (frontlint)";

/// The parts of `textDocument/codeAction` params the server reads. Not `CodeActionParams`:
/// its `context.diagnostics` are the client's copies of every server's diagnostics, and one
/// odd field among them (a `codeDescription.href` that is not a URI) would fail the request.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    pub text_document: TextDocumentIdentifier,
    pub range: lsp_types::Range,
    #[serde(default)]
    pub context: Context,
}

#[derive(Debug, Default, Deserialize)]
pub struct Context {
    pub only: Option<Vec<CodeActionKind>>,
}

pub struct Request<'a> {
    pub doc: &'a Document,
    pub linted: &'a Linted,
    /// `linted.diagnostics` as sent to the client, in the same order.
    pub lsp_diagnostics: &'a [lsp_types::Diagnostic],
    pub encoding: Encoding,
    /// The client accepts versioned `documentChanges`, which it refuses to apply to a newer
    /// text than the one the edits were made for.
    pub document_changes: bool,
    /// The client applies `RenameFile` operations (and versioned document changes).
    pub rename_files: bool,
}

pub fn code_actions(params: &Params, request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let doc = request.doc;
    let wanted = |kind: &CodeActionKind| wants(params.context.only.as_deref(), kind);
    let cursor = doc
        .lines()
        .byte_range(doc.text(), params.range, request.encoding);
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        for (diagnostic, lsp) in request
            .linted
            .diagnostics
            .iter()
            .zip(request.lsp_diagnostics)
        {
            let Some(fix) = &diagnostic.fix else { continue };
            if !touches(&diagnostic.range, &cursor) {
                continue;
            }
            // A fix that renames the post needs a client that can rename files.
            let edit = match &fix.rename {
                None => workspace_edit(request, &fix.edits),
                Some(rename) if request.rename_files => {
                    match renaming_edit(request, &fix.edits, &rename.new_name) {
                        Some(edit) => edit,
                        None => continue,
                    }
                }
                Some(_) => continue,
            };
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                format!("{} ({})", capitalized(&fix.title), diagnostic.code)
            } else {
                format!(
                    "{} ({}, changes what Jekyll publishes)",
                    capitalized(&fix.title),
                    diagnostic.code
                )
            };
            actions.push(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(edit),
                is_preferred: Some(safe),
                ..Default::default()
            });
        }
    }
    let fix_all_wanted = wanted(&SOURCE_FIX_ALL);
    // Next to a quick fix, "fix all" belongs in the same menu (as ESLint offers it) when
    // there is more than the one problem to fix.
    let safe_fixes = request
        .linted
        .diagnostics
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .count();
    let fix_all_as_quick_fix = !actions.is_empty() && safe_fixes > 1;
    if (fix_all_wanted || fix_all_as_quick_fix)
        && let Some(edits) = fix_all_edits(request)
    {
        if fix_all_as_quick_fix {
            actions.push(CodeAction {
                title: FIX_ALL_TITLE.to_owned(),
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(workspace_edit(request, &edits)),
                is_preferred: Some(false),
                ..Default::default()
            });
        }
        if fix_all_wanted {
            actions.push(CodeAction {
                title: FIX_ALL_TITLE.to_owned(),
                kind: Some(SOURCE_FIX_ALL),
                edit: Some(workspace_edit(request, &edits)),
                ..Default::default()
            });
        }
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// Is an action of `kind` wanted? With no `only`, every kind is; otherwise a kind matches
/// itself and its sub-kinds (`source` asks for `source.fixAll.frontlint`).
fn wants(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    let Some(only) = only else { return true };
    only.iter().any(|asked| {
        let asked = asked.as_str();
        kind.as_str() == asked
            || kind
                .as_str()
                .strip_prefix(asked)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// A diagnostic is under the cursor when the ranges overlap or touch (a cursor is an empty
/// range, often just after the problem).
fn touches(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every safe fix, applied until stable as `frontlint check --fix` does, as separate small
/// edits, one per changed run of lines (`None` when nothing would change): one edit spanning
/// two fixes and the text between them would move the editor's cursors, marks and folds there.
fn fix_all_edits(request: &Request<'_>) -> Option<Vec<Edit>> {
    let linted = request.linted;
    if !linted.diagnostics.iter().any(|d| {
        d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == Applicability::Safe)
    }) {
        return None;
    }
    let fixed = fix::fix_until_stable(linted.fresh_post(), &linted.config, FixMode::Safe);
    if fixed.applied == 0 {
        return None;
    }
    let before = request.doc.text();
    let after: &str = &fixed.post.source.text;
    (before != after).then(|| minimal_edits(before, after))
}

/// Edits turning `before` into `after`: a line diff finds the runs of changed lines, and each
/// run becomes one edit trimmed to its changed characters. The ranges are in `before` and do
/// not overlap, as LSP requires of the edits of one document.
fn minimal_edits(before: &str, after: &str) -> Vec<Edit> {
    let diff = similar::TextDiff::configure()
        // A very long file with scattered changes gives up on finesse, never on correctness:
        // the coarser runs still turn `before` into `after`.
        .timeout(std::time::Duration::from_millis(200))
        .diff_lines(before, after);
    let starts = |lines: &[&str]| -> Vec<usize> {
        std::iter::once(0)
            .chain(lines.iter().scan(0, |at, line| {
                *at += line.len();
                Some(*at)
            }))
            .collect()
    };
    let (old_at, new_at) = (starts(diff.old_slices()), starts(diff.new_slices()));
    let mut edits = Vec::new();
    let mut run: Option<(Range<usize>, Range<usize>)> = None;
    let ops = diff.ops().iter().map(Some).chain([None]);
    for op in ops {
        match op {
            Some(op) if op.tag() != similar::DiffTag::Equal => {
                let (old, new) = (op.old_range(), op.new_range());
                run = Some(match run {
                    Some((o, n)) => (o.start..old.end, n.start..new.end),
                    None => (old, new),
                });
            }
            _ => {
                let Some((old, new)) = run.take() else {
                    continue;
                };
                // As many lines on both sides (a value quoted on each of two adjacent lines):
                // line by line, so the text between the changes stays out of the edits.
                let pairs: Vec<(Range<usize>, Range<usize>)> = if old.len() == new.len() {
                    old.zip(new).map(|(o, n)| (o..o + 1, n..n + 1)).collect()
                } else {
                    vec![(old, new)]
                };
                for (old, new) in pairs {
                    let old = old_at[old.start]..old_at[old.end];
                    let new = new_at[new.start]..new_at[new.end];
                    if before[old.clone()] == after[new.clone()] {
                        continue;
                    }
                    let edit = minimal_edit(&before[old.clone()], &after[new]);
                    edits.push(Edit::new(
                        old.start + edit.range.start..old.start + edit.range.end,
                        &edit.replacement,
                    ));
                }
            }
        }
    }
    edits
}

/// One edit turning `before` into `after`: the changed middle between their common prefix and
/// suffix.
fn minimal_edit(before: &str, after: &str) -> Edit {
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    Edit::new(
        prefix..before.len() - suffix,
        &after[prefix..after.len() - suffix],
    )
}

fn workspace_edit(request: &Request<'_>, edits: &[Edit]) -> WorkspaceEdit {
    let doc = request.doc;
    let text_edits: Vec<TextEdit> = edits
        .iter()
        .map(|edit| TextEdit {
            range: doc
                .lines()
                .range(doc.text(), edit.range.clone(), request.encoding),
            new_text: edit.replacement.clone(),
        })
        .collect();
    if request.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: doc.uri.clone(),
                    version: Some(doc.version),
                },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(doc.uri.clone(), text_edits)])),
            ..Default::default()
        }
    }
}

/// The fix's text edits, then the rename of the document to `new_name` in its folder, never
/// over an existing file.
fn renaming_edit(request: &Request<'_>, edits: &[Edit], new_name: &str) -> Option<WorkspaceEdit> {
    let doc = request.doc;
    let mut url = url::Url::parse(doc.uri.as_str()).ok()?;
    url.path_segments_mut().ok()?.pop().push(new_name);
    let new_uri: lsp_types::Uri = url.as_str().parse().ok()?;
    let mut operations = Vec::new();
    if !edits.is_empty()
        && let Some(DocumentChanges::Edits(changes)) =
            workspace_edit(request, edits).document_changes
    {
        operations.extend(changes.into_iter().map(DocumentChangeOperation::Edit));
    }
    operations.push(DocumentChangeOperation::Op(ResourceOp::Rename(
        RenameFile {
            old_uri: doc.uri.clone(),
            new_uri,
            options: Some(RenameFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(false),
            }),
            annotation_id: None,
        },
    )));
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(operations)),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_match_themselves_and_their_sub_kinds() {
        let only = |kinds: &[&'static str]| -> Vec<CodeActionKind> {
            kinds.iter().map(|k| CodeActionKind::new(k)).collect()
        };
        assert!(wants(None, &SOURCE_FIX_ALL));
        assert!(wants(Some(&only(&["source"])), &SOURCE_FIX_ALL));
        assert!(wants(Some(&only(&["source.fixAll"])), &SOURCE_FIX_ALL));
        assert!(!wants(Some(&only(&["source.fix"])), &SOURCE_FIX_ALL));
        assert!(!wants(Some(&only(&["quickfix"])), &SOURCE_FIX_ALL));
        assert!(wants(Some(&only(&["quickfix"])), &CodeActionKind::QUICKFIX));
    }

    fn check_minimal(before: &str, after: &str) -> Edit {
        let edit = minimal_edit(before, after);
        let mut applied = before.to_owned();
        applied.replace_range(edit.range.clone(), &edit.replacement);
        assert_eq!(applied, after);
        edit
    }

    fn check_edits(before: &str, after: &str) -> Vec<Edit> {
        let edits = minimal_edits(before, after);
        let mut applied = before.to_owned();
        // Ranges are in `before`, in order and apart: apply them last to first.
        for pair in edits.windows(2) {
            assert!(pair[0].range.end < pair[1].range.start, "{edits:?}");
        }
        for edit in edits.iter().rev() {
            applied.replace_range(edit.range.clone(), &edit.replacement);
        }
        assert_eq!(applied, after);
        edits
    }

    #[test]
    fn fixes_far_apart_are_separate_edits() {
        let before = "---\ntitle: No\nlayout: post\ntags: [a]\nsummary: a: b\n---\nBody\n";
        let after = "---\ntitle: \"No\"\nlayout: post\ntags: [a]\nsummary: \"a: b\"\n---\nBody\n";
        let edits = check_edits(before, after);
        let replaced: Vec<(&str, &str)> = edits
            .iter()
            .map(|e| (&before[e.range.clone()], e.replacement.as_str()))
            .collect();
        assert_eq!(replaced, [("No", "\"No\""), ("a: b", "\"a: b\"")]);
        // Adjacent lines too.
        let edits = check_edits("title: No\nsub: a: b\n", "title: \"No\"\nsub: \"a: b\"\n");
        assert_eq!(edits.len(), 2, "{edits:?}");
        // Lines removed, added and changed next to each other; CRLF; no final newline.
        check_edits("a\r\nb\r\nc", "a\r\nc\r\nd");
        check_edits("one\ntwo\n", "");
        check_edits("", "one\ntwo");
        check_edits(
            "x\n<!-- frontlint-disable -->\ny\n<!-- frontlint-enable -->\n",
            "x\ny\n",
        );
    }

    #[test]
    fn minimal_edit_covers_only_the_change() {
        let edit = check_minimal("title: a: b\nx: 1\n", "title: \"a: b\"\nx: 1\n");
        assert_eq!(edit.range, 7..11);
        assert_eq!(edit.replacement, "\"a: b\"");
        // Characters that share leading bytes (é = C3 A9, è = C3 A8) are never split.
        let edit = check_minimal("é🦀", "è🦀");
        assert_eq!(edit.range, 0..2);
        check_minimal("aaa", "aa");
        check_minimal("", "x");
        check_minimal("தமிழ்", "தமிழ்!");
    }
}
