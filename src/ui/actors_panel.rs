//! The side panel listing the scenario's actors, grouped by kind under headers that fold, with a search box.
//! Only the rows in view are drawn, so that a scenario of thousands of actors costs no more per frame than a
//! small one.

use std::collections::BTreeSet;

use eframe::egui;

use crate::derived::Derived;
use crate::model::{Actor, ActorKind, Scenario};
use crate::state::{Action, Document, ViewState};

#[derive(Debug, Default)]
pub struct ActorsPanel {
    pub search: String,
    /// The kinds whose rows are folded away under their header.
    folded: BTreeSet<ActorKind>,
}

/// One row of the list: a kind's header, or an actor.
enum Row<'a> {
    Header { kind: ActorKind, count: usize },
    Actor(&'a Actor),
}

impl ActorsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        egui::Panel::left("actors_panel").resizable(true).default_size(240.0).min_size(180.0).show(ui, |ui| {
            ui.add_space(6.0);
            ui.heading("Actors");
            self.search_ui(ui);
            ui.separator();
            self.groups_ui(ui, &document.scenario, document.derived(), view, actions);
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

    /// The actors of each kind in name order (worked out once per revision), those matching the search; only the
    /// rows in view are laid out.
    fn groups_ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        derived: &Derived,
        view: &ViewState,
        actions: &mut Vec<Action>,
    ) {
        let rows = self.rows(scenario, derived);
        if rows.is_empty() {
            let text = if scenario.actors.is_empty() { "No actors yet." } else { "No actor matches the search." };
            ui.weak(text);
            return;
        }
        let row_height = ui.spacing().interact_size.y;
        // Scrolling both ways, so that a long name can never widen the panel.
        egui::ScrollArea::both().auto_shrink([false, false]).show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                match *row {
                    Row::Header { kind, count } => self.header_row(ui, kind, count),
                    Row::Actor(actor) => actor_row(ui, actor, view, actions),
                }
            }
        });
    }

    /// Every row of the list, folded kinds without their actors.
    fn rows<'a>(&self, scenario: &'a Scenario, derived: &Derived) -> Vec<Row<'a>> {
        let query = self.search.trim().to_lowercase();
        let mut rows = Vec::new();
        for (kind, sorted) in &derived.actors_by_kind {
            // While a large scenario's new revision is worked out, the previous order may name a removed actor.
            let matching = sorted
                .iter()
                .filter(|&&index| {
                    query.is_empty() || derived.search_text.get(index).is_some_and(|text| text.contains(&query))
                })
                .filter_map(|&index| scenario.actors.get(index))
                .filter(|actor| actor.kind == *kind);
            let header = rows.len();
            rows.push(Row::Header { kind: *kind, count: 0 });
            let mut count = 0;
            for actor in matching {
                count += 1;
                if !self.folded.contains(kind) {
                    rows.push(Row::Actor(actor));
                }
            }
            if count == 0 {
                rows.pop();
            } else {
                rows[header] = Row::Header { kind: *kind, count };
            }
        }
        rows
    }

    /// A kind's header, a triangle and "States (193)": a click folds or unfolds its actors.
    fn header_row(&mut self, ui: &mut egui::Ui, kind: ActorKind, count: usize) {
        let folded = self.folded.contains(&kind);
        let hint = if folded { "Show these actors" } else { "Hide these actors" };
        let clicked = ui
            .horizontal(|ui| {
                let icon_size = egui::Vec2::splat(ui.spacing().icon_width);
                let icon = ui.allocate_response(icon_size, egui::Sense::click()).on_hover_text(hint);
                egui::collapsing_header::paint_default_icon(ui, if folded { 0.0 } else { 1.0 }, &icon);
                let text = egui::RichText::new(format!("{} ({count})", kind.plural_label())).strong();
                let label = ui.add(egui::Button::new(text).frame(false)).on_hover_text(hint);
                icon.clicked() || label.clicked()
            })
            .inner;
        if clicked && !self.folded.remove(&kind) {
            self.folded.insert(kind);
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
