//! FL503: a link attribute that does something other than what its author meant:
//! `target="blank"`, `"new"` or `"_new"` open a window *named* so (every such link then
//! reuses that one window) instead of a new tab each time; `taget="_blank"` is no attribute
//! at all; `rel="noopenner"` is no link type.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::link_support::{Attribute, anchors, attributes, rendered};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};
use crate::suggest::{closest, edit_distance};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SuspiciousLinkAttribute {
    /// Window names the site targets on purpose (`target="preview"`).
    pub allowed_targets: Vec<String>,
}

/// The `target` keywords; any other value names a window (compared without case, as browsers do).
const TARGET_KEYWORDS: &[&str] = &["_blank", "_self", "_parent", "_top"];

/// What editors write when they mean "a new tab".
const NEW_TAB_GUESSES: &[&str] = &[
    "blank",
    "new",
    "_new",
    "newtab",
    "_newtab",
    "new_tab",
    "new-tab",
    "tab",
    "_tab",
    "newwindow",
    "new_window",
    "new-window",
    "_newwindow",
    "window",
    "_window",
];

/// Attributes of `<a>` (HTML Living Standard, plus the global attributes and the obsolete
/// ones still seen in pasted HTML). `data-*`, `aria-*` and `on*` are checked by prefix.
const LINK_ATTRIBUTES: &[&str] = &[
    "href",
    "target",
    "rel",
    "download",
    "hreflang",
    "ping",
    "referrerpolicy",
    "type",
    "title",
    "class",
    "id",
    "style",
    "lang",
    "dir",
    "name",
    "tabindex",
    "accesskey",
    "hidden",
    "role",
    "translate",
    "draggable",
    "contenteditable",
    "spellcheck",
    "itemprop",
    "itemscope",
    "itemtype",
    "itemid",
    "itemref",
    "nonce",
    "slot",
    "part",
    "is",
    "inert",
    "autofocus",
    "popover",
    "popovertarget",
    "charset",
    "coords",
    "shape",
    "rev",
    "media",
];

/// The attributes a misspelling is compared with: the ones links are written with.
const TYPO_CANDIDATES: &[&str] = &[
    "href", "target", "rel", "title", "class", "download", "hreflang", "style",
];

/// Link types (`rel` values) from the HTML standard and the microformats registry that
/// browsers and search engines act on.
const LINK_TYPES: &[&str] = &[
    "noopener",
    "noreferrer",
    "nofollow",
    "opener",
    "external",
    "sponsored",
    "ugc",
    "alternate",
    "author",
    "bookmark",
    "help",
    "license",
    "next",
    "prev",
    "search",
    "tag",
    "me",
    "privacy-policy",
    "terms-of-service",
];

impl Rule for SuspiciousLinkAttribute {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let scan = rendered(cx);
        // A definition's attribute list applies to every link that uses it: report it once.
        let mut reported = HashSet::new();
        for link in anchors(scan) {
            for attr in attributes(scan, link) {
                if reported.contains(&attr.value_span) {
                    continue;
                }
                let finding = self
                    .misspelled_name(&attr)
                    .or_else(|| self.window_name(&attr))
                    .or_else(|| unknown_link_type(&attr));
                if let Some(finding) = finding {
                    reported.insert(attr.value_span.clone());
                    out.push(finding);
                }
            }
        }
    }
}

impl SuspiciousLinkAttribute {
    /// `taget="_blank"`: browsers ignore an attribute they do not know.
    fn misspelled_name(&self, attr: &Attribute<'_>) -> Option<Finding> {
        let span = attr.name_span.clone()?;
        let name = attr.name.to_ascii_lowercase();
        let known = LINK_ATTRIBUTES.contains(&name.as_str())
            || ["data-", "aria-", "on"].iter().any(|p| name.starts_with(p));
        if known {
            return None;
        }
        let meant = closest(&name, TYPO_CANDIDATES.iter().copied())?;
        Some(
            Finding::new(
                span.clone(),
                format!(
                    "`{}` is not an attribute of a link, so browsers ignore it; `{meant}` is",
                    attr.name
                ),
            )
            .with_help(format!("did you mean `{meant}`?"))
            .with_fix(Fix::unsafe_(
                format!("rename it to `{meant}`"),
                vec![Edit::new(span, meant)],
            )),
        )
    }

    /// `target="new"`: a window name, not a new tab.
    fn window_name(&self, attr: &Attribute<'_>) -> Option<Finding> {
        if !attr.name.eq_ignore_ascii_case("target") {
            return None;
        }
        let value = attr.value;
        let keyword = TARGET_KEYWORDS
            .iter()
            .any(|k| value.eq_ignore_ascii_case(k));
        let allowed = self.allowed_targets.iter().any(|t| t == value);
        // A value with a quote in it comes from a broken attribute list: `malformed-ial`.
        if keyword || allowed || value.contains(['"', '\'']) {
            return None;
        }
        let finding = if value.trim().is_empty() {
            Finding::new(
                attr.value_span.clone(),
                "an empty `target` does nothing: the link opens in the same tab",
            )
        } else {
            Finding::new(
                attr.value_span.clone(),
                format!(
                    "`target=\"{value}\"` opens a browser window named `{value}`, not a new tab: the first click opens it, and every later link with this target replaces the page in that same window"
                ),
            )
        };
        let guess = value.trim().to_ascii_lowercase();
        let new_tab = NEW_TAB_GUESSES.contains(&guess.as_str())
            || edit_distance(&guess, "_blank") <= 2
            || guess.is_empty();
        if new_tab {
            Some(
                finding
                    .with_help("write `target=\"_blank\"` to open a new tab")
                    .with_fix(Fix::unsafe_(
                        "open the link in a new tab",
                        vec![Edit::new(attr.value_span.clone(), "_blank")],
                    )),
            )
        } else {
            Some(finding.with_help(
                "write `target=\"_blank\"` to open a new tab; if the site means this window name, add it to this rule's `allowed-targets`",
            ))
        }
    }
}

/// `rel="noopenner"`: a link type browsers do not know does nothing.
fn unknown_link_type(attr: &Attribute<'_>) -> Option<Finding> {
    if !attr.name.eq_ignore_ascii_case("rel") {
        return None;
    }
    let mut offset = 0;
    for token in attr.value.split(|c: char| c.is_ascii_whitespace()) {
        let start = offset;
        offset += token.len() + 1;
        let lower = token.to_ascii_lowercase();
        if token.is_empty() || LINK_TYPES.contains(&lower.as_str()) {
            continue;
        }
        let meant = closest(&lower, LINK_TYPES.iter().copied())?;
        // The value span holds the text as written, so the token's place in it is exact
        // unless the value was unescaped; then only the message is given.
        let span = attr.value_span.start + start..attr.value_span.start + start + token.len();
        let exact = attr.value_span.len() == attr.value.len();
        let finding = Finding::new(
            if exact {
                span.clone()
            } else {
                attr.value_span.clone()
            },
            format!("`{token}` is not a link type, so browsers ignore it; `{meant}` is"),
        )
        .with_help(format!("did you mean `{meant}`?"));
        return Some(if exact {
            finding.with_fix(Fix::unsafe_(
                format!("write `{meant}`"),
                vec![Edit::new(span, meant)],
            ))
        } else {
            finding
        });
    }
    None
}
