//! The unsafe fixes of the date and permalink rules (`--fix --unsafe-fixes`): what each does
//! to a small site, that every byte outside the edits is kept (BOM, CRLF, no final newline),
//! that a second run changes nothing, that safe `--fix` never applies them, how renames are
//! refused, shown by `--diff` (and applied by `git apply`), left out for standard input, and —
//! with Ruby and Jekyll installed — that Jekyll publishes the fixed site as intended.

#[allow(dead_code)]
#[path = "jekyll_model_oracle/ruby.rs"]
mod ruby;

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};
use support::{frontlint, frontlint_with_stdin, site_bytes as site};

/// Every file under `dir` (relative path, `/`-separated) with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy();
                out.insert(relative.replace('\\', "/"), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const CONFIG: &[u8] = b"timezone: Asia/Singapore\n";
const FRONTLINT: &[u8] = b"\
rules:
  permalink-slug-mismatch: warning
collections:
  - name: media
    paths: \"media/_posts/**\"
    permalink-template: /media/:year-:month-:day-:slug/
";

/// One post per fix, and two the fixes must leave alone. (The dates and names are modelled on
/// the corpora: mlaw's Statute Law Reform Bill speech, govtech's technews file names, mse's
/// `022-11-09` reply.)
fn sample_site() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("_config.yml", CONFIG),
        (".frontlint.yml", FRONTLINT),
        // date-mismatch: a year typed wrong; BOM, CRLF and no final newline are kept.
        (
            "_posts/2021-01-05-statute-law-reform.md",
            b"\xef\xbb\xbf---\r\ntitle: Statute Law Reform Bill\r\ndate: 2020-01-05\r\n---\r\nBody",
        ),
        // date-mismatch: written in New York, the day after in Singapore.
        (
            "_posts/2022-07-04-new-york.md",
            b"---\ntitle: Written in New York\ndate: 2022-07-04 23:30:00 -05:00\n---\n",
        ),
        // date-mismatch: a quoted date and time without seconds keeps its shape.
        (
            "_posts/2022-07-05-quoted.md",
            b"---\ntitle: Quoted\ndate: \"2022-07-04 10:00\"\n---\n",
        ),
        // invalid-post-filename: day first.
        (
            "_posts/15-08-2019-ecanvas.md",
            b"---\ntitle: A team built an e-canvas\n---\n",
        ),
        // invalid-post-filename: no date in the name, one in the front matter.
        (
            "_posts/spot-robot.md",
            b"---\ntitle: Spot robot trial\ndate: 2020-05-08\n---\n",
        ),
        // invalid-post-filename: day first or month first? Nothing says: left alone.
        (
            "_posts/05-08-2019-ambiguous.md",
            b"---\ntitle: Ambiguous\n---\n",
        ),
        // suspicious-filename-date: a two-digit year, nothing else to go by.
        (
            "_posts/14-03-19-white-hacker.md",
            b"---\ntitle: White hacker\n---\n",
        ),
        // suspicious-filename-date: the year 22, the permalink says 2022.
        (
            "_posts/022-11-09-recycling.md",
            b"---\ntitle: Recycling\npermalink: /news/2022-11-09-recycling/\n---\n",
        ),
        // permalink-date-mismatch: the file name and the date agree, the URL does not.
        (
            "_posts/2020-11-02-apostille.md",
            b"---\ntitle: Apostille Bill\ndate: 2020-11-02\npermalink: /news/2020-10-05-apostille/\n---\n",
        ),
        // permalink-slug-mismatch: copied from another post.
        (
            "_posts/2024-01-12-copied.md",
            b"---\ntitle: Copied\npermalink: /news/first-post/\n---\n",
        ),
        // permalink-template-mismatch: the collection's template wants the date.
        (
            "media/_posts/2024-03-08-budget.md",
            b"---\ntitle: Budget\npermalink: \"/media/budget/\"\n---\n",
        ),
    ]
}

