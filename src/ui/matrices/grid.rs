//! A labelled grid of coloured cells, painted: row names on the left, column names written upwards on top, a
//! crosshair on the hovered row and column. Each cell is also an accessibility entry, so screen readers (and
//! tests) can read what it shows.

use std::f32::consts::FRAC_PI_2;

use eframe::egui::{self, Align2, Color32, FontId, Rect, Sense, Stroke};

pub const CELL: f32 = 34.0;
const LABEL_GAP: f32 = 8.0;
/// Above this many visible cells they are not described one by one to assistive technology.
const MAX_DESCRIBED_CELLS: usize = 2_500;

/// How one cell looks and reads.
pub struct CellLook {
    pub fill: Color32,
    /// A short text inside the cell (a letter, a number), so that colour is never the only cue.
    pub text: String,
    pub text_colour: Color32,
    /// What a screen reader says, e.g. "Serbia on sanctions against Russia: refuses".
    pub description: String,
}

/// The grid's row and column names, and the bloc of each (a thicker line separates one bloc from the next).
pub struct Axes<'a> {
    pub rows: &'a [String],
    pub columns: &'a [String],
    pub row_blocs: &'a [Option<String>],
    pub column_blocs: &'a [Option<String>],
}

/// What happened to the grid this frame.
pub struct GridResponse {
    pub response: egui::Response,
    pub hovered: Option<(usize, usize)>,
    /// Where the cells are on screen (without the labels), for the overview to work out what is in view.
    pub cells: Rect,
}

