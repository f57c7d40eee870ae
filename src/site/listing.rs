//! The site file-list cache: which files a walk of a site found, kept in
//! `<site>/.frontlint_cache/` (`Config::cache_root`) so that a run naming a few files (pre-commit) need not
//! walk the whole site again to find the files the site-wide rules compare them with. On a
//! 20,000-post site the walk was over a third of such a run.
//!
//! The list is exactly what a walk would find as long as no folder of the site gained, lost
//! or renamed an entry (each of which changes the folder's modification time) and no ignore
//! file changed in place. So the cache keeps every walked folder's modification time, the
//! stamps of every `.gitignore`/`.ignore` file the walk could have read (present or absent),
//! git's `info/exclude` and the user's global git settings, and a fingerprint of the settings
//! that select files. Any difference means a fresh walk. Folders modified in the seconds
//! before the list is written are not trusted (see `cache::RACY`): the list is not written.
//! Not watched: a global ignore file that git's `core.excludesFile` puts somewhere other than
//! the default place, edited in place (`--no-cache` walks).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::atomic_write::write_atomically;
use crate::config::Config;

use super::files::SiteFiles;

use super::cache::{CACHE_DIR, RACY, Stamp, prepare_dir, site_fingerprint};
use super::cache_file::split_bytes;

const FILE_NAME: &str = "site-files-v2";
const HEADER: &str = "frontlint-site-files";

/// The files a walk of `root` found (relative to `root`, `/`-separated, with their site
/// paths) and what they depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Walked folders relative to the root (`""` for the root) and their modification times.
    pub folders: Vec<(String, u128)>,
    /// Ignore files and git settings the walk may have read: path and stamp (`None`: absent).
    pub guards: Vec<(PathBuf, Option<Stamp>)>,
    /// `(path relative to the root, site path)` of every file found.
    pub files: Vec<(String, String)>,
    /// The site's other files and the folders not entered (see `SiteFiles`).
    pub others: SiteFiles,
}

impl Listing {
    /// The cached list for a walk of `root` with `config`, if nothing it depends on changed.
    pub fn load(config: &Config, root: &Path) -> Option<Listing> {
        let text = std::fs::read_to_string(cache_file(config)?).ok()?;
        let listing = parse(&text, fingerprint(config, root))?;
        let folders_unchanged = listing
            .folders
            .iter()
            .all(|(folder, modified)| folder_mtime(&root.join(folder)) == Some(*modified));
        let guards_unchanged = listing
            .guards
            .iter()
            .all(|(path, stamp)| Stamp::of(path) == *stamp);
        (folders_unchanged && guards_unchanged).then_some(listing)
    }

    /// Build the list from a walk: `folders` are the walked folders relative to `root`.
    pub fn from_walk(
        root: &Path,
        folders: Vec<String>,
        mut files: Vec<(String, String)>,
        others: SiteFiles,
    ) -> Listing {
        // Stored in the order runs sort targets in, so that sorting them again is cheap.
        files.sort();
        let mut guards = Vec::new();
        let mut timed = Vec::with_capacity(folders.len());
        for folder in folders {
            let path = root.join(&folder);
            for name in [".gitignore", ".ignore"] {
                guards.push(path.join(name));
            }
            timed.push((folder, folder_mtime(&path).unwrap_or(0)));
        }
        guards.extend(outside_guards(root));
        let guards = guards
            .into_iter()
            .map(|p| (p.clone(), Stamp::of(&p)))
            .collect();
        Listing {
            folders: timed,
            guards,
            files,
            others,
        }
    }

    /// Write the list (best effort: the cache only saves time). Not written when a folder
    /// changed too recently for its time to tell a later change apart.
    pub fn store(&self, config: &Config, root: &Path) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let racy = self
            .folders
            .iter()
            .any(|(_, modified)| *modified == 0 || modified + RACY.as_nanos() > now);
        let representable = self
            .files
            .iter()
            .flat_map(|(a, b)| [a, b])
            .chain(self.folders.iter().map(|(f, _)| f))
            .chain(&self.others.others)
            .chain(&self.others.unlisted)
            .all(|s| !s.contains(['\t', '\n', '\r']));
        let (Some(cache_root), Some(file)) = (config.cache_root.as_deref(), cache_file(config))
        else {
            return;
        };
        if racy || !representable || !prepare_dir(cache_root) {
            return;
        }
        let text = format(self, fingerprint(config, root));
        let _ = write_atomically(&file, |out| out.write_all(text.as_bytes()));
    }
}

fn cache_file(config: &Config) -> Option<PathBuf> {
    Some(config.cache_root.as_ref()?.join(CACHE_DIR).join(FILE_NAME))
}

