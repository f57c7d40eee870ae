//! FL505: a link or image URL that does not lead where its author meant: `htps://…`,
//! `https:/…`, `www.example.com` without a scheme (a path on this site), a `\` (browsers
//! read `/`), a `%` that starts no escape, a host the URL standard rejects, an empty URL.
//! URLs that hold Liquid are only known after Jekyll renders them, and are skipped.

use serde::{Deserialize, Serialize};

use super::link_support::{WrittenUrl, rendered, scheme, written_urls};
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

/// `rest` (what follows `http:`/`https:`) is `//host` with a host of plain DNS labels and
/// nothing but a path, query or fragment after it: the URL standard accepts every such URL
/// (it only escapes odd characters in the rest), so parsing it is not needed. Nearly every
/// link of a site looks like this, and the `url` parse was ~5% of a whole-site run.
/// Anything else (userinfo, a port, IP addresses, `xn--` labels, empty labels) is parsed.
fn plainly_valid_web_url(rest: &str) -> bool {
    let Some(after_slashes) = rest.strip_prefix("//") else {
        return false;
    };
    let host_end = after_slashes
        .find(['/', '?', '#'])
        .unwrap_or(after_slashes.len());
    let host = &after_slashes[..host_end];
    let mut labels = host.split('.').peekable();
    while let Some(label) = labels.next() {
        let plain = !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
        // A last label that is a number makes the host an IPv4 address, which may be invalid.
        let last_is_name =
            labels.peek().is_some() || label.starts_with(|c: char| c.is_ascii_alphabetic());
        if !plain || !last_is_name {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::plainly_valid_web_url;

    /// The shortcut may only ever say "valid" for URLs the `url` crate accepts: try every
    /// combination of awkward hosts and tails.
    #[test]
    fn the_shortcut_never_accepts_what_the_url_standard_rejects() {
        let hosts = [
            "example.gov.sg",
            "EXAMPLE.COM",
            "a-b.c",
            "-a.b",
            "a",
            "1.2.3.4",
            "1.2.3.999",
            "a.0x10",
            "a.123",
            "xn--a.com",
            "XN--zz.com",
            "a..b",
            ".a",
            "a.",
            "a b.com",
            "a_b.com",
            "ex%41.com",
            "a@b.com",
            "a:80",
            "a:99999",
            "[::1]",
            "",
            "é.com",
            "a.b-",
            "0x1",
            "a.b.c.d.e.f.g",
        ];
        let tails = ["", "/", "/path?q=1#top", "?x", "#y", "/a b/%zz", "/ü"];
        let mut accepted = 0;
        for scheme in ["http", "https"] {
            for host in hosts {
                for tail in tails {
                    let rest = format!("//{host}{tail}");
                    if plainly_valid_web_url(&rest) {
                        accepted += 1;
                        let url = format!("{scheme}:{rest}");
                        assert!(url::Url::parse(&url).is_ok(), "{url}");
                    }
                }
            }
        }
        // The shortcut does take the common shapes.
        assert!(accepted >= 2 * 6 * tails.len(), "{accepted}");
        assert!(plainly_valid_web_url("//www.mom.gov.sg/data"));
        assert!(!plainly_valid_web_url("//1.2.3.999/"));
    }
}
