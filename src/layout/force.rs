//! Force-directed layout in a spring-electrical model: every pair of nodes repels with `k³ / distance²` (summed
//! with a Barnes–Hut quadtree), each link pulls its ends together with `weight · distance² / k`, and a weak gravity,
//! growing with the distance to the centre, keeps unlinked nodes and separate pieces of the graph in view; `k` is
//! the ideal link length, at which a lone linked pair settles.
//!
//! Each step moves every free node by its force divided by its stiffness (a Newton step for the node alone), but
//! never farther than a step length (the temperature) that cools linearly to zero at `max_iterations`, so that
//! every run ends. The layout has converged when the nodes would move on average less than a small fraction of `k`.
//!
//! When it stops, a layout crowded by its links is first scaled up as a whole, then overlapping nodes are pushed
//! apart ([`remove_overlaps`]).
//!
//! Why `k³ / distance²` rather than Fruchterman and Reingold's `k² / distance`: the longer-reaching force lets the
//! many nodes of a large graph push an unlinked node far out of view, against any gravity weak enough not to crush
//! the graph; the faster fall-off (Hu's `p = 2`) keeps it near the rest.

use super::geometry::{self, add, clean_radii, is_finite_point, length, scale, subtract, sunflower_point};
use super::overlap::{remove_overlaps, spread_out_if_crowded};
use super::quadtree::{QuadTree, RepulsionLaw};
use super::random::SeededRandom;
use super::{LayoutInput, Point};

/// Two nodes closer than this fraction of the ideal link length repel as if they were that far apart, so that
/// near-coincident nodes do not fling each other across the graph.
const MINIMUM_REPULSION_DISTANCE: f32 = 0.01;
/// The first step length is the ideal link length times the share of nodes without a known position, but at least
/// this: a fully placed graph only needs settling, and long first steps would reshuffle it.
const MINIMUM_INITIAL_STEP: f32 = 0.1;

/// The strength of the `k² / d` repulsion against the links' pull, as sfdp's `C` (0.2 there): weaker repulsion
/// than the pull lets linked nodes settle closer than unlinked ones (a lone linked pair at `0.3^(1/3) k ≈ 0.67 k`),
/// which on a generated graph of 5,000 nodes gave a stress of 0.1933 against 0.1943 with 0.5.
const INVERSE_REPULSION_SHARE: f32 = 0.3;

/// Tuning of a [`ForceLayout`]. Lengths are in layout units, the same as the node radii.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceSettings {
    /// The length a link of weight one settles at when nothing else pulls on its ends (a heavier link is shorter:
    /// `k · weight^(-1/4)`).
    pub ideal_link_length: f32,
    /// The layout stops after this many steps even if it has not converged.
    pub max_iterations: usize,
    /// Barnes–Hut opening angle: a group of nodes is treated as one when its size is less than `theta` times its
    /// distance. Zero is exact and O(n²); 0.8 is fast and accurate enough to see no difference.
    pub theta: f32,
    /// Pull of each node towards the centre, per unit of distance.
    pub gravity: f32,
    /// The layout has converged once the nodes would move on average less than this fraction of the ideal link
    /// length in one step.
    pub convergence_tolerance: f32,
    /// Free space kept between nodes when overlaps are removed at the end.
    pub overlap_margin: f32,
    /// Passes of overlap removal at the end; each costs about as much as one step.
    pub overlap_passes: usize,
    /// How repulsion falls off with distance.
    pub repulsion: RepulsionLaw,
    /// The first step's length as a share of the ideal link length when every node starts at a known position.
    pub settling_step: f32,
}

impl Default for ForceSettings {
    fn default() -> ForceSettings {
        ForceSettings {
            ideal_link_length: 80.0,
            max_iterations: 500,
            theta: 0.8,
            // Half the pull of a link at its ideal length, one link length from the centre: weak enough not to
            // crush the graph, strong enough that an unlinked node stays near the others.
            gravity: 0.5,
            convergence_tolerance: 0.01,
            overlap_margin: 4.0,
            overlap_passes: 500,
            repulsion: RepulsionLaw::InverseSquare,
            settling_step: MINIMUM_INITIAL_STEP,
        }
    }
}

