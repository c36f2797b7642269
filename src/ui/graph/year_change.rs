//! The graph's change of year while it eases in: the old year's scene and node sizes kept beside the new one,
//! matched once, and the values drawn between them (`crate::scene::transition` holds the arithmetic). Painting
//! asks it for each node's size and colour and each edge's style, and draws what only the old year had fading.

use eframe::egui::{self, Pos2};

use super::draw::{EdgeGeometry, EdgeMesh, NodeMesh};
use super::paint::screen_radius;
use crate::scene::Rgba;
use crate::scene::graph::{GraphScene, SceneNode};
use crate::scene::graph_style::{self as style, EdgeStyle};
use crate::scene::transition::{self, Matching, mix, mix_colour, with_opacity};

pub(super) struct YearChange {
    /// When the new year's scene was first drawn, in egui's input time.
    started_at: f64,
    before: GraphScene,
    before_radii: Vec<f32>,
    matching: Matching,
}

impl YearChange {
    pub(super) fn new(started_at: f64, before: GraphScene, before_radii: Vec<f32>, after: &GraphScene) -> Self {
        let matching = transition::match_scenes(&before, after);
        YearChange { started_at, before, before_radii, matching }
    }

    /// How far the change has got at `now`, eased, from 0 to 1.
    pub(super) fn share(&self, now: f64) -> f32 {
        transition::progress((now - self.started_at) as f32, transition::SECONDS)
    }

    pub(super) fn node_radius(&self, node: usize, radius: f32, share: f32) -> f32 {
        match self.node_before(node) {
            Some(old) => mix(self.before_radii[old], radius, share),
            None => radius * share,
        }
    }

    /// A node's fill between its colour in the old year (`colour_of` an old node) and `fill` in the new.
    pub(super) fn node_fill(
        &self,
        node: usize,
        fill: Rgba,
        colour_of: impl Fn(&SceneNode, &[String]) -> Rgba,
        share: f32,
    ) -> Rgba {
        match self.node_before(node) {
            Some(old) => mix_colour(colour_of(&self.before.nodes[old], &self.before.blocs), fill, share),
            None => with_opacity(fill, share),
        }
    }

    pub(super) fn edge_style(&self, edge: usize, now: &EdgeStyle, share: f32) -> EdgeStyle {
        let old = self.matching.edge_before.get(edge).copied().flatten();
        let before = old.map(|old| style::edge_style(&self.before.edges[old].meaning));
        transition::edge_style(before.as_ref(), Some(now), share).unwrap_or(*now)
    }

    fn node_before(&self, node: usize) -> Option<usize> {
        self.matching.node_before.get(node).copied().flatten()
    }

    /// What the old year drew and the new one does not, fading out: its edges, then its nodes. `screen_of` gives
    /// an actor's place on screen (the layout does not change with the year).
    pub(super) fn paint_leaving(
        &self,
        painter: &egui::Painter,
        zoom: f32,
        screen_of: impl Fn(usize) -> Pos2,
        colour_of: impl Fn(&SceneNode, &[String]) -> Rgba,
        share: f32,
    ) {
        let positions: Vec<Pos2> = self.before.nodes.iter().map(|node| screen_of(node.actor)).collect();
        let mut edges = EdgeMesh::for_edges(self.matching.leaving_edges.len());
        for &old in &self.matching.leaving_edges {
            let edge = &self.before.edges[old];
            let from_radius = screen_radius(self.before_radii[edge.from], zoom) + 1.0;
            let to_radius = screen_radius(self.before_radii[edge.to], zoom) + 2.0;
            let (from, to) = (positions[edge.from], positions[edge.to]);
            let Some(geometry) = EdgeGeometry::between(from, to, from_radius, to_radius, edge.fan_slot) else {
                continue;
            };
            let before = style::edge_style(&edge.meaning);
            if let Some(fading) = transition::edge_style(Some(&before), None, share) {
                edges.add(&geometry, &fading);
            }
        }
        painter.add(edges.into_shape());
        let mut nodes = NodeMesh::with_capacity(self.matching.leaving_nodes.len());
        for &old in &self.matching.leaving_nodes {
            let node = &self.before.nodes[old];
            let radius = screen_radius(self.before_radii[old] * (1.0 - share), zoom);
            let fill = with_opacity(colour_of(node, &self.before.blocs), 1.0 - share);
            nodes.add(positions[old], radius, style::node_shape(node.kind), fill.into());
        }
        painter.add(nodes.into_shape());
    }
}
