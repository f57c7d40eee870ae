//! `Jekyll::URL` (url.rb): filling a template's `:placeholders`, escaping each value
//! (`escape_path`, via `Addressable::URI.encode`), and `sanitize_url`.

use regex::Regex;
use std::sync::LazyLock;

/// `%r!:([a-z_]+)!` in `generate_url_from_drop`.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r":([a-z_]+)").expect("regex"));
/// `%r!^[a-zA-Z0-9./-]+$!`: Ruby's `^`/`$` are line anchors, so one clean line is enough
/// for the whole value to be returned unescaped.
static ALREADY_SAFE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[a-zA-Z0-9./-]+$").expect("regex"));

/// Why a template cannot be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Jekyll raises NoMethodError ("The URL template doesn't have ... keys"): build fails.
    UnknownPlaceholder(String),
    /// Addressable raises InvalidURIError (a value starting with `:`, or a `scheme:` part
    /// that is not a valid scheme such as `2022:`): the build fails.
    InvalidUri(String),
    /// A page with `permalink: ""`: Jekyll raises InvalidPermalinkError; the build fails.
    InvalidPermalink,
    /// A value Addressable would read with an authority (`//x`), an IP-based scheme
    /// (`http:`), or a newline; this model does not reproduce those.
    Unsupported(String),
}

/// `generate_url_from_drop`: replace each `:name` by its escaped value. `lookup` answers
/// `None` for names the drop does not have and `Some(None)` for a nil value (becomes "").
/// A name ending in `_` also tries the name without it (`/:month_:day`).
pub fn fill_template(
    template: &str,
    mut lookup: impl FnMut(&str) -> Option<Option<String>>,
) -> Result<String, UrlError> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut last = 0;
    for caps in PLACEHOLDER.captures_iter(template) {
        let whole = caps.get(0).expect("match");
        let name = &caps[1];
        let pool: Vec<&str> = match name.strip_suffix('_') {
            Some(short) => vec![name, short],
            None => vec![name],
        };
        let Some((winner, value)) = pool.iter().find_map(|k| lookup(k).map(|v| (*k, v))) else {
            return Err(UrlError::UnknownPlaceholder(pool.join(" or ")));
        };
        out.push_str(&template[last..whole.start()]);
        out.push_str(&escape_path(&value.unwrap_or_default())?);
        // `match.sub!(":#{winner}", replacement)`: the unused trailing `_` stays.
        out.push_str(&whole.as_str()[1 + winner.len()..]);
        last = whole.end();
    }
    out.push_str(&template[last..]);
    Ok(out)
}

/// `generate_url_from_hash` (pages): placeholders replaced in hash order with `gsub`, so a
/// key that prefixes a longer placeholder is replaced inside it; a nil value removes
/// `/:key` (and stops nothing else). Stops once no `:` is left.
pub fn fill_template_from_hash(
    template: &str,
    placeholders: &[(&str, Option<&str>)],
) -> Result<String, UrlError> {
    let mut result = template.to_string();
    for (key, value) in placeholders {
        if !result.contains(':') {
            break;
        }
        result = match value {
            None => result.replace(&format!("/:{key}"), ""),
            Some(v) => result.replace(&format!(":{key}"), &escape_path(v)?),
        };
    }
    Ok(result)
}

/// `URL#sanitize_url`: `".."` becomes `/`, `"./"` is dropped, slashes are squeezed, and the
/// result starts with `/`.
///
/// ```ruby
/// "/#{in_url}".gsub("..", "/").tap { |u| u.gsub!("./", "") }.squeeze("/")
/// ```
///
/// Every document's URL passes here, and almost none holds `..` or `./`: the two
/// replacements run only when a `.` is followed by `.` or `/`, and the squeeze is one pass.
pub fn sanitize_url(url: &str) -> String {
    let mut joined = String::with_capacity(url.len() + 1);
    joined.push('/');
    joined.push_str(url);
    let dot_pair = memchr::memchr_iter(b'.', url.as_bytes())
        .any(|at| matches!(url.as_bytes().get(at + 1), Some(b'.' | b'/')));
    if dot_pair {
        joined = joined.replace("..", "/").replace("./", "");
    }
    let mut out = String::with_capacity(joined.len());
    let mut rest = joined.as_str();
    // Copy up to and including each `/`, then skip the `/`s right after it.
    while let Some(at) = rest.find('/') {
        out.push_str(&rest[..=at]);
        rest = rest[at + 1..].trim_start_matches('/');
    }
    out.push_str(rest);
    out
}

/// Addressable's character classes (CharacterClasses::PCHAR etc.), as byte predicates.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~".contains(&b)
}
fn pchar(b: u8) -> bool {
    unreserved(b) || b"!$&'()*+,;=:@".contains(&b)
}

fn encode_component(part: &str, keep: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(part.len());
    for &b in part.as_bytes() {
        if keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `URL.escape_path`: `Addressable::URI.encode(path)` — the value is parsed as a URI
/// reference (RFC 3986 regex), each part percent-encoded with its own class — then the
/// first `#` becomes `%23`.
pub fn escape_path(path: &str) -> Result<String, UrlError> {
    if path.is_empty() || ALREADY_SAFE.is_match(path) {
        return Ok(path.to_string());
    }
    // URIREGEX: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$
    if path.contains('\n') {
        return Err(UrlError::Unsupported(path.to_string()));
    }
    let (scheme, rest) = match path.find([':', '/', '?', '#']) {
        Some(i) if i > 0 && path.as_bytes()[i] == b':' => (Some(&path[..i]), &path[i + 1..]),
        _ => (None, path),
    };
    if rest.starts_with("//") {
        return Err(UrlError::Unsupported(path.to_string()));
    }
    if let Some(scheme) = scheme {
        // `scheme=`: /\A[a-z][a-z0-9\.\+\-]*\z/i, else InvalidURIError.
        let b = scheme.as_bytes();
        if !b[0].is_ascii_alphabetic()
            || !b
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || b".+-".contains(c))
        {
            return Err(UrlError::InvalidUri(path.to_string()));
        }
        let lower = scheme.to_ascii_lowercase();
        if [
            "http", "https", "ftp", "tftp", "ssh", "svn+ssh", "telnet", "nntp", "gopher", "wais",
            "ldap", "prospero",
        ]
        .contains(&lower.as_str())
        {
            return Err(UrlError::Unsupported(path.to_string()));
        }
    } else if rest.starts_with(':') {
        // `to_s`: a scheme-less path with a colon in its first segment is "ambiguous".
        return Err(UrlError::InvalidUri(path.to_string()));
    }
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    let (path_part, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    let with_slash_query = |b: u8| pchar(b) || b == b'/' || b == b'?';
    let mut out = scheme.map(|s| format!("{s}:")).unwrap_or_default();
    out.push_str(&encode_component(path_part, |b| pchar(b) || b == b'/'));
    if let Some(q) = query {
        out.push('?');
        out.push_str(&encode_component(q, with_slash_query));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(&encode_component(f, with_slash_query));
    }
    Ok(out.replacen('#', "%23", 1))
}

/// `URL.unescape_path` (`Addressable::URI.unencode`): `%XX` sequences back to bytes.
pub fn unescape_path(path: &str) -> String {
    if !path.contains('%') {
        return path.to_string();
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
