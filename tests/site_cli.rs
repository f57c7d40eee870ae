//! End-to-end tests of the Jekyll site model in the binary: `frontlint urls`, the site's
//! `_config.yml` (found from the linted path, overridden by `.frontlint.yml`), and site-wide
//! diagnostics that point into other files.

mod support;

use std::path::Path;
use std::process::Output;

use serde_json::Value;
use support::{frontlint, site};

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

fn diagnostics(output: &Output) -> Vec<Value> {
    json(output)["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn urls_lists_what_jekyll_publishes() {
    let dir = site(
        "urls-lists",
        &[
            (
                "_config.yml",
                "timezone: Asia/Singapore\npermalink: pretty\n",
            ),
            (
                "news/_posts/2022-07-04-launch.md",
                "---\ntitle: Launch\ndate: 2022-07-04 23:30:00 -05:00\n---\n",
            ),
            ("news/_posts/launch-notes.md", "---\ntitle: Notes\n---\n"),
            ("about.md", "---\ntitle: About\n---\n"),
        ],
    );
    let output = frontlint(&dir, &["urls", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let rows = json(&output)["documents"].as_array().unwrap().clone();
    let row = |path: &str| {
        rows.iter()
            .find(|r| r["source_path"] == path)
            .unwrap_or_else(|| panic!("{path} in {rows:?}"))
            .clone()
    };
    let post = row("news/_posts/2022-07-04-launch.md");
    assert_eq!(post["kind"], "post");
    assert_eq!(post["status"], "written");
    // 23:30 in New York is the next day in Singapore: the URL moves with it.
    assert_eq!(post["date"], "2022-07-05T12:30:00+08:00");
    assert_eq!(post["date_source"], "front-matter");
    assert_eq!(post["url"], "/news/2022/07/05/launch/");
    assert_eq!(post["output_path"], "news/2022/07/05/launch/index.html");
    let skipped = row("news/_posts/launch-notes.md");
    assert_eq!(skipped["status"], "skipped");
    assert!(skipped["url"].is_null());
    let page = row("about.md");
    assert_eq!(
        (page["kind"].as_str(), page["url"].as_str()),
        (Some("page"), Some("/about/"))
    );

    let text = frontlint(&dir, &["urls"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("/news/2022/07/05/launch/"), "{text}");
    assert!(text.contains("(skipped: "), "{text}");
}

#[test]
fn a_broken_site_config_is_a_diagnostic_not_a_tool_failure() {
    let dir = site(
        "broken-config",
        &[
            (
                "_config.yml",
                "title: Example\ndescription: Budget 2024: what changes\n",
            ),
            ("_posts/2024-01-05-post.md", "---\ntitle: Post\n---\n"),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found = diagnostics(&output);
    let broken = found
        .iter()
        .find(|d| d["code"] == "FL905")
        .expect("broken-site-config");
    assert_eq!(broken["path"], "_config.yml");
    assert_eq!(
        (broken["line"].as_u64(), broken["column"].as_u64()),
        (Some(2), Some(25))
    );
    // The pretty format shows the config's own line.
    let pretty = frontlint(&dir, &["check", "--format", "pretty", "--color", "never"]);
    let pretty = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        pretty.contains("description: Budget 2024: what changes"),
        "{pretty}"
    );
}

#[test]
fn site_wide_findings_point_into_the_other_files() {
    let post = |title: &str| format!("---\ntitle: {title}\npermalink: /news/same/\n---\n");
    let dir = site(
        "duplicate-urls",
        &[
            ("_posts/2024-01-05-first.md", &post("First")),
            ("_posts/2024-01-06-copy.md", &post("Copy")),
        ],
    );
    let output = frontlint(&dir, &["check", "--format", "json"]);
    let duplicates: Vec<Value> = diagnostics(&output)
        .into_iter()
        .filter(|d| d["rule"] == "duplicate-url")
        .collect();
    assert_eq!(duplicates.len(), 2, "{duplicates:?}");
    let first = duplicates
        .iter()
        .find(|d| d["path"] == "_posts/2024-01-05-first.md")
        .unwrap();
    let related = &first["related"][0];
    assert_eq!(related["path"], "_posts/2024-01-06-copy.md");
    assert_eq!(
        (related["line"].as_u64(), related["column"].as_u64()),
        (Some(3), Some(12))
    );

    // A run that names one file reports only on that file (the other files of the site are
    // not consulted yet).
    let one = frontlint(
        &dir,
        &["check", "--format", "json", "_posts/2024-01-05-first.md"],
    );
    assert!(
        diagnostics(&one)
            .iter()
            .all(|d| d["path"] == "_posts/2024-01-05-first.md"),
        "{:?}",
        diagnostics(&one)
    );
}

#[test]
fn a_named_file_uses_its_site_config_and_frontlint_overrides_win() {
    let post = "---\ntitle: Late\ndate: 2022-07-04 23:30:00 -05:00\n---\n";
    let dir = site(
        "named-file-config",
        &[
            ("_config.yml", "timezone: Asia/Singapore\n"),
            ("news/_posts/2022-07-04-late.md", post),
        ],
    );
    let output = frontlint(
        &dir.join("news"),
        &["check", "--format", "json", "_posts/2022-07-04-late.md"],
    );
    let found = diagnostics(&output);
    let mismatch = found.iter().find(|d| d["rule"] == "date-mismatch").unwrap();
    assert!(
        mismatch["message"]
            .as_str()
            .unwrap()
            .contains("Asia/Singapore"),
        "{mismatch}"
    );
    // `site:` in .frontlint.yml overrides _config.yml: in Chicago (-05:00 in July) it is the 4th.
    std::fs::write(
        dir.join(".frontlint.yml"),
        "site:\n  timezone: America/Chicago\n",
    )
    .unwrap();
    let output = frontlint(&dir, &["check", "--format", "json"]);
    assert!(
        diagnostics(&output)
            .iter()
            .all(|d| d["rule"] != "date-mismatch"),
        "{:?}",
        diagnostics(&output)
    );
}

#[test]
fn the_example_site_shows_the_site_model_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = frontlint(root, &["check", "examples/site", "--format", "json"]);
    let rules: std::collections::BTreeSet<String> = diagnostics(&output)
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    for rule in [
        "invalid-post-filename",
        "date-mismatch",
        "malformed-permalink",
        "duplicate-url",
        "permalink-template-mismatch",
    ] {
        assert!(rules.contains(rule), "{rule} not in {rules:?}");
    }
}

#[test]
fn a_layout_from_defaults_or_jekyll_default_layout_is_not_missing() {
    let require_layout =
        "collections:\n  - paths: \"**\"\n    fields:\n      layout: { required: true }\n";
    let post = "---\ntitle: No layout\n---\n";
    let missing = |dir: &Path| {
        let output = frontlint(dir, &["check", "--format", "json"]);
        diagnostics(&output)
            .iter()
            .filter(|d| d["rule"] == "missing-required-field")
            .count()
    };
    let plain = site(
        "layout-plain",
        &[
            (".frontlint.yml", require_layout),
            ("_config.yml", "title: x\n"),
            ("_posts/2024-01-05-a.md", post),
        ],
    );
    assert_eq!(missing(&plain), 1);
    let defaults = site(
        "layout-defaults",
        &[
            (".frontlint.yml", require_layout),
            (
                "_config.yml",
                "defaults:\n  - scope: {path: \"\", type: posts}\n    values: {layout: post}\n",
            ),
            ("_posts/2024-01-05-a.md", post),
        ],
    );
    assert_eq!(missing(&defaults), 0);
    let plugin = site(
        "layout-plugin",
        &[
            (".frontlint.yml", require_layout),
            ("_config.yml", "plugins: [jekyll-default-layout]\n"),
            ("_posts/2024-01-05-a.md", post),
        ],
    );
    assert_eq!(missing(&plugin), 0);
    let github_pages = site(
        "layout-github-pages",
        &[
            (".frontlint.yml", require_layout),
            ("_config.yml", "title: x\n"),
            (
                "Gemfile",
                "source \"https://rubygems.org\"\ngem \"github-pages\", group: :jekyll_plugins\n",
            ),
            ("_posts/2024-01-05-a.md", post),
        ],
    );
    assert_eq!(missing(&github_pages), 0);
}

/// pre-commit names only the staged files: a duplicate URL with an unnamed file of the site is
/// still found, and nothing is reported on the unnamed file.
#[test]
fn named_files_are_compared_with_the_rest_of_the_site() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-context");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    std::fs::write(dir.join("_config.yml"), "title: t\n").unwrap();
    std::fs::write(
        dir.join("_posts/2024-01-01-old.md"),
        "---\ntitle: Old\npermalink: /same/\ntitle: again\n---\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("_posts/2024-02-01-new.md"),
        "---\ntitle: New\npermalink: /same/\n---\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(["check", "--format", "json", "_posts/2024-02-01-new.md"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"], 1, "only the named file counts as checked");
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["rule"], "duplicate-url");
    assert_eq!(diagnostics[0]["path"], "_posts/2024-02-01-new.md");
    assert_eq!(
        diagnostics[0]["related"][0]["path"],
        "_posts/2024-01-01-old.md"
    );
}
