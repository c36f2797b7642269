//! The eframe app: the open document, view state and settings, and the one place where actions are
//! applied (`apply`). Views in `crate::ui` draw from shared references and return actions; the state they read
//! and the actions they return live in `crate::state`, below both.

mod derived_refresh;
mod exports;
mod file_dialogs;
mod file_work;
mod files;
mod importing;
mod memory;
mod playing;
mod presenting;
mod safekeeping;

pub use memory::keep_freed_memory_for_frames;

use std::path::{Path, PathBuf};

use eframe::egui;

// What the app holds and applies, named here too for the binary and the tests that drive the app.
pub use crate::state::{
    Action, CentralView, Document, FailedLoad, GraphFilters, GraphOverlay, PathPurpose, Playback, Presentation,
    Safekeeping, SaveAnswers, SaveQuestion, Settings, Status, ThemeChoice, UiZoom, ViewState,
};

use crate::edit::Edit;
use crate::io::load_text;
use crate::model::RecordRef;
use crate::ui;
use file_dialogs::{DialogOutcome, FileDialogs};

/// What to open at start.
#[derive(Debug, Clone, PartialEq)]
pub enum Startup {
    /// The first bundled scenario.
    Bundled,
    /// The first bundled scenario with the start screen over it (unless the person turned it off).
    StartScreen,
    File(PathBuf),
    Untitled,
}

pub struct GeoDepApp {
    pub document: Document,
    pub view: ViewState,
    /// The years playing one after another (the Play button, P, a story step's span).
    pub playback: Playback,
    pub settings: Settings,
    pub failed_load: Option<FailedLoad>,
    pub status: Option<Status>,
    /// The views' own state: cameras, caches, the start screen, an open path prompt.
    pub views: ui::Views,
    /// The story played as slides, while it plays.
    pub presentation: Option<Presentation>,
    /// The story step shown last, where Shift+F5 starts.
    pub story_position: usize,
    pub safekeeping: Safekeeping,
    /// An action that would drop unsaved changes, waiting for Save / Discard / Cancel.
    pub unsaved_prompt: Option<Action>,
    /// The action to carry out once a Save As started from that prompt has saved.
    after_save: Option<Action>,
    /// Set once the person chose to quit, so the next close request is let through.
    closing_confirmed: bool,
    dialogs: FileDialogs,
    /// Opening, saving and autosaving running in the background.
    files: files::FileJobs,
    derived_refresh: derived_refresh::DerivedRefresh,
    exports: exports::Exports,
    /// The import window, while it is open.
    import: Option<crate::state::ImportSetup>,
    import_job: importing::ImportJob,
    shown_title: String,
    applied_theme: Option<ThemeChoice>,
}

const SETTINGS_KEY: &str = "geodep-settings";
/// The app id the window and its stored settings are known by.
pub const APP_ID: &str = "geodep";

impl GeoDepApp {
    /// The app as eframe starts it: settings from the previous run, then the startup file.
    pub fn from_creation_context(creation: &eframe::CreationContext<'_>, startup: Startup) -> GeoDepApp {
        let settings: Settings =
            creation.storage.and_then(|storage| eframe::get_value(storage, SETTINGS_KEY)).unwrap_or_default();
        let app = GeoDepApp::new(settings, startup);
        // Autosaves go beside the settings, in the app's own folder, never next to the person's files.
        match eframe::storage_dir(APP_ID) {
            Some(folder) => app.with_recovery(folder.join("recovery")),
            None => app,
        }
    }

    pub fn new(settings: Settings, startup: Startup) -> GeoDepApp {
        let mut app = GeoDepApp {
            document: Document::new_untitled(),
            view: ViewState::default(),
            playback: Playback::default(),
            settings,
            failed_load: None,
            status: None,
            views: ui::Views::default(),
            presentation: None,
            story_position: 0,
            safekeeping: Safekeeping::default(),
            unsaved_prompt: None,
            after_save: None,
            closing_confirmed: false,
            dialogs: FileDialogs::default(),
            files: files::FileJobs::default(),
            derived_refresh: Default::default(),
            exports: Default::default(),
            import: None,
            import_job: Default::default(),
            shown_title: String::new(),
            applied_theme: None,
        };
        match startup {
            Startup::Bundled => app.open_bundled(crate::library::BUNDLED[0].file_name),
            Startup::StartScreen => {
                app.open_bundled(crate::library::BUNDLED[0].file_name);
                if !app.settings.skip_start_screen {
                    app.views.start_screen.show(&app.settings);
                }
            }
            Startup::File(path) if importing::is_import_file(&path) => app.add_import_files(vec![path]),
            Startup::File(path) => app.open(&path),
            Startup::Untitled => {}
        }
        app
    }

