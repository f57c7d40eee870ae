//! `--fix` on one source (unsafe fixes too, or only safe ones): never panics, what is left is
//! reported inside the fixed text, and fixing settles: running `fix_until_stable` again on
//! its result, as often as it still applies something, ends with a run that applies nothing
//! and changes nothing, without the text growing out of proportion on the way. (The result
//! is a `String`, so valid UTF-8 by construction; `fix::apply` refuses edits off char
//! boundaries.)
//!
//! Not simply "a second run applies nothing": YAML parsing stops at the first syntax error,
//! so each broken value costs a round, and `fix_until_stable` bounds its rounds by a budget of
//! work linear in the text's size; a front matter with enough broken values needs more than
//! one run (see README.md, Results).

#![no_main]

#[path = "common.rs"]
mod common;
#[path = "lint_support.rs"]
mod lint_support;

use frontlint::fix::{FixMode, fix_until_stable};
use frontlint::post::Post;
use frontlint::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (config, path, text, safe_only) = lint_support::input(data);
    let mode = if safe_only { FixMode::Safe } else { FixMode::Unsafe };
    // Every run fixes at least one problem, and a text has fewer problems than bytes.
    let max_runs = text.len() + 2;
    // Quoting writes a character as at most a 4-byte escape, plus quotes: runaway growth (a
    // fix that re-fixes its own output) breaks this bound within a few runs.
    let max_len = 8 * text.len() + 256;
    let mut text = text;
    for run in 0.. {
        let post = Post::new(Source::new(path, text.clone()), path.to_owned(), None);
        let fixed = fix_until_stable(post, config, mode);
        let result = fixed.post.source.text.to_string();
        lint_support::assert_diagnostics(&result, &fixed.diagnostics);
        if fixed.applied == 0 {
            assert_eq!(result, text, "a run that applied nothing changed the text");
            break;
        }
        assert!(run < max_runs, "--fix never settles: {result:?}");
        assert!(result.len() <= max_len, "--fix keeps growing the text: {result:?}");
        text = result;
    }
});
