//! The strip at the side of the map: actors with no place of their own (blocs, organisations), so that no one
//! wonders where they went. Hovering one outlines its members on the map; a click selects it.

use eframe::egui::{self, Rect, RichText, Sense, Vec2};

use super::MapScene;
use crate::state::{Action, Document, ViewState};

pub const WIDTH: f32 = 168.0;

/// Draws the strip; returns the actor hovered in it, whose members the map outlines.
pub fn show(
    ui: &mut egui::Ui,
    rect: Rect,
    document: &Document,
    scene: &MapScene,
    view: &ViewState,
    actions: &mut Vec<Action>,
) -> Option<String> {
    let mut hovered = None;
    let builder = egui::UiBuilder::new().max_rect(rect.shrink2(Vec2::new(6.0, 4.0)));
    ui.scope_builder(builder, |ui| {
        ui.label(RichText::new("Not on the map").strong())
            .on_hover_text("Blocs and organisations have no place of their own. Hover one to outline its members.");
        // Only the rows in view are laid out: a scenario of 2,000 placeless actors costs no more than one of 20.
        let row_height = ui.spacing().interact_size.y;
        let rows = scene.placeless.len();
        egui::ScrollArea::vertical().id_salt("map_strip").show_rows(ui, row_height, rows, |ui, shown| {
            for &node in &scene.placeless[shown] {
                let scene_node = &scene.graph.nodes[node];
                let selected = view.selection.contains(&scene_node.id);
                let response = ui
                    .horizontal(|ui| {
                        let (swatch, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                        ui.painter().rect_filled(swatch, 2.0, super::picture::kind_colour(scene_node.kind));
                        ui.selectable_label(selected, &scene_node.name)
                    })
                    .inner;
                let members = &document.scenario.actors[scene_node.actor].members;
                let tooltip = if members.is_empty() {
                    format!("{}: no members recorded. Click to select.", scene_node.kind.label())
                } else {
                    format!(
                        "{} of {} members, outlined on the map. Click to select.",
                        scene_node.kind.label(),
                        members.len()
                    )
                };
                let response = response.on_hover_text(tooltip);
                if response.hovered() {
                    hovered = Some(scene_node.id.clone());
                }
                if response.clicked() {
                    let additive = ui.input(|input| input.modifiers.shift);
                    actions.push(Action::Select { id: scene_node.id.clone(), additive });
                }
            }
        });
    });
    // A selected bloc keeps its members outlined after the pointer leaves the strip.
    hovered.or_else(|| {
        scene.placeless.iter().map(|&node| &scene.graph.nodes[node].id).find(|id| view.selection.contains(*id)).cloned()
    })
}
