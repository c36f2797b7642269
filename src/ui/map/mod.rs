//! The map: countries from Natural Earth's outlines in the Equal Earth projection, actors in their countries or
//! at their `location`, energy flows from the supplier through their transit countries in order, sanctions and
//! ties between places, and countries coloured by their kind or by a measure from the analysis. Drag to pan, the
//! wheel zooms around the pointer, a double-click zooms to a country, F fits the scenario; a click selects
//! (Shift adds). Actors with no place (blocs, organisations) are listed in a strip at the side; hovering one
//! outlines its members.
//!
//! Like the graph, the view keeps only transient state (camera, caches) and returns actions. The outlines are
//! simplified and cut into triangles once per level of detail (`scene::map_outlines`), and the screen mesh is
//! rebuilt only when the camera, the canvas or what is drawn changes: a frame that only moves the pointer paints
//! the cached mesh.

mod legend;
mod picture;
mod pointer;
mod strip;
mod toolbar;

use std::collections::BTreeSet;
use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Sense, Vec2, pos2};

use crate::model::RecordRef;
use crate::scene::choropleth::{self, Choropleth, Measure};
use crate::scene::graph::{self as graph_scene, GraphScene};
use crate::scene::map::{MapGeometry, geometry};
use crate::state::{Action, Document, GraphFilters, GraphOverlay, ViewState};
use crate::ui::cache::Cached;
use crate::ui::camera::{Camera, Flight};
use picture::Picture;

/// Canvas units per unit of the projected plane (the Equal Earth plane is about 5.4 units wide): at the camera's
/// zoom limits the whole world is about 100 pixels wide, and a city fills the window.
pub const MAP_SCALE: f32 = 1000.0;

/// Room kept free for the legend in the top right corner when the map is fitted.
const LEGEND_ROOM: f32 = 210.0;

/// What the countries' colours say.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Colouring {
    /// Actors' countries in their kind's colour, the rest as plain land; under a what-if shock laid over the
    /// views (from Analysis or a story step), what each would lose.
    #[default]
    Kind,
    /// A measure from the analysis, as a choropleth.
    Measure(Measure),
}

/// Display options that belong to this view alone.
#[derive(Debug, Clone, PartialEq)]
pub struct MapOptions {
    pub colouring: Colouring,
    pub show_legend: bool,
    /// Names of countries that are not actors, where there is room.
    pub name_other_countries: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions { colouring: Colouring::Kind, show_legend: true, name_other_countries: true }
    }
}

/// Where an actor is on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// The country, by its index in `map::geometry().countries`.
    Country(usize),
    /// A point on the canvas (the actor's `location`).
    Point(Pos2),
    /// No place: a bloc or organisation, or an actor with neither a country nor a location.
    Nowhere,
}

/// What the map shows of the document, rebuilt only when its key changes.
struct MapScene {
    graph: GraphScene,
    /// Each scene node's place.
    places: Vec<Place>,
    /// The scene node of each country, in the order of `map::geometry().countries`.
    country_nodes: Vec<Option<usize>>,
    /// Each edge's path on the canvas, `None` when one of its ends has no place.
    paths: Vec<Option<Vec<Pos2>>>,
    path_bounds: Vec<Rect>,
    /// Scene nodes with no place, by name.
    placeless: Vec<usize>,
    /// The members of each placeless actor (a bloc's), to outline them.
    members: std::collections::HashMap<String, Vec<String>>,
    /// What the map shows at first: the scenario's places and routes, on the canvas.
    bounds: Option<Rect>,
    /// Which edges are on a story step's route, drawn highlighted, and the actors the route passes, named first.
    on_route: Vec<bool>,
    route_actors: std::collections::HashSet<String>,
    /// Counts rebuilds, so that the cached picture knows when the scene changed.
    serial: u64,
}

#[derive(Debug, Clone, PartialEq)]
struct SceneKey {
    document: u64,
    revision: u64,
    year: Option<i32>,
    filters: GraphFilters,
    focus_selection: BTreeSet<String>,
    route: Option<String>,
}

