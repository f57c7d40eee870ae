//! The CI formats (`github`, `sarif`, `gitlab`, `junit`, `checkstyle`), `--statistics` and
//! `--output-file`: snapshots of each format on one small site, then the properties each
//! format promises — SARIF valid against the official schema, GitHub's escaping, GitLab
//! fingerprints stable and unique, XML that a strict parser reads back unchanged.

mod support;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;
use std::time::Duration;

use frontlint::config::Config;
use frontlint::diagnostic::{Applicability, Diagnostic, Edit, Fix, RelatedLocation, Severity};
use frontlint::engine::{self, FileReport, Report};
use frontlint::report::{self, Format, PrettyOptions, ReportOptions};
use frontlint::source::Source;
use serde_json::Value;
use support::{frontlint, site};

// ---------------------------------------------------------------------------------------
// The sample site: every severity, non-ASCII columns, CRLF, a related location, and a file
// name and a message full of characters the formats must escape.

// The odd name below is there to be escaped; that Windows refuses its `:` is FL906's
// business (tests/non_portable_filename.rs), kept out of these snapshots.
const CONFIG: &str = "\
rules:
  unknown-field: info
  non-portable-filename: off
collections:
  - paths: [\"_posts/**\"]
    unknown-fields: report
    fields:
      title: { type: string }
      layout: {}
";

/// The file whose name and diagnostic need escaping in every format.
const ODD_NAME: &str = "_posts/2024-01-03-odd, name: 100%.md";

fn sample_files() -> Vec<(&'static str, &'static str)> {
    vec![
        (".frontlint.yml", CONFIG),
        (
            "_posts/2024-01-01-colon.md",
            "---\ntitle: Budget 2024: what changes\n---\n",
        ),
        (
            "_posts/2024-01-02-crab.md",
            "---\ntitle: é🦀 x\nlayout: post\ntitle: 日本 y\n---\n",
        ),
        // An unknown key `<&>"'`, U+0001, `%` (reported as info).
        (ODD_NAME, "---\ntitle: Odd\n\"<&>\\\"'\\u0001%\": 1\n---\n"),
        (
            "_posts/2024-01-04-crlf.md",
            "---\r\ntitle: No\r\nlayout: post\r\n---\r\n",
        ),
        (
            "_posts/2024-01-05-good.md",
            "---\ntitle: Good\nlayout: post\n---\n",
        ),
        ("_posts/2024-01-06-empty.md", ""),
    ]
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `frontlint check --format FORMAT .` on the sample site, from inside it.
fn check_sample(name: &str, format: &str) -> (PathBuf, String) {
    let dir = site(name, &sample_files());
    let output = frontlint(&dir, &["check", "--format", format, "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    (dir.clone(), stdout(&output))
}

/// Machine-dependent parts of an output: the site's absolute location and our version.
fn stable(output: &str, dir: &Path) -> String {
    let dir_uri = url::Url::from_directory_path(dir).unwrap().to_string();
    output
        .replace(&dir_uri, "file:///[SITE]/")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

// ---------------------------------------------------------------------------------------
// Snapshots: one per format, of the whole sample site.

#[test]
fn github_snapshot() {
    let (_, output) = check_sample("formats-github", "github");
    insta::assert_snapshot!(output);
}

#[test]
fn sarif_snapshot() {
    let (dir, output) = check_sample("formats-sarif", "sarif");
    insta::assert_snapshot!(stable(&output, &dir));
}

#[test]
fn gitlab_snapshot() {
    let (_, output) = check_sample("formats-gitlab", "gitlab");
    insta::assert_snapshot!(output);
}

#[test]
fn junit_snapshot() {
    let (_, output) = check_sample("formats-junit", "junit");
    insta::assert_snapshot!(output);
}

#[test]
fn checkstyle_snapshot() {
    let (_, output) = check_sample("formats-checkstyle", "checkstyle");
    insta::assert_snapshot!(output);
}

#[test]
fn statistics_snapshots() {
    let mut files = sample_files();
    // A second FL104 and FL107 so that the counts differ and the order shows.
    files.push((
        "_posts/2024-01-07-more.md",
        "---\ntitle: Yes\nlayout: post\nlayout: page\npublished: \"no\"\n---\n",
    ));
    let dir2 = site("formats-statistics-more", &files);
    let text = frontlint(&dir2, &["check", "--statistics", "."]);
    assert_eq!(text.status.code(), Some(1));
    insta::assert_snapshot!("statistics_text", stdout(&text));
    let json = frontlint(&dir2, &["check", "--statistics", "--format", "json", "."]);
    insta::assert_snapshot!("statistics_json", stdout(&json));
    let counts: Vec<Value> = serde_json::from_str(&stdout(&json)).unwrap();
    let numbers: Vec<u64> = counts
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] >= w[1]), "{numbers:?}");
    assert_eq!(numbers.iter().sum::<u64>(), 8);
    // The summary line still goes to standard error.
    assert!(
        stderr(&text).contains("Checked 7 files"),
        "{}",
        stderr(&text)
    );
}

// ---------------------------------------------------------------------------------------
// SARIF

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (_, output) = check_sample("formats-sarif-valid", "sarif");
    let log: Value = serde_json::from_str(&output).unwrap();
    assert_valid_sarif(&log);

    // The validator is not vacuous: it rejects what the schema forbids.
    let validator = sarif_validator();
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&broken));
    let mut broken = log;
    broken["runs"][0]["columnKind"] = "bytes".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_describes_rules_results_and_positions() {
    let (dir, output) = check_sample("formats-sarif-content", "sarif");
    let log: Value = serde_json::from_str(&output).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        url::Url::from_directory_path(&dir).unwrap().to_string()
    );
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["FL103", "FL104", "FL107", "FL207", "FL903"]);
    let duplicate = &rules[1];
    assert_eq!(duplicate["name"], "duplicate-key");
    assert_eq!(duplicate["defaultConfiguration"]["level"], "error");
    assert!(duplicate["helpUri"].as_str().unwrap().ends_with(&format!(
        "/blob/v{}/rules/FL104-duplicate-key.md",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(
        duplicate["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?")
    );

    let results = run["results"].as_array().unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at its rule"
        );
    }
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "error", "note", "error", "warning"]);

    // `title: 日本 y` on line 4 after `title: é🦀 x`: the key's columns, related to line 2.
    let crab = &results[1];
    let location = &crab["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "_posts/2024-01-02-crab.md"
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let region = &location["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ),
        (&4.into(), &1.into(), &4.into(), &6.into())
    );
    let related = &crab["relatedLocations"][0];
    assert_eq!(related["message"]["text"], "first set here");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 2);
    assert_eq!(related["physicalLocation"]["region"]["endColumn"], 6);

    // Columns count code points: `title: No` → `No` at column 8 in the CRLF file too.
    let crlf = &results[3]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&crlf["startColumn"], &crlf["endColumn"]),
        (&8.into(), &10.into())
    );

    // The odd file name is a percent-encoded relative reference.
    assert_eq!(
        results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "_posts/2024-01-03-odd%2C%20name%3A%20100%25.md"
    );
    // Every result carries its fingerprint.
    let prints: HashSet<&str> = results
        .iter()
        .map(|r| r["fingerprints"]["frontlint/v1"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), results.len());
}