    /// Carries out one action. Every change to the document, the files and the settings happens here.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        // Another tool's file, opened or dropped, is offered for import: it replaces nothing yet.
        if let Action::Open(path) = &action
            && importing::is_import_file(path)
        {
            self.add_import_files(vec![path.clone()]);
            return;
        }
        if self.document.dirty && discards_document(&action) {
            // Never drop edits silently: ask first, and carry the action out only after Save or Discard.
            self.unsaved_prompt = Some(action);
            return;
        }
        self.perform(ctx, action);
    }

    /// Carries out an action without the unsaved-changes guard.
    fn perform(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::NewScenario => self.replace_document(Document::new_untitled()),
            Action::OpenDialog => self.start_dialog(ctx, PathPurpose::Open),
            Action::Open(path) => self.open(&path),
            Action::OpenText { path, text } => self.open_text(&path, text),
            Action::AcceptOpened => {
                if let Some(document) = self.files.opened.take() {
                    self.show_opened(*document);
                }
            }
            Action::OpenBundled(file_name) => self.open_bundled(file_name),
            Action::ShowStartScreen(true) => self.views.start_screen.show(&self.settings),
            Action::ShowStartScreen(false) => self.views.start_screen.open = false,
            Action::SetStartScreenAtLaunch(show) => self.settings.skip_start_screen = !show,
            Action::Save => match self.document.path.clone() {
                Some(path) => self.save_checked(ctx, &path, SaveAnswers::default()),
                None => self.start_dialog(ctx, PathPurpose::SaveAs),
            },
            Action::SaveAsDialog => {
                self.safekeeping.save_question = None;
                self.start_dialog(ctx, PathPurpose::SaveAs);
            }
            Action::SaveAs(path) => self.save_checked(ctx, &path, SaveAnswers::default()),
            Action::SaveAnyway => match self.safekeeping.save_question.take() {
                Some(SaveQuestion::HasErrors(path, _)) => {
                    self.save_checked(ctx, &path, SaveAnswers { errors: true, changed_on_disk: false })
                }
                Some(SaveQuestion::ChangedOnDisk(path, _)) => {
                    self.save_checked(ctx, &path, SaveAnswers { errors: true, changed_on_disk: true })
                }
                Some(SaveQuestion::LosesComments(path, _)) => self.start_save(ctx, &path, true),
                None => {}
            },
            Action::CancelSave => self.cancel_save(),
            Action::ReloadFromDisk => {
                if let Some(path) = self.document.path.clone() {
                    self.open(&path);
                }
            }
            Action::KeepMine => self.keep_mine(),
            Action::RestoreRecovered(index) => self.restore(index),
            Action::DiscardRecovered(index) => self.discard_recovered(index),
            Action::TypePath(purpose) => self.views.path_prompt = Some(self.new_path_prompt(purpose, None)),
            Action::ClosePathPrompt => self.views.path_prompt = None,
            Action::Quit => {
                // A save in progress is let finish, so that no half-written temporary file is left behind.
                self.finish_save(ctx, std::time::Duration::from_secs(600));
                self.forget_recovery();
                self.closing_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::SaveThenContinue => self.save_then_continue(ctx),
            Action::DiscardThenContinue => {
                if let Some(pending) = self.unsaved_prompt.take() {
                    self.perform(ctx, pending);
                }
            }
            Action::CancelPending => {
                self.unsaved_prompt = None;
                self.files.opened = None;
            }
            Action::Select { id, additive } => {
                self.view.highlighted_record = None;
                self.view.select(&id, additive);
            }
            Action::SelectAll { ids, additive } => {
                self.view.highlighted_record = None;
                if !additive {
                    self.view.selection.clear();
                }
                self.view.selection.extend(ids);
            }
            Action::ClearSelection => {
                self.view.highlighted_record = None;
                self.view.selection.clear();
            }
            Action::SelectRecord(record) => self.select_record(record),
            Action::SetYear(year) => {
                self.playback.pause();
                self.view.year = year;
            }
            Action::PlayYears(play) => self.play_years(ctx, play),
            Action::TogglePlayYears => self.play_years(ctx, !self.playback.playing),
            Action::SetPlaySpeed(seconds) => self.playback.seconds_per_year = seconds,
            Action::SetPlayLoop(looping) => self.playback.looping = looping,
            Action::SetOverlay(overlay) => self.view.overlay = overlay,
            Action::CompareWithFile(path) => self.start_compare(&path),
            Action::SetFilters(filters) => self.view.filters = filters,
            Action::ShowCentral(view) => self.view.central = view,
            Action::ShowHelp(show) => self.view.show_help = show,
            Action::ToggleHelp => self.view.show_help = !self.view.show_help,
            Action::Edit(edit) => self.edit(&edit),
            Action::EditRecord { kind, index } => {
                self.views.editor.select(kind, index);
                self.view.central = CentralView::Data;
            }
            Action::Undo => {
                let before = self.actor_ids();
                match self.document.undo() {
                    Some(label) => self.set_status(format!("Undid {label}"), false),
                    None => self.set_status("Nothing to undo".to_owned(), false),
                }
                self.after_history_step(&before);
            }
            Action::Redo => {
                let before = self.actor_ids();
                match self.document.redo() {
                    Some(label) => self.set_status(format!("Redid {label}"), false),
                    None => self.set_status("Nothing to redo".to_owned(), false),
                }
                self.after_history_step(&before);
            }
            Action::SetTheme(theme) => self.settings.theme = theme,
            Action::ZoomUi(zoom) => self.settings.zoom(zoom),
            Action::StartPresentation { from_current } => self.start_presentation(ctx, from_current),
            Action::Slide(movement) => {
                if let Some(shown) = &self.presentation {
                    let count = self.document.scenario.story.len();
                    self.show_step(ctx, movement.from(shown.step, count));
                }
            }
            Action::EndPresentation => self.end_presentation(ctx),
            Action::ReplayStepYears => {
                if let Some(shown) = &self.presentation {
                    self.show_step(ctx, shown.step);
                }
            }
            Action::ShowSpeakerNotes(show) => {
                if let Some(shown) = &mut self.presentation {
                    shown.show_notes = show;
                }
            }
            Action::AddViewAsStep => self.add_view_as_step(),
            Action::ExportSlidesDialog => self.start_dialog(ctx, PathPurpose::ExportSlides),
            Action::ExportSlides(folder) => self.export_slides(folder),
            Action::ExportStepDialog => self.start_dialog(ctx, PathPurpose::ExportStep),
            Action::ExportStep(file) => self.export_step(file),
            Action::ExportHandoutDialog { notes } => self.start_dialog(ctx, PathPurpose::ExportHandout { notes }),
            Action::ExportHandout { file, notes } => self.export_handout(file, notes),
            Action::ClearRecentFiles => self.settings.recent_files.clear(),
            Action::ShowProblems(show) => self.view.show_problems = show,
            Action::DismissFailedLoad => self.failed_load = None,
            Action::DismissStatus => self.status = None,
            Action::ShowImport(show) => self.show_import(show),
            Action::ImportFilesDialog => self.start_dialog(ctx, PathPurpose::ImportFiles),
            Action::AddImportFiles(files) => self.add_import_files(files),
            Action::RemoveImportFile(index) => {
                if let Some(setup) = &mut self.import {
                    setup.remove(index);
                }
            }
            Action::RunImport(mapping) => self.run_import(*mapping),
            Action::AcceptImport => self.accept_import(),
            Action::ExportDialog => self.start_dialog(ctx, PathPurpose::Export),
            Action::Export(file) => self.export_file(file),
        }
    }

    /// Applies an edit to the document; one that cannot be made is explained in the status bar.
    fn edit(&mut self, edit: &Edit) {
        match self.document.edit(edit) {
            Ok(()) => self.after_edit(edit),
            Err(error) => self.set_status(format!("Cannot {}: {error}", edit.label()), true),
        }
    }

    /// Keeps the view in step with an edit: a renamed actor stays selected, a deleted one is deselected, and a
    /// highlighted record that may have moved is let go.
    fn after_edit(&mut self, edit: &Edit) {
        match edit {
            Edit::RenameActor { from, to } if self.view.selection.remove(from) => {
                self.view.selection.insert(to.clone());
            }
            Edit::DeleteActor { id } => {
                self.view.selection.remove(id);
                self.view.highlighted_record = None;
            }
            Edit::Delete { .. } | Edit::Duplicate { .. } => self.view.highlighted_record = None,
            _ => {}
        }
    }

    fn actor_ids(&self) -> std::collections::HashSet<String> {
        self.document.scenario.actors.iter().map(|actor| actor.id.clone()).collect()
    }

    /// Keeps the view in step with an undo or redo: selected actors that are gone are let go, and when one id
    /// went and one came (a rename taken back or made again), the selection follows it. A highlighted record that
    /// may have moved is let go.
    fn after_history_step(&mut self, actors_before: &std::collections::HashSet<String>) {
        let now = self.actor_ids();
        let gone: Vec<String> = self.view.selection.iter().filter(|id| !now.contains(*id)).cloned().collect();
        if gone.is_empty() {
            return;
        }
        self.view.selection.retain(|id| now.contains(id));
        let came: Vec<&String> = now.iter().filter(|id| !actors_before.contains(*id)).collect();
        if let ([_], [renamed]) = (gone.as_slice(), came.as_slice()) {
            self.view.selection.insert((*renamed).clone());
        }
        self.view.highlighted_record = None;
    }

    /// Offer the in-app path entry instead of native file dialogs (for tests and headless use).
    pub fn disable_native_dialogs(&mut self) {
        self.dialogs.disable_native();
    }

    /// Highlights a record and selects the actor it is about: an energy flow's consumer, a stance's author, a
    /// tie's first actor, an event's actors. A vote keeps the selection.
    fn select_record(&mut self, record: RecordRef) {
        let scenario = &self.document.scenario;
        let actors: Vec<String> = match record {
            RecordRef::Energy(index) => {
                scenario.energy.get(index).map(|flow| flow.consumer.clone()).into_iter().collect()
            }
            RecordRef::Sanctions(index) => {
                scenario.sanctions.get(index).map(|stance| stance.by.clone()).into_iter().collect()
            }
            RecordRef::Tie(index) => scenario.ties.get(index).map(|tie| tie.a.clone()).into_iter().collect(),
            RecordRef::Event(index) => scenario.events.get(index).map(|event| event.actors.clone()).unwrap_or_default(),
            RecordRef::Vote(_) => Vec::new(),
        };
        if !actors.is_empty() {
            self.view.selection = actors.into_iter().collect();
        }
        self.view.highlighted_record = Some(record);
    }

    fn open_bundled(&mut self, file_name: &str) {
        let Some(bundled) = crate::library::find(file_name) else {
            self.set_status(format!("There is no bundled scenario called {file_name}"), true);
            return;
        };
        let report = load_text(bundled.text);
        match report.scenario {
            Some(scenario) => {
                let mut document = Document::unsaved(scenario, &bundled.display_name());
                document.load_problems = report.diagnostics;
                document.refresh_derived();
                self.replace_document(document);
            }
            None => {
                let path = PathBuf::from(bundled.display_name());
                let kept_open = self.kept_open();
                self.failed_load = Some(FailedLoad { path, diagnostics: report.diagnostics, kept_open, text: None });
            }
        }
    }

    /// Reads text fixed in the text view as the scenario of `path`: it opens as unsaved work for that file, or
    /// the text view shows its errors again.
    fn open_text(&mut self, path: &Path, text: String) {
        let report = load_text(&text);
        match report.scenario.or(report.with_errors) {
            Some(scenario) => {
                let mut document = Document::from_file(scenario, path, report.diagnostics, Some(text));
                // The file on disk is the broken one, which the person means to replace: no "changed on disk".
                document.disk_stamp = crate::io::disk_stamp::FileStamp::of(path);
                document.mark_unsaved();
                self.replace_document(document);
                self.set_status(format!("The text reads as a scenario; save to write it to {}", path.display()), false);
            }
            None => {
                let kept_open = self.failed_load.as_ref().and_then(|failed| failed.kept_open.clone());
                let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
                self.set_status(format!("The text still has {errors} error(s), marked below"), true);
                let failed =
                    FailedLoad { path: path.to_owned(), diagnostics: report.diagnostics, kept_open, text: Some(text) };
                self.failed_load = Some(failed);
            }
        }
    }

    /// The open document's name, unless it is an empty new scenario (as at start, before anything opened).
    fn kept_open(&self) -> Option<String> {
        let document = &self.document;
        let is_blank = document.path.is_none() && !document.dirty && document.scenario == Default::default();
        (!is_blank).then(|| document.file_name())
    }

    fn replace_document(&mut self, document: Document) {
        // The work of the document being replaced was saved or knowingly discarded.
        self.forget_recovery();
        self.safekeeping.disk_notice = None;
        self.playback.pause();
        self.view = ViewState::for_scenario(&document.scenario);
        self.document = document;
        self.failed_load = None;
        self.views.start_screen.open = false;
    }

    fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Some(Status { text, is_error });
    }

    /// "Save" in the unsaved-changes prompt: save (asking where, if the scenario has no file yet), then go on.
    fn save_then_continue(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.unsaved_prompt.take() else { return };
        // Carried out once the save succeeds, after any question the save asks first.
        self.after_save = Some(pending);
        match self.document.path.clone() {
            Some(path) => self.save_checked(ctx, &path, SaveAnswers::default()),
            None => self.start_dialog(ctx, PathPurpose::SaveAs),
        }
    }

    fn start_dialog(&mut self, ctx: &egui::Context, purpose: PathPurpose) {
        let folder = self.document.path.as_deref().and_then(Path::parent).map(Path::to_owned);
        let suggested = match purpose {
            PathPurpose::ExportStep => self.suggested_slide_name(),
            PathPurpose::ExportHandout { .. } => self.suggested_handout_name(),
            _ => suggested_file_name(&self.document),
        };
        if let Some(outcome) = self.dialogs.start(purpose, &suggested, folder) {
            self.handle_dialog_outcome(ctx, outcome);
        }
    }

    fn handle_dialog_outcome(&mut self, ctx: &egui::Context, outcome: DialogOutcome) {
        match outcome {
            DialogOutcome::Picked(PathPurpose::Open, path) => self.apply(ctx, Action::Open(path)),
            DialogOutcome::Picked(PathPurpose::SaveAs, path) => self.save_checked(ctx, &path, SaveAnswers::default()),
            DialogOutcome::Picked(PathPurpose::ExportSlides, folder) => self.export_slides(folder),
            DialogOutcome::Picked(PathPurpose::ExportStep, file) => self.export_step(file),
            DialogOutcome::Picked(PathPurpose::ExportHandout { notes }, file) => self.export_handout(file, notes),
            DialogOutcome::Picked(PathPurpose::ImportFiles, file) => self.add_import_files(vec![file]),
            DialogOutcome::PickedFiles(files) => self.add_import_files(files),
            DialogOutcome::Picked(PathPurpose::Export, file) => self.export_file(file),
            DialogOutcome::Cancelled => self.after_save = None,
            DialogOutcome::Unavailable(purpose) => {
                let note = "No file dialog could be shown on this desktop (no file-chooser portal or zenity). \
                            Type the file's path instead.";
                self.views.path_prompt = Some(self.new_path_prompt(purpose, Some(note)));
            }
        }
    }

    fn new_path_prompt(&self, purpose: PathPurpose, note: Option<&str>) -> ui::path_prompt::PathPrompt {
        let start = match purpose {
            PathPurpose::Open => self.document.path.as_deref().and_then(Path::parent).map(Path::to_owned),
            PathPurpose::SaveAs => Some(self.document.path.clone().unwrap_or_else(|| {
                std::env::current_dir().unwrap_or_default().join(suggested_file_name(&self.document))
            })),
            PathPurpose::ImportFiles => {
                let last = self.import.as_ref().and_then(|setup| setup.files.last()).and_then(|file| file.parent());
                last.or_else(|| self.document.path.as_deref().and_then(Path::parent)).map(Path::to_owned)
            }
            PathPurpose::ExportSlides
            | PathPurpose::ExportStep
            | PathPurpose::Export
            | PathPurpose::ExportHandout { .. } => {
                let folder = self.document.path.as_deref().and_then(Path::parent).map(Path::to_owned);
                let folder = folder.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
                let name = suggested_file_name(&self.document);
                let stem = name.strip_suffix(".ron").unwrap_or(&name);
                Some(match purpose {
                    PathPurpose::ExportStep => folder.join(self.suggested_slide_name()),
                    PathPurpose::ExportHandout { .. } => folder.join(self.suggested_handout_name()),
                    PathPurpose::Export => folder.join(format!("{stem}.png")),
                    _ => folder.join(format!("{stem}-slides")),
                })
            }
        };
        ui::path_prompt::PathPrompt::new(purpose, start, note)
    }

    /// Work that is not drawing: finished dialogs, dropped files, shortcuts, the window title and theme.
    fn handle_input(&mut self, ctx: &egui::Context) {
        self.poll_files(ctx);
        self.refresh_derived(ctx);
        if let Some(outcome) = self.dialogs.poll() {
            self.handle_dialog_outcome(ctx, outcome);
        }
        match self.exports.poll() {
            Some(Ok(done)) => self.set_status(done, false),
            Some(Err(why)) => self.set_status(format!("Could not export: {why}"), true),
            None if self.exports.is_running() => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            None => {}
        }
        self.poll_import(ctx);
        let close_requested = ctx.input(|input| input.viewport().close_requested());
        if close_requested && self.files.is_saving() && !self.closing_confirmed {
            // The window closes once the save has finished.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.files.close_after_save = true;
        } else if close_requested && self.document.dirty && !self.closing_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.unsaved_prompt = Some(Action::Quit);
        }
        if self.dialogs.is_open() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let dropped = dropped_scenario_files(ctx);
        if self.import.is_some() && !dropped.is_empty() {
            // With the import window open, dropped files are files to import.
            self.add_import_files(dropped);
        } else {
            for path in dropped {
                self.apply(ctx, Action::Open(path));
            }
        }
        if let Some(shown) = &self.presentation
            && (shown.document != self.document.id || shown.step >= self.document.scenario.story.len())
        {
            // Another file was opened, or the story was cut short, while it played.
            self.end_presentation(ctx);
        }
        if self.presentation.is_some() {
            for action in ui::commands::presentation_keys(ctx) {
                self.apply(ctx, action);
            }
        }
        for action in ui::commands::pressed_shortcuts(ctx) {
            self.apply(ctx, action);
        }
        self.advance_years(ctx);
        self.check_disk(ctx);
        self.autosave(ctx);
        let title = self.document.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        if self.applied_theme.is_none() {
            ui::style::install(ctx);
            // Ctrl +, Ctrl - and Ctrl 0 are GeoDep's own commands, so that the size is remembered.
            ctx.options_mut(|options| options.zoom_with_keyboard = false);
        }
        if self.applied_theme != Some(self.settings.theme) {
            let light = if self.settings.theme == ThemeChoice::Projector {
                ui::style::projector_visuals()
            } else {
                egui::Visuals::light()
            };
            ctx.set_visuals_of(egui::Theme::Light, light);
            ctx.set_theme(ui::style::theme_preference(self.settings.theme));
            ui::style::remember_theme(ctx, self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        // Exports follow the theme chosen, and the window's when it follows the system.
        self.exports.theme = ui::style::export_theme(self.settings.theme, ctx.theme() == egui::Theme::Dark);
        if ctx.zoom_factor() != self.settings.ui_scale {
            ctx.set_zoom_factor(self.settings.ui_scale);
        }
    }
}

