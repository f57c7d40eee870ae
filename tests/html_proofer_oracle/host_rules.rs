//! What the host knows and html-proofer does not: the redirect rules a Netlify-style host
//! applies (`_redirects`, `netlify.toml`), and the site's own host name. Used to verify a
//! difference between frontlint and html-proofer before the test accepts it.

use std::path::Path;

use regex::Regex;

/// The `from` side of every redirect rule of a site.
pub struct Redirects {
    froms: Vec<String>,
}

impl Redirects {
    pub fn read(root: &Path) -> Redirects {
        let mut froms = Vec::new();
        if let Ok(text) = std::fs::read_to_string(root.join("_redirects")) {
            // `from to [status] [conditions]`, `#` comments.
            froms.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .filter_map(|l| l.split_whitespace().next().map(str::to_owned)),
            );
        }
        if let Ok(text) = std::fs::read_to_string(root.join("netlify.toml")) {
            // `from = "/x"` inside `[[redirects]]` tables (the only place `from` is a key).
            let from = Regex::new(r#"(?m)^\s*from\s*=\s*["']([^"']+)["']"#).expect("regex");
            froms.extend(from.captures_iter(&text).map(|c| c[1].to_owned()));
        }
        Redirects { froms }
    }

    /// The rule that catches the site path `path` (query and fragment ignored), if any:
    /// Netlify's matching — a trailing `/` does not matter, `*` at the end takes the rest,
    /// `:name` takes one segment.
    pub fn catching(&self, path: &str) -> Option<&str> {
        let path = trimmed(path);
        self.froms
            .iter()
            .find(|from| rule_matches(trimmed(from), path))
            .map(String::as_str)
    }
}

fn trimmed(path: &str) -> &str {
    let path = path.split(['?', '#']).next().unwrap_or("");
    match path.strip_suffix('/') {
        Some(rest) if !rest.is_empty() => rest,
        _ => path,
    }
}

fn rule_matches(from: &str, path: &str) -> bool {
    if let Some(prefix) = from.strip_suffix("/*") {
        return path == prefix || path.starts_with(&format!("{prefix}/"));
    }
    let (from, path): (Vec<_>, Vec<_>) = (from.split('/').collect(), path.split('/').collect());
    from.len() == path.len()
        && from
            .iter()
            .zip(&path)
            .all(|(f, p)| f == p || f.starts_with(':'))
}

/// Is `written` a full URL to the site's own host (`url` in `_config.yml`)? html-proofer
/// takes every `http(s)://` link for another site's: with external links off it checks none.
pub fn on_own_host(written: &str, site_url: Option<&str>) -> bool {
    let host = |url: &str| -> Option<String> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))?;
        Some(rest.split(['/', '?', '#']).next()?.to_ascii_lowercase())
    };
    matches!((host(written), site_url.and_then(host)), (Some(a), Some(b)) if a == b)
}

#[test]
fn redirect_rules_match_as_netlify_matches_them() {
    let rules = Redirects {
        froms: vec!["/ab/".into(), "/news/*".into(), "/old/:year/x".into()],
    };
    assert_eq!(rules.catching("/ab"), Some("/ab/"));
    assert_eq!(rules.catching("/ab/?x=1"), Some("/ab/"));
    assert_eq!(rules.catching("/news/2020/a/"), Some("/news/*"));
    assert_eq!(rules.catching("/old/2021/x/"), Some("/old/:year/x"));
    assert_eq!(rules.catching("/abc"), None);
    assert_eq!(rules.catching("/newsroom"), None);
}

#[test]
fn own_host_is_the_configured_host_in_either_scheme() {
    let url = Some("https://www.mlaw.gov.sg");
    assert!(on_own_host("http://www.mlaw.gov.sg/eservices/", url));
    assert!(on_own_host("https://WWW.mlaw.gov.sg", url));
    assert!(!on_own_host("https://eservices.mlaw.gov.sg/io/", url));
    assert!(!on_own_host("/eservices/", url));
}