#[test]
fn sarif_and_gitlab_of_a_clean_run() {
    let dir = site(
        "formats-sarif-clean",
        &[(
            "_posts/2024-01-01-good.md",
            "---\ntitle: Good\nlayout: post\n---\n",
        )],
    );
    let output = frontlint(&dir, &["check", "--format", "sarif"]);
    assert_eq!(output.status.code(), Some(0));
    let log: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    let output = frontlint(&dir, &["check", "--format", "gitlab"]);
    assert_eq!(stdout(&output), "[]\n");
}

/// A report built by hand, for what no rule produces yet: a fix, a related location in
/// another file, a range over two lines, a file outside the working directory.
fn handmade_report(base: &Path) -> Report {
    let text = "---\ntitle: Yes\n{:target=_blank\"}\nline four\n";
    let path: Arc<str> = Arc::from("_posts/2024-02-01-hand.md");
    let source = Source::new(path.clone(), text);
    let at = |needle: &str| text.find(needle).unwrap();
    let diagnostic = |range: Range<usize>, code, rule, severity, message: &str| Diagnostic {
        path: path.clone(),
        start: source.position(range.start),
        end: source.position(range.end),
        range,
        code,
        rule,
        severity,
        message: message.to_owned(),
        help: Some("help with <&> and 100%\r\nsecond line".to_owned()),
        related: Vec::new(),
        fix: None,
    };
    let mut with_fix = diagnostic(
        at("Yes")..at("Yes") + 3,
        "FL107",
        "implicit-yaml-type",
        Severity::Error,
        "Jekyll reads `Yes` as true",
    );
    with_fix.fix = Some(Fix {
        title: "quote it".to_owned(),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            range: at("Yes")..at("Yes") + 3,
            replacement: "\"Yes\"".to_owned(),
        }],
        rename: None,
    });
    let mut across_lines = diagnostic(
        at("{:")..at("line four"),
        "FL104",
        "duplicate-key",
        Severity::Warning,
        "two lines, with a quote \" and a colon: here, and a comma",
    );
    let elsewhere = base.parent().unwrap().join("outside/2024-01-01-other.md");
    across_lines.related.push(RelatedLocation {
        path: Arc::from(elsewhere.to_string_lossy().as_ref()),
        range: 4..9,
        line: 2,
        column: 1,
        message: "also published here".to_owned(),
    });
    let outside_path: Arc<str> = Arc::from(elsewhere.to_string_lossy().as_ref());
    let outside = Diagnostic {
        path: outside_path.clone(),
        range: 0..0,
        start: source.position(0),
        end: source.position(0),
        code: "FL903",
        rule: "empty-file",
        severity: Severity::Info,
        message: "control \u{1} char and <&>\"'".to_owned(),
        help: None,
        related: Vec::new(),
        fix: None,
    };
    Report {
        files: vec![
            FileReport {
                path: path.clone(),
                source: Some(source.clone()),
                diagnostics: vec![with_fix, across_lines],
            },
            FileReport {
                path: outside_path,
                source: None,
                diagnostics: vec![outside],
            },
        ],
        files_checked: 2,
        elapsed: Duration::ZERO,
        ..Report::default()
    }
}

