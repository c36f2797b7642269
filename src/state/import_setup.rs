//! The import window's state as the app keeps it: the files chosen, the running import's progress, and what
//! the last import made (its report, and the scenario waiting to be opened).

use std::path::PathBuf;

use crate::exchange::ImportReport;
use crate::model::Scenario;

#[derive(Debug, Default)]
pub struct ImportSetup {
    pub files: Vec<PathBuf>,
    /// The fraction done, from 0 to 1, while an import runs.
    pub progress: Option<f32>,
    pub outcome: Option<ImportOutcome>,
}

/// What an import made: the new scenario (opened only when the person says so) and its report.
#[derive(Debug)]
pub struct ImportOutcome {
    pub scenario: Scenario,
    pub report: ImportReport,
}

impl ImportSetup {
    /// Adds files not already listed; the last outcome no longer matches the list, so it goes.
    pub fn add(&mut self, files: Vec<PathBuf>) {
        for file in files {
            if !self.files.contains(&file) {
                self.files.push(file);
            }
        }
        self.outcome = None;
    }

    pub fn remove(&mut self, index: usize) {
        if index < self.files.len() {
            self.files.remove(index);
            self.outcome = None;
        }
    }
}
