//! How each node and edge looks: shape, colour, width, dash and arrow, from its meaning and the view options.

use super::Rgba;

use super::graph::{EdgeMeaning, SceneNode};
use super::grouping::LinkSummary;
use super::palette;
use crate::model::{ActorKind, Layer};

/// What node colours stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourBy {
    Kind,
    Bloc,
    /// The actor's sanctions stance towards the scenario's most sanctioned target (in the year shown).
    StanceTowardsTarget,
    /// The group (region, sub-region or bloc) the graph is grouped by.
    Group,
}

/// What node sizes stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeBy {
    Uniform,
    EnergyImports,
    Ties,
}

impl ColourBy {
    pub const ALL: [ColourBy; 4] = [ColourBy::Kind, ColourBy::Bloc, ColourBy::StanceTowardsTarget, ColourBy::Group];
    pub fn label(self) -> &'static str {
        match self {
            ColourBy::Kind => "Kind of actor",
            ColourBy::Bloc => "Bloc membership",
            ColourBy::StanceTowardsTarget => "Stance on sanctions against a target",
            ColourBy::Group => "Group (as grouped)",
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
    // A group is as large as its members would be side by side, so that a region of 50 outweighs one of 5.
    let base = match &node.group {
        Some(group) => base * super::grouping::size_factor(group.members),
        None => base,
    };
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
        ColourBy::Group => node.in_group.map_or(palette::NO_GROUP, palette::group),
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
        EdgeMeaning::Summary(summary) => summary_style(summary),
    }
}

/// A summed link is as wide as the square root of its number of records says, in its layer's colour and dash
/// (its commodity's or stance's when all its records share one, its ties' mean strength).
fn summary_style(summary: &LinkSummary) -> EdgeStyle {
    let width = (1.0 + 1.5 * (summary.records.len() as f32).sqrt()).min(10.0);
    match summary.layer {
        Layer::Energy => EdgeStyle {
            colour: summary.commodity.as_ref().map_or(palette::MIXED_ENERGY, palette::commodity),
            width,
            dash: Dash::Solid,
            arrow: true,
        },
        Layer::Sanctions => EdgeStyle {
            colour: summary.stance.map_or(palette::NO_GROUP, palette::stance),
            width,
            dash: Dash::Dashed,
            arrow: true,
        },
        Layer::Ties => EdgeStyle {
            colour: palette::strength(summary.mean_strength),
            width,
            dash: if summary.mean_strength < 0.0 { Dash::Dotted } else { Dash::Solid },
            arrow: false,
        },
    }
}
