//! Reading a site's configuration: its `_config.yml`, any
//! further configuration files the site is built with (`site-config` in `.frontlint.yml`,
//! like `jekyll build --config a,b`), and the `.frontlint.yml` `site:` overrides, merged in
//! that order the way Jekyll merges `--config` files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobBuilder;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use yaml_serde::{Mapping, Value};

use super::plugins::Plugins;
use super::{SITE_CONFIG_NAMES, Site, SiteFile, SiteProblem, ZoneSetting};
use crate::jekyll::date::jekyll_time_zone;
use crate::jekyll::defaults::deep_merge;
use crate::jekyll::site_config::SiteConfig;
use crate::links::host::{
    HostConfig, HostKind, HostSettings, RedirectRule, parse_netlify_toml, parse_redirects_file,
};
use crate::source::LineIndex;

/// Folders never searched for configuration files.
const SKIPPED_FOLDERS: [&str; 4] = ["_site", ".git", "node_modules", "vendor"];

impl Site {
    /// The site whose source is `root`. `files` are the configuration files relative to the
    /// root, globs allowed, merged in order (`_config.yml` falls back to `_config.yaml`);
    /// `None` means the site's own: `_config.yml`, plus every `_*/collection.yml` for an
    /// Isomer site (its build passes them all). `overrides` (the `.frontlint.yml` `site:`
    /// settings) come last; `placeholders` are permalink placeholders the site's plugins
    /// define (`permalink-placeholders` in `.frontlint.yml`).
    pub fn load(
        root: &Path,
        files: Option<&[String]>,
        overrides: &BTreeMap<String, Value>,
        placeholders: Vec<String>,
        host: &HostConfig,
    ) -> Site {
        let default = [super::DEFAULT_SITE_CONFIG.to_owned()];
        let mut site = Site::read(root, files.unwrap_or(&default), overrides);
        if files.is_none() && site.config.is_isomer() {
            let isomer = super::ISOMER_SITE_CONFIG.map(str::to_owned);
            site = Site::read(root, &isomer, overrides);
        }
        site.plugins.placeholders = placeholders;
        site.redirect_rules = host_redirects(root, &site.config);
        let netlify = !site.redirect_rules.is_empty() || root.join("netlify.toml").is_file();
        site.host = HostSettings::new(host, site.config.url.as_deref(), netlify);
        if site.host.kind != HostKind::Netlify {
            site.redirect_rules.clear();
        }
        site
    }

    fn read(root: &Path, files: &[String], overrides: &BTreeMap<String, Value>) -> Site {
        let mut read = Vec::new();
        for pattern in files {
            for path in config_files(root, pattern) {
                let text = std::fs::read(&path).map(|b| String::from_utf8_lossy(&b).into_owned());
                read.push((path, text));
            }
        }
        Site::from_files(root.to_path_buf(), read, overrides)
    }

    /// A site from configuration texts (an `Err` for a file that could not be read).
    pub fn from_files(
        root: PathBuf,
        texts: Vec<(PathBuf, std::io::Result<String>)>,
        overrides: &BTreeMap<String, Value>,
    ) -> Site {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        let mut merged = Mapping::new();
        let mut stop = false;
        for (index, (path, text)) in texts.into_iter().enumerate() {
            let name = relative_name(&root, &path);
            let text = text.unwrap_or_else(|error| {
                problems.push(problem(
                    index,
                    0..0,
                    format!("cannot read `{name}`: {error}"),
                    None,
                ));
                String::new()
            });
            let (file, value) = parse(index, path, name, text, &mut problems);
            files.push(file);
            match value {
                _ if stop => {}
                Some(Value::Mapping(map)) => merged = deep_merge(&merged, &map),
                Some(Value::Null) | None => {}
                Some(_) => {
                    // `check_config_is_hash!` raises ArgumentError, which Jekyll rescues:
                    // "Error reading configuration. Using defaults" — and stops merging.
                    let file = &files[index];
                    problems.push(problem(
                        index,
                        0..first_line_end(&file.text),
                        format!(
                            "`{}` is not a mapping of settings: Jekyll warns \"Error reading configuration. Using defaults\" and ignores it",
                            file.name
                        ),
                        Some("write settings as `key: value` lines".into()),
                    ));
                    stop = true;
                }
            }
        }
        if !overrides.is_empty() {
            let extra: Mapping = overrides
                .iter()
                .map(|(k, v)| (Value::String(k.clone()), v.clone()))
                .collect();
            merged = deep_merge(&merged, &extra);
        }
        let config = match SiteConfig::from_value(Value::Mapping(merged)) {
            Ok(config) => config,
            Err(error) => {
                let (file, range) = error
                    .key
                    .as_deref()
                    .and_then(|key| {
                        files
                            .iter()
                            .enumerate()
                            .rev()
                            .find_map(|(i, f)| f.value_span(key).map(|r| (i, r)))
                    })
                    .unwrap_or((0, 0..0));
                problems.push(problem(
                    file,
                    range,
                    error.message,
                    Some("write it as a list: `[a, b]` or one `- item` per line".into()),
                ));
                SiteConfig::default()
            }
        };
        let (time_zone, zone) = match config.timezone.as_deref() {
            None => (TimeZone::UTC, ZoneSetting::Unset),
            Some(name) => {
                let (tz, reading) = jekyll_time_zone(name);
                (
                    tz,
                    ZoneSetting::Set {
                        name: name.to_owned(),
                        reading,
                    },
                )
            }
        };
        let plugins = Plugins::detect(&root, &config);
        Site {
            root,
            files,
            config,
            problems,
            time_zone,
            zone,
            build_time: Timestamp::now(),
            plugins,
            template_fields: Default::default(),
            host: HostSettings::default(),
            redirect_rules: Vec::new(),
        }
    }
}

