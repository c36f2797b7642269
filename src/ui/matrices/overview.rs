//! The whole matrix in a small picture beside the grid, with the part the grid shows marked on it. One texel
//! per cell up to `MAX_TEXELS` a side; past that each texel stands for a block of cells and takes the colour
//! most of its filled cells have. The picture is an egui texture, built once with the matrix (not per frame);
//! empty cells are transparent, so the panel's colour shows through in either theme. Clicking or dragging on
//! the picture says which cell to centre the grid on.

use std::collections::HashMap;

use eframe::egui::{self, Color32, ColorImage, Rangef, Rect, RichText, Sense, Stroke, TextureHandle};

/// The most texels along either side of the picture.
const MAX_TEXELS: usize = 240;
/// The picture's longest side on screen, in points.
const MAX_SIDE: f32 = 240.0;
/// A cell is at most this big in the picture, so that a small matrix stays small.
const MAX_CELL: f32 = 8.0;
/// Neither side of the picture is narrower than this, so that a matrix of few columns can still be clicked.
const MIN_SIDE: f32 = 72.0;
/// The column beside the grid is at least this wide, for the captions under the picture.
const CAPTION_WIDTH: f32 = 200.0;

/// The part of the matrix the grid shows, in cells (fractional at the edges): rows from the top, columns from
/// the left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellWindow {
    pub rows: Rangef,
    pub columns: Rangef,
}

/// The picture of one matrix, and its size in cells.
pub struct Overview {
    texture: TextureHandle,
    rows: usize,
    columns: usize,
}

impl Overview {
    /// Uploads the picture of a `rows` × `columns` matrix whose filled cells have the given colours.
    pub fn new(
        ctx: &egui::Context,
        name: &str,
        rows: usize,
        columns: usize,
        cells: impl Iterator<Item = ((usize, usize), Color32)>,
    ) -> Self {
        let image = picture(rows, columns, cells);
        let texture = ctx.load_texture(format!("matrix overview: {name}"), image, egui::TextureOptions::NEAREST);
        Overview { texture, rows, columns }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The width of the column beside the grid: the picture, and the captions under it.
    pub fn panel_width(&self) -> f32 {
        display_size(self.rows, self.columns).x.max(CAPTION_WIDTH)
    }

    /// Draws the picture with `window` and the selected rows marked. Returns the cell (column, row, fractional)
    /// a click or drag asks the grid to centre on.
    pub fn ui(&self, ui: &mut egui::Ui, window: Option<CellWindow>, selected_rows: &[usize]) -> Option<egui::Vec2> {
        ui.label(RichText::new("Whole matrix").strong());
        let size = display_size(self.rows, self.columns);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let visuals = ui.visuals();
        let painter = ui.painter_at(rect.expand(2.0));
        painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
        let whole_texture = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(self.texture.id(), rect, whole_texture, Color32::WHITE);
        painter.rect_stroke(rect, 0.0, visuals.widgets.noninteractive.bg_stroke, egui::StrokeKind::Outside);
        if let Some(window) = window {
            mark_window(&painter, rect, self.window_rect(rect, window), visuals);
        }
        self.mark_rows(&painter, rect, selected_rows, visuals);
        let description = self.description(window);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description));
        let cursor = if response.dragged() { egui::CursorIcon::Grabbing } else { egui::CursorIcon::Grab };
        let response = response.on_hover_cursor(cursor);
        ui.weak(window.map_or_else(|| "The grid is scrolled past the cells.".to_owned(), window_caption));
        ui.weak("Click or drag to move the grid there.");
        let pointer = response.interact_pointer_pos().filter(|_| response.clicked() || response.dragged())?;
        let fraction = ((pointer - rect.min) / rect.size()).clamp(egui::Vec2::ZERO, egui::Vec2::splat(1.0));
        Some(fraction * egui::vec2(self.columns as f32, self.rows as f32))
    }

    /// Where `window` falls on the picture drawn at `rect`, at least a few points a side so that it shows.
    fn window_rect(&self, rect: Rect, window: CellWindow) -> Rect {
        let (rows, columns) = (self.rows.max(1) as f32, self.columns.max(1) as f32);
        let x = |column: f32| rect.left() + rect.width() * column / columns;
        let y = |row: f32| rect.top() + rect.height() * row / rows;
        let marked = Rect::from_x_y_ranges(
            x(window.columns.min)..=x(window.columns.max),
            y(window.rows.min)..=y(window.rows.max),
        );
        let shortest = 6.0;
        Rect::from_center_size(marked.center(), marked.size().max(egui::Vec2::splat(shortest))).intersect(rect)
    }

    /// A line across the picture for each selected row, in the selection's colour, so that a selected actor is
    /// found among thousands of rows.
    fn mark_rows(&self, painter: &egui::Painter, rect: Rect, rows: &[usize], visuals: &egui::Visuals) {
        let row_height = rect.height() / self.rows.max(1) as f32;
        let stroke = Stroke::new(2.0, visuals.selection.stroke.color);
        for &row in rows {
            let y = rect.top() + row_height * (row as f32 + 0.5);
            painter.line_segment([egui::pos2(rect.left() - 2.0, y), egui::pos2(rect.right() + 2.0, y)], stroke);
        }
    }

    /// What a screen reader says (and tests read): the matrix's size and which part the grid shows.
    fn description(&self, window: Option<CellWindow>) -> String {
        let size = format!("Whole matrix: {} rows × {} columns", self.rows, self.columns);
        match window {
            Some(window) => format!("{size}; the grid shows {}", window_caption(window).to_lowercase()),
            None => format!("{size}; the grid is scrolled past the cells"),
        }
    }
}

