//! The scenario: plain serde data describing actors and the records between them.
//!
//! This room holds data and small facts about it (labels, periods, the field schema). It does no I/O and
//! knows nothing of egui; validation lives in `crate::validate`, files in `crate::io`.

mod actor;
mod compact;
pub mod date;
mod history;
pub mod period;
mod records;
mod reliability;
mod route;
pub mod schema;
mod story;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use actor::{Actor, ActorKind, GeoPoint, Membership, MembershipStatus};
pub use history::{Ballot, Event, Source, Vote, VoteTotals};
pub use period::{Dated, Period};
pub use records::{Certainty, Commodity, EnergyFlow, SanctionStance, ShareBasis, Stance, Tie, TieKind, Unit, Volume};
pub use reliability::{Reliability, SourceGrades};
pub use route::{Route, route_key, same_route};
pub use story::{Layer, Position, StoryCamera, StoryFilters, StoryShock, StoryStep, ViewKind};

/// One record of a scenario, by kind and index, for views that point at a record (a highlighted row, a band).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Energy(usize),
    Sanctions(usize),
    Tie(usize),
    Vote(usize),
    Event(usize),
}

impl RecordRef {
    /// Where the record is in the file, as `geodep check` names it: `energy[3]`, `ties[0]`.
    pub fn path(self) -> String {
        match self {
            RecordRef::Energy(index) => format!("energy[{index}]"),
            RecordRef::Sanctions(index) => format!("sanctions[{index}]"),
            RecordRef::Tie(index) => format!("ties[{index}]"),
            RecordRef::Vote(index) => format!("votes[{index}]"),
            RecordRef::Event(index) => format!("events[{index}]"),
        }
    }
}

/// The newest scenario format this build reads and writes.
pub const CURRENT_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub format: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The date the scenario describes the world as of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub energy: Vec<EnergyFlow>,
    /// Named routes with the course they take on the map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<SanctionStance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Tie>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Saved node positions by actor id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub layout: BTreeMap<String, Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<StoryStep>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            format: CURRENT_FORMAT,
            title: "Untitled scenario".to_owned(),
            summary: String::new(),
            as_of: None,
            actors: Vec::new(),
            energy: Vec::new(),
            routes: Vec::new(),
            sanctions: Vec::new(),
            ties: Vec::new(),
            votes: Vec::new(),
            events: Vec::new(),
            sources: Vec::new(),
            layout: BTreeMap::new(),
            story: Vec::new(),
        }
    }
}

impl Scenario {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|actor| actor.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The display name of an actor id, or the id itself when the actor is unknown.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |actor| actor.name.as_str())
    }

    /// The declared route with this name (compared trimmed and ignoring letter case, as flows name routes).
    pub fn route(&self, name: &str) -> Option<&Route> {
        self.routes.iter().find(|route| same_route(&route.name, name))
    }

    /// Every record's list of cited source ids (actors, memberships, energy flows, routes, stances, ties, votes,
    /// events).
    pub fn citation_lists(&self) -> impl Iterator<Item = &Vec<String>> {
        self.actors
            .iter()
            .map(|actor| &actor.sources)
            .chain(self.actors.iter().flat_map(|actor| &actor.memberships).map(|membership| &membership.sources))
            .chain(self.energy.iter().map(|flow| &flow.sources))
            .chain(self.routes.iter().map(|route| &route.sources))
            .chain(self.sanctions.iter().map(|stance| &stance.sources))
            .chain(self.ties.iter().map(|tie| &tie.sources))
            .chain(self.votes.iter().map(|vote| &vote.sources))
            .chain(self.events.iter().map(|event| &event.sources))
    }

    /// The first bloc that lists this actor as a member (or that it is), for grouping and ordering. A member
    /// or suspended member by `memberships`, at any time, counts as for `Derived::member_of`.
    pub fn first_bloc(&self, id: &str) -> Option<&str> {
        self.actors
            .iter()
            .find(|bloc| {
                bloc.kind == ActorKind::Bloc && (bloc.id == id || bloc.members_at_any_time().any(|member| member == id))
            })
            .map(|bloc| bloc.id.as_str())
    }

    /// Each actor's first bloc as [`Scenario::first_bloc`] gives it, for every actor at once, in one pass.
    pub fn first_blocs(&self) -> HashMap<&str, &str> {
        let mut first = HashMap::new();
        for bloc in self.actors.iter().filter(|actor| actor.kind == ActorKind::Bloc) {
            for id in std::iter::once(bloc.id.as_str()).chain(bloc.members_at_any_time()) {
                first.entry(id).or_insert(bloc.id.as_str());
            }
        }
        first
    }

    /// The latest year any record names, for views that need one year when "All years" is chosen.
    pub fn latest_year(&self) -> Option<i32> {
        self.years().last().copied()
    }

    /// How many records of each kind the scenario holds, labelled for display.
    pub fn record_counts(&self) -> [(&'static str, usize); 8] {
        [
            ("Actors", self.actors.len()),
            ("Energy flows", self.energy.len()),
            ("Sanctions stances", self.sanctions.len()),
            ("Diplomatic ties", self.ties.len()),
            ("Votes", self.votes.len()),
            ("Events", self.events.len()),
            ("Sources", self.sources.len()),
            ("Story steps", self.story.len()),
        ]
    }

    /// Every year any record names, sorted, for the year selector.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .energy
            .iter()
            .map(Dated::period)
            .chain(self.sanctions.iter().map(Dated::period))
            .chain(self.ties.iter().map(Dated::period))
            .flat_map(|period| period.named_years())
            .chain(self.votes.iter().filter_map(|vote| date::Date::parse(&vote.date).ok()).map(|d| d.year))
            .chain(self.events.iter().filter_map(|event| date::Date::parse(&event.date).ok()).map(|d| d.year))
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}
