//! Circular layout grouped by bloc: each group owns one sector of the circle, groups follow each other clockwise
//! (in screen coordinates, y down) from the top in ascending order of their group number, with a gap between two
//! groups. Up to [`SINGLE_RING_LIMIT`] nodes sit on one circle; more sit on concentric rings, each group still in
//! its own sector, so the picture stays a disc instead of a huge thin ring.
//!
//! Why no node overlaps another: each node gets a wedge of the circle just wide enough to hold its disc (half-angle
//! `asin(reach / ring_radius)`); wedges on one ring never overlap, and rings are spaced by the widest disc, so discs
//! on different rings never meet either.

use std::f64::consts::{FRAC_PI_2, TAU};

use super::Point;
use super::geometry::clean_radii;

/// Up to this many nodes fit on a single circle that is still pleasant to read; beyond it, rings.
const SINGLE_RING_LIMIT: usize = 40;
/// With many nodes, about four times fewer rings than nodes per ring: `ring_count ≈ √n / 4` keeps the rings full
/// (a 2,000-node layout gets 12 rings of about 170 nodes).
const NODES_PER_RING_FACTOR: f64 = 4.0;
/// Free space between two neighbouring nodes, as a share of the mean radius (at least one unit): the mean, not the
/// largest, so that one huge node does not spread out all the others.
const SPACING_SHARE_OF_MEAN_RADIUS: f64 = 0.5;
/// The bisection on the inner radius stops when it is known to this relative precision.
const RADIUS_PRECISION: f64 = 1e-4;

/// Places nodes on a circle grouped by bloc: `group_of_node[i]` is node `i`'s group, and groups go around the circle
/// in ascending order of that number (number them in the order you want them), each node of a group next to the
/// others, in index order. The circle is as small as it can be with no two nodes of the given `radii` overlapping;
/// a missing radius counts as zero. Centred on the origin.
pub fn circular_grouped(group_of_node: &[usize], radii: &[f32]) -> Vec<Point> {
    let node_count = group_of_node.len();
    if node_count <= 1 {
        return vec![[0.0, 0.0]; node_count];
    }
    let radii = clean_radii(radii, node_count);
    let mean_radius = radii.iter().map(|&radius| f64::from(radius)).sum::<f64>() / node_count as f64;
    let spacing = (mean_radius * SPACING_SHARE_OF_MEAN_RADIUS).max(1.0);
    // Each node claims its radius plus half the spacing, so two neighbours are at least `spacing` apart.
    let reaches: Vec<f64> = radii.iter().map(|&radius| f64::from(radius) + spacing / 2.0).collect();
    let rings = RingPlan::new(&reaches, node_count);
    let groups = members_by_group(group_of_node);
    let inner_radius = smallest_inner_radius_that_fits(&groups, &reaches, &rings);
    let placements = place(&groups, &reaches, &rings, inner_radius).expect("the smallest fitting radius fits");
    placements
        .into_iter()
        .map(|(radius, angle)| [(radius * angle.cos()) as f32, (radius * angle.sin()) as f32])
        .collect()
}

/// How many rings there are and how far apart.
struct RingPlan {
    count: usize,
    /// Distance between two rings: the widest disc, so that discs on neighbouring rings cannot touch.
    spacing: f64,
    /// Arc length left empty between two groups: one typical disc, enough to see where a group ends.
    group_gap: f64,
    largest_reach: f64,
}

impl RingPlan {
    fn new(reaches: &[f64], node_count: usize) -> RingPlan {
        let largest_reach = reaches.iter().copied().fold(0.0, f64::max);
        let mean_reach = reaches.iter().sum::<f64>() / reaches.len().max(1) as f64;
        let count = if node_count <= SINGLE_RING_LIMIT {
            1
        } else {
            ((node_count as f64).sqrt() / NODES_PER_RING_FACTOR).ceil() as usize
        };
        RingPlan { count, spacing: 2.0 * largest_reach, group_gap: 2.0 * mean_reach, largest_reach }
    }

