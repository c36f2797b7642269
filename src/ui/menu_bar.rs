//! The menu bar: File (new, open, recent, save), Edit (undo, redo), View (the central views, theme) and Help.

use eframe::egui;

use crate::app::{Action, Command, Document, PathPurpose, Settings, ThemeChoice};

pub fn ui(ui: &mut egui::Ui, document: &Document, settings: &Settings, actions: &mut Vec<Action>) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu(ui, document, settings, actions));
            ui.menu_button("Edit", |ui| edit_menu(ui, document, actions));
            ui.menu_button("View", |ui| view_menu(ui, settings, actions));
            ui.menu_button("Help", |ui| help_menu(ui, actions));
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
}

fn help_menu(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    command_button(ui, Command::Help, actions);
    ui.separator();
    ui.label(format!("GeoDep {}", env!("CARGO_PKG_VERSION")));
    ui.label("Scenario format: docs/scenario-format.md");
}
