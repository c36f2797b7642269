//! The relationship and dependency graph: actors as nodes, energy flows, sanctions stances and diplomatic ties as
//! edges. Pan by dragging the background, zoom with the wheel or a pinch around the cursor, F fits the view; click
//! selects (shift adds), dragging a node pins it where it is dropped.
//!
//! The view keeps only transient state (camera, drag, layout progress, caches). It reads the document and the
//! shared view state, and returns actions; derived data is rebuilt only when what it depends on changes.

mod camera;
mod controls;
mod draw;
mod layout_state;
pub(crate) use layout_state::settled_positions;
mod legend;
mod linking;
pub(crate) mod overlay;
pub mod scene;

pub use overlay::loss_colour;
pub(crate) mod style;
mod tooltip;

use std::collections::BTreeSet;

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::app::{Action, Document, GraphFilters, ViewState};
use crate::edit::Edit;
use crate::model::StoryCamera;
use camera::{Camera, Flight};
use draw::{EdgeGeometry, EdgeMesh, LabelPlacer};
use layout_state::{LayoutKind, LayoutState};
use scene::GraphScene;
use style::{ColourBy, SizeBy};

/// Where a presentation step asks the camera to go.
#[derive(Debug, Clone, PartialEq)]
pub enum CameraGoal {
    /// Show these actors (all of the graph when none of them is shown).
    Fit(Vec<String>),
    Exact(StoryCamera),
}

/// A step's focus is shown at most this close, so that its neighbourhood stays in view.
const FOCUS_MAX_ZOOM: f32 = 1.5;

/// Below this zoom only the 40 most important labels are drawn.
const FAR_OUT_ZOOM: f32 = 0.25;

/// Above this many edges the graph is drawn in its simpler, faster form (see `paint`).
const DENSE_EDGES: usize = 5_000;

/// Display options that belong to this view alone.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphOptions {
    pub colour_by: ColourBy,
    pub size_by: SizeBy,
    pub layout: LayoutKind,
    pub show_unconnected: bool,
    pub show_legend: bool,
    /// The target whose sanctions stances colour the nodes; `None`: the most sanctioned actor.
    pub stance_target: Option<String>,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            colour_by: ColourBy::Kind,
            size_by: SizeBy::EnergyImports,
            layout: LayoutKind::Force,
            show_unconnected: false,
            show_legend: true,
            stance_target: None,
        }
    }
}

/// What the scene was built from; a new scene is built only when this changes.
#[derive(Debug, Clone, PartialEq)]
struct SceneKey {
    document: u64,
    revision: u64,
    year: Option<i32>,
    filters: GraphFilters,
    focus_selection: BTreeSet<String>,
    show_unconnected: bool,
    size_by: SizeBy,
    stance_target: Option<String>,
}

struct Drag {
    actor: usize,
    /// Canvas position while dragging.
    position: Pos2,
}

#[derive(Default)]
pub struct GraphView {
    camera: Camera,
    fitted_document: Option<u64>,
    scene: Option<(SceneKey, GraphScene, Vec<f32>)>,
    layout: LayoutState,
    pub options: GraphOptions,
    drag: Option<Drag>,
    /// The scene node a Ctrl-drag started from, to create a record between two actors.
    linking_from: Option<usize>,
    link_menu: Option<linking::LinkMenu>,
    /// The overlay's colours, rebuilt when the document, the year or the overlay changes.
    overlay: crate::ui::cache::Cached<(u64, u64, Option<i32>, crate::app::GraphOverlay), overlay::OverlayView>,
    search: String,
    /// Requests from the toolbar, carried out once the canvas size is known.
    pending_fit: bool,
    pending_centre: Option<String>,
    /// Where each scene node was drawn last frame, for tests and for the presentation's camera.
    drawn_at: Vec<Pos2>,
    /// Where a presentation step wants the camera, once the canvas size is known.
    pending_goal: Option<CameraGoal>,
    flight: Option<Flight>,
    /// In a presentation the toolbar is hidden: the slide shows the graph alone.
    pub presenting: bool,
}

/// Things under the pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hovered {
    Node(usize),
    Edge(usize),
}

