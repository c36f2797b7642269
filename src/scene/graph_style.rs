//! How each node and edge looks: shape, colour, width, dash and arrow, from its meaning and the view options.

use super::Rgba;

use super::graph::{EdgeMeaning, SceneNode};
use super::palette;
use crate::model::ActorKind;

/// What node colours stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourBy {
    Kind,
    Bloc,
    /// The actor's sanctions stance towards the scenario's most sanctioned target (in the year shown).
    StanceTowardsTarget,
}

/// What node sizes stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeBy {
    Uniform,
    EnergyImports,
    Ties,
}

impl ColourBy {
    pub const ALL: [ColourBy; 3] = [ColourBy::Kind, ColourBy::Bloc, ColourBy::StanceTowardsTarget];
    pub fn label(self) -> &'static str {
        match self {
            ColourBy::Kind => "Kind of actor",
            ColourBy::Bloc => "Bloc membership",
            ColourBy::StanceTowardsTarget => "Stance on sanctions against a target",
        }
    }
}

impl SizeBy {
    pub const ALL: [SizeBy; 3] = [SizeBy::Uniform, SizeBy::EnergyImports, SizeBy::Ties];
    pub fn label(self) -> &'static str {
        match self {
            SizeBy::Uniform => "Same size",
            SizeBy::EnergyImports => "Energy imports",
            SizeBy::Ties => "Number of diplomatic ties",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeShape {
    Circle,
    Square,
    Diamond,
    Triangle,
    Ring,
}

pub fn node_shape(kind: ActorKind) -> NodeShape {
    match kind {
        ActorKind::State => NodeShape::Circle,
        ActorKind::Bloc => NodeShape::Square,
        ActorKind::Organisation => NodeShape::Diamond,
        ActorKind::Company => NodeShape::Diamond,
        ActorKind::Territory => NodeShape::Triangle,
        ActorKind::Person => NodeShape::Ring,
    }
}

/// Node radius in canvas units.
pub fn node_radius(node: &SceneNode, size_by: SizeBy) -> f32 {
    let base = if node.kind == ActorKind::Bloc { 14.0 } else { 11.0 };
    match size_by {
        SizeBy::Uniform => base,
        SizeBy::EnergyImports => base + 12.0 * node.energy_imports.min(1.5) as f32,
        SizeBy::Ties => base + 4.0 * (node.ties as f32).sqrt(),
    }
}

pub fn node_colour(node: &SceneNode, colour_by: ColourBy, blocs: &[String]) -> Rgba {
    match colour_by {
        ColourBy::Kind => palette::actor_kind(node.kind),
        ColourBy::Bloc => match &node.bloc {
            Some(bloc) => blocs.iter().position(|known| known == bloc).map_or(palette::NO_GROUP, palette::group),
            None => palette::NO_GROUP,
        },
        ColourBy::StanceTowardsTarget => node.stance_on_target.map_or(palette::NO_GROUP, palette::stance),
    }
}

/// The pattern a line is drawn with, so that meaning never rests on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    /// Sanctions.
    Dashed,
    /// Hostile or tense ties (negative strength).
    Dotted,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeStyle {
    pub colour: Rgba,
    /// Width in screen points.
    pub width: f32,
    pub dash: Dash,
    pub arrow: bool,
}

pub fn edge_style(meaning: &EdgeMeaning) -> EdgeStyle {
    match meaning {
        EdgeMeaning::Energy { commodity, share, .. } => EdgeStyle {
            colour: palette::commodity(commodity),
            width: 1.0 + 7.0 * share.clamp(0.0, 1.0) as f32,
            dash: Dash::Solid,
            arrow: true,
        },
        EdgeMeaning::Sanctions { stance } => {
            EdgeStyle { colour: palette::stance(*stance), width: 2.0, dash: Dash::Dashed, arrow: true }
        }
        EdgeMeaning::Tie { strength, directed, .. } => EdgeStyle {
            colour: palette::strength(*strength),
            width: 1.0 + 3.0 * strength.abs().min(1.0) as f32,
            dash: if *strength < 0.0 { Dash::Dotted } else { Dash::Solid },
            arrow: *directed,
        },
    }
}
