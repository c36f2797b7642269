//! Node positions saved with the scenario, and the teaching story told in steps.

use serde::{Deserialize, Serialize};

use super::records::Commodity;

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
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub focus: Vec<String>,
    /// The energy route the step is about, drawn as one highlighted path through its transit actors: a route's
    /// name as energy flows give it in `route` ("JANAF"), or a flow as "SUPPLIER -> CONSUMER" ("RUS -> SRB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A span of years the step plays, first to last, when it is shown: `years: (2019, 2023)`. Its slide shows
    /// the last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<(i32, i32)>,
    /// A what-if the step shows on the graph: every actor coloured by what it would lose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shock: Option<StoryShock>,
    /// Where the graph is looked at from; without one, the graph fits the focus actors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<StoryCamera>,
    /// The graph's filters beyond the layers; without them, everything in the layers is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<StoryFilters>,
}

impl StoryStep {
    /// The year the step shows at rest (on its slide, and once its span has played): a span's last year, or else
    /// its year.
    pub fn shown_year(&self) -> Option<i32> {
        self.years.map(|(_, last)| last).or(self.year)
    }
}

/// Which records of the shown layers the graph leaves out, as its Filters menu sets them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryFilters {
    /// Commodities left out of the energy layer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_commodities: Vec<Commodity>,
    /// Energy flows below this share are left out.
    #[serde(default, skip_serializing_if = "super::records::is_default")]
    pub minimum_share: f64,
    /// Ties weaker than this (either sign) are left out.
    #[serde(default, skip_serializing_if = "super::records::is_default")]
    pub minimum_strength: f64,
    /// Only the focus actors and their neighbours up to this many links away are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbourhood: Option<usize>,
}

/// A supply disruption to show on a story step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StoryShock {
    /// The supplier stops supplying the commodity (every commodity without one).
    CutSupplier {
        supplier: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        commodity: Option<Commodity>,
    },
    /// Nothing passes through this transit country any more.
    CloseTransit { actor: String },
    /// This named route shuts.
    CloseRoute { route: String },
}

impl StoryShock {
    /// The actor the shock names, if it names one.
    pub fn actor(&self) -> Option<&str> {
        match self {
            StoryShock::CutSupplier { supplier, .. } => Some(supplier),
            StoryShock::CloseTransit { actor } => Some(actor),
            StoryShock::CloseRoute { .. } => None,
        }
    }

    pub fn actor_mut(&mut self) -> Option<&mut String> {
        match self {
            StoryShock::CutSupplier { supplier, .. } => Some(supplier),
            StoryShock::CloseTransit { actor } => Some(actor),
            StoryShock::CloseRoute { .. } => None,
        }
    }
}

/// A graph camera: the canvas point at the centre of the view, and screen points per canvas unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StoryCamera {
    pub x: f32,
    pub y: f32,
    pub zoom: f32,
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
