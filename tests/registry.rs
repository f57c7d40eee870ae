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
