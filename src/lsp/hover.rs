//! Hover on a front matter key: the field's schema from the config (type, required, allowed
//! values, pattern, length, description) and which collection entries it comes from. On
//! `date` and `permalink` (key or value): the URL, date and output file Jekyll publishes, from
//! the site model.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::config::schema::{FieldSpec, FieldType};
use crate::jekyll::post::DateSource;
use crate::site::DocFacts;
use crate::site::facts::{NotWritten, Outcome};
use crate::yaml::Entry;

use super::analysis::Linted;
use super::documents::Document;
use super::position::Encoding;

pub fn hover(
    doc: &Document,
    linted: &Linted,
    position: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let offset = doc.lines().offset(doc.text(), position, encoding);
    let (entry, on_key) = top_level_entry_at(linted, offset)?;
    let name = entry.key.key_text()?;
    let mut sections = Vec::new();
    if on_key {
        sections.extend(schema_section(linted, name));
    }
    // The fields that decide where and when a post appears: say what Jekyll makes of them.
    if matches!(name, "date" | "permalink") {
        sections.push(publication_section(&linted.facts));
    }
    if sections.is_empty() {
        return None;
    }
    let span = if on_key {
        entry.key.span.clone()
    } else {
        entry.value.span.clone()
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(doc.lines().range(doc.text(), span, encoding)),
    })
}

/// The front matter field whose key (or value) is at `offset`, and whether it is the key.
/// The end of a span counts: the cursor often sits just after a word.
fn top_level_entry_at(linted: &Linted, offset: usize) -> Option<(&Entry, bool)> {
    let within = |span: &std::ops::Range<usize>| span.start <= offset && offset <= span.end;
    linted.post.fields()?.iter().find_map(|entry| {
        if within(&entry.key.span) {
            Some((entry, true))
        } else if within(&entry.value.span) {
            Some((entry, false))
        } else {
            None
        }
    })
}

/// What Jekyll publishes for the document: its URL, date and output file, or why it is not
/// written at all.
fn publication_section(facts: &DocFacts) -> String {
    let kind = facts.kind.name();
    let built = match &facts.outcome {
        Outcome::Built(built) => built,
        Outcome::NotRendered => return format!("Jekyll does not render this file ({kind})."),
        Outcome::Skipped(reason) => {
            return format!("Jekyll skips this file: {}.", reason.describe());
        }
        Outcome::Dropped(why) => return format!("Jekyll leaves this file out of the site: {why}."),
        Outcome::BuildFails(why) => return format!("Jekyll stops the build on this file: {why}"),
        Outcome::Unsupported(why) => {
            return format!("frontlint cannot tell what Jekyll makes of this file: {why}");
        }
        Outcome::PluginPlaceholder(name) => {
            return crate::site::facts::plugin_placeholder_reason(name);
        }
    };
    let mut out = match built.not_written {
        None => format!("**Jekyll publishes** this {kind} at `{}`", built.url),
        Some(reason) => format!(
            "**Jekyll does not write** this {kind} ({}); its URL would be `{}`",
            not_written(reason),
            built.url
        ),
    };
    if let Some(date) = &built.date {
        let _ = write!(out, "\n\n- date: `{}`", date.to_ruby_string());
        if let Some(source) = built.date_source {
            let _ = write!(out, ", from {}", date_source(source));
        }
        if date.filled_from_build_time {
            out.push_str(" (no year written: Ruby took it from the build's clock)");
        }
    }
    let _ = write!(out, "\n- file: `_site/{}`", built.output_path);
    out
}

fn not_written(reason: NotWritten) -> &'static str {
    match reason {
        NotWritten::Unpublished => "`published: false`",
        NotWritten::Future => "dated in the future, and the site does not build future posts",
        NotWritten::Draft => "a draft",
        NotWritten::NoOutput => "its collection has no `output: true`",
    }
}

fn date_source(source: DateSource) -> &'static str {
    match source {
        DateSource::FrontMatter => "the front matter",
        DateSource::Defaults => "the front matter defaults in `_config.yml`",
        DateSource::Filename => "the file name",
        DateSource::Fallback => "the time of the build (no date anywhere)",
    }
}

fn schema_section(linted: &Linted, name: &str) -> Option<String> {
    let site_path = &linted.post.site_path;
    let schema = linted.config.schema_for(site_path);
    let field = schema.fields.get(name)?;
    let origins = linted.config.field_origins(site_path, name);
    Some(describe(name, &field.spec, &origins, &config_name(linted)))
}

