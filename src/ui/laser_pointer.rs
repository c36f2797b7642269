//! The presenter's pointer. While a story is shown, a pane of glass lies over the slide and takes the mouse, so
//! that a pointer resting on the slide raises no tooltip, highlights nothing and moves nothing behind it. When the
//! teacher moves the mouse to point at something, a red laser dot is drawn instead of the arrow; it fades once the
//! mouse rests. Draws only: it returns no actions and changes no state.

use eframe::egui::{self, Color32, CursorIcon, Id, LayerId, Order, Pos2, Rect, Sense, Stroke};

/// How long the dot stays after the mouse stops, in seconds.
pub const SHOWN_FOR: f32 = 2.5;
/// How long it takes to fade out at the end, in seconds.
const FADING: f32 = 0.5;
const RADIUS: f32 = 9.0;

/// Covers `slide` for this frame and draws the laser dot where the mouse points, if it moved lately. Returns where
/// the dot is drawn, if it is.
pub fn cover(ctx: &egui::Context, slide: Rect) -> Option<Pos2> {
    let glass = egui::Area::new(Id::NULL.with("presenter_glass"))
        .order(Order::Middle)
        .fixed_pos(slide.min)
        .movable(false)
        .show(ctx, |ui| ui.allocate_rect(slide, Sense::click_and_drag()));
    let pointer = glass.inner.hover_pos()?;
    ctx.set_cursor_icon(CursorIcon::None);
    let still_for = ctx.input(|input| input.pointer.time_since_last_movement());
    let opacity = visibility(still_for);
    if opacity <= 0.0 {
        return None;
    }
    // Repaint while the dot fades, and once more to take it away.
    ctx.request_repaint_after_secs(if still_for < SHOWN_FOR - FADING { SHOWN_FOR - FADING - still_for } else { 0.03 });
    paint_dot(&ctx.layer_painter(LayerId::new(Order::Foreground, Id::NULL.with("laser_dot"))), pointer, opacity);
    Some(pointer)
}

/// How visible the dot is, from 1 (the mouse just moved) to 0 (it has rested for [`SHOWN_FOR`] seconds).
pub fn visibility(still_for: f32) -> f32 {
    if !still_for.is_finite() || still_for >= SHOWN_FOR { 0.0 } else { ((SHOWN_FOR - still_for) / FADING).min(1.0) }
}

/// A bright red dot with a soft glow and a thin white rim, seen on light and dark slides alike.
fn paint_dot(painter: &egui::Painter, at: Pos2, opacity: f32) {
    let red = |alpha: f32| Color32::from_rgba_unmultiplied(235, 20, 20, (alpha * opacity * 255.0) as u8);
    painter.circle_filled(at, RADIUS * 2.2, red(0.18));
    painter.circle_filled(at, RADIUS * 1.5, red(0.3));
    let rim = Stroke::new(1.5, Color32::WHITE.gamma_multiply(opacity));
    painter.circle(at, RADIUS, red(1.0), rim);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dot_shows_when_the_mouse_moves_and_fades_once_it_rests() {
        assert_eq!(visibility(0.0), 1.0);
        assert_eq!(visibility(SHOWN_FOR - FADING), 1.0);
        assert!((visibility(SHOWN_FOR - FADING / 2.0) - 0.5).abs() < 1e-4);
        assert_eq!(visibility(SHOWN_FOR), 0.0);
        assert_eq!(visibility(f32::INFINITY), 0.0, "a mouse that never moved shows no dot");
    }
}
