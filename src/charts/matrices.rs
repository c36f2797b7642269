//! Matrices: sanctions stances (who, against whom) and diplomatic ties (signed strength between pairs) in one
//! year, and ballots (who voted how on each vote, all years), with actors ordered by bloc so that members sit
//! together, or by similarity (seriation) so that actors who vote, sanction or tie alike sit together.

use std::collections::HashMap;

use crate::analysis::seriation::{Profile, similarity_order};
use crate::model::{Ballot, Dated, Scenario, Stance};

/// How a matrix's rows and columns are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AxisOrder {
    /// Each bloc with its members, then the rest by name (`bloc_order`).
    #[default]
    Bloc,
    /// Alike rows next to each other, so that clusters show as blocks (`crate::analysis::seriation`).
    Similarity,
}

/// A grid of cells, most of them empty: only filled cells are stored, by (row, column), so that a scenario with
/// thousands of actors does not need millions of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix<Cell> {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: HashMap<(usize, usize), Cell>,
}

impl<Cell> Matrix<Cell> {
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(&(row, column))
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.columns.is_empty()
    }

    fn empty(rows: Vec<String>, columns: Vec<String>) -> Self {
        Matrix { rows, columns, cells: HashMap::new() }
    }

    /// The same cells with rows and columns in new orders: `rows[k]` is the index of the row to place k-th,
    /// and likewise `columns`. An index out of range or repeated is skipped; rows and columns left out are
    /// dropped with their cells.
    pub fn reordered(self, rows: &[usize], columns: &[usize]) -> Self {
        let (row_ids, row_place) = placed(&self.rows, rows);
        let (column_ids, column_place) = placed(&self.columns, columns);
        let cells = self
            .cells
            .into_iter()
            .filter_map(|((row, column), cell)| Some(((row_place[row]?, column_place[column]?), cell)))
            .collect();
        Matrix { rows: row_ids, columns: column_ids, cells }
    }
}

/// The ids in `order` (indices into `ids`), and where each old index goes (`None` if left out).
fn placed(ids: &[String], order: &[usize]) -> (Vec<String>, Vec<Option<usize>>) {
    let mut place = vec![None; ids.len()];
    let mut ordered = Vec::with_capacity(ids.len());
    for &old in order {
        if let Some(slot @ None) = place.get_mut(old) {
            *slot = Some(ordered.len());
            ordered.push(ids[old].clone());
        }
    }
    (ordered, place)
}

/// Each id's position in an ordered list, for placing records in rows and columns.
fn positions(ids: &[String]) -> HashMap<&str, usize> {
    ids.iter().enumerate().map(|(index, id)| (id.as_str(), index)).collect()
}

/// A stance of `row` on sanctions against `column`. With several records for one pair, the last in the file wins
/// and all are listed.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceCell {
    pub stance: Stance,
    pub records: Vec<usize>,
}

/// The ties between `row` and `column`: their mean strength and every record.
#[derive(Debug, Clone, PartialEq)]
pub struct TieCell {
    pub strength: f64,
    pub records: Vec<usize>,
}

/// One actor's ballot on one vote (its index in `Scenario::votes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotCell {
    pub ballot: Ballot,
    pub vote: usize,
}

/// Every actor with a ballot (rows) against every vote (columns, by date, then id). Votes of all years are
/// shown: how a country's votes change over time is the point of the grid.
pub fn votes_matrix(scenario: &Scenario) -> Matrix<BallotCell> {
    let mut votes: Vec<usize> = (0..scenario.votes.len()).collect();
    votes.sort_by(|&a, &b| {
        let (a, b) = (&scenario.votes[a], &scenario.votes[b]);
        (a.date.as_str(), a.id.as_str()).cmp(&(b.date.as_str(), b.id.as_str()))
    });
    let rows = bloc_order(scenario, scenario.votes.iter().flat_map(|vote| vote.ballots.keys().map(String::as_str)));
    let row_of = positions(&rows);
    let mut cells = HashMap::new();
    for (column, &vote) in votes.iter().enumerate() {
        for (actor, &ballot) in &scenario.votes[vote].ballots {
            cells.insert((row_of[actor.as_str()], column), BallotCell { ballot, vote });
        }
    }
    let columns = votes.iter().map(|&vote| scenario.votes[vote].id.clone()).collect();
    Matrix { cells, ..Matrix::empty(rows, columns) }
}

