//! The `frontlint` binary: parse the command line, run the command, exit with its status.

use std::process::ExitCode;

use clap::Parser;
use frontlint::cli::{Cli, Command};
use frontlint::commands;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help/version itself; both are successes, anything else is usage (2).
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let status = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Urls(args) => commands::urls::run(args),
        Command::Links(args) => commands::links::run(args),
        Command::Lsp => commands::lsp::run(),
    };
    ExitCode::from(status.code())
}

/// See Cargo.toml for why (speed, and the `no_thp` feature for memory).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
