//! Suppression comments: turning a rule off for a line, a region or a file.
//!
//! In front matter (YAML comments):
//! - `# frontlint-disable-line CODE` — this line;
//! - `# frontlint-disable-next-line CODE` — the next line.
//!
//! In the Markdown body (HTML comments, ignored inside code):
//! - `<!-- frontlint-disable CODE -->` … `<!-- frontlint-enable -->` — the lines between;
//! - `<!-- frontlint-disable-file CODE -->` — the whole file, front matter included;
//! - `<!-- frontlint-disable-line CODE -->`, `<!-- frontlint-disable-next-line CODE -->`.
//!
//! CODE is a rule code or name, several separated by commas or spaces; none means every rule.
//! A directive that suppresses nothing is reported by `unused-suppression` (like ruff's RUF100).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use crate::diagnostic::Diagnostic;
use crate::front_matter::Split;
use crate::post::Post;
use crate::registry;

const PREFIX: &str = "frontlint-";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment, as a byte range in the file.
    pub span: Range<usize>,
    /// 1-based line of the comment.
    pub line: usize,
    pub scope: Scope,
    /// The codes of the rules named; empty means every rule.
    pub rules: Vec<&'static str>,
    /// Words that name no rule.
    pub unknown: Vec<String>,
    /// Which of `rules` (or, for "every rule", index 0) suppressed something.
    pub used: Vec<bool>,
    /// The comment is alone on its line (a fix may delete the line).
    pub whole_line: bool,
    /// For a `disable` region: the `frontlint-enable` comment that ends it, when it ends no
    /// other region (removing an unused region removes it too).
    pub ended_by: Option<Comment>,
}

/// A comment in the file: where it is, and whether it is alone on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Range<usize>,
    pub whole_line: bool,
}

impl Directive {
    /// No rule named at all (names that are not rules do not count as "all").
    pub fn suppresses_everything(&self) -> bool {
        self.rules.is_empty() && self.unknown.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Lines `from..=to` (1-based).
    Lines {
        from: usize,
        to: usize,
    },
    File,
}

/// The directives of one file.
#[derive(Debug, Default, Clone)]
pub struct Suppressions {
    pub directives: Vec<Directive>,
    /// `frontlint-enable` comments that end no `frontlint-disable` region.
    pub orphan_enables: Vec<Comment>,
}

impl Suppressions {
    /// Find the directives in a post. Cheap when there are none: the text is searched for
    /// `frontlint-` before anything is parsed.
    pub fn parse(post: &Post) -> Suppressions {
        let text = &post.source.text;
        // A vectorised search built once: `str::contains` was 1.5% of a whole-site run.
        static FINDER: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new(PREFIX));
        if FINDER.find(text.as_bytes()).is_none() {
            return Suppressions::default();
        }
        let mut found = Suppressions::default();
        if let Split::Present(block) = &post.split {
            front_matter_directives(post, block.inner(), &mut found.directives);
        }
        body_directives(post, &mut found);
        found
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty() && self.orphan_enables.is_empty()
    }

    /// Remove suppressed diagnostics, remembering which directives were used.
    pub fn filter(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        if self.directives.is_empty() {
            return;
        }
        diagnostics.retain(|diagnostic| !self.suppresses(diagnostic));
    }

    /// Is `diagnostic` suppressed? Marks the directives that suppress it as used.
    pub fn suppresses(&mut self, diagnostic: &Diagnostic) -> bool {
        let line = diagnostic.start.line;
        let mut suppressed = false;
        for directive in &mut self.directives {
            let in_scope = match directive.scope {
                Scope::File => true,
                Scope::Lines { from, to } => (from..=to).contains(&line),
            };
            if !in_scope {
                continue;
            }
            if directive.suppresses_everything() {
                directive.used[0] = true;
                suppressed = true;
            } else if let Some(i) = directive.rules.iter().position(|&r| r == diagnostic.code) {
                directive.used[i] = true;
                suppressed = true;
            }
        }
        suppressed
    }
}

