//! The plugins that change what a site publishes, as far as frontlint models them. A plugin
//! runs when `_config.yml` lists it under `plugins` (or the older `gems`), or when the site's
//! Gemfile asks for the `github-pages` gem, which turns on its default plugins for every
//! build. Plugins frontlint does not model are assumed not to change dates or URLs; code in
//! `_plugins/` can change anything, so frontlint only softens what it says about permalink
//! placeholders Jekyll itself does not know (see `malformed-permalink`).

use std::path::Path;

use crate::jekyll::site_config::SiteConfig;

/// What the github-pages gem turns on for every build (its `DEFAULT_PLUGINS`), among the
/// plugins frontlint models.
const GITHUB_PAGES_DEFAULTS: [&str; 2] = ["jekyll-default-layout", "jekyll-relative-links"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Plugins {
    /// `jekyll-default-layout`: Markdown files without a layout get one.
    pub default_layout: bool,
    /// `jekyll-redirect-from`: `redirect_from` publishes a stub page at each old URL, and
    /// `redirect_to` turns a page into a stub that sends its URL elsewhere.
    pub redirect_from: bool,
    /// `jekyll-relative-links`: a Markdown link to a source file (`x.md`, `../y.md`) becomes
    /// the link to its URL.
    pub relative_links: bool,
    /// `_plugins/` holds Ruby code: the site may define permalink placeholders and more.
    pub site_plugins: bool,
    /// Permalink placeholders a plugin defines (`permalink-placeholders` in `.frontlint.yml`).
    pub placeholders: Vec<String>,
}

impl Plugins {
    pub fn detect(root: &Path, config: &SiteConfig) -> Plugins {
        let github_pages = gemfile_uses_github_pages(root);
        let on = |name: &str| {
            config.plugins.iter().any(|p| p == name)
                || (github_pages && GITHUB_PAGES_DEFAULTS.contains(&name))
                || gemfile_names(root, name)
        };
        Plugins {
            default_layout: on("jekyll-default-layout"),
            redirect_from: on("jekyll-redirect-from"),
            relative_links: on("jekyll-relative-links"),
            site_plugins: has_ruby_files(&root.join("_plugins")),
            placeholders: Vec::new(),
        }
    }

    /// Is `name` a placeholder the site's plugins are declared to define?
    pub fn defines_placeholder(&self, name: &str) -> bool {
        self.placeholders.iter().any(|p| p == name)
    }
}

/// The `gem` lines of the site's Gemfile (comments dropped).
fn gem_lines(root: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(root.join("Gemfile")) else {
        return Vec::new();
    };
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|line| line.starts_with("gem "))
        .collect()
}

fn gemfile_uses_github_pages(root: &Path) -> bool {
    gemfile_names(root, "github-pages")
}

/// Does the Gemfile ask for this gem (in a `jekyll_plugins` group, Bundler requires it)?
fn gemfile_names(root: &Path, gem: &str) -> bool {
    let quoted = [format!("\"{gem}\""), format!("'{gem}'")];
    gem_lines(root)
        .iter()
        .any(|line| quoted.iter().any(|q| line.contains(q.as_str())))
}

/// Does the folder (or a folder in it) hold a `.rb` file? Bounded: a handful of levels.
fn has_ruby_files(dir: &Path) -> bool {
    let mut stack = vec![(dir.to_path_buf(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && depth < 4 {
                stack.push((path, depth + 1));
            } else if path.extension().is_some_and(|e| e == "rb") {
                return true;
            }
        }
    }
    false
}
