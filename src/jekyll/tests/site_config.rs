use crate::jekyll::permalink::PermalinkStyle;
use crate::jekyll::site_config::SiteConfig;

#[test]
fn defaults_when_empty() {
    let c = SiteConfig::parse("").expect("empty is fine");
    assert_eq!(c.permalink, PermalinkStyle::Date);
    assert_eq!(
        c.url_template("posts"),
        "/:categories/:year/:month/:day/:title:output_ext"
    );
    assert_eq!(c.url_template("events"), "/:collection/:path:output_ext");
    assert!(c.exclude.iter().any(|e| e == "node_modules"));
    assert_eq!(c.include, vec![".htaccess".to_string()]);
}

#[test]
fn reads_what_matters() {
    let yaml = "title: x\ntimezone: Asia/Singapore\npermalink: pretty\nfuture: yes\ncollections_dir: coll\n\
                collections:\n  events:\n    output: true\n    permalink: /e/:name/\n  posts:\n    permalink: /p/:title/\n\
                exclude: [drafts]\ndefaults:\n  - scope: {path: _posts}\n    values: {layout: post}\n  - nonsense\n";
    let c = SiteConfig::parse(yaml).expect("valid");
    assert_eq!(c.timezone.as_deref(), Some("Asia/Singapore"));
    assert_eq!(c.permalink, PermalinkStyle::Pretty);
    assert!(c.future);
    assert_eq!(c.collections_dir, "coll");
    assert_eq!(c.url_template("posts"), "/p/:title/");
    assert_eq!(c.url_template("events"), "/e/:name/");
    assert!(c.collection("events").is_some_and(|e| e.output));
    assert_eq!(c.defaults.len(), 1);
    assert_eq!(c.exclude[0], "drafts");
}

#[test]
fn null_keeps_the_default_and_lists_are_collections() {
    let c = SiteConfig::parse("permalink:\ncollections: [events, posts]\n").expect("valid");
    assert_eq!(c.permalink, PermalinkStyle::Date);
    assert_eq!(
        c.collections
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        ["posts", "events"]
    );
}

#[test]
fn broken_yaml_is_an_error_with_a_position() {
    let err = SiteConfig::parse("title: x\npermalink: [unclosed\n").expect_err("broken");
    assert_eq!(err.line, Some(3));
    assert!(err.column.is_some());
    let err = SiteConfig::parse("exclude: vendor\n").expect_err("Jekyll raises");
    assert!(err.message.contains("should be set as an array"));
}

#[test]
fn non_mapping_is_ignored_with_defaults() {
    let c = SiteConfig::parse("- a\n- b\n").expect("Jekyll falls back to defaults");
    assert!(c.ignored_as_invalid);
}
