//! The problems panel: every diagnostic of a file that failed to open, or the warnings of the open one.

use eframe::egui::{self, RichText};

use super::style::severity_colour;
use crate::app::{Action, Document, FailedLoad};
use crate::diagnostic::{Diagnostic, Severity};

pub fn failed_load_ui(ui: &mut egui::Ui, failed: &FailedLoad, actions: &mut Vec<Action>) {
    let errors = failed.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = failed.diagnostics.len() - errors;
    let mut heading = format!(
        "Could not open {}: {errors} error{}, {warnings} warning{}.",
        failed.path.display(),
        plural(errors),
        plural(warnings)
    );
    if let Some(name) = &failed.kept_open {
        heading.push_str(&format!(" {name} stays open, unchanged."));
    }
    panel(ui, &heading, &failed.diagnostics, Action::DismissFailedLoad, actions);
}

pub fn warnings_ui(ui: &mut egui::Ui, document: &Document, actions: &mut Vec<Action>) {
    let count = document.warnings.len();
    let heading = format!("{count} warning{} in {}", plural(count), document.file_name());
    panel(ui, &heading, &document.warnings, Action::ShowProblems(false), actions);
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn panel(ui: &mut egui::Ui, heading: &str, diagnostics: &[Diagnostic], close: Action, actions: &mut Vec<Action>) {
    egui::Panel::bottom("problems_panel").resizable(true).default_size(200.0).min_size(90.0).show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(heading).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").on_hover_text("Hide this list").clicked() {
                    actions.push(close);
                }
            });
        });
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::Grid::new("problems").num_columns(3).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
                for diagnostic in diagnostics {
                    diagnostic_row(ui, diagnostic);
                }
            });
        });
    });
}

fn diagnostic_row(ui: &mut egui::Ui, diagnostic: &Diagnostic) {
    let location = diagnostic.location();
    ui.monospace(if location.is_empty() {
        "—".to_owned()
    } else {
        format!("line {}", location.replacen(':', ", col ", 1))
    });
    ui.label(RichText::new(diagnostic.severity.label()).color(severity_colour(ui, diagnostic.severity)).strong());
    let text = if diagnostic.path.is_empty() {
        diagnostic.message.clone()
    } else {
        format!("{}: {}", diagnostic.path, diagnostic.message)
    };
    ui.add(egui::Label::new(text).wrap());
    ui.end_row();
}
