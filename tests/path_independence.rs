//! A file gets the same diagnostics and the same `urls` row whichever path was typed: the
//! folder above the repositories, the repository (the site), or the file itself (the
//! pre-commit shape, where the rest of the site is only consulted). Checked on the whole real
//! repositories in `../shared/sites` — a property test over random sets of their files — and
//! skipped, visibly, without them.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use frontlint::commands::urls::{UrlRow, row};
use frontlint::diagnostic::Diagnostic;
use frontlint::discover::{ConfigCache, add_site_context, discover};
use frontlint::engine::{self, RunOptions, Target};
use proptest::prelude::*;

/// What is compared of a diagnostic: everything but the fix (whose edits are the same bytes
/// either way; its text names the path as typed).
type Seen = (
    String,
    usize,
    usize,
    &'static str,
    String,
    Option<String>,
    Vec<String>,
);

fn seen(diagnostic: &Diagnostic) -> Seen {
    (
        diagnostic.path.to_string(),
        diagnostic.start.line,
        diagnostic.start.column,
        diagnostic.code,
        diagnostic.message.clone(),
        diagnostic.help.clone(),
        diagnostic
            .related
            .iter()
            .map(|r| format!("{}:{}:{} {}", r.path, r.line, r.column, r.message))
            .collect(),
    )
}

/// Lint `paths` (absolute, so every path shows the same way) as `frontlint check` does:
/// discover, add the rest of each site when only some of its files are named, run.
fn lint(paths: &[PathBuf]) -> BTreeMap<String, Vec<Seen>> {
    let mut configs = ConfigCache::new(None).expect("config");
    let mut targets = discover(paths, &mut configs).expect("discover");
    add_site_context(&mut targets, paths, false);
    let report = engine::run(&targets, RunOptions::default());
    let mut by_file: BTreeMap<String, Vec<Seen>> = BTreeMap::new();
    for diagnostic in report.diagnostics() {
        by_file
            .entry(diagnostic.path.to_string())
            .or_default()
            .push(seen(diagnostic));
    }
    by_file
}

/// The `urls` rows of `paths`, by file.
fn urls(paths: &[PathBuf]) -> BTreeMap<String, String> {
    let mut configs = ConfigCache::new(None).expect("config");
    let targets: Vec<Target> = discover(paths, &mut configs).expect("discover");
    targets
        .iter()
        .filter(|target| target.is_document())
        .map(|target| {
            let post = engine::read_post(target);
            let facts = engine::facts_for(&post, &target.config);
            let mut row: UrlRow = row(target.display.clone(), &facts);
            // A document with no date is dated when it is built: each run has its own clock.
            if row.date_source == Some("build-time") {
                row.date = None;
            }
            (target.display.clone(), format!("{row:?}"))
        })
        .collect()
}

/// Every real site's diagnostics and rows when its own folder is linted, and the files.
struct Baseline {
    sites: Vec<PathBuf>,
    files: Vec<Vec<PathBuf>>,
    diagnostics: BTreeMap<String, Vec<Seen>>,
    urls: BTreeMap<String, String>,
}

fn baseline() -> Option<&'static Baseline> {
    static BASELINE: OnceLock<Option<Baseline>> = OnceLock::new();
    BASELINE
        .get_or_init(|| {
            let sites: Vec<PathBuf> = support::real_sites()
                .iter()
                .map(|site| std::fs::canonicalize(site).expect("site"))
                .collect();
            if sites.is_empty() {
                support::skip(
                    "path_independence",
                    "the shared sites are not there (../shared/sites, or $FRONTLINT_SITES)",
                );
                return None;
            }
            let mut diagnostics = BTreeMap::new();
            let mut urls_of = BTreeMap::new();
            let mut files = Vec::new();
            for site in &sites {
                diagnostics.extend(lint(std::slice::from_ref(site)));
                let rows = urls(std::slice::from_ref(site));
                files.push(rows.keys().map(PathBuf::from).collect());
                urls_of.extend(rows);
            }
            Some(Baseline {
                sites,
                files,
                diagnostics,
                urls: urls_of,
            })
        })
        .as_ref()
}

/// The first differences between two maps, readable (a whole site's maps are megabytes).
fn differences<T: PartialEq + std::fmt::Debug>(
    got: &BTreeMap<String, T>,
    want: &BTreeMap<String, T>,
) -> Vec<String> {
    let keys: std::collections::BTreeSet<&String> = got.keys().chain(want.keys()).collect();
    keys.into_iter()
        .filter(|key| got.get(*key) != want.get(*key))
        .take(5)
        .map(|key| {
            format!(
                "{key}:\n  got  {:?}\n  want {:?}",
                got.get(key),
                want.get(key)
            )
        })
        .collect()
}

fn only<'a, T: Clone>(all: &'a BTreeMap<String, T>, files: &'a [PathBuf]) -> BTreeMap<String, T> {
    files
        .iter()
        .filter_map(|file| {
            let key = file.to_string_lossy().into_owned();
            all.get(&key).map(|value| (key, value.clone()))
        })
        .collect()
}

#[test]
fn linting_the_folder_above_the_sites_gives_each_site_its_own_results() {
    let Some(baseline) = baseline() else {
        return;
    };
    let parent = baseline.sites[0].parent().expect("parent").to_path_buf();
    let from_above = lint(std::slice::from_ref(&parent));
    // Only the sites' own files: the folder may hold other things (README.md).
    let in_sites: BTreeMap<String, Vec<Seen>> = from_above
        .into_iter()
        .filter(|(path, _)| {
            baseline
                .sites
                .iter()
                .any(|s| Path::new(path).starts_with(s))
        })
        .collect();
    let diff = differences(&in_sites, &baseline.diagnostics);
    assert!(diff.is_empty(), "{}", diff.join("\n"));
    let rows = urls(std::slice::from_ref(&parent));
    let rows: BTreeMap<String, String> = rows
        .into_iter()
        .filter(|(path, _)| {
            baseline
                .sites
                .iter()
                .any(|s| Path::new(path).starts_with(s))
        })
        .collect();
    let diff = differences(&rows, &baseline.urls);
    assert!(diff.is_empty(), "{}", diff.join("\n"));
    assert!(baseline.urls.len() > 1000, "the sites were not read");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Named one by one or a few at a time, files get what the whole-site run gives them.
    #[test]
    fn files_named_alone_get_what_the_whole_site_gives_them(
        site_pick in any::<prop::sample::Index>(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..6),
    ) {
        let Some(baseline) = baseline() else {
            return Ok(());
        };
        let site = site_pick.index(baseline.sites.len());
        let files: Vec<PathBuf> = picks
            .iter()
            .map(|pick| pick.get(&baseline.files[site]).clone())
            .collect();
        let linted = lint(&files);
        let diff = differences(&linted, &only(&baseline.diagnostics, &files));
        prop_assert!(diff.is_empty(), "{}", diff.join("\n"));
        let rows = urls(&files);
        let diff = differences(&rows, &only(&baseline.urls, &files));
        prop_assert!(diff.is_empty(), "{}", diff.join("\n"));
    }
}
