//! From an html-proofer failure (an output file and an attribute of its HTML) back to what the
//! author wrote: the source file Jekyll rendered into that output, and the places in its text
//! where the link is written.
//!
//! Only the body is searched: the stub layouts print nothing of the front matter, so every
//! link html-proofer sees comes from the content (or from Liquid that computed it).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::kind::Kind;
use crate::proof::{Failure, SiteProof};

/// Jekyll's front matter (`Document::YAML_FRONT_MATTER_REGEXP`).
static FRONT_MATTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?ms)\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)").expect("regex"));

/// A link failure of html-proofer, traced back to its source.
#[derive(Debug)]
pub struct Mapped<'a> {
    pub failure: &'a Failure,
    /// Hidden by html-proofer's fragment bug: found only by re-checking every file's links.
    pub hidden: bool,
    pub kind: Kind,
    /// The source file, relative to the site root.
    pub source: Option<&'a str>,
    pub place: Place,
}

#[derive(Debug)]
pub enum Place {
    /// Where the link is written in the source (byte ranges of the destination).
    Found(Vec<Occurrence>),
    /// Jekyll wrote the output from no source file (a plugin's page).
    Generated,
    /// Not in the source text, which holds Liquid: the destination is computed.
    ComputedByLiquid,
    /// Not found: a mapping failure, which fails the test.
    NotFound,
}

#[derive(Debug, Clone)]
pub struct Occurrence {
    /// Byte range of the destination as written.
    pub start: usize,
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// The destination as written in the source.
    pub text: String,
}

impl Mapped<'_> {
    pub fn occurrences(&self) -> &[Occurrence] {
        match &self.place {
            Place::Found(found) => found,
            _ => &[],
        }
    }

    /// The destination as the source writes it, else as the HTML holds it.
    pub fn written(&self) -> &str {
        self.occurrences()
            .first()
            .map(|o| o.text.as_str())
            .or(self.failure.written.as_deref())
            .unwrap_or("")
    }
}

/// Source texts of one site, read once each.
pub struct Sources<'a> {
    site: &'a SiteProof,
    texts: HashMap<&'a str, Option<String>>,
}

impl<'a> Sources<'a> {
    pub fn new(site: &'a SiteProof) -> Self {
        Sources {
            site,
            texts: HashMap::new(),
        }
    }

    pub fn text(&mut self, source: &'a str) -> Option<&str> {
        let root = &self.site.root;
        self.texts
            .entry(source)
            .or_insert_with(|| std::fs::read_to_string(root.join(source)).ok())
            .as_deref()
    }
}

/// Every link failure of `site` (reported and hidden), traced back; other failures (alt text,
/// mailto…) are left to the counts.
pub fn map_site<'a>(site: &'a SiteProof, sources: &mut Sources<'a>) -> Vec<Mapped<'a>> {
    site.every_failure()
        .filter_map(|(failure, hidden)| {
            let kind = Kind::of(failure)?;
            kind.is_link().then(|| {
                let source = site.outputs.get(&failure.file).map(String::as_str);
                let place = match source {
                    None => Place::Generated,
                    Some(source) => match sources.text(source) {
                        Some(text) => place_in(text, failure.written.as_deref().unwrap_or("")),
                        None => Place::NotFound,
                    },
                };
                Mapped {
                    failure,
                    hidden,
                    kind,
                    source,
                    place,
                }
            })
        })
        .collect()
}

fn place_in(text: &str, written: &str) -> Place {
    let body = body_start(text);
    let found = occurrences(text, body, written);
    if !found.is_empty() {
        Place::Found(found)
    } else if text[body..].contains("{{") || text[body..].contains("{%") {
        Place::ComputedByLiquid
    } else {
        Place::NotFound
    }
}

/// Where the content starts: after the front matter, if any.
pub fn body_start(text: &str) -> usize {
    FRONT_MATTER.find(text).map_or(0, |m| m.end())
}

/// Places after `body` where `written` (or its HTML-escaped form) stands as a link
/// destination: after `(`, `<`, a quote, `=`, `}}` (`{{ site.baseurl }}/x`) or `]: ` (a
/// reference definition), and before `)`, `>`, a quote or white space. Plain text that
/// merely contains the same characters (a `#` heading) is not a destination.
pub fn occurrences(text: &str, body: usize, written: &str) -> Vec<Occurrence> {
    let escaped = written.replace('&', "&amp;");
    let mut candidates = vec![written];
    if escaped != written {
        candidates.push(&escaped);
    }
    let mut found = Vec::new();
    for candidate in candidates.into_iter().filter(|c| !c.is_empty()) {
        for (at, _) in text[body..].match_indices(candidate) {
            let start = body + at;
            let end = start + candidate.len();
            if opens_destination(&text[..start]) && closes_destination(&text[end..]) {
                found.push(Occurrence {
                    start,
                    end,
                    line: 1 + text[..start].matches('\n').count(),
                    text: candidate.to_owned(),
                });
            }
        }
    }
    found.sort_by_key(|o| o.start);
    found
}

fn opens_destination(before: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return false;
    };
    matches!(last, '(' | '<' | '"' | '\'' | '=' | '}')
        || (matches!(last, ' ' | '\t') && before.trim_end_matches([' ', '\t']).ends_with("]:"))
}

fn closes_destination(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ')' | '>' | '"' | '\'') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_destination_is_found_where_links_are_written() {
        let text = "---\ntitle: x\nlink: /a/\n---\n# Heading\n[a](/a/) <a href=\"/a/\">\n[r]: /a/\n{{ site.baseurl }}/a/ /a/b\n";
        let lines: Vec<usize> = occurrences(text, body_start(text), "/a/")
            .iter()
            .map(|o| o.line)
            .collect();
        // Not in the front matter (line 3), not as a prefix of /a/b.
        assert_eq!(lines, [6, 6, 7, 8]);
        // A `#` heading is not a placeholder link; `(#)` is.
        let text = "# Title\n[x](#)\n";
        let lines: Vec<usize> = occurrences(text, 0, "#").iter().map(|o| o.line).collect();
        assert_eq!(lines, [2]);
    }

    #[test]
    fn entities_are_found_as_written() {
        let text = "<a href=\"/search?a=1&amp;b=2\">s</a>";
        let found = occurrences(text, 0, "/search?a=1&b=2");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "/search?a=1&amp;b=2");
        assert_eq!(&text[found[0].start..found[0].end], found[0].text);
    }
}
