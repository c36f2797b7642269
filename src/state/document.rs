//! The open document: the scenario, where it lives on disk, its revision and whether it has unsaved edits.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::history::History;
use crate::derived::Derived;
use crate::diagnostic::Diagnostic;
use crate::edit::{Edit, EditError};
use crate::io::disk_stamp::FileStamp;
use crate::model::Scenario;

/// A file's text and the scenario it reads as.
#[derive(Debug, PartialEq)]
pub struct OnDisk {
    pub text: String,
    pub scenario: Scenario,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// Unique per opened or created document, so that caches never mix two documents' revisions.
    pub id: u64,
    pub scenario: Scenario,
    /// The file it was loaded from or last saved to; `None` for a new or bundled scenario.
    pub path: Option<PathBuf>,
    /// A name for the title bar when there is no path ("Untitled", "serbia-2023.ron (bundled)").
    pub display_name: String,
    /// Increases with every change to the scenario; derived data is cached per revision.
    pub revision: u64,
    pub dirty: bool,
    /// The file's text as last read or written, and the scenario it reads as: a save changes only what differs.
    pub on_disk: Option<Arc<OnDisk>>,
    /// The problems found when the file was read, with their lines and columns (a file with errors opens too, so
    /// that they can be fixed here). The problems of the scenario as it is now are in `derived()`.
    pub load_problems: Vec<Diagnostic>,
    pub history: History,
    /// The history state that was last saved (or loaded): the document is clean when it is current.
    saved_state: u64,
    /// The file as it was on disk when last read or written, to notice changes by other programs.
    pub disk_stamp: Option<FileStamp>,
    /// What views work out from the scenario, for `derived.revision` (the current revision, or an earlier one
    /// while a newer one is worked out in the background).
    derived: Arc<Derived>,
}

impl Document {
    pub fn new_untitled() -> Document {
        // A new scenario is empty on purpose: no warnings about what it does not have yet.
        let mut document = Document::unsaved(Scenario::default(), "Untitled");
        document.load_problems.clear();
        document.refresh_derived();
        document
    }

    pub fn unsaved(scenario: Scenario, display_name: &str) -> Document {
        let load_problems = crate::validate::validate(&scenario);
        Document::opened(scenario, None, display_name.to_owned(), load_problems, None)
    }

    /// A document read from `path`; `text` is the file's text, which saves will change only where needed.
    pub fn from_file(
        scenario: Scenario,
        path: &Path,
        load_problems: Vec<Diagnostic>,
        text: Option<String>,
    ) -> Document {
        let on_disk = text.map(|text| Arc::new(OnDisk { text, scenario: scenario.clone() }));
        Document::opened(scenario, Some(path.to_owned()), file_name(path), load_problems, on_disk)
    }

    /// A fresh document at revision 0, with its derived data worked out.
    fn opened(
        scenario: Scenario,
        path: Option<PathBuf>,
        display_name: String,
        load_problems: Vec<Diagnostic>,
        on_disk: Option<Arc<OnDisk>>,
    ) -> Document {
        let mut document = Document {
            id: next_document_id(),
            scenario,
            path,
            display_name,
            revision: 0,
            dirty: false,
            on_disk,
            load_problems,
            history: History::default(),
            saved_state: 0,
            disk_stamp: None,
            derived: Arc::default(),
        };
        document.refresh_derived();
        document
    }

    pub fn file_name(&self) -> String {
        self.path.as_deref().map_or_else(|| self.display_name.clone(), file_name)
    }

    /// "serbia-2023.ron ● — GeoDep" while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let dirty_marker = if self.dirty { " ●" } else { "" };
        format!("{}{dirty_marker} — GeoDep", self.file_name())
    }

    /// Changes the scenario: every edit goes through here, so that it can be undone and the revision and the
    /// unsaved mark stay true. An edit that cannot be made changes nothing and says why.
    pub fn edit(&mut self, edit: &Edit) -> Result<(), EditError> {
        let before = (!self.history.continues(edit)).then(|| self.scenario.clone());
        edit.apply(&mut self.scenario)?;
        self.history.record(edit, before);
        self.changed();
        Ok(())
    }

    /// Marks the document as differing from its file whatever is undone (for work restored after a crash).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
        self.dirty = true;
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.scenario)?;
        self.changed();
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.scenario)?;
        self.changed();
        Some(label)
    }

    /// What views work out from the scenario. After an edit it may be of an earlier revision for a moment, until
    /// the app has worked out the new one (`refresh_derived`, or in the background for a large scenario).
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// Whether `derived()` is of the scenario as it is now.
    pub fn derived_is_current(&self) -> bool {
        self.derived.is_for(self.id, self.revision)
    }

    /// Works out the derived data of the current revision now, on this thread.
    pub fn refresh_derived(&mut self) {
        let derived = derive(&self.scenario, self.id, self.revision, &self.load_problems);
        self.derived = Arc::new(derived);
    }

    /// Takes derived data worked out elsewhere, unless it is of another document or older than what is held.
    pub fn set_derived(&mut self, derived: Derived) {
        if derived.document == self.id && derived.revision >= self.derived.revision {
            self.derived = Arc::new(derived);
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.dirty = self.history.current_state() != self.saved_state;
    }

    pub fn mark_saved(&mut self, path: &Path) {
        self.mark_saved_at(path, self.history.current_state());
    }

    /// The history state `saved_state` was written to `path`; edits made since (while a save ran in the background)
    /// keep the document marked unsaved.
    pub fn mark_saved_at(&mut self, path: &Path, saved_state: u64) {
        self.path = Some(path.to_owned());
        self.display_name = file_name(path);
        self.saved_state = saved_state;
        self.dirty = self.history.current_state() != saved_state;
        self.disk_stamp = FileStamp::of(path);
    }
}

/// The derived data of a scenario at `revision`. A document as it was read (revision 0) keeps the loader's
/// problems, which carry lines and columns; after an edit, the validator looks at the scenario as it is now.
pub fn derive(scenario: &Scenario, document: u64, revision: u64, load_problems: &[Diagnostic]) -> Derived {
    let problems = if revision == 0 { load_problems.to_vec() } else { crate::validate::validate(scenario) };
    Derived::build(scenario, document, revision, problems)
}

fn next_document_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}
