//! Differential tests for slugs and URL escaping against Jekyll 4.3 (one Ruby process per
//! test; skipped with a message when Ruby is missing unless FRONTLINT_REQUIRE_ORACLE=1).

use super::cases;
use super::ruby::{self, Tally};
use frontlint::jekyll::slugify::{SlugMode, slugify};
use frontlint::jekyll::url::{UrlError, escape_path, sanitize_url, unescape_path};
use serde_json::json;

const MODES: &[&str] = &[
    "none", "raw", "default", "pretty", "ascii", "latin", "bogus",
];

fn inputs() -> Vec<String> {
    let (titles, names) = cases::corpus_samples();
    let mut all = titles;
    all.extend(names);
    all.extend(cases::tricky_strings(600, 99));
    all
}

const SLUGIFY_RB: &str = r##"
Jekyll.logger.log_level = :error
out = INPUT["cases"].map do |s|
  INPUT["modes"].map do |m|
    [false, true].map { |c| Jekyll::Utils.slugify(s, mode: m, cased: c) }
  end
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn slugify_agrees_with_jekyll() {
    let cases = inputs();
    let Some(answers) = ruby::run(
        "slugify",
        SLUGIFY_RB,
        &json!({ "cases": cases, "modes": MODES }),
    ) else {
        return;
    };
    let mut tally = Tally::default();
    for (case, per_mode) in cases.iter().zip(answers.as_array().expect("array")) {
        for (mode, pair) in MODES.iter().zip(per_mode.as_array().expect("array")) {
            for (cased, theirs) in [false, true]
                .into_iter()
                .zip(pair.as_array().expect("array"))
            {
                let ours = slugify(case, SlugMode::from_name(mode), cased);
                tally.check(
                    &format!("{case} [{mode} cased={cased}]"),
                    &ours,
                    theirs.as_str().unwrap_or(""),
                );
            }
        }
    }
    tally.finish("slugify");
}

const URL_RB: &str = r##"
out = INPUT["cases"].map do |s|
  esc = begin
    Jekyll::URL.escape_path(s)
  rescue StandardError => e
    "raises #{e.class}"
  end
  url = Jekyll::URL.new(template: "/:a/x/:b", placeholders: { "a" => s, "b" => "y" })
  san = url.send(:sanitize_url, s)
  [esc, san, Jekyll::URL.unescape_path(s)]
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn url_escaping_agrees_with_jekyll() {
    let mut cases = inputs();
    cases.extend(
        [
            "a:b",
            ":x",
            "2022:x",
            "a b:c",
            "mailto:x y",
            "c#:x",
            "http:x",
            "a:b/:c",
            "//host/p",
            "a b#c#d",
            "a?b?c",
            "x/../y",
            "./a",
            "~user",
            "%E6%97%A5",
        ]
        .map(String::from),
    );
    let Some(answers) = ruby::run("url", URL_RB, &json!({ "cases": cases })) else {
        return;
    };
    let mut tally = Tally::default();
    for (case, theirs) in cases.iter().zip(answers.as_array().expect("array")) {
        let theirs: Vec<&str> = theirs
            .as_array()
            .expect("triple")
            .iter()
            .map(|v| v.as_str().unwrap_or(""))
            .collect();
        match escape_path(case) {
            Ok(ours) => tally.check(&format!("escape {case}"), &ours, theirs[0]),
            Err(UrlError::Unsupported(_)) => tally.unsupported += 1,
            Err(UrlError::InvalidUri(_)) => tally.check(
                &format!("escape {case}"),
                "raises Addressable::URI::InvalidURIError",
                theirs[0],
            ),
            Err(other) => tally.check(&format!("escape {case}"), &format!("{other:?}"), theirs[0]),
        }
        tally.check(&format!("sanitize {case}"), &sanitize_url(case), theirs[1]);
        tally.check(&format!("unescape {case}"), &unescape_path(case), theirs[2]);
    }
    tally.finish("url");
}
