//! Property tests of the site model in the linter: whatever the path and front matter, the
//! reader model and every rule run without panicking, and every position lands in the file.

use std::path::Path;

use frontlint::config::Config;
use frontlint::engine;
use frontlint::jekyll::reader::{ruby_fnmatch, source_role};
use frontlint::jekyll::site_config::SiteConfig;
use proptest::prelude::*;

/// A front matter line for each field the site model reads, from tricky pieces.
fn front_matter() -> impl Strategy<Value = String> {
    let date = prop_oneof![
        Just(String::new()),
        "date: (2022-0[1-9]-[0-3][0-9]( [0-2][0-9]:[0-5][0-9]:[0-5][0-9]( [+-][01][0-9]:?[0-5][0-9])?)?)\n",
        "date: \"[0-9/ :+\\-a-zA-Z]{0,25}\"\n",
        "date: [^\n\"]{0,20}\n",
    ];
    let permalink = prop_oneof![
        Just(String::new()),
        "permalink: \"[/:a-zA-Z0-9_.%#? é’“”-]{0,30}\"\n",
        "permalink: (pretty|date|none|/:title/|/:foo/|https://x.y/z|//a|/a//b|/a.md|)\n",
    ];
    let categories = prop_oneof![
        Just(String::new()),
        "categories: [^\n]{0,15}\n",
        "category: [A-Za-z ]{0,10}\n",
        Just("categories: [a, 2022, ~]\n".to_owned()),
    ];
    let extra = prop_oneof![
        Just(String::new()),
        "slug: [^\n]{0,12}\n",
        Just("published: false\n".to_owned()),
        Just("- a list\n".to_owned()),
        Just("title: a: b\n".to_owned()),
    ];
    (date, permalink, categories, extra)
        .prop_map(|(a, b, c, d)| format!("---\n{a}{b}{c}{d}---\nBody\n"))
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        "(news/)?_posts/[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}-[a-zé ’]{0,8}\\.md",
        "_posts/[^/]{0,15}",
        "_drafts/[a-z0-9-]{0,10}\\.md",
        "_events/[a-z/_.]{0,10}\\.md",
        "[a-z_.]{0,6}/[a-z]{0,6}\\.(md|markdown)",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lint_never_panics_and_positions_are_in_the_file(path in path(), text in front_matter()) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collections");
        let config = Config::default_for(&root).expect("config");
        let (post, diagnostics) = engine::lint_text(&path, &path, &text, &config);
        for d in diagnostics {
            prop_assert!(d.range.start <= d.range.end && d.range.end <= text.len(), "{d:?}");
            prop_assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
            prop_assert!(d.start.line <= post.source.lines().line_count());
        }
    }

    #[test]
    fn the_reader_model_never_panics(
        pattern in "[a-z*?\\[\\]!\\\\/._-]{0,12}",
        entry in "[a-z*?\\[\\]/._~#-]{0,16}",
    ) {
        let _ = ruby_fnmatch(&pattern, &entry);
        let site = SiteConfig::parse(&format!("collections_dir: c\ncollections: [x]\nexclude: ['{}']\n", pattern.replace('\'', "")))
            .unwrap_or_default();
        let _ = source_role(&site, &entry);
    }
}

/// Found by `lint_never_panics_and_positions_are_in_the_file`: Ruby reads `24:00:00` as the
/// next midnight, and the fix that rewrites such a date on the file name's day asked for the
/// site's offset at hour 24, which panicked. Each of these times must lint without a panic.
#[test]
fn a_time_past_the_last_hour_lints_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collections");
    let config = Config::default_for(&root).expect("config");
    for time in ["24:00:00", "24:59:59", "25:00:00", "23:60:00", "23:59:60"] {
        let text = format!("---\ndate: 2022-01-10 {time}\npublished: false\n---\nBody\n");
        let path = "_posts/0000-1-1-.md";
        let (_, diagnostics) = engine::lint_text(path, path, &text, &config);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        // `24:00:00` is Jan 11 and `23:59:60` (a leap second) Jan 10, neither the file
        // name's day; Ruby refuses the others.
        let expected = match time {
            "24:00:00" | "23:59:60" => "FL303",
            _ => "FL305",
        };
        assert!(codes.contains(&expected), "{time}: {codes:?}");
    }
}
