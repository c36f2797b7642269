//! The status bar: the count of errors and warnings in the scenario as it is now (a button that opens the
//! Problems panel), file work in the background with its progress, and the last message (saved, could not
//! open…).

use eframe::egui::{self, RichText};

use crate::derived::Derived;
use crate::state::{Action, Busy, Status, ViewState};

pub fn ui(
    ui: &mut egui::Ui,
    derived: &Derived,
    status: Option<&Status>,
    busy: Option<&Busy>,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            problems_button(ui, derived, view, actions);
            if let Some(busy) = busy {
                ui.spinner();
                ui.label(&busy.text);
                if let Some(fraction) = busy.fraction {
                    ui.add(egui::ProgressBar::new(fraction).desired_width(160.0).show_percentage());
                }
                ui.separator();
            }
            if let Some(status) = status {
                let mut text = RichText::new(&status.text);
                if status.is_error {
                    text = text.color(ui.visuals().error_fg_color);
                }
                ui.label(text);
                if ui.small_button("×").on_hover_text("Dismiss this message").clicked() {
                    actions.push(Action::DismissStatus);
                }
            } else if busy.is_none() {
                ui.weak("Ready");
            }
        });
    });
}

/// "2 errors, 5 warnings", or nothing when the scenario has no problems.
fn problems_button(ui: &mut egui::Ui, derived: &Derived, view: &ViewState, actions: &mut Vec<Action>) {
    let counts = problem_counts(derived.errors, derived.warnings);
    if counts.is_empty() {
        return;
    }
    let mut text = RichText::new(counts);
    if derived.errors > 0 {
        text = text.color(ui.visuals().error_fg_color);
    }
    let button = ui.selectable_label(view.show_problems, text);
    if button.on_hover_text("Show or hide the problems of this scenario as it is now").clicked() {
        actions.push(Action::ShowProblems(!view.show_problems));
    }
    ui.separator();
}

/// "1 error, 2 warnings", "3 warnings", "" for none.
pub fn problem_counts(errors: usize, warnings: usize) -> String {
    let plural = |count: usize, noun: &str| format!("{count} {noun}{}", if count == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => String::new(),
        (0, _) => plural(warnings, "warning"),
        (_, 0) => plural(errors, "error"),
        _ => format!("{}, {}", plural(errors, "error"), plural(warnings, "warning")),
    }
}

#[cfg(test)]
mod tests {
    use super::problem_counts;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(problem_counts(0, 0), "");
        assert_eq!(problem_counts(0, 1), "1 warning");
        assert_eq!(problem_counts(2, 0), "2 errors");
        assert_eq!(problem_counts(1, 3), "1 error, 3 warnings");
    }
}
