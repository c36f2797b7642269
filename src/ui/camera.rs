//! Where a canvas is looked at from (the graph's, the map's): a centre in canvas units and a zoom (screen points per unit).

use eframe::egui::{Pos2, Rect, Vec2};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub centre: Pos2,
    pub zoom: f32,
}

const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 20.0;

impl Default for Camera {
    fn default() -> Self {
        Camera { centre: Pos2::ZERO, zoom: 1.0 }
    }
}

impl Camera {
    pub fn to_screen(self, viewport: Rect, canvas: Pos2) -> Pos2 {
        viewport.center() + (canvas - self.centre) * self.zoom
    }

    pub fn to_canvas(self, viewport: Rect, screen: Pos2) -> Pos2 {
        self.centre + (screen - viewport.center()) / self.zoom
    }

    /// The canvas rectangle visible in the viewport.
    #[cfg(test)]
    pub fn visible_canvas(&self, viewport: Rect) -> Rect {
        Rect::from_two_pos(self.to_canvas(viewport, viewport.min), self.to_canvas(viewport, viewport.max))
    }

    pub fn pan_by_screen(&mut self, delta: Vec2) {
        self.centre -= delta / self.zoom;
    }

    /// Zooms by `factor`, keeping the canvas point under `anchor` (the cursor) where it is on screen.
    pub fn zoom_around(&mut self, viewport: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_canvas(viewport, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_canvas(viewport, anchor);
        self.centre += before - after;
    }

    /// Shows all of `bounds` with a margin, centred.
    pub fn fit(viewport: Rect, bounds: Rect, margin: f32) -> Camera {
        if !bounds.is_finite() || viewport.width() <= 2.0 * margin || viewport.height() <= 2.0 * margin {
            return Camera { centre: if bounds.is_finite() { bounds.center() } else { Pos2::ZERO }, zoom: 1.0 };
        }
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom_x = (viewport.width() - 2.0 * margin) / size.x;
        let zoom_y = (viewport.height() - 2.0 * margin) / size.y;
        Camera { centre: bounds.center(), zoom: zoom_x.min(zoom_y).clamp(MIN_ZOOM, MAX_ZOOM) }
    }
}

/// How long the camera takes to move to a presentation step.
pub const FLIGHT_SECONDS: f64 = 0.7;

/// A smooth move from one camera to another, easing in and out; the zoom changes evenly in scale, so that
/// zooming in by 4 passes 2 halfway.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    pub from: Camera,
    pub to: Camera,
    /// When it began, in egui's input time (seconds).
    pub started: f64,
}

impl Flight {
    /// The camera at `time`, and whether the flight has arrived.
    pub fn at(&self, time: f64) -> (Camera, bool) {
        let progress = ((time - self.started) / FLIGHT_SECONDS).clamp(0.0, 1.0) as f32;
        let eased = progress * progress * (3.0 - 2.0 * progress);
        let centre = self.from.centre + (self.to.centre - self.from.centre) * eased;
        let (from_zoom, to_zoom) = (self.from.zoom.max(MIN_ZOOM).ln(), self.to.zoom.max(MIN_ZOOM).ln());
        let zoom = (from_zoom + (to_zoom - from_zoom) * eased).exp();
        (Camera { centre, zoom }, progress >= 1.0)
    }
}

impl Camera {
    /// The same camera with its zoom inside the limits and a finite centre.
    pub fn clamped(self) -> Camera {
        let centre = if self.centre.is_finite() { self.centre } else { Pos2::ZERO };
        let zoom = if self.zoom.is_finite() { self.zoom.clamp(MIN_ZOOM, MAX_ZOOM) } else { 1.0 };
        Camera { centre, zoom }
    }
}

/// The smallest rectangle holding every point (an empty `Rect::NOTHING` when there are none).
pub fn bounds(points: impl Iterator<Item = Pos2>) -> Rect {
    points.fold(Rect::NOTHING, |rect, point| rect.union(Rect::from_min_max(point, point)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    fn viewport() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(800.0, 600.0))
    }

    #[test]
    fn a_flight_starts_where_it_was_ends_at_its_goal_and_zooms_evenly_in_scale() {
        let from = Camera { centre: pos2(0.0, 0.0), zoom: 1.0 };
        let to = Camera { centre: pos2(100.0, -50.0), zoom: 4.0 };
        let flight = Flight { from, to, started: 10.0 };
        assert_eq!(flight.at(10.0), (from, false));
        let (halfway, arrived) = flight.at(10.0 + FLIGHT_SECONDS / 2.0);
        assert!(!arrived);
        assert!((halfway.zoom - 2.0).abs() < 1e-4, "halfway between 1 and 4 in scale is 2: {}", halfway.zoom);
        assert!((halfway.centre - pos2(50.0, -25.0)).length() < 1e-3);
        let (end, arrived) = flight.at(10.0 + FLIGHT_SECONDS * 3.0);
        assert!(arrived);
        assert!((end.centre - to.centre).length() < 1e-3 && (end.zoom - 4.0).abs() < 1e-4);
    }

    #[test]
    fn a_camera_read_from_a_file_is_kept_inside_the_limits() {
        let wild = Camera { centre: pos2(f32::NAN, 3.0), zoom: 1e9 };
        assert_eq!(wild.clamped(), Camera { centre: Pos2::ZERO, zoom: MAX_ZOOM });
    }

    #[test]
    fn screen_and_canvas_are_inverse() {
        let camera = Camera { centre: pos2(10.0, -5.0), zoom: 2.5 };
        let point = pos2(123.0, 45.0);
        let back = camera.to_canvas(viewport(), camera.to_screen(viewport(), point));
        assert!((back - point).length() < 1e-4);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let mut camera = Camera::default();
        let cursor = pos2(600.0, 150.0);
        let under_cursor = camera.to_canvas(viewport(), cursor);
        camera.zoom_around(viewport(), cursor, 3.0);
        assert!((camera.to_screen(viewport(), under_cursor) - cursor).length() < 1e-3);
        assert!((camera.zoom - 3.0).abs() < 1e-6);
    }

    #[test]
    fn fit_shows_all_bounds() {
        let bounds = Rect::from_min_max(pos2(-100.0, -50.0), pos2(300.0, 150.0));
        let camera = Camera::fit(viewport(), bounds, 20.0);
        let visible = camera.visible_canvas(viewport());
        assert!(visible.contains_rect(bounds), "{visible:?} should contain {bounds:?}");
        assert_eq!(camera.centre, pos2(100.0, 50.0));
    }
}
