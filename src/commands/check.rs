//! `frontlint check`: discover, lint, report, and decide the exit status.

use std::io::{IsTerminal, Write};

use crate::atomic_write::write_atomically;
use crate::baseline;
use crate::cli::{CheckArgs, ColorChoice};
use crate::diagnostic::Severity;
use crate::discover::{self, ConfigCache, DiscoverError};
use crate::engine::{self, FixRequest, RunOptions};
use crate::fix::FixMode;
use crate::report::{self, Format, PathBase, PrettyOptions, ReportOptions};

use super::{ExitStatus, write_stdout};

pub fn run(args: &CheckArgs) -> ExitStatus {
    if args.paths.len() == 1 && args.paths[0].as_os_str() == "-" {
        return super::stdin::run(args);
    }
    let format = output_format(args);
    let mut configs = match ConfigCache::new(args.config.as_deref()) {
        Ok(configs) => configs,
        Err(error) => return config_failure(error),
    };
    let mut targets = match discover::discover_with(&args.paths, &mut configs, args.force_exclude) {
        Ok(targets) => targets,
        Err(DiscoverError::Config(error)) => return config_failure(error),
        Err(DiscoverError::NotFound(path)) => {
            eprintln!("error: {}: no such file or folder", path.display());
            return ExitStatus::Error;
        }
    };
    discover::add_site_context(&mut targets, &args.paths, !args.no_cache);
    let uses_baseline = args.baseline.is_some() || args.write_baseline.is_some();
    let mut report = engine::run(
        &targets,
        RunOptions {
            // Fingerprints (baselines) need the offending text.
            keep_sources: uses_baseline || (!args.statistics && format.needs_sources()),
            fix: fix_request(args),
            cache: !args.no_cache,
            exit_after: true,
        },
    );
    let cwd = std::env::current_dir().ok();
    let paths = PathBase::new(cwd.as_deref());
    if let Some(path) = &args.write_baseline {
        let json = baseline::to_json(&report, &paths);
        if let Err(error) = write_atomically(path, |out| out.write_all(json.as_bytes())) {
            eprintln!("error: cannot write {}: {error}", path.display());
            return ExitStatus::Error;
        }
        let count = report.diagnostics().count();
        eprintln!(
            "Recorded {count} diagnostic{} in {}",
            if count == 1 { "" } else { "s" },
            path.display()
        );
        return ExitStatus::Success;
    }
    if let Some(path) = &args.baseline {
        let known = match baseline::load(path) {
            Ok(known) => known,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitStatus::Error;
            }
        };
        let hidden = baseline::apply(&mut report, &known, &paths);
        if hidden > 0 && !args.quiet {
            eprintln!(
                "{hidden} known diagnostic{} hidden by the baseline",
                if hidden == 1 { "" } else { "s" }
            );
        }
    }
    finish(args, &report)
}

/// The chosen output format: `pretty` for a terminal, `concise` for a pipe or a file.
pub fn output_format(args: &CheckArgs) -> Format {
    // A report written to a file is for a program, not for the terminal.
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    args.format.unwrap_or(if to_terminal {
        Format::Pretty
    } else {
        Format::Concise
    })
}

/// Write the report (or the diffs), the summary, and decide the exit status.
pub fn finish(args: &CheckArgs, report: &crate::engine::Report) -> ExitStatus {
    if args.diff {
        return print_diffs(report, args.max_warnings);
    }
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let format = output_format(args);
    let pretty = PrettyOptions {
        color: use_color(args.color, to_terminal),
        width: terminal_width(),
    };
    let cwd = std::env::current_dir().ok();
    let mut options = ReportOptions::new(pretty, cwd.as_deref());
    options.warnings_fail = too_many_warnings(report, args.max_warnings).is_some();
    let render = |out: &mut dyn Write| {
        if args.statistics {
            report::write_statistics(format, report, out)
        } else {
            report::write_with(format, report, &options, out)
        }
    };
    let written = match &args.output_file {
        Some(path) => write_atomically(path, render)
            .map_err(|error| format!("cannot write {}: {error}", path.display())),
        None => write_stdout(render).map_err(|error| format!("cannot write the report: {error}")),
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return ExitStatus::Error;
    }
    // Left out after JSON on standard output, since scripts often capture both streams as
    // one; a report written to a file leaves standard error to the human.
    if !args.quiet && (format != Format::Json || args.output_file.is_some()) {
        eprintln!(
            "{}",
            report::summary(report, args.fix.then(|| fixes_written(report)))
        );
    }
    explain_too_many_warnings(report, args.max_warnings);
    report_renames(report, args.quiet);
    for fix in report.fixes.iter().filter(|f| f.write_error.is_some()) {
        eprintln!(
            "error: cannot write the fixes to {}: {}",
            fix.path,
            fix.write_error.as_deref().unwrap_or("")
        );
    }
    if report.fixes.iter().any(|f| f.write_error.is_some()) {
        return ExitStatus::Error;
    }
    exit_status(report, args.max_warnings)
}

