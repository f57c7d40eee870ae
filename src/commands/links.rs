//! `frontlint links`: every link the named files write and where it leads on the published
//! site — a page or file (and which source writes it), a redirect of the host, another site,
//! Liquid's guess, or nowhere. `--to` keeps the links that lead to one page: what breaks if
//! it is renamed.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::check::config_failure;
use super::{ExitStatus, write_stdout};
use crate::cli::{LinksArgs, ListFormat};
use crate::config::Config;
use crate::discover::{self, ConfigCache, DiscoverError};
use crate::engine::{self, Target};
use crate::links::extract::{judged, links_of};
use crate::links::host::candidates;
use crate::links::published::{Published, Writer};
use crate::links::resolve::{Anchor, Resolved, Status, resolve};
use crate::links::{LinkTarget, SiteLink};
use crate::site::index::IndexedDoc;

/// One link in the output (JSON version 1: fields may be added, never removed or renamed).
#[derive(Debug, Serialize)]
pub struct LinkRow {
    /// The file, as given on the command line.
    pub path: String,
    /// Relative to the site's folder.
    pub source_path: Option<String>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets of the destination as written.
    pub offset: usize,
    pub end_offset: usize,
    /// The destination as written.
    pub written: String,
    /// `inline`, `reference`, `autolink`, `image`, `html`, `liquid-link`, `liquid-post-url`,
    /// `front-matter`.
    pub kind: &'static str,
    /// The HTML element it becomes (`a`, `img`, `iframe`…).
    pub element: String,
    /// What it resolves to: a URL of the site (with its `baseurl` and `#fragment`), the URL
    /// of another site, or `null` when Liquid computes it.
    pub url: Option<String>,
    /// `ok`, `broken`, `redirected`, `external`, `computed`, `empty`, `build-fails` (a link tag
    /// Jekyll cannot resolve), `case-only` (works only because the host ignores letter case)
    /// or `not-judged` (a path frontlint cannot see: another application of the host, a folder
    /// it did not walk).
    pub status: &'static str,
    /// The `#fragment` against the target's IDs: `ok`, `missing`, `unknown`, or `null`.
    pub anchor: Option<&'static str>,
    /// The source file of an `ok` target, relative to the site's folder.
    pub target: Option<String>,
}

#[derive(Serialize)]
struct LinksJson<'a> {
    version: u32,
    sites: Vec<SiteRow>,
    links: &'a [LinkRow],
}

#[derive(Debug, Serialize, PartialEq, Eq)]
struct SiteRow {
    root: String,
    config_files: Vec<String>,
}

