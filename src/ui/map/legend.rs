//! The map's legend: what the countries' colours say (kinds of actor, or a measure's colour bar or categories
//! with "no data" and the reference actor), and every line the map draws at the moment.

use eframe::egui::{self, Color32, Mesh, Rect, Sense, pos2, vec2};

use super::{MapScene, Place};
use crate::model::{ActorKind, Scenario};
use crate::scene::choropleth::{Choropleth, Legend};
use crate::ui::graph::legend::{edges_ui, framed, shape_row, swatch};

/// The legend in the corner where it hides the fewest actors (see `legend_place`); larger while presenting (see
/// `graph::legend::look`).
pub fn show(
    ui: &egui::Ui,
    viewport: Rect,
    scene: &MapScene,
    choropleth: Option<&Choropleth>,
    scenario: &Scenario,
    presenting: bool,
    avoid: &[crate::ui::legend_place::Weighted],
) -> bool {
    framed(ui, ui.scope_id().with("map_legend"), viewport, presenting, avoid, |ui| {
        match choropleth {
            Some(choropleth) => measure_ui(ui, choropleth, scenario),
            None => kinds_ui(ui, scene),
        }
        edges_ui(ui, &scene.graph);
    })
}

/// The folded legend's button (see `graph::legend::folded`).
pub fn folded(ui: &egui::Ui, viewport: Rect) -> bool {
    crate::ui::graph::legend::folded(ui, viewport, ui.scope_id().with("map_legend"))
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
        match kind {
            // Countries, as their land is coloured.
            ActorKind::State | ActorKind::Territory => swatch(ui, kind.label(), super::picture::kind_colour(kind)),
            // Markers, told apart by shape as on the graph.
            _ => shape_row(ui, kind.label(), kind, super::picture::kind_colour(kind)),
        }
    }
    swatch(ui, "Not in this scenario", super::picture::land(ui.visuals()));
}

/// The measure's title, its colour bar (or categories), "no data" and the actor it is taken against.
fn measure_ui(ui: &mut egui::Ui, choropleth: &Choropleth, scenario: &Scenario) {
    ui.label(egui::RichText::new(&choropleth.title).strong());
    match choropleth.legend() {
        Legend::Ramp { stops, labels } => ramp_ui(ui, &stops, &labels),
        Legend::Categories(categories) => {
            for (label, colour) in categories {
                swatch(ui, &label, colour);
            }
        }
    }
    swatch(ui, "No data", super::picture::land(ui.visuals()));
    if let Some(reference) = &choropleth.reference {
        let text = format!("{}: {}", scenario.actor_name(&reference.actor), reference.role);
        swatch(ui, &text, super::picture::reference_colour(ui.visuals()));
    }
}

/// A horizontal colour bar blended between its stops, with its labels underneath.
fn ramp_ui(ui: &mut egui::Ui, stops: &[(f64, crate::scene::Rgba)], labels: &[(f64, String)]) {
    let height = egui::TextStyle::Small.resolve(ui.style()).size + 2.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width() - 12.0, height), Sense::hover());
    let x = |at: f64| rect.left() + rect.width() * at as f32;
    let mut mesh = Mesh::default();
    for pair in stops.windows(2) {
        let ((start, from), (end, to)) = (pair[0], pair[1]);
        let first = mesh.vertices.len() as u32;
        for (point, colour) in [
            (pos2(x(start), rect.top()), from),
            (pos2(x(end), rect.top()), to),
            (pos2(x(end), rect.bottom()), to),
            (pos2(x(start), rect.bottom()), from),
        ] {
            mesh.colored_vertex(point, Color32::from(colour));
        }
        mesh.add_triangle(first, first + 1, first + 2);
        mesh.add_triangle(first, first + 2, first + 3);
    }
    ui.painter().add(mesh);
    let (labels_rect, _) = ui.allocate_exact_size(vec2(rect.width(), height), Sense::hover());
    // The two ends are always labelled; a label between them that would run into another is left out (at this
    // width, "75%" next to "100%").
    let font = egui::TextStyle::Small.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let placed_labels: Vec<(f32, std::sync::Arc<egui::Galley>)> = labels
        .iter()
        .map(|(at, text)| {
            let galley = ui.painter().layout_no_wrap(text.clone(), font.clone(), colour);
            let width = galley.size().x;
            let left = match *at {
                at if at <= 0.0 => x(at),
                at if at >= 1.0 => x(at) - width,
                at => x(at) - width / 2.0,
            };
            (left, galley)
        })
        .collect();
    let last = placed_labels.len().saturating_sub(1);
    let order = [0, last].into_iter().chain(1..last);
    let mut taken: Vec<(f32, f32)> = Vec::new();
    for index in order {
        let Some((left, galley)) = placed_labels.get(index) else { continue };
        let right = left + galley.size().x;
        if taken.iter().any(|&(other_left, other_right)| *left < other_right + 4.0 && right + 4.0 > other_left) {
            continue;
        }
        taken.push((*left, right));
        ui.painter().galley(pos2(*left, labels_rect.top()), galley.clone(), colour);
    }
}
