//! FL901: a file that could not be read (permissions, a broken link, removed while linting),
//! or a folder that could not be listed (its files would otherwise be skipped without a
//! word). The other files are still linted.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::post::ReadProblem;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnreadableFile {}

impl Rule for UnreadableFile {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        match &cx.post.read_problem {
            Some(ReadProblem::Unreadable(reason)) => out.push(Finding::new(
                0..0,
                format!("cannot read this file: {reason}"),
            )),
            Some(ReadProblem::UnreadableFolder(reason)) => out.push(
                Finding::new(
                    0..0,
                    format!("cannot list this folder ({reason}): none of its files were linted"),
                )
                .with_help("give the user running frontlint permission to read it, or exclude it in .frontlint.yml"),
            ),
            _ => {}
        }
    }
}
