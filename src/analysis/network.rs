//! Diplomatic-network measures: per-node degree, weighted degree and betweenness centrality
//! for an undirected graph given as a node count plus a list of weighted links.
//!
//! Betweenness comes from `rustworkx_core::centrality::betweenness_centrality` run on a
//! `petgraph` graph holding one edge per distinct pair, so duplicate links cannot inflate
//! shortest-path counts.

use std::collections::BTreeSet;

use rustworkx_core::centrality::betweenness_centrality;
use rustworkx_core::petgraph::graph::UnGraph;

/// One undirected link between two nodes (indices into 0..node_count) with a positive weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NodeMeasures {
    /// Number of distinct neighbours.
    pub degree: usize,
    /// Sum of the weights of the node's links (several links between one pair all count).
    pub weighted_degree: f64,
    /// Betweenness centrality of the unweighted, undirected graph, normalised to 0..=1 by the number of pairs
    /// not including the node ((n-1)(n-2)/2 for undirected graphs); 0 when n < 3.
    pub betweenness: f64,
}

/// rustworkx runs on rayon above this node count; a pure function should not spin up a
/// thread pool, and the networks here are small, so it always runs on the calling thread.
const NEVER_PARALLEL: usize = usize::MAX;

/// Measures for every node 0..node_count.
///
/// Links with an index out of range, a self-loop, or a weight that is not finite and > 0 are ignored.
/// Duplicate links between a pair count once for degree and betweenness, every time for weighted degree.
pub fn measures(node_count: usize, links: &[Link]) -> Vec<NodeMeasures> {
    let mut result = vec![NodeMeasures::default(); node_count];
    let valid_links = links.iter().filter(|link| is_valid(link, node_count));

    // Ordered (low, high) pairs, so a-b and b-a are one pair and the graph is built deterministically.
    let mut distinct_pairs = BTreeSet::new();
    for link in valid_links {
        result[link.a].weighted_degree += link.weight;
        result[link.b].weighted_degree += link.weight;
        distinct_pairs.insert((link.a.min(link.b), link.a.max(link.b)));
    }
    for &(low, high) in &distinct_pairs {
        result[low].degree += 1;
        result[high].degree += 1;
    }

    // With fewer than three nodes no node can lie between two others.
    if node_count >= 3 {
        for (measure, betweenness) in result.iter_mut().zip(normalised_betweenness(node_count, &distinct_pairs)) {
            measure.betweenness = betweenness;
        }
    }
    result
}

fn is_valid(link: &Link, node_count: usize) -> bool {
    link.a < node_count && link.b < node_count && link.a != link.b && link.weight.is_finite() && link.weight > 0.0
}

/// Betweenness per node for `node_count >= 3`.
///
/// rustworkx sums dependencies over every ordered source, so on an undirected graph each
/// unordered pair is counted twice; with `normalized = true` it divides by (n-1)(n-2), which
/// equals dividing the per-pair value by (n-1)(n-2)/2 — exactly the normalisation documented
/// on [`NodeMeasures::betweenness`]. `include_endpoints = false` keeps the classic definition.
fn normalised_betweenness(node_count: usize, distinct_pairs: &BTreeSet<(usize, usize)>) -> Vec<f64> {
    let mut graph = UnGraph::<(), ()>::with_capacity(node_count, distinct_pairs.len());
    for _ in 0..node_count {
        graph.add_node(());
    }
    // Node i is the i-th node added above, so link indices are petgraph node indices.
    graph.extend_with_edges(distinct_pairs.iter().map(|&(low, high)| (low as u32, high as u32)));
    betweenness_centrality(&graph, false, true, NEVER_PARALLEL).into_iter().map(|value| value.unwrap_or(0.0)).collect()
}

/// An actor's place in the network of diplomatic ties.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorMeasures {
    pub actor: String,
    pub degree: usize,
    pub weighted_degree: f64,
    pub betweenness: f64,
}

/// Measures of every actor with a tie in `year`, most central (by betweenness, then weighted degree) first. Every
/// tie counts, friendly or hostile, with its absolute strength as weight: a dispute connects actors too.
pub fn tie_network(scenario: &crate::model::Scenario, year: i32) -> Vec<ActorMeasures> {
    tie_network_of(&scenario.ties, year)
}

