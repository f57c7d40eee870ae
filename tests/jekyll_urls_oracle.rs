//! Differential test of `frontlint urls` against Jekyll 4.3 itself: real Jekyll reads whole
//! sites (`Site#read`, one Ruby process for all of them) and prints, for every post, draft,
//! collection document, page and static file, its path, kind, `date.iso8601` and `url`;
//! `frontlint urls --format json` must agree on every file it lists.
//!
//! The sites: `examples/site`, every fixture site in `tests/fixtures/`, when `../shared/sites`
//! is present every whole real repository there (read as Isomer builds them: their own
//! `_config.yml` and every `collection.yml`, the remote theme and uninstalled plugins left
//! out), and — when `../shared/corpora` is present — one site per corpus built at test time
//! from a fixed sample of its files, with a `_config.yml` modelled on the real site's (see
//! `corpus_config`).
//!
//! Without Ruby or the jekyll gem the test prints why and passes, unless
//! FRONTLINT_REQUIRE_ORACLE=1. Run with `--nocapture` to see the agreement counts.

// Shared with the model oracle; its tally is not used here.
#[allow(dead_code)]
#[path = "jekyll_model_oracle/ruby.rs"]
mod ruby;
mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// Reads each site with Jekyll and lists what it made of every file. A document whose read
/// stops the build (an invalid date) is recorded as `build-fails` and kept out, so that the
/// rest of the site can still be compared.
const SITES_RB: &str = r##"
require "tmpdir"
Jekyll.logger.log_level = :error
ENV["TZ"] = "UTC"
$failed = {}
module FrontlintSoftRead
  def read(*args, **kwargs)
    super
  rescue StandardError => e
    $failed[path] = e.class.name
    data["published"] = false
  end
end
Jekyll::Document.prepend(FrontlintSoftRead)

def attempt
  yield
rescue StandardError => e
  "!#{e.class}"
end

out = INPUT["sites"].map do |spec|
  root = spec["root"]
  # Each build is a process of its own: no zone from the previous site's `timezone`.
  ENV["TZ"] = "UTC"
  $failed = {}
  Jekyll::Utils.instance_variable_set(:@parse_date_cache, {})
  site = nil
  begin
    options = {
      "source" => root, "destination" => File.join(Dir.tmpdir, "frontlint-oracle-unused"),
      "quiet" => true, "disable_disk_cache" => true
    }
    # The configuration files frontlint read, as `jekyll build --config a,b` would get them.
    configs = spec["configs"] || []
    options["config"] = configs.map { |f| File.join(root, f) } unless configs.empty?
    config = Jekyll.configuration(options)
    # A real repository is built the way its host builds it; what is not installed here
    # (Isomer's remote theme, jekyll-feed...) does not change URLs or dates.
    if spec["real"]
      config.delete("remote_theme")
      %w(plugins gems).each do |key|
        config[key] = Array(config[key]).select do |name|
          require name
          true
        rescue LoadError
          false
        end
      end
    end
    site = Jekyll::Site.new(config)
    site.read
  rescue StandardError => e
    next { "error" => "#{e.class}: #{e.message}" }
  end
  source = site.source + "/"
  rel = ->(path) { path.delete_prefix(source) }
  entries = []
  site.posts.docs.each do |doc|
    entries << { "path" => rel.(doc.path), "kind" => doc.draft? ? "draft" : "post",
                 "date" => attempt { doc.date.iso8601 }, "url" => attempt { doc.url },
                 "written" => doc.write? }
  end
  site.collections.each do |label, collection|
    next if label == "posts"
    collection.docs.each do |doc|
      entries << { "path" => rel.(doc.path), "kind" => "document",
                   "date" => attempt { doc.date.iso8601 }, "url" => attempt { doc.url },
                   "written" => doc.write? }
    end
  end
  site.pages.each do |page|
    entries << { "path" => rel.(page.path), "kind" => "page", "url" => attempt { page.url },
                 "written" => true }
  end
  site.static_files.each do |file|
    entries << { "path" => rel.(file.path), "kind" => "static" }
  end
  $failed.each_key { |path| entries << { "path" => rel.(path), "kind" => "build-fails" } }
  { "entries" => entries }
