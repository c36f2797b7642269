//! Votes, dated events and the sources every fact cites.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Reliability;

/// A recorded vote (e.g. a UN General Assembly resolution) with each actor's ballot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub id: String,
    pub date: String,
    pub title: String,
    /// The body that voted, e.g. "UN General Assembly".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Ballots by actor id, for the actors in this scenario (not necessarily every voter).
    pub ballots: BTreeMap<String, Ballot>,
    /// The official totals of the whole vote, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<VoteTotals>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ballot {
    Yes,
    No,
    Abstain,
    Absent,
}

impl Ballot {
    pub fn label(self) -> &'static str {
        match self {
            Ballot::Yes => "Yes",
            Ballot::No => "No",
            Ballot::Abstain => "Abstain",
            Ballot::Absent => "Absent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteTotals {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<u32>,
}

/// Something that happened on a date, involving some actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub date: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

/// A publication that records cite by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How far the source can be trusted in general (admiralty code A–F); the note says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