fn render(format: Format, report: &Report, base: &Path) -> String {
    let mut out = Vec::new();
    report::write_with(
        format,
        report,
        &ReportOptions::new(PrettyOptions::default(), Some(base)),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn scratch_base() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats-base/site")
}

#[test]
fn sarif_fixes_related_files_and_outside_paths_are_valid() {
    let base = scratch_base();
    let log: Value =
        serde_json::from_str(&render(Format::Sarif, &handmade_report(&base), &base)).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();

    let fix = &results[0]["fixes"][0];
    assert_eq!(fix["description"]["text"], "quote it");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "\"Yes\"");
    let deleted = &replacement["deletedRegion"];
    assert_eq!(
        (
            &deleted["startLine"],
            &deleted["startColumn"],
            &deleted["endColumn"]
        ),
        (&2.into(), &8.into(), &11.into())
    );

    let related = &results[1]["relatedLocations"][0]["physicalLocation"];
    let outside_uri =
        url::Url::from_file_path(base.parent().unwrap().join("outside/2024-01-01-other.md"))
            .unwrap()
            .to_string();
    assert_eq!(related["artifactLocation"]["uri"], outside_uri.as_str());
    assert!(related["artifactLocation"].get("uriBaseId").is_none());
    // Another file's text is not at hand: the region has its start only.
    assert!(related["region"].get("endColumn").is_none());

    let outside = &results[2]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(outside["uri"], outside_uri.as_str());
}

/// The hand-made report plus two fixes that rename the file: one rename alone, one with an
/// edit.
fn report_with_renames(base: &Path) -> Report {
    let mut report = handmade_report(base);
    let file = &mut report.files[0];
    let mut rename_only = file.diagnostics[0].clone();
    rename_only.code = "FL301";
    rename_only.rule = "invalid-post-filename";
    rename_only.fix = Some(Fix::rename(
        "rename the file to `2024-02-01-hand-made.md`",
        "2024-02-01-hand-made.md",
    ));
    let mut edit_and_rename = file.diagnostics[0].clone();
    edit_and_rename.code = "FL303";
    edit_and_rename.rule = "date-mismatch";
    let mut fix = Fix::rename("rename and edit", "2024-02-02-hand.md");
    fix.edits = vec![Edit::new(0..3, "---")];
    edit_and_rename.fix = Some(fix);
    file.diagnostics.push(rename_only);
    file.diagnostics.push(edit_and_rename);
    report
}

