//! The map's legend: what the countries' colours say, and every line the map draws at the moment.

use eframe::egui::{self, Rect, vec2};

use super::{MapOptions, MapScene, Place};
use crate::model::ActorKind;
use crate::scene::palette;
use crate::ui::graph::legend::{WIDTH, edges_ui, swatch};

pub fn show(ui: &egui::Ui, viewport: Rect, scene: &MapScene, _options: &MapOptions) {
    egui::Area::new(ui.scope_id().with("map_legend"))
        .fixed_pos(viewport.right_top() + vec2(-WIDTH - 8.0, 8.0))
        .order(egui::Order::Middle)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(WIDTH - 16.0);
                ui.style_mut().override_text_style = Some(egui::TextStyle::Small);
                ui.spacing_mut().item_spacing.y = 2.0;
                ui.label(egui::RichText::new("Legend").strong());
                kinds_ui(ui, scene);
                edges_ui(ui, &scene.graph);
            });
        });
}

/// The kinds of actor shown, as their countries and markers are coloured.
fn kinds_ui(ui: &mut egui::Ui, scene: &MapScene) {
    let mut kinds: Vec<ActorKind> = scene
        .places
        .iter()
        .zip(&scene.graph.nodes)
        .filter(|(place, _)| **place != Place::Nowhere)
        .map(|(_, node)| node.kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        swatch(ui, kind.label(), palette::actor_kind(kind));
    }
    swatch(ui, "Not in this scenario", super::picture::land(ui.visuals()));
}