pub fn run(args: &LinksArgs) -> ExitStatus {
    let mut configs = match ConfigCache::new(args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return config_failure(error),
    };
    let mut targets = match discover::discover(&args.paths, &mut configs) {
        Ok(targets) => targets,
        Err(DiscoverError::Config(error)) => return config_failure(error),
        Err(DiscoverError::NotFound(path)) => {
            eprintln!("error: {}: no such file or folder", path.display());
            return ExitStatus::Error;
        }
    };
    // Links lead anywhere in their site: every site is read whole.
    discover::add_site_context(&mut targets, &args.paths, false);
    let mut rows = Vec::new();
    let mut sites = Vec::new();
    for (config, members) in by_site(&targets) {
        sites.push(SiteRow {
            root: super::urls::relative_to_cwd(&config.root),
            config_files: config.site.files.iter().map(|f| f.name.clone()).collect(),
        });
        rows.extend(site_rows(&config, &members));
    }
    if let Some(to) = &args.to {
        rows.retain(|row| leads_to(row, to, &targets));
    }
    let result = write_stdout(|out| match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &LinksJson {
                    version: 1,
                    sites,
                    links: &rows,
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

/// The targets grouped by site, in order.
fn by_site(targets: &[Target]) -> Vec<(Arc<Config>, Vec<&Target>)> {
    let mut groups: Vec<(Arc<Config>, Vec<&Target>)> = Vec::new();
    for target in targets {
        match groups
            .iter_mut()
            .find(|(c, _)| Arc::ptr_eq(c, &target.config))
        {
            Some((_, members)) => members.push(target),
            None => groups.push((target.config.clone(), vec![target])),
        }
    }
    groups
}

/// Every link of the site's reported files, resolved against the whole site.
fn site_rows(config: &Arc<Config>, members: &[&Target]) -> Vec<LinkRow> {
    let read: Vec<(IndexedDoc, Vec<SiteLink>)> = members
        .par_iter()
        .map(|target| {
            let post = engine::read_post(target);
            let facts = engine::facts_for(&post, config);
            let schema = config.schema_for(&post.site_path);
            let all = match target.reported && target.is_document() {
                true => links_of(&post, &facts, &config.site, &schema),
                false => Vec::new(),
            };
            let ids = (facts.is_markdown && facts.built().is_some())
                .then(|| crate::markdown::page_ids(post.markdown(), &config.site.config.header_ids))
                .flatten();
            let doc = IndexedDoc::new(&post, &facts, target.path.clone(), target.reported)
                .with_links(judged(links_of(&post, &facts, &config.site, &schema)), ids);
            (doc, all)
        })
        .collect();
    let (docs, all): (Vec<IndexedDoc>, Vec<Vec<SiteLink>>) = read.into_iter().unzip();
    let files = config.site_files();
    let published = Published::new(&config.site, &docs, files.as_deref());
    let mut rows = Vec::new();
    for (index, links) in all.iter().enumerate() {
        for link in links {
            let resolved = resolve(link, index, &config.site, &published);
            rows.push(row(&docs[index], link, &resolved, config, &published));
        }
    }
    rows
}

fn row(
    doc: &IndexedDoc,
    link: &SiteLink,
    resolved: &Resolved,
    config: &Config,
    published: &Published<'_>,
) -> LinkRow {
    let baseurl = &config.site.config.baseurl;
    let fragment = resolved
        .fragment
        .as_deref()
        .map(|f| format!("#{f}"))
        .unwrap_or_default();
    let (status, target, url) = match &resolved.status {
        Status::Ok { output, writer } => {
            let url = match (writer, output.is_empty()) {
                (Writer::Doc(index), _) => published.doc(*index).url.clone(),
                (_, false) => Some(format!("/{output}")),
                _ => None,
            };
            (
                "ok",
                published.source_of(*writer).map(str::to_owned),
                url.map(|u| format!("{baseurl}{u}{fragment}")),
            )
        }
        Status::CaseOnly { output, writer } => (
            "case-only",
            published.source_of(*writer).map(str::to_owned),
            Some(format!("{baseurl}/{output}{fragment}")),
        ),
        Status::Redirected { .. } => ("redirected", None, site_url(link, baseurl, &fragment)),
        Status::Broken { .. } => ("broken", None, site_url(link, baseurl, &fragment)),
        Status::NotJudged => ("not-judged", None, site_url(link, baseurl, &fragment)),
        Status::TagFails { .. } => ("build-fails", None, None),
        Status::External => ("external", None, Some(link.written.trim().to_owned())),
        Status::Computed => ("computed", None, None),
        Status::Empty => ("empty", None, None),
    };
    LinkRow {
        path: doc.path.to_string(),
        source_path: doc.source_path.clone(),
        line: link.at.start.line,
        column: link.at.start.column,
        end_line: link.at.end.line,
        end_column: link.at.end.column,
        offset: link.at.range.start,
        end_offset: link.at.range.end,
        written: link.written.clone(),
        kind: link.kind.name(),
        element: link.element.clone(),
        url,
        status,
        anchor: resolved.anchor.map(|a| match a {
            Anchor::Ok => "ok",
            Anchor::Missing => "missing",
            Anchor::Unknown => "unknown",
        }),
        target,
    }
}

fn site_url(link: &SiteLink, baseurl: &str, fragment: &str) -> Option<String> {
    match &link.target {
        LinkTarget::Site { path, .. } => Some(format!("{baseurl}{path}{fragment}")),
        _ => None,
    }
}

/// Does the row's link lead to `to`, a source file of the run's sites or a URL path?
fn leads_to(row: &LinkRow, to: &str, targets: &[Target]) -> bool {
    if row.status != "ok" {
        return false;
    }
    let file = Path::new(to);
    if file.is_file()
        && let Some(target) = targets
            .iter()
            .find(|t| crate::config::absolute(&t.path) == crate::config::absolute(file))
    {
        return row.target.as_deref() == target.config.source_path(&target.site_path).as_deref();
    }
    let wanted = to.split('#').next().unwrap_or(to);
    let path = match url::Url::parse(wanted) {
        Ok(url) if url.has_host() => url.path().to_owned(),
        _ => wanted.to_owned(),
    };
    let Some(url) = row.url.as_deref() else {
        return false;
    };
    let url = url.split('#').next().unwrap_or(url);
    let same = |a: &str, b: &str| {
        let (a, b) = (candidates(a), candidates(b));
        a.iter().any(|x| b.contains(x))
    };
    same(url, &path)
}

fn write_text(rows: &[LinkRow], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        *by_status.entry(row.status).or_default() += 1;
        let anchor = match row.anchor {
            Some("missing") => " (no such #fragment)",
            _ => "",
        };
        let leads = match (&row.url, &row.target) {
            (Some(url), Some(target)) => format!(" -> {url} ({target})"),
            (Some(url), None) => format!(" -> {url}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}:{}:{}: {:<11} {}{leads}{anchor}",
            row.path, row.line, row.column, row.status, row.written
        )?;
    }
    let summary: Vec<String> = by_status
        .iter()
        .map(|(status, n)| format!("{n} {status}"))
        .collect();
    if !summary.is_empty() {
        eprintln!("{} links: {}", rows.len(), summary.join(", "));
    }
    Ok(())
}
