//! `geodep export`: story steps as slide images (PNG, or SVG), one or all, or as a PDF handout; one view as an
//! image; the scenario as GraphML, GEXF or CSV sheets. Without a window or a GPU.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::inputs::load;
use super::output::{Output, say, tell_user};
use crate::model::Scenario;
use crate::scene::palette::Theme;
use crate::slide::Drawn;
use crate::slide::export::{ImageFormat, write_all, write_handout, write_step};
use crate::slide::handout::HandoutOptions;
use crate::state::{CentralView, MatrixKind, ViewState};

/// Which steps go where.
pub enum Target {
    /// One step (counted from 1) to one file.
    Step { number: usize, out: PathBuf },
    /// Every step to `step-01.png`, `step-02.png`… in a folder (made if missing).
    AllSteps { out_dir: PathBuf },
    /// Every step and the sources as a PDF handout, with or without the speaker notes.
    Handout { out: PathBuf, notes: bool },
}

/// "1920x1080" as (1920, 1080); each side from 16 to 8192 pixels.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let not_a_size = || format!("\"{text}\" is not a size: write it as WIDTHxHEIGHT, e.g. 1920x1080");
    let (width, height) = text
        .to_lowercase()
        .split_once('x')
        .map_or((None, None), |(width, height)| (width.trim().parse::<u32>().ok(), height.trim().parse::<u32>().ok()));
    match (width, height) {
        (Some(width), Some(height)) if (16..=8192).contains(&width) && (16..=8192).contains(&height) => {
            Ok((width, height))
        }
        (Some(_), Some(_)) => Err(format!("\"{text}\": each side must be from 16 to 8192 pixels")),
        _ => Err(not_a_size()),
    }
}

pub fn run(file: &Path, target: Target, size: (u32, u32), format: ImageFormat, theme: Theme) -> ExitCode {
    let to_stdout = match &target {
        Target::Step { out, .. } | Target::Handout { out, .. } => out == Path::new("-"),
        Target::AllSteps { .. } => false,
    };
    if to_stdout && std::io::stdout().is_terminal() {
        tell_user!(
            "geodep export: \"-\" writes the image or PDF to standard output, which is a terminal here; \
             redirect it (> out.pdf) or name a file"
        );
        return ExitCode::from(2);
    }
    let Ok(scenario) = load(file) else { return ExitCode::FAILURE };
    if to_stdout {
        let bytes = match target {
            Target::Step { number, .. } => crate::slide::export::step_bytes(&scenario, number, size, format, theme),
            Target::Handout { notes, .. } => handout_bytes(&scenario, notes),
            Target::AllSteps { .. } => unreachable!("a folder is never standard output"),
        };
        return bytes_to_stdout(bytes.map_err(|error| format!("geodep: {}: {error}", file.display())));
    }
    let written = match target {
        Target::Step { number, out } => write_step(&scenario, number, &out, size, format, theme).map(|()| vec![out]),
        Target::AllSteps { out_dir } => write_all(&scenario, &out_dir, size, format, theme),
        Target::Handout { out, notes } => {
            write_handout(&scenario, &out, HandoutOptions { notes }).map(|_pages| vec![out])
        }
    };
    finish(written.map_err(|error| format!("geodep: {}: {error}", file.display())))
}

/// The handout's PDF, refused for a scenario without a story as a handout to a file is.
fn handout_bytes(scenario: &Scenario, notes: bool) -> Result<Vec<u8>, crate::slide::export::ExportError> {
    if scenario.story.is_empty() {
        return Err(crate::slide::export::ExportError::NoStory);
    }
    Ok(crate::slide::handout::to_pdf(scenario, HandoutOptions { notes })?.0)
}

