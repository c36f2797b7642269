//! The relationship and dependency graph: actors as nodes, energy flows, sanctions stances and diplomatic ties as
//! edges. Pan by dragging the background, zoom with the wheel or a pinch around the cursor, F fits the view; click
//! selects (shift adds), dragging a node pins it where it is dropped.
//!
//! The view keeps only transient state (camera, drag, layout progress, caches). It reads the document and the
//! shared view state, and returns actions; derived data is rebuilt only when what it depends on changes.

pub(crate) mod controls;
pub(crate) mod draw;
mod framing;
pub(crate) mod legend;
mod linking;
mod paint;
pub(crate) use paint::PRESENTING_LABEL_SIZE;
mod pointer;
mod route;
mod screen_reader;
pub(crate) mod tooltip;
mod year_change;

use std::collections::BTreeSet;
use std::rc::Rc;

use eframe::egui::{self, FontId, Pos2, Rect, Sense, Vec2};

use crate::model::StoryCamera;
use crate::scene::graph::{self as scene, GraphScene};
use crate::scene::graph_layout::{LayoutKind, LayoutProgress, LayoutState};
use crate::scene::graph_style::{self as style, ColourBy, SizeBy};
use crate::scene::grouping::{self, GroupBy, Grouping};
use crate::scene::link_thinning;
use crate::scene::overlay;
use crate::scene::route_path;
use crate::state::{Action, Document, GraphFilters, ViewState};
use crate::ui::camera::{Camera, Flight};
use paint::screen_radius;

/// Where a presentation step asks the camera to go.
#[derive(Debug, Clone, PartialEq)]
pub enum CameraGoal {
    /// Show these actors (all of the graph when none of them is shown).
    Fit(Vec<String>),
    /// Show a story step: every actor with a link drawn, the step's route and these actors (its focus).
    Step(Vec<String>),
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
    /// Actors drawn as groups (by region, sub-region or bloc), and the groups shown as their members.
    pub group_by: GroupBy,
    pub expanded_groups: BTreeSet<String>,
    /// In a crowded graph (`link_thinning::is_crowded`), each node's strongest links only; `None`: every link.
    pub links_per_node: Option<usize>,
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
            group_by: GroupBy::Nothing,
            expanded_groups: BTreeSet::new(),
            links_per_node: Some(link_thinning::DEFAULT_PER_NODE),
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
    grouping: (GroupBy, BTreeSet<String>),
    links_per_node: Option<usize>,
    /// While links are thinned, the selection keeps all of its own.
    thinning_selection: BTreeSet<String>,
    /// A story step's route, whose actors are shown and whose courses are highlighted.
    route: Option<String>,
}

/// What the groups were worked out from: the document, its revision, the grouping and the expanded groups.
type GroupingKey = (u64, u64, GroupBy, BTreeSet<String>);

/// How many links the graph shows after thinning, of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkCount {
    pub shown: usize,
    pub total: usize,
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
    /// The links shown and all links of the scene, when some are thinned out.
    link_count: Option<LinkCount>,
    grouping: Option<(GroupingKey, Rc<Grouping>)>,
    layout: LayoutState,
    pub options: GraphOptions,
    drag: Option<Drag>,
    /// The scene node a Ctrl-drag started from, to create a record between two actors.
    linking_from: Option<usize>,
    link_menu: Option<linking::LinkMenu>,
    /// The overlay's colours, rebuilt when the document, the year or the overlay changes.
    overlay: crate::ui::cache::Cached<(u64, u64, Option<i32>, crate::state::GraphOverlay), overlay::OverlayView>,
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
    /// Whether the radii have been fitted to the settled layout (see `fit_radii`).
    radii_fitted: bool,
    /// The old year's scene while the change to the new one eases in.
    year_change: Option<year_change::YearChange>,
    /// How far that change has got this frame (1: none under way).
    year_change_share: f32,
    /// The courses of a story step's route in the scene, highlighted (see `route`).
    routes: Vec<route::SceneRoute>,
    /// What the camera was last framed for (see [`FramingKey`]).
    framed_for: Option<FramingKey>,
}

