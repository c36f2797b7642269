//! The Analysis tab's tables: dependence and concentration, consistency flags, and the network of ties. Each
//! row's actor is a link that selects it everywhere.

use eframe::egui::{self, RichText};

use crate::analysis::dependence::Dependence;
use crate::analysis::flags::Flag;
use crate::analysis::network::ActorMeasures;
use crate::format::percent;
use crate::model::{Scenario, ShareBasis};
use crate::state::{Action, ViewState};
use crate::ui::style::section_heading;

/// The usual competition-authority reading of the Herfindahl–Hirschman index.
pub fn concentration_words(hhi: f64) -> &'static str {
    if hhi > 2_500.0 {
        "highly concentrated"
    } else if hhi >= 1_500.0 {
        "moderately concentrated"
    } else {
        "unconcentrated"
    }
}

fn actor_link(ui: &mut egui::Ui, scenario: &Scenario, view: &ViewState, id: &str, actions: &mut Vec<Action>) {
    let name = scenario.actor_name(id);
    let text = if view.is_selected(id) { RichText::new(name).strong() } else { RichText::new(name) };
    if ui.link(text).on_hover_text("Select (shift-click adds)").clicked() {
        actions.push(Action::Select { id: id.to_owned(), additive: ui.input(|input| input.modifiers.shift) });
    }
}

pub fn dependence_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    dependences: &[Dependence],
    actions: &mut Vec<Action>,
) {
    section_heading(ui, "Dependence and concentration");
    ui.weak(
        "Concentration is the Herfindahl–Hirschman index of the suppliers' recorded shares (an unknown rest is left \
         out): from near 0 (many small \
         suppliers) to 10,000 (one supplier of everything); above 2,500 counts as highly concentrated.",
    );
    if dependences.is_empty() {
        ui.label("No energy records in this year.");
        return;
    }
    egui::Grid::new("dependence_table").num_columns(5).striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
        for heading in ["Consumer", "Commodity", "Top supplier", "Concentration (HHI)", "All suppliers"] {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for row in dependences {
            actor_link(ui, scenario, view, &row.consumer, actions);
            let basis = if row.basis == ShareBasis::Imports { " (share of imports)" } else { "" };
            ui.label(format!("{}{basis}", row.commodity.label()));
            match row.top() {
                Some(top) => ui.label(format!("{} {}", scenario.actor_name(&top.supplier), percent(top.share))),
                None => ui.label(""),
            };
            ui.label(format!("{:.0}, {}", row.hhi, concentration_words(row.hhi)));
            let all: Vec<String> = row
                .suppliers
                .iter()
                .map(|share| {
                    let name =
                        if share.supplier == row.consumer { "own" } else { scenario.actor_name(&share.supplier) };
                    format!("{name} {}", percent(share.share))
                })
                .collect();
            ui.label(all.join(", "));
            ui.end_row();
        }
    });
}

pub fn flags_ui(ui: &mut egui::Ui, scenario: &Scenario, flags: &[Flag], actions: &mut Vec<Action>) {
    section_heading(ui, "Consistency flags");
    ui.weak(
        "Places where an actor's sanctions stance and its dependence, or a friendly tie and its votes, pull \
         different ways. Click one to see its records in the Inspector.",
    );
    if flags.is_empty() {
        ui.label("Nothing to flag in this year.");
    }
    for flag in flags {
        ui.add_space(4.0);
        let response = ui.add(egui::Button::new(RichText::new(&flag.text).size(16.0)).frame(false).wrap());
        if response.on_hover_text("Show the records behind this flag").clicked()
            && let Some(first) = flag.records.first()
        {
            actions.push(Action::SelectRecord(*first));
        }
        let names: Vec<&str> = [flag.actor.as_str(), flag.other.as_str()].map(|id| scenario.actor_name(id)).to_vec();
        ui.weak(format!("{} records behind it; actors: {}", flag.records.len(), names.join(", ")));
    }
}

pub fn network_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    network: &[ActorMeasures],
    actions: &mut Vec<Action>,
) {
    section_heading(ui, "The network of diplomatic ties");
    ui.weak(
        "Degree: how many actors one has ties with. Weighted degree: the sum of the ties' strengths, friendly or \
         hostile. Betweenness: how often it lies on the shortest path between two others (0 to 1).",
    );
    if network.is_empty() {
        ui.label("No ties in this year.");
        return;
    }
    egui::Grid::new("network_table").num_columns(4).striped(true).spacing([18.0, 6.0]).show(ui, |ui| {
        for heading in ["Actor", "Ties", "Weighted degree", "Betweenness"] {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for measured in network {
            actor_link(ui, scenario, view, &measured.actor, actions);
            ui.label(measured.degree.to_string());
            ui.label(format!("{:.1}", measured.weighted_degree));
            ui.label(format!("{:.2}", measured.betweenness));
            ui.end_row();
        }
    });
}
