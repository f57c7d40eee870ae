//! Everything a site publishes, by output file: its documents and pages (their summaries),
//! the files Jekyll copies as they are (`SiteFiles`: images, PDFs, `.html` without front
//! matter), jekyll-redirect-from's stub pages, and the files plugins write (`feed.xml`,
//! `sitemap.xml`…). Each output file knows its source, so a link can name the file it leads
//! to, and a `#fragment` can be checked against that page's IDs.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::jekyll::reader::{SourceRole, source_role};
use crate::jekyll::url::fill_template;
use crate::site::Site;
use crate::site::facts::DocKind;
use crate::site::files::SiteFiles;
use crate::site::index::IndexedDoc;

/// What writes an output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// `docs[i]`: a post, document or page.
    Doc(usize),
    /// A file copied as it is: `SiteFiles::others[i]`, or a collection file without front
    /// matter, `docs[i]` (`StaticDoc`).
    Static(usize),
    StaticDoc(usize),
    /// The stub page jekyll-redirect-from writes for `docs[i]`'s `redirect_from`.
    Stub(usize),
    /// Written by a plugin (`feed.xml`).
    Generated,
}

impl Writer {
    /// The document it is, if it is one (a post, document or page).
    pub fn doc(self) -> Option<usize> {
        match self {
            Writer::Doc(index) => Some(index),
            _ => None,
        }
    }
}

/// The published site.
pub struct Published<'a> {
    docs: &'a [IndexedDoc],
    files: Option<&'a SiteFiles>,
    /// Output file (relative, decoded) → its writer. A file written twice keeps the first.
    outputs: HashMap<String, Writer>,
    /// Source path → output file, for `{% link %}` and jekyll-relative-links.
    by_source: HashMap<String, String>,
    /// Output files by lower-cased name, built when a link misses.
    folded: OnceLock<HashMap<String, Vec<String>>>,
    /// Output folders under which a plugin writes files frontlint does not list
    /// (jekyll-paginate's `page2/`…): the prefix before the page number.
    generated_prefixes: Vec<String>,
}

