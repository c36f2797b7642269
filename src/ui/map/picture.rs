//! The map as drawn for one camera: country fills and borders, routes and links, markers as one mesh, and the
//! names placed without overlap, larger countries first. Rebuilt only when its key changes (camera, canvas,
//! scene, selection, colours); any other frame paints the cached mesh as it is.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Galley, Mesh, Pos2, Rect, Shape, Stroke, Vec2, pos2};

use super::{MAP_SCALE, MapScene, MapView, Place};
use crate::scene::choropleth::Choropleth;
use crate::scene::graph_style as style;
use crate::scene::map::geometry;
use crate::scene::map_outlines::{self, OutlineLevel};
use crate::scene::palette;
use crate::scene::route_path::ROUTE_HALO;
use crate::state::ViewState;
use crate::ui::camera::Camera;
use crate::ui::graph::draw::{EdgeMesh, LabelPlacer, NodeMesh};

/// Above this many edges, routes are drawn without their curves (see the graph's dense form).
const DENSE_EDGES: usize = 5_000;

/// A country smaller than this on screen (points) is drawn as a marker too, so that Malta can be clicked.
pub(super) const SMALL_COUNTRY: f32 = 7.0;

const MARKER_RADIUS: f32 = 6.0;
const LABEL_SIZE: f32 = 14.0;

/// How far beyond the canvas a picture is drawn, as a fraction of the canvas on each side: panning within it
/// moves the picture instead of drawing it again.
const MARGIN: f32 = 0.2;

/// How far (screen points) a simplified outline may stray from the full one: a point is 1 to 2 pixels.
const DETAIL: f32 = 0.8;

/// Everything a picture depends on but where it is looked at from (which only moves it).
#[derive(Debug, Clone, PartialEq)]
struct PictureKey {
    scene: u64,
    viewport_size: Vec2,
    pixels_per_point: f32,
    dark_mode: bool,
    /// The theme lines are drawn in (the projector's are wider and darker).
    line_theme: crate::scene::palette::Theme,
    /// While presenting, names are written large enough for the back of a room.
    presenting: bool,
    selection: BTreeSet<String>,
    outlined: Option<String>,
    options: super::MapOptions,
    measure: Option<String>,
}

pub struct Picture {
    key: PictureKey,
    /// The camera and canvas it was drawn for, and where it has been moved since.
    camera: Camera,
    viewport: Rect,
    /// The part of the map's canvas it covers.
    covers: Rect,
    /// Fills, borders and routes.
    mesh: Arc<Mesh>,
    /// Markers, drawn over the names so that a name never hides one.
    markers: Arc<Mesh>,
    labels: Vec<Label>,
    /// The level of detail drawn, for outlining the hovered country at the same detail.
    pub level: Arc<OutlineLevel>,
    /// The zoom it was drawn at; while a zoom is under way it is scaled instead of drawn again.
    drawn_zoom: f32,
    /// The hovered country's outline, for the picture's present camera.
    hovered: Option<(usize, Arc<Mesh>)>,
}

struct Label {
    galley: Arc<Galley>,
    plate: Rect,
    colour: Color32,
    plate_colour: Color32,
}

pub fn sea(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(28, 38, 52) } else { Color32::from_rgb(234, 241, 247) }
}

pub(super) fn land(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(70, 72, 76) } else { Color32::from_rgb(226, 226, 222) }
}

fn border(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(30, 30, 32) } else { Color32::WHITE }
}

/// What routes are drawn over: dark on a dark map, white on a light one.
fn casing(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(20, 22, 26) } else { Color32::WHITE }
}

/// A colour mixed towards another (`amount` 1 is `towards`).
fn mixed(colour: Color32, towards: Color32, amount: f32) -> Color32 {
    let mix = |from: u8, to: u8| (from as f32 + (to as f32 - from as f32) * amount).round() as u8;
    Color32::from_rgb(mix(colour.r(), towards.r()), mix(colour.g(), towards.g()), mix(colour.b(), towards.b()))
}

