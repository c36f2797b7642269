//! The Changes section: what differs between two years of the scenario, or between the open scenario and
//! another file (actors, shares, stances, ties), with a highlight of the actors concerned on the graph.

use eframe::egui;

use crate::analysis::diff::{ScenarioDiff, diff_years};
use crate::state::{Action, CentralView, Document, GraphOverlay, ViewState};
use crate::ui::cache::Cached;
use crate::ui::style::section_heading;

#[derive(Default)]
pub struct ChangesOptions {
    /// The years compared; `None`: the first and the last year of the scenario.
    pub from: Option<i32>,
    pub to: Option<i32>,
    diff: Cached<(u64, u64, i32, i32), ScenarioDiff>,
    /// The path typed for a comparison with another file.
    pub other_path: String,
    /// The other file, once loaded by the app, and the diff from it to the open scenario.
    compared: Option<Compared>,
}

struct Compared {
    path: std::path::PathBuf,
    scenario: crate::model::Scenario,
    diff: Cached<(u64, u64), ScenarioDiff>,
}

impl ChangesOptions {
    /// Keeps another file to compare the open scenario with (the app loads it).
    pub fn compare_with(&mut self, path: std::path::PathBuf, scenario: crate::model::Scenario) {
        self.compared = Some(Compared { path, scenario, diff: Cached::default() });
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        self.years_ui(ui, document, view, actions);
        ui.add_space(12.0);
        self.file_ui(ui, document, view, actions);
    }

    /// The comparison with another file: its path, then what differs from it to the open scenario.
    fn file_ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        section_heading(ui, "Changes from another file");
        ui.horizontal(|ui| {
            let label = ui.label("File");
            let field = egui::TextEdit::singleline(&mut self.other_path)
                .hint_text("path to an older version")
                .desired_width(360.0);
            let response = ui.add(field).labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if (ui.button("Compare").clicked() || entered) && !self.other_path.trim().is_empty() {
                actions.push(Action::CompareWithFile(self.other_path.trim().into()));
            }
        });
        let Some(compared) = &mut self.compared else { return };
        let diff = compared.diff.get((document.id, document.revision), || {
            crate::analysis::diff::diff_scenarios(&compared.scenario, scenario)
        });
        ui.label(format!("From {} to the open scenario:", compared.path.display()));
        let name = |id: &String| {
            scenario.actor(id).or_else(|| compared.scenario.actor(id)).map_or(id.clone(), |actor| actor.name.clone())
        };
        if !diff.actors_added.is_empty() {
            ui.label(format!("Actors added: {}", diff.actors_added.iter().map(name).collect::<Vec<_>>().join(", ")));
        }
        if !diff.actors_removed.is_empty() {
            ui.label(format!(
                "Actors removed: {}",
                diff.actors_removed.iter().map(name).collect::<Vec<_>>().join(", ")
            ));
        }
        let actors: std::collections::BTreeSet<String> = diff
            .changes
            .iter()
            .flat_map(|change| change.actors().map(str::to_owned))
            .chain(diff.actors_added.iter().cloned())
            .collect();
        let title = format!(
            "Changes from {}",
            compared.path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned())
        );
        highlight_buttons(ui, view, GraphOverlay::Highlight { title, actors }, actions);
        if diff.changes.is_empty() && diff.actors_added.is_empty() && diff.actors_removed.is_empty() {
            ui.label("No differences.");
        }
        for change in &diff.changes {
            let year = change.year().map_or_else(String::new, |year| format!("{year}: "));
            ui.label(format!("{year}{}", change.describe(scenario)));
        }
    }

    fn years_ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        section_heading(ui, "Changes between two years");
        let derived = document.derived();
        let years = &derived.years;
        // By default from the first year an energy flow is dated (or any relationship, without energy) to the
        // year shown: the span over which dependence can be compared.
        let (Some(first), Some(last)) = (derived.first_relationship_year, view.chart_year_of(derived)) else {
            ui.label("This scenario has no dated relationships to compare.");
            return;
        };
        let (mut from, mut to) = (self.from.unwrap_or(first), self.to.unwrap_or(last));
        ui.horizontal(|ui| {
            ui.label("From");
            year_picker(ui, "changes_from", years, &mut from);
            ui.label("to");
            year_picker(ui, "changes_to", years, &mut to);
        });
        (self.from, self.to) = (Some(from), Some(to));
        let diff = self.diff.get((document.id, document.revision, from, to), || diff_years(scenario, from, to));
        highlight_buttons(ui, view, GraphOverlay::Changes { from, to }, actions);
        ui.weak(format!(
            "\"{}\" means the scenario has no record for that year, not that a flow stopped or a stance ended.",
            crate::analysis::diff::NO_RECORD
        ));
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

/// "Show on the graph", or "Take off the graph" while this overlay is shown.
fn highlight_buttons(ui: &mut egui::Ui, view: &ViewState, overlay: GraphOverlay, actions: &mut Vec<Action>) {
    if view.overlay.as_ref() == Some(&overlay) {
        if ui.button("Take off the graph").clicked() {
            actions.push(Action::SetOverlay(None));
        }
    } else if ui.button("Show on the graph").on_hover_text("Colour the actors whose records changed").clicked() {
        actions.push(Action::SetOverlay(Some(overlay)));
        actions.push(Action::ShowCentral(CentralView::Graph));
    }
}

fn year_picker(ui: &mut egui::Ui, id: &str, years: &[i32], chosen: &mut i32) {
    egui::ComboBox::from_id_salt(id).selected_text(chosen.to_string()).show_ui(ui, |ui| {
        for year in years {
            ui.selectable_value(chosen, *year, year.to_string());
        }
    });
}
