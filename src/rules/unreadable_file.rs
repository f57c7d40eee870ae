//! FL901: a file that could not be read (permissions, a broken link, removed while linting).
//! The other files are still linted.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::post::ReadProblem;
use crate::rule::{Context, Rule};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnreadableFile {}

impl Rule for UnreadableFile {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(ReadProblem::Unreadable(reason)) = &cx.post.read_problem {
            out.push(Finding::new(
                0..0,
                format!("cannot read this file: {reason}"),
            ));
        }
    }
}