impl ForceSettings {
    /// The settings with every unusable value (non-finite, or out of its range) replaced by the default, so that a
    /// bad setting cannot produce NaN positions.
    fn cleaned(self) -> ForceSettings {
        let default = ForceSettings::default();
        let usable = |value: f32, range: std::ops::RangeInclusive<f32>, fallback: f32| {
            if range.contains(&value) { value } else { fallback }
        };
        ForceSettings {
            // k³ must stay within f32's range, with room for the sums of many nodes' repulsion.
            ideal_link_length: usable(self.ideal_link_length, 1e-3..=1e9, default.ideal_link_length),
            max_iterations: self.max_iterations,
            theta: usable(self.theta, 0.0..=f32::MAX, default.theta),
            gravity: usable(self.gravity, 0.0..=f32::MAX, default.gravity),
            convergence_tolerance: usable(self.convergence_tolerance, 0.0..=f32::MAX, default.convergence_tolerance),
            overlap_margin: usable(self.overlap_margin, 0.0..=geometry::LARGEST_RADIUS, default.overlap_margin),
            overlap_passes: self.overlap_passes,
            repulsion: self.repulsion,
            settling_step: usable(self.settling_step, 0.0..=1.0, default.settling_step),
        }
    }
}

/// How far a [`ForceLayout`] has got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub iterations_done: usize,
    pub max_iterations: usize,
    /// The nodes had stopped moving before `max_iterations` was reached.
    pub converged: bool,
    /// How far the nodes' mean movement per step has come down from the first step's towards the convergence
    /// tolerance, on a logarithmic scale, from 0 to 1: most layouts converge long before `max_iterations`, and
    /// a bar counting steps alone would jump from a fifth to the end.
    pub settled: f32,
}

impl Progress {
    /// Whether the layout has stopped: converged, or out of iterations. [`ForceLayout::step`] removes the overlaps
    /// before it returns such a progress.
    pub fn is_finished(&self) -> bool {
        self.converged || self.iterations_done >= self.max_iterations
    }

    /// Share of the work done, from 0 to 1, for a progress bar: the share of the steps, or how far the layout has
    /// settled if that is further.
    pub fn fraction(&self) -> f32 {
        if self.is_finished() {
            1.0
        } else {
            (self.iterations_done as f32 / self.max_iterations as f32).max(self.settled)
        }
    }
}

/// A force-directed layout in progress.
///
/// Deterministic: the same input, initial positions, seed and settings give bit-identical positions on the same
/// machine, however the steps are split between calls to [`ForceLayout::step`]. Once finished, overlapping nodes
/// have been pushed apart (except two pinned nodes, which stay where the user put them), and all positions are
/// finite whatever the input.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    settings: ForceSettings,
    positions: Vec<Point>,
    /// The force on each node in the current step (kept to avoid allocating at every step).
    forces: Vec<Point>,
    /// How fast each node's force grows as it moves, in the current step (see [`ForceLayout::move_free_nodes`]).
    stiffnesses: Vec<f32>,
    links: Vec<(usize, usize, f32)>,
    radii: Vec<f32>,
    pinned: Vec<bool>,
    /// Where gravity pulls: the centre of the pinned nodes, else of the initial positions, else the origin.
    gravity_centre: Point,
    tree: QuadTree,
    /// The step length of the first step; it cools linearly to zero at `max_iterations`.
    initial_step_length: f32,
    iterations_done: usize,
    converged: bool,
    /// The nodes' mean movement in the first step, and how far it has come down since (see [`Progress::settled`]).
    first_imbalance: Option<f32>,
    settled: f32,
    /// Overlap removal runs once, when the layout finishes.
    overlaps_removed: bool,
}