/// Actors taking a stance (rows) against targets (columns) in `year`.
pub fn sanctions_matrix(scenario: &Scenario, year: i32) -> Matrix<StanceCell> {
    let stances: Vec<(usize, &crate::model::SanctionStance)> =
        scenario.sanctions.iter().enumerate().filter(|(_, stance)| stance.period().applies_in(year)).collect();
    let rows = bloc_order(scenario, stances.iter().map(|(_, stance)| stance.by.as_str()));
    let columns = bloc_order(scenario, stances.iter().map(|(_, stance)| stance.target.as_str()));
    let mut cells: HashMap<(usize, usize), StanceCell> = HashMap::new();
    let (row_of, column_of) = (positions(&rows), positions(&columns));
    for (record, stance) in stances {
        let place = (row_of[stance.by.as_str()], column_of[stance.target.as_str()]);
        let cell = cells.entry(place).or_insert(StanceCell { stance: stance.stance, records: Vec::new() });
        cell.stance = stance.stance;
        cell.records.push(record);
    }
    Matrix { cells, ..Matrix::empty(rows, columns) }
}

/// Every actor in a tie in `year`, both ways. A mutual tie fills both cells of its pair; a directed tie only the
/// row of the actor it goes from.
pub fn ties_matrix(scenario: &Scenario, year: i32) -> Matrix<TieCell> {
    let ties: Vec<(usize, &crate::model::Tie)> =
        scenario.ties.iter().enumerate().filter(|(_, tie)| tie.period().applies_in(year)).collect();
    let actors = bloc_order(scenario, ties.iter().flat_map(|(_, tie)| [tie.a.as_str(), tie.b.as_str()]));
    let mut cells: HashMap<(usize, usize), TieCell> = HashMap::new();
    let position = positions(&actors);
    let mut add = |from: &str, to: &str, record: usize, strength: f64| {
        let place = (position[from], position[to]);
        let cell = cells.entry(place).or_insert(TieCell { strength: 0.0, records: Vec::new() });
        // A running mean, so that several ties between one pair average out.
        cell.records.push(record);
        cell.strength += (strength - cell.strength) / cell.records.len() as f64;
    };
    for (record, tie) in ties {
        add(&tie.a, &tie.b, record, tie.strength);
        if !tie.directed {
            add(&tie.b, &tie.a, record, tie.strength);
        }
    }
    Matrix { cells, ..Matrix::empty(actors.clone(), actors) }
}

/// The distinct ids, grouped by their first bloc (in the order blocs appear among the actors, unaffiliated last),
/// each bloc first in its group, then by name.
pub fn bloc_order<'a>(scenario: &Scenario, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let blocs: Vec<&str> = scenario
        .actors
        .iter()
        .filter(|actor| actor.kind == crate::model::ActorKind::Bloc)
        .map(|actor| actor.id.as_str())
        .collect();
    let mut ids: Vec<&str> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    let key = |id: &str| {
        let bloc = scenario.first_bloc(id);
        let group = bloc.and_then(|bloc| blocs.iter().position(|known| *known == bloc)).unwrap_or(usize::MAX);
        (group, bloc != Some(id), scenario.actor_name(id).to_owned())
    };
    ids.sort_by_cached_key(|id| key(id));
    ids.into_iter().map(str::to_owned).collect()
}

