//! Document URIs ↔ file paths. `lsp_types::Uri` only parses; the `url` crate knows how a
//! `file:` URI maps to a path on each platform (percent-encoding, Windows drive letters).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The file a `file:` URI names (`None` for `untitled:` and other schemes).
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The `file:` URI of a path (made absolute first).
pub fn from_path(path: &Path) -> Option<Uri> {
    let absolute = crate::config::absolute(path);
    let url = url::Url::from_file_path(&absolute).ok()?;
    Uri::from_str(url.as_str()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_paths_with_spaces_and_non_ascii() {
        let dir = std::env::temp_dir().join("a folder é🦀");
        let path = dir.join("2024-01-01-தமிழ்.md");
        let uri = from_path(&path).unwrap();
        assert!(uri.as_str().starts_with("file:///"), "{}", uri.as_str());
        assert!(!uri.as_str().contains(' '));
        assert_eq!(to_path(&uri).unwrap(), crate::config::absolute(&path));
    }

    #[test]
    fn untitled_documents_have_no_path() {
        assert_eq!(
            to_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}
