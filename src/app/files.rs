//! The app's side of file work in the background: starting an open or a save, applying its result when it comes
//! (in the same frame when it comes within a moment), and what the status bar says meanwhile.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use eframe::egui;

use super::GeoDepApp;
use super::file_work::{self, AutosaveJob, MOMENT, OpenJob, Opened, Polled, SaveJob, Saved};
use crate::state::{Action, Busy, Document, FailedLoad, SaveQuestion};

/// The jobs running now: at most one of each kind.
#[derive(Default)]
pub struct FileJobs {
    pub(super) open: Option<OpenJob>,
    /// The document and revision on screen when the open started, to notice edits made while it ran.
    pub(super) open_over: Option<(u64, u64)>,
    /// A document that finished opening while the one on screen was edited, waiting for Save / Discard.
    pub(super) opened: Option<Box<Document>>,
    /// Another file read to compare the open scenario with (Analysis, Changes).
    pub(super) compare: Option<OpenJob>,
    pub(super) save: Option<SaveJob>,
    pub(super) autosave: Option<AutosaveJob>,
    /// The window was asked to close while a save ran: it closes once the save is done.
    pub(super) close_after_save: bool,
}

impl FileJobs {
    pub fn is_saving(&self) -> bool {
        self.save.is_some()
    }
}

impl GeoDepApp {
    /// Opens a file on a worker thread; when it fails, its diagnostics are shown and the open scenario stays.
    pub fn open(&mut self, path: &Path) {
        self.begin_open(file_work::start_open(path));
    }

    /// Opens `path` reading its bytes from `reader` instead of the file (for tests: a slow or stalled reader).
    pub fn open_from_reader(&mut self, path: &Path, reader: Box<dyn Read + Send>, length: Option<u64>) {
        self.begin_open(file_work::start_open_from_reader(path, reader, length));
    }

    fn begin_open(&mut self, job: OpenJob) {
        self.files.open_over = Some((self.document.id, self.document.revision));
        self.files.opened = None;
        self.files.open = Some(job);
        self.finish_open(MOMENT);
    }

    /// Applies the result of the running open, if it has one within `wait`.
    pub(super) fn finish_open(&mut self, wait: Duration) {
        let Some(job) = &self.files.open else { return };
        let path = job.path.clone();
        match job.poll(wait) {
            Polled::Running => return,
            Polled::Lost => self.set_status(format!("Could not open {}: reading it failed", path.display()), true),
            Polled::Done(Opened::Failed(diagnostics, text)) => {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                let noun = if errors == 1 { "problem" } else { "problems" };
                let place = if text.is_some() { "marked in its text above" } else { "listed below" };
                self.set_status(format!("Could not open {}: {errors} {noun}, {place}", path.display()), true);
                let kept_open = self.kept_open();
                self.failed_load = Some(FailedLoad { path: path.clone(), diagnostics, kept_open, text });
            }
            Polled::Done(Opened::Document(document)) => {
                let edited_meanwhile = self.files.open_over != Some((self.document.id, self.document.revision));
                if edited_meanwhile && self.document.dirty {
                    // Never drop the edits made while the file was read: ask, as before any other open.
                    self.files.opened = Some(document);
                    self.unsaved_prompt = Some(Action::AcceptOpened);
                } else {
                    self.show_opened(*document);
                }
            }
        }
        self.files.open = None;
    }

    /// Reads another file on a worker thread, to compare the open scenario with.
    pub(super) fn start_compare(&mut self, path: &Path) {
        self.files.compare = Some(file_work::start_open(path));
        self.finish_compare(MOMENT);
    }

    /// Hands the file read for a comparison to the Changes section, if it has been read within `wait`.
    pub(super) fn finish_compare(&mut self, wait: Duration) {
        let Some(job) = &self.files.compare else { return };
        let path = job.path.clone();
        match job.poll(wait) {
            Polled::Running => return,
            Polled::Done(Opened::Document(other)) => self.views.analysis.changes.compare_with(path, other.scenario),
            Polled::Done(Opened::Failed(..)) | Polled::Lost => self.set_status(
                format!("Cannot compare with {}: it does not open (geodep check lists why)", path.display()),
                true,
            ),
        }
        self.files.compare = None;
    }

    /// Shows a document that finished opening. One with errors opens too, its problems listed, to be fixed here.
    pub(super) fn show_opened(&mut self, document: Document) {
        let path = document.path.clone();
        let errors = document.derived().errors;
        self.replace_document(document);
        let Some(path) = path else { return };
        self.settings.remember(&path);
        if errors == 0 {
            self.set_status(format!("Opened {}", path.display()), false);
        } else {
            let noun = if errors == 1 { "error" } else { "errors" };
            let text = format!("Opened {} with {errors} {noun} to fix: they are listed below", path.display());
            self.set_status(text, true);
            self.view.show_problems = true;
        }
    }

