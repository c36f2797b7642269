//! A matrix on a slide: sanctions stances, ties or ballots as the Matrices tab shows them (a colour and a letter
//! or number per cell), narrowed to the step's focus actors when the whole grid would be too small to read.

use super::scene::{Anchor, Outline, Rgba, Shape, SlideScene};
use super::{Area, render::text_width};
use crate::charts::matrices::{Matrix, sanctions_matrix, ties_matrix, votes_matrix};
use crate::format::signed;
use crate::model::Scenario;
use crate::scene::marks::{ballot_letter, stance_letter};
use crate::scene::palette;
use crate::state::MatrixKind;
use crate::state::ViewState;

/// Above this many rows, only the focus actors' rows are shown.
const READABLE_ROWS: usize = 14;

/// One grid ready to draw: names, and per cell a fill and a short text.
struct Grid {
    title: String,
    rows: Vec<String>,
    columns: Vec<String>,
    cells: Vec<Vec<Option<(Rgba, String)>>>,
    legend: String,
}

pub fn draw(slide: &mut SlideScene, area: Area, scenario: &Scenario, view: &ViewState, kind: MatrixKind, unit: f32) {
    let year = view.chart_year(scenario).unwrap_or_default();
    let grid = match kind {
        MatrixKind::Sanctions => {
            let matrix = sanctions_matrix(scenario, year);
            let cell = |stance: &crate::charts::matrices::StanceCell| {
                (palette::stance(stance.stance), stance_letter(stance.stance).to_owned())
            };
            grid(
                scenario,
                &matrix,
                view,
                cell,
                format!("Sanctions stances in {year}: rows take a stance against columns"),
            )
        }
        MatrixKind::Ties => {
            let matrix = ties_matrix(scenario, year);
            let cell = |tie: &crate::charts::matrices::TieCell| (palette::strength(tie.strength), signed(tie.strength));
            grid(scenario, &matrix, view, cell, format!("Diplomatic ties in {year}, from -1 (hostile) to +1 (allied)"))
        }
        MatrixKind::Votes => {
            let matrix = votes_matrix(scenario);
            let cell = |ballot: &crate::charts::matrices::BallotCell| {
                (palette::ballot(ballot.ballot), ballot_letter(ballot.ballot).to_owned())
            };
            let mut grid = grid(scenario, &matrix, view, cell, "Ballots on every vote".to_owned());
            grid.columns = matrix.columns.clone();
            grid
        }
    };
    let legend = match kind {
        MatrixKind::Sanctions => "I imposes, A aligns, P partial, R refuses, O opposes",
        MatrixKind::Ties => "Green allied, grey neutral, red hostile",
        MatrixKind::Votes => "Y yes, N no, A abstain, - absent; empty: no ballot recorded",
    };
    draw_grid(slide, area, &Grid { legend: legend.to_owned(), ..grid }, unit);
}

/// The rows (narrowed to the focus when there are many) and every column, with names and cell looks.
fn grid<Cell>(
    scenario: &Scenario,
    matrix: &Matrix<Cell>,
    view: &ViewState,
    look: impl Fn(&Cell) -> (Rgba, String),
    title: String,
) -> Grid {
    let mut rows: Vec<usize> = (0..matrix.rows.len()).collect();
    let focused: Vec<usize> = rows.iter().copied().filter(|&row| view.selection.contains(&matrix.rows[row])).collect();
    if rows.len() > READABLE_ROWS && !focused.is_empty() {
        rows = focused;
    }
    let cells = rows
        .iter()
        .map(|&row| (0..matrix.columns.len()).map(|column| matrix.cell(row, column).map(&look)).collect())
        .collect();
    Grid {
        title,
        rows: rows.iter().map(|&row| scenario.actor_name(&matrix.rows[row]).to_owned()).collect(),
        columns: matrix.columns.iter().map(|id| scenario.actor_name(id).to_owned()).collect(),
        cells,
        legend: String::new(),
    }
}

fn draw_grid(slide: &mut SlideScene, area: Area, grid: &Grid, unit: f32) {
    let label_size = 24.0 * unit;
    super::view_title(slide, area, &grid.title, unit);
    if grid.rows.is_empty() || grid.columns.is_empty() {
        slide.text(
            area.centre(),
            "Nothing recorded for this year.",
            30.0 * unit,
            slide.colours().ink,
            Anchor::Middle,
            false,
        );
        return;
    }
    let widest = |names: &[String]| names.iter().map(|name| text_width(name, label_size)).fold(0.0, f32::max);
    let row_labels = widest(&grid.rows) + 20.0 * unit;
    let column_labels = widest(&grid.columns) + 20.0 * unit;
    let top = area.top + 60.0 * unit;
    let bottom = area.bottom() - 50.0 * unit;
    let cell = (72.0 * unit)
        .min((area.width - 112.0 * unit - row_labels) / grid.columns.len() as f32)
        .min((bottom - top - column_labels) / grid.rows.len() as f32)
        .max(4.0);
    let width = row_labels + cell * grid.columns.len() as f32;
    let left = area.left + (area.width - width) / 2.0 + row_labels;
    let first_row = top + column_labels;
    for (column, name) in grid.columns.iter().enumerate() {
        let x = left + (column as f32 + 0.5) * cell;
        let label = Shape::Text {
            position: [x, first_row - 10.0 * unit],
            // Written upwards, so the slide's height is what it may not exceed.
            text: super::text::elide(name, label_size, slide.height as f32).into_owned(),
            size: label_size,
            colour: slide.colours().ink,
            anchor: Anchor::Start,
            bold: false,
            angle: -90.0,
        };
        slide.add(label);
    }
    let text_size = (cell * 0.45).min(28.0 * unit);
    for (row, name) in grid.rows.iter().enumerate() {
        let y = first_row + row as f32 * cell;
        slide.text([left - 10.0 * unit, y + cell / 2.0], name, label_size, slide.colours().ink, Anchor::End, false);
        for (column, content) in grid.cells[row].iter().enumerate() {
            let x = left + column as f32 * cell;
            let frame = Outline { width: 1.0 * unit, colour: slide.colours().frame };
            let empty = slide.background;
            slide.add(Shape::Rect {
                min: [x, y],
                max: [x + cell, y + cell],
                corner_radius: 0.0,
                fill: empty,
                outline: Some(frame),
            });
            let Some((fill, text)) = content else { continue };
            let inset = 2.0 * unit;
            let (min, max) = ([x + inset, y + inset], [x + cell - inset, y + cell - inset]);
            slide.add(Shape::Rect { min, max, corner_radius: 4.0 * unit, fill: *fill, outline: None });
            let ink = crate::scene::marks::text_colour_on(*fill);
            slide.text([x + cell / 2.0, y + cell / 2.0], text, text_size, ink, Anchor::Middle, true);
        }
    }
    super::footnote(slide, area, &grid.legend, unit);
}
