//! Keeping work safe: questions before a save that would lose something (hand-written comments, changes another
//! program made to the file), noticing when the open file changes on disk, autosaving unsaved work to a recovery
//! file every few seconds, and offering it back after a crash.

use std::path::{Path, PathBuf};
use std::time::Instant;

use eframe::egui;

use super::GeoDepApp;
use crate::io::disk_stamp::{FileStamp, disk_change};
use crate::io::load_file;
use crate::io::recovery::Recovery;
use crate::state::{AUTOSAVE_EVERY, DISK_CHECK_EVERY, Document, SaveAnswers, SaveQuestion};

impl GeoDepApp {
    /// Autosaves unsaved work to recovery files in `folder`, and offers back any work found there from a run
    /// that did not end cleanly.
    pub fn with_recovery(mut self, folder: PathBuf) -> GeoDepApp {
        let recovery = Recovery::new(folder);
        self.safekeeping.recovered = recovery.list();
        self.safekeeping.recovery = Some(recovery);
        self
    }

    /// Saves to `path`, first asking when the scenario has errors or the save would replace another program's
    /// changes; `answered` says which of those the person has already let go on. (A save that would drop comments
    /// asks once the save is prepared.) Saving is never refused: errors are written as they are.
    pub(super) fn save_checked(&mut self, ctx: &egui::Context, path: &Path, answered: SaveAnswers) {
        if let Some(question) = self.save_question(path, answered) {
            self.safekeeping.save_question = Some(question);
            return;
        }
        self.safekeeping.save_question = None;
        self.start_save(ctx, path, false);
    }

    /// The first question not answered yet. Only saving over the document's own file can lose another program's
    /// changes.
    fn save_question(&self, path: &Path, answered: SaveAnswers) -> Option<SaveQuestion> {
        let errors = self.document.derived().errors;
        if errors > 0 && !answered.errors {
            return Some(SaveQuestion::HasErrors(path.to_owned(), errors));
        }
        if self.document.path.as_deref() != Some(path) || answered.changed_on_disk {
            return None;
        }
        let change = disk_change(path, self.document.disk_stamp)?;
        Some(SaveQuestion::ChangedOnDisk(path.to_owned(), change))
    }

    /// The person chose not to save after all.
    pub(super) fn cancel_save(&mut self) {
        self.safekeeping.save_question = None;
        self.after_save = None;
    }

    /// Notices when the open file was changed or removed by another program (looked at every two seconds).
    pub(super) fn check_disk(&mut self, ctx: &egui::Context) {
        let Some(path) = self.document.path.clone() else { return };
        let due = self.safekeeping.last_disk_check.is_none_or(|last| last.elapsed() >= DISK_CHECK_EVERY);
        if due {
            self.safekeeping.last_disk_check = Some(Instant::now());
            self.safekeeping.disk_notice = disk_change(&path, self.document.disk_stamp);
        }
        ctx.request_repaint_after(DISK_CHECK_EVERY);
    }

    /// Looks at the open file now rather than at the next two-second check.
    pub fn check_disk_now(&mut self, ctx: &egui::Context) {
        self.safekeeping.last_disk_check = None;
        self.check_disk(ctx);
    }

    /// "Keep mine": the person knows the file changed and keeps the open version; saving will replace the file.
    pub(super) fn keep_mine(&mut self) {
        if let Some(path) = &self.document.path {
            self.document.disk_stamp = FileStamp::of(path);
        }
        self.safekeeping.disk_notice = None;
    }

    /// Writes unsaved work to the recovery file when it changed and the last autosave is a few seconds old.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if self.safekeeping.recovery.is_none() || self.files.autosave.is_some() {
            return;
        }
        let document = &self.document;
        if !document.dirty {
            // Undone back to the saved state: the autosaved copy holds nothing worth offering any more.
            if self.safekeeping.autosaved_key.is_some() {
                self.forget_recovery();
            }
            return;
        }
        let due = match self.safekeeping.autosaved {
            Some((id, revision, _)) if (id, revision) == (document.id, document.revision) => return,
            Some((id, _, when)) if id == document.id => when.elapsed() >= AUTOSAVE_EVERY,
            _ => true,
        };
        if !due {
            ctx.request_repaint_after(AUTOSAVE_EVERY);
            return;
        }
        self.start_autosave();
    }

    /// The open document's work is saved or discarded: its recovery file goes.
    pub(super) fn forget_recovery(&mut self) {
        // An autosave still being written would bring the file back after it is removed.
        self.finish_autosave(std::time::Duration::from_secs(600));
        if let (Some(recovery), Some(key)) = (&self.safekeeping.recovery, self.safekeeping.autosaved_key.take()) {
            recovery.remove(&key);
        }
        self.safekeeping.autosaved = None;
    }

    /// Opens work found in the recovery folder as an unsaved document belonging to its original file.
    pub(super) fn restore(&mut self, index: usize) {
        if index >= self.safekeeping.recovered.len() {
            return;
        }
        let work = self.safekeeping.recovered.remove(index);
        let report = load_file(&work.file);
        let Some(scenario) = report.scenario else {
            self.set_status(format!("Could not restore {}: the autosaved copy is damaged", work.file.display()), true);
            return;
        };
        let mut document = match &work.original {
            // The recovery file's lines are not the original's: its problems are listed by record path alone.
            Some(path) => {
                let problems = crate::validate::validate(&scenario);
                Document::from_file(scenario, path, problems, None)
            }
            None => Document::unsaved(scenario, "Recovered work"),
        };
        document.disk_stamp = work.original.as_deref().and_then(FileStamp::of);
        document.mark_unsaved();
        self.forget_recovery();
        self.replace_document(document);
        // The copy in memory is autosaved again under this run's key before the old file goes.
        self.autosave_now();
        if let Some(recovery) = &self.safekeeping.recovery {
            let rewritten = self.safekeeping.autosaved_key.as_deref().map(|key| recovery.file(key));
            if rewritten.as_ref() != Some(&work.file) {
                recovery.discard(&work);
            }
        }
        self.set_status("Restored unsaved work; save it to keep it".to_owned(), false);
    }

    fn autosave_now(&mut self) {
        let Some(recovery) = &self.safekeeping.recovery else { return };
        let document = &self.document;
        let key = Recovery::key(document.path.as_deref(), document.id);
        if recovery.write(&key, document.path.as_deref(), &document.scenario).is_ok() {
            self.safekeeping.autosaved = Some((document.id, document.revision, Instant::now()));
            self.safekeeping.autosaved_key = Some(key);
        }
    }

    pub(super) fn discard_recovered(&mut self, index: usize) {
        if index >= self.safekeeping.recovered.len() {
            return;
        }
        let work = self.safekeeping.recovered.remove(index);
        if let Some(recovery) = &self.safekeeping.recovery {
            recovery.discard(&work);
        }
    }
}
