//! Painting one frame of the graph: edges as one mesh, transit rings under a hovered flow, nodes in their
//! shapes and colours (or an overlay's), selection rings, and names placed without overlap, most important first.

use eframe::egui::{self, FontId, Pos2, Rect, Stroke, Vec2};

use super::draw::{self, EdgeGeometry, EdgeMesh, LabelPlacer};
use super::scene::{self, GraphScene};
use super::style;
use super::{DENSE_EDGES, FAR_OUT_ZOOM, GraphView, Hovered, overlay};
use crate::state::ViewState;

impl GraphView {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        viewport: Rect,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        view: &ViewState,
        hovered: Option<Hovered>,
    ) {
        let zoom = self.camera.zoom;
        let visible = viewport.expand(40.0);
        let overlay = self.overlay_view(view);
        // With a selection, what is not linked to it fades, so that its neighbourhood stands out; a story step's
        // route counts as selected.
        let mut emphasised = view.selection.clone();
        emphasised.extend(self.routes.iter().flat_map(|(path, _)| path.actors.iter().cloned()));
        let near = scene::near_selection(scene, &emphasised);
        let selected_nodes = scene::selected_nodes(scene, &view.selection);
        let emphasised_nodes = scene::selected_nodes(scene, &emphasised);
        let selected = |node: usize| selected_nodes[node];
        // Links that touch no selected actor fade even when every actor is a neighbour (a hub such as Russia
        // selected): they are not about the selection.
        let fade_all_but = fade_mask(&emphasised_nodes);
        let colour_by = self.options.colour_by;
        let colour_of = |node: &scene::SceneNode, blocs: &[String]| match overlay {
            Some(overlay) => overlay.colour(&node.id),
            None => style::node_colour(node, colour_by, blocs),
        };
        let change = self.year_change.as_ref().map(|change| (change, self.year_change_share));
        if let Some((change, share)) = change {
            let screen_of = |actor: usize| {
                let canvas = self.layout.position(actor).map_or(Pos2::ZERO, |[x, y]| Pos2::new(x, y));
                self.camera.to_screen(viewport, canvas)
            };
            change.paint_leaving(painter, zoom, screen_of, colour_of, share);
        }
        let theme = crate::ui::style::line_theme(ui);
        painter.add(self.edge_shape(scene, radii, positions, visible, fade_all_but, hovered, theme));
        super::route::paint_routes(painter, &self.routes, radii, positions, zoom, theme);
        self.paint_transit(painter, scene, radii, positions, hovered);
        let selection_stroke = Stroke::new(3.0, ui.visuals().selection.stroke.color);
        let group_ring = Stroke::new(2.0, ui.visuals().panel_fill.gamma_multiply(0.8));
        let mut labels = LabelPlacer::within(visible);
        let far_out = zoom < FAR_OUT_ZOOM;
        let mut nodes = draw::NodeMesh::with_capacity(scene.nodes.len());
        let mut highlights = Vec::new();
        for (node, scene_node) in scene.nodes.iter().enumerate() {
            let centre = positions[node];
            if !visible.contains(centre) {
                continue;
            }
            let mut fill = colour_of(scene_node, &scene.blocs);
            let mut canvas_radius = radii[node];
            if let Some((change, share)) = change {
                canvas_radius = change.node_radius(node, canvas_radius, share);
                fill = change.node_fill(node, fill, colour_of, share);
            }
            let radius = screen_radius(canvas_radius, zoom);
            let fill = if near[node] { fill } else { faded(fill) }.into();
            nodes.add(centre, radius, style::node_shape(scene_node.kind), fill);
            if selected(node) || hovered == Some(Hovered::Node(node)) {
                highlights.push(egui::Shape::circle_stroke(centre, radius + 4.0, selection_stroke));
            }
            // A group's second, thin ring tells it from an actor at a glance.
            if scene_node.group.is_some() {
                highlights.push(egui::Shape::circle_stroke(centre, radius - 4.0, group_ring));
            }
            // Far out only a few labels are drawn; keeping them off every node costs more than it gives.
            if !far_out {
                labels.reserve(Rect::from_center_size(centre, Vec2::splat(radius * 2.0)));
            }
        }
        painter.add(nodes.into_shape());
        painter.extend(highlights);
        self.paint_labels(ui, painter, visible, scene, radii, positions, &emphasised_nodes, hovered, &mut labels);
    }

    /// Every edge on screen in one mesh; with `fade_all_but` (the selected nodes), edges not touching those fade.
    #[allow(clippy::too_many_arguments)]
    fn edge_shape(
        &self,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        visible: Rect,
        fade_all_but: Option<&[bool]>,
        hovered: Option<Hovered>,
        theme: crate::scene::palette::Theme,
    ) -> egui::Shape {
        let thin = self.camera.zoom < 0.35;
        // With thousands of edges, fanned curves are illegible anyway: draw them straight, and leave out the
        // arrowheads of edges too short to show one. This keeps a frame of 40,000 edges within budget.
        let dense = scene.edges.len() > DENSE_EDGES;
        // The route's records are drawn along their course instead (see `route`).
        let on_route = |edge: &scene::SceneEdge| match edge.record {
            crate::model::RecordRef::Energy(index) => self.routes.iter().any(|(path, _)| path.records.contains(&index)),
            _ => false,
        };
        let on_screen: Vec<(usize, EdgeGeometry)> = (scene.edges.iter().enumerate())
            .filter(|(_, edge)| !on_route(edge))
            .filter_map(|(index, edge)| Some((index, self.edge_geometry(edge, &scene.arrivals, radii, positions)?)))
            .filter(|(_, geometry)| visible.intersects(geometry.bounds()))
            .collect();
        // Counted on screen, so that zoomed in on a few edges of a large graph, they keep their full dashes.
        let mut edges = EdgeMesh::for_edges(on_screen.len());
        for (index, mut geometry) in on_screen {
            let edge = &scene.edges[index];
            let mut style = style::edge_style(&edge.meaning).in_theme(theme);
            if let Some(change) = &self.year_change {
                style = change.edge_style(index, &style, self.year_change_share);
            }
            if thin {
                style.width = (style.width * 0.5).max(1.0);
            }
            if dense {
                geometry.bend = 0.0;
                if (geometry.end - geometry.start).length() <= 40.0 {
                    style.arrow = style::Arrowhead::None;
                }
            }
            if hovered == Some(Hovered::Edge(index)) {
                style.width += 2.0;
            }
            if edge_fades(fade_all_but, edge) {
                style.colour = faded(style.colour);
            }
            edges.add(&geometry, &style);
        }
        edges.into_shape()
    }

    /// The overlay's colours, if one is shown and was built for this document, revision and year.
    pub(super) fn overlay_view(&self, view: &ViewState) -> Option<&overlay::OverlayView> {
        view.overlay.as_ref()?;
        self.overlay.last()
    }

    /// While an energy flow is hovered, ring the countries its route passes through.
    pub(super) fn paint_transit(
        &self,
        painter: &egui::Painter,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        hovered: Option<Hovered>,
    ) {
        let Some(Hovered::Edge(index)) = hovered else { return };
        if let scene::EdgeMeaning::Energy { via, commodity, .. } = &scene.edges[index].meaning {
            let colour = crate::scene::palette::commodity(commodity);
            for id in via {
                if let Some(&node) = scene.node_by_id.get(id) {
                    let radius = screen_radius(radii[node], self.camera.zoom) + 7.0;
                    painter.circle_stroke(positions[node], radius, Stroke::new(3.0, colour));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint_labels(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        visible: Rect,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        selected: &[bool],
        hovered: Option<Hovered>,
        labels: &mut LabelPlacer,
    ) {
        let zoom = self.camera.zoom;
        // Most important first: selected and hovered, then by number of links; fewer labels when zoomed far out.
        let mut order: Vec<usize> = (0..scene.nodes.len()).filter(|&node| visible.contains(positions[node])).collect();
        order.sort_by_key(|&node| {
            let pinned_first = selected[node] || hovered == Some(Hovered::Node(node));
            (!pinned_first, std::cmp::Reverse(scene.nodes[node].degree), node)
        });
        let limit = if zoom < FAR_OUT_ZOOM { 40 } else { usize::MAX };
        // On a slide the names must carry to the back of a room.
        let font = label_font(self.presenting, zoom);
        let size = font.size;
        let text_colour = ui.visuals().strong_text_color();
        let plate = ui.visuals().panel_fill.gamma_multiply(0.8);
        for &node in order.iter().take(limit) {
            let radius = screen_radius(radii[node], zoom);
            let name = &scene.nodes[node].name;
            let must_show = selected[node] || hovered == Some(Hovered::Node(node));
            // Where the screen is full, most names fit nowhere. Laying a name out costs more than testing where
            // it could go, so first test a plate no larger than the name's can be (each candidate place of the
            // real plate contains it): if all of those overlap, so would the real ones.
            let least_size = Vec2::new(name.chars().count() as f32 * NARROWEST_CHARACTER * size, size);
            if !must_show && draw::label_rects(positions[node], radius, least_size).iter().all(|&r| labels.overlaps(r))
            {
                continue;
            }
            let galley = painter.layout_no_wrap(name.clone(), font.clone(), text_colour);
            // Below the node first, then above, right and left; a label that fits nowhere is left out.
            let candidates = draw::label_rects(positions[node], radius, galley.size());
            let placed = candidates.iter().copied().find(|rect| labels.try_place(*rect));
            if let Some(rect) = placed.or(must_show.then_some(candidates[0])) {
                painter.add(egui::Shape::rect_filled(rect, 3.0, plate));
                painter.galley(rect.min + Vec2::new(3.0, 1.0), galley, text_colour);
            }
        }
    }
}

/// Names on the graph: while presenting, large enough for the back of a room (in the regular face, not egui's
/// light one); otherwise smaller when zoomed far out.
pub(crate) fn label_font(presenting: bool, zoom: f32) -> FontId {
    match (presenting, zoom < 0.6) {
        (true, _) => FontId::new(PRESENTING_LABEL_SIZE, crate::ui::style::regular_family()),
        (false, true) => FontId::proportional(12.0),
        (false, false) => FontId::proportional(14.0),
    }
}

/// The size of names on the graph while presenting, in points (pixels at a scale of 1, as on a 1080p projector).
pub(crate) const PRESENTING_LABEL_SIZE: f32 = 26.0;

/// The size of node names (see [`label_font`]).
pub(super) fn label_size(presenting: bool, zoom: f32) -> f32 {
    label_font(presenting, zoom).size
}

/// The widest a character of a name usually is, as a share of the font size, for keeping names in view.
pub(super) const AVERAGE_CHARACTER: f32 = 0.55;

/// The narrowest a character of a name can be, as a share of the font size ("i" or "l" in a proportional font).
const NARROWEST_CHARACTER: f32 = 0.15;

/// Node radius on screen: grows with zoom, but never so small that it cannot be seen or clicked.
pub(super) fn screen_radius(canvas_radius: f32, zoom: f32) -> f32 {
    (canvas_radius * zoom).max(3.5)
}

/// A colour faded to a fifth of its opacity, for what is not linked to the selection.
/// With any node emphasised (selected, or on a step's route), the nodes whose links stay bright: a link that
/// touches none of them fades, even when every actor is a neighbour of the selection (a hub such as Russia).
fn fade_mask(emphasised_nodes: &[bool]) -> Option<&[bool]> {
    emphasised_nodes.contains(&true).then_some(emphasised_nodes)
}

/// Whether an edge fades under `mask` (see [`fade_mask`]).
fn edge_fades(mask: Option<&[bool]>, edge: &scene::SceneEdge) -> bool {
    mask.is_some_and(|bright| !bright[edge.from] && !bright[edge.to])
}

fn faded(colour: crate::scene::Rgba) -> crate::scene::Rgba {
    crate::scene::Rgba(colour.0, colour.1, colour.2, colour.3 / 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_a_hub_fades_the_links_that_do_not_touch_it() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("loads");
        let filters = crate::state::GraphFilters::default();
        let graph = scene::build(&scenario, Some(2023), &filters, &Default::default(), false);
        let selection = std::collections::BTreeSet::from(["RUS".to_owned()]);
        // Every actor with a link is Russia's neighbour, yet a link between two others is not about Russia.
        let mask = fade_mask(&scene::selected_nodes(&graph, &selection)).map(<[bool]>::to_vec);
        let russia = graph.node_by_id["RUS"];
        let (touching, others): (Vec<_>, Vec<_>) =
            graph.edges.iter().partition(|edge| edge.from == russia || edge.to == russia);
        assert!(!others.is_empty() && !touching.is_empty());
        assert!(others.iter().all(|edge| edge_fades(mask.as_deref(), edge)));
        assert!(touching.iter().all(|edge| !edge_fades(mask.as_deref(), edge)));
        // With nothing selected, nothing fades.
        let none = scene::selected_nodes(&graph, &Default::default());
        assert!(graph.edges.iter().all(|edge| !edge_fades(fade_mask(&none), edge)));
    }

    #[test]
    fn names_while_presenting_are_at_least_24_points_and_larger_than_otherwise() {
        assert!(label_font(true, 0.3).size >= 24.0 && label_font(true, 2.0).size >= 24.0);
        assert!(label_font(true, 1.0).size > label_font(false, 1.0).size);
        assert_eq!(label_font(true, 1.0).family, crate::ui::style::regular_family());
    }

    /// The shortcut in `paint_labels` skips a name when a plate of its least possible size fits nowhere: that is
    /// only right if no real name is narrower or lower than that least size.
    #[test]
    fn no_name_is_smaller_than_the_least_size_its_label_is_tested_with() {
        let ctx = egui::Context::default();
        // One pass loads the fonts; what it would send a renderer is dropped.
        ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        crate::ui::style::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        for font in [label_font(false, 0.5), label_font(false, 1.0), label_font(true, 1.0)] {
            let size = font.size;
            for name in ["i", "Iiii.lll", "l l l", "Mali", "Fiji", "Côte d’Ivoire"] {
                let galley =
                    ctx.fonts_mut(|fonts| fonts.layout_no_wrap(name.to_owned(), font.clone(), egui::Color32::BLACK));
                let least = name.chars().count() as f32 * NARROWEST_CHARACTER * size;
                assert!(galley.size().x >= least, "{name} at {size}: {} < {least}", galley.size().x);
                assert!(galley.size().y >= size, "{name} at {size}: height {}", galley.size().y);
            }
        }
    }
}
