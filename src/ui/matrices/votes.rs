//! The votes grid: one row per actor with a ballot, one column per vote (by date), a letter and a colour per
//! ballot, and each vote's count written out underneath.

use eframe::egui::{self, RichText};

use super::Labelled;
use super::grid::{self, CellLook};
use super::scrolled::{self, ScrollRequest};
use crate::charts::matrices::BallotCell;
use crate::model::{Ballot, RecordRef, Scenario};
use crate::scene::marks::ballot_letter;
use crate::scene::palette;
use crate::state::{Action, ViewState};

const BALLOTS: [Ballot; 4] = [Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent];

pub fn ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    labelled: &Labelled<BallotCell>,
    scroll_request: &mut Option<ScrollRequest>,
    actions: &mut Vec<Action>,
) {
    let matrix = &labelled.matrix;
    if matrix.is_empty() {
        ui.label("This scenario has no votes with ballots.");
        return;
    }
    ui.label(RichText::new("Ballots on every vote, all years: rows vote, columns are votes by date").strong());
    legend(ui);
    let selected_rows = labelled.selected_rows(view);
    let overview = labelled.overview.as_ref().map(|overview| (overview, selected_rows.as_slice()));
    scrolled::ui(ui, "votes_matrix", overview, scroll_request, |ui| {
        let actors = &labelled.row_names;
        let selected = |row: usize| view.is_selected(&matrix.rows[row]);
        let look = |row: usize, column: usize| {
            let cell = matrix.cell(row, column)?;
            let fill = palette::ballot(cell.ballot).into();
            Some(CellLook {
                fill,
                text: ballot_letter(cell.ballot).to_owned(),
                text_colour: grid::text_colour_on(fill),
                description: format!("{} on {}: {}", actors[row], matrix.columns[column], cell.ballot.label()),
            })
        };
        let shown = grid::show(ui, "votes", &labelled.axes(), &selected, &look);
        let cells = shown.cells;
        if let Some((row, column)) = shown.hovered {
            let cell = matrix.cell(row, column);
            if let (true, Some(cell)) = (shown.response.clicked(), cell) {
                actions.push(Action::Select { id: matrix.rows[row].clone(), additive: false });
                actions.push(Action::SelectRecord(RecordRef::Vote(cell.vote)));
            }
            shown.response.on_hover_ui_at_pointer(|ui| match cell {
                Some(cell) => {
                    ui.label(RichText::new(format!("{}: {}", actors[row], cell.ballot.label())).strong());
                    super::super::record_details::ui(ui, scenario, RecordRef::Vote(cell.vote));
                    ui.weak("Click to select.");
                }
                None => {
                    ui.label(format!("No ballot of {} on {} in this scenario.", actors[row], matrix.columns[column]));
                }
            });
        }
        ui.add_space(8.0);
        summary(ui, scenario, labelled);
        cells
    });
}

/// "ES-11/1, 2 March 2022: Yes 25, No 5 (Russia, Belarus, …), Abstain 14 (…)" per vote, for the actors shown.
fn summary(ui: &mut egui::Ui, scenario: &Scenario, labelled: &Labelled<BallotCell>) {
    let matrix = &labelled.matrix;
    for (column, id) in matrix.columns.iter().enumerate() {
        let Some(vote) = (0..matrix.rows.len()).find_map(|row| matrix.cell(row, column)).map(|cell| cell.vote) else {
            continue;
        };
        let vote = &scenario.votes[vote];
        ui.label(RichText::new(format!("{id} ({}): {}", vote.date, vote.title)).strong());
        for ballot in BALLOTS {
            let names: Vec<&str> = (0..matrix.rows.len())
                .filter(|&row| matrix.cell(row, column).is_some_and(|cell| cell.ballot == ballot))
                .map(|row| labelled.row_names[row].as_str())
                .collect();
            if !names.is_empty() {
                ui.label(format!("{} ({}): {}", ballot.label(), names.len(), names.join(", ")));
            }
        }
    }
}

fn legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for ballot in BALLOTS {
            super::letter_key(ui, palette::ballot(ballot).into(), ballot_letter(ballot), ballot.label());
        }
        ui.label("An empty cell: no ballot recorded in this scenario.");
    });
}
