//! What the pointer and keys do on the map: finding the marker, route or country under the pointer, selecting,
//! panning, zooming around the pointer, double-click to zoom to a country, F to fit, and the hover tooltips.

use eframe::egui::{self, Pos2, Rect, RichText, Vec2, pos2};

use super::{Hovered, MAP_SCALE, MapScene, MapView, Place};
use crate::scene::choropleth::Choropleth;
use crate::scene::map::geometry;
use crate::state::{Action, Document};
use crate::ui::camera::Flight;
use crate::ui::graph::tooltip;

/// How near (screen points) the pointer must be to a marker or a route to hover it.
const MARKER_REACH: f32 = 9.0;
const ROUTE_REACH: f32 = 5.0;
/// How near (screen points) to a country's middle the country is hovered rather than a route over it.
const MIDDLE_ZONE: f32 = 16.0;

impl MapView {
    pub(super) fn hit(&self, scene: &MapScene, viewport: Rect, pointer: Pos2) -> Option<Hovered> {
        if let Some(node) = self.marker_at(scene, viewport, pointer) {
            return Some(Hovered::Node(node));
        }
        let canvas = self.camera.to_canvas(viewport, pointer);
        let map = geometry();
        let country = map.country_index_at([canvas.x / MAP_SCALE, canvas.y / MAP_SCALE]);
        let country_hovered =
            country.map(|country| scene.country_nodes[country].map_or(Hovered::Country(country), Hovered::Node));
        // Routes start, end and turn at the middle of countries: there the country is what the pointer means.
        let at_middle = country.is_some_and(|country| {
            let [x, y] = map.countries[country].label_at;
            (self.camera.to_screen(viewport, pos2(x * MAP_SCALE, y * MAP_SCALE)) - pointer).length() < MIDDLE_ZONE
        });
        if at_middle {
            return country_hovered;
        }
        self.route_at(scene, viewport, pointer).map(Hovered::Edge).or(country_hovered)
    }