end
File.write(ARGV[1], JSON.generate(out))
"##;

/// How many corpus files go into each sample site (plus `MUST_SAMPLE`).
const SAMPLE_PER_CORPUS: usize = 70;

/// Files with known oddities that every corpus run must include.
const MUST_SAMPLE: &[&str] = &[
    "govtech/isomerpages-govtech/media/events/_posts/ib2020.md",
    "govtech/isomerpages-govtech/media/technews/_posts/14-03-19-what-you-need-to-know-to-be-a-white-hacker.md",
    "govtech/isomerpages-govtech/media/technews/_posts/15-08-2019-this-govtech-team-built-an-ecanvas-to-help-persons-with-disabilities-paint.md",
    "govtech/isomerpages-govtech/media/media-releases/_posts/2023-05-24-Government-projected-to-spend-on ICT-in-FY23.md",
    "mse/news/-parliament-Q-&-A/_posts/022-11-09-written-reply-to-pq-on-chemical-recycling-of-plastic-waste.md",
    "mse/news/-parliament-Q-&-A/_posts/2023-09019-written-reply-to-pq-on-effect-of-el-nino-on-singapore-in-the-coming-year.md",
    "mse/news/-parliament-Q-&-A/_posts/2023-02-07-written-reply-to-pq-on-idling-engines.md",
    "mlaw/news/press-releases/_posts/2022-03-07- Modernising-our-Extradition-Regime-through-the-Extradition-Amendment-Bill.md",
    "mlaw/pages/test-file.md",
];

/// A `_config.yml` for a corpus sample, after the real site's (settings that decide dates and
/// URLs only). Isomer sites: `permalink: none`, Singapore time, every `_folder` a collection
/// with output (as their `collection.yml` files declare), `layout: page` by default.
fn corpus_config(corpus: &str, collections: &[String]) -> String {
    match corpus {
        // github.com/ruby/www.ruby-lang.org _config.yml
        "ruby-lang" => "permalink: pretty\n".to_owned(),
        // github.com/jekyll/jekyll docs/_config.yml
        "jekyll-docs" => concat!(
            "timezone: America/Los_Angeles\n",
            "collections:\n",
            "  docs: {permalink: \"/:collection/:path/\", output: true}\n",
            "  posts: {permalink: \"/news/:year/:month/:day/:title/\", output: true}\n",
            "  tutorials: {permalink: \"/:collection/:path/\", output: true}\n",
        )
        .to_owned(),
        _ => {
            let mut config = String::from(
                "timezone: Asia/Singapore\npermalink: none\ndefaults:\n  - scope:\n      path: \"\"\n    values:\n      layout: page\ncollections:\n",
            );
            for label in collections {
                config.push_str(&format!("  {label}:\n    output: true\n"));
            }
            config
        }
    }
}

/// One sample site per corpus under `dir`; returns their roots.
fn corpus_sites(corpora: &Path, dir: &Path) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    for corpus in ["cpib", "govtech", "jekyll-docs", "mlaw", "mse", "ruby-lang"] {
        let base = corpora.join(corpus);
        // jekyll-docs keeps its site in docs/.
        let site_base = if corpus == "jekyll-docs" {
            base.join("docs")
        } else {
            base.clone()
        };
        let files = support::markdown_files(&site_base);
        let step = (files.len() / SAMPLE_PER_CORPUS).max(1);
        let root = dir.join(corpus);
        let _ = std::fs::remove_dir_all(&root);
        let mut collections = Vec::new();
        for (index, file) in files.iter().enumerate() {
            let relative = file.strip_prefix(&site_base).expect("inside");
            let from_corpora = file.strip_prefix(corpora).expect("inside");
            let wanted =
                index % step == 0 || MUST_SAMPLE.iter().any(|m| Path::new(m) == from_corpora);
            if !wanted {
                continue;
            }
            let target = root.join(relative);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::copy(file, &target).expect("copy");
            let first = relative
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(label) = first.strip_prefix('_')
                && !["posts", "drafts", "data", "includes", "layouts"].contains(&label)
                && relative.components().count() > 1
                && !collections.iter().any(|c| c == label)
            {
                collections.push(label.to_owned());
            }
        }
        std::fs::write(
            root.join("_config.yml"),
            corpus_config(corpus, &collections),
        )
        .expect("config");
        roots.push(root);
    }
    roots
}