impl GraphView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        if !self.presenting {
            controls::toolbar(ui, self, scenario, view, actions);
        }
        let layout_busy = self.layout.update(document.id, document.revision, self.options.layout, scenario);
        self.refresh_scene(document, view);
        self.refresh_overlay(document, view);
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let viewport = response.rect;
        if (self.fitted_document != Some(document.id) && !layout_busy) || std::mem::take(&mut self.pending_fit) {
            self.fit(viewport);
            self.fitted_document = Some(document.id);
        }
        if let Some(id) = self.pending_centre.take() {
            self.centre_on_actor(&id);
        }
        self.fly(ui, &response, viewport, layout_busy);
        // The scene is taken out for the frame, so that the pointer handling may change the camera and drag.
        let Some((key, scene, radii)) = self.scene.take() else { return };
        let positions = self.screen_positions(&scene, viewport);
        let hovered = response.hover_pos().and_then(|pointer| self.hit(&scene, &radii, &positions, pointer));
        // A drag is recognised only once the pointer has moved, perhaps off the node: look where it was pressed.
        let pressed_on = if response.drag_started() {
            let origin = response.ctx.input(|input| input.pointer.press_origin());
            origin.and_then(|origin| self.hit(&scene, &radii, &positions, origin))
        } else {
            None
        };
        self.handle_pointer(&response, &scene, hovered, pressed_on, actions);
        self.handle_keys(ui);
        let positions = self.screen_positions(&scene, viewport);
        self.paint(ui, &painter, viewport, &scene, &radii, &positions, view, hovered);
        describe_nodes_for_screen_readers(
            ui,
            response.id,
            viewport,
            &scene,
            &radii,
            &positions,
            self.camera.zoom,
            view,
        );
        // The scene may have been rebuilt since the drag began: a node index no longer there draws nothing.
        let link_start = self.linking_from.and_then(|from| positions.get(from).copied());
        if let (Some(start), Some(pointer)) = (link_start, response.interact_pointer_pos()) {
            linking::paint_link_line(&painter, start, pointer, ui.visuals().selection.stroke.color);
        }
        if let Some(menu) = &self.link_menu {
            let (chosen, open) = linking::menu_ui(ui.ctx(), scenario, view, menu);
            actions.extend(chosen);
            if !open {
                self.link_menu = None;
            }
        }
        self.drawn_at = positions;
        if let Some(hovered) = hovered
            && self.drag.is_none()
        {
            tooltip::show(&response, scenario, &scene, hovered_item(hovered), view.year);
        }
        if scene.nodes.is_empty() {
            empty_note(ui, viewport, document.scenario.actors.is_empty());
        } else if self.options.show_legend {
            legend::show(ui, viewport, &scene, &self.options, self.overlay_view(view));
        }
        self.scene = Some((key, scene, radii));
        if let Some(progress) = self.layout.progress() {
            progress_note(ui, viewport, progress);
        }
        if layout_busy || self.drag.is_some() || self.linking_from.is_some() {
            ui.ctx().request_repaint();
        }
    }

    fn refresh_scene(&mut self, document: &Document, view: &ViewState) {
        let key = SceneKey {
            document: document.id,
            revision: document.revision,
            year: view.year,
            filters: view.filters.clone(),
            focus_selection: if view.filters.focus { view.selection.clone() } else { BTreeSet::new() },
            show_unconnected: self.options.show_unconnected,
            size_by: self.options.size_by,
            stance_target: self.options.stance_target.clone(),
        };
        if self.scene.as_ref().is_some_and(|(built_for, _, _)| *built_for == key) {
            return;
        }
        let mut scene =
            scene::build(&document.scenario, view.year, &view.filters, &view.selection, key.show_unconnected);
        if let Some(target) = &key.stance_target {
            scene::set_stance_target(&mut scene, &document.scenario, view.year, target);
        }
        let radii = scene.nodes.iter().map(|node| style::node_radius(node, self.options.size_by)).collect();
        self.scene = Some((key, scene, radii));
    }

    /// Canvas position of each scene node (the dragged one where the pointer has it).
    fn canvas_position(&self, scene: &GraphScene, node: usize) -> Pos2 {
        let actor = scene.nodes[node].actor;
        match &self.drag {
            Some(drag) if drag.actor == actor => drag.position,
            _ => self.layout.position(actor).unwrap_or(Pos2::ZERO),
        }
    }

    fn screen_positions(&self, scene: &GraphScene, viewport: Rect) -> Vec<Pos2> {
        (0..scene.nodes.len()).map(|node| self.camera.to_screen(viewport, self.canvas_position(scene, node))).collect()
    }

    /// Where an actor's node was drawn in the last frame, if it is shown.
    pub fn node_on_screen(&self, id: &str) -> Option<Pos2> {
        let (_, scene, _) = self.scene.as_ref()?;
        scene.node_by_id.get(id).and_then(|&node| self.drawn_at.get(node).copied())
    }

    /// The scene drawn last (nodes and edges after filters), for tests and other views.
    pub fn scene(&self) -> Option<&GraphScene> {
        self.scene.as_ref().map(|(_, scene, _)| scene)
    }

    /// Runs the layout for the document to the end at once (tests, exports), instead of a few steps per frame.
    pub fn settle_layout(&mut self, document: &Document) {
        self.layout.update(document.id, document.revision, self.options.layout, &document.scenario);
        self.layout.finish();
    }

    fn fit(&mut self, viewport: Rect) {
        let Some((_, scene, _)) = &self.scene else { return };
        let all: Vec<usize> = (0..scene.nodes.len()).collect();
        if let Some(fitted) = self.camera_fitting(viewport, &all, 24.0) {
            self.camera = fitted;
        }
    }

    /// A camera showing these scene nodes with a margin, clear of the legend in the top right corner.
    fn camera_fitting(&self, viewport: Rect, nodes: &[usize], margin: f32) -> Option<Camera> {
        let (_, scene, radii) = self.scene.as_ref()?;
        let points = nodes.iter().map(|&node| self.canvas_position(scene, node));
        let largest = radii.iter().copied().fold(0.0, f32::max);
        let bounds = camera::bounds(points).expand(largest + margin);
        let mut free = viewport;
        if self.options.show_legend {
            free.max.x -= legend::WIDTH + 16.0;
        }
        let fitted = Camera::fit(free, bounds, 24.0);
        Some(Camera { centre: fitted.centre + (viewport.center() - free.center()) / fitted.zoom, zoom: fitted.zoom })
    }

    /// Moves the camera smoothly to where a presentation step wants it.
    pub fn fly_to(&mut self, goal: CameraGoal) {
        self.pending_goal = Some(goal);
    }

    /// The camera as a story step saves it.
    pub fn story_camera(&self) -> StoryCamera {
        StoryCamera { x: self.camera.centre.x, y: self.camera.centre.y, zoom: self.camera.zoom }
    }

    /// Starts a flight to a pending goal once the layout has settled, and moves the camera along a running one.
    /// Any pan or zoom by the person ends the flight where it is.
    fn fly(&mut self, ui: &egui::Ui, response: &egui::Response, viewport: Rect, layout_busy: bool) {
        let now = ui.input(|input| input.time);
        if !layout_busy && let Some(goal) = self.pending_goal.take() {
            let to = self.goal_camera(&goal, viewport);
            self.flight = Some(Flight { from: self.camera, to, started: now });
        }
        let interrupted =
            response.dragged() || (response.hovered() && ui.input(|input| input.smooth_scroll_delta != Vec2::ZERO));
        if interrupted {
            self.flight = None;
        }
        if let Some(flight) = self.flight {
            let (camera, arrived) = flight.at(now);
            self.camera = camera;
            if arrived {
                self.flight = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
    }

    fn goal_camera(&self, goal: &CameraGoal, viewport: Rect) -> Camera {
        match goal {
            CameraGoal::Exact(camera) => Camera { centre: Pos2::new(camera.x, camera.y), zoom: camera.zoom }.clamped(),
            CameraGoal::Fit(ids) => {
                let Some((_, scene, _)) = &self.scene else { return self.camera };
                let mut nodes: Vec<usize> = ids.iter().filter_map(|id| scene.node_by_id.get(id).copied()).collect();
                if nodes.is_empty() {
                    nodes = (0..scene.nodes.len()).collect();
                }
                match self.camera_fitting(viewport, &nodes, 80.0) {
                    Some(fitted) => Camera { zoom: fitted.zoom.min(FOCUS_MAX_ZOOM), ..fitted },
                    None => self.camera,
                }
            }
        }
    }

    /// Centre the view on an actor (search), zooming in if the graph is far away.
    fn centre_on_actor(&mut self, id: &str) {
        let Some((_, scene, _)) = &self.scene else { return };
        if let Some(&node) = scene.node_by_id.get(id) {
            self.camera.centre = self.canvas_position(scene, node);
            self.camera.zoom = self.camera.zoom.max(1.0);
        }
    }

    fn hit(&self, scene: &GraphScene, radii: &[f32], positions: &[Pos2], pointer: Pos2) -> Option<Hovered> {
        let zoom = self.camera.zoom;
        let node = (0..scene.nodes.len())
            .map(|node| (node, (positions[node] - pointer).length() - screen_radius(radii[node], zoom)))
            .filter(|(_, distance)| *distance <= 3.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(node, _)| Hovered::Node(node));
        node.or_else(|| {
            scene
                .edges
                .iter()
                .enumerate()
                .filter_map(|(index, edge)| {
                    let geometry = self.edge_geometry(edge, radii, positions)?;
                    if !geometry.bounds().expand(6.0).contains(pointer) {
                        return None;
                    }
                    let distance = geometry.distance_to(pointer);
                    (distance <= 5.0).then_some((index, distance))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(index, _)| Hovered::Edge(index))
        })
    }

    fn edge_geometry(&self, edge: &scene::SceneEdge, radii: &[f32], positions: &[Pos2]) -> Option<EdgeGeometry> {
        let zoom = self.camera.zoom;
        EdgeGeometry::between(
            positions[edge.from],
            positions[edge.to],
            screen_radius(radii[edge.from], zoom) + 1.0,
            screen_radius(radii[edge.to], zoom) + 2.0,
            edge.fan_slot,
        )
    }

    fn handle_pointer(
        &mut self,
        response: &egui::Response,
        scene: &GraphScene,
        hovered: Option<Hovered>,
        pressed_on: Option<Hovered>,
        actions: &mut Vec<Action>,
    ) {
        let viewport = response.rect;
        if response.drag_started()
            && let Some(Hovered::Node(node)) = pressed_on
        {
            if response.ctx.input(|input| input.modifiers.command) {
                self.linking_from = Some(node);
            } else {
                let actor = scene.nodes[node].actor;
                self.drag = Some(Drag { actor, position: self.canvas_position(scene, node) });
            }
        }
        if response.drag_stopped()
            && let Some(from) = self.linking_from.take()
            && let Some(Hovered::Node(to)) = hovered
            && to != from
            && let (Some(from), Some(to)) = (scene.nodes.get(from), scene.nodes.get(to))
        {
            let at = response.hover_pos().unwrap_or(viewport.center());
            self.link_menu = Some(linking::LinkMenu { from: from.id.clone(), to: to.id.clone(), at });
        }
        if response.dragged() {
            let delta = response.drag_delta();
            match &mut self.drag {
                Some(drag) => drag.position += delta / self.camera.zoom,
                None if self.linking_from.is_some() => {}
                None => self.camera.pan_by_screen(delta),
            }
        }
        if response.drag_stopped()
            && let Some(drag) = self.drag.take()
        {
            let id = scene.nodes.iter().find(|node| node.actor == drag.actor).map(|node| node.id.clone());
            if let Some(id) = id {
                actions.push(Action::edit(Edit::PinNode {
                    id,
                    position: crate::model::Position(drag.position.x, drag.position.y),
                }));
            }
        }
        if response.clicked() {
            let additive = response.ctx.input(|input| input.modifiers.shift);
            match hovered {
                Some(Hovered::Node(node)) => {
                    actions.push(Action::Select { id: scene.nodes[node].id.clone(), additive })
                }
                Some(Hovered::Edge(_)) => {}
                None if !additive => actions.push(Action::ClearSelection),
                None => {}
            }
        }
        if response.hovered() {
            let (scroll, pinch) = response.ctx.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
            let factor = (scroll * 0.002).exp() * pinch;
            if (factor - 1.0).abs() > 1e-4
                && let Some(pointer) = response.hover_pos()
            {
                self.camera.zoom_around(viewport, pointer, factor);
            }
        }
    }

    fn handle_keys(&mut self, ui: &egui::Ui) {
        let typing = ui.ctx().memory(|memory| memory.focused().is_some());
        if !typing && ui.input(|input| input.key_pressed(egui::Key::F)) {
            self.pending_fit = true;
            ui.ctx().request_repaint();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn paint(
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
        let mut edges = EdgeMesh::with_capacity(scene.edges.len());
        let thin = zoom < 0.35;
        // With thousands of edges on screen, fanned curves are illegible anyway: draw them straight, and leave
        // out the arrowheads of edges too short to show one. This keeps a frame of 40,000 edges within budget.
        let dense = scene.edges.len() > DENSE_EDGES;
        for (index, edge) in scene.edges.iter().enumerate() {
            let Some(mut geometry) = self.edge_geometry(edge, radii, positions) else { continue };
            if !visible.intersects(geometry.bounds()) {
                continue;
            }
            let mut style = style::edge_style(&edge.meaning);
            if thin {
                style.width = (style.width * 0.5).max(1.0);
            }
            if dense {
                geometry.bend = 0.0;
                style.arrow &= (geometry.end - geometry.start).length() > 40.0;
            }
            if hovered == Some(Hovered::Edge(index)) {
                style.width += 2.0;
            }
            edges.add(&geometry, &style);
        }
        painter.add(edges.into_shape());
        self.paint_transit(painter, scene, radii, positions, hovered);
        let selection_stroke = Stroke::new(3.0, ui.visuals().selection.stroke.color);
        let mut labels = LabelPlacer::new();
        let far_out = zoom < FAR_OUT_ZOOM;
        let mut nodes = draw::NodeMesh::with_capacity(scene.nodes.len());
        let mut highlights = Vec::new();
        let blocs = blocs(scene);
        for (node, scene_node) in scene.nodes.iter().enumerate() {
            let radius = screen_radius(radii[node], zoom);
            let centre = positions[node];
            if !visible.contains(centre) {
                continue;
            }
            let fill = match overlay {
                Some(overlay) => overlay.colour(&scene_node.id),
                None => style::node_colour(scene_node, self.options.colour_by, &blocs),
            };
            nodes.add(centre, radius, style::node_shape(scene_node.kind), fill);
            if view.is_selected(&scene_node.id) || hovered == Some(Hovered::Node(node)) {
                highlights.push(egui::Shape::circle_stroke(centre, radius + 4.0, selection_stroke));
            }
            // Far out only a few labels are drawn; keeping them off every node costs more than it gives.
            if !far_out {
                labels.reserve(Rect::from_center_size(centre, Vec2::splat(radius * 2.0)));
            }
        }
        painter.add(nodes.into_shape());
        painter.extend(highlights);
        self.paint_labels(ui, painter, visible, scene, radii, positions, view, hovered, &mut labels);
    }

    /// The overlay's colours, if one is shown and was built for this document, revision and year.
    fn overlay_view(&self, view: &ViewState) -> Option<&overlay::OverlayView> {
        view.overlay.as_ref()?;
        self.overlay.last()
    }

    /// Rebuilds the overlay's colours when what they depend on changed.
    fn refresh_overlay(&mut self, document: &Document, view: &ViewState) {
        let Some(wanted) = &view.overlay else { return };
        let Some(year) = view.chart_year(&document.scenario) else { return };
        let key = (document.id, document.revision, view.year, wanted.clone());
        self.overlay.get(key, || overlay::build(&document.scenario, year, wanted));
    }

    /// While an energy flow is hovered, ring the countries its route passes through.
    fn paint_transit(
        &self,
        painter: &egui::Painter,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        hovered: Option<Hovered>,
    ) {
        let Some(Hovered::Edge(index)) = hovered else { return };
        if let scene::EdgeMeaning::Energy { via, commodity, .. } = &scene.edges[index].meaning {
            let colour = crate::ui::palette::commodity(commodity);
            for id in via {
                if let Some(&node) = scene.node_by_id.get(id) {
                    let radius = screen_radius(radii[node], self.camera.zoom) + 7.0;
                    painter.circle_stroke(positions[node], radius, Stroke::new(3.0, colour));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn paint_labels(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        visible: Rect,
        scene: &GraphScene,
        radii: &[f32],
        positions: &[Pos2],
        view: &ViewState,
        hovered: Option<Hovered>,
        labels: &mut LabelPlacer,
    ) {
        let zoom = self.camera.zoom;
        // Most important first: selected and hovered, then by number of links; fewer labels when zoomed far out.
        let mut order: Vec<usize> = (0..scene.nodes.len()).filter(|&node| visible.contains(positions[node])).collect();
        order.sort_by_key(|&node| {
            let pinned_first = view.is_selected(&scene.nodes[node].id) || hovered == Some(Hovered::Node(node));
            (!pinned_first, std::cmp::Reverse(scene.nodes[node].degree), node)
        });
        let limit = if zoom < FAR_OUT_ZOOM { 40 } else { usize::MAX };
        // On a slide the names must carry to the back of a room.
        let size = match (self.presenting, zoom < 0.6) {
            (true, _) => 22.0,
            (false, true) => 12.0,
            (false, false) => 14.0,
        };
        let font = FontId::proportional(size);
        let text_colour = ui.visuals().strong_text_color();
        let plate = ui.visuals().panel_fill.gamma_multiply(0.8);
        for &node in order.iter().take(limit) {
            let radius = screen_radius(radii[node], zoom);
            let galley = painter.layout_no_wrap(scene.nodes[node].name.clone(), font.clone(), text_colour);
            let must_show = view.is_selected(&scene.nodes[node].id) || hovered == Some(Hovered::Node(node));
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

fn hovered_item(hovered: Hovered) -> tooltip::Item {
    match hovered {
        Hovered::Node(node) => tooltip::Item::Node(node),
        Hovered::Edge(edge) => tooltip::Item::Edge(edge),
    }
}

/// Node radius on screen: grows with zoom, but never so small that it cannot be seen or clicked.
fn screen_radius(canvas_radius: f32, zoom: f32) -> f32 {
    (canvas_radius * zoom).max(3.5)
}

/// Bloc ids in scene order, for stable bloc colours.
fn blocs(scene: &GraphScene) -> Vec<String> {
    let mut blocs: Vec<String> = Vec::new();
    for node in &scene.nodes {
        if let Some(bloc) = &node.bloc
            && !blocs.contains(bloc)
        {
            blocs.push(bloc.clone());
        }
    }
    blocs
}

/// Above this many nodes the graph's nodes are not described one by one to screen readers (too many to browse).
const MOST_NODES_DESCRIBED: usize = 500;

/// Gives each visible node an entry in the accessibility tree ("Serbia, graph node"), so that screen readers
/// can find it and tests can click it by name.
#[allow(clippy::too_many_arguments)]
fn describe_nodes_for_screen_readers(
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

/// Says why the canvas is empty and what to do.
fn empty_note(ui: &egui::Ui, viewport: Rect, no_actors: bool) {
    let text = if no_actors {
        "This scenario has no actors yet.\nOpen a scenario with Ctrl+O, or drop a .ron file here."
    } else {
        "Nothing to draw for this year and these filters.\nTry All years, turn layers on, or use Show everything in Filters…"
    };
    let colour = ui.visuals().weak_text_color();
    ui.painter().text(viewport.center(), egui::Align2::CENTER_CENTER, text, FontId::proportional(17.0), colour);
}

fn progress_note(ui: &egui::Ui, viewport: Rect, progress: f32) {
    let text = format!("Arranging the graph… {:.0}%", progress * 100.0);
    let position = viewport.left_bottom() + Vec2::new(12.0, -12.0);
    ui.painter().text(position, egui::Align2::LEFT_BOTTOM, text, FontId::proportional(14.0), Color32::GRAY);
}
