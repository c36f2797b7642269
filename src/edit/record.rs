//! A record of any kind, by value or by place, for edits and editors that work on every kind alike.

use crate::model::{Actor, EnergyFlow, Event, SanctionStance, Scenario, Source, StoryStep, Tie, Vote};

/// The kinds of record a scenario lists, in the order the editor shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    #[default]
    Actor,
    Energy,
    Sanctions,
    Tie,
    Vote,
    Event,
    Source,
    StoryStep,
}

impl RecordKind {
    pub const ALL: [RecordKind; 8] = [
        RecordKind::Actor,
        RecordKind::Energy,
        RecordKind::Sanctions,
        RecordKind::Tie,
        RecordKind::Vote,
        RecordKind::Event,
        RecordKind::Source,
        RecordKind::StoryStep,
    ];

    /// "energy flow", for sentences.
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Actor => "actor",
            RecordKind::Energy => "energy flow",
            RecordKind::Sanctions => "sanctions stance",
            RecordKind::Tie => "tie",
            RecordKind::Vote => "vote",
            RecordKind::Event => "event",
            RecordKind::Source => "source",
            RecordKind::StoryStep => "story step",
        }
    }

    /// "Energy flows", for headings and tabs.
    pub fn plural_title(self) -> &'static str {
        match self {
            RecordKind::Actor => "Actors",
            RecordKind::Energy => "Energy flows",
            RecordKind::Sanctions => "Sanctions",
            RecordKind::Tie => "Ties",
            RecordKind::Vote => "Votes",
            RecordKind::Event => "Events",
            RecordKind::Source => "Sources",
            RecordKind::StoryStep => "Story",
        }
    }

    /// The scenario field that lists records of this kind, as diagnostics name it ("energy" in "energy[3].share").
    pub fn field(self) -> &'static str {
        match self {
            RecordKind::Actor => "actors",
            RecordKind::Energy => "energy",
            RecordKind::Sanctions => "sanctions",
            RecordKind::Tie => "ties",
            RecordKind::Vote => "votes",
            RecordKind::Event => "events",
            RecordKind::Source => "sources",
            RecordKind::StoryStep => "story",
        }
    }

    /// The type of record in the format's schema, which lists its fields.
    pub fn record_type(self) -> crate::model::schema::RecordType {
        use crate::model::schema::RecordType;
        match self {
            RecordKind::Actor => RecordType::Actor,
            RecordKind::Energy => RecordType::EnergyFlow,
            RecordKind::Sanctions => RecordType::SanctionStance,
            RecordKind::Tie => RecordType::Tie,
            RecordKind::Vote => RecordType::Vote,
            RecordKind::Event => RecordType::Event,
            RecordKind::Source => RecordType::Source,
            RecordKind::StoryStep => RecordType::StoryStep,
        }
    }

    pub fn count(self, scenario: &Scenario) -> usize {
        match self {
            RecordKind::Actor => scenario.actors.len(),
            RecordKind::Energy => scenario.energy.len(),
            RecordKind::Sanctions => scenario.sanctions.len(),
            RecordKind::Tie => scenario.ties.len(),
            RecordKind::Vote => scenario.votes.len(),
            RecordKind::Event => scenario.events.len(),
            RecordKind::Source => scenario.sources.len(),
            RecordKind::StoryStep => scenario.story.len(),
        }
    }
}

