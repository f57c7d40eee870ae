//! The parts of a site's `_config.yml` that decide dates, URLs and which posts are built
//! (configuration.rb `DEFAULTS`, `from`, `add_default_collections`, `check_include_exclude`).
//! Unknown keys are fine: the file belongs to Jekyll and its plugins.

use super::defaults::DefaultSet;
use super::permalink::{PermalinkStyle, collection_url_template};
use yaml_serde::{Mapping, Value};

/// One collection (`collections:` in `_config.yml`; `posts` is always present).
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionConfig {
    pub label: String,
    /// `output: true` (always true for posts).
    pub output: bool,
    /// The collection's own `permalink` (for posts: the site style's template unless set).
    pub permalink: Option<String>,
}

/// What this model needs from `_config.yml`, with Jekyll's defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// IANA name (`Asia/Singapore`); `None` means the build machine's zone.
    pub timezone: Option<String>,
    pub permalink: PermalinkStyle,
    pub collections: Vec<CollectionConfig>,
    pub collections_dir: String,
    pub defaults: Vec<DefaultSet>,
    pub future: bool,
    pub show_drafts: bool,
    pub unpublished: bool,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub markdown_ext: String,
    /// `plugins` (and the older `gems`): gem names Jekyll requires.
    pub plugins: Vec<String>,
    /// `url`: where the site is published (`https://www.mlaw.gov.sg`); links to its host are
    /// internal.
    pub url: Option<String>,
    /// `baseurl`: the path the site is served under (`/docs`), without a trailing `/`.
    pub baseurl: String,
    /// The kramdown settings that decide header IDs (`kramdown:` `auto_ids`, `auto_id_prefix`,
    /// `input`, `transliterated_header_ids`).
    pub header_ids: crate::markdown::IdOptions,
    /// `relative_links:` (jekyll-relative-links): `enabled` (default true when the plugin
    /// runs) and `collections` (also rewrite links in posts and collection documents).
    pub relative_links_enabled: bool,
    pub relative_links_collections: bool,
    /// `remote_theme` (`isomerpages/isomerpages-template@next-gen`) and `theme`: the theme
    /// tells how the site is built (an Isomer site passes its `collection.yml` files).
    pub remote_theme: Option<String>,
    pub theme: Option<String>,
    /// The file parsed but was not a mapping: Jekyll warns "Error reading configuration.
    /// Using defaults" and builds with the defaults, as this value then holds.
    pub ignored_as_invalid: bool,
}

/// A `_config.yml` Jekyll cannot use; the build fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    /// 1-based position of a YAML syntax error, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The top-level key whose value is wrong, when the error is about one.
    pub key: Option<String>,
}

/// `Configuration::DEFAULT_EXCLUDES`, appended to `exclude`.
const DEFAULT_EXCLUDES: [&str; 10] = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

impl Default for SiteConfig {
    fn default() -> Self {
        let mut config = SiteConfig {
            timezone: None,
            permalink: PermalinkStyle::Date,
            collections: Vec::new(),
            collections_dir: String::new(),
            defaults: Vec::new(),
            future: false,
            show_drafts: false,
            unpublished: false,
            include: vec![".htaccess".into()],
            exclude: Vec::new(),
            markdown_ext: "markdown,mkdown,mkdn,mkd,md".into(),
            plugins: Vec::new(),
            url: None,
            baseurl: String::new(),
            header_ids: crate::markdown::IdOptions::default(),
            relative_links_enabled: true,
            relative_links_collections: false,
            remote_theme: None,
            theme: None,
            ignored_as_invalid: false,
        };
        config.finish(&Mapping::new());
        config
    }
}

/// Ruby truthiness of a YAML value as Psych reads it (YAML 1.1 `yes`/`no`/`on`/`off`).
/// yaml_serde cannot tell a quoted `"no"` (a truthy string for Jekyll) from a plain `no`.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !["no", "false", "off"].contains(&s.to_ascii_lowercase().as_str()),
        _ => true,
    }
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    let seq = value.as_sequence()?;
    Some(seq.iter().map(scalar_to_s).collect())
}