/// "Rows 21–40, columns 1–6", counting from one as people do.
fn window_caption(window: CellWindow) -> String {
    let span = |range: Rangef| {
        let first = range.min.floor() as usize + 1;
        let last = (range.max.ceil() as usize).max(first);
        if first == last { format!("{first}") } else { format!("{first}–{last}") }
    };
    let (rows, columns) = (span(window.rows), span(window.columns));
    let row_word = if rows.contains('–') { "Rows" } else { "Row" };
    let column_word = if columns.contains('–') { "columns" } else { "column" };
    format!("{row_word} {rows}, {column_word} {columns}")
}

/// Darkens the picture outside the window and outlines it twice (dark and light), so that it shows on any
/// cell colour in either theme.
fn mark_window(painter: &egui::Painter, picture: Rect, window: Rect, visuals: &egui::Visuals) {
    let shade = Color32::from_black_alpha(110);
    let outside = [
        Rect::from_x_y_ranges(picture.x_range(), picture.top()..=window.top()),
        Rect::from_x_y_ranges(picture.x_range(), window.bottom()..=picture.bottom()),
        Rect::from_x_y_ranges(picture.left()..=window.left(), window.y_range()),
        Rect::from_x_y_ranges(window.right()..=picture.right(), window.y_range()),
    ];
    for part in outside.into_iter().filter(|part| part.is_positive()) {
        painter.rect_filled(part, 0.0, shade);
    }
    painter.rect_stroke(window, 0.0, Stroke::new(3.0, Color32::BLACK), egui::StrokeKind::Middle);
    let light = if visuals.dark_mode { Color32::WHITE } else { visuals.selection.stroke.color };
    painter.rect_stroke(window, 0.0, Stroke::new(1.5, light), egui::StrokeKind::Middle);
}

/// The picture's size on screen, in whole points: square cells as large as fit in `MAX_SIDE` (at most
/// `MAX_CELL`), each side at least `MIN_SIDE`.
pub fn display_size(rows: usize, columns: usize) -> egui::Vec2 {
    let longest = rows.max(columns).max(1) as f32;
    let cell = (MAX_SIDE / longest).min(MAX_CELL);
    let side = |count: usize| (count as f32 * cell).round().max(MIN_SIDE);
    egui::vec2(side(columns), side(rows))
}

