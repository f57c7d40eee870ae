//! The README is a test: what it shows a new user must be what frontlint does.
//!
//! - Every `console` block is a transcript: each `$ frontlint ARGS` line is run from the
//!   repository root (ARGS split at spaces, no quoting) and must print, on standard output,
//!   the lines that follow it. A line that is only `…` stands for any number of lines; a `…`
//!   inside a line for any text in it. Output that starts with `{` or `[` is compared as JSON,
//!   so the README may lay it out compactly.
//! - The Rules table lists every rule, in order, with its code, name and default severity,
//!   as one table.
//! - The options table of `check` names every option `frontlint check --help` has.
//!
//! The README is the expected output: when output changes on purpose, the README changes
//! with it. A failure shows the difference, README first.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use frontlint::registry::RULES;

const ELLIPSIS: &str = "…";

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// A fenced code block: its info string's first word, the line of its first content line
/// (1-based) and its lines.
struct Block {
    lang: String,
    first_line: usize,
    lines: Vec<String>,
}

/// Every fenced block (``` or ~~~, three or more; closed by a fence of the same character at
/// least as long, so a block can show a shorter fence inside it).
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Block)> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let fence_len = |c: char| trimmed.chars().take_while(|&x| x == c).count();
        match &mut open {
            Some((fence, block)) => {
                let c = fence.chars().next().unwrap();
                if fence_len(c) >= fence.len() && trimmed.trim_end_matches(c).trim().is_empty() {
                    blocks.push(open.take().unwrap().1);
                } else {
                    block.lines.push(line.to_owned());
                }
            }
            None => {
                for c in ['`', '~'] {
                    let n = fence_len(c);
                    if n >= 3 {
                        let lang = trimmed[n..].split_whitespace().next().unwrap_or("");
                        open = Some((
                            c.to_string().repeat(n),
                            Block {
                                lang: lang.to_owned(),
                                first_line: i + 2,
                                lines: Vec::new(),
                            },
                        ));
                    }
                }
            }
        }
    }
    assert!(open.is_none(), "README.md: a code block is never closed");
    blocks
}

/// One `$ frontlint …` of a console block and the output shown after it.
struct Example {
    line: usize,
    args: Vec<String>,
    expected: Vec<String>,
}

fn examples(block: &Block) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    for (i, line) in block.lines.iter().enumerate() {
        if let Some(command) = line.strip_prefix("$ ") {
            let mut words = command.split_whitespace().map(str::to_owned);
            assert_eq!(
                words.next().as_deref(),
                Some("frontlint"),
                "README.md:{}: a console block runs frontlint only",
                block.first_line + i
            );
            assert!(
                !command.contains(['"', '\'', '\\']),
                "README.md:{}: no quoting in README commands (arguments are split at spaces)",
                block.first_line + i
            );
            examples.push(Example {
                line: block.first_line + i,
                args: words.collect(),
                expected: Vec::new(),
            });
        } else {
            let example = examples.last_mut().unwrap_or_else(|| {
                panic!(
                    "README.md:{}: output before any `$ frontlint` line",
                    block.first_line + i
                )
            });
            example.expected.push(line.clone());
        }
    }
    examples
}

/// Does `actual` match the README line `expected` (`…` for any text)?
fn line_matches(expected: &str, actual: &str) -> bool {
    let parts: Vec<&str> = expected.split(ELLIPSIS).collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return expected == actual;
    };
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// Do the README lines match the output lines (a `…` line for any lines)?
fn lines_match(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == ELLIPSIS => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| line_matches(first, line) && lines_match(rest, more)),
    }
}

/// The output as the README would show it: lines a README line matches are written as that
/// line, and lines a `…` line stands for as that `…`, so the diff shows only real differences.
fn as_shown(expected: &[String], actual: &[&str]) -> Vec<String> {
    let mut shown = Vec::new();
    let mut at = 0;
    for (i, line) in expected.iter().enumerate() {
        if line == ELLIPSIS {
            let next = expected[i + 1..].iter().find(|l| *l != ELLIPSIS);
            let resume = match next {
                Some(next) => actual[at..]
                    .iter()
                    .position(|a| line_matches(next, a))
                    .map_or(actual.len(), |p| at + p),
                None => actual.len(),
            };
            if resume > at {
                shown.push(ELLIPSIS.to_owned());
            }
            at = resume;
        } else if at < actual.len() {
            let out = if line_matches(line, actual[at]) {
                line.clone()
            } else {
                actual[at].to_owned()
            };
            shown.push(out);
            at += 1;
        }
    }
    shown.extend(actual[at..].iter().map(|l| (*l).to_owned()));
    shown
}