/// What `--fix --unsafe-fixes` makes of `sample_site`: (path, bytes) of every changed or
/// renamed file.
fn fixed_sample() -> Vec<(&'static str, &'static [u8])> {
    vec![
        (
            "_posts/2021-01-05-statute-law-reform.md",
            b"\xef\xbb\xbf---\r\ntitle: Statute Law Reform Bill\r\ndate: 2021-01-05\r\n---\r\nBody",
        ),
        (
            "_posts/2022-07-04-new-york.md",
            b"---\ntitle: Written in New York\ndate: 2022-07-04 23:30:00 +08:00\n---\n",
        ),
        (
            "_posts/2022-07-05-quoted.md",
            b"---\ntitle: Quoted\ndate: \"2022-07-05 10:00\"\n---\n",
        ),
        (
            "_posts/2019-08-15-ecanvas.md",
            b"---\ntitle: A team built an e-canvas\n---\n",
        ),
        (
            "_posts/2020-05-08-spot-robot.md",
            b"---\ntitle: Spot robot trial\ndate: 2020-05-08\n---\n",
        ),
        (
            "_posts/2014-03-19-white-hacker.md",
            b"---\ntitle: White hacker\n---\n",
        ),
        (
            "_posts/2022-11-09-recycling.md",
            b"---\ntitle: Recycling\npermalink: /news/2022-11-09-recycling/\n---\n",
        ),
        (
            "_posts/2020-11-02-apostille.md",
            b"---\ntitle: Apostille Bill\ndate: 2020-11-02\npermalink: /news/2020-11-02-apostille/\n---\n",
        ),
        (
            "_posts/2024-01-12-copied.md",
            b"---\ntitle: Copied\npermalink: /news/copied/\n---\n",
        ),
        (
            "media/_posts/2024-03-08-budget.md",
            b"---\ntitle: Budget\npermalink: \"/media/2024-03-08-budget/\"\n---\n",
        ),
    ]
}

/// The renames `fixed_sample` implies (old path -> new path).
const RENAMES: [(&str, &str); 4] = [
    (
        "_posts/15-08-2019-ecanvas.md",
        "_posts/2019-08-15-ecanvas.md",
    ),
    ("_posts/spot-robot.md", "_posts/2020-05-08-spot-robot.md"),
    (
        "_posts/14-03-19-white-hacker.md",
        "_posts/2014-03-19-white-hacker.md",
    ),
    (
        "_posts/022-11-09-recycling.md",
        "_posts/2022-11-09-recycling.md",
    ),
];

fn expected_after_fix() -> BTreeMap<String, Vec<u8>> {
    let mut expected: BTreeMap<String, Vec<u8>> = sample_site()
        .into_iter()
        .map(|(path, bytes)| (path.to_owned(), bytes.to_vec()))
        .collect();
    for (old, _) in RENAMES {
        expected.remove(old);
    }
    for (path, bytes) in fixed_sample() {
        expected.insert(path.to_owned(), bytes.to_vec());
    }
    expected
}

#[test]
fn unsafe_fixes_fix_each_rule_and_keep_every_other_byte() {
    let dir = site("unsafe-sample", &sample_site());
    let output = frontlint(
        &dir,
        &["check", "--fix", "--unsafe-fixes", "--format", "concise"],
    );
    let after = contents(&dir);
    let expected = expected_after_fix();
    for (path, bytes) in &expected {
        let found = after
            .get(path)
            .unwrap_or_else(|| panic!("{path} is missing; files: {:?}", after.keys()));
        assert_eq!(text(found), text(bytes), "{path}");
    }
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    // Each rename is announced; what remains is the post nothing can settle.
    let messages = stderr(&output);
    for (old, new) in RENAMES {
        assert!(
            messages.contains(&format!("renamed {old} to {new}")),
            "{messages}"
        );
    }
    let remaining = stdout(&output);
    assert_eq!(
        remaining.lines().count(),
        1,
        "only the ambiguous name: {remaining}"
    );
    assert!(
        remaining.contains("05-08-2019-ambiguous.md") && remaining.contains("FL301"),
        "{remaining}"
    );
    assert_eq!(output.status.code(), Some(1), "{messages}");

    // Idempotent: a second run changes nothing and has nothing to show.
    frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    assert_eq!(contents(&dir), after);
    let diff = frontlint(&dir, &["check", "--diff", "--unsafe-fixes"]);
    assert_eq!(stdout(&diff), "");
    // Nothing to show, but the ambiguous name is still an error: `--diff` fails as `check`.
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert!(
        stderr(&diff).contains("0 fixes available in 0 files; 1 error"),
        "{}",
        stderr(&diff)
    );
}

#[test]
fn safe_fix_never_applies_unsafe_fixes() {
    let dir = site("unsafe-safe-only", &sample_site());
    let before = contents(&dir);
    let output = frontlint(&dir, &["check", "--fix", "--format", "concise"]);
    assert_eq!(contents(&dir), before, "nothing safe to fix in the sample");
    assert!(!stderr(&output).contains("renamed"), "{}", stderr(&output));
    // The diagnostics are still there for the user to choose.
    let reported = stdout(&output);
    for code in ["FL301", "FL302", "FL303", "FL304", "FL404", "FL405"] {
        assert!(reported.contains(code), "{code} not reported: {reported}");
    }
    let diff = frontlint(&dir, &["check", "--diff"]);
    assert_eq!(stdout(&diff), "");
    // No safe fix to show, and the errors left for the user: exit 1, as `check` alone.
    assert_eq!(diff.status.code(), Some(1));
}

