//! End-to-end tests of the `frontlint` binary: exit codes, formats, discovery, config errors.

mod support;

use std::path::Path;
use std::process::{Command, Output};
use support::site;

fn frontlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run frontlint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const GOOD_POST: &str = "---\ntitle: Good\nlayout: post\n---\n\nBody.\n";
const BAD_POST: &str = "---\ntitle: Budget 2024: what changes\n---\n";

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

#[test]
fn exit_code_zero_when_clean_one_on_errors() {
    let clean = site("clean", &[("_posts/2024-01-01-good.md", GOOD_POST)]);
    let output = frontlint(&clean, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("Checked 1 file"),
        "{}",
        stderr(&output)
    );

    let dirty = site("dirty", &[("_posts/2024-01-01-bad.md", BAD_POST)]);
    let output = frontlint(&dirty, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("1 error"), "{}", stderr(&output));
}

#[test]
fn concise_is_the_default_when_piped_and_paths_stay_relative() {
    let dir = site("concise", &[("_posts/2024-01-01-bad.md", BAD_POST)]);
    let output = frontlint(dir.parent().unwrap(), &["check", "concise"]);
    assert_eq!(
        stdout(&output),
        "concise/_posts/2024-01-01-bad.md:2:19: FL103 [error] a `: ` inside an unquoted value starts a mapping, so YAML cannot read this line\n"
    );
}

