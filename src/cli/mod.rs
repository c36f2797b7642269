//! The command line: `geodep [FILE]` opens the app; subcommands work on files without a window.
//! One file per subcommand; each returns the process exit code.

mod check;
mod fmt;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "geodep",
    version,
    about = "Geopolitical dependency visualiser: energy supply, sanctions stances and diplomatic ties",
    long_about = "Geopolitical dependency visualiser.\n\n\
        With no command, opens the app: with FILE, that scenario; without, the bundled Serbia 2023 scenario.\n\
        Scenario files are RON text; their format is documented in docs/scenario-format.md.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario file to open in the app.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and report every problem as FILE:LINE:COL: error|warning: PATH: message.
    ///
    /// Exits with 1 when any file has an error, 0 otherwise (warnings alone do not fail).
    Check {
        /// Scenario files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output as plain text lines, or as a JSON array of {file, line, column, severity, path, message}.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Rewrite scenario files in the canonical pretty form (stable field order, one field per line).
    ///
    /// A file with errors is refused and left untouched. The previous version is kept as FILE.bak.
    /// Comments cannot be kept, so a file with comments is refused unless --drop-comments is given.
    Fmt {
        /// Scenario files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only report which files are not in canonical form; exit with 1 if any is not. Writes nothing.
        #[arg(long)]
        check: bool,
        /// Format files that contain comments, losing the comments.
        #[arg(long)]
        drop_comments: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

/// Runs a subcommand and returns its exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { files, format } => check::run(&files, format),
        Command::Fmt { files, check, drop_comments } => fmt::run(&files, check, drop_comments),
    }
}