/// The picture of a `rows` × `columns` matrix: one texel per cell, or per block of cells past `MAX_TEXELS`, in
/// the colour most of its filled cells have (equal counts go to the smaller colour value, so that the picture
/// does not depend on the order of `cells`). Texels with no filled cell are transparent.
pub fn picture(rows: usize, columns: usize, cells: impl Iterator<Item = ((usize, usize), Color32)>) -> ColorImage {
    let [width, height] = [columns.clamp(1, MAX_TEXELS), rows.clamp(1, MAX_TEXELS)];
    let mut tallies: HashMap<usize, Vec<(Color32, u32)>> = HashMap::new();
    for ((row, column), colour) in cells {
        if row >= rows || column >= columns {
            continue;
        }
        let texel = (row * height / rows) * width + column * width / columns;
        let tally = tallies.entry(texel).or_default();
        match tally.iter_mut().find(|(known, _)| *known == colour) {
            Some((_, count)) => *count += 1,
            None => tally.push((colour, 1)),
        }
    }
    let mut pixels = vec![Color32::TRANSPARENT; width * height];
    for (texel, tally) in tallies {
        let commonest = tally
            .into_iter()
            .max_by(|(a, a_count), (b, b_count)| a_count.cmp(b_count).then_with(|| b.to_array().cmp(&a.to_array())));
        if let Some((colour, _)) = commonest {
            pixels[texel] = colour;
        }
    }
    ColorImage::new([width, height], pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: Color32 = Color32::from_rgb(200, 0, 0);
    const BLUE: Color32 = Color32::from_rgb(0, 0, 200);

    #[test]
    fn a_small_matrix_gets_one_texel_per_cell_and_empty_cells_stay_clear() {
        let image = picture(2, 3, [((0, 0), RED), ((1, 2), BLUE), ((5, 0), RED)].into_iter());
        assert_eq!(image.size, [3, 2]);
        assert_eq!(
            image.pixels,
            [RED, Color32::TRANSPARENT, Color32::TRANSPARENT, Color32::TRANSPARENT, Color32::TRANSPARENT, BLUE]
        );
    }

    #[test]
    fn a_large_matrix_is_summed_up_by_blocks_in_their_commonest_colour() {
        // 480 × 480 cells: each texel covers 2 × 2 cells.
        let cells = [((0, 0), RED), ((0, 1), BLUE), ((1, 1), BLUE), ((479, 479), RED), ((478, 478), BLUE)];
        let image = picture(480, 480, cells.into_iter());
        assert_eq!(image.size, [240, 240]);
        assert_eq!(image.pixels[0], BLUE, "two blue cells outvote one red");
        // One of each: the tie goes to the smaller colour value (blue), whatever the order of the cells.
        assert_eq!(image.pixels[240 * 240 - 1], BLUE);
        assert_eq!(image.pixels.iter().filter(|pixel| **pixel != Color32::TRANSPARENT).count(), 2);
        let reversed = picture(480, 480, cells.into_iter().rev());
        assert_eq!(reversed.pixels, image.pixels);
    }

    #[test]
    fn tall_narrow_matrices_get_a_picture_wide_enough_to_click() {
        assert_eq!(display_size(195, 6), egui::vec2(MIN_SIDE, 240.0));
        assert_eq!(display_size(10, 10), egui::vec2(80.0, 80.0), "small cells stay at most eight points");
        assert_eq!(display_size(2_000, 2_000), egui::vec2(240.0, 240.0));
        assert_eq!(picture(0, 0, std::iter::empty()).size, [1, 1], "an empty matrix gives a blank texel");
    }

    #[test]
    fn the_caption_counts_from_one() {
        let window = CellWindow { rows: Rangef::new(20.0, 39.5), columns: Rangef::new(0.0, 6.0) };
        assert_eq!(window_caption(window), "Rows 21–40, columns 1–6");
        let one = CellWindow { rows: Rangef::new(3.0, 4.0), columns: Rangef::new(0.2, 0.9) };
        assert_eq!(window_caption(one), "Row 4, column 1");
    }
}