/// A colour mixed towards white (`amount` 1 is white).
fn lighter(colour: Color32, amount: f32) -> Color32 {
    let mix = |channel: u8| (channel as f32 + (255.0 - channel as f32) * amount).round() as u8;
    Color32::from_rgb(mix(colour.r()), mix(colour.g()), mix(colour.b()))
}

impl Picture {
    /// Moves (and scales) what was drawn for one camera to where another camera shows it.
    pub(super) fn move_to(&mut self, camera: Camera, viewport: Rect) {
        if camera == self.camera && viewport == self.viewport {
            return;
        }
        // A point drawn at p for the old camera is at scale * p + translation for the new one.
        let scale = camera.zoom / self.camera.zoom;
        let translation = viewport.center().to_vec2() + (self.camera.centre - camera.centre) * camera.zoom
            - self.viewport.center().to_vec2() * scale;
        let transform = egui::emath::TSTransform::new(translation, scale);
        // The meshes are shared with the shapes of the frame before, which egui has dropped by now: no copy.
        Arc::make_mut(&mut self.mesh).transform(transform);
        Arc::make_mut(&mut self.markers).transform(transform);
        for label in &mut self.labels {
            label.plate = Rect::from_center_size(transform * label.plate.center(), label.plate.size());
        }
        self.hovered = None;
        self.camera = camera;
        self.viewport = viewport;
    }

    pub fn paint(&self, painter: &egui::Painter) {
        painter.add(Shape::Mesh(self.mesh.clone()));
        for label in &self.labels {
            painter.rect_filled(label.plate, 4.0, label.plate_colour);
            let at = label.plate.center() - label.galley.size() / 2.0;
            painter.galley(at, label.galley.clone(), label.colour);
        }
        painter.add(Shape::Mesh(self.markers.clone()));
    }
}

impl MapView {
    /// Rebuilds the picture when the camera, the canvas, the scene or what colours it changed.
    pub(super) fn refresh_picture(
        &mut self,
        ui: &egui::Ui,
        scene: &MapScene,
        viewport: Rect,
        view: &ViewState,
        choropleth: Option<&Choropleth>,
        zooming: bool,
    ) {
        let key = PictureKey {
            scene: scene.serial,
            viewport_size: viewport.size(),
            pixels_per_point: ui.ctx().pixels_per_point(),
            dark_mode: ui.visuals().dark_mode,
            line_theme: crate::ui::style::line_theme(ui),
            presenting: self.presenting,
            selection: view.selection.clone(),
            outlined: self.strip_hovered.clone(),
            options: self.options.clone(),
            measure: choropleth.map(|choropleth| choropleth.title.clone()),
        };
        let visible = self.visible_canvas(viewport);
        if let Some(picture) = &mut self.picture
            && picture.key == key
            && picture.covers.contains_rect(visible)
        {
            // Panning moves the picture; a zoom under way scales it (lines and markers a little thicker or
            // thinner for a moment), and it is drawn again sharp once the zoom settles.
            let scale = self.camera.zoom / picture.drawn_zoom;
            if scale == 1.0 || (zooming && (0.8..=1.25).contains(&scale)) {
                picture.move_to(self.camera, viewport);
                if scale != 1.0 {
                    ui.ctx().request_repaint();
                }
                return;
            }
        }
        let level = map_outlines::level(map_outlines::level_for(DETAIL / (self.camera.zoom * MAP_SCALE)));
        let area = viewport.expand2(viewport.size() * MARGIN);
        let covers = self.visible_canvas(area);
        let mut builder = Builder { camera: self.camera, viewport, area, visible: covers, mesh: Mesh::default() };
        let outlined = outlined_countries(scene, view, self.strip_hovered.as_deref());
        builder.countries(ui, scene, &level, view, &outlined, choropleth);
        builder.routes(scene, casing(ui.visuals()), key.line_theme);
        let (markers, marker_rects) = builder.markers(scene, view);
        let naming = Naming { other_countries: self.options.name_other_countries, presenting: self.presenting };
        let labels = labels(ui, scene, &builder, marker_rects, naming);
        let (mesh, markers) = (Arc::new(builder.mesh), Arc::new(markers));
        let (camera, drawn_zoom) = (self.camera, self.camera.zoom);
        self.picture =
            Some(Picture { key, camera, viewport, covers, mesh, markers, labels, level, drawn_zoom, hovered: None });
    }

