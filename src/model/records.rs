//! The relationship records between actors: energy flows, sanctions stances, diplomatic ties.

use serde::{Deserialize, Serialize};

use super::period::{Dated, Period};

/// One supplier's part of a consumer's use of a commodity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnergyFlow {
    pub supplier: String,
    pub consumer: String,
    pub commodity: Commodity,
    /// Fraction (0–1) of the consumer's total (see `basis`). Own production is `supplier == consumer`.
    pub share: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub basis: ShareBasis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Volume>,
    /// Transit actors along the route, in order from supplier to consumer.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub via: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Commodity {
    Gas,
    Oil,
    Coal,
    Electricity,
    NuclearFuel,
    Other(String),
}

impl Commodity {
    pub fn label(&self) -> &str {
        match self {
            Commodity::Gas => "Gas",
            Commodity::Oil => "Oil",
            Commodity::Coal => "Coal",
            Commodity::Electricity => "Electricity",
            Commodity::NuclearFuel => "Nuclear fuel",
            Commodity::Other(name) => name,
        }
    }
}

/// What a share is a fraction of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ShareBasis {
    /// Of the consumer's total use (consumption, or gross available energy).
    #[default]
    Consumption,
    /// Of the consumer's imports only.
    Imports,
}

/// An amount with its unit, e.g. `(2.2, Bcm)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Volume(pub f64, pub Unit);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Billion cubic metres (gas).
    Bcm,
    /// Million tonnes.
    Mt,
    /// Terawatt-hours.
    Twh,
    /// Thousand barrels per day.
    KbPerDay,
}

impl Unit {
    pub const ALL: [Unit; 4] = [Unit::Bcm, Unit::Mt, Unit::Twh, Unit::KbPerDay];

    pub fn label(self) -> &'static str {
        match self {
            Unit::Bcm => "bcm",
            Unit::Mt => "Mt",
            Unit::Twh => "TWh",
            Unit::KbPerDay => "kb/d",
        }
    }
}

/// How firmly a source states a figure or fact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Certainty {
    /// Stated by the cited source.
    #[default]
    Stated,
    /// Repeated second-hand by the cited source (an aggregator, a wire copy).
    Reported,
    /// An estimate or a reading of several sources; the note says how it was made.
    Estimate,
    /// The cited sources disagree (on a date, a figure); the note gives each with its source, and the record
    /// holds one of them.
    Disputed,
}

impl Certainty {
    /// The word views write beside a figure: "stated", "reported", "estimate", "disputed".
    pub fn word(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Reported => "reported",
            Certainty::Estimate => "estimate",
            Certainty::Disputed => "disputed",
        }
    }
}

/// One actor's stance on sanctions against a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SanctionStance {
    pub by: String,
    pub target: String,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stance {
    /// Imposes its own sanctions.
    Imposes,
    /// Adopts another actor's measures (e.g. a candidate aligning with EU packages).
    Aligns,
    /// Applies some measures only.
    Partial,
    /// Declines to impose sanctions.
    Refuses,
    /// Takes counter-measures against those who sanction.
    Opposes,
}

impl Stance {
    pub const ALL: [Stance; 5] = [Stance::Imposes, Stance::Aligns, Stance::Partial, Stance::Refuses, Stance::Opposes];

    pub fn label(self) -> &'static str {
        match self {
            Stance::Imposes => "Imposes",
            Stance::Aligns => "Aligns",
            Stance::Partial => "Partial",
            Stance::Refuses => "Refuses",
            Stance::Opposes => "Opposes",
        }
    }
}

/// A diplomatic tie between two actors, with a signed strength from -1 (hostile) to +1 (allied).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    pub a: String,
    pub b: String,
    pub kind: TieKind,
    pub strength: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// A one-sided stance of `a` towards `b` (e.g. support), rather than a mutual tie.
    #[serde(default, skip_serializing_if = "is_default")]
    pub directed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub certainty: Certainty,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TieKind {
    Alliance,
    Partnership,
    Support,
    Neutral,
    Tension,
    Dispute,
    Hostile,
}

impl TieKind {
    pub const ALL: [TieKind; 7] = [
        TieKind::Alliance,
        TieKind::Partnership,
        TieKind::Support,
        TieKind::Neutral,
        TieKind::Tension,
        TieKind::Dispute,
        TieKind::Hostile,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TieKind::Alliance => "Alliance",
            TieKind::Partnership => "Partnership",
            TieKind::Support => "Support",
            TieKind::Neutral => "Neutral",
            TieKind::Tension => "Tension",
            TieKind::Dispute => "Dispute",
            TieKind::Hostile => "Hostile",
        }
    }

    /// The sign a strength of this kind is expected to have: +1, -1, or 0 for either.
    pub fn expected_sign(self) -> i8 {
        match self {
            TieKind::Alliance | TieKind::Partnership | TieKind::Support => 1,
            TieKind::Neutral => 0,
            TieKind::Tension | TieKind::Dispute | TieKind::Hostile => -1,
        }
    }
}

macro_rules! impl_dated {
    ($($record:ty),*) => {$(
        impl Dated for $record {
            fn period(&self) -> Period<'_> {
                Period { year: self.year, from: self.from.as_deref(), until: self.until.as_deref() }
            }
        }
    )*};
}
impl_dated!(EnergyFlow, SanctionStance, Tie);

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
