//! One file per subcommand. Each returns the process exit status.

pub mod check;
pub mod explain;
pub mod init;
pub mod links;
pub mod lsp;
pub mod rules;
pub mod stdin;
pub mod urls;

/// The process exit status: 0 clean, 1 lint errors (or too many warnings), 2 the tool itself
/// failed (usage, config, I/O).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// Write to stdout; a closed pipe (`frontlint check | head`) is not an error.
pub fn write_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), std::io::Error> {
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    let result = write(&mut lock).and_then(|()| std::io::Write::flush(&mut lock));
    match result {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
