//! Overlap removal: pushes apart nodes whose circles overlap, finding the close pairs with a uniform grid so that a
//! pass costs O(n log n) for nodes of similar size instead of O(n²).

use super::Point;
use super::geometry::{
    add, clean_radii, is_finite_point, length_squared, pair_direction, scale, subtract, sunflower_point,
};

/// A node whose circle is this many times larger than the typical one spans many grid cells; the cell size grows
/// so that it spans at most about this many cells across, keeping a few huge nodes from filling the grid.
const MAXIMUM_CELLS_ACROSS_A_NODE: f32 = 8.0;
/// Area a node needs, in multiples of its bounding square, before a crowd is spread out (see
/// [`spread_out_if_crowded`]).
const CROWD_ROOM: f64 = 2.0;

/// Pushes apart the nodes whose circles (of the given radii, plus `margin` between them) overlap, leaving the
/// pinned nodes where they are, in at most `max_passes` passes. Deterministic.
///
/// A pair where one node is pinned moves only the other one; two pinned nodes are left overlapping if the user put
/// them there. Nodes at a non-finite position are left alone and ignored. A missing radius counts as zero and a
/// missing pin flag as not pinned.
pub fn remove_overlaps(positions: &mut [Point], radii: &[f32], pinned: &[bool], margin: f32, max_passes: usize) {
    let radii = clean_radii(radii, positions.len());
    let margin = clean_margin(margin);
    let is_pinned = |node: usize| pinned.get(node).copied().unwrap_or(false);
    // Each node reaches half the margin beyond its circle: two nodes overlap when their reaches do.
    let reaches: Vec<f32> = radii.iter().map(|radius| radius + margin / 2.0).collect();
    for _ in 0..max_passes {
        let candidates = close_pairs(positions, &reaches);
        let mut moved_any = false;
        for (first, second) in candidates {
            moved_any |= separate(positions, &reaches, (first, second), (is_pinned(first), is_pinned(second)));
        }
        if !moved_any {
            return;
        }
    }
    if max_passes > 0 {
        relocate_stuck_nodes(positions, &reaches, is_pinned);
    }
}

/// How many spots around a stuck node are tried before it goes to the right of the layout.
const SPOTS_TRIED_AROUND_A_STUCK_NODE: usize = 256;

/// Moves every free node that still overlaps another to a free spot: the nearest found on a sunflower spiral
/// around it, else just right of everything.
fn relocate_stuck_nodes(positions: &mut [Point], reaches: &[f32], is_pinned: impl Fn(usize) -> bool) {
    let mut stuck: Vec<usize> = close_pairs(positions, reaches)
        .into_iter()
        .filter(|&(first, second)| !(is_pinned(first) && is_pinned(second)))
        .filter(|&(first, second)| overlap(positions, reaches, first, positions[first], second))
        .flat_map(|(first, second)| [first, second])
        .filter(|&node| !is_pinned(node))
        .collect();
    stuck.sort_unstable();
    stuck.dedup();
    let mean_reach = reaches.iter().sum::<f32>() / reaches.len().max(1) as f32;
    for node in stuck {
        // Moving an earlier node may have freed this one.
        if overlaps_any(positions, reaches, node, positions[node]) {
            let spacing = reaches[node].max(mean_reach).max(f32::MIN_POSITIVE);
            let spot = (1..=SPOTS_TRIED_AROUND_A_STUCK_NODE)
                .map(|slot| add(positions[node], sunflower_point(slot, spacing)))
                .find(|&spot| !overlaps_any(positions, reaches, node, spot));
            positions[node] = spot.unwrap_or_else(|| right_of_everything(positions, reaches, node));
        }
    }
}

/// Whether `node`, put at `spot`, would overlap `other` where it is.
fn overlap(positions: &[Point], reaches: &[f32], node: usize, spot: Point, other: usize) -> bool {
    let needed = reaches[node] + reaches[other];
    length_squared(subtract(positions[other], spot)) < needed * needed
}

/// Whether `node`, put at `spot`, would overlap any other node (at a finite position). O(n): only for the few
/// stuck nodes.
fn overlaps_any(positions: &[Point], reaches: &[f32], node: usize, spot: Point) -> bool {
    (0..positions.len()).any(|other| {
        other != node && is_finite_point(positions[other]) && overlap(positions, reaches, node, spot, other)
    })
}

