//! What keeping work safe needs to remember: the recovery folder and what was autosaved last, work recovered
//! from a crash, a change to the open file on disk, and a question waiting before a save. The app does the work
//! (`app::safekeeping`); views show the notices and questions.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::io::disk_stamp::DiskChange;
use crate::io::recovery::{RecoveredWork, Recovery};

/// How often unsaved work is written to the recovery file, and the open file looked at for changes.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(5);
pub const DISK_CHECK_EVERY: Duration = Duration::from_secs(2);

/// Why a save waits for the person's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveQuestion {
    /// The scenario has this many errors; saving writes them as they are (they can be fixed later).
    HasErrors(PathBuf, usize),
    /// Saving drops these comments written by hand (inside a changed value or a deleted record).
    LosesComments(PathBuf, Vec<String>),
    /// Another program changed (or removed) the file since it was opened or saved here.
    ChangedOnDisk(PathBuf, DiskChange),
}

/// The questions before a save that the person has already answered with "go on".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SaveAnswers {
    pub errors: bool,
    pub changed_on_disk: bool,
}

#[derive(Default)]
pub struct Safekeeping {
    pub(crate) recovery: Option<Recovery>,
    /// Work found in the recovery folder at start, offered back.
    pub recovered: Vec<RecoveredWork>,
    /// The recovery file of the open document, once written.
    pub(crate) autosaved_key: Option<String>,
    /// The document revision last autosaved, and when.
    pub(crate) autosaved: Option<(u64, u64, Instant)>,
    pub(crate) last_disk_check: Option<Instant>,
    /// The open file changed on disk; the person has not answered yet.
    pub disk_notice: Option<DiskChange>,
    pub save_question: Option<SaveQuestion>,
}
