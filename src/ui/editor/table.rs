//! The editor's table (egui_extras): one row per record, headers that sort when clicked (again to reverse), the
//! selected row highlighted, and a Problems column counting what `geodep check` finds in each record.

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::rows::{self, Sort};
use crate::derived::Derived;
use crate::edit::RecordKind;

/// Draws the table; returns the record clicked this frame.
pub fn ui(
    ui: &mut egui::Ui,
    kind: RecordKind,
    rows: &[(usize, Vec<String>)],
    sort: &mut Sort,
    selected: Option<usize>,
    derived: &Derived,
) -> Option<usize> {
    let columns = rows::columns(kind);
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = TableBuilder::new(ui)
        .id_salt(("records", kind))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    // Problems come first, where they cannot scroll out of sight.
    table = table.column(Column::initial(80.0).at_least(60.0).clip(true));
    for title in columns {
        table = table.column(Column::initial(initial_width(title)).at_least(40.0).clip(true));
    }
    table
        .header(row_height + 4.0, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("Problems").strong())
                    .on_hover_text("What geodep check finds in the record; the form lists each problem");
            });
            for (column, title) in columns.iter().enumerate() {
                header.col(|ui| sort_header(ui, title, column, sort));
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let (index, cells) = &rows[row.index()];
                row.set_selected(selected == Some(*index));
                row.col(|ui| problems_cell(ui, derived.problem_counts_of(kind.field(), *index)));
                for cell in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(cell.as_str()).truncate().selectable(false));
                    });
                }
                if row.response().clicked() {
                    clicked = Some(*index);
                }
            });
        });
    clicked
}

/// A column's width at first: narrow for short values, wide for names and lists.
fn initial_width(title: &str) -> f32 {
    match title {
        "Grade" => 50.0,
        "Share" | "Basis" | "Year" | "Kind" | "Stance" | "Strength" | "Step" | "Date" | "Id" => 90.0,
        "Route" | "Title" | "Sources" | "Groups" | "Ballots" | "Actors" | "Focus" | "Publisher" => 170.0,
        _ => 120.0,
    }
}

/// A header that sorts by its column when clicked, and reverses the order when clicked again.
fn sort_header(ui: &mut egui::Ui, title: &str, column: usize, sort: &mut Sort) {
    let sorted_here = sort.column == Some(column);
    let text = match (sorted_here, sort.descending) {
        (true, false) => format!("{title} (up)"),
        (true, true) => format!("{title} (down)"),
        (false, _) => title.to_owned(),
    };
    let button = egui::Button::new(RichText::new(text).strong()).frame(false);
    if ui.add(button).on_hover_text(format!("Sort by {}", title.to_lowercase())).clicked() {
        *sort = match (sorted_here, sort.descending) {
            (true, false) => Sort { column: Some(column), descending: true },
            (true, true) => Sort::default(),
            (false, _) => Sort { column: Some(column), descending: false },
        };
    }
}

fn problems_cell(ui: &mut egui::Ui, (errors, warnings): (usize, usize)) {
    let plural = |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    if errors > 0 {
        ui.label(RichText::new(plural(errors, "error")).color(ui.visuals().error_fg_color));
    }
    if warnings > 0 {
        ui.label(RichText::new(plural(warnings, "warning")).color(ui.visuals().warn_fg_color));
    }
}
