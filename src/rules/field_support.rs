//! What the field rules share: walking the schema's fields against a post's front matter, and
//! describing values in messages.

use crate::config::schema::{FieldSpec, FieldType};
use crate::config::{Field, FileSchema};
use crate::post::Post;
use crate::yaml::{Entry, Node, Value};
use crate::yaml11::Resolved;

/// Every front matter entry that the schema describes, with its field (last duplicate wins,
/// as in Jekyll).
pub fn described_entries<'a>(
    post: &'a Post,
    schema: &'a FileSchema,
) -> impl Iterator<Item = (&'a str, &'a Field, &'a Entry)> + 'a {
    let root = post.front_matter();
    schema.fields.iter().filter_map(move |(name, field)| {
        let entry = root?.get(name)?;
        Some((name.as_str(), field, entry))
    })
}

pub fn schema_types(spec: &FieldSpec) -> Option<&[FieldType]> {
    spec.types.as_deref().filter(|types| !types.is_empty())
}

/// Is the value empty: nothing after the colon, `~`/`null`, blank text, `[]`, `{}`?
pub fn is_empty_value(node: &Node) -> bool {
    match &node.value {
        Value::Sequence(items) => items.is_empty(),
        Value::Mapping(entries) => entries.is_empty(),
        Value::Alias => false,
        Value::Scalar(scalar) => {
            matches!(node.resolved(), Some(Resolved::Null)) || scalar.text.trim().is_empty()
        }
    }
}

/// The value as the author wrote it, for messages: text for scalars, a shape for the rest.
pub fn describe(node: &Node) -> String {
    match (&node.value, node.resolved()) {
        (Value::Scalar(scalar), Some(Resolved::Str(_))) => format!("the text \"{}\"", scalar.text),
        (Value::Scalar(_), Some(resolved)) => {
            format!("the {} {}", resolved.kind().name(), resolved.ruby_inspect())
        }
        _ => node.shape_name().to_owned(),
    }
}

/// The scalar values of a field: the value itself, or each item of a list.
pub fn scalar_values(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::Sequence(items) => items.iter().filter(|i| i.as_scalar().is_some()).collect(),
        Value::Scalar(_) => vec![node],
        _ => Vec::new(),
    }
}
