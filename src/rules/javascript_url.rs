//! FL507: a link whose URL runs script — `javascript:`, `vbscript:`, or an HTML `data:` URL —
//! written the way browsers still read it (any case, tabs and line breaks inside, spaces
//! before).

use serde::{Deserialize, Serialize};

use super::link_support::{rendered, written_urls};
use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct JavascriptUrl {}

impl Rule for JavascriptUrl {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for url in written_urls(rendered(cx)) {
            let Some(scheme) = script_scheme(url.url, url.image) else {
                continue;
            };
            out.push(
                Finding::new(
                    url.span.clone(),
                    format!("a `{scheme}` URL runs code in the reader's browser instead of opening a page"),
                )
                .with_help("link to a page or a file; put behaviour in the site's layouts, where it is reviewed"),
            );
        }
    }
}

/// The scheme a browser would run, as it reads the URL: leading spaces and control characters
/// dropped, tabs and line breaks removed anywhere, case ignored.
fn script_scheme(url: &str, image: bool) -> Option<&'static str> {
    let trimmed = url.trim_start_matches(|c: char| c <= ' ');
    // Every scheme reported starts with `j`, `v` or `d`: most URLs stop here, uncopied.
    let first = trimmed.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(first, Some(b'j' | b'v' | b'd')) {
        return None;
    }
    let normalized: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if normalized.starts_with("javascript:") {
        Some("javascript:")
    } else if normalized.starts_with("vbscript:") {
        Some("vbscript:")
    } else if !image && normalized.starts_with("data:text/html") {
        Some("data:text/html")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::script_scheme;

    #[test]
    fn reads_schemes_as_browsers_do() {
        assert_eq!(
            script_scheme("javascript:alert(1)", false),
            Some("javascript:")
        );
        assert_eq!(
            script_scheme(" JavaScript:void(0)", false),
            Some("javascript:")
        );
        assert_eq!(script_scheme("java\tscript:x", false), Some("javascript:"));
        assert_eq!(
            script_scheme("\t\n\u{1}Javascript:x", false),
            Some("javascript:")
        );
        assert_eq!(script_scheme("vbscript:x", false), Some("vbscript:"));
        assert_eq!(
            script_scheme("data:text/html,<b>", false),
            Some("data:text/html")
        );
        assert_eq!(script_scheme("data:text/html,<b>", true), None);
        assert_eq!(script_scheme("https://javascript.info", false), None);
    }
}
