//! The side panel listing the scenario's actors, grouped by kind, with a search box.

use eframe::egui;

use crate::derived::Derived;
use crate::model::{Actor, Scenario};
use crate::state::{Action, Document, ViewState};

#[derive(Debug, Default)]
pub struct ActorsPanel {
    pub search: String,
}

impl ActorsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        egui::Panel::left("actors_panel").resizable(true).default_size(240.0).min_size(180.0).show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading("Actors");
            self.search_ui(ui);
            ui.separator();
            // Scrolling both ways, so that a long name can never widen the panel.
            egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
                self.groups_ui(ui, &document.scenario, document.derived(), view, actions);
            });
        });
    }

    fn search_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            let field =
                egui::TextEdit::singleline(&mut self.search).hint_text("name or id").desired_width(f32::INFINITY);
            ui.add(field).labelled_by(label.id);
        });
    }

    /// The actors of each kind in name order (worked out once per revision), those matching the search.
    fn groups_ui(
        &self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        derived: &Derived,
        view: &ViewState,
        actions: &mut Vec<Action>,
    ) {
        let query = self.search.trim().to_lowercase();
        let mut shown_any = false;
        for (kind, sorted) in &derived.actors_by_kind {
            // While a large scenario's new revision is worked out, the previous order may name a removed actor.
            let matching: Vec<&Actor> = sorted
                .iter()
                .filter(|&&index| {
                    query.is_empty() || derived.search_text.get(index).is_some_and(|text| text.contains(&query))
                })
                .filter_map(|&index| scenario.actors.get(index))
                .filter(|actor| actor.kind == *kind)
                .collect();
            if matching.is_empty() {
                continue;
            }
            shown_any = true;
            let header = format!("{} ({})", kind.plural_label(), matching.len());
            egui::CollapsingHeader::new(header).id_salt(kind).default_open(true).show(ui, |ui| {
                for actor in matching {
                    actor_row(ui, actor, view, actions);
                }
            });
        }
        if !shown_any {
            let text = if scenario.actors.is_empty() { "No actors yet." } else { "No actor matches the search." };
            ui.weak(text);
        }
    }
}

fn actor_row(ui: &mut egui::Ui, actor: &Actor, view: &ViewState, actions: &mut Vec<Action>) {
    let selected = view.is_selected(&actor.id);
    let response = ui.selectable_label(selected, &actor.name);
    let tooltip = match &actor.local_name {
        Some(local) => format!("{} ({local}), id {}", actor.name, actor.id),
        None => format!("{}, id {}", actor.name, actor.id),
    };
    let response = response.on_hover_text(format!("{tooltip}\nShift-click to add to the selection"));
    if response.clicked() {
        let additive = ui.input(|input| input.modifiers.shift);
        actions.push(Action::Select { id: actor.id.clone(), additive });
    }
}
