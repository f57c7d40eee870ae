//! FL902: a file that is not valid UTF-8. Jekyll reads Markdown as UTF-8 and fails on, or
//! garbles, anything else (Windows-1252 "smart quotes" pasted from Word, UTF-16 exports).

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::post::ReadProblem;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InvalidUtf8 {}

impl Rule for InvalidUtf8 {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(ReadProblem::InvalidUtf8 { offset, utf16 }) = &cx.post.read_problem else {
            return;
        };
        // The text is a lossy decoding; everything before the bad byte is exactly the file.
        let at = (*offset).min(cx.post.source.text.len());
        let at = crate::source::floor_char_boundary(&cx.post.source.text, at);
        let end = cx.post.source.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        let finding = if *utf16 {
            Finding::new(at..end, "this file is UTF-16; Jekyll reads UTF-8")
                .with_help("save it as UTF-8 (without BOM)")
        } else {
            Finding::new(
                at..end,
                format!(
                    "this file is not valid UTF-8: byte {offset} is not part of a UTF-8 character"
                ),
            )
            .with_help("save the file as UTF-8; text pasted from Word is often Windows-1252")
        };
        out.push(finding);
    }
}
