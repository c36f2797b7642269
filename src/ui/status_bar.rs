//! The status bar: the last message (saved, could not open…) and the count of warnings.

use eframe::egui::{self, RichText};

use crate::app::{Action, Document, Status, ViewState};

pub fn ui(
    ui: &mut egui::Ui,
    document: &Document,
    status: Option<&Status>,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let warnings = document.warnings.len();
            if warnings > 0 {
                let text = format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" });
                let button = ui.selectable_label(view.show_problems, text);
                if button.on_hover_text("Show or hide the problems found in this scenario").clicked() {
                    actions.push(Action::ShowProblems(!view.show_problems));
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
            } else {
                ui.weak("Ready");
            }
        });
    });
}
