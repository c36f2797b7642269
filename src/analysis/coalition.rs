//! Sanctions coalitions: who imposes, aligns with, applies part of, refuses or opposes measures against a
//! target, and how much of each bloc takes part.

use serde::Serialize;

use crate::model::{ActorKind, Dated, Scenario, Stance};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coalition {
    pub target: String,
    pub year: i32,
    /// Actor ids by stance, in the order of `Stance`.
    pub stances: Vec<(Stance, Vec<String>)>,
    pub blocs: Vec<BlocParticipation>,
}

/// How many of a bloc's members in the year (`Actor::members_in`) take part (impose, align or apply part of the
/// measures).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlocParticipation {
    pub bloc: String,
    pub members: usize,
    pub taking_part: usize,
    /// The bloc itself imposes (or otherwise takes part in) measures.
    pub bloc_takes_part: bool,
}

pub fn takes_part(stance: Stance) -> bool {
    matches!(stance, Stance::Imposes | Stance::Aligns | Stance::Partial)
}

/// The coalition for and against sanctions on `target` in `year`. With several stances of one actor, the last
/// in the file counts.
pub fn coalition(scenario: &Scenario, target: &str, year: i32) -> Coalition {
    let mut stance_of: Vec<(&str, Stance)> = Vec::new();
    for stance in scenario.sanctions.iter().filter(|stance| stance.target == target && stance.period().applies_in(year))
    {
        match stance_of.iter_mut().find(|(by, _)| *by == stance.by) {
            Some(known) => known.1 = stance.stance,
            None => stance_of.push((&stance.by, stance.stance)),
        }
    }
    let stances = Stance::ALL
        .into_iter()
        .map(|wanted| {
            let mut actors: Vec<String> =
                stance_of.iter().filter(|(_, stance)| *stance == wanted).map(|(by, _)| (*by).to_owned()).collect();
            actors.sort_by(|a, b| crate::format::natural_cmp(scenario.actor_name(a), scenario.actor_name(b)));
            (wanted, actors)
        })
        .filter(|(_, actors)| !actors.is_empty())
        .collect();
    let part_of = |id: &str| stance_of.iter().any(|(by, stance)| *by == id && takes_part(*stance));
    let blocs = scenario
        .actors
        .iter()
        .filter(|actor| actor.kind == ActorKind::Bloc)
        .map(|bloc| (bloc, bloc.members_in(year)))
        .filter(|(_, members)| !members.is_empty())
        .map(|(bloc, members)| BlocParticipation {
            bloc: bloc.id.clone(),
            members: members.len(),
            taking_part: members.iter().filter(|member| part_of(member)).count(),
            bloc_takes_part: part_of(&bloc.id),
        })
        .collect();
    Coalition { target: target.to_owned(), year, stances, blocs }
}

/// Targets of sanctions in `year`, the most sanctioned first.
pub fn targets(scenario: &Scenario, year: i32) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for stance in scenario.sanctions.iter().filter(|stance| stance.period().applies_in(year)) {
        match counts.iter_mut().find(|(target, _)| *target == stance.target) {
            Some((_, count)) => *count += 1,
            None => counts.push((stance.target.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(target, _)| target).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coalition_against_russia_in_the_bundled_scenario() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        assert_eq!(targets(&scenario, 2023)[0], "RUS");
        let found = coalition(&scenario, "RUS", 2023);
        let refusing = &found.stances.iter().find(|(stance, _)| *stance == Stance::Refuses).unwrap().1;
        assert!(refusing.contains(&"SRB".to_owned()));
        let eu = found.blocs.iter().find(|bloc| bloc.bloc == "EU").unwrap();
        assert!(eu.bloc_takes_part);
        assert!(eu.taking_part <= eu.members);
    }

    #[test]
    fn bloc_participation_counts_members_taking_part() {
        let text = r#"Scenario(format: 1, title: "Coalition",
            actors: [
                Actor(id: "A", name: "A", kind: State), Actor(id: "B", name: "B", kind: State),
                Actor(id: "T", name: "Target", kind: State),
                Actor(id: "BLOC", name: "Bloc", kind: Bloc, members: ["A", "B"]),
            ],
            sanctions: [
                SanctionStance(by: "A", target: "T", stance: Aligns, year: 2023),
                SanctionStance(by: "B", target: "T", stance: Imposes, year: 2022),
                SanctionStance(by: "B", target: "T", stance: Refuses, year: 2023),
            ])"#;
        let scenario = crate::io::load_text(text).scenario.unwrap();
        let found = coalition(&scenario, "T", 2023);
        assert_eq!(found.blocs[0].taking_part, 1);
        assert_eq!(found.blocs[0].members, 2);
        assert!(!found.blocs[0].bloc_takes_part);
        assert_eq!(found.stances, [(Stance::Aligns, vec!["A".to_owned()]), (Stance::Refuses, vec!["B".to_owned()])]);
    }

    #[test]
    fn a_bloc_counts_the_members_of_the_year() {
        // C joins in 2023; D is an observer: in 2022 the bloc has two members, in 2023 three.
        let text = r#"Scenario(format: 1, title: "Coalition",
            actors: [
                Actor(id: "A", name: "A", kind: State), Actor(id: "B", name: "B", kind: State),
                Actor(id: "C", name: "C", kind: State), Actor(id: "D", name: "D", kind: State),
                Actor(id: "T", name: "Target", kind: State),
                Actor(id: "BLOC", name: "Bloc", kind: Bloc, members: ["A", "B"], memberships: [
                    Membership(member: "C", from: "2023-04-04"),
                    Membership(member: "D", status: Observer),
                ]),
            ],
            sanctions: [
                SanctionStance(by: "A", target: "T", stance: Imposes, from: "2022"),
                SanctionStance(by: "C", target: "T", stance: Imposes, from: "2022"),
                SanctionStance(by: "D", target: "T", stance: Imposes, from: "2022"),
            ])"#;
        let scenario = crate::io::load_text(text).scenario.unwrap();
        let in_2022 = &coalition(&scenario, "T", 2022).blocs[0];
        assert_eq!((in_2022.members, in_2022.taking_part), (2, 1), "A of A and B");
        let in_2023 = &coalition(&scenario, "T", 2023).blocs[0];
        assert_eq!((in_2023.members, in_2023.taking_part), (3, 2), "A and C of A, B and C");
    }
}
