//! What views ask for. Views return actions; the app (`GeoDepApp::apply`) carries them out in one place.

use std::path::PathBuf;

use super::presentation::SlideMove;
use super::settings::ThemeChoice;
use super::view_state::{CentralView, GraphFilters, GraphOverlay};
use crate::edit::Edit;
use crate::model::RecordRef;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    NewScenario,
    /// Show the native open dialog (or the in-app path entry where there is none).
    OpenDialog,
    Open(PathBuf),
    /// Read `text` (a file's text fixed in the text view) as the scenario of `path`: it opens, unsaved, or its
    /// errors are shown again.
    OpenText {
        path: PathBuf,
        text: String,
    },
    /// Show a file that finished opening in the background while the open scenario was being edited.
    AcceptOpened,
    /// Open a scenario bundled with the app (by file name) as a new, unsaved document.
    OpenBundled(&'static str),
    /// Show or hide the start screen (the bundled scenarios and the recent files).
    ShowStartScreen(bool),
    /// Whether the start screen shows when GeoDep starts without a file.
    SetStartScreenAtLaunch(bool),
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    /// Show the in-app path entry for opening or saving.
    TypePath(PathPurpose),
    ClosePathPrompt,
    Quit,
    /// Answers to the unsaved-changes prompt.
    SaveThenContinue,
    DiscardThenContinue,
    CancelPending,
    /// Answers to the questions before a save that would lose comments or another program's changes.
    SaveAnyway,
    CancelSave,
    /// Answers to "the file changed on disk": read it again (asking first if there are unsaved edits), or keep
    /// the open version.
    ReloadFromDisk,
    KeepMine,
    /// Answers to the offer of work autosaved before a crash, by its place in the list.
    RestoreRecovered(usize),
    DiscardRecovered(usize),
    /// Select an actor alone, or toggle it in the selection when `additive` (shift-click).
    Select {
        id: String,
        additive: bool,
    },
    /// Select these actors (a group's members) alone, or add them all to the selection when `additive`.
    SelectAll {
        ids: Vec<String>,
        additive: bool,
    },
    ClearSelection,
    /// Highlight one record in the Inspector and select the actor it is about.
    SelectRecord(RecordRef),
    /// Choose the year by hand (this stops the years playing).
    SetYear(Option<i32>),
    /// Play the scenario's years one after another, or pause them (the Play button and P).
    PlayYears(bool),
    TogglePlayYears,
    /// Seconds each year is shown while playing.
    SetPlaySpeed(f32),
    /// Start again from the first year after the last, instead of stopping.
    SetPlayLoop(bool),
    /// Load another scenario file to compare the open one with (Analysis, Changes).
    CompareWithFile(PathBuf),
    /// Lay an analysis result over the graph, or take it off.
    SetOverlay(Option<GraphOverlay>),
    SetFilters(GraphFilters),
    ShowCentral(CentralView),
    ShowHelp(bool),
    ToggleHelp,
    /// Change the scenario; undoable. Boxed: a record is large next to every other action.
    Edit(Box<Edit>),
    Undo,
    Redo,
    /// Open a record in the Data tab's form.
    EditRecord {
        kind: crate::edit::RecordKind,
        index: usize,
    },
    SetTheme(ThemeChoice),
    /// Make everything larger or smaller (Ctrl +, Ctrl -), or back to normal size (Ctrl 0).
    ZoomUi(UiZoom),
    /// Play the story as slides, from the first step or from the step shown last.
    StartPresentation {
        from_current: bool,
    },
    Slide(SlideMove),
    /// Play the story step's span of years again, from its first year.
    ReplayStepYears,
    /// Leave the presentation and give back the view as it was.
    EndPresentation,
    /// Open or close the speaker notes window.
    ShowSpeakerNotes(bool),
    /// Add the view on screen (central view, layers, year, selection, shock, camera) as a story step.
    AddViewAsStep,
    /// Ask for a folder, then write every story step there as a PNG slide.
    ExportSlidesDialog,
    ExportSlides(PathBuf),
    /// Ask for a file, then write the current story step there as a PNG slide.
    ExportStepDialog,
    ExportStep(PathBuf),
    /// Ask for a file, then write the story there as a PDF handout, with the speaker notes or without.
    ExportHandoutDialog {
        notes: bool,
    },
    ExportHandout {
        file: PathBuf,
        notes: bool,
    },
    ClearRecentFiles,
    ShowProblems(bool),
    DismissFailedLoad,
    DismissStatus,
    /// File → Import…: show or close the import window.
    ShowImport(bool),
    /// Pick files to import (the native dialog, or the in-app path entry).
    ImportFilesDialog,
    AddImportFiles(Vec<PathBuf>),
    RemoveImportFile(usize),
    /// Read the import window's files into a new scenario, in the background, with these choices.
    RunImport(Box<crate::exchange::ImportMapping>),
    /// Open the scenario the import made as a new, unsaved document.
    AcceptImport,
    /// File → Export…: ask where, then write the view or the scenario in the format the name's extension says.
    ExportDialog,
    Export(PathBuf),
}

impl Action {
    pub fn edit(edit: Edit) -> Action {
        Action::Edit(Box::new(edit))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiZoom {
    In,
    Out,
    Reset,
}

/// What a typed or picked path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    /// A folder for the story's slide images.
    ExportSlides,
    /// A PNG file for the slide of the current story step.
    ExportStep,
    /// Files to import (several at once where the dialog allows).
    ImportFiles,
    /// A file for the current view (PNG, SVG) or the scenario (GraphML, GEXF, CSV sheets).
    Export,
    /// A PDF file for the story's handout, with the speaker notes or without.
    ExportHandout {
        notes: bool,
    },
}
