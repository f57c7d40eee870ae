//! FL408: a permalink placeholder Jekyll does not know (`/sips/:number.html`) on a site with
//! code in `_plugins/`. Jekyll alone stops the build on it ("The URL template doesn't have
//! number keys"); a plugin of the site may define it, and a site that builds almost surely
//! has one. frontlint cannot run the plugin, so it cannot know these URLs: it says so once
//! per placeholder, and `permalink-placeholders` in `.frontlint.yml` declares it.
//! (On a site without `_plugins/` the build surely fails: `malformed-permalink` says so.)

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::rule::{Context, Rule};
use crate::site::index::{IndexedDoc, Place, SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnknownPermalinkPlaceholder {}

impl Rule for UnknownPermalinkPlaceholder {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn compares_files(&self) -> bool {
        true
    }

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        // Placeholder → the files using it, in the site's order.
        let mut users: HashMap<&str, Vec<&IndexedDoc>> = HashMap::new();
        let mut order = Vec::new();
        for doc in cx.docs {
            if let Some(name) = doc.extras().plugin_placeholder.as_deref() {
                let list = users.entry(name).or_insert_with(|| {
                    order.push(name);
                    Vec::new()
                });
                list.push(doc);
            }
        }
        for name in order {
            let docs = &users[name];
            // Once per placeholder, on the first file the run reports on.
            let Some(doc) = docs.iter().find(|doc| doc.reported) else {
                continue;
            };
            let others = docs.len() - 1;
            let used_by = match others {
                0 => String::new(),
                1 => " (1 other file uses it too)".to_owned(),
                n => format!(" ({n} other files use it too)"),
            };
            out.push(
                SiteFinding::new(
                    place(cx, doc, name),
                    format!(
                        "`:{name}` is not a Jekyll placeholder{used_by}: the build fails unless a plugin in `_plugins/` defines it, and frontlint cannot know these URLs"
                    ),
                )
                .with_help(format!(
                    "if a plugin of the site fills `:{name}`, declare it in .frontlint.yml: `permalink-placeholders: [{name}]`; otherwise use Jekyll's placeholders (:title, :slug, :year, :categories …)"
                )),
            );
        }
    }
}

/// Where the placeholder is written: the file's own permalink, else the configuration file
/// whose template uses it, else the file's first line.
fn place(cx: &SiteContext<'_>, doc: &IndexedDoc, name: &str) -> Place {
    if doc.permalink.is_none() {
        let written = format!(":{name}");
        for (index, file) in cx.site.files.iter().enumerate() {
            if let Some(at) = file.text.find(&written)
                && let Some(place) = cx.config_place(index, at..at + written.len())
            {
                return place;
            }
        }
    }
    doc.url_place()
}