    fn radius(&self, inner_radius: f64, ring: usize) -> f64 {
        inner_radius + ring as f64 * self.spacing
    }

    /// The radius of the middle ring, where a node takes about its average angle.
    fn middle_radius(&self, inner_radius: f64) -> f64 {
        inner_radius + (self.count - 1) as f64 / 2.0 * self.spacing
    }
}

/// The nodes of each group, groups in ascending order of their number, nodes in index order.
fn members_by_group(group_of_node: &[usize]) -> Vec<Vec<usize>> {
    let mut nodes: Vec<usize> = (0..group_of_node.len()).collect();
    nodes.sort_by_key(|&node| (group_of_node[node], node));
    nodes.chunk_by(|&first, &second| group_of_node[first] == group_of_node[second]).map(<[usize]>::to_vec).collect()
}

/// The angle a node of reach `reach` takes on a ring of radius `ring_radius`: the wedge that just holds its disc.
fn wedge_angle(reach: f64, ring_radius: f64) -> f64 {
    2.0 * (reach / ring_radius).min(1.0).asin()
}

/// Finds by bisection about the smallest inner ring radius at which every group fits in its sector. Fitting gets
/// easier as the radius grows (gaps and wedges narrow); and whatever the bisection does, the radius it returns is
/// one that was seen to fit.
fn smallest_inner_radius_that_fits(groups: &[Vec<usize>], reaches: &[f64], rings: &RingPlan) -> f64 {
    let fits = |inner_radius: f64| place(groups, reaches, rings, inner_radius).is_some();
    // A wedge is only defined for a disc inside the ring's radius.
    let mut too_small = rings.largest_reach;
    let mut large_enough = 2.0 * rings.largest_reach;
    while !fits(large_enough) {
        too_small = large_enough;
        large_enough *= 2.0;
    }
    while large_enough - too_small > RADIUS_PRECISION * large_enough {
        let middle = (too_small + large_enough) / 2.0;
        if fits(middle) {
            large_enough = middle;
        } else {
            too_small = middle;
        }
    }
    large_enough
}

/// Places every node as `(ring radius, angle)` with the given inner radius, or `None` if some group does not fit
/// in its sector on the available rings.
///
/// A group's sector is proportional to the angle its nodes need on one ring (their wedges on the middle ring spread
/// over the rings, but at least its widest node), so that all groups fill about as many rings, and on a single ring
/// the gaps between groups are all equal.
fn place(groups: &[Vec<usize>], reaches: &[f64], rings: &RingPlan, inner_radius: f64) -> Option<Vec<(f64, f64)>> {
    let middle_radius = rings.middle_radius(inner_radius);
    let demands: Vec<f64> =
        groups.iter().map(|members| sector_demand(members, reaches, rings.count, middle_radius)).collect();
    let total_demand: f64 = demands.iter().sum();
    let gap_angle = if groups.len() > 1 { rings.group_gap / inner_radius } else { 0.0 };
    let angle_for_groups = TAU - gap_angle * groups.len() as f64;
    if angle_for_groups <= 0.0 {
        return None;
    }
    let mut placements = vec![(0.0, 0.0); reaches.len()];
    // Start at the top (angle -π/2), half a gap in, so the gaps sit symmetrically around each group.
    let mut sector_start = -FRAC_PI_2 + gap_angle / 2.0;
    for (members, demand) in groups.iter().zip(&demands) {
        let sector_angle = angle_for_groups * demand / total_demand;
        place_group(members, reaches, rings, inner_radius, (sector_start, sector_angle), &mut placements)?;
        sector_start += sector_angle + gap_angle;
    }
    Some(placements)
}