#[test]
fn front_matter_as_source_of_truth_renames_the_file() {
    let config: &[u8] = b"rules:\n  date-mismatch:\n    source-of-truth: front-matter\n";
    let post: &[u8] = b"---\r\ntitle: Statute Law Reform Bill\r\ndate: 2020-01-05\r\n---\r\n";
    let dir = site(
        "unsafe-front-matter-truth",
        &[
            ("_config.yml", CONFIG),
            (".frontlint.yml", config),
            ("_posts/2021-01-05-statute-law-reform.md", post),
        ],
    );
    let output = frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    let after = contents(&dir);
    assert!(!after.contains_key("_posts/2021-01-05-statute-law-reform.md"));
    assert_eq!(
        after["_posts/2020-01-05-statute-law-reform.md"], post,
        "renamed, not edited"
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_rename_never_replaces_an_existing_file() {
    let dir = site(
        "unsafe-rename-refused",
        &[
            ("_posts/15-08-2019-ecanvas.md", b"---\ntitle: Mine\n---\n"),
            ("_posts/2019-08-15-ecanvas.md", b"---\ntitle: Theirs\n---\n"),
        ],
    );
    let before = contents(&dir);
    let output = frontlint(
        &dir,
        &["check", "--fix", "--unsafe-fixes", "--format", "concise"],
    );
    assert_eq!(contents(&dir), before);
    assert!(
        stderr(&output).contains(
            "warning: _posts/15-08-2019-ecanvas.md: not renamed to _posts/2019-08-15-ecanvas.md: a file with that name exists"
        ),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("FL301"),
        "the problem stays reported"
    );
    assert_eq!(output.status.code(), Some(1));
    // --diff shows nothing it could not do, and says why.
    let diff = frontlint(&dir, &["check", "--diff", "--unsafe-fixes"]);
    assert_eq!(stdout(&diff), "");
    assert!(stderr(&diff).contains("not renamed"), "{}", stderr(&diff));
}

/// Two files fixed to the same name in one run: the files are fixed in parallel and each saw
/// the name free, so only the kernel's refusal keeps the second from replacing the first.
#[test]
fn two_files_renamed_to_one_name_keep_both() {
    let dir = site(
        "unsafe-rename-race",
        &[
            ("_posts/15-08-2019-ecanvas.md", b"---\ntitle: One\n---\n"),
            ("_posts/15-8-2019-ecanvas.md", b"---\ntitle: Two\n---\n"),
        ],
    );
    let output = frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    let after = contents(&dir);
    assert_eq!(after.len(), 2, "{:?}", after.keys());
    let renamed = text(&after["_posts/2019-08-15-ecanvas.md"]);
    let stayed: Vec<&String> = after
        .keys()
        .filter(|k| k.as_str() != "_posts/2019-08-15-ecanvas.md")
        .collect();
    assert_eq!(stayed.len(), 1);
    let kept = text(&after[stayed[0]]);
    assert_ne!(renamed, kept, "both texts survive");
    assert!(
        stderr(&output).contains("not renamed to _posts/2019-08-15-ecanvas.md"),
        "{}",
        stderr(&output)
    );
}

const EDIT_AND_RENAME: &[u8] = b"---\ntitle: No\n---\nText\n";

#[test]
fn diff_shows_an_edit_and_a_rename_as_git_does() {
    let dir = site(
        "unsafe-diff",
        &[("_posts/15-08-2019-ecanvas.md", EDIT_AND_RENAME)],
    );
    let output = frontlint(&dir, &["check", "--diff", "--unsafe-fixes"]);
    assert_eq!(
        stdout(&output),
        "\
diff --git a/_posts/15-08-2019-ecanvas.md b/_posts/2019-08-15-ecanvas.md
rename from _posts/15-08-2019-ecanvas.md
rename to _posts/2019-08-15-ecanvas.md
--- a/_posts/15-08-2019-ecanvas.md
+++ b/_posts/2019-08-15-ecanvas.md
@@ -1,4 +1,4 @@
 ---
-title: No
+title: \"No\"
 ---
 Text
"
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("2 fixes available in 1 file"),
        "{}",
        stderr(&output)
    );
    // Nothing written.
    assert_eq!(
        contents(&dir).keys().collect::<Vec<_>>(),
        ["_posts/15-08-2019-ecanvas.md"]
    );

    // `git apply` reads it as a rename and gives what `--fix` writes.
    if Command::new("git").arg("--version").output().is_err() {
        support::skip("the git apply check", "git is not installed");
        return;
    }
    let patch = dir.join("fix.patch");
    std::fs::write(&patch, output.stdout).unwrap();
    // Outside any repository: inside one, git applies paths relative to its top folder.
    let applied = Command::new("git")
        .args(["apply", "fix.patch"])
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(applied.status.success(), "{}", stderr(&applied));
    std::fs::remove_file(&patch).unwrap();
    let by_git = contents(&dir);
    let fixed = site(
        "unsafe-diff-fixed",
        &[("_posts/15-08-2019-ecanvas.md", EDIT_AND_RENAME)],
    );
    frontlint(&fixed, &["check", "--fix", "--unsafe-fixes"]);
    assert_eq!(by_git, contents(&fixed));
}

#[test]
fn stdin_leaves_renames_out_and_says_so() {
    let dir = site("unsafe-stdin", &[]);
    let output = frontlint_with_stdin(
        &dir,
        &[
            "check",
            "-",
            "--stdin-filename",
            "_posts/15-08-2019-ecanvas.md",
            "--fix",
            "--unsafe-fixes",
        ],
        EDIT_AND_RENAME,
    );
    assert_eq!(stdout(&output), "---\ntitle: \"No\"\n---\nText\n");
    assert!(
        stderr(&output).contains(
            "note: _posts/15-08-2019-ecanvas.md: not renamed to `2019-08-15-ecanvas.md` (FL301): standard input has no file to rename"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_reports_the_rename() {
    let dir = site(
        "unsafe-json",
        &[("_posts/15-08-2019-ecanvas.md", EDIT_AND_RENAME)],
    );
    let output = frontlint(&dir, &["check", "--format", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let fl301 = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "FL301")
        .unwrap();
    assert_eq!(
        fl301["fix"],
        json!({
            "title": "rename the file to `2019-08-15-ecanvas.md`",
            "applicability": "unsafe",
            "edits": [],
            "rename": {
                "new_name": "2019-08-15-ecanvas.md",
                "new_path": "_posts/2019-08-15-ecanvas.md",
            },
        })
    );
}

/// Reads a site with Jekyll: every post's source path, date and URL.
const POSTS_RB: &str = r#"
Jekyll.logger.log_level = :error
site = Jekyll::Site.new(Jekyll.configuration(
  "source" => INPUT["root"], "destination" => File.join(INPUT["root"], "_site"),
  "quiet" => true, "disable_disk_cache" => true))
site.read
out = site.posts.docs.map do |doc|
  [doc.relative_path, { "day" => doc.date.strftime("%Y-%m-%d"), "url" => doc.url }]
end.to_h
File.write(ARGV[1], JSON.generate(out))
"#;

fn jekyll_posts(test: &str, dir: &Path) -> Option<BTreeMap<String, (String, String)>> {
    let answer = ruby::run(test, POSTS_RB, &json!({ "root": dir }))?;
    Some(
        answer
            .as_object()
            .unwrap()
            .iter()
            .map(|(path, facts)| {
                let field = |key: &str| facts[key].as_str().unwrap().to_owned();
                (path.clone(), (field("day"), field("url")))
            })
            .collect(),
    )
}

/// Jekyll on the fixed sample: the renamed posts are published, every post's date is its
/// file name's date, every date in a URL is its post's date, the template URL is followed.
#[test]
fn jekyll_publishes_the_fixed_site_as_intended() {
    let dir = site("unsafe-jekyll", &sample_site());
    let Some(before) = jekyll_posts("unsafe_fixes_before", &dir) else {
        return;
    };
    for (old, _) in RENAMES.iter().take(2) {
        assert!(!before.contains_key(*old), "Jekyll skips {old} before");
    }
    frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    let after = jekyll_posts("unsafe_fixes_after", &dir).expect("ruby ran before");
    for (_, new) in RENAMES {
        assert!(after.contains_key(new), "Jekyll publishes {new}: {after:?}");
    }
    for (path, (day, url)) in &after {
        let name = path.rsplit('/').next().unwrap();
        if name.starts_with("05-08-2019") {
            continue;
        }
        assert_eq!(
            &name[..10],
            day,
            "{path}: the file name's date is the post's"
        );
        // `/2014/03/19/…` (the default style) or `/news/2022-11-09-…`.
        if let Some(at) = url.find(|c: char| c.is_ascii_digit()) {
            assert_eq!(url[at..at + 10].replace('/', "-"), *day, "{path}: {url}");
        }
    }
    assert_eq!(
        after["media/_posts/2024-03-08-budget.md"].1,
        "/media/2024-03-08-budget/"
    );
    // A rename for the two-digit year keeps what Jekyll published.
    assert_eq!(
        after["_posts/2014-03-19-white-hacker.md"],
        before["_posts/14-03-19-white-hacker.md"]
    );
}

/// With the front matter as the source of truth, Jekyll publishes the renamed post exactly
/// as before: same date, same URL.
#[test]
fn jekyll_sees_no_change_when_the_front_matter_is_the_truth() {
    let config: &[u8] = b"rules:\n  date-mismatch:\n    source-of-truth: front-matter\n";
    let dir = site(
        "unsafe-jekyll-front-matter",
        &[
            ("_config.yml", CONFIG),
            (".frontlint.yml", config),
            (
                "_posts/2022-07-04-new-york.md",
                b"---\ntitle: Written in New York\ndate: 2022-07-04 23:30:00 -05:00\n---\n",
            ),
        ],
    );
    let Some(before) = jekyll_posts("unsafe_fixes_truth_before", &dir) else {
        return;
    };
    frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    let after = jekyll_posts("unsafe_fixes_truth_after", &dir).expect("ruby ran before");
    assert_eq!(
        after["_posts/2022-07-05-new-york.md"],
        before["_posts/2022-07-04-new-york.md"]
    );
}

/// The fix each diagnostic carries in JSON, by file name and code (`null`: none).
fn fixes_by_file(dir: &Path) -> BTreeMap<(String, String), Value> {
    let output = frontlint(dir, &["check", "--format", "json"]);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_owned();
            (
                (name, d["code"].as_str().unwrap().to_owned()),
                d["fix"].clone(),
            )
        })
        .collect()
}

/// Where the right answer is a guess, there is no fix: the day of a timestamp on a site
/// without `timezone`, a front matter date that is none of the readings of a file name, a URL
/// that comes from `_config.yml`, a name with no title after its date.
#[test]
fn no_fix_where_the_answer_is_a_guess() {
    let frontlint_yml: &[u8] = b"\
collections:
  - paths: \"media/_posts/**\"
    permalink-template: /media/:year-:month-:day-:slug/
";
    let dir = site(
        "unsafe-guesses",
        &[
            (".frontlint.yml", frontlint_yml),
            // No `timezone`: the day of 23:30 -05:00 depends on the build machine.
            (
                "_posts/2022-07-04-no-zone.md",
                b"---\ntitle: No zone\ndate: 2022-07-04 23:30:00 -05:00\n---\n",
            ),
            // 2022-12-01 is no reading of 2022-13-01.
            (
                "_posts/2022-13-01-bad-month.md",
                b"---\ntitle: Month thirteen\ndate: 2022-12-01\n---\n",
            ),
            // The URL comes from the site's permalink style.
            (
                "media/_posts/2024-03-08-budget.md",
                b"---\ntitle: Budget\n---\n",
            ),
            ("_posts/2022_01_05.md", b"---\ntitle: No title\n---\n"),
        ],
    );
    let fixes = fixes_by_file(&dir);
    let fix = |name: &str, code: &str| {
        fixes
            .get(&(name.to_owned(), code.to_owned()))
            .unwrap_or_else(|| panic!("{name} {code} not reported: {fixes:?}"))
    };
    assert_eq!(fix("2022-07-04-no-zone.md", "FL303"), &Value::Null);
    assert_eq!(fix("2022-13-01-bad-month.md", "FL302"), &Value::Null);
    assert_eq!(fix("2024-03-08-budget.md", "FL405"), &Value::Null);
    assert_eq!(fix("2022_01_05.md", "FL301"), &Value::Null);
}

/// A front matter date says which reading of a day-first name is meant, and confirms a
/// reading of a two-digit year written backwards.
#[test]
fn the_front_matter_date_settles_a_name() {
    let dir = site(
        "unsafe-settled",
        &[
            (
                "_posts/05-08-2019-may.md",
                b"---\ntitle: May\ndate: 2019-05-08\n---\n",
            ),
            (
                "_posts/14-03-19-backwards.md",
                b"---\ntitle: Backwards\ndate: 2019-03-14\n---\n",
            ),
        ],
    );
    frontlint(&dir, &["check", "--fix", "--unsafe-fixes"]);
    assert_eq!(
        contents(&dir).keys().collect::<Vec<_>>(),
        ["_posts/2019-03-14-backwards.md", "_posts/2019-05-08-may.md"]
    );
}