#[test]
fn json_follows_the_documented_contract() {
    let dir = site(
        "json",
        &[
            (
                "_posts/2024-01-02-b.md",
                "---\ntitle: é🦀 x\ntitle: y\n---\n",
            ),
            ("_posts/2024-01-01-a.md", BAD_POST),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["version"], 1);
    assert_eq!(report["files"], 2);
    assert_eq!(report["summary"]["errors"], 2);
    assert_eq!(report["summary"]["warnings"], 0);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let paths: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["_posts/2024-01-01-a.md", "_posts/2024-01-02-b.md"],
        "sorted by path"
    );
    let duplicate = &diagnostics[1];
    assert_eq!(duplicate["code"], "FL104");
    assert_eq!(duplicate["rule"], "duplicate-key");
    assert_eq!(duplicate["severity"], "error");
    assert_eq!(
        (duplicate["line"].as_u64(), duplicate["column"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(
        (
            duplicate["end_line"].as_u64(),
            duplicate["end_column"].as_u64()
        ),
        (Some(3), Some(6))
    );
    assert!(duplicate["help"].is_string());
    assert_eq!(duplicate["related"][0]["line"], 2);
    // Columns count characters, not bytes: the error is after `é🦀`.
    let syntax = &diagnostics[0];
    assert_eq!(syntax["column"], 19);
}

#[test]
fn max_warnings_turns_warnings_into_failure() {
    let dir = site(
        "warnings",
        &[("pages/a.md", "---\ntitle: A\npermlink: /a/\n---\n")],
    );
    assert_eq!(frontlint(&dir, &["check"]).status.code(), Some(0));
    let over = frontlint(&dir, &["check", "--max-warnings", "0"]);
    assert_eq!(over.status.code(), Some(1));
    // The summary says 0 errors: the reason for status 1 must be said too, even with -q.
    support::assert_stderr_has(&over, "error: 1 warning, more than --max-warnings 0 allows");
    let quiet = frontlint(&dir, &["check", "-q", "--max-warnings", "0"]);
    support::assert_stderr_has(&quiet, "more than --max-warnings 0 allows");
    let within = frontlint(&dir, &["check", "--max-warnings", "1"]);
    assert_eq!(within.status.code(), Some(0));
    assert!(
        !stderr(&within).contains("--max-warnings"),
        "{}",
        stderr(&within)
    );
}

#[test]
fn config_typo_is_exit_2_and_points_at_its_line() {
    let dir = site(
        "config-typo",
        &[
            (
                ".frontlint.yml",
                "rules:\n  duplicate-key: error\nexlude: [\"x/**\"]\n",
            ),
            ("a.md", GOOD_POST),
        ],
    );
    let output = frontlint(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("unknown field `exlude`"), "{err}");
    assert!(
        err.contains("3 │ exlude"),
        "the config line is shown: {err}"
    );
}

#[test]
fn unknown_rule_and_bad_options_are_config_errors() {
    let dir = site(
        "config-rule",
        &[
            (".frontlint.yml", "rules:\n  duplicate-keys: off\n"),
            ("a.md", GOOD_POST),
        ],
    );
    let output = frontlint(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did you mean `duplicate-key`"),
        "{}",
        stderr(&output)
    );

    let dir = site(
        "config-options",
        &[
            (
                ".frontlint.yml",
                "rules:\n  implicit-yaml-type:\n    lossy-number: false\n",
            ),
            ("a.md", GOOD_POST),
        ],
    );
    let output = frontlint(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("lossy-number"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn rules_can_be_switched_off_or_downgraded_by_code_or_name() {
    let files = [("_posts/2024-01-01-dup.md", "---\ntitle: a\ntitle: b\n---\n")];
    let dir = site("severity-off", &files);
    std::fs::write(dir.join(".frontlint.yml"), "rules:\n  FL104: off\n").unwrap();
    assert_eq!(frontlint(&dir, &["check"]).status.code(), Some(0));
    std::fs::write(
        dir.join(".frontlint.yml"),
        "rules:\n  duplicate-key: warning\n",
    )
    .unwrap();
    let output = frontlint(&dir, &["check"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("FL104 [warning]"));
}

#[test]
fn missing_path_is_a_usage_error() {
    let dir = site("missing-path", &[]);
    let output = frontlint(&dir, &["check", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("nope"));
    assert_eq!(
        frontlint(&dir, &["check", "--format", "xml"]).status.code(),
        Some(2)
    );
}

#[test]
fn gitignore_and_excludes_apply_but_named_files_are_always_linted() {
    let dir = site(
        "discovery",
        &[
            (".gitignore", "ignored/\n"),
            (".frontlint.yml", "exclude: [\"excluded/**\"]\n"),
            ("ignored/_posts/2024-01-01-bad.md", BAD_POST),
            ("excluded/_posts/2024-01-01-bad.md", BAD_POST),
            ("_site/_posts/2024-01-01-bad.md", BAD_POST),
            ("notes.txt", BAD_POST),
            ("ok.markdown", GOOD_POST),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "json"]);
    assert_eq!(
        json(&output)["files"],
        1,
        "only ok.markdown: {}",
        stdout(&output)
    );
    let output = frontlint(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "excluded/_posts/2024-01-01-bad.md",
        ],
    );
    assert_eq!(json(&output)["summary"]["errors"], 1);
}

#[test]
fn unreadable_and_non_utf8_files_are_diagnostics_not_crashes() {
    let dir = site("unreadable", &[("_posts/2024-01-02-good.md", GOOD_POST)]);
    std::fs::write(
        dir.join("_posts/2024-01-01-latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.join("nowhere.md"),
        dir.join("_posts/2024-01-03-broken.md"),
    )
    .unwrap();
    let output = frontlint(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "_posts",
            "_posts/2024-01-03-broken.md",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"FL902"), "{codes:?}");
    #[cfg(unix)]
    assert!(codes.contains(&"FL901"), "{codes:?}");
    let message = report["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("byte 14"), "names the offset: {message}");
}

#[test]
fn rules_lists_every_rule_and_explain_prints_docs() {
    let dir = site("rules-list", &[]);
    let output = frontlint(&dir, &["rules"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("FL104  duplicate-key"), "{text}");
    let listed = serde_json::from_slice::<serde_json::Value>(
        &frontlint(&dir, &["rules", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        frontlint::registry::RULES.len()
    );

    for key in ["FL107", "fl107", "implicit-yaml-type"] {
        let output = frontlint(&dir, &["explain", key]);
        assert_eq!(output.status.code(), Some(0));
        let text = stdout(&output);
        assert!(text.starts_with("# FL107 implicit-yaml-type"), "{text}");
        assert!(text.contains("## Why is this bad?"));
        assert!(
            text.contains("lossy-numbers: true"),
            "default options: {text}"
        );
    }
    let output = frontlint(&dir, &["explain", "duplicate-keys"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `duplicate-key`"));
}

#[test]
fn color_follows_the_flag() {
    let dir = site("color", &[("_posts/2024-01-01-bad.md", BAD_POST)]);
    let colored = stdout(&frontlint(
        &dir,
        &["check", "--format", "pretty", "--color", "always"],
    ));
    assert!(colored.contains('\u{1b}'), "ANSI escapes expected");
    let plain = stdout(&frontlint(
        &dir,
        &["check", "--format", "pretty", "--color", "never"],
    ));
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("FL103"));
}

#[test]
fn the_example_site_has_the_documented_defects() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = frontlint(root, &["check", "examples/site", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let rules: std::collections::BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "yaml-syntax-error",
        "implicit-yaml-type",
        "duplicate-key",
        "missing-front-matter",
        "unknown-field",
        // `{:target=”_blank”}` in Word's quotes, and `[text] (url)`.
        "malformed-ial",
        "broken-link-syntax",
    ] {
        assert!(rules.contains(rule), "{rule} not in {rules:?}");
    }
}

#[test]
fn baseline_hides_known_problems_even_when_lines_move() {
    let old_post = "---\ntitle: a\ntitle: b\n---\n";
    let dir = site("baseline", &[("_posts/2024-01-01-old.md", old_post)]);
    let output = frontlint(
        &dir,
        &["check", "--write-baseline", "frontlint-baseline.json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let recorded = std::fs::read_to_string(dir.join("frontlint-baseline.json")).unwrap();
    assert!(recorded.contains("\"code\": \"FL104\""), "{recorded}");

    // The known problem moves down two lines; a new problem appears in a new post.
    std::fs::write(
        dir.join("_posts/2024-01-01-old.md"),
        "---\nlayout: post\nauthor: x\ntitle: a\ntitle: b\n---\n",
    )
    .unwrap();
    std::fs::write(dir.join("_posts/2024-01-02-new.md"), BAD_POST).unwrap();
    let output = frontlint(
        &dir,
        &[
            "check",
            "--baseline",
            "frontlint-baseline.json",
            "--format",
            "json",
        ],
    );
    let report = json(&output);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(
        diagnostics.len(),
        1,
        "only the new problem: {diagnostics:#?}"
    );
    assert_eq!(diagnostics[0]["path"], "_posts/2024-01-02-new.md");
    assert_eq!(output.status.code(), Some(1));

    std::fs::remove_file(dir.join("_posts/2024-01-02-new.md")).unwrap();
    assert_eq!(
        frontlint(&dir, &["check", "--baseline", "frontlint-baseline.json"])
            .status
            .code(),
        Some(0)
    );
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    assert_eq!(
        frontlint(&dir, &["check", "--baseline", "broken.json"])
            .status
            .code(),
        Some(2)
    );
}
