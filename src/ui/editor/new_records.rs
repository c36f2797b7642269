//! The records "New" adds: filled with sensible defaults from what the person is looking at (the selected actors,
//! the chosen year), marked as estimates to be checked until a source is cited.

use crate::edit::{Record, RecordKind, unused_id};
use crate::model::{
    Actor, ActorKind, Certainty, Commodity, EnergyFlow, Event, SanctionStance, Scenario, ShareBasis, Source, Stance,
    StoryStep, Tie, TieKind, Vote,
};

const NOTE: &str = "Added in GeoDep: check the figures and cite a source.";

/// A new record of `kind`; `actors` are the selected actor ids (the first two become its ends), `year` the one shown.
pub fn new_record(scenario: &Scenario, kind: RecordKind, actors: &[String], year: Option<i32>) -> Record {
    let first = actors.first().or_else(|| scenario.actors.first().map(|actor| &actor.id)).cloned().unwrap_or_default();
    let second = actors
        .get(1)
        .or_else(|| scenario.actors.iter().map(|actor| &actor.id).find(|id| **id != first))
        .cloned()
        .unwrap_or_else(|| first.clone());
    let note = Some(NOTE.to_owned());
    match kind {
        RecordKind::Actor => Record::Actor(Actor::new(unused_id(scenario, "NEW"), "New actor", ActorKind::State)),
        RecordKind::Energy => Record::Energy(EnergyFlow {
            supplier: second,
            consumer: first,
            commodity: Commodity::Gas,
            // Zero until set: any other default could push the consumer's shares past 100%.
            share: 0.0,
            basis: ShareBasis::Consumption,
            volume: None,
            via: Vec::new(),
            route: None,
            year,
            from: None,
            until: None,
            certainty: Certainty::Estimate,
            note,
            sources: Vec::new(),
        }),
        RecordKind::Sanctions => Record::Sanctions(SanctionStance {
            by: first,
            target: second,
            stance: Stance::Imposes,
            year,
            from: None,
            until: None,
            certainty: Certainty::Estimate,
            note,
            sources: Vec::new(),
        }),
        RecordKind::Tie => Record::Tie(Tie {
            a: first,
            b: second,
            kind: TieKind::Partnership,
            strength: 0.5,
            topic: None,
            directed: false,
            year,
            from: None,
            until: None,
            certainty: Certainty::Estimate,
            note,
            sources: Vec::new(),
        }),
        RecordKind::Vote => Record::Vote(Vote {
            id: free_id(scenario.votes.iter().map(|vote| vote.id.as_str()), "vote"),
            date: year.unwrap_or(2024).to_string(),
            title: "New vote".to_owned(),
            body: Some("UN General Assembly".to_owned()),
            ballots: actors.iter().map(|id| (id.clone(), crate::model::Ballot::Yes)).collect(),
            totals: None,
            note: None,
            sources: Vec::new(),
        }),
        RecordKind::Event => Record::Event(Event {
            date: year.unwrap_or(2024).to_string(),
            title: "New event".to_owned(),
            description: None,
            actors: actors.to_vec(),
            sources: Vec::new(),
        }),
        RecordKind::Source => Record::Source(Source {
            id: free_id(scenario.sources.iter().map(|source| source.id.as_str()), "source"),
            title: "New source".to_owned(),
            publisher: None,
            date: None,
            url: None,
            reliability: None,
            note: None,
        }),
        RecordKind::StoryStep => Record::StoryStep(StoryStep {
            title: format!("Step {}", scenario.story.len() + 1),
            caption: String::new(),
            notes: None,
            view: Default::default(),
            layers: Vec::new(),
            focus: actors.to_vec(),
            route: None,
            year,
            years: None,
            shock: None,
            camera: None,
            filters: None,
        }),
    }
}

/// `base-1`, `base-2` … whichever is not taken yet.
fn free_id<'a>(taken: impl Iterator<Item = &'a str>, base: &str) -> String {
    let taken: Vec<&str> = taken.collect();
    (1..)
        .map(|number| format!("{base}-{number}"))
        .find(|id| !taken.contains(&id.as_str()))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_records_use_the_selected_actors_and_the_year_and_validate() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let selected = ["SRB".to_owned(), "RUS".to_owned()];
        for kind in RecordKind::ALL {
            let mut edited = scenario.clone();
            crate::edit::Edit::Add(new_record(&scenario, kind, &selected, Some(2023))).apply(&mut edited).unwrap();
            let errors: Vec<_> =
                crate::validate::validate(&edited).into_iter().filter(|diagnostic| diagnostic.is_error()).collect();
            assert!(errors.is_empty(), "a new {} is valid: {errors:?}", kind.noun());
        }
        let Record::Energy(flow) = new_record(&scenario, RecordKind::Energy, &selected, Some(2023)) else { panic!() };
        assert_eq!((flow.consumer.as_str(), flow.supplier.as_str(), flow.year), ("SRB", "RUS", Some(2023)));
    }
}
