//! FL506: an `http://` link or image where the site expects `https://`. Off in the `jekyll`
//! preset (old sites link to many `http://` pages on purpose); on in the `isomer` preset,
//! where government sites link over HTTPS.

use serde::{Deserialize, Serialize};

use super::link_support::{
    Destination, HostPattern, any_matches, destination, rendered, written_urls,
};
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};

#[derive(Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct InsecureLink {
    /// Hosts where `https://` is expected (`*.gov.sg`); empty: every host.
    pub hosts: Vec<HostPattern>,
    /// Hosts that may stay on `http://`: local addresses, and sites without HTTPS.
    pub allow: Vec<HostPattern>,
}

impl Default for InsecureLink {
    fn default() -> Self {
        let local = ["localhost", "*.localhost", "127.0.0.1", "0.0.0.0", "[::1]"];
        InsecureLink {
            hosts: Vec::new(),
            allow: local.iter().map(|h| HostPattern((*h).to_owned())).collect(),
        }
    }
}

impl Rule for InsecureLink {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = &cx.post.source.text;
        for url in written_urls(rendered(cx)) {
            let value = url.url.trim_start();
            let plain_http = value
                .get(..7)
                .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
            if !plain_http {
                continue;
            }
            let Destination::Web { host } = destination(value, url.has_liquid) else {
                continue;
            };
            let expected = self.hosts.is_empty() || any_matches(&self.hosts, &host);
            if !expected || any_matches(&self.allow, &host) {
                continue;
            }
            let message = if url.image {
                format!(
                    "an `http://` image on an HTTPS page is mixed content: browsers upgrade the request to `https://` or block it, and `{host}` must serve it over HTTPS either way"
                )
            } else {
                format!(
                    "`http://` link to `{host}`: the page travels unencrypted and browsers mark it \"Not secure\""
                )
            };
            let scheme_start = url.span.start + (url.url.len() - value.len());
            let mut finding = Finding::new(url.span.clone(), message)
                .with_help("write `https://` if the site supports it");
            if text.get(scheme_start..scheme_start + 4) == Some(&value[..4]) {
                // Whether the host answers on HTTPS is not known here: only with --unsafe-fixes.
                finding = finding.with_fix(Fix::unsafe_(
                    "use `https://`",
                    vec![Edit::new(scheme_start..scheme_start + 4, "https")],
                ));
            }
            out.push(finding);
        }
    }
}
