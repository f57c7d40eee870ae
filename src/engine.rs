//! Runs the rules: every file in parallel, then sorts. The library's entry points for the CLI,
//! stdin and the language server.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, RelatedLocation, Severity};
use crate::post::Post;
use crate::rule::Context;
use crate::site::index::{IndexedDoc, SiteContext, SiteFinding};
use crate::site::{DocFacts, Site};
use crate::source::Source;

/// One file to lint: where to read it, how to show its path, and the config that applies.
#[derive(Clone)]
pub struct Target {
    pub path: PathBuf,
    /// The path as the user gave it (relative stays relative).
    pub display: String,
    /// The path relative to the config's site root, `/`-separated.
    pub site_path: String,
    pub config: Arc<Config>,
}

/// The diagnostics of one file, with its source when a reporter needs to show it.
pub struct FileReport {
    pub path: Arc<str>,
    pub source: Option<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct Report {
    /// Only the files that have diagnostics, sorted by path.
    pub files: Vec<FileReport>,
    pub files_checked: usize,
    pub elapsed: Duration,
}

impl Report {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|file| file.diagnostics.iter())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics()
            .filter(|d| d.severity == severity)
            .count()
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// Keep each file's text with its diagnostics (the pretty reporter shows snippets).
    pub keep_sources: bool,
}

/// Lint every target in parallel, then run the site-wide rules once per site.
pub fn run(targets: &[Target], options: RunOptions) -> Report {
    let started = Instant::now();
    let linted: Vec<(Option<FileReport>, IndexedDoc)> = targets
        .par_iter()
        .map(|target| {
            let post = read_post(target);
            let facts = facts_for(&post, &target.config);
            let diagnostics = lint_post_with(&post, &target.config, &facts);
            let doc = IndexedDoc::new(&post, &facts, target.path.clone(), true);
            let report = (!diagnostics.is_empty()).then(|| FileReport {
                path: post.source.path.clone(),
                source: options.keep_sources.then_some(post.source),
                diagnostics,
            });
            (report, doc)
        })
        .collect();
    let mut files = Vec::new();
    let mut docs = Vec::with_capacity(linted.len());
    for (report, doc) in linted {
        files.extend(report);
        docs.push(doc);
    }
    // Where each file is, to show the lines of files that only site-wide rules report on.
    let on_disk: HashMap<Arc<str>, PathBuf> = if options.keep_sources {
        docs.iter()
            .map(|doc| (doc.path.clone(), doc.file.clone()))
            .collect()
    } else {
        HashMap::new()
    };
    let site_diagnostics = site_wide(targets, docs);
    merge_site_diagnostics(&mut files, site_diagnostics, &on_disk, options);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Report {
        files,
        files_checked: targets.len(),
        elapsed: started.elapsed(),
    }
}

/// The site-wide rules, once per config (one config means one site), over the summaries of
/// its files. Findings on files that are not reported are dropped.
fn site_wide(targets: &[Target], docs: Vec<IndexedDoc>) -> Vec<(Diagnostic, Option<Arc<str>>)> {
    let mut groups: Vec<(&Arc<Config>, Vec<IndexedDoc>)> = Vec::new();
    for (target, doc) in targets.iter().zip(docs) {
        match groups
            .iter_mut()
            .find(|(config, _)| Arc::ptr_eq(config, &target.config))
        {
            Some((_, members)) => members.push(doc),
            None => groups.push((&target.config, vec![doc])),
        }
    }
    let mut out = Vec::new();
    for (config, members) in groups {
        let config_paths = site_config_display(&config.site, &members);
        let cx = SiteContext {
            site: &config.site,
            docs: &members,
            config_paths: &config_paths,
        };
        let unreported: HashSet<&str> = members
            .iter()
            .filter(|doc| !doc.reported)
            .map(|doc| &*doc.path)
            .collect();
        let mut findings = Vec::new();
        for active in &config.rules.active {
            active.rule.check_site(&cx, &mut findings);
            for finding in findings.drain(..) {
                if unreported.contains(&*finding.place.path) {
                    continue;
                }
                // A finding in a configuration file carries its text (for the pretty format).
                let config_text = config_paths
                    .iter()
                    .position(|p| *p == finding.place.path)
                    .map(|i| config.site.files[i].text.clone());
                out.push((
                    place_site_finding(
                        active.meta.code,
                        active.meta.name,
                        active.severity,
                        finding,
                    ),
                    config_text,
                ));
            }
        }
    }
    out
}

/// The site's configuration files as the user would write their paths: next to the files
/// they named (else as found on disk).
fn site_config_display(site: &Site, docs: &[IndexedDoc]) -> Vec<Arc<str>> {
    let prefix = docs.iter().find_map(|doc| {
        let source_path = doc.source_path.as_deref()?;
        let prefix = doc.path.strip_suffix(source_path)?;
        (prefix.is_empty() || prefix.ends_with('/')).then(|| prefix.to_owned())
    });
    site.files
        .iter()
        .map(|file| match &prefix {
            Some(prefix) => format!("{prefix}{}", file.name).into(),
            None => crate::discover::display_path(&file.path).into(),
        })
        .collect()
}

