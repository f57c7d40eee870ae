//! Writing the starter config: YAML with a comment on every choice giving its evidence.

use std::fmt::Write;

use super::{FieldProfile, GroupProfile, SiteProfile};
use crate::yaml11::quote_for_yaml;

/// A field present in at least this share of a group's files is required (the rest are
/// taken to be mistakes worth reporting).
const REQUIRED_SHARE: f64 = 0.95;
/// At most this share of empty values still makes a field `non-empty`.
const EMPTY_SHARE: f64 = 0.02;
/// A field seen in less than this share of a group's files is left out (too rare to judge).
const MENTION_SHARE: f64 = 0.10;
/// Groups smaller than this are too small to make anything required.
const MIN_FILES: usize = 5;

/// The groups that become `collections:` entries; the others are too small to learn from
/// and are only mentioned in a comment.
pub fn learned_groups(profile: &SiteProfile) -> impl Iterator<Item = &GroupProfile> {
    profile
        .groups
        .iter()
        .filter(|g| g.with_front_matter >= MIN_FILES)
}

pub fn render(profile: &SiteProfile) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Written by `frontlint init` from the {} Markdown files under this folder.\n\
         # Each choice says what it is based on: edit freely, then run `frontlint check`.\n\
         # The format is documented in frontlint's README.\n\
         extends: {}",
        profile.files, profile.preset
    );
    let groups: Vec<&GroupProfile> = learned_groups(profile).collect();
    for group in profile
        .groups
        .iter()
        .filter(|g| g.with_front_matter < MIN_FILES)
    {
        let _ = writeln!(
            out,
            "# {}: {}, {} with front matter — too few to learn from; the jekyll preset applies.",
            group.pattern,
            files(group.files),
            group.with_front_matter
        );
    }
    if groups.is_empty() {
        out.push_str("collections: []\n");
        return out;
    }
    out.push_str("\ncollections:\n");
    for group in groups {
        render_group(&mut out, group);
    }
    out
}

fn render_group(out: &mut String, group: &GroupProfile) {
    let _ = writeln!(
        out,
        "  # {} ({} with front matter)",
        files(group.files),
        group.with_front_matter
    );
    let _ = writeln!(out, "  - name: {}", group_name(&group.pattern));
    let _ = writeln!(out, "    paths: {}", quote_always(&group.pattern));
    if group.with_front_matter == group.files && group.files >= MIN_FILES {
        let _ = writeln!(
            out,
            "    front-matter: required  # every file has front matter"
        );
    }
    let total = group.with_front_matter;
    let mentioned: Vec<(&String, &FieldProfile)> = group
        .fields
        .iter()
        .filter(|(_, field)| share(field.present, total) >= MENTION_SHARE)
        .collect();
    let rendered: Vec<Rendered> = mentioned
        .into_iter()
        .map(|(name, field)| render_field(name, field, total))
        .collect();
    // Without a single entry, `fields:` would be null: the notes alone say what was seen.
    if rendered.iter().any(|r| matches!(r, Rendered::Entry(_))) {
        out.push_str("    fields:\n");
    }
    for rendered in rendered {
        match rendered {
            Rendered::Entry(text) => out.push_str(&text),
            Rendered::Note(text) => {
                let _ = writeln!(out, "      # {text}");
            }
        }
    }
}

/// A field as `init` writes it: an entry with what was learned, or only a note of what was
/// seen when there is nothing to check (a field that is always empty, say).
enum Rendered {
    Entry(String),
    Note(String),
}

