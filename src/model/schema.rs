//! The field names each record type accepts, so that the loader can report every unknown or misspelt
//! field with its position (serde stops at the first, and without `deny_unknown_fields` drops them).
//!
//! A test serialises fully populated records and checks these lists against serde's own output.

/// The struct types of the format, as the text nests them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordType {
    Scenario,
    Actor,
    Membership,
    GeoPoint,
    EnergyFlow,
    Route,
    SanctionStance,
    Tie,
    Vote,
    VoteTotals,
    Event,
    Source,
    StoryStep,
}

/// How a field's value nests further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Child {
    /// A struct of this type.
    Record(RecordType),
    /// A list whose items are structs of this type.
    ListOf(RecordType),
}

impl RecordType {
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            RecordType::Scenario => &[
                "format",
                "title",
                "summary",
                "as_of",
                "actors",
                "energy",
                "routes",
                "sanctions",
                "ties",
                "votes",
                "events",
                "sources",
                "layout",
                "story",
            ],
            RecordType::Actor => &[
                "id",
                "name",
                "local_name",
                "kind",
                "location",
                "region",
                "subregion",
                "groups",
                "members",
                "memberships",
                "note",
                "sources",
            ],
            RecordType::Membership => &["member", "from", "until", "status", "note", "sources"],
            RecordType::GeoPoint => &["lat", "lon"],
            RecordType::EnergyFlow => &[
                "supplier",
                "consumer",
                "commodity",
                "share",
                "basis",
                "volume",
                "via",
                "route",
                "year",
                "from",
                "until",
                "certainty",
                "note",
                "sources",
            ],
            RecordType::Route => &["name", "waypoints", "note", "sources"],
            RecordType::SanctionStance => {
                &["by", "target", "stance", "year", "from", "until", "certainty", "note", "sources"]
            }
            RecordType::Tie => &[
                "a",
                "b",
                "kind",
                "strength",
                "topic",
                "directed",
                "year",
                "from",
                "until",
                "certainty",
                "note",
                "sources",
            ],
            RecordType::Vote => &["id", "date", "title", "body", "ballots", "totals", "note", "sources"],
            RecordType::VoteTotals => &["yes", "no", "abstain", "absent"],
            RecordType::Event => &["date", "title", "description", "actors", "sources"],
            RecordType::Source => &["id", "title", "publisher", "date", "url", "reliability", "note"],
            RecordType::StoryStep => &[
                "title", "caption", "notes", "view", "layers", "focus", "route", "year", "years", "shock", "camera",
                "filters",
            ],
        }
    }

    /// Fields whose values are structs (or lists of structs) to check in turn.
    pub fn child(self, field: &str) -> Option<Child> {
        use Child::{ListOf, Record};
        match (self, field) {
            (RecordType::Scenario, "actors") => Some(ListOf(RecordType::Actor)),
            (RecordType::Scenario, "energy") => Some(ListOf(RecordType::EnergyFlow)),
            (RecordType::Scenario, "routes") => Some(ListOf(RecordType::Route)),
            (RecordType::Scenario, "sanctions") => Some(ListOf(RecordType::SanctionStance)),
            (RecordType::Scenario, "ties") => Some(ListOf(RecordType::Tie)),
            (RecordType::Scenario, "votes") => Some(ListOf(RecordType::Vote)),
            (RecordType::Scenario, "events") => Some(ListOf(RecordType::Event)),
            (RecordType::Scenario, "sources") => Some(ListOf(RecordType::Source)),
            (RecordType::Scenario, "story") => Some(ListOf(RecordType::StoryStep)),
            (RecordType::Actor, "location") => Some(Record(RecordType::GeoPoint)),
            (RecordType::Actor, "memberships") => Some(ListOf(RecordType::Membership)),
            (RecordType::Route, "waypoints") => Some(ListOf(RecordType::GeoPoint)),
            (RecordType::Vote, "totals") => Some(Record(RecordType::VoteTotals)),
            _ => None,
        }
    }

    /// A readable name for messages: "energy flow", "tie".
    pub fn label(self) -> &'static str {
        match self {
            RecordType::Scenario => "scenario",
            RecordType::Actor => "actor",
            RecordType::Membership => "membership",
            RecordType::GeoPoint => "location",
            RecordType::EnergyFlow => "energy flow",
            RecordType::Route => "route",
            RecordType::SanctionStance => "sanctions stance",
            RecordType::Tie => "tie",
            RecordType::Vote => "vote",
            RecordType::VoteTotals => "vote totals",
            RecordType::Event => "event",
            RecordType::Source => "source",
            RecordType::StoryStep => "story step",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use std::collections::BTreeMap;

    /// The field names serde writes for a value, in order.
    fn written_fields<T: serde::Serialize>(value: &T) -> Vec<String> {
        match ron::to_string(value).map(|text| ron::from_str::<ron::Value>(&text)) {
            Ok(Ok(ron::Value::Map(map))) => map
                .keys()
                .filter_map(|key| match key {
                    ron::Value::String(name) => Some(name.clone()),
                    _ => None,
                })
                .collect(),
            other => panic!("unexpected serialisation: {other:?}"),
        }
    }

    fn assert_fields<T: serde::Serialize>(record_type: RecordType, value: &T) {
        let mut written = written_fields(value);
        let mut listed: Vec<String> = record_type.fields().iter().map(|name| name.to_string()).collect();
        written.sort();
        listed.sort();
        assert_eq!(written, listed, "{record_type:?}: schema list differs from serde's fields");
    }

    fn some_text() -> Option<String> {
        Some("x".to_owned())
    }

    #[test]
    fn schema_lists_match_serde_fields() {
        let actor = Actor {
            id: "SRB".into(),
            name: "Serbia".into(),
            local_name: some_text(),
            kind: ActorKind::State,
            location: Some(GeoPoint { lat: 1.0, lon: 2.0 }),
            region: some_text(),
            subregion: some_text(),
            groups: vec!["g".into()],
            members: vec!["m".into()],
            memberships: vec![],
            note: some_text(),
            sources: vec!["s".into()],
        };
        let membership = Membership {
            member: "FIN".into(),
            from: some_text(),
            until: some_text(),
            status: MembershipStatus::Observer,
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::Membership, &membership);
        let actor = Actor { memberships: vec![membership], ..actor };
        assert_fields(RecordType::Actor, &actor);
        assert_fields(RecordType::GeoPoint, &GeoPoint { lat: 1.0, lon: 2.0 });
        let flow = EnergyFlow {
            supplier: "RUS".into(),
            consumer: "SRB".into(),
            commodity: Commodity::Gas,
            share: 0.5,
            basis: ShareBasis::Imports,
            volume: Some(Volume(1.0, Unit::Bcm)),
            via: vec!["BGR".into()],
            route: some_text(),
            year: Some(2022),
            from: some_text(),
            until: some_text(),
            certainty: Certainty::Estimate,
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::EnergyFlow, &flow);
        let route = Route {
            name: "r".into(),
            waypoints: vec![GeoPoint { lat: 41.6, lon: 28.1 }],
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::Route, &route);
        let stance = SanctionStance {
            by: "EU".into(),
            target: "RUS".into(),
            stance: Stance::Imposes,
            year: Some(2022),
            from: some_text(),
            until: some_text(),
            certainty: Certainty::Reported,
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::SanctionStance, &stance);
        let tie = Tie {
            a: "RUS".into(),
            b: "SRB".into(),
            kind: TieKind::Support,
            strength: 0.5,
            topic: some_text(),
            directed: true,
            year: Some(2022),
            from: some_text(),
            until: some_text(),
            certainty: Certainty::Reported,
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::Tie, &tie);
        let totals = VoteTotals { yes: 1, no: 2, abstain: 3, absent: Some(4) };
        assert_fields(RecordType::VoteTotals, &totals);
        let vote = Vote {
            id: "v".into(),
            date: "2022".into(),
            title: "t".into(),
            body: some_text(),
            ballots: BTreeMap::from([("SRB".to_owned(), Ballot::Yes)]),
            totals: Some(totals),
            note: some_text(),
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::Vote, &vote);
        let event = Event {
            date: "2022".into(),
            title: "t".into(),
            description: some_text(),
            actors: vec!["SRB".into()],
            sources: vec!["s".into()],
        };
        assert_fields(RecordType::Event, &event);
        let source = Source {
            id: "s".into(),
            title: "t".into(),
            publisher: some_text(),
            date: some_text(),
            url: some_text(),
            reliability: Some(Reliability::B),
            note: some_text(),
        };
        assert_fields(RecordType::Source, &source);
        let step = StoryStep {
            title: "t".into(),
            caption: "c".into(),
            notes: some_text(),
            view: ViewKind::Map,
            layers: vec![Layer::Energy],
            focus: vec!["SRB".into()],
            route: some_text(),
            year: Some(2022),
            years: Some((2021, 2023)),
            shock: Some(StoryShock::CloseTransit { actor: "BGR".into() }),
            camera: Some(StoryCamera { x: 1.0, y: 2.0, zoom: 1.5 }),
            filters: Some(StoryFilters { minimum_share: 0.1, ..StoryFilters::default() }),
        };
        assert_fields(RecordType::StoryStep, &step);
        let scenario = Scenario {
            summary: "s".into(),
            as_of: some_text(),
            actors: vec![actor],
            energy: vec![flow],
            routes: vec![route],
            sanctions: vec![stance],
            ties: vec![tie],
            votes: vec![vote],
            events: vec![event],
            sources: vec![source],
            layout: BTreeMap::from([("SRB".to_owned(), Position(0.0, 0.0))]),
            story: vec![step],
            ..Scenario::default()
        };
        assert_fields(RecordType::Scenario, &scenario);
    }
}
