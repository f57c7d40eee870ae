//! The whole per-file lint of one source (every active rule, suppressions) under the default
//! or the isomer config: never panics, and every diagnostic, related location and fix edit
//! points into the text on char boundaries.

#![no_main]

#[path = "common.rs"]
mod common;
#[path = "lint_support.rs"]
mod lint_support;

use frontlint::engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (config, path, text, _) = lint_support::input(data);
    let (_, diagnostics) = engine::lint_text(path, path, &text, config);
    lint_support::assert_diagnostics(&text, &diagnostics);
});
