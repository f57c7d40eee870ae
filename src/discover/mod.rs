//! Which files to lint and the site each belongs to. For every path given: a file belongs to
//! the nearest Jekyll site at or above it; a folder is walked, and every folder below it that
//! holds a `_config.yml` is a site of its own, walked with its own config. So a file gets the
//! same site, settings and URL whichever path was typed: the repository, the site, the file.

mod context;
mod sites;
mod walk;

use foldhash::{HashSet, HashSetExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError, Selection};
use crate::engine::Target;

pub use context::add_site_context;
pub use sites::ConfigCache;
pub use walk::NEVER_WALKED;

#[derive(Debug)]
pub enum DiscoverError {
    Config(ConfigError),
    /// A path named on the command line does not exist.
    NotFound(PathBuf),
}

impl From<ConfigError> for DiscoverError {
    fn from(error: ConfigError) -> Self {
        DiscoverError::Config(error)
    }
}

/// Expand `paths` into sorted, de-duplicated targets. A file named explicitly is always linted
/// (unless `force_exclude` and the config excludes it); files found by walking a folder must
/// be selected by their site's config (see `Config::selects`).
pub fn discover(
    paths: &[PathBuf],
    configs: &mut ConfigCache,
) -> Result<Vec<Target>, DiscoverError> {
    discover_with(paths, configs, false)
}

pub fn discover_with(
    paths: &[PathBuf],
    configs: &mut ConfigCache,
    force_exclude: bool,
) -> Result<Vec<Target>, DiscoverError> {
    let mut targets = Vec::new();
    for path in paths {
        let metadata = match std::fs::symlink_metadata(path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Err(DiscoverError::NotFound(path.clone()));
            }
            // It may exist behind a folder we may not search: say so where it was named.
            Err(error) => {
                let config = configs.for_path(path)?;
                let mut target = target(path, &config);
                target.unreadable = Some(error.to_string().into());
                targets.push(target);
                continue;
            }
        };
        let is_dir = metadata.is_dir() || (metadata.is_symlink() && path.is_dir());
        let config = configs.for_path(path)?;
        if !is_dir {
            let excluded = force_exclude && config.is_excluded(&site_path(&config, path));
            if !excluded {
                targets.push(target(path, &config));
            }
            continue;
        }
        walk(path, config, configs, &mut targets)?;
    }
    // One folder walked yields each file once: only several paths can name one file twice.
    if paths.len() > 1 {
        targets = dedup(targets);
    }
    targets.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(targets)
}

/// Walk a folder of `config`'s site, then each site found below it with its own config.
fn walk(
    path: &Path,
    config: Arc<Config>,
    configs: &mut ConfigCache,
    targets: &mut Vec<Target>,
) -> Result<(), ConfigError> {
    let mut pending = vec![(path.to_path_buf(), config)];
    while let Some((folder, config)) = pending.pop() {
        let walked = walk::walk_site_folder(&folder, &config, false);
        targets.extend(walked.targets);
        // The whole site was walked: its other files are known.
        if config::absolute(&folder) == config.root {
            config.set_site_files(walked.files);
        }
        for site in walked.sites {
            let config = configs.for_site(&config::absolute(&site))?;
            pending.push((site, config));
        }
    }
    Ok(())
}

/// A file named twice (`a.md` and `./a.md`, or relative and absolute, or inside a folder
/// also named) is one target, shown as first given.
fn dedup(targets: Vec<Target>) -> Vec<Target> {
    let mut seen = HashSet::with_capacity(targets.len());
    targets
        .into_iter()
        .filter(|target| seen.insert(config::absolute(&target.path)))
        .collect()
}

pub fn target(path: &Path, config: &Arc<Config>) -> Target {
    let site_path = site_path(config, path);
    // Named explicitly: linted whatever its extension, but a non-Markdown file is linted as
    // a document only when it has front matter (as a walk would).
    let needs_front_matter = config.selects(&site_path) == Selection::IfFrontMatter;
    let mut target = target_at(path, site_path, config);
    target.needs_front_matter = needs_front_matter;
    target
}

/// [`target`] when the site path is already known.
fn target_at(path: &Path, site_path: String, config: &Arc<Config>) -> Target {
    Target {
        path: path.to_path_buf(),
        display: display_path(path),
        site_path,
        config: config.clone(),
        reported: true,
        needs_front_matter: false,
        unreadable: None,
        unlisted_folder: None,
    }
}

/// The path as the user gave it, with `./` dropped and `/` separators. Bytes of a file name
/// that are not UTF-8 are shown as `\xNN`, so that two names that differ only there are
/// told apart.
pub fn display_path(path: &Path) -> String {
    // The usual path needs one copy (this runs for every file of a site).
    if let Some(text) = path.to_str().filter(|t| !t.contains('\\')) {
        return text.strip_prefix("./").unwrap_or(text).to_owned();
    }
    let text = match path.to_str() {
        Some(text) => text.replace('\\', "/"),
        None => escape_non_utf8(path),
    };
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

#[cfg(unix)]
fn escape_non_utf8(path: &Path) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_non_utf8(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The path relative to the config's root, `/`-separated (the path itself when outside it).
pub fn site_path(config: &Config, path: &Path) -> String {
    let absolute = config::absolute(path);
    let relative = absolute.strip_prefix(&config.root).unwrap_or(path);
    relative
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
