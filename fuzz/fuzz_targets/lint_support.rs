//! What the `lint` and `fix` targets share: the configs, where the input pretends to live, and
//! the checks on diagnostics.

#![allow(dead_code)]

use std::path::Path;
use std::sync::LazyLock;

use frontlint::config::Config;
use frontlint::diagnostic::Diagnostic;
use frontlint::source::LineIndex;

use crate::common::assert_span;

/// The folder whose `_config.yml` the inputs belong to (time zone, permalink template,
/// a collection, defaults).
fn site() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/site"))
}

/// The built-in `jekyll` preset, what a site without `.frontlint.yml` gets.
pub static DEFAULT: LazyLock<Config> =
    LazyLock::new(|| Config::default_for(site()).expect("the default config"));

/// The `isomer` preset with a collection schema and a permalink template: the field rules.
pub static ISOMER: LazyLock<Config> = LazyLock::new(|| {
    Config::load(&site().join("isomer.frontlint.yml")).expect("the isomer config")
});

/// Where the input pretends to be, chosen by the fuzzer: a post (dated name, skipped name),
/// a draft, a collection document, a page.
const PATHS: &[&str] = &[
    "media/press-releases/_posts/2024-03-01-new-data-centre.md",
    "_posts/2024-2-30-odd date.md",
    "_posts/press-statement.md",
    "_drafts/a-draft.md",
    "_events/2024/launch.md",
    "pages/contact-us.md",
    "index.markdown",
    "_posts/2019-12-31-new-year.markdown",
];

/// Split the fuzzer's bytes into (config, path, text, flag) from the first byte.
pub fn input(data: &[u8]) -> (&'static Config, &'static str, String, bool) {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let config = if first & 1 == 0 { &*DEFAULT } else { &*ISOMER };
    let path = PATHS[usize::from(first >> 1) % PATHS.len()];
    let flag = first & 0x80 != 0;
    (config, path, crate::common::text(rest), flag)
}

/// Every diagnostic points into `text` on char boundaries, with positions that agree; every
/// fix edit can be applied.
#[track_caller]
pub fn assert_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    let lines = LineIndex::new(text).line_count();
    for d in diagnostics {
        assert_span(text, &d.range, d.code);
        assert!(
            d.start.line >= 1 && d.start.line <= lines && d.start.line <= d.end.line,
            "{}: lines {:?}..{:?} in a text of {lines} lines",
            d.code,
            d.start,
            d.end
        );
        for related in d.related.iter().filter(|r| r.path == d.path) {
            assert_span(text, &related.range, "related");
        }
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                assert_span(text, &edit.range, "fix edit");
            }
        }
    }
}
