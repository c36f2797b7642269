//! The central overview until the graph view exists: the scenario's title, summary, counts, the
//! selected actor's details, and the sources it cites.

use eframe::egui::{self, RichText};

use super::style::section_heading;
use crate::app::{Action, Document, ViewState};
use crate::model::{Actor, Scenario};

pub fn ui(ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
    let scenario = &document.scenario;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.set_max_width(900.0);
        ui.add_space(8.0);
        ui.label(RichText::new(&scenario.title).size(26.0).strong());
        if let Some(as_of) = &scenario.as_of {
            ui.weak(format!("As of {as_of}"));
        }
        if !scenario.summary.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(&scenario.summary).size(15.0));
        }
        if let Some(actor) = view.selected_actor.as_deref().and_then(|id| scenario.actor(id)) {
            selected_actor_ui(ui, scenario, actor, actions);
        }
        section_heading(ui, "Contents");
        counts_ui(ui, scenario);
        section_heading(ui, "Sources");
        sources_ui(ui, scenario);
    });
}

fn counts_ui(ui: &mut egui::Ui, scenario: &Scenario) {
    egui::Grid::new("record_counts").num_columns(2).spacing([24.0, 4.0]).show(ui, |ui| {
        for (label, count) in scenario.record_counts() {
            ui.label(label);
            ui.label(RichText::new(count.to_string()).strong());
            ui.end_row();
        }
        let years = scenario.years();
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            ui.label("Years covered");
            ui.label(RichText::new(format!("{first} – {last}")).strong());
            ui.end_row();
        }
    });
}

fn selected_actor_ui(ui: &mut egui::Ui, scenario: &Scenario, actor: &Actor, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&actor.name).size(20.0).strong());
            if let Some(local) = &actor.local_name {
                ui.label(RichText::new(local).size(18.0));
            }
            ui.weak(format!("{} · {}", actor.kind.label(), actor.id));
            if ui.small_button("×").on_hover_text("Clear the selection").clicked() {
                actions.push(Action::SelectActor(None));
            }
        });
        if let Some(note) = &actor.note {
            ui.label(note);
        }
        if !actor.members.is_empty() {
            let names: Vec<&str> = actor.members.iter().map(|id| scenario.actor_name(id)).collect();
            ui.label(format!("Members: {}", names.join(", ")));
        }
        let blocs: Vec<&str> = scenario
            .actors
            .iter()
            .filter(|bloc| bloc.members.contains(&actor.id))
            .map(|bloc| bloc.name.as_str())
            .chain(actor.groups.iter().map(String::as_str))
            .collect();
        if !blocs.is_empty() {
            ui.label(format!("Member of: {}", blocs.join(", ")));
        }
        ui.label(record_summary(scenario, &actor.id));
    });
}

/// "Energy flows: 3 · sanctions stances: 1 · ties: 4 · votes cast: 3 · events: 2"
fn record_summary(scenario: &Scenario, id: &str) -> String {
    let energy = scenario
        .energy
        .iter()
        .filter(|f| f.supplier == id || f.consumer == id || f.via.iter().any(|v| v == id))
        .count();
    let sanctions = scenario.sanctions.iter().filter(|s| s.by == id || s.target == id).count();
    let ties = scenario.ties.iter().filter(|t| t.a == id || t.b == id).count();
    let votes = scenario.votes.iter().filter(|v| v.ballots.contains_key(id)).count();
    let events = scenario.events.iter().filter(|e| e.actors.iter().any(|a| a == id)).count();
    format!(
        "Energy flows: {energy} · sanctions stances: {sanctions} · ties: {ties} · votes cast: {votes} · events: {events}"
    )
}

fn sources_ui(ui: &mut egui::Ui, scenario: &Scenario) {
    if scenario.sources.is_empty() {
        ui.weak("This scenario cites no sources.");
        return;
    }
    for source in &scenario.sources {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(format!("[{}]", source.id));
            match &source.url {
                Some(url) => ui.hyperlink_to(&source.title, url),
                None => ui.label(&source.title),
            };
            let details: Vec<&str> =
                [source.publisher.as_deref(), source.date.as_deref()].into_iter().flatten().collect();
            if !details.is_empty() {
                ui.weak(details.join(", "));
            }
        });
    }
}
