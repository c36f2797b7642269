//! The Barnes–Hut quadtree: the repulsion that every node feels from every other node, in O(n log n) instead of
//! O(n²), by treating a far-away square of nodes as one heavy node at their centre of mass.
//!
//! Every node has mass one and the force law is `offset / distance³`, a magnitude of `1 / distance²`; the caller
//! multiplies it by its strength. (The `1 / distance` of Fruchterman and Reingold reaches so far that the nodes of a
//! large graph push an isolated node far out of view; `1 / distance²` keeps it near the rest, as Hu suggests.)

use super::Point;
use super::geometry::{length_squared, pair_direction, scale, subtract};

/// Marks a leaf: the root is cell 0 and never anyone's child, so 0 is free to mean "no children".
const NO_CHILDREN: u32 = 0;
/// Marks the end of a leaf's list of bodies.
const NO_BODY: u32 = u32::MAX;
/// At this depth a cell is a millionth of the root's size, near what `f32` can tell apart: nodes that reach it (they
/// coincide, or nearly) share one leaf instead of being split for ever.
const MAX_DEPTH: usize = 20;
/// Cells waiting to be visited; opening a cell replaces it with four, so the stack never holds more than this.
const STACK_CAPACITY: usize = 3 * (MAX_DEPTH + 1) + 4;

#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Geometric centre of the square.
    centre: Point,
    half_size: f32,
    /// While building: the sum of the bodies' positions; afterwards: their centre of mass.
    mass_centre: Point,
    mass: f32,
    /// Index of the first of four consecutive children, or [`NO_CHILDREN`] for a leaf.
    first_child: u32,
    /// Head of the leaf's list of bodies, or [`NO_BODY`].
    first_body: u32,
}

impl Cell {
    fn empty(centre: Point, half_size: f32) -> Cell {
        Cell { centre, half_size, mass_centre: [0.0, 0.0], mass: 0.0, first_child: NO_CHILDREN, first_body: NO_BODY }
    }

    fn is_leaf(&self) -> bool {
        self.first_child == NO_CHILDREN
    }

    fn contains(&self, point: Point) -> bool {
        (point[0] - self.centre[0]).abs() <= self.half_size && (point[1] - self.centre[1]).abs() <= self.half_size
    }

    /// Which of the four children `point` falls in: bit 0 set for the right half, bit 1 for the lower half.
    fn quadrant_of(&self, point: Point) -> u32 {
        u32::from(point[0] >= self.centre[0]) | u32::from(point[1] >= self.centre[1]) << 1
    }
}

/// A quadtree over a set of bodies, rebuilt at each step of the layout (its storage is reused).
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    positions: Vec<Point>,
    /// Links of the leaves' body lists: `next_body[body]` follows `body` in its leaf.
    next_body: Vec<u32>,
}

impl QuadTree {
    /// Rebuilds the tree over `positions`, which must all be finite.
    pub fn rebuild(&mut self, positions: &[Point]) {
        self.positions.clear();
        self.positions.extend_from_slice(positions);
        self.next_body.clear();
        self.next_body.resize(positions.len(), NO_BODY);
        self.cells.clear();
        self.cells.push(root_cell(positions));
        for body in 0..positions.len() {
            self.insert(body as u32);
        }
        for cell in &mut self.cells {
            if cell.mass > 0.0 {
                cell.mass_centre = scale(cell.mass_centre, 1.0 / cell.mass);
            }
        }
    }

    fn insert(&mut self, body: u32) {
        let point = self.positions[body as usize];
        let mut cell = 0;
        let mut depth = 0;
        loop {
            self.add_mass(cell, point);
            if self.cells[cell].is_leaf() {
                if self.cells[cell].first_body == NO_BODY || depth == MAX_DEPTH {
                    self.push_body(cell, body);
                    return;
                }
                self.split(cell);
            }
            cell = (self.cells[cell].first_child + self.cells[cell].quadrant_of(point)) as usize;
            depth += 1;
        }
    }