/// A spot for `node` at its own height, just right of every other node's circle, where it cannot overlap anything.
fn right_of_everything(positions: &[Point], reaches: &[f32], node: usize) -> Point {
    let rightmost = (0..positions.len())
        .filter(|&other| other != node && is_finite_point(positions[other]))
        .map(|other| positions[other][0] + reaches[other])
        .fold(f32::NEG_INFINITY, f32::max);
    let x = rightmost + reaches[node];
    [x + rounding_slack(positions[node], [x, 0.0], reaches[node]), positions[node][1]]
}

/// Spreads the free nodes out from their centre when they are so crowded that their circles (plus `margin`)
/// cannot fit in the area they cover; returns the factor applied (1 when nothing moved).
///
/// Pushing pairs apart only moves nodes by about their own size per pass, so a crowd many nodes deep would need
/// hundreds of passes to open up from the inside; one uniform scaling does most of that work at once and keeps
/// the shape of the layout.
pub fn spread_out_if_crowded(positions: &mut [Point], radii: &[f32], pinned: &[bool], margin: f32) -> f32 {
    let radii = clean_radii(radii, positions.len());
    let margin = clean_margin(margin);
    let is_free = |node: usize| !pinned.get(node).copied().unwrap_or(false) && is_finite_point(positions[node]);
    let free: Vec<usize> = (0..positions.len()).filter(|&node| is_free(node)).collect();
    if free.len() < 2 {
        return 1.0;
    }
    // Each circle with its margin needs about twice its bounding square: at that density pushing pairs apart
    // settles in a few passes, while a denser crowd jams.
    let needed_area: f64 =
        free.iter().map(|&node| CROWD_ROOM * (2.0 * f64::from(radii[node] + margin / 2.0)).powi(2)).sum();
    let centre = centre_of(positions, &free);
    let covered_area = covered_area(positions, &free, centre);
    // Nodes all on one spot cannot be scaled apart; pushing pairs apart handles them.
    if covered_area >= needed_area || covered_area == 0.0 {
        return 1.0;
    }
    let factor = (needed_area / covered_area).sqrt();
    for &node in &free {
        let [x, y] = positions[node].map(f64::from);
        positions[node] =
            [(centre[0] + (x - centre[0]) * factor) as f32, (centre[1] + (y - centre[1]) * factor) as f32];
    }
    factor as f32
}

/// A margin as given, or zero when it is negative or not a number.
fn clean_margin(margin: f32) -> f32 {
    if margin.is_finite() { margin.max(0.0) } else { 0.0 }
}

fn centre_of(positions: &[Point], nodes: &[usize]) -> [f64; 2] {
    let count = nodes.len() as f64;
    nodes.iter().fold([0.0, 0.0], |sum, &node| {
        [sum[0] + f64::from(positions[node][0]) / count, sum[1] + f64::from(positions[node][1]) / count]
    })
}

/// The area of the disc the nodes are spread over: for nodes spread evenly over a disc, its radius² is twice
/// their mean squared distance to the centre.
fn covered_area(positions: &[Point], nodes: &[usize], centre: [f64; 2]) -> f64 {
    let squared_distance = |node: usize| {
        let [x, y] = positions[node].map(f64::from);
        (x - centre[0]).powi(2) + (y - centre[1]).powi(2)
    };
    let mean_squared_distance = nodes.iter().map(|&node| squared_distance(node)).sum::<f64>() / nodes.len() as f64;
    std::f64::consts::PI * 2.0 * mean_squared_distance
}

/// Moves two overlapping nodes apart along the line between them, so that they just stop overlapping; returns
/// whether anything moved.
fn separate(positions: &mut [Point], reaches: &[f32], (first, second): (usize, usize), pinned: (bool, bool)) -> bool {
    let needed = reaches[first] + reaches[second];
    let offset = subtract(positions[second], positions[first]);
    let distance_squared = length_squared(offset);
    if distance_squared >= needed * needed || (pinned.0 && pinned.1) {
        return false;
    }
    let distance = distance_squared.sqrt();
    let direction =
        if distance > 0.0 { [offset[0] / distance, offset[1] / distance] } else { pair_direction(first, second) };
    let push = needed - distance + rounding_slack(positions[first], positions[second], needed);
    let (first_share, second_share) = match pinned {
        (false, false) => (0.5, 0.5),
        (true, _) => (0.0, 1.0),
        (_, true) => (1.0, 0.0),
    };
    positions[first] = subtract(positions[first], scale(direction, push * first_share));
    positions[second] = add(positions[second], scale(direction, push * second_share));
    true
}

