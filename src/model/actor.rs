//! Actors: states, blocs, organisations, companies, territories and people.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Short stable id: ISO 3166 alpha-3 for states (`SRB`), a readable slug otherwise (`EU`, `gazprom`).
    pub id: String,
    pub name: String,
    /// The name in the actor's own language and script, e.g. "Србија" or "Александар Вучић".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Free labels for grouping (e.g. "CSTO", "Western Balkans"); blocs list their members themselves.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub groups: Vec<String>,
    /// Member actor ids, for blocs and organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

impl Actor {
    /// An actor with only its id, name and kind: no place, groups, members, note or sources yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            local_name: None,
            kind,
            location: None,
            groups: Vec::new(),
            members: Vec::new(),
            note: None,
            sources: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    State,
    Bloc,
    Organisation,
    Company,
    /// A sub-state entity, e.g. Republika Srpska, or a partially recognised state.
    Territory,
    Person,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::State,
        ActorKind::Bloc,
        ActorKind::Organisation,
        ActorKind::Company,
        ActorKind::Territory,
        ActorKind::Person,
    ];

    pub fn plural_label(self) -> &'static str {
        match self {
            ActorKind::State => "States",
            ActorKind::Bloc => "Blocs",
            ActorKind::Organisation => "Organisations",
            ActorKind::Company => "Companies",
            ActorKind::Territory => "Territories",
            ActorKind::Person => "People",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Bloc => "Bloc",
            ActorKind::Organisation => "Organisation",
            ActorKind::Company => "Company",
            ActorKind::Territory => "Territory",
            ActorKind::Person => "Person",
        }
    }
}

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}
