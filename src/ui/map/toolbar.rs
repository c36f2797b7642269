//! The map's toolbar: the same layers, filters and focus as the graph, what the countries' colours say, the
//! legend and names, and fitting the view.

use eframe::egui;

use super::{Colouring, MapView};
use crate::state::{Action, Document, ViewState};
use crate::ui::graph::controls;

pub fn show(ui: &mut egui::Ui, map: &mut MapView, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
    // One row that never wraps (it scrolls sideways when the text is large). What map users reach for most leads
    // it, so that it never scrolls out of sight: taking an analysis result off, fitting, and the countries'
    // colours; the layers and filters, shared with the graph, follow.
    crate::ui::style::toolbar_row(ui, "map_toolbar", |ui| {
        if view.overlay.is_some() {
            if ui.button("Clear overlay").on_hover_text("Take the analysis result off the views").clicked() {
                actions.push(Action::SetOverlay(None));
            }
            ui.separator();
        }
        if ui.button("Fit").on_hover_text("Show the whole scenario (F)").clicked() {
            map.pending_fit = true;
            map.flight = None;
        }
        colouring_choice(ui, map, document, view);
        crate::ui::style::choices_menu(ui, "Display…", |ui| {
            ui.checkbox(&mut map.options.show_legend, "Legend");
            ui.checkbox(&mut map.options.name_other_countries, "Names of other countries")
                .on_hover_text("Name the countries that are not actors, in grey, where there is room");
        });
        ui.separator();
        controls::layer_toggles(ui, view, actions);
        ui.separator();
        controls::filters_menu(ui, &document.scenario, view, actions);
        controls::filter_chips(ui, view, actions);
        controls::focus_controls(ui, view, actions);
    });
}

/// "Colour": the kind of actor, or one of the measures the analysis offers for this scenario and year.
fn colouring_choice(ui: &mut egui::Ui, map: &mut MapView, document: &Document, view: &ViewState) {
    let scenario = &document.scenario;
    let label = ui.label("Colour");
    let current = match map.measure(view) {
        Some(measure) => measure.label(scenario),
        None => "Kind of actor".to_owned(),
    };
    let mut chosen = None;
    let measures = map.measures(document, view).to_vec();
    egui::ComboBox::from_id_salt("map_colouring")
        .selected_text(current)
        .width(260.0)
        .height(420.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(map.options.colouring == Colouring::Kind, "Kind of actor").clicked() {
                chosen = Some(Colouring::Kind);
            }
            for measure in measures {
                let selected = map.options.colouring == Colouring::Measure(measure.clone());
                if ui.selectable_label(selected, measure.label(scenario)).clicked() {
                    chosen = Some(Colouring::Measure(measure));
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "Colour the countries by a measure from the analysis in the chosen year: dependence on a supplier, \
             concentration of suppliers, agreement in votes, loss under a what-if shock, or sanctions stance",
        );
    if let Some(chosen) = chosen {
        map.options.colouring = chosen;
    }
}
