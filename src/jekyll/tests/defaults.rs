use crate::jekyll::defaults::{DefaultSet, default_value, defaults_for};
use yaml_serde::Value;

fn sets(yaml: &str) -> Vec<DefaultSet> {
    DefaultSet::parse_all(&yaml_serde::from_str::<Value>(yaml).expect("yaml"))
}

fn layout(sets: &[DefaultSet], source: &str, kind: &str) -> Option<String> {
    default_value(sets, source, source, kind, "", "layout")
        .and_then(|v| v.as_str().map(str::to_string))
}

#[test]
fn more_specific_scopes_win() {
    let s = sets(
        "- {scope: {path: news}, values: {layout: news}}\n\
         - {scope: {path: ''}, values: {layout: default, author: a}}\n\
         - {scope: {path: news, type: posts}, values: {layout: news-post}}\n",
    );
    assert_eq!(
        layout(&s, "news/_posts/x.md", "posts").as_deref(),
        Some("news-post")
    );
    assert_eq!(
        layout(&s, "news/index.md", "pages").as_deref(),
        Some("news")
    );
    assert_eq!(layout(&s, "about.md", "pages").as_deref(), Some("default"));
    let all = defaults_for(&s, "news/_posts/x.md", "news/_posts/x.md", "posts", "");
    assert_eq!(all.get("layout").and_then(Value::as_str), Some("news-post"));
    assert_eq!(all.get("author").and_then(Value::as_str), Some("a"));
}

#[test]
fn path_matching_rules() {
    let s = sets(
        "- {scope: {path: /news}, values: {layout: slash}}\n\
         - {scope: {path: '_posts/2022*'}, values: {layout: glob}}\n\
         - {scope: {path: _posts/20}, values: {layout: prefix}}\n\
         - {scope: {path: x, type: post}, values: {layout: deprecated-type}}\n",
    );
    // A leading slash never matches; plain paths are string prefixes.
    assert_eq!(layout(&s, "news/a.md", "pages"), None);
    assert_eq!(
        layout(&s, "_posts/2019-01-01-a.md", "posts").as_deref(),
        Some("prefix")
    );
    assert_eq!(
        layout(&s, "_posts/2022-01-01-a.md", "posts").as_deref(),
        Some("glob")
    );
    assert_eq!(
        layout(&s, "x/a.md", "posts").as_deref(),
        Some("deprecated-type")
    );
}

#[test]
fn collections_dir_is_stripped() {
    let s = sets("- {scope: {path: coll/_events}, values: {layout: event}}\n");
    let v = default_value(
        &s,
        "coll/_events/a.md",
        "_events/a.md",
        "events",
        "coll",
        "layout",
    );
    assert_eq!(
        v.and_then(|v| v.as_str().map(str::to_string)).as_deref(),
        Some("event")
    );
}