fn place_site_finding(
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    finding: SiteFinding,
) -> Diagnostic {
    let anchor = finding.place.anchor;
    Diagnostic {
        path: finding.place.path,
        range: anchor.range,
        start: anchor.start,
        end: anchor.end,
        code,
        rule,
        severity,
        message: finding.message,
        help: finding.help,
        related: finding
            .related
            .into_iter()
            .map(|(place, message)| RelatedLocation {
                path: place.path,
                line: place.anchor.start.line,
                column: place.anchor.start.column,
                range: place.anchor.range,
                message,
            })
            .collect(),
        fix: None,
    }
}

/// Add site-wide diagnostics to the file reports, creating reports (with the file's text for
/// the pretty format, read again) for files that had none.
fn merge_site_diagnostics(
    files: &mut Vec<FileReport>,
    diagnostics: Vec<(Diagnostic, Option<Arc<str>>)>,
    on_disk: &HashMap<Arc<str>, PathBuf>,
    options: RunOptions,
) {
    if diagnostics.is_empty() {
        return;
    }
    let mut index: HashMap<Arc<str>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, file)| (file.path.clone(), i))
        .collect();
    for (diagnostic, config_text) in diagnostics {
        let slot = *index.entry(diagnostic.path.clone()).or_insert_with(|| {
            let source = options.keep_sources.then(|| {
                let text = config_text.clone().unwrap_or_else(|| {
                    on_disk
                        .get(&diagnostic.path)
                        .and_then(|file| std::fs::read(file).ok())
                        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned().into())
                        .unwrap_or_else(|| "".into())
                });
                Source::new(diagnostic.path.clone(), text)
            });
            files.push(FileReport {
                path: diagnostic.path.clone(),
                source,
                diagnostics: Vec::new(),
            });
            files.len() - 1
        });
        files[slot].diagnostics.push(diagnostic);
    }
    for file in files.iter_mut() {
        file.diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        file.diagnostics.dedup();
    }
}

/// Read a target into a post; a file that cannot be read becomes a post with that problem.
pub fn read_post(target: &Target) -> Post {
    match std::fs::read(&target.path) {
        Ok(bytes) => Post::from_bytes(&target.display, target.site_path.clone(), bytes),
        Err(error) => {
            Post::unreadable(&target.display, target.site_path.clone(), error.to_string())
        }
    }
}

/// Lint text that is not (or not yet) on disk, as if it were at `display` / `site_path`.
pub fn lint_text(
    display: &str,
    site_path: &str,
    text: &str,
    config: &Config,
) -> (Post, Vec<Diagnostic>) {
    let post = Post::new(Source::new(display, text), site_path.to_owned(), None);
    let diagnostics = lint_post(&post, config);
    (post, diagnostics)
}

/// Run every active rule on one post; diagnostics come back sorted.
pub fn lint_post(post: &Post, config: &Config) -> Vec<Diagnostic> {
    let facts = facts_for(post, config);
    lint_post_with(post, config, &facts)
}

/// What Jekyll makes of a post under this config's site.
pub fn facts_for(post: &Post, config: &Config) -> DocFacts {
    DocFacts::compute(
        post,
        &config.site,
        config.source_path(&post.site_path).as_deref(),
    )
}

/// Run every active rule on one post whose facts are known.
pub fn lint_post_with(post: &Post, config: &Config, facts: &DocFacts) -> Vec<Diagnostic> {
    let schema = config.schema_for(&post.site_path);
    let cx = Context {
        post,
        schema: &schema,
        site: &config.site,
        facts,
    };
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for active in &config.rules.active {
        active.rule.check(&cx, &mut findings);
        for finding in findings.drain(..) {
            diagnostics.push(place(
                post,
                active.meta.code,
                active.meta.name,
                active.severity,
                finding,
            ));
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics
}

/// Turn a rule's finding into a diagnostic with positions.
fn place(
    post: &Post,
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    finding: Finding,
) -> Diagnostic {
    let source = &post.source;
    let related = finding
        .related
        .into_iter()
        .map(|related| {
            let position = source.position(related.range.start);
            RelatedLocation {
                path: related.path.unwrap_or_else(|| source.path.clone()),
                range: related.range,
                line: position.line,
                column: position.column,
                message: related.message,
            }
        })
        .collect();
    Diagnostic {
        path: source.path.clone(),
        start: source.position(finding.range.start),
        end: source.position(finding.range.end),
        range: finding.range,
        code,
        rule,
        severity,
        message: finding.message,
        help: finding.help,
        related,
        fix: finding.fix,
    }
}