    /// Writes the scenario to `path` on a worker thread (after any running save has finished); `drop_comments`
    /// says the person agreed to lose the comments the change removes.
    pub(super) fn start_save(&mut self, ctx: &egui::Context, path: &Path, drop_comments: bool) {
        self.finish_save(ctx, Duration::from_secs(600));
        let job = file_work::start_save(path, self.document.scenario.clone(), &self.document, drop_comments);
        self.files.save = Some(job);
        self.finish_save(ctx, MOMENT);
    }

    /// Applies the result of the running save, if it has one within `wait`.
    pub(super) fn finish_save(&mut self, ctx: &egui::Context, wait: Duration) {
        let Some(job) = &self.files.save else { return };
        let (path, document, history_state) = (job.path.clone(), job.document, job.history_state);
        let result = match job.poll(wait) {
            Polled::Running => return,
            Polled::Lost => Err("the save stopped before it finished; the file was not changed".to_owned()),
            Polled::Done(result) => result.map_err(|error| error.to_string()),
        };
        self.files.save = None;
        match result {
            Ok(Saved::WouldDropComments(comments)) => {
                // Asked first; Save anyway saves again, dropping them.
                self.safekeeping.save_question = Some(SaveQuestion::LosesComments(path, comments));
                return;
            }
            Ok(Saved::Written { report, on_disk }) => {
                if self.document.id == document {
                    self.document.mark_saved_at(&path, history_state);
                    self.document.on_disk = Some(std::sync::Arc::new(*on_disk));
                    self.safekeeping.disk_notice = None;
                    if !self.document.dirty {
                        self.forget_recovery();
                    }
                }
                self.settings.remember(&path);
                let backup = report.backup.map(|backup| format!("; previous version kept as {}", backup.display()));
                self.set_status(format!("Saved {}{}", path.display(), backup.unwrap_or_default()), false);
                if let Some(pending) = self.after_save.take() {
                    self.apply(ctx, pending);
                }
            }
            // The document keeps its edits and its dirty mark: nothing is lost, the person can retry.
            Err(error) => {
                self.after_save = None;
                self.files.close_after_save = false;
                self.set_status(format!("Not saved: {error}"), true);
            }
        }
        if std::mem::take(&mut self.files.close_after_save) && !self.document.dirty {
            self.closing_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Takes the result of a running autosave, if there is one yet; `wait` says how long to wait for it.
    pub(super) fn finish_autosave(&mut self, wait: Duration) {
        let Some(job) = &self.files.autosave else { return };
        let (key, document, revision) = (job.key.clone(), job.document, job.revision);
        match job.poll(wait) {
            Polled::Running => return,
            Polled::Done(Ok(())) => {
                self.safekeeping.autosaved = Some((document, revision, Instant::now()));
                self.safekeeping.autosaved_key = Some(key);
            }
            Polled::Done(Err(error)) => self.set_status(format!("Could not autosave unsaved work: {error}"), true),
            Polled::Lost => self.set_status("Could not autosave unsaved work".to_owned(), true),
        }
        self.files.autosave = None;
    }

    /// Starts writing the recovery file of the open document in the background.
    pub(super) fn start_autosave(&mut self) {
        if let Some(recovery) = &self.safekeeping.recovery {
            self.files.autosave = Some(file_work::start_autosave(recovery, &self.document));
            self.finish_autosave(MOMENT);
        }
    }

    /// Results of background file work that arrived since the last frame; repaints while work remains.
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        self.finish_open(Duration::ZERO);
        self.finish_compare(Duration::ZERO);
        self.finish_save(ctx, Duration::ZERO);
        self.finish_autosave(Duration::ZERO);
        let files = &self.files;
        if files.open.is_some() || files.compare.is_some() || files.save.is_some() || files.autosave.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// What the status bar says about file work that has taken longer than a moment.
    pub fn busy(&self) -> Option<Busy> {
        let name = |path: &Path| {
            path.file_name().map_or_else(|| path.display().to_string(), |name| name.display().to_string())
        };
        if let Some(job) = &self.files.open
            && job.started.elapsed() >= MOMENT
        {
            // Once every byte is read, the parse and the checks take the rest of the time: no bar stuck at 100%.
            return Some(match job.progress.fraction() {
                Some(done) if done >= 1.0 => Busy { text: format!("Checking {}…", name(&job.path)), fraction: None },
                fraction => Busy { text: format!("Opening {}…", name(&job.path)), fraction },
            });
        }
        if let Some(job) = self.files.compare.as_ref().filter(|job| job.started.elapsed() >= MOMENT) {
            let text = format!("Reading {} to compare…", name(&job.path));
            return Some(Busy { text, fraction: job.progress.fraction().filter(|done| *done < 1.0) });
        }
        let job = self.files.save.as_ref().filter(|job| job.started.elapsed() >= MOMENT)?;
        Some(Busy { text: format!("Saving {}…", name(&job.path)), fraction: None })
    }

    /// Whether a file is being opened or saved in the background.
    pub fn files_busy(&self) -> bool {
        self.files.open.is_some() || self.files.save.is_some()
    }
}
