//! Link definitions by id, as `parse_link` looks them up (`normalize_link_id`: whitespace
//! runs become one space, then lower case; a later definition replaces an earlier one).

use super::blocks::DefRaw;
use super::model::{RefDef, Spanned};
use std::collections::HashMap;

/// What a reference link takes from its definition.
pub struct RefEntry {
    pub url: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub has_liquid: bool,
}

#[derive(Default)]
pub struct RefTable {
    map: HashMap<String, usize>,
    entries: Vec<RefEntry>,
}

/// `id.gsub(/[\s]+/, ' ').downcase`
pub fn normalize_link_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut in_space = false;
    for c in id.chars() {
        if super::chars::is_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.extend(c.to_lowercase());
            in_space = false;
        }
    }
    out
}

impl RefTable {
    /// Builds the table and the public definitions from the raw ones (body positions).
    pub fn build(body: &str, masked: &str, defs: &[DefRaw]) -> (RefTable, Vec<RefDef>) {
        let mut table = RefTable::default();
        let mut public = Vec::new();
        let spanned = |r: &std::ops::Range<usize>| Spanned {
            value: body[r.clone()].to_string(),
            span: r.clone(),
        };
        for def in defs {
            let id = spanned(&def.id);
            let normalized_id = normalize_link_id(&id.value);
            let url = spanned(&def.url);
            let title = def.title.as_ref().map(spanned);
            table.map.insert(normalized_id.clone(), table.entries.len());
            table.entries.push(RefEntry {
                url: url.clone(),
                title: title.clone(),
                has_liquid: body[def.url.clone()] != masked[def.url.clone()],
            });
            public.push(RefDef {
                span: def.span.clone(),
                id,
                normalized_id,
                url,
                title,
                ials: Vec::new(),
            });
        }
        (table, public)
    }

    /// The definition index for a link id as written.
    pub fn lookup(&self, id: &str) -> Option<usize> {
        self.map.get(&normalize_link_id(id)).copied()
    }

    pub fn entry(&self, index: usize) -> &RefEntry {
        &self.entries[index]
    }
}
