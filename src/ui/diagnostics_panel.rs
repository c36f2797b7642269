//! The problems panel: every diagnostic of a file that failed to open, or the problems of the open scenario as
//! it is now (worked out once per revision in `Derived`). Long lists draw only the rows in view.

use eframe::egui::{self, RichText};

use super::style::severity_colour;
use crate::diagnostic::{Diagnostic, Severity};
use crate::state::{Action, Document, FailedLoad};

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

pub fn problems_ui(ui: &mut egui::Ui, document: &Document, actions: &mut Vec<Action>) {
    let derived = document.derived();
    let counts = super::status_bar::problem_counts(derived.errors, derived.warnings);
    let heading = format!("{counts} in {}", document.file_name());
    panel(ui, &heading, &derived.problems, Action::ShowProblems(false), actions);
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
        let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
            ui,
            row_height,
            diagnostics.len(),
            |ui, rows| {
                for diagnostic in &diagnostics[rows] {
                    diagnostic_row(ui, diagnostic);
                }
            },
        );
    });
}

/// One problem on one line: where, how bad, what (the whole text on hover when it does not fit).
fn diagnostic_row(ui: &mut egui::Ui, diagnostic: &Diagnostic) {
    ui.horizontal(|ui| {
        let location = diagnostic.location();
        let place = if location.is_empty() {
            "—".to_owned()
        } else {
            format!("line {}", location.replacen(':', ", col ", 1))
        };
        ui.add_sized([120.0, ui.spacing().interact_size.y], egui::Label::new(RichText::new(place).monospace()));
        let severity = RichText::new(diagnostic.severity.label()).color(severity_colour(ui, diagnostic.severity));
        ui.add_sized([64.0, ui.spacing().interact_size.y], egui::Label::new(severity.strong()));
        // Records named as the Data tab names them ("Energy flow 5"), the file's path on hover.
        let message = super::wording::message(&diagnostic.message);
        let text = if diagnostic.path.is_empty() {
            message
        } else {
            format!("{}: {message}", super::wording::place(&diagnostic.path))
        };
        let label = ui.add(egui::Label::new(&text).truncate());
        if !diagnostic.path.is_empty() {
            label.on_hover_text(format!("{text}\n\nIn the file: {}", diagnostic.path));
        }
    });
}
