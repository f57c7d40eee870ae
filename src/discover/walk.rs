//! Walking a folder for the files to lint. A walk belongs to one site (one config): folders
//! below it that hold their own `_config.yml` are sites of their own, so the walk stops there
//! and reports them, to be walked with their own config. The walk runs on every core: a big
//! site's folders hold tens of thousands of files.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::{Config, Selection};
use crate::engine::Target;
use crate::site::files::SiteFiles;
use crate::site::is_site_root;

use super::{site_path, target_at};

/// Folders never walked, at any depth: build output and dependencies are never a site's
/// sources, and a `_config.yml` inside them is a dependency's, not a site of the repository.
pub const NEVER_WALKED: [&str; 3] = ["_site", "node_modules", "vendor"];

/// What a walk of one site's folder found.
#[derive(Default)]
pub(super) struct Walked {
    pub targets: Vec<Target>,
    /// Folders below that are sites of their own (not walked).
    pub sites: Vec<PathBuf>,
    /// Folders walked, relative to the walked folder, `/`-separated (`""` for itself), when
    /// asked for; the sites found below are listed too (a site that goes away changes what
    /// the walk finds).
    pub folders: Vec<String>,
    /// The files found that are not linted, and the folders not entered (site paths).
    pub files: SiteFiles,
}

/// Lock a mutex even if a walker thread panicked while holding it (the data is a list).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Walk `path`, a folder of the site `config` describes (the site's folder or one inside it).
pub(super) fn walk_site_folder(path: &Path, config: &Arc<Config>, record: bool) -> Walked {
    let base = site_path(config, path);
    let sites = Arc::new(Mutex::new(Vec::new()));
    let unlisted = Arc::new(Mutex::new(Vec::new()));
    let filter = {
        let (config, sites, unlisted, base, path) = (
            config.clone(),
            sites.clone(),
            unlisted.clone(),
            base.clone(),
            path.to_path_buf(),
        );
        move |entry: &ignore::DirEntry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.depth() == 0 {
                return true;
            }
            let relative = relative_path(&path, entry.path());
            let never = entry
                .file_name()
                .to_str()
                .is_some_and(|name| NEVER_WALKED.contains(&name));
            if never || config.is_excluded(&join(&base, &relative)) {
                // Build output is never published; what else is in here is not known.
                if entry.file_name() != "_site" {
                    lock(&unlisted).push(join(&base, &relative));
                }
                return false;
            }
            if is_site_root(entry.path()) {
                lock(&sites).push(entry.path().to_path_buf());
                return false;
            }
            true
        }
    };
    let walker = ignore::WalkBuilder::new(path)
        .require_git(false)
        .follow_links(false)
        .filter_entry(filter)
        .build_parallel();
    let found = Mutex::new(Vec::new());
    let folders = Mutex::new(Vec::new());
    let others = Mutex::new(Vec::new());
    walker.run(|| {
        let (found, folders, others, base) = (&found, &folders, &others, &base);
        Box::new(move |entry| {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    if let Some(target) = unreadable_folder(error, path, base, config) {
                        lock(found).push(target);
                    }
                    return ignore::WalkState::Continue;
                }
            };
            if entry.file_type().is_some_and(|t| t.is_dir()) {
                if record {
                    lock(folders).push(relative_path(path, entry.path()));
                }
                return ignore::WalkState::Continue;
            }
            let file = entry.path();
            let site_path = join(base, &relative_path(path, file));
            let selection = config.selects(&site_path);
            if selection == Selection::No {
                lock(others).push(site_path);
            } else {
                let mut target = target_at(file, site_path, config);
                target.needs_front_matter = selection == Selection::IfFrontMatter;
                lock(found).push(target);
            }
            ignore::WalkState::Continue
        })
    });
    let sites = std::mem::take(&mut *lock(&sites));
    let mut folders = folders.into_inner().unwrap_or_else(|e| e.into_inner());
    if record {
        folders.extend(sites.iter().map(|site| relative_path(path, site)));
    }
    let mut others = others.into_inner().unwrap_or_else(|e| e.into_inner());
    others.sort_unstable();
    let mut unlisted = std::mem::take(&mut *lock(&unlisted));
    unlisted.sort_unstable();
    Walked {
        targets: found.into_inner().unwrap_or_else(|e| e.into_inner()),
        sites,
        folders,
        files: SiteFiles { others, unlisted },
    }
}

/// A folder the walk could not read becomes a target that reports it (`unreadable-file`):
/// skipping it silently would say "no problems" about files nobody looked at.
fn unreadable_folder(
    error: ignore::Error,
    walked: &Path,
    base: &str,
    config: &Arc<Config>,
) -> Option<Target> {
    let (path, io) = io_error_with_path(&error)?;
    let site_path = join(base, &relative_path(walked, &path));
    let mut target = target_at(&path, site_path, config);
    target.unlisted_folder = Some(io.into());
    Some(target)
}

/// The path and I/O error inside a walk error, if it has both.
fn io_error_with_path(error: &ignore::Error) -> Option<(PathBuf, String)> {
    match error {
        ignore::Error::WithPath { path, err } => match err.as_ref() {
            ignore::Error::Io(io) => Some((path.clone(), io.to_string())),
            other => io_error_with_path(other).map(|(_, io)| (path.clone(), io)),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            io_error_with_path(err)
        }
        _ => None,
    }
}

/// `path` below `walked`, `/`-separated (`""` for `walked` itself).
fn relative_path(walked: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(walked).unwrap_or(path);
    match relative.to_str() {
        Some(text) if !text.contains('\\') => text.to_owned(),
        _ => relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// A site path below the walked folder: its own plus the entry's relative path.
fn join(base: &str, relative: &str) -> String {
    match (base, relative) {
        (base, "") => base.to_owned(),
        ("", relative) => relative.to_owned(),
        (base, relative) => format!("{base}/{relative}"),
    }
}
