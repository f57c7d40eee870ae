//! How the site is served: which file a URL path gets (GitHub Pages and Netlify serve `/a`
//! from `a.html` or `a/index.html`, and `/a/` from `a/index.html` only), whether letter case
//! matters, the host's own redirects (Netlify's `_redirects` and `netlify.toml`), the
//! site's host names, and the paths the host routes to other applications.

use serde::{Deserialize, Serialize};

/// `host:` in `.frontlint.yml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HostConfig {
    /// `github-pages` (the default) or `netlify` (also chosen when the site has a
    /// `netlify.toml` or publishes a `_redirects` file).
    #[serde(rename = "type")]
    pub kind: Option<HostKind>,
    /// Do URLs that differ only in letter case lead to different files? (Default: yes, as on
    /// GitHub Pages and Netlify.)
    pub case_sensitive: Option<bool>,
    /// Host names of this site besides the one of `url` in `_config.yml`: an absolute link to
    /// one of them is a link into the site.
    #[serde(default)]
    pub hostnames: Vec<String>,
    /// Path prefixes the host serves from other applications (`/eservices/`): links there
    /// are not judged against the site.
    #[serde(default)]
    pub other_apps: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HostKind {
    GithubPages,
    Netlify,
}

impl HostKind {
    pub fn name(self) -> &'static str {
        match self {
            HostKind::GithubPages => "GitHub Pages",
            HostKind::Netlify => "Netlify",
        }
    }
}

/// The host settings a site is checked with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostSettings {
    pub kind: HostKind,
    pub case_sensitive: bool,
    /// Lower-cased host names of the site (from `url` and `host.hostnames`).
    pub hostnames: Vec<String>,
    /// Path prefixes served by other applications, each starting with `/`.
    pub other_apps: Vec<String>,
    /// Whether the kind was chosen by the site's files rather than the config.
    pub detected: bool,
}

impl Default for HostSettings {
    fn default() -> HostSettings {
        HostSettings {
            kind: HostKind::GithubPages,
            case_sensitive: true,
            hostnames: Vec::new(),
            other_apps: Vec::new(),
            detected: false,
        }
    }
}

impl HostSettings {
    /// The settings from the config's `host:` (merged), the site's `url`, and whether it
    /// deploys to Netlify (`netlify` true when it has a `netlify.toml` or a `_redirects`).
    pub fn new(config: &HostConfig, site_url: Option<&str>, netlify: bool) -> HostSettings {
        let mut hostnames: Vec<String> = config
            .hostnames
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        if let Some(host) = site_url
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        {
            hostnames.push(host);
        }
        // `example.org` and `www.example.org` are one site to its authors.
        let mut with_www = Vec::new();
        for host in &hostnames {
            match host.strip_prefix("www.") {
                Some(bare) => with_www.push(bare.to_owned()),
                None => with_www.push(format!("www.{host}")),
            }
        }
        hostnames.extend(with_www);
        hostnames.sort();
        hostnames.dedup();
        let other_apps = config
            .other_apps
            .iter()
            .map(|p| match p.starts_with('/') {
                true => p.clone(),
                false => format!("/{p}"),
            })
            .collect();
        HostSettings {
            kind: config.kind.unwrap_or(if netlify {
                HostKind::Netlify
            } else {
                HostKind::GithubPages
            }),
            case_sensitive: config.case_sensitive.unwrap_or(true),
            hostnames,
            other_apps,
            detected: config.kind.is_none() && netlify,
        }
    }

    pub fn is_own_host(&self, host: &str) -> bool {
        self.hostnames.iter().any(|h| h.eq_ignore_ascii_case(host))
    }

    /// Is `path` (site-absolute) served by another application of the host?
    pub fn routes_elsewhere(&self, path: &str) -> bool {
        self.other_apps.iter().any(|prefix| {
            path.starts_with(prefix.as_str())
                || prefix.strip_suffix('/').is_some_and(|bare| path == bare)
        })
    }
}

/// The output files the host may serve for a URL path (decoded, site-absolute, without the
/// `baseurl`), in the order it tries them: `/a/` → `a/index.html`; `/a` → `a`, `a.html`,
/// `a/index.html` (the last one by a redirect to `/a/`).
pub fn candidates(path: &str) -> Vec<String> {
    let relative = path.trim_start_matches('/');
    if relative.is_empty() {
        return vec!["index.html".to_owned()];
    }
    if relative.ends_with('/') {
        return vec![format!("{relative}index.html")];
    }
    vec![
        relative.to_owned(),
        format!("{relative}.html"),
        format!("{relative}/index.html"),
    ]
}

/// One redirect or rewrite rule of the host (`_redirects`, `netlify.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectRule {
    /// The path it matches: `*` at the end matches anything, `:name` one segment.
    pub from: String,
    pub to: String,
    /// The HTTP status (301 by default; 200 is a rewrite, 404 a custom "not found").
    pub status: u16,
    /// Where the rule is written: the file (relative to the site) and its line.
    pub file: String,
    pub line: usize,
}

