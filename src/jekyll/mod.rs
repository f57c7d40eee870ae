//! Jekyll 4.3's site model as pure functions: which post files Jekyll reads, the date it
//! gives a post in the site time zone, slugs, URLs and output paths, and the parts of
//! `_config.yml` that decide them. Jekyll's Ruby code (jekyll 4.3.1, Ruby 3.1) is the
//! specification; each file names the Ruby method it reproduces, and
//! tests/jekyll_model_oracle.rs checks the results against the real thing.
//!
//! Nothing here depends on the rest of frontlint: inputs are plain values (what Psych made
//! of a front matter field is described by small enums such as `date::FrontMatterDate`).

pub mod categories;
pub mod date;
pub mod defaults;
pub mod document_url;
pub mod filename;
pub mod page;
pub mod permalink;
pub mod post;
pub mod reader;
pub mod ruby_date;
pub mod ruby_time;
pub mod site_config;
pub mod slugify;
pub mod suspicious;
mod transliterate;
pub mod url;

#[cfg(test)]
mod tests;
