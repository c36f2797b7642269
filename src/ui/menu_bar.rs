//! The menu bar: File (new, open, recent, save), Edit (undo, redo), View (the central views, theme, size),
//! Present (the story as slides) and Help, then the scenario's title.

use eframe::egui;

use crate::edit::RecordKind;
use crate::state::{Action, Document, PathPurpose, Settings, ThemeChoice};
use crate::ui::commands::Command;

pub fn ui(
    ui: &mut egui::Ui,
    document: &Document,
    settings: &Settings,
    story_position: usize,
    actions: &mut Vec<Action>,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(ui, document, settings, actions));
            ui.menu_button("Edit", |ui| edit_menu(ui, document, actions));
            ui.menu_button("View", |ui| view_menu(ui, settings, actions));
            ui.menu_button("Present", |ui| present_menu(ui, document, story_position, actions));
            ui.menu_button("Help", |ui| help_menu(ui, actions));
            // The scenario's title has the rest of the bar: room for it whole at any common width.
            ui.separator();
            ui.add(egui::Label::new(egui::RichText::new(&document.scenario.title).strong()).truncate());
        });
    });
}

fn command_button(ui: &mut egui::Ui, command: Command, actions: &mut Vec<Action>) {
    let shortcut = ui.ctx().format_shortcut(&command.shortcut());
    let button = egui::Button::new(command.label()).shortcut_text(shortcut);
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        actions.push(command.action());
    }
}

fn file_menu(ui: &mut egui::Ui, document: &Document, settings: &Settings, actions: &mut Vec<Action>) {
    command_button(ui, Command::New, actions);
    command_button(ui, Command::NewFromTemplate, actions);
    command_button(ui, Command::Open, actions);
    ui.menu_button("Open recent", |ui| recent_menu(ui, settings, actions));
    ui.separator();
    command_button(ui, Command::Save, actions);
    command_button(ui, Command::SaveAs, actions);
    ui.separator();
    command_button(ui, Command::Import, actions);
    command_button(ui, Command::Export, actions);
    ui.separator();
    if ui.button("Open by typing a path…").clicked() {
        actions.push(Action::TypePath(PathPurpose::Open));
    }
    let save_hint = match &document.path {
        Some(path) => format!("Currently {}", path.display()),
        None => "The scenario has not been saved yet".to_owned(),
    };
    if ui.button("Save by typing a path…").on_hover_text(save_hint).clicked() {
        actions.push(Action::TypePath(PathPurpose::SaveAs));
    }
    ui.separator();
    command_button(ui, Command::Quit, actions);
}

fn recent_menu(ui: &mut egui::Ui, settings: &Settings, actions: &mut Vec<Action>) {
    if settings.recent_files.is_empty() {
        ui.weak("No recent files");
        return;
    }
    for path in &settings.recent_files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
            actions.push(Action::Open(path.clone()));
        }
    }
    ui.separator();
    if ui.button("Clear recent files").clicked() {
        actions.push(Action::ClearRecentFiles);
    }
}

/// Undo and Redo, each naming the step it would take ("Undo move SRB").
fn edit_menu(ui: &mut egui::Ui, document: &Document, actions: &mut Vec<Action>) {
    for (command, label) in
        [(Command::Undo, document.history.undo_label()), (Command::Redo, document.history.redo_label())]
    {
        let shortcut = ui.ctx().format_shortcut(&command.shortcut());
        let text = match label {
            Some(label) => format!("{} {label}", command.label()),
            None => format!("Nothing to {}", command.label().to_lowercase()),
        };
        let button = egui::Button::new(text).shortcut_text(shortcut);
        if ui.add_enabled(label.is_some(), button).on_hover_text(command.tooltip()).clicked() {
            actions.push(command.action());
        }
    }
}

fn view_menu(ui: &mut egui::Ui, settings: &Settings, actions: &mut Vec<Action>) {
    for command in Command::VIEWS {
        command_button(ui, command, actions);
    }
    ui.separator();
    ui.label("Theme");
    for theme in ThemeChoice::ALL {
        if ui.radio(settings.theme == theme, theme.label()).clicked() {
            actions.push(Action::SetTheme(theme));
        }
    }
    ui.separator();
    ui.label(format!("Size: {:.0}%", settings.ui_scale * 100.0));
    for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
        command_button(ui, command, actions);
    }
}

/// Playing the story, and building it from what is on screen.
fn present_menu(ui: &mut egui::Ui, document: &Document, story_position: usize, actions: &mut Vec<Action>) {
    let steps = document.scenario.story.len();
    ui.weak(match steps {
        0 => "This scenario has no story yet".to_owned(),
        _ => format!("The story has {}", crate::format::count(steps, "step")),
    });
    ui.add_enabled_ui(steps > 0, |ui| {
        command_button(ui, Command::Present, actions);
        command_button(ui, Command::PresentFromHere, actions);
    });
    ui.separator();
    let add = ui.button("Add the current view as a step").on_hover_text(
        "A new step at the end of the story that shows this view, its layers, year, selection, shock and camera",
    );
    if add.clicked() {
        actions.push(Action::AddViewAsStep);
    }
    let edit = ui.button("Edit the story…").on_hover_text("Captions, notes and order of the steps, in the Data tab");
    if edit.clicked() {
        actions.push(Action::EditRecord {
            kind: RecordKind::StoryStep,
            index: story_position.min(steps.saturating_sub(1)),
        });
    }
    ui.separator();
    let export = ui.add_enabled(steps > 0, egui::Button::new("Export slides…"));
    if export.on_hover_text("Every step as a 1920x1080 PNG image, for handouts and slide decks").clicked() {
        actions.push(Action::ExportSlidesDialog);
    }
    let one = ui.add_enabled(steps > 0, egui::Button::new("Export this step's slide…"));
    let number = story_position.min(steps.saturating_sub(1)) + 1;
    if one.on_hover_text(format!("Step {number} (the one shown last) as a 1920x1080 PNG image")).clicked() {
        actions.push(Action::ExportStepDialog);
    }
    let handout = ui.add_enabled(steps > 0, egui::Button::new("Export handout…"));
    let about = "A PDF to print or share: each step's slide, title and caption on an A4 page, then the sources";
    if handout.on_hover_text(about).clicked() {
        actions.push(Action::ExportHandoutDialog { notes: false });
    }
    let with_notes = ui.add_enabled(steps > 0, egui::Button::new("Export handout with notes…"));
    if with_notes.on_hover_text("The PDF handout with each step's speaker notes beneath its caption").clicked() {
        actions.push(Action::ExportHandoutDialog { notes: true });
    }
}

fn help_menu(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    command_button(ui, Command::Help, actions);
    ui.separator();
    ui.label(format!("GeoDep {}", env!("CARGO_PKG_VERSION")));
    ui.label("Scenario format: docs/scenario-format.md");
}
