//! The registry and the rule docs in `rules/` agree, and the docs follow the fixed format.

use std::collections::BTreeSet;
use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::registry::{RULES, doc_field};

const HEADINGS: [&str; 5] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Options",
];

#[test]
fn every_doc_is_registered_and_every_rule_documented() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let docs: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect();
    let registered: BTreeSet<String> = RULES
        .iter()
        .map(|r| format!("{}-{}.md", r.code, r.name))
        .collect();
    assert_eq!(docs, registered);
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let codes: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let names: BTreeSet<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(codes.len(), RULES.len());
    assert_eq!(names.len(), RULES.len());
    for rule in RULES {
        assert!(
            rule.code.len() == 5
                && rule.code.starts_with("FL")
                && rule.code[2..].chars().all(|c| c.is_ascii_digit())
        );
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
        );
    }
}

#[test]
fn doc_front_matter_matches_the_registry() {
    for rule in RULES {
        assert_eq!(
            doc_field(rule.doc, "code"),
            Some(rule.code),
            "{}",
            rule.name
        );
        assert_eq!(
            doc_field(rule.doc, "name"),
            Some(rule.name),
            "{}",
            rule.code
        );
        assert_eq!(
            doc_field(rule.doc, "severity"),
            Some(rule.default_severity.as_str()),
            "{}",
            rule.code
        );
        let fixable = if rule.fixable { "true" } else { "false" };
        assert_eq!(
            doc_field(rule.doc, "fixable"),
            Some(fixable),
            "{}",
            rule.code
        );
        assert!(rule.summary().len() > 10, "{} needs a summary", rule.code);
    }
}

#[test]
fn docs_have_the_fixed_headings_in_order() {
    for rule in RULES {
        let body = rule.doc_body();
        let mut last = 0;
        for heading in HEADINGS {
            let at = body
                .find(&format!("\n{heading}\n"))
                .map(|i| i + 1)
                .or_else(|| body.starts_with(&format!("{heading}\n")).then_some(0));
            let at = at.unwrap_or_else(|| panic!("{}: missing `{heading}`", rule.code));
            assert!(at >= last, "{}: `{heading}` out of order", rule.code);
            last = at;
        }
    }
}

/// The rule docs are Markdown with front matter too: frontlint must find nothing wrong in them.
#[test]
fn frontlint_finds_nothing_wrong_in_its_own_docs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::default_for(root).unwrap();
    for rule in RULES {
        let path = format!("rules/{}-{}.md", rule.code, rule.name);
        let (_, diagnostics) = engine::lint_text(&path, &path, rule.doc, &config);
        assert!(diagnostics.is_empty(), "{path}: {diagnostics:#?}");
    }
}

/// `## Options` starts with "None." exactly when the rule has no options, and `explain` prints each
/// heading once, after a blank line, with the default options only when there are some.
#[test]
fn explain_prints_each_heading_once_and_options_only_when_there_are_some() {
    for rule in RULES {
        let has_options = matches!(
            (rule.default_options)(),
            yaml_serde::Value::Mapping(map) if !map.is_empty()
        );
        let body = rule.doc_body();
        let options_section = body.split("\n## Options\n").nth(1).unwrap_or_default();
        assert_eq!(
            options_section.trim_start().starts_with("None."),
            !has_options,
            "{}: `## Options` must start with `None.` exactly when the rule has no options",
            rule.code
        );

        let text = frontlint::commands::explain::explanation(rule);
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with("## "))
        {
            let before = text.lines().nth(i - 1).unwrap_or_default();
            assert!(
                before.is_empty(),
                "{}: no blank line before `{line}`",
                rule.code
            );
            assert_eq!(
                text.lines().filter(|l| *l == line).count(),
                1,
                "{}: `{line}` twice",
                rule.code
            );
        }
        assert_eq!(
            text.contains("\n## Default options\n"),
            has_options,
            "{}",
            rule.code
        );
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{}",
            rule.code
        );
    }
}
