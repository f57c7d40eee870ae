//! Files a run only consults: the rest of a site whose few named files site-wide rules
//! compare with it (pre-commit). Their summaries come from the site index cache when the
//! file is unchanged (`site::cache`), else from reading the file.

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use super::{Linted, Target, facts_for, read_post};
use crate::config::Config;
use crate::site::cache::{SiteCache, Stamp, Summary};
use crate::site::index::IndexedDoc;

/// A file only consulted by site-wide rules: its summary, no rules, no report.
pub(super) fn consult_target(target: &Target, cache: Option<&SiteCache>) -> Linted {
    let stamp = cache.and_then(|_| Stamp::of(&target.path));
    let cached = cache.zip(stamp).and_then(|(cache, stamp)| {
        cache.get(&target.site_path, stamp, &target.display, &target.path)
    });
    let from_cache = cached.is_some();
    let (doc, stamp) = match cached {
        Some(doc) => (doc, stamp),
        None => {
            let post = read_post(target);
            let facts = facts_for(&post, &target.config);
            let stamp = stamp.filter(|_| !facts.depends_on_the_clock());
            let schema = target.config.schema_for(&post.site_path);
            let doc = IndexedDoc::new(&post, &facts, target.path.clone(), false);
            let doc = super::with_links(doc, &post, &facts, &target.config, &schema);
            (doc, stamp)
        }
    };
    Linted {
        report: None,
        fix: None,
        doc,
        stamp,
        from_cache,
        suppressions: None,
        skipped: false,
    }
}

/// Caches are keyed by the config a target uses (one per site).
pub(super) fn config_key(config: &Arc<Config>) -> usize {
    Arc::as_ptr(config) as usize
}

/// The caches of the sites whose files are only consulted: a run that names a few files of
/// a site (pre-commit). A run over the whole site reads every file anyway, and CI runs on the
/// whole site should leave no cache in the checkout.
pub(super) fn load_caches(targets: &[Target]) -> HashMap<usize, SiteCache> {
    let mut caches = HashMap::new();
    for target in targets.iter().filter(|t| !t.reported) {
        caches
            .entry(config_key(&target.config))
            .or_insert_with(|| SiteCache::load(&target.config));
    }
    caches
}

/// Writes back the caches loaded: such a run has seen every file of the site (the files it
/// was given and the ones it consulted).
pub(super) fn store_caches(
    targets: &[Target],
    linted: &[Linted],
    caches: HashMap<usize, SiteCache>,
) {
    let mut sites: HashMap<usize, Vec<Summary<'_>>> = HashMap::new();
    for (target, linted) in targets.iter().zip(linted) {
        if let Some(stamp) = linted.stamp {
            let docs = sites.entry(config_key(&target.config)).or_default();
            docs.push(Summary {
                site_path: target.site_path.as_str(),
                stamp,
                doc: &linted.doc,
                from_cache: linted.from_cache,
            });
        }
    }
    for (key, cache) in caches {
        cache.store(sites.remove(&key).unwrap_or_default());
    }
}
