//! Exporting from the app on a background thread, so that the window stays responsive: the story's slides or
//! its PDF handout (`crate::slide::export`), the current view as an image, or the scenario as GraphML, GEXF or CSV sheets
//! (`crate::exchange`). The scenario is copied, the files are written whole, and the outcome is picked up later.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::Scenario;
use crate::scene::palette::Theme;
use crate::slide::export::{ImageFormat, write_all, write_handout, write_step};
use crate::slide::handout::HandoutOptions;
use crate::state::{CentralView, MatrixKind, ViewState};

/// Slides and view images are exported at full HD, the size of most projectors and slide decks.
pub const SLIDE_SIZE: (u32, u32) = (1920, 1080);

/// What an export says when it is done ("Wrote 5 slides to …"), or why it failed.
type Outcome = Result<String, String>;

#[derive(Default)]
pub struct Exports {
    running: Option<Receiver<Outcome>>,
    /// The theme slides and view images are drawn in: the one chosen in the settings (set by the app).
    pub theme: Theme,
}

impl Exports {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Starts writing every step of `scenario` into `folder`, unless an export is running.
    pub fn start_slides(&mut self, scenario: Scenario, folder: PathBuf) -> bool {
        let theme = self.theme;
        self.run(move || {
            let files = write_all(&scenario, &folder, SLIDE_SIZE, ImageFormat::Png, theme)
                .map_err(|error| error.to_string())?;
            Ok(format!("Wrote {} slides to {}", files.len(), folder.display()))
        })
    }

    /// Starts writing step `number` (from 1) of `scenario` to `file`, unless an export is running.
    pub fn start_step(&mut self, scenario: Scenario, number: usize, file: PathBuf) -> bool {
        let theme = self.theme;
        self.run(move || {
            write_step(&scenario, number, &file, SLIDE_SIZE, ImageFormat::Png, theme)
                .map_err(|error| error.to_string())?;
            Ok(format!("Wrote {}", file.display()))
        })
    }

    /// Starts writing the story of `scenario` to `file` as a PDF handout, unless an export is running.
    pub fn start_handout(&mut self, scenario: Scenario, notes: bool, file: PathBuf) -> bool {
        self.run(move || {
            let options = HandoutOptions { notes };
            let pages = write_handout(&scenario, &file, options).map_err(|error| error.to_string())?;
            Ok(format!("Wrote a handout of {pages} pages to {}", file.display()))
        })
    }

    /// Starts writing the view (PNG, SVG) or the scenario (GraphML, GEXF, CSV sheets) to `file`, by its extension.
    pub fn start_file(&mut self, scenario: Scenario, view: ViewState, matrix: MatrixKind, file: PathBuf) -> bool {
        let theme = self.theme;
        self.run(move || export_file(&scenario, &view, matrix, &file, theme))
    }

    fn run(&mut self, work: impl FnOnce() -> Outcome + Send + 'static) -> bool {
        if self.running.is_some() {
            return false;
        }
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new().name("export".into()).spawn(move || {
            // The app may have closed meanwhile; then nobody waits for the answer.
            let _ = sender.send(work());
        });
        if spawned.is_err() {
            return false;
        }
        self.running = Some(receiver);
        true
    }

    /// The outcome, once the export has finished.
    pub fn poll(&mut self) -> Option<Outcome> {
        let receiver = self.running.as_ref()?;
        let outcome = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err("the export stopped unexpectedly".to_owned()),
        };
        self.running = None;
        Some(outcome)
    }
}

/// The formats File → Export… writes, by extension, for the dialog's filters.
pub const EXPORT_FORMATS: [(&str, &str); 5] = [
    ("PNG image of the view", "png"),
    ("SVG image of the view", "svg"),
    ("GraphML network", "graphml"),
    ("GEXF network (Gephi)", "gexf"),
    ("CSV sheets, one per record kind", "csv"),
];

fn export_file(scenario: &Scenario, view: &ViewState, matrix: MatrixKind, file: &Path, theme: Theme) -> Outcome {
    let extension = file.extension().and_then(|extension| extension.to_str()).unwrap_or("").to_lowercase();
    let write = |path: &Path, bytes: &[u8]| {
        crate::io::safe_write::write_whole(path, bytes)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    };
    let positions = || crate::scene::graph_layout::settled_positions(scenario);
    match extension.as_str() {
        "png" | "svg" => {
            let mut view = view.clone();
            // Only these views have an image form; the others export the graph.
            let drawn = crate::slide::Drawn::central(view.central, matrix);
            if drawn == crate::slide::Drawn::Graph {
                view.central = CentralView::Graph;
            }
            let slide = crate::slide::Deck::themed(scenario, theme).view(&view, drawn, SLIDE_SIZE.0, SLIDE_SIZE.1);
            let bytes = if extension == "svg" {
                crate::slide::svg::to_svg(&slide).into_bytes()
            } else {
                crate::slide::render::to_png(&slide).map_err(|error| format!("cannot draw the view: {error}"))?
            };
            write(file, &bytes)?;
            Ok(format!("Wrote the {} to {}", view.central.label(), file.display()))
        }
        "graphml" => {
            write(file, crate::exchange::graphml::export(scenario, &positions()).as_bytes())?;
            Ok(format!("Wrote {}", file.display()))
        }
        "gexf" => {
            write(file, crate::exchange::gexf::export(scenario, &positions()).as_bytes())?;
            Ok(format!("Wrote {}", file.display()))
        }
        "csv" => {
            let stem = file.file_stem().map_or_else(|| "scenario".into(), |stem| stem.to_string_lossy().into_owned());
            let folder = file.parent().unwrap_or(Path::new(""));
            let sheets = crate::exchange::csv_sheets::export(scenario);
            for sheet in &sheets {
                write(&folder.join(format!("{stem}-{}.csv", sheet.kind)), sheet.text.as_bytes())?;
            }
            Ok(format!("Wrote {} CSV sheets ({stem}-actors.csv…) to {}", sheets.len(), folder.display()))
        }
        _ => Err(format!(
            "{}: name the file .png or .svg (the view), .graphml or .gexf (the network) or .csv (sheets)",
            file.display()
        )),
    }
}