impl ForceLayout {
    /// A layout from scratch: pinned nodes at their pins, the others on a sunflower spiral in an order shuffled by
    /// `seed`.
    pub fn new(input: LayoutInput, seed: u64, settings: ForceSettings) -> ForceLayout {
        ForceLayout::with_initial_positions(input, Vec::new(), seed, settings)
    }

    /// A layout that starts from previous positions, so that a small edit does not reshuffle everything: nodes
    /// with a known position start there (a pin takes precedence), new nodes start next to their placed
    /// neighbours, and the first steps are short in proportion to how much of the graph is already placed.
    pub fn with_initial_positions(
        input: LayoutInput,
        initial: Vec<Option<Point>>,
        seed: u64,
        settings: ForceSettings,
    ) -> ForceLayout {
        let settings = settings.cleaned();
        let node_count = input.node_count;
        let finite = |point: &Option<Point>| point.filter(|&point| is_finite_point(point));
        let pins: Vec<Option<Point>> = (0..node_count).map(|node| input.pinned.get(node).and_then(finite)).collect();
        let known: Vec<Option<Point>> =
            (0..node_count).map(|node| pins[node].or_else(|| initial.get(node).and_then(finite))).collect();
        let links = usable_links(&input.links, node_count);
        let gravity_centre =
            mean_of(pins.iter().flatten()).or_else(|| mean_of(known.iter().flatten())).unwrap_or([0.0, 0.0]);
        let positions = initial_positions(&known, &links, gravity_centre, seed, settings.ideal_link_length);
        let unknown_share = known.iter().filter(|point| point.is_none()).count() as f32 / node_count.max(1) as f32;
        ForceLayout {
            forces: vec![[0.0, 0.0]; node_count],
            stiffnesses: vec![0.0; node_count],
            radii: clean_radii(&input.radii, node_count),
            pinned: pins.iter().map(Option::is_some).collect(),
            positions,
            links,
            gravity_centre,
            tree: QuadTree::default(),
            initial_step_length: settings.ideal_link_length * unknown_share.max(settings.settling_step),
            settings,
            iterations_done: 0,
            converged: false,
            first_imbalance: None,
            settled: 0.0,
            overlaps_removed: false,
        }
    }

