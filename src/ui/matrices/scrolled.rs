//! A grid in its scroll area, with the overview of the whole matrix beside it when the matrix is large: which
//! cells the scroll area shows, marked on the overview, and the scroll position that centres the grid on the
//! cell a click or drag in the overview points at (applied on the next frame).

use eframe::egui::{self, Rangef, Rect, Vec2};

use super::grid::CELL;
use super::overview::{CellWindow, Overview};

/// A scroll position asked for by the overview, for the scroll area named `id_salt`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScrollRequest {
    id_salt: &'static str,
    offset: Vec2,
}

/// Shows `content` (which draws the grid and returns where its cells are on screen) in a scroll area, and the
/// overview, with the selected rows marked, in a column on the right when there is one.
pub fn ui(
    ui: &mut egui::Ui,
    id_salt: &'static str,
    overview: Option<(&Overview, &[usize])>,
    request: &mut Option<ScrollRequest>,
    content: impl FnOnce(&mut egui::Ui) -> Rect,
) {
    let mut area = egui::ScrollArea::both().id_salt(id_salt).auto_shrink([false, false]);
    // Taken whichever grid is shown, so that a request left by a grid since hidden does not move it later.
    if let Some(wanted) = request.take()
        && wanted.id_salt == id_salt
    {
        area = area.scroll_offset(wanted.offset);
    }
    let Some((overview, selected_rows)) = overview else {
        area.show(ui, content);
        return;
    };
    let whole = ui.available_rect_before_wrap();
    let gap = ui.spacing().item_spacing.x * 2.0;
    let grid_rect = whole.with_max_x((whole.right() - overview.panel_width() - gap).max(whole.left()));
    let side_rect = whole.with_min_x(grid_rect.right() + gap);
    let output = ui.scope_builder(egui::UiBuilder::new().max_rect(grid_rect), |ui| area.show(ui, content)).inner;
    let cells = output.inner;
    let window = visible_window(output.inner_rect, cells, overview.rows(), overview.columns());
    let side = egui::UiBuilder::new().max_rect(side_rect).layout(egui::Layout::top_down(egui::Align::Min));
    let target = ui.scope_builder(side, |ui| overview.ui(ui, window, selected_rows)).inner;
    if let Some(target) = target {
        let scrolled = Scrolled {
            viewport: output.inner_rect,
            offset: output.state.clamped_offset(),
            content_size: output.content_size,
            cells,
        };
        *request = Some(ScrollRequest { id_salt, offset: scrolled.offset_centred_on(target) });
        ui.ctx().request_repaint();
    }
}

/// The cells the viewport shows, in cells from the top-left of the matrix; `None` when no cell is in view.
pub fn visible_window(viewport: Rect, cells: Rect, rows: usize, columns: usize) -> Option<CellWindow> {
    let shown = viewport.intersect(cells);
    if !shown.is_positive() {
        return None;
    }
    let span = |from: f32, to: f32, count: usize| {
        let count = count as f32;
        Rangef::new((from / CELL).clamp(0.0, count), (to / CELL).clamp(0.0, count))
    };
    Some(CellWindow {
        rows: span(shown.top() - cells.top(), shown.bottom() - cells.top(), rows),
        columns: span(shown.left() - cells.left(), shown.right() - cells.left(), columns),
    })
}

/// A scroll area as it was drawn this frame.
struct Scrolled {
    /// Where the scroll area shows its content on screen.
    viewport: Rect,
    offset: Vec2,
    content_size: Vec2,
    /// Where the grid's cells are on screen (they start after the row and column labels).
    cells: Rect,
}

impl Scrolled {
    /// The offset that brings the point `target` (column, row, in cells) to the middle of the viewport, as near as
    /// the content's edges allow.
    fn offset_centred_on(&self, target: Vec2) -> Vec2 {
        let on_screen = self.cells.min + target * CELL;
        let wanted = self.offset + (on_screen - self.viewport.center());
        let furthest = (self.content_size - self.viewport.size()).max(Vec2::ZERO);
        wanted.clamp(Vec2::ZERO, furthest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A viewport of 340 × 680 points at (100, 50), scrolled by `offset`, over a grid of 195 rows and 6 columns
    /// whose labels take 150 points on the left and 60 on top, with a summary under it 400 points high and
    /// 300 points wider than the grid.
    fn scrolled(offset: Vec2) -> Scrolled {
        let viewport = Rect::from_min_size(egui::pos2(100.0, 50.0), egui::vec2(340.0, 680.0));
        let content_min = viewport.min - offset;
        let cells = Rect::from_min_size(content_min + egui::vec2(150.0, 60.0), egui::vec2(6.0, 195.0) * CELL);
        let content_size = egui::vec2(150.0 + 6.0 * CELL + 300.0, 60.0 + 195.0 * CELL + 400.0);
        Scrolled { viewport, offset, content_size, cells }
    }

    #[test]
    fn the_window_starts_after_the_labels_and_counts_cells() {
        let top = scrolled(Vec2::ZERO);
        let window = visible_window(top.viewport, top.cells, 195, 6).expect("cells in view");
        // 60 points of column labels, then 620 points of cells: rows 0 to 18.2.
        assert_eq!(window.rows, Rangef::new(0.0, 620.0 / CELL));
        assert_eq!(window.columns, Rangef::new(0.0, 190.0 / CELL), "the row labels take 150 of 340 points");
        let lower = scrolled(egui::vec2(0.0, 60.0 + 100.0 * CELL));
        let window = visible_window(lower.viewport, lower.cells, 195, 6).unwrap();
        assert_eq!(window.rows, Rangef::new(100.0, 120.0));
        let past = scrolled(egui::vec2(0.0, 60.0 + 196.0 * CELL));
        assert_eq!(visible_window(past.viewport, past.cells, 195, 6), None, "only the summary under the grid");
    }

    #[test]
    fn a_click_centres_the_grid_on_the_cell_within_the_content() {
        let top = scrolled(Vec2::ZERO);
        // Row 100's middle is 60 + 100.5 cells down the content; half the viewport (340 high) above it.
        let offset = top.offset_centred_on(egui::vec2(3.0, 100.5));
        assert_eq!(offset.y, 60.0 + 100.5 * CELL - 340.0);
        assert_eq!(offset.x, 150.0 + 3.0 * CELL - 170.0);
        // From anywhere, the same cell gives the same offset.
        assert_eq!(scrolled(egui::vec2(20.0, 1_000.0)).offset_centred_on(egui::vec2(3.0, 100.5)), offset);
        // Near the edges the offset stops where the content does.
        assert_eq!(top.offset_centred_on(egui::vec2(0.0, 0.0)), Vec2::ZERO);
        let beyond = top.offset_centred_on(egui::vec2(100.0, 1_000.0));
        assert_eq!(beyond, top.content_size - top.viewport.size());
    }
}