    /// The hovered country outlined (on top of the cached picture), so that the pointer's target is clear.
    pub(super) fn paint_hovered(
        &mut self,
        painter: &egui::Painter,
        scene: &MapScene,
        viewport: Rect,
        hovered: Option<super::Hovered>,
    ) {
        let country = match hovered {
            Some(super::Hovered::Country(country)) => country,
            Some(super::Hovered::Node(node)) => match scene.places[node] {
                Place::Country(country) => country,
                _ => return,
            },
            _ => return,
        };
        let Some(picture) = &mut self.picture else { return };
        // Russia's outline has thousands of points: it is tessellated once while the pointer stays on it.
        let outline = match &picture.hovered {
            Some((hovered, mesh)) if *hovered == country => mesh.clone(),
            _ => {
                let colour = painter.ctx().global_style().visuals.strong_text_color();
                let mesh = Arc::new(outline_mesh(&picture.level.countries[country], self.camera, viewport, colour));
                picture.hovered = Some((country, mesh.clone()));
                mesh
            }
        };
        painter.add(Shape::Mesh(outline));
    }
}

/// A country's outline as a line of 2.5 points, for the camera given.
fn outline_mesh(
    outline: &crate::scene::map_outlines::CountryOutline,
    camera: Camera,
    viewport: Rect,
    colour: Color32,
) -> Mesh {
    let mut mesh = Mesh::default();
    let to_screen = |[x, y]: [f32; 2]| camera.to_screen(viewport, pos2(x * MAP_SCALE, y * MAP_SCALE));
    add_rings(&mut mesh, outline, to_screen, Stroke::new(2.5, colour));
    mesh
}

/// A country's rings as lines, each segment a quad of its own. Without joins there are no miter spikes: a coast
/// that turns back on itself (and the cut edges along the 180th meridian and the poles) would make egui's path
/// joins shoot across the map.
fn add_rings(
    mesh: &mut Mesh,
    outline: &crate::scene::map_outlines::CountryOutline,
    to_screen: impl Fn([f32; 2]) -> Pos2,
    stroke: Stroke,
) {
    let half = stroke.width / 2.0;
    for ring in &outline.rings {
        let points = &outline.points[ring.start as usize..ring.end as usize];
        let mut previous = match points.last() {
            Some(&point) => to_screen(point),
            None => continue,
        };
        for &point in points {
            let next = to_screen(point);
            let along = next - previous;
            let length = along.length();
            if length > 0.01 {
                // Lengthened by half the width at both ends, so that consecutive segments meet without a gap.
                let direction = along / length;
                let side = Vec2::new(-direction.y, direction.x) * half;
                let (start, end) = (previous - direction * half, next + direction * half);
                let first = mesh.vertices.len() as u32;
                for corner in [start + side, start - side, end - side, end + side] {
                    mesh.colored_vertex(corner, stroke.color);
                }
                mesh.add_triangle(first, first + 1, first + 2);
                mesh.add_triangle(first, first + 2, first + 3);
                previous = next;
            }
        }
    }
}

/// Countries drawn with a strong outline: the selected actors', and the members of the bloc hovered in the strip.
fn outlined_countries(scene: &MapScene, view: &ViewState, strip_hovered: Option<&str>) -> HashSet<usize> {
    let mut ids: HashSet<&str> = view.selection.iter().map(String::as_str).collect();
    if let Some(members) = strip_hovered.and_then(|bloc| scene.members.get(bloc)) {
        ids.extend(members.iter().map(String::as_str));
    }
    ids.iter()
        .filter_map(|id| scene.graph.node_by_id.get(*id))
        .filter_map(|&node| match scene.places[node] {
            Place::Country(country) => Some(country),
            _ => None,
        })
        .collect()
}

