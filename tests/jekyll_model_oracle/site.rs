//! End-to-end differential test: temporary Jekyll sites (one Ruby process for all of them)
//! whose posts are read by Jekyll's own `Document#read`, `#url`, `#date` and `#destination`,
//! compared with `frontlint::jekyll::post::resolve_post`.

use super::cases;
use super::cases::Lcg;
use super::ruby::{self, Tally};
use frontlint::jekyll::categories::{CategoryItem, CategoryValue};
use frontlint::jekyll::date::{DateContext, FrontMatterDate, site_time_zone};
use frontlint::jekyll::post::{PostFrontMatter, PostOutcome, resolve_post};
use frontlint::jekyll::site_config::SiteConfig;
use serde_json::json;

const NOW: &str = "2024-06-15T12:34:56Z";

const CONFIGS: &[&str] = &[
    "timezone: Asia/Singapore\n",
    "timezone: America/New_York\npermalink: pretty\n",
    "permalink: /:categories/:year/:month/:day/:title:output_ext\n",
    "timezone: Europe/London\npermalink: ordinal\n",
    "timezone: Asia/Kolkata\npermalink: weekdate\ndefaults:\n  - scope: {path: \"news\", type: posts}\n    values: {categories: [Scoped], permalink: \"/scoped/:title/\"}\n  - scope: {path: \"_posts/2022*\"}\n    values: {category: Globbed}\n  - scope: {path: \"/news\"}\n    values: {slug: never-applies}\n  - scope: {path: \"\", type: post}\n    values: {date: \"2021-06-01 08:00\"}\n",
    "permalink: none\ncollections_dir: coll\ntimezone: Pacific/Chatham\ncollections:\n  posts:\n    permalink: /p/:year/:title/\n",
];

const NAMES: &[&str] = &[
    "2022-01-05-hello-world.md",
    "14-03-19-two-digit-year.md",
    "022-11-09-three-digit.md",
    "15-08-2019-day-first.md",
    "2022-02-30-rolls-over.md",
    "2022-13-01-bad-month.md",
    "2022-01-05.md",
    "2022-01-05-markdown-ext.markdown",
    "2022-01-05-plain.txt",
    "_2022-01-05-underscore.md",
    "2022-01-05-backup.md~",
    "2022-01-05-dots.v2.md",
    "2022-01-05-trailing..md",
    "2022-1-5-unpadded.md",
    "2022_01_05-underscores.md",
    "2022-12-31-new-year's eve & party?.md",
    "2022-07-04-Ünïcødé Tïtlé 日本.md",
    "2022-03-13-dst.md",
];
const DIRS: &[&str] = &[
    "_posts/",
    "news/_posts/",
    "_posts/2022/",
    "media/press/_posts/",
];

/// (front matter YAML, what Psych makes of it).
fn front_matter(rng: &mut Lcg) -> (String, PostFrontMatter) {
    let mut yaml = String::new();
    let mut fm = PostFrontMatter::default();
    let ts = |h, mi, s, ns, off| FrontMatterDate::Timestamp {
        year: 2022,
        month: 3,
        day: 4,
        hour: h,
        minute: mi,
        second: s,
        nanosecond: ns,
        offset_seconds: off,
    };
    let text = |s: &str| Some(FrontMatterDate::Text(s.into()));
    let (line, date) = match rng.below(14) {
        0 => (
            "date: 2022-03-04",
            Some(FrontMatterDate::Date {
                year: 2022,
                month: 3,
                day: 4,
            }),
        ),
        1 => (
            "date: 2022-03-04 23:30:00 -05:00",
            Some(ts(23, 30, 0, 0, Some(-18000))),
        ),
        2 => ("date: 2022-03-04 10:00:00", Some(ts(10, 0, 0, 0, None))),
        3 => (
            "date: 2022-03-04T10:00:00.5Z",
            Some(ts(10, 0, 0, 500_000_000, Some(0))),
        ),
        4 => ("date: \"04/07/2022\"", text("04/07/2022")),
        5 => ("date: \"2022-01-05 10:00 +8\"", text("2022-01-05 10:00 +8")),
        6 => ("date: \"5 May 2022\"", text("5 May 2022")),
        7 => ("date: 2022-02-30", text("2022-02-30")),
        8 => ("date: 2022-13-01", text("2022-13-01")),
        9 => ("date: 20220105", text("20220105")),
        10 => ("date: 2022-01-05 10:00", text("2022-01-05 10:00")),
        _ => ("", None),
    };
    yaml.push_str(line);
    yaml.push('\n');
    fm.date = date;
    let permalinks = [
        "pretty",
        "/:categories/:title/",
        "/custom/:year/:month_:day/:title.html",
        "/v1.2",
        "/:foo/",
        "/news/:slug",
        "/:short_year/:i_month/:i_day/:name:output_ext",
        "/:w_year/W:week/:w_day-:short_day-:long_day/:y_day/:hour:minute:second/:long_month/:short_month/:slugified_categories/:path/:collection",
    ];
    if rng.below(2) == 0 {
        let p = permalinks[rng.below(permalinks.len())];
        yaml.push_str(&format!("permalink: \"{p}\"\n"));
        fm.permalink = Some(p.into());
    }
    match rng.below(5) {
        0 => {
            yaml.push_str("categories: news media\n");
            fm.categories = Some(CategoryValue::Text("news media".into()));
        }
        1 => {
            yaml.push_str("categories: [Press Releases, 2022, Press Releases]\n");
            let text = |s: &str| CategoryItem::Text(s.into());
            let items = vec![
                text("Press Releases"),
                CategoryItem::Scalar("2022".into()),
                text("Press Releases"),
            ];
            fm.categories = Some(CategoryValue::List(items));
        }
        _ => {}
    }
    if rng.below(4) == 0 {
        yaml.push_str("category: Speeches & Talks\n");
        fm.category = Some(CategoryValue::Text("Speeches & Talks".into()));
    }
    if rng.below(4) == 0 {
        yaml.push_str("slug: \"Custom Slug! ü\"\n");
        fm.slug = Some("Custom Slug! ü".into());
    }
    (yaml, fm)
}

