//! Differential test: frontlint's YAML parser must reject exactly the front matter that Ruby's
//! Psych (Jekyll's parser) rejects, at the same line. Cases: tricky hand-written and generated
//! snippets, plus every front matter block of the shared corpora when they are present.

mod support;

use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::front_matter::{Split, split};

/// Ruby: read a JSON array of YAML texts and load each as Jekyll does; print one line per
/// text: `ok`, `error LINE` for a syntax error, `error 0` for an undefined alias. A refused
/// class (a symbol, a custom tag) is `ok` here: the text parses, and `rejected-yaml-value`
/// reports it.
const PSYCH: &str = r#"
require 'json'; require 'yaml'; require 'date'
JSON.parse(File.read(ARGV[0])).each do |text|
  begin
    Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true)
    puts "ok"
  rescue Psych::SyntaxError => e
    puts "error #{e.line}"
  rescue Psych::BadAlias
    puts "error 0"
  rescue Psych::DisallowedClass
    puts "ok"
  end
end
"#;

fn generated_cases() -> Vec<String> {
    let values = [
        "plain text",
        "Budget 2024: what changes",
        "'single'",
        "\"double\"",
        "'it's here'",
        "\"a\" b",
        "@handle",
        "`code`",
        "%percent",
        "&anchor value",
        "*alias",
        "!tag value",
        "| literal",
        "> folded",
        "[Draft] title",
        "{x: 1}",
        "[a, b",
        "{a: 1",
        "- dash",
        "? q",
        "#not a comment",
        "value # comment",
        "a#b",
        "x: y: z",
        "'unclosed",
        "\"unclosed",
        ":smile:",
        ":smile",
        "a:b",
        "http://example.com:8080/x",
        "C:\\path",
        "100%",
        "50% off",
        "\"esc \\x\"",
        "\"tab\\there\"",
        "é🦀 text",
        "~",
        "",
        "'' quoted empty",
        "a, b, c",
        "=equals",
        "<html>",
        "|-",
        ">-",
        "\"multi\n  line\"",
        "plain\n  continued",
        "plain\ncontinued at zero",
        "'single\n  line'",
        "[a,\n  b]",
        "{a: 1,\n  b: 2}",
    ];
    let mut cases = Vec::new();
    for value in values {
        cases.push(format!("---\ntitle: {value}\nlayout: post\n"));
        cases.push(format!("---\nlist:\n  - {value}\n  - other\n"));
        cases.push(format!("---\nnested:\n  key: {value}\nafter: 1\n"));
    }
    let structural = [
        "---\ntitle: x\n  indented: y\n",
        "---\n- a\nb: 1\n",
        "---\ntitle x\nlayout: post\n",
        "---\ntitle:x\n",
        "---\ntitle:\tx\n",
        "---\n\ttitle: x\n",
        "---\ntitle: x\n\tlayout: y\n",
        "---\ntags:\n\t- a\n",
        "---\ndesc: |\n  a\n\tb\n",
        "---\ndesc: |\n  a\n  \tb\n",
        "---\ntitle: a\n  \tb\n",
        "---\ntitle: \"a\n\tb\"\n",
        "---\na: &x 1\nb: *x\n",
        "---\na: *undefined\n",
        "---\n? complex\n: value\n",
        "---\na: 1\na: 2\n",
        "---\n\"key\": v\n",
        "---\nkey with spaces: v\n",
        "---\n: nokey\n",
        "---\ntitle: x\n...\n",
        "---\ntitle: x\n---\n",
        "---\n- - a\n",
        "---\na:\n- b\n- c\n",
        "---\na:\n  - b\n - c\n",
        "---\na: b\n  # comment\nc: d\n",
        "---\ntitle: 'a''b'\n",
        "---\ntitle: \"a\\\"b\"\n",
        "---\na: [1, 2]]\n",
        "---\na: {b: c}}\n",
        "---\n{a: 1}\n",
        "---\n[1, 2]\n",
        "---\njust a string\n",
        "---\n!!str x\n",
        "---\na: !!int 12\n",
        "---\na: !ruby/object:Set {}\n",
        "---\ntitle: x\r\nlayout: y\r\n",
        "---\na: b\t\n",
        "---\ntitle: >\n  folded\n  text\nnext: 1\n",
    ];
    cases.extend(structural.iter().map(|s| s.to_string()));
    cases
}

fn corpus_cases() -> Vec<String> {
    let Some(dir) = support::corpora_dir() else {
        eprintln!("note: ../shared/corpora not found; only generated cases are compared");
        return Vec::new();
    };
    support::markdown_files(&dir)
        .iter()
        .filter_map(|path| {
            let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
            let text = text.trim_start_matches('\u{feff}').to_owned();
            match split(&text) {
                Split::Present(block) => Some(text[block.yaml].to_owned()),
                _ => None,
            }
        })
        .collect()
}

/// What a user sees: the line of the first YAML syntax or tab error frontlint reports.
fn frontlint_verdict(text: &str, config: &Config) -> Option<usize> {
    let file = format!("{text}---\n");
    let (_, diagnostics) = engine::lint_text("case.md", "case.md", &file, config);
    diagnostics
        .iter()
        .find(|d| d.code == "FL103" || d.code == "FL106")
        .map(|d| d.start.line)
}

#[test]
fn syntax_errors_agree_with_psych() {
    if !support::ruby_available("syntax_errors_agree_with_psych") {
        return;
    }
    let mut cases = generated_cases();
    let generated = cases.len();
    cases.extend(corpus_cases());
    let input = support::temp_file(
        "psych_syntax_cases.json",
        &serde_json::to_string(&cases).unwrap(),
    );
    let psych = support::run_ruby(PSYCH, &input);
    let verdicts: Vec<&str> = psych.lines().collect();
    assert_eq!(verdicts.len(), cases.len());
    let config = Config::default_for(Path::new(".")).unwrap();
    let mut disagreements = Vec::new();
    let mut errors_agreed = 0;
    for (case, verdict) in cases.iter().zip(&verdicts) {
        let psych_line = verdict
            .strip_prefix("error ")
            .map(|l| l.parse::<usize>().unwrap());
        let ours = frontlint_verdict(case, &config);
        match (psych_line, ours) {
            (None, None) => {}
            // Psych reports some errors where a construct began and others where it noticed
            // the problem; frontlint points at the culprit line. They may differ by a line or
            // two. Line 0: an undefined alias, which Psych reports without a position.
            (Some(line), Some(our_line)) if line == 0 || our_line.abs_diff(line) <= 2 => {
                errors_agreed += 1
            }
            _ => disagreements.push(format!("{case:?}: psych {verdict}, frontlint {ours:?}")),
        }
    }
    eprintln!(
        "{} cases ({generated} generated), {errors_agreed} errors found by both, {} disagreements",
        cases.len(),
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
