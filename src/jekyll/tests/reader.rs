use crate::jekyll::reader::{IgnoreReason, SourceRole, ruby_fnmatch, source_role};
use crate::jekyll::site_config::SiteConfig;

#[test]
fn fnmatch_without_flags_crosses_slashes() {
    // Each checked with Ruby 3.1's File.fnmatch? (no flags).
    assert!(ruby_fnmatch("/s/*.md", "/s/a/b.md"));
    assert!(ruby_fnmatch("/s/[a-c]x", "/s/bx"));
    assert!(!ruby_fnmatch("/s/[!a-c]x", "/s/bx"));
    assert!(ruby_fnmatch("/s/a?c", "/s/a/c"));
    assert!(ruby_fnmatch("/s/\\*", "/s/*"));
    assert!(!ruby_fnmatch("/s/\\*", "/s/a"));
    assert!(!ruby_fnmatch("/s/[a", "/s/a"));
}

fn role(config: &str, path: &str) -> SourceRole {
    source_role(&SiteConfig::parse(config).expect("config"), path)
}

#[test]
fn posts_drafts_pages_and_collections() {
    let config = "collections:\n  about-us:\n    output: true\n";
    assert_eq!(
        role(config, "news/_posts/2022/2022-01-05-a.md"),
        SourceRole::Post {
            entry: "2022/2022-01-05-a.md".into()
        }
    );
    assert_eq!(role(config, "_drafts/a.md"), SourceRole::Draft);
    assert_eq!(
        role(config, "_about-us/team/a.md"),
        SourceRole::Document {
            label: "about-us".into()
        }
    );
    assert_eq!(role(config, "pages/about.md"), SourceRole::Page);
    // A folder starting with `_` that is no collection is never read, nor its `_posts`.
    assert_eq!(
        role(config, "_includes/a.md"),
        SourceRole::Ignored(IgnoreReason::Special {
            component: "_includes".into()
        })
    );
    assert!(matches!(
        role(config, "_events/_posts/2022-01-05-a.md"),
        SourceRole::Ignored(_)
    ));
    // Inside a collection, names starting with `_` or `.` are skipped too.
    assert!(matches!(
        role(config, "_about-us/_draft.md"),
        SourceRole::Ignored(_)
    ));
}

#[test]
fn exclude_is_a_prefix_or_a_glob_and_include_wins() {
    let config = "exclude: [vendor, \"*.txt.md\", drafts/old]\ninclude: [_redirects.md]\n";
    assert!(matches!(
        role(config, "vendor/x/readme.md"),
        SourceRole::Ignored(IgnoreReason::Excluded { .. })
    ));
    // `Gemfile` (a default exclude) also covers `Gemfile.lock`: prefix matching.
    assert!(matches!(
        role(config, "Gemfile.md"),
        SourceRole::Ignored(IgnoreReason::Excluded { .. })
    ));
    // `*` crosses folders.
    assert!(matches!(
        role(config, "a/b/notes.txt.md"),
        SourceRole::Ignored(IgnoreReason::Excluded { .. })
    ));
    assert_eq!(role(config, "drafts/new.md"), SourceRole::Page);
    assert_eq!(role(config, "_redirects.md"), SourceRole::Page);
}

#[test]
fn collections_dir_moves_posts_and_collections() {
    let config = "collections_dir: coll\ncollections:\n  events:\n    output: true\n";
    assert!(matches!(
        role(config, "coll/_posts/2022-01-05-a.md"),
        SourceRole::Post { .. }
    ));
    assert!(matches!(
        role(config, "coll/_events/a.md"),
        SourceRole::Document { .. }
    ));
    assert_eq!(
        role(config, "_posts/2022-01-05-a.md"),
        SourceRole::Ignored(IgnoreReason::OutsideCollectionsDir)
    );
}
