//! Runs the rules: every file in parallel, then sorts. The library's entry points for the CLI,
//! stdin and the language server.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::atomic_write::write_atomically;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, RelatedLocation, Severity};
use crate::fix::{self, FixMode};
use crate::post::Post;
use crate::rule::Context;
use crate::rules::unused_suppression;
use crate::source::Source;
use crate::suppress::Suppressions;

/// The rule that reports suppressions that suppress nothing.
const UNUSED_SUPPRESSION: &str = "FL904";

/// One file to lint: where to read it, how to show its path, and the config that applies.
#[derive(Clone)]
pub struct Target {
    pub path: PathBuf,
    /// The path as the user gave it (relative stays relative).
    pub display: String,
    /// The path relative to the config's site root, `/`-separated.
    pub site_path: String,
    pub config: Arc<Config>,
}

/// The diagnostics of one file, with its source when a reporter needs to show it.
pub struct FileReport {
    pub path: Arc<str>,
    pub source: Option<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Default)]
pub struct Report {
    /// Only the files that have diagnostics, sorted by path.
    pub files: Vec<FileReport>,
    pub files_checked: usize,
    pub elapsed: Duration,
    /// What `--fix` / `--diff` did, per changed file, sorted by path.
    pub fixes: Vec<FileFix>,
}

/// The fixes applied (or, with `--diff`, proposed) to one file.
pub struct FileFix {
    pub path: Arc<str>,
    /// Number of fixes applied.
    pub applied: usize,
    /// The unified diff, when fixes are shown instead of written.
    pub diff: Option<String>,
    /// Why the fixed text could not be written, if it could not.
    pub write_error: Option<String>,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|file| file.diagnostics.iter())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .filter(|d| d.severity == severity)
            .count()
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Keep each file's text with its diagnostics (the pretty reporter shows snippets).
    pub keep_sources: bool,
    /// Apply fixes (`--fix`) or show them (`--diff`).
    pub fix: Option<FixRequest>,
}

#[derive(Debug, Clone, Copy)]
pub struct FixRequest {
    pub mode: FixMode,
    /// Write the fixed files (`--fix`), or only show diffs (`--diff`).
    pub write: bool,
}

/// Lint every target in parallel.
pub fn run(targets: &[Target], options: RunOptions) -> Report {
    let started = Instant::now();
    let results: Vec<(Option<FileReport>, Option<FileFix>)> = targets
        .par_iter()
        .map(|target| lint_target(target, options))
        .collect();
    let (mut files, mut fixes): (Vec<FileReport>, Vec<FileFix>) = (Vec::new(), Vec::new());
    for (file, fix) in results {
        files.extend(file);
        fixes.extend(fix);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    fixes.sort_by(|a, b| a.path.cmp(&b.path));
    Report {
        files,
        files_checked: targets.len(),
        elapsed: started.elapsed(),
        fixes,
    }
}

/// Lint one file, fixing it first when asked. A file whose bytes are not exactly its text
/// (invalid UTF-8, UTF-16) is never fixed.
fn lint_target(target: &Target, options: RunOptions) -> (Option<FileReport>, Option<FileFix>) {
    let post = read_post(target);
    let (post, diagnostics, fix) = match options.fix {
        Some(request) if post.read_problem.is_none() => {
            let original = post.source.text.clone();
            let fixed = fix::fix_until_stable(post, &target.config, request.mode);
            let fix = (fixed.applied > 0).then(|| {
                let text = &fixed.post.source.text;
                let (diff, write_error) = if request.write {
                    let written =
                        write_atomically(&target.path, |out| out.write_all(text.as_bytes()));
                    (None, written.err().map(|e| e.to_string()))
                } else {
                    (
                        Some(fix::unified_diff(&target.display, &original, text)),
                        None,
                    )
                };
                FileFix {
                    path: fixed.post.source.path.clone(),
                    applied: fixed.applied,
                    diff,
                    write_error,
                }
            });
            (fixed.post, fixed.diagnostics, fix)
        }
        _ => {
            let diagnostics = lint_post(&post, &target.config);
            (post, diagnostics, None)
        }
    };
    let file = (!diagnostics.is_empty()).then(|| FileReport {
        path: post.source.path.clone(),
        source: options.keep_sources.then_some(post.source),
        diagnostics,
    });
    (file, fix)
}

/// Read a target into a post; a file that cannot be read becomes a post with that problem.
pub fn read_post(target: &Target) -> Post {
    match std::fs::read(&target.path) {
        Ok(bytes) => Post::from_bytes(&target.display, target.site_path.clone(), bytes),
        Err(error) => {
            Post::unreadable(&target.display, target.site_path.clone(), error.to_string())
        }
    }
}

/// Lint text that is not (or not yet) on disk, as if it were at `display` / `site_path`.
pub fn lint_text(
    display: &str,
    site_path: &str,
    text: &str,
    config: &Config,
) -> (Post, Vec<Diagnostic>) {
    let post = Post::new(Source::new(display, text), site_path.to_owned(), None);
    let diagnostics = lint_post(&post, config);
    (post, diagnostics)
}

/// Run every active rule on one post; diagnostics come back sorted.
pub fn lint_post(post: &Post, config: &Config) -> Vec<Diagnostic> {
    let schema = config.schema_for(&post.site_path);
    let cx = Context {
        post,
        schema: &schema,
    };
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for active in &config.rules.active {
        active.rule.check(&cx, &mut findings);
        for finding in findings.drain(..) {
            diagnostics.push(place(
                post,
                active.meta.code,
                active.meta.name,
                active.severity,
                finding,
            ));
        }
    }
    apply_suppressions(post, config, &mut diagnostics);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Drop what `frontlint-disable…` comments suppress, and report the comments that suppress
/// nothing (`unused-suppression`).
fn apply_suppressions(post: &Post, config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    let mut suppressions = Suppressions::parse(post);
    if suppressions.is_empty() {
        return;
    }
    suppressions.filter(diagnostics);
    if let Some(active) = config.rules.get(UNUSED_SUPPRESSION) {
        for finding in unused_suppression::unused_findings(&suppressions, &post.source.text, config)
        {
            diagnostics.push(place(
                post,
                active.meta.code,
                active.meta.name,
                active.severity,
                finding,
            ));
        }
    }
}

/// Turn a rule's finding into a diagnostic with positions.
fn place(
    post: &Post,
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    finding: Finding,
) -> Diagnostic {
    let source = &post.source;
    let related = finding
        .related
        .into_iter()
        .map(|related| {
            let position = source.position(related.range.start);
            RelatedLocation {
                path: related.path.unwrap_or_else(|| source.path.clone()),
                range: related.range,
                line: position.line,
                column: position.column,
                message: related.message,
            }
        })
        .collect();
    Diagnostic {
        path: source.path.clone(),
        start: source.position(finding.range.start),
        end: source.position(finding.range.end),
        range: finding.range,
        code,
        rule,
        severity,
        message: finding.message,
        help: finding.help,
        related,
        fix: finding.fix,
    }
}
