//! Fewer links at large sizes: with thousands of records the graph is a hairball, so by default it keeps each
//! node's strongest links of each layer only (energy shares and tie strengths do not compare, so one layer never
//! crowds out another), and every link of the selection. Pure and tested without a window.

use super::graph::{EdgeMeaning, GraphScene};
use super::grouping::layer_of;
use crate::model::{Layer, Stance};

/// With more edges than this, the graph shows the strongest links per node unless asked for all.
pub const THINNING_ABOVE: usize = 500;

/// A graph is crowded with more than `THINNING_ABOVE` edges, or more than a hundred at over four a node (a few
/// groups, each linked to every other).
pub fn is_crowded(nodes: usize, edges: usize) -> bool {
    edges > THINNING_ABOVE || (edges > 100 && edges > 4 * nodes)
}

/// How many links per node and layer are kept at first.
pub const DEFAULT_PER_NODE: usize = 2;

/// How strong a link is, to choose which to keep: the share of consumption or imports an energy flow meets, a
/// tie's strength either way, a sanctions stance by how far it goes; a summed link outweighs any single record.
pub fn strength(meaning: &EdgeMeaning) -> f64 {
    match meaning {
        EdgeMeaning::Energy { share, .. } => *share,
        EdgeMeaning::Tie { strength, .. } => strength.abs(),
        EdgeMeaning::Sanctions { stance } => match stance {
            Stance::Imposes | Stance::Opposes => 0.6,
            Stance::Aligns | Stance::Partial => 0.4,
            Stance::Refuses => 0.5,
        },
        EdgeMeaning::Summary(summary) => 1.0 + summary.records.len() as f64,
    }
}

/// Keeps each node's `per_node` strongest edges of each layer (an edge stays when either of its ends keeps it)
/// and every edge of a node marked in `always`. Returns how many edges were hidden. Ties in strength keep the
/// earlier record.
pub fn keep_strongest(scene: &mut GraphScene, per_node: usize, always: &[bool]) -> usize {
    // One list per node and layer.
    let slot = |node: usize, layer: Layer| node * 3 + layer as usize;
    let mut incident: Vec<Vec<usize>> = vec![Vec::new(); scene.nodes.len() * 3];
    for (index, edge) in scene.edges.iter().enumerate() {
        let layer = layer_of(&edge.meaning);
        incident[slot(edge.from, layer)].push(index);
        incident[slot(edge.to, layer)].push(index);
    }
    let strengths: Vec<f64> = scene.edges.iter().map(|edge| strength(&edge.meaning)).collect();
    let mut kept = vec![false; scene.edges.len()];
    for (at, edges) in incident.iter_mut().enumerate() {
        if always.get(at / 3).copied().unwrap_or(false) {
            edges.iter().for_each(|&edge| kept[edge] = true);
            continue;
        }
        edges.sort_by(|&a, &b| strengths[b].total_cmp(&strengths[a]).then(a.cmp(&b)));
        edges.iter().take(per_node).for_each(|&edge| kept[edge] = true);
    }
    let before = scene.edges.len();
    let mut index = 0;
    scene.edges.retain(|_| {
        index += 1;
        kept[index - 1]
    });
    super::graph::arrange_edges(scene);
    before - scene.edges.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RecordRef, TieKind};
    use crate::scene::graph::{SceneEdge, SceneNode};

    fn node(id: &str) -> SceneNode {
        SceneNode {
            actor: 0,
            id: id.to_owned(),
            name: id.to_owned(),
            kind: crate::model::ActorKind::State,
            bloc: None,
            energy_imports: 0.0,
            degree: 0,
            ties: 0,
            stance_on_target: None,
            group: None,
            in_group: None,
        }
    }

    fn tie(from: usize, to: usize, strength: f64, record: usize) -> SceneEdge {
        let meaning = EdgeMeaning::Tie { kind: TieKind::Partnership, strength, directed: false, topic: None };
        SceneEdge { from, to, meaning, record: RecordRef::Tie(record), fan_slot: 0 }
    }

    /// A star: node 0 tied to 1–4 with strengths 0.1–0.4, and 1 tied to 2 with -0.9.
    fn star() -> GraphScene {
        let nodes = ["hub", "a", "b", "c", "d"].into_iter().map(node).collect();
        let edges =
            vec![tie(0, 1, 0.1, 0), tie(0, 2, 0.2, 1), tie(0, 3, 0.3, 2), tie(0, 4, 0.4, 3), tie(1, 2, -0.9, 4)];
        GraphScene { nodes, edges, ..GraphScene::default() }
    }

    fn records(scene: &GraphScene) -> Vec<RecordRef> {
        scene.edges.iter().map(|edge| edge.record).collect()
    }

    #[test]
    fn each_node_keeps_its_strongest_links_and_an_edge_stays_if_either_end_keeps_it() {
        let mut scene = star();
        let hidden = keep_strongest(&mut scene, 1, &[false; 5]);
        // The hub keeps its 0.4 tie to d; a and b keep their -0.9 tie; c's only link (0.3) is its strongest; d's
        // only link is the hub's. The hub's 0.1 and 0.2 ties to a and b go.
        assert_eq!(records(&scene), [RecordRef::Tie(2), RecordRef::Tie(3), RecordRef::Tie(4)]);
        assert_eq!(hidden, 2);
    }

    #[test]
    fn each_layer_keeps_its_own_strongest_links() {
        let mut scene = star();
        // A weak gas flow from the hub to c: weaker than every tie, but the strongest energy link of both.
        let gas = EdgeMeaning::Energy {
            commodity: crate::model::Commodity::Gas,
            share: 0.05,
            basis: crate::model::ShareBasis::Consumption,
            volume: None,
            via: Vec::new(),
        };
        scene.edges.push(SceneEdge { from: 0, to: 3, meaning: gas, record: RecordRef::Energy(0), fan_slot: 0 });
        keep_strongest(&mut scene, 1, &[false; 5]);
        assert!(records(&scene).contains(&RecordRef::Energy(0)), "{:?}", records(&scene));
    }

    #[test]
    fn the_selection_keeps_every_link() {
        let mut scene = star();
        let hidden = keep_strongest(&mut scene, 1, &[true, false, false, false, false]);
        assert_eq!(hidden, 0, "every link of the selected hub shows");
        assert_eq!(scene.edges.len(), 5);
    }

    #[test]
    fn many_links_or_many_a_node_make_a_crowd() {
        assert!(!is_crowded(300, 500) && is_crowded(300, 501));
        assert!(is_crowded(14, 364), "fourteen groups, each linked to every other in two layers");
        assert!(!is_crowded(20, 100), "a small scenario stays whole");
        assert!(!is_crowded(45, 120), "a bundled scenario stays whole");
    }

    #[test]
    fn enough_links_per_node_keeps_them_all() {
        let mut scene = star();
        assert_eq!(keep_strongest(&mut scene, 4, &[]), 0);
        assert_eq!(records(&scene).len(), 5);
    }
}
