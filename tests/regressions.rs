//! Inputs that once broke an invariant, found by property tests and fuzzing; each stays fixed.

use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;

fn assert_ranges_on_char_boundaries(site_path: &str, text: &str) {
    let config = Config::default_for(Path::new(".")).unwrap();
    let (_, diagnostics) = engine::lint_text(site_path, site_path, text, &config);
    for d in &diagnostics {
        assert!(
            text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end),
            "{} {}..{} splits a character in {text:?}",
            d.code,
            d.range.start,
            d.range.end
        );
    }
}

/// FL106's fallback underlined one byte of a multi-byte character after a tab error.
#[test]
fn tab_error_before_a_multibyte_character() {
    assert_ranges_on_char_boundaries("_posts/00-0-0-.md", "---\ncategories: !a\r\t¡\n---\nBody\n");
}
