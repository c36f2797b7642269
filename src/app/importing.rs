//! Importing on a background thread, so that the window keeps drawing (and shows a progress bar) while large
//! files are read and converted: the files are read (bounded, regular files only), `crate::exchange::import`
//! makes the scenario, and the outcome is picked up later.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::exchange::{FileReport, ImportMapping, InputFile};
use crate::state::ImportOutcome;

#[derive(Default)]
pub struct ImportJob {
    running: Option<Running>,
}

struct Running {
    /// The fraction done, as `f32` bits: reading takes the first half, converting the second.
    progress: Arc<AtomicU32>,
    outcome: Receiver<ImportOutcome>,
}

impl ImportJob {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Starts importing `files` with `mapping`, unless an import is running.
    pub fn start(&mut self, files: Vec<PathBuf>, mapping: ImportMapping) -> bool {
        if self.running.is_some() {
            return false;
        }
        let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
        let (sender, outcome) = channel();
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new().name("import".into()).spawn(move || {
            let set = |fraction: f32| shared.store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
            // The app may have closed meanwhile; then nobody waits for the answer.
            let _ = sender.send(import(&files, &mapping, &set));
        });
        if spawned.is_err() {
            return false;
        }
        self.running = Some(Running { progress, outcome });
        true
    }

    /// The fraction done while an import runs.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref().map(|running| f32::from_bits(running.progress.load(Ordering::Relaxed)))
    }

    /// The outcome, once the import has finished.
    pub fn poll(&mut self) -> Option<Result<ImportOutcome, String>> {
        let running = self.running.as_ref()?;
        let outcome = match running.outcome.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(outcome) => Ok(outcome),
            Err(TryRecvError::Disconnected) => Err("the import stopped unexpectedly".to_owned()),
        };
        self.running = None;
        Some(outcome)
    }
}

/// Reads every file and imports what could be read; a file that could not be read is in the report, refused.
pub fn import(paths: &[PathBuf], mapping: &ImportMapping, progress: &dyn Fn(f32)) -> ImportOutcome {
    let total: u64 = paths.iter().filter_map(|path| std::fs::metadata(path).ok()).map(|meta| meta.len()).sum();
    let mut done = 0u64;
    let mut inputs = Vec::with_capacity(paths.len());
    let mut unreadable = Vec::new();
    for path in paths {
        let name = file_name(path);
        let mut reading = |read: u64| progress((done + read) as f32 / total.max(1) as f32 / 2.0);
        match crate::io::read_regular_file(path, &mut reading) {
            Ok(bytes) => {
                done += bytes.len() as u64;
                inputs.push(InputFile { name, bytes });
            }
            Err(why) => {
                let mut report = FileReport::new(&name, None);
                report.refuse(why);
                unreadable.push(report);
            }
        }
    }
    let (scenario, mut report) =
        crate::exchange::import(&inputs, mapping, &mut |fraction| progress(0.5 + fraction / 2.0));
    report.files.extend(unreadable);
    ImportOutcome { scenario, report }
}

/// Whether a file's name says it is another tool's file (a sheet, a table, a network) rather than a scenario.
pub fn is_import_file(path: &Path) -> bool {
    let extension = path.extension().and_then(|extension| extension.to_str()).map(str::to_lowercase);
    matches!(extension.as_deref(), Some("csv" | "tsv" | "graphml" | "gexf"))
}

pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

impl super::GeoDepApp {
    /// Whether an import or an export is running in the background.
    pub fn import_or_export_busy(&self) -> bool {
        self.import_job.is_running() || self.exports.is_running()
    }

    pub(super) fn show_import(&mut self, show: bool) {
        if show {
            self.import.get_or_insert_with(Default::default);
        } else {
            self.import = None;
        }
    }

    pub(super) fn add_import_files(&mut self, files: Vec<PathBuf>) {
        self.import.get_or_insert_with(Default::default).add(files);
    }

    pub(super) fn run_import(&mut self, mapping: ImportMapping) {
        let Some(setup) = &mut self.import else { return };
        if setup.files.is_empty() {
            self.set_status("Add the files to import first".to_owned(), true);
        } else if self.import_job.start(setup.files.clone(), mapping) {
            setup.progress = Some(0.0);
            setup.outcome = None;
        } else {
            self.set_status("An import is already running; wait for it to finish".to_owned(), true);
        }
    }

    /// Picks up the running import's progress and, once it is done, its outcome for the window to show.
    pub(super) fn poll_import(&mut self, ctx: &eframe::egui::Context) {
        if !self.import_job.is_running() {
            return;
        }
        let progress = self.import_job.progress();
        match self.import_job.poll() {
            None => {
                if let Some(setup) = &mut self.import {
                    setup.progress = progress;
                }
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            Some(outcome) => {
                let Some(setup) = &mut self.import else { return };
                setup.progress = None;
                match outcome {
                    Ok(outcome) => setup.outcome = Some(outcome),
                    Err(why) => self.set_status(format!("Could not import: {why}"), true),
                }
            }
        }
    }

    /// Opens the imported scenario as new work: unsaved, so that closing or opening another file asks first.
    pub(super) fn accept_import(&mut self) {
        let Some(outcome) = self.import.as_mut().and_then(|setup| setup.outcome.take()) else { return };
        let title = outcome.scenario.title.clone();
        let mut document = crate::state::Document::unsaved(outcome.scenario, &title);
        document.dirty = true;
        self.replace_document(document);
        self.import = None;
        self.set_status(format!("Opened the import as \"{title}\", not yet saved: save it to keep it (Ctrl+S)"), false);
    }

    /// Writes the current view (PNG, SVG) or the scenario (GraphML, GEXF, CSV) to `file`, in the background.
    pub(super) fn export_file(&mut self, file: PathBuf) {
        let matrix = self.views.matrices.kind;
        if self.exports.start_file(self.document.scenario.clone(), self.view.clone(), matrix, file.clone()) {
            self.set_status(format!("Exporting to {}…", file.display()), false);
        } else {
            self.set_status("An export is already running; wait for it to finish".to_owned(), true);
        }
    }
}
