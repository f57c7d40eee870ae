//! Jekyll 4.3's site model as pure functions: which post files Jekyll reads, the date it
//! gives a post in the site time zone, slugs, URLs and output paths, and the parts of
//! `_config.yml` that decide them. Jekyll's Ruby code (jekyll 4.3.1, Ruby 3.1) is the
//! specification; each file names the Ruby method it reproduces, and
//! tests/jekyll_model_oracle.rs checks the results against the real thing.

pub mod date;
pub mod ruby_date;
pub mod ruby_time;

#[cfg(test)]
mod tests;
