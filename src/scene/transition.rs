//! Easing from one year's drawn values to the next: widths, radii and colours mix, and what is drawn in one of
//! the two years only fades in or out. Pure: a view keeps both years' cached scenes and when the change began, and
//! asks here for the values at a moment. Never builds a scene.

use std::collections::HashMap;

use super::Rgba;
use super::graph::{EdgeMeaning, GraphScene, SceneEdge};
use super::graph_style::EdgeStyle;

/// How long a change of year takes to ease in, at most (never longer than a played year).
pub const SECONDS: f32 = 0.4;

/// The eased share (0 to 1) of a change that began `elapsed` seconds ago and lasts `duration`: slow at both ends.
pub fn progress(elapsed: f32, duration: f32) -> f32 {
    if duration <= 0.0 {
        return 1.0;
    }
    let linear = (elapsed / duration).clamp(0.0, 1.0);
    linear * linear * (3.0 - 2.0 * linear)
}

/// The value `share` of the way from `before` to `after`.
pub fn mix(before: f32, after: f32, share: f32) -> f32 {
    before + (after - before) * share
}

/// A colour `share` of the way from `before` to `after`, channel by channel (opacity too).
pub fn mix_colour(before: Rgba, after: Rgba, share: f32) -> Rgba {
    let channel = |from: u8, to: u8| mix(from as f32, to as f32, share).round().clamp(0.0, 255.0) as u8;
    Rgba(channel(before.0, after.0), channel(before.1, after.1), channel(before.2, after.2), channel(before.3, after.3))
}

/// The colour with its opacity scaled by `share` (0: invisible).
pub fn with_opacity(colour: Rgba, share: f32) -> Rgba {
    Rgba(colour.0, colour.1, colour.2, (colour.3 as f32 * share.clamp(0.0, 1.0)).round() as u8)
}

/// An edge's style `share` of the way between the two years: mixed when it is drawn in both, fading in when only
/// in the new year, fading out when only in the old. Its dashes and arrow are the newer year's.
pub fn edge_style(before: Option<&EdgeStyle>, after: Option<&EdgeStyle>, share: f32) -> Option<EdgeStyle> {
    match (before, after) {
        (Some(before), Some(after)) => Some(EdgeStyle {
            colour: mix_colour(before.colour, after.colour, share),
            width: mix(before.width, after.width, share),
            ..*after
        }),
        (None, Some(after)) => Some(EdgeStyle { colour: with_opacity(after.colour, share), ..*after }),
        (Some(before), None) => Some(EdgeStyle { colour: with_opacity(before.colour, 1.0 - share), ..*before }),
        (None, None) => None,
    }
}

/// Which edge and node of the old year's scene each of the new year's is, and what the old year drew that the new
/// one does not. Worked out once when the year changes, not per frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    /// For each new edge, the old edge it continues.
    pub edge_before: Vec<Option<usize>>,
    /// Old edges with no successor: they fade out.
    pub leaving_edges: Vec<usize>,
    /// For each new node, the old node of the same actor (or group).
    pub node_before: Vec<Option<usize>>,
    /// Old nodes not drawn in the new year: they fade out.
    pub leaving_nodes: Vec<usize>,
}

/// An edge the same from year to year: its two ends, what kind of link it is, and its place among such links.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct EdgeKey<'a> {
    from: &'a str,
    to: &'a str,
    kind: String,
    repeat: usize,
}

fn kind_of(edge: &SceneEdge) -> String {
    match &edge.meaning {
        EdgeMeaning::Energy { commodity, .. } => format!("energy {commodity:?}"),
        EdgeMeaning::Sanctions { .. } => "sanctions".to_owned(),
        EdgeMeaning::Tie { kind, .. } => format!("tie {kind:?}"),
        EdgeMeaning::Summary(_) => "summary".to_owned(),
    }
}

fn edge_keys(scene: &GraphScene) -> Vec<EdgeKey<'_>> {
    let mut seen: HashMap<(usize, usize, String), usize> = HashMap::new();
    scene
        .edges
        .iter()
        .map(|edge| {
            let kind = kind_of(edge);
            let repeat = seen.entry((edge.from, edge.to, kind.clone())).or_default();
            *repeat += 1;
            EdgeKey { from: &scene.nodes[edge.from].id, to: &scene.nodes[edge.to].id, kind, repeat: *repeat }
        })
        .collect()
}

