//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod kramdown;
pub mod skip;

pub use skip::skip;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Is Ruby available for a differential test? Without it the test is skipped visibly, unless
/// `FRONTLINT_REQUIRE_ORACLE=1` (set by `.ci/run`) makes that a failure.
pub fn ruby_available(test: &str) -> bool {
    let found = Command::new("ruby")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        skip(test, "ruby is not installed (apt-get install ruby jekyll)");
    }
    found
}

/// Run a Ruby script with one argument (a file it reads), returning its standard output.
pub fn run_ruby(script: &str, input: &Path) -> String {
    let output = Command::new("ruby")
        .arg("-e")
        .arg(script)
        .arg(input)
        .output()
        .expect("run ruby");
    assert!(
        output.status.success(),
        "ruby failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("ruby prints UTF-8")
}

/// The shared real-site corpora: `$FRONTLINT_CORPORA`, or `shared/corpora` next to this
/// checkout (or next to the folder of worktrees holding it).
pub fn corpora_dir() -> Option<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("FRONTLINT_CORPORA")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            crate_dir.join("../shared/corpora"),
            crate_dir.join("../../shared/corpora"),
        ])
        .find(|dir| dir.is_dir())
}

/// The shared whole-repository checkouts of real sites (`shared/sites`), next to this checkout
/// (or next to the folder of worktrees holding it), or `$FRONTLINT_SITES`.
pub fn sites_dir() -> Option<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("FRONTLINT_SITES")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            crate_dir.join("../shared/sites"),
            crate_dir.join("../../shared/sites"),
        ])
        .find(|dir| dir.is_dir())
}

/// The real sites in [`sites_dir`] (each folder holding a `_config.yml`), sorted.
pub fn real_sites() -> Vec<PathBuf> {
    let Some(dir) = sites_dir() else {
        return Vec::new();
    };
    let mut sites: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("_config.yml").is_file())
        .collect();
    sites.sort();
    sites
}

/// The shared corpora, or `None` after skipping `test` visibly (see `skip`).
pub fn corpora_or_skip(test: &str) -> Option<PathBuf> {
    let found = corpora_dir();
    if found.is_none() {
        skip(
            test,
            "the shared corpora are not there (../shared/corpora, or $FRONTLINT_CORPORA)",
        );
    }
    found
}

/// Every Markdown file under `dir`, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A throwaway site under the target folder, recreated for each test: `files` are
/// `(relative path, contents)`.
pub fn site(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    site_bytes(name, &files)
}

/// [`site`] with files that need not be UTF-8.
pub fn site_bytes(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, contents) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// Assert that a run said `text` on standard error, showing all it said when it did not.
#[track_caller]
pub fn assert_stderr_has(output: &std::process::Output, text: &str) {
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(text),
        "expected {text:?} on standard error:\n{said}"
    );
}

/// Runs the frontlint binary in `dir`.
pub fn frontlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run frontlint")
}

/// Runs the frontlint binary in `dir` with `input` on its standard input.
pub fn frontlint_with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run frontlint");
    // A writer thread: the child may fill its output pipe before reading all of its input.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

pub fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).unwrap();
    path
}
