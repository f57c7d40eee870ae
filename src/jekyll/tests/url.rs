use crate::jekyll::url::{
    UrlError, escape_path, fill_template, fill_template_from_hash, sanitize_url, unescape_path,
};

#[test]
fn escape_path_like_addressable() {
    assert_eq!(escape_path("/a b").as_deref(), Ok("/a%20b"));
    assert_eq!(escape_path("q&a").as_deref(), Ok("q&a"));
    assert_eq!(escape_path("c#").as_deref(), Ok("c%23"));
    assert_eq!(escape_path("a#b#c").as_deref(), Ok("a%23b%23c"));
    assert_eq!(escape_path("what?now").as_deref(), Ok("what?now"));
    assert_eq!(escape_path("100%").as_deref(), Ok("100%25"));
    assert_eq!(escape_path("日本").as_deref(), Ok("%E6%97%A5%E6%9C%AC"));
    assert_eq!(escape_path("CVE-1: x").as_deref(), Ok("CVE-1:%20x"));
    assert_eq!(escape_path(":x"), Err(UrlError::InvalidUri(":x".into())));
    assert_eq!(
        escape_path("2022:x"),
        Err(UrlError::InvalidUri("2022:x".into()))
    );
    assert_eq!(escape_path("//host").as_deref(), Ok("//host"));
    assert!(matches!(
        escape_path("//host name"),
        Err(UrlError::Unsupported(_))
    ));
    // One clean line is enough for Ruby's `^...$` check.
    assert_eq!(escape_path("ok\nnot ok").as_deref(), Ok("ok\nnot ok"));
}

#[test]
fn sanitize_and_unescape() {
    assert_eq!(
        sanitize_url("a//b/../c/./d"),
        "/a/b///c/d".replace("///", "/")
    );
    assert_eq!(sanitize_url(""), "/");
    assert_eq!(sanitize_url("pretty"), "/pretty");
    assert_eq!(unescape_path("/a%20b%E6%97%A5%zz"), "/a b日%zz");
}

/// `sanitize_url` skips the replacements when no `.` is followed by `.` or `/`, and squeezes
/// in one pass: it must agree with Ruby's three steps, spelled out here, on every mix of the
/// characters that matter.
#[test]
fn sanitize_agrees_with_the_three_ruby_steps() {
    fn ruby(url: &str) -> String {
        let joined = format!("/{url}").replace("..", "/").replace("./", "");
        let mut out = String::new();
        for c in joined.chars() {
            if !(c == '/' && out.ends_with('/')) {
                out.push(c);
            }
        }
        out
    }
    let alphabet = ['.', '/', 'a', 'é'];
    let mut checked = 0;
    for len in 0..=6 {
        for mut n in 0..alphabet.len().pow(len) {
            let mut url = String::new();
            for _ in 0..len {
                url.push(alphabet[n % alphabet.len()]);
                n /= alphabet.len();
            }
            assert_eq!(sanitize_url(&url), ruby(&url), "{url:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 5461);
}

#[test]
fn templates() {
    let lookup = |name: &str| match name {
        "month" => Some(Some("01".to_string())),
        "day" => Some(Some("05".to_string())),
        "nothing" => Some(None),
        _ => None,
    };
    assert_eq!(
        fill_template("/:month_:day/", lookup).as_deref(),
        Ok("/01_05/")
    );
    assert_eq!(
        fill_template("/x/:nothing/y", lookup).as_deref(),
        Ok("/x//y")
    );
    assert_eq!(fill_template("/:Month/", lookup).as_deref(), Ok("/:Month/"));
    assert_eq!(
        fill_template("/:foo/", lookup),
        Err(UrlError::UnknownPlaceholder("foo".into()))
    );
    assert_eq!(
        fill_template("/:foo_/", lookup),
        Err(UrlError::UnknownPlaceholder("foo_ or foo".into()))
    );
    let page = [
        ("path", Some("/about/")),
        ("basename", Some("index")),
        ("output_ext", Some(".html")),
    ];
    assert_eq!(
        fill_template_from_hash("/:path/", &page).as_deref(),
        Ok("//about//")
    );
    assert_eq!(
        fill_template_from_hash("/:path/:basename:output_ext", &[("path", None)]).as_deref(),
        Ok("/:basename:output_ext")
    );
}
