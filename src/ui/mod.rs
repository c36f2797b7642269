//! Views and panels, one per file. Each draws from shared references and pushes `Action`s; none
//! changes the scenario itself. `draw` lays them out in the window.

mod accessibility;
pub mod actors_panel;
pub mod analysis;
mod cache;
pub mod charts;
pub mod diagnostics_panel;
pub mod editor;
pub mod graph;
pub mod help_window;
pub mod inspector;
pub mod matrices;
pub mod menu_bar;
pub mod overview;
pub mod palette;
pub mod path_prompt;
pub mod presentation;
mod record_details;
mod safekeeping;
pub mod start_screen;
pub mod status_bar;
pub mod style;
pub mod timeline;
pub mod unsaved_prompt;

use eframe::egui;

use crate::app::{Action, CentralView, Command, GeoDepApp};

/// Draws the whole window for one frame and returns what the person asked for.
pub fn draw(ui: &mut egui::Ui, app: &mut GeoDepApp) -> Vec<Action> {
    if app.presentation.is_some() {
        return presentation::draw(ui, app);
    }
    app.graph.presenting = false;
    let mut actions = Vec::new();
    let GeoDepApp {
        document,
        view,
        settings,
        failed_load,
        status,
        path_prompt,
        actors_panel,
        graph,
        charts,
        analysis,
        editor,
        matrices,
        timeline,
        unsaved_prompt,
        safekeeping,
        start_screen,
        story_position,
        ..
    } = app;
    menu_bar::ui(ui, document, settings, *story_position, &mut actions);
    safekeeping::disk_notice_ui(ui, document, safekeeping, &mut actions);
    status_bar::ui(ui, document, status.as_ref(), view, &mut actions);
    if let Some(failed) = failed_load {
        diagnostics_panel::failed_load_ui(ui, failed, &mut actions);
    } else if view.show_problems && !document.warnings.is_empty() {
        diagnostics_panel::warnings_ui(ui, document, &mut actions);
    }
    actors_panel.ui(ui, &document.scenario, view, &mut actions);
    inspector::ui(ui, &document.scenario, view, &mut actions);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            central_tabs(ui, view.central, &mut actions);
            ui.separator();
            year_selector(ui, &document.scenario, view.year, &mut actions);
            ui.separator();
            ui.add(egui::Label::new(egui::RichText::new(&document.scenario.title).strong().size(17.0)).truncate());
        });
        ui.separator();
        match view.central {
            CentralView::Graph => graph.ui(ui, document, view, &mut actions),
            CentralView::Charts => charts.ui(ui, document, view, &mut actions),
            CentralView::Matrices => matrices.ui(ui, document, view, &mut actions),
            CentralView::Timeline => timeline.ui(ui, document, view, &mut actions),
            CentralView::Analysis => analysis.ui(ui, document, view, &mut actions),
            CentralView::Data => editor.ui(ui, document, view, &mut actions),
            CentralView::Overview => overview::ui(ui, document, &mut actions),
        }
    });
    if view.show_help {
        help_window::ui(ui.ctx(), &mut actions);
    }
    start_screen.ui(ui.ctx(), settings, &mut actions);
    if let Some(pending) = unsaved_prompt {
        unsaved_prompt::ui(ui.ctx(), document, pending, &mut actions);
    }
    if let Some(question) = &safekeeping.save_question {
        safekeeping::save_question_ui(ui.ctx(), question, &mut actions);
    }
    safekeeping::recovery_ui(ui.ctx(), safekeeping, &mut actions);
    if let Some(prompt) = path_prompt {
        prompt.ui(ui.ctx(), &mut actions);
    }
    actions
}

/// The tabs above the central view, one per view command (Ctrl+1 to Ctrl+7).
fn central_tabs(ui: &mut egui::Ui, current: CentralView, actions: &mut Vec<Action>) {
    for command in Command::VIEWS {
        let action = command.action();
        let selected = action == Action::ShowCentral(current);
        let shortcut = ui.ctx().format_shortcut(&command.shortcut());
        let tooltip = format!("{} ({shortcut})", command.tooltip());
        if ui.selectable_label(selected, command.label()).on_hover_text(tooltip).clicked() {
            actions.push(action);
        }
    }
}

/// The app-wide year: every view shows the records that apply in it.
fn year_selector(ui: &mut egui::Ui, scenario: &crate::model::Scenario, year: Option<i32>, actions: &mut Vec<Action>) {
    let label = ui.label("Year");
    let text = |year: Option<i32>| year.map_or_else(|| "All years".to_owned(), |year| year.to_string());
    let mut chosen = year;
    egui::ComboBox::from_id_salt("year")
        .selected_text(text(year))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "All years");
            for known in scenario.years() {
                ui.selectable_value(&mut chosen, Some(known), known.to_string());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("Show the records that apply in this year");
    if chosen != year {
        actions.push(Action::SetYear(chosen));
    }
}
