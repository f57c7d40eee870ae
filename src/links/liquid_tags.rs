//! Jekyll's link tags in a page's text: `{% link path %}` (a source file's URL) and
//! `{% post_url name %}` (a post's URL). Liquid runs before Markdown, over the whole text —
//! code included — except inside `{% raw %}` and `{% comment %}` blocks.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?[ \t\r\n]*(link|post_url)[ \t\r\n]+([^%]*?)[ \t\r\n]*-?%\}").expect("regex")
});

/// One link tag: which, its argument as written, and where the argument is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTag {
    pub post_url: bool,
    pub argument: String,
    pub span: Range<usize>,
}

/// The link tags of `text` outside `skipped` (ranges of `text`: Liquid raw/comment blocks).
pub fn link_tags(text: &str, skipped: &[Range<usize>]) -> Vec<LinkTag> {
    if !text.contains("{%") {
        return Vec::new();
    }
    TAG.captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            if skipped
                .iter()
                .any(|s| s.start <= whole.start() && whole.end() <= s.end)
            {
                return None;
            }
            let argument = caps.get(2)?;
            Some(LinkTag {
                post_url: &caps[1] == "post_url",
                argument: argument.as_str().to_owned(),
                span: argument.range(),
            })
        })
        .collect()
}

/// `PostComparer`: does the post at `source_path` (relative to the site, `…/_posts/…`) match
/// `name` (`2020-01-05-title`, or `news/2020-01-05-title` for a post in `news/_posts/`)?
/// `MATCHER = %r!^(.+/)*(\d+-\d+-\d+)-(.*)$!`, then the post's path against
/// `^_posts/#{path}#{date}-#{slug}\.[^.]+` or `^#{path}_posts/?#{date}-#{slug}\.[^.]+`.
/// `None` when the name has no date: Jekyll stops the build at the tag.
pub fn post_url_matches(name: &str, source_path: &str) -> Option<bool> {
    let name = name.strip_prefix('/').unwrap_or(name);
    let (dir, file) = match name.rfind('/') {
        Some(at) => (&name[..at + 1], &name[at + 1..]),
        None => ("", name),
    };
    let valid = file.splitn(4, '-').collect::<Vec<_>>();
    let dated = valid.len() == 4
        && valid[..3]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !dated {
        return None;
    }
    // `\.[^.]+` with no end anchor: any extension, and anything after it.
    let matches_rest = |rest: &str| {
        rest.strip_prefix(file)
            .is_some_and(|ext| ext.len() > 1 && ext.starts_with('.') && ext.as_bytes()[1] != b'.')
    };
    let first = source_path
        .strip_prefix("_posts/")
        .and_then(|rest| rest.strip_prefix(dir))
        .is_some_and(matches_rest);
    let second = source_path.strip_prefix(dir).is_some_and(|rest| {
        rest.strip_prefix("_posts")
            .map(|r| r.strip_prefix('/').unwrap_or(r))
            .is_some_and(matches_rest)
    });
    Some(first || second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_outside_raw_blocks_are_found() {
        let text = "[a]({% link _posts/2020-01-01-a.md %}) {%raw%}{% link x.md %}{%endraw%} {%- post_url 2020-01-01-a -%}";
        let raw = text.find("{%raw%}").unwrap()..text.find("{%endraw%}").unwrap() + 10;
        let tags = link_tags(text, &[raw]);
        assert_eq!(tags.len(), 2);
        assert_eq!(tags[0].argument, "_posts/2020-01-01-a.md");
        assert_eq!(&text[tags[0].span.clone()], "_posts/2020-01-01-a.md");
        assert!(tags[1].post_url);
        assert_eq!(tags[1].argument, "2020-01-01-a");
    }

    #[test]
    fn post_names_match_like_jekyll() {
        assert_eq!(
            post_url_matches("2020-01-01-a", "_posts/2020-01-01-a.md"),
            Some(true)
        );
        assert_eq!(
            post_url_matches("news/2020-01-01-a", "news/_posts/2020-01-01-a.md"),
            Some(true)
        );
        assert_eq!(
            post_url_matches("news/2020-01-01-a", "_posts/news/2020-01-01-a.markdown"),
            Some(true)
        );
        assert_eq!(
            post_url_matches("2020-01-01-a", "news/_posts/2020-01-01-a.md"),
            Some(false)
        );
        // No end anchor in Jekyll's pattern: `a.b.md` is `a` with the extension `.b…`.
        assert_eq!(
            post_url_matches("2020-01-01-a", "_posts/2020-01-01-a.b.md"),
            Some(true)
        );
        assert_eq!(
            post_url_matches("2020-01-01-a", "_posts/2020-01-01-ab.md"),
            Some(false)
        );
        assert_eq!(post_url_matches("a-post", "_posts/2020-01-01-a.md"), None);
    }
}
