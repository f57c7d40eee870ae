//! FL906: file names that break a checkout of the site on another system. Windows refuses
//! some names outright (`:` and other reserved characters, a trailing dot or space, device
//! names such as `CON`), so `git clone` there fails; macOS and Windows ignore letter case, so
//! two files whose paths differ only in case are one file there and a checkout keeps one.
//!
//! Site-wide: a folder's name is reported once (on the first file reported in it), and a
//! case collision needs every file of the site. The names checked are those of the files
//! frontlint reads, relative to the site.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use super::windows_names::{Refusal, refusals};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{IndexedDoc, Place, SiteContext, SiteFinding};

const WINDOWS_CONSEQUENCE: &str = "`git clone` and `git checkout` fail there with \"invalid path\"";
const RENAME_HELP: &str =
    "rename it; a page keeps its URL only if its front matter sets `permalink`";
const CASE_CONSEQUENCE: &str = "on macOS and Windows, which ignore letter case in file names, \
     they are one file: a checkout keeps only one of them and git shows the other as changed";
const CASE_HELP: &str =
    "rename one of them; a page keeps its URL only if its front matter sets `permalink`";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NonPortableFilename {}

impl Rule for NonPortableFilename {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        windows_refusals(cx.docs, out);
        case_collisions(cx.docs, out);
    }
}

/// The path the name checks read: relative to the site (its folders are the repository's,
/// when the site is the repository), else the file name alone.
fn relative_path(doc: &IndexedDoc) -> &str {
    doc.source_path
        .as_deref()
        .unwrap_or_else(|| doc.path.rsplit(['/', '\\']).next().unwrap_or(&doc.path))
}

fn place(doc: &IndexedDoc) -> Place {
    Place {
        path: doc.path.clone(),
        anchor: doc.head.clone(),
    }
}

/// Names Windows refuses: each file's own name, and each folder's once.
fn windows_refusals(docs: &[IndexedDoc], out: &mut Vec<SiteFinding>) {
    let mut folders_reported: Vec<&str> = Vec::new();
    for doc in docs.iter().filter(|doc| doc.reported) {
        let path = relative_path(doc);
        let mut start = 0;
        for name in path.split('/') {
            let end = start + name.len();
            let is_file = end == path.len();
            let refused = refusals(name);
            if !refused.is_empty() {
                let folder = &path[..end];
                if is_file {
                    out.push(refusal_finding(doc, "", name, &refused));
                } else if !folders_reported.contains(&folder) {
                    folders_reported.push(folder);
                    out.push(refusal_finding(doc, "the folder ", folder, &refused));
                }
            }
            start = end + 1;
        }
    }
}

fn refusal_finding(doc: &IndexedDoc, what: &str, name: &str, refused: &[Refusal]) -> SiteFinding {
    let reasons: Vec<String> = refused.iter().map(Refusal::describe).collect();
    SiteFinding::new(
        place(doc),
        format!(
            "{what}`{name}` cannot be checked out on Windows: {}; {WINDOWS_CONSEQUENCE}",
            reasons.join("; ")
        ),
    )
    .with_help(RENAME_HELP)
}

/// Files whose paths differ only in letter case: each is reported, with the others related.
fn case_collisions(docs: &[IndexedDoc], out: &mut Vec<SiteFinding>) {
    // A site of 20,000 files has 20,000 keys and a handful of groups: only groups get vectors,
    // and only paths with letters to fold get a folded copy.
    let mut first_with: HashMap<Cow<'_, str>, usize> = HashMap::with_capacity(docs.len());
    let mut groups: Vec<Vec<&IndexedDoc>> = Vec::new();
    let mut group_of_first: HashMap<usize, usize> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let first = *first_with.entry(folded(relative_path(doc))).or_insert(i);
        if first != i {
            let group = *group_of_first.entry(first).or_insert_with(|| {
                groups.push(vec![&docs[first]]);
                groups.len() - 1
            });
            groups[group].push(doc);
        }
    }
    for group in groups {
        for doc in group.iter().filter(|doc| doc.reported) {
            let others: Vec<&&IndexedDoc> = group
                .iter()
                .filter(|other| relative_path(other) != relative_path(doc))
                .collect();
            let Some(first) = others.first() else {
                continue;
            };
            let mut finding = SiteFinding::new(
                place(doc),
                format!(
                    "`{}` and `{}` differ only in letter case: {CASE_CONSEQUENCE}",
                    relative_path(doc),
                    relative_path(first)
                ),
            )
            .with_help(CASE_HELP);
            for other in others {
                finding = finding.with_related(place(other), "the same file on macOS and Windows");
            }
            out.push(finding);
        }
    }
}

/// `path` in lower case, copied only when it has letters to fold.
pub(super) fn folded(path: &str) -> Cow<'_, str> {
    match path
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        true => Cow::Owned(path.to_lowercase()),
        false => Cow::Borrowed(path),
    }
}