    /// Runs up to `iterations` steps and returns the progress, so that the caller can run a few steps per frame,
    /// or everything at once on a background thread. The step that finishes the layout also removes overlaps;
    /// steps after that do nothing.
    pub fn step(&mut self, iterations: usize) -> Progress {
        for _ in 0..iterations {
            if self.progress().is_finished() {
                break;
            }
            self.iterate();
        }
        if self.progress().is_finished() && !self.overlaps_removed {
            self.remove_overlaps();
            self.overlaps_removed = true;
        }
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            iterations_done: self.iterations_done,
            max_iterations: self.settings.max_iterations,
            converged: self.converged,
            settled: self.settled,
        }
    }

    /// The current positions, indexed like the nodes; always finite.
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Runs the layout to its end and returns the final positions.
    pub fn run_to_end(mut self) -> Vec<Point> {
        self.step(usize::MAX);
        self.positions
    }

    fn remove_overlaps(&mut self) {
        let margin = self.settings.overlap_margin;
        spread_out_if_crowded(&mut self.positions, &self.radii, &self.pinned, margin);
        remove_overlaps(&mut self.positions, &self.radii, &self.pinned, margin, self.settings.overlap_passes);
    }

    /// One step: compute the forces and stiffnesses, then move every free node.
    fn iterate(&mut self) {
        self.compute_forces();
        let remaining_share = 1.0 - self.iterations_done as f32 / self.settings.max_iterations as f32;
        let mean_imbalance = self.move_free_nodes(self.initial_step_length * remaining_share);
        self.iterations_done += 1;
        let tolerance = self.settings.convergence_tolerance * self.settings.ideal_link_length;
        self.converged = mean_imbalance < tolerance;
        let first = *self.first_imbalance.get_or_insert(mean_imbalance);
        // The share of the way down from the first step's movement to the tolerance, in orders of magnitude; it
        // never goes back, so that a bar showing it does not either.
        let way = (first / tolerance).ln();
        if way.is_finite() && way > 0.0 {
            let done = ((first / mean_imbalance).ln() / way).clamp(0.0, 1.0);
            if done.is_finite() {
                self.settled = self.settled.max(done);
            }
        }
    }

    fn compute_forces(&mut self) {
        let ideal = self.settings.ideal_link_length;
        // The default law balances a link's pull at the ideal length; the far-reaching one is kept weaker (see
        // INVERSE_REPULSION_SHARE).
        let repulsion_strength = match self.settings.repulsion {
            RepulsionLaw::InverseSquare => ideal * ideal * ideal,
            RepulsionLaw::Inverse => INVERSE_REPULSION_SHARE * ideal * ideal,
        };
        self.tree.rebuild(&self.positions);
        for node in 0..self.positions.len() {
            if self.pinned[node] {
                (self.forces[node], self.stiffnesses[node]) = ([0.0, 0.0], 0.0);
                continue;
            }
            let minimum = MINIMUM_REPULSION_DISTANCE * ideal;
            let repulsion = self.tree.repulsion_on(node, self.settings.theta, minimum, self.settings.repulsion);
            let gravity = scale(subtract(self.gravity_centre, self.positions[node]), self.settings.gravity);
            self.forces[node] = add(scale(repulsion.force, repulsion_strength), gravity);
            self.stiffnesses[node] = repulsion.stiffness * repulsion_strength + self.settings.gravity;
        }
        for &(first, second, weight) in &self.links {
            let offset = subtract(self.positions[second], self.positions[first]);
            // Magnitude weight · distance² / k, along the unit vector offset / distance.
            let stretch = weight * length(offset) / ideal;
            let pull = scale(offset, stretch);
            self.forces[first] = add(self.forces[first], pull);
            self.forces[second] = subtract(self.forces[second], pull);
            // The derivative of the pull's magnitude with respect to the distance.
            self.stiffnesses[first] += 2.0 * stretch;
            self.stiffnesses[second] += 2.0 * stretch;
        }
    }

    /// Moves each free node along its force, by the force divided by the node's stiffness but no farther than
    /// `step_length`; returns the mean distance the free nodes would have moved without that limit.
    ///
    /// Dividing by the stiffness is one Newton step for a node alone: a node held by many links, or pressed
    /// against a neighbour, moves carefully instead of overshooting and oscillating, while a loose node moves fast.
    fn move_free_nodes(&mut self, step_length: f32) -> f32 {
        let mut total_imbalance = 0.0f64;
        let mut free_count = 0usize;
        for node in 0..self.positions.len() {
            if self.pinned[node] {
                continue;
            }
            free_count += 1;
            let force = self.forces[node];
            let force_length = length(force);
            // A zero force needs no move; a non-finite one (only from absurd coordinates) must not spread.
            if force_length == 0.0 || !force_length.is_finite() {
                continue;
            }
            let imbalance = force_length / self.stiffnesses[node].max(f32::MIN_POSITIVE);
            let movement = imbalance.min(step_length);
            let moved = add(self.positions[node], scale(force, movement / force_length));
            if is_finite_point(moved) {
                self.positions[node] = moved;
                total_imbalance += f64::from(imbalance.min(f32::MAX));
            }
        }
        (total_imbalance / free_count.max(1) as f64) as f32
    }
}

