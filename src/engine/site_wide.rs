//! Site-wide rules (duplicate URLs, URLs that differ only in case): once per site, over the
//! summaries of its files, after every file was linted. Findings land in the files' reports.

use foldhash::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::{FileReport, RunOptions, Target};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, RelatedLocation, Severity};
use crate::site::index::{IndexedDoc, SiteContext, SiteFinding};
use crate::site::{DocKind, Site};
use crate::source::Source;

/// The site-wide rules, once per config (one config means one site), over the summaries of
/// its files. Findings on files that are not reported are dropped.
pub(super) fn site_wide(
    targets: &[Target],
    docs: Vec<IndexedDoc>,
    exit_after: bool,
) -> Vec<(Diagnostic, Option<Arc<str>>)> {
    let mut groups: Vec<(&Arc<Config>, Vec<IndexedDoc>)> = Vec::new();
    // The usual run is one site: its summaries stay where they are. Pushing 20,000 of them
    // into a new growing vector left its discarded copies resident (mimalloc purges freed
    // pages after a delay): peak RSS at 20,000 posts was 57–65 MB, now 44–50 MB.
    let one_config = targets.first().filter(|first| {
        targets
            .iter()
            .all(|target| Arc::ptr_eq(&target.config, &first.config))
    });
    let docs = match one_config {
        Some(first) => {
            groups.push((&first.config, docs));
            Vec::new()
        }
        None => docs,
    };
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
        let mut findings = check_site(config, &members);
        // A set of the few paths findings name, not of every file of the site.
        let named: HashSet<Arc<str>> = findings.iter().map(|(d, _)| d.path.clone()).collect();
        let unreported: HashSet<&str> = members
            .iter()
            .filter(|doc| !doc.reported && named.contains(&doc.path))
            .map(|doc| &*doc.path)
            .collect();
        findings.retain(|(diagnostic, _)| !unreported.contains(&*diagnostic.path));
        out.extend(findings);
        if exit_after {
            // Nothing else reads them, and the process ends: see `RunOptions::exit_after`.
            std::mem::forget(members);
        }
    }
    out
}

/// Every site-wide rule of `config` over `docs`, the summaries of one site's files: the
/// diagnostics, each with the text of the configuration file it points into, if it does.
pub fn check_site(config: &Config, docs: &[IndexedDoc]) -> Vec<(Diagnostic, Option<Arc<str>>)> {
    let config_paths = site_config_display(&config.site, docs);
    let with_stubs = with_redirect_stubs(docs);
    let files = config.site_files();
    let cx = SiteContext {
        site: &config.site,
        docs: with_stubs.as_deref().unwrap_or(docs),
        config_paths: &config_paths,
        files: files.as_deref(),
        graph: std::sync::OnceLock::new(),
    };
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for active in &config.rules.active {
        active.rule.check_site(&cx, &mut findings);
        for finding in findings.drain(..) {
            // A finding in a configuration file carries its text (for the pretty format).
            let config_text = config_paths
                .iter()
                .position(|p| *p == finding.place.path)
                .map(|i| config.site.files[i].text.clone());
            out.push((
                place_site_finding(active.meta.code, active.meta.name, active.severity, finding),
                config_text,
            ));
        }
    }
    out
}

/// The pages jekyll-redirect-from publishes at old URLs (`redirect_from`), as summaries of
/// their own after the site's files, so that a stub and a page at one URL collide like two
/// pages do. Each stub points at its `redirect_from` entry. `None` when there are none.
fn with_redirect_stubs(docs: &[IndexedDoc]) -> Option<Vec<IndexedDoc>> {
    let stubs: Vec<IndexedDoc> = docs
        .iter()
        .filter(|doc| doc.written)
        .flat_map(|doc| {
            doc.extras()
                .redirects
                .iter()
                .map(|(url, output_path, entry)| IndexedDoc {
                    kind: DocKind::Page,
                    group: None,
                    url: Some(url.clone()),
                    output_path: Some(output_path.clone()),
                    written: true,
                    permalink: Some(entry.clone()),
                    field_keys: Default::default(),
                    extras: None,
                    links: Default::default(),
                    ids: Default::default(),
                    ..doc.clone()
                })
        })
        .collect();
    if stubs.is_empty() {
        return None;
    }
    let mut all = docs.to_vec();
    all.extend(stubs);
    Some(all)
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
        fix: finding.fix,
    }
}

/// Add site-wide diagnostics to the file reports, creating reports (with the file's text for
/// the pretty format, read again) for files that had none.
pub(super) fn merge_site_diagnostics(
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
