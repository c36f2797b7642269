//! The Matrices tab: sanctions stances (who, against whom) and diplomatic ties (signed strength between pairs)
//! in the chosen year, and the ballots of every vote, actors ordered by bloc, with legends, hover details and a
//! written summary. Clicking a cell selects its row's actor and highlights the record.

mod grid;
mod votes;

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use super::cache::Cached;
use crate::charts::matrices::{BallotCell, Matrix, StanceCell, TieCell, sanctions_matrix, ties_matrix, votes_matrix};
use crate::format::signed;
use crate::model::{RecordRef, Scenario, Stance};
use crate::scene::marks::stance_letter;
use crate::scene::palette;
use crate::state::{Action, Document, MatrixKind, ViewState};
use grid::CellLook;

#[derive(Debug, Clone, PartialEq)]
struct Key {
    document: u64,
    revision: u64,
    year: i32,
}

#[derive(Default)]
pub struct MatricesView {
    pub kind: MatrixKind,
    sanctions: Cached<Key, Labelled<StanceCell>>,
    ties: Cached<Key, Labelled<TieCell>>,
    votes: Cached<(u64, u64), Labelled<BallotCell>>,
}

const STANCES: [Stance; 5] = Stance::ALL;

impl MatricesView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        ui.horizontal(|ui| {
            for (kind, label, tooltip) in [
                (MatrixKind::Sanctions, "Sanctions", "Who imposes, aligns with, refuses or opposes sanctions on whom"),
                (MatrixKind::Ties, "Diplomatic ties", "Signed strength of the ties between each pair of actors"),
                (MatrixKind::Votes, "Votes", "How each actor voted on each vote, all years"),
            ] {
                if ui.selectable_label(self.kind == kind, label).on_hover_text(tooltip).clicked() {
                    self.kind = kind;
                }
            }
        });
        match self.kind {
            MatrixKind::Votes => {
                ui.separator();
                let labelled = self.votes.get((document.id, document.revision), || {
                    let mut labelled = Labelled::new(scenario, votes_matrix(scenario));
                    // Columns are votes, not actors: they belong to no bloc.
                    labelled.column_blocs = vec![None; labelled.matrix.columns.len()];
                    labelled
                });
                votes::ui(ui, scenario, view, labelled, actions);
            }
            MatrixKind::Sanctions | MatrixKind::Ties => self.yearly_ui(ui, document, view, actions),
        }
    }

    /// The sanctions or ties matrix of the chosen year.
    fn yearly_ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        let Some(year) = view.chart_year_of(document.derived()) else {
            ui.label("This scenario has no dated records yet.");
            return;
        };
        if view.year.is_none() {
            ui.weak(format!("Showing {year}, the latest year. Choose a year above to see another."));
        }
        ui.separator();
        let key = Key { document: document.id, revision: document.revision, year };
        if self.kind == MatrixKind::Sanctions {
            let matrix = self.sanctions.get(key, || Labelled::new(scenario, sanctions_matrix(scenario, year)));
            sanctions_ui(ui, scenario, view, year, matrix, actions);
        } else {
            let matrix = self.ties.get(key, || Labelled::new(scenario, ties_matrix(scenario, year)));
            ties_ui(ui, scenario, view, year, matrix, actions);
        }
    }
}

/// A matrix with its rows' and columns' display names and blocs, looked up once when it is built.
pub struct Labelled<Cell> {
    matrix: Matrix<Cell>,
    row_names: Vec<String>,
    column_names: Vec<String>,
    row_blocs: Vec<Option<String>>,
    column_blocs: Vec<Option<String>>,
}

impl<Cell> Labelled<Cell> {
    fn new(scenario: &Scenario, matrix: Matrix<Cell>) -> Self {
        let actors: HashMap<&str, &crate::model::Actor> =
            scenario.actors.iter().map(|actor| (actor.id.as_str(), actor)).collect();
        let names = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .map(|id| actors.get(id.as_str()).map_or_else(|| id.clone(), |actor| actor.name.clone()))
                .collect()
        };
        let member_of = scenario.first_blocs();
        let blocs = |ids: &[String]| -> Vec<Option<String>> {
            ids.iter().map(|id| member_of.get(id.as_str()).map(|bloc| (*bloc).to_owned())).collect()
        };
        Labelled {
            row_names: names(&matrix.rows),
            column_names: names(&matrix.columns),
            row_blocs: blocs(&matrix.rows),
            column_blocs: blocs(&matrix.columns),
            matrix,
        }
    }

    fn axes(&self) -> grid::Axes<'_> {
        grid::Axes {
            rows: &self.row_names,
            columns: &self.column_names,
            row_blocs: &self.row_blocs,
            column_blocs: &self.column_blocs,
        }
    }
}

