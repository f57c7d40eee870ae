//! The Psych scalar resolver and the quoting that fixes rely on: `resolve_plain` never panics
//! and keeps a String's text; `quote_for_yaml` and `quote_for_humans` write something that
//! frontlint's own YAML reader reads back as exactly the same String.

#![no_main]

#[path = "common.rs"]
mod common;

use frontlint::yaml::{self, ScalarStyle};
use frontlint::yaml11::{Resolved, quote_for_humans, quote_for_yaml, resolve_plain};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    let resolved = resolve_plain(&text);
    assert!(!resolved.ruby_inspect().is_empty());
    assert!(!resolved.ruby_class().is_empty());
    let _ = resolved.breaks_loading();
    if let Resolved::Str(kept) = &resolved {
        assert_eq!(kept, &text);
    }
    reads_back(&text, &quote_for_yaml(&text));
    reads_back(&text, &quote_for_humans(&text));
});

/// `key: <quoted>` in a front matter reads back as `text`, a String.
fn reads_back(text: &str, quoted: &str) {
    let front_matter = format!("---\nkey: {quoted}\n");
    let root = yaml::parse(&front_matter, 0..front_matter.len())
        .unwrap_or_else(|e| panic!("{quoted:?} does not parse: {}", e.message))
        .unwrap_or_else(|| panic!("{quoted:?} reads as an empty document"));
    let value = &root.get("key").expect("the key").value;
    let scalar = value
        .as_scalar()
        .unwrap_or_else(|| panic!("{quoted:?} is a {}", value.shape_name()));
    assert_eq!(scalar.text, text, "{quoted:?} reads back differently");
    if scalar.style == ScalarStyle::Plain {
        assert_eq!(resolve_plain(&scalar.text), Resolved::Str(text.to_owned()));
    }
}