/// Ruby `to_s` of a scalar.
pub(crate) fn scalar_to_s(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

impl SiteConfig {
    /// Reads `_config.yml` text. Syntax errors (the build fails) come back with their position.
    pub fn parse(text: &str) -> Result<SiteConfig, ConfigError> {
        let value: Value = yaml_serde::from_str(text).map_err(|e| ConfigError {
            message: e.to_string(),
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            key: None,
        })?;
        SiteConfig::from_value(value)
    }

    /// The settings of an already loaded `_config.yml` (and any overrides merged into it).
    pub fn from_value(value: Value) -> Result<SiteConfig, ConfigError> {
        let mut config = SiteConfig::default();
        let map = match value {
            Value::Mapping(map) => map,
            // An empty file is `{}` for Jekyll.
            Value::Null => return Ok(config),
            _ => {
                config.ignored_as_invalid = true;
                return Ok(config);
            }
        };
        // A key set to null keeps the default (`deep_merge_hashes` skips nil values).
        let get = |key: &str| map.get(key).filter(|v| !v.is_null());
        config.timezone = get("timezone").map(scalar_to_s);
        config.url = get("url").map(scalar_to_s).filter(|u| !u.trim().is_empty());
        config.baseurl = get("baseurl")
            .map(scalar_to_s)
            .map(|b| b.trim().trim_end_matches('/').to_owned())
            .filter(|b| !b.is_empty())
            .map(|b| {
                if b.starts_with('/') {
                    b
                } else {
                    format!("/{b}")
                }
            })
            .unwrap_or_default();
        if let Some(kramdown) = get("kramdown").and_then(Value::as_mapping) {
            let option = |key: &str| kramdown.get(key).filter(|v| !v.is_null());
            let ids = &mut config.header_ids;
            if let Some(v) = option("auto_ids") {
                ids.auto_ids = truthy(v);
            }
            if let Some(v) = option("auto_id_prefix") {
                ids.prefix = scalar_to_s(v);
            }
            if let Some(v) = option("transliterated_header_ids") {
                ids.transliterated = truthy(v);
            }
            if option("input").is_some_and(|v| !scalar_to_s(v).eq_ignore_ascii_case("gfm")) {
                ids.style = crate::markdown::IdStyle::Kramdown;
            }
        }
        if let Some(relative) = get("relative_links").and_then(Value::as_mapping) {
            let option = |key: &str| relative.get(key).filter(|v| !v.is_null());
            config.relative_links_enabled = option("enabled").is_none_or(truthy);
            config.relative_links_collections = option("collections").is_some_and(truthy);
        }
        config.remote_theme = get("remote_theme").map(scalar_to_s);
        config.theme = get("theme").map(scalar_to_s);
        if let Some(p) = get("permalink") {
            config.permalink = PermalinkStyle::from_config(&scalar_to_s(p));
        }
        if let Some(dir) = get("collections_dir") {
            config.collections_dir = scalar_to_s(dir);
        }
        config.future = get("future").is_some_and(truthy);
        config.show_drafts = get("show_drafts").is_some_and(truthy);
        config.unpublished = get("unpublished").is_some_and(truthy);
        if let Some(ext) = get("markdown_ext") {
            config.markdown_ext = scalar_to_s(ext);
        }
        for key in ["include", "exclude"] {
            let Some(v) = get(key) else { continue };
            let list = string_list(v).ok_or_else(|| ConfigError {
                message: format!(
                    "`{key}` must be a list, but is `{}`: Jekyll stops with \"'{key}' should be set as an array\"",
                    scalar_to_s(v)
                ),
                line: None,
                column: None,
                key: Some(key.to_owned()),
            })?;
            if key == "include" {
                config.include = list;
            } else {
                config.exclude = list;
            }
        }
        for key in ["plugins", "gems"] {
            if let Some(list) = get(key).and_then(string_list) {
                config.plugins.extend(list);
            }
        }
        config.defaults = get("defaults")
            .map(DefaultSet::parse_all)
            .unwrap_or_default();
        config.finish(&map);
        Ok(config)
    }

    /// `add_default_collections` + `add_default_excludes`.
    fn finish(&mut self, map: &Mapping) {
        for extra in DEFAULT_EXCLUDES {
            if !self.exclude.iter().any(|e| e == extra) {
                self.exclude.push(extra.to_string());
            }
        }
        let mut collections = vec![CollectionConfig {
            label: "posts".into(),
            output: true,
            permalink: None,
        }];
        match map.get("collections") {
            Some(Value::Mapping(m)) => {
                for (label, meta) in m {
                    let label = scalar_to_s(label);
                    let output = meta.get("output").is_some_and(truthy);
                    let permalink = meta
                        .get("permalink")
                        .filter(|v| !v.is_null())
                        .map(scalar_to_s);
                    match collections.iter_mut().find(|c| c.label == label) {
                        Some(posts) => posts.permalink = permalink,
                        None => collections.push(CollectionConfig {
                            label,
                            output,
                            permalink,
                        }),
                    }
                }
            }
            Some(Value::Sequence(labels)) => {
                for label in labels.iter().map(scalar_to_s).filter(|l| l != "posts") {
                    collections.push(CollectionConfig {
                        label,
                        output: false,
                        permalink: None,
                    });
                }
            }
            _ => {}
        }
        // posts: `collections["posts"]["permalink"] ||= style_to_permalink(config["permalink"])`
        if collections[0].permalink.is_none() {
            collections[0].permalink = Some(self.permalink.posts_template());
        }
        self.collections = collections;
    }

    /// A site built on Isomer's theme (`remote_theme: isomerpages/…`): Isomer builds it with
    /// every `_<collection>/collection.yml` as a configuration file.
    pub fn is_isomer(&self) -> bool {
        self.remote_theme.as_deref().is_some_and(|theme| {
            theme
                .trim()
                .get(..12)
                .is_some_and(|owner| owner.eq_ignore_ascii_case("isomerpages/"))
        })
    }

    pub fn collection(&self, label: &str) -> Option<&CollectionConfig> {
        self.collections.iter().find(|c| c.label == label)
    }

    /// `Collection#url_template` for a collection (unknown labels get the generic template).
    pub fn url_template(&self, label: &str) -> String {
        let own = self.collection(label).and_then(|c| c.permalink.as_deref());
        collection_url_template(label, own, &self.permalink)
    }
}
