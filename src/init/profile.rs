//! What `frontlint init` learns from a site: its files grouped into collections, and for each
//! collection how often each field appears, with which types and values.

use std::collections::BTreeMap;

use crate::post::Post;
use crate::yaml::{Node, Value};
use crate::yaml11::Resolved;

/// One group of files that will become one `collections:` entry.
#[derive(Debug, Default)]
pub struct GroupProfile {
    /// The glob that selects the group, relative to the site root.
    pub pattern: String,
    pub files: usize,
    /// Files that have readable front matter (the denominator of field counts).
    pub with_front_matter: usize,
    pub fields: BTreeMap<String, FieldProfile>,
}

#[derive(Debug, Default)]
pub struct FieldProfile {
    /// Files in which the field is set.
    pub present: usize,
    /// Files in which it is set but empty.
    pub empty: usize,
    /// How many values had each type name (`string`, `date`, `integer`, …).
    pub types: BTreeMap<&'static str, usize>,
    /// Distinct text values and their counts, for short texts; `None` once there are too many
    /// to be a set of allowed values.
    pub values: Option<BTreeMap<String, usize>>,
}

/// Above this many distinct values a field is free text, not a choice.
const MAX_TRACKED_VALUES: usize = 12;

impl GroupProfile {
    pub fn new(pattern: String) -> Self {
        GroupProfile {
            pattern,
            ..GroupProfile::default()
        }
    }

    pub fn add(&mut self, post: &Post) {
        self.files += 1;
        let Some(entries) = post.fields() else {
            return;
        };
        self.with_front_matter += 1;
        // A key written twice counts once, with the value Jekyll keeps (the last).
        let mut seen = std::collections::HashSet::new();
        for entry in entries.iter().rev() {
            let Some(name) = entry.key.key_text() else {
                continue;
            };
            if !seen.insert(name) {
                continue;
            }
            let field = self
                .fields
                .entry(name.to_owned())
                .or_insert_with(|| FieldProfile {
                    values: Some(BTreeMap::new()),
                    ..FieldProfile::default()
                });
            field.add(&entry.value);
        }
    }
}

impl FieldProfile {
    fn add(&mut self, value: &Node) {
        self.present += 1;
        let kind = type_name(value);
        if kind == "empty" {
            self.empty += 1;
            return;
        }
        *self.types.entry(kind).or_default() += 1;
        let text = value
            .as_scalar()
            .map(|s| s.text.as_str())
            .filter(|t| t.chars().count() <= 40);
        match (text, &mut self.values) {
            (Some(text), Some(values)) => {
                *values.entry(text.to_owned()).or_default() += 1;
                if values.len() > MAX_TRACKED_VALUES {
                    self.values = None;
                }
            }
            (None, _) => self.values = None,
            _ => {}
        }
    }

    /// The one type every non-empty value had (integers and floats together are `number`).
    pub fn single_type(&self) -> Option<&'static str> {
        let kinds: Vec<&str> = self.types.keys().copied().collect();
        match kinds.as_slice() {
            [one] => Some(one),
            ["float", "integer"] => Some("number"),
            _ => None,
        }
    }
}

/// The type of a value as a config `type:` word, or `empty`.
fn type_name(node: &Node) -> &'static str {
    match &node.value {
        Value::Sequence(items) if items.is_empty() => "empty",
        Value::Sequence(_) => "list",
        Value::Mapping(entries) if entries.is_empty() => "empty",
        Value::Mapping(_) => "mapping",
        Value::Alias => "alias",
        Value::Scalar(_) => match node.resolved() {
            Some(Resolved::Null) => "empty",
            Some(Resolved::Str(text)) if text.trim().is_empty() => "empty",
            Some(Resolved::Str(_)) => "string",
            Some(Resolved::Bool(_)) => "boolean",
            Some(Resolved::Int(_)) => "integer",
            Some(Resolved::Float(_)) => "float",
            Some(Resolved::Date(_) | Resolved::Timestamp(_)) => "date",
            _ => "other",
        },
    }
}
