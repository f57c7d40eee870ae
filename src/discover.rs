//! Which files to lint: walk the given paths (respecting `.gitignore` and the config's
//! include/exclude globs), find the config for each, and sort.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError};
use crate::engine::Target;
use crate::site::listing::Listing;

#[derive(Debug)]
pub enum DiscoverError {
    Config(ConfigError),
    /// A path named on the command line does not exist.
    NotFound(PathBuf),
}

impl From<ConfigError> for DiscoverError {
    fn from(error: ConfigError) -> Self {
        DiscoverError::Config(error)
    }
}

/// Find configs once per folder they apply to.
#[derive(Default)]
pub struct ConfigCache {
    /// `--config FILE`: one config for everything.
    fixed: Option<Arc<Config>>,
    by_start: HashMap<PathBuf, Arc<Config>>,
}

impl ConfigCache {
    pub fn new(config_file: Option<&Path>) -> Result<Self, ConfigError> {
        let fixed = config_file.map(Config::load).transpose()?.map(Arc::new);
        Ok(ConfigCache {
            fixed,
            by_start: HashMap::new(),
        })
    }

    /// The config for files under `start` (a folder, or a file's folder).
    pub fn for_path(&mut self, start: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let dir = if start.is_dir() {
            start.to_path_buf()
        } else {
            start.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let dir = config::absolute(&dir);
        if let Some(config) = self.by_start.get(&dir) {
            return Ok(config.clone());
        }
        let found = Config::discover(&dir)?;
        // Folders of one site share one config, so that site-wide rules see all their files.
        let same = |c: &Arc<Config>| {
            c.file == found.file && c.root == found.root && c.site.root == found.site.root
        };
        let config = match self.by_start.values().find(|c| same(c)) {
            Some(existing) => existing.clone(),
            None => Arc::new(found),
        };
        // Every folder between here and the config's root shares it.
        self.by_start.insert(dir, config.clone());
        Ok(config)
    }
}

/// Expand `paths` into sorted, de-duplicated targets. A file named explicitly is always linted
/// (unless `force_exclude` and the config excludes it); files found by walking a folder must
/// match the config's include globs and no exclude glob.
pub fn discover(
    paths: &[PathBuf],
    configs: &mut ConfigCache,
) -> Result<Vec<Target>, DiscoverError> {
    discover_with(paths, configs, false)
}

pub fn discover_with(
    paths: &[PathBuf],
    configs: &mut ConfigCache,
    force_exclude: bool,
) -> Result<Vec<Target>, DiscoverError> {
    let mut targets = Vec::new();
    for path in paths {
        if !path.exists() && path.symlink_metadata().is_err() {
            return Err(DiscoverError::NotFound(path.clone()));
        }
        let config = configs.for_path(path)?;
        if !path.is_dir() {
            let excluded = force_exclude && config.is_excluded(&site_path(&config, path));
            if !excluded {
                targets.push(target(path, &config));
            }
            continue;
        }
        walk_folder(path, &config, &mut targets);
    }
    targets.sort_by(|a, b| a.display.cmp(&b.display));
    targets.dedup_by(|a, b| a.display == b.display);
    Ok(targets)
}

/// Every file under `path` that the config includes, as targets, in no particular order
/// (callers sort). The walk runs on every core: a big site's folders hold tens of thousands
/// of files.
fn walk_folder(path: &Path, config: &Arc<Config>, targets: &mut Vec<Target>) {
    walk_folder_recording(path, config, targets, false);
}

/// [`walk_folder`], also returning the folders walked (relative to `path`, `/`-separated)
/// when `record` is set.
fn walk_folder_recording(
    path: &Path,
    config: &Arc<Config>,
    targets: &mut Vec<Target>,
    record: bool,
) -> Vec<String> {
    let walk_config = config.clone();
    let walker = ignore::WalkBuilder::new(path)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir
                && entry.depth() > 0
                && walk_config.is_excluded(&site_path(&walk_config, entry.path())))
        })
        .build_parallel();
    let base = site_path(config, path);
    // Site paths below the walked folder are its own plus the entry's relative path: no
    // normalising of every file's absolute path.
    let simple = !base.starts_with("..") && !Path::new(&base).is_absolute();
    let found = std::sync::Mutex::new(Vec::new());
    let folders = std::sync::Mutex::new(Vec::new());
    walker.run(|| {
        let (found, base, folders) = (&found, &base, &folders);
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return ignore::WalkState::Continue;
            };
            if entry.file_type().is_some_and(|t| t.is_dir()) {
                if record {
                    let relative = entry.path().strip_prefix(path).unwrap_or(entry.path());
                    let relative = relative.to_string_lossy().replace('\\', "/");
                    folders
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(relative);
                }
                return ignore::WalkState::Continue;
            }
            let file = entry.path();
            let relative = file.strip_prefix(path).ok().and_then(Path::to_str);
            let site_path = match relative {
                Some(relative) if simple && !relative.contains('\\') && !relative.is_empty() => {
                    match base.as_str() {
                        "" => relative.to_owned(),
                        base => format!("{base}/{relative}"),
                    }
                }
                _ => site_path(config, file),
            };
            if config.is_included(&site_path) {
                let target = target_at(file, site_path, config);
                found.lock().unwrap_or_else(|e| e.into_inner()).push(target);
            }
            ignore::WalkState::Continue
        })
    });
    targets.append(&mut found.into_inner().unwrap_or_else(|e| e.into_inner()));
    folders.into_inner().unwrap_or_else(|e| e.into_inner())
}