/// SARIF 2.1.0 has no way to move a file (a fix only replaces regions of existing files):
/// fixes that rename are left out, the output stays valid, other fixes stay.
#[test]
fn sarif_leaves_out_fixes_that_rename() {
    let base = scratch_base();
    let log: Value =
        serde_json::from_str(&render(Format::Sarif, &report_with_renames(&base), &base)).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let by_rule = |code: &str| {
        results
            .iter()
            .find(|r| r["ruleId"] == code)
            .unwrap_or_else(|| panic!("no {code} result"))
    };
    assert!(by_rule("FL107")["fixes"].is_array());
    assert!(by_rule("FL301").get("fixes").is_none());
    assert!(by_rule("FL303").get("fixes").is_none());
    // The help names the new file; the result still says what to do.
    assert!(
        by_rule("FL301")["message"]["text"]
            .as_str()
            .unwrap()
            .contains("help:")
    );
}

/// JSON's `fix` carries the rename: the new name and the new path (`null` without one).
#[test]
fn json_fix_carries_the_rename() {
    let base = scratch_base();
    let json: Value =
        serde_json::from_str(&render(Format::Json, &report_with_renames(&base), &base)).unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let fix_of = |code: &str| &diagnostics.iter().find(|d| d["code"] == code).unwrap()["fix"];
    assert_eq!(fix_of("FL107")["rename"], Value::Null);
    assert_eq!(
        fix_of("FL301")["rename"],
        serde_json::json!({
            "new_name": "2024-02-01-hand-made.md",
            "new_path": "_posts/2024-02-01-hand-made.md",
        })
    );
    assert_eq!(fix_of("FL301")["applicability"], "unsafe");
    assert_eq!(fix_of("FL301")["edits"], serde_json::json!([]));
    assert_eq!(
        fix_of("FL303")["edits"][0]["replacement"],
        "---",
        "edits and a rename in one fix"
    );
}

// ---------------------------------------------------------------------------------------
// GitHub

/// Undo the toolkit's escaping (`%25` last, so `%250A` stays `%0A`).
fn unescape(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_commands_escape_properties_and_messages() {
    let (_, output) = check_sample("formats-github-escape", "github");
    let odd = output
        .lines()
        .find(|line| line.starts_with("::notice "))
        .expect("the info diagnostic is a notice");
    let (properties, message) = odd["::notice ".len()..].split_once("::").unwrap();
    let file = properties
        .split(',')
        .find_map(|p| p.strip_prefix("file="))
        .unwrap();
    assert_eq!(file, "_posts/2024-01-03-odd%2C name%3A 100%25.md");
    assert_eq!(unescape(file), ODD_NAME);
    assert!(unescape(message).starts_with("unknown field `<&>\"'\u{1}%`\nhelp: "));
    // One command per line: no raw line break can end a command early.
    assert_eq!(output.lines().count(), 5);
}

#[test]
fn github_sends_columns_only_for_single_line_ranges() {
    let base = scratch_base();
    let output = render(Format::Github, &handmade_report(&base), &base);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        "::error file=_posts/2024-02-01-hand.md,line=2,endLine=2,col=8,endColumn=11,\
         title=FL107 implicit-yaml-type::Jekyll reads `Yes` as true%0Ahelp: help with <&> \
         and 100%25%0D%0Asecond line"
    );
    assert!(
        lines[1].starts_with(
            "::warning file=_posts/2024-02-01-hand.md,line=3,endLine=4,title=FL104 duplicate-key::two lines, with a quote \" and a colon: here, and a comma"
        ),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("::notice file=/"), "{}", lines[2]);
}

// ---------------------------------------------------------------------------------------
// GitLab

fn gitlab_issues(report: &Report, base: &Path) -> Vec<Value> {
    serde_json::from_str(&render(Format::Gitlab, report, base)).unwrap()
}

