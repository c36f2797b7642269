//! Scenario differences: between two files (year by year), or between two years of one file. Actors added or
//! removed, energy shares, sanctions stances and tie strengths that changed, appeared or disappeared.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::charts::flows_in;
use crate::format::{percent, signed};
use crate::model::{Commodity, Dated, Scenario, ShareBasis, Stance, TieKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioDiff {
    pub actors_added: Vec<String>,
    pub actors_removed: Vec<String>,
    pub changes: Vec<Change>,
}

/// One thing that differs. `year` is the year compared in a diff of two files, `None` in a diff of two years.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Share {
        year: Option<i32>,
        supplier: String,
        consumer: String,
        commodity: Commodity,
        basis: ShareBasis,
        before: Option<f64>,
        after: Option<f64>,
    },
    Stance {
        year: Option<i32>,
        by: String,
        target: String,
        before: Option<Stance>,
        after: Option<Stance>,
    },
    Tie {
        year: Option<i32>,
        a: String,
        b: String,
        tie_kind: TieKind,
        before: Option<f64>,
        after: Option<f64>,
    },
}

/// What a side of a change says when the scenario has no record there: the record is missing, which is not the
/// same as a share of zero or a stance withdrawn.
pub const NO_RECORD: &str = "no record";

impl Change {
    /// The actors the change is about, for highlighting them.
    pub fn actors(&self) -> [&str; 2] {
        match self {
            Change::Share { supplier, consumer, .. } => [supplier, consumer],
            Change::Stance { by, target, .. } => [by, target],
            Change::Tie { a, b, .. } => [a, b],
        }
    }

    /// A line for reports: "Serbia's gas from Russia: 80% -> 85%".
    pub fn describe(&self, scenario: &Scenario) -> String {
        let name = |id: &str| scenario.actor_name(id).to_owned();
        let value = |value: Option<String>| value.unwrap_or_else(|| NO_RECORD.to_owned());
        match self {
            Change::Share { supplier, consumer, commodity, basis, before, after, .. } => {
                let of = if *basis == ShareBasis::Imports { " imports" } else { "" };
                format!(
                    "{}'s {}{of} from {}: {} -> {}",
                    name(consumer),
                    commodity.label().to_lowercase(),
                    name(supplier),
                    value(before.map(percent)),
                    value(after.map(percent))
                )
            }
            Change::Stance { by, target, before, after, .. } => format!(
                "{} on sanctions against {}: {} -> {}",
                name(by),
                name(target),
                value(before.map(|stance| stance.label().to_lowercase())),
                value(after.map(|stance| stance.label().to_lowercase()))
            ),
            Change::Tie { a, b, tie_kind, before, after, .. } => format!(
                "{} tie between {} and {}: {} -> {}",
                tie_kind.label(),
                name(a),
                name(b),
                value(before.map(signed)),
                value(after.map(signed))
            ),
        }
    }

    pub fn year(&self) -> Option<i32> {
        match self {
            Change::Share { year, .. } | Change::Stance { year, .. } | Change::Tie { year, .. } => *year,
        }
    }
}

/// What applies in one year, keyed so that two years or two files can be compared.
#[derive(Default)]
struct Snapshot {
    shares: BTreeMap<(String, String, Commodity, ShareBasis), f64>,
    stances: BTreeMap<(String, String), Stance>,
    ties: BTreeMap<(String, String, TieKind), f64>,
}

fn snapshot(scenario: &Scenario, year: i32) -> Snapshot {
    let mut found = Snapshot::default();
    for (_, flow) in flows_in(scenario, year) {
        let key = (flow.supplier.clone(), flow.consumer.clone(), flow.commodity.clone(), flow.basis);
        *found.shares.entry(key).or_default() += flow.share;
    }
    for stance in scenario.sanctions.iter().filter(|stance| stance.period().applies_in(year)) {
        found.stances.insert((stance.by.clone(), stance.target.clone()), stance.stance);
    }
    for tie in scenario.ties.iter().filter(|tie| tie.period().applies_in(year)) {
        // A mutual tie is the same whichever actor the file names first.
        let (a, b) = if tie.directed || tie.a <= tie.b { (&tie.a, &tie.b) } else { (&tie.b, &tie.a) };
        found.ties.insert((a.clone(), b.clone(), tie.kind), tie.strength);
    }
    found
}

