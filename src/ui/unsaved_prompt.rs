//! The unsaved-changes prompt: before the open scenario is replaced or the window closes, Save / Discard / Cancel.

use eframe::egui;

use crate::state::{Action, Document};

/// `pending` is what will happen after Save or Discard, to name it in the question.
pub fn ui(ctx: &egui::Context, document: &Document, pending: &Action, actions: &mut Vec<Action>) {
    let mut answers = Vec::new();
    let what = match pending {
        Action::Quit => "closing GeoDep",
        Action::NewScenario => "starting a new scenario",
        _ => "opening another scenario",
    };
    let window = egui::Window::new("Unsaved changes")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .order(egui::Order::Foreground);
    window.show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.label(format!("{} has changes that are not saved. Save them before {what}?", document.file_name()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = if document.path.is_some() { "Save" } else { "Save As…" };
            if ui.button(save).on_hover_text("Save, then go on").clicked() {
                answers.push(Action::SaveThenContinue);
            }
            if ui.button("Discard changes").on_hover_text("Go on without saving; the changes are lost").clicked() {
                answers.push(Action::DiscardThenContinue);
            }
            if ui.button("Cancel").on_hover_text("Keep working on this scenario").clicked() {
                answers.push(Action::CancelPending);
            }
        });
    });
    // Escape means Cancel.
    if answers.is_empty() && ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        answers.push(Action::CancelPending);
    }
    actions.extend(answers);
}