/// An image or PDF on standard output, for a pipe (`--handout - | lpr`); nothing else is printed there.
fn bytes_to_stdout(bytes: Result<Vec<u8>, String>) -> ExitCode {
    match bytes {
        Ok(bytes) => {
            let mut output = Output::stdout();
            output.bytes(&bytes);
            output.finish(ExitCode::SUCCESS)
        }
        Err(message) => {
            tell_user!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// "wrote FILE" for each file written, or the reason nothing was.
pub(super) fn finish(written: Result<Vec<PathBuf>, String>) -> ExitCode {
    match written {
        Ok(files) => {
            let mut output = Output::stdout();
            for file in files {
                say!(output, "wrote {}", file.display());
            }
            output.finish(ExitCode::SUCCESS)
        }
        Err(message) => {
            tell_user!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The views `--view` can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewChoice {
    Graph,
    /// The countries on a map, energy flows through their transit countries.
    Map,
    Charts,
    Matrices,
    Timeline,
}

/// What `--out` asks for, by its extension, when no story step is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Image(ImageFormat),
    GraphMl,
    Gexf,
    CsvSheets,
}

fn wanted(out: &Path) -> Option<Wanted> {
    let extension = out.extension()?.to_str()?.to_lowercase();
    Some(match extension.as_str() {
        "png" => Wanted::Image(ImageFormat::Png),
        "svg" => Wanted::Image(ImageFormat::Svg),
        "graphml" => Wanted::GraphMl,
        "gexf" => Wanted::Gexf,
        "csv" => Wanted::CsvSheets,
        _ => return None,
    })
}

/// A view or the whole scenario to `out`, in the format its extension names.
pub struct ViewExport<'a> {
    pub out: &'a Path,
    pub view: ViewChoice,
    pub matrix: MatrixKind,
    pub year: Option<i32>,
    pub size: (u32, u32),
    pub theme: Theme,
}

pub fn run_view(file: &Path, asked: ViewExport<'_>) -> ExitCode {
    let Some(wanted) = wanted(asked.out) else {
        tell_user!(
            "geodep export: {}: name the file .png or .svg (a view), .graphml or .gexf (the network), or .csv (a sheet per \
             record kind)",
            asked.out.display()
        );
        return ExitCode::from(2);
    };
    let Ok(scenario) = load(file) else { return ExitCode::FAILURE };
    let written = match wanted {
        Wanted::Image(format) => {
            let Ok(year) = super::inputs::year(&scenario, asked.year, file) else { return ExitCode::FAILURE };
            view_image(&crate::slide::Deck::themed(&scenario, asked.theme), &asked, year, format)
                .and_then(|bytes| write(asked.out, &bytes))
        }
        Wanted::GraphMl => {
            write(asked.out, crate::exchange::graphml::export(&scenario, &positions(&scenario)).as_bytes())
        }
        Wanted::Gexf => write(asked.out, crate::exchange::gexf::export(&scenario, &positions(&scenario)).as_bytes()),
        Wanted::CsvSheets => write_sheets(&scenario, asked.out),
    };
    finish(written.map_err(|error| format!("geodep export: {error}")))
}

/// One view as image bytes. The deck holds the graph's layout, so that images of several years share it (and
/// the layout is worked out once).
pub(super) fn view_image(
    deck: &crate::slide::Deck<'_>,
    asked: &ViewExport<'_>,
    year: i32,
    format: ImageFormat,
) -> Result<Vec<u8>, String> {
    let drawn = match asked.view {
        ViewChoice::Graph => Drawn::Graph,
        ViewChoice::Map => Drawn::Map,
        ViewChoice::Charts => Drawn::Charts,
        ViewChoice::Matrices => Drawn::Matrix(asked.matrix),
        ViewChoice::Timeline => Drawn::Timeline,
    };
    let central = match drawn {
        Drawn::Charts => CentralView::Charts,
        Drawn::Matrix(_) => CentralView::Matrices,
        Drawn::Timeline => CentralView::Timeline,
        Drawn::Graph | Drawn::Map => CentralView::Graph,
    };
    let view = ViewState { central, year: Some(year), ..ViewState::default() };
    let slide = deck.view(&view, drawn, asked.size.0, asked.size.1);
    match format {
        ImageFormat::Svg => Ok(crate::slide::svg::to_svg(&slide).into_bytes()),
        ImageFormat::Png => {
            crate::slide::render::to_png(&slide).map_err(|error| format!("cannot draw the view: {error}"))
        }
    }
}

/// Each actor's saved position, else where the graph's force layout puts it.
fn positions(scenario: &Scenario) -> Vec<[f32; 2]> {
    crate::scene::graph_layout::settled_positions(scenario)
}

/// `NAME.csv` becomes `NAME-actors.csv`, `NAME-energy.csv`… beside it.
fn write_sheets(scenario: &Scenario, out: &Path) -> Result<Vec<PathBuf>, String> {
    let stem = out.file_stem().map_or_else(|| "scenario".into(), |stem| stem.to_string_lossy().into_owned());
    let folder = out.parent().unwrap_or(Path::new(""));
    let mut written = Vec::new();
    for sheet in crate::exchange::csv_sheets::export(scenario) {
        let path = folder.join(format!("{stem}-{}.csv", sheet.kind));
        written.extend(write(&path, sheet.text.as_bytes())?);
    }
    Ok(written)
}

pub(super) fn write(out: &Path, bytes: &[u8]) -> Result<Vec<PathBuf>, String> {
    crate::io::safe_write::write_whole(out, bytes)
        .map(|()| vec![out.to_owned()])
        .map_err(|error| format!("cannot write {}: {error}", out.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_width_by_height_within_limits() {
        assert_eq!(parse_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_size("800X600"), Ok((800, 600)));
        assert!(parse_size("1920").unwrap_err().contains("WIDTHxHEIGHT"));
        assert!(parse_size("0x100").unwrap_err().contains("16 to 8192"));
        assert!(parse_size("axb").is_err());
    }

    #[test]
    fn the_extension_says_what_is_exported() {
        assert_eq!(wanted(Path::new("a/b.PNG")), Some(Wanted::Image(ImageFormat::Png)));
        assert_eq!(wanted(Path::new("b.svg")), Some(Wanted::Image(ImageFormat::Svg)));
        assert_eq!(wanted(Path::new("b.graphml")), Some(Wanted::GraphMl));
        assert_eq!(wanted(Path::new("b.gexf")), Some(Wanted::Gexf));
        assert_eq!(wanted(Path::new("b.csv")), Some(Wanted::CsvSheets));
        assert_eq!(wanted(Path::new("b.ron")), None);
        assert_eq!(wanted(Path::new("b")), None);
    }
}
