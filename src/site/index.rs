//! What the site-wide rules see: one small summary per file (its URL, output file and where
//! to point in it), never the file's text. Positions are resolved when the summary is made,
//! so a diagnostic can point into a file that is no longer in memory.
//!
//! `reported` separates the files a run reports on from files that are only consulted: a
//! pre-commit run that names a few files can index the whole site and still report only on
//! the files it was given.

use foldhash::{HashMap, HashMapExt};
use std::hash::Hash;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::front_matter::Split;
use crate::post::Post;
use crate::source::Position;

use super::Site;
use super::facts::{DocFacts, DocKind, Outcome};
use super::kept::Kept;
use crate::links::SiteLink;

/// A byte range in a file with its positions (1-based lines, character columns).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    pub range: Range<usize>,
    pub start: Position,
    pub end: Position,
}

impl Anchor {
    pub fn in_post(post: &Post, range: Range<usize>) -> Anchor {
        Anchor {
            start: post.source.position(range.start),
            end: post.source.position(range.end),
            range,
        }
    }
}

/// A place in some file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: Arc<str>,
    pub anchor: Anchor,
}

/// One file as the site-wide rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedDoc {
    /// The path as shown in reports.
    pub path: Arc<str>,
    /// Where the file is on disk (to show its lines in a report).
    pub file: PathBuf,
    /// Relative to the site source (`None` outside the site).
    pub source_path: Option<String>,
    /// Diagnostics on this file are reported (it was named or found by the run).
    pub reported: bool,
    pub kind: DocKind,
    /// Files whose URLs should look alike: the folder holding `_posts` for posts and drafts,
    /// the collection label for documents; `None` for pages.
    pub group: Option<String>,
    pub url: Option<String>,
    pub output_path: Option<String>,
    /// Jekyll writes it (published, not a hidden draft, not in the future...).
    pub written: bool,
    /// The `permalink` value in the front matter, when there is one.
    pub permalink: Option<Anchor>,
    /// The start of the file (the opening `---` line, or the first line).
    pub head: Anchor,
    /// Every top-level front matter key, hashed: which fields the site's files share, for
    /// `unknown-field`.
    pub field_keys: FieldKeys,
    /// What few files have (boxed: a site keeps one summary per file).
    pub extras: Option<Box<Extras>>,
    /// Every link the file writes (see `links::extract`).
    pub links: Kept<Vec<SiteLink>>,
    /// The IDs `#fragment`s can point to on its page; `None` when not all are known (Liquid
    /// prints a header), or the file is no page.
    pub ids: Kept<Option<Vec<String>>>,
}

/// The rarer parts of a file's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Extras {
    /// The stub pages jekyll-redirect-from publishes for `redirect_from`: URL, output file
    /// and the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirects: Vec<(String, String, Anchor)>,
    /// A permalink placeholder Jekyll does not know, on a site with `_plugins/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin_placeholder: Option<String>,
    /// jekyll-redirect-from makes the file a redirect (`redirect_to`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub redirect_stub: bool,
    /// Keys one edit away from a known field (`permlink`): key, the field, where. Only for
    /// reported files (never cached: the cache serves consulted files).
    #[serde(skip)]
    pub near_misses: Vec<(String, String, Anchor)>,
}

impl Extras {
    fn is_empty(&self) -> bool {
        *self == Extras::default()
    }
}

/// The hashed top-level keys of a file's front matter (see [`field_hash`]). A summary read
/// from the site index cache keeps them as the cache wrote them, and they are parsed only
/// when asked for: a pre-commit run reads 20,000 summaries and rarely needs any.
#[derive(Debug, Clone)]
pub struct FieldKeys(KeysRepr);

#[derive(Debug, Clone)]
enum KeysRepr {
    Hashes(Box<[u32]>),
    /// Space-separated decimal hashes, as the cache writes them.
    Written(Box<str>),
}

impl Default for FieldKeys {
    fn default() -> FieldKeys {
        FieldKeys(KeysRepr::Hashes(Box::default()))
    }
}

impl FieldKeys {
    pub fn of(keys: &[String]) -> FieldKeys {
        FieldKeys(KeysRepr::Hashes(
            keys.iter().map(|k| field_hash(k)).collect(),
        ))
    }

