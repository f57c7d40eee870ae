//! frontlint: lint the YAML front matter and link syntax of Jekyll Markdown posts.
//!
//! The flow: `discover` finds files and their `config`, `engine` reads each into a `post`
//! (source text, `front_matter` split, spanned `yaml` tree whose plain scalars `yaml11` types
//! as Psych does), runs the `rules` listed in the `registry`, and a `report` format writes the
//! diagnostics. `jekyll` models what Jekyll makes of a post: its date, URL and output path;
//! `markdown` finds links and kramdown attribute lists in the body as kramdown reads them.
//! `site` reads a site's `_config.yml` into that model, gives every file its facts before the
//! rules run, and summarises files for the site-wide rules (duplicate URLs).

pub mod atomic_write;
pub mod baseline;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod fix;
pub mod front_matter;
pub mod init;
pub mod jekyll;
pub mod links;
pub mod lsp;
pub mod markdown;
pub mod post;
pub mod registry;
pub mod rename_file;
pub mod report;
pub mod rule;
pub mod rules;
pub mod site;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod yaml;
pub mod yaml11;
