//! FL106: a tab in the indentation of front matter. YAML forbids tabs there; Jekyll's parser
//! stops with an error and the post is published without front matter.
//!
//! Not every leading tab is an error for Psych: inside a quoted value, or after the indentation
//! of a block (`|`) or multi-line plain value, a tab is content. So a tab is reported when it
//! indents a line of structure (a key, a list item), or sits at column 1 of a value's line.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::front_matter::Split;
use crate::rule::{Context, Rule};
use crate::yaml::{Node, ScalarStyle, Value, YamlErrorKind};

const MESSAGE: &str = "a tab indents this line; YAML only allows spaces";
const HELP: &str = "replace the tab with spaces (two per level is usual)";

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct YamlTabIndentation {}

impl Rule for YamlTabIndentation {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Split::Present(block) = &cx.post.split else {
            return;
        };
        let text = &cx.post.source.text;
        let mut values = Vec::new();
        match &cx.post.yaml {
            Some(Ok(Some(root))) => collect_scalar_spans(root, &mut values),
            // The tabs broke the parse: parse again with indentation tabs as spaces (same
            // offsets) to learn which lines are inside quoted or block values.
            Some(Err(error)) if error.kind == YamlErrorKind::Tab => {
                let repaired = untab_indentation(&text[..block.yaml.end]);
                if let Ok(Some(root)) = crate::yaml::parse(&repaired, block.yaml.clone()) {
                    collect_scalar_spans(&root, &mut values);
                }
            }
            _ => {}
        }
        let before = out.len();
        let mut offset = block.inner().start;
        for line in text[block.inner()].split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let Some(tab) = line[..indent].find('\t') else {
                continue;
            };
            if line[indent..].trim().is_empty() {
                continue;
            }
            let inside = values
                .iter()
                .find(|(span, _)| span.start < start && start < span.end);
            let reported = match inside {
                None => true,
                Some((_, quoted)) => !quoted && tab == 0,
            };
            if reported {
                out.push(Finding::new(start + tab..start + tab + 1, MESSAGE).with_help(HELP));
            }
        }
        // A tab the parser tripped over that the line scan did not explain.
        if out.len() == before
            && let Some(Err(error)) = &cx.post.yaml
            && error.kind == YamlErrorKind::Tab
        {
            let at = crate::source::floor_char_boundary(text, error.offset);
            // The whole character there: it need not be the (one-byte) tab.
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            out.push(Finding::new(at..end, "a tab here breaks the YAML").with_help(HELP));
        }
    }
}

/// Spans of values that run over several lines, and whether each is quoted.
fn collect_scalar_spans(node: &Node, out: &mut Vec<(Range<usize>, bool)>) {
    match &node.value {
        Value::Scalar(scalar) => {
            let quoted = matches!(
                scalar.style,
                ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted
            );
            out.push((node.span.clone(), quoted));
        }
        Value::Sequence(items) => items
            .iter()
            .for_each(|item| collect_scalar_spans(item, out)),
        Value::Mapping(entries) => {
            for entry in entries {
                collect_scalar_spans(&entry.value, out);
            }
        }
        Value::Alias => {}
    }
}

/// The text with every tab in a line's leading whitespace replaced by a space.
fn untab_indentation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        out.push_str(&line[..indent].replace('\t', " "));
        out.push_str(&line[indent..]);
    }
    out
}
