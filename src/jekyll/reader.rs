//! Which role Jekyll's reader gives a file of the site source (reader.rb `read_directories`,
//! `retrieve_posts`, `get_entries`; collection.rb `read`, `filtered_entries`;
//! entry_filter.rb `filter`, `excluded?`, `glob_include?`): a post, a draft, a document of a
//! collection, a page candidate (a page when it has front matter, else a static file), or a
//! file Jekyll never reads.
//!
//! Paths are relative to the site source, `/`-separated. The model looks at the path only:
//! whether a file has front matter (page or static file) is the caller's business.

use super::site_config::SiteConfig;

/// What Jekyll's reader does with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRole {
    /// In a `_posts` directory Jekyll reads; `entry` is the path below `_posts/` (the post
    /// filename rules of `filename::classify_post_entry` decide the rest).
    Post { entry: String },
    /// In a `_drafts` directory: built only with `show_drafts: true`.
    Draft,
    /// In `_<label>/` of a collection configured in `_config.yml` (not posts).
    Document { label: String },
    /// Anywhere else that the reader walks: a page with front matter, else a static file.
    Page,
    /// The reader never looks at it.
    Ignored(IgnoreReason),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IgnoreReason {
    /// A directory or file name starting with `_`, `.`, `#` or `~` (that is not a collection
    /// or a `_posts`/`_drafts` directory), e.g. `_includes/`, `_about-us/` without a
    /// `collections:` entry.
    Special { component: String },
    /// Ends with `~` (a backup file) or `.`.
    Backup,
    /// Matched by `exclude:` (and not by `include:`).
    Excluded { pattern: String },
    /// A `_posts` or `_drafts` directory outside `collections_dir`.
    OutsideCollectionsDir,
}

/// `File.fnmatch?(pattern, path)` with no flags, as EntryFilter calls it: `*` and `?` also
/// match `/`, `[...]` is a character class, `\` escapes. Patterns and paths here are joined
/// to the source directory first, so a leading dot never needs special treatment.
pub fn ruby_fnmatch(pattern: &str, path: &str) -> bool {
    // Most patterns (Jekyll's default excludes) are plain names: no need to match by char.
    if !pattern
        .bytes()
        .any(|b| matches!(b, b'*' | b'?' | b'[' | b'\\'))
    {
        return pattern == path;
    }
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    fnmatch_at(&p, &s)
}

fn fnmatch_at(p: &[char], s: &[char]) -> bool {
    // Iterative matcher with backtracking on the last `*` (linear for typical patterns).
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, si));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = class_match(p, pi, s[si])
                        && matched
                    {
                        pi = next;
                        si += 1;
                        continue;
                    }
                }
                '\\' if pi + 1 < p.len() && p[pi + 1] == s[si] => {
                    pi += 2;
                    si += 1;
                    continue;
                }
                // An escaped character that does not match here.
                '\\' if pi + 1 < p.len() => {}
                c if c == s[si] => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((star_pi, star_si)) => {
                pi = star_pi + 1;
                si = star_si + 1;
                star = Some((star_pi, star_si + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// A `[...]` class at `p[start]`: (does `c` match, index after the class). `None` when the
/// class is not closed (then `[` is an ordinary character for Ruby; we treat it as no match).
fn class_match(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some('!' | '^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() && (p[i] != ']' || first) {
        first = false;
        let lo = if p[i] == '\\' && i + 1 < p.len() {
            i += 1;
            p[i]
        } else {
            p[i]
        };
        if p.get(i + 1) == Some(&'-') && p.get(i + 2).is_some_and(|&h| h != ']') {
            let hi = p[i + 2];
            matched |= lo <= c && c <= hi;
            i += 3;
        } else {
            matched |= lo == c;
            i += 1;
        }
    }
    (i < p.len()).then_some((matched != negate, i + 1))
}

/// `glob_include?(patterns, entry)` for an entry relative to the source: a pattern matches
/// by `fnmatch`, or as a prefix of the path (`vendor/bundle/` covers everything inside, and
/// `Gemfile` also covers `Gemfile.lock`).
fn glob_include<'a>(
    patterns: impl IntoIterator<Item = &'a String>,
    entry: &str,
) -> Option<&'a str> {
    // Jekyll matches `"/#{pattern}"` against `"/#{entry}"`; the shared leading `/` changes
    // nothing, so both are compared without it.
    patterns
        .into_iter()
        .find(|pattern| {
            let pattern = pattern.trim_start_matches('/');
            ruby_fnmatch(pattern, entry) || entry.starts_with(pattern)
        })
        .map(String::as_str)
}

