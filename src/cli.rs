//! The command line, as clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "frontlint",
    version,
    about = "Lint the YAML front matter and link syntax of Jekyll Markdown posts",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint Markdown files (folders are searched for *.md and *.markdown).
    Check(CheckArgs),
    /// List every rule: code, name, default severity, fixable, summary.
    Rules(RulesArgs),
    /// Show a rule's documentation and default options.
    Explain(ExplainArgs),
    /// Write a starter .frontlint.yml learned from an existing site.
    Init(InitArgs),
    /// Show what Jekyll publishes for each file: kind, date, URL and output file.
    Urls(UrlsArgs),
    /// List every link the files write and where it leads (ok, broken, redirected…).
    Links(LinksArgs),
    /// Run the language server on standard input and output (for editors).
    Lsp,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to lint; `-` reads one file from standard input (see
    /// --stdin-filename).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Apply safe fixes to the files (with `-`: print the fixed text to standard output).
    #[arg(long)]
    pub fix: bool,
    /// Also apply fixes that change what Jekyll publishes or rename files (with --fix or
    /// --diff); a file is never renamed onto another.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them; exit 1 if there are any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// With `-`: lint standard input as if it were this file (its config, collection and
    /// file-name rules apply).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply the config's `exclude` to files named on the command line too (for pre-commit,
    /// which names files itself).
    #[arg(long)]
    pub force_exclude: bool,

    /// Neither read nor write `.frontlint_cache/`, where a run that names a few files of a
    /// site keeps what duplicate-URL rules need from the site's other files.
    #[arg(long)]
    pub no_cache: bool,
    /// Report only diagnostics that are not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every current diagnostic in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Output format [default: pretty on a terminal, concise otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// When to use colours (NO_COLOR in the environment means never).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Use this config file instead of searching for .frontlint.yml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Exit with 1 when there are more than N warnings (errors always fail).
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Do not print the closing summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the number of diagnostics per rule instead of the diagnostics (JSON with
    /// --format json).
    #[arg(long)]
    pub statistics: bool,
    /// Write the report to FILE (replaced atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct UrlsArgs {
    /// Files or folders (folders are searched as `check` does).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// Use this config file instead of searching for .frontlint.yml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LinksArgs {
    /// Files or folders (folders are searched as `check` does); links are resolved against
    /// the whole site each belongs to.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// Only the links that lead to this page: a URL (`/about/`) or a source file
    /// (`pages/about.md`). What would break if it were renamed.
    #[arg(long, value_name = "URL|FILE")]
    pub to: Option<String>,
    /// Use this config file instead of searching for .frontlint.yml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (FL104) or name (duplicate-key).
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The site's folder.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Print the config instead of writing it.
    #[arg(long)]
    pub stdout: bool,
    /// Replace an existing .frontlint.yml.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}
