//! Graphs and checks shared by the layout tests.

use super::random::SeededRandom;
use super::{LayoutInput, Point};

/// A graph shaped like a real scenario: a hub with 12 spokes (nodes 0–12), a chain of 5 (13–17), a clique of 4
/// (18–21) and 4 isolated nodes (22–25). Radii vary as drawn by importance, the hub being the largest.
pub fn scenario_graph() -> LayoutInput {
    let mut links = Vec::new();
    for spoke in 1..=12 {
        links.push((0, spoke, 1.0 + (spoke % 3) as f32));
    }
    for link in 13..17 {
        links.push((link, link + 1, 1.0));
    }
    for first in 18..22 {
        for second in first + 1..22 {
            links.push((first, second, 2.0));
        }
    }
    let radii = (0..26).map(|node| if node == 0 { 30.0 } else { 8.0 + (node % 4) as f32 * 4.0 }).collect();
    LayoutInput { node_count: 26, links, radii, pinned: vec![None; 26] }
}

/// `node_count` nodes of radius 6–14 with `link_count` random links (possibly duplicates or self-links, as real
/// input may have).
pub fn random_graph(node_count: usize, link_count: usize, seed: u64) -> LayoutInput {
    let mut random = SeededRandom::new(seed);
    let links = (0..link_count)
        .map(|_| (random.next_below(node_count), random.next_below(node_count), 0.5 + random.next_unit()))
        .collect();
    let radii = (0..node_count).map(|_| 6.0 + random.next_unit() * 8.0).collect();
    LayoutInput { node_count, links, radii, pinned: vec![None; node_count] }
}

/// The pairs of nodes whose circles overlap (centres closer than the sum of radii), leaving out pairs of two
/// pinned nodes, which may overlap if the user put them there.
pub fn overlapping_pairs(positions: &[Point], radii: &[f32], pinned: &[bool]) -> Vec<(usize, usize)> {
    let is_pinned = |node: usize| pinned.get(node).copied().unwrap_or(false);
    let mut pairs = Vec::new();
    for first in 0..positions.len() {
        for second in first + 1..positions.len() {
            let [dx, dy] = [positions[first][0] - positions[second][0], positions[first][1] - positions[second][1]];
            let overlapping = (dx * dx + dy * dy).sqrt() < radii[first] + radii[second];
            if overlapping && !(is_pinned(first) && is_pinned(second)) {
                pairs.push((first, second));
            }
        }
    }
    pairs
}

/// Whether every coordinate is a finite number.
pub fn all_finite(positions: &[Point]) -> bool {
    positions.iter().flatten().all(|value| value.is_finite())
}
