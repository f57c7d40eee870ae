//! The site index cache: what the site-wide rules need from each file (its [`IndexedDoc`]),
//! kept between runs in `<site>/.frontlint_cache/` (`Config::cache_root`).
//!
//! A pre-commit run names a few files, but duplicate-URL rules must compare them with every
//! other file of the site. Without the cache that means reading and parsing the whole site on
//! every commit; with it, only the files whose size or modification time changed since the
//! last run. Like ruff's `.ruff_cache`, the folder holds its own `.gitignore`.
//!
//! An entry is trusted only when the file's size and modification time (nanoseconds) are
//! unchanged and the site's settings are the same (a fingerprint of the site model and the
//! frontlint version). Two things are never cached: a file modified in the last seconds before
//! the cache is written (a later edit within the clock's resolution would look unchanged —
//! git's "racy" entries) and a post left out only because it is dated in the future (time
//! alone changes that).

use foldhash::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::atomic_write::write_atomically;
use crate::config::Config;

use super::cache_file::{format_cache, parse};
use super::index::IndexedDoc;

/// The folder, under the config's root.
pub const CACHE_DIR: &str = ".frontlint_cache";
const FILE_NAME: &str = "site-index-v3";
/// Files modified this recently are not cached (see the module docs).
pub(super) const RACY: Duration = Duration::from_secs(2);

/// A file's size and modification time: an entry is valid while both are unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub(super) size: u64,
    pub(super) modified_ns: u128,
}

impl Stamp {
    pub(super) fn new(size: u64, modified_ns: u128) -> Stamp {
        Stamp { size, modified_ns }
    }

    pub fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: metadata.len(),
            modified_ns: modified.as_nanos(),
        })
    }

    fn is_racy(&self, now: SystemTime) -> bool {
        let now = now.duration_since(UNIX_EPOCH).unwrap_or_default();
        self.modified_ns + RACY.as_nanos() > now.as_nanos()
    }
}

/// One file's summary as a run leaves it, for `SiteCache::store`.
pub struct Summary<'a> {
    pub site_path: &'a str,
    /// The file's size and time when it was read.
    pub stamp: Stamp,
    pub doc: &'a IndexedDoc,
    /// It came from this cache (`SiteCache::get`), unchanged.
    pub from_cache: bool,
}

/// A file's summary, without how this run names it (`path`, `file` and `reported` are left
/// empty), and the stamp it was made for.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    pub(super) stamp: Stamp,
    pub(super) doc: IndexedDoc,
}

/// One site's cache as loaded, and what this run learnt.
#[derive(Debug)]
pub struct SiteCache {
    /// `None`: the site keeps no cache (see `Config::cache_root`).
    file: Option<PathBuf>,
    fingerprint: u64,
    /// An entry is taken out when it is used (its strings move into the summary); the key
    /// stays, so that `store` can tell an unchanged site.
    loaded: HashMap<String, Mutex<Option<Entry>>>,
    /// Some lookup found no entry, or a stale one.
    missed: AtomicBool,
}

impl SiteCache {
    /// The cache of `config`'s site; empty when missing, unreadable or made for other settings.
    pub fn load(config: &Config) -> SiteCache {
        let file = config
            .cache_root
            .as_deref()
            .map(|root| root.join(CACHE_DIR).join(FILE_NAME));
        let fingerprint = site_fingerprint(config);
        let loaded = file
            .as_deref()
            .and_then(|file| std::fs::read_to_string(file).ok())
            .and_then(|text| parse(&text, fingerprint))
            .unwrap_or_default()
            .into_iter()
            .map(|(site_path, entry)| (site_path, Mutex::new(Some(entry))))
            .collect();
        SiteCache {
            file,
            fingerprint,
            loaded,
            missed: AtomicBool::new(false),
        }
    }

    /// The cached summary of the file at `site_path`, if the file has not changed since.
    pub fn get(
        &self,
        site_path: &str,
        stamp: Stamp,
        path: &str,
        file: &Path,
    ) -> Option<IndexedDoc> {
        let taken = self.loaded.get(site_path).and_then(|slot| {
            let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
            slot.take_if(|entry| entry.stamp == stamp)
        });
        let Some(entry) = taken else {
            self.missed.store(true, Ordering::Relaxed);
            return None;
        };
        let mut doc = entry.doc;
        doc.path = path.into();
        doc.file = file.to_path_buf();
        doc.reported = false;
        Some(doc)
    }

    /// Replaces the cache with this run's summaries (of every file of the site that may be
    /// cached). Failing to write is not an error: the cache only saves time.
    pub fn store(self, docs: Vec<Summary<'_>>) {
        let now = SystemTime::now();
        let docs: Vec<_> = docs
            .into_iter()
            .filter(|summary| !summary.stamp.is_racy(now))
            .collect();
        // The usual pre-commit run changes nothing: compare before building anything. A
        // summary from the cache is its entry (no file missed, so every entry was used once).
        let unchanged = !self.missed.load(Ordering::Relaxed)
            && docs.len() == self.loaded.len()
            && docs.iter().filter(|s| !s.from_cache).all(|summary| {
                self.loaded.get(summary.site_path).is_some_and(|slot| {
                    match &*slot.lock().unwrap_or_else(|e| e.into_inner()) {
                        None => true,
                        Some(e) => e.stamp == summary.stamp && e.doc.same_summary(summary.doc),
                    }
                })
            });
        if unchanged {
            return;
        }
        let entries: HashMap<String, Entry> = docs
            .into_iter()
            .map(|s| (s.site_path.to_owned(), entry(s.stamp, s.doc)))
            .collect();
        let Some(file) = &self.file else {
            return;
        };
        let Some(root) = file.parent().and_then(Path::parent) else {
            return;
        };
        if !prepare_dir(root) {
            return;
        }
        let text = format_cache(self.fingerprint, &entries);
        let _ = write_atomically(file, |out| out.write_all(text.as_bytes()));
    }
}

fn entry(stamp: Stamp, doc: &IndexedDoc) -> Entry {
    Entry {
        stamp,
        doc: IndexedDoc {
            path: "".into(),
            file: PathBuf::new(),
            reported: false,
            ..doc.clone()
        },
    }
}

/// Create the cache folder under `root` with its `.gitignore`; `false` if it cannot be.
pub(super) fn prepare_dir(root: &Path) -> bool {
    let dir = root.join(CACHE_DIR);
    if std::fs::create_dir_all(&dir).is_err() {
        return false;
    }
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = std::fs::write(
            ignore,
            "# Created by frontlint: a cache, never commit it.\n*\n",
        );
    }
    true
}

/// Everything besides a file's own bytes that its summary depends on.
pub(super) fn site_fingerprint(config: &Config) -> u64 {
    let site = &config.site;
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    config.root.hash(&mut hasher);
    site.root.hash(&mut hasher);
    format!("{:?}", site.config).hash(&mut hasher);
    format!("{:?}", site.zone).hash(&mut hasher);
    site.time_zone.iana_name().hash(&mut hasher);
    site.plugins.hash(&mut hasher);
    // A date written without a year takes the build's year.
    site.time_zone
        .to_datetime(site.build_time)
        .year()
        .hash(&mut hasher);
    hasher.finish()
}
