//! FL207: a front matter field the schema does not know. Where the collection says
//! `unknown-fields: report`, every such field is reported (per file). Otherwise only
//! near-misses of known fields (`permlink`, `Title`), which Jekyll silently ignores — and
//! whether a near-miss is a typo is a question about the whole site: a field its layouts,
//! includes or plugins read (`page.publisher`), or that many of its files share more than the
//! field it resembles, is the site's own. So near-misses are judged site-wide.

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use crate::config::{FileSchema, UnknownFields};
use crate::diagnostic::Finding;
use crate::post::Post;
use crate::rule::{Context, Rule};
use crate::site::index::{Anchor, Place, SiteContext, SiteFinding, field_hash};

/// A near-miss shared by at least this many files, and by more files than the field it
/// resembles, is a field of the site, not a typo.
const SHARED_BY: usize = 5;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnknownField {}

impl Rule for UnknownField {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.schema.unknown_fields != Some(UnknownFields::Report) {
            return;
        }
        let Some(fields) = cx.post.fields() else {
            return;
        };
        for entry in fields {
            let Some(name) = entry.key.key_text() else {
                continue;
            };
            if cx.schema.fields.contains_key(name) {
                continue;
            }
            let finding = Finding::new(entry.key.span.clone(), format!("unknown field `{name}`"));
            let suggestion = cx
                .schema
                .closest_field(name)
                .filter(|_| !cx.site.templates_read(name));
            out.push(match suggestion {
                Some(known) => finding.with_help(format!(
                    "did you mean `{known}`? Otherwise add `{name}` to the schema ({})",
                    known_list(cx.schema)
                )),
                None => finding.with_help(known_list(cx.schema)),
            });
        }
    }

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let mut census: Option<HashMap<u32, usize>> = None;
        for doc in cx.docs.iter().filter(|doc| doc.reported) {
            for (name, known, anchor) in &doc.extras().near_misses {
                if cx.site.templates_read(name) {
                    continue;
                }
                let census = census.get_or_insert_with(|| field_census(cx));
                let count = |field: &str| census.get(&field_hash(field)).copied().unwrap_or(0);
                if count(name) >= SHARED_BY && count(name) > count(known) {
                    continue;
                }
                let place = Place {
                    path: doc.path.clone(),
                    anchor: anchor.clone(),
                };
                out.push(
                    SiteFinding::new(place, format!("unknown field `{name}`: Jekyll ignores it"))
                        .with_help(format!("did you mean `{known}`?")),
                );
            }
        }
    }
}

/// The keys of one post that look like typos of a field its schema knows (where unknown
/// fields are otherwise allowed): key, known field, where the key is.
pub fn near_misses(post: &Post, schema: &FileSchema) -> Vec<(String, String, Anchor)> {
    if schema.unknown_fields == Some(UnknownFields::Report) {
        return Vec::new();
    }
    let Some(fields) = post.fields() else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|entry| {
            let name = entry.key.key_text()?;
            if schema.fields.contains_key(name) {
                return None;
            }
            let known = schema.closest_field(name)?;
            Some((
                name.to_owned(),
                known,
                Anchor::in_post(post, entry.key.span.clone()),
            ))
        })
        .collect()
}

/// How many files of the site have each top-level key.
fn field_census(cx: &SiteContext<'_>) -> HashMap<u32, usize> {
    let mut census = HashMap::new();
    for doc in cx.docs {
        for key in doc.field_keys.hashes().iter() {
            *census.entry(*key).or_insert(0) += 1;
        }
    }
    census
}

fn known_list(schema: &FileSchema) -> String {
    let names: Vec<&str> = schema.fields.keys().map(String::as_str).collect();
    let collection = schema
        .collections
        .first()
        .map(|c| format!(" in `{c}`"))
        .unwrap_or_default();
    format!("fields allowed{collection}: {}", names.join(", "))
}
