//! Front matter defaults (frontmatter_defaults.rb): which `defaults:` sets apply to a file
//! and how they merge. Jekyll globs scope paths against the disk (`Dir.glob`); as a pure
//! model we match the glob against the file's own path and its parent directories, which is
//! what those globs can find for an existing file.

use super::site_config::scalar_to_s;
use globset::{GlobBuilder, GlobMatcher};
use yaml_serde::{Mapping, Value};

/// One entry of `defaults:`.
#[derive(Debug, Clone)]
pub struct DefaultSet {
    /// `scope` was present (a set without one applies everywhere).
    pub has_scope: bool,
    /// `scope.path` when it is a string.
    pub path: Option<String>,
    /// `scope.type`, with Jekyll's deprecated singulars (`post`, `page`, `draft`) renamed.
    pub kind: Option<String>,
    pub values: Mapping,
    glob: Option<GlobMatcher>,
}

impl PartialEq for DefaultSet {
    fn eq(&self, other: &Self) -> bool {
        (self.has_scope, &self.path, &self.kind, &self.values)
            == (other.has_scope, &other.path, &other.kind, &other.values)
    }
}

/// `sanitize_path`: only a leading `/` is removed (and only from strings starting with it).
fn sanitize_path(path: &str) -> &str {
    path.strip_prefix('/').unwrap_or(path)
}

impl DefaultSet {
    /// `valid_sets`: entries that are mappings with a `values` mapping; others are skipped
    /// (Jekyll warns "An invalid front-matter default set was found").
    pub fn parse_all(value: &Value) -> Vec<DefaultSet> {
        let Some(seq) = value.as_sequence() else {
            return Vec::new();
        };
        seq.iter().filter_map(DefaultSet::parse).collect()
    }

    fn parse(set: &Value) -> Option<DefaultSet> {
        let values = set.get("values")?.as_mapping()?.clone();
        let scope = set.get("scope");
        let path = scope
            .and_then(|s| s.get("path"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let kind = scope
            .and_then(|s| s.get("type"))
            .filter(|v| !v.is_null())
            .map(|t| match scalar_to_s(t).as_str() {
                "page" => "pages".to_string(),
                "post" => "posts".to_string(),
                "draft" => "drafts".to_string(),
                other => other.to_string(),
            });
        // Dir.glob-like: `*` stays within a directory, `**/` crosses them, `{a,b}` works.
        let glob = path.as_deref().filter(|p| p.contains('*')).and_then(|p| {
            GlobBuilder::new(p)
                .literal_separator(true)
                .build()
                .ok()
                .map(|g| g.compile_matcher())
        });
        Some(DefaultSet {
            has_scope: scope.is_some(),
            path,
            kind,
            values,
            glob,
        })
    }

    /// `applies?(scope, path, type)`. `source_path` is the file relative to the site source;
    /// `relative_path` is Jekyll's `relative_path` (for collection documents, relative to
    /// `collections_dir`).
    fn applies(
        &self,
        source_path: &str,
        relative_path: &str,
        doc_type: &str,
        collections_dir: &str,
    ) -> bool {
        if !self.has_scope {
            return true;
        }
        if self.kind.as_deref().is_some_and(|k| k != doc_type) {
            return false;
        }
        let scope_path = match self.path.as_deref() {
            None | Some("") => return true,
            Some(p) => p,
        };
        let sanitized = sanitize_path(relative_path);
        match &self.glob {
            // An absolute pattern is joined to the filesystem root by Pathname and finds nothing.
            Some(glob) => {
                !scope_path.starts_with('/')
                    && ancestors_and_self(source_path).any(|p| {
                        glob.is_match(p)
                            && sanitized.starts_with(strip_collections_dir(p, collections_dir))
                    })
            }
            // The scope path itself is not sanitised: a leading `/` never matches.
            None => sanitized.starts_with(strip_collections_dir(scope_path, collections_dir)),
        }
    }

    /// `has_precedence?(old_scope, new_scope)`: a longer scope path wins; on a tie a scope
    /// with `type` wins over one without.
    fn has_precedence_over(&self, old: Option<&DefaultSet>) -> bool {
        let Some(old) = old else { return true };
        let len = |s: &DefaultSet| sanitize_path(s.path.as_deref().unwrap_or("")).len();
        if len(self) != len(old) {
            len(self) >= len(old)
        } else {
            self.kind.is_some() || old.kind.is_none()
        }
    }
}

fn strip_collections_dir<'a>(path: &'a str, collections_dir: &str) -> &'a str {
    if collections_dir.is_empty() {
        return path;
    }
    path.strip_prefix(collections_dir)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or(path)
}

/// `a/b/c.md` -> `a`, `a/b`, `a/b/c.md`.
fn ancestors_and_self(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/')
        .map(move |(i, _)| &path[..i])
        .chain(std::iter::once(path))
}

/// `Utils.deep_merge_hashes(master, other)`: `other` wins, mappings merge recursively, and
/// a null in `other` keeps the old value.
pub fn deep_merge(master: &Mapping, other: &Mapping) -> Mapping {
    let mut out = master.clone();
    for (key, new) in other {
        let merged = match (out.get(key), new) {
            (Some(old), Value::Null) => old.clone(),
            (Some(Value::Mapping(old)), Value::Mapping(new)) => {
                Value::Mapping(deep_merge(old, new))
            }
            _ => new.clone(),
        };
        out.insert(key.clone(), merged);
    }
    out
}

/// `FrontmatterDefaults#all(path, type)`: every applicable set merged, later and more
/// specific sets winning. `doc_type` is the collection label (`posts`, `drafts`, `pages`).
pub fn defaults_for(
    sets: &[DefaultSet],
    source_path: &str,
    relative_path: &str,
    doc_type: &str,
    collections_dir: &str,
) -> Mapping {
    let mut merged = Mapping::new();
    let mut winner: Option<&DefaultSet> = None;
    for set in sets
        .iter()
        .filter(|s| s.applies(source_path, relative_path, doc_type, collections_dir))
    {
        if set.has_precedence_over(winner) {
            merged = deep_merge(&merged, &set.values);
            winner = Some(set);
        } else {
            merged = deep_merge(&set.values, &merged);
        }
    }
    merged
}

/// `FrontmatterDefaults#find(path, type, key)`: the value of one key.
pub fn default_value(
    sets: &[DefaultSet],
    source_path: &str,
    relative_path: &str,
    doc_type: &str,
    collections_dir: &str,
    key: &str,
) -> Option<Value> {
    let mut value = None;
    let mut winner: Option<&DefaultSet> = None;
    for set in sets
        .iter()
        .filter(|s| s.applies(source_path, relative_path, doc_type, collections_dir))
    {
        if let Some(v) = set.values.get(key)
            && set.has_precedence_over(winner)
        {
            value = Some(v.clone());
            winner = Some(set);
        }
    }
    value
}
