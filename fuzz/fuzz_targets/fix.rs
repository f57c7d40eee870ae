//! `--fix` on one source (unsafe fixes too, or only safe ones): never panics, what is left is
//! reported inside the fixed text, and fixing is idempotent — a second `fix_until_stable` on
//! the result applies nothing and changes nothing. (The result is a `String`, so it is valid
//! UTF-8 by construction; `fix::apply` refuses edits off char boundaries.)

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
    let mode = if safe_only {
        FixMode::Safe
    } else {
        FixMode::Unsafe
    };
    let post = Post::new(Source::new(path, text), path.to_owned(), None);
    let fixed = fix_until_stable(post, config, mode);
    let once = fixed.post.source.text.clone();
    lint_support::assert_diagnostics(&once, &fixed.diagnostics);
    let again = fix_until_stable(
        Post::new(Source::new(path, once.clone()), path.to_owned(), None),
        config,
        mode,
    );
    assert_eq!(again.applied, 0, "a second --fix applied more fixes");
    assert_eq!(
        *again.post.source.text, *once,
        "a second --fix changed the text"
    );
});