impl RedirectRule {
    /// Does the rule catch `path`? Netlify compares paths ignoring a trailing `/` and case.
    pub fn matches(&self, path: &str) -> bool {
        let trim = |p: &str| p.trim_end_matches('/').to_ascii_lowercase();
        let (from, path) = (trim(&self.from), trim(path));
        if let Some(prefix) = from.strip_suffix('*') {
            // `/old/*` catches `/old` and everything below it, not `/older`.
            let folder = prefix.trim_end_matches('/');
            return path == folder
                || path
                    .strip_prefix(folder)
                    .is_some_and(|rest| rest.starts_with('/') || !prefix.ends_with('/'));
        }
        let rule: Vec<&str> = from.split('/').collect();
        let parts: Vec<&str> = path.split('/').collect();
        rule.len() == parts.len()
            && rule
                .iter()
                .zip(&parts)
                .all(|(r, p)| r.starts_with(':') && !p.is_empty() || r == p)
    }

    /// A rule that sends the visitor somewhere (or rewrites to content), not a 404 page.
    pub fn leads_somewhere(&self) -> bool {
        self.status != 404
    }
}

/// Rules of a `_redirects` file: `from to [status][!]` per line, `#` comments.
pub fn parse_redirects_file(text: &str, file: &str) -> Vec<RedirectRule> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let line = line.split('#').next().unwrap_or("").trim();
            let mut words = line.split_whitespace();
            let from = words.next()?;
            let to = words.next()?;
            if !from.starts_with('/') {
                return None;
            }
            let status = words
                .next()
                .and_then(|s| s.trim_end_matches('!').parse().ok())
                .unwrap_or(301);
            Some(RedirectRule {
                from: from.to_owned(),
                to: to.to_owned(),
                status,
                file: file.to_owned(),
                line: index + 1,
            })
        })
        .collect()
}

/// The `[[redirects]]` of a `netlify.toml` (`from`, `to`, `status`), read line by line: the
/// file is small and TOML's full grammar is not needed for these keys.
pub fn parse_netlify_toml(text: &str, file: &str) -> Vec<RedirectRule> {
    let mut rules = Vec::new();
    let mut current: Option<RedirectRule> = None;
    let value = |line: &str| -> Option<String> {
        let (_, v) = line.split_once('=')?;
        let v = v.split('#').next().unwrap_or("").trim();
        Some(v.trim_matches(['"', '\'']).to_owned())
    };
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('[') {
            rules.extend(current.take().filter(|r| r.from.starts_with('/')));
            if line == "[[redirects]]" {
                current = Some(RedirectRule {
                    from: String::new(),
                    to: String::new(),
                    status: 301,
                    file: file.to_owned(),
                    line: index + 1,
                });
            }
            continue;
        }
        let Some(rule) = current.as_mut() else {
            continue;
        };
        let key = line.split('=').next().unwrap_or("").trim();
        match key {
            "from" => rule.from = value(line).unwrap_or_default(),
            "to" => rule.to = value(line).unwrap_or_default(),
            "status" => rule.status = value(line).and_then(|s| s.parse().ok()).unwrap_or(301),
            _ => {}
        }
    }
    rules.extend(current.filter(|r| r.from.starts_with('/')));
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_serves_a_path_from_these_files() {
        assert_eq!(candidates("/a/"), ["a/index.html"]);
        assert_eq!(candidates("/a"), ["a", "a.html", "a/index.html"]);
        assert_eq!(candidates("/"), ["index.html"]);
    }

    #[test]
    fn redirect_rules_are_read_and_matched_like_netlify() {
        let rules = parse_redirects_file(
            "# comment\n/content/pto/en/ https://pto.mlaw.gov.sg\n/old/* /new/:splat 301!\n/gone /404.html 404\nnot-a-rule\n",
            "_redirects",
        );
        assert_eq!(rules.len(), 3);
        assert!(rules[0].matches("/content/pto/en"));
        assert!(rules[0].matches("/Content/PTO/en/"));
        assert!(rules[1].matches("/old/a/b.html"));
        assert!(!rules[1].matches("/older"));
        assert!(!rules[2].leads_somewhere());
        assert_eq!(rules[1].line, 3);
        let toml = parse_netlify_toml(
            "[build]\ncommand = \"x\"\n[[redirects]]\nfrom = \"/a/:id\"\nto = \"/b\"\nstatus = 200\n",
            "netlify.toml",
        );
        assert_eq!(toml.len(), 1);
        assert!(toml[0].matches("/a/7"));
        assert!(!toml[0].matches("/a/7/8"));
        assert_eq!(toml[0].status, 200);
    }
}
