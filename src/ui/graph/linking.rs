//! Creating records from the graph: Ctrl-drag from one actor to another draws a line, and letting go over the
//! second actor offers an energy flow, a sanctions stance or a diplomatic tie between them. The new record opens
//! in the Data tab to be completed.

use eframe::egui::{self, Color32, Pos2, Stroke};

use crate::edit::{Edit, RecordKind};
use crate::model::Scenario;
use crate::state::{Action, ViewState};
use crate::ui::editor::new_records::new_record;

/// The menu shown where a link was dropped: what to create from one actor to another.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkMenu {
    pub from: String,
    pub to: String,
    pub at: Pos2,
}

/// The line from the actor where the drag began to the pointer, with a hint.
pub fn paint_link_line(painter: &egui::Painter, from: Pos2, pointer: Pos2, colour: Color32) {
    let stroke = Stroke::new(2.5, colour);
    painter.extend(egui::Shape::dashed_line(&[from, pointer], stroke, 8.0, 5.0));
    painter.circle_stroke(pointer, 6.0, stroke);
    let hint = "Let go over another actor to link them";
    painter.text(
        pointer + egui::vec2(12.0, 12.0),
        egui::Align2::LEFT_TOP,
        hint,
        egui::FontId::proportional(14.0),
        colour,
    );
}

/// Draws the menu; returns the actions chosen and whether the menu should stay open.
pub fn menu_ui(ctx: &egui::Context, scenario: &Scenario, view: &ViewState, menu: &LinkMenu) -> (Vec<Action>, bool) {
    let mut actions = Vec::new();
    let mut open = true;
    let (from, to) = (scenario.actor_name(&menu.from), scenario.actor_name(&menu.to));
    let year = view.chart_year(scenario);
    let area =
        egui::Area::new(egui::Id::NULL.with("graph link menu")).order(egui::Order::Foreground).fixed_pos(menu.at);
    let shown = area.show(ctx, |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.label(egui::RichText::new(format!("Link {from} to {to}")).strong());
            let choices = [
                (RecordKind::Energy, format!("Energy flow: {from} supplies {to}"), [&menu.to, &menu.from]),
                (RecordKind::Sanctions, format!("Sanctions stance of {from} on {to}"), [&menu.from, &menu.to]),
                (RecordKind::Tie, format!("Diplomatic tie between {from} and {to}"), [&menu.from, &menu.to]),
            ];
            for (kind, label, ends) in choices {
                if ui.button(label).clicked() {
                    let ends: Vec<String> = ends.iter().map(|id| (*id).clone()).collect();
                    let index = kind.count(scenario);
                    actions.push(Action::edit(Edit::Add(new_record(scenario, kind, &ends, year))));
                    actions.push(Action::EditRecord { kind, index });
                    open = false;
                }
            }
            if ui.button("Cancel").clicked() {
                open = false;
            }
        });
    });
    let clicked_elsewhere = ctx.input(|input| input.pointer.any_click()) && !shown.response.contains_pointer();
    let escape = ctx.input(|input| input.key_pressed(egui::Key::Escape));
    (actions, open && !clicked_elsewhere && !escape)
}