/// Lint texts as files of one site (with the default `jekyll` preset).
fn lint(files: &[(&str, &str)]) -> Report {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats-lint");
    let config = Config::default_for(&root).unwrap();
    let files = files
        .iter()
        .filter_map(|(path, text)| {
            let (post, diagnostics) = engine::lint_text(path, path, text, &config);
            (!diagnostics.is_empty()).then(|| FileReport {
                path: post.source.path.clone(),
                source: Some(post.source),
                diagnostics,
            })
        })
        .collect();
    Report {
        files,
        files_checked: 1,
        elapsed: Duration::ZERO,
        ..Report::default()
    }
}

/// (code, message, line, fingerprint) of each issue.
fn fingerprinted(issues: &[Value]) -> Vec<(String, String, u64, String)> {
    issues
        .iter()
        .map(|issue| {
            (
                issue["check_name"].as_str().unwrap().to_owned(),
                issue["description"].as_str().unwrap().to_owned(),
                issue["location"]["positions"]["begin"]["line"]
                    .as_u64()
                    .unwrap(),
                issue["fingerprint"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const SHIFTING: &str = "---\ntitle: é🦀 x\ntitle: again\ntitle: again\ncode: 1:20\n\
                        reference: 0755\n---\n";

#[test]
fn gitlab_fingerprints_survive_unrelated_lines_above() {
    let base = scratch_base();
    let before = lint(&[("_posts/2024-01-01-a.md", SHIFTING)]);
    // Unrelated lines added above the problems: a new field, comments, a blank line.
    let shifted_text = SHIFTING.replacen(
        "---\n",
        "---\n# edited in the CMS\nlayout: post\n\ndescription: new\n",
        1,
    );
    let after = lint(&[("_posts/2024-01-01-a.md", &shifted_text)]);
    let before = fingerprinted(&gitlab_issues(&before, &base));
    let after = fingerprinted(&gitlab_issues(&after, &base));
    assert!(before.len() >= 4, "{before:?}");
    assert_eq!(before.len(), after.len(), "{before:?}\n{after:?}");
    for (old, new) in before.iter().zip(&after) {
        assert_eq!((&old.0, &old.1), (&new.0, &new.1));
        assert_eq!(new.2, old.2 + 4, "the problem moved down four lines");
        assert_eq!(old.3, new.3, "fingerprint of {old:?} changed");
    }

    // CRLF line endings are not a different problem either.
    let crlf = lint(&[("_posts/2024-01-01-a.md", &SHIFTING.replace('\n', "\r\n"))]);
    let crlf = fingerprinted(&gitlab_issues(&crlf, &base));
    let prints = |issues: &[(String, String, u64, String)]| {
        issues.iter().map(|i| i.3.clone()).collect::<Vec<_>>()
    };
    assert_eq!(prints(&crlf), prints(&before));
}

#[test]
fn gitlab_fingerprints_are_unique() {
    let base = scratch_base();
    // The same duplicate key three times over: identical code, message and text.
    let same = "---\ntitle: a\ntitle: a\ntitle: a\ntitle: a\n---\n";
    let report = lint(&[
        ("_posts/2024-01-01-a.md", same),
        ("_posts/2024-01-02-b.md", same),
        ("_posts/2024-01-03-c.md", SHIFTING),
    ]);
    let issues = fingerprinted(&gitlab_issues(&report, &base));
    assert!(issues.len() >= 8, "{issues:?}");
    let unique: HashSet<&String> = issues.iter().map(|i| &i.3).collect();
    assert_eq!(unique.len(), issues.len(), "{issues:?}");
    for issue in &issues {
        assert_eq!(issue.3.len(), 32);
        assert!(issue.3.chars().all(|c| c.is_ascii_hexdigit()));
    }

    // And across every fixture site of the test suite.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut configs = frontlint::discover::ConfigCache::new(None).unwrap();
    let targets = frontlint::discover::discover(&[fixtures], &mut configs).unwrap();
    let report = engine::run(
        &targets,
        engine::RunOptions {
            keep_sources: true,
            ..Default::default()
        },
    );
    let issues = gitlab_issues(&report, Path::new(env!("CARGO_MANIFEST_DIR")));
    let unique: HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert!(issues.len() > 20);
    assert_eq!(unique.len(), issues.len());
}

// ---------------------------------------------------------------------------------------
// JUnit and checkstyle

/// The attribute of the first element named `tag` that has it.
fn attributes<'a>(doc: &'a roxmltree::Document<'a>, tag: &str, name: &str) -> Vec<&'a str> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag))
        .filter_map(|n| n.attribute(name))
        .collect()
}

#[test]
fn checkstyle_is_well_formed_and_reads_back_exactly() {
    let base = scratch_base();
    let xml = render(Format::Checkstyle, &handmade_report(&base), &base);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name("checkstyle"));
    let names = attributes(&doc, "file", "name");
    assert_eq!(names[0], "_posts/2024-02-01-hand.md");
    let messages = attributes(&doc, "error", "message");
    assert_eq!(
        messages,
        [
            "Jekyll reads `Yes` as true",
            "two lines, with a quote \" and a colon: here, and a comma",
            // U+0001 cannot be written in XML 1.0 at all; it becomes U+FFFD.
            "control \u{FFFD} char and <&>\"'",
        ]
    );
    assert_eq!(
        attributes(&doc, "error", "severity"),
        ["error", "warning", "info"]
    );
    assert_eq!(
        attributes(&doc, "error", "source"),
        ["frontlint.FL107", "frontlint.FL104", "frontlint.FL903"]
    );
}

#[test]
fn checkstyle_and_junit_parse_on_the_sample_site() {
    for format in ["checkstyle", "junit"] {
        let (_, output) = check_sample(&format!("formats-xml-{format}"), format);
        let doc = roxmltree::Document::parse(&output)
            .unwrap_or_else(|e| panic!("{format}: {e}\n{output}"));
        let paths = match format {
            "checkstyle" => attributes(&doc, "file", "name"),
            _ => attributes(&doc, "testcase", "classname"),
        };
        assert!(paths.contains(&ODD_NAME), "{format}: {paths:?}");
        // Messages are attributes; junit's passing testcases list them in <system-out>.
        let text = doc
            .descendants()
            .filter_map(|n| match n.has_tag_name("system-out") {
                true => n.text(),
                false => n.attribute("message"),
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            text.contains("unknown field `<&>\"'\u{FFFD}%`"),
            "{format}: {text}"
        );
    }
}

#[test]
fn junit_has_one_suite_and_a_case_per_rule_and_file() {
    let base = scratch_base();
    let mut report = handmade_report(&base);
    // A second FL107 in the same file joins the first one's testcase.
    let mut again = report.files[0].diagnostics[0].clone();
    again.message = "second\r\nmessage with\ttab".to_owned();
    report.files[0].diagnostics.push(again);
    let xml = render(Format::Junit, &report, &base);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .count(),
        1
    );
    let cases: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| {
            (
                n.attribute("classname").unwrap(),
                n.attribute("name").unwrap(),
            )
        })
        .collect();
    let outside = base.parent().unwrap().join("outside/2024-01-01-other.md");
    assert_eq!(
        cases,
        [
            ("_posts/2024-02-01-hand.md", "FL104 duplicate-key"),
            ("_posts/2024-02-01-hand.md", "FL107 implicit-yaml-type"),
            (outside.to_str().unwrap(), "FL903 empty-file"),
        ]
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    // Only the error fails: the warning and the info do not fail the run (exit status 0
    // without them), so their testcases pass and list them in <system-out>.
    assert_eq!(suite.attribute("tests"), Some("3"));
    assert_eq!(suite.attribute("failures"), Some("1"));
    let failures: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].attribute("type"), Some("error"));
    assert_eq!(
        failures[0].attribute("message"),
        Some("2 problems; the first at line 2: Jekyll reads `Yes` as true")
    );
    // Text content keeps `\r` and `<&>` exactly.
    let body = failures[0].text().unwrap();
    assert!(
        body.contains("help: help with <&> and 100%\r\nsecond line"),
        "{body:?}"
    );
    assert!(body.contains("second\r\nmessage with\ttab"), "{body:?}");
    let passed: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("system-out"))
        .collect();
    assert_eq!(passed.len(), 2);
    let related = passed[0].text().unwrap();
    assert!(related.contains("warning: two lines"), "{related:?}");
    assert!(related.contains("also published here: /"), "{related:?}");

    // More warnings than --max-warnings allows fail the run, and their testcase with it.
    let mut options = ReportOptions::new(PrettyOptions::default(), Some(&base));
    options.warnings_fail = true;
    let mut out = Vec::new();
    report::write_with(Format::Junit, &report, &options, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let failed: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .map(|n| n.attribute("type").unwrap())
        .collect();
    assert_eq!(failed, ["warning", "error"]);
}

