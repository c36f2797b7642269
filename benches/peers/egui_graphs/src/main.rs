//! egui_graphs' default `GraphView` on a graph laid out by `geodep layout`: its nodes at their positions, its
//! links, timed frame by frame (idle, hover, pan) exactly as `benches/graph_frame_peers.rs` times GeoDep's view.
//!
//! Usage: `geodep-peer-egui-graphs POSITIONS.csv EDGES.csv`; prints one `frame tool=egui_graphs …` line per kind.
//!
//! What is drawn: `DefaultGraphView` (circles of radius 5 and straight lines, labels only on hover, the graph
//! fitted to the canvas every frame), on an undirected graph, as the links are. Its default navigation does not
//! pan at all, so the pan frames turn panning on and the fit off (the view stays where the last fit left it);
//! idle and hover frames use the defaults unchanged.

// The shared `frames` module names egui as `crate::egui`.
extern crate egui;

mod frames;

use std::collections::HashMap;

use egui::{Pos2, Rect};
use egui_graphs::{DefaultGraphView, Graph, MetadataFrame, SettingsNavigation};
use frames::{FrameKind, Pointer};
use petgraph::Undirected;
use petgraph::stable_graph::{NodeIndex, StableGraph};

type PeerGraph = Graph<(), (), Undirected>;

/// The graph view and its egui context, one frame at a time.
struct Peer {
    ctx: egui::Context,
    graph: PeerGraph,
}

impl Peer {
    /// One frame, egui and tessellation; with `panning`, the view pans on a drag instead of fitting the graph.
    fn frame(&mut self, input: egui::RawInput, panning: bool) {
        let graph = &mut self.graph;
        let output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                view(panning).show(ui, graph);
            });
        });
        std::hint::black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
    }

    /// Where each node is on screen as one more frame (not timed) draws it, and the camera.
    fn probe(&mut self, input: egui::RawInput, panning: bool) -> (Vec<Pos2>, MetadataFrame) {
        let graph = &mut self.graph;
        let mut canvas = Rect::NOTHING;
        let mut meta = None;
        let output = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                canvas = view(panning).show(ui, graph).response.rect;
                meta = Some(MetadataFrame::new(None).load(ui));
            });
        });
        std::hint::black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
        let meta: MetadataFrame = meta.expect("the frame ran");
        let on_screen = (0..graph.node_count())
            .map(|index| {
                let location = graph.node(NodeIndex::new(index)).expect("node").location();
                meta.canvas_to_screen_pos(location) + canvas.min.to_vec2()
            })
            .collect();
        (on_screen, meta)
    }
}

/// The default view; for a pan, with panning on and the fit off (by default a drag does not pan).
fn view(panning: bool) -> DefaultGraphView {
    let view = DefaultGraphView::new();
    if panning {
        view.with_navigations(
            &SettingsNavigation::new().with_zoom_and_pan_enabled(true).with_fit_to_screen_enabled(false),
        )
    } else {
        view
    }
}

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [positions_path, edges_path] = arguments.as_slice() else {
        eprintln!("usage: geodep-peer-egui-graphs POSITIONS.csv EDGES.csv");
        std::process::exit(2);
    };
    let positions = frames::read_positions(positions_path);
    let edges = frames::read_edges(edges_path);

    // Node i is row i of the positions file.
    let mut stable: StableGraph<(), (), Undirected> = StableGraph::default();
    let index: HashMap<&str, NodeIndex> =
        positions.iter().map(|(id, _, _)| (id.as_str(), stable.add_node(()))).collect();
    for (source, target) in &edges {
        stable.add_edge(index[source.as_str()], index[target.as_str()], ());
    }
    let mut peer = Peer { ctx: egui::Context::default(), graph: Graph::from(&stable) };

    let mut pointer = Pointer::new(Pos2::ZERO, Vec::new());
    // The default layout scatters the nodes at random on its first frame, and only then: after it, the nodes
    // are put where GeoDep's layout put them.
    peer.frame(pointer.input(Vec::new()), false);
    for (row, &(_, x, y)) in positions.iter().enumerate() {
        peer.graph.node_mut(NodeIndex::new(row)).expect("node").set_location(Pos2::new(x, y));
    }
    for _ in 0..3 {
        peer.frame(pointer.input(Vec::new()), false);
    }
    let (on_screen, before) = peer.probe(pointer.input(Vec::new()), false);
    pointer.rest = frames::empty_spot(&on_screen);
    pointer.targets = frames::hover_targets(positions.len(), |row| Some(on_screen[row]));

    for kind in FrameKind::ALL {
        let panning = kind == FrameKind::Pan;
        let timing = pointer.measure(kind, |input| peer.frame(input, panning));
        frames::report("egui_graphs", "default", positions.len(), edges.len(), kind, timing);
        // The frames did what they are named for: a node under the pointer, the camera moved by the drag.
        match kind {
            FrameKind::Idle => assert!(peer.graph.hovered_node().is_none(), "the resting pointer is on a node"),
            FrameKind::Hover => assert!(peer.graph.hovered_node().is_some(), "no node is hovered"),
            FrameKind::Pan => {
                let (_, after) = peer.probe(pointer.input(Vec::new()), true);
                assert!(after.pan != before.pan && after.zoom == before.zoom, "the drag did not pan");
                assert!(peer.graph.dragged_node().is_none(), "the drag moved a node");
            }
        }
    }
}