/// The links that can pull: both ends known, distinct, with a positive finite weight.
fn usable_links(links: &[(usize, usize, f32)], node_count: usize) -> Vec<(usize, usize, f32)> {
    links
        .iter()
        .copied()
        .filter(|&(first, second, weight)| {
            first < node_count && second < node_count && first != second && weight.is_finite() && weight > 0.0
        })
        .collect()
}

fn mean_of<'a>(points: impl Iterator<Item = &'a Point>) -> Option<Point> {
    let (sum, count) = points.fold(([0.0f64, 0.0f64], 0usize), |(sum, count), point| {
        ([sum[0] + f64::from(point[0]), sum[1] + f64::from(point[1])], count + 1)
    });
    (count > 0).then(|| [(sum[0] / count as f64) as f32, (sum[1] / count as f64) as f32])
}

/// Known nodes where they are; a new node next to the mean of its known neighbours; a new node without any on a
/// sunflower spiral around `centre`, in slots after those of the known nodes so that it starts outside them.
fn initial_positions(
    known: &[Option<Point>],
    links: &[(usize, usize, f32)],
    centre: Point,
    seed: u64,
    ideal_link_length: f32,
) -> Vec<Point> {
    let mut random = SeededRandom::new(seed);
    let mut jitter = |size: f32| [(random.next_unit() - 0.5) * size, (random.next_unit() - 0.5) * size];
    let neighbour_centres = known_neighbour_centres(known, links);
    let mut positions = vec![[0.0, 0.0]; known.len()];
    let mut on_spiral = Vec::new();
    for node in 0..known.len() {
        match (known[node], neighbour_centres[node]) {
            (Some(point), _) => positions[node] = point,
            (None, Some(neighbours)) => positions[node] = add(neighbours, jitter(ideal_link_length)),
            (None, None) => on_spiral.push(node),
        }
    }
    // The shuffle decides which node gets which slot: the seed's main effect, giving another local optimum.
    SeededRandom::new(seed ^ 0x5EED_5EED_5EED_5EED).shuffle(&mut on_spiral);
    let first_slot = known.iter().flatten().count();
    for (slot, &node) in on_spiral.iter().enumerate() {
        let spiral_point = sunflower_point(first_slot + slot, ideal_link_length / 2.0);
        positions[node] = add(add(centre, spiral_point), jitter(ideal_link_length / 10.0));
    }
    positions
}

