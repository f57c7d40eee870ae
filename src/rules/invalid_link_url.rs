//! FL505: a link or image URL that does not lead where its author meant: `htps://…`,
//! `https:/…`, `www.example.com` without a scheme (a path on this site), a `\` (browsers
//! read `/`), a `%` that starts no escape, a host the URL standard rejects, an empty URL.
//! URLs that hold Liquid are only known after Jekyll renders them, and are skipped.

use serde::{Deserialize, Serialize};

use super::link_support::{WrittenUrl, rendered, scheme, written_urls};
use super::plain_web_url::{is_plain_web_url, plainly_valid_web_url};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};
use crate::suggest::edit_distance;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InvalidLinkUrl {}

/// Schemes links use on purpose; anything else near `http`/`https` is a typo.
const KNOWN_SCHEMES: &[&str] = &[
    "http",
    "https",
    "mailto",
    "tel",
    "sms",
    "ftp",
    "ftps",
    "sftp",
    "file",
    "data",
    "irc",
    "ircs",
    "news",
    "nntp",
    "git",
    "ssh",
    "svn",
    "webcal",
    "geo",
    "magnet",
    "skype",
    "callto",
    "fax",
    "xmpp",
    "urn",
    "feed",
    "javascript",
    "vbscript",
    "about",
    "blob",
    "ws",
    "wss",
];

/// Top-level domains that make `example.gov.sg/page` a host written without `https://`.
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "sg", "io", "uk", "int", "info", "asia", "biz", "co",
];

impl Rule for InvalidLinkUrl {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        for url in written_urls(rendered(cx)) {
            if url.has_liquid {
                continue;
            }
            if let Some(finding) = check_url(&url, text) {
                out.push(finding);
            }
        }
    }
}

/// Does this rule report the destination `written` (empty, typographic quotes, a missing
/// `https://`…)? Then the link graph's rules leave the link to it: one defect, one diagnostic.
pub fn reports(written: &str, image: bool) -> bool {
    if written.contains("{{") || written.contains("{%") {
        return false;
    }
    let url = WrittenUrl {
        url: written,
        span: 0..written.len(),
        construct: 0..written.len(),
        has_liquid: false,
        image,
    };
    check_url(&url, written).is_some()
}

fn check_url(url: &WrittenUrl<'_>, text: &str) -> Option<Finding> {
    let what = if url.image { "image" } else { "link" };
    let value = url.url.trim();
    // The URL as written, for fixes: only when the scanner's value is exactly the file text.
    let exact = &text[url.span.clone()] == url.url;
    let fix_span = exact.then(|| url.span.clone());
    if value.is_empty() {
        let message = if url.image {
            "this image has no URL: the page shows a broken image".to_owned()
        } else {
            "this link has no URL: it leads back to the same page".to_owned()
        };
        return Some(Finding::new(url.construct.clone(), message).with_help("add the URL"));
    }
    if is_plain_web_url(value) {
        return None;
    }
    if value.contains(['“', '”', '‘', '’']) {
        let trimmed = value.trim_matches(['“', '”', '‘', '’']);
        let finding = Finding::new(
            url.span.clone(),
            format!(
                "typographic quotes in the {what} URL: browsers take them as part of the address"
            ),
        )
        .with_help(format!("remove them: `{trimmed}`"));
        let clean = !trimmed.contains(['“', '”', '‘', '’']);
        return Some(match fix_span.filter(|_| clean && value == url.url) {
            Some(span) => finding.with_fix(Fix::safe(
                "remove the quotes",
                vec![Edit::new(span, trimmed)],
            )),
            None => finding,
        });
    }
    if let Some(at) = value.find('\\') {
        let escaped = value[at + 1..].starts_with(|c: char| c.is_ascii_punctuation());
        let finding = Finding::new(
            url.span.clone(),
            format!(
                "a `\\` in the {what} URL: browsers read it as `/`, so the {what} leads to a different address"
            ),
        );
        return Some(if escaped {
            let repaired = remove_escapes(value);
            let finding = finding.with_help(format!(
                "a Markdown escape does not work inside a URL; write `{repaired}`"
            ));
            match fix_span.filter(|_| value == url.url) {
                Some(span) => finding.with_fix(Fix::safe(
                    "remove the backslashes",
                    vec![Edit::new(span, repaired)],
                )),
                None => finding,
            }
        } else {
            finding.with_help("write `/` (or `%5C` if the address really contains a backslash)")
        });
    }
    if let Some(finding) = check_scheme(url, value, what, fix_span.clone()) {
        return Some(finding);
    }
    if let Some(at) = bad_percent(value) {
        let shown: String = value[at..].chars().take(3).collect();
        return Some(
            Finding::new(
                url.span.clone(),
                format!("`{shown}` in the {what} URL: a `%` must start an escape of two hex digits (`%20`)"),
            )
            .with_help("write a literal `%` as `%25`, or complete the escape"),
        );
    }
    None
}

