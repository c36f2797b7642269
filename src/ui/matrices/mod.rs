//! The Matrices tab: sanctions stances (who, against whom) and diplomatic ties (signed strength between pairs)
//! in the chosen year, and the ballots of every vote, actors ordered by bloc or by similarity, with legends,
//! hover details and a written summary. Clicking a cell selects its row's actor and highlights the record. A
//! large matrix gets an overview beside the grid: the whole matrix in a small picture, the part in view marked,
//! and a click or drag there moves the grid.

mod grid;
mod overview;
mod scrolled;
mod votes;

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use super::cache::Cached;
use crate::charts::matrices::{
    AxisOrder, BallotCell, Matrix, StanceCell, TieCell, sanctions_by_similarity, sanctions_matrix, ties_by_similarity,
    ties_matrix, votes_by_similarity, votes_matrix,
};
use crate::format::signed;
use crate::model::{RecordRef, Scenario, Stance};
use crate::scene::marks::stance_letter;
use crate::scene::palette;
use crate::state::{Action, Document, MatrixKind, ViewState};
use grid::CellLook;
use overview::Overview;
use scrolled::ScrollRequest;

/// What a matrix is built from: it is rebuilt, with its overview, only when one of these changes.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    document: u64,
    revision: u64,
    /// The year of sanctions and ties; votes are shown for all years.
    year: Option<i32>,
    order: AxisOrder,
}

#[derive(Default)]
pub struct MatricesView {
    pub kind: MatrixKind,
    /// The order the person chose; until they choose, `default_order`.
    pub order: Option<AxisOrder>,
    sanctions: Cached<Key, Labelled<StanceCell>>,
    ties: Cached<Key, Labelled<TieCell>>,
    votes: Cached<Key, Labelled<BallotCell>>,
    /// Where the overview asked the grid to scroll, for the next frame.
    scroll_request: Option<ScrollRequest>,
}

const STANCES: [Stance; 5] = Stance::ALL;

/// Scenarios with more actors than this open their matrices by similarity. With a few dozen rows a reader looks
/// names up and the blocs are easy to take in; with more, most actors belong to no bloc and sit by name, which
/// hides the pattern, while by similarity the clusters show as blocks.
const SIMILARITY_FROM_ACTORS: usize = 30;
/// Matrices with more rows or columns than this get the overview. It does not depend on the window's size, so it
/// neither flickers on and off as the window is resized nor takes the grid's width away while it fits; a grid
/// of 20 × 20 cells takes in at a glance on most screens.
const OVERVIEW_FROM: usize = 20;

/// The order matrices open with, before the person chooses one.
fn default_order(scenario: &Scenario) -> AxisOrder {
    if scenario.actors.len() > SIMILARITY_FROM_ACTORS { AxisOrder::Similarity } else { AxisOrder::Bloc }
}

impl MatricesView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        let order = self.order.unwrap_or_else(|| default_order(scenario));
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
            ui.separator();
            if let Some(chosen) = order_ui(ui, order) {
                self.order = Some(chosen);
            }
        });
        crate::ui::charts::common::how_to_read(
            ui,
            match self.kind {
                MatrixKind::Sanctions => {
                    "each row is an actor and each column a target; a cell's colour is the row's stance on sanctions \
                 against the column in the year shown (imposes, aligns, partial, refuses, opposes). An empty cell \
                 has no record, which is not the same as no sanctions."
                }
                MatrixKind::Ties => {
                    "each cell is the signed strength of the tie from the row to the column in the year shown: green \
                 friendly, red hostile, deeper for stronger; the mean where there are several ties. An empty cell \
                 has no record."
                }
                MatrixKind::Votes => {
                    "each row is an actor and each column a vote (all years); a cell is the row's ballot: yes, no, \
                 abstain or absent. An empty cell: the actor's ballot is not recorded."
                }
            },
        );
        match self.kind {
            MatrixKind::Votes => {
                ui.separator();
                let key = Key { document: document.id, revision: document.revision, year: None, order };
                let labelled = self.votes.get(key, || {
                    let mut matrix = votes_matrix(scenario);
                    if order == AxisOrder::Similarity {
                        matrix = votes_by_similarity(scenario, matrix);
                    }
                    let mut labelled = Labelled::new(scenario, matrix, order);
                    // Columns are votes, not actors: they belong to no bloc.
                    labelled.column_blocs = vec![None; labelled.matrix.columns.len()];
                    labelled.with_overview(ui.ctx(), "votes", |cell| palette::ballot(cell.ballot).into())
                });
                votes::ui(ui, scenario, view, labelled, &mut self.scroll_request, actions);
            }
            MatrixKind::Sanctions | MatrixKind::Ties => self.yearly_ui(ui, document, view, order, actions),
        }
    }

    /// The ids of the rows of the matrix shown last, in their order (for tests).
    pub fn shown_rows(&self) -> &[String] {
        let rows = match self.kind {
            MatrixKind::Sanctions => self.sanctions.last().map(|labelled| &labelled.matrix.rows),
            MatrixKind::Ties => self.ties.last().map(|labelled| &labelled.matrix.rows),
            MatrixKind::Votes => self.votes.last().map(|labelled| &labelled.matrix.rows),
        };
        rows.map_or(&[], Vec::as_slice)
    }

    /// The sanctions or ties matrix of the chosen year.
    fn yearly_ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        view: &ViewState,
        order: AxisOrder,
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        let Some(year) = view.chart_year_of(document.derived()) else {
            ui.label("This scenario has no dated records yet.");
            return;
        };
        if view.year.is_none() {
            ui.weak(format!("Showing {year}, the latest year. Choose a year above to see another."));
        }
        ui.separator();
        let key = Key { document: document.id, revision: document.revision, year: Some(year), order };
        let scroll_request = &mut self.scroll_request;
        if self.kind == MatrixKind::Sanctions {
            let labelled = self.sanctions.get(key, || {
                let mut matrix = sanctions_matrix(scenario, year);
                if order == AxisOrder::Similarity {
                    matrix = sanctions_by_similarity(scenario, matrix);
                }
                let labelled = Labelled::new(scenario, matrix, order);
                labelled.with_overview(ui.ctx(), "sanctions", |cell| palette::stance(cell.stance).into())
            });
            sanctions_ui(ui, scenario, view, year, labelled, scroll_request, actions);
        } else {
            let labelled = self.ties.get(key, || {
                let mut matrix = ties_matrix(scenario, year);
                if order == AxisOrder::Similarity {
                    matrix = ties_by_similarity(scenario, matrix);
                }
                let labelled = Labelled::new(scenario, matrix, order);
                labelled.with_overview(ui.ctx(), "ties", |cell| palette::strength(cell.strength).into())
            });
            ties_ui(ui, scenario, view, year, labelled, scroll_request, actions);
        }
    }
}

