//! The command line: `geodep [FILE]` opens the app; subcommands work on files without a window.
//! One file per subcommand; each returns the process exit code.

mod check;
mod diff;
mod export;
mod export_years;
mod fmt;
mod generate;
mod import;
mod inputs;
mod layout;
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
    /// Export story steps as slide images, one view as an image, or the scenario as GraphML, GEXF or CSV sheets.
    ///
    /// One step: --step N --out FILE.png|svg. Every step: --all-steps --out-dir DIR (step-01.png, step-02.png…).
    /// A PDF handout of every step, then the sources: --handout FILE.pdf, with --notes for the speaker notes.
    /// Otherwise --out names what to write by its extension: .png or .svg (the --view in --year, with its
    /// legend), .graphml or .gexf (actors as nodes, records as edges), .csv (NAME-actors.csv, NAME-energy.csv…
    /// beside it, one sheet per record kind, the columns `geodep import` reads). A view year by year: --years
    /// 2019..2023 --out-dir DIR (graph-2019.png…, one per year of the scenario in the span).
    Export {
        /// Scenario file to export.
        file: PathBuf,
        /// The story step to export, counting from 1.
        #[arg(long, value_name = "N", requires = "out", conflicts_with = "all_steps")]
        step: Option<usize>,
        /// Where to write: the one step (`-`: to standard output), the view, or the scenario (by extension).
        #[arg(long, value_name = "FILE", required_unless_present_any = ["all_steps", "years", "handout"])]
        out: Option<PathBuf>,
        /// Export every story step.
        #[arg(long, requires = "out_dir")]
        all_steps: bool,
        /// The folder for every step's image (made if missing).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// The view to draw as an image (with --out FILE.png or .svg).
        #[arg(long, value_enum, default_value_t = export::ViewChoice::Graph, conflicts_with_all = ["step", "all_steps"])]
        view: export::ViewChoice,
        /// The grid the Matrices view shows.
        #[arg(long, value_enum, default_value_t = MatrixChoice::Sanctions)]
        matrix: MatrixChoice,
        /// The year the view shows; the latest year the scenario names by default.
        #[arg(long, conflicts_with_all = ["step", "all_steps"])]
        year: Option<i32>,
        /// The --view once for each of the scenario's years in FIRST..LAST, into --out-dir (graph-2019.png…).
        #[arg(long, value_name = "FIRST..LAST", value_parser = export_years::parse_span, requires = "out_dir",
              conflicts_with_all = ["step", "all_steps", "year", "out"])]
        years: Option<(i32, i32)>,
        /// Image size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = export::parse_size)]
        size: (u32, u32),
        /// The image format of story steps (a view's format follows --out's extension).
        #[arg(long, value_enum, default_value_t = crate::slide::export::ImageFormat::Png)]
        format: crate::slide::export::ImageFormat,
        /// Write the story as a PDF handout: each step's slide, title and caption on an A4 page, then the sources
        /// (`-`: to standard output, for a pipe). It is made for paper, so it is light whatever --theme says.
        #[arg(long, value_name = "FILE.pdf", conflicts_with_all = ["step", "all_steps", "out", "out_dir", "view", "year"])]
        handout: Option<PathBuf>,
        /// Put each step's speaker notes in the handout, beneath its caption.
        #[arg(long, requires = "handout")]
        notes: bool,
        /// The look of slides and view images: light, dark (light text on a dark background) or projector (black
        /// on white with thicker, darker lines).
        #[arg(long, value_enum, default_value_t = crate::scene::palette::Theme::Light)]
        theme: crate::scene::palette::Theme,
    },
    /// Write a synthetic scenario of the size asked for, for benchmarks and tests.
    ///
    /// N states in the UN regions (S0001, S0002…), with places on the map, and five blocs with dated memberships;
    /// M diplomatic ties grown by preferential attachment (a few hubs hold many ties); F energy flows from 2020 to
    /// 2023 whose shares per consumer, commodity and year add up to at most one; sanctions against the largest
    /// producer; four General Assembly-like votes. The file passes `geodep check` with no problem, and the same
    /// options give the same file, byte for byte. A request that cannot be met (no states, more ties than pairs of
    /// states, a file larger than GeoDep opens) is refused with the reason and exit status 2.
    Generate {
        /// How many states, from 1 to 100,000 (the blocs come on top).
        #[arg(long, value_name = "N")]
        actors: usize,
        /// How many diplomatic ties between states: at most one per pair, N(N-1)/2, and 1,000,000.
        #[arg(long, value_name = "M")]
        ties: usize,
        /// How many energy flows; twice the states by default.
        #[arg(long, value_name = "F")]
        flows: Option<usize>,
        /// The seed of every random choice.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// The new scenario file.
        #[arg(long, value_name = "FILE.ron")]
        out: PathBuf,
        /// Replace FILE if it exists (the previous version is kept as FILE.bak).
        #[arg(long)]
        overwrite: bool,
    },
    /// Import other tools' files into a new scenario: CSV sheets, Eurostat tables, a wide table, GraphML, GEXF.
    ///
    /// Prints what each file gave, what was skipped and why, and the new scenario's problems. The format is
    /// told from each file's name and content (docs/import-export.md). A mapping file (RON) says what the
    /// files do not: how graph edges become records, a wide table's importer, the source to cite, id renames.
    /// Exits with 1 when nothing could be imported or the new scenario has errors (it is written all the same,
    /// to be fixed in the app).
    Import {
        /// The files to import, together into one scenario.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The new scenario file.
        #[arg(long, value_name = "OUT.ron")]
        out: PathBuf,
        /// The import mapping (RON), e.g. (edges: AllTies(Alliance), wide_table: (importer: "SRB", commodity: Gas)).
        #[arg(long, value_name = "MAP.ron")]
        mapping: Option<PathBuf>,
        /// Replace OUT if it exists (the previous version is kept as OUT.bak).
        #[arg(long)]
        overwrite: bool,
    },
    /// Lay the graph out without a window and write each node's position as CSV lines `id,x,y`.
    ///
    /// IN is a scenario (laid out as the Graph view first shows it: every actor, every record of any year,
    /// saved positions pinned) or an edge list, a .csv file of `source,target[,weight]` lines with or without a
    /// header. The same input and seed give the same positions.
    Layout {
        /// A scenario file, or an edge list (.csv).
        input: PathBuf,
        /// Where to write the positions (`-`: standard output). An existing file is replaced.
        #[arg(long, value_name = "positions.csv")]
        out: PathBuf,
        /// Stop after this many steps even if the layout has not settled (default: the Graph view's limit).
        #[arg(long, value_name = "N")]
        iterations: Option<usize>,
        /// The seed of the starting positions (default: the Graph view's).
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Also write the links laid out as an edge list `source,target,weight` (a scenario's records between
        /// the same two actors are one link), to give other layout tools the same graph.
        #[arg(long, value_name = "edges.csv")]
        edges_out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixChoice {
    Sanctions,
    Ties,
    Votes,
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
        Command::Export {
            file,
            step,
            out,
            all_steps: _,
            out_dir,
            view,
            matrix,
            year,
            years,
            size,
            format,
            handout,
            notes,
            theme,
        } => {
            if let Some(out) = handout {
                return export::run(&file, export::Target::Handout { out, notes }, size, format, theme);
            }
            // clap lets a flag's `requires` pass when the flag is off by default, so this is checked here.
            if notes {
                tell_user!("geodep export: --notes puts speaker notes in a handout; give --handout FILE.pdf too");
                return ExitCode::from(2);
            }
            let matrix = match matrix {
                MatrixChoice::Sanctions => crate::state::MatrixKind::Sanctions,
                MatrixChoice::Ties => crate::state::MatrixKind::Ties,
                MatrixChoice::Votes => crate::state::MatrixKind::Votes,
            };
            if let (Some(span), Some(out_dir)) = (years, &out_dir) {
                let asked = export::ViewExport { out: out_dir, view, matrix, year: None, size, theme };
                return export_years::run(&file, span, out_dir, asked, format);
            }
            // clap guarantees --out unless --all-steps (which brings --out-dir), --years or --handout.
            let target = match (step, out, out_dir) {
                (Some(number), Some(out), _) => export::Target::Step { number, out },
                (None, Some(out), _) => {
                    return export::run_view(&file, export::ViewExport { out: &out, view, matrix, year, size, theme });
                }
                (_, _, Some(out_dir)) => export::Target::AllSteps { out_dir },
                _ => {
                    tell_user!("geodep export: give --out FILE, --step N --out FILE, or --all-steps --out-dir DIR");
                    return ExitCode::from(2);
                }
            };
            export::run(&file, target, size, format, theme)
        }
        Command::Generate { actors, ties, flows, seed, out, overwrite } => {
            let request = crate::synthetic::Request { states: actors, ties, energy_flows: flows, seed };
            generate::run(&request, &out, overwrite)
        }
        Command::Import { inputs, out, mapping, overwrite } => {
            import::run(&inputs, &out, mapping.as_deref(), overwrite)
        }
        Command::Layout { input, out, iterations, seed, edges_out } => {
            layout::run(&input, &out, edges_out.as_deref(), &layout::LayoutOptions { iterations, seed })
        }
    }
}
