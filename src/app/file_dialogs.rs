//! Native file dialogs (rfd) on a background thread, so the window keeps repainting while one is open.
//!
//! Where no native dialog can be shown (Linux without a desktop portal or zenity), rfd answers `None` at
//! once, exactly as for a cancel. We tell the two apart by the clock and by looking for a portal, and
//! then offer the in-app path entry instead of doing nothing.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::state::PathPurpose;

/// A person takes longer than this to cancel a dialog; an answer sooner means none was shown.
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(400);

/// What a finished dialog gave.
#[derive(Debug, PartialEq)]
pub enum DialogOutcome {
    Picked(PathPurpose, PathBuf),
    /// Files to import: several where the dialog allows.
    PickedFiles(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown: offer the path entry.
    Unavailable(PathPurpose),
}

pub struct FileDialogs {
    pending: Option<Pending>,
    /// Off in tests, so that no test ever waits on a real dialog.
    native_allowed: bool,
}

impl Default for FileDialogs {
    fn default() -> Self {
        FileDialogs { pending: None, native_allowed: true }
    }
}

struct Pending {
    purpose: PathPurpose,
    started: Instant,
    answer: Receiver<Option<Vec<PathBuf>>>,
}

impl FileDialogs {
    /// Never show native dialogs; every request offers the in-app path entry instead.
    pub fn disable_native(&mut self) {
        self.native_allowed = false;
    }

    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Starts a dialog unless one is open. Returns `Unavailable` when none can be shown here.
    pub fn start(
        &mut self,
        purpose: PathPurpose,
        suggested_name: &str,
        folder: Option<PathBuf>,
    ) -> Option<DialogOutcome> {
        if self.pending.is_some() {
            return None;
        }
        if !self.native_allowed || !native_dialogs_possible() {
            return Some(DialogOutcome::Unavailable(purpose));
        }
        let (sender, answer) = channel();
        let suggested_name = suggested_name.to_owned();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let scenarios = |dialog: rfd::FileDialog| dialog.add_filter("GeoDep scenario (RON)", &["ron"]);
            let picked = match purpose {
                PathPurpose::ImportFiles => dialog
                    .add_filter("Tables and networks", &["csv", "tsv", "txt", "graphml", "gexf"])
                    .add_filter("Any file", &["*"])
                    .set_title("Import files into a new scenario")
                    .pick_files(),
                PathPurpose::Export => super::exports::EXPORT_FORMATS
                    .iter()
                    .fold(dialog, |dialog, (name, extension)| dialog.add_filter(*name, &[*extension]))
                    .set_title("Export the view or the scenario as")
                    .set_file_name(suggested_name)
                    .save_file()
                    .map(|file| vec![file]),
                PathPurpose::Open => scenarios(dialog).set_title("Open scenario").pick_file().map(|file| vec![file]),
                PathPurpose::SaveAs => scenarios(dialog)
                    .set_title("Save scenario as")
                    .set_file_name(suggested_name)
                    .save_file()
                    .map(|file| vec![file]),
                PathPurpose::ExportSlides => {
                    dialog.set_title("Export the slides into a folder").pick_folder().map(|folder| vec![folder])
                }
                PathPurpose::ExportStep => dialog
                    .add_filter("PNG image", &["png"])
                    .set_title("Export this step's slide as")
                    .set_file_name(suggested_name)
                    .save_file()
                    .map(|file| vec![file]),
                PathPurpose::ExportHandout { .. } => dialog
                    .add_filter("PDF document", &["pdf"])
                    .set_title("Export the story as a PDF handout")
                    .set_file_name(suggested_name)
                    .save_file()
                    .map(|file| vec![file]),
            };
            // The receiver may be gone if the app closed meanwhile; nothing to do then.
            let _ = sender.send(picked);
        });
        if spawned.is_err() {
            return Some(DialogOutcome::Unavailable(purpose));
        }
        self.pending = Some(Pending { purpose, started: Instant::now(), answer });
        None
    }

    /// The outcome of the open dialog, once it has closed.
    pub fn poll(&mut self) -> Option<DialogOutcome> {
        let pending = self.pending.as_ref()?;
        let outcome = match pending.answer.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Ok(Some(files)) if pending.purpose == PathPurpose::ImportFiles => DialogOutcome::PickedFiles(files),
            Ok(Some(mut paths)) if !paths.is_empty() => DialogOutcome::Picked(pending.purpose, paths.remove(0)),
            Ok(Some(_)) => DialogOutcome::Cancelled,
            Ok(None) if pending.started.elapsed() < FASTEST_HUMAN_CANCEL => DialogOutcome::Unavailable(pending.purpose),
            Ok(None) => DialogOutcome::Cancelled,
            Err(TryRecvError::Disconnected) => DialogOutcome::Unavailable(pending.purpose),
        };
        self.pending = None;
        Some(outcome)
    }
}

/// Whether a native dialog has any chance: on Linux rfd needs the desktop portal (over the session bus)
/// or the zenity program.
fn native_dialogs_possible() -> bool {
    if cfg!(target_os = "linux") {
        return std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || program_on_path("zenity");
    }
    true
}

fn program_on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|folder| folder.join(program).is_file()))
}