/// 1 when errors remain (or more warnings than allowed), else 0.
pub fn exit_status(report: &crate::engine::Report, max_warnings: Option<usize>) -> ExitStatus {
    if report.count(Severity::Error) > 0 || too_many_warnings(report, max_warnings).is_some() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

/// The number of warnings, when it is more than `--max-warnings` allows.
fn too_many_warnings(report: &crate::engine::Report, max_warnings: Option<usize>) -> Option<usize> {
    let warnings = report.count(Severity::Warning);
    max_warnings.filter(|&max| warnings > max).map(|_| warnings)
}

/// On standard error, even with `--quiet`: why a run without errors fails. Otherwise exit
/// status 1 next to "0 errors" is a riddle.
pub fn explain_too_many_warnings(report: &crate::engine::Report, max_warnings: Option<usize>) {
    if let (Some(warnings), Some(max)) = (too_many_warnings(report, max_warnings), max_warnings) {
        eprintln!(
            "error: {}, more than --max-warnings {max} allows",
            report::plural(warnings, "warning")
        );
    }
}

/// How many fixes `--fix` wrote (fixes whose file could not be written do not count).
fn fixes_written(report: &crate::engine::Report) -> usize {
    report
        .fixes
        .iter()
        .filter(|fix| fix.write_error.is_none())
        .map(|fix| fix.applied)
        .sum()
}

/// What `--fix`, `--diff` and `--unsafe-fixes` ask for.
pub fn fix_request(args: &CheckArgs) -> Option<FixRequest> {
    let mode = if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    (args.fix || args.diff).then_some(FixRequest {
        mode,
        write: args.fix,
    })
}

/// `--diff`: the diffs on standard output, and exit 1 when there is anything to fix or when
/// errors (or too many warnings) would remain after the fixes, as `check` alone would.
fn print_diffs(report: &crate::engine::Report, max_warnings: Option<usize>) -> ExitStatus {
    let written = write_stdout(|out| {
        for diff in report.fixes.iter().filter_map(|f| f.diff.as_deref()) {
            out.write_all(diff.as_bytes())?;
        }
        Ok(())
    });
    if written.is_err() {
        return ExitStatus::Error;
    }
    report_renames(report, true);
    let fixes: usize = report.fixes.iter().map(|f| f.applied).sum();
    // A file whose only fix is a refused rename has nothing to show.
    let files = report.fixes.iter().filter(|f| f.applied > 0).count();
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    eprintln!(
        "{} available in {}; {} and {} would remain (run without --diff to see them)",
        match fixes {
            1 => "1 fix".to_owned(),
            n => format!("{n} fixes"),
        },
        report::plural(files, "file"),
        report::plural(errors, "error"),
        report::plural(warnings, "warning"),
    );
    explain_too_many_warnings(report, max_warnings);
    match exit_status(report, max_warnings) {
        ExitStatus::Success if files > 0 => ExitStatus::Failure,
        status => status,
    }
}

/// On standard error: the files `--fix` renamed (unless `quiet`), and the renames refused
/// because another file has the name (always: a fix the user asked for did not happen).
fn report_renames(report: &crate::engine::Report, quiet: bool) {
    for fix in &report.fixes {
        if let Some(to) = fix
            .renamed_to
            .as_deref()
            .filter(|_| fix.diff.is_none() && !quiet)
        {
            eprintln!("renamed {} to {to}", fix.path);
        }
        for to in &fix.refused_renames {
            eprintln!(
                "warning: {}: not renamed to {to}: a file with that name exists",
                fix.path
            );
        }
    }
}

/// Print a configuration error with the offending line and return exit status 2.
pub fn config_failure(error: crate::config::ConfigError) -> ExitStatus {
    let color = use_color(ColorChoice::Auto, std::io::stderr().is_terminal());
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let mut rendered = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(terminal_width());
    if handler.render_report(&mut rendered, &error).is_ok() {
        eprint!("{rendered}");
    } else {
        eprintln!("error: {error}");
    }
    ExitStatus::Error
}

fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}
