//! `frontlint urls`: what Jekyll will publish for each file — its kind, effective date, URL
//! and output file — computed by the site model without running Jekyll.

use rayon::prelude::*;
use serde::Serialize;

use crate::cli::{ListFormat, UrlsArgs};
use crate::discover::{self, ConfigCache, DiscoverError};
use crate::engine;
use crate::jekyll::post::DateSource;
use crate::site::facts::{NotWritten, Outcome};
use crate::site::{DocFacts, DocKind};

use super::check::config_failure;
use super::{ExitStatus, write_stdout};

/// One file in the `urls` output (JSON version 1: fields may be added, never removed).
#[derive(Debug, Serialize)]
pub struct UrlRow {
    /// The file as given on the command line.
    pub path: String,
    /// Relative to the Jekyll source folder (`null` outside it).
    pub source_path: Option<String>,
    /// `post`, `draft`, `document`, `page`, `static`, `ignored` or `outside`.
    pub kind: String,
    /// The collection of posts, drafts and documents.
    pub collection: Option<String>,
    /// `written`, `unpublished`, `future`, `draft`, `no-output` (Jekyll renders it but does
    /// not write it), `skipped`, `build-fails`, `unsupported` or `not-rendered`.
    pub status: &'static str,
    /// Why, for `skipped`, `build-fails`, `unsupported` and `ignored` files.
    pub reason: Option<String>,
    /// ISO 8601 with the site zone's offset.
    pub date: Option<String>,
    /// `front-matter`, `defaults`, `filename`, or `build-time` (a document without a date is
    /// dated when Jekyll builds; drafts use the file's modification time).
    pub date_source: Option<&'static str>,
    pub url: Option<String>,
    /// Relative to the output folder (`_site`).
    pub output_path: Option<String>,
}

#[derive(Serialize)]
struct UrlsJson<'a> {
    version: u32,
    sites: Vec<SiteRow>,
    documents: &'a [UrlRow],
}

/// A Jekyll site the files belong to.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct SiteRow {
    /// The site's source folder.
    root: String,
    /// The configuration files read, merged in this order, relative to `root`.
    config_files: Vec<String>,
}

pub fn run(args: &UrlsArgs) -> ExitStatus {
    let mut configs = match ConfigCache::new(args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return config_failure(error),
    };
    let targets = match discover::discover(&args.paths, &mut configs) {
        Ok(targets) => targets,
        Err(DiscoverError::Config(error)) => return config_failure(error),
        Err(DiscoverError::NotFound(path)) => {
            eprintln!("error: {}: no such file or folder", path.display());
            return ExitStatus::Error;
        }
    };
    // Files that turn out not to be documents (a post without front matter that is not
    // Markdown: Jekyll copies it) are not listed, as no static file is.
    let targets: Vec<_> = targets
        .into_par_iter()
        .filter(|target| target.is_document())
        .collect();
    let mut sites: Vec<SiteRow> = Vec::new();
    for target in &targets {
        let site = &target.config.site;
        let row = SiteRow {
            root: relative_to_cwd(&site.root),
            config_files: site.files.iter().map(|f| f.name.clone()).collect(),
        };
        if !sites.contains(&row) {
            sites.push(row);
        }
    }
    let rows: Vec<UrlRow> = targets
        .par_iter()
        .map(|target| {
            let post = engine::read_post(target);
            let facts = engine::facts_for(&post, &target.config);
            row(target.display.clone(), &facts)
        })
        .collect();
    let result = write_stdout(|out| match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &UrlsJson {
                    version: 1,
                    sites,
                    documents: &rows,
                },
            )?;
            writeln!(out)
        }
        ListFormat::Text => write_text(&rows, out),
    });
    match result {
        Ok(()) => ExitStatus::Success,
        Err(error) => {
            eprintln!("error: cannot write the list: {error}");
            ExitStatus::Error
        }
    }
}

/// A folder as the user sees it from where they run frontlint (absolute when elsewhere).
pub fn relative_to_cwd(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir().map(|d| crate::config::absolute(&d));
    match cwd.as_deref().map(|cwd| path.strip_prefix(cwd)) {
        Ok(Ok(relative)) if relative.as_os_str().is_empty() => ".".to_owned(),
        Ok(Ok(relative)) => discover::display_path(relative),
        _ => discover::display_path(path),
    }
}

/// The row of one file.
pub fn row(path: String, facts: &DocFacts) -> UrlRow {
    let mut row = UrlRow {
        path,
        source_path: facts.source_path.clone(),
        kind: facts.kind.name().to_owned(),
        collection: facts.kind.collection().map(str::to_owned),
        status: "not-rendered",
        reason: None,
        date: None,
        date_source: None,
        url: None,
        output_path: None,
    };
    if let DocKind::NotRead(reason) = &facts.kind {
        row.reason = Some(format!("{reason:?}"));
    }
    match &facts.outcome {
        Outcome::NotRendered => {}
        Outcome::Skipped(reason) => {
            row.status = "skipped";
            row.reason = Some(reason.describe().to_owned());
        }
        Outcome::BuildFails(message) => {
            row.status = "build-fails";
            row.reason = Some(message.clone());
        }
        Outcome::Dropped(why) => {
            row.status = "skipped";
            row.reason = Some((*why).to_owned());
        }
        Outcome::Unsupported(why) => {
            row.status = "unsupported";
            row.reason = Some(why.clone());
        }
        Outcome::PluginPlaceholder(name) => {
            row.status = "unsupported";
            row.reason = Some(crate::site::facts::plugin_placeholder_reason(name));
        }
        Outcome::Built(built) => {
            row.status = match built.not_written {
                None => "written",
                Some(NotWritten::Unpublished) => "unpublished",
                Some(NotWritten::Future) => "future",
                Some(NotWritten::Draft) => "draft",
                Some(NotWritten::NoOutput) => "no-output",
            };
            row.date = built.date.as_ref().map(|d| iso8601(&d.datetime));
            row.date_source = built.date_source.map(|source| match source {
                DateSource::FrontMatter => "front-matter",
                DateSource::Defaults => "defaults",
                DateSource::Filename => "filename",
                DateSource::Fallback => "build-time",
            });
            row.url = Some(built.url.clone());
            row.output_path = Some(built.output_path.clone());
        }
    }
    row
}

/// `Time#iso8601`: the offset as `±hh:mm`, seconds of the offset dropped (they exist
/// before 1901, in local mean time).
pub fn iso8601(time: &jiff::ZonedDateTime) -> String {
    let seconds = time.offset().seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!(
        "{}{sign}{:02}:{:02}",
        time.strftime("%Y-%m-%dT%H:%M:%S"),
        abs / 3600,
        abs % 3600 / 60
    )
}

fn write_text(rows: &[UrlRow], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let path_width = rows
        .iter()
        .map(|r| r.path.chars().count())
        .max()
        .unwrap_or(0);
    for row in rows {
        let date = row.date.as_deref().unwrap_or("-");
        let what = match (&row.url, row.status) {
            (Some(url), "written") => url.clone(),
            (Some(url), status) => format!("{url} ({status}, not written)"),
            (None, "not-rendered") => format!("({})", row.kind),
            (None, status) => match &row.reason {
                Some(reason) => format!("({status}: {reason})"),
                None => format!("({status})"),
            },
        };
        writeln!(out, "{:<path_width$}  {date:<25}  {what}", row.path)?;
    }
    Ok(())
}
