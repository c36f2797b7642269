//! What views ask for. Views return actions; `GeoDepApp::apply` carries them out in one place.

use std::path::PathBuf;

use super::settings::ThemeChoice;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    NewScenario,
    /// Show the native open dialog (or the in-app path entry where there is none).
    OpenDialog,
    Open(PathBuf),
    /// Open the scenario bundled with the app.
    OpenBundled,
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    /// Show the in-app path entry for opening or saving.
    TypePath(PathPurpose),
    ClosePathPrompt,
    Quit,
    SelectActor(Option<String>),
    SetTheme(ThemeChoice),
    ClearRecentFiles,
    ShowProblems(bool),
    DismissFailedLoad,
    DismissStatus,
}

/// What a typed or picked path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
}
