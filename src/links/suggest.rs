//! The page a broken link most likely meant: the same path in other letter case, with or
//! without its trailing `/` or `.html`, the same last segment (a post's slug) in another
//! folder, or — not certain enough to fix — a near spelling in the same folder.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::published::{Published, Writer};
use crate::site::Site;

/// A published URL the link may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Site-absolute, with the site's `baseurl`, percent-encoded where a URL must be.
    pub url: String,
    /// Its source file, when it has one.
    pub source: Option<String>,
    /// It is the only candidate and differs only in a way that leaves no doubt (case, `/`,
    /// `.html`, the folder of the same file name): safe to write in.
    pub clear: bool,
}

/// Lookups built once per site, on the first broken link.
#[derive(Default)]
pub struct Suggester {
    by_name: OnceLock<HashMap<String, Vec<String>>>,
    by_folder: OnceLock<HashMap<String, Vec<String>>>,
}

impl Suggester {
    /// What `path` (site-absolute, decoded, without `baseurl`; nothing is published there)
    /// most likely meant; `case_twins` are published files differing only in case.
    pub fn suggest(
        &self,
        path: &str,
        case_twins: &[String],
        site: &Site,
        published: &Published<'_>,
    ) -> Option<Suggestion> {
        let make = |output: &str, clear: bool| {
            let writer = published.writer(output)?;
            Some(Suggestion {
                url: url_of(output, writer, site, published),
                source: published.source_of(writer).map(str::to_owned),
                clear,
            })
        };
        let mut twins: Vec<&String> = case_twins.iter().collect();
        twins.sort();
        twins.dedup();
        if let [only] = twins.as_slice() {
            return make(only, true);
        }
        let relative = path.trim_start_matches('/');
        let bare = relative
            .trim_end_matches('/')
            .trim_end_matches(".html")
            .trim_end_matches("/index");
        let variants: Vec<String> = [
            format!("{bare}.html"),
            format!("{bare}/index.html"),
            bare.to_owned(),
        ]
        .into_iter()
        .filter(|v| !v.is_empty() && published.writer(v).is_some())
        .collect();
        if let [only] = variants.as_slice() {
            return make(only, true);
        }
        let name = last_segment(relative).to_lowercase();
        if !name.is_empty() {
            let same_name: Vec<&String> = self
                .by_name(published)
                .get(&name)
                .map(|v| v.iter().collect())
                .unwrap_or_default();
            if let [only] = same_name.as_slice() {
                // Certain only when it is the same kind of thing: a page for a page's URL, a
                // file of the same type for a file.
                let same_kind = published
                    .writer(only)
                    .is_some_and(|w| same_kind(relative, only, w));
                return make(only, same_kind);
            }
        }
        let folder = folder_of(relative);
        let near = self
            .by_folder(published)
            .get(folder)
            .into_iter()
            .flatten()
            .map(|output| (distance(output, relative, 3), output))
            .filter(|(d, _)| *d <= 3)
            .min_by_key(|(d, o)| (*d, o.len()))?;
        make(near.1, false)
    }

    fn by_name<'p>(&'p self, published: &Published<'_>) -> &'p HashMap<String, Vec<String>> {
        self.by_name.get_or_init(|| {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for (output, _) in published.outputs() {
                let name = last_segment(output).to_lowercase();
                if !name.is_empty() {
                    map.entry(name).or_default().push(output.to_owned());
                }
            }
            map
        })
    }

    fn by_folder<'p>(&'p self, published: &Published<'_>) -> &'p HashMap<String, Vec<String>> {
        self.by_folder.get_or_init(|| {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for (output, _) in published.outputs() {
                map.entry(folder_of(output).to_owned())
                    .or_default()
                    .push(output.to_owned());
            }
            map
        })
    }
}

/// Is the published `output` (written by `writer`) the same kind of thing as the link's
/// `path`: a page for a URL without a file extension (or `.html`), a file with the same
/// extension for a file?
fn same_kind(path: &str, output: &str, writer: Writer) -> bool {
    let extension = |p: &str| {
        let name = p.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        name.rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .filter(|ext| ext != "html")
    };
    match extension(path) {
        None => writer.doc().is_some(),
        Some(ext) => writer.doc().is_none() && extension(output) == Some(ext),
    }
}

/// The last segment of an output path or URL path, without `/index.html`, `.html` or `/`
/// (a post's slug: `2022-09-15-speech` for `…/2022-09-15-speech/index.html`).
fn last_segment(path: &str) -> &str {
    let path = path
        .trim_end_matches('/')
        .trim_end_matches("/index.html")
        .trim_end_matches(".html");
    path.rsplit('/').next().unwrap_or(path)
}

fn folder_of(path: &str) -> &str {
    path.trim_end_matches('/')
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder)
}

/// The URL the host serves an output file at, with the site's `baseurl`: a page's own URL, a
/// copied file's path (`a/index.html` → `/a/`).
pub fn url_of(output: &str, writer: Writer, site: &Site, published: &Published<'_>) -> String {
    // A page's URL is already a URL (Jekyll escapes it); a copied file's path is a file name,
    // where even a `%` must be escaped (`a%20b.png` is served at `/a%2520b.png`).
    let url = match writer
        .doc()
        .and_then(|index| published.doc(index).url.clone())
    {
        Some(url) => url,
        None => {
            let path = match output.strip_suffix("index.html") {
                Some(folder) => format!("/{folder}"),
                None => format!("/{output}"),
            };
            percent_encoding::utf8_percent_encode(&path, PATH).to_string()
        }
    };
    format!("{}{url}", site.config.baseurl)
}

/// What a file's path must percent-encode to be a URL (spaces, quotes, `#`, `?`, `%`…).
const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%');

/// Levenshtein distance, giving up above `limit` (returns `limit + 1`).
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&m| m > limit) {
            return limit + 1;
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_segments_are_slugs() {
        assert_eq!(last_segment("news/2022-09-15-a/index.html"), "2022-09-15-a");
        assert_eq!(last_segment("cos2021.html"), "cos2021");
        assert_eq!(last_segment("/cos2021/"), "cos2021");
        assert_eq!(folder_of("files/forms/form-10.docx"), "files/forms");
    }

    #[test]
    fn distances_stop_at_the_limit() {
        assert_eq!(distance("form-10.docx", "Form-10.docx", 3), 1);
        assert_eq!(distance("abcdef", "uvwxyz", 2), 3);
    }
}
