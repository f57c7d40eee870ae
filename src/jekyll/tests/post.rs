use crate::jekyll::date::{DateContext, FrontMatterDate, site_time_zone};
use crate::jekyll::filename::SkipReason;
use crate::jekyll::post::{PostFrontMatter, PostOutcome, resolve_post};
use crate::jekyll::site_config::SiteConfig;

fn ctx() -> DateContext {
    DateContext {
        tz: site_time_zone("Asia/Singapore").expect("zone"),
        now: "2024-06-15T12:34:56Z".parse().expect("now"),
    }
}

fn built(site: &SiteConfig, path: &str, fm: &PostFrontMatter) -> (String, String, String) {
    match resolve_post(site, path, fm, &ctx()) {
        PostOutcome::Built(p) => (p.url, p.output_path, p.date.to_ruby_string()),
        other => panic!("expected a built post, got {other:?}"),
    }
}

#[test]
fn the_model_media_release() {
    // tech.gov.sg's media release name (see /work/shared/corpora/README.md).
    let site = SiteConfig::parse("timezone: Asia/Singapore\npermalink: pretty\n").expect("config");
    let path = "media/media-releases/_posts/2022-07-04-mou-signing-between-govtech-and-uk-government-digital-service.md";
    let (url, out, date) = built(&site, path, &PostFrontMatter::default());
    assert_eq!(
        url,
        "/media/media-releases/2022/07/04/mou-signing-between-govtech-and-uk-government-digital-service/"
    );
    assert_eq!(
        out,
        "media/media-releases/2022/07/04/mou-signing-between-govtech-and-uk-government-digital-service/index.html"
    );
    assert_eq!(date, "2022-07-04 00:00:00 +0800");
}

#[test]
fn a_utc_timestamp_moves_the_url_day() {
    let site = SiteConfig::parse("timezone: Asia/Singapore\n").expect("config");
    let fm = PostFrontMatter {
        date: Some(FrontMatterDate::Timestamp {
            year: 2022,
            month: 7,
            day: 3,
            hour: 18,
            minute: 30,
            second: 0,
            nanosecond: 0,
            offset_seconds: None,
        }),
        ..PostFrontMatter::default()
    };
    let (url, _, date) = built(&site, "_posts/2022-07-03-a.md", &fm);
    assert_eq!(
        (url.as_str(), date.as_str()),
        ("/2022/07/04/a.html", "2022-07-04 02:30:00 +0800")
    );
}

#[test]
fn skipped_failing_and_style_names_in_front_matter() {
    let site = SiteConfig::default();
    let fm = PostFrontMatter::default();
    assert_eq!(
        resolve_post(&site, "about.md", &fm, &ctx()),
        PostOutcome::NotAPost
    );
    assert_eq!(
        resolve_post(&site, "_posts/15-08-2019-a.md", &fm, &ctx()),
        PostOutcome::Skipped(SkipReason::DayFirstDate)
    );
    assert!(matches!(
        resolve_post(&site, "_posts/2022-13-01-a.md", &fm, &ctx()),
        PostOutcome::BuildFails(_)
    ));
    let pretty = PostFrontMatter {
        permalink: Some("pretty".into()),
        ..PostFrontMatter::default()
    };
    assert_eq!(built(&site, "_posts/2022-01-05-a.md", &pretty).0, "/pretty");
    let unknown = PostFrontMatter {
        permalink: Some("/:foo/".into()),
        ..PostFrontMatter::default()
    };
    assert_eq!(
        resolve_post(&site, "_posts/2022-01-05-a.md", &unknown, &ctx()),
        PostOutcome::UnknownPlaceholder("foo".into())
    );
}

#[test]
fn future_posts_are_hidden_unless_configured() {
    use crate::jekyll::post::hidden_in_the_future;
    let site = SiteConfig::default();
    let fm = PostFrontMatter::default();
    let PostOutcome::Built(post) = resolve_post(&site, "_posts/2030-01-01-a.md", &fm, &ctx())
    else {
        panic!("built");
    };
    let build_time = ctx().now;
    assert!(hidden_in_the_future(&post.date, build_time, &site));
    let future = SiteConfig::parse("future: true\n").expect("config");
    assert!(!hidden_in_the_future(&post.date, build_time, &future));
}

#[test]
fn pages() {
    use crate::jekyll::page::{PageInput, page_basename, resolve_page};
    use crate::jekyll::permalink::PermalinkStyle;
    use crate::jekyll::url::UrlError;
    let input = |dir, name, permalink| PageInput {
        dir,
        name,
        permalink,
        converter_output_ext: ".html",
    };
    let page =
        resolve_page(&input("/about", "index.md", None), &PermalinkStyle::Date).expect("page");
    assert_eq!(
        (page.url.as_str(), page.output_path.as_str()),
        ("/about/", "about/index.html")
    );
    let page = resolve_page(&input("", "contact.md", None), &PermalinkStyle::Pretty).expect("page");
    assert_eq!(
        (page.url.as_str(), page.output_path.as_str()),
        ("/contact/", "contact/index.html")
    );
    // Only :path, :basename and :output_ext exist for pages.
    let page =
        resolve_page(&input("", "a.md", Some("/:title/")), &PermalinkStyle::Date).expect("page");
    assert_eq!(page.url, "/:title/");
    assert_eq!(
        resolve_page(&input("", "a.md", Some("")), &PermalinkStyle::Date),
        Err(UrlError::InvalidPermalink)
    );
    assert_eq!(page_basename("trail..md"), "trail");
}
