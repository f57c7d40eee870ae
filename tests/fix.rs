//! `--fix`, `--diff`, `--unsafe-fixes` and stdin: fixes change exactly what they mean to,
//! keep every other byte (BOM, CRLF, no final newline), write atomically, and are idempotent.

mod support;

use std::path::Path;
use std::process::Output;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::fix::{FixMode, Renames, fix_until_stable_with};
use frontlint::post::Post;
use frontlint::source::Source;
use support::{frontlint, site_bytes as site};

const BROKEN: &[u8] = b"\xef\xbb\xbf---\r\ntitle: Budget 2024: what changes\r\nlayout: No\r\nlayout: No\r\ncode: 0755\r\n---\r\nBody without final newline";

#[test]
fn fix_writes_safe_fixes_and_keeps_every_other_byte() {
    let dir = site("fix-safe", &[("_posts/2024-01-01-a.md", BROKEN)]);
    let output = frontlint(&dir, &["check", "--fix", "--format", "concise"]);
    let fixed = std::fs::read(dir.join("_posts/2024-01-01-a.md")).unwrap();
    assert_eq!(
        String::from_utf8(fixed).unwrap(),
        "\u{feff}---\r\ntitle: \"Budget 2024: what changes\"\r\nlayout: \"No\"\r\ncode: 0755\r\n---\r\nBody without final newline",
        "quoted title, quoted layout, one duplicate removed; BOM, CRLF and the missing final newline kept; the unsafe quoting of 0755 left alone"
    );
    // What remains is reported: the octal number, which only --unsafe-fixes quotes.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("FL107") && stdout.contains("0755"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert_eq!(output.status.code(), Some(1));

    // A second run changes nothing.
    let before = std::fs::read(dir.join("_posts/2024-01-01-a.md")).unwrap();
    frontlint(&dir, &["check", "--fix"]);
    assert_eq!(
        std::fs::read(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        before
    );

    let output = frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap();
    assert!(text.contains("code: \"0755\"\r\n"), "{text}");
}

#[test]
fn diff_shows_without_writing() {
    let dir = site(
        "fix-diff",
        &[("_posts/2024-01-01-a.md", b"---\ntitle: No\n---\n")],
    );
    let output = frontlint(&dir, &["check", "--diff"]);
    assert_eq!(output.status.code(), Some(1), "there is something to fix");
    let diff = String::from_utf8_lossy(&output.stdout);
    assert!(
        diff.contains("--- a/_posts/2024-01-01-a.md")
            && diff.contains("-title: No")
            && diff.contains("+title: \"No\""),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        "---\ntitle: No\n---\n"
    );
    let clean = site(
        "fix-diff-clean",
        &[("_posts/2024-01-01-a.md", b"---\ntitle: Yes please\n---\n")],
    );
    assert_eq!(
        frontlint(&clean, &["check", "--diff"]).status.code(),
        Some(0)
    );
    // Nothing to fix, but an error remains: `--diff` fails as `check` does.
    let unfixable = site(
        "fix-diff-unfixable",
        &[("_posts/2024-01-01-a.md", b"---\ntitle: A\n")],
    );
    let output = frontlint(&unfixable, &["check", "--diff"]);
    assert!(output.stdout.is_empty(), "no diff to show");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    support::assert_stderr_has(
        &output,
        "0 fixes available in 0 files; 1 error and 0 warnings would remain",
    );
}

/// `--fix` says how many problems it found, fixed and left, as ruff does.
#[test]
fn fix_counts_what_it_fixed_and_what_remains() {
    let dir = site(
        "fix-counts",
        &[
            (
                "_posts/2024-01-01-a.md",
                b"---\ntitle: No\nlayout: On\n---\n",
            ),
            ("_posts/2024-01-02-b.md", b"---\ntitle: B\n"),
        ],
    );
    let output = frontlint(&dir, &["check", "--fix"]);
    support::assert_stderr_has(
        &output,
        "found 3 problems (2 fixed, 1 remaining: 1 error, 0 warnings)",
    );
    assert_eq!(output.status.code(), Some(1));
    let again = frontlint(&dir, &["check", "--fix"]);
    support::assert_stderr_has(
        &again,
        "found 1 problem (0 fixed, 1 remaining: 1 error, 0 warnings)",
    );
}

#[test]
fn files_that_are_not_utf8_are_never_written() {
    let bytes: &[u8] = b"---\ntitle: No \xe9\n---\n";
    let dir = site("fix-latin1", &[("_posts/2024-01-01-a.md", bytes)]);
    frontlint(&dir, &["check", "--fix"]);
    assert_eq!(
        std::fs::read(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        bytes
    );
}

fn stdin_run(dir: &Path, args: &[&str], input: &str) -> Output {
    support::frontlint_with_stdin(dir, args, input.as_bytes())
}

#[test]
fn stdin_is_linted_as_the_named_file() {
    let dir = site("stdin", &[(".frontlint.yml", b"collections:\n  - paths: \"media/**\"\n    fields:\n      title: { required: true }\n")]);
    // As a media file, the missing title is reported under the given name.
    let output = stdin_run(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "media/_posts/2024-01-01-x.md",
            "--format",
            "concise",
        ],
        "---\nlayout: post\n---\n",
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("media/_posts/2024-01-01-x.md:1:1: FL201"),
        "{stdout}"
    );
    assert_eq!(output.status.code(), Some(1));
    // As a page outside the collection, nothing is wrong.
    let output = stdin_run(
        &dir,
        &["check", "-", "--stdin-filename", "pages/x.md"],
        "---\nlayout: post\n---\n",
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    // A file with no front matter is a defect under _posts/ only.
    let output = stdin_run(
        &dir,
        &["check", "-", "--stdin-filename", "_posts/2024-01-01-x.md"],
        "Just text.\n",
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let dir = site("stdin-fix", &[]);
    let output = stdin_run(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "_posts/2024-01-01-x.md",
            "--fix",
        ],
        "---\ntitle: Budget: now\n---\nText",
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "---\ntitle: \"Budget: now\"\n---\nText"
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn force_exclude_skips_named_files_that_the_config_excludes() {
    let dir = site(
        "force-exclude",
        &[
            (".frontlint.yml", b"exclude: [\"legacy/**\"]\n"),
            ("legacy/_posts/2024-01-01-a.md", b"---\ntitle: a: b\n---\n"),
        ],
    );
    assert_eq!(
        frontlint(&dir, &["check", "legacy/_posts/2024-01-01-a.md"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        frontlint(
            &dir,
            &["check", "--force-exclude", "legacy/_posts/2024-01-01-a.md"]
        )
        .status
        .code(),
        Some(0)
    );
}

/// Over every corpus file: after `fix`, no fixable diagnostic remains (but renames refused
/// because the name is taken), a second fix changes nothing (neither the text nor the name),
/// and only lines that had a fixable diagnostic changed. Unsafe runs may rename posts (in
/// memory: the corpora are never written).
#[test]
fn fixing_the_corpora_is_complete_idempotent_and_local() {
    let Some(corpora) =
        support::corpora_or_skip("fixing_the_corpora_is_complete_idempotent_and_local")
    else {
        return;
    };
    let config = Config::default_for(&corpora).unwrap();
    let mut fixed_files = 0;
    let mut renamed_files = 0;
    for path in support::markdown_files(&corpora) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let display = path.to_string_lossy().into_owned();
        let site_path = path
            .strip_prefix(&corpora)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let folder = path.parent().unwrap().to_path_buf();
        let free = move |name: &str| !folder.join(name).exists();
        for mode in [FixMode::Safe, FixMode::Unsafe] {
            let post = Post::new(
                Source::new(display.as_str(), text.as_str()),
                site_path.clone(),
                None,
            );
            let before = engine::lint_post(&post, &config);
            let fixed = fix_until_stable_with(post, &config, mode, Renames::To(&free));
            if fixed.applied == 0 {
                continue;
            }
            fixed_files += 1;
            if let Some(name) = &fixed.renamed {
                assert_eq!(mode, FixMode::Unsafe, "{display}: a safe fix renamed it");
                assert!(!name.contains('/'), "{display}: renamed out of its folder");
                renamed_files += 1;
            }
            let after = &fixed.post.source.text;
            let refused = |fix: &frontlint::diagnostic::Fix| {
                fix.rename
                    .as_ref()
                    .is_some_and(|r| fixed.refused_renames.contains(&r.new_name))
            };
            let left: Vec<&str> = fixed
                .diagnostics
                .iter()
                .filter(|d| {
                    d.fix
                        .as_ref()
                        .is_some_and(|f| mode.allows(f) && !refused(f))
                })
                .map(|d| d.code)
                .collect();
            assert!(
                left.is_empty(),
                "{display}: fixable diagnostics remain: {left:?}"
            );
            let again = fix_until_stable_with(
                Post::new(
                    Source::new(fixed.post.source.path.clone(), after.to_string()),
                    fixed.post.site_path.clone(),
                    None,
                ),
                &config,
                mode,
                Renames::To(&free),
            );
            assert_eq!(
                again.applied, 0,
                "{display}: a second fix changed something"
            );
            let fixable_lines: Vec<usize> = before
                .iter()
                .filter(|d| d.fix.is_some())
                .map(|d| d.start.line)
                .collect();
            for (number, (old, new)) in text.lines().zip(after.lines()).enumerate() {
                if old != new {
                    assert!(
                        fixable_lines.contains(&(number + 1))
                            || after.lines().count() != text.lines().count(),
                        "{display}:{}: changed a line without a fixable diagnostic",
                        number + 1
                    );
                }
            }
        }
    }
    eprintln!("fixed {fixed_files} corpus files (safe and unsafe runs), {renamed_files} renamed");
    assert!(renamed_files > 0, "the corpora have posts to rename");
}

/// Removing an unused `frontlint-disable` region removes the `frontlint-enable` that ends
/// it; an `enable` shared by two unused regions goes once both are gone (the next round).
#[test]
fn an_unused_region_goes_with_its_enable() {
    let region = b"---\ntitle: A\n---\n\n<!-- frontlint-disable malformed-ial -->\nText.\n<!-- frontlint-enable -->\n\nMore.\n";
    let shared = b"---\ntitle: B\n---\n\n<!-- frontlint-disable FL501 -->\n<!-- frontlint-disable FL502 -->\nText.\n<!-- frontlint-enable -->\n";
    let dir = site(
        "fix-unused-region",
        &[
            ("_posts/2024-01-01-a.md", region),
            ("_posts/2024-01-02-b.md", shared),
        ],
    );
    let output = frontlint(&dir, &["check", "--fix"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-01-a.md")).unwrap(),
        "---\ntitle: A\n---\n\nText.\n\nMore.\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-02-b.md")).unwrap(),
        "---\ntitle: B\n---\n\nText.\n"
    );
}
