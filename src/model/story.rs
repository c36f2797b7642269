//! Node positions saved with the scenario, and the teaching story told in steps.

use serde::{Deserialize, Serialize};

/// A node position on the graph canvas, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Position(pub f32, pub f32);

/// One step of a scenario's story: what to show and what to say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryStep {
    pub title: String,
    pub caption: String,
    /// Speaker notes for the presenter, not shown on the slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "super::records::is_default")]
    pub view: ViewKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<Layer>,
    /// Actor ids the step centres on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewKind {
    #[default]
    Graph,
    Map,
    Charts,
    /// The sanctions matrix, or the ties matrix when the step's layers are ties only.
    Matrix,
    /// The grid of ballots: who voted how on each vote.
    Votes,
    Timeline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Layer {
    Energy,
    Sanctions,
    Ties,
}