/// What changes the set of nodes worth seeing, so that the camera frames the graph again: another layout, the
/// Focus filter (on, off, or around other actors), or an analysis result laid over the graph.
#[derive(Debug, Clone, PartialEq)]
struct FramingKey {
    layout: LayoutKind,
    focus: Option<(BTreeSet<String>, usize)>,
    overlay: Option<crate::state::GraphOverlay>,
}

impl FramingKey {
    fn of(options: &GraphOptions, view: &ViewState) -> FramingKey {
        let filters = &view.filters;
        FramingKey {
            layout: options.layout,
            focus: filters.focus.then(|| (view.selection.clone(), filters.focus_depth)),
            overlay: view.overlay.clone(),
        }
    }
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
            controls::toolbar(ui, self, scenario, &document.derived().sanctions_targets, view, actions);
        }
        // A new layout, focus or overlay is framed as a new document is: again and again while its layout
        // settles, until the person moves the camera. (A presentation's steps fly the camera themselves.)
        let framing = FramingKey::of(&self.options, view);
        if !self.presenting && self.framed_for.as_ref().is_some_and(|framed| *framed != framing) {
            self.fitted_document = None;
        }
        if self.framed_for.as_ref().is_some_and(|framed| framed.layout != framing.layout) {
            // Node sizes were fitted to the old layout's spacing: built again, they are fitted to the new one's.
            self.scene = None;
            self.radii_fitted = false;
        }
        self.framed_for = Some(framing);
        let grouping = self.grouping(document);
        let layout_busy = self.layout.update(document.id, document.revision, self.options.layout, scenario, &grouping);
        let now = ui.input(|input| input.time);
        self.refresh_scene(document, view, &grouping, now);
        self.fit_radii(layout_busy);
        self.year_change_share = self.year_change.as_ref().map_or(1.0, |change| change.share(now));
        if self.year_change_share >= 1.0 {
            self.year_change = None;
        }
        self.refresh_overlay(document, view);
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let viewport = response.rect;
        self.frame_the_graph(ui, &response, document.id, layout_busy);
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
        self.handle_pointer(&response, &scene, &grouping, hovered, pressed_on, actions);
        self.handle_keys(ui);
        let positions = self.screen_positions(&scene, viewport);
        self.paint(ui, &painter, viewport, &scene, &radii, &positions, view, hovered);
        route::describe_routes(ui, response.id, &scene, &self.routes, &positions);
        screen_reader::describe_nodes_for_screen_readers(
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
            tooltip::show(&response, scenario, &scene, pointer::hovered_item(hovered), view.year);
        }
        if scene.nodes.is_empty() {
            empty_note(ui, viewport, document.scenario.actors.is_empty());
        } else if self.options.show_legend {
            let avoid = legend_avoids(&scene, &self.drawn_at, view, &self.routes);
            let overlay = self.overlay_view(view);
            if legend::show(ui, viewport, &scene, &self.options, overlay, self.presenting, &avoid) {
                self.options.show_legend = false;
            }
        } else if !self.presenting && legend::folded(ui, viewport, ui.scope_id().with("graph_legend")) {
            self.options.show_legend = true;
        }
        self.scene = Some((key, scene, radii));
        if let Some(progress) = self.layout.progress() {
            progress_note(ui, viewport, progress);
        } else if let Some(failure) = self.layout.failure() {
            failure_note(ui, viewport, failure);
        }
        if layout_busy || self.drag.is_some() || self.linking_from.is_some() || self.year_change.is_some() {
            ui.ctx().request_repaint();
        }
    }

    /// The actors' groups for the document and the grouping options, worked out once per change.
    fn grouping(&mut self, document: &Document) -> Rc<Grouping> {
        let key = (document.id, document.revision, self.options.group_by, self.options.expanded_groups.clone());
        match &self.grouping {
            Some((built_for, grouping)) if *built_for == key => grouping.clone(),
            _ => {
                let grouping = Rc::new(Grouping::new(&document.scenario, key.2, &key.3));
                self.grouping = Some((key, grouping.clone()));
                grouping
            }
        }
    }

    /// Builds the scene when what it shows changed (never per frame). When only the year changed, the old scene
    /// is kept for the change to ease in from, starting at `now`.
    fn refresh_scene(&mut self, document: &Document, view: &ViewState, grouping: &Grouping, now: f64) {
        let thinning = self.options.links_per_node;
        let key = SceneKey {
            document: document.id,
            revision: document.revision,
            year: view.year,
            filters: view.filters.clone(),
            focus_selection: if view.filters.focus { view.selection.clone() } else { BTreeSet::new() },
            show_unconnected: self.options.show_unconnected,
            size_by: self.options.size_by,
            stance_target: self.options.stance_target.clone(),
            grouping: (self.options.group_by, self.options.expanded_groups.clone()),
            links_per_node: thinning,
            thinning_selection: if thinning.is_some() { view.selection.clone() } else { BTreeSet::new() },
            route: view.route.clone(),
        };
        if self.scene.as_ref().is_some_and(|(built_for, _, _)| *built_for == key) {
            return;
        }
        let paths = match &key.route {
            Some(route) => route_path::route_paths(&document.scenario, route, view.year, &view.filters),
            None => Vec::new(),
        };
        // The route's actors are shown like the selection, even with no link of their own.
        let mut shown = view.selection.clone();
        shown.extend(route_path::route_actors(&paths));
        let mut scene = scene::build(&document.scenario, view.year, &view.filters, &shown, key.show_unconnected);
        if let Some(target) = &key.stance_target {
            scene::set_stance_target(&mut scene, &document.scenario, view.year, target);
        }
        let mut scene = grouping::collapse(scene, grouping);
        self.link_count = None;
        if let Some(per_node) = thinning
            && link_thinning::is_crowded(scene.nodes.len(), scene.edges.len())
        {
            let total = scene.edges.len();
            let selected = scene::selected_nodes(&scene, &view.selection);
            let hidden = link_thinning::keep_strongest(&mut scene, per_node, &selected);
            self.link_count = Some(LinkCount { shown: total - hidden, total });
        }
        self.routes = paths
            .into_iter()
            .filter_map(|path| {
                let nodes = route_path::scene_nodes(&scene, &path)?;
                Some((path, nodes))
            })
            .collect();
        let radii = scene.nodes.iter().map(|node| style::node_radius(node, self.options.size_by)).collect();
        // The nodes keep their fitted sizes when only the selection changed the thinned links.
        let same_nodes = self.scene.as_ref().is_some_and(|(_, old, _)| old.nodes == scene.nodes);
        let previous = self.scene.take();
        let radii = match &previous {
            Some((_, _, old_radii)) if same_nodes && self.radii_fitted => old_radii.clone(),
            _ => {
                self.radii_fitted = false;
                radii
            }
        };
        self.year_change = match previous {
            Some((old_key, old_scene, old_radii)) if SceneKey { year: key.year, ..old_key.clone() } == key => {
                Some(year_change::YearChange::new(now, old_scene, old_radii, &scene))
            }
            _ => None,
        };
        self.scene = Some((key, scene, radii));
    }

    /// How many links are shown of how many, when thinning left some out (for the toolbar).
    pub fn link_count(&self) -> Option<LinkCount> {
        self.link_count
    }

    /// Once the layout has settled, shrinks every node by the same factor, if need be, so that no node covers
    /// another: sized by imports or ties, large nodes would otherwise make a crowded graph one solid disc.
    fn fit_radii(&mut self, layout_busy: bool) {
        if layout_busy {
            self.radii_fitted = false;
            return;
        }
        if self.radii_fitted {
            return;
        }
        let Some((_, scene, radii)) = &mut self.scene else { return };
        let positions: Vec<[f32; 2]> = (0..scene.nodes.len())
            .map(|node| self.layout.position(scene.nodes[node].actor).unwrap_or([f32::NAN, f32::NAN]))
            .collect();
        let scale = crate::layout::no_overlap_scale(&positions, radii);
        radii.iter_mut().for_each(|radius| *radius *= scale);
        self.radii_fitted = true;
    }

    /// Canvas position of each scene node (the dragged one where the pointer has it).
    fn canvas_position(&self, scene: &GraphScene, node: usize) -> Pos2 {
        let actor = scene.nodes[node].actor;
        match &self.drag {
            Some(drag) if drag.actor == actor => drag.position,
            _ => self.layout.position(actor).map_or(Pos2::ZERO, |[x, y]| Pos2::new(x, y)),
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

    /// Each shown node's centre and radius on screen in the last frame, for tests.
    pub fn circles_on_screen(&self) -> Vec<(Pos2, f32)> {
        let Some((_, _, radii)) = self.scene.as_ref() else { return Vec::new() };
        self.drawn_at
            .iter()
            .zip(radii)
            .map(|(&centre, &radius)| (centre, screen_radius(radius, self.camera.zoom)))
            .collect()
    }

    /// The scene drawn last (nodes and edges after filters), for tests and other views.
    pub fn scene(&self) -> Option<&GraphScene> {
        self.scene.as_ref().map(|(_, scene, _)| scene)
    }

    /// How far the running layout has got; `None` once it has settled.
    pub fn layout_progress(&self) -> Option<LayoutProgress> {
        self.layout.progress()
    }

    /// Runs the layout for the document to the end at once (tests, exports), instead of a few steps per frame.
    pub fn settle_layout(&mut self, document: &Document) {
        let grouping = self.grouping(document);
        self.layout.update(document.id, document.revision, self.options.layout, &document.scenario, &grouping);
        self.layout.finish();
    }

    /// Rebuilds the overlay's colours when what they depend on changed.
    fn refresh_overlay(&mut self, document: &Document, view: &ViewState) {
        let Some(wanted) = &view.overlay else { return };
        let Some(year) = view.chart_year_of(document.derived()) else { return };
        let key = (document.id, document.revision, view.year, wanted.clone());
        self.overlay.get(key, || overlay::build(&document.scenario, year, wanted));
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

/// The layout's progress bar at the bottom left of the canvas, on a panel of its own so that it stays legible
/// over the nodes and links: "Laying out 10,005 nodes… 42%" and what the layout is doing.
fn progress_note(ui: &mut egui::Ui, viewport: Rect, progress: LayoutProgress) {
    const WIDTH: f32 = 360.0;
    let nodes = crate::format::thousands(progress.nodes as f64);
    let percent = (progress.fraction * 100.0).floor();
    egui::Area::new(ui.scope_id().with("layout_progress"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::LEFT_BOTTOM)
        .fixed_pos(viewport.left_bottom() + Vec2::new(12.0, -12.0))
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(WIDTH);
                ui.label(egui::RichText::new(format!("Laying out {nodes} nodes… {percent:.0}%")).strong().size(16.0));
                // Animated, so that the bar shows life while a stage that reports nothing on its way runs.
                ui.add(egui::ProgressBar::new(progress.fraction).desired_width(WIDTH).animate(true));
                ui.label(egui::RichText::new(progress.doing).size(14.0));
            });
        });
}

/// Says that the layout stopped before its end, at the bottom left of the canvas.
fn failure_note(ui: &egui::Ui, viewport: Rect, failure: &str) {
    let position = viewport.left_bottom() + Vec2::new(12.0, -12.0);
    let colour = ui.visuals().warn_fg_color;
    ui.painter().text(position, egui::Align2::LEFT_BOTTOM, failure, FontId::proportional(14.0), colour);
}

/// What the graph's legend should not cover: every actor drawn, and five times over the selected ones and those
/// on a story step's route.
fn legend_avoids(
    scene: &GraphScene,
    positions: &[Pos2],
    view: &ViewState,
    routes: &[route::SceneRoute],
) -> Vec<crate::ui::legend_place::Weighted> {
    let on_route = |id: &str| routes.iter().any(|(path, _)| path.actors.iter().any(|actor| actor == id));
    (scene.nodes.iter().zip(positions))
        .map(|(node, &at)| (at, if view.is_selected(&node.id) || on_route(&node.id) { 5.0 } else { 1.0 }))
        .collect()
}