    /// As the cache wrote them (see [`FieldKeys::written`]); checked when they are read.
    pub fn from_written(text: &str) -> FieldKeys {
        FieldKeys(KeysRepr::Written(text.into()))
    }

    /// The hashes. Written text that is not a list of numbers gives as many as it holds before
    /// the first fault: a damaged cache can only make `unknown-field` report more.
    pub fn hashes(&self) -> std::borrow::Cow<'_, [u32]> {
        match &self.0 {
            KeysRepr::Hashes(hashes) => std::borrow::Cow::Borrowed(hashes),
            KeysRepr::Written(text) => {
                std::borrow::Cow::Owned(text.split(' ').map_while(|key| key.parse().ok()).collect())
            }
        }
    }

    /// The text the cache keeps: the hashes in decimal, separated by spaces.
    pub fn written(&self) -> std::borrow::Cow<'_, str> {
        match &self.0 {
            KeysRepr::Written(text) => std::borrow::Cow::Borrowed(text),
            KeysRepr::Hashes(hashes) => std::borrow::Cow::Owned(
                hashes
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
    }
}

impl PartialEq for FieldKeys {
    fn eq(&self, other: &FieldKeys) -> bool {
        self.hashes() == other.hashes()
    }
}

/// The hash of a front matter key in [`FieldKeys`] (FNV-1a: stable across runs, as the cache
/// needs).
pub fn field_hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

impl IndexedDoc {
    pub fn new(post: &Post, facts: &DocFacts, file: PathBuf, reported: bool) -> IndexedDoc {
        let head_range = match &post.split {
            Split::Present(block) => block.open.clone(),
            Split::Unterminated { open } => open.clone(),
            Split::Absent => {
                let text = &post.source.text;
                let start = post.source.bom_len();
                start
                    ..text[start..]
                        .find(['\n', '\r'])
                        .map_or(text.len(), |i| start + i)
            }
        };
        let permalink = post
            .front_matter()
            .filter(|_| !facts.front_matter.failed_to_load)
            .and_then(|root| root.get("permalink"))
            .map(|entry| Anchor::in_post(post, entry.value.span.clone()));
        let built = facts.built();
        let extras = Extras {
            redirects: facts
                .redirects
                .iter()
                .map(|stub| {
                    let anchor = Anchor::in_post(post, stub.span.clone());
                    (stub.url.clone(), stub.output_path.clone(), anchor)
                })
                .collect(),
            plugin_placeholder: match &facts.outcome {
                Outcome::PluginPlaceholder(name) => Some(name.clone()),
                _ => None,
            },
            redirect_stub: facts.redirect_stub,
            near_misses: Vec::new(),
        };
        IndexedDoc {
            path: post.source.path.clone(),
            file,
            source_path: facts.source_path.clone(),
            reported,
            kind: facts.kind.clone(),
            group: group_of(facts),
            url: built.map(|b| b.url.clone()),
            output_path: built.map(|b| b.output_path.clone()),
            written: built.is_some_and(|b| b.not_written.is_none()),
            permalink,
            head: Anchor::in_post(post, head_range),
            field_keys: FieldKeys::of(&facts.front_matter.keys),
            extras: (!extras.is_empty()).then(|| Box::new(extras)),
            links: Kept::default(),
            ids: Kept::default(),
        }
    }

    /// Record the file's links and the IDs of its page (`links::extract`).
    pub fn with_links(mut self, links: Vec<SiteLink>, ids: Option<Vec<String>>) -> IndexedDoc {
        self.links = Kept::new(links);
        self.ids = Kept::new(ids);
        self
    }

    /// Record the keys that look like typos of known fields (`FileSchema::near_misses`).
    pub fn with_near_misses(mut self, near_misses: Vec<(String, String, Anchor)>) -> IndexedDoc {
        if !near_misses.is_empty() {
            self.extras.get_or_insert_default().near_misses = near_misses;
        }
        self
    }

    pub fn extras(&self) -> &Extras {
        static NONE: Extras = Extras {
            redirects: Vec::new(),
            plugin_placeholder: None,
            redirect_stub: false,
            near_misses: Vec::new(),
        };
        self.extras.as_deref().unwrap_or(&NONE)
    }