#[derive(Default)]
pub struct MapView {
    camera: Camera,
    fitted_document: Option<u64>,
    scene: Option<(SceneKey, MapScene)>,
    serial: u64,
    picture: Option<Picture>,
    pub options: MapOptions,
    pending_fit: bool,
    /// Actors a presentation step wants in view, once the canvas size is known.
    pending_focus: Option<Vec<String>>,
    flight: Option<Flight>,
    /// The placeless actor (bloc) hovered in the strip, whose members are outlined.
    strip_hovered: Option<String>,
    /// The canvas of the last frame, for tests and for fitting.
    viewport: Option<Rect>,
    /// In a presentation the toolbar is hidden.
    pub presenting: bool,
    /// The choropleth shown, rebuilt when the document, the year or the measure changes.
    choropleth: Cached<(u64, u64, i32, Measure), Arc<Choropleth>>,
    /// The measures the toolbar offers, for the document and year.
    measures: Cached<(u64, u64, i32), Vec<Measure>>,
    /// The old year's picture fading out over the new one (so that countries' and flows' colours ease into the
    /// new year's), and when the change began.
    fading: Option<(Picture, f64)>,
    /// Set when the scene was rebuilt for another year alone, until the new picture is drawn.
    year_changed: bool,
    /// What the legend should not cover, for the scene, camera, canvas and selection it was found for: finding a
    /// country's visible part walks its outline, so it is not done every frame.
    legend_avoids: Cached<(u64, Camera, Rect, BTreeSet<String>), Vec<crate::ui::legend_place::Weighted>>,
}

/// Things under the pointer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hovered {
    /// A scene node: an actor's marker or country.
    Node(usize),
    Edge(usize),
    /// A country that is not an actor, by its index in the geometry.
    Country(usize),
}

