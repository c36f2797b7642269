//! How each node and edge looks: shape, colour, width, dash and arrow, from its meaning and the view options.

use super::Rgba;

use super::graph::{EdgeMeaning, SceneNode};
use super::grouping::LinkSummary;
use super::palette;
use crate::model::{ActorKind, Layer, Stance};

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
            ColourBy::Kind => "None: shapes show the kind of actor",
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
    /// A company: six corners, apart from an organisation's diamond.
    Hexagon,
}

pub fn node_shape(kind: ActorKind) -> NodeShape {
    match kind {
        ActorKind::State => NodeShape::Circle,
        ActorKind::Bloc => NodeShape::Square,
        ActorKind::Organisation => NodeShape::Diamond,
        ActorKind::Company => NodeShape::Hexagon,
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
        ColourBy::Kind => palette::ACTOR,
        ColourBy::Bloc => match &node.bloc {
            Some(bloc) => blocs.iter().position(|known| known == bloc).map_or(palette::NO_GROUP, palette::group),
            None => palette::NO_GROUP,
        },
        ColourBy::StanceTowardsTarget => node.stance_on_target.map_or(palette::NO_GROUP, palette::stance),
        ColourBy::Group => node.in_group.map_or(palette::NO_GROUP, palette::group),
    }
}

/// The width on screen that one arriving arrowhead takes around a node, at its widest.
pub const ARROWHEAD_SPAN: f32 = 14.0;

/// How far from a node's centre the links that end in an arrowhead stop: at its rim (`rim`), or, when more heads
/// arrive than fit around it side by side (`span` each), on a ring wide enough to hold them all, so that a hub's
/// heads (every sanction on Russia) do not pile into a knot. The ring is kept within three heads of the rim and
/// half the link's `length` (centre to centre), so that no link is cut away: a world graph's hub has hundreds.
pub fn arrival_radius(rim: f32, arriving: usize, span: f32, length: f32) -> f32 {
    let ring = (arriving as f32 * span / std::f32::consts::TAU).min(rim + 3.0 * span).min(length * 0.5);
    rim.max(ring)
}

/// The pattern a line is drawn with, so that meaning never rests on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    /// Sanctions imposed or refused.
    Dashed,
    /// Hostile or tense ties (negative strength).
    Dotted,
    /// Long dash, dot: sanctions aligned with or opposed.
    DashDot,
    /// Long dashes: sanctions applied in part.
    LongDashed,
}

impl Dash {
    /// The lengths of dash, gap (and, for dash-dot, dot and gap) for a line of unit width, in points: drawn on
    /// screen and on slides alike, scaled there.
    pub fn pattern(self) -> &'static [f32] {
        match self {
            Dash::Solid => &[],
            Dash::Dashed => &[9.0, 6.0],
            Dash::Dotted => &[2.5, 4.5],
            Dash::DashDot => &[12.0, 4.0, 2.5, 4.0],
            Dash::LongDashed => &[18.0, 6.0],
        }
    }
}

/// What ends a line at its target, so that stances told apart by colour are told apart by shape as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrowhead {
    None,
    /// A filled triangle: energy flows, sanctions imposed.
    Triangle,
    /// An open chevron: sanctions aligned with or applied in part, one-sided ties.
    Open,
    /// A bar across the line: sanctions opposed.
    Bar,
    /// A round dot: sanctions refused.
    Dot,
}

