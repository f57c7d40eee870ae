//! The Jekyll site a run lints: its `_config.yml` (found from the linted path upwards, with
//! the `.frontlint.yml` `site:` overrides merged in), read once per config and shared by
//! every thread; what Jekyll makes of each file (`facts`); and the per-document summary the
//! site-wide rules see (`index`).
//!
//! `crate::jekyll` holds the pure model; this module connects it to files, configs and posts.

pub mod cache;
mod cache_file;
pub mod facts;
pub mod files;
pub mod front_matter;
pub mod index;
pub mod kept;
pub mod listing;
mod load;
pub mod plugins;
mod template_fields;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::jekyll::date::{DateContext, TimeZoneReading};
use crate::jekyll::site_config::SiteConfig;
use crate::source::{LineIndex, Position};

pub use facts::{DocFacts, DocKind};

/// The names Jekyll tries, in this order (`Configuration#config_files`); TOML is not read.
pub const SITE_CONFIG_NAMES: [&str; 2] = ["_config.yml", "_config.yaml"];

/// The configuration files of a site when `.frontlint.yml` does not say (`site-config`).
pub const DEFAULT_SITE_CONFIG: &str = "_config.yml";

/// The configuration files of an Isomer site: its build runs `jekyll build --config
/// _config.yml,<every _folder/collection.yml>`, where each collection declares itself.
pub const ISOMER_SITE_CONFIG: [&str; 2] = ["_config.yml", "_*/collection.yml"];

/// Is `dir` a Jekyll site's source folder (it holds `_config.yml` or `_config.yaml`)?
pub fn is_site_root(dir: &Path) -> bool {
    SITE_CONFIG_NAMES
        .iter()
        .any(|name| dir.join(name).is_file())
}

/// One Jekyll site: where its source is and the settings that decide dates and URLs.
#[derive(Debug)]
pub struct Site {
    /// The site source: the folder of `_config.yml`, else the config's root.
    pub root: PathBuf,
    /// The Jekyll configuration files read, in the order they are merged (`_config.yml`
    /// first; see `site-config` in `.frontlint.yml`).
    pub files: Vec<SiteFile>,
    /// The settings Jekyll builds with (defaults when `_config.yml` is missing or broken).
    pub config: SiteConfig,
    /// What is wrong with `_config.yml` (reported by `broken-site-config`).
    pub problems: Vec<SiteProblem>,
    /// The zone Jekyll's process really runs in (`timezone`; UTC when unset).
    pub time_zone: TimeZone,
    pub zone: ZoneSetting,
    /// "Now" for this run: Jekyll's `site.time`, used for future dates and missing years.
    pub build_time: Timestamp,
    /// The plugins that change what the site publishes, as far as frontlint models them.
    pub plugins: plugins::Plugins,
    /// Front matter fields the site's layouts, includes and plugins read (found on first
    /// use: only `unknown-field` asks).
    template_fields: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// How the site is served (for links).
    pub host: crate::links::host::HostSettings,
    /// The host's redirects (Netlify's `_redirects` and `netlify.toml`).
    pub redirect_rules: Vec<crate::links::host::RedirectRule>,
}

/// A configuration file as read, for diagnostics that point into it.
#[derive(Debug)]
pub struct SiteFile {
    pub path: PathBuf,
    /// Relative to the site root, `/`-separated (`_config.yml`, `_about-us/collection.yml`).
    pub name: String,
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

/// A problem with a configuration file, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteProblem {
    /// Index into `Site::files`.
    pub file: usize,
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
    /// `_config.yml` (or `_config.yaml`), when the site has one.
    pub fn main_file(&self) -> Option<&SiteFile> {
        self.files
            .first()
            .filter(|f| SITE_CONFIG_NAMES.contains(&f.name.as_str()))
    }

    /// Does a layout, include or plugin of the site read a front matter field of this name
    /// (`page.publisher`, `book.publisher`, `data["publisher"]`)?
    pub fn templates_read(&self, field: &str) -> bool {
        self.template_fields
            .get_or_init(|| template_fields::scan(&self.root))
            .contains(field)
    }

    /// Does Jekyll convert this file as Markdown? Its extension is one of `markdown_ext`,
    /// compared ignoring case as Jekyll does (`.MD` is Markdown).
    pub fn is_markdown(&self, source_path: &str) -> bool {
        let name = crate::jekyll::filename::basename(source_path);
        let ext = crate::jekyll::permalink::ruby_extname(name);
        !ext.is_empty() && crate::jekyll::permalink::is_markdown_ext(ext, &self.config.markdown_ext)
    }

    /// Does Jekyll read this file as a post, draft or collection document when it has front
    /// matter (whatever its extension)?
    pub fn reads_as_document(&self, source_path: &str) -> bool {
        use crate::jekyll::reader::{SourceRole, source_role};
        matches!(
            source_role(&self.config, source_path),
            SourceRole::Post { .. } | SourceRole::Draft | SourceRole::Document { .. }
        )
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