fn sanctions_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    year: i32,
    labelled: &Labelled<StanceCell>,
    actions: &mut Vec<Action>,
) {
    let matrix = &labelled.matrix;
    if matrix.is_empty() {
        ui.label(format!("No sanctions stances apply in {year}."));
        return;
    }
    ui.label(RichText::new(format!("Sanctions stances in {year}: rows take a stance against columns")).strong());
    stance_legend(ui);
    egui::ScrollArea::both().id_salt("sanctions_matrix").auto_shrink([false, false]).show(ui, |ui| {
        let (rows, columns) = (&labelled.row_names, &labelled.column_names);
        let selected = |row: usize| view.is_selected(&matrix.rows[row]);
        let look = |row: usize, column: usize| {
            let cell = matrix.cell(row, column)?;
            let fill = palette::stance(cell.stance).into();
            Some(CellLook {
                fill,
                text: stance_letter(cell.stance).to_owned(),
                text_colour: grid::text_colour_on(fill),
                description: format!(
                    "{} on sanctions against {}: {}",
                    rows[row],
                    columns[column],
                    cell.stance.label().to_lowercase()
                ),
            })
        };
        let shown = grid::show(ui, "sanctions", &labelled.axes(), &selected, &look);
        if let Some((row, column)) = shown.hovered {
            let cell = matrix.cell(row, column);
            if let (true, Some(cell)) = (shown.response.clicked(), cell) {
                actions.push(Action::SelectRecord(RecordRef::Sanctions(cell.records[cell.records.len() - 1])));
            }
            shown.response.on_hover_ui_at_pointer(|ui| match cell {
                Some(cell) => {
                    ui.label(RichText::new(format!("{}: {}", rows[row], cell.stance.label())).strong());
                    ui.label(format!("on sanctions against {}", columns[column]));
                    for &record in &cell.records {
                        super::record_details::ui(ui, scenario, RecordRef::Sanctions(record));
                    }
                    ui.weak("Click to select.");
                }
                None => {
                    ui.label(format!("No stance of {} on sanctions against {} in {year}.", rows[row], columns[column]));
                }
            });
        }
        ui.add_space(8.0);
        coalition_summary(ui, scenario, matrix);
    });
}

/// "Against Russia: imposes 12 (European Union, …), refuses 2 (Serbia, Turkey)" per target.
fn coalition_summary(ui: &mut egui::Ui, scenario: &Scenario, matrix: &Matrix<StanceCell>) {
    for (column, target) in matrix.columns.iter().enumerate() {
        ui.label(RichText::new(format!("Against {}", scenario.actor_name(target))).strong());
        for stance in STANCES {
            let actors: Vec<&str> = (0..matrix.rows.len())
                .filter(|&row| matrix.cell(row, column).is_some_and(|cell| cell.stance == stance))
                .map(|row| scenario.actor_name(&matrix.rows[row]))
                .collect();
            if !actors.is_empty() {
                ui.label(
                    RichText::new(format!("{} ({}): {}", stance.label(), actors.len(), actors.join(", ")))
                        .color(ui.visuals().text_color()),
                );
            }
        }
    }
}

fn stance_legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for stance in STANCES {
            letter_key(ui, palette::stance(stance).into(), stance_letter(stance), stance.label());
        }
    });
}

/// One entry of a grid's legend: the letter on its cell colour, then what it stands for.
fn letter_key(ui: &mut egui::Ui, fill: egui::Color32, letter: &str, meaning: &str) {
    ui.label(RichText::new(format!(" {letter} ")).background_color(fill).color(grid::text_colour_on(fill)));
    ui.label(meaning);
    ui.add_space(6.0);
}

fn ties_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    year: i32,
    labelled: &Labelled<TieCell>,
    actions: &mut Vec<Action>,
) {
    let matrix = &labelled.matrix;
    if matrix.is_empty() {
        ui.label(format!("No diplomatic ties apply in {year}."));
        return;
    }
    ui.label(RichText::new(format!("Diplomatic ties in {year}: strength from -1 (hostile) to +1 (allied)")).strong());
    strength_legend(ui);
    egui::ScrollArea::both().id_salt("ties_matrix").auto_shrink([false, false]).show(ui, |ui| {
        let actors = &labelled.row_names;
        let selected = |row: usize| view.is_selected(&matrix.rows[row]);
        let look = |row: usize, column: usize| {
            let cell = matrix.cell(row, column)?;
            let fill = palette::strength(cell.strength).into();
            Some(CellLook {
                fill,
                text: signed(cell.strength),
                text_colour: grid::text_colour_on(fill),
                description: format!("{} to {}: {}", actors[row], actors[column], signed(cell.strength)),
            })
        };
        let shown = grid::show(ui, "ties", &labelled.axes(), &selected, &look);
        if let Some((row, column)) = shown.hovered {
            let cell = matrix.cell(row, column);
            if let (true, Some(cell)) = (shown.response.clicked(), cell) {
                actions.push(Action::SelectRecord(RecordRef::Tie(cell.records[0])));
            }
            shown.response.on_hover_ui_at_pointer(|ui| match cell {
                Some(cell) => tie_tooltip(ui, scenario, &actors[row], &actors[column], cell),
                None => {
                    ui.label(format!("No tie between {} and {} in {year}.", actors[row], actors[column]));
                }
            });
        }
    });
}

fn tie_tooltip(ui: &mut egui::Ui, scenario: &Scenario, row: &str, column: &str, cell: &TieCell) {
    ui.label(RichText::new(format!("{row} and {column}: {}", signed(cell.strength))).strong());
    if cell.records.len() > 1 {
        ui.weak(format!("The mean of {} ties", cell.records.len()));
    }
    for &record in &cell.records {
        let tie = &scenario.ties[record];
        let mut line = format!("{} ({})", tie.kind.label(), signed(tie.strength));
        if let Some(topic) = &tie.topic {
            line.push_str(&format!(": {topic}"));
        }
        if tie.directed {
            line.push_str(&format!(", from {} towards {}", scenario.actor_name(&tie.a), scenario.actor_name(&tie.b)));
        }
        ui.label(line);
        super::record_details::ui(ui, scenario, RecordRef::Tie(record));
    }
    ui.weak("Click to select.");
}

fn strength_legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for value in [-1.0, -0.5, 0.0, 0.5, 1.0] {
            let fill: egui::Color32 = palette::strength(value).into();
            ui.label(
                RichText::new(format!(" {} ", signed(value))).background_color(fill).color(grid::text_colour_on(fill)),
            );
        }
        ui.label("hostile to allied. A directed tie fills only its row's cell; several ties show their mean.");
    });
}