/// A little more than the rounding error of `f32` at these coordinates, so that a pair pushed apart to exactly the
/// needed distance does not come out a hair short of it.
fn rounding_slack(first: Point, second: Point, needed: f32) -> f32 {
    let magnitude = first.iter().chain(second.iter()).fold(needed, |largest, value| largest.max(value.abs()));
    needed * 1e-5 + magnitude * 8.0 * f32::EPSILON
}

/// The pairs of nodes whose bounding squares (position ± reach) intersect, each once, in a deterministic order.
///
/// Every node is entered into each grid cell its square touches; a pair is reported only from the cell holding the
/// lower corner of the intersection of the two squares, which both of them touch.
fn close_pairs(positions: &[Point], reaches: &[f32]) -> Vec<(usize, usize)> {
    let Some(cell_size) = grid_cell_size(positions, reaches) else {
        return Vec::new();
    };
    let cell_of = |value: f32| (value / cell_size).floor() as i64;
    let mut entries: Vec<(i64, i64, usize)> = Vec::with_capacity(positions.len() * 2);
    for (node, (&position, &reach)) in positions.iter().zip(reaches).enumerate() {
        if !is_finite_point(position) {
            continue;
        }
        for column in cell_of(position[0] - reach)..=cell_of(position[0] + reach) {
            for row in cell_of(position[1] - reach)..=cell_of(position[1] + reach) {
                entries.push((column, row, node));
            }
        }
    }
    entries.sort_unstable();
    let mut pairs = Vec::new();
    for cell in entries.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (column, row) = (cell[0].0, cell[0].1);
        for (index, &(_, _, first)) in cell.iter().enumerate() {
            for &(_, _, second) in &cell[index + 1..] {
                let lower_x = (positions[first][0] - reaches[first]).max(positions[second][0] - reaches[second]);
                let lower_y = (positions[first][1] - reaches[first]).max(positions[second][1] - reaches[second]);
                let upper_x = (positions[first][0] + reaches[first]).min(positions[second][0] + reaches[second]);
                let upper_y = (positions[first][1] + reaches[first]).min(positions[second][1] + reaches[second]);
                if lower_x <= upper_x && lower_y <= upper_y && (cell_of(lower_x), cell_of(lower_y)) == (column, row) {
                    pairs.push((first, second));
                }
            }
        }
    }
    pairs
}

/// A grid cell about the size of a typical node, so that a cell holds few nodes, but never so small that the
/// largest node spans more than [`MAXIMUM_CELLS_ACROSS_A_NODE`] cells. `None` when every reach is zero: then no two
/// nodes can overlap.
fn grid_cell_size(positions: &[Point], reaches: &[f32]) -> Option<f32> {
    let finite_reaches = || positions.iter().zip(reaches).filter(|(position, _)| is_finite_point(**position));
    let count = finite_reaches().count().max(1) as f32;
    let mean_diameter = finite_reaches().map(|(_, reach)| 2.0 * reach).sum::<f32>() / count;
    let largest_diameter = finite_reaches().map(|(_, reach)| 2.0 * reach).fold(0.0, f32::max);
    let cell_size = mean_diameter.max(largest_diameter / MAXIMUM_CELLS_ACROSS_A_NODE);
    (cell_size > 0.0).then_some(cell_size)
}