    fn add_mass(&mut self, cell: usize, point: Point) {
        let cell = &mut self.cells[cell];
        cell.mass += 1.0;
        cell.mass_centre = [cell.mass_centre[0] + point[0], cell.mass_centre[1] + point[1]];
    }

    fn push_body(&mut self, cell: usize, body: u32) {
        self.next_body[body as usize] = self.cells[cell].first_body;
        self.cells[cell].first_body = body;
    }

    /// Turns a leaf holding one body into an inner cell, moving that body into the child it falls in.
    fn split(&mut self, cell: usize) {
        let Cell { centre, half_size, first_body, .. } = self.cells[cell];
        let quarter = half_size / 2.0;
        let first_child = self.cells.len() as u32;
        for quadrant in 0..4 {
            let x = if quadrant & 1 == 0 { centre[0] - quarter } else { centre[0] + quarter };
            let y = if quadrant & 2 == 0 { centre[1] - quarter } else { centre[1] + quarter };
            self.cells.push(Cell::empty([x, y], quarter));
        }
        self.cells[cell].first_child = first_child;
        self.cells[cell].first_body = NO_BODY;
        let point = self.positions[first_body as usize];
        let child = (first_child + self.cells[cell].quadrant_of(point)) as usize;
        self.add_mass(child, point);
        self.push_body(child, first_body);
    }

    /// The repulsion on `body` from all other bodies, `Σ offset / distance³`, approximated with opening angle
    /// `theta` (a cell is used as a whole when its size is less than `theta` times its distance).
    ///
    /// Two bodies closer than `minimum_distance` repel as if they were that far apart, because the true force
    /// grows without bound; bodies on the same spot are pushed apart in a direction chosen by [`pair_direction`].
    pub fn repulsion_on(&self, body: usize, theta: f32, minimum_distance: f32, law: RepulsionLaw) -> Repulsion {
        let point = self.positions[body];
        let theta_squared = theta * theta;
        let mut total = Repulsion::default();
        let mut stack = [0u32; STACK_CAPACITY];
        stack[0] = 0;
        let mut stack_length = 1;
        while stack_length > 0 {
            stack_length -= 1;
            let cell = &self.cells[stack[stack_length] as usize];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.is_leaf() {
                self.add_leaf_repulsion(&mut total, cell, body, minimum_distance, law);
                continue;
            }
            let offset = subtract(point, cell.mass_centre);
            let distance_squared = length_squared(offset);
            let size = 2.0 * cell.half_size;
            // A cell that holds the body itself must be opened, or the body would repel itself.
            if size * size < theta_squared * distance_squared && !cell.contains(point) {
                total.add(Repulsion::at_offset(offset, distance_squared, cell.mass, law));
                continue;
            }
            for child in 0..4 {
                stack[stack_length] = cell.first_child + child;
                stack_length += 1;
            }
        }
        total
    }

    fn add_leaf_repulsion(
        &self,
        total: &mut Repulsion,
        cell: &Cell,
        body: usize,
        minimum_distance: f32,
        law: RepulsionLaw,
    ) {
        let mut other = cell.first_body;
        while other != NO_BODY {
            if other as usize != body {
                total.add(pair_repulsion(&self.positions, body, other as usize, minimum_distance, law));
            }
            other = self.next_body[other as usize];
        }
    }
}

/// The repulsion a body feels, with its stiffness: how fast the force's magnitude changes as the body moves
/// towards or away from what repels it (`2 / distance³` for each other body). The layout divides the force by the
/// stiffness to know how far the body can safely move.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Repulsion {
    pub force: Point,
    pub stiffness: f32,
}

