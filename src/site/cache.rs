//! The site index cache: what the site-wide rules need from each file (its [`IndexedDoc`]),
//! kept between runs in `<config root>/.frontlint_cache/`.
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

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::atomic_write::write_atomically;
use crate::config::Config;

use super::facts::DocKind;
use super::index::{Anchor, IndexedDoc};

/// The folder, under the config's root.
pub const CACHE_DIR: &str = ".frontlint_cache";
const FILE_NAME: &str = "site-index-v1";
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
struct Entry {
    stamp: Stamp,
    doc: IndexedDoc,
}

/// One site's cache as loaded, and what this run learnt.
#[derive(Debug)]
pub struct SiteCache {
    file: PathBuf,
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
        let file = config.root.join(CACHE_DIR).join(FILE_NAME);
        let fingerprint = site_fingerprint(config);
        let loaded = std::fs::read_to_string(&file)
            .ok()
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
        let Some(root) = self.file.parent().and_then(Path::parent) else {
            return;
        };
        if !prepare_dir(root) {
            return;
        }
        let text = format_cache(self.fingerprint, &entries);
        let _ = write_atomically(&self.file, |out| out.write_all(text.as_bytes()));
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
    site.default_layout_plugin.hash(&mut hasher);
    // A date written without a year takes the build's year.
    site.time_zone
        .to_datetime(site.build_time)
        .year()
        .hash(&mut hasher);
    hasher.finish()
}

// The file: a header line `frontlint-site-index <fingerprint>`, then one line per file with
// tab-separated fields (see `format_entry`); an absent string is `-`. Tab-separated lines
// parse several times faster than JSON, which matters for 20,000 entries; a name or URL
// holding a tab, a line break or a lone `-` is simply not cached.

const HEADER: &str = "frontlint-site-index";

fn format_cache(fingerprint: u64, entries: &HashMap<String, Entry>) -> String {
    let mut text = format!("{HEADER} {fingerprint}\n");
    let mut keys: Vec<&String> = entries.keys().collect();
    keys.sort();
    for key in keys {
        if let Some(line) = format_entry(key, &entries[key]) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn format_entry(site_path: &str, e: &Entry) -> Option<String> {
    let strings = [
        Some(site_path),
        e.doc.source_path.as_deref(),
        e.doc.group.as_deref(),
        e.doc.url.as_deref(),
        e.doc.output_path.as_deref(),
    ];
    if strings
        .iter()
        .flatten()
        .any(|s| *s == "-" || s.contains(['\t', '\n', '\r']))
    {
        return None;
    }
    let text = |s: Option<&str>| s.unwrap_or("-").to_owned();
    let anchor = |a: &Anchor| {
        format!(
            "{} {} {} {} {} {}",
            a.range.start, a.range.end, a.start.line, a.start.column, a.end.line, a.end.column
        )
    };
    let fields = [
        site_path.to_owned(),
        e.stamp.size.to_string(),
        e.stamp.modified_ns.to_string(),
        serde_json::to_string(&e.doc.kind).ok()?,
        text(e.doc.source_path.as_deref()),
        text(e.doc.group.as_deref()),
        text(e.doc.url.as_deref()),
        text(e.doc.output_path.as_deref()),
        u8::from(e.doc.written).to_string(),
        e.doc
            .permalink
            .as_ref()
            .map_or_else(|| "-".to_owned(), anchor),
        anchor(&e.doc.head),
    ];
    Some(fields.join("\t"))
}

/// The entries, if the text is a cache for `fingerprint`; `None` on anything unexpected.
fn parse(text: &str, fingerprint: u64) -> Option<HashMap<String, Entry>> {
    let mut lines = split_bytes(text, b'\n').filter(|line| !line.is_empty());
    let header = lines.next()?.strip_prefix(HEADER)?.trim();
    if header.parse::<u64>().ok()? != fingerprint {
        return None;
    }
    // 20,000 entries: parsed on every core (a pre-commit run waits for them).
    use rayon::prelude::*;
    let lines: Vec<&str> = lines.collect();
    lines.par_iter().map(|line| parse_entry(line)).collect()
}

fn parse_entry(line: &str) -> Option<(String, Entry)> {
    let mut fields = split_bytes(line, b'\t');
    let mut next = || fields.next();
    let text = |s: &str| (s != "-").then(|| s.to_owned());
    let anchor = |s: &str| -> Option<Anchor> {
        let [start, end, line, column, end_line, end_column] = parse_numbers(s)?;
        Some(Anchor {
            range: start..end,
            start: crate::source::Position { line, column },
            end: crate::source::Position {
                line: end_line,
                column: end_column,
            },
        })
    };
    let site_path = next()?.to_owned();
    let stamp = Stamp {
        size: next()?.parse().ok()?,
        modified_ns: next()?.parse().ok()?,
    };
    let kind = parse_kind(next()?)?;
    let source_path = text(next()?);
    let group = text(next()?);
    let url = text(next()?);
    let output_path = text(next()?);
    let written = next()? == "1";
    let permalink = match next()? {
        "-" => None,
        value => Some(anchor(value)?),
    };
    let head = anchor(next()?)?;
    let doc = IndexedDoc {
        path: "".into(),
        file: PathBuf::new(),
        source_path,
        reported: false,
        kind,
        group,
        url,
        output_path,
        written,
        permalink,
        head,
    };
    let entry = Entry { stamp, doc };
    Some((site_path, entry))
}

/// `text` split at every `separator` (an ASCII byte), found with memchr: the cache files are
/// megabytes of short lines and fields, where `str::split`'s searcher costs more.
pub(super) fn split_bytes(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(separator, text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        let part = &text[start..end];
        start = end + 1;
        part
    })
}

/// Exactly `N` space-separated decimal numbers (what `format_entry` writes for an anchor).
/// A byte loop: 20,000 entries hold 40,000 anchors.
fn parse_numbers<const N: usize>(text: &str) -> Option<[usize; N]> {
    let mut numbers = [0usize; N];
    let mut index = 0;
    let mut digits = 0;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' if digits < 19 => {
                numbers[index] = numbers[index] * 10 + usize::from(byte - b'0');
                digits += 1;
            }
            b' ' if digits > 0 && index + 1 < N => {
                index += 1;
                digits = 0;
            }
            _ => return None,
        }
    }
    (digits > 0 && index + 1 == N).then_some(numbers)
}

