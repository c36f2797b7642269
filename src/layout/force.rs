//! Force-directed layout in the spring-electrical model of Fruchterman and Reingold: every pair of nodes repels
//! with `k² / distance` (computed with a Barnes–Hut quadtree), each link pulls its ends together with
//! `weight · distance² / k`, and a weak gravity keeps separate pieces of the graph from drifting apart; `k` is the
//! ideal link length. The step length adapts as in Yifan Hu's method (longer while the energy keeps falling,
//! shorter when it rises) under a ceiling that falls linearly to zero, so every run ends by `max_iterations`.

use super::geometry::{add, is_finite_point, length, length_squared, scale, subtract};
use super::overlap::remove_overlaps;
use super::quadtree::QuadTree;
use super::random::SeededRandom;
use super::{LayoutInput, Point};

/// The golden angle: successive nodes of a sunflower spiral turn by it, which spreads them evenly over a disc.
const GOLDEN_ANGLE: f32 = 2.399_963;
/// After this many steps in a row with falling energy, the layout is moving steadily and may take longer steps.
const IMPROVING_STEPS_BEFORE_LENGTHENING: u32 = 5;
/// Two nodes closer than this fraction of the ideal link length repel as if they were that far apart, so that
/// near-coincident nodes do not fling each other across the graph.
const MINIMUM_REPULSION_DISTANCE: f32 = 0.01;

/// Tuning of a [`ForceLayout`]. Lengths are in layout units, the same as the node radii.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceSettings {
    /// The length a link of weight one settles at when nothing else pulls on its ends.
    pub ideal_link_length: f32,
    /// The layout stops after this many steps even if it has not converged.
    pub max_iterations: usize,
    /// Barnes–Hut opening angle: a group of nodes is treated as one when its size is less than `theta` times its
    /// distance. Zero is exact and O(n²); 0.8 is fast and accurate enough to see no difference.
    pub theta: f32,
    /// Pull of each node towards the centre, per unit of distance; keeps unlinked nodes and separate pieces of the
    /// graph in view.
    pub gravity: f32,
    /// Factor (below one) by which the step length shrinks when the energy rises.
    pub cooling: f32,
    /// The layout has converged once nodes move on average less than this fraction of the ideal link length in
    /// one step.
    pub convergence_tolerance: f32,
    /// Free space kept between nodes when overlaps are removed at the end.
    pub overlap_margin: f32,
    /// Passes of overlap removal at the end; each costs about as much as one step.
    pub overlap_passes: usize,
}

impl Default for ForceSettings {
    fn default() -> ForceSettings {
        ForceSettings {
            ideal_link_length: 80.0,
            max_iterations: 500,
            theta: 0.8,
            gravity: 0.05,
            cooling: 0.9,
            convergence_tolerance: 0.005,
            overlap_margin: 4.0,
            overlap_passes: 500,
        }
    }
}

impl ForceSettings {
    /// The settings with every unusable value (non-finite, or out of its range) replaced by the default, so that a
    /// bad setting cannot produce NaN positions.
    fn cleaned(self) -> ForceSettings {
        let default = ForceSettings::default();
        let usable = |value: f32, range: std::ops::Range<f32>, fallback: f32| {
            if value.is_finite() && range.contains(&value) { value } else { fallback }
        };
        ForceSettings {
            ideal_link_length: usable(self.ideal_link_length, f32::MIN_POSITIVE..f32::MAX, default.ideal_link_length),
            max_iterations: self.max_iterations,
            theta: usable(self.theta, 0.0..f32::MAX, default.theta),
            gravity: usable(self.gravity, 0.0..f32::MAX, default.gravity),
            cooling: usable(self.cooling, f32::MIN_POSITIVE..1.0, default.cooling),
            convergence_tolerance: usable(self.convergence_tolerance, 0.0..f32::MAX, default.convergence_tolerance),
            overlap_margin: usable(self.overlap_margin, 0.0..f32::MAX, default.overlap_margin),
            overlap_passes: self.overlap_passes,
        }
    }
}

