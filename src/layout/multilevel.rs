//! A multilevel start for the force layout, as sfdp and ForceAtlas2 do it: the graph is coarsened again and again
//! (each node merged with its most strongly linked unmerged neighbour), the coarsest graph of a few dozen nodes is
//! laid out from scratch, and each finer level starts from its coarser level's positions, so that the slow
//! settling of the graph's overall shape happens on few nodes and the original graph only needs a few short steps.
//!
//! Every level uses sfdp's far-reaching `C k² / d` repulsion ([`RepulsionLaw::Inverse`]), which lays the overall
//! shape out more faithfully than the default `k³ / d²` but settles slowly from scratch: on the levels it only has
//! to refine. The constants below were tuned on generated graphs of 1,000 and 5,000 nodes against sfdp's stress
//! and time (docs/performance.md). Used for graphs of more than [`MULTILEVEL_ABOVE`] and at most
//! [`MULTILEVEL_UP_TO`] nodes without pinned nodes; other graphs are laid out in one level, as before.
//! Deterministic, like [`ForceLayout`].

use std::collections::HashMap;

use super::force::{ForceLayout, ForceSettings};
use super::geometry::{add, length, pair_direction, scale, subtract};
use super::quadtree::RepulsionLaw;
use super::{LayoutInput, Point};

/// Graphs with more nodes than this are laid out level by level.
pub const MULTILEVEL_ABOVE: usize = 300;
/// ...and with at most this many. Larger graphs go back to one level, because there the levels go wrong: on
/// generated graphs of 7,500 and 10,000 states (ten ties each) whole clusters ended far from the rest (at 10,000, a
/// third of the nodes more than 20,000 units out, against 3,000 for the one-level layout), and the overlap removal
/// that followed took seconds. Probably a coarse level's misplaced cluster, pushed out by the far-reaching
/// repulsion and then multiplied by each level's spreading; not yet understood.
pub const MULTILEVEL_UP_TO: usize = 6_000;
/// Coarsening stops once a level has this few nodes, or when it merges too little (a star's leaves, say).
const COARSEST_NODES: usize = 50;
const LEAST_REDUCTION: f32 = 0.8;
/// Steps on each coarse level: about this many node-steps, so that small levels settle well (most converge
/// before their limit) and large ones stay cheap, but at least [`LEAST_COARSE_STEPS`]: with fewer, the largest
/// coarse levels of a 5,000-node graph stayed tangled (stress 0.280 with 60,000 and at least 20 steps).
const COARSE_LEVEL_WORK: usize = 100_000;
const LEAST_COARSE_STEPS: usize = 60;
/// Steps on the original graph, which starts from its first coarse level's shape and only settles (measured on
/// generated graphs: 45 steps left a 5,000-node graph's stress 0.5% higher, 120 gained nothing).
const FINEST_LEVEL_STEPS: usize = 90;
/// The first step on a level that starts from a coarser one, as a share of the ideal link length: long enough
/// for the level to unfold from its coarser shape (0.15 left a 5,000-node graph tangled, at stress 0.45).
const SETTLING_STEP: f32 = 0.6;
/// Barnes–Hut opening angles, coarser than the default 0.8: the far-reaching repulsion of the levels is the sum of
/// many small forces, whose errors mostly cancel out; on the measured graphs the stress did not change, the cost
/// fell by a sixth.
const COARSE_THETA: f32 = 1.2;
const FINEST_THETA: f32 = 1.0;
/// How far a node starts from its coarse node towards its other neighbours, as a share of the way (at most that
/// share of the ideal link length).
const PROLONGATION_SHARE: f32 = 0.5;

/// One level of coarsening: the coarser graph, and for each node of the finer graph its node in the coarser one.
struct Level {
    input: LayoutInput,
    parent: Vec<usize>,
    /// How many of the original nodes each coarse node stands for.
    weight: Vec<usize>,
}

/// The positions of `input` laid out level by level (or in one level when the graph is small or pinned).
pub fn multilevel_layout(input: LayoutInput, seed: u64, settings: ForceSettings) -> Vec<Point> {
    match multilevel_start(&input, seed, settings) {
        Some((initial, finest)) => ForceLayout::with_initial_positions(input, initial, seed, finest).run_to_end(),
        None => ForceLayout::new(input, seed, settings).run_to_end(),
    }
}

