//! The Jekyll site a run lints: its `_config.yml` (found from the linted path upwards, with
//! the `.frontlint.yml` `site:` overrides merged in), read once per config and shared by
//! every thread; what Jekyll makes of each file (`facts`); and the per-document summary the
//! site-wide rules see (`index`).
//!
//! `crate::jekyll` holds the pure model; this module connects it to files, configs and posts.

pub mod facts;
pub mod front_matter;
pub mod index;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::jekyll::date::{DateContext, TimeZoneReading, jekyll_time_zone};
use crate::jekyll::site_config::SiteConfig;
use crate::source::{LineIndex, Position};

pub use facts::{DocFacts, DocKind};

/// The names Jekyll tries, in this order (`Configuration#config_files`); TOML is not read.
pub const SITE_CONFIG_NAMES: [&str; 2] = ["_config.yml", "_config.yaml"];

/// One Jekyll site: where its source is and the settings that decide dates and URLs.
#[derive(Debug)]
pub struct Site {
    /// The site source: the folder of `_config.yml`, else the config's root.
    pub root: PathBuf,
    /// The `_config.yml` that was read, if any.
    pub file: Option<SiteFile>,
    /// The settings Jekyll builds with (defaults when `_config.yml` is missing or broken).
    pub config: SiteConfig,
    /// What is wrong with `_config.yml` (reported by `broken-site-config`).
    pub problems: Vec<SiteProblem>,
    /// The zone Jekyll's process really runs in (`timezone`; UTC when unset).
    pub time_zone: TimeZone,
    pub zone: ZoneSetting,
    /// "Now" for this run: Jekyll's `site.time`, used for future dates and missing years.
    pub build_time: Timestamp,
    /// `jekyll-default-layout` runs (listed in `plugins`, or the `github-pages` gem, which
    /// enables it, is in the site's Gemfile): Markdown files without a layout get one.
    pub default_layout_plugin: bool,
}

/// The `_config.yml` file as read, for diagnostics that point into it.
#[derive(Debug)]
pub struct SiteFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    pub lines: LineIndex,
    /// The parsed tree (spans of keys and values), when the YAML is valid.
    pub tree: Option<crate::yaml::Node>,
}

/// How the `timezone` setting is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneSetting {
    /// No `timezone`: Jekyll uses the build machine's zone; frontlint assumes UTC (the zone
    /// of CI builders and of most hosting).
    Unset,
    Set {
        name: String,
        reading: TimeZoneReading,
    },
}

/// A problem with `_config.yml`, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteProblem {
    pub range: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl SiteFile {
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The span of a top-level key's value (or of the key when the value is empty).
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        let entry = self.tree.as_ref()?.get(key)?;
        let span = entry.value.span.clone();
        Some(if span.is_empty() {
            entry.key.span.clone()
        } else {
            span
        })
    }

    /// The span of a top-level key.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        Some(self.tree.as_ref()?.get(key)?.key.span.clone())
    }
}

