//! `non-portable-filename` (FL906) end to end. The sites are made at run time: this
//! repository holds no such names itself, since they would break its own checkouts on Windows
//! and macOS (and `cargo package` refuses them).

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use support::{frontlint, site};

const POST: &str = "---\ntitle: A post\nlayout: post\n---\n\nText.\n";

/// A site with `files` and a `_config.yml`.
fn site_of(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let mut all = vec![("_config.yml", "title: Site\n")];
    all.extend_from_slice(files);
    site(name, &all)
}

/// (path, message) of every FL906 diagnostic of `frontlint check ARGS` in `dir`.
fn reported(dir: &Path, args: &[&str]) -> BTreeMap<String, Vec<String>> {
    let mut all = vec!["check", "--format", "json", "--no-cache"];
    all.extend_from_slice(args);
    let output = frontlint(dir, &all);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in report["diagnostics"].as_array().unwrap() {
        if d["code"] == "FL906" {
            found
                .entry(d["path"].as_str().unwrap().to_owned())
                .or_default()
                .push(d["message"].as_str().unwrap().to_owned());
        }
    }
    found
}

#[test]
fn names_windows_refuses_are_reported_once_each() {
    let dir = site_of(
        "fl906-windows",
        &[
            ("news/_posts/2023-07-04-PM Lee: Nothing wrong.md", POST),
            ("news/_posts/2023-07-05-what? why*.md", POST),
            ("pages/con.md", POST),
            ("pages/Aux .md", POST),
            ("pages/lpt1.markdown", POST),
            ("pages/tab\there.md", POST),
            ("pages/console.md", POST),
            ("pages/com10.md", POST),
            // A folder Windows refuses: reported once, not for each file in it.
            ("drafts./a.md", POST),
            ("drafts./b.md", POST),
            ("news/permalink: /c.md", POST),
        ],
    );
    let found = reported(&dir, &["."]);
    let summary: BTreeMap<&str, &str> = found
        .iter()
        .map(|(path, messages)| {
            assert_eq!(messages.len(), 1, "{path}: {messages:?}");
            (path.as_str(), messages[0].as_str())
        })
        .collect();
    let expected = [
        (
            "drafts./a.md",
            "the folder `drafts.` cannot be checked out on Windows: it ends with a dot, which Windows drops; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "news/_posts/2023-07-04-PM Lee: Nothing wrong.md",
            "`2023-07-04-PM Lee: Nothing wrong.md` cannot be checked out on Windows: `:` is a reserved character; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "news/_posts/2023-07-05-what? why*.md",
            "`2023-07-05-what? why*.md` cannot be checked out on Windows: `?` and `*` are reserved characters; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "news/permalink: /c.md",
            "the folder `news/permalink: ` cannot be checked out on Windows: `:` is a reserved character; it ends with a space, which Windows drops; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "pages/Aux .md",
            "`Aux .md` cannot be checked out on Windows: `Aux` is a device name, whatever the extension; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "pages/con.md",
            "`con.md` cannot be checked out on Windows: `con` is a device name, whatever the extension; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "pages/lpt1.markdown",
            "`lpt1.markdown` cannot be checked out on Windows: `lpt1` is a device name, whatever the extension; `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
        (
            "pages/tab\there.md",
            "`tab\there.md` cannot be checked out on Windows: it holds a control character (U+0009); `git clone` and `git checkout` fail there with \"invalid path\"",
        ),
    ];
    assert_eq!(summary, BTreeMap::from(expected));

    // Named alone (pre-commit): still reported, and the folder on the file named.
    let found = reported(&dir, &["drafts./b.md", "pages/console.md"]);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["drafts./b.md"]);
}

#[test]
fn paths_that_differ_only_in_case_are_reported_on_each_file() {
    let dir = site_of(
        "fl906-case",
        &[
            ("pages/About.md", POST),
            ("pages/about.md", POST),
            ("News/_posts/2024-01-01-a.md", POST),
            ("news/_posts/2024-01-01-A.md", POST),
            // Same name in folders that differ: two files, no collision.
            ("pages/contact.md", POST),
            ("Pages2/contact.md", POST),
        ],
    );
    let found = reported(&dir, &["."]);
    let paths: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "News/_posts/2024-01-01-a.md",
            "news/_posts/2024-01-01-A.md",
            "pages/About.md",
            "pages/about.md"
        ]
    );
    assert_eq!(
        found["pages/About.md"],
        [
            "`pages/About.md` and `pages/about.md` differ only in letter case: on macOS and Windows, which ignore letter case in file names, they are one file: a checkout keeps only one of them and git shows the other as changed"
        ]
    );
    // A pre-commit run naming one of them compares it with the rest of the site.
    let found = reported(&dir, &["pages/about.md"]);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["pages/about.md"]);
}

/// The `isomer` preset makes it an error: Isomer sites are edited from Windows.
#[test]
fn the_isomer_preset_makes_it_an_error() {
    let dir = site_of(
        "fl906-isomer",
        &[
            (".frontlint.yml", "extends: isomer\n"),
            (
                "pages/a: b.md",
                "---\ntitle: A\nlayout: page\npermalink: /a/\n---\n",
            ),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "concise", "."]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("FL906 [error]"), "{text}");
    assert_eq!(output.status.code(), Some(1));
    let plain = site_of("fl906-jekyll", &[("pages/a: b.md", POST)]);
    let output = frontlint(&plain, &["check", "--format", "concise", "."]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("FL906 [warning]"));
    assert_eq!(output.status.code(), Some(0));
}
