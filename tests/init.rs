//! `frontlint init`: the starter config it writes reflects the site, loads, and flags the
//! odd ones out.

mod support;

use std::path::{Path, PathBuf};
use support::frontlint;

fn site_with_posts(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("media/press/_posts")).unwrap();
    std::fs::create_dir_all(dir.join("media/speeches/_posts")).unwrap();
    for day in 1..=20 {
        let folder = if day % 2 == 0 { "press" } else { "speeches" };
        let category = if day % 2 == 0 {
            "press-release"
        } else {
            "speech"
        };
        let mut post = format!(
            "---\nlayout: post\ntitle: Release {day}\ncategory: {category}\ndate: 2024-01-{day:02}\n"
        );
        // One post forgets its title: the odd one out the generated config must flag.
        if day == 7 {
            post = post.replace("title: Release 7\n", "");
        }
        post.push_str("---\n\nText.\n");
        std::fs::write(
            dir.join(format!("media/{folder}/_posts/2024-01-{day:02}-release.md")),
            post,
        )
        .unwrap();
    }
    dir
}

#[test]
fn writes_a_commented_config_that_flags_the_odd_one_out() {
    let dir = site_with_posts("init-site");
    let output = frontlint(&dir, &["init"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let config = std::fs::read_to_string(dir.join(".frontlint.yml")).unwrap();
    assert!(config.contains("paths: \"media/*/_posts/**\""), "{config}");
    assert!(
        config.contains("title:  # in 19 of 20 files\n        required: true"),
        "{config}"
    );
    assert!(config.contains("enum: [press-release, speech]"), "{config}");
    assert!(config.contains("date:  # in 20 of 20 files\n        required: true\n        non-empty: true\n        type: date"), "{config}");

    let check = frontlint(&dir, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["rule"], "missing-required-field");
    assert!(
        diagnostics[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("2024-01-07-release.md")
    );

    // An existing config is not replaced without --force.
    assert_eq!(frontlint(&dir, &["init"]).status.code(), Some(2));
    assert_eq!(frontlint(&dir, &["init", "--force"]).status.code(), Some(0));
}

/// It says how many collections it wrote and writes exactly that many (a folder too small
/// to learn from is a comment, not a collection); a field that is always empty is a note,
/// not an entry with nothing in it; a field of mixed types allows the types seen.
#[test]
fn counts_what_it_writes_and_writes_no_empty_entries() {
    let dir = site_with_posts("init-counts");
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    std::fs::write(dir.join("pages/about.md"), "---\ntitle: About\n---\n").unwrap();
    for day in 1..=20 {
        let path = dir.join(format!(
            "media/{}/_posts/2024-01-{day:02}-release.md",
            if day % 2 == 0 { "press" } else { "speeches" }
        ));
        let text = std::fs::read_to_string(&path).unwrap();
        // `image:` is written by the CMS and never filled in; `ref` is a number or a text.
        let reference = if day % 3 == 0 {
            "SG-{day}".to_owned()
        } else {
            day.to_string()
        };
        let image = if day <= 15 { "image:\n" } else { "" };
        let text = text.replacen("---\n", &format!("---\n{image}ref: {reference}\n"), 1);
        std::fs::write(path, text.replace("{day}", &day.to_string())).unwrap();
    }
    let output = frontlint(&dir, &["init"]);
    assert_eq!(output.status.code(), Some(0));
    let config = std::fs::read_to_string(dir.join(".frontlint.yml")).unwrap();
    let written = config
        .lines()
        .filter(|l| l.starts_with("  - name: "))
        .count();
    assert_eq!(written, 1, "{config}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("(1 collection from 21 files)"), "{said}");
    assert!(
        config.contains("# pages/**: 1 file, 1 with front matter — too few to learn from"),
        "{config}"
    );
    assert!(
        config.contains("      # image: in 15 of 20 files, always empty; nothing to check\n"),
        "{config}"
    );
    assert!(
        config.contains("ref:  # in 20 of 20 files; mixed types: integer 14, string 6\n"),
        "{config}"
    );
    assert!(
        config.contains("        type: [integer, string]\n"),
        "{config}"
    );
    assert!(!config.contains("{}"), "{config}");
    assert!(!config.contains("mixed types: \n"), "{config}");
    // What it wrote flags nothing new on the site it learned from.
    let check = frontlint(&dir, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 1);
}

#[test]
fn stdout_prints_without_writing() {
    let dir = site_with_posts("init-stdout");
    let output = frontlint(&dir, &["init", "--stdout"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# Written by `frontlint init`"));
    assert!(!dir.join(".frontlint.yml").exists());
}

/// On a real site the generated config must flag few files: the real defects, little else.
#[test]
fn on_the_mlaw_corpus_it_flags_little() {
    let Some(corpora) = support::corpora_or_skip("on_the_mlaw_corpus_it_flags_little") else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("init-mlaw");
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&corpora.join("mlaw"), &dir);
    let without = diagnostics_of(&dir);
    assert_eq!(frontlint(&dir, &["init"]).status.code(), Some(0));
    let with = diagnostics_of(&dir);
    let files = 2010;
    // What the generated config adds to the preset's reports: the site's odd ones out.
    let added: Vec<&(String, String)> = with.iter().filter(|d| !without.contains(d)).collect();
    assert!(
        added.len() * 50 < files,
        "{} added diagnostics: {added:#?}",
        added.len()
    );
    let rules: std::collections::BTreeSet<&str> =
        added.iter().map(|(_, rule)| rule.as_str()).collect();
    assert!(
        rules.contains("unknown-field"),
        "the misspelt `breadcrumbs`: {rules:?}"
    );
    assert!(
        rules.iter().all(|r| [
            "unknown-field",
            "missing-required-field",
            "empty-field",
            "wrong-field-type",
            "disallowed-field-value"
        ]
        .contains(r)),
        "{rules:?}"
    );
}

/// (path, rule) of every diagnostic `check` reports in `dir`.
fn diagnostics_of(dir: &Path) -> Vec<(String, String)> {
    let check = frontlint(dir, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
