//! Property tests of the whole per-file lint and of `--fix` (the fuzz targets `lint`, `fix` and
//! `split_yaml` in fuzz/ check the same properties for much longer):
//! - front matter splitting and the YAML tree keep every span inside the file, on char
//!   boundaries;
//! - linting any text never panics, and every diagnostic, related location and fix edit
//!   points into the text on char boundaries;
//! - fixing (safe or unsafe) settles: running it again on its result ends, soon, with a run
//!   that applies nothing, and the text does not keep growing.

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use frontlint::config::Config;
use frontlint::diagnostic::Diagnostic;
use frontlint::engine;
use frontlint::fix::{FixMode, fix_until_stable};
use frontlint::front_matter::{Split, split};
use frontlint::post::Post;
use frontlint::source::{LineIndex, Source};
use frontlint::yaml::{self, Node, Value};
use proptest::prelude::*;

/// The default preset in the example site (its _config.yml has a time zone, a permalink
/// template, a collection and defaults).
static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site");
    Config::default_for(&root).expect("config")
});

/// Front matter lines that rules (and their fixes) react to, and pieces that break YAML.
const FRONT_MATTER_LINES: &[&str] = &[
    "title: No\n",
    "title: Budget 2024: what changes\n",
    "title: \u{b}Budget: what changes\n",
    "title: \"Quoted\"\n",
    "title: 'it''s'\n",
    "title: it's: here\n",
    "layout: post\n",
    "layout: post\n",
    "layout: page\n",
    "date: 2024-03-01\n",
    "date: 2024-02-30\n",
    "date: 2024-03-01 23:30:00 -05:00\n",
    "date: yes\n",
    "permalink: /media/a b/\n",
    "permalink: media/x\n",
    "permalink: /Media/:title/\n",
    "published: \"false\"\n",
    "code: 0755\n",
    "time: 1:20\n",
    "tags: [a, b\n",
    "tags:\n  - on\n  - 12\n",
    "\tdescription: tab\n",
    "  indented: x\n",
    ": no key\n",
    "anchor: &a x\nalias: *a\n",
    "key: é 🦀 中文\n",
    "# frontlint-disable-next-line FL107\n",
    "x: y # frontlint-disable-line duplicate-key\n",
    "- a list\n",
    "\r\n",
    "",
];

const BODY_PIECES: &[&str] = &[
    "Text ",
    "[link](https://x.y/z)",
    "{:target=\"_blank\"}",
    "{:target=_blank\"}",
    "{target=\"_blank\"}",
    "{:target=”_blank”}",
    "[a] (https://x)",
    "<a href=\"/p\">p</a>",
    "<!-- frontlint-disable malformed-ial -->",
    "<!-- frontlint-enable -->",
    "<!-- frontlint-disable-next-line -->",
    "```\ncode\n```\n",
    "{% raw %}{{ x }}{% endraw %}",
    "\n",
    "\n\n",
    "* item\n",
    "é🦀",
    "---\n",
];

fn document() -> impl Strategy<Value = String> {
    let bom = prop_oneof![Just(""), Just("\u{feff}")];
    let open = prop_oneof![Just("---\n"), Just("---\r\n"), Just("--- \n"), Just("")];
    let close = prop_oneof![Just("---\n"), Just("...\n"), Just("---"), Just("")];
    let lines = prop::collection::vec(prop::sample::select(FRONT_MATTER_LINES), 0..8);
    let body = prop::collection::vec(prop::sample::select(BODY_PIECES), 0..12);
    (bom, open, lines, close, body).prop_map(|(bom, open, lines, close, body)| {
        format!("{bom}{open}{}{close}{}", lines.concat(), body.concat())
    })
}

fn path() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            "_posts/2024-03-01-budget.md",
            "media/press-releases/_posts/2024-03-02-a.md",
            "_posts/no-date.md",
            "_drafts/draft.md",
            "pages/about.md",
        ][..],
    )
}

fn assert_span(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} outside 0..{} in {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} off a char boundary in {text:?}"
    );
}

fn assert_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    let lines = LineIndex::new(text).line_count();
    for d in diagnostics {
        assert_span(text, &d.range, d.code);
        assert!(
            d.start.line >= 1 && d.start.line <= d.end.line && d.end.line <= lines,
            "{}: {:?}..{:?} in {lines} lines",
            d.code,
            d.start,
            d.end
        );
        for related in d.related.iter().filter(|r| r.path == d.path) {
            assert_span(text, &related.range, "related");
        }
        for edit in d.fix.iter().flat_map(|fix| &fix.edits) {
            assert_span(text, &edit.range, "fix edit");
        }
    }
}

fn walk(text: &str, node: &Node, within: &Range<usize>) {
    assert_span(text, &node.span, "node");
    assert!(within.start <= node.span.start && node.span.end <= within.end);
    match &node.value {
        Value::Scalar(_) | Value::Alias => {}
        Value::Sequence(items) => items.iter().for_each(|item| walk(text, item, within)),
        Value::Mapping(entries) => entries.iter().for_each(|entry| {
            walk(text, &entry.key, within);
            walk(text, &entry.value, within);
        }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn split_and_yaml_tree_spans_stay_in_the_file(text in prop_oneof![document(), any::<String>()]) {
        match split(&text) {
            Split::Absent => {}
            Split::Unterminated { open } => assert_span(&text, &open, "open"),
            Split::Present(block) => {
                for (range, what) in [(&block.open, "open"), (&block.yaml, "yaml"), (&block.close, "close")] {
                    assert_span(&text, range, what);
                }
                assert_span(&text, &(block.close.end..block.body_start), "body start");
                match yaml::parse(&text, block.yaml.clone()) {
                    Ok(Some(root)) => walk(&text, &root, &block.yaml),
                    Ok(None) => {}
                    Err(error) => {
                        prop_assert!(error.offset <= text.len());
                        if let Some((range, _)) = &error.fix {
                            assert_span(&text, range, "repair");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lint_reports_inside_the_text(path in path(), text in prop_oneof![document(), any::<String>()]) {
        let (_, diagnostics) = engine::lint_text(path, path, &text, &CONFIG);
        assert_diagnostics(&text, &diagnostics);
    }

    #[test]
    fn fixing_settles(path in path(), text in document(), unsafe_fixes in any::<bool>()) {
        let mode = if unsafe_fixes { FixMode::Unsafe } else { FixMode::Safe };
        // `fix_until_stable` bounds its rounds (one YAML syntax fix each) by a budget of work,
        // so a front matter with many broken values can need more runs
        // (tests/fuzz_regressions.rs); runs must still settle, without the text growing out
        // of proportion.
        let max_len = 8 * text.len() + 256;
        let mut text = text;
        for run in 0..=text.len() + 2 {
            let post = Post::new(Source::new(path, text.clone()), path.to_owned(), None);
            let fixed = fix_until_stable(post, &CONFIG, mode);
            let result = fixed.post.source.text.to_string();
            assert_diagnostics(&result, &fixed.diagnostics);
            if fixed.applied == 0 {
                prop_assert_eq!(&result, &text);
                return Ok(());
            }
            prop_assert!(result.len() <= max_len, "run {} grew the text: {:?}", run, result);
            text = result;
        }
        prop_assert!(false, "--fix never settled: {:?}", text);
    }
}