impl Repulsion {
    /// The repulsion of `mass` at `offset` from the body, `distance_squared` being the offset's squared length.
    fn at_offset(offset: Point, distance_squared: f32, mass: f32, law: RepulsionLaw) -> Repulsion {
        match law {
            RepulsionLaw::InverseSquare => {
                let inverse_cube = 1.0 / (distance_squared * distance_squared.sqrt());
                Repulsion { force: scale(offset, mass * inverse_cube), stiffness: 2.0 * mass * inverse_cube }
            }
            RepulsionLaw::Inverse => {
                let inverse_square = 1.0 / distance_squared;
                Repulsion { force: scale(offset, mass * inverse_square), stiffness: mass * inverse_square }
            }
        }
    }

    fn add(&mut self, other: Repulsion) {
        self.force = [self.force[0] + other.force[0], self.force[1] + other.force[1]];
        self.stiffness += other.stiffness;
    }
}

/// The square that holds every position, slightly enlarged so that no position sits exactly on its border, and
/// never of zero size (all bodies may be on one spot).
fn root_cell(positions: &[Point]) -> Cell {
    let mut minimum = [f32::INFINITY; 2];
    let mut maximum = [f32::NEG_INFINITY; 2];
    for point in positions {
        minimum = [minimum[0].min(point[0]), minimum[1].min(point[1])];
        maximum = [maximum[0].max(point[0]), maximum[1].max(point[1])];
    }
    if positions.is_empty() {
        return Cell::empty([0.0, 0.0], 1.0);
    }
    let centre = [(minimum[0] + maximum[0]) / 2.0, (minimum[1] + maximum[1]) / 2.0];
    let half_size = (maximum[0] - minimum[0]).max(maximum[1] - minimum[1]) / 2.0;
    Cell::empty(centre, (half_size * 1.001).max(1e-3))
}

/// How repulsion falls off with distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepulsionLaw {
    /// `k³ / d²` (Hu's p = 2): short-reaching, so that the many nodes of a large graph do not push an unlinked
    /// node out of view.
    InverseSquare,
    /// `C k² / d` (Fruchterman and Reingold, sfdp; `C` = 0.3): long-reaching, which lays out a graph's overall shape more
    /// faithfully (lower stress) but needs many steps to settle, so it is used on the coarse levels of a
    /// multilevel layout.
    Inverse,
}

