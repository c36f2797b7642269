//! The map's toolbar: the same layers, filters and focus as the graph, what the countries' colours say, the
//! legend and names, and fitting the view.

use eframe::egui;

use super::MapView;
use crate::state::{Action, Document, ViewState};
use crate::ui::graph::controls;

pub fn show(ui: &mut egui::Ui, map: &mut MapView, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        controls::layer_toggles(ui, view, actions);
        ui.separator();
        controls::filters_menu(ui, &document.scenario, view, actions);
        controls::focus_controls(ui, view, actions);
        ui.separator();
        ui.menu_button("Display…", |ui| {
            ui.checkbox(&mut map.options.show_legend, "Legend");
            ui.checkbox(&mut map.options.name_other_countries, "Names of other countries")
                .on_hover_text("Name the countries that are not actors, in grey, where there is room");
        });
        if ui.button("Fit").on_hover_text("Show the whole scenario (F)").clicked() {
            map.pending_fit = true;
            map.flight = None;
        }
    });
}
