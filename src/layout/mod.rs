//! Graph layout: places the nodes of a node-link graph in the plane.
//!
//! It holds a force-directed layout ([`ForceLayout`]: Barnes–Hut repulsion, springs along links, weak gravity,
//! cooling), a circular layout grouped by bloc ([`circular_grouped`]) and the overlap removal that the force layout
//! ends with and that the caller may run after moving nodes ([`remove_overlaps`]).
//!
//! It works on node indices and plain `f32` coordinates only. It must not know about egui, the scenario model or
//! any file format: the caller maps actors to indices and ties to weighted links, and maps positions back. It starts
//! no threads and reads no clock: the caller decides where and how long it runs (a few steps per frame, or all on a
//! background thread). Everything here is deterministic for a given input and seed, so that a layout can be
//! reproduced; its results are always finite, whatever the input.

mod circular;
mod force;
mod geometry;
mod multilevel;
mod overlap;
mod quadtree;
mod random;
#[cfg(test)]
mod test_graphs;

pub use circular::circular_grouped;
pub use force::{ForceLayout, ForceSettings, Progress};
pub use multilevel::{MULTILEVEL_ABOVE, MULTILEVEL_UP_TO, multilevel_layout, multilevel_start};
pub use overlap::{no_overlap_scale, remove_overlaps};
pub use quadtree::RepulsionLaw;

/// A position in layout coordinates: `[x, y]`.
pub type Point = [f32; 2];

/// What a layout needs to know about a graph.
///
/// Indices run from `0` to `node_count - 1`. Inputs are taken as they come from a user's file, so the layouts
/// tolerate imperfect data instead of panicking: links to unknown nodes, links with a weight that is not a positive
/// finite number and links from a node to itself are ignored; duplicate links add up; a missing radius counts as
/// zero and a missing pin as no pin; a pin at a non-finite position is ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutInput {
    /// How many nodes the graph has.
    pub node_count: usize,
    /// Undirected links `(a, b, weight)`; a heavier link pulls its ends closer together.
    pub links: Vec<(usize, usize, f32)>,
    /// Radius of each node as drawn, so that no two nodes end up overlapping.
    pub radii: Vec<f32>,
    /// Position of each node the user has fixed; a pinned node never moves.
    pub pinned: Vec<Option<Point>>,
}

impl LayoutInput {
    /// A graph of `node_count` nodes of radius `0`, with no links and no pins.
    pub fn new(node_count: usize) -> LayoutInput {
        LayoutInput { node_count, links: Vec::new(), radii: vec![0.0; node_count], pinned: vec![None; node_count] }
    }
}