fn diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header("README.md", "frontlint")
        .to_string()
}

/// Run one example; `Some(why)` when the output is not what the README shows.
fn check_example(example: &Example) -> Option<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(&example.args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let command = format!("$ frontlint {}", example.args.join(" "));
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !matches!(output.status.code(), Some(0 | 1)) {
        return Some(format!(
            "README.md:{}: `{command}` failed ({}):\n{stderr}",
            example.line, output.status
        ));
    }
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let expected_text = example.expected.join("\n");
    if expected_text.trim_start().starts_with(['{', '[']) {
        let expected: serde_json::Value =
            serde_json::from_str(&expected_text).unwrap_or_else(|e| {
                panic!(
                    "README.md:{}: the JSON shown is not JSON: {e}",
                    example.line
                )
            });
        let actual: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        if expected == actual {
            return None;
        }
        let pretty = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap() + "\n";
        return Some(format!(
            "README.md:{}: `{command}` prints other JSON:\n{}",
            example.line,
            diff(&pretty(&expected), &pretty(&actual))
        ));
    }
    let actual: Vec<&str> = stdout.lines().collect();
    if lines_match(&example.expected, &actual) {
        return None;
    }
    let shown = as_shown(&example.expected, &actual);
    Some(format!(
        "README.md:{}: `{command}` prints something else:\n{}",
        example.line,
        diff(&(expected_text + "\n"), &(shown.join("\n") + "\n"))
    ))
}

#[test]
fn every_console_example_prints_what_the_readme_shows() {
    let readme = readme();
    let examples: Vec<Example> = blocks(&readme)
        .iter()
        .filter(|b| b.lang == "console")
        .flat_map(examples)
        .collect();
    assert!(examples.len() >= 8, "only {} examples", examples.len());
    let failures: Vec<String> = examples.iter().filter_map(check_example).collect();
    assert!(
        failures.is_empty(),
        "The README shows output that frontlint does not print. Update the README (it is the \
         expected output), or fix frontlint:\n\n{}",
        failures.join("\n")
    );
}

/// The rows of the Markdown table under the header line `header`, up to its first non-row.
fn table_rows(readme: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = readme.lines().skip_while(|l| *l != header);
    assert!(lines.next().is_some(), "README.md: no table `{header}`");
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_rules_table_is_one_table_of_every_rule() {
    let rows = table_rows(&readme(), "| code | name | default |");
    let shown: String = rows
        .iter()
        .map(|row| {
            let severity = row[2].split_whitespace().next().unwrap_or("");
            format!("| {} | {} | {severity}\n", row[0], row[1])
        })
        .collect();
    let registered: String = RULES
        .iter()
        .map(|r| {
            format!(
                "| {} | {} | {}\n",
                r.code,
                r.name,
                r.default_severity.as_str()
            )
        })
        .collect();
    assert!(
        shown == registered,
        "README.md's Rules table must be one table of every rule, in the registry's order, \
         with its default severity first:\n{}",
        diff(&shown, &registered)
    );
}

#[test]
fn the_options_table_names_every_option_of_check() {
    let rows = table_rows(&readme(), "| option | meaning |");
    let long_options = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|word| word.starts_with("--") && word.len() > 2)
            .map(str::to_owned)
            .collect()
    };
    let documented: BTreeSet<String> = rows.iter().flat_map(|row| long_options(&row[0])).collect();
    let help = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(["check", "--help"])
        .output()
        .unwrap();
    let mut offered = long_options(&String::from_utf8(help.stdout).unwrap());
    offered.remove("--help");
    offered.remove("--version");
    assert_eq!(
        documented, offered,
        "README.md's options table and `check --help`"
    );
}

#[test]
fn elisions_match_what_they_stand_for_and_nothing_else() {
    let lines = |text: &str| -> Vec<String> { text.lines().map(str::to_owned).collect() };
    assert!(line_matches("a … c", "a b b c"));
    assert!(line_matches("…c", "c"));
    assert!(!line_matches("a…a", "a"));
    assert!(!line_matches("a … c", "a b"));
    assert!(lines_match(&lines("a\n…\nd"), &["a", "b", "c", "d"]));
    assert!(lines_match(&lines("a\n…\nd"), &["a", "d"]));
    assert!(!lines_match(&lines("a\n…\nd"), &["a", "b"]));
    assert!(!lines_match(&lines("a\nb"), &["a", "b", "c"]));
    assert_eq!(
        as_shown(&lines("a\n…\nd\ne"), &["a", "b", "c", "d", "x"]),
        lines("a\n…\nd\nx")
    );
}
