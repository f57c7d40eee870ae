//! Property tests: no parser of the Jekyll model panics, whatever the input.

use frontlint::jekyll::categories::{CategoryValue, categories_from_path};
use frontlint::jekyll::date::{DateContext, FrontMatterDate, parse_date, site_time_zone};
use frontlint::jekyll::filename::{classify_post_entry, dateless_filename, match_dated_filename};
use frontlint::jekyll::permalink::{basename_without_ext, output_ext};
use frontlint::jekyll::post::{PostFrontMatter, resolve_post};
use frontlint::jekyll::ruby_date::date_parse;
use frontlint::jekyll::site_config::SiteConfig;
use frontlint::jekyll::slugify::{SlugMode, slugify};
use frontlint::jekyll::suspicious::suspicious_date;
use frontlint::jekyll::url::{escape_path, sanitize_url, unescape_path};
use proptest::prelude::*;

fn ctx() -> DateContext {
    DateContext {
        tz: site_time_zone("America/New_York").expect("zone"),
        now: "2024-06-15T12:34:56Z".parse().expect("now"),
    }
}

/// Date-ish text: digits, separators, month and zone words, plus arbitrary characters.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 :/.,+\\-TZtzapmAPM'\\[\\]]{0,40}",
        "(Jan|may|Sept|Monday|UTC|GMT|PST|BST|bc|ad|th| |-|:|/|[0-9]{1,5}|\\+[0-9]{1,4}){0,12}",
        "-?[0-9]{1,7}-[0-9]{1,2}-[0-9]{1,2}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?( [+-][0-9]{1,4}| Z| [A-Z]{3})?",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn dates_never_panic(text in date_text()) {
        let _ = date_parse(&text);
        let _ = parse_date(&text, &ctx());
    }

    #[test]
    fn timestamps_never_panic(
        year in any::<i16>(), month in any::<i8>(), day in any::<i8>(), hour in any::<i8>(),
        minute in any::<i8>(), second in any::<i8>(), nanosecond in any::<i32>(),
        offset in proptest::option::of(any::<i32>()),
    ) {
        let value = FrontMatterDate::Timestamp { year, month, day, hour, minute, second, nanosecond, offset_seconds: offset };
        let _ = frontlint::jekyll::date::front_matter_date(&value, &ctx());
        let date = FrontMatterDate::Date { year, month, day };
        let _ = frontlint::jekyll::date::front_matter_date(&date, &ctx());
    }

    #[test]
    fn filenames_never_panic(name in any::<String>(), dated in "[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}-.{0,8}\\..{1,4}") {
        for n in [&name, &dated] {
            let _ = classify_post_entry(n);
            let _ = dateless_filename(n);
            let _ = basename_without_ext(n);
            let _ = categories_from_path(n, "_posts");
            if let Some(d) = match_dated_filename(n) {
                let _ = suspicious_date(&d);
            }
        }
    }

    #[test]
    fn slugs_and_urls_never_panic(text in any::<String>()) {
        for mode in ["none", "raw", "default", "pretty", "ascii", "latin"] {
            let _ = slugify(&text, SlugMode::from_name(mode), false);
            let _ = slugify(&text, SlugMode::from_name(mode), true);
        }
        let _ = escape_path(&text);
        let _ = unescape_path(&text);
        let _ = sanitize_url(&text);
        let _ = output_ext(Some(&text), ".html");
    }

    #[test]
    fn configs_never_panic(text in any::<String>(), yamlish in "([a-z_]{1,10}: ?[\\[\\]{}a-z0-9:/*\\- ]{0,12}\n  ?){0,8}") {
        let _ = SiteConfig::parse(&text);
        let _ = SiteConfig::parse(&yamlish);
    }

    #[test]
    fn posts_never_panic(
        path in "(news/)?_posts/.{0,30}",
        permalink in proptest::option::of("[/:a-z_.%# ?é]{0,30}"),
        slug in proptest::option::of(any::<String>()),
        date in proptest::option::of(date_text()),
        categories in proptest::option::of(any::<String>()),
    ) {
        let site = SiteConfig::parse("permalink: pretty\ndefaults:\n  - {scope: {path: 'news/*'}, values: {category: x}}\n")
            .expect("config");
        let fm = PostFrontMatter {
            date: date.map(FrontMatterDate::Text),
            permalink,
            slug,
            categories: categories.map(CategoryValue::Text),
            category: None,
            read_failed: false,
        };
        let _ = resolve_post(&site, &path, &fm, &ctx());
    }
}
