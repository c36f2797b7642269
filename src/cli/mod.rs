//! The command line: `geodep [FILE]` opens the app; subcommands work on files without a window.
//! One file per subcommand; each returns the process exit code.

mod check;
mod diff;
mod export;
mod fmt;
mod inputs;
pub mod output;
mod rename;
mod report;
mod set;
mod shock;
mod write_back;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use output::tell_user;

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
    /// Set one value by its record path, changing only that value's text in the file.
    ///
    /// PATH names the value: energy[3].share, actors[SRB].name (actors and sources by id), title. VALUE is RON:
    /// 0.7, '"Serbia"', Gas, '["BGR", "TUR"]'. A path or value that does not fit, or a change that brings new
    /// errors, is refused and the file left as it was. The previous file is kept as FILE.bak.
    Set { file: PathBuf, path: String, value: String },
    /// Rename an actor or a source everywhere it is named, changing only the lines that name it.
    ///
    /// Refused, with the file left as it was, when OLD names nothing or NEW is taken. The previous file is kept
    /// as FILE.bak.
    Rename { file: PathBuf, old: String, new: String },
    /// Report dependence (top supplier, HHI), sanctions coalitions, consistency flags, network measures and vote
    /// alignment for one year.
    Report {
        /// Scenario file to analyse.
        file: PathBuf,
        /// The year to analyse; the latest in the file by default.
        #[arg(long)]
        year: Option<i32>,
        /// Plain text, JSON (every section), or CSV (the dependence table).
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Text)]
        format: report::ReportFormat,
    },
    /// What each consumer loses if a supplier is cut, a transit country closes, or a named route shuts.
    ///
    /// Give exactly one of --cut, --close-transit and --close-route. A flow is lost when its route passes
    /// through the closed country.
    Shock {
        /// Scenario file to analyse.
        file: PathBuf,
        /// Cut this supplier (an actor id).
        #[arg(long, value_name = "ID")]
        cut: Option<String>,
        /// With --cut: only this commodity (gas, oil, coal, electricity, nuclear-fuel).
        #[arg(long, requires = "cut")]
        commodity: Option<String>,
        /// Close this transit country (an actor id).
        #[arg(long, value_name = "ID")]
        close_transit: Option<String>,
        /// Close this named route (as in the records' `route`, any letter case).
        #[arg(long, value_name = "NAME")]
        close_route: Option<String>,
        /// The year to analyse; the latest in the file by default.
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// What differs between two scenario files (year by year), or between two years of one file (--years).
    Diff {
        /// Two files (before, after), or one file with --years.
        #[arg(required = true, num_args = 1..=2)]
        files: Vec<PathBuf>,
        /// Compare these two years of one file.
        #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
        years: Option<Vec<i32>>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Export story steps as slide images (PNG by default, or SVG), without a window or a GPU.
    ///
    /// One step: --step N --out FILE. Every step: --all-steps --out-dir DIR (step-01.png, step-02.png…).
    #[command(group(clap::ArgGroup::new("which").required(true).args(["step", "all_steps"])))]
    Export {
        /// Scenario file whose story to export.
        file: PathBuf,
        /// The step to export, counting from 1.
        #[arg(long, value_name = "N", requires = "out")]
        step: Option<usize>,
        /// Where to write the one step.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Export every step.
        #[arg(long, requires = "out_dir")]
        all_steps: bool,
        /// The folder for every step's image (made if missing).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Image size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = export::parse_size)]
        size: (u32, u32),
        #[arg(long, value_enum, default_value_t = crate::slide::export::ImageFormat::Png)]
        format: crate::slide::export::ImageFormat,
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
        Command::Set { file, path, value } => set::run(&file, &path, &value),
        Command::Rename { file, old, new } => rename::run(&file, &old, &new),
        Command::Report { file, year, format } => report::run(&file, year, format),
        Command::Shock { file, cut, commodity, close_transit, close_route, year, format } => {
            let asked = shock::Asked {
                cut: cut.as_deref(),
                close_transit: close_transit.as_deref(),
                close_route: close_route.as_deref(),
                commodity: commodity.as_deref(),
            };
            shock::run(&file, asked, year, format)
        }
        Command::Diff { files, years, format } => diff::run(&files, years.as_deref(), format),
        Command::Export { file, step, out, all_steps: _, out_dir, size, format } => {
            // clap guarantees one of --step (with --out) and --all-steps (with --out-dir).
            let target = match (step, out, out_dir) {
                (Some(number), Some(out), _) => export::Target::Step { number, out },
                (_, _, Some(out_dir)) => export::Target::AllSteps { out_dir },
                _ => {
                    tell_user!("geodep export: give --step N --out FILE, or --all-steps --out-dir DIR");
                    return ExitCode::from(2);
                }
            };
            export::run(&file, target, size, format)
        }
    }
}