/// The files a `site-config` entry names under `root`, sorted. `_config.yml` falls back to
/// `_config.yaml` as in Jekyll.
fn config_files(root: &Path, pattern: &str) -> Vec<PathBuf> {
    let pattern = pattern.trim_start_matches("./");
    if !pattern.contains(['*', '?', '[', '{']) {
        let path = root.join(pattern);
        if path.is_file() {
            return vec![path];
        }
        if pattern == SITE_CONFIG_NAMES[0] {
            let yaml = root.join(SITE_CONFIG_NAMES[1]);
            return if yaml.is_file() {
                vec![yaml]
            } else {
                Vec::new()
            };
        }
        return Vec::new();
    }
    let Ok(glob) = GlobBuilder::new(pattern).literal_separator(true).build() else {
        return Vec::new();
    };
    let matcher = glob.compile_matcher();
    // A glob can only match paths with as many segments as it has (unless it has `**`).
    let depth = if pattern.contains("**") {
        8
    } else {
        pattern.split('/').count()
    };
    let mut found = Vec::new();
    let mut stack = vec![(root.to_path_buf(), 0)];
    while let Some((dir, level)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if level + 1 < depth && !SKIPPED_FOLDERS.contains(&name.as_str()) {
                    stack.push((path, level + 1));
                }
            } else if matcher.is_match(relative_name(root, &path)) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Parse one configuration file: its spanned tree (for positions) and its value.
fn parse(
    index: usize,
    path: PathBuf,
    name: String,
    text: String,
    problems: &mut Vec<SiteProblem>,
) -> (SiteFile, Option<Value>) {
    let text: Arc<str> = text.into();
    let stops = |detail: &str| format!("Jekyll cannot read `{name}` and stops the build: {detail}");
    let (tree, value) = match crate::yaml::parse(&text, 0..text.len()) {
        Ok(tree) => match yaml_serde::from_str::<Value>(&text) {
            Ok(value) => (tree, Some(value)),
            Err(error) => {
                let offset = error.location().map_or(0, |l| l.index()).min(text.len());
                problems.push(problem(
                    index,
                    offset..offset,
                    stops(&error.to_string()),
                    None,
                ));
                (tree, None)
            }
        },
        Err(error) => {
            let start = crate::source::floor_char_boundary(&text, error.offset);
            let end = text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            problems.push(problem(
                index,
                start..end,
                stops(&lowercase_first(&error.message)),
                error.help.clone(),
            ));
            (None, None)
        }
    };
    let file = SiteFile {
        path,
        name,
        lines: LineIndex::new(&text),
        text,
        tree,
    };
    (file, value)
}

fn problem(
    file: usize,
    range: std::ops::Range<usize>,
    message: String,
    help: Option<String>,
) -> SiteProblem {
    SiteProblem {
        file,
        range,
        message,
        help,
    }
}

/// `path` relative to `root`, `/`-separated.
fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Netlify's redirects of the site: a `_redirects` file Jekyll publishes (it starts with `_`,
/// so only when `include:` lists it) and the `[[redirects]]` of `netlify.toml`.
fn host_redirects(root: &Path, config: &SiteConfig) -> Vec<RedirectRule> {
    let mut rules = Vec::new();
    let published = matches!(
        crate::jekyll::reader::source_role(config, "_redirects"),
        crate::jekyll::reader::SourceRole::Page
    );
    if published && let Ok(text) = std::fs::read_to_string(root.join("_redirects")) {
        rules.extend(parse_redirects_file(&text, "_redirects"));
    }
    if let Ok(text) = std::fs::read_to_string(root.join("netlify.toml")) {
        rules.extend(parse_netlify_toml(&text, "netlify.toml"));
    }
    rules
}

fn first_line_end(text: &str) -> usize {
    text.find(['\n', '\r']).unwrap_or(text.len())
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