fn config_name(linted: &Linted) -> String {
    match &linted.config.file {
        Some(path) => format!(
            "`{}`",
            path.file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        ),
        None => "the built-in `jekyll` preset".to_owned(),
    }
}

/// The field's schema in Markdown: a title line, the description, then one line per rule.
fn describe(name: &str, spec: &FieldSpec, origins: &[Option<&str>], config: &str) -> String {
    let mut out = format!("**`{name}`**");
    if let Some(types) = &spec.types {
        let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
        let _ = write!(out, ": {}", names.join(" or "));
        if let Some(items) = &spec.items {
            let items: Vec<&str> = items.iter().map(|t| t.name()).collect();
            let _ = write!(out, " of {}", items.join(" or "));
        }
    }
    let _ = write!(
        out,
        " — {}",
        if spec.required == Some(true) {
            "required"
        } else {
            "optional"
        }
    );
    if let Some(description) = &spec.description {
        let _ = write!(out, "\n\n{description}");
    }
    let mut rules = Vec::new();
    if spec.non_empty == Some(true) {
        rules.push("must not be empty".to_owned());
    }
    if let Some(allowed) = &spec.allowed {
        let values: Vec<String> = allowed.iter().map(|v| format!("`{v}`")).collect();
        rules.push(format!("one of {}", values.join(", ")));
    }
    if let Some(pattern) = &spec.pattern {
        rules.push(format!("must match the pattern `{pattern}`"));
    }
    let lists_only = spec.types.as_deref() == Some(&[FieldType::List]);
    let may_be_list = spec
        .types
        .as_ref()
        .is_none_or(|t| t.contains(&FieldType::List));
    let amount = |n: usize| match (lists_only, n) {
        (true, 1) => "1 item".to_owned(),
        (true, n) => format!("{n} items"),
        (false, 1) => "1 character".to_owned(),
        (false, n) => format!("{n} characters"),
    };
    let length = match (spec.min_length, spec.max_length) {
        (Some(min), Some(max)) => Some(format!("{min} to {}", amount(max))),
        (Some(min), None) => Some(format!("at least {}", amount(min))),
        (None, Some(max)) => Some(format!("at most {}", amount(max))),
        (None, None) => None,
    };
    if let Some(length) = length {
        let note = if !lists_only && may_be_list {
            " (items for a list)"
        } else {
            ""
        };
        rules.push(format!("{length}{note}"));
    }
    if !rules.is_empty() {
        out.push_str("\n\n");
        for rule in rules {
            let _ = writeln!(out, "- {rule}");
        }
        out.pop();
    }
    let mut named = origins.iter().map(|origin| match origin {
        Some(name) => format!("collection `{name}`"),
        None => "an unnamed collection".to_owned(),
    });
    if let Some(first) = named.next() {
        let _ = write!(out, "\n\nFrom {first}");
        let overridden: Vec<String> = named.collect();
        if !overridden.is_empty() {
            let _ = write!(out, ", overriding {}", overridden.join(", "));
        }
        let _ = write!(out, " (config: {config}).");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_every_property() {
        let spec = FieldSpec {
            types: Some(vec![FieldType::String]),
            required: Some(true),
            non_empty: Some(true),
            allowed: Some(vec!["post".into(), "link".into()]),
            pattern: Some("/media/.*".into()),
            max_length: Some(120),
            description: Some("the page title".into()),
            ..Default::default()
        };
        let text = describe(
            "layout",
            &spec,
            &[Some("media"), Some("jekyll")],
            "`.frontlint.yml`",
        );
        assert_eq!(
            text,
            "**`layout`**: string — required\n\nthe page title\n\n\
             - must not be empty\n- one of `post`, `link`\n- must match the pattern `/media/.*`\n\
             - at most 120 characters\n\n\
             From collection `media`, overriding collection `jekyll` (config: `.frontlint.yml`)."
        );
    }

    #[test]
    fn a_list_counts_items() {
        let spec = FieldSpec {
            types: Some(vec![FieldType::List]),
            items: Some(vec![FieldType::String]),
            min_length: Some(1),
            ..Default::default()
        };
        assert_eq!(
            describe("tags", &spec, &[None], "the built-in `jekyll` preset"),
            "**`tags`**: list of string — optional\n\n- at least 1 item\n\n\
             From an unnamed collection (config: the built-in `jekyll` preset)."
        );
    }
}