/// The repulsion of `other` on `body` (see [`QuadTree::repulsion_on`]).
pub fn pair_repulsion(
    positions: &[Point],
    body: usize,
    other: usize,
    minimum_distance: f32,
    law: RepulsionLaw,
) -> Repulsion {
    let offset = subtract(positions[body], positions[other]);
    let distance_squared = length_squared(offset);
    let minimum_squared = (minimum_distance * minimum_distance).max(f32::MIN_POSITIVE);
    if distance_squared >= minimum_squared {
        return Repulsion::at_offset(offset, distance_squared, 1.0, law);
    }
    let direction =
        if distance_squared > 0.0 { scale(offset, 1.0 / distance_squared.sqrt()) } else { pair_direction(other, body) };
    Repulsion::at_offset(scale(direction, minimum_distance), minimum_squared, 1.0, law)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::geometry::length;
    use crate::layout::random::SeededRandom;

    fn exact_repulsion_on(positions: &[Point], body: usize, minimum_distance: f32) -> Point {
        let mut total = Repulsion::default();
        for other in (0..positions.len()).filter(|&other| other != body) {
            total.add(pair_repulsion(positions, body, other, minimum_distance, RepulsionLaw::InverseSquare));
        }
        total.force
    }

    fn random_positions(count: usize, seed: u64) -> Vec<Point> {
        let mut random = SeededRandom::new(seed);
        (0..count).map(|_| [random.next_unit() * 1000.0, random.next_unit() * 1000.0]).collect()
    }

    /// Relative error of each body's force, measured against the typical force magnitude: a body whose forces
    /// nearly cancel has a tiny exact force, and a relative error against that would say nothing about the tree.
    fn worst_and_mean_error(positions: &[Point], theta: f32) -> (f32, f32) {
        let mut tree = QuadTree::default();
        tree.rebuild(positions);
        let exact: Vec<Point> = (0..positions.len()).map(|body| exact_repulsion_on(positions, body, 1e-3)).collect();
        let errors: Vec<f32> = (0..positions.len())
            .map(|body| {
                length(subtract(tree.repulsion_on(body, theta, 1e-3, RepulsionLaw::InverseSquare).force, exact[body]))
            })
            .collect();
        let mean_magnitude = exact.iter().map(|&force| length(force)).sum::<f32>() / positions.len() as f32;
        let worst = errors.iter().copied().fold(0.0, f32::max) / mean_magnitude;
        let mean = errors.iter().sum::<f32>() / positions.len() as f32 / mean_magnitude;
        (worst, mean)
    }

    #[test]
    fn barnes_hut_force_is_within_a_few_percent_of_the_exact_force() {
        let positions = random_positions(1_000, 42);
        let (worst, mean) = worst_and_mean_error(&positions, 0.5);
        assert!(worst < 0.05, "worst error {worst}");
        assert!(mean < 0.01, "mean error {mean}");
    }

    #[test]
    fn a_cell_holding_the_body_is_opened_even_when_far_enough_from_its_centre_of_mass() {
        // The root holds the body in one corner and eight bodies in the opposite one: its centre of mass is far
        // enough from the body to pass the opening test, but using it would count the body's own mass.
        let mut positions = vec![[0.0, 0.0]];
        positions.extend((0..8).map(|index| [1.0 - index as f32 * 1e-3, 1.0]));
        let mut tree = QuadTree::default();
        tree.rebuild(&positions);
        let approximate = tree.repulsion_on(0, 0.8, 1e-3, RepulsionLaw::InverseSquare).force;
        let exact = exact_repulsion_on(&positions, 0, 1e-3);
        assert!(length(subtract(approximate, exact)) < 0.05 * length(exact), "{approximate:?} against {exact:?}");
    }

    #[test]
    fn theta_zero_gives_the_exact_force() {
        let positions = random_positions(200, 3);
        let (worst, _) = worst_and_mean_error(&positions, 0.0);
        assert!(worst < 1e-4, "worst error {worst}");
    }

    #[test]
    fn a_larger_theta_trades_accuracy_for_speed() {
        let positions = random_positions(1_000, 42);
        let (_, mean_at_half) = worst_and_mean_error(&positions, 0.5);
        let (_, mean_at_one) = worst_and_mean_error(&positions, 1.0);
        assert!(mean_at_one > mean_at_half);
    }

    #[test]
    fn mass_and_centre_of_mass_of_the_root_match_the_bodies() {
        let positions = random_positions(500, 9);
        let mut tree = QuadTree::default();
        tree.rebuild(&positions);
        let root = tree.cells[0];
        assert_eq!(root.mass, 500.0);
        let mean_x = positions.iter().map(|point| point[0]).sum::<f32>() / 500.0;
        assert!((root.mass_centre[0] - mean_x).abs() < 1e-2);
        assert!(positions.iter().all(|&point| root.contains(point)));
    }

    #[test]
    fn coincident_bodies_share_a_leaf_and_push_apart_in_opposite_directions() {
        let positions = vec![[5.0, 5.0]; 3];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions);
        let forces: Vec<Point> =
            (0..3).map(|body| tree.repulsion_on(body, 0.8, 0.5, RepulsionLaw::InverseSquare).force).collect();
        for force in &forces {
            assert!(force[0].is_finite() && force[1].is_finite());
            assert!(length(*force) > 0.0);
        }
        let total = forces.iter().fold([0.0, 0.0], |sum, force| [sum[0] + force[0], sum[1] + force[1]]);
        assert!(length(total) < 1e-4, "the pair forces cancel out: {total:?}");
    }

    #[test]
    fn empty_and_single_body_trees_give_no_force() {
        let mut tree = QuadTree::default();
        tree.rebuild(&[]);
        tree.rebuild(&[[1.0, 2.0]]);
        assert_eq!(tree.repulsion_on(0, 0.8, 0.5, RepulsionLaw::InverseSquare), Repulsion::default());
    }
}
