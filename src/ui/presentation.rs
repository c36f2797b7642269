//! Presentation mode on screen: the step's view filling the window, its caption large underneath with a step
//! counter, and the speaker notes in a window of their own. It draws the same views as the normal window (the
//! graph without its toolbar) and returns actions; the app moves from step to step.

use eframe::egui::{self, RichText};

use crate::model::{Scenario, StoryStep};
use crate::state::{Action, CentralView};
use crate::state::{Presentation, SlideMove};

const TITLE_SIZE: f32 = 34.0;
const CAPTION_SIZE: f32 = 27.0;
const NOTES_SIZE: f32 = 19.0;

/// A step's title: in the embedded bold face, not egui's light one thickened.
pub fn title_font() -> egui::FontId {
    egui::FontId::new(TITLE_SIZE, crate::ui::style::bold_family())
}

/// A step's caption, in the embedded regular face.
pub fn caption_font() -> egui::FontId {
    egui::FontId::new(CAPTION_SIZE, crate::ui::style::regular_family())
}

/// Draws a frame of the show.
pub fn draw(ui: &mut egui::Ui, window: &super::Shown, shown: &Presentation, views: &mut super::Views) -> Vec<Action> {
    let mut actions = Vec::new();
    let (document, view) = (window.document, window.view);
    let super::Views { graph, map, charts, matrices, timeline, .. } = views;
    let scenario = &document.scenario;
    let Some(step) = scenario.story.get(shown.step) else { return actions };
    let counter = StepCounter { index: shown.step, count: scenario.story.len(), year: view.year };
    caption_ui(ui, step, counter, shown.show_notes, &mut actions);
    graph.presenting = true;
    map.presenting = true;
    let slide = egui::CentralPanel::default().show(ui, |ui| match view.central {
        CentralView::Map => map.ui(ui, document, view, &mut actions),
        CentralView::Charts => charts.ui(ui, document, view, &mut actions),
        CentralView::Matrices => matrices.ui(ui, document, view, &mut actions),
        CentralView::Timeline => timeline.ui(ui, document, view, &mut actions),
        _ => graph.ui(ui, document, view, &mut actions),
    });
    // The slide shows what the step says, whatever the pointer rests on: the mouse only points.
    super::laser_pointer::cover(ui.ctx(), slide.response.rect);
    if ui.input(|input| input.key_pressed(egui::Key::N) && input.modifiers.is_none()) {
        actions.push(Action::ShowSpeakerNotes(!shown.show_notes));
    }
    if shown.show_notes {
        speaker_notes(ui.ctx(), scenario, shown, &mut actions);
    }
    actions
}

/// The band under the view: title, caption, step counter and the buttons a mouse needs.
/// "Step 2 of 8", and the year on screen while a step plays a span of years.
struct StepCounter {
    index: usize,
    count: usize,
    year: Option<i32>,
}

fn caption_ui(ui: &mut egui::Ui, step: &StoryStep, counter: StepCounter, show_notes: bool, actions: &mut Vec<Action>) {
    let StepCounter { index, count, .. } = counter;
    let frame = egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(28, 18));
    egui::Panel::bottom("slide_caption").frame(frame).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&step.title).font(title_font()).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("Step {} of {count}", index + 1)).size(22.0));
                if let (Some(_), Some(year)) = (step.years, counter.year) {
                    ui.label(RichText::new(year.to_string()).size(TITLE_SIZE).strong());
                }
            });
        });
        ui.add_space(6.0);
        ui.label(RichText::new(&step.caption).font(caption_font()).color(ui.visuals().strong_text_color()));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.add_enabled(index > 0, egui::Button::new("Previous")).clicked() {
                actions.push(Action::Slide(SlideMove::Previous));
            }
            let next = egui::Button::new("Next");
            if ui.add_enabled(index + 1 < count, next).clicked() {
                actions.push(Action::Slide(SlideMove::Next));
            }
            if let Some((first, last)) = step.years {
                let replay = ui.button(format!("Play {first}–{last} again"));
                if replay.on_hover_text("The step's years once more, from the first").clicked() {
                    actions.push(Action::ReplayStepYears);
                }
            }
            let notes_label = if show_notes { "Hide speaker notes" } else { "Speaker notes" };
            if ui.button(notes_label).clicked() {
                actions.push(Action::ShowSpeakerNotes(!show_notes));
            }
            if ui.button("End").clicked() {
                actions.push(Action::EndPresentation);
            }
            // No tooltips on a slide: the keys are spelt out here instead.
            ui.weak("Right, Space or Page Down: next; Left or Page Up: back; Home, End; N: notes; Esc leaves");
        });
    });
}

/// The presenter's window: this step's notes, what comes next, and the same buttons. On a desktop it is a window
/// of its own (drag it to the laptop screen); where a second window is not possible it floats inside the first.
fn speaker_notes(ctx: &egui::Context, scenario: &Scenario, shown: &Presentation, actions: &mut Vec<Action>) {
    let builder = egui::ViewportBuilder::default()
        .with_title("GeoDep: speaker notes")
        .with_inner_size([560.0, 460.0])
        .with_min_inner_size([320.0, 240.0]);
    let id = egui::ViewportId::from_hash_of("speaker_notes");
    ctx.show_viewport_immediate(id, builder, |ui, _class| {
        egui::CentralPanel::default().show(ui, |ui| notes_ui(ui, scenario, shown, actions));
        // Keys pressed while this window has the focus step the show too.
        if ui.ctx().viewport_id() == id {
            actions.extend(crate::ui::commands::presentation_keys(ui.ctx()));
        }
        if ui.input(|input| input.viewport().close_requested()) {
            actions.push(Action::ShowSpeakerNotes(false));
        }
    });
}

fn notes_ui(ui: &mut egui::Ui, scenario: &Scenario, shown: &Presentation, actions: &mut Vec<Action>) {
    let count = scenario.story.len();
    let Some(step) = scenario.story.get(shown.step) else { return };
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Step {} of {count}: {}", shown.step + 1, step.title)).size(22.0).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(crate::format::clock(ui.input(|input| input.time) - shown.started_at)).size(22.0))
                .on_hover_text("Time since the show began");
        });
    });
    // The clock ticks even when nothing else moves.
    ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
    ui.separator();
    egui::ScrollArea::vertical().max_height(ui.available_height() - 70.0).show(ui, |ui| {
        match &step.notes {
            Some(notes) => ui.label(RichText::new(notes).size(NOTES_SIZE)),
            None => ui.weak("This step has no speaker notes. Write them in the Data tab, Story."),
        };
    });
    ui.separator();
    match scenario.story.get(shown.step + 1) {
        Some(next) => ui.label(format!("Next: {}", next.title)),
        None => ui.weak("This is the last step."),
    };
    ui.horizontal(|ui| {
        if ui.add_enabled(shown.step > 0, egui::Button::new("Previous step")).clicked() {
            actions.push(Action::Slide(SlideMove::Previous));
        }
        if ui.add_enabled(shown.step + 1 < count, egui::Button::new("Next step")).clicked() {
            actions.push(Action::Slide(SlideMove::Next));
        }
    });
}
