//! Which site a path belongs to, and that site's config. A Jekyll site is a folder holding
//! `_config.yml` (or `_config.yaml`): a file belongs to the nearest one at or above it,
//! whichever path was typed. Its settings come from `--config` when given (settings only: the
//! site's folder stays its root), else from the nearest `.frontlint.yml` at or above the site's
//! folder, else the built-in `jekyll` preset.
//!
//! Files that belong to no Jekyll site are linted against a root of their own: the folder of
//! their `.frontlint.yml`, else the folder holding their `_posts`/`_drafts`, else the folder
//! linted. Only for them can the root depend on the path typed: add a `_config.yml`.

use foldhash::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError, Settings, find_config_file};
use crate::site::is_site_root;

/// Sites, their configs and the config files they use, each read once per run.
#[derive(Default)]
pub struct ConfigCache {
    /// `--config FILE`: the settings of every site.
    fixed: Option<Arc<Settings>>,
    /// Config files read, by path (sites of one repository share one).
    settings: HashMap<PathBuf, Arc<Settings>>,
    preset: Option<Arc<Settings>>,
    /// Folder → the site folder at or above it (`None`: none).
    site_of_folder: HashMap<PathBuf, Option<PathBuf>>,
    /// Resolved configs by root and config file: one per site.
    configs: HashMap<(PathBuf, Option<PathBuf>), Arc<Config>>,
}

impl ConfigCache {
    pub fn new(config_file: Option<&Path>) -> Result<Self, ConfigError> {
        let fixed = config_file.map(Settings::load).transpose()?.map(Arc::new);
        Ok(ConfigCache {
            fixed,
            ..ConfigCache::default()
        })
    }

    /// The config of the site holding `start` (a file, or a folder and what is in it that
    /// belongs to no site below it).
    pub fn for_path(&mut self, start: &Path) -> Result<Arc<Config>, ConfigError> {
        let start = config::absolute(start);
        let dir = if start.is_dir() {
            start
        } else {
            start.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        match self.site_root_of(&dir) {
            Some(root) => self.for_site(&root),
            None => self.outside_sites(&dir),
        }
    }

    /// The config of the Jekyll site whose folder is `root` (absolute).
    pub fn for_site(&mut self, root: &Path) -> Result<Arc<Config>, ConfigError> {
        let settings = match &self.fixed {
            Some(fixed) => fixed.clone(),
            None => self.settings_above(root)?,
        };
        self.config(root, settings, Some(root.to_path_buf()))
    }

    /// Files in `dir` that belong to no Jekyll site.
    fn outside_sites(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        let found = match &self.fixed {
            Some(_) => None,
            None => find_config_file(dir),
        };
        let settings = match (&self.fixed, &found) {
            (Some(fixed), _) => fixed.clone(),
            (None, Some(file)) => self.settings_file(file)?,
            (None, None) => self.preset()?,
        };
        // A `.frontlint.yml` marks the project's folder; without one, an editor's file (or
        // standard input named after one) in `_posts/` belongs to the folder holding it.
        let config_folder = found.as_deref().and_then(Path::parent);
        let root = config_folder
            .map(Path::to_path_buf)
            .or_else(|| {
                dir.ancestors()
                    .find(|a| {
                        a.file_name()
                            .is_some_and(|n| n == "_posts" || n == "_drafts")
                    })
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
            })
            .unwrap_or_else(|| dir.to_path_buf());
        // The cache lives only where the user's own config file is.
        let cache_root = config_folder.filter(|f| *f == root).map(Path::to_path_buf);
        self.config(&root, settings, cache_root)
    }

    fn config(
        &mut self,
        root: &Path,
        settings: Arc<Settings>,
        cache_root: Option<PathBuf>,
    ) -> Result<Arc<Config>, ConfigError> {
        let key = (root.to_path_buf(), settings.file.clone());
        if let Some(config) = self.configs.get(&key) {
            return Ok(config.clone());
        }
        let config = Arc::new(Config::new(root.to_path_buf(), &settings, cache_root)?);
        self.configs.insert(key, config.clone());
        Ok(config)
    }

    /// The nearest site folder at or above `dir` (absolute), remembered for every folder on
    /// the way.
    fn site_root_of(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.site_of_folder.get(ancestor) {
                found = known.clone();
                break;
            }
            visited.push(ancestor.to_path_buf());
            if is_site_root(ancestor) {
                found = Some(ancestor.to_path_buf());
                break;
            }
        }
        for folder in visited {
            self.site_of_folder.insert(folder, found.clone());
        }
        found
    }

    /// The settings of the nearest `.frontlint.yml` at or above a site's folder, else the
    /// preset.
    fn settings_above(&mut self, root: &Path) -> Result<Arc<Settings>, ConfigError> {
        match find_config_file(root) {
            Some(file) => self.settings_file(&file),
            None => self.preset(),
        }
    }

    fn settings_file(&mut self, file: &Path) -> Result<Arc<Settings>, ConfigError> {
        if let Some(settings) = self.settings.get(file) {
            return Ok(settings.clone());
        }
        let settings = Arc::new(Settings::load(file)?);
        self.settings.insert(file.to_path_buf(), settings.clone());
        Ok(settings)
    }

    fn preset(&mut self) -> Result<Arc<Settings>, ConfigError> {
        if self.preset.is_none() {
            self.preset = Some(Arc::new(Settings::preset()?));
        }
        Ok(self.preset.clone().expect("just set"))
    }
}
