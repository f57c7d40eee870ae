//! frontlint: lint the YAML front matter and link syntax of Jekyll Markdown posts.
pub mod markdown;
