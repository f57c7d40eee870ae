//! Configuration: `.frontlint.yml` discovery, presets, merging, and the resolved settings the
//! engine runs with (file filters, rule set, field schemas per collection).

mod error;
mod file;
mod presets;
mod rules;
pub mod schema;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Candidate, Glob, GlobBuilder, GlobSet, GlobSetBuilder};

pub use error::ConfigError;
pub use file::{CollectionConfig, ConfigFile, Requirement, UnknownFields};
pub use presets::PRESETS;
pub use rules::{ActiveRule, Level, RuleSet};
use schema::FieldSpec;

use crate::site::Site;
use crate::site::files::SiteFiles;

/// File names searched for, in this order, in the linted folder and its parents.
pub const CONFIG_NAMES: [&str; 2] = [".frontlint.yml", ".frontlint.yaml"];

/// The settings one lint run applies to the files under one site root.
pub struct Config {
    /// The folder that globs and site paths are relative to: the Jekyll site's folder (the
    /// nearest one at or above the file holding `_config.yml`), or for files that belong to no
    /// site, the folder of their `.frontlint.yml`, else the linted folder. Never the folder
    /// of a `--config` file: that only supplies settings.
    pub root: PathBuf,
    /// The config file in use (`None`: the built-in `jekyll` preset).
    pub file: Option<PathBuf>,
    /// The folder that holds the site index cache (`.frontlint_cache/`): the Jekyll site's
    /// folder, or the folder of the `.frontlint.yml` of files that belong to no site. `None`:
    /// no cache (it is never written anywhere else).
    pub cache_root: Option<PathBuf>,
    /// `None`: the files Jekyll reads (see [`Config::selects`]).
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// A hash of the include and exclude globs: which files a walk of the site selects (the
    /// site file-list cache depends on it).
    pub file_selection: u64,
    pub rules: RuleSet,
    collections: Vec<Collection>,
    /// Glob index → collection index, for `collection_globs`.
    glob_owner: Vec<usize>,
    collection_globs: GlobSet,
    schema_cache: Mutex<HashMap<Vec<usize>, Arc<FileSchema>>>,
    /// Jekyll site settings that override `_config.yml`.
    pub site_overrides: BTreeMap<String, yaml_serde::Value>,
    /// The Jekyll site these files belong to, read once (`_config.yml` + `site_overrides`).
    pub site: Arc<Site>,
    /// Every other file of the site, once a walk of its whole folder found them.
    site_files: Mutex<Option<Arc<SiteFiles>>>,
}

struct Collection {
    name: Option<String>,
    front_matter: Option<Requirement>,
    unknown_fields: Option<UnknownFields>,
    permalink_template: Option<String>,
    fields: BTreeMap<String, FieldSpec>,
}

/// Does the config lint a file?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    No,
    Yes,
    /// Only when the file has front matter (Jekyll publishes it as a document only then).
    IfFrontMatter,
}

/// The merged schema of every collection entry that matches one file.
#[derive(Debug, Default)]
pub struct FileSchema {
    /// Names of the matching collection entries, most specific (last) first.
    pub collections: Vec<String>,
    pub front_matter: Option<Requirement>,
    pub unknown_fields: Option<UnknownFields>,
    /// The URL shape of the most specific entry that sets one.
    pub permalink_template: Option<String>,
    pub fields: BTreeMap<String, Field>,
    /// Unknown field name → the known field it is likely a typo of: the same unknown keys
    /// recur in every post of a site, and the edit distances showed up in profiles.
    typos: Mutex<HashMap<String, Option<String>>>,
}

impl FileSchema {
    /// The known field that `name` is likely a typo of (`suggest::closest`).
    pub fn closest_field(&self, name: &str) -> Option<String> {
        let lock = || self.typos.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = lock().get(name) {
            return known.clone();
        }
        let found = crate::suggest::closest(name, self.fields.keys().map(String::as_str))
            .map(str::to_owned);
        let mut typos = lock();
        // Bounded: a site of random keys must not grow it without end.
        if typos.len() < 4096 {
            typos.insert(name.to_owned(), found.clone());
        }
        found
    }
}