/// A kind as written by `format_entry` (JSON); the common kinds without a JSON parse.
fn parse_kind(text: &str) -> Option<DocKind> {
    Some(match text {
        "\"Post\"" => DocKind::Post,
        "\"Page\"" => DocKind::Page,
        _ => serde_json::from_str(text).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::DocKind;
    use crate::source::Position;

    fn anchor(start: usize, end: usize) -> Anchor {
        Anchor {
            range: start..end,
            start: Position { line: 2, column: 3 },
            end: Position { line: 2, column: 9 },
        }
    }

    fn sample(url: &str) -> Entry {
        let doc = IndexedDoc {
            path: "".into(),
            file: PathBuf::new(),
            source_path: Some("_about-us/team é.md".to_owned()),
            reported: false,
            kind: DocKind::Document {
                label: "about-us".to_owned(),
            },
            group: None,
            url: Some(url.to_owned()),
            output_path: Some("about/team.html".to_owned()),
            written: false,
            permalink: Some(anchor(10, 20)),
            head: anchor(0, 3),
        };
        let stamp = Stamp {
            size: 42,
            modified_ns: 1_700_000_000_123_456_789,
        };
        Entry { stamp, doc }
    }

    #[test]
    fn entries_survive_the_file_format() {
        let mut entries = HashMap::new();
        entries.insert("a.md".to_owned(), sample("/about/team 1/"));
        let mut plain = sample("/b/");
        plain.doc.permalink = None;
        plain.doc.source_path = None;
        plain.doc.written = true;
        entries.insert("b.md".to_owned(), plain);
        let text = format_cache(7, &entries);
        assert_eq!(parse(&text, 7), Some(entries));
        // Another fingerprint: not ours.
        assert_eq!(parse(&text, 8), None);
    }

    #[test]
    fn anchors_numbers_parse_strictly() {
        assert_eq!(parse_numbers::<3>("0 12 345"), Some([0, 12, 345]));
        for bad in ["", "1 2", "1 2 3 4", "1  2 3", "1 2 3 ", "-1 2 3", "1 2 x"] {
            assert_eq!(parse_numbers::<3>(bad), None, "{bad:?}");
        }
        assert_eq!(parse_numbers::<1>("99999999999999999999"), None);
    }

    #[test]
    fn kinds_read_back_as_written() {
        let kinds = [
            DocKind::Post,
            DocKind::Page,
            DocKind::Draft,
            DocKind::Document {
                label: "news".to_owned(),
            },
        ];
        for kind in kinds {
            let written = serde_json::to_string(&kind).unwrap();
            assert_eq!(parse_kind(&written), Some(kind));
        }
    }

    #[test]
    fn strings_the_format_cannot_hold_are_left_out() {
        let mut entries = HashMap::new();
        entries.insert("tab.md".to_owned(), sample("/a\tb/"));
        entries.insert("dash.md".to_owned(), sample("-"));
        entries.insert("line\n.md".to_owned(), sample("/ok/"));
        let text = format_cache(1, &entries);
        assert_eq!(parse(&text, 1), Some(HashMap::new()), "{text}");
    }
}
