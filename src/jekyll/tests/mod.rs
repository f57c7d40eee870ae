//! Unit tests with concrete values; expected values come from Jekyll 4.3.1 / Ruby 3.1.2.

mod categories;
mod date;
mod defaults;
mod filename;
mod permalink;
mod post;
mod reader;
mod site_config;
mod slugify;
mod url;