impl MapView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        if !self.presenting {
            toolbar::show(ui, self, document, view, actions);
        }
        self.refresh_scene(document, view);
        let Some((key, scene)) = self.scene.take() else { return };
        let whole = ui.available_rect_before_wrap();
        let strip_width = if scene.placeless.is_empty() || self.presenting { 0.0 } else { strip::WIDTH };
        let viewport = Rect::from_min_max(pos2(whole.left() + strip_width, whole.top()), whole.max);
        let response = ui.interact(viewport, ui.scope_id().with("map_canvas"), Sense::click_and_drag());
        ui.advance_cursor_after_rect(whole);
        self.viewport = Some(viewport);
        if self.fitted_document != Some(document.id) || std::mem::take(&mut self.pending_fit) {
            self.camera = self.fitted_camera(&scene, viewport);
            self.fitted_document = Some(document.id);
        }
        if let Some(focus) = self.pending_focus.take() {
            let goal =
                self.focus_camera(document, &focus, viewport).unwrap_or_else(|| self.fitted_camera(&scene, viewport));
            let time = ui.input(|input| input.time);
            self.flight = Some(Flight { from: self.camera, to: goal, started: time });
        }
        let zoom_before = self.camera.zoom;
        self.fly(ui);
        let hovered = response.hover_pos().and_then(|pointer| self.hit(&scene, viewport, pointer));
        self.handle_pointer(&response, &scene, hovered, actions);
        self.handle_keys(ui);
        let painter = ui.painter_at(viewport);
        painter.rect_filled(viewport, 0.0, picture::sea(ui.visuals()));
        let choropleth = self.refresh_choropleth(document, view);
        let zooming = self.camera.zoom != zoom_before || self.flight.is_some();
        if std::mem::take(&mut self.year_changed) {
            self.fading = self.picture.take().map(|picture| (picture, ui.input(|input| input.time)));
        }
        self.refresh_picture(ui, &scene, viewport, view, choropleth.as_deref(), zooming);
        if let Some(picture) = &self.picture {
            picture.paint(&painter);
        }
        self.paint_fading(ui, &painter, viewport);
        self.paint_hovered(&painter, &scene, viewport, hovered);
        if strip_width > 0.0 {
            let strip_rect = Rect::from_min_max(whole.min, pos2(viewport.left(), whole.bottom()));
            self.strip_hovered = strip::show(ui, strip_rect, document, &scene, view, actions);
        } else {
            self.strip_hovered = None;
        }
        if let Some(hovered) = hovered
            && !response.dragged()
        {
            pointer::tooltip(&response, document, &scene, hovered, view.year, choropleth.as_deref());
        }
        if self.options.show_legend {
            let key = (scene.serial, self.camera, viewport, view.selection.clone());
            let avoid = self.legend_avoids.get(key, || legend_avoids(self.camera, &scene, view, viewport));
            let scenario = &document.scenario;
            if legend::show(ui, viewport, &scene, choropleth.as_deref(), scenario, self.presenting, avoid) {
                self.options.show_legend = false;
            }
        } else if !self.presenting && legend::folded(ui, viewport) {
            self.options.show_legend = true;
        }
        if scene.graph.nodes.is_empty() {
            empty_note(ui, viewport, document.scenario.actors.is_empty());
        } else if scene.bounds.is_none() {
            let text = "No actor of this scenario has a place on the map: give states their ISO 3166 code as id, \
                        or other actors a location (lat, lon).";
            note(ui, viewport, text);
        }
        self.scene = Some((key, scene));
    }

    fn refresh_scene(&mut self, document: &Document, view: &ViewState) {
        let key = SceneKey {
            document: document.id,
            revision: document.revision,
            year: view.year,
            filters: view.filters.clone(),
            focus_selection: if view.filters.focus { view.selection.clone() } else { BTreeSet::new() },
            route: view.route.clone(),
        };
        if self.scene.as_ref().is_some_and(|(built_for, _)| *built_for == key) {
            return;
        }
        self.serial += 1;
        self.year_changed =
            self.scene.as_ref().is_some_and(|(old, _)| SceneKey { year: key.year, ..old.clone() } == key);
        let graph = graph_scene::build(&document.scenario, view.year, &view.filters, &view.selection, true);
        let mut scene = build_scene(&document.scenario, graph, geometry(), self.serial);
        if let Some(route) = &key.route {
            let paths = crate::scene::route_path::route_paths(&document.scenario, route, view.year, &view.filters);
            let records: std::collections::HashSet<usize> =
                paths.iter().flat_map(|path| path.records.iter().copied()).collect();
            let on_route = |edge: &graph_scene::SceneEdge| matches!(edge.record, RecordRef::Energy(index) if records.contains(&index));
            scene.on_route = scene.graph.edges.iter().map(on_route).collect();
            scene.route_actors = crate::scene::route_path::route_actors(&paths).into_iter().collect();
        }
        self.scene = Some((key, scene));
    }

    /// The old year's picture over the new one, ever fainter for `transition::SECONDS`: the colours of the
    /// countries (drawn in the same places) mix from the old year's to the new year's.
    fn paint_fading(&mut self, ui: &egui::Ui, painter: &egui::Painter, viewport: Rect) {
        let Some((picture, started)) = &mut self.fading else { return };
        let elapsed = (ui.input(|input| input.time) - *started) as f32;
        let share = crate::scene::transition::progress(elapsed, crate::scene::transition::SECONDS);
        if share >= 1.0 {
            self.fading = None;
            return;
        }
        picture.move_to(self.camera, viewport);
        let mut fading = painter.clone();
        fading.multiply_opacity(1.0 - share);
        picture.paint(&fading);
        ui.ctx().request_repaint();
    }

    /// The measure the countries are coloured by: the one chosen, else the loss under a shock laid over the views.
    pub fn measure(&self, view: &ViewState) -> Option<Measure> {
        match (&self.options.colouring, &view.overlay) {
            (Colouring::Measure(measure), _) => Some(measure.clone()),
            (Colouring::Kind, Some(GraphOverlay::Shock(disruption))) => Some(Measure::ShockLoss(disruption.clone())),
            (Colouring::Kind, _) => None,
        }
    }

    fn refresh_choropleth(&mut self, document: &Document, view: &ViewState) -> Option<Arc<Choropleth>> {
        let measure = self.measure(view)?;
        let year = view.chart_year_of(document.derived())?;
        let key = (document.id, document.revision, year, measure.clone());
        Some(self.choropleth.get(key, || Arc::new(choropleth::build(&document.scenario, year, &measure))).clone())
    }

    /// The measures that make sense for the document in the chart year (largest suppliers first).
    fn measures(&mut self, document: &Document, view: &ViewState) -> &[Measure] {
        let Some(year) = view.chart_year_of(document.derived()) else { return &[] };
        self.measures.get((document.id, document.revision, year), || choropleth::measures_for(&document.scenario, year))
    }

    /// The camera showing the whole scenario, clear of the legend.
    fn fitted_camera(&self, scene: &MapScene, viewport: Rect) -> Camera {
        let world = || {
            let countries = geometry().countries.iter().map(|country| country.bounds);
            countries.reduce(crate::scene::map::Bounds::union).map(canvas_rect)
        };
        let Some(bounds) = scene.bounds.or_else(world) else { return Camera::default() };
        self.camera_for(bounds, viewport)
    }

    fn camera_for(&self, bounds: Rect, viewport: Rect) -> Camera {
        let legend = if self.options.show_legend { LEGEND_ROOM } else { 0.0 };
        let room = Rect::from_min_max(
            viewport.min,
            pos2((viewport.right() - legend).max(viewport.left() + 100.0), viewport.bottom()),
        );
        let mut camera = Camera::fit(room, bounds, 24.0);
        // A wide map (the whole world) fitted beside the legend would be small: it takes the whole canvas instead,
        // under the legend, when that shows it much larger.
        let whole = Camera::fit(viewport, bounds, 24.0);
        if whole.zoom > camera.zoom * 1.2 {
            return whole;
        }
        // Fitted into the room left of the legend: shift so that the room's centre shows the bounds' centre.
        camera.centre += (viewport.center() - room.center()) / camera.zoom;
        camera
    }

    /// A camera showing these actors' places (see `MapGeometry::focus_bounds`), `None` when none has one.
    fn focus_camera(&self, document: &Document, focus: &[String], viewport: Rect) -> Option<Camera> {
        let map = geometry();
        let bounds = map.focus_bounds(&map.places(&document.scenario), focus.iter().map(String::as_str))?;
        Some(self.camera_for(canvas_rect(bounds), viewport))
    }

    /// Shows these actors (the whole scenario when none has a place), moving smoothly there: a story step's focus.
    pub fn fly_to_focus(&mut self, focus: Vec<String>) {
        self.pending_focus = Some(focus);
    }

    fn fly(&mut self, ui: &egui::Ui) {
        let Some(flight) = self.flight else { return };
        let (camera, arrived) = flight.at(ui.input(|input| input.time));
        self.camera = camera;
        if arrived {
            self.flight = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    /// Where a country's name sits on screen in the last frame: its label point (inside the country), for
    /// tests that click a country.
    pub fn country_on_screen(&self, id: &str) -> Option<Pos2> {
        let country = geometry().country(id)?;
        let [x, y] = country.label_at;
        Some(self.camera.to_screen(self.viewport?, pos2(x * MAP_SCALE, y * MAP_SCALE)))
    }

    /// The id of the country at a point of the screen in the last frame, for tests.
    pub fn country_at_screen(&self, point: Pos2) -> Option<&'static str> {
        let canvas = self.camera.to_canvas(self.viewport?, point);
        let country = geometry().country_at([canvas.x / MAP_SCALE, canvas.y / MAP_SCALE])?;
        Some(country.id.as_str())
    }

    /// Screen points per canvas unit: larger when zoomed in.
    pub fn zoom(&self) -> f32 {
        self.camera.zoom
    }

    /// What the map shows, for tests: the scene after filters.
    pub fn scene(&self) -> Option<&GraphScene> {
        self.scene.as_ref().map(|(_, scene)| &scene.graph)
    }

    /// Which shown edges are drawn highlighted as a story step's route, in the order of `scene().edges`.
    pub fn highlighted_edges(&self) -> Vec<bool> {
        self.scene.as_ref().map(|(_, scene)| scene.on_route.clone()).unwrap_or_default()
    }

    /// Each shown edge's path on screen in the last frame (`None` for an edge with an end off the map), for tests.
    pub fn edge_paths_on_screen(&self) -> Vec<Option<Vec<Pos2>>> {
        let (Some((_, scene)), Some(viewport)) = (&self.scene, self.viewport) else { return Vec::new() };
        let to_screen = |path: &Vec<Pos2>| path.iter().map(|&point| self.camera.to_screen(viewport, point)).collect();
        scene.paths.iter().map(|path| path.as_ref().map(to_screen)).collect()
    }

    /// The part of the canvas in view.
    fn visible_canvas(&self, viewport: Rect) -> Rect {
        Rect::from_two_pos(self.camera.to_canvas(viewport, viewport.min), self.camera.to_canvas(viewport, viewport.max))
    }
}

