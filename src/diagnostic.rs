//! The one diagnostic model every reporter reads: what a rule found, where, and how to fix it.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::source::Position;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule reports: a byte range in the post's source and words for the author. The rule
/// does not know its own code or severity; the engine adds them from the registry and config.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub range: Range<usize>,
    pub message: String,
    pub help: Option<String>,
    /// Other places that explain this one (the first occurrence of a duplicate key, the other
    /// file publishing to the same URL).
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(range: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            range,
            message: message.into(),
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A secondary location. `path` is `None` for a place in the same file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<Arc<str>>,
    #[serde(skip)]
    pub range: Range<usize>,
    pub message: String,
}

impl Related {
    pub fn here(range: Range<usize>, message: impl Into<String>) -> Self {
        Related {
            path: None,
            range,
            message: message.into(),
        }
    }
}

/// What resolves a finding: non-overlapping text replacements and, for a file Jekyll would
/// skip or whose name disagrees with its front matter, a new name for the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
    /// Rename the file, in its folder, after the edits are written. A file is never renamed
    /// onto an existing one, and text without a file (standard input) is never renamed.
    pub rename: Option<Rename>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            applicability: Applicability::Safe,
            edits,
            rename: None,
        }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            applicability: Applicability::Unsafe,
            edits,
            rename: None,
        }
    }

    /// A fix that only renames the file. Renames are unsafe: links to the old name
    /// (`{% post_url %}`, `{% link %}`, bookmarks of the repository) stop working.
    pub fn rename(title: impl Into<String>, new_name: impl Into<String>) -> Self {
        Fix {
            title: title.into(),
            applicability: Applicability::Unsafe,
            edits: Vec::new(),
            rename: Some(Rename {
                new_name: new_name.into(),
            }),
        }
    }
}

/// A new name for the file a diagnostic is in: a file name only (no `/`), in the same folder.
/// With the diagnostic's path this is what a language server's `RenameFile` needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rename {
    pub new_name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the author intended; applied by `--fix`.
    Safe,
    /// Changes what Jekyll publishes; applied only with `--unsafe-fixes`.
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(skip)]
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn new(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }
}

/// A finding placed in a file, with its rule's identity and the effective severity.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub path: Arc<str>,
    pub range: Range<usize>,
    pub start: Position,
    pub end: Position,
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<RelatedLocation>,
    pub fix: Option<Fix>,
}

/// A related place resolved to a path and positions, ready for any reporter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedLocation {
    pub path: Arc<str>,
    #[serde(skip)]
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    /// The order of every report: path, then line, then column, then code.
    pub fn sort_key(&self) -> (&str, Position, &str) {
        (&self.path, self.start, self.code)
    }
}
