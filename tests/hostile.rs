//! Hostile and broken inputs: each ends with a clear diagnostic or a clean skip, the documented
//! exit code, no panic, no hang, and the other files still linted. Every run has a deadline.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Generous: these finish in well under a second; the deadline only catches hangs.
const DEADLINE: Duration = Duration::from_secs(60);

fn run(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > DEADLINE {
            child.kill().unwrap();
            panic!("frontlint {args:?} did not finish in {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn site(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    // One ordinary post with one known defect: proves the rest of the site is still linted.
    std::fs::write(
        dir.join("_posts/2024-01-01-normal.md"),
        "---\ntitle: No\n---\nText.\n",
    )
    .unwrap();
    dir
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The (path suffix, code) pairs of a JSON report.
fn codes(output: &Output) -> Vec<(String, String)> {
    json(output)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_owned();
            (name, d["code"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn assert_normal_post_linted(output: &Output) {
    assert!(
        codes(output).contains(&("2024-01-01-normal.md".to_owned(), "FL107".to_owned())),
        "the ordinary post is still linted: {:?}",
        codes(output)
    );
}

#[test]
fn binary_invalid_utf8_and_utf16_files() {
    let dir = site("encodings");
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"
        .iter()
        .copied()
        .chain((0..2000u32).map(|i| (i * 7 % 256) as u8))
        .collect();
    std::fs::write(dir.join("_posts/2024-01-02-image.md"), png).unwrap();
    std::fs::write(
        dir.join("_posts/2024-01-03-latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();
    let utf16: Vec<u8> = "\u{feff}---\ntitle: x\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.join("_posts/2024-01-04-utf16.md"), utf16).unwrap();
    let output = run(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found = codes(&output);
    for name in [
        "2024-01-02-image.md",
        "2024-01-03-latin1.md",
        "2024-01-04-utf16.md",
    ] {
        assert!(
            found.contains(&(name.to_owned(), "FL902".to_owned())),
            "{name}: {found:?}"
        );
    }
    assert_normal_post_linted(&output);
}

#[test]
fn huge_files_and_lines() {
    let dir = site("huge");
    // A 10 MB single line after the front matter.
    let mut long_line = String::from("---\ntitle: Long line\n---\n");
    long_line.push_str(&"word [link](https://example.com) ".repeat(10 * 1024 * 1024 / 34));
    std::fs::write(dir.join("_posts/2024-01-02-long-line.md"), long_line).unwrap();
    // Over the size limit: skipped with a diagnostic, never read.
    let file = std::fs::File::create(dir.join("_posts/2024-01-03-huge.md")).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let output = run(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found = codes(&output);
    assert!(
        found.contains(&("2024-01-03-huge.md".to_owned(), "FL901".to_owned())),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(name, _)| name == "2024-01-02-long-line.md"),
        "{found:?}"
    );
    assert_normal_post_linted(&output);
}

#[test]
fn deep_nesting_alias_bombs_and_huge_keys() {
    let dir = site("yaml-bombs");
    let deep = format!(
        "---\ntitle: Deep\na: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.join("_posts/2024-01-02-deep.md"), deep).unwrap();
    let mut block = String::from("---\ntitle: Deep block\n");
    for level in 0..2_000 {
        block.push_str(&" ".repeat(level));
        block.push_str("k:\n");
    }
    block.push_str("---\n");
    std::fs::write(dir.join("_posts/2024-01-03-deep-block.md"), block).unwrap();
    let mut bomb = String::from(
        "---\ntitle: Laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..=40 {
        let previous = if i == 1 {
            "a".to_owned()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!(
            "l{i}: &l{i} [{}]\n",
            vec![format!("*{previous}"); 9].join(",")
        ));
    }
    bomb.push_str("---\n");
    std::fs::write(dir.join("_posts/2024-01-04-bomb.md"), bomb).unwrap();
    let key = format!(
        "---\ntitle: Big key\n{}: value\n---\n",
        "k".repeat(1024 * 1024)
    );
    std::fs::write(dir.join("_posts/2024-01-05-key.md"), key).unwrap();
    let started = Instant::now();
    let output = run(&dir, &["check", "--format", "json"]);
    assert!(started.elapsed() < DEADLINE);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found = codes(&output);
    assert!(
        found.contains(&("2024-01-02-deep.md".to_owned(), "FL103".to_owned())),
        "too deep is a YAML error: {found:?}"
    );
    assert_normal_post_linted(&output);
}

#[cfg(unix)]
#[test]
fn fifos_directories_symlinks_and_odd_names() {
    use std::os::unix::ffi::OsStrExt;
    let dir = site("filesystem");
    let fifo = dir.join("_posts/2024-01-02-fifo.md");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    std::fs::create_dir_all(dir.join("_posts/2024-01-03-directory.md")).unwrap();
    std::os::unix::fs::symlink(dir.join("_posts/loop-b.md"), dir.join("_posts/loop-a.md")).unwrap();
    std::os::unix::fs::symlink(dir.join("_posts/loop-a.md"), dir.join("_posts/loop-b.md")).unwrap();
    std::os::unix::fs::symlink(
        dir.join("nowhere.md"),
        dir.join("_posts/2024-01-04-broken.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("_posts/folder-loop")).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"_posts/2024-01-05-caf\xe9.md");
    std::fs::write(dir.join(odd), "---\ntitle: fine\n---\n").unwrap();
    let output = run(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let found = codes(&output);
    assert!(
        found.contains(&("2024-01-02-fifo.md".to_owned(), "FL901".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("2024-01-04-broken.md".to_owned(), "FL901".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("loop-a.md".to_owned(), "FL901".to_owned())),
        "{found:?}"
    );
    assert_normal_post_linted(&output);
    // Named explicitly, the FIFO is a diagnostic too, not a hang.
    let output = run(
        &dir,
        &["check", "--format", "json", "_posts/2024-01-02-fifo.md"],
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_file_deleted_before_it_is_read() {
    // Discovery and reading are separate steps; a file gone in between is reported, not fatal.
    let dir = site("deleted");
    let target = dir.join("_posts/2024-01-02-gone.md");
    std::fs::write(&target, "---\ntitle: x\n---\n").unwrap();
    let mut configs = frontlint::discover::ConfigCache::new(None).unwrap();
    let targets = frontlint::discover::discover(std::slice::from_ref(&dir), &mut configs).unwrap();
    std::fs::remove_file(&target).unwrap();
    let report = frontlint::engine::run(&targets, Default::default());
    let codes: Vec<(&str, &str)> = report
        .diagnostics()
        .map(|d| (d.path.rsplit('/').next().unwrap(), d.code))
        .collect();
    assert!(
        codes.contains(&("2024-01-02-gone.md", "FL901")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("2024-01-01-normal.md", "FL107")),
        "{codes:?}"
    );
}

#[test]
fn broken_configuration_files() {
    let dir = site("configs");
    std::fs::write(dir.join(".frontlint.yml"), "").unwrap();
    let output = run(&dir, &["check", "--format", "json"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an empty config is the default config"
    );
    assert_normal_post_linted(&output);

    std::fs::write(dir.join(".frontlint.yml"), "exclude: 42\nrules: [1, 2]\n").unwrap();
    let output = run(&dir, &["check"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "wrong types are a config error"
    );
    assert!(!String::from_utf8_lossy(&output.stderr).is_empty());

    std::fs::remove_file(dir.join(".frontlint.yml")).unwrap();
    std::fs::write(dir.join("_config.yml"), "title: [unclosed\n\tbad: {\n").unwrap();
    let output = run(&dir, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        codes(&output)
            .iter()
            .any(|(name, code)| name == "_config.yml" && code == "FL905"),
        "{:?}",
        codes(&output)
    );
    assert_normal_post_linted(&output);
}
