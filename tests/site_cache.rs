//! The site index cache (`.frontlint_cache/`): a run that names a few files of a site keeps
//! what duplicate-URL rules need from the other files, and trusts it only while those files
//! are unchanged (size and modification time) and the site's settings are the same.
//! The list of the site's files is kept too, and trusted while no folder of the site changed.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use support::frontlint;

/// Writes a file dated `age` ago: files modified in the last seconds are never cached.
fn write_aged(path: &Path, text: &str, age: Duration) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

const HOUR: Duration = Duration::from_secs(3600);
const NAMED: &str = "news/_posts/2022-07-04-launch.md";
const OTHER: &str = "news/_posts/2022-07-05-other.md";

fn post(permalink: &str) -> String {
    format!("---\ntitle: A post\nlayout: post\npermalink: {permalink}\n---\nBody.\n")
}

/// A site of three posts, all dated an hour ago.
fn site(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    write_aged(&dir.join("_config.yml"), "title: Test\n", HOUR);
    write_aged(&dir.join(NAMED), &post("/launch/"), HOUR);
    write_aged(&dir.join(OTHER), &post("/other/"), HOUR);
    write_aged(
        &dir.join("news/_posts/2022-07-06-third.md"),
        &post("/third/"),
        HOUR,
    );
    dir
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join(".frontlint_cache/site-index-v3")
}

fn duplicate_urls(output: &Output) -> usize {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains("FL406") || line.contains("duplicate-url"))
        .count()
}

fn check_named(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", NAMED, "--format", "concise"];
    args.extend(extra);
    frontlint(dir, &args)
}

#[test]
fn a_run_naming_files_writes_a_cache_of_the_whole_site_that_git_ignores() {
    let dir = site("cache-written");
    let output = check_named(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(cache_file(&dir)).expect("cache written");
    // The named file and both consulted ones.
    assert_eq!(text.lines().count(), 1 + 3, "{text}");
    assert!(
        text.contains("/other/") && text.contains("/launch/"),
        "{text}"
    );
    let ignore = std::fs::read_to_string(dir.join(".frontlint_cache/.gitignore")).unwrap();
    assert!(ignore.lines().any(|line| line == "*"));
}

#[test]
fn cached_summaries_are_used_while_the_file_is_unchanged() {
    let dir = site("cache-used");
    check_named(&dir, &[]);
    // Doctor the cached URL of the other post (its file is untouched): only a run that
    // really reads the cache can see this collision.
    let text = std::fs::read_to_string(cache_file(&dir)).unwrap();
    let doctored = text.replace(
        "\t/other/\tother/index.html\t",
        "\t/launch/\tlaunch/index.html\t",
    );
    assert_ne!(doctored, text);
    std::fs::write(cache_file(&dir), doctored).unwrap();
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 1);
    // --no-cache reads the files themselves.
    assert_eq!(duplicate_urls(&check_named(&dir, &["--no-cache"])), 0);
}

#[test]
fn a_changed_file_is_read_again() {
    let dir = site("cache-stale");
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 0);
    assert!(cache_file(&dir).exists());
    // The other post now claims the named post's URL (same length, an older time: only
    // the modification time tells the change).
    let other = dir.join(OTHER);
    write_aged(&other, &post("/launch/"), 2 * HOUR);
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 1);
}

#[test]
fn a_new_file_and_a_recently_modified_one_are_seen() {
    let dir = site("cache-new-and-racy");
    check_named(&dir, &[]);
    // Written just now: racy, so not trusted from the cache either, whatever its stamp.
    std::fs::write(dir.join("news/_posts/2022-07-07-new.md"), post("/launch/")).unwrap();
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 1);
    let text = std::fs::read_to_string(cache_file(&dir)).unwrap();
    assert!(
        !text.contains("2022-07-07-new.md"),
        "racy entry cached:\n{text}"
    );
}

#[test]
fn other_site_settings_make_the_cache_useless() {
    let dir = site("cache-settings");
    check_named(&dir, &[]);
    let text = std::fs::read_to_string(cache_file(&dir)).unwrap();
    std::fs::write(
        cache_file(&dir),
        text.replace(
            "\t/other/\tother/index.html\t",
            "\t/launch/\tlaunch/index.html\t",
        ),
    )
    .unwrap();
    // Another `_config.yml`: the doctored entry is not believed.
    write_aged(
        &dir.join("_config.yml"),
        "title: Test\ntimezone: Asia/Singapore\n",
        HOUR,
    );
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 0);
}

#[test]
fn a_broken_cache_is_ignored_and_rewritten() {
    let dir = site("cache-broken");
    check_named(&dir, &[]);
    std::fs::write(
        cache_file(&dir),
        "frontlint-site-index 1\nnot\ta\tvalid line\n",
    )
    .unwrap();
    let output = check_named(&dir, &[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(cache_file(&dir)).unwrap();
    assert_eq!(text.lines().count(), 1 + 3, "{text}");
}

#[test]
fn a_run_over_the_whole_site_writes_no_cache() {
    let dir = site("cache-whole-site");
    let output = frontlint(&dir, &["check", ".", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!dir.join(".frontlint_cache").exists());
}

/// Dates the site's folders an hour back: a folder changed in the last seconds is not
/// trusted, so the file list is only written once they are older.
fn age_folders(dir: &Path) {
    for folder in [dir.to_path_buf(), dir.join("news"), dir.join("news/_posts")] {
        let handle = std::fs::File::open(&folder).unwrap();
        handle.set_modified(SystemTime::now() - HOUR).unwrap();
    }
}

fn listing_file(dir: &Path) -> PathBuf {
    dir.join(".frontlint_cache/site-files-v2")
}

/// Caches the file list of the site at `dir`, doctored to leave out `OTHER`, and makes the
/// named post claim `OTHER`'s URL: only a run that walks the site sees the collision.
fn doctor_listing(dir: &Path) {
    check_named(dir, &[]);
    age_folders(dir);
    check_named(dir, &[]);
    let text = std::fs::read_to_string(listing_file(dir)).expect("file list written");
    let doctored: String = text
        .lines()
        .filter(|line| !line.contains(OTHER))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(doctored, text);
    std::fs::write(listing_file(dir), doctored).unwrap();
    write_aged(&dir.join(NAMED), &post("/other/"), HOUR);
}

#[test]
fn the_file_list_is_used_while_no_folder_changed() {
    let dir = site("listing-used");
    doctor_listing(&dir);
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 0);
    // --no-cache walks the site.
    assert_eq!(duplicate_urls(&check_named(&dir, &["--no-cache"])), 1);
}

#[test]
fn a_folder_that_changed_is_walked_again() {
    let dir = site("listing-new-file");
    doctor_listing(&dir);
    std::fs::write(dir.join("news/_posts/2022-07-08-new.md"), post("/new/")).unwrap();
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 1);
}

#[test]
fn an_ignore_file_edited_in_place_means_a_new_walk() {
    let dir = site("listing-ignore-file");
    write_aged(&dir.join(".gitignore"), "*.tmp\n", HOUR);
    doctor_listing(&dir);
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 0);
    // Rewritten in place (the folder's time does not change): the list is not trusted.
    write_aged(&dir.join(".gitignore"), "*.bak\n", HOUR / 2);
    assert_eq!(duplicate_urls(&check_named(&dir, &[])), 1);
}
