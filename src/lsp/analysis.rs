//! Linting an open document: find its config as the CLI would for its path, lint the editor's
//! text, and keep the result for code actions and hovers on the same version.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{CONFIG_NAMES, Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::discover::{self, ConfigCache};
use crate::engine;
use crate::post::Post;

use super::documents::Document;

/// Files whose change can change what a post is told: frontlint's config and Jekyll's.
pub const WATCHED_CONFIG_NAMES: [&str; 4] = [
    CONFIG_NAMES[0],
    CONFIG_NAMES[1],
    "_config.yml",
    "_config.yaml",
];

/// Is this file one whose change means every config must be read again?
pub fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| WATCHED_CONFIG_NAMES.contains(&name))
}

/// Configs by folder, as `frontlint check` finds them; dropped whole when a config changes.
pub struct Configs {
    cache: ConfigCache,
    /// Where an unsaved buffer's config is searched from: the first workspace folder, else the
    /// server's working directory.
    fallback: PathBuf,
}

impl Configs {
    pub fn new(fallback: PathBuf) -> Configs {
        Configs {
            cache: ConfigCache::default(),
            fallback,
        }
    }

    /// Forget every config: the next lint of each document reads them again.
    pub fn reload(&mut self) {
        self.cache = ConfigCache::default();
    }

    pub fn for_document(&mut self, doc: &Document) -> Result<Arc<Config>, ConfigError> {
        match &doc.path {
            Some(path) => self.cache.for_path(path),
            None => self.cache.for_path(&self.fallback),
        }
    }
}

/// The outcome of linting one version of a document.
pub enum Analysis {
    Linted(Linted),
    /// The config excludes the file, or it is not a Markdown file the config includes.
    Ignored,
    /// The config cannot be read: nothing is linted, and the error is reported on the
    /// document's first line (as `frontlint check` would exit with it).
    BrokenConfig(ConfigError),
}

pub struct Linted {
    pub post: Post,
    pub config: Arc<Config>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Linted {
    /// The document's post again, for a fix that consumes it.
    pub fn fresh_post(&self) -> Post {
        Post::new(
            crate::source::Source::new(
                self.post.source.path.clone(),
                self.post.source.text.clone(),
            ),
            self.post.site_path.clone(),
            None,
        )
    }
}

pub fn analyse(doc: &Document, configs: &mut Configs) -> Analysis {
    let config = match configs.for_document(doc) {
        Ok(config) => config,
        Err(error) => return Analysis::BrokenConfig(error),
    };
    let site_path = match &doc.path {
        Some(path) => discover::site_path(&config, path),
        None => untitled_site_path(doc),
    };
    if !should_lint(doc, &config, &site_path) {
        return Analysis::Ignored;
    }
    let (post, diagnostics) = engine::lint_text(&doc.display(), &site_path, doc.text(), &config);
    Analysis::Linted(Linted {
        post,
        config,
        diagnostics,
    })
}

/// A file the config excludes (`_site/`, `vendor/`) is left alone even when opened, as
/// `frontlint check --force-exclude` (what editors and hooks use) does. Otherwise a document is
/// linted when the config includes its path or the editor says it is Markdown (an unsaved
/// buffer, a `.txt` the user set to Markdown).
fn should_lint(doc: &Document, config: &Config, site_path: &str) -> bool {
    if config.is_excluded(site_path) {
        return false;
    }
    config.is_included(site_path) || doc.language_id == "markdown"
}

/// An unsaved buffer is linted as a page named after its URI's last segment.
fn untitled_site_path(doc: &Document) -> String {
    let name = doc
        .uri
        .as_str()
        .rsplit(['/', ':'])
        .next()
        .unwrap_or("untitled");
    if name.ends_with(".md") || name.ends_with(".markdown") {
        name.to_owned()
    } else {
        format!("{name}.md")
    }
}