fn render_field(name: &str, field: &FieldProfile, total: usize) -> Rendered {
    let mut evidence = format!("in {} of {total} files", field.present);
    let always_empty = field.types.is_empty();
    if always_empty {
        evidence.push_str(", always empty");
    } else if field.empty > 0 {
        let _ = write!(evidence, ", empty in {}", field.empty);
    }
    let mut lines: Vec<String> = Vec::new();
    let required = total >= MIN_FILES && share(field.present, total) >= REQUIRED_SHARE;
    if required {
        lines.push("required: true".to_owned());
    }
    if field.present >= MIN_FILES && share(field.empty, field.present) <= EMPTY_SHARE {
        lines.push("non-empty: true".to_owned());
    }
    match dominant_type(field) {
        Some((kind, count)) => {
            lines.push(format!("type: {kind}"));
            if count < field.present - field.empty {
                let _ = write!(evidence, "; {kind} in {count}");
            }
        }
        None if always_empty => {}
        None => {
            let kinds: Vec<String> = field
                .types
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = write!(evidence, "; mixed types: {}", kinds.join(", "));
            // Every type seen is allowed, and only those, when the config can name them all.
            let allowed: Option<Vec<&str>> = field
                .types
                .keys()
                .map(|kind| (!matches!(*kind, "alias" | "other")).then(|| config_type(kind)))
                .collect();
            if let Some(mut allowed) = allowed {
                allowed.dedup();
                lines.push(format!("type: [{}]", allowed.join(", ")));
            }
        }
    }
    if let Some(values) = allowed_values(field) {
        let shown: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        let _ = write!(evidence, "; values: {}", shown.join(", "));
        let list: Vec<String> = values.iter().map(|(v, _)| quote_for_yaml(v)).collect();
        lines.push(format!("enum: [{}]", list.join(", ")));
    }
    if lines.is_empty() {
        return Rendered::Note(format!("{name}: {evidence}; nothing to check"));
    }
    let mut entry = format!("      {}:  # {evidence}\n", key(name));
    for line in lines {
        let _ = writeln!(entry, "        {line}");
    }
    Rendered::Entry(entry)
}

/// The type nearly every value has (a few odd ones out are reported as mistakes), or `None`
/// when the field is genuinely mixed.
fn dominant_type(field: &FieldProfile) -> Option<(&'static str, usize)> {
    if let Some(single) = field.single_type() {
        let count = field.types.values().sum();
        return Some((config_type(single), count));
    }
    let values: usize = field.types.values().sum();
    let (kind, count) = field.types.iter().max_by_key(|(_, n)| **n)?;
    (share(values - count, values) <= EMPTY_SHARE).then_some((config_type(kind), *count))
}

fn config_type(kind: &'static str) -> &'static str {
    match kind {
        "float" => "number",
        other => other,
    }
}

/// A short list of values that every use of the field picks from.
fn allowed_values(field: &FieldProfile) -> Option<Vec<(&String, usize)>> {
    let values = field.values.as_ref()?;
    let used: usize = values.values().sum();
    let fits = (1..=6).contains(&values.len()) && used >= 20 && used / values.len() >= 5;
    fits.then(|| {
        let mut list: Vec<(&String, usize)> = values.iter().map(|(v, n)| (v, *n)).collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list
    })
}

fn files(count: usize) -> String {
    if count == 1 {
        "1 file".to_owned()
    } else {
        format!("{count} files")
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A readable collection name from its glob: `news/*/_posts/**` → `news-posts`.
fn group_name(pattern: &str) -> String {
    if pattern == "*" {
        return "root-pages".to_owned();
    }
    if pattern == "_*/**" {
        return "collections".to_owned();
    }
    let words: Vec<String> = pattern
        .split('/')
        .filter(|part| !matches!(*part, "*" | "**"))
        .map(|part| part.trim_start_matches('_').to_lowercase())
        .map(|part| {
            part.chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect::<String>()
        })
        .map(|part| part.trim_matches('-').to_owned())
        .filter(|part| !part.is_empty())
        .collect();
    if words.is_empty() {
        "site".to_owned()
    } else {
        words.join("-")
    }
}

fn key(name: &str) -> String {
    quote_for_yaml(name)
}

fn quote_always(text: &str) -> String {
    let quoted = quote_for_yaml(text);
    if quoted.starts_with(['"', '\'']) {
        quoted
    } else {
        format!("\"{text}\"")
    }
}