/// The largest factor (at most 1) by which every radius can be multiplied so that no two circles overlap at these
/// positions, so that a graph sized by some measure never shows one node covering another. Close pairs are found
/// with the same grid as `remove_overlaps`. Nodes at a non-finite position are ignored; two nodes at the same
/// point cannot be kept apart and are ignored too.
pub fn no_overlap_scale(positions: &[Point], radii: &[f32]) -> f32 {
    let radii = clean_radii(radii, positions.len());
    close_pairs(positions, &radii)
        .into_iter()
        .filter_map(|(first, second)| {
            let distance = length_squared(subtract(positions[first], positions[second])).sqrt();
            let reach = radii[first] + radii[second];
            (distance > 0.0 && reach > 0.0).then(|| distance / reach)
        })
        .fold(1.0, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::random::SeededRandom;
    use crate::layout::test_graphs::{all_finite, overlapping_pairs};

    fn random_cluster(count: usize, spread: f32, seed: u64) -> Vec<Point> {
        let mut random = SeededRandom::new(seed);
        (0..count).map(|_| [random.next_unit() * spread, random.next_unit() * spread]).collect()
    }

    /// The O(n²) reference for the grid's pair search.
    fn brute_force_close_pairs(positions: &[Point], reaches: &[f32]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for first in 0..positions.len() {
            for second in first + 1..positions.len() {
                let reach = reaches[first] + reaches[second];
                let [dx, dy] = subtract(positions[first], positions[second]);
                if dx.abs() <= reach && dy.abs() <= reach {
                    pairs.push((first, second));
                }
            }
        }
        pairs
    }

    #[test]
    fn radii_are_scaled_until_no_two_circles_overlap() {
        // Two nodes 30 apart with radii 20 and 20 overlap: at 0.75 they just touch. A third far away changes nothing.
        let positions = [[0.0, 0.0], [30.0, 0.0], [500.0, 0.0]];
        assert!((no_overlap_scale(&positions, &[20.0, 20.0, 20.0]) - 0.75).abs() < 1e-6);
        assert_eq!(no_overlap_scale(&positions, &[10.0, 10.0, 10.0]), 1.0, "nothing overlaps: full size");
        assert_eq!(no_overlap_scale(&[[0.0, 0.0], [0.0, 0.0]], &[5.0, 5.0]), 1.0, "a shared point cannot be helped");
    }

    #[test]
    fn grid_finds_exactly_the_pairs_whose_squares_intersect_each_once() {
        let positions = random_cluster(400, 300.0, 5);
        let mut random = SeededRandom::new(6);
        let reaches: Vec<f32> = (0..400).map(|_| 1.0 + random.next_unit() * 12.0).collect();
        let mut found = close_pairs(&positions, &reaches);
        found.sort_unstable();
        assert_eq!(found, brute_force_close_pairs(&positions, &reaches));
    }

    #[test]
    fn a_huge_node_does_not_hide_its_neighbours() {
        let mut positions = random_cluster(100, 200.0, 1);
        let mut reaches = vec![3.0; 100];
        positions.push([100.0, 100.0]);
        reaches.push(400.0);
        let mut found = close_pairs(&positions, &reaches);
        found.sort_unstable();
        assert_eq!(found, brute_force_close_pairs(&positions, &reaches));
    }

    #[test]
    fn overlapping_cluster_is_spread_until_no_circles_overlap() {
        let mut positions = random_cluster(300, 50.0, 2);
        let radii = vec![5.0; 300];
        remove_overlaps(&mut positions, &radii, &[], 2.0, 1_000);
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
    }

    #[test]
    fn coincident_nodes_of_mixed_sizes_are_separated() {
        let mut positions = vec![[0.0, 0.0]; 50];
        let radii: Vec<f32> = (0..50).map(|node| 2.0 + (node % 5) as f32 * 3.0).collect();
        remove_overlaps(&mut positions, &radii, &[], 0.0, 2_000);
        assert!(positions.iter().all(|&point| is_finite_point(point)));
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
    }

    #[test]
    fn pinned_nodes_stay_and_free_nodes_move_off_them() {
        let mut positions = vec![[0.0, 0.0], [1.0, 0.0], [0.5, 0.0], [0.5, 0.5]];
        let pinned = [true, true, false, false];
        let radii = [4.0; 4];
        remove_overlaps(&mut positions, &radii, &pinned, 1.0, 500);
        assert_eq!(&positions[..2], &[[0.0, 0.0], [1.0, 0.0]], "pinned nodes have not moved");
        assert_eq!(overlapping_pairs(&positions, &radii, &pinned), vec![], "only the two pinned nodes overlap");
    }

    #[test]
    fn separated_nodes_are_left_untouched_and_the_margin_is_kept() {
        let mut positions = vec![[0.0, 0.0], [25.0, 0.0]];
        remove_overlaps(&mut positions, &[10.0, 10.0], &[], 4.0, 10);
        assert_eq!(positions, vec![[0.0, 0.0], [25.0, 0.0]]);
        remove_overlaps(&mut positions, &[10.0, 10.0], &[], 8.0, 10);
        assert!(positions[1][0] - positions[0][0] >= 28.0);
    }

    #[test]
    fn same_input_gives_bit_identical_output() {
        let run = || {
            let mut positions = random_cluster(200, 40.0, 3);
            remove_overlaps(&mut positions, &[4.0; 200], &[], 1.0, 300);
            positions
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn non_finite_positions_and_odd_arguments_do_not_spread_nan() {
        let mut positions = vec![[f32::NAN, 0.0], [0.0, 0.0], [0.0, 0.0], [f32::INFINITY, 1.0]];
        remove_overlaps(&mut positions, &[f32::NAN, 1.0, 1.0], &[], f32::NAN, 50);
        assert!(positions[1..3].iter().all(|&point| is_finite_point(point)));
        assert_ne!(positions[1], positions[2]);
        remove_overlaps(&mut [], &[], &[], 1.0, 10);
    }

    #[test]
    fn a_crowd_is_spread_out_keeping_its_shape_and_its_pins() {
        let mut positions = random_cluster(400, 40.0, 4);
        positions.push([20.0, 20.0]);
        let radii = vec![5.0; 401];
        let mut pinned = vec![false; 401];
        pinned[400] = true;
        let before = positions.clone();
        let factor = spread_out_if_crowded(&mut positions, &radii, &pinned, 2.0);
        assert!(factor > 3.0, "factor {factor}");
        assert_eq!(positions[400], [20.0, 20.0]);
        let spread = |points: &[Point]| subtract(points[1], points[0]);
        let [before_x, after_x] = [spread(&before)[0], spread(&positions)[0]];
        assert!(
            (after_x - before_x * factor).abs() < 1e-3 * after_x.abs().max(1.0),
            "{before_x} * {factor} ≠ {after_x}"
        );
        remove_overlaps(&mut positions, &radii, &pinned, 2.0, 100);
        assert_eq!(overlapping_pairs(&positions, &radii, &pinned), vec![], "a hundred passes suffice once spread out");
    }

    #[test]
    fn a_sparse_layout_is_not_spread_out() {
        let mut positions = random_cluster(50, 1_000.0, 4);
        let before = positions.clone();
        assert_eq!(spread_out_if_crowded(&mut positions, &[5.0; 50], &[], 2.0), 1.0);
        assert_eq!(positions, before);
        let mut coincident = vec![[1.0, 1.0]; 5];
        assert_eq!(spread_out_if_crowded(&mut coincident, &[5.0; 5], &[], 2.0), 1.0);
    }

    #[test]
    fn a_free_node_boxed_in_by_pinned_nodes_is_moved_out() {
        // Three large pinned nodes overlap each other around a small free node: pushing it out of one pushes it
        // into another, for ever.
        let mut positions = vec![[9.6, -31.2], [0.0, 33.6], [-35.8, 0.0], [-12.7, 9.4]];
        let radii = [49.6, 28.1, 20.7, 0.0];
        let pinned = [true, true, true, false];
        remove_overlaps(&mut positions, &radii, &pinned, 4.0, 50);
        assert_eq!(&positions[..3], &[[9.6, -31.2], [0.0, 33.6], [-35.8, 0.0]]);
        assert_eq!(overlapping_pairs(&positions, &radii, &pinned), vec![]);
        assert!(all_finite(&positions));
    }

    #[test]
    fn the_spot_right_of_everything_is_free_and_at_the_same_height() {
        let positions = vec![[0.0, 0.0], [1.0, 1.0], [50.0, -30.0], [f32::NAN, 0.0]];
        let reaches = [1e6, 1.0, 20.0, 5.0];
        let spot = right_of_everything(&positions, &reaches, 1);
        assert_eq!(spot[1], 1.0);
        assert!(!overlaps_any(&positions, &reaches, 1, spot), "{spot:?}");
        assert!(spot[0] < 1e6 * 1.001);
    }
}
