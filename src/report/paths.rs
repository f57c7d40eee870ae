//! Where the machine formats say a file is. CI systems (GitHub code scanning, GitLab Code
//! Quality, reviewdog) resolve paths against the repository checkout, which is where frontlint
//! runs in CI: so these formats give paths relative to the *base folder* (the working directory
//! by default), `/`-separated, whatever form the user typed them in (`./a.md`, `sub/../a.md`,
//! `/abs/checkout/a.md` all become `a.md`). A file outside the base folder keeps an absolute
//! path (and a `file://` URI in SARIF): a relative `../` path would point outside the checkout.
//!
//! Paths are normalised lexically (`.` and `..` removed), never through the file system, so a
//! symlinked file is reported where the user named it.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// A diagnostic's file, located for a machine format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// Relative to the base folder, `/`-separated; with a base folder it never starts with
    /// `./` or `../` (without one, a relative path is kept as given).
    Relative(String),
    /// Outside the base folder (or absolute with no base folder known).
    Absolute(PathBuf),
}

/// Resolves display paths against one base folder.
#[derive(Debug, Clone, Default)]
pub struct PathBase {
    /// Absolute and lexically normalised; `None` leaves relative paths as they were given.
    base: Option<PathBuf>,
}

impl PathBase {
    pub fn new(base: Option<&Path>) -> Self {
        PathBase {
            base: base.map(crate::config::absolute),
        }
    }

    /// The base folder as an absolute `file://` URI ending in `/` (for SARIF's
    /// `originalUriBaseIds`), when there is one.
    pub fn base_uri(&self) -> Option<String> {
        let base = self.base.as_ref()?;
        url::Url::from_directory_path(base)
            .ok()
            .map(|url| url.to_string())
    }

    pub fn locate(&self, display: &str) -> Located {
        let path = Path::new(display);
        match &self.base {
            Some(base) => {
                let absolute = crate::config::absolute(&base.join(path));
                match absolute.strip_prefix(base) {
                    Ok(relative) => Located::Relative(slash_path(relative)),
                    Err(_) => Located::Absolute(absolute),
                }
            }
            None if path.is_absolute() => Located::Absolute(crate::config::absolute(path)),
            None => Located::Relative(display.replace('\\', "/")),
        }
    }

    /// The path as text: relative and `/`-separated inside the base folder, absolute outside.
    pub fn path(&self, display: &str) -> String {
        match self.locate(display) {
            Located::Relative(path) => path,
            Located::Absolute(path) => path.to_string_lossy().into_owned(),
        }
    }
}

impl Located {
    /// An RFC 3986 URI reference: a percent-encoded relative reference, or a `file://` URI.
    pub fn uri(&self) -> String {
        match self {
            Located::Relative(path) => percent_encode_path(path).into_owned(),
            Located::Absolute(path) => url::Url::from_file_path(path)
                .map(|url| url.to_string())
                .unwrap_or_else(|()| percent_encode_path(&path.to_string_lossy()).into_owned()),
        }
    }

    pub fn is_relative(&self) -> bool {
        matches!(self, Located::Relative(_))
    }
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Percent-encode everything but RFC 3986 unreserved characters and `/`. Encoding `:` too
/// keeps a first segment like `c:notes.md` from reading as a URI scheme.
fn percent_encode_path(path: &str) -> Cow<'_, str> {
    let keep = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/');
    if path.bytes().all(keep) {
        return Cow::Borrowed(path);
    }
    let mut encoded = String::with_capacity(path.len() + 8);
    for byte in path.bytes() {
        if keep(byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    Cow::Owned(encoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn paths_become_relative_to_the_base_folder() {
        let base = PathBase::new(Some(Path::new("/work/site")));
        assert_eq!(base.path("_posts/a.md"), "_posts/a.md");
        assert_eq!(base.path("./_posts/../_posts/a.md"), "_posts/a.md");
        assert_eq!(base.path("/work/site/_posts/a.md"), "_posts/a.md");
        assert_eq!(base.path("../other/a.md"), "/work/other/a.md");
        assert_eq!(
            base.locate("../other/a b.md").uri(),
            "file:///work/other/a%20b.md"
        );
        assert_eq!(base.base_uri().as_deref(), Some("file:///work/site/"));
    }

    #[test]
    fn relative_uris_are_percent_encoded() {
        let located = Located::Relative("_posts/2024-01-01-café 100%.md".to_owned());
        assert_eq!(located.uri(), "_posts/2024-01-01-caf%C3%A9%20100%25.md");
        assert_eq!(Located::Relative("c:x.md".into()).uri(), "c%3Ax.md");
    }

    #[test]
    fn without_a_base_relative_paths_stay_as_given() {
        let base = PathBase::new(None);
        assert_eq!(
            base.locate("_posts/a.md"),
            Located::Relative("_posts/a.md".into())
        );
        assert_eq!(base.base_uri(), None);
    }
}
