//! The site's links, resolved once per site for every rule that asks (`SiteContext::links`):
//! the published site, and each reported file's links with where they lead.

use std::borrow::Cow;

use super::SiteLink;
use super::published::Published;
use super::resolve::{Resolved, resolve};
use super::suggest::Suggester;
use crate::site::Site;
use crate::site::files::SiteFiles;
use crate::site::index::IndexedDoc;

pub struct LinkGraph<'a> {
    pub published: Published<'a>,
    pub suggester: Suggester,
    /// For each reported file with links: its index in `docs`, its links and where each leads.
    pub files: Vec<(usize, Vec<SiteLink>, Vec<Resolved>)>,
}

impl<'a> LinkGraph<'a> {
    pub fn build(
        site: &Site,
        docs: &'a [IndexedDoc],
        files: Option<&'a SiteFiles>,
    ) -> LinkGraph<'a> {
        let published = Published::new(site, docs, files);
        let mut resolved = Vec::new();
        for (index, doc) in docs.iter().enumerate().filter(|(_, d)| d.reported) {
            let links = match doc.links.get() {
                Cow::Borrowed(links) if links.is_empty() => continue,
                links => links.into_owned(),
            };
            let statuses = links
                .iter()
                .map(|link| resolve(link, index, site, &published))
                .collect();
            resolved.push((index, links, statuses));
        }
        LinkGraph {
            published,
            suggester: Suggester::default(),
            files: resolved,
        }
    }
}