impl<'a> Published<'a> {
    /// The site as `docs` (every file frontlint read) and `files` (every other file; `None`
    /// when not known) publish it.
    pub fn new(site: &Site, docs: &'a [IndexedDoc], files: Option<&'a SiteFiles>) -> Published<'a> {
        let mut published = Published {
            docs,
            files,
            outputs: HashMap::with_capacity(docs.len() * 2),
            by_source: HashMap::with_capacity(docs.len() * 2),
            folded: OnceLock::new(),
            generated_prefixes: Vec::new(),
        };
        for (index, doc) in docs.iter().enumerate() {
            let source = doc.source_path.as_deref();
            match (&doc.kind, doc.output_path.as_deref()) {
                (_, Some(output)) if doc.written => {
                    published.add(output, Writer::Doc(index), source);
                }
                (DocKind::StaticFile, _) => {
                    if let Some(output) = source.and_then(|s| static_output(site, s)) {
                        published.add(&output, Writer::StaticDoc(index), source);
                    }
                }
                _ => {}
            }
            if doc.written {
                for (_, output, _) in &doc.extras().redirects {
                    published.add(output, Writer::Stub(index), None);
                }
            }
        }
        if let Some(files) = files {
            for (index, source) in files.others.iter().enumerate() {
                if let Some(output) = static_output(site, source) {
                    published.add(&output, Writer::Static(index), Some(source));
                }
            }
        }
        published.add_generated(site);
        published
    }

    fn add(&mut self, output: &str, writer: Writer, source: Option<&str>) {
        let output = output.trim_start_matches('/').to_owned();
        if let Some(source) = source {
            self.by_source
                .entry(source.to_owned())
                .or_insert_with(|| output.clone());
        }
        self.outputs.entry(output).or_insert(writer);
    }

    /// Files plugins write: jekyll-feed's feed, jekyll-sitemap's sitemap and robots.txt,
    /// jekyll-redirect-from's `redirects.json`, jekyll-paginate's pages.
    fn add_generated(&mut self, site: &Site) {
        let plugins = &site.config.plugins;
        let has = |name: &str| plugins.iter().any(|p| p == name);
        if has("jekyll-feed") {
            self.add("feed.xml", Writer::Generated, None);
        }
        if has("jekyll-sitemap") {
            self.add("sitemap.xml", Writer::Generated, None);
            self.add("robots.txt", Writer::Generated, None);
        }
        if site.plugins.redirect_from {
            self.add("redirects.json", Writer::Generated, None);
        }
        if has("jekyll-paginate") || has("jekyll-paginate-v2") {
            self.generated_prefixes.push("page".to_owned());
        }
    }

    /// Does the site know every file it publishes (the walk listed its other files)?
    pub fn complete(&self) -> bool {
        self.files.is_some()
    }

    /// The writer of an output file (relative, decoded).
    pub fn writer(&self, output: &str) -> Option<Writer> {
        self.outputs.get(output).copied()
    }

    /// Might a plugin write this output file (`page2/index.html`)?
    pub fn maybe_generated(&self, output: &str) -> bool {
        self.generated_prefixes.iter().any(|prefix| {
            output
                .strip_prefix(prefix.as_str())
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// Is the output file inside a folder whose files are not known?
    pub fn in_unlisted(&self, output: &str) -> bool {
        self.files.is_some_and(|files| files.in_unlisted(output))
    }

    /// The output file of a source file (`{% link %}`, jekyll-relative-links).
    pub fn output_of_source(&self, source: &str) -> Option<&str> {
        self.by_source.get(source).map(String::as_str)
    }

    /// The output files whose lower-cased name is `folded` (`Files/A.pdf` for `files/a.pdf`).
    pub fn same_but_case(&self, output: &str) -> Vec<&str> {
        let folded = self.folded.get_or_init(|| {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for output in self.outputs.keys() {
                map.entry(output.to_lowercase())
                    .or_default()
                    .push(output.clone());
            }
            map
        });
        folded
            .get(&output.to_lowercase())
            .map(|outputs| outputs.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// Every output file (for suggestions).
    pub fn outputs(&self) -> impl Iterator<Item = (&str, Writer)> {
        self.outputs.iter().map(|(o, w)| (o.as_str(), *w))
    }

    pub fn doc(&self, index: usize) -> &'a IndexedDoc {
        &self.docs[index]
    }

    /// The source file of a writer (for `links` and editors), relative to the site.
    pub fn source_of(&self, writer: Writer) -> Option<&str> {
        match writer {
            Writer::Doc(i) | Writer::StaticDoc(i) | Writer::Stub(i) => {
                self.docs[i].source_path.as_deref()
            }
            Writer::Static(i) => self.files.map(|f| f.others[i].as_str()),
            Writer::Generated => None,
        }
    }

    /// The posts Jekyll reads (`{% post_url %}` looks among them), with their source paths.
    pub fn posts(&self) -> impl Iterator<Item = (usize, &str)> {
        self.docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == DocKind::Post && d.written)
            .filter_map(|(i, d)| Some((i, d.source_path.as_deref()?)))
    }
}

/// Where Jekyll copies a file it does not render, if it copies it: a file outside the special
/// folders at its own path; a file in a collection that has output, at the collection's URL
/// (`StaticFile#url`).
fn static_output(site: &Site, source: &str) -> Option<String> {
    match source_role(&site.config, source) {
        // `destination` unescapes the URL, which is the path as written: a file named
        // `a%20b.png` is written as `a b.png`.
        SourceRole::Page => Some(
            percent_encoding::percent_decode_str(source)
                .decode_utf8()
                .map_or_else(|_| source.to_owned(), |d| d.into_owned()),
        ),
        SourceRole::Document { label } => {
            let collection = site.config.collection(&label)?;
            if !collection.output {
                return None;
            }
            let relative = source.strip_prefix(&format!("_{label}/"))?;
            let name = crate::jekyll::filename::basename(relative);
            let ext = crate::jekyll::permalink::ruby_extname(name);
            let cleaned = relative[..relative.len() - ext.len()].trim_end_matches('.');
            let template = site.config.url_template(&label);
            let url = fill_template(&template, |key| match key {
                "collection" => Some(Some(label.clone())),
                "path" => Some(Some(format!("/{cleaned}"))),
                "output_ext" | "title" => Some(None),
                "name" => Some(Some(name.to_owned())),
                _ => None,
            })
            .ok()?;
            let url = crate::jekyll::url::sanitize_url(&url);
            let decoded = percent_encoding::percent_decode_str(url.trim_end_matches('/'))
                .decode_utf8()
                .ok()?
                .into_owned();
            Some(format!("{}{ext}", decoded.trim_start_matches('/')))
        }
        _ => None,
    }
}