const SITE_RB: &str = r##"
require "tmpdir"
now = Time.at(Rational(INPUT["now"]))
Time.singleton_class.send(:define_method, :now) { now.dup }
Jekyll.logger.log_level = :error
out = INPUT["sites"].map do |s|
  Dir.mktmpdir do |dir|
    File.write(File.join(dir, "_config.yml"), s["config"])
    s["files"].each do |f|
      p = File.join(dir, f["path"])
      FileUtils.mkdir_p(File.dirname(p))
      File.write(p, f["content"])
    end
    ENV["TZ"] = "UTC"
    # Jekyll caches parse_date by input string for the whole process; each site is a new build.
    Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
    config = Jekyll.configuration("source" => dir, "destination" => File.join(dir, "_site"),
                                  "quiet" => true, "time" => "2030-01-01 00:00:00 +0000")
    site = Jekyll::Site.new(config)
    s["files"].map do |f|
      posts_dir, entry = f["path"].split(%r{(?:\A|/)_posts/}, 2)
      entries = site.reader.get_entries(posts_dir.to_s, "_posts")
      next "skipped" unless entries.include?(entry) && Jekyll::Document::DATE_FILENAME_MATCHER.match?(entry)
      begin
        doc = Jekyll::Document.new(File.join(dir, f["path"]), site: site, collection: site.posts)
        doc.read
        dest = doc.destination(site.dest).delete_prefix(site.dest + "/")
        [doc.url, doc.date.to_s, dest, doc.data["categories"].join(",")].join("|")
      rescue StandardError => e
        "build fails"
      end
    end
  end
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn posts_agree_with_jekyll_documents() {
    let (_, corpus_names) = cases::corpus_samples();
    let mut names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    names.extend(corpus_names.into_iter().take(40));
    let mut rng = Lcg::new(42);
    let mut sites = Vec::new();
    let mut expected = Vec::new();
    for config in CONFIGS {
        let prefix = if config.contains("collections_dir: coll") {
            "coll/"
        } else {
            ""
        };
        let mut files = Vec::new();
        let mut models = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let dir = DIRS[i % DIRS.len()];
            let (yaml, fm) = front_matter(&mut rng);
            let path = format!("{prefix}{dir}{name}");
            files.push(json!({ "path": path, "content": format!("---\n{yaml}---\nBody\n") }));
            models.push((path, fm));
        }
        sites.push(json!({ "config": config, "files": files }));
        expected.push((config, models));
    }
    let now: jiff::Timestamp = NOW.parse().expect("now");
    let input = json!({ "sites": sites, "now": now.as_second().to_string() });
    let Some(answers) = ruby::run("site", SITE_RB, &input) else {
        return;
    };
    let mut tally = Tally::default();
    for ((config, models), per_site) in expected.iter().zip(answers.as_array().expect("array")) {
        let site = SiteConfig::parse(config).expect("config parses");
        let tz = site
            .timezone
            .as_deref()
            .map_or(jiff::tz::TimeZone::UTC, |n| {
                site_time_zone(n).expect("zone")
            });
        let ctx = DateContext { tz, now };
        for ((path, fm), theirs) in models.iter().zip(per_site.as_array().expect("array")) {
            let ours = match resolve_post(&site, path, fm, &ctx) {
                PostOutcome::Built(p) => [
                    p.url,
                    p.date.to_ruby_string(),
                    p.output_path,
                    p.categories.join(","),
                ]
                .join("|"),
                PostOutcome::Skipped(_) | PostOutcome::NotAPost => "skipped".into(),
                PostOutcome::BuildFails(_) | PostOutcome::UnknownPlaceholder(_) => {
                    "build fails".into()
                }
                PostOutcome::Unsupported(_) => {
                    tally.unsupported += 1;
                    continue;
                }
            };
            tally.check(
                &format!("{path} {fm:?} [{}]", config.lines().next().unwrap_or("")),
                &ours,
                theirs.as_str().unwrap_or(""),
            );
        }
    }
    tally.finish("site");
}