struct Builder {
    camera: Camera,
    viewport: Rect,
    /// The part of the screen drawn: the canvas and a margin around it.
    area: Rect,
    /// The same on the map's canvas.
    visible: Rect,
    mesh: Mesh,
}

impl Builder {
    fn to_screen(&self, [x, y]: [f32; 2]) -> Pos2 {
        self.camera.to_screen(self.viewport, pos2(x * MAP_SCALE, y * MAP_SCALE))
    }

    fn is_visible(&self, bounds: &crate::scene::map::Bounds) -> bool {
        let rect = Rect::from_min_max(
            pos2(bounds.min[0] * MAP_SCALE, bounds.min[1] * MAP_SCALE),
            pos2(bounds.max[0] * MAP_SCALE, bounds.max[1] * MAP_SCALE),
        );
        self.visible.intersects(rect)
    }

    /// Fills, borders, then the strong outlines of selected and highlighted countries.
    fn countries(
        &mut self,
        ui: &egui::Ui,
        scene: &MapScene,
        level: &OutlineLevel,
        view: &ViewState,
        outlined: &HashSet<usize>,
        choropleth: Option<&Choropleth>,
    ) {
        let visuals = ui.visuals();
        let countries = &geometry().countries;
        let shown: Vec<usize> = (0..countries.len()).filter(|&at| self.is_visible(&countries[at].bounds)).collect();
        for &at in &shown {
            let colour = match choropleth {
                Some(choropleth) => measured_fill(scene, at, choropleth, visuals),
                None => fill(scene, at, view, visuals),
            };
            let outline = &level.countries[at];
            let first = self.mesh.vertices.len() as u32;
            for &point in &outline.points {
                self.mesh.colored_vertex(self.to_screen(point), colour);
            }
            self.mesh.indices.extend(outline.triangles.iter().map(|&index| index + first));
        }
        let thin = Stroke::new(1.0, border(visuals));
        for &at in &shown {
            self.outline(&level.countries[at], thin);
        }
        let strong = Stroke::new(2.5, visuals.selection.stroke.color);
        for &at in shown.iter().filter(|at| outlined.contains(at)) {
            self.outline(&level.countries[at], strong);
        }
    }

    fn outline(&mut self, outline: &crate::scene::map_outlines::CountryOutline, stroke: Stroke) {
        let (camera, viewport) = (self.camera, self.viewport);
        let to_screen = |[x, y]: [f32; 2]| camera.to_screen(viewport, pos2(x * MAP_SCALE, y * MAP_SCALE));
        add_rings(&mut self.mesh, outline, to_screen, stroke);
    }

