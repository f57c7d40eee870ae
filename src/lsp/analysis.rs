//! Linting an open document: find its config as the CLI would for its path, lint the editor's
//! text, and keep the result for code actions and hovers on the same version.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{CONFIG_NAMES, Config, ConfigError, Selection};
use crate::diagnostic::Diagnostic;
use crate::discover::{self, ConfigCache};
use crate::engine;
use crate::post::Post;
use crate::site::DocFacts;
use crate::source::Source;

use super::documents::Document;
use super::workspace::{SiteKey, Workspace};

/// The files whose change means every config must be read again, as watcher globs: frontlint's
/// config, Jekyll's `_config.yml` with the extra configuration files sites layer on it
/// (`_config.production.yml`, named in `site-config`), and an Isomer site's
/// `_<collection>/collection.yml`.
pub const CONFIG_GLOBS: [&str; 3] = [
    "**/.frontlint.{yml,yaml}",
    "**/_config*.{yml,yaml}",
    "**/_*/collection.yml",
];

/// Is this file one of `CONFIG_GLOBS`?
pub fn is_config_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    let in_collection_folder = || {
        path.parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| folder.to_string_lossy().starts_with('_'))
    };
    CONFIG_NAMES.contains(&name)
        || (name.starts_with("_config") && (name.ends_with(".yml") || name.ends_with(".yaml")))
        || (name == "collection.yml" && in_collection_folder())
}

/// Markdown files (Jekyll's `markdown_ext`), whose changes on disk move URLs of the site.
pub const MARKDOWN_GLOB: &str = "**/*.{md,markdown,mkdown,mkdn,mkd}";

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

    /// Where a buffer without a path is linted from.
    pub fn fallback(&self) -> &PathBuf {
        &self.fallback
    }

    pub fn for_file(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        self.cache.for_path(path)
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
    Linted(Box<Linted>),
    /// The config excludes the file, or it is not a Markdown file the config includes.
    Ignored,
    /// The config cannot be read: nothing is linted, and the error is reported on the
    /// document's first line (as `frontlint check` would exit with it).
    BrokenConfig(ConfigError),
}

pub struct Linted {
    pub post: Post,
    pub config: Arc<Config>,
    /// What Jekyll makes of the document: its kind, date, URL and output file.
    pub facts: DocFacts,
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

/// Lint the document's text with its config and what the workspace knows of its site, after
/// putting its own summary in the workspace. Also returns the document's site when that
/// summary changed what site-wide rules see (its URL moved): the site's other open documents
/// may need linting again.
pub fn analyse(
    doc: &Document,
    configs: &mut Configs,
    workspace: &mut Workspace,
) -> (Analysis, Option<SiteKey>) {
    let config = match configs.for_document(doc) {
        Ok(config) => config,
        Err(error) => return (Analysis::BrokenConfig(error), None),
    };
    let site_path = match &doc.path {
        Some(path) => discover::site_path(&config, path),
        None => untitled_site_path(doc),
    };
    if !should_lint(doc, &config, &site_path) {
        return (Analysis::Ignored, None);
    }
    let post = Post::new(Source::new(doc.display(), doc.text()), site_path, None);
    let facts = engine::facts_for(&post, &config);
    let key = SiteKey::of(&config);
    let mut changed_site = None;
    // An unsaved buffer is no file of the site: nothing else can collide with it.
    if let Some(path) = &doc.path {
        let summary = engine::summarise(&post, &facts, &config, crate::config::absolute(path));
        if workspace.upsert(key.clone(), summary) {
            changed_site = Some(key.clone());
        }
    }
    let diagnostics = engine::lint_in_site(&post, &config, &facts, workspace.site_docs(&key));
    let linted = Linted {
        post,
        config,
        facts,
        diagnostics,
    };
    (Analysis::Linted(Box::new(linted)), changed_site)
}

/// A file the config excludes (`_site/`, `vendor/`) is left alone even when opened, as
/// `frontlint check --force-exclude` (what editors and hooks use) does. Otherwise a document is
/// linted when the config includes its path or the editor says it is Markdown (an unsaved
/// buffer, a `.txt` the user set to Markdown).
fn should_lint(doc: &Document, config: &Config, site_path: &str) -> bool {
    if config.is_excluded(site_path) {
        return false;
    }
    match config.selects(site_path) {
        Selection::Yes => true,
        // A post or collection document that is not Markdown (`.html`, `.textile`) is one for
        // Jekyll only with front matter.
        Selection::IfFrontMatter => crate::site::facts::has_yaml_header(doc.text()),
        Selection::No => doc.language_id == "markdown",
    }
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