/// `tie_network` from the ties alone, for a worker thread that holds a copy of them rather than the scenario.
pub fn tie_network_of(ties: &[crate::model::Tie], year: i32) -> Vec<ActorMeasures> {
    use crate::model::Dated;
    let ties: Vec<&crate::model::Tie> = ties.iter().filter(|tie| tie.period().applies_in(year)).collect();
    // The network is the actors with a tie: betweenness is normalised by its size, not the whole cast's.
    let mut actors: Vec<&str> = ties.iter().flat_map(|tie| [tie.a.as_str(), tie.b.as_str()]).collect();
    actors.sort_unstable();
    actors.dedup();
    let index: std::collections::HashMap<&str, usize> =
        actors.iter().enumerate().map(|(position, actor)| (*actor, position)).collect();
    let links: Vec<Link> = ties
        .iter()
        .map(|tie| Link { a: index[tie.a.as_str()], b: index[tie.b.as_str()], weight: tie.strength.abs() })
        .collect();
    let mut found: Vec<ActorMeasures> = measures(actors.len(), &links)
        .into_iter()
        .zip(&actors)
        .map(|(measured, actor)| ActorMeasures {
            actor: (*actor).to_owned(),
            degree: measured.degree,
            weighted_degree: measured.weighted_degree,
            betweenness: measured.betweenness,
        })
        .collect();
    found.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(b.weighted_degree.total_cmp(&a.weighted_degree))
            .then(a.actor.cmp(&b.actor))
    });
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn serbia_is_the_hub_of_the_bundled_ties() {
        let scenario = crate::io::load_text(crate::library::BUNDLED_SCENARIO).scenario.unwrap();
        let found = super::tie_network(&scenario, 2023);
        assert_eq!(found[0].actor, "SRB", "{found:#?}");
        assert!(found[0].betweenness > 0.0);
        assert!(found.iter().all(|measured| measured.degree > 0));
    }

    use super::*;

    fn link(a: usize, b: usize, weight: f64) -> Link {
        Link { a, b, weight }
    }

    fn betweenness_of(node_count: usize, links: &[Link]) -> Vec<f64> {
        measures(node_count, links).iter().map(|measure| measure.betweenness).collect()
    }

    fn assert_close(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
        for (got, want) in actual.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{actual:?} vs {expected:?}");
        }
    }

    #[test]
    fn path_middle_node_lies_on_the_only_pair() {
        assert_close(&betweenness_of(3, &[link(0, 1, 1.0), link(1, 2, 1.0)]), &[0.0, 1.0, 0.0]);
    }

    #[test]
    fn star_centre_lies_on_every_leaf_pair() {
        let links: Vec<Link> = (1..=4).map(|leaf| link(0, leaf, 1.0)).collect();
        assert_close(&betweenness_of(5, &links), &[1.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn triangle_has_no_intermediaries() {
        assert_close(&betweenness_of(3, &[link(0, 1, 1.0), link(1, 2, 1.0), link(2, 0, 1.0)]), &[0.0; 3]);
    }

    /// Two triangles {0,1,2} and {4,5,6} joined through bridge node 3 (2-3-4), n = 7, 15 pairs per node.
    /// Node 3 is on all 3 x 3 cross pairs: 9/15. Node 2 is on {0,1} x {3,4,5,6}: 8/15; node 4 symmetric.
    #[test]
    fn barbell_bridge_node() {
        let links = [
            link(0, 1, 1.0),
            link(1, 2, 1.0),
            link(2, 0, 1.0),
            link(2, 3, 1.0),
            link(3, 4, 1.0),
            link(4, 5, 1.0),
            link(5, 6, 1.0),
            link(6, 4, 1.0),
        ];
        let gate = 8.0 / 15.0;
        assert_close(&betweenness_of(7, &links), &[0.0, 0.0, gate, 0.6, gate, 0.0, 0.0]);
    }

    /// In the square 0-1-2-3-0 each node is on half of the two shortest paths between its
    /// neighbours: 0.5 / 3 pairs. A duplicated 0-1 link must not make the route via 1 count double.
    #[test]
    fn duplicate_links_do_not_skew_betweenness() {
        let square = [link(0, 1, 1.0), link(1, 2, 1.0), link(2, 3, 1.0), link(3, 0, 1.0)];
        let mut with_duplicate = square.to_vec();
        with_duplicate.push(link(1, 0, 2.0));
        let sixth = 1.0 / 6.0;
        assert_close(&betweenness_of(4, &square), &[sixth; 4]);
        assert_close(&betweenness_of(4, &with_duplicate), &[sixth; 4]);
    }

    #[test]
    fn weighted_degree_sums_duplicates() {
        let result = measures(3, &[link(0, 1, 2.0), link(1, 0, 3.5), link(1, 2, 0.5)]);
        assert_close(&result.iter().map(|measure| measure.weighted_degree).collect::<Vec<_>>(), &[5.5, 6.0, 0.5]);
    }

    #[test]
    fn degree_counts_distinct_neighbours() {
        let result = measures(4, &[link(0, 1, 1.0), link(1, 0, 1.0), link(0, 1, 4.0), link(0, 2, 1.0)]);
        assert_eq!(result.iter().map(|measure| measure.degree).collect::<Vec<_>>(), [2, 1, 1, 0]);
    }

    #[test]
    fn bad_links_are_ignored() {
        let bad = [
            link(0, 3, 1.0),
            link(7, 1, 1.0),
            link(1, 1, 1.0),
            link(0, 1, 0.0),
            link(0, 1, -2.0),
            link(0, 1, f64::NAN),
            link(0, 1, f64::INFINITY),
        ];
        assert_eq!(measures(3, &bad), vec![NodeMeasures::default(); 3]);
        let mut mixed = bad.to_vec();
        mixed.extend([link(0, 1, 1.0), link(1, 2, 1.0)]);
        let result = measures(3, &mixed);
        assert_eq!(result[1], NodeMeasures { degree: 2, weighted_degree: 2.0, betweenness: 1.0 });
    }

    #[test]
    fn empty_and_tiny_graphs() {
        assert!(measures(0, &[]).is_empty());
        assert!(measures(0, &[link(0, 1, 1.0)]).is_empty());
        assert_eq!(measures(1, &[]), vec![NodeMeasures::default()]);
        let pair = measures(2, &[link(0, 1, 1.5)]);
        let expected = NodeMeasures { degree: 1, weighted_degree: 1.5, betweenness: 0.0 };
        assert_eq!(pair, vec![expected; 2]);
        assert_eq!(measures(3, &[]), vec![NodeMeasures::default(); 3]);
    }
}