/// Problems with the scheme, or with a host written without one.
fn check_scheme(
    url: &WrittenUrl<'_>,
    value: &str,
    what: &str,
    fix_span: Option<std::ops::Range<usize>>,
) -> Option<Finding> {
    let Some(written) = scheme(value) else {
        return missing_scheme(url, value, what, fix_span);
    };
    let lower = written.to_ascii_lowercase();
    let rest = &value[written.len() + 1..];
    match lower.as_str() {
        "http" | "https" => {
            let slashes = rest.bytes().take_while(|&b| b == b'/').count();
            if slashes != 2 {
                let host_part = rest.trim_start_matches('/');
                let repaired = format!("{written}://{host_part}");
                let finding = Finding::new(
                    url.span.clone(),
                    format!("`{written}:` must be followed by `//` and the host; browsers read `{value}` as a different address"),
                )
                .with_help(format!("write `{repaired}`"));
                return Some(
                    match fix_span.filter(|_| value == url.url && !host_part.is_empty()) {
                        Some(span) => finding.with_fix(Fix::safe(
                            "write `//` after the scheme",
                            vec![Edit::new(span, repaired)],
                        )),
                        None => finding,
                    },
                );
            }
            if plainly_valid_web_url(rest) {
                return None;
            }
            match url::Url::parse(value) {
                Ok(_) => None,
                Err(error) => Some(
                    Finding::new(
                        url.span.clone(),
                        format!("`{value}` is not a valid URL: {error}"),
                    )
                    .with_help("check the address between `//` and the next `/`"),
                ),
            }
        }
        "mailto" => {
            let address = rest.split('?').next().unwrap_or("");
            if address.contains(char::is_whitespace) {
                let repaired = format!("{written}:{}", rest.split_whitespace().collect::<String>());
                let finding = Finding::new(
                    url.span.clone(),
                    "a space in the email address of this `mailto:` link: mail programs may not accept it",
                )
                .with_help(format!("write `{repaired}`"));
                return Some(match fix_span.filter(|_| value == url.url) {
                    Some(span) => finding.with_fix(Fix::safe(
                        "remove the spaces",
                        vec![Edit::new(span, repaired)],
                    )),
                    None => finding,
                });
            }
            if address.is_empty() && !rest.contains('?') {
                return Some(
                    Finding::new(url.span.clone(), "this `mailto:` link has no email address")
                        .with_help("write `mailto:name@example.gov.sg`"),
                );
            }
            None
        }
        _ if KNOWN_SCHEMES.contains(&lower.as_str()) => None,
        _ => {
            let meant = ["https", "http"]
                .into_iter()
                .find(|s| edit_distance(&lower, s) <= 2 && lower.len() >= 3)?;
            let repaired = format!("{meant}://{}", rest.trim_start_matches('/'));
            let finding = Finding::new(
                url.span.clone(),
                format!("`{written}:` is not a scheme browsers know, so this {what} goes nowhere; did you mean `{meant}:`?"),
            )
            .with_help(format!("write `{repaired}`"));
            Some(match fix_span.filter(|_| value == url.url) {
                Some(span) => finding.with_fix(Fix::unsafe_(
                    format!("write `{meant}:`"),
                    vec![Edit::new(span, repaired)],
                )),
                None => finding,
            })
        }
    }
}

/// `www.example.com/page` or `example.gov.sg/page`: a host without `https://`, which browsers
/// read as a path on this site.
fn missing_scheme(
    url: &WrittenUrl<'_>,
    value: &str,
    what: &str,
    fix_span: Option<std::ops::Range<usize>>,
) -> Option<Finding> {
    let first = value.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = first.split('.').collect();
    let host_like = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && (first.to_ascii_lowercase().starts_with("www.")
            || DOMAIN_ENDINGS.contains(&labels[labels.len() - 1].to_ascii_lowercase().as_str()));
    if !host_like {
        return None;
    }
    let repaired = format!("https://{value}");
    let finding = Finding::new(
        url.span.clone(),
        format!("`{first}` looks like a web address without `https://`: browsers read it as a page on this site, so the {what} is broken"),
    )
    .with_help(format!("write `{repaired}`"));
    // `http` or `https` is a guess: the fix is offered, not applied by `--fix` alone.
    Some(match fix_span.filter(|_| value == url.url) {
        Some(span) => finding.with_fix(Fix::unsafe_(
            "add `https://`",
            vec![Edit::new(span, repaired)],
        )),
        None => finding,
    })
}

/// The position of the first `%` not followed by two hex digits.
fn bad_percent(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    value.match_indices('%').map(|(at, _)| at).find(|&at| {
        !(b.len() > at + 2 && b[at + 1].is_ascii_hexdigit() && b[at + 2].is_ascii_hexdigit())
    })
}

/// `a\_b` → `a_b`: Markdown escapes, which kramdown keeps in URLs.
fn remove_escapes(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{bad_percent, check_scheme};
    use crate::rules::link_support::WrittenUrl;
    use crate::rules::plain_web_url::is_plain_web_url;

    /// What `check_url` finds in a URL that `is_plain_web_url` lets through: nothing.
    #[test]
    fn plain_web_urls_pass_every_check() {
        let urls = [
            "https://www.mom.gov.sg/data",
            "http://a-b.c/x?y=1&z=2#top",
            "https://EXAMPLE.COM/Path/To/Page.html",
            "https://go.gov.sg",
            "https://a.b.c.d/~user/(x)/[y]/",
            "http://x.org?q",
            "https://x.org#frag",
        ];
        for value in urls {
            assert!(is_plain_web_url(value), "{value}");
            let url = WrittenUrl {
                url: value,
                span: 0..value.len(),
                construct: 0..value.len(),
                has_liquid: false,
                image: false,
            };
            assert!(check_scheme(&url, value, "link", None).is_none(), "{value}");
            assert!(bad_percent(value).is_none(), "{value}");
        }
        for value in [
            "https:/x.org",
            "https:///x.org",
            "https://x.org/a%zz",
            "https://x.org/a\\b",
            "https://x .org",
            "https://1.2.3.999/",
            "htps://x.org",
            "HTTPS://x.org",
            "https://x.org/é",
        ] {
            assert!(!is_plain_web_url(value), "{value}");
        }
    }
}