/// A run with warnings only exits 0, and its JUnit report has no failed test; with
/// `--max-warnings 0` it exits 1 and the warning is a failure.
#[test]
fn junit_fails_a_testcase_exactly_when_the_run_fails() {
    let dir = site(
        "formats-junit-warnings",
        &[(
            "_posts/2024-01-01-typo.md",
            "---\ntitle: A\npermlink: /a/\n---\n",
        )],
    );
    for (args, status, failures) in [
        (&["check", "--format", "junit"][..], 0, "0"),
        (
            &["check", "--format", "junit", "--max-warnings", "0"][..],
            1,
            "1",
        ),
    ] {
        let output = frontlint(&dir, args);
        assert_eq!(output.status.code(), Some(status), "{args:?}");
        let xml = stdout(&output);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let suite = doc
            .descendants()
            .find(|n| n.has_tag_name("testsuite"))
            .unwrap();
        assert_eq!(
            suite.attribute("failures"),
            Some(failures),
            "{args:?}: {xml}"
        );
        assert_eq!(suite.attribute("tests"), Some("1"), "{args:?}: {xml}");
    }
}

#[test]
fn junit_of_a_clean_run_is_one_passing_case() {
    let dir = site(
        "formats-junit-clean",
        &[(
            "_posts/2024-01-01-good.md",
            "---\ntitle: Good\nlayout: post\n---\n",
        )],
    );
    let output = frontlint(&dir, &["check", "--format", "junit"]);
    assert_eq!(output.status.code(), Some(0));
    let xml = stdout(&output);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 1);
    assert!(cases[0].children().all(|c| !c.has_tag_name("failure")));
    assert_eq!(attributes(&doc, "property", "value"), ["1"]);
}

