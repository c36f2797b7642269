//! Where a view's legend goes: the corner of the view where it hides the least of what matters (actors, and
//! more so the ones a story step or the selection is about). Pure placement: it draws nothing and knows no view.

use eframe::egui::{Pos2, Rect, Vec2, pos2, vec2};

/// The corners, in the order they are preferred when they hide equally much: top right first, where legends
/// usually are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    TopRight,
    TopLeft,
    BottomRight,
    BottomLeft,
}

const CORNERS: [Corner; 4] = [Corner::TopRight, Corner::TopLeft, Corner::BottomRight, Corner::BottomLeft];

/// The gap between the legend and the view's edge.
const MARGIN: f32 = 8.0;

/// Room kept around each point, for its marker and name.
const POINT_ROOM: f32 = 14.0;

/// A thing the legend should not hide: where it is on screen, and how much hiding it costs (1 for an actor,
/// more for one the view is about).
pub type Weighted = (Pos2, f32);

/// The legend's rectangle in `corner` of `viewport`.
pub fn rect_in(corner: Corner, viewport: Rect, size: Vec2) -> Rect {
    let (left, right) = (viewport.left() + MARGIN, viewport.right() - MARGIN - size.x);
    let (top, bottom) = (viewport.top() + MARGIN, viewport.bottom() - MARGIN - size.y);
    let min = match corner {
        Corner::TopRight => pos2(right, top),
        Corner::TopLeft => pos2(left, top),
        Corner::BottomRight => pos2(right, bottom),
        Corner::BottomLeft => pos2(left, bottom),
    };
    Rect::from_min_size(min, size)
}

/// How much a legend at `rect` hides.
fn cost(rect: Rect, points: &[Weighted]) -> f32 {
    let room = rect.expand(POINT_ROOM);
    points.iter().filter(|(point, _)| room.contains(*point)).map(|(_, weight)| weight).sum()
}

/// The corner where a legend of `size` hides the least of `points`. The corner it was in (`before`) is kept
/// unless another hides clearly less (by more than one actor), so that the legend does not hop about while the
/// camera moves.
pub fn least_covered(viewport: Rect, size: Vec2, points: &[Weighted], before: Option<Corner>) -> Corner {
    let costs = CORNERS.map(|corner| (corner, cost(rect_in(corner, viewport, size), points)));
    let best = costs.iter().copied().fold(costs[0], |best, next| if next.1 < best.1 { next } else { best });
    match before.and_then(|before| costs.iter().find(|(corner, _)| *corner == before)) {
        Some(&(kept, kept_cost)) if kept_cost <= best.1 + 1.0 => kept,
        _ => best.0,
    }
}

/// Where the legend's top left goes, for `egui::Area::fixed_pos`, with `size` the legend's size in the frame
/// before (a guess of `fallback` in its first frame); remembers the corner in the context's memory under `id`.
pub fn place(
    ctx: &eframe::egui::Context,
    id: eframe::egui::Id,
    viewport: Rect,
    fallback: Vec2,
    points: &[Weighted],
) -> Pos2 {
    let size = ctx.memory(|memory| memory.area_rect(id)).map_or(fallback, |rect| rect.size());
    let size = vec2(size.x.min(viewport.width()), size.y.min(viewport.height()));
    let corner_id = id.with("corner");
    let before = ctx.data(|data| data.get_temp::<Corner>(corner_id));
    let corner = least_covered(viewport, size, points, before);
    ctx.data_mut(|data| data.insert_temp(corner_id, corner));
    rect_in(corner, viewport, size).min
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewport() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 600.0))
    }

    #[test]
    fn the_legend_stays_top_right_when_that_hides_nothing() {
        let points = [(pos2(100.0, 100.0), 1.0), (pos2(500.0, 300.0), 1.0)];
        assert_eq!(least_covered(viewport(), vec2(200.0, 150.0), &points, None), Corner::TopRight);
    }

    #[test]
    fn the_legend_moves_to_the_corner_that_hides_least() {
        // Two actors under the top right corner, one under the top left, none at the bottom right.
        let points = [(pos2(900.0, 50.0), 1.0), (pos2(850.0, 100.0), 1.0), (pos2(50.0, 50.0), 1.0)];
        assert_eq!(least_covered(viewport(), vec2(200.0, 150.0), &points, None), Corner::BottomRight);
        // A focus actor weighs more than two others.
        let points = [(pos2(900.0, 50.0), 5.0), (pos2(50.0, 50.0), 1.0), (pos2(60.0, 60.0), 1.0)];
        assert_eq!(least_covered(viewport(), vec2(200.0, 150.0), &points, None), Corner::BottomRight);
    }

    #[test]
    fn a_corner_is_kept_unless_another_is_clearly_better() {
        // The top left hides one actor, the top right none: one actor is not enough to move it.
        let points = [(pos2(50.0, 50.0), 1.0)];
        let size = vec2(200.0, 150.0);
        assert_eq!(least_covered(viewport(), size, &points, Some(Corner::TopLeft)), Corner::TopLeft);
        let points = [(pos2(50.0, 50.0), 1.0), (pos2(60.0, 70.0), 1.0)];
        assert_eq!(least_covered(viewport(), size, &points, Some(Corner::TopLeft)), Corner::TopRight);
    }

    #[test]
    fn the_rectangles_lie_inside_the_view() {
        for corner in CORNERS {
            let rect = rect_in(corner, viewport(), vec2(200.0, 150.0));
            assert!(viewport().contains_rect(rect), "{corner:?}: {rect:?}");
        }
    }
}
