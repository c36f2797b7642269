//! The scenario overview: its title, summary, counts of records, and the sources it cites.

use eframe::egui::{self, RichText};

use super::style::section_heading;
use crate::edit::Edit;
use crate::model::Scenario;
use crate::state::{Action, Document};

pub fn ui(ui: &mut egui::Ui, document: &Document, actions: &mut Vec<Action>) {
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
        egui::CollapsingHeader::new("Edit the title, date and summary").show(ui, |ui| edit_ui(ui, scenario, actions));
        section_heading(ui, "Contents");
        counts_ui(ui, scenario, &document.derived().years);
        section_heading(ui, "Sources");
        sources_ui(ui, scenario);
    });
}

/// Title, date and summary fields; each change is an undoable edit.
fn edit_ui(ui: &mut egui::Ui, scenario: &Scenario, actions: &mut Vec<Action>) {
    egui::Grid::new("scenario_text").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let mut title = scenario.title.clone();
        ui.label("Title");
        if ui.add(egui::TextEdit::singleline(&mut title).desired_width(520.0)).changed() {
            actions.push(Action::edit(Edit::SetTitle(title)));
        }
        ui.end_row();
        let mut as_of = scenario.as_of.clone().unwrap_or_default();
        ui.label("As of");
        let field = egui::TextEdit::singleline(&mut as_of).hint_text("YYYY-MM-DD").desired_width(120.0);
        if ui.add(field).on_hover_text("The date the scenario describes the world as of").changed() {
            let as_of = as_of.trim();
            actions.push(Action::edit(Edit::SetAsOf((!as_of.is_empty()).then(|| as_of.to_owned()))));
        }
        ui.end_row();
        let mut summary = scenario.summary.clone();
        ui.label("Summary");
        if ui.add(egui::TextEdit::multiline(&mut summary).desired_width(520.0).desired_rows(4)).changed() {
            actions.push(Action::edit(Edit::SetSummary(summary)));
        }
        ui.end_row();
    });
}

fn counts_ui(ui: &mut egui::Ui, scenario: &Scenario, years: &[i32]) {
    egui::Grid::new("record_counts").num_columns(2).spacing([24.0, 4.0]).show(ui, |ui| {
        for (label, count) in scenario.record_counts() {
            ui.label(label);
            ui.label(RichText::new(count.to_string()).strong());
            ui.end_row();
        }
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            ui.label("Years covered");
            ui.label(RichText::new(format!("{first} – {last}")).strong());
            ui.end_row();
        }
    });
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
                Some(url) => crate::ui::source_link::source_link(ui, &source.title, url),
                None => ui.label(&source.title),
            };
            let grade = source.reliability.map(|grade| format!("graded {}", grade.letter()));
            let details: Vec<&str> =
                [source.publisher.as_deref(), source.date.as_deref(), grade.as_deref()].into_iter().flatten().collect();
            if !details.is_empty() {
                ui.weak(details.join(", "));
            }
        });
    }
}