/// The votes matrix with actors who voted alike on the same votes next to each other (absent counts as a
/// ballot: it shows in the grid). Votes stay in date order.
pub fn votes_by_similarity(scenario: &Scenario, matrix: Matrix<BallotCell>) -> Matrix<BallotCell> {
    const BALLOT_KINDS: usize = 4;
    let profiles = row_profiles(&matrix, |cell| cell.ballot as usize, BALLOT_KINDS);
    let rows = similarity_order(&display_names(scenario, &matrix.rows), &profiles);
    let columns: Vec<usize> = (0..matrix.columns.len()).collect();
    matrix.reordered(&rows, &columns)
}

/// The sanctions matrix with actors who take the same stances against the same targets next to each other,
/// and targets who meet the same stances from the same actors next to each other.
pub fn sanctions_by_similarity(scenario: &Scenario, matrix: Matrix<StanceCell>) -> Matrix<StanceCell> {
    let stance = |cell: &StanceCell| cell.stance as usize;
    let rows =
        similarity_order(&display_names(scenario, &matrix.rows), &row_profiles(&matrix, stance, Stance::ALL.len()));
    let columns = similarity_order(
        &display_names(scenario, &matrix.columns),
        &column_profiles(&matrix, stance, Stance::ALL.len()),
    );
    matrix.reordered(&rows, &columns)
}

/// The ties matrix with actors who are friends, or share friends and foes, next to each other; rows and
/// columns keep the same order.
pub fn ties_by_similarity(scenario: &Scenario, matrix: Matrix<TieCell>) -> Matrix<TieCell> {
    let actors = similarity_order(&display_names(scenario, &matrix.rows), &tie_profiles(&matrix));
    matrix.reordered(&actors, &actors)
}

fn display_names(scenario: &Scenario, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| scenario.actor_name(id).to_owned()).collect()
}

/// Each row's profile for seriation: a feature (column, category of the cell) for each filled cell.
fn row_profiles<Cell>(matrix: &Matrix<Cell>, category: impl Fn(&Cell) -> usize, categories: usize) -> Vec<Profile> {
    let mut profiles = vec![Profile::new(); matrix.rows.len()];
    for (&(row, column), cell) in &matrix.cells {
        if let Some(profile) = profiles.get_mut(row) {
            profile.push((column * categories + category(cell).min(categories.saturating_sub(1)), 1.0));
        }
    }
    profiles
}

/// Each column's profile for seriation: a feature (row, category of the cell) for each filled cell.
fn column_profiles<Cell>(matrix: &Matrix<Cell>, category: impl Fn(&Cell) -> usize, categories: usize) -> Vec<Profile> {
    let mut profiles = vec![Profile::new(); matrix.columns.len()];
    for (&(row, column), cell) in &matrix.cells {
        if let Some(profile) = profiles.get_mut(column) {
            profile.push((row * categories + category(cell).min(categories.saturating_sub(1)), 1.0));
        }
    }
    profiles
}

/// Each actor's ties as a profile: a feature (partner, friend or foe) weighted by the tie's strength, and the
/// actor as its own friend, so that two allies are alike even with no third party in common. A directed tie
/// counts for both its ends (unless the other end has its own tie back), since being courted is a relation too.
fn tie_profiles(matrix: &Matrix<TieCell>) -> Vec<Profile> {
    let feature = |partner: usize, strength: f64| partner * 2 + usize::from(strength < 0.0);
    let mut profiles: Vec<Profile> = (0..matrix.rows.len()).map(|actor| vec![(feature(actor, 1.0), 1.0)]).collect();
    for (&(row, column), cell) in &matrix.cells {
        // A NaN strength is skipped here, and so are zero ones: they say nothing about likeness.
        if row == column || !cell.strength.is_finite() || cell.strength == 0.0 {
            continue;
        }
        if let Some(profile) = profiles.get_mut(row) {
            profile.push((feature(column, cell.strength), cell.strength.abs()));
        }
        if matrix.cell(column, row).is_none()
            && let Some(profile) = profiles.get_mut(column)
        {
            profile.push((feature(row, cell.strength), cell.strength.abs()));
        }
    }
    profiles
}

