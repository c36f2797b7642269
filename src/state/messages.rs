//! Messages for the person: the status line, and a file that failed to open.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// A file that failed to open, shown with its diagnostics while the previous scenario stays open.
#[derive(Debug, Clone)]
pub struct FailedLoad {
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// The name of the document that stays open instead, if there is one worth naming.
    pub kept_open: Option<String>,
    /// The file's text, when it is text: shown with its errors marked, to be fixed and checked again.
    pub text: Option<String>,
}

/// A one-line message in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// Work on files running in the background, shown in the status bar once it takes longer than a moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    /// "Opening world.ron…"
    pub text: String,
    /// How much is done, from 0 to 1, when known.
    pub fraction: Option<f32>,
}