fn sector_demand(members: &[usize], reaches: &[f64], ring_count: usize, middle_radius: f64) -> f64 {
    let wedges = members.iter().map(|&node| wedge_angle(reaches[node], middle_radius));
    let widest = wedges.clone().fold(0.0, f64::max);
    (wedges.sum::<f64>() / ring_count as f64).max(widest)
}

/// Fills the group's sector ring by ring, from the innermost, keeping the nodes in order; the nodes of each ring
/// are centred in the sector.
fn place_group(
    members: &[usize],
    reaches: &[f64],
    rings: &RingPlan,
    inner_radius: f64,
    (sector_start, sector_angle): (f64, f64),
    placements: &mut [(f64, f64)],
) -> Option<()> {
    let mut ring = 0;
    let mut ring_members: Vec<usize> = Vec::new();
    let mut used_angle = 0.0;
    for &node in members {
        loop {
            let ring_radius = rings.radius(inner_radius, ring);
            let wedge = wedge_angle(reaches[node], ring_radius);
            if used_angle + wedge <= sector_angle {
                ring_members.push(node);
                used_angle += wedge;
                break;
            }
            // This ring of the sector is full: settle it and go one ring out, where wedges are narrower.
            place_centred_on_ring(&ring_members, reaches, ring_radius, (sector_start, sector_angle), placements);
            ring_members.clear();
            used_angle = 0.0;
            ring += 1;
            if ring == rings.count {
                return None;
            }
        }
    }
    let ring_radius = rings.radius(inner_radius, ring);
    place_centred_on_ring(&ring_members, reaches, ring_radius, (sector_start, sector_angle), placements);
    Some(())
}