#[cfg(test)]
mod tests {
    use super::super::test_scenarios::{actor, small};
    use super::*;
    use crate::model::{ActorKind, SanctionStance, Tie, TieKind};

    fn stance(by: &str, target: &str, stance: Stance) -> SanctionStance {
        SanctionStance {
            by: by.to_owned(),
            target: target.to_owned(),
            stance,
            year: None,
            from: Some("2022".to_owned()),
            until: None,
            certainty: Default::default(),
            note: None,
            sources: Vec::new(),
        }
    }

    fn tie(a: &str, b: &str, strength: f64, directed: bool) -> Tie {
        Tie {
            a: a.to_owned(),
            b: b.to_owned(),
            kind: if strength >= 0.0 { TieKind::Partnership } else { TieKind::Dispute },
            strength,
            topic: None,
            directed,
            year: None,
            from: None,
            until: None,
            certainty: Default::default(),
            note: None,
            sources: Vec::new(),
        }
    }

    /// The small scenario with an EU bloc of Bulgaria and Hungary.
    fn with_bloc() -> Scenario {
        let mut scenario = small();
        let mut eu = actor("EU", "European Union", ActorKind::Bloc);
        eu.members = vec!["HUN".to_owned(), "BGR".to_owned()];
        scenario.actors.push(eu);
        scenario
    }

    #[test]
    fn blocs_come_first_with_their_members_then_the_rest_by_name() {
        let scenario = with_bloc();
        let order = bloc_order(&scenario, ["SRB", "HUN", "RUS", "EU", "BGR", "HUN"].into_iter());
        assert_eq!(order, ["EU", "BGR", "HUN", "RUS", "SRB"]);
    }

    #[test]
    fn the_sanctions_matrix_places_each_stance_in_its_row_and_column() {
        let mut scenario = with_bloc();
        scenario.sanctions = vec![
            stance("SRB", "RUS", Stance::Refuses),
            stance("EU", "RUS", Stance::Imposes),
            stance("HUN", "RUS", Stance::Partial),
            stance("RUS", "EU", Stance::Opposes),
        ];
        scenario.sanctions[3].from = Some("2024".to_owned());
        let matrix = sanctions_matrix(&scenario, 2023);
        assert_eq!(matrix.rows, ["EU", "HUN", "SRB"], "Russia's 2024 counter-measures do not apply in 2023");
        assert_eq!(matrix.columns, ["RUS"]);
        assert_eq!(matrix.cell(0, 0).unwrap().stance, Stance::Imposes);
        assert_eq!(matrix.cell(2, 0).unwrap().stance, Stance::Refuses);
        assert_eq!(matrix.cell(2, 0).unwrap().records, [0]);
    }