    /// Energy flows along their routes, sanctions and ties between places, as the graph draws them.
    /// Energy flows are drawn over a casing (a wider line in `casing`), so that a blue gas route stays clear on a
    /// blue country.
    fn routes(&mut self, scene: &MapScene, casing: Color32, theme: crate::scene::palette::Theme) {
        let dense = scene.graph.edges.len() > DENSE_EDGES;
        let mut edges = EdgeMesh::for_edges(scene.graph.edges.len());
        let mut casings = EdgeMesh::for_edges(if dense { 0 } else { scene.graph.edges.len() });
        let mut points = Vec::new();
        // A story step's route goes over the other records, on a highlighter band.
        let mut route = EdgeMesh::for_edges(0);
        let mut order: Vec<usize> = (0..scene.graph.edges.len()).filter(|&index| !scene.on_route[index]).collect();
        order.extend((0..scene.graph.edges.len()).filter(|&index| scene.on_route[index]));
        for index in order {
            let edge = &scene.graph.edges[index];
            let Some(path) = &scene.paths[index] else { continue };
            if !self.visible.intersects(scene.path_bounds[index]) {
                continue;
            }
            points.clear();
            if dense {
                // Straight from end to end: thousands of curves are illegible anyway, and cost.
                points.extend([path[0], path[path.len() - 1]].map(|point| self.camera.to_screen(self.viewport, point)));
            } else {
                points.extend(path.iter().map(|&point| self.camera.to_screen(self.viewport, point)));
            }
            let look = style::edge_style(&edge.meaning).in_theme(theme);
            if scene.on_route[index] {
                let halo = style::EdgeStyle {
                    colour: ROUTE_HALO,
                    width: look.width + 14.0,
                    arrow: style::Arrowhead::None,
                    ..look
                };
                let mut band = points.clone();
                route.add_path(&mut band, &halo);
                let mut line = points.clone();
                let look = style::EdgeStyle { width: look.width.max(4.0), ..look };
                route.add_path(&mut line, &look);
                continue;
            }
            if !dense && look.dash == style::Dash::Solid {
                let mut cased = points.clone();
                let colour = crate::scene::Rgba(casing.r(), casing.g(), casing.b(), casing.a());
                let under = style::EdgeStyle { colour, width: look.width + 3.0, ..look };
                casings.add_path(&mut cased, &under);
            }
            edges.add_path(&mut points, &look);
        }
        self.mesh.append(casings.into_mesh());
        self.mesh.append(edges.into_mesh());
        self.mesh.append(route.into_mesh());
    }

    /// Markers for actors at a location and for countries too small to see, and their screen rectangles.
    fn markers(&self, scene: &MapScene, view: &ViewState) -> (Mesh, Vec<Rect>) {
        let mut markers = NodeMesh::with_capacity(64);
        let mut rects = Vec::new();
        let countries = &geometry().countries;
        for (node, place) in scene.places.iter().enumerate() {
            let centre = match *place {
                Place::Point(point) => self.camera.to_screen(self.viewport, point),
                Place::Country(country) if self.screen_size(&countries[country].bounds) < SMALL_COUNTRY => {
                    self.to_screen(countries[country].label_at)
                }
                _ => continue,
            };
            if !self.area.contains(centre) {
                continue;
            }
            let scene_node = &scene.graph.nodes[node];
            let selected = view.selection.contains(&scene_node.id);
            let radius = if selected { MARKER_RADIUS + 2.0 } else { MARKER_RADIUS };
            markers.add(centre, radius + 1.5, style::node_shape(scene_node.kind), Color32::WHITE);
            markers.add(centre, radius, style::node_shape(scene_node.kind), kind_colour(scene_node.kind));
            rects.push(Rect::from_center_size(centre, Vec2::splat(2.0 * radius + 4.0)));
        }
        (markers.into_mesh(), rects)
    }

    /// The larger side of a plane rectangle on screen.
    fn screen_size(&self, bounds: &crate::scene::map::Bounds) -> f32 {
        let [width, height] = bounds.size();
        width.max(height) * MAP_SCALE * self.camera.zoom
    }
}

/// An actor's country in its kind's colour (stronger when selected), any other country as plain land.
fn fill(scene: &MapScene, country: usize, view: &ViewState, visuals: &egui::Visuals) -> Color32 {
    let Some(node) = scene.country_nodes[country] else { return land(visuals) };
    let scene_node = &scene.graph.nodes[node];
    let colour = kind_colour(scene_node.kind);
    let selected = view.selection.contains(&scene_node.id);
    // Muted towards the land, so that routes in the commodities' brighter colours stand out.
    match (visuals.dark_mode, selected) {
        (true, false) => mixed(colour, land(visuals), 0.45),
        (true, true) => mixed(colour, land(visuals), 0.1),
        (false, false) => lighter(colour, 0.45),
        (false, true) => colour,
    }
}

/// An actor's colour on the map (see `palette::map_actor_kind`).
pub(super) fn kind_colour(kind: crate::model::ActorKind) -> Color32 {
    palette::map_actor_kind(kind).into()
}

