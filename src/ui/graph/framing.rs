//! Where the camera goes: fitting the graph or a step's focus into the canvas (clear of the legend), flying there
//! smoothly for a presentation, and centring on a searched actor.

use eframe::egui::{self, Pos2, Rect, Vec2};

use super::{CameraGoal, FOCUS_MAX_ZOOM, GraphView, legend};
use crate::model::StoryCamera;
use crate::ui::camera::{self, Camera, Flight};

impl GraphView {
    pub(super) fn fit(&mut self, viewport: Rect) {
        let Some((_, scene, _)) = &self.scene else { return };
        let all: Vec<usize> = (0..scene.nodes.len()).collect();
        if let Some(fitted) = self.camera_fitting(viewport, &all, 24.0) {
            self.camera = fitted;
        }
    }

    /// Fits the graph when asked to, and on a document's first sight: then frame after frame while its layout runs
    /// (so that a large graph unfolding on its worker is seen whole, not off screen), until the layout ends or the
    /// person pans or zooms.
    pub(super) fn frame_the_graph(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        document_id: u64,
        layout_busy: bool,
    ) {
        let first_sight = self.fitted_document != Some(document_id);
        let moved_by_hand = response.dragged()
            || (response.hovered()
                && ui.input(|input| input.smooth_scroll_delta != Vec2::ZERO || input.zoom_delta() != 1.0));
        if first_sight && moved_by_hand {
            self.fitted_document = Some(document_id);
        } else if first_sight || std::mem::take(&mut self.pending_fit) {
            self.fit(response.rect);
            if !layout_busy {
                self.fitted_document = Some(document_id);
            }
        }
    }

    /// A camera showing these scene nodes with a margin, clear of the legend in the top right corner.
    pub(super) fn camera_fitting(&self, viewport: Rect, nodes: &[usize], margin: f32) -> Option<Camera> {
        let (_, scene, radii) = self.scene.as_ref()?;
        let points = nodes.iter().map(|&node| self.canvas_position(scene, node));
        let largest = radii.iter().copied().fold(0.0, f32::max);
        let bounds = camera::bounds(points).expand(largest + margin);
        let mut free = viewport;
        if self.options.show_legend {
            free.max.x -= legend::look(self.presenting).width + 16.0;
        }
        // Names are drawn on screen at a fixed size, centred under their nodes: keep room for the widest at the
        // sides and for one line below, so that none is cut at the edge (more so when the text is drawn larger).
        // Only the names of the leftmost and the rightmost nodes can reach past the sides.
        let size = super::paint::label_size(self.presenting, 1.0);
        let most = free.width() / 6.0;
        let half_name = |node: Option<&usize>| {
            let characters = node.map_or(0, |&node| scene.nodes[node].name.chars().count());
            (characters as f32 * super::paint::AVERAGE_CHARACTER * size / 2.0).min(most)
        };
        let x = |node: &&usize| self.canvas_position(scene, **node).x;
        let (leftmost, rightmost) =
            (nodes.iter().min_by(|a, b| x(a).total_cmp(&x(b))), nodes.iter().max_by(|a, b| x(a).total_cmp(&x(b))));
        free.min.x += half_name(leftmost);
        free.max.x -= half_name(rightmost);
        free.max.y -= (size * 1.4).min(free.height() / 6.0);
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
    pub(super) fn fly(&mut self, ui: &egui::Ui, response: &egui::Response, viewport: Rect, layout_busy: bool) {
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

    pub(super) fn goal_camera(&self, goal: &CameraGoal, viewport: Rect) -> Camera {
        match goal {
            CameraGoal::Exact(camera) => Camera { centre: Pos2::new(camera.x, camera.y), zoom: camera.zoom }.clamped(),
            CameraGoal::Fit(ids) | CameraGoal::Step(ids) => {
                let Some((_, scene, _)) = &self.scene else { return self.camera };
                let mut nodes: Vec<usize> = ids.iter().filter_map(|id| scene.node_by_id.get(id).copied()).collect();
                if matches!(goal, CameraGoal::Step(_)) {
                    // As on a slide: nothing with a link drawn is left out of the frame.
                    nodes.extend((0..scene.nodes.len()).filter(|&node| scene.nodes[node].degree > 0));
                    nodes.extend(self.routes.iter().flat_map(|(_, route)| route.iter().copied()));
                }
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
    pub(super) fn centre_on_actor(&mut self, id: &str) {
        let Some((_, scene, _)) = &self.scene else { return };
        if let Some(&node) = scene.node_by_id.get(id) {
            self.camera.centre = self.canvas_position(scene, node);
            self.camera.zoom = self.camera.zoom.max(1.0);
        }
    }
}