/// `frontlint urls --format json` of a site.
fn frontlint_urls(site: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(["urls", "--format", "json"])
        .arg(site)
        .output()
        .expect("run frontlint");
    assert!(output.status.success(), "frontlint urls failed: {output:?}");
    serde_json::from_slice(&output.stdout).expect("json")
}

/// Does `frontlint check` say that the site's `_config.yml` stops the build?
fn config_stops_the_build(site: &Path) -> bool {
    let output = Command::new(env!("CARGO_BIN_EXE_frontlint"))
        .args(["check", "--format", "json"])
        .arg(site)
        .output()
        .expect("run frontlint");
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .any(|d| {
            d["code"] == "FL905"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("stops the build"))
        })
}

#[derive(Default)]
struct Tally {
    agree: usize,
    /// Agreeing posts, documents and pages (files Jekyll renders), by kind.
    rendered: BTreeMap<String, usize>,
    unsupported: usize,
    mismatches: Vec<String>,
}

/// Compare one site: Jekyll's entries against frontlint's rows, by source path.
fn compare(site: &Path, ours: &Value, jekyll: &Value, tally: &mut Tally) {
    if let Some(error) = jekyll.get("error") {
        // Only a `_config.yml` that frontlint also says stops the build may do that.
        if config_stops_the_build(site) {
            tally.agree += 1;
        } else {
            tally.mismatches.push(format!(
                "{}: Jekyll could not read the site: {error}",
                site.display()
            ));
        }
        return;
    }
    let theirs: BTreeMap<&str, &Value> = jekyll["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| (e["path"].as_str().expect("path"), e))
        .collect();
    for row in ours["documents"].as_array().expect("documents") {
        let Some(path) = row["source_path"].as_str() else {
            continue;
        };
        let ours_kind = row["kind"].as_str().unwrap_or("");
        let status = row["status"].as_str().unwrap_or("");
        if status == "unsupported" {
            tally.unsupported += 1;
            continue;
        }
        let expected_kind = match (ours_kind, status) {
            (_, "build-fails") => Some("build-fails"),
            ("post" | "draft" | "document" | "page", "written" | "no-output") => Some(ours_kind),
            ("document", "future") => Some("document"),
            ("static", _) => Some("static"),
            // Skipped, unpublished, future posts, hidden drafts, ignored: Jekyll lists nothing.
            _ => None,
        };
        let entry = theirs.get(path);
        let label = format!("{} {path}", site.display());
        // A URL Jekyll cannot build (an unknown placeholder) fails when it is first asked for.
        let url_raises = entry
            .and_then(|e| e["url"].as_str())
            .is_some_and(|u| u.starts_with('!'));
        let theirs_kind = match entry.and_then(|e| e["kind"].as_str()) {
            Some(_) if url_raises => Some("build-fails"),
            other => other,
        };
        if theirs_kind != expected_kind {
            tally.mismatches.push(format!(
                "{label}: kind {expected_kind:?} (frontlint: {ours_kind}, {status}), Jekyll: {theirs_kind:?}"
            ));
            continue;
        }
        let Some(entry) = entry.filter(|_| !url_raises) else {
            tally.agree += 1;
            continue;
        };
        let rendered = ["post", "draft", "document", "page"].contains(&ours_kind);
        if let Some(url) = entry.get("url").and_then(Value::as_str)
            && row["url"].as_str() != Some(url)
        {
            tally.mismatches.push(format!(
                "{label}: url {:?}, Jekyll {url:?}",
                row["url"].as_str()
            ));
            continue;
        }
        let dated_by_build = row["date_source"].as_str() == Some("build-time");
        if let Some(date) = entry.get("date").and_then(Value::as_str)
            && !dated_by_build
            && row["date"].as_str() != Some(date)
        {
            tally.mismatches.push(format!(
                "{label}: date {:?}, Jekyll {date:?}",
                row["date"].as_str()
            ));
            continue;
        }
        if let Some(written) = entry.get("written").and_then(Value::as_bool)
            && written != (status == "written")
        {
            tally.mismatches.push(format!(
                "{label}: frontlint status {status}, Jekyll writes it: {written}"
            ));
            continue;
        }
        tally.agree += 1;
        if rendered {
            *tally.rendered.entry(ours_kind.to_owned()).or_default() += 1;
        }
    }
}

#[test]
fn urls_agree_with_jekyll() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sites = vec![crate_dir.join("examples/site")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(crate_dir.join("tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    fixtures.sort();
    sites.extend(fixtures);
    let real = support::real_sites();
    if real.is_empty() {
        support::skip(
            "urls_agree_with_jekyll (real repositories)",
            "the shared sites are not there (../shared/sites, or $FRONTLINT_SITES)",
        );
    }
    sites.extend(real.iter().cloned());
    match support::corpora_dir() {
        Some(corpora) => {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("urls-oracle");
            sites.extend(corpus_sites(&corpora, &dir));
        }
        None => support::skip(
            "the urls oracle's corpus samples",
            "the shared corpora are not there",
        ),
    }
    let ours: Vec<Value> = sites.iter().map(|site| frontlint_urls(site)).collect();
    let specs: Vec<Value> = sites
        .iter()
        .zip(&ours)
        .map(|(site, ours)| {
            let configs = &ours["sites"][0]["config_files"];
            let real = real.contains(site);
            json!({ "root": site.display().to_string(), "configs": configs, "real": real })
        })
        .collect();
    let Some(answers) = ruby::run("urls", SITES_RB, &json!({ "sites": specs })) else {
        return;
    };
    let mut tally = Tally::default();
    for ((site, ours), jekyll) in sites
        .iter()
        .zip(&ours)
        .zip(answers.as_array().expect("array"))
    {
        if !real.contains(site) {
            compare(site, ours, jekyll, &mut tally);
            continue;
        }
        let mut own = Tally::default();
        compare(site, ours, jekyll, &mut own);
        eprintln!(
            "urls oracle: {}: {} files agree ({:?} rendered), {} mismatches, {} outside the model",
            site.display(),
            own.agree,
            own.rendered,
            own.mismatches.len(),
            own.unsupported
        );
        // Isomer builds these with every collection.yml: frontlint must read them that way
        // with no config of its own.
        let collection_files = std::fs::read_dir(site)
            .expect("site")
            .flatten()
            .filter(|e| e.path().join("collection.yml").is_file())
            .count();
        assert_eq!(
            ours["sites"][0]["config_files"].as_array().map(Vec::len),
            Some(1 + collection_files),
            "{}: the Isomer site was not read with its collection.yml files",
            site.display()
        );
        assert!(
            own.rendered.values().sum::<usize>() > 100,
            "{}: too few documents compared",
            site.display()
        );
        tally.agree += own.agree;
        tally.unsupported += own.unsupported;
        tally.mismatches.extend(own.mismatches);
    }
    eprintln!(
        "urls oracle: {} files agree with Jekyll, {} mismatches, {} outside the model",
        tally.agree,
        tally.mismatches.len(),
        tally.unsupported
    );
    assert!(
        tally.mismatches.is_empty(),
        "frontlint urls disagrees with Jekyll:\n{}",
        tally.mismatches.join("\n")
    );
    assert!(tally.agree > 20, "the oracle compared too little");
}
