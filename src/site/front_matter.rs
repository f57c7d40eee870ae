//! The front matter fields that shape a document's date and URL, read from the spanned YAML
//! tree into the model's inputs (what Psych would have produced).

use crate::jekyll::categories::{CategoryItem, CategoryValue};
use crate::jekyll::date::FrontMatterDate;
use crate::jekyll::post::PostFrontMatter;
use crate::post::Post;
use crate::yaml::{Node, Value};
use crate::yaml11::Resolved;

/// What Jekyll reads from one file's front matter.
#[derive(Debug, Clone, Default)]
pub struct ReadFrontMatter {
    pub fields: PostFrontMatter,
    /// `published: false` (the boolean): the document is not written.
    pub unpublished: bool,
    /// The keys present (last duplicate wins, as for Jekyll).
    pub keys: Vec<String>,
    /// A value this model cannot turn into Jekyll's input (a list as `date`...).
    pub unsupported: Option<String>,
    /// There is a front matter block, but Psych cannot load it (a syntax error, or a value
    /// it refuses): Jekyll logs an error and reads the file as if it had no data.
    pub failed_to_load: bool,
    /// `redirect_from` (jekyll-redirect-from): a string or a list, with the span of each.
    pub redirect_from: Vec<(String, std::ops::Range<usize>)>,
    /// `redirect_to` is set (jekyll-redirect-from turns the page into a redirect stub).
    pub redirect_to: bool,
}

/// Read the front matter as Jekyll would. A block that fails to load (a YAML error, or a
/// value Psych refuses) gives Jekyll no front matter data at all.
pub fn read(post: &Post) -> ReadFrontMatter {
    let mut out = ReadFrontMatter::default();
    if matches!(post.yaml, Some(Err(_))) {
        out.failed_to_load = true;
        out.fields.read_failed = true;
    }
    let Some(root) = post.front_matter() else {
        return out;
    };
    // A list or a scalar cannot be merged into the document's data: Jekyll raises, logs it
    // and goes on as for a YAML error.
    let Some(entries) = root.as_mapping() else {
        out.failed_to_load = true;
        out.fields.read_failed = true;
        return out;
    };
    if !loads(root, 0) {
        out.failed_to_load = true;
        out.fields.read_failed = true;
        return out;
    }
    for entry in entries {
        if let Some(key) = entry.key.key_text()
            && !out.keys.iter().any(|k| k == key)
        {
            out.keys.push(key.to_owned());
        }
    }
    let get = |key: &str| root.get(key).map(|entry| &entry.value);
    if let Some(node) = get("date") {
        match date_value(node) {
            Some(date) => out.fields.date = Some(date),
            None => out.unsupported = Some("a `date` that is a list or a mapping".into()),
        }
    }
    out.fields.permalink = get("permalink").and_then(scalar_to_s);
    out.fields.slug = get("slug").and_then(scalar_to_s);
    out.fields.categories = get("categories").and_then(category_value);
    out.fields.category = get("category").and_then(category_value);
    out.redirect_from = get("redirect_from").map(redirect_list).unwrap_or_default();
    out.redirect_to = get("redirect_to").is_some_and(|node| match &node.value {
        Value::Sequence(items) => items.iter().any(|item| scalar_to_s(item).is_some()),
        _ => scalar_to_s(node).is_some(),
    });
    out.unpublished = get("published")
        .and_then(Node::resolved)
        .is_some_and(|r| *r == Resolved::Bool(false));
    out
}

/// `Redirectable#redirect_from`: a list (nil entries dropped) or one value, each read with
/// `to_s` when the stub page takes it as its permalink.
fn redirect_list(node: &Node) -> Vec<(String, std::ops::Range<usize>)> {
    let one = |item: &Node| scalar_to_s(item).map(|text| (text, item.span.clone()));
    match &node.value {
        Value::Sequence(items) => items.iter().filter_map(one).collect(),
        _ => one(node).into_iter().collect(),
    }
}

/// Psych loads the whole block only if no scalar makes it raise.
fn loads(node: &Node, depth: usize) -> bool {
    if depth > crate::yaml::MAX_DEPTH {
        return true;
    }
    match &node.value {
        // Only an untagged plain scalar can be a Symbol or fail to convert (a quoted one is a
        // String): the others are not resolved here, which would copy their text.
        Value::Scalar(_) => {
            !node.is_plain_scalar() || !node.resolved().is_some_and(|r| r.breaks_loading())
        }
        Value::Sequence(items) => items.iter().all(|item| loads(item, depth + 1)),
        Value::Mapping(entries) => entries
            .iter()
            .all(|e| loads(&e.key, depth + 1) && loads(&e.value, depth + 1)),
        Value::Alias => true,
    }
}

/// Ruby's `to_s` of a scalar as Psych loaded it (`None` for nil and collections).
pub fn scalar_to_s(node: &Node) -> Option<String> {
    let scalar = node.as_scalar()?;
    match node.resolved() {
        Some(Resolved::Null) => None,
        Some(Resolved::Str(text)) => Some(text.clone()),
        Some(Resolved::Int(n)) => Some(n.to_string()),
        Some(Resolved::Bool(b)) => Some(b.to_string()),
        Some(Resolved::Float(_)) => Some(node.resolved()?.ruby_inspect()),
        Some(Resolved::Date(d)) => Some(d.to_string()),
        Some(_) | None => Some(scalar.text.clone()),
    }
}

/// The `date` value as the model's input. Every form ends up as `Utils.parse_date(v.to_s)`.
fn date_value(node: &Node) -> Option<FrontMatterDate> {
    node.as_scalar()?;
    Some(match node.resolved() {
        Some(Resolved::Date(d)) => match i16::try_from(d.year) {
            Ok(year) => FrontMatterDate::Date {
                year,
                month: d.month as i8,
                day: d.day as i8,
            },
            Err(_) => FrontMatterDate::Text(d.to_string()),
        },
        Some(Resolved::Timestamp(t)) => match i16::try_from(t.year) {
            Ok(year) => FrontMatterDate::Timestamp {
                year,
                month: t.month as i8,
                day: t.day as i8,
                hour: t.hour as i8,
                minute: t.minute as i8,
                second: t.second as i8,
                nanosecond: t.nanosecond as i32,
                offset_seconds: t.offset_seconds,
            },
            Err(_) => FrontMatterDate::Text(t.ruby_inspect()),
        },
        // `date:` with no value is nil; `nil.to_s` is "", which Jekyll cannot parse.
        Some(Resolved::Null) => FrontMatterDate::Text(String::new()),
        _ => FrontMatterDate::Text(scalar_to_s(node).unwrap_or_default()),
    })
}

fn category_value(node: &Node) -> Option<CategoryValue> {
    match &node.value {
        Value::Sequence(items) => Some(CategoryValue::List(
            items
                .iter()
                .map(|item| match item.resolved() {
                    Some(Resolved::Null) => CategoryItem::Nil,
                    Some(Resolved::Str(text)) => CategoryItem::Text(text.clone()),
                    _ => CategoryItem::Scalar(scalar_to_s(item).unwrap_or_default()),
                })
                .collect(),
        )),
        Value::Scalar(_) => match node.resolved() {
            Some(Resolved::Null | Resolved::Bool(false)) => None,
            Some(Resolved::Str(text)) => Some(CategoryValue::Text(text.clone())),
            _ => Some(CategoryValue::Scalar(scalar_to_s(node)?)),
        },
        _ => None,
    }
}