    /// The same for the site-wide rules: every field they read is equal (how the file is
    /// named and whether it is reported aside).
    pub fn same_summary(&self, other: &IndexedDoc) -> bool {
        self.url == other.url
            && self.output_path == other.output_path
            && self.written == other.written
            && self.group == other.group
            && self.kind == other.kind
            && self.source_path == other.source_path
            && self.permalink == other.permalink
            && self.head == other.head
            && self.field_keys == other.field_keys
            && self.extras == other.extras
            && self.links == other.links
            && self.ids == other.ids
    }

    /// Where a diagnostic about this file's URL points: its permalink, else its first line.
    pub fn url_place(&self) -> Place {
        Place {
            path: self.path.clone(),
            anchor: self.permalink.clone().unwrap_or_else(|| self.head.clone()),
        }
    }
}

fn group_of(facts: &DocFacts) -> Option<String> {
    match &facts.kind {
        DocKind::Document { label } => Some(format!("_{label}")),
        DocKind::Post | DocKind::Draft => {
            let path = facts.source_path.as_deref()?;
            let magic = if facts.kind == DocKind::Post {
                "_posts"
            } else {
                "_drafts"
            };
            let cut = if path.starts_with(&format!("{magic}/")) {
                0
            } else {
                path.find(&format!("/{magic}/"))?
            };
            Some(path[..cut].to_owned())
        }
        _ => None,
    }
    .filter(|_| matches!(facts.outcome, Outcome::Built(_)))
}

/// What a site-wide rule may look at: the site and every indexed file of it.
pub struct SiteContext<'a> {
    pub site: &'a Site,
    pub docs: &'a [IndexedDoc],
    /// The site's configuration files (`Site::files`) as shown in reports.
    pub config_paths: &'a [Arc<str>],
    /// The site's files that are not linted, when known (a walk of the whole site).
    pub files: Option<&'a super::files::SiteFiles>,
    /// The link graph, built for the first rule that asks.
    pub graph: std::sync::OnceLock<crate::links::graph::LinkGraph<'a>>,
}

impl<'a> SiteContext<'a> {
    /// The site's links, resolved.
    pub fn links(&self) -> &crate::links::graph::LinkGraph<'a> {
        self.graph
            .get_or_init(|| crate::links::graph::LinkGraph::build(self.site, self.docs, self.files))
    }

    /// The written files that share a key with another one, in groups (each in the order of
    /// `docs`), ordered by their first file's path. A site of 20,000 files has 20,000 keys
    /// and a handful of groups: only the groups get vectors.
    pub fn shared_keys<K: Hash + Eq>(
        &self,
        key: impl Fn(&'a IndexedDoc) -> Option<K>,
    ) -> Vec<Vec<&'a IndexedDoc>> {
        let mut first_with: HashMap<K, usize> = HashMap::with_capacity(self.docs.len());
        let mut group_of_first: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<Vec<&IndexedDoc>> = Vec::new();
        for (i, doc) in self.docs.iter().enumerate().filter(|(_, d)| d.written) {
            let Some(key) = key(doc) else { continue };
            let first = *first_with.entry(key).or_insert(i);
            if first != i {
                let group = *group_of_first.entry(first).or_insert_with(|| {
                    groups.push(vec![&self.docs[first]]);
                    groups.len() - 1
                });
                groups[group].push(doc);
            }
        }
        groups.sort_by(|a, b| a[0].path.cmp(&b[0].path));
        groups
    }

    /// A place in the configuration file `Site::files[file]`.
    pub fn config_place(&self, file: usize, range: Range<usize>) -> Option<Place> {
        let path = self.config_paths.get(file)?.clone();
        let file = self.site.files.get(file)?;
        Some(Place {
            path,
            anchor: Anchor {
                start: file.position(range.start),
                end: file.position(range.end),
                range,
            },
        })
    }
}

/// What a site-wide rule reports: a place (in any file of the site), words, and related
/// places (possibly in other files).
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFinding {
    pub place: Place,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<(Place, String)>,
    /// An edit of the file the finding is in.
    pub fix: Option<crate::diagnostic::Fix>,
}

impl SiteFinding {
    pub fn new(place: Place, message: impl Into<String>) -> SiteFinding {
        SiteFinding {
            place,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> SiteFinding {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: crate::diagnostic::Fix) -> SiteFinding {
        self.fix = Some(fix);
        self
    }

    pub fn with_related(mut self, place: Place, message: impl Into<String>) -> SiteFinding {
        self.related.push((place, message.into()));
        self
    }
}
