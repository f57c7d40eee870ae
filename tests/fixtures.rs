//! Fixture tests: every folder under `tests/fixtures/` is a small site linted as a whole with
//! its own `.frontlint.yml` (or the default preset). Expectations live in the files:
//!
//! - `# expect: rule-name` (a YAML comment) or `<!-- expect: rule-name -->` (in Markdown) says
//!   a diagnostic of that rule starts on this line; `expect: a, b` for two;
//! - `expect@N: rule-name` says it starts on line N (for lines that cannot hold a comment).
//!
//! A fixture's `_config.yml` is the Jekyll site's configuration; it may hold expectations too.
//!
//! The set of (file, line, rule) found must equal the set expected, exactly. Files whose bytes
//! cannot carry a comment have their expectations in `BYTE_FIXTURES`. Each file's pretty
//! output is kept as an insta snapshot in `tests/snapshots/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use frontlint::discover::{ConfigCache, discover};
use frontlint::engine::{self, FileReport, Report, RunOptions};
use frontlint::registry::RULES;
use frontlint::report::{self, Format, PrettyOptions};

/// (fixture file, line, rule) for files whose content cannot hold an expectation comment.
const BYTE_FIXTURES: &[(&str, usize, &str)] = &[
    ("files/_posts/2024-03-01-empty.md", 1, "empty-file"),
    ("files/_posts/2024-03-02-blank.md", 1, "empty-file"),
    ("files/_posts/2024-03-03-latin1.md", 2, "invalid-utf8"),
    ("files/_posts/2024-03-04-utf16.md", 1, "invalid-utf8"),
];

type Expectation = (String, usize, String);

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_sites() -> Vec<PathBuf> {
    let mut sites: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    sites.sort();
    sites
}

/// Lint one fixture site; paths in the report are relative to `tests/fixtures/`.
fn lint_site(site: &Path) -> Report {
    let relative = site
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_path_buf();
    // Cargo runs tests from the crate root, so paths come out as `tests/fixtures/...`.
    let mut configs = ConfigCache::new(None).unwrap();
    let targets = discover(&[relative], &mut configs).unwrap_or_else(|e| panic!("{site:?}: {e:?}"));
    engine::run(
        &targets,
        RunOptions {
            keep_sources: true,
            ..RunOptions::default()
        },
    )
}

fn fixture_relative(path: &str) -> String {
    path.strip_prefix("tests/fixtures/")
        .unwrap_or(path)
        .to_owned()
}

fn expectations_in(site: &Path) -> BTreeSet<Expectation> {
    let mut expected = BTreeSet::new();
    for entry in walk(site) {
        let relative = entry
            .strip_prefix(fixtures_dir())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Ok(text) = std::fs::read_to_string(&entry) else {
            continue;
        };
        for (index, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("expect") {
                let spec = &line[at + "expect".len()..];
                let (line_number, names) = match spec.strip_prefix('@') {
                    Some(rest) => {
                        let (number, names) = rest.split_once(':').expect("expect@N: rule");
                        (number.trim().parse::<usize>().expect("line number"), names)
                    }
                    None => match spec.strip_prefix(':') {
                        Some(names) => (index + 1, names),
                        None => continue,
                    },
                };
                let names = names.trim().trim_end_matches("-->").trim();
                for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    assert!(
                        RULES.iter().any(|r| r.name == name),
                        "{relative}: unknown rule `{name}` in expectation"
                    );
                    expected.insert((relative.clone(), line_number, name.to_owned()));
                }
            }
        }
    }
    let site_name = site.file_name().unwrap().to_string_lossy().into_owned();
    for (file, line, rule) in BYTE_FIXTURES {
        if file.starts_with(&format!("{site_name}/")) {
            expected.insert(((*file).to_owned(), *line, (*rule).to_owned()));
        }
    }
    expected
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // Every file but the site's templates and plugins: Markdown, documents of other
            // extensions (`.html` and `.MD` posts), and `_config.yml` (for the rules about it).
            let code = ["_layouts", "_includes", "_plugins"];
            if path.is_dir() {
                if !path
                    .file_name()
                    .is_some_and(|n| code.iter().any(|c| n == *c))
                {
                    stack.push(path);
                }
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_reports_exactly_what_it_expects() {
    let mut failures = Vec::new();
    for site in fixture_sites() {
        let report = lint_site(&site);
        let found: BTreeSet<Expectation> = report
            .diagnostics()
            .map(|d| (fixture_relative(&d.path), d.start.line, d.rule.to_owned()))
            .collect();
        let expected = expectations_in(&site);
        for missing in expected.difference(&found) {
            failures.push(format!("expected but not reported: {missing:?}"));
        }
        for extra in found.difference(&expected) {
            let message = report
                .diagnostics()
                .find(|d| {
                    fixture_relative(&d.path) == extra.0
                        && d.start.line == extra.1
                        && d.rule == extra.2
                })
                .map(|d| d.message.clone())
                .unwrap_or_default();
            failures.push(format!("reported but not expected: {extra:?}: {message}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_fixture() {
    let mut covered = BTreeSet::new();
    for site in fixture_sites() {
        covered.extend(expectations_in(&site).into_iter().map(|(_, _, rule)| rule));
    }
    let uncovered: Vec<&str> = RULES
        .iter()
        .map(|r| r.name)
        .filter(|name| !covered.contains(*name))
        // A file that cannot be read cannot be checked in: see tests/cli.rs. Nor can a name
        // that breaks checkouts (this repository's too): see tests/non_portable_filename.rs.
        .filter(|name| !["unreadable-file", "non-portable-filename"].contains(name))
        .collect();
    assert!(
        uncovered.is_empty(),
        "rules without a fixture expecting them: {uncovered:?}"
    );
}

#[test]
fn pretty_output_snapshots() {
    for site in fixture_sites() {
        let report = lint_site(&site);
        for file in report.files {
            let name = fixture_relative(&file.path).replace(['/', '.'], "_");
            let single = Report {
                files: vec![FileReport {
                    path: file.path.clone(),
                    source: file.source.clone(),
                    diagnostics: file.diagnostics.clone(),
                }],
                files_checked: 1,
                elapsed: Duration::ZERO,
                ..Report::default()
            };
            let mut out = Vec::new();
            report::write(
                Format::Pretty,
                &single,
                PrettyOptions {
                    color: false,
                    width: 100,
                },
                &mut out,
            )
            .unwrap();
            insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
        }
    }
}
