//! Skipping a test that needs what this machine lacks (Ruby, Jekyll, pre-commit, git, the
//! shared corpora): visibly, and never where everything is required.
//!
//! Shared by `support` and by the test crates that do not use it (through `#[path]`).

#![allow(dead_code)]

use std::io::Write;

/// Must every test run? `.ci/run` installs everything and sets `FRONTLINT_REQUIRE_ORACLE=1`.
pub fn required() -> bool {
    std::env::var("FRONTLINT_REQUIRE_ORACLE").is_ok_and(|v| v == "1")
}

/// Skip `test` because of `why`, or fail it when every test must run. The line goes to the
/// process's standard error itself: the test harness captures `eprintln!` (shown only with
/// `--nocapture`), not writes to `std::io::stderr()`, so `cargo test` shows every skip.
pub fn skip(test: &str, why: &str) {
    assert!(
        !required(),
        "{test}: FRONTLINT_REQUIRE_ORACLE=1 requires it to run, but {why}"
    );
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED {test}: {why} (FRONTLINT_REQUIRE_ORACLE=1 makes this a failure)"
    );
}
