//! `frontlint init [PATH]`: write a starter `.frontlint.yml` learned from the site.

use crate::cli::InitArgs;
use crate::discover::DiscoverError;
use crate::init::{self, InitError};

use super::{ExitStatus, write_stdout};

pub fn run(args: &InitArgs) -> ExitStatus {
    let target = args.path.join(".frontlint.yml");
    if !args.stdout && target.exists() && !args.force {
        eprintln!(
            "error: {} already exists; use --force to replace it or --stdout to print the suggestion",
            target.display()
        );
        return ExitStatus::Error;
    }
    let (text, profile) = match init::starter_config(&args.path) {
        Ok(result) => result,
        Err(InitError::Discover(DiscoverError::NotFound(path))) => {
            eprintln!("error: {}: no such file or folder", path.display());
            return ExitStatus::Error;
        }
        Err(InitError::Discover(DiscoverError::Config(error)) | InitError::Config(error)) => {
            return super::check::config_failure(error);
        }
        Err(InitError::Io(error)) => {
            eprintln!("error: cannot write in {}: {error}", args.path.display());
            return ExitStatus::Error;
        }
    };
    if args.stdout {
        return match write_stdout(|out| out.write_all(text.as_bytes())) {
            Ok(()) => ExitStatus::Success,
            Err(_) => ExitStatus::Error,
        };
    }
    if let Err(error) =
        crate::atomic_write::write_atomically(&target, |out| out.write_all(text.as_bytes()))
    {
        eprintln!("error: cannot write {}: {error}", target.display());
        return ExitStatus::Error;
    }
    // Counted as written: the groups too small to learn from are only comments.
    let collections = init::learned_groups(&profile).count();
    eprintln!(
        "Wrote {} ({} from {}). Run `frontlint check {}` to see what it finds.",
        target.display(),
        match collections {
            1 => "1 collection".to_owned(),
            n => format!("{n} collections"),
        },
        crate::report::plural(profile.files, "file"),
        args.path.display()
    );
    ExitStatus::Success
}