/// Places `members` side by side on one ring, each in its own wedge, the row centred in the sector.
fn place_centred_on_ring(
    members: &[usize],
    reaches: &[f64],
    ring_radius: f64,
    (sector_start, sector_angle): (f64, f64),
    placements: &mut [(f64, f64)],
) {
    let wedges: Vec<f64> = members.iter().map(|&node| wedge_angle(reaches[node], ring_radius)).collect();
    let mut angle = sector_start + (sector_angle - wedges.iter().sum::<f64>()) / 2.0;
    for (&node, wedge) in members.iter().zip(wedges) {
        placements[node] = (ring_radius, angle + wedge / 2.0);
        angle += wedge;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::random::SeededRandom;
    use crate::layout::test_graphs::{all_finite, overlapping_pairs};

    /// Angle of a position clockwise from the top (screen coordinates), in `[0, τ)`.
    fn angle_from_top(point: Point) -> f64 {
        (f64::from(point[1]).atan2(f64::from(point[0])) + FRAC_PI_2).rem_euclid(TAU)
    }

    /// The groups met going clockwise from the top, each run of equal groups counted once.
    fn group_runs_clockwise(groups: &[usize], positions: &[Point]) -> Vec<usize> {
        let mut nodes: Vec<usize> = (0..groups.len()).collect();
        nodes.sort_by(|&first, &second| angle_from_top(positions[first]).total_cmp(&angle_from_top(positions[second])));
        let mut runs: Vec<usize> = nodes.iter().map(|&node| groups[node]).collect();
        runs.dedup();
        runs
    }

    fn assert_groups_contiguous_in_order(groups: &[usize], positions: &[Point]) {
        let mut expected: Vec<usize> = groups.to_vec();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(group_runs_clockwise(groups, positions), expected);
    }

    fn random_radii(count: usize, seed: u64) -> Vec<f32> {
        let mut random = SeededRandom::new(seed);
        (0..count).map(|_| 4.0 + random.next_unit() * 16.0).collect()
    }

    #[test]
    fn interleaved_groups_sit_together_in_ascending_order_without_overlaps() {
        let groups: Vec<usize> = (0..30).map(|node| [3, 1, 4, 1, 5][node % 5]).collect();
        let radii = random_radii(30, 1);
        let positions = circular_grouped(&groups, &radii);
        assert_groups_contiguous_in_order(&groups, &positions);
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
        let ring_radii: Vec<f32> = positions.iter().map(|point| point[0].hypot(point[1])).collect();
        assert!(ring_radii.iter().all(|radius| (radius - ring_radii[0]).abs() < 1e-3), "one circle: {ring_radii:?}");
    }

    #[test]
    fn many_nodes_go_on_rings_with_each_group_in_one_sector() {
        let groups: Vec<usize> = (0..2_000).map(|node| (node * 7) % 17).collect();
        let radii = random_radii(2_000, 2);
        let positions = circular_grouped(&groups, &radii);
        assert!(all_finite(&positions));
        assert_groups_contiguous_in_order(&groups, &positions);
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
        let mut ring_radii: Vec<i64> = positions.iter().map(|point| point[0].hypot(point[1]).round() as i64).collect();
        ring_radii.sort_unstable();
        ring_radii.dedup();
        assert!(ring_radii.len() > 5, "rings: {ring_radii:?}");
    }

    #[test]
    fn groups_of_very_different_sizes_all_fit() {
        let mut groups = vec![0; 300];
        groups.extend([1, 2, 3, 3, 4]);
        let radii: Vec<f32> = (0..groups.len()).map(|node| if node % 50 == 0 { 60.0 } else { 5.0 }).collect();
        let positions = circular_grouped(&groups, &radii);
        assert_groups_contiguous_in_order(&groups, &positions);
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
    }

    #[test]
    fn the_circle_is_no_larger_than_needed() {
        let positions = circular_grouped(&[0; 12], &[10.0; 12]);
        let radius = positions[0][0].hypot(positions[0][1]);
        let neighbour_distance = (positions[0][0] - positions[1][0]).hypot(positions[0][1] - positions[1][1]);
        // Radius 10 plus half the spacing of 5 on each side: neighbours 25 apart, centre to centre.
        assert!((neighbour_distance - 25.0).abs() < 0.05, "neighbours {neighbour_distance} apart");
        assert!(radius < 50.0, "radius {radius}");
    }

    #[test]
    fn degenerate_inputs_give_finite_positions() {
        assert_eq!(circular_grouped(&[], &[]), Vec::<Point>::new());
        assert_eq!(circular_grouped(&[7], &[3.0]), vec![[0.0, 0.0]]);
        for (groups, radii) in [
            (vec![0, 0], vec![5.0, 5.0]),
            (vec![0, 1], vec![]),
            ((0..100).collect::<Vec<_>>(), vec![f32::NAN; 100]),
            (vec![2; 50], vec![-1.0, f32::INFINITY, 1e6]),
        ] {
            let positions = circular_grouped(&groups, &radii);
            assert_eq!(positions.len(), groups.len());
            assert!(all_finite(&positions));
            assert_eq!(overlapping_pairs(&positions, &clean_radii(&radii, groups.len()), &[]), vec![]);
        }
    }

    #[test]
    fn same_input_gives_the_same_layout() {
        let groups: Vec<usize> = (0..500).map(|node| node % 9).collect();
        let radii = random_radii(500, 3);
        assert_eq!(circular_grouped(&groups, &radii), circular_grouped(&groups, &radii));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn any_grouping_is_contiguous_without_overlaps(
            groups in proptest::collection::vec(0usize..6, 0..120),
            radii in proptest::collection::vec(0.0f32..40.0, 0..120),
        ) {
            let positions = circular_grouped(&groups, &radii);
            proptest::prop_assert!(all_finite(&positions));
            proptest::prop_assert_eq!(overlapping_pairs(&positions, &clean_radii(&radii, groups.len()), &[]), vec![]);
            if groups.len() > 1 {
                let mut expected = groups.clone();
                expected.sort_unstable();
                expected.dedup();
                proptest::prop_assert_eq!(group_runs_clockwise(&groups, &positions), expected);
            }
        }
    }
}