/// "Order: By bloc | By similarity"; returns the order clicked.
fn order_ui(ui: &mut egui::Ui, order: AxisOrder) -> Option<AxisOrder> {
    ui.label("Order:");
    let mut chosen = None;
    for (choice, label, tooltip) in [
        (AxisOrder::Bloc, "By bloc", "Each bloc with its members, a line between blocs, then the other actors by name"),
        (
            AxisOrder::Similarity,
            "By similarity",
            "Actors who vote, sanction or tie alike next to each other, so that clusters show as blocks of colour",
        ),
    ] {
        if ui.selectable_label(order == choice, label).on_hover_text(tooltip).clicked() {
            chosen = Some(choice);
        }
    }
    chosen
}

/// A matrix with its rows' and columns' display names and blocs, looked up once when it is built, and its
/// overview when it is large.
pub struct Labelled<Cell> {
    matrix: Matrix<Cell>,
    row_names: Vec<String>,
    column_names: Vec<String>,
    /// Each row's bloc, for the lines between blocs; all `None` when rows are not ordered by bloc.
    row_blocs: Vec<Option<String>>,
    column_blocs: Vec<Option<String>>,
    overview: Option<Overview>,
}

impl<Cell> Labelled<Cell> {
    fn new(scenario: &Scenario, matrix: Matrix<Cell>, order: AxisOrder) -> Self {
        let actors: HashMap<&str, &crate::model::Actor> =
            scenario.actors.iter().map(|actor| (actor.id.as_str(), actor)).collect();
        let names = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .map(|id| actors.get(id.as_str()).map_or_else(|| id.clone(), |actor| actor.name.clone()))
                .collect()
        };
        let member_of = scenario.first_blocs();
        // Lines between blocs mean nothing when members are not kept together.
        let blocs = |ids: &[String]| -> Vec<Option<String>> {
            match order {
                AxisOrder::Bloc => {
                    ids.iter().map(|id| member_of.get(id.as_str()).map(|bloc| (*bloc).to_owned())).collect()
                }
                AxisOrder::Similarity => vec![None; ids.len()],
            }
        };
        Labelled {
            row_names: names(&matrix.rows),
            column_names: names(&matrix.columns),
            row_blocs: blocs(&matrix.rows),
            column_blocs: blocs(&matrix.columns),
            matrix,
            overview: None,
        }
    }

    /// With the overview picture, in the grid's colours, when the matrix is large.
    fn with_overview(mut self, ctx: &egui::Context, name: &str, colour: impl Fn(&Cell) -> egui::Color32) -> Self {
        let (rows, columns) = (self.matrix.rows.len(), self.matrix.columns.len());
        if rows > OVERVIEW_FROM || columns > OVERVIEW_FROM {
            let cells = self.matrix.cells.iter().map(|(&place, cell)| (place, colour(cell)));
            self.overview = Some(Overview::new(ctx, name, rows, columns, cells));
        }
        self
    }

    /// The rows of the selected actors, for the overview to mark (only when it is shown).
    fn selected_rows(&self, view: &ViewState) -> Vec<usize> {
        if self.overview.is_none() {
            return Vec::new();
        }
        (0..self.matrix.rows.len()).filter(|&row| view.is_selected(&self.matrix.rows[row])).collect()
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
    scroll_request: &mut Option<ScrollRequest>,
    actions: &mut Vec<Action>,
) {
    let matrix = &labelled.matrix;
    if matrix.is_empty() {
        ui.label(format!("No sanctions stances apply in {year}."));
        return;
    }
    ui.label(RichText::new(format!("Sanctions stances in {year}: rows take a stance against columns")).strong());
    stance_legend(ui);
    let selected_rows = labelled.selected_rows(view);
    let overview = labelled.overview.as_ref().map(|overview| (overview, selected_rows.as_slice()));
    scrolled::ui(ui, "sanctions_matrix", overview, scroll_request, |ui| {
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
        let cells = shown.cells;
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
        cells
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
    scroll_request: &mut Option<ScrollRequest>,
    actions: &mut Vec<Action>,
) {
    let matrix = &labelled.matrix;
    if matrix.is_empty() {
        ui.label(format!("No diplomatic ties apply in {year}."));
        return;
    }
    ui.label(RichText::new(format!("Diplomatic ties in {year}: strength from -1 (hostile) to +1 (allied)")).strong());
    strength_legend(ui);
    let selected_rows = labelled.selected_rows(view);
    let overview = labelled.overview.as_ref().map(|overview| (overview, selected_rows.as_slice()));
    scrolled::ui(ui, "ties_matrix", overview, scroll_request, |ui| {
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
        let cells = shown.cells;
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
        cells
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