/// For each node, the mean position of its neighbours with a known position, if it has any.
fn known_neighbour_centres(known: &[Option<Point>], links: &[(usize, usize, f32)]) -> Vec<Option<Point>> {
    let mut sums = vec![([0.0f32, 0.0f32], 0u32); known.len()];
    for &(first, second, _) in links {
        for (node, neighbour) in [(first, second), (second, first)] {
            if let Some(point) = known[neighbour] {
                sums[node] = (add(sums[node].0, point), sums[node].1 + 1);
            }
        }
    }
    sums.into_iter().map(|(sum, count)| (count > 0).then(|| scale(sum, 1.0 / count as f32))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::test_graphs::{all_finite, overlapping_pairs, random_graph, scenario_graph};

    fn run(input: LayoutInput, seed: u64) -> Vec<Point> {
        ForceLayout::new(input, seed, ForceSettings::default()).run_to_end()
    }

    fn distance(first: Point, second: Point) -> f32 {
        length(subtract(first, second))
    }

    #[test]
    fn same_seed_gives_bit_identical_positions_and_another_seed_other_positions() {
        assert_eq!(run(scenario_graph(), 11), run(scenario_graph(), 11));
        assert_ne!(run(scenario_graph(), 11), run(scenario_graph(), 12));
    }

    #[test]
    fn splitting_the_steps_between_calls_does_not_change_the_result() {
        let mut layout = ForceLayout::new(random_graph(60, 120, 4), 3, ForceSettings::default());
        while !layout.step(7).is_finished() {}
        assert_eq!(layout.positions(), run(random_graph(60, 120, 4), 3).as_slice());
    }

    #[test]
    fn scenario_shaped_graph_converges_without_overlaps() {
        let input = scenario_graph();
        let radii = input.radii.clone();
        let mut layout = ForceLayout::new(input, 1, ForceSettings::default());
        let progress = layout.step(usize::MAX);
        assert!(progress.converged && progress.iterations_done < progress.max_iterations, "{progress:?}");
        assert_eq!(overlapping_pairs(layout.positions(), &radii, &[]), vec![]);
    }

    #[test]
    fn random_graph_of_300_nodes_and_900_links_converges_without_overlaps() {
        let input = random_graph(300, 900, 8);
        let radii = input.radii.clone();
        let mut layout = ForceLayout::new(input, 2, ForceSettings::default());
        let progress = layout.step(usize::MAX);
        assert!(progress.converged, "{progress:?}");
        assert!(all_finite(layout.positions()));
        assert_eq!(overlapping_pairs(layout.positions(), &radii, &[]), vec![]);
    }

    #[test]
    fn a_dense_graph_that_packs_tight_ends_without_overlaps() {
        // Ten links per node pull harder than the repulsion pushes: the nodes end up crowded, many deep, and few
        // passes of overlap removal are allowed.
        let input = random_graph(400, 4_000, 6);
        let radii = input.radii.clone();
        let settings = ForceSettings { overlap_passes: 30, ..ForceSettings::default() };
        let positions = ForceLayout::new(input, 3, settings).run_to_end();
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
    }

    #[test]
    fn overlaps_are_removed_even_when_the_iterations_run_out() {
        let input = random_graph(100, 300, 5);
        let radii = input.radii.clone();
        let settings = ForceSettings { max_iterations: 3, ..ForceSettings::default() };
        let positions = ForceLayout::new(input, 2, settings).run_to_end();
        assert_eq!(overlapping_pairs(&positions, &radii, &[]), vec![]);
    }

    #[test]
    fn linked_nodes_end_up_closer_than_unlinked_pairs() {
        let input = random_graph(300, 900, 9);
        let links = input.links.clone();
        let positions = run(input, 1);
        let linked: Vec<f32> =
            links.iter().map(|&(first, second, _)| distance(positions[first], positions[second])).collect();
        let mean_linked = linked.iter().sum::<f32>() / linked.len() as f32;
        let mut unlinked_total = 0.0;
        let mut unlinked_count = 0;
        for first in 0..positions.len() {
            for second in first + 1..positions.len() {
                if !links.iter().any(|&(a, b, _)| (a, b) == (first, second) || (b, a) == (first, second)) {
                    unlinked_total += distance(positions[first], positions[second]);
                    unlinked_count += 1;
                }
            }
        }
        let mean_unlinked = unlinked_total / unlinked_count as f32;
        assert!(mean_linked < 0.7 * mean_unlinked, "linked {mean_linked}, unlinked {mean_unlinked}");
    }

    #[test]
    fn pinned_nodes_stay_exactly_where_they_were_and_others_avoid_them() {
        let mut input = scenario_graph();
        let pins = [(0, [100.0, -50.0]), (13, [0.0, 0.0]), (17, [1e-3, 0.0]), (22, [0.5, 0.25])];
        for (node, pin) in pins {
            input.pinned[node] = Some(pin);
        }
        let radii = input.radii.clone();
        let pinned: Vec<bool> = input.pinned.iter().map(Option::is_some).collect();
        let positions = run(input, 5);
        for (node, pin) in pins {
            assert_eq!(positions[node], pin, "node {node}");
        }
        assert_eq!(overlapping_pairs(&positions, &radii, &pinned), vec![]);
    }

    #[test]
    fn degenerate_inputs_give_finite_positions() {
        let all_pinned = LayoutInput {
            node_count: 3,
            links: vec![(0, 1, 1.0)],
            radii: vec![5.0; 3],
            pinned: vec![Some([0.0, 0.0]), Some([0.0, 0.0]), Some([3.0, 4.0])],
        };
        let strange_links = LayoutInput {
            node_count: 4,
            links: vec![
                (0, 0, 1.0),
                (1, 2, 1.0),
                (1, 2, 1.0),
                (2, 1, 3.0),
                (3, 9, 1.0),
                (0, 1, f32::NAN),
                (0, 3, -1.0),
            ],
            radii: vec![f32::NAN, -2.0],
            pinned: vec![Some([f32::NAN, 0.0])],
        };
        let inputs =
            [LayoutInput::new(0), LayoutInput::new(1), LayoutInput::new(50), all_pinned.clone(), strange_links];
        for input in inputs {
            let node_count = input.node_count;
            let positions = run(input.clone(), 0);
            assert_eq!(positions.len(), node_count);
            assert!(all_finite(&positions), "{input:?} gave {positions:?}");
        }
        assert_eq!(run(all_pinned, 0), vec![[0.0, 0.0], [0.0, 0.0], [3.0, 4.0]]);
    }

    #[test]
    fn coincident_starting_positions_are_pulled_apart() {
        let input = LayoutInput { radii: vec![4.0; 30], ..random_graph(30, 40, 1) };
        let initial = vec![Some([7.0, 7.0]); 30];
        let layout = ForceLayout::with_initial_positions(input.clone(), initial, 0, ForceSettings::default());
        let positions = layout.run_to_end();
        assert!(all_finite(&positions));
        assert_eq!(overlapping_pairs(&positions, &input.radii, &[]), vec![]);
    }

    #[test]
    fn unusable_settings_fall_back_to_defaults() {
        let settings = ForceSettings {
            ideal_link_length: 0.0,
            theta: f32::NAN,
            gravity: f32::INFINITY,
            convergence_tolerance: -1.0,
            overlap_margin: f32::NAN,
            ..ForceSettings::default()
        };
        assert_eq!(settings.cleaned(), ForceSettings::default());
        assert!(all_finite(&ForceLayout::new(scenario_graph(), 0, settings).run_to_end()));
    }

    #[test]
    fn zero_iterations_still_removes_overlaps() {
        let settings = ForceSettings { max_iterations: 0, ..ForceSettings::default() };
        let input = LayoutInput { radii: vec![10.0; 2], ..LayoutInput::new(2) };
        let initial = vec![Some([0.0, 0.0]), Some([1.0, 0.0])];
        let mut layout = ForceLayout::with_initial_positions(input, initial, 0, settings);
        assert!(layout.step(1).is_finished());
        assert!(distance(layout.positions()[0], layout.positions()[1]) >= 20.0);
    }

    #[test]
    fn restarting_from_a_finished_layout_barely_moves_it() {
        let input = random_graph(80, 160, 3);
        let previous = run(input.clone(), 1);
        let initial = previous.iter().copied().map(Some).collect();
        let again = ForceLayout::with_initial_positions(input, initial, 99, ForceSettings::default()).run_to_end();
        let mean_shift = previous.iter().zip(&again).map(|(&a, &b)| distance(a, b)).sum::<f32>() / 80.0;
        assert!(mean_shift < 0.25 * ForceSettings::default().ideal_link_length, "mean shift {mean_shift}");
    }

    #[test]
    fn a_new_node_starts_next_to_its_placed_neighbours() {
        let input = LayoutInput { links: vec![(0, 2, 1.0), (1, 2, 1.0)], ..LayoutInput::new(3) };
        let initial = vec![Some([1000.0, 0.0]), Some([1100.0, 0.0]), None];
        let layout = ForceLayout::with_initial_positions(input, initial, 0, ForceSettings::default());
        assert!(distance(layout.positions()[2], [1050.0, 0.0]) <= ForceSettings::default().ideal_link_length);
    }

    #[test]
    fn progress_follows_the_settling_of_a_layout_that_converges_early() {
        let settings = ForceSettings { max_iterations: 2_000, ..ForceSettings::default() };
        let mut layout = ForceLayout::new(random_graph(60, 120, 2), 0, settings);
        let mut fractions = Vec::new();
        let mut progress = layout.step(1);
        while !progress.is_finished() {
            fractions.push(progress.fraction());
            progress = layout.step(1);
        }
        assert!(progress.converged && progress.iterations_done < 500, "{progress:?}");
        assert!(fractions.windows(2).all(|pair| pair[0] <= pair[1]), "never backwards: {fractions:?}");
        // Counting steps alone, the bar would have ended below a quarter.
        let last = *fractions.last().unwrap();
        assert!(last > 0.6, "the last fraction before converging: {last}");
    }

    #[test]
    fn progress_counts_steps_and_finishes() {
        let settings = ForceSettings { max_iterations: 10, convergence_tolerance: 0.0, ..ForceSettings::default() };
        let mut layout = ForceLayout::new(random_graph(20, 30, 1), 0, settings);
        let progress = layout.step(4);
        assert_eq!((progress.iterations_done, progress.is_finished()), (4, false));
        assert!((progress.fraction() - 0.4).abs() < 1e-6);
        let progress = layout.step(100);
        assert_eq!((progress.iterations_done, progress.converged, progress.fraction()), (10, false, 1.0));
        assert_eq!(layout.step(1), progress, "a finished layout stays finished");
    }

    #[test]
    fn layout_can_run_on_another_thread() {
        fn assert_send<T: Send + 'static>(_: &T) {}
        let layout = ForceLayout::new(scenario_graph(), 0, ForceSettings::default());
        assert_send(&layout);
        let positions = std::thread::spawn(move || layout.run_to_end()).join().expect("layout thread");
        assert_eq!(positions, run(scenario_graph(), 0));
    }

    fn any_number() -> impl proptest::strategy::Strategy<Value = f32> {
        use proptest::prelude::*;
        prop_oneof![4 => -50.0f32..50.0, 1 => Just(0.0), 1 => Just(f32::NAN), 1 => Just(f32::INFINITY)]
    }

    fn any_input() -> impl proptest::strategy::Strategy<Value = LayoutInput> {
        use proptest::prelude::*;
        (0usize..25).prop_flat_map(|node_count| {
            let index = 0..node_count + 3;
            let links = proptest::collection::vec((index.clone(), index, any_number()), 0..40);
            let radii = proptest::collection::vec(any_number(), 0..node_count + 2);
            let pin = proptest::option::weighted(0.2, (any_number(), any_number()).prop_map(|(x, y)| [x, y]));
            let pinned = proptest::collection::vec(pin, 0..node_count + 2);
            (links, radii, pinned).prop_map(move |(links, radii, pinned)| LayoutInput {
                node_count,
                links,
                radii,
                pinned,
            })
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn any_input_gives_finite_positions_without_overlaps_and_keeps_pins(input in any_input(), seed: u64) {
            let settings = ForceSettings { max_iterations: 60, ..ForceSettings::default() };
            let positions = ForceLayout::new(input.clone(), seed, settings).run_to_end();
            proptest::prop_assert_eq!(positions.len(), input.node_count);
            proptest::prop_assert!(all_finite(&positions));
            let pins: Vec<Option<Point>> = (0..input.node_count)
                .map(|node| input.pinned.get(node).copied().flatten().filter(|&pin| is_finite_point(pin)))
                .collect();
            for (node, pin) in pins.iter().enumerate() {
                if let Some(pin) = pin {
                    proptest::prop_assert_eq!(positions[node], *pin);
                }
            }
            let radii = clean_radii(&input.radii, input.node_count);
            let pinned: Vec<bool> = pins.iter().map(Option::is_some).collect();
            proptest::prop_assert_eq!(overlapping_pairs(&positions, &radii, &pinned), vec![]);
        }
    }
}
