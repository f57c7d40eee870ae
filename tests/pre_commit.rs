//! The pre-commit hooks, end to end with the real `pre-commit` tool (PyPI): in a throwaway git
//! repository, a commit with a broken post is refused and accepted once the post is fixed.
//!
//! The hooks come from this repository's `.pre-commit-hooks.yaml` as they are (`language:
//! system`: they run the `frontlint` on PATH, here the freshly built one), put in a
//! `repo: local` config so that the working tree is tested, not a commit. The manifest and the
//! PyPI mirror's (`.github/pre-commit-mirror/`, the same hooks with `language: python`, see
//! tests/packaging.rs) are validated with `pre-commit validate-manifest`.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pre_commit_available(test: &str) -> bool {
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        support::skip(test, "pre-commit is not installed (pip install pre-commit)");
    }
    found
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    // The built frontlint first on PATH, as `pipx install frontlint` would put it.
    let bin = Path::new(env!("CARGO_BIN_EXE_frontlint")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        // Never inside the checkout: `validate-manifest` runs in the crate's own folder, and a
        // cache there once ended up committed.
        .env(
            "PRE_COMMIT_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-home"),
        )
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The manifest's hook, unchanged, as a local pre-commit config.
fn local_config(hook_id: &str) -> String {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let hooks: Vec<yaml_serde::Value> = yaml_serde::from_str(&manifest).unwrap();
    let hook = hooks
        .into_iter()
        .find(|h| h["id"].as_str() == Some(hook_id))
        .expect("hook in manifest");
    assert_eq!(hook["language"].as_str(), Some("system"));
    let config = yaml_serde::to_string(&vec![hook]).unwrap();
    let indented: String = config.lines().map(|l| format!("      {l}\n")).collect();
    format!("repos:\n  - repo: local\n    hooks:\n{indented}")
}

fn repository(name: &str, hook_id: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    assert!(run(&dir, "git", &["init", "-q"]).status.success());
    std::fs::write(dir.join(".pre-commit-config.yaml"), local_config(hook_id)).unwrap();
    let install = run(&dir, "pre-commit", &["install"]);
    assert!(install.status.success(), "{}", text(&install));
    dir
}

const BROKEN: &str = "---\ntitle: Budget 2024: what changes\nlayout: post\n---\n\nText.\n";
const FIXED: &str = "---\ntitle: \"Budget 2024: what changes\"\nlayout: post\n---\n\nText.\n";

#[test]
fn the_manifests_are_valid() {
    if !pre_commit_available("the_manifests_are_valid") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for manifest in [
        ".pre-commit-hooks.yaml",
        ".github/pre-commit-mirror/.pre-commit-hooks.yaml",
    ] {
        let output = run(
            root,
            "pre-commit",
            &["validate-manifest", root.join(manifest).to_str().unwrap()],
        );
        assert!(output.status.success(), "{manifest}: {}", text(&output));
    }
}

#[test]
fn a_broken_post_is_refused_then_accepted_once_fixed() {
    if !pre_commit_available("a_broken_post_is_refused_then_accepted_once_fixed") {
        return;
    }
    let dir = repository("pre-commit-check", "frontlint");
    std::fs::write(dir.join("_posts/2024-01-01-budget.md"), BROKEN).unwrap();
    run(&dir, "git", &["add", "."]);
    let refused = run(&dir, "git", &["commit", "-q", "-m", "budget"]);
    assert!(!refused.status.success(), "the commit must be refused");
    assert!(text(&refused).contains("FL103"), "{}", text(&refused));

    std::fs::write(dir.join("_posts/2024-01-01-budget.md"), FIXED).unwrap();
    run(&dir, "git", &["add", "."]);
    let accepted = run(&dir, "git", &["commit", "-q", "-m", "budget"]);
    assert!(accepted.status.success(), "{}", text(&accepted));
}

#[test]
fn the_fix_hook_repairs_the_post_and_the_next_commit_passes() {
    if !pre_commit_available("the_fix_hook_repairs_the_post_and_the_next_commit_passes") {
        return;
    }
    let dir = repository("pre-commit-fix", "frontlint-fix");
    std::fs::write(dir.join("_posts/2024-01-01-budget.md"), BROKEN).unwrap();
    run(&dir, "git", &["add", "."]);
    // pre-commit refuses a commit whose files a hook changed, and leaves the fix in place.
    let first = run(&dir, "git", &["commit", "-q", "-m", "budget"]);
    assert!(!first.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("_posts/2024-01-01-budget.md")).unwrap(),
        FIXED
    );
    run(&dir, "git", &["add", "."]);
    let second = run(&dir, "git", &["commit", "-q", "-m", "budget"]);
    assert!(second.status.success(), "{}", text(&second));
}