/// Works out where every scene node and edge is on the map.
fn build_scene(scenario: &crate::model::Scenario, graph: GraphScene, map: &MapGeometry, serial: u64) -> MapScene {
    let country_index: std::collections::HashMap<&str, usize> =
        map.countries.iter().enumerate().map(|(at, country)| (country.id.as_str(), at)).collect();
    let mut country_nodes = vec![None; map.countries.len()];
    let places: Vec<Place> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(node, scene_node)| {
            let actor = &scenario.actors[scene_node.actor];
            match (country_index.get(actor.id.as_str()), actor.location) {
                (Some(&country), _) if !actor.id.is_empty() => {
                    country_nodes[country] = Some(node);
                    Place::Country(country)
                }
                (_, Some(point)) => {
                    let [x, y] = crate::scene::map::project(point.lon, point.lat);
                    Place::Point(pos2(x * MAP_SCALE, y * MAP_SCALE))
                }
                _ => Place::Nowhere,
            }
        })
        .collect();
    let located = map.places(scenario);
    let paths: Vec<Option<Vec<Pos2>>> = graph
        .edges
        .iter()
        .map(|edge| {
            let (from, to) = (&graph.nodes[edge.from].id, &graph.nodes[edge.to].id);
            let path = match edge.record {
                RecordRef::Energy(index) => map.flow_path(&located, scenario.energy.get(index)?),
                _ => map.link_ends(&located, from, to).map(Vec::from),
            }?;
            let curved = crate::scene::map::smooth(&path);
            Some(curved.into_iter().map(|[x, y]| pos2(x * MAP_SCALE, y * MAP_SCALE)).collect())
        })
        .collect();
    let path_bounds = paths
        .iter()
        .map(|path| path.as_ref().map_or(Rect::NOTHING, |path| crate::ui::camera::bounds(path.iter().copied())))
        .collect();
    let mut placeless: Vec<usize> = (0..graph.nodes.len()).filter(|&node| places[node] == Place::Nowhere).collect();
    placeless.sort_by(|&a, &b| crate::format::natural_cmp(&graph.nodes[a].name, &graph.nodes[b].name));
    let members = placeless
        .iter()
        .map(|&node| (graph.nodes[node].id.clone(), scenario.actors[graph.nodes[node].actor].members.clone()))
        .collect();
    let bounds = map.scenario_bounds(scenario).map(canvas_rect);
    let on_route = vec![false; graph.edges.len()];
    let route_actors = std::collections::HashSet::new();
    MapScene {
        graph,
        places,
        country_nodes,
        paths,
        path_bounds,
        placeless,
        members,
        bounds,
        on_route,
        route_actors,
        serial,
    }
}