impl Site {
    /// The site whose source holds `start` (a folder): the nearest folder at or above it with
    /// a `_config.yml`, or `fallback_root` (the config's root) when there is none. `overrides`
    /// are the `.frontlint.yml` `site:` settings, merged over the file's as a later `--config`
    /// file would be.
    pub fn discover(
        start: &Path,
        fallback_root: &Path,
        overrides: &BTreeMap<String, yaml_serde::Value>,
    ) -> Site {
        let found = start.ancestors().find_map(|dir| {
            SITE_CONFIG_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|candidate| candidate.is_file())
        });
        match found {
            Some(path) => {
                let root = path.parent().unwrap_or(fallback_root).to_path_buf();
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        Site::from_text(root, Some(path), &text, overrides)
                    }
                    Err(error) => {
                        let mut site = Site::from_text(root, Some(path.clone()), "", overrides);
                        site.problems.push(SiteProblem {
                            range: 0..0,
                            message: format!("cannot read {}: {error}", path.display()),
                            help: None,
                        });
                        site
                    }
                }
            }
            None => Site::from_text(fallback_root.to_path_buf(), None, "", overrides),
        }
    }

    /// A site from `_config.yml` text (`path: None` when there is no file).
    pub fn from_text(
        root: PathBuf,
        path: Option<PathBuf>,
        text: &str,
        overrides: &BTreeMap<String, yaml_serde::Value>,
    ) -> Site {
        let mut problems = Vec::new();
        let file = path.map(|path| {
            let text: Arc<str> = text.into();
            let tree = match crate::yaml::parse(&text, 0..text.len()) {
                Ok(tree) => tree,
                Err(error) => {
                    let start = crate::source::floor_char_boundary(&text, error.offset);
                    let end = text[start..]
                        .chars()
                        .next()
                        .map_or(start, |c| start + c.len_utf8());
                    problems.push(SiteProblem {
                        range: start..end,
                        message: format!(
                            "Jekyll cannot read `_config.yml` and stops the build: {}",
                            lowercase_first(&error.message)
                        ),
                        help: error.help.clone(),
                    });
                    None
                }
            };
            SiteFile {
                path,
                lines: LineIndex::new(&text),
                text,
                tree,
            }
        });
        let mut value = match (&file, problems.is_empty()) {
            (Some(file), true) => match yaml_serde::from_str::<yaml_serde::Value>(&file.text) {
                Ok(value) => value,
                Err(error) => {
                    let offset = error.location().map_or(0, |l| l.index()).min(text.len());
                    problems.push(SiteProblem {
                        range: offset..offset,
                        message: format!(
                            "Jekyll cannot read `_config.yml` and stops the build: {error}"
                        ),
                        help: None,
                    });
                    yaml_serde::Value::Null
                }
            },
            _ => yaml_serde::Value::Null,
        };
        let mut ignored_as_invalid = false;
        if !matches!(
            value,
            yaml_serde::Value::Mapping(_) | yaml_serde::Value::Null
        ) {
            ignored_as_invalid = true;
            value = yaml_serde::Value::Null;
        }
        if !overrides.is_empty() {
            let mut map = match value {
                yaml_serde::Value::Mapping(map) => map,
                _ => yaml_serde::Mapping::new(),
            };
            let extra: yaml_serde::Mapping = overrides
                .iter()
                .map(|(k, v)| (yaml_serde::Value::String(k.clone()), v.clone()))
                .collect();
            map = crate::jekyll::defaults::deep_merge(&map, &extra);
            value = yaml_serde::Value::Mapping(map);
        }
        let config = match SiteConfig::from_value(value) {
            Ok(config) => config,
            Err(error) => {
                let range = file
                    .as_ref()
                    .and_then(|f| error.key.as_deref().and_then(|k| f.value_span(k)))
                    .unwrap_or(0..0);
                problems.push(SiteProblem {
                    range,
                    message: error.message,
                    help: Some("write it as a list: `[a, b]` or one `- item` per line".into()),
                });
                SiteConfig::default()
            }
        };
        if ignored_as_invalid {
            problems.push(SiteProblem {
                range: 0..file.as_ref().map_or(0, |f| first_line_end(&f.text)),
                message: "`_config.yml` is not a mapping of settings: Jekyll warns \"Error reading configuration. Using defaults\" and ignores all of it".into(),
                help: Some("write settings as `key: value` lines".into()),
            });
        }
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
        let default_layout_plugin = config.plugins.iter().any(|p| p == "jekyll-default-layout")
            || gemfile_enables_default_layout(&root);
        Site {
            root,
            file,
            config,
            problems,
            time_zone,
            zone,
            build_time: Timestamp::now(),
            default_layout_plugin,
        }
    }

    /// The site's clock for the date model.
    pub fn date_context(&self) -> DateContext {
        DateContext {
            tz: self.time_zone.clone(),
            now: self.build_time,
        }
    }

    /// The path of `absolute` relative to the site source, `/`-separated (`None` outside it).
    pub fn source_path(&self, absolute: &Path) -> Option<String> {
        let relative = absolute.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }
}

/// The GitHub Pages gem turns on `jekyll-default-layout` for every build (its
/// `DEFAULT_PLUGINS`); a Gemfile may also name the plugin itself.
fn gemfile_enables_default_layout(root: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(root.join("Gemfile")) else {
        return false;
    };
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| line.starts_with("gem "))
        .any(|line| {
            line.contains("\"github-pages\"")
                || line.contains("'github-pages'")
                || line.contains("jekyll-default-layout")
        })
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
