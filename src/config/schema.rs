//! Field schemas: what a front matter field may hold, and whether a value fits.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::yaml::{Node, Value};
use crate::yaml11::Resolved;

/// One field's rules. Every property is optional so that a later collection entry can change
/// one property of a field (`required: true`) and inherit the rest.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldSpec {
    /// One type or a list of accepted types.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "types",
        skip_serializing_if = "Option::is_none"
    )]
    pub types: Option<Vec<FieldType>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Reject empty values: nothing after the colon, `""`, whitespace, `[]`, `{}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_empty: Option<bool>,
    /// The allowed values (compared with the value's text).
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
    /// A regular expression the whole text value must match (Rust `regex` syntax).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Length limits: characters for text, items for lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// The type(s) of each item when the value is a list.
    #[serde(
        default,
        deserialize_with = "types",
        skip_serializing_if = "Option::is_none"
    )]
    pub items: Option<Vec<FieldType>>,
    /// What the field is for (shown in editor hovers and `frontlint init` output).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl FieldSpec {
    /// Overlay `later` on `self`: every property `later` sets wins.
    pub fn merge(&mut self, later: &FieldSpec) {
        macro_rules! overlay {
            ($($field:ident),*) => { $( if later.$field.is_some() { self.$field = later.$field.clone(); } )* };
        }
        overlay!(
            types,
            required,
            non_empty,
            allowed,
            pattern,
            min_length,
            max_length,
            items,
            description
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    String,
    Integer,
    /// An integer or a float.
    Number,
    Boolean,
    /// A YAML date (`2024-03-01`) or timestamp (`2024-03-01 10:00:00 +08:00`).
    Date,
    /// A YAML timestamp with a time of day.
    Datetime,
    List,
    Mapping,
    /// An absolute URL (`https://…`, `mailto:…`).
    Url,
    /// A site path or relative URL (`/images/a.png`, `media/report.pdf`).
    Path,
}

impl FieldType {
    pub const ALL: [FieldType; 10] = [
        FieldType::String,
        FieldType::Integer,
        FieldType::Number,
        FieldType::Boolean,
        FieldType::Date,
        FieldType::Datetime,
        FieldType::List,
        FieldType::Mapping,
        FieldType::Url,
        FieldType::Path,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::Datetime => "datetime",
            FieldType::List => "list",
            FieldType::Mapping => "mapping",
            FieldType::Url => "url",
            FieldType::Path => "path",
        }
    }

    /// Does `node` (as Jekyll loads it) have this type? `None` when it cannot be known (an
    /// alias, an unusual tag).
    pub fn accepts(self, node: &Node) -> Option<bool> {
        match &node.value {
            Value::Sequence(_) => return Some(self == FieldType::List),
            Value::Mapping(_) => return Some(self == FieldType::Mapping),
            Value::Alias => return None,
            Value::Scalar(_) => {}
        }
        let resolved = node.resolved()?;
        let text = || node.as_scalar().map_or("", |s| s.text.as_str());
        Some(match self {
            FieldType::String => matches!(resolved, Resolved::Str(_)),
            FieldType::Integer => matches!(resolved, Resolved::Int(_)),
            FieldType::Number => matches!(resolved, Resolved::Int(_) | Resolved::Float(_)),
            FieldType::Boolean => matches!(resolved, Resolved::Bool(_)),
            FieldType::Date => matches!(resolved, Resolved::Date(_) | Resolved::Timestamp(_)),
            FieldType::Datetime => matches!(resolved, Resolved::Timestamp(_)),
            FieldType::List | FieldType::Mapping => false,
            FieldType::Url => matches!(resolved, Resolved::Str(_)) && is_absolute_url(text()),
            FieldType::Path => matches!(resolved, Resolved::Str(_)) && is_site_path(text()),
        })
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn is_absolute_url(text: &str) -> bool {
    url::Url::parse(text.trim()).is_ok_and(|url| url.has_host() || url.cannot_be_a_base())
}

/// A path on the site: no scheme, no backslashes, no line breaks.
fn is_site_path(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains("://")
        && !text.contains('\\')
        && !text.contains(['\n', '\r'])
        && url::Url::parse(text).is_err()
}

/// Accept `type: string` or `type: [string, list]`, with a precise error for a misspelt type.
fn types<'de, D>(deserializer: D) -> Result<Option<Vec<FieldType>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::de::Error;
    let names = super::file::one_or_many(deserializer)?;
    names
        .iter()
        .map(|name| {
            FieldType::ALL
                .into_iter()
                .find(|t| t.name() == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = FieldType::ALL.iter().map(|t| t.name()).collect();
                    D::Error::custom(format!(
                        "unknown field type `{name}`, expected one of: {}",
                        known.join(", ")
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Human list of types: "a string", "a string or a list".
pub fn describe_types(types: &[FieldType]) -> String {
    let names: Vec<String> = types
        .iter()
        .map(|t| match t {
            FieldType::Integer => "an integer".to_owned(),
            other => format!("a {}", other.name()),
        })
        .collect();
    match names.as_slice() {
        [] => "anything".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
