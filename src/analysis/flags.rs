//! Consistency flags: places where an actor's stances, dependence and votes pull different ways, each explained
//! in a sentence and linked to the records behind it.

use serde::Serialize;

use super::alignment::agreement;
use super::dependence::dependences;
use crate::format::{percent, signed};
use crate::model::{Dated, RecordRef, Scenario, Stance};

/// Dependence above this share makes a sanctions stance worth a flag.
pub const DEPENDENT_ABOVE: f64 = 0.5;
/// Ties at least this friendly, with agreement below half, are flagged.
pub const FRIENDLY_FROM: f64 = 0.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Refuses (or opposes) sanctions on a supplier it depends on for over half of a commodity.
    RefusesWhileDependent,
    /// Imposes, aligns with or applies sanctions on a supplier it depends on for over half of a commodity.
    SanctionsWhileDependent,
    /// A friendly tie, but the two vote apart more often than not.
    FriendlyButVotesApart,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub actor: String,
    pub other: String,
    /// The explanation, in a sentence.
    pub text: String,
    #[serde(skip)]
    pub records: Vec<RecordRef>,
}

/// Every flag in `year`.
pub fn flags(scenario: &Scenario, year: i32) -> Vec<Flag> {
    let mut found = sanction_flags(scenario, year);
    found.extend(vote_flags(scenario, year));
    found
}

fn sanction_flags(scenario: &Scenario, year: i32) -> Vec<Flag> {
    let supply = dependences(scenario, year);
    let mut found = Vec::new();
    for (index, stance) in scenario.sanctions.iter().enumerate().filter(|(_, stance)| stance.period().applies_in(year))
    {
        for dependence in supply.iter().filter(|dependence| dependence.consumer == stance.by) {
            let share = dependence.share_from(&stance.target);
            if share <= DEPENDENT_ABOVE {
                continue;
            }
            let (kind, verb) = match stance.stance {
                Stance::Refuses => (FlagKind::RefusesWhileDependent, "refuses"),
                Stance::Opposes => (FlagKind::RefusesWhileDependent, "opposes"),
                Stance::Imposes => (FlagKind::SanctionsWhileDependent, "imposes"),
                Stance::Aligns => (FlagKind::SanctionsWhileDependent, "aligns with"),
                Stance::Partial => (FlagKind::SanctionsWhileDependent, "applies part of the"),
            };
            let (by, target) = (scenario.actor_name(&stance.by), scenario.actor_name(&stance.target));
            let text = format!(
                "{by} {verb} sanctions on {target} while getting {} of its {} from {target} in {year}",
                percent(share),
                dependence.commodity.label().to_lowercase()
            );
            let energy = dependence.suppliers.iter().filter(|supplier| supplier.supplier == stance.target);
            let mut records = vec![RecordRef::Sanctions(index)];
            records
                .extend(energy.flat_map(|supplier| supplier.records.iter().map(|&record| RecordRef::Energy(record))));
            found.push(Flag { kind, actor: stance.by.clone(), other: stance.target.clone(), text, records });
        }
    }
    found
}

fn vote_flags(scenario: &Scenario, year: i32) -> Vec<Flag> {
    let mut found: Vec<Flag> = Vec::new();
    let ties = scenario
        .ties
        .iter()
        .enumerate()
        .filter(|(_, tie)| tie.period().applies_in(year) && tie.strength >= FRIENDLY_FROM);
    for (index, tie) in ties {
        let already = found
            .iter()
            .any(|flag| (flag.actor == tie.a && flag.other == tie.b) || (flag.actor == tie.b && flag.other == tie.a));
        let Some(agreed) = agreement(scenario, &tie.a, &tie.b) else { continue };
        if already || agreed.votes < 2 || agreed.score >= 0.5 {
            continue;
        }
        let (a, b) = (scenario.actor_name(&tie.a), scenario.actor_name(&tie.b));
        let text = format!(
            "{a} and {b} have a friendly tie ({}, {}) but agreed in {} of the {} votes both cast",
            tie.kind.label().to_lowercase(),
            signed(tie.strength),
            percent(agreed.score),
            agreed.votes
        );
        let mut records = vec![RecordRef::Tie(index)];
        records.extend(
            scenario
                .votes
                .iter()
                .enumerate()
                .filter(|(_, vote)| vote.ballots.contains_key(&tie.a) && vote.ballots.contains_key(&tie.b))
                .map(|(vote, _)| RecordRef::Vote(vote)),
        );
        found.push(Flag {
            kind: FlagKind::FriendlyButVotesApart,
            actor: tie.a.clone(),
            other: tie.b.clone(),
            text,
            records,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_scenario_flags_serbia_and_hungary() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let found = flags(&scenario, 2023);
        let texts: Vec<&str> = found.iter().map(|flag| flag.text.as_str()).collect();
        assert!(
            texts.contains(&"Serbia refuses sanctions on Russia while getting 62% of its gas from Russia in 2023"),
            "{texts:#?}"
        );
        let votes_apart = found.iter().find(|flag| flag.kind == FlagKind::FriendlyButVotesApart).expect("a vote flag");
        assert_eq!(
            (votes_apart.actor.as_str(), votes_apart.other.as_str()),
            ("RUS", "SRB"),
            "Russia supports Serbia, yet they agreed in an eighth of the UN votes"
        );
        assert!(votes_apart.text.ends_with("agreed in 12% of the 4 votes both cast"), "{}", votes_apart.text);
        assert!(found.iter().all(|flag| !flag.records.is_empty()), "every flag links to its records");
    }
}
