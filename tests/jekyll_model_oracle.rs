//! Differential tests: this crate's Jekyll model against Jekyll 4.3 itself (Ruby). Each test
//! runs ONE Ruby process, with all its cases batched as JSON through a temp file. Without
//! Ruby (or the jekyll gem) they print "SKIPPED …" and pass, unless
//! FRONTLINT_REQUIRE_ORACLE=1, which makes them fail instead.
//!
//! Run with `--nocapture` to see how many cases agree.

#[path = "jekyll_model_oracle/cases.rs"]
mod cases;
#[path = "jekyll_model_oracle/dates.rs"]
mod dates;
#[path = "jekyll_model_oracle/ruby.rs"]
mod ruby;
#[path = "jekyll_model_oracle/site.rs"]
mod site;
#[path = "jekyll_model_oracle/slug_url.rs"]
mod slug_url;
mod support;
