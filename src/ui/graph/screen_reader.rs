//! The graph for screen readers: each visible node gets an entry in the accessibility tree ("Serbia, graph
//! node"), so that screen readers can find it and tests can click it by name.

use eframe::egui::{self, Pos2, Rect, Vec2};

use super::scene::GraphScene;
use super::screen_radius;
use crate::state::ViewState;

/// Above this many nodes the graph's nodes are not described one by one (too many to browse).
const MOST_NODES_DESCRIBED: usize = 500;

/// Gives each visible node an entry in the accessibility tree ("Serbia, graph node"), so that screen readers
/// can find it and tests can click it by name.
#[allow(clippy::too_many_arguments)]
pub(super) fn describe_nodes_for_screen_readers(
    ui: &egui::Ui,
    canvas_id: egui::Id,
    viewport: Rect,
    scene: &GraphScene,
    radii: &[f32],
    positions: &[Pos2],
    zoom: f32,
    view: &ViewState,
) {
    if scene.nodes.len() > MOST_NODES_DESCRIBED {
        return;
    }
    for (node, scene_node) in scene.nodes.iter().enumerate() {
        let centre = positions[node];
        if !viewport.contains(centre) {
            continue;
        }
        let bounds = Rect::from_center_size(centre, Vec2::splat(2.0 * screen_radius(radii[node], zoom)));
        let label = format!("{}, graph node", scene_node.name);
        let selected = view.is_selected(&scene_node.id);
        let id = canvas_id.with(("graph node", node));
        crate::ui::accessibility::describe(ui.ctx(), id, egui::accesskit::Role::Button, label, bounds, selected);
    }
}