fn front_matter_directives(post: &Post, inner: Range<usize>, out: &mut Vec<Directive>) {
    let text = &post.source.text;
    let mut offset = inner.start;
    for line in text[inner.clone()].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(hash) = comment_start(line) else {
            continue;
        };
        let comment = line[hash + 1..].trim();
        let Some((kind, words)) = comment.strip_prefix(PREFIX).map(split_kind) else {
            continue;
        };
        let line_number = post.source.position(start).line;
        let scope = match kind {
            "disable-line" => Scope::Lines {
                from: line_number,
                to: line_number,
            },
            "disable-next-line" => Scope::Lines {
                from: line_number + 1,
                to: line_number + 1,
            },
            _ => continue,
        };
        let whole_line = line[..hash].trim().is_empty();
        // A trailing comment is removed with the blanks before it.
        let comment_start = if whole_line {
            0
        } else {
            line[..hash].trim_end().len()
        };
        let comment_end = line.trim_end_matches(['\n', '\r']).len();
        out.push(directive(
            start + comment_start..start + comment_end,
            line_number,
            scope,
            words,
            whole_line,
        ));
    }
}

/// Where a YAML comment starts: `#` at the start of the line or after a blank.
fn comment_start(line: &str) -> Option<usize> {
    line.match_indices('#')
        .map(|(i, _)| i)
        .find(|&i| i == 0 || line[..i].ends_with([' ', '\t']))
        .filter(|&i| line[i + 1..].trim_start().starts_with(PREFIX))
}

fn body_directives(post: &Post, into: &mut Suppressions) {
    let text = &post.source.text;
    let body = post.body();
    if !text[body.clone()].contains(PREFIX) {
        return;
    }
    // Comments inside code (and other regions kramdown does not parse) are text.
    let scan = crate::markdown::scan(&text[body.clone()], body.start);
    let code: Vec<Range<usize>> = scan
        .skipped
        .iter()
        .filter(|s| s.kind != crate::markdown::SkippedKind::HtmlComment)
        .map(|s| s.span.start..s.span.end)
        .collect();
    let last_line = post.source.position(text.len()).line;
    let out = &mut into.directives;
    let mut open: Vec<usize> = Vec::new();
    let mut cursor = body.start;
    while let Some(found) = text[cursor..body.end].find("<!--") {
        let start = cursor + found;
        let Some(close) = text[start..body.end].find("-->") else {
            break;
        };
        let span = start..start + close + 3;
        cursor = span.end;
        let in_code = code
            .iter()
            .any(|c| c.start <= span.start && span.start < c.end);
        if in_code || in_code_span(text, span.start) {
            continue;
        }
        let inside = text[span.clone()]
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Some((kind, words)) = inside.strip_prefix(PREFIX).map(split_kind) else {
            continue;
        };
        let line = post.source.position(span.start).line;
        let line_range = post.source.lines().line_range(text, line - 1);
        let whole_line = text[line_range].trim() == text[span.clone()].trim();
        let scope = match kind {
            "disable-line" => Scope::Lines {
                from: line,
                to: line,
            },
            "disable-next-line" => Scope::Lines {
                from: line + 1,
                to: line + 1,
            },
            "disable-file" => Scope::File,
            "disable" => Scope::Lines {
                from: line,
                to: last_line,
            },
            "enable" => {
                let comment = Comment { span, whole_line };
                let ended = close_regions(out, &open, line, words);
                match ended.as_slice() {
                    [] => into.orphan_enables.push(comment),
                    [only] => out[*only].ended_by = Some(comment),
                    // Shared by several regions: it stays until the last of them goes, and
                    // is then an orphan of its own.
                    _ => {}
                }
                continue;
            }
            _ => continue,
        };
        if kind == "disable" {
            open.push(out.len());
        }
        out.push(directive(span, line, scope, words, whole_line));
    }
}

/// Is `offset` inside an inline code span (`` `<!-- like this -->` ``)? An odd number of
/// backticks before it on its line says so (kramdown's code spans do not cross lines here).
fn in_code_span(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].matches('`').count() % 2 == 1
}

/// `frontlint-enable [CODE…]` ends the open `disable` regions for those rules (all of them
/// without codes) on the line before it. Returns the regions it ended.
fn close_regions(out: &mut [Directive], open: &[usize], line: usize, words: &str) -> Vec<usize> {
    let (rules, _) = parse_rules(words);
    let mut ended = Vec::new();
    for &index in open {
        let directive = &mut out[index];
        let matches = rules.is_empty() || directive.rules.iter().any(|r| rules.contains(r));
        if let Scope::Lines { from, to } = directive.scope
            && matches
            && to >= line
        {
            directive.scope = Scope::Lines {
                from,
                to: line.saturating_sub(1).max(from),
            };
            ended.push(index);
        }
    }
    ended
}

