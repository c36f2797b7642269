//! A story step's route on the graph: each course of it drawn as one highlighted path through the nodes of its
//! transit actors in order (a highlighter band under the commodity's line, an arrowhead at the consumer), and
//! described for screen readers ("Highlighted route: Russia, Turkey, Bulgaria, Serbia"). The courses are worked
//! out when the scene is built (`scene::route_path`), not per frame.

use eframe::egui::{self, Pos2, Rect};

use super::GraphView;
use super::draw::EdgeMesh;
use super::paint::screen_radius;
use super::scene::GraphScene;
use super::style;
use crate::scene::route_path::{ROUTE_HALO, RoutePath};

/// A course of the route and the scene nodes it passes.
pub(super) type SceneRoute = (RoutePath, Vec<usize>);

impl GraphView {
    /// The route's courses drawn last, as the ids of the actors each passes in order (for tests and other views).
    pub fn highlighted_route(&self) -> Vec<Vec<String>> {
        self.routes.iter().map(|(path, _)| path.actors.clone()).collect()
    }
}

/// The route's courses over the edges and under the nodes.
pub(super) fn paint_routes(
    painter: &egui::Painter,
    routes: &[SceneRoute],
    radii: &[f32],
    positions: &[Pos2],
    zoom: f32,
    theme: crate::scene::palette::Theme,
) {
    let mut mesh = EdgeMesh::for_edges(routes.len() * 2);
    for (path, nodes) in routes {
        let mut points: Vec<Pos2> = nodes.iter().map(|&node| positions[node]).collect();
        let (first, last) = (nodes[0], nodes[nodes.len() - 1]);
        if !trim(&mut points, screen_radius(radii[first], zoom), screen_radius(radii[last], zoom) + 2.0) {
            continue;
        }
        let line = path.line_style().in_theme(theme);
        let line = style::EdgeStyle { width: line.width.max(4.0), ..line };
        let halo =
            style::EdgeStyle { colour: ROUTE_HALO, width: line.width + 12.0, arrow: style::Arrowhead::None, ..line };
        mesh.add_path(&mut points.clone(), &halo);
        mesh.add_path(&mut points, &line);
    }
    painter.add(mesh.into_shape());
}

/// Moves a path's ends onto the rims of its end nodes; false when the ends are too close to draw.
fn trim(points: &mut [Pos2], start: f32, end: f32) -> bool {
    let count = points.len();
    if count < 2 {
        return false;
    }
    let towards = |from: Pos2, to: Pos2, distance: f32| from + (to - from).normalized() * distance;
    let (first, last) = ((points[1] - points[0]).length(), (points[count - 1] - points[count - 2]).length());
    if first <= start || last <= end {
        return false;
    }
    points[0] = towards(points[0], points[1], start);
    points[count - 1] = towards(points[count - 1], points[count - 2], end);
    true
}

/// "Highlighted route: Russia, Turkey, Bulgaria, Serbia", one entry per course, for screen readers and tests.
pub(super) fn describe_routes(
    ui: &egui::Ui,
    canvas_id: egui::Id,
    scene: &GraphScene,
    routes: &[SceneRoute],
    positions: &[Pos2],
) {
    for (index, (_, nodes)) in routes.iter().enumerate() {
        let names: Vec<&str> = nodes.iter().map(|&node| scene.nodes[node].name.as_str()).collect();
        let label = format!("Highlighted route: {}", names.join(", "));
        let bounds = Rect::from_points(&nodes.iter().map(|&node| positions[node]).collect::<Vec<_>>());
        let id = canvas_id.with(("highlighted route", index));
        crate::ui::accessibility::describe(ui.ctx(), id, egui::accesskit::Role::Image, label, bounds, false);
    }
}