pub fn target(path: &Path, config: &Arc<Config>) -> Target {
    target_at(path, site_path(config, path), config)
}

/// [`target`] when the site path is already known.
fn target_at(path: &Path, site_path: String, config: &Arc<Config>) -> Target {
    Target {
        path: path.to_path_buf(),
        display: display_path(path),
        site_path,
        config: config.clone(),
        reported: true,
    }
}

/// When the paths name files of a site rather than the whole site (pre-commit names the
/// staged files), add the site's other files as consulted-only targets, so that rules that
/// compare files (duplicate URLs) compare the named files with the rest of the site. Nothing
/// is reported on the added files.
///
/// With `cache`, the list of the site's files comes from the site file-list cache when no
/// folder of the site changed (`site::listing`), and is saved after a walk.
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
        let covered = walked.iter().any(|dir| config.site.root.starts_with(dir));
        if config.rules.compares_files() && !covered {
            sites.push(config.clone());
        }
    }
    if sites.is_empty() {
        return;
    }
    // Site paths are relative to the config's root, so within one config they name a file.
    let mut named: HashMap<usize, HashSet<String>> = HashMap::new();
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
            Some(cwd) => match config.site.root.strip_prefix(cwd) {
                Ok(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
                Ok(relative) => relative.to_path_buf(),
                Err(_) => config.site.root.clone(),
            },
            None => config.site.root.clone(),
        };
        let mut context = match cache {
            true => site_targets_cached(&root, &config),
            false => {
                let mut found = Vec::new();
                walk_folder(&root, &config, &mut found);
                found
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
        return listing
            .files
            .into_iter()
            .map(|(relative, site_path)| target_at(&root.join(relative), site_path, config))
            .collect();
    }
    let mut found = Vec::new();
    let folders = walk_folder_recording(root, config, &mut found, true);
    let files: Option<Vec<(String, String)>> = found
        .iter()
        .map(|target| {
            let relative = target.path.strip_prefix(root).ok()?.to_str()?;
            Some((relative.replace('\\', "/"), target.site_path.clone()))
        })
        .collect();
    if let Some(files) = files {
        Listing::from_walk(root, folders, files).store(config, root);
    }
    found
}

/// The path as the user gave it, with `./` dropped and `/` separators.
pub fn display_path(path: &Path) -> String {
    // The usual path needs one copy (this runs for every file of a site).
    if let Some(text) = path.to_str().filter(|t| !t.contains('\\')) {
        return text.strip_prefix("./").unwrap_or(text).to_owned();
    }
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

/// The path relative to the config's root, `/`-separated (the path itself when outside it).
pub fn site_path(config: &Config, path: &Path) -> String {
    let absolute = config::absolute(path);
    let relative = absolute.strip_prefix(&config.root).unwrap_or(path);
    relative
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