// ---------------------------------------------------------------------------------------
// --output-file

#[test]
fn output_file_receives_the_report_and_stdout_stays_empty() {
    let dir = site("formats-output-file", &sample_files());
    std::fs::create_dir_all(dir.join("reports")).unwrap();
    let output = frontlint(
        &dir,
        &[
            "check",
            "--format",
            "sarif",
            "--output-file",
            "reports/frontlint.sarif",
            ".",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("Checked 6 files"),
        "{}",
        stderr(&output)
    );
    let written = std::fs::read_to_string(dir.join("reports/frontlint.sarif")).unwrap();
    assert_valid_sarif(&serde_json::from_str(&written).unwrap());

    // Written again: replaced whole, and no temporary file is left beside it.
    let output = frontlint(
        &dir,
        &[
            "check",
            "-o",
            "reports/frontlint.sarif",
            "_posts/2024-01-06-empty.md",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rewritten = std::fs::read_to_string(dir.join("reports/frontlint.sarif")).unwrap();
    // Without --format, a file gets the concise format (it is not a terminal).
    assert_eq!(
        rewritten,
        "_posts/2024-01-06-empty.md:1:1: FL903 [warning] this file is empty\n"
    );
    let entries: Vec<String> = std::fs::read_dir(dir.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["frontlint.sarif"]);
}

#[test]
fn json_to_a_file_still_prints_the_summary() {
    let dir = site("formats-output-json", &sample_files());
    let output = frontlint(&dir, &["check", "--format", "json", "-o", "report.json"]);
    assert!(
        stderr(&output).contains("Checked 6 files"),
        "{}",
        stderr(&output)
    );
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
}

#[test]
fn an_unwritable_output_file_is_exit_2() {
    let dir = site("formats-output-missing", &sample_files());
    let output = frontlint(&dir, &["check", "-o", "no/such/folder/report.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot write no/such/folder/report.txt"),
        "{}",
        stderr(&output)
    );
}