    fn vote(id: &str, date: &str, ballots: &[(&str, Ballot)]) -> crate::model::Vote {
        crate::model::Vote {
            id: id.to_owned(),
            date: date.to_owned(),
            title: id.to_owned(),
            body: None,
            ballots: ballots.iter().map(|(actor, ballot)| ((*actor).to_owned(), *ballot)).collect(),
            totals: None,
            note: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn the_votes_matrix_has_a_column_per_vote_by_date_and_a_cell_per_ballot() {
        let mut scenario = with_bloc();
        scenario.votes = vec![
            vote("later", "2023-02-23", &[("SRB", Ballot::Yes), ("RUS", Ballot::No)]),
            vote("first", "2022-03-02", &[("SRB", Ballot::Yes), ("HUN", Ballot::Yes), ("RUS", Ballot::No)]),
        ];
        let matrix = votes_matrix(&scenario);
        assert_eq!(matrix.columns, ["first", "later"], "ordered by date, not by place in the file");
        assert_eq!(matrix.rows, ["HUN", "RUS", "SRB"], "Hungary first, with its bloc");
        assert_eq!(matrix.cell(1, 0), Some(&BallotCell { ballot: Ballot::No, vote: 1 }));
        assert_eq!(matrix.cell(2, 1), Some(&BallotCell { ballot: Ballot::Yes, vote: 0 }));
        assert_eq!(matrix.cell(0, 1), None, "Hungary has no ballot on the later vote");
        assert_eq!(matrix.cells.len(), 5);
    }

    #[test]
    fn mutual_ties_fill_both_cells_and_directed_ties_one() {
        let mut scenario = small();
        scenario.ties =
            vec![tie("RUS", "SRB", 0.8, false), tie("RUS", "SRB", 0.4, false), tie("HUN", "SRB", 0.5, true)];
        let matrix = ties_matrix(&scenario, 2023);
        assert_eq!(matrix.rows, ["HUN", "RUS", "SRB"]);
        let (hungary, russia, serbia) = (0, 1, 2);
        assert!((matrix.cell(russia, serbia).unwrap().strength - 0.6).abs() < 1e-9, "the mean of 0.8 and 0.4");
        assert!((matrix.cell(serbia, russia).unwrap().strength - 0.6).abs() < 1e-9);
        assert_eq!(matrix.cell(russia, serbia).unwrap().records, [0, 1]);
        assert!(matrix.cell(hungary, serbia).is_some());
        assert!(matrix.cell(serbia, hungary).is_none(), "a directed tie goes one way");
        assert!(matrix.cell(hungary, russia).is_none());
    }

    #[test]
    fn reordering_moves_rows_columns_and_their_cells_together() {
        let mut scenario = small();
        scenario.ties = vec![tie("RUS", "SRB", 0.8, true), tie("HUN", "RUS", -0.5, true)];
        let matrix = ties_matrix(&scenario, 2023);
        assert_eq!(matrix.rows, ["HUN", "RUS", "SRB"]);
        let moved = matrix.reordered(&[2, 0, 1, 0, 7], &[1, 2]);
        assert_eq!(moved.rows, ["SRB", "HUN", "RUS"], "repeated and unknown indices are skipped");
        assert_eq!(moved.columns, ["RUS", "SRB"], "Hungary's column is left out");
        assert!((moved.cell(2, 1).unwrap().strength - 0.8).abs() < 1e-9, "Russia to Serbia");
        assert!((moved.cell(1, 0).unwrap().strength + 0.5).abs() < 1e-9, "Hungary to Russia");
        assert_eq!(moved.cells.len(), 2);
    }

    #[test]
    fn by_similarity_each_camp_of_allies_sits_together_and_a_neutral_friend_of_both_between() {
        // Two camps of mutual allies, hostile to each other, whose names interleave alphabetically, and a
        // neutral friend of everyone. By bloc (here, by name) the camps are mixed.
        let (camp_x, camp_y) = (["ALB", "CRO", "EST"], ["BLR", "DAG", "FJI"]);
        let mut scenario = Scenario::default();
        for camp in [camp_x, camp_y] {
            for (index, a) in camp.iter().enumerate() {
                for b in &camp[index + 1..] {
                    scenario.ties.push(tie(a, b, 0.8, false));
                }
            }
        }
        for (a, b) in camp_x.iter().flat_map(|a| camp_y.iter().map(move |b| (a, b))) {
            scenario.ties.push(tie(a, b, -0.7, false));
        }
        for actor in camp_x.iter().chain(&camp_y) {
            scenario.ties.push(tie("SWZ", actor, 0.3, false));
        }
        let matrix = ties_matrix(&scenario, 2023);
        assert_eq!(matrix.rows, ["ALB", "BLR", "CRO", "DAG", "EST", "FJI", "SWZ"]);
        let ordered = ties_by_similarity(&scenario, matrix);
        // Albania is named first, so its camp comes on top; the neutral sits between the camps.
        assert_eq!(ordered.rows, ["ALB", "CRO", "EST", "SWZ", "BLR", "DAG", "FJI"]);
        assert_eq!(ordered.columns, ordered.rows, "rows and columns keep one order");
        let (albania, belarus) = (0, 4);
        assert!((ordered.cell(albania, belarus).unwrap().strength + 0.7).abs() < 1e-9, "cells moved along");
    }

    #[test]
    fn by_similarity_actors_with_the_same_stances_sit_together_and_so_do_their_targets() {
        let mut scenario = Scenario::default();
        for by in ["AUT", "CAN", "EST"] {
            for target in ["RUS", "BLR", "IRN"] {
                scenario.sanctions.push(stance(by, target, Stance::Imposes));
            }
        }
        for by in ["BRA", "DZA"] {
            scenario.sanctions.push(stance(by, "RUS", Stance::Refuses));
            scenario.sanctions.push(stance(by, "BLR", Stance::Refuses));
            scenario.sanctions.push(stance(by, "IRN", Stance::Partial));
        }
        scenario.sanctions.push(stance("BRA", "PRK", Stance::Imposes));
        let matrix = sanctions_matrix(&scenario, 2023);
        assert_eq!(matrix.rows, ["AUT", "BRA", "CAN", "DZA", "EST"]);
        let ordered = sanctions_by_similarity(&scenario, matrix);
        assert_eq!(ordered.rows, ["AUT", "CAN", "EST", "BRA", "DZA"]);
        // Belarus and Russia meet the same stances; Iran partial ones too, and North Korea only Brazil's.
        assert_eq!(ordered.columns, ["BLR", "RUS", "IRN", "PRK"]);
        assert_eq!(ordered.cell(3, 1).unwrap().stance, Stance::Refuses, "Brazil on Russia");
    }

    fn world() -> Scenario {
        let text = crate::library::find("world-2022-2023.ron").expect("the world scenario is bundled").text;
        crate::io::load_text(text).scenario.expect("the world scenario loads")
    }

    /// Each row's ballots in column order, to compare rows.
    fn ballot_rows(matrix: &Matrix<BallotCell>) -> Vec<Vec<Option<Ballot>>> {
        (0..matrix.rows.len())
            .map(|row| {
                (0..matrix.columns.len()).map(|column| matrix.cell(row, column).map(|cell| cell.ballot)).collect()
            })
            .collect()
    }

    #[test]
    fn by_similarity_the_world_s_voters_with_the_same_ballots_sit_together() {
        let scenario = world();
        let by_bloc = votes_matrix(&scenario);
        let by_similarity = votes_by_similarity(&scenario, by_bloc.clone());
        assert_eq!(by_similarity.columns, by_bloc.columns, "votes stay in date order");
        let mut rows = by_similarity.rows.clone();
        rows.sort();
        let mut bloc_rows = by_bloc.rows.clone();
        bloc_rows.sort();
        assert_eq!(rows, bloc_rows, "every voter is kept");
        assert_eq!(by_similarity.cells.len(), by_bloc.cells.len());
        let changes = |matrix: &Matrix<BallotCell>| {
            let rows = ballot_rows(matrix);
            rows.windows(2).filter(|pair| pair[0] != pair[1]).count()
        };
        // Every group of identical ballot rows is one run, so the changes from one row to the next are one
        // fewer than the distinct rows; by bloc the same rows are scattered.
        let mut distinct = ballot_rows(&by_bloc);
        distinct.sort();
        distinct.dedup();
        assert_eq!(changes(&by_similarity), distinct.len() - 1);
        assert!(changes(&by_bloc) > 2 * changes(&by_similarity), "{} changes by bloc", changes(&by_bloc));
        // And neighbours differ in fewer ballots: the patterns that follow each other are alike too.
        let differences = |matrix: &Matrix<BallotCell>| -> usize {
            let rows = ballot_rows(matrix);
            rows.windows(2).map(|pair| pair[0].iter().zip(&pair[1]).filter(|(a, b)| a != b).count()).sum()
        };
        let (bloc, similarity) = (differences(&by_bloc), differences(&by_similarity));
        assert!(3 * similarity < bloc, "{similarity} ballots differ between neighbours by similarity, {bloc} by bloc");
        assert_eq!(votes_by_similarity(&scenario, by_bloc.clone()), by_similarity, "the same every time");
    }
}
