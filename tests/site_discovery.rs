//! Finding the sites in what was typed: a site below the linted folder (GitHub Pages' `docs/`),
//! `--config` outside the site (settings only), an Isomer site read the Isomer way with no
//! config, file names that are not UTF-8, a file named twice, a folder that cannot be read.

mod support;

use std::path::Path;
use std::process::Output;

use serde_json::Value;
use support::{frontlint, site};

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {output:?}"))
}

/// `(path, line, code)` of every diagnostic, paths made relative to `base` (a prefix).
fn found(output: &Output, base: &str) -> Vec<(String, u64, String)> {
    let mut found: Vec<(String, u64, String)> = json(output)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            (
                path.strip_prefix(base).unwrap_or(path).to_owned(),
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

/// A repository whose Jekyll site lives in `docs/` (GitHub Pages' usual layout).
fn repository_with_docs_site(name: &str) -> std::path::PathBuf {
    site(
        name,
        &[
            ("README.md", "# The project\n"),
            (
                "docs/_config.yml",
                "permalink: pretty\ntimezone: America/Los_Angeles\ncollections:\n  tutorials:\n    output: true\n",
            ),
            // 02:00 UTC on the 12th is the 11th in Los Angeles, as the file name says.
            (
                "docs/algorithm/_posts/2011-10-11-fibonacci.md",
                "---\ntitle: Fibonacci\ndate: 2011-10-12 02:00:00 +0000\n---\nBody\n",
            ),
            (
                "docs/_tutorials/first.md",
                "---\ntitle: First\npermalink: /algorithm/2011/10/11/fibonacci/\n---\n",
            ),
        ],
    )
}

#[test]
fn a_site_below_the_linted_folder_is_a_site_of_its_own() {
    let repo = repository_with_docs_site("discovery-docs");
    let urls = json(&frontlint(&repo, &["urls", "--format", "json", "."]));
    // The site, and the repository's own files, which belong to no site.
    assert_eq!(
        urls["sites"],
        serde_json::json!([
            { "root": ".", "config_files": [] },
            { "root": "docs", "config_files": ["_config.yml"] },
        ])
    );
    let rows = urls["documents"].as_array().unwrap();
    let post = rows
        .iter()
        .find(|r| r["path"] == "docs/algorithm/_posts/2011-10-11-fibonacci.md")
        .expect("the post is listed");
    assert_eq!(post["url"], "/algorithm/2011/10/11/fibonacci/");
    assert_eq!(post["date"], "2011-10-11T19:00:00-07:00");
    let tutorial = rows
        .iter()
        .find(|r| r["path"] == "docs/_tutorials/first.md")
        .expect("the collection document is listed");
    assert_eq!(tutorial["kind"], "document");

    // The same diagnostics from the repository, from the site and for the file alone: the
    // collection document and the post collide; no date diagnostic (the zone is the site's).
    let from_repo = found(
        &frontlint(&repo, &["check", "--format", "json", "."]),
        "docs/",
    );
    let from_site = found(
        &frontlint(&repo.join("docs"), &["check", "--format", "json", "."]),
        "",
    );
    let alone = found(
        &frontlint(
            &repo.join("docs"),
            &[
                "check",
                "--format",
                "json",
                "--no-cache",
                "algorithm/_posts/2011-10-11-fibonacci.md",
                "_tutorials/first.md",
            ],
        ),
        "",
    );
    let want = vec![
        ("_tutorials/first.md".to_owned(), 3, "FL406".to_owned()),
        (
            "algorithm/_posts/2011-10-11-fibonacci.md".to_owned(),
            1,
            "FL406".to_owned(),
        ),
    ];
    assert_eq!(from_repo, want);
    assert_eq!(from_site, want);
    assert_eq!(alone, want);
}

#[test]
fn config_outside_the_site_gives_settings_not_a_root() {
    let outside = site(
        "discovery-outside-config",
        &[
            // Globs in it are relative to each site it is used for.
            ("isomer.yml", "extends: isomer\nexclude: [\"drafts/**\"]\n"),
            // Not part of the site: a copy that would collide if it were read.
            (
                "decoy/_posts/2024-01-01-a.md",
                "---\ntitle: A\nlayout: post\npermalink: /a/\n---\n",
            ),
            ("site/_config.yml", "title: Site\n"),
            (
                "site/_posts/2024-01-01-a.md",
                "---\ntitle: A\nlayout: post\npermalink: /a/\n---\n",
            ),
            (
                "site/_posts/2024-01-02-b.md",
                "---\ntitle: B\nlayout: post\npermalink: /b/\n---\n",
            ),
            ("site/drafts/broken.md", "---\ntitle: a: b\n---\n"),
        ],
    );
    let site_dir = outside.join("site");
    let config = outside.join("isomer.yml");
    let config = config.to_str().unwrap();
    let whole = frontlint(
        &site_dir,
        &["check", "--config", config, "--format", "json", "."],
    );
    assert_eq!(found(&whole, ""), Vec::new(), "{whole:?}");
    // The isomer preset applies (a page without a permalink would be reported).
    assert_eq!(json(&whole)["files"], 2);

    let named = frontlint(
        &site_dir,
        &[
            "check",
            "--config",
            config,
            "--format",
            "json",
            "_posts/2024-01-01-a.md",
        ],
    );
    assert_eq!(found(&named, ""), Vec::new(), "{named:?}");
    // The cache is the site's, never beside the config file.
    assert!(site_dir.join(".frontlint_cache").is_dir());
    assert!(!outside.join(".frontlint_cache").exists());
    assert!(!outside.join("decoy/.frontlint_cache").exists());

    let urls = json(&frontlint(
        &site_dir,
        &["urls", "--config", config, "--format", "json", "_posts"],
    ));
    assert_eq!(urls["sites"][0]["root"], ".");
    assert_eq!(
        urls["documents"][0]["source_path"],
        "_posts/2024-01-01-a.md"
    );
    assert_eq!(urls["documents"][0]["url"], "/a/");
}

#[test]
fn an_isomer_site_is_read_with_its_collection_files_without_a_config() {
    let dir = site(
        "discovery-isomer",
        &[
            (
                "_config.yml",
                "title: Ministry\nremote_theme: isomerpages/isomerpages-template@next-gen\npermalink: none\n",
            ),
            (
                "_about-us/collection.yml",
                "collections:\n  about-us:\n    output: true\n",
            ),
            (
                "_about-us/launch.md",
                "---\ntitle: Launch\npermalink: /news/launch/\n---\n",
            ),
            (
                "news/_posts/2024-01-01-launch.md",
                "---\ntitle: Launch\npermalink: /news/launch/\n---\n",
            ),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "json", "."]);
    assert_eq!(
        found(&output, ""),
        vec![
            ("_about-us/launch.md".to_owned(), 3, "FL406".to_owned()),
            (
                "news/_posts/2024-01-01-launch.md".to_owned(),
                3,
                "FL406".to_owned()
            ),
        ]
    );
    let urls = json(&frontlint(&dir, &["urls", "--format", "json", "."]));
    assert_eq!(
        urls["sites"][0]["config_files"],
        serde_json::json!(["_config.yml", "_about-us/collection.yml"])
    );
    let init = frontlint(&dir, &["init", "--stdout", "."]);
    let text = String::from_utf8_lossy(&init.stdout);
    assert!(text.contains("\nextends: isomer\n"), "{text}");
}

#[cfg(unix)]
#[test]
fn names_that_differ_only_in_bytes_that_are_not_utf8_are_two_files() {
    use std::os::unix::ffi::OsStrExt;
    let dir = site("discovery-non-utf8", &[("_config.yml", "title: t\n")]);
    for byte in [0xFF_u8, 0xFE] {
        let bytes = [b'a', byte, b'.', b'm', b'd'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        std::fs::write(dir.join(name), "---\ntitle: a: b\n---\n").unwrap();
    }
    let output = frontlint(&dir, &["check", "--format", "json", "."]);
    let mut paths: Vec<String> = found(&output, "").into_iter().map(|(p, _, _)| p).collect();
    paths.dedup();
    assert_eq!(paths, ["a\\xFE.md", "a\\xFF.md"]);
    assert_eq!(json(&output)["files"], 2);
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let dir = site(
        "discovery-named-twice",
        &[
            ("_config.yml", "title: t\n"),
            ("a.md", "---\ntitle: a: b\n---\n"),
        ],
    );
    let absolute = dir.join("a.md");
    let output = frontlint(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "a.md",
            "./a.md",
            absolute.to_str().unwrap(),
        ],
    );
    assert_eq!(json(&output)["files"], 1);
    assert_eq!(
        found(&output, ""),
        vec![("a.md".to_owned(), 2, "FL103".to_owned())]
    );
}

/// Runs frontlint as a user that permissions apply to: `nobody` when the tests run as root
/// (as in CI), else as the current user. `None` when neither can be arranged.
#[cfg(unix)]
fn frontlint_unprivileged(dir: &Path, args: &[&str]) -> Option<Output> {
    let uid = std::process::Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some(frontlint(dir, args));
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let mut command = format!(
        "cd {} && exec {}",
        quote(dir.to_str()?),
        quote(env!("CARGO_BIN_EXE_frontlint"))
    );
    for arg in args {
        command.push(' ');
        command.push_str(&quote(arg));
    }
    std::process::Command::new("su")
        .args(["nobody", "-s", "/bin/sh", "-c", &command])
        .output()
        .ok()
        .filter(|output| output.status.code().is_some_and(|code| code < 2))
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_read_is_reported_not_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(
        "discovery-unreadable",
        &[
            ("_config.yml", "title: t\n"),
            ("locked/a.md", "---\ntitle: A\n---\n"),
        ],
    );
    let locked = dir.join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let walked = frontlint_unprivileged(&dir, &["check", "--format", "json", "."]);
    let named = frontlint_unprivileged(&dir, &["check", "--format", "json", "locked/a.md"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (Some(walked), Some(named)) = (walked, named) else {
        support::skip(
            "a_folder_that_cannot_be_read_is_reported_not_skipped",
            "no user that folder permissions apply to (not root, or `su nobody`)",
        );
        return;
    };
    assert_eq!(walked.status.code(), Some(1), "{walked:?}");
    assert_eq!(
        found(&walked, ""),
        vec![("locked".to_owned(), 1, "FL901".to_owned())]
    );
    let message = json(&walked)["diagnostics"][0]["message"].to_string();
    assert!(message.contains("cannot list this folder"), "{message}");
    assert_eq!(named.status.code(), Some(1), "{named:?}");
    let message = json(&named)["diagnostics"][0]["message"].to_string();
    assert!(message.contains("ermission denied"), "{message}");
}

#[test]
fn the_site_root_does_not_depend_on_a_config_file_above_it() {
    // A `.frontlint.yml` at the repository root applies to the site in `docs/`, with globs
    // relative to the site.
    let repo = repository_with_docs_site("discovery-config-above");
    std::fs::write(
        repo.join(".frontlint.yml"),
        "exclude: [\"_tutorials/**\"]\n",
    )
    .unwrap();
    let output = frontlint(&repo, &["check", "--format", "json", "."]);
    // The tutorial is excluded, so nothing collides with the post.
    assert_eq!(found(&output, "docs/"), Vec::new(), "{output:?}");
    assert!(Path::new(&repo.join("docs/_tutorials/first.md")).exists());
}

#[test]
fn a_field_many_files_share_is_the_sites_own_not_a_typo() {
    // `publishd` is one letter from `published`: alone, a typo; in five files that never use
    // `published`, a field of the site (its templates may live in a remote theme).
    let post = |n: usize| {
        (
            format!("_posts/2024-01-0{n}-p.md"),
            "---\ntitle: T\npublishd: today\n---\n".to_owned(),
        )
    };
    let five: Vec<(String, String)> = (1..=5).map(post).collect();
    let files: Vec<(&str, &str)> = std::iter::once(("_config.yml", "title: t\n"))
        .chain(five.iter().map(|(p, t)| (p.as_str(), t.as_str())))
        .collect();
    let shared = site("discovery-shared-field", &files);
    let output = frontlint(&shared, &["check", "--format", "json", "."]);
    assert_eq!(found(&output, ""), Vec::new(), "{output:?}");
    // Four files: still a typo in each.
    std::fs::remove_file(shared.join(&five[4].0)).unwrap();
    let output = frontlint(&shared, &["check", "--format", "json", "."]);
    assert_eq!(found(&output, "").len(), 4, "{output:?}");
    // The same in a pre-commit run naming one file: the others are consulted.
    let output = frontlint(&shared, &["check", "--format", "json", &five[0].0]);
    assert_eq!(found(&output, "").len(), 1, "{output:?}");
}