/// A country coloured by its actor's value; plain land when it has no data (zero is data, and coloured), and
/// the measure's reference (the supplier, the actor compared with) in the ink colour.
fn measured_fill(scene: &MapScene, country: usize, choropleth: &Choropleth, visuals: &egui::Visuals) -> Color32 {
    let Some(node) = scene.country_nodes[country] else { return land(visuals) };
    let id = &scene.graph.nodes[node].id;
    if choropleth.reference.as_ref().is_some_and(|reference| &reference.actor == id) {
        return reference_colour(visuals);
    }
    choropleth.colour(id).map_or_else(|| land(visuals), Color32::from)
}

/// How the actor a measure is taken against is drawn (it has no value of its own).
pub(super) fn reference_colour(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(200) } else { Color32::from_gray(70) }
}

/// A name whose place is in view but whose plate runs past the view's left or right edge, slid back inside, so
/// that it is not cut off; one whose place is out of view stays where it is (it is seen when panned to).
fn within_view(plate: Rect, viewport: Rect) -> Rect {
    let centre = plate.center();
    if !viewport.contains(centre) || plate.width() > viewport.width() {
        return plate;
    }
    let shift = (viewport.left() - plate.left()).max(0.0) + (viewport.right() - plate.right()).min(0.0);
    plate.translate(Vec2::new(shift, 0.0))
}

/// What the map names, and how large.
#[derive(Clone, Copy)]
struct Naming {
    /// Countries that are not actors too, in grey.
    other_countries: bool,
    /// Actors' names as large as the graph's while presenting (26 points), in the slides' regular face.
    presenting: bool,
}

impl Naming {
    fn font(self, actor: bool) -> FontId {
        match (self.presenting, actor) {
            (true, true) => FontId::new(crate::ui::graph::PRESENTING_LABEL_SIZE, crate::ui::style::regular_family()),
            (true, false) => {
                FontId::new(crate::ui::graph::PRESENTING_LABEL_SIZE - 6.0, crate::ui::style::regular_family())
            }
            (false, true) => FontId::proportional(LABEL_SIZE),
            (false, false) => FontId::proportional(LABEL_SIZE - 2.0),
        }
    }
}