/// The site's settings, which files the config selects, and the walked root as written
/// (targets' paths are shown relative to it).
fn fingerprint(config: &Config, root: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    site_fingerprint(config).hash(&mut hasher);
    config.file_selection.hash(&mut hasher);
    root.hash(&mut hasher);
    hasher.finish()
}

fn folder_mtime(path: &Path) -> Option<u128> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    metadata.is_dir().then_some(modified.as_nanos())
}

/// Ignore rules read from outside the walked folders: `.gitignore`/`.ignore` in every parent,
/// git's `info/exclude`, and the user's git settings and global ignore file.
fn outside_guards(root: &Path) -> Vec<PathBuf> {
    let mut guards = Vec::new();
    let absolute = crate::config::absolute(root);
    for parent in absolute.ancestors().skip(1) {
        for name in [".gitignore", ".ignore"] {
            guards.push(parent.join(name));
        }
    }
    for folder in absolute.ancestors() {
        guards.push(folder.join(".git/info/exclude"));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    guards.extend(home.map(|h| h.join(".gitconfig")));
    if let Some(xdg) = xdg {
        guards.push(xdg.join("git/config"));
        guards.push(xdg.join("git/ignore"));
    }
    guards
}

// The file: a header line `frontlint-site-files <fingerprint>`, then tab-separated lines:
// `D <mtime> <folder>`, `G <size> <mtime> <path>` (`G - - <path>` for an absent file),
// `F <path> <site path>`, `O <site path>` (a file not linted) and `U <site path>` (a folder
// not entered).

fn format(listing: &Listing, fingerprint: u64) -> String {
    let mut text = format!("{HEADER} {fingerprint}\n");
    for (folder, modified) in &listing.folders {
        text.push_str(&format!("D\t{modified}\t{folder}\n"));
    }
    for (path, stamp) in &listing.guards {
        let (size, modified) = match stamp {
            Some(stamp) => (stamp.size.to_string(), stamp.modified_ns.to_string()),
            None => ("-".to_owned(), "-".to_owned()),
        };
        text.push_str(&format!("G\t{size}\t{modified}\t{}\n", path.display()));
    }
    for (path, site_path) in &listing.files {
        text.push_str(&format!("F\t{path}\t{site_path}\n"));
    }
    for other in &listing.others.others {
        text.push_str(&format!("O\t{other}\n"));
    }
    for folder in &listing.others.unlisted {
        text.push_str(&format!("U\t{folder}\n"));
    }
    text
}

fn parse(text: &str, fingerprint: u64) -> Option<Listing> {
    let mut lines = split_bytes(text, b'\n').filter(|line| !line.is_empty());
    let header = lines.next()?.strip_prefix(HEADER)?.trim();
    if header.parse::<u64>().ok()? != fingerprint {
        return None;
    }
    let mut listing = Listing {
        folders: Vec::new(),
        guards: Vec::new(),
        files: Vec::new(),
        others: SiteFiles::default(),
    };
    for line in lines {
        let mut fields = split_bytes(line, b'\t');
        match fields.next()? {
            "D" => {
                let modified = fields.next()?.parse().ok()?;
                listing.folders.push((fields.next()?.to_owned(), modified));
            }
            "G" => {
                let (size, modified) = (fields.next()?, fields.next()?);
                let stamp = match (size, modified) {
                    ("-", "-") => None,
                    _ => Some(Stamp::new(size.parse().ok()?, modified.parse().ok()?)),
                };
                listing.guards.push((PathBuf::from(fields.next()?), stamp));
            }
            "F" => {
                let path = fields.next()?.to_owned();
                listing.files.push((path, fields.next()?.to_owned()));
            }
            "O" => listing.others.others.push(fields.next()?.to_owned()),
            "U" => listing.others.unlisted.push(fields.next()?.to_owned()),
            _ => return None,
        }
    }
    Some(listing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_survives_the_file_format() {
        let listing = Listing {
            folders: vec![(String::new(), 1), ("_posts".to_owned(), 2)],
            guards: vec![
                (PathBuf::from("/site/.gitignore"), Some(Stamp::new(3, 4))),
                (PathBuf::from("/.gitignore"), None),
            ],
            files: vec![("_posts/a b.md".to_owned(), "site/_posts/a b.md".to_owned())],
            others: SiteFiles {
                others: vec!["images/a b.png".to_owned()],
                unlisted: vec!["vendor".to_owned()],
            },
        };
        let text = format(&listing, 9);
        assert_eq!(parse(&text, 9), Some(listing));
        assert_eq!(parse(&text, 8), None);
        assert_eq!(parse("frontlint-site-files 9\nX\t1\n", 9), None);
    }
}
