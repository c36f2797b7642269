//! Views and panels, one per file. Each draws from shared references and pushes `Action`s; none
//! changes the scenario itself. `draw` lays them out in the window.

pub mod actors_panel;
pub mod diagnostics_panel;
pub mod menu_bar;
pub mod overview;
pub mod path_prompt;
pub mod status_bar;
pub mod style;

use eframe::egui;

use crate::app::{Action, GeoDepApp};

/// Draws the whole window for one frame and returns what the person asked for.
pub fn draw(ui: &mut egui::Ui, app: &mut GeoDepApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let GeoDepApp { document, view, settings, failed_load, status, path_prompt, actors_panel, .. } = app;
    menu_bar::ui(ui, document, settings, &mut actions);
    status_bar::ui(ui, document, status.as_ref(), view, &mut actions);
    if let Some(failed) = failed_load {
        diagnostics_panel::failed_load_ui(ui, failed, &mut actions);
    } else if view.show_problems && !document.warnings.is_empty() {
        diagnostics_panel::warnings_ui(ui, document, &mut actions);
    }
    actors_panel.ui(ui, &document.scenario, view, &mut actions);
    egui::CentralPanel::default().show(ui, |ui| overview::ui(ui, document, view, &mut actions));
    if let Some(prompt) = path_prompt {
        prompt.ui(ui.ctx(), &mut actions);
    }
    actions
}
