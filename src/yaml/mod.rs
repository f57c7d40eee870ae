//! Front matter YAML as a small tree in which every key and value knows its byte range in the
//! file. Built from `saphyr-parser` events; aliases are kept as references (never expanded), so
//! an alias bomb costs nothing.

mod build;
mod error;
mod explain;
mod repair;

use std::ops::Range;

pub use build::{MAX_DEPTH, parse};
pub use error::{YamlError, YamlErrorKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte range in the file: a scalar without surrounding whitespace (quotes included), a
    /// collection from its first to its last character.
    pub span: Range<usize>,
    pub value: Value,
    /// The tag written before the node (`!!str`, `!ruby/object:Foo`), if any.
    pub tag: Option<String>,
    /// [`Node::resolved`], worked out once: several rules and the site model ask.
    pub resolved: ResolvedCache,
}

/// A memo that takes no part in comparing nodes.
#[derive(Debug, Clone, Default)]
pub struct ResolvedCache(std::sync::OnceLock<Option<crate::yaml11::Resolved>>);

impl PartialEq for ResolvedCache {
    fn eq(&self, _: &ResolvedCache) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Scalar(Scalar),
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
    /// `*name`: a reference to an anchored node (kept unexpanded).
    Alias,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The scalar's content after YAML unquoting and folding.
    pub text: String,
    pub style: ScalarStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

impl Node {
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(scalar) => Some(scalar),
            _ => None,
        }
    }

    pub fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    /// The text of a scalar key (`None` for a collection or alias used as a key).
    pub fn key_text(&self) -> Option<&str> {
        self.as_scalar().map(|scalar| scalar.text.as_str())
    }

    /// The value of `key` in a mapping, as Jekyll sees it: with duplicate keys, the last wins.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.as_mapping()?
            .iter()
            .rev()
            .find(|entry| entry.key.key_text() == Some(key))
    }

    /// A plain scalar is the only kind whose type YAML guesses from its text.
    pub fn is_plain_scalar(&self) -> bool {
        self.tag.is_none()
            && matches!(&self.value, Value::Scalar(s) if s.style == ScalarStyle::Plain)
    }

    /// Short description for messages: "a list", "a mapping", "text".
    pub fn shape_name(&self) -> &'static str {
        match self.value {
            Value::Scalar(_) => "a single value",
            Value::Sequence(_) => "a list",
            Value::Mapping(_) => "a mapping",
            Value::Alias => "an alias",
        }
    }
}

impl Node {
    /// What Jekyll's YAML loader makes of this scalar: plain scalars are typed by YAML 1.1's
    /// rules, quoted and block scalars (and `!!str`) are text. `None` for collections, aliases
    /// and other tags.
    pub fn resolved(&self) -> Option<&crate::yaml11::Resolved> {
        self.resolved.0.get_or_init(|| self.resolve()).as_ref()
    }

    fn resolve(&self) -> Option<crate::yaml11::Resolved> {
        let scalar = self.as_scalar()?;
        match self.tag.as_deref() {
            None if scalar.style == ScalarStyle::Plain => {
                Some(crate::yaml11::resolve_plain(&scalar.text))
            }
            None | Some("!!str") => Some(crate::yaml11::Resolved::Str(scalar.text.clone())),
            Some(_) => None,
        }
    }
}
