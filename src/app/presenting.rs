//! The app's side of presenting: starting and ending a show, moving between steps, adding the view on screen as
//! a step, and exporting the slides and the handout. The rules for what a step shows are in `presentation`.

use std::path::PathBuf;

use eframe::egui;

use super::GeoDepApp;
use crate::edit::Edit;
use crate::scene::story;
use crate::state::Presentation;
use crate::ui;

impl GeoDepApp {
    /// Starts the show full screen, keeping the view to give back when it ends.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context, from_current: bool) {
        let count = self.document.scenario.story.len();
        if count == 0 {
            let text = "This scenario has no story yet: show what a step should show, then Present > Add the current \
                        view as a step";
            self.set_status(text.to_owned(), true);
            return;
        }
        let step = if from_current { self.story_position.min(count - 1) } else { 0 };
        self.views.start_screen.open = false;
        self.view.show_help = false;
        self.playback.pause();
        self.presentation = Some(Presentation {
            step,
            document: self.document.id,
            view_before: self.view.clone(),
            matrix_before: self.views.matrices.kind,
            camera_before: self.views.graph.story_camera(),
            show_notes: false,
            was_fullscreen: ctx.input(|input| input.viewport().fullscreen.unwrap_or(false)),
            started_at: ctx.input(|input| input.time),
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.show_step(ctx, step);
    }

    /// Shows story step `index`: its view, layers, year, focus and shock, the camera moving to it. A step with a
    /// span of years plays them from the first.
    pub(super) fn show_step(&mut self, ctx: &egui::Context, index: usize) {
        let Some(step) = self.document.scenario.story.get(index) else { return };
        self.view = story::view_for_step(step, &self.document.scenario, &self.view);
        let span = step.years;
        if let Some(kind) = story::matrix_for_step(step) {
            self.views.matrices.kind = kind;
        }
        if step.view == crate::model::ViewKind::Charts {
            self.views.charts.chart = ui::charts::ChartKind::SupplyMix;
        }
        match step.camera {
            Some(camera) => self.views.graph.fly_to(ui::graph::CameraGoal::Exact(camera)),
            None => self.views.graph.fly_to(ui::graph::CameraGoal::Step(step.focus.clone())),
        }
        if step.view == crate::model::ViewKind::Map {
            // The map shows the focus and the whole of the step's route.
            let mut places = step.focus.clone();
            if let Some(route) = &step.route {
                let paths = crate::scene::route_path::route_paths(
                    &self.document.scenario,
                    route,
                    self.view.year,
                    &self.view.filters,
                );
                places.extend(crate::scene::route_path::route_actors(&paths));
            }
            self.views.map.fly_to_focus(places);
        }
        self.story_position = index;
        if let Some(shown) = &mut self.presentation {
            shown.step = index;
        }
        self.playback.pause();
        if let Some((first, last)) = span {
            self.play_span(ctx, first, last);
        }
    }

    /// Leaves the show and gives back the view, matrix and camera as they were before it.
    pub(super) fn end_presentation(&mut self, ctx: &egui::Context) {
        let Some(shown) = self.presentation.take() else { return };
        self.playback.pause();
        if !shown.was_fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        if shown.document == self.document.id {
            self.view = shown.view_before;
            self.views.matrices.kind = shown.matrix_before;
            self.views.graph.fly_to(ui::graph::CameraGoal::Exact(shown.camera_before));
        }
    }

    /// Adds the view on screen as a story step after the last one (undoable like any edit).
    pub(super) fn add_view_as_step(&mut self) {
        let count = self.document.scenario.story.len();
        match story::step_from_view(&self.view, self.views.matrices.kind, count) {
            Some(mut step) => {
                if step.view == crate::model::ViewKind::Graph {
                    step.camera = Some(self.views.graph.story_camera());
                }
                let title = step.title.clone();
                self.edit(&Edit::Add(crate::edit::Record::StoryStep(step)));
                self.story_position = count;
                self.set_status(format!("Added \"{title}\" to the story; write its caption in the Data tab"), false);
            }
            None => self.set_status(
                "A story step can show the graph, charts, matrices or timeline: switch to one of them first".to_owned(),
                true,
            ),
        }
    }

    /// "serbia-2023-step-03.png": the scenario's file name and the current step.
    pub(super) fn suggested_slide_name(&self) -> String {
        let name = super::suggested_file_name(&self.document);
        let stem = name.strip_suffix(".ron").unwrap_or(&name).to_owned();
        format!("{stem}-step-{:02}.png", self.story_position + 1)
    }

    /// Writes the current story step (the one shown last) as a PNG slide to `file`, in the background.
    pub(super) fn export_step(&mut self, file: PathBuf) {
        let count = self.document.scenario.story.len();
        if count == 0 {
            self.set_status("This scenario has no story steps to export".to_owned(), true);
            return;
        }
        let number = self.story_position.min(count - 1) + 1;
        if self.exports.start_step(self.document.scenario.clone(), number, file.clone()) {
            self.set_status(format!("Exporting step {number} to {}…", file.display()), false);
        } else {
            self.set_status("An export is already running; wait for it to finish".to_owned(), true);
        }
    }

    /// "serbia-2023-handout.pdf": the scenario's file name.
    pub(super) fn suggested_handout_name(&self) -> String {
        let name = super::suggested_file_name(&self.document);
        format!("{}-handout.pdf", name.strip_suffix(".ron").unwrap_or(&name))
    }

    /// Writes the story as a PDF handout to `file`, with the speaker notes or without, in the background.
    pub(super) fn export_handout(&mut self, file: PathBuf, notes: bool) {
        if self.document.scenario.story.is_empty() {
            self.set_status("This scenario has no story steps to export".to_owned(), true);
        } else if self.exports.start_handout(self.document.scenario.clone(), notes, file.clone()) {
            self.set_status(format!("Exporting the handout to {}…", file.display()), false);
        } else {
            self.set_status("An export is already running; wait for it to finish".to_owned(), true);
        }
    }

    /// Writes every story step as a PNG slide into `folder`, in the background.
    pub(super) fn export_slides(&mut self, folder: PathBuf) {
        if self.document.scenario.story.is_empty() {
            self.set_status("This scenario has no story steps to export".to_owned(), true);
        } else if self.exports.start_slides(self.document.scenario.clone(), folder.clone()) {
            self.set_status(format!("Exporting the slides to {}…", folder.display()), false);
        } else {
            self.set_status("An export is already running; wait for it to finish".to_owned(), true);
        }
    }
}
