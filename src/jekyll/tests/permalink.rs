use crate::jekyll::permalink::{
    PermalinkStyle, add_permalink_suffix, basename_without_ext, collection_url_template,
    converter_output_ext, is_style_name, output_ext, page_url_template, ruby_extname,
};

#[test]
fn styles() {
    assert!(is_style_name("pretty") && !is_style_name("/:title/"));
    assert_eq!(
        PermalinkStyle::from_config("date").posts_template(),
        "/:categories/:year/:month/:day/:title:output_ext"
    );
    assert_eq!(
        PermalinkStyle::from_config("weekdate").posts_template(),
        "/:categories/:year/W:week/:short_day/:title:output_ext"
    );
    assert_eq!(
        add_permalink_suffix("/:basename", &PermalinkStyle::Pretty),
        "/:basename/"
    );
    assert_eq!(
        add_permalink_suffix("/:basename", &PermalinkStyle::Date),
        "/:basename:output_ext"
    );
    assert_eq!(
        add_permalink_suffix("/:basename", &PermalinkStyle::Weekdate),
        "/:basename"
    );
    let custom = PermalinkStyle::from_config("/:year/:title/");
    assert_eq!(add_permalink_suffix("/:basename", &custom), "/:basename/");
}

#[test]
fn collection_and_page_templates() {
    let pretty = PermalinkStyle::Pretty;
    assert_eq!(
        collection_url_template("posts", None, &pretty),
        "/:categories/:year/:month/:day/:title/"
    );
    assert_eq!(
        collection_url_template("events", None, &pretty),
        "/:collection/:path/"
    );
    // A collection's own permalink is never read as a style name.
    assert_eq!(
        collection_url_template("posts", Some("pretty"), &pretty),
        "pretty"
    );
    assert_eq!(page_url_template("index", ".html", &pretty), "/:path/");
    assert_eq!(
        page_url_template("about", ".html", &PermalinkStyle::Date),
        "/:path/:basename:output_ext"
    );
    assert_eq!(
        page_url_template("feed", ".xml", &pretty),
        "/:path/:basename:output_ext"
    );
}

#[test]
fn extensions() {
    assert_eq!(ruby_extname("a/b.tar.gz"), ".gz");
    assert_eq!(ruby_extname(".htaccess"), "");
    assert_eq!(ruby_extname("foo."), ".");
    assert_eq!(
        basename_without_ext("x/2022-01-05-a.b.md"),
        "2022-01-05-a.b"
    );
    assert_eq!(output_ext(Some("/releases/v1.2"), ".html"), ".2");
    assert_eq!(output_ext(Some("/releases/"), ".html"), ".html");
    assert_eq!(
        converter_output_ext(".MD", "markdown,mkdown,mkdn,mkd,md"),
        ".html"
    );
    assert_eq!(
        converter_output_ext(".txt", "markdown,mkdown,mkdn,mkd,md"),
        ".txt"
    );
    // Both are downcased (`extname_list`, `matches`), names are not trimmed: checked with
    // Jekyll 4.3.1 (`markdown_ext: MD` publishes `a.md` as `a.html`; `" md ,x"` as `a.md`).
    assert_eq!(converter_output_ext(".md", "MD"), ".html");
    assert_eq!(converter_output_ext(".Md", " md ,x"), ".Md");
    assert_eq!(converter_output_ext(".X", " md ,x"), ".html");
    assert_eq!(converter_output_ext(".m", "md"), ".m");
    // Unicode downcasing: `.ÄB` is `äb`.
    assert_eq!(converter_output_ext(".ÄB", "äb"), ".html");
}
