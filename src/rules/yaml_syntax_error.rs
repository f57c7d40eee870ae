//! FL103: front matter that Jekyll's YAML parser rejects. Jekyll logs an error and publishes
//! the post with no front matter at all (no title, layout or permalink).

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule::{Context, Rule};
use crate::yaml::YamlErrorKind;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct YamlSyntaxError {}

impl Rule for YamlSyntaxError {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(Err(error)) = &cx.post.yaml else {
            return;
        };
        let text = &cx.post.source.text;
        // Tabs get their own rule with a more useful message.
        if error.kind == YamlErrorKind::Tab || tab_indents_line_at(text, error.offset) {
            return;
        }
        let start = crate::source::floor_char_boundary(text, error.offset);
        let end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        let mut finding = Finding::new(start..end, error.message.clone());
        finding.help = error.help.clone();
        if let Some((range, replacement)) = &error.fix {
            // Quoting keeps exactly the text the author wrote as the value.
            finding = finding.with_fix(Fix::safe(
                "quote the value",
                vec![Edit::new(range.clone(), replacement.clone())],
            ));
        }
        out.push(finding);
    }
}

/// Does the line holding `offset` start with a tab in its indentation? (`yaml-tab-indentation`
/// reports those, whatever error the tab caused.)
fn tab_indents_line_at(text: &str, offset: usize) -> bool {
    let offset = crate::source::floor_char_boundary(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    line[..line.len() - line.trim_start_matches([' ', '\t']).len()].contains('\t')
}