impl Arrowhead {
    pub fn is_some(self) -> bool {
        self != Arrowhead::None
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeStyle {
    pub colour: Rgba,
    /// Width in screen points.
    pub width: f32,
    pub dash: Dash,
    pub arrow: Arrowhead,
}

impl EdgeStyle {
    /// The style as `theme` draws it: wider and darker lines on a projector, readable colours on a dark ground.
    pub fn in_theme(self, theme: palette::Theme) -> EdgeStyle {
        EdgeStyle { colour: theme.line_colour(self.colour), width: self.width * theme.line_width_factor(), ..self }
    }
}

/// The dash and arrowhead of a sanctions stance: imposes and aligns, refuses and opposes differ in both.
pub fn stance_marks(stance: Stance) -> (Dash, Arrowhead) {
    match stance {
        Stance::Imposes => (Dash::Dashed, Arrowhead::Triangle),
        Stance::Aligns => (Dash::DashDot, Arrowhead::Open),
        Stance::Partial => (Dash::LongDashed, Arrowhead::Open),
        Stance::Refuses => (Dash::Dashed, Arrowhead::Dot),
        Stance::Opposes => (Dash::DashDot, Arrowhead::Bar),
    }
}

/// A sanctions record's style: its stance's colour, dash and arrowhead.
fn sanctions_style(stance: Stance, width: f32) -> EdgeStyle {
    let (dash, arrow) = stance_marks(stance);
    EdgeStyle { colour: palette::stance(stance), width, dash, arrow }
}

/// A tie's arrowhead: an open chevron when one-sided, nothing when mutual (a filled one means energy).
fn tie_arrow(directed: bool) -> Arrowhead {
    if directed { Arrowhead::Open } else { Arrowhead::None }
}

pub fn edge_style(meaning: &EdgeMeaning) -> EdgeStyle {
    match meaning {
        EdgeMeaning::Energy { commodity, share, .. } => EdgeStyle {
            colour: palette::commodity(commodity),
            width: 1.0 + 7.0 * share.clamp(0.0, 1.0) as f32,
            dash: Dash::Solid,
            arrow: Arrowhead::Triangle,
        },
        EdgeMeaning::Sanctions { stance } => sanctions_style(*stance, 2.0),
        EdgeMeaning::Tie { strength, directed, .. } => EdgeStyle {
            colour: palette::strength(*strength),
            width: 1.0 + 3.0 * strength.abs().min(1.0) as f32,
            dash: if *strength < 0.0 { Dash::Dotted } else { Dash::Solid },
            arrow: tie_arrow(*directed),
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
            arrow: Arrowhead::Triangle,
        },
        Layer::Sanctions => match summary.stance {
            Some(stance) => sanctions_style(stance, width),
            None => EdgeStyle { colour: palette::NO_GROUP, width, dash: Dash::Dashed, arrow: Arrowhead::Triangle },
        },
        Layer::Ties => EdgeStyle {
            colour: palette::strength(summary.mean_strength),
            width,
            dash: if summary.mean_strength < 0.0 { Dash::Dotted } else { Dash::Solid },
            arrow: Arrowhead::None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TieKind;

    const STANCES: [Stance; 5] = [Stance::Imposes, Stance::Aligns, Stance::Partial, Stance::Refuses, Stance::Opposes];

    fn tie(strength: f64, directed: bool) -> EdgeMeaning {
        EdgeMeaning::Tie { kind: TieKind::Neutral, strength, directed, topic: None }
    }

    #[test]
    fn every_stance_has_its_own_dash_and_arrowhead_pair() {
        let marks: Vec<(Dash, Arrowhead)> = STANCES.iter().map(|&stance| stance_marks(stance)).collect();
        for (at, mark) in marks.iter().enumerate() {
            assert!(!marks[..at].contains(mark), "{:?} repeats {mark:?}", STANCES[at]);
        }
        // The pairs a room confused differ in dash and in arrowhead both.
        for (one, other) in [(Stance::Imposes, Stance::Aligns), (Stance::Refuses, Stance::Opposes)] {
            let (a, b) = (stance_marks(one), stance_marks(other));
            assert!(a.0 != b.0 && a.1 != b.1, "{one:?} {a:?} against {other:?} {b:?}");
        }
        // And every stance's record is drawn with them, never solid as energy is.
        for stance in STANCES {
            let style = edge_style(&EdgeMeaning::Sanctions { stance });
            assert_eq!((style.dash, style.arrow), stance_marks(stance));
            assert_ne!(style.dash, Dash::Solid);
        }
    }

    #[test]
    fn a_hubs_arrowheads_stop_on_a_ring_wide_enough_to_hold_them_side_by_side() {
        // Three heads of 14 fit around a rim of 11 (circumference 69): they stop at the rim.
        assert_eq!(arrival_radius(11.0, 3, 14.0, 500.0), 11.0);
        // Twenty need 280 around: a ring of radius 280 / 2π = 44.6.
        let ring = arrival_radius(11.0, 20, 14.0, 500.0);
        assert!((ring - 44.56).abs() < 0.01, "{ring}");
        assert!(std::f32::consts::TAU * ring >= 20.0 * 14.0);
        // Two hundred would need 446: the ring stops three heads out, and within half a short link.
        assert_eq!(arrival_radius(11.0, 200, 14.0, 500.0), 11.0 + 42.0);
        assert_eq!(arrival_radius(11.0, 200, 14.0, 60.0), 30.0);
        assert_eq!(arrival_radius(11.0, 200, 14.0, 10.0), 11.0, "never inside the rim");
    }

    #[test]
    fn ties_differ_from_each_other_and_from_energy_by_dash_and_head() {
        let energy = edge_style(&EdgeMeaning::Energy {
            commodity: crate::model::Commodity::Gas,
            share: 0.5,
            basis: crate::model::ShareBasis::Consumption,
            volume: None,
            via: Vec::new(),
        });
        let (friendly, hostile, one_sided) =
            (edge_style(&tie(0.8, false)), edge_style(&tie(-0.8, false)), edge_style(&tie(0.8, true)));
        assert_eq!((friendly.dash, friendly.arrow), (Dash::Solid, Arrowhead::None));
        assert_eq!((hostile.dash, hostile.arrow), (Dash::Dotted, Arrowhead::None));
        assert_eq!(one_sided.arrow, Arrowhead::Open);
        assert_eq!((energy.dash, energy.arrow), (Dash::Solid, Arrowhead::Triangle));
    }

    #[test]
    fn the_projector_draws_every_line_at_least_half_as_wide_again() {
        let mut meanings: Vec<EdgeMeaning> = STANCES.iter().map(|&stance| EdgeMeaning::Sanctions { stance }).collect();
        meanings.extend([tie(0.8, false), tie(-0.3, true), tie(0.0, false)]);
        for meaning in &meanings {
            let normal = edge_style(meaning);
            let projected = normal.in_theme(palette::Theme::Projector);
            assert!(projected.width >= 1.5 * normal.width, "{meaning:?}: {} against {}", projected.width, normal.width);
            assert_eq!((projected.dash, projected.arrow), (normal.dash, normal.arrow));
            assert_eq!(normal.in_theme(palette::Theme::Light), normal);
        }
    }
}

/// What a reader is told each colour on the graph means, checked on every bundled scenario.
#[cfg(test)]
mod meaning_tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::scene::graph::EdgeMeaning;
    use crate::state::GraphFilters;

    /// What a node's colour says when coloured `colour_by`.
    fn node_meaning(node: &crate::scene::graph::SceneNode, colour_by: ColourBy) -> String {
        match colour_by {
            ColourBy::Kind => "an actor".to_owned(),
            ColourBy::Bloc => node.bloc.as_ref().map_or("in no bloc".to_owned(), |bloc| format!("in {bloc}")),
            ColourBy::StanceTowardsTarget => node.stance_on_target.map_or("none".to_owned(), |s| s.label().to_owned()),
            ColourBy::Group => node.in_group.map_or("none".to_owned(), |group| format!("group {group}")),
        }
    }

    /// What a link's colour says; every tie says "a tie", its strength told by where it lies on the scale.
    fn edge_meaning(meaning: &EdgeMeaning) -> String {
        match meaning {
            EdgeMeaning::Energy { commodity, .. } => commodity.label().to_owned(),
            EdgeMeaning::Sanctions { stance } => stance.label().to_owned(),
            EdgeMeaning::Tie { .. } => "a tie".to_owned(),
            EdgeMeaning::Summary(_) => "a summary".to_owned(),
        }
    }

    #[test]
    fn no_colour_on_the_graph_of_a_bundled_scenario_means_two_things() {
        for bundled in crate::library::BUNDLED {
            let scenario = crate::io::parse_scenario(bundled.text).expect("bundled scenario parses");
            for year in [None].into_iter().chain(scenario.years().into_iter().map(Some)) {
                let scene =
                    crate::scene::graph::build(&scenario, year, &GraphFilters::default(), &BTreeSet::new(), false);
                for colour_by in [ColourBy::Kind, ColourBy::Bloc, ColourBy::StanceTowardsTarget] {
                    let mut keys: Vec<(String, Rgba)> = Vec::new();
                    let nodes = scene
                        .nodes
                        .iter()
                        .map(|node| (node_meaning(node, colour_by), node_colour(node, colour_by, &scene.blocs)));
                    let edges =
                        scene.edges.iter().map(|edge| (edge_meaning(&edge.meaning), edge_style(&edge.meaning).colour));
                    for key in nodes.chain(edges) {
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                    for (at, (meaning, colour)) in keys.iter().enumerate() {
                        for (other_meaning, other) in &keys[..at] {
                            let apart = palette::difference(*colour, *other);
                            assert!(
                                meaning == other_meaning || apart >= 20.0,
                                "{} {year:?} by {colour_by:?}: {meaning} and {other_meaning} only {apart:.1} apart",
                                bundled.file_name
                            );
                        }
                    }
                }
            }
        }
    }
}