fn split_kind(rest: &str) -> (&str, &str) {
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    (&rest[..end], rest[end..].trim())
}

fn directive(
    span: Range<usize>,
    line: usize,
    scope: Scope,
    words: &str,
    whole_line: bool,
) -> Directive {
    let (rules, unknown) = parse_rules(words);
    let used = vec![false; rules.len().max(1)];
    Directive {
        span,
        line,
        scope,
        rules,
        unknown,
        used,
        whole_line,
        ended_by: None,
    }
}

fn parse_rules(words: &str) -> (Vec<&'static str>, Vec<String>) {
    let mut rules = Vec::new();
    let mut unknown = Vec::new();
    // A second `#` starts a remark about the directive (`# frontlint-disable-line FL104 # why`).
    let words = words.split('#').next().unwrap_or("");
    for word in words
        .split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        match registry::find(word) {
            Some(rule) if !rules.contains(&rule.code) => rules.push(rule.code),
            Some(_) => {}
            None => unknown.push(word.to_owned()),
        }
    }
    (rules, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn post(text: &str) -> Post {
        Post::new(Source::new("x.md", text), "_posts/x.md".to_owned(), None)
    }

    #[test]
    fn finds_front_matter_and_body_directives() {
        let text = "---\ntitle: a # frontlint-disable-line FL104, implicit-yaml-type\n# frontlint-disable-next-line\nx: 1\n---\n\n<!-- frontlint-disable FL501 -->\ntext\n<!-- frontlint-enable -->\n\n```\n<!-- frontlint-disable-file FL104 -->\n```\n<!-- frontlint-disable-file nope -->\n";
        let found = Suppressions::parse(&post(text)).directives;
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(found[0].scope, Scope::Lines { from: 2, to: 2 });
        assert_eq!(found[0].rules, ["FL104", "FL107"]);
        assert_eq!(
            &text[found[0].span.clone()],
            " # frontlint-disable-line FL104, implicit-yaml-type"
        );
        assert_eq!(found[1].scope, Scope::Lines { from: 4, to: 4 });
        assert!(found[1].rules.is_empty() && found[1].whole_line);
        // The region ends on the line before `enable`.
        assert_eq!(found[2].scope, Scope::Lines { from: 7, to: 8 });
        // The directive inside the fenced code block is text, not a directive.
        assert_eq!(found[3].scope, Scope::File);
        assert_eq!(found[3].unknown, ["nope"]);
    }

    #[test]
    fn a_region_knows_its_enable_and_an_enable_that_ends_nothing_is_an_orphan() {
        let text = "---\ntitle: a\n---\n<!-- frontlint-enable -->\n<!-- frontlint-disable FL501 -->\nx\n<!-- frontlint-enable -->\n<!-- frontlint-enable FL501 -->\n<!-- frontlint-disable FL501 -->\n<!-- frontlint-disable FL502 -->\n<!-- frontlint-enable -->\n";
        let found = Suppressions::parse(&post(text));
        let orphans: Vec<&str> = found
            .orphan_enables
            .iter()
            .map(|c| &text[c.span.clone()])
            .collect();
        assert_eq!(
            orphans,
            [
                "<!-- frontlint-enable -->",
                "<!-- frontlint-enable FL501 -->"
            ]
        );
        assert_eq!(found.orphan_enables[0].span.start, 17);
        let ended_by = found.directives[0].ended_by.as_ref().expect("ended");
        assert_eq!(&text[ended_by.span.clone()], "<!-- frontlint-enable -->");
        assert!(ended_by.span.start > found.directives[0].span.end);
        // One `enable` ending two regions belongs to neither.
        assert_eq!(found.directives[1].ended_by, None);
        assert_eq!(found.directives[2].ended_by, None);
        assert_eq!(found.directives[2].scope, Scope::Lines { from: 10, to: 10 });
    }

    #[test]
    fn no_directives_costs_nothing() {
        assert!(Suppressions::parse(&post("---\ntitle: a\n---\ntext\n")).is_empty());
    }
}
