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

use crate::app::{Action, CentralView, GeoDepApp};

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
    egui::CentralPanel::default().show(ui, |ui| {
        central_tabs(ui, view.central, &mut actions);
        match view.central {
            CentralView::Graph => overview::ui(ui, document),
            CentralView::Overview => overview::ui(ui, document),
        }
    });
    if let Some(prompt) = path_prompt {
        prompt.ui(ui.ctx(), &mut actions);
    }
    actions
}

/// The row of tabs above the central view.
fn central_tabs(ui: &mut egui::Ui, current: CentralView, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for (view, label, tooltip) in [
            (CentralView::Graph, "Graph", "Actors and the energy, sanctions and diplomatic links between them"),
            (CentralView::Overview, "Overview", "The scenario's summary, contents and sources"),
        ] {
            if ui.selectable_label(current == view, label).on_hover_text(tooltip).clicked() {
                actions.push(Action::ShowCentral(view));
            }
        }
    });
    ui.separator();
}