    fn marker_at(&self, scene: &MapScene, viewport: Rect, pointer: Pos2) -> Option<usize> {
        let countries = &geometry().countries;
        let small = super::picture::SMALL_COUNTRY;
        scene
            .places
            .iter()
            .enumerate()
            .filter_map(|(node, place)| {
                let at = match *place {
                    Place::Point(point) => point,
                    Place::Country(country) => {
                        let country = &countries[country];
                        let [width, height] = country.bounds.size();
                        if width.max(height) * MAP_SCALE * self.camera.zoom >= small {
                            return None;
                        }
                        pos2(country.label_at[0] * MAP_SCALE, country.label_at[1] * MAP_SCALE)
                    }
                    Place::Nowhere => return None,
                };
                let distance = (self.camera.to_screen(viewport, at) - pointer).length();
                (distance <= MARKER_REACH).then_some((node, distance))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(node, _)| node)
    }

    fn route_at(&self, scene: &MapScene, viewport: Rect, pointer: Pos2) -> Option<usize> {
        let canvas = self.camera.to_canvas(viewport, pointer);
        let reach = ROUTE_REACH / self.camera.zoom;
        scene
            .paths
            .iter()
            .enumerate()
            .filter(|(index, _)| scene.path_bounds[*index].expand(reach).contains(canvas))
            .filter_map(|(index, path)| {
                let distance = path.as_ref()?.windows(2).map(|pair| distance_to_segment(canvas, pair[0], pair[1]));
                let distance = distance.fold(f32::INFINITY, f32::min);
                (distance <= reach).then_some((index, distance))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(index, _)| index)
    }

    pub(super) fn handle_pointer(
        &mut self,
        response: &egui::Response,
        scene: &MapScene,
        hovered: Option<Hovered>,
        actions: &mut Vec<Action>,
    ) {
        let viewport = response.rect;
        if response.dragged() {
            self.flight = None;
            self.camera.pan_by_screen(response.drag_delta());
        }
        if response.double_clicked() {
            self.zoom_to(scene, viewport, hovered, response);
        } else if response.clicked() {
            let additive = response.ctx.input(|input| input.modifiers.shift);
            match hovered {
                Some(Hovered::Node(node)) => {
                    actions.push(Action::Select { id: scene.graph.nodes[node].id.clone(), additive })
                }
                Some(Hovered::Edge(_)) => {}
                Some(Hovered::Country(_)) | None if !additive => actions.push(Action::ClearSelection),
                _ => {}
            }
        }
        if response.hovered() {
            let (scroll, pinch) = response.ctx.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
            let factor = (scroll * 0.002).exp() * pinch;
            if (factor - 1.0).abs() > 1e-4
                && let Some(pointer) = response.hover_pos()
            {
                self.flight = None;
                self.camera.zoom_around(viewport, pointer, factor);
            }
        }
    }

    /// A double-click on a country flies to it; elsewhere it zooms in twofold around the pointer.
    fn zoom_to(&mut self, scene: &MapScene, viewport: Rect, hovered: Option<Hovered>, response: &egui::Response) {
        let country = match hovered {
            Some(Hovered::Country(country)) => Some(country),
            Some(Hovered::Node(node)) => match scene.places[node] {
                Place::Country(country) => Some(country),
                _ => None,
            },
            _ => None,
        };
        let time = response.ctx.input(|input| input.time);
        let goal = match country {
            Some(country) => {
                let map = geometry();
                self.camera_for(super::canvas_rect(map.mainland_bounds(&map.countries[country])), viewport)
            }
            None => {
                let mut camera = self.camera;
                let pointer = response.hover_pos().unwrap_or(viewport.center());
                camera.zoom_around(viewport, pointer, 2.0);
                camera
            }
        };
        self.flight = Some(Flight { from: self.camera, to: goal, started: time });
        response.ctx.request_repaint();
    }

    pub(super) fn handle_keys(&mut self, ui: &egui::Ui) {
        let typing = ui.ctx().memory(|memory| memory.focused().is_some());
        if !typing && ui.input(|input| input.key_pressed(egui::Key::F) && input.modifiers.is_none()) {
            self.pending_fit = true;
            self.flight = None;
            ui.ctx().request_repaint();
        }
    }
}

/// The tooltip of what the pointer is over: an actor (with its key facts), a route or link, or a country that is
/// not in the scenario.
pub(super) fn tooltip(
    response: &egui::Response,
    document: &Document,
    scene: &MapScene,
    hovered: Hovered,
    year: Option<i32>,
    choropleth: Option<&Choropleth>,
) {
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        if let (Some(choropleth), Hovered::Node(node)) = (choropleth, hovered) {
            let id = &scene.graph.nodes[node].id;
            ui.label(RichText::new(format!("{}: {}", scene.graph.nodes[node].name, choropleth.describe(id))).strong());
            ui.weak(&choropleth.title);
            ui.separator();
        }
        match hovered {
            Hovered::Node(node) => {
                tooltip::item_ui(ui, &document.scenario, &scene.graph, tooltip::Item::Node(node), year);
                ui.weak("Click to select, shift-click to add, double-click to zoom to it.");
            }
            Hovered::Edge(edge) => {
                tooltip::item_ui(ui, &document.scenario, &scene.graph, tooltip::Item::Edge(edge), year)
            }
            Hovered::Country(country) => {
                ui.label(RichText::new(&geometry().countries[country].name).strong());
                ui.weak("Not an actor in this scenario");
            }
        }
    });
}

fn distance_to_segment(point: Pos2, start: Pos2, end: Pos2) -> f32 {
    let segment: Vec2 = end - start;
    let length_squared = segment.length_sq();
    if length_squared <= f32::EPSILON {
        return (point - start).length();
    }
    let t = ((point - start).dot(segment) / length_squared).clamp(0.0, 1.0);
    (point - (start + segment * t)).length()
}
