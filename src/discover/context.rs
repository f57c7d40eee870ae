//! The rest of a site, for runs that name only some of its files (pre-commit names the
//! staged ones): site-wide rules (duplicate URLs) must compare the named files with every
//! other file of their site. Those files are read (or taken from the site index cache) but
//! never reported on.

use foldhash::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::engine::Target;
use crate::site::listing::Listing;

use super::target_at;
use super::walk::walk_site_folder;

/// When the paths name files of a site rather than the whole site, add the site's other
/// files as consulted-only targets. With `cache`, the list of the site's files comes from the
/// site file-list cache when no folder of the site changed (`site::listing`), and is saved
/// after a walk.
pub fn add_site_context(targets: &mut Vec<Target>, paths: &[PathBuf], cache: bool) {
    let walked: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| config::absolute(p))
        .collect();
    let mut sites: Vec<Arc<Config>> = Vec::new();
    let mut seen: Vec<&Arc<Config>> = Vec::new();
    for target in targets.iter() {
        let config = &target.config;
        // Once per config: a whole-site run has 20,000 targets and one config.
        if seen.iter().any(|s| Arc::ptr_eq(s, config)) {
            continue;
        }
        seen.push(config);
        let covered = walked.iter().any(|dir| config.root.starts_with(dir));
        if config.rules.compares_files() && !covered {
            sites.push(config.clone());
        }
    }
    if sites.is_empty() {
        return;
    }
    // Site paths are relative to the config's root, so within one config they name a file.
    let mut named: HashMap<usize, HashSet<String>> = HashMap::default();
    for target in targets.iter() {
        let key = Arc::as_ptr(&target.config) as usize;
        named
            .entry(key)
            .or_default()
            .insert(target.site_path.clone());
    }
    let cwd = std::env::current_dir().map(|d| config::absolute(&d)).ok();
    for config in sites {
        // Shown like the named files: relative to the working folder when inside it.
        let root = match &cwd {
            Some(cwd) => match config.root.strip_prefix(cwd) {
                Ok(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
                Ok(relative) => relative.to_path_buf(),
                Err(_) => config.root.clone(),
            },
            None => config.root.clone(),
        };
        let mut context = match cache {
            true => site_targets_cached(&root, &config),
            false => {
                let walked = walk_site_folder(&root, &config, false);
                config.set_site_files(walked.files);
                walked.targets
            }
        };
        let key = Arc::as_ptr(&config) as usize;
        if let Some(named) = named.get(&key) {
            context.retain(|target| !named.contains(&target.site_path));
        }
        context.sort_by(|a, b| a.display.cmp(&b.display));
        for target in &mut context {
            target.reported = false;
        }
        targets.append(&mut context);
    }
}

/// Every file a walk of the site at `root` finds, as targets: from the site file-list cache
/// while it is exact, else from a walk, whose list is then cached.
fn site_targets_cached(root: &Path, config: &Arc<Config>) -> Vec<Target> {
    if let Some(listing) = Listing::load(config, root) {
        config.set_site_files(listing.others);
        return listing
            .files
            .into_iter()
            .map(|(relative, site_path)| {
                // The list holds what the settings it was made with (its fingerprint)
                // selected; of those, the files that are not Markdown are there only as
                // documents with front matter.
                let needs_front_matter = config.selected_if_front_matter(&site_path);
                let mut target = target_at(&root.join(relative), site_path, config);
                target.needs_front_matter = needs_front_matter;
                target
            })
            .collect();
    }
    let walked = walk_site_folder(root, config, true);
    config.set_site_files(walked.files.clone());
    let files: Option<Vec<(String, String)>> = walked
        .targets
        .iter()
        .filter(|target| target.unlisted_folder.is_none())
        .map(|target| {
            let relative = target.path.strip_prefix(root).ok()?.to_str()?;
            Some((relative.replace('\\', "/"), target.site_path.clone()))
        })
        .collect();
    let complete = walked.targets.iter().all(|t| t.unlisted_folder.is_none());
    if let Some(files) = files.filter(|_| complete) {
        Listing::from_walk(root, walked.folders, files, walked.files).store(config, root);
    }
    walked.targets
}