/// The keys of both maps, each once, in order.
fn union<'a, Key: Ord + Clone, Value>(
    before: &'a BTreeMap<Key, Value>,
    after: &'a BTreeMap<Key, Value>,
) -> BTreeSet<&'a Key> {
    before.keys().chain(after.keys()).collect()
}

fn compare(before: &Snapshot, after: &Snapshot, year: Option<i32>, changes: &mut Vec<Change>) {
    let differs = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() > 1e-9,
        (a, b) => a.is_some() != b.is_some(),
    };
    for key in union(&before.shares, &after.shares) {
        let (was, now) = (before.shares.get(key).copied(), after.shares.get(key).copied());
        if differs(was, now) {
            let (supplier, consumer, commodity, basis) = key.clone();
            changes.push(Change::Share { year, supplier, consumer, commodity, basis, before: was, after: now });
        }
    }
    for key in union(&before.stances, &after.stances) {
        let (was, now) = (before.stances.get(key).copied(), after.stances.get(key).copied());
        if was != now {
            changes.push(Change::Stance { year, by: key.0.clone(), target: key.1.clone(), before: was, after: now });
        }
    }
    for key in union(&before.ties, &after.ties) {
        let (was, now) = (before.ties.get(key).copied(), after.ties.get(key).copied());
        if differs(was, now) {
            let (a, b, tie_kind) = key.clone();
            changes.push(Change::Tie { year, a, b, tie_kind, before: was, after: now });
        }
    }
}

/// What changed in one scenario from `from` to `to`.
pub fn diff_years(scenario: &Scenario, from: i32, to: i32) -> ScenarioDiff {
    let mut changes = Vec::new();
    compare(&snapshot(scenario, from), &snapshot(scenario, to), None, &mut changes);
    ScenarioDiff { actors_added: Vec::new(), actors_removed: Vec::new(), changes }
}

/// What differs from file `before` to file `after`: actors, then each year either file names.
pub fn diff_scenarios(before: &Scenario, after: &Scenario) -> ScenarioDiff {
    let ids = |scenario: &Scenario| scenario.actors.iter().map(|actor| actor.id.clone()).collect::<BTreeSet<_>>();
    let (was, now) = (ids(before), ids(after));
    let mut years: Vec<i32> = before.years().into_iter().chain(after.years()).collect();
    years.sort_unstable();
    years.dedup();
    let mut changes = Vec::new();
    for year in years {
        compare(&snapshot(before, year), &snapshot(after, year), Some(year), &mut changes);
    }
    ScenarioDiff {
        actors_added: now.difference(&was).cloned().collect(),
        actors_removed: was.difference(&now).cloned().collect(),
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_scenarios::{actor, flow, small};
    use crate::model::ActorKind;

    #[test]
    fn two_years_differ_in_the_shares_that_changed_appeared_or_went() {
        let scenario = small();
        let diff = diff_years(&scenario, 2021, 2023);
        let lines: Vec<String> = diff.changes.iter().map(|change| change.describe(&scenario)).collect();
        assert_eq!(
            lines,
            [
                "Hungary's gas from Azerbaijan: no record -> 33%".replace("Hungary", "Bulgaria"),
                "Bulgaria's gas from Russia: 77% -> no record".to_owned(),
                "Hungary's gas from Russia: no record -> 65%".to_owned(),
                "Serbia's gas from Russia: 80% -> 85%".to_owned(),
                "Serbia's gas from Serbia: no record -> 15%".to_owned(),
            ]
        );
    }

    #[test]
    fn two_files_differ_in_actors_and_in_each_year() {
        let before = small();
        let mut after = small();
        after.actors.push(actor("TUR", "Turkey", ActorKind::State));
        after.actors.retain(|actor| actor.id != "AZE");
        after.energy.retain(|flow| flow.supplier != "AZE");
        after.energy.push(flow("RUS", "TUR", 0.4, 2023));
        let diff = diff_scenarios(&before, &after);
        assert_eq!(diff.actors_added, ["TUR"]);
        assert_eq!(diff.actors_removed, ["AZE"]);
        assert!(diff.changes.iter().all(|change| change.year() == Some(2023)), "nothing changed in 2021");
        assert_eq!(diff.changes.len(), 2);
        assert!(diff_scenarios(&before, &before).changes.is_empty());
    }
}
