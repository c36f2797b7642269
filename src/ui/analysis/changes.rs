//! The Changes section: what differs between two years of the scenario (shares, stances, ties), with a
//! highlight of the actors concerned on the graph.

use eframe::egui;

use crate::analysis::diff::{ScenarioDiff, diff_years};
use crate::app::{Action, CentralView, Document, GraphOverlay, ViewState};
use crate::model::Dated;
use crate::ui::cache::Cached;
use crate::ui::style::section_heading;

#[derive(Default)]
pub struct ChangesOptions {
    /// The years compared; `None`: the first and the last year of the scenario.
    pub from: Option<i32>,
    pub to: Option<i32>,
    diff: Cached<(u64, u64, i32, i32), ScenarioDiff>,
}

impl ChangesOptions {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        section_heading(ui, "Changes between two years");
        let years = scenario.years();
        // By default from the first year an energy flow is dated (or any relationship, without energy) to the
        // year shown: the span over which dependence can be compared.
        let energy_years = scenario.energy.iter().flat_map(|flow| flow.period().named_years()).min();
        let any_years = || {
            scenario
                .sanctions
                .iter()
                .map(Dated::period)
                .chain(scenario.ties.iter().map(Dated::period))
                .flat_map(|period| period.named_years())
                .min()
        };
        let (Some(first), Some(last)) = (energy_years.or_else(any_years), view.chart_year(scenario)) else {
            ui.label("This scenario has no dated relationships to compare.");
            return;
        };
        let (mut from, mut to) = (self.from.unwrap_or(first), self.to.unwrap_or(last));
        ui.horizontal(|ui| {
            ui.label("From");
            year_picker(ui, "changes_from", &years, &mut from);
            ui.label("to");
            year_picker(ui, "changes_to", &years, &mut to);
        });
        (self.from, self.to) = (Some(from), Some(to));
        let diff = self.diff.get((document.id, document.revision, from, to), || diff_years(scenario, from, to));
        let overlay = GraphOverlay::Changes { from, to };
        if view.overlay.as_ref() == Some(&overlay) {
            if ui.button("Take off the graph").clicked() {
                actions.push(Action::SetOverlay(None));
            }
        } else if ui.button("Show on the graph").on_hover_text("Colour the actors whose records changed").clicked() {
            actions.push(Action::SetOverlay(Some(overlay)));
            actions.push(Action::ShowCentral(CentralView::Graph));
        }
        if diff.changes.is_empty() {
            ui.label("Nothing changed.");
        }
        for change in &diff.changes {
            let [first_actor, _] = change.actors();
            if ui.selectable_label(false, change.describe(scenario)).clicked() {
                actions.push(Action::Select { id: first_actor.to_owned(), additive: false });
            }
        }
    }
}

fn year_picker(ui: &mut egui::Ui, id: &str, years: &[i32], chosen: &mut i32) {
    egui::ComboBox::from_id_salt(id).selected_text(chosen.to_string()).show_ui(ui, |ui| {
        for year in years {
            ui.selectable_value(chosen, *year, year.to_string());
        }
    });
}
