//! `frontlint check - --stdin-filename PATH`: lint standard input as if it were PATH, for
//! editors and scripts. With `--fix`, the fixed text goes to standard output and the
//! remaining diagnostics to standard error. Fixes that rename the file are left out (there is
//! no file), with a note on standard error.

use std::io::Read;
use std::path::Path;
use std::time::Instant;

use crate::cli::CheckArgs;
use crate::diagnostic::Diagnostic;
use crate::discover::{self, ConfigCache, display_path};
use crate::engine::{self, FileFix, FileReport, Report};
use crate::fix::{self, FixMode};
use crate::post::Post;
use crate::report::{self, Format, ReportOptions};

use super::check::{config_failure, exit_status, explain_too_many_warnings, finish, fix_request};
use super::{ExitStatus, write_stdout};

/// The name shown for standard input without --stdin-filename.
const STDIN_NAME: &str = "-";

pub fn run(args: &CheckArgs) -> ExitStatus {
    let started = Instant::now();
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {error}");
        return ExitStatus::Error;
    }
    let filename = args.stdin_filename.as_deref();
    let mut configs = match ConfigCache::new(args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return config_failure(error),
    };
    let start = filename.map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf);
    let config = match configs.for_path(&start) {
        Ok(config) => config,
        Err(error) => return config_failure(error),
    };
    let (display, site_path) = match filename {
        Some(path) => (display_path(path), discover::site_path(&config, path)),
        None => (STDIN_NAME.to_owned(), "stdin.md".to_owned()),
    };
    if args.force_exclude && filename.is_some() && config.is_excluded(&site_path) {
        // Excluded: pass the text through untouched when fixing, report nothing.
        if args.fix {
            let _ = write_stdout(|out| out.write_all(&bytes));
        }
        return ExitStatus::Success;
    }
    let post = Post::from_bytes(&display, site_path, bytes);
    let request = fix_request(args).filter(|_| post.read_problem.is_none());
    let (post, diagnostics, fix) = match request {
        Some(request) => {
            let original = post.source.text.clone();
            let fixed = fix::fix_until_stable(post, &config, request.mode);
            let diff = (!request.write && fixed.applied > 0)
                .then(|| fix::unified_diff(&display, &original, &fixed.post.source.text));
            note_renames_left_out(&fixed.diagnostics, request.mode);
            let fix = FileFix {
                path: fixed.post.source.path.clone(),
                applied: fixed.applied,
                diff,
                write_error: None,
                renamed_to: None,
                refused_renames: Vec::new(),
                texts: None,
            };
            (
                fixed.post,
                fixed.diagnostics,
                Some(fix).filter(|f| f.applied > 0),
            )
        }
        None => {
            let diagnostics = engine::lint_post(&post, &config);
            (post, diagnostics, None)
        }
    };
    let text = post.source.text.clone();
    let report = Report {
        files: if diagnostics.is_empty() {
            Vec::new()
        } else {
            vec![FileReport {
                path: post.source.path.clone(),
                source: Some(post.source),
                diagnostics,
            }]
        },
        files_checked: 1,
        elapsed: started.elapsed(),
        fixes: fix.into_iter().collect(),
    };
    if !args.fix {
        return finish(args, &report);
    }
    // --fix: the fixed text is the output; the remaining problems go to standard error.
    if write_stdout(|out| out.write_all(text.as_bytes())).is_err() {
        return ExitStatus::Error;
    }
    let options = ReportOptions::new(Default::default(), None);
    let mut remaining = Vec::new();
    let _ = report::write_with(Format::Concise, &report, &options, &mut remaining);
    eprint!("{}", String::from_utf8_lossy(&remaining));
    explain_too_many_warnings(&report, args.max_warnings);
    exit_status(&report, args.max_warnings)
}

/// Standard input has no file to rename: say which renames were left out, on standard
/// error (standard output is the fixed text).
fn note_renames_left_out(diagnostics: &[Diagnostic], mode: FixMode) {
    for diagnostic in diagnostics {
        let Some(rename) = diagnostic
            .fix
            .as_ref()
            .filter(|fix| mode.allows(fix))
            .and_then(|fix| fix.rename.as_ref())
        else {
            continue;
        };
        eprintln!(
            "note: {}: not renamed to `{}` ({}): standard input has no file to rename",
            diagnostic.path, rename.new_name, diagnostic.code
        );
    }
}
