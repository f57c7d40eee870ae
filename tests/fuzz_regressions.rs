//! Inputs the fuzzers in fuzz/ found (minimized by hand), kept as regression tests; see
//! fuzz/README.md. Each is linted and fixed with the properties the fuzz targets assert.

use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::fix::{FixMode, fix_until_stable};
use frontlint::post::Post;
use frontlint::source::Source;

/// The fuzz targets' site: a time zone, a permalink template, a collection, defaults.
fn config() -> Config {
    Config::default_for(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/site")).unwrap()
}

/// Every diagnostic points into the text on char boundaries.
fn assert_in_text(text: &str, path: &str, config: &Config) -> Vec<&'static str> {
    let (_, diagnostics) = engine::lint_text(path, path, text, config);
    for d in &diagnostics {
        assert!(d.range.end <= text.len(), "{}: {:?}", d.code, d.range);
        assert!(
            text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end),
            "{}: {:?} is not on char boundaries of {text:?}",
            d.code,
            d.range
        );
    }
    diagnostics.iter().map(|d| d.code).collect()
}

/// Fixing once reaches a text that fixing again leaves alone.
fn fix_twice(text: &str, path: &str, config: &Config, mode: FixMode) -> String {
    let post = Post::new(Source::new(path, text), path.to_owned(), None);
    let once = fix_until_stable(post, config, mode)
        .post
        .source
        .text
        .to_string();
    let again = fix_until_stable(
        Post::new(Source::new(path, once.clone()), path.to_owned(), None),
        config,
        mode,
    );
    assert_eq!(again.applied, 0, "fixing {once:?} again applied more");
    once
}

/// `lint` crash: the fallback range of `yaml-tab-indentation` (where the parser stopped on a
/// tab) was one byte long even when the character there was not: here a U+FFFD after tabs
/// on a line that starts after a lone `\r`.
#[test]
fn tab_error_range_covers_a_whole_character() {
    let config = config();
    let text = "---\ntitle: The bureau\npermalink:\t\t\r\t\t\u{fffd}\u{fffd}ffic # x\n---\n";
    let codes = assert_in_text(text, "_posts/press-statement.md", &config);
    assert!(codes.contains(&"FL106"), "{codes:?}");
}

/// `fix` crash: a value starting with a vertical tab (`\v`, content to YAML but whitespace to
/// `str::trim`) got only the text after the `\v` quoted, which left the value plain and broken,
/// so every round quoted it again (`'"…"'`, `'''"…"'''`, …) and `--fix` never settled.
#[test]
fn quoting_a_value_keeps_its_leading_control_characters() {
    let config = config();
    let text = "---\nlayout: post\ntitle: \u{b}Budget 2024: what changes\n---\n";
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = fix_twice(text, "_posts/2024-03-01-budget.md", &config, mode);
        assert_eq!(
            fixed,
            "---\nlayout: post\ntitle: \"\\vBudget 2024: what changes\"\n---\n"
        );
    }
    // And with the fuzzer's own input (form feeds, backspaces, a list under a broken key).
    let found = "---\ntitle: \"\" # e\u{b}ld\nlayout: post\ntags:\n  - budget\u{fffd}licit-ya: \u{b}m-typefeld\u{8}layout: post\ntags:\n  - budget\n---\n";
    fix_twice(found, "_posts/press-statement.md", &config, FixMode::Safe);
}

/// A front matter of `count` values YAML cannot parse (`k0: a: b`...).
fn broken_values(count: usize) -> String {
    let lines: String = (0..count).map(|i| format!("k{i}: a: b\n")).collect();
    format!("---\n{lines}---\n")
}

/// One `--fix` run (safe fixes) over `text`.
fn fix_once(text: impl Into<String>, config: &Config) -> frontlint::fix::Fixed {
    let post = Post::new(Source::new("x.md", text.into()), "x.md".to_owned(), None);
    fix_until_stable(post, config, FixMode::Safe)
}

/// `fix` find: YAML parsing stops at the first syntax error, so `yaml-syntax-error` quotes one
/// value per round. `fix_until_stable` used to stop after 10 rounds, so a front matter with
/// more broken values than that needed `--fix` to be run again. Rounds now go on while they
/// change something, within a budget of work (next test).
#[test]
fn fix_settles_in_one_run_with_many_broken_values() {
    let fixed = fix_once(broken_values(40), &config());
    assert_eq!(fixed.applied, 40);
    assert!(!fixed.post.source.text.contains(": a: b"));
}

/// The budget that bounds the rounds: a hostile front matter with thousands of broken values
/// is not re-linted thousands of times in one run (that would be quadratic in its size). One
/// run fixes some of them, and the next run goes on where it stopped.
#[test]
fn fix_rounds_are_bounded_by_the_size_of_the_post() {
    let config = config();
    let first = fix_once(broken_values(20_000), &config);
    assert!(
        (1..=20).contains(&first.applied),
        "one run applied {} fixes",
        first.applied
    );
    let second = fix_once(first.post.source.text.to_string(), &config);
    assert!(second.applied >= 1);
}

/// `fix_until_stable` itself: however many rounds a front matter needs, runs of `--fix`
/// settle and the text does not keep growing (the `\v` bug above grew it exponentially).
#[test]
fn repeated_fix_runs_settle() {
    let config = config();
    let mut text = broken_values(25);
    let original = text.len();
    for _ in 0..5 {
        let fixed = fix_once(text.clone(), &config);
        if fixed.applied == 0 {
            assert!(!text.contains(": a: b"), "{text}");
            return;
        }
        text = fixed.post.source.text.to_string();
        assert!(
            text.len() < 2 * original,
            "--fix keeps growing the text: {text}"
        );
    }
    panic!("--fix did not settle in 5 runs: {text}");
}

/// `fix` find: a comment holding a lone `\r` (a line break to YAML) followed by `key: value`
/// text broke the YAML after the value; `yaml-syntax-error` offered to quote the value, then
/// the quoted value (`'"[a]"'`), and so on: `--fix` doubled the quotes every round.
#[test]
fn an_error_past_the_value_is_not_fixed_by_quoting_it() {
    let config = config();
    let text = "---\nlayout: post\ntags: [a] # note\rx: a: b\n---\n";
    let path = "_posts/press-statement.md";
    let codes = assert_in_text(text, path, &config);
    assert!(codes.contains(&"FL103"), "{codes:?}");
    for mode in [FixMode::Safe, FixMode::Unsafe] {
        let fixed = fix_twice(text, path, &config, mode);
        assert!(!fixed.contains("''"), "{fixed:?}");
    }
}