/// Matches the new year's scene against the old one's by actor ids and kinds of link.
pub fn match_scenes(before: &GraphScene, after: &GraphScene) -> Matching {
    let old_edges: HashMap<EdgeKey, usize> =
        edge_keys(before).into_iter().enumerate().map(|(index, key)| (key, index)).collect();
    let edge_before: Vec<Option<usize>> = edge_keys(after).iter().map(|key| old_edges.get(key).copied()).collect();
    let mut continued = vec![false; before.edges.len()];
    edge_before.iter().flatten().for_each(|&old| continued[old] = true);
    let old_nodes: HashMap<&str, usize> =
        (before.nodes.iter().enumerate()).map(|(index, node)| (node.id.as_str(), index)).collect();
    let node_before: Vec<Option<usize>> =
        after.nodes.iter().map(|node| old_nodes.get(node.id.as_str()).copied()).collect();
    let mut kept_node = vec![false; before.nodes.len()];
    node_before.iter().flatten().for_each(|&old| kept_node[old] = true);
    Matching {
        edge_before,
        leaving_edges: (0..before.edges.len()).filter(|&old| !continued[old]).collect(),
        node_before,
        leaving_nodes: (0..before.nodes.len()).filter(|&old| !kept_node[old]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::graph_style::{Arrowhead, Dash};

    fn style(width: f32, colour: Rgba) -> EdgeStyle {
        EdgeStyle { colour, width, dash: Dash::Solid, arrow: Arrowhead::Triangle }
    }

    #[test]
    fn halfway_between_widths_2_and_6_is_4() {
        assert_eq!(mix(2.0, 6.0, 0.5), 4.0);
        let halfway = edge_style(Some(&style(2.0, Rgba::BLACK)), Some(&style(6.0, Rgba::BLACK)), 0.5).unwrap();
        assert_eq!(halfway.width, 4.0);
    }

    #[test]
    fn colours_mix_channel_by_channel() {
        let red = Rgba(200, 0, 0, 255);
        let blue = Rgba(0, 0, 100, 255);
        assert_eq!(mix_colour(red, blue, 0.5), Rgba(100, 0, 50, 255));
        assert_eq!(mix_colour(red, blue, 0.0), red);
        assert_eq!(mix_colour(red, blue, 1.0), blue);
        assert_eq!(mix_colour(Rgba(0, 0, 0, 0), Rgba(0, 0, 0, 200), 0.25), Rgba(0, 0, 0, 50));
    }

    #[test]
    fn an_edge_in_one_year_only_fades_in_or_out() {
        let gas = style(5.0, Rgba(0, 100, 200, 240));
        let arriving = |share| edge_style(None, Some(&gas), share).unwrap();
        assert_eq!(arriving(0.0).colour.3, 0, "invisible when the change begins");
        assert_eq!(arriving(0.5).colour.3, 120);
        assert_eq!(arriving(1.0).colour, gas.colour);
        assert_eq!(arriving(0.5).width, 5.0, "it keeps its width while it fades in");
        let leaving = |share| edge_style(Some(&gas), None, share).unwrap();
        assert_eq!(leaving(0.0).colour.3, 240);
        assert_eq!(leaving(0.75).colour.3, 60);
        assert_eq!(leaving(1.0).colour.3, 0, "gone when the change ends");
        assert_eq!(edge_style(None, None, 0.5), None);
    }

    #[test]
    fn progress_eases_and_stays_within_its_ends() {
        assert_eq!(progress(0.0, 0.4), 0.0);
        assert_eq!(progress(0.2, 0.4), 0.5, "halfway in time is halfway in value");
        assert!(progress(0.1, 0.4) < 0.25, "slow at the start");
        assert_eq!(progress(0.4, 0.4), 1.0);
        assert_eq!(progress(9.0, 0.4), 1.0);
        assert_eq!(progress(0.1, 0.0), 1.0);
    }

    #[test]
    fn scenes_of_two_years_match_by_actors_and_kind_of_link() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads");
        let filters = crate::state::GraphFilters::default();
        let none = Default::default();
        let before = crate::scene::graph::build(&scenario, Some(2021), &filters, &none, false);
        let after = crate::scene::graph::build(&scenario, Some(2023), &filters, &none, false);
        let matching = match_scenes(&before, &after);
        assert_eq!(matching.edge_before.len(), after.edges.len());
        for (new, old) in matching.edge_before.iter().enumerate() {
            if let Some(old) = *old {
                let (a, b) = (&after.edges[new], &before.edges[old]);
                assert_eq!(after.nodes[a.from].id, before.nodes[b.from].id);
                assert_eq!(after.nodes[a.to].id, before.nodes[b.to].id);
                assert_eq!(kind_of(a), kind_of(b));
            }
        }
        let continued = matching.edge_before.iter().flatten().count();
        assert_eq!(continued + matching.leaving_edges.len(), before.edges.len(), "every old edge goes somewhere");
        assert!(continued > 0, "some links last from 2021 to 2023");
        let same = match_scenes(&after, &after);
        assert!(same.leaving_edges.is_empty() && same.leaving_nodes.is_empty());
        assert!(same.edge_before.iter().enumerate().all(|(new, old)| *old == Some(new)));
    }
}