/// Names at their places, larger countries first, then located actors, then (in grey) other countries where
/// there is room; a name that would overlap one already placed, or a marker, is left out.
fn labels(ui: &egui::Ui, scene: &MapScene, builder: &Builder, markers: Vec<Rect>, naming: Naming) -> Vec<Label> {
    let map = geometry();
    // Names go in the part of a country that is in view, not in the margin drawn around it for panning: Russia's
    // name on a map of the Balkans is written on its visible west, not off screen.
    let in_view = |point: Pos2| builder.camera.to_canvas(builder.viewport, point) / MAP_SCALE;
    let (view_min, view_max) = (in_view(builder.viewport.min), in_view(builder.viewport.max));
    let visible_plane = crate::scene::map::Bounds { min: [view_min.x, view_min.y], max: [view_max.x, view_max.y] };
    // (priority, screen position, name, is an actor): countries by area, then markers, then other countries.
    let mut candidates: Vec<(f32, Pos2, &str, bool)> = Vec::new();
    for (node, place) in scene.places.iter().enumerate() {
        let name = scene.graph.nodes[node].name.as_str();
        match *place {
            Place::Country(country) => {
                let country = &map.countries[country];
                let at = builder.to_screen(map.label_point(country, &visible_plane));
                let at =
                    if builder.screen_size(&country.bounds) < SMALL_COUNTRY { at + Vec2::new(0.0, 14.0) } else { at };
                // The countries a story step's route passes are named before all others.
                let first = if scene.route_actors.contains(&scene.graph.nodes[node].id) { 1000.0 } else { 0.0 };
                candidates.push((country.area + 1.0 + first, at, name, true));
            }
            Place::Point(point) => candidates.push((
                0.5,
                builder.camera.to_screen(builder.viewport, point) + Vec2::new(0.0, 15.0),
                name,
                true,
            )),
            Place::Nowhere => {}
        }
    }
    if naming.other_countries {
        for (at, country) in map.countries.iter().enumerate() {
            let big_enough = builder.screen_size(&country.bounds) > 60.0;
            if scene.country_nodes[at].is_none() && big_enough && builder.is_visible(&country.bounds) {
                candidates.push((
                    country.area,
                    builder.to_screen(map.label_point(country, &visible_plane)),
                    &country.name,
                    false,
                ));
            }
        }
    }
    // Actors first, each group larger countries first.
    candidates.sort_by(|a, b| b.3.cmp(&a.3).then(b.0.total_cmp(&a.0)));
    // The actors' countries are named first, over markers if need be (markers are drawn over names); then
    // markers are reserved, so that their own names and other countries' go around them.
    let mut placer = LabelPlacer::within(builder.area);
    let mut markers = Some(markers);
    let inside = builder.area.shrink(2.0);
    let dark_mode = ui.visuals().dark_mode;
    let mut labels = Vec::new();
    for (priority, at, name, actor) in candidates {
        if priority < 1.0
            && let Some(markers) = markers.take()
        {
            for rect in markers {
                placer.reserve(rect);
            }
        }
        if !inside.contains(at) {
            continue;
        }
        let colour = match (actor, dark_mode) {
            (true, false) => Color32::from_gray(20),
            (false, false) => Color32::from_gray(105),
            (true, true) => Color32::from_gray(240),
            (false, true) => Color32::from_gray(170),
        };
        let galley = ui.painter().layout_no_wrap(name.to_owned(), naming.font(actor), colour);
        let size = galley.size() + Vec2::new(8.0, 2.0);
        // On the place, else just above or below it.
        let tries = [at, at - Vec2::new(0.0, size.y), at + Vec2::new(0.0, size.y)];
        let free = tries
            .into_iter()
            .map(|centre| within_view(Rect::from_center_size(centre, size), builder.viewport))
            .find(|plate| inside.contains_rect(*plate) && placer.try_place(*plate));
        if let Some(plate) = free {
            let plate_colour = if dark_mode {
                Color32::from_rgba_unmultiplied(16, 18, 22, 190)
            } else {
                Color32::from_rgba_unmultiplied(255, 255, 255, 190)
            };
            labels.push(Label { galley, plate, colour, plate_colour });
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::{Naming, within_view};
    use eframe::egui::{Rect, pos2, vec2};

    #[test]
    fn a_name_in_view_is_slid_inside_the_view_and_one_out_of_view_is_left() {
        let view = Rect::from_min_size(pos2(100.0, 0.0), vec2(800.0, 600.0));
        // Centred 40 pixels inside the left edge, 200 wide: it would start 60 pixels outside.
        let plate = Rect::from_center_size(pos2(140.0, 300.0), vec2(200.0, 20.0));
        assert_eq!(within_view(plate, view).left(), 100.0);
        let right = Rect::from_center_size(pos2(880.0, 300.0), vec2(200.0, 20.0));
        assert_eq!(within_view(right, view).right(), 900.0);
        let outside = Rect::from_center_size(pos2(50.0, 300.0), vec2(200.0, 20.0));
        assert_eq!(within_view(outside, view), outside);
    }

    #[test]
    fn names_on_the_map_while_presenting_are_at_least_24_points_and_larger_than_otherwise() {
        let presenting = Naming { other_countries: true, presenting: true };
        let working = Naming { other_countries: true, presenting: false };
        assert!(presenting.font(true).size >= 24.0, "{}", presenting.font(true).size);
        assert!(presenting.font(true).size > working.font(true).size);
        // Other countries stay smaller than the actors, whether presenting or not.
        assert!(presenting.font(false).size < presenting.font(true).size);
        assert!(working.font(false).size < working.font(true).size);
    }
}
