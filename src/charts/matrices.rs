//! Matrices: sanctions stances (who, against whom) and diplomatic ties (signed strength between pairs) in one
//! year, and ballots (who voted how on each vote, all years), with actors ordered by bloc so that members sit
//! together.

use std::collections::HashMap;

use crate::model::{Ballot, Dated, Scenario, Stance};

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
}