/// Actions that replace or close the open document.
fn discards_document(action: &Action) -> bool {
    matches!(
        action,
        Action::NewScenario
            | Action::Open(_)
            | Action::OpenBundled(_)
            | Action::ReloadFromDisk
            | Action::Quit
            | Action::AcceptImport
    )
}

fn suggested_file_name(document: &Document) -> String {
    match &document.path {
        Some(path) => path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
        None => match document.display_name.strip_suffix(" (bundled)") {
            Some(bundled_file) => bundled_file.to_owned(),
            None => "scenario.ron".to_owned(),
        },
    }
}

fn dropped_scenario_files(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_owned())
            .filter(|path| !path.as_os_str().is_empty())
            .collect()
    })
}

impl eframe::App for GeoDepApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_input(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let shown = ui::Shown {
            document: &self.document,
            view: &self.view,
            playback: &self.playback,
            settings: &self.settings,
            failed_load: self.failed_load.as_ref(),
            status: self.status.as_ref(),
            unsaved_prompt: self.unsaved_prompt.as_ref(),
            safekeeping: &self.safekeeping,
            presentation: self.presentation.as_ref(),
            story_position: self.story_position,
            busy: self.busy(),
            import: self.import.as_ref(),
        };
        let actions = ui::draw(ui, &shown, &mut self.views);
        let ctx = ui.ctx().clone();
        for action in actions {
            self.apply(&ctx, action);
        }
        // A drag, a slider move or a run of typing is one undo step, ended by letting go or pressing Enter or Tab.
        let gesture_ended = ctx.input(|input| {
            input.pointer.any_released() || input.key_pressed(egui::Key::Enter) || input.key_pressed(egui::Key::Tab)
        });
        if gesture_ended {
            self.document.history.end_gesture();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
