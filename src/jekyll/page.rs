//! A page's URL and output file (page.rb `process`, `template`, `url`, `url_placeholders`,
//! `destination`; convertible.rb `validate_permalink!`).
//!
//! Pages fill templates from a plain hash (`URL#generate_url_from_hash`) with only `:path`,
//! `:basename` and `:output_ext`: a page `permalink: /:title/` stays literally `/:title/`.

use super::document_url::expand_path;
use super::permalink::{PermalinkStyle, output_ext, page_url_template, ruby_extname};
use super::url::{UrlError, fill_template_from_hash, sanitize_url, unescape_path};

/// What a page's URL depends on.
#[derive(Debug, Clone)]
pub struct PageInput<'a> {
    /// The directory Jekyll's reader gives it: `""` for the site root, `/about` for
    /// `about/` (`File.join("", "about")`).
    pub dir: &'a str,
    /// The file name (`index.md`).
    pub name: &'a str,
    pub permalink: Option<&'a str>,
    /// The converter's extension (see `permalink::converter_output_ext`).
    pub converter_output_ext: &'a str,
}

/// A page Jekyll writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltPage {
    pub url: String,
    /// Relative to the output directory.
    pub output_path: String,
}

/// `Page#process`: the basename without extension and trailing dots.
pub fn page_basename(name: &str) -> &str {
    name[..name.len() - ruby_extname(name).len()].trim_end_matches('.')
}

/// `Page#url` and `Page#destination`. An empty `permalink` fails the build
/// (`InvalidPermalinkError`).
pub fn resolve_page(
    input: &PageInput<'_>,
    site_style: &PermalinkStyle,
) -> Result<BuiltPage, UrlError> {
    if input.permalink == Some("") {
        return Err(UrlError::InvalidPermalink);
    }
    let basename = page_basename(input.name);
    let ext = output_ext(input.permalink, input.converter_output_ext);
    let template = page_url_template(basename, &ext, site_style);
    let chosen = input.permalink.unwrap_or(&template);
    let placeholders = [
        ("path", Some(input.dir)),
        ("basename", Some(basename)),
        ("output_ext", Some(ext.as_str())),
    ];
    let url = sanitize_url(&fill_template_from_hash(chosen, &placeholders)?);
    let mut path = expand_path(&unescape_path(&url));
    if url.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index");
    }
    if !path.ends_with(&ext) {
        path.push_str(&ext);
    }
    Ok(BuiltPage {
        url,
        output_path: path,
    })
}
