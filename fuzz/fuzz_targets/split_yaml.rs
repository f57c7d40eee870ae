//! Front matter splitting and the spanned YAML tree: never panic, and every range (delimiters,
//! body start, node spans, error offsets and repair edits) lies inside the file on char
//! boundaries, node spans inside the YAML they were parsed from.

#![no_main]

#[path = "common.rs"]
mod common;

use common::{assert_span, assert_span_within};
use frontlint::front_matter::{Split, split};
use frontlint::yaml::{self, Node, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    match split(&text) {
        Split::Absent => {}
        Split::Unterminated { open } => assert_span(&text, &open, "open"),
        Split::Present(block) => {
            assert_span(&text, &block.open, "open");
            assert_span(&text, &block.yaml, "yaml");
            assert_span(&text, &block.close, "close");
            assert_span(&text, &block.inner(), "inner");
            assert_span(&text, &(block.close.end..block.body_start), "body start");
            assert!(block.open.end <= block.yaml.end && block.yaml.end == block.close.start);
            match yaml::parse(&text, block.yaml.clone()) {
                Ok(Some(root)) => walk(&text, &root, &block.yaml),
                Ok(None) => {}
                Err(error) => {
                    assert!(error.offset <= text.len(), "error offset {}", error.offset);
                    if let Some((range, _)) = &error.fix {
                        assert_span(&text, range, "repair edit");
                    }
                }
            }
        }
    }
});

/// Every node's span, depth first (the parser caps depth at `yaml::MAX_DEPTH`).
fn walk(text: &str, node: &Node, yaml: &std::ops::Range<usize>) {
    assert_span_within(text, &node.span, yaml, "node");
    match &node.value {
        Value::Scalar(_) | Value::Alias => {}
        Value::Sequence(items) => items.iter().for_each(|item| walk(text, item, yaml)),
        Value::Mapping(entries) => {
            for entry in entries {
                walk(text, &entry.key, yaml);
                walk(text, &entry.value, yaml);
            }
        }
    }
}
