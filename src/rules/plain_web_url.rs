//! A shortcut for the URLs nearly every link of a site has: `https://host/path` with a plain
//! host. The URL standard accepts all of them, so the link rules need not parse them with the
//! `url` crate (that parse was ~5% of a whole-site run). Anything unusual is left to the parse.

/// An `http(s)://` URL of visible ASCII without `\` or `%`, with a plain host: none of
/// `invalid-link-url`'s checks can fault it. One pass over its bytes.
pub(super) fn is_plain_web_url(value: &str) -> bool {
    let rest = value
        .strip_prefix("https:")
        .or_else(|| value.strip_prefix("http:"));
    rest.is_some_and(|rest| {
        value
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'\\' && b != b'%')
            && plainly_valid_web_url(rest)
    })
}

/// `rest` (what follows `http:`/`https:`) is `//host` with a host of plain DNS labels and
/// nothing but a path, query or fragment after it: the URL standard accepts every such URL
/// (it only escapes odd characters in the rest), so parsing it is not needed. Anything else (userinfo, a port, IP addresses, `xn--` labels, empty labels) is parsed.
pub(super) fn plainly_valid_web_url(rest: &str) -> bool {
    let Some(after_slashes) = rest.strip_prefix("//") else {
        return false;
    };
    // One pass over the host's bytes (it ends at the first `/`, `?` or `#`), checking each
    // dot-separated label as it closes: this runs for every link of every post.
    let host = after_slashes.as_bytes();
    let mut label_start = 0;
    for (at, &b) in host.iter().enumerate() {
        match b {
            b'/' | b'?' | b'#' => return plain_label(&host[label_start..at], true),
            b'.' => {
                if !plain_label(&host[label_start..at], false) {
                    return false;
                }
                label_start = at + 1;
            }
            b if b.is_ascii_alphanumeric() || b == b'-' => {}
            _ => return false,
        }
    }
    plain_label(&host[label_start..], true)
}

/// A host label the shortcut accepts (its bytes are already known to be letters, digits and
/// `-`): not empty, not an IDNA `xn--` label, and the last one starts with a letter, so the
/// host is never read as an IPv4 address.
fn plain_label(label: &[u8], last: bool) -> bool {
    !label.is_empty()
        && !label
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
        && (!last || label[0].is_ascii_alphabetic())
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
