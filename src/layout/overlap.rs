//! Overlap removal: pushes apart nodes whose circles overlap, finding the close pairs with a uniform grid so that a
//! pass costs O(n log n) for nodes of similar size instead of O(n²).

use super::Point;
use super::geometry::{clean_radii, is_finite_point, length_squared, pair_direction, subtract};

/// A node whose circle is this many times larger than the typical one spans many grid cells; the cell size grows
/// so that it spans at most about this many cells across, keeping a few huge nodes from filling the grid.
const MAXIMUM_CELLS_ACROSS_A_NODE: f32 = 8.0;

/// Pushes apart the nodes whose circles (of the given radii, plus `margin` between them) overlap, leaving the
/// pinned nodes where they are, in at most `max_passes` passes. Deterministic.
///
/// A pair where one node is pinned moves only the other one; two pinned nodes are left overlapping if the user put
/// them there. Nodes at a non-finite position are left alone and ignored. A missing radius counts as zero and a
/// missing pin flag as not pinned.
pub fn remove_overlaps(positions: &mut [Point], radii: &[f32], pinned: &[bool], margin: f32, max_passes: usize) {
    let radii = clean_radii(radii, positions.len());
    let margin = if margin.is_finite() { margin.max(0.0) } else { 0.0 };
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
    let [first_position, second_position] = [positions[first], positions[second]];
    positions[first] =
        [first_position[0] - direction[0] * push * first_share, first_position[1] - direction[1] * push * first_share];
    positions[second] = [
        second_position[0] + direction[0] * push * second_share,
        second_position[1] + direction[1] * push * second_share,
    ];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::random::SeededRandom;
    use crate::layout::test_graphs::overlapping_pairs;

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
}