/// Where each node of a large graph starts, every coarser level laid out, and the settings to run the original
/// graph with from there (at once, or a few steps per frame); `None` for a graph to lay out in one level.
pub fn multilevel_start(
    input: &LayoutInput,
    seed: u64,
    settings: ForceSettings,
) -> Option<(Vec<Option<Point>>, ForceSettings)> {
    let has_pins = input.pinned.iter().any(Option::is_some);
    if input.node_count <= MULTILEVEL_ABOVE || input.node_count > MULTILEVEL_UP_TO || has_pins {
        return None;
    }
    let levels = coarsen(input);
    let coarsest = levels.last()?;
    let refining = ForceSettings {
        repulsion: RepulsionLaw::Inverse,
        settling_step: SETTLING_STEP,
        theta: FINEST_THETA,
        ..settings
    };
    // Only the original graph needs its overlaps removed: coarse levels are scaffolding.
    let scaffold = ForceSettings { overlap_passes: 0, theta: COARSE_THETA, ..refining };
    let mut positions = ForceLayout::new(coarsest.input.clone(), seed, scaffold).run_to_end();
    for depth in (1..levels.len()).rev() {
        let finer = &levels[depth - 1].input;
        let initial = prolong(&positions, &levels[depth], finer, settings.ideal_link_length);
        let most_steps = settings.max_iterations.max(LEAST_COARSE_STEPS);
        let steps = (COARSE_LEVEL_WORK / finer.node_count.max(1)).clamp(LEAST_COARSE_STEPS, most_steps);
        let level_settings = ForceSettings { max_iterations: steps, ..scaffold };
        positions = ForceLayout::with_initial_positions(finer.clone(), initial, seed, level_settings).run_to_end();
    }
    let initial = prolong(&positions, &levels[0], input, settings.ideal_link_length);
    Some((initial, ForceSettings { max_iterations: FINEST_LEVEL_STEPS.min(settings.max_iterations), ..refining }))
}

/// The finer level's start: each node where its coarse node is, spread out by the area the finer graph needs
/// (a layout's area grows with its number of nodes), then moved part of the way towards where its links to other
/// coarse nodes lead, so that the two nodes of a merged pair start apart, each on the side of its own neighbours.
/// A node whose links all stay within its coarse node starts a little apart in a direction of its own.
fn prolong(coarse: &[Point], level: &Level, finer: &LayoutInput, ideal_link_length: f32) -> Vec<Option<Point>> {
    let fine_count = finer.node_count;
    let spread = (fine_count as f32 / coarse.len().max(1) as f32).sqrt();
    let centre_of = |node: usize| scale(coarse[level.parent[node]], spread);
    let mut neighbour_sums = vec![([0.0f32, 0.0f32], 0u32); fine_count];
    for &(first, second, _) in &finer.links {
        if first >= fine_count || second >= fine_count || level.parent[first] == level.parent[second] {
            continue;
        }
        for (node, neighbour) in [(first, second), (second, first)] {
            let (sum, count) = neighbour_sums[node];
            neighbour_sums[node] = (add(sum, centre_of(neighbour)), count + 1);
        }
    }
    (0..fine_count)
        .map(|node| {
            let centre = centre_of(node);
            let (sum, count) = neighbour_sums[node];
            let offset = if count > 0 {
                let towards = subtract(scale(sum, 1.0 / count as f32), centre);
                let distance = length(towards).max(f32::MIN_POSITIVE);
                let wanted = (PROLONGATION_SHARE * distance).min(PROLONGATION_SHARE * ideal_link_length);
                scale(towards, wanted / distance)
            } else {
                scale(pair_direction(level.parent[node], node), 0.1 * ideal_link_length)
            };
            Some(add(centre, offset))
        })
        .collect()
}

/// Coarser and coarser levels, finest first, until few nodes are left or merging stops paying.
fn coarsen(input: &LayoutInput) -> Vec<Level> {
    let mut levels: Vec<Level> = Vec::new();
    let mut current = input.clone();
    let mut weights = vec![1usize; input.node_count];
    while current.node_count > COARSEST_NODES {
        let level = coarsen_once(&current, &weights);
        if level.input.node_count as f32 > LEAST_REDUCTION * current.node_count as f32 {
            break;
        }
        current = level.input.clone();
        weights = level.weight.clone();
        levels.push(level);
    }
    levels
}