pub fn show(
    ui: &mut egui::Ui,
    id_salt: &str,
    axes: &Axes<'_>,
    selected_rows: &dyn Fn(usize) -> bool,
    look: &dyn Fn(usize, usize) -> Option<CellLook>,
) -> GridResponse {
    let (rows, columns) = (axes.rows, axes.columns);
    let font = FontId::proportional(14.0);
    let widest = |labels: &[String]| {
        let painter = ui.painter();
        labels
            .iter()
            .map(|label| painter.layout_no_wrap(label.clone(), font.clone(), Color32::WHITE).size().x)
            .fold(0.0, f32::max)
    };
    let row_label_width = widest(rows) + LABEL_GAP;
    let column_label_height = widest(columns) + LABEL_GAP;
    let size = egui::vec2(
        row_label_width + CELL * columns.len() as f32 + 2.0,
        column_label_height + CELL * rows.len() as f32 + 2.0,
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let origin = rect.min + egui::vec2(row_label_width, column_label_height);
    let cell_rect = |row: usize, column: usize| {
        Rect::from_min_size(origin + egui::vec2(column as f32 * CELL, row as f32 * CELL), egui::vec2(CELL, CELL))
    };
    let hovered = response.hover_pos().and_then(|pointer| {
        let offset = pointer - origin;
        let (row, column) = ((offset.y / CELL).floor(), (offset.x / CELL).floor());
        (row >= 0.0 && column >= 0.0 && (row as usize) < rows.len() && (column as usize) < columns.len())
            .then_some((row as usize, column as usize))
    });
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals().clone();
    if let Some((row, column)) = hovered {
        let highlight = visuals.selection.bg_fill.gamma_multiply(0.35);
        let row_band = Rect::from_min_max(
            egui::pos2(rect.left(), cell_rect(row, 0).top()),
            cell_rect(row, columns.len() - 1).right_bottom(),
        );
        let column_band = Rect::from_min_max(
            egui::pos2(cell_rect(0, column).left(), rect.top()),
            cell_rect(rows.len() - 1, column).right_bottom(),
        );
        painter.rect_filled(row_band, 0.0, highlight);
        painter.rect_filled(column_band, 0.0, highlight);
    }
    // Only what is inside the scrolled view is drawn, so that large matrices stay fast.
    let visible = ui.clip_rect().intersect(rect);
    let span = |from: f32, to: f32, count: usize| {
        let first = ((from / CELL).floor().max(0.0) as usize).min(count);
        let last = ((to / CELL).ceil().max(0.0) as usize).min(count);
        first..last
    };
    let visible_rows = span(visible.top() - origin.y, visible.bottom() - origin.y, rows.len());
    let visible_columns = span(visible.left() - origin.x, visible.right() - origin.x, columns.len());
    for (row, label) in rows.iter().enumerate().skip(visible_rows.start).take(visible_rows.len()) {
        let colour = if selected_rows(row) { visuals.selection.stroke.color } else { visuals.strong_text_color() };
        let anchor = cell_rect(row, 0).left_center() - egui::vec2(LABEL_GAP / 2.0, 0.0);
        painter.text(anchor, Align2::RIGHT_CENTER, label, font.clone(), colour);
    }
    for (column, label) in columns.iter().enumerate().skip(visible_columns.start).take(visible_columns.len()) {
        let galley = painter.layout_no_wrap(label.clone(), font.clone(), visuals.strong_text_color());
        // Written upwards, its baseline along the column's centre, ending just above the first row.
        let bottom = cell_rect(0, column).center_top() - egui::vec2(galley.size().y / 2.0, LABEL_GAP / 2.0);
        painter.add(egui::epaint::TextShape::new(bottom, galley, visuals.strong_text_color()).with_angle(-FRAC_PI_2));
    }
    let describe = visible_rows.len() * visible_columns.len() <= MAX_DESCRIBED_CELLS;
    let grid_line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    for row in visible_rows.clone() {
        for column in visible_columns.clone() {
            let cell = cell_rect(row, column);
            painter.rect_stroke(cell, 0.0, grid_line, egui::StrokeKind::Inside);
            let Some(look) = look(row, column) else { continue };
            painter.rect_filled(cell.shrink(1.5), 3.0, look.fill);
            painter.text(
                cell.center(),
                Align2::CENTER_CENTER,
                &look.text,
                FontId::proportional(13.0),
                look.text_colour,
            );
            if describe {
                let id = response.id.with((id_salt, row, column));
                let role = egui::accesskit::Role::Cell;
                crate::ui::accessibility::describe(ui.ctx(), id, role, look.description, cell, false);
            }
        }
    }
    let separator = Stroke::new(2.5, visuals.strong_text_color().gamma_multiply(0.6));
    let last_cell = cell_rect(rows.len() - 1, columns.len() - 1);
    for row in bloc_boundaries(axes.row_blocs) {
        let y = cell_rect(row, 0).top();
        painter.line_segment([egui::pos2(rect.left(), y), egui::pos2(last_cell.right(), y)], separator);
    }
    for column in bloc_boundaries(axes.column_blocs) {
        let x = cell_rect(0, column).left();
        painter.line_segment([egui::pos2(x, rect.top()), egui::pos2(x, last_cell.bottom())], separator);
    }
    let cells = Rect::from_min_size(origin, egui::vec2(CELL * columns.len() as f32, CELL * rows.len() as f32));
    GridResponse { response, hovered, cells }
}

/// The indices where a new bloc starts (never the first).
fn bloc_boundaries(blocs: &[Option<String>]) -> Vec<usize> {
    (1..blocs.len()).filter(|&index| blocs[index] != blocs[index - 1]).collect()
}

/// Black or white, whichever reads better on `fill`.
pub fn text_colour_on(fill: Color32) -> Color32 {
    let [red, green, blue, alpha] = fill.to_srgba_unmultiplied();
    crate::scene::marks::text_colour_on(crate::scene::Rgba(red, green, blue, alpha)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_fall_where_the_bloc_changes() {
        let blocs = ["EU", "EU", "", "", "NATO"].map(|bloc| (!bloc.is_empty()).then(|| bloc.to_owned()));
        assert_eq!(bloc_boundaries(&blocs), [2, 4]);
        assert!(bloc_boundaries(&[]).is_empty());
    }
}