#[derive(Debug)]
pub struct Field {
    pub spec: FieldSpec,
    /// `spec.pattern`, compiled once when the config is loaded.
    pub pattern: Option<Arc<regex::Regex>>,
}

/// The settings one config file gives, with every layer it builds on (bases first): a
/// `.frontlint.yml` found above a site, the file named by `--config`, or the built-in
/// `jekyll` preset. Read once and shared by every site it applies to.
pub struct Settings {
    /// The config file (`None`: the built-in `jekyll` preset).
    pub file: Option<PathBuf>,
    layers: Vec<file::Layer>,
}

impl Settings {
    /// A config file and everything it extends.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        let path = absolute(path);
        let layers = file::load_with_extends(&path)?;
        Ok(Settings {
            file: Some(path),
            layers,
        })
    }

    /// The built-in `jekyll` preset: what a site without a config file gets.
    pub fn preset() -> Result<Settings, ConfigError> {
        Ok(Settings {
            file: None,
            layers: presets::layers("jekyll")?,
        })
    }
}

/// The nearest `.frontlint.yml` (or `.frontlint.yaml`) at or above `dir`.
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|ancestor| CONFIG_NAMES.iter().map(move |name| ancestor.join(name)))
        .find(|candidate| candidate.is_file())
}

impl Config {
    /// Load a config file for files under its own folder (`init` checks what it wrote this
    /// way).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let settings = Settings::load(path)?;
        let root = settings
            .file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Config::new(root, &settings, None)
    }

    /// The built-in `jekyll` preset rooted at `root` (what a site without config gets).
    pub fn default_for(root: &Path) -> Result<Config, ConfigError> {
        Config::new(absolute(root), &Settings::preset()?, None)
    }

    /// The config of the files under `root` (a Jekyll site's folder, or the root chosen for
    /// files that belong to no site): `settings` resolved against it. `cache_root` holds
    /// the site index cache (`None`: no cache).
    pub fn new(
        root: PathBuf,
        settings: &Settings,
        cache_root: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        Config::from_layers(root, settings.file.clone(), &settings.layers, cache_root)
    }

    /// Merge layers (presets first, the user's file last) into one resolved config.
    fn from_layers(
        root: PathBuf,
        file: Option<PathBuf>,
        layers: &[file::Layer],
        cache_root: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        let mut include: Option<Vec<String>> = None;
        let mut exclude: Vec<String> = Vec::new();
        let mut rule_settings = rules::Settings::default();
        let mut collections = Vec::new();
        let mut collection_globs = GlobSetBuilder::new();
        let mut glob_owner = Vec::new();
        let mut site = BTreeMap::new();
        let mut site_config: Option<Vec<String>> = None;
        let mut placeholders: Vec<String> = Vec::new();
        let mut host = crate::links::host::HostConfig::default();
        for (layer_index, layer) in layers.iter().enumerate() {
            let config = &layer.config;
            if let Some(list) = &config.include {
                include = Some(list.clone());
            }
            exclude.extend(config.exclude.iter().cloned());
            rule_settings.merge(layers, layer_index)?;
            for (index, collection) in config.collections.iter().enumerate() {
                for pattern in &collection.paths {
                    collection_globs
                        .add(layer.glob(pattern, &["collections", &index.to_string()])?);
                    glob_owner.push(collections.len());
                }
                collections.push(Collection {
                    name: collection.name.clone(),
                    front_matter: collection.front_matter,
                    unknown_fields: collection.unknown_fields,
                    permalink_template: collection.permalink_template.clone(),
                    fields: collection.fields.clone(),
                });
            }
            site.extend(config.site.clone());
            if let Some(files) = &config.site_config {
                site_config = Some(files.clone());
            }
            placeholders.extend(config.permalink_placeholders.iter().cloned());
            if let Some(layer_host) = &config.host {
                host.kind = layer_host.kind.or(host.kind);
                host.case_sensitive = layer_host.case_sensitive.or(host.case_sensitive);
                host.hostnames.extend(layer_host.hostnames.iter().cloned());
                host.other_apps
                    .extend(layer_host.other_apps.iter().cloned());
            }
        }
        validate_patterns(layers)?;
        let last = layers.last().expect("at least the preset layer");
        let site_model = Arc::new(Site::load(
            &root,
            site_config.as_deref(),
            &site,
            placeholders,
            &host,
        ));
        let file_selection = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            (&include, &exclude).hash(&mut hasher);
            hasher.finish()
        };
        Ok(Config {
            root,
            file,
            cache_root,
            file_selection,
            include: include
                .map(|globs| glob_set(last, &globs, "include"))
                .transpose()?,
            exclude: glob_set(last, &exclude, "exclude")?,
            rules: rule_settings.build(layers)?,
            glob_owner,
            collection_globs: collection_globs
                .build()
                .map_err(|e| last.error_at(&["collections"], e.to_string()))?,
            collections,
            schema_cache: Mutex::new(HashMap::new()),
            site_overrides: site,
            site: site_model,
            site_files: Mutex::new(None),
        })
    }

    /// The path of a file (given relative to the root) relative to the Jekyll site's source,
    /// the path Jekyll's rules see; `None` when the file is outside the site.
    pub fn source_path(&self, site_path: &str) -> Option<String> {
        let relative = !site_path.is_empty()
            && !Path::new(site_path).is_absolute()
            && !site_path.starts_with("..");
        relative.then(|| site_path.to_owned())
    }

    /// Is `site_path` (relative to the root, `/`-separated) one of the files to lint, and
    /// does that depend on its text? Without an `include` list, the files Jekyll reads as
    /// Markdown (its `markdown_ext`, compared ignoring case as Jekyll does) are linted, and so
    /// are posts, drafts and collection documents of any other extension when they have front
    /// matter (Jekyll publishes them: `_posts/*.html` from WordPress exports, `.textile`).
    pub fn selects(&self, site_path: &str) -> Selection {
        // One candidate (the path split into name and extension) for both glob sets: the
        // walk asks this of every file.
        let candidate = Candidate::new(site_path);
        if self.is_excluded_candidate(&candidate, site_path) {
            return Selection::No;
        }
        match &self.include {
            Some(include) => match include.is_match_candidate(&candidate) {
                true => Selection::Yes,
                false => Selection::No,
            },
            None if self.site.is_markdown(site_path) => Selection::Yes,
            None if self.site.reads_as_document(site_path) => Selection::IfFrontMatter,
            None => Selection::No,
        }
    }

    /// For a file this config selects: is it linted only if it has front matter? (The
    /// site-file cache keeps what was selected, not why.)
    pub fn selected_if_front_matter(&self, site_path: &str) -> bool {
        self.include.is_none() && !self.site.is_markdown(site_path)
    }

    /// Is `site_path` linted whatever its text ([`Config::selects`] says `Yes`)?
    pub fn is_included(&self, site_path: &str) -> bool {
        self.selects(site_path) == Selection::Yes
    }

    /// Is this file or folder excluded? A folder is excluded when a glob matches it or
    /// everything in it (`vendor/**`).
    pub fn is_excluded(&self, site_path: &str) -> bool {
        self.is_excluded_candidate(&Candidate::new(site_path), site_path)
    }

    fn is_excluded_candidate(&self, candidate: &Candidate<'_>, site_path: &str) -> bool {
        self.exclude.is_match_candidate(candidate)
            || self.exclude.is_match(format!("{site_path}/*"))
    }

    /// The site's files that are not linted, when a walk of the whole site found them.
    pub fn site_files(&self) -> Option<Arc<SiteFiles>> {
        self.site_files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Record what a walk of the whole site found besides the files to lint.
    pub fn set_site_files(&self, files: SiteFiles) {
        *self.site_files.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(files));
    }

    /// The merged field schema for one file.
    pub fn schema_for(&self, site_path: &str) -> Arc<FileSchema> {
        let matched = self.matching_collections(site_path);
        let mut cache = self.schema_cache.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(matched)
            .or_insert_with_key(|matched| Arc::new(self.merge_schema(matched)))
            .clone()
    }

    /// Indices of the collection entries whose `paths` match the file, in config order.
    fn matching_collections(&self, site_path: &str) -> Vec<usize> {
        let mut matched: Vec<usize> = self
            .collection_globs
            .matches(site_path)
            .into_iter()
            .map(|glob| self.glob_owner[glob])
            .collect();
        matched.sort_unstable();
        matched.dedup();
        matched
    }

    /// The collection entries matching the file that describe `field`, most specific (last)
    /// first, by name (`None` for an unnamed entry): where a field's schema comes from, for
    /// editor hovers.
    pub fn field_origins(&self, site_path: &str, field: &str) -> Vec<Option<&str>> {
        self.matching_collections(site_path)
            .into_iter()
            .rev()
            .map(|index| &self.collections[index])
            .filter(|collection| collection.fields.contains_key(field))
            .map(|collection| collection.name.as_deref())
            .collect()
    }

    fn merge_schema(&self, matched: &[usize]) -> FileSchema {
        let mut schema = FileSchema::default();
        let mut specs: BTreeMap<String, FieldSpec> = BTreeMap::new();
        for &index in matched {
            let collection = &self.collections[index];
            if let Some(name) = &collection.name {
                schema.collections.insert(0, name.clone());
            }
            schema.front_matter = collection.front_matter.or(schema.front_matter);
            schema.unknown_fields = collection.unknown_fields.or(schema.unknown_fields);
            if collection.permalink_template.is_some() {
                schema.permalink_template = collection.permalink_template.clone();
            }
            for (name, spec) in &collection.fields {
                specs.entry(name.clone()).or_default().merge(spec);
            }
        }
        schema.fields = specs
            .into_iter()
            .map(|(name, spec)| {
                // Patterns were validated when the config was loaded.
                let pattern = spec
                    .pattern
                    .as_deref()
                    .and_then(|p| compiled_pattern(p).ok());
                (name, Field { spec, pattern })
            })
            .collect();
        schema
    }
}