/// One record by value.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Actor(Actor),
    Energy(EnergyFlow),
    Sanctions(SanctionStance),
    Tie(Tie),
    Vote(Vote),
    Event(Event),
    Source(Source),
    StoryStep(StoryStep),
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Actor(_) => RecordKind::Actor,
            Record::Energy(_) => RecordKind::Energy,
            Record::Sanctions(_) => RecordKind::Sanctions,
            Record::Tie(_) => RecordKind::Tie,
            Record::Vote(_) => RecordKind::Vote,
            Record::Event(_) => RecordKind::Event,
            Record::Source(_) => RecordKind::Source,
            Record::StoryStep(_) => RecordKind::StoryStep,
        }
    }

    /// A copy of the record at `index` of `kind`, if there is one.
    pub fn get(scenario: &Scenario, kind: RecordKind, index: usize) -> Option<Record> {
        Some(match kind {
            RecordKind::Actor => Record::Actor(scenario.actors.get(index)?.clone()),
            RecordKind::Energy => Record::Energy(scenario.energy.get(index)?.clone()),
            RecordKind::Sanctions => Record::Sanctions(scenario.sanctions.get(index)?.clone()),
            RecordKind::Tie => Record::Tie(scenario.ties.get(index)?.clone()),
            RecordKind::Vote => Record::Vote(scenario.votes.get(index)?.clone()),
            RecordKind::Event => Record::Event(scenario.events.get(index)?.clone()),
            RecordKind::Source => Record::Source(scenario.sources.get(index)?.clone()),
            RecordKind::StoryStep => Record::StoryStep(scenario.story.get(index)?.clone()),
        })
    }

    /// Puts the record at `index` of its kind: replacing the one there, or appending when `index` is the count.
    /// Returns false (and changes nothing) when `index` is beyond that.
    pub(super) fn put(self, scenario: &mut Scenario, index: usize) -> bool {
        fn put_in<T>(list: &mut Vec<T>, index: usize, value: T) -> bool {
            match index.cmp(&list.len()) {
                std::cmp::Ordering::Less => list[index] = value,
                std::cmp::Ordering::Equal => list.push(value),
                std::cmp::Ordering::Greater => return false,
            }
            true
        }
        match self {
            Record::Actor(value) => put_in(&mut scenario.actors, index, value),
            Record::Energy(value) => put_in(&mut scenario.energy, index, value),
            Record::Sanctions(value) => put_in(&mut scenario.sanctions, index, value),
            Record::Tie(value) => put_in(&mut scenario.ties, index, value),
            Record::Vote(value) => put_in(&mut scenario.votes, index, value),
            Record::Event(value) => put_in(&mut scenario.events, index, value),
            Record::Source(value) => put_in(&mut scenario.sources, index, value),
            Record::StoryStep(value) => put_in(&mut scenario.story, index, value),
        }
    }

    /// Inserts the record at `index` of its kind (at the end when beyond it).
    pub(super) fn insert(self, scenario: &mut Scenario, index: usize) {
        fn insert_in<T>(list: &mut Vec<T>, index: usize, value: T) {
            list.insert(index.min(list.len()), value);
        }
        match self {
            Record::Actor(value) => insert_in(&mut scenario.actors, index, value),
            Record::Energy(value) => insert_in(&mut scenario.energy, index, value),
            Record::Sanctions(value) => insert_in(&mut scenario.sanctions, index, value),
            Record::Tie(value) => insert_in(&mut scenario.ties, index, value),
            Record::Vote(value) => insert_in(&mut scenario.votes, index, value),
            Record::Event(value) => insert_in(&mut scenario.events, index, value),
            Record::Source(value) => insert_in(&mut scenario.sources, index, value),
            Record::StoryStep(value) => insert_in(&mut scenario.story, index, value),
        }
    }
}

/// Removes the records at `indices` (in any order, repeats ignored) from the list of `kind`.
pub(super) fn remove(scenario: &mut Scenario, kind: RecordKind, indices: &[usize]) {
    fn remove_from<T>(list: &mut Vec<T>, indices: &[usize]) {
        let mut index = 0;
        list.retain(|_| {
            let keep = !indices.contains(&index);
            index += 1;
            keep
        });
    }
    match kind {
        RecordKind::Actor => remove_from(&mut scenario.actors, indices),
        RecordKind::Energy => remove_from(&mut scenario.energy, indices),
        RecordKind::Sanctions => remove_from(&mut scenario.sanctions, indices),
        RecordKind::Tie => remove_from(&mut scenario.ties, indices),
        RecordKind::Vote => remove_from(&mut scenario.votes, indices),
        RecordKind::Event => remove_from(&mut scenario.events, indices),
        RecordKind::Source => remove_from(&mut scenario.sources, indices),
        RecordKind::StoryStep => remove_from(&mut scenario.story, indices),
    }
}
