//! Site-wide knowledge for the language server: a summary (`IndexedDoc`: URL, output file,
//! where its permalink is) of every Markdown file of the workspace's sites, so that a URL
//! collision with a file that is not open is seen while typing.
//!
//! The workspace is scanned once in the background when the session starts (and again when a
//! config changes); after that, summaries are kept up to date one file at a time: from the
//! editor's text for open documents (which wins over the disk), and from watched-file events
//! for the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::discover::{self, ConfigCache};
use crate::engine;
use crate::site::index::IndexedDoc;

/// Which site a file belongs to: the frontlint config that applies to it, as `frontlint
/// check` groups files (one config is one site). Configs are compared by where they come from,
/// not by identity: the background scan reads its own copies.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SiteKey {
    root: PathBuf,
    file: Option<PathBuf>,
}

impl SiteKey {
    pub fn of(config: &Config) -> SiteKey {
        SiteKey {
            root: config.root.clone(),
            file: config.file.clone(),
        }
    }
}

/// The summaries of every known file, by site.
#[derive(Default)]
pub struct Workspace {
    /// Each site's summaries, sorted by path (site-wide rules see files in the order
    /// `frontlint check` gives them).
    sites: HashMap<SiteKey, Vec<IndexedDoc>>,
    /// The site of each file.
    site_of: HashMap<PathBuf, SiteKey>,
}

impl Workspace {
    /// Every summary of the site (empty for a site not seen yet).
    pub fn site_docs(&self, key: &SiteKey) -> &[IndexedDoc] {
        self.sites.get(key).map_or(&[], Vec::as_slice)
    }

    /// Add or replace a file's summary. Does it change what site-wide rules see (so that the
    /// other open files of the site may need linting again)?
    pub fn upsert(&mut self, key: SiteKey, doc: IndexedDoc) -> bool {
        let mut changed = false;
        if let Some(previous) = self.site_of.get(&doc.file).cloned()
            && previous != key
        {
            changed |= self.remove(&doc.file).is_some();
        }
        self.site_of.insert(doc.file.clone(), key.clone());
        let docs = self.sites.entry(key).or_default();
        match docs.binary_search_by(|d| d.path.cmp(&doc.path)) {
            Ok(at) => {
                changed |= !docs[at].same_summary(&doc);
                docs[at] = doc;
            }
            Err(at) => {
                docs.insert(at, doc);
                changed = true;
            }
        }
        changed
    }

    /// Forget a file (deleted, or an unsaved buffer closed); its site, if it was known.
    pub fn remove(&mut self, file: &Path) -> Option<SiteKey> {
        let key = self.site_of.remove(file)?;
        if let Some(docs) = self.sites.get_mut(&key) {
            docs.retain(|d| d.file != file);
        }
        Some(key)
    }

    pub fn site_of(&self, file: &Path) -> Option<&SiteKey> {
        self.site_of.get(file)
    }

    /// Start again from a full scan.
    pub fn replace_all(&mut self, scanned: Vec<(SiteKey, IndexedDoc)>) {
        self.sites.clear();
        self.site_of.clear();
        for (key, doc) in scanned {
            self.site_of.insert(doc.file.clone(), key.clone());
            self.sites.entry(key).or_default().push(doc);
        }
        for docs in self.sites.values_mut() {
            docs.sort_by(|a, b| a.path.cmp(&b.path));
            docs.dedup_by(|a, b| a.path == b.path);
        }
    }
}

/// How diagnostics and summaries name a file: its absolute path, `/`-separated (the same
/// string for an open document and for the scan, so that they replace each other).
pub fn display(path: &Path) -> String {
    discover::display_path(&crate::config::absolute(path))
}

/// Summarise the file on disk at `path`, with the config that applies to it (`None` when the
/// config does not include it, or it cannot be read).
pub fn summarise_file(path: &Path, config: &Arc<Config>) -> Option<(SiteKey, IndexedDoc)> {
    let mut target = discover::target(path, config);
    if config.selects(&target.site_path) == crate::config::Selection::No || !target.is_document() {
        return None;
    }
    target.display = display(path);
    target.path = crate::config::absolute(path);
    let post = engine::read_post(&target);
    if !post.is_readable() {
        return None;
    }
    let facts = engine::facts_for(&post, config);
    let doc = engine::summarise(&post, &facts, config, target.path.clone());
    Some((SiteKey::of(config), doc))
}

/// Summarise every file `frontlint check` would lint in `folders` (run on a background
/// thread: a large site takes a while). Folders whose config cannot be read are skipped.
pub fn scan(folders: &[PathBuf]) -> Vec<(SiteKey, IndexedDoc)> {
    let mut configs = ConfigCache::default();
    let mut targets = Vec::new();
    for folder in folders {
        let folder = crate::config::absolute(folder);
        match discover::discover(std::slice::from_ref(&folder), &mut configs) {
            Ok(found) => targets.extend(found),
            Err(error) => eprintln!(
                "frontlint lsp: cannot index {}: {error:?}",
                folder.display()
            ),
        }
    }
    targets
        .par_iter()
        .filter_map(|target| summarise_file(&target.path, &target.config))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("frontlint-lsp-workspace-{}", std::process::id()))
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn scan_then_upsert_and_remove_keep_the_site_sorted() {
        let dir = site(
            "scan",
            &[
                ("_config.yml", "title: t\n"),
                ("_posts/2024-01-02-b.md", "---\ntitle: B\n---\n"),
                (
                    "_posts/2024-01-01-a.md",
                    "---\ntitle: A\npermalink: /a/\n---\n",
                ),
                ("_site/copy.md", "---\ntitle: built output\n---\n"),
            ],
        );
        let mut workspace = Workspace::default();
        workspace.replace_all(scan(std::slice::from_ref(&dir)));
        let a = crate::config::absolute(&dir.join("_posts/2024-01-01-a.md"));
        let key = workspace.site_of(&a).cloned().expect("indexed");
        let urls: Vec<Option<&str>> = workspace
            .site_docs(&key)
            .iter()
            .map(|d| d.url.as_deref())
            .collect();
        // `_site/` is excluded, as `frontlint check` excludes it.
        assert_eq!(urls, [Some("/a/"), Some("/2024/01/02/b.html")]);

        // The same summary again changes nothing; a new permalink does.
        let config = ConfigCache::default().for_path(&dir).unwrap();
        let (same_key, same) = summarise_file(&a, &config).unwrap();
        assert_eq!(same_key, key);
        assert!(!workspace.upsert(same_key.clone(), same));
        std::fs::write(&a, "---\ntitle: A\npermalink: /b/\n---\n").unwrap();
        let (_, moved) = summarise_file(&a, &config).unwrap();
        assert!(workspace.upsert(same_key, moved));
        assert_eq!(workspace.site_docs(&key)[0].url.as_deref(), Some("/b/"));

        assert_eq!(workspace.remove(&a), Some(key.clone()));
        assert_eq!(workspace.site_docs(&key).len(), 1);
        assert_eq!(workspace.remove(&a), None);
    }
}