/// Every field `pattern` must compile; the error points at it.
fn validate_patterns(layers: &[file::Layer]) -> Result<(), ConfigError> {
    for layer in layers {
        for (index, collection) in layer.config.collections.iter().enumerate() {
            for (name, spec) in &collection.fields {
                if let Some(pattern) = &spec.pattern {
                    compiled_pattern(pattern).map_err(|e| {
                        layer.error_at(
                            &["collections", &index.to_string(), "fields", name, "pattern"],
                            format!("invalid regular expression: {e}"),
                        )
                    })?;
                }
            }
        }
    }
    Ok(())
}

/// Field patterns must match the whole value, so they are anchored; compiled once per distinct
/// pattern for the whole run.
fn compiled_pattern(pattern: &str) -> Result<Arc<regex::Regex>, regex::Error> {
    static CACHE: Mutex<BTreeMap<String, Arc<regex::Regex>>> = Mutex::new(BTreeMap::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(regex) = cache.get(pattern) {
        return Ok(regex.clone());
    }
    let regex = Arc::new(regex::Regex::new(&format!("^(?:{pattern})$"))?);
    cache.insert(pattern.to_owned(), regex.clone());
    Ok(regex)
}

fn glob_set(layer: &file::Layer, patterns: &[String], key: &str) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        builder.add(layer.glob(pattern, &[key])?);
    }
    builder
        .build()
        .map_err(|e| layer.error_at(&[key], e.to_string()))
}

/// Globs match `/`-separated paths relative to the root; `*` stays within one folder.
pub(crate) fn compile_glob(pattern: &str) -> Result<Glob, globset::Error> {
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    let pattern = pattern.strip_prefix('/').unwrap_or(pattern);
    GlobBuilder::new(pattern).literal_separator(true).build()
}

/// The working directory, read once: frontlint never changes it, and asking the kernel for
/// every file of a big site showed up in profiles.
fn current_dir() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// An absolute, lexically normalised path (`.` and `..` removed) without resolving symlinks:
/// paths in output stay as the user gave them, and `..` does not confuse root detection.
pub fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let normalised = |p: &Path| {
        p.components()
            .all(|c| !matches!(c, Component::CurDir | Component::ParentDir))
    };
    // Called for every file of a site: skip the work (and `getcwd`) when there is none.
    if path.is_absolute() && normalised(path) {
        return path.to_path_buf();
    }
    let absolute = match current_dir() {
        Some(cwd) if path.is_relative() => cwd.join(path),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    };
    let mut normal = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other.as_os_str()),
        }
    }
    normal
}