fn is_special(name: &str) -> bool {
    name.starts_with(['.', '_', '#', '~'])
}

/// `EntryFilter#filter` for one entry: `relative` is the entry as the reader lists it (a name,
/// or a path below `_posts`/a collection), `from_source` the same entry relative to the
/// source (what `exclude` is matched against).
fn filter(site: &SiteConfig, relative: &str, from_source: &str) -> Result<(), IgnoreReason> {
    if relative.ends_with('.') {
        return Err(IgnoreReason::Backup);
    }
    let name = super::filename::basename(relative);
    let included = glob_include(&site.include, relative).is_some()
        || glob_include(&site.include, name).is_some();
    let excludes = site.exclude.iter().filter(|e| !site.include.contains(e));
    if let Some(pattern) = glob_include(excludes, from_source)
        && !included
    {
        return Err(IgnoreReason::Excluded {
            pattern: pattern.to_owned(),
        });
    }
    if included {
        return Ok(());
    }
    if is_special(relative) || is_special(name) {
        let component = if is_special(relative) {
            relative.split('/').next().unwrap_or(relative)
        } else {
            name
        };
        return Err(IgnoreReason::Special {
            component: component.to_owned(),
        });
    }
    if relative.ends_with('~') {
        return Err(IgnoreReason::Backup);
    }
    Ok(())
}

/// The role of `source_path` (relative to the site source) in a Jekyll build.
pub fn source_role(site: &SiteConfig, source_path: &str) -> SourceRole {
    let dir = site.collections_dir.trim_matches('/');
    let in_collections_dir = if dir.is_empty() {
        Some(source_path)
    } else {
        source_path
            .strip_prefix(dir)
            .and_then(|rest| rest.strip_prefix('/'))
    };
    // Collections other than posts: `<collections_dir>/_<label>/**`.
    if let Some(inside) = in_collections_dir {
        for collection in site.collections.iter().filter(|c| c.label != "posts") {
            let relative_directory = format!("_{}", collection.label);
            if let Some(entry) = inside
                .strip_prefix(&relative_directory)
                .and_then(|rest| rest.strip_prefix('/'))
            {
                // The collection's EntryFilter lists entries relative to the collection and
                // matches `exclude` against `_<label>/<entry>` (not prefixed by collections_dir).
                let from_source = format!("{relative_directory}/{entry}");
                return match filter(site, entry, &from_source) {
                    Ok(()) => SourceRole::Document {
                        label: collection.label.clone(),
                    },
                    Err(reason) => SourceRole::Ignored(reason),
                };
            }
        }
    }
    // The reader walks directories from the source root; each walked directory's own
    // `_posts`/`_drafts` are read. Every component on the way must pass the filter.
    let parts: Vec<&str> = source_path.split('/').collect();
    let mut walked = String::new();
    for (index, part) in parts.iter().enumerate() {
        let is_last = index + 1 == parts.len();
        if !is_last && (*part == "_posts" || *part == "_drafts") {
            let inside = dir.is_empty() || walked == dir || walked.starts_with(&format!("{dir}/"));
            if !inside {
                return SourceRole::Ignored(IgnoreReason::OutsideCollectionsDir);
            }
            let entry = parts[index + 1..].join("/");
            let magic_dir = if walked.is_empty() {
                (*part).to_owned()
            } else {
                format!("{walked}/{part}")
            };
            let from_source = format!("{magic_dir}/{entry}");
            if let Err(reason) = filter(site, &entry, &from_source) {
                return SourceRole::Ignored(reason);
            }
            return if *part == "_posts" {
                SourceRole::Post { entry }
            } else {
                SourceRole::Draft
            };
        }
        let from_source = if walked.is_empty() {
            (*part).to_owned()
        } else {
            format!("{walked}/{part}")
        };
        if let Err(reason) = filter(site, part, &from_source) {
            return SourceRole::Ignored(reason);
        }
        walked = from_source;
    }
    SourceRole::Page
}
