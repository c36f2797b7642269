//! Views and panels, one per file. Each draws from shared references and pushes `Action`s; none
//! changes the scenario itself. `draw` lays them out in the window.

mod accessibility;
pub mod actors_panel;
pub mod analysis;
mod cache;
pub mod camera;
pub mod charts;
pub mod colour;
pub mod commands;
pub mod diagnostics_panel;
pub mod editor;
pub mod graph;
pub mod help_window;
pub mod import_window;
pub mod inspector;
mod laser_pointer;
pub mod legend_place;
pub mod map;
pub mod matrices;
pub mod menu_bar;
pub mod overview;
pub mod path_prompt;
pub mod play_controls;
pub mod presentation;
mod record_details;
mod safekeeping;
pub mod source_link;
pub mod start_screen;
pub mod status_bar;
pub mod style;
pub mod text_view;
pub mod timeline;
pub mod unsaved_prompt;
pub mod wording;

use eframe::egui;

use crate::state::{
    Action, Busy, CentralView, Document, FailedLoad, ImportSetup, Playback, Presentation, Safekeeping, Settings,
    Status, ViewState,
};
use commands::Command;

/// What the window shows in one frame, borrowed from the app: views read it and never change it.
pub struct Shown<'a> {
    pub document: &'a Document,
    pub view: &'a ViewState,
    /// The years playing one after another, and how.
    pub playback: &'a Playback,
    pub settings: &'a Settings,
    pub failed_load: Option<&'a FailedLoad>,
    pub status: Option<&'a Status>,
    /// An action waiting for Save / Discard / Cancel.
    pub unsaved_prompt: Option<&'a Action>,
    pub safekeeping: &'a Safekeeping,
    pub presentation: Option<&'a Presentation>,
    /// The story step shown last, where Shift+F5 starts.
    pub story_position: usize,
    /// File work running in the background, once it takes longer than a moment.
    pub busy: Option<Busy>,
    /// The import window's files, progress and outcome, while it is open.
    pub import: Option<&'a ImportSetup>,
}

/// The views' own transient state (cameras, caches, open pickers and prompts), which drawing may change.
#[derive(Default)]
pub struct Views {
    pub path_prompt: Option<path_prompt::PathPrompt>,
    pub actors_panel: actors_panel::ActorsPanel,
    pub graph: graph::GraphView,
    pub map: map::MapView,
    pub charts: charts::ChartsView,
    pub editor: editor::EditorView,
    pub analysis: analysis::AnalysisView,
    pub matrices: matrices::MatricesView,
    pub timeline: timeline::TimelineView,
    pub start_screen: start_screen::StartScreen,
    pub text_view: text_view::TextView,
    pub import_window: import_window::ImportWindow,
}

/// Draws the whole window for one frame and returns what the person asked for.
pub fn draw(ui: &mut egui::Ui, shown: &Shown, views: &mut Views) -> Vec<Action> {
    if let Some(presentation) = shown.presentation {
        return presentation::draw(ui, shown, presentation, views);
    }
    views.graph.presenting = false;
    views.map.presenting = false;
    let mut actions = Vec::new();
    let Shown { document, view, settings, .. } = *shown;
    let Views {
        path_prompt,
        actors_panel,
        graph,
        map,
        charts,
        analysis,
        editor,
        matrices,
        timeline,
        start_screen,
        text_view,
        import_window,
    } = views;
    menu_bar::ui(ui, document, settings, shown.story_position, &mut actions);
    safekeeping::disk_notice_ui(ui, document, shown.safekeeping, &mut actions);
    status_bar::ui(ui, document.derived(), shown.status, shown.busy.as_ref(), view, &mut actions);
    // A file that is text is shown in the text view instead, its errors marked.
    if let Some(failed) = shown.failed_load.filter(|failed| failed.text.is_none()) {
        diagnostics_panel::failed_load_ui(ui, failed, &mut actions);
    } else if shown.failed_load.is_none() && view.show_problems && !document.derived().problems.is_empty() {
        diagnostics_panel::problems_ui(ui, document, &mut actions);
    }
    actors_panel.ui(ui, document, view, &mut actions);
    inspector::ui(ui, &document.scenario, document.derived(), view, &mut actions);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            // The year and Play are always in view; the tabs get the rest and scroll sideways when larger text
            // (Ctrl +) makes them too wide, rather than wrapping. The scenario's title is in the menu bar.
            let year_controls = ui.scope_id().with("year_controls_width");
            let year_controls_width = ui.data(|data| data.get_temp::<f32>(year_controls)).unwrap_or(280.0);
            let tabs_width = (ui.available_width() - year_controls_width).max(120.0);
            style::toolbar_row_within(ui, "central_tabs", tabs_width, |ui| {
                central_tabs(ui, view.central, &mut actions)
            });
            let controls = ui.horizontal(|ui| {
                ui.separator();
                year_selector(ui, &document.derived().years, view.year, &mut actions);
                play_controls::ui(ui, shown.playback, document.derived().years.len(), &mut actions);
            });
            let width = controls.response.rect.width() + ui.spacing().item_spacing.x * 2.0;
            ui.data_mut(|data| data.insert_temp(year_controls, width));
        });
        ui.separator();
        if let Some(failed) = shown.failed_load.filter(|failed| failed.text.is_some()) {
            text_view.ui(ui, failed, &mut actions);
            return;
        }
        if let Some(busy) = &shown.busy
            && document.path.is_none()
            && document.scenario.actors.is_empty()
        {
            // Starting with a file: say what is coming rather than "this scenario has no actors".
            ui.add_space(ui.available_height() / 3.0);
            ui.vertical_centered(|ui| {
                ui.add(egui::Spinner::new().size(32.0));
                ui.heading(&busy.text);
            });
            return;
        }
        match view.central {
            CentralView::Graph => graph.ui(ui, document, view, &mut actions),
            CentralView::Map => map.ui(ui, document, view, &mut actions),
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
    if let Some(setup) = shown.import {
        import_window.ui(ui.ctx(), setup, &mut actions);
    }
    if let Some(pending) = shown.unsaved_prompt {
        unsaved_prompt::ui(ui.ctx(), document, pending, &mut actions);
    }
    if let Some(question) = &shown.safekeeping.save_question {
        safekeeping::save_question_ui(ui.ctx(), question, &mut actions);
    }
    safekeeping::recovery_ui(ui.ctx(), shown.safekeeping, &mut actions);
    if let Some(prompt) = path_prompt {
        prompt.ui(ui.ctx(), &mut actions);
    }
    actions
}

/// The tabs above the central view, one per view command (Ctrl+1 to Ctrl+8).
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
fn year_selector(ui: &mut egui::Ui, years: &[i32], year: Option<i32>, actions: &mut Vec<Action>) {
    let label = ui.label("Year");
    let text = |year: Option<i32>| year.map_or_else(|| "All years".to_owned(), |year| year.to_string());
    let mut chosen = year;
    egui::ComboBox::from_id_salt("year")
        .selected_text(text(year))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "All years");
            for &known in years {
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
