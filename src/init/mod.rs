//! `frontlint init`: look at an existing site and write a starter `.frontlint.yml` — one
//! collection per group of similar files, fields that are (nearly) always there required,
//! their observed types, small value sets as allowed values — each choice commented with the
//! evidence, so the maintainer can judge it.

mod profile;
mod render;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

pub use profile::{FieldProfile, GroupProfile};
pub use render::{learned_groups, render};

use crate::config::{Config, ConfigError};
use crate::discover::{self, ConfigCache, DiscoverError};
use crate::engine;

/// Every group of files under `root`, analysed.
pub struct SiteProfile {
    pub files: usize,
    /// The preset the config builds on: `isomer` when the site is an Isomer site (its
    /// `remote_theme` is Isomer's), else `jekyll`.
    pub preset: &'static str,
    pub groups: Vec<GroupProfile>,
}

/// Read every Markdown file under `root` (as `check` would find them with the default
/// preset) and profile its front matter.
pub fn analyse(root: &Path) -> Result<SiteProfile, DiscoverError> {
    let mut configs = ConfigCache::default();
    let mut targets = discover::discover(&[root.to_path_buf()], &mut configs)?;
    targets.retain(|target| target.is_document());
    let isomer = targets.iter().any(|t| t.config.site.config.is_isomer());
    let posts: Vec<(String, crate::post::Post)> = targets
        .par_iter()
        .map(|target| (target.site_path.clone(), engine::read_post(target)))
        .collect();
    let patterns = group_patterns(posts.iter().map(|(path, _)| path.as_str()));
    let mut groups: BTreeMap<String, GroupProfile> = BTreeMap::new();
    for (path, post) in &posts {
        let pattern = patterns[path.as_str()].clone();
        groups
            .entry(pattern.clone())
            .or_insert_with(|| GroupProfile::new(pattern))
            .add(post);
    }
    Ok(SiteProfile {
        files: posts.len(),
        preset: if isomer { "isomer" } else { "jekyll" },
        groups: groups.into_values().collect(),
    })
}

/// The config `init` would write for `root`, checked by loading it like a real config.
pub fn starter_config(root: &Path) -> Result<(String, SiteProfile), InitError> {
    let profile = analyse(root).map_err(InitError::Discover)?;
    let text = render(&profile);
    let check = root.join(".frontlint.init-check.yml");
    std::fs::write(&check, &text).map_err(InitError::Io)?;
    let loaded = Config::load(&check).map(Arc::new);
    let _ = std::fs::remove_file(&check);
    loaded.map_err(InitError::Config)?;
    Ok((text, profile))
}

#[derive(Debug)]
pub enum InitError {
    Discover(DiscoverError),
    /// The generated config does not load: a bug in `init`.
    Config(ConfigError),
    Io(std::io::Error),
}

/// Which group each file belongs to: posts by the folder holding `_posts` (siblings merged
/// into `parent/*/_posts/**`), Jekyll collections (`_name/`) together, other folders by
/// their top folder, and the files at the root.
fn group_patterns<'a>(paths: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, String> {
    let first: BTreeMap<&str, String> = paths.map(|path| (path, first_pattern(path))).collect();
    // Post folders that share a parent: `news/a/_posts/**`, `news/b/_posts/**` → one group.
    let mut siblings: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for pattern in first.values() {
        if let Some((parent, child)) = posts_parent(pattern) {
            siblings
                .entry(parent.to_owned())
                .or_default()
                .insert(child.to_owned());
        }
    }
    first
        .into_iter()
        .map(|(path, pattern)| {
            let merged = posts_parent(&pattern)
                .filter(|(parent, _)| siblings[*parent].len() > 1)
                .map(|(parent, _)| format!("{parent}*/_posts/**"));
            (path, merged.unwrap_or(pattern))
        })
        .collect()
}

fn first_pattern(path: &str) -> String {
    if let Some(at) = path
        .find("/_posts/")
        .map(|i| i + 1)
        .or_else(|| path.starts_with("_posts/").then_some(0))
    {
        return format!("{}_posts/**", glob_escape(&path[..at]));
    }
    match path.split_once('/') {
        Some((top, _)) if top.starts_with('_') => "_*/**".to_owned(),
        Some((top, _)) => format!("{}/**", glob_escape(top)),
        None => "*".to_owned(),
    }
}

/// For `a/b/_posts/**`: (`a/`, `b`). Top-level `_posts` and single folders have no parent.
fn posts_parent(pattern: &str) -> Option<(&str, &str)> {
    let folder = pattern.strip_suffix("/_posts/**")?;
    let (parent, child) = folder.rsplit_once('/')?;
    Some((&pattern[..parent.len() + 1], child))
}

/// Folder names can hold glob metacharacters (`-parliament-Q-&-A`, `[draft]`).
fn glob_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_posts_by_folder_and_merges_siblings() {
        let paths = [
            "news/press/_posts/2024-01-01-a.md",
            "news/speeches/_posts/2024-01-01-b.md",
            "media/_posts/2024-01-01-c.md",
            "_posts/2024-01-01-d.md",
            "_about-us/who.md",
            "_policies/x.md",
            "pages/contact.md",
            "index.md",
        ];
        let groups = group_patterns(paths.iter().copied());
        assert_eq!(
            groups["news/press/_posts/2024-01-01-a.md"],
            "news/*/_posts/**"
        );
        assert_eq!(
            groups["news/speeches/_posts/2024-01-01-b.md"],
            "news/*/_posts/**"
        );
        assert_eq!(groups["media/_posts/2024-01-01-c.md"], "media/_posts/**");
        assert_eq!(groups["_posts/2024-01-01-d.md"], "_posts/**");
        assert_eq!(groups["_about-us/who.md"], "_*/**");
        assert_eq!(groups["pages/contact.md"], "pages/**");
        assert_eq!(groups["index.md"], "*");
    }
}