const PAGES_RB: &str = r##"
require "tmpdir"
Jekyll.logger.log_level = :error
out = INPUT["styles"].map do |style|
  Dir.mktmpdir do |dir|
    File.write(File.join(dir, "_config.yml"), "permalink: #{style}\n")
    site = Jekyll::Site.new(Jekyll.configuration("source" => dir, "destination" => File.join(dir, "_site"), "quiet" => true))
    INPUT["pages"].map do |pg|
      FileUtils.mkdir_p(File.join(dir, pg["dir"]))
      fm = pg["permalink"].nil? ? "" : "permalink: #{pg["permalink"].to_json}\n"
      File.write(File.join(dir, pg["dir"], pg["name"]), "---\n#{fm}---\nx\n")
      begin
        page = Jekyll::Page.new(site, site.source, pg["dir"], pg["name"])
        [page.url, page.destination(site.dest).delete_prefix(site.dest + "/")].join("|")
      rescue StandardError => e
        "build fails"
      end
    end
  end
end
File.write(ARGV[1], JSON.generate(out))
"##;

#[test]
fn pages_agree_with_jekyll() {
    use frontlint::jekyll::page::{PageInput, resolve_page};
    use frontlint::jekyll::permalink::{PermalinkStyle, converter_output_ext, ruby_extname};
    let styles = [
        "date",
        "pretty",
        "none",
        "/:categories/:title/",
        "/:year/:title:output_ext",
    ];
    let dirs = ["", "/about", "/a b/c", "/docs/v1.2"];
    let names = [
        "index.md",
        "about.md",
        "feed.xml",
        "notes.txt",
        "page.html",
        "a.b.md",
        "trail..md",
        "x y.markdown",
    ];
    let permalinks = [
        None,
        Some("/:title/"),
        Some("/custom/:basename:output_ext"),
        Some("/v1.2"),
        Some("/:path/x"),
        Some(""),
    ];
    let mut rng = Lcg::new(7);
    let mut pages = Vec::new();
    for dir in dirs {
        for name in names {
            pages.push((dir, name, permalinks[rng.below(permalinks.len())]));
        }
    }
    let json_pages: Vec<_> = pages
        .iter()
        .map(|(d, n, p)| json!({ "dir": d, "name": n, "permalink": p }))
        .collect();
    let Some(answers) = ruby::run(
        "pages",
        PAGES_RB,
        &json!({ "styles": styles, "pages": json_pages }),
    ) else {
        return;
    };
    let mut tally = Tally::default();
    for (style, per_style) in styles.iter().zip(answers.as_array().expect("array")) {
        let site_style = PermalinkStyle::from_config(style);
        for ((dir, name, permalink), theirs) in
            pages.iter().zip(per_style.as_array().expect("array"))
        {
            let conv = converter_output_ext(ruby_extname(name), "markdown,mkdown,mkdn,mkd,md");
            let input = PageInput {
                dir,
                name,
                permalink: *permalink,
                converter_output_ext: &conv,
            };
            let ours = match resolve_page(&input, &site_style) {
                Ok(page) => format!("{}|{}", page.url, page.output_path),
                Err(_) => "build fails".to_string(),
            };
            tally.check(
                &format!("{dir}/{name} {permalink:?} [{style}]"),
                &ours,
                theirs.as_str().unwrap_or(""),
            );
        }
    }
    tally.finish("pages");
}