/// How far a [`ForceLayout`] has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub iterations_done: usize,
    pub max_iterations: usize,
    /// The nodes had stopped moving before `max_iterations` was reached.
    pub converged: bool,
}

impl Progress {
    /// Whether the layout has stopped (converged or out of iterations) and its overlaps have been removed.
    pub fn is_finished(&self) -> bool {
        self.converged || self.iterations_done >= self.max_iterations
    }

    /// Share of the work done, from 0 to 1, for a progress bar.
    pub fn fraction(&self) -> f32 {
        if self.is_finished() { 1.0 } else { self.iterations_done as f32 / self.max_iterations as f32 }
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
    /// Scratch space for the forces of one step, kept to avoid allocating at every step.
    forces: Vec<Point>,
    links: Vec<(usize, usize, f32)>,
    radii: Vec<f32>,
    pinned: Vec<bool>,
    /// Where gravity pulls: the centre of the pinned nodes, else of the initial positions, else the origin.
    gravity_centre: Point,
    tree: QuadTree,
    /// The farthest a node may move in one step (the "temperature").
    step_length: f32,
    /// The ceiling on the step length at the start; it falls linearly to zero at `max_iterations`.
    initial_step_length: f32,
    previous_energy: f64,
    improving_steps: u32,
    iterations_done: usize,
    converged: bool,
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
        let pins: Vec<Option<Point>> = (0..node_count)
            .map(|node| input.pinned.get(node).copied().flatten().filter(|&pin| is_finite_point(pin)))
            .collect();
        let known: Vec<Option<Point>> = (0..node_count)
            .map(|node| {
                pins[node].or_else(|| initial.get(node).copied().flatten().filter(|&point| is_finite_point(point)))
            })
            .collect();
        let links = usable_links(&input.links, node_count);
        let gravity_centre =
            mean_of(pins.iter().flatten()).or_else(|| mean_of(known.iter().flatten())).unwrap_or([0.0, 0.0]);
        let positions = initial_positions(&known, &links, gravity_centre, seed, settings.ideal_link_length);
        let known_share = known.iter().flatten().count() as f32 / node_count.max(1) as f32;
        // A fully placed graph only needs settling; a fresh one needs room to untangle.
        let initial_step_length = settings.ideal_link_length * (1.0 - known_share).max(0.1);
        ForceLayout {
            settings,
            forces: vec![[0.0, 0.0]; node_count],
            radii: super::geometry::clean_radii(&input.radii, node_count),
            pinned: pins.iter().map(Option::is_some).collect(),
            positions,
            links,
            gravity_centre,
            tree: QuadTree::default(),
            step_length: initial_step_length,
            initial_step_length,
            previous_energy: f64::INFINITY,
            improving_steps: 0,
            iterations_done: 0,
            converged: false,
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
            if self.progress().is_finished() {
                self.remove_overlaps();
            }
        }
        if self.settings.max_iterations == 0 && self.iterations_done == 0 && !self.converged {
            // Nothing to iterate: the initial positions are the result, and they still must not overlap.
            self.converged = true;
            self.remove_overlaps();
        }
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            iterations_done: self.iterations_done,
            max_iterations: self.settings.max_iterations,
            converged: self.converged,
        }
    }

    /// The current positions, indexed like the nodes; always finite.
    pub fn positions(&self) -> &[Point] {
        &self.positions
    }

    /// Runs the layout to its end and returns the final positions.
    pub fn run_to_end(mut self) -> Vec<Point> {
        while !self.step(self.settings.max_iterations.max(1)).is_finished() {}
        self.positions
    }

    fn remove_overlaps(&mut self) {
        let margin = self.settings.overlap_margin;
        remove_overlaps(&mut self.positions, &self.radii, &self.pinned, margin, self.settings.overlap_passes);
    }

    /// One step: compute the forces, move every free node along its force by at most the step length, then adapt
    /// the step length.
    fn iterate(&mut self) {
        self.compute_forces();
        let (total_movement, energy) = self.move_free_nodes();
        let free_count = self.pinned.iter().filter(|&&pinned| !pinned).count().max(1);
        let mean_movement = total_movement / free_count as f64;
        self.iterations_done += 1;
        self.converged =
            mean_movement < f64::from(self.settings.convergence_tolerance * self.settings.ideal_link_length);
        self.adapt_step_length(energy);
    }

    fn compute_forces(&mut self) {
        let ideal = self.settings.ideal_link_length;
        self.tree.rebuild(&self.positions);
        for node in 0..self.positions.len() {
            self.forces[node] = if self.pinned[node] {
                [0.0, 0.0]
            } else {
                let repulsion = self.tree.repulsion_on(node, self.settings.theta, MINIMUM_REPULSION_DISTANCE * ideal);
                let gravity = scale(subtract(self.gravity_centre, self.positions[node]), self.settings.gravity);
                add(scale(repulsion, ideal * ideal), gravity)
            };
        }
        for &(first, second, weight) in &self.links {
            let offset = subtract(self.positions[second], self.positions[first]);
            // Magnitude weight · distance² / k, along the unit vector offset / distance.
            let pull = scale(offset, weight * length(offset) / ideal);
            self.forces[first] = add(self.forces[first], pull);
            self.forces[second] = subtract(self.forces[second], pull);
        }
    }

    /// Moves each free node along its force, by the force's length but no more than the step length; returns the
    /// total distance moved and the energy (sum of squared forces).
    fn move_free_nodes(&mut self) -> (f64, f64) {
        let mut total_movement = 0.0;
        let mut energy = 0.0;
        for node in 0..self.positions.len() {
            let force = self.forces[node];
            if self.pinned[node] || !is_finite_point(force) {
                continue;
            }
            let force_length = length(force);
            if force_length == 0.0 || !force_length.is_finite() {
                continue;
            }
            let movement = force_length.min(self.step_length);
            let moved = add(self.positions[node], scale(force, movement / force_length));
            if is_finite_point(moved) {
                self.positions[node] = moved;
                total_movement += f64::from(movement);
                energy += f64::from(length_squared(force));
            }
        }
        (total_movement, energy)
    }

    /// Hu's adaptive step: lengthen after a run of improving steps, shorten as soon as the energy rises; then cap
    /// by the ceiling that falls to zero at `max_iterations`.
    fn adapt_step_length(&mut self, energy: f64) {
        if energy < self.previous_energy {
            self.improving_steps += 1;
            if self.improving_steps >= IMPROVING_STEPS_BEFORE_LENGTHENING {
                self.improving_steps = 0;
                self.step_length /= self.settings.cooling;
            }
        } else {
            self.improving_steps = 0;
            self.step_length *= self.settings.cooling;
        }
        self.previous_energy = energy;
        let remaining_share = 1.0 - self.iterations_done as f32 / self.settings.max_iterations.max(1) as f32;
        self.step_length = self.step_length.min(self.initial_step_length * remaining_share.max(0.0));
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
    let mut jitter = |scale_of_jitter: f32| {
        [(random.next_unit() - 0.5) * scale_of_jitter, (random.next_unit() - 0.5) * scale_of_jitter]
    };
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
    let mut shuffle = SeededRandom::new(seed ^ 0x5EED_5EED_5EED_5EED);
    shuffle.shuffle(&mut on_spiral);
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

/// The `slot`-th point of a sunflower spiral whose points are about `spacing` apart.
fn sunflower_point(slot: usize, spacing: f32) -> Point {
    let radius = spacing * (slot as f32 + 0.5).sqrt();
    let angle = slot as f32 * GOLDEN_ANGLE;
    [radius * angle.cos(), radius * angle.sin()]
}
