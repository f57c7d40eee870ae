//! Every file of a site's folder, beyond the ones frontlint lints: what Jekyll may copy to the
//! site as it is (images, PDFs, `.html` pages), which links can point to. Found by the walk
//! that finds the files to lint, so it costs no second walk.

/// The files of a site that are not linted, by site path (`/`-separated, relative to the site
/// folder), and the folders that were not looked into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteFiles {
    /// Files the walk found but does not lint.
    pub others: Vec<String>,
    /// Folders the walk did not enter (excluded in `.frontlint.yml`, `vendor`…): what is in
    /// them is not known, so links into them are not judged.
    pub unlisted: Vec<String>,
}

impl SiteFiles {
    /// Is `site_path` inside a folder that was not looked into?
    pub fn in_unlisted(&self, site_path: &str) -> bool {
        self.unlisted.iter().any(|folder| {
            site_path
                .strip_prefix(folder.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }
}