/// One level: heavy-link matching. Nodes are visited lightest first (so that merged nodes stay balanced), each
/// unmatched one merged with its unmatched neighbour of the strongest link per combined weight; unlinked nodes
/// are paired with each other. Links between merged nodes add up.
fn coarsen_once(input: &LayoutInput, weights: &[usize]) -> Level {
    let count = input.node_count;
    let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); count];
    for &(a, b, weight) in &input.links {
        if a != b && a < count && b < count && weight.is_finite() && weight > 0.0 {
            neighbours[a].push((b, weight));
            neighbours[b].push((a, weight));
        }
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&node| (weights[node], neighbours[node].len(), node));
    let unset = usize::MAX;
    let mut parent = vec![unset; count];
    let mut coarse_weight: Vec<usize> = Vec::new();
    // An unlinked node waiting for another to pair with, so that a graph with many of them still shrinks.
    let mut lonely: Option<usize> = None;
    for &node in &order {
        if parent[node] != unset {
            continue;
        }
        let score = |&(other, weight): &(usize, f32)| weight / (weights[node] + weights[other]) as f32;
        let partner = neighbours[node]
            .iter()
            .filter(|&&(other, _)| parent[other] == unset)
            .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.0.cmp(&a.0)))
            .map(|&(other, _)| other);
        if partner.is_none() && neighbours[node].is_empty() {
            if let Some(waiting) = lonely.take() {
                parent[node] = parent[waiting];
                coarse_weight[parent[waiting]] += weights[node];
                continue;
            }
            lonely = Some(node);
        }
        parent[node] = coarse_weight.len();
        let mut weight = weights[node];
        if let Some(partner) = partner {
            parent[partner] = coarse_weight.len();
            weight += weights[partner];
        }
        coarse_weight.push(weight);
    }
    let coarse_count = coarse_weight.len();
    let mut summed: HashMap<(usize, usize), f32> = HashMap::new();
    for &(a, b, weight) in &input.links {
        if a >= count || b >= count || !weight.is_finite() || weight <= 0.0 {
            continue;
        }
        let (a, b) = (parent[a], parent[b]);
        if a != b {
            *summed.entry((a.min(b), a.max(b))).or_insert(0.0) += weight;
        }
    }
    let mut links: Vec<(usize, usize, f32)> = summed.into_iter().map(|((a, b), weight)| (a, b, weight)).collect();
    // A hash map's order is not fixed: sorted, the coarse graph (and so the layout) is the same every time.
    links.sort_by_key(|&(first, second, _)| (first, second));
    let mut coarse = LayoutInput::new(coarse_count);
    coarse.links = links;
    let mut radius_squared = vec![0.0f32; coarse_count];
    for (node, &radius) in input.radii.iter().enumerate().take(count) {
        radius_squared[parent[node]] += radius * radius;
    }
    coarse.radii = radius_squared.into_iter().map(f32::sqrt).collect();
    Level { input: coarse, parent, weight: coarse_weight }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ring of `count` nodes, each also linked to the node `count / 2` further on every tenth node.
    fn ring(count: usize) -> LayoutInput {
        let mut input = LayoutInput::new(count);
        input.links = (0..count).map(|node| (node, (node + 1) % count, 1.0)).collect();
        input.links.extend((0..count).step_by(10).map(|node| (node, (node + count / 2) % count, 1.0)));
        input.radii = vec![5.0; count];
        input
    }

    #[test]
    fn coarsening_merges_linked_pairs_and_keeps_every_node_in_one_coarse_node() {
        let input = ring(400);
        let level = coarsen_once(&input, &vec![1; 400]);
        assert_eq!(level.input.node_count, 200, "a ring pairs up perfectly");
        assert!(level.parent.iter().all(|&parent| parent < 200));
        assert_eq!(level.weight.iter().sum::<usize>(), 400);
        for &(a, b, _) in &level.input.links {
            assert!(a < b && b < 200);
        }
        let levels = coarsen(&input);
        assert!(levels.last().unwrap().input.node_count <= COARSEST_NODES, "{}", levels.len());
    }

    #[test]
    fn the_nodes_of_a_merged_pair_start_apart_each_towards_its_own_neighbours() {
        // Nodes 0 and 1 are merged into coarse node 0 at the centre; 0's other neighbour (2) is on the left, 1's
        // (3) on the right.
        let mut fine = LayoutInput::new(4);
        fine.links = vec![(0, 1, 1.0), (0, 2, 1.0), (1, 3, 1.0)];
        let level = Level { input: LayoutInput::new(3), parent: vec![0, 0, 1, 2], weight: vec![2, 1, 1] };
        let start = prolong(&[[0.0, 0.0], [-100.0, 0.0], [100.0, 0.0]], &level, &fine, 80.0);
        let [first, second] = [start[0].unwrap(), start[1].unwrap()];
        assert!(first[0] < -10.0 && second[0] > 10.0, "{first:?} {second:?}");
        assert!(second[0] - first[0] <= 80.0 + 1e-3, "no farther than the ideal link length: {first:?} {second:?}");
        // Coarse nodes of one node keep their place, spread out by the finer graph's larger area.
        let spread = (4.0f32 / 3.0).sqrt();
        assert!((start[2].unwrap()[0] + 100.0 * spread).abs() < 40.0 + 1e-3);
    }

    #[test]
    fn unlinked_nodes_pair_up_too() {
        let input = LayoutInput::new(10);
        let level = coarsen_once(&input, &[1; 10]);
        assert_eq!(level.input.node_count, 5);
    }

    #[test]
    fn a_large_graph_is_laid_out_the_same_every_time_finite_and_without_overlaps() {
        let input = ring(600);
        let settings = ForceSettings::default();
        let first = multilevel_layout(input.clone(), 3, settings);
        assert_eq!(first.len(), 600);
        assert!(first.iter().all(|point| point[0].is_finite() && point[1].is_finite()));
        assert_eq!(multilevel_layout(input.clone(), 3, settings), first);
        let overlapping = crate::layout::test_graphs::overlapping_pairs(&first, &input.radii, &[]);
        assert!(overlapping.is_empty(), "{overlapping:?}");
        // Neighbours on the ring sit closer than nodes half the ring apart.
        let distance = |a: usize, b: usize| (first[a][0] - first[b][0]).hypot(first[a][1] - first[b][1]);
        let near: f32 = (0..600).map(|node| distance(node, (node + 1) % 600)).sum::<f32>() / 600.0;
        let far: f32 = (0..600).map(|node| distance(node, (node + 150) % 600)).sum::<f32>() / 600.0;
        assert!(far > 3.0 * near, "near {near}, far {far}");
    }

    #[test]
    fn unlinked_nodes_of_a_large_graph_stay_near_the_rest() {
        let mut input = ring(600);
        input.node_count = 620;
        input.radii.resize(620, 5.0);
        input.pinned.resize(620, None);
        let positions = multilevel_layout(input, 3, ForceSettings::default());
        let centre = |point: &Point| point[0].hypot(point[1]);
        let mean: Point = positions[..600].iter().fold([0.0, 0.0], |sum, point| add(sum, scale(*point, 1.0 / 600.0)));
        let linked_extent = positions[..600].iter().map(|point| centre(&subtract(*point, mean))).fold(0.0, f32::max);
        for point in &positions[600..] {
            let distance = centre(&subtract(*point, mean));
            assert!(distance < 2.0 * linked_extent, "{distance} from the centre, the ring reaching {linked_extent}");
        }
    }

    #[test]
    fn small_or_pinned_graphs_are_laid_out_in_one_level() {
        let settings = ForceSettings::default();
        let small = ring(100);
        assert_eq!(multilevel_layout(small.clone(), 3, settings), ForceLayout::new(small, 3, settings).run_to_end());
        let mut pinned = ring(600);
        pinned.pinned[0] = Some([10.0, 20.0]);
        assert_eq!(multilevel_layout(pinned.clone(), 3, settings)[0], [10.0, 20.0]);
        // Very large graphs too (see MULTILEVEL_UP_TO): only where they start is compared, not a whole layout.
        let large = LayoutInput::new(MULTILEVEL_UP_TO + 1);
        assert!(multilevel_start(&large, 3, settings).is_none());
        assert!(multilevel_start(&ring(MULTILEVEL_ABOVE + 1), 3, settings).is_some());
    }
}