/// A rectangle of the plane on the canvas.
fn canvas_rect(bounds: crate::scene::map::Bounds) -> Rect {
    Rect::from_min_max(
        pos2(bounds.min[0] * MAP_SCALE, bounds.min[1] * MAP_SCALE),
        pos2(bounds.max[0] * MAP_SCALE, bounds.max[1] * MAP_SCALE),
    )
}

/// Says why the canvas is empty and what to do.
fn empty_note(ui: &egui::Ui, viewport: Rect, no_actors: bool) {
    let text = if no_actors {
        "This scenario has no actors yet.\nOpen a scenario with Ctrl+O, or drop a .ron file here."
    } else {
        "Nothing to draw for this year and these filters.\nTry All years, turn layers on, or use Show everything in Filters…"
    };
    note(ui, viewport, text);
}

fn note(ui: &egui::Ui, viewport: Rect, text: &str) {
    let colour = ui.visuals().strong_text_color();
    let position = viewport.center_bottom() - Vec2::new(0.0, 40.0);
    let galley = ui.painter().layout(text.to_owned(), FontId::proportional(16.0), colour, viewport.width() - 80.0);
    let rect = egui::Align2::CENTER_CENTER.anchor_size(position, galley.size()).expand(8.0);
    ui.painter().rect_filled(rect, 6.0, ui.visuals().extreme_bg_color.gamma_multiply(0.9));
    ui.painter().galley(rect.min + Vec2::splat(8.0), galley, Color32::PLACEHOLDER);
}

/// What the legend should not cover: each actor's name or marker, five times over the selected ones and those
/// on a story step's route, and three times over each bend of the route itself.
fn legend_avoids(
    camera: Camera,
    scene: &MapScene,
    view: &ViewState,
    viewport: Rect,
) -> Vec<crate::ui::legend_place::Weighted> {
    let to_screen = |point: Pos2| camera.to_screen(viewport, point);
    // Where the names are written: in the part of each country that is in view (as `picture` places them).
    let in_view = |point: Pos2| camera.to_canvas(viewport, point) / MAP_SCALE;
    let (view_min, view_max) = (in_view(viewport.min), in_view(viewport.max));
    let visible = crate::scene::map::Bounds { min: [view_min.x, view_min.y], max: [view_max.x, view_max.y] };
    let mut avoid = Vec::new();
    for (node, place) in scene.graph.nodes.iter().zip(&scene.places) {
        let at = match *place {
            Place::Country(country) => {
                let [x, y] = geometry().label_point(&geometry().countries[country], &visible);
                pos2(x * MAP_SCALE, y * MAP_SCALE)
            }
            Place::Point(point) => point,
            Place::Nowhere => continue,
        };
        let weight = if view.is_selected(&node.id) || scene.route_actors.contains(&node.id) { 5.0 } else { 1.0 };
        avoid.push((to_screen(at), weight));
    }
    let route = (scene.paths.iter().zip(&scene.on_route)).filter(|(_, on_route)| **on_route);
    for (path, _) in route {
        avoid.extend(path.iter().flatten().map(|&point| (to_screen(point), 3.0)));
    }
    avoid
}
