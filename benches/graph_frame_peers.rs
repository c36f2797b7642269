//! GeoDep's graph view timed frame by frame (idle, hover, pan) on a generated scenario whose nodes are pinned
//! where `geodep layout` put them, so that egui_graphs (benches/peers/egui_graphs) can be timed drawing the same
//! picture in the same run: `scripts/bench_frames_peers.sh` runs both and prints the ratio. How a frame is
//! measured is shared with the peer (benches/peers/egui_graphs/src/frames.rs).
//!
//! Usage: `cargo bench --bench graph_frame_peers -- SCENARIO.ron POSITIONS.csv`. Two variants are timed: the
//! view's defaults (on a crowded graph each node shows only its strongest links, "Showing N of M links") and
//! every link shown. Each prints one `frame tool=geodep …` line per kind of frame, after a `scene …` line that
//! says how many nodes and links it draws.

#[path = "peers/egui_graphs/src/frames.rs"]
mod frames;

use eframe::egui;
use frames::{FrameKind, Pointer};
use geodep::app::{Action, Document, ViewState};
use geodep::model::Position;
use geodep::ui::graph::GraphView;

/// The graph view on its document, with its own egui context.
struct Subject<'a> {
    ctx: egui::Context,
    graph: GraphView,
    document: &'a Document,
    view: ViewState,
    actions: Vec<Action>,
}

impl Subject<'_> {
    fn frame(&mut self, input: egui::RawInput) {
        let Subject { ctx, graph, document, view, actions } = self;
        let output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| graph.ui(ui, document, view, actions));
        });
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        // Actions are what the app would apply to the document; hovering and panning ask for none that matter.
        actions.clear();
    }
}

/// Times one variant of the view (`all_links`: nothing thinned out) on `document`, whose ids are the positions
/// file's rows in order.
fn run(document: &Document, ids: &[String], all_links: bool) {
    let mut graph = GraphView::default();
    if all_links {
        graph.options.links_per_node = None;
    }
    // Every node is pinned, so this only takes the positions: no layout runs inside the timed frames.
    graph.settle_layout(document);
    let view = ViewState::for_scenario(&document.scenario);
    let mut subject = Subject { ctx: egui::Context::default(), graph, document, view, actions: Vec::new() };
    let mut pointer = Pointer::new(egui::Pos2::ZERO, Vec::new());
    for _ in 0..4 {
        subject.frame(pointer.input(Vec::new()));
    }
    let variant = if all_links { "all-links" } else { "default" };
    let scene = subject.graph.scene().expect("the view built its scene");
    let (nodes, edges) = (scene.nodes.len(), scene.edges.len());
    let total = subject.graph.link_count().map_or(edges, |count| count.total);
    println!("scene tool=geodep variant={variant} nodes={nodes} edges_shown={edges} edges_total={total}");

    let centres: Vec<egui::Pos2> = subject.graph.circles_on_screen().into_iter().map(|(centre, _)| centre).collect();
    pointer.rest = frames::empty_spot(&centres);
    pointer.targets = frames::hover_targets(ids.len(), |row| subject.graph.node_on_screen(&ids[row]));
    assert!(pointer.targets.len() > 1, "fewer than two nodes to hover");
    let before_pan = subject.graph.circles_on_screen();

    for kind in FrameKind::ALL {
        let timing = pointer.measure(kind, |input| subject.frame(input));
        frames::report("geodep", variant, nodes, edges, kind, timing);
    }
    // The drag moved the camera, and every node with it.
    let moved = before_pan.iter().zip(subject.graph.circles_on_screen()).all(|(before, after)| before.0 != after.0);
    assert!(moved, "the drag did not pan");
}

fn main() {
    // As the app does before its window opens.
    geodep::app::keep_freed_memory_for_frames();
    // `cargo bench` adds flags of its own (`--bench`): only the paths are ours.
    let paths: Vec<String> = std::env::args().skip(1).filter(|argument| !argument.starts_with("--")).collect();
    let [scenario_path, positions_path] = paths.as_slice() else {
        // A plain `cargo bench` runs every benchmark: this one needs its files, which the script makes.
        eprintln!("graph_frame_peers: give a scenario and its positions (scripts/bench_frames_peers.sh does)");
        return;
    };
    let report = geodep::io::load_file(std::path::Path::new(scenario_path));
    let mut scenario = report.scenario.unwrap_or_else(|| panic!("{scenario_path} does not load"));
    let positions = frames::read_positions(positions_path);
    // Pinned where `geodep layout` put them: the picture egui_graphs is given.
    for (id, x, y) in &positions {
        scenario.layout.insert(id.clone(), Position(*x, *y));
    }
    let ids: Vec<String> = positions.into_iter().map(|(id, _, _)| id).collect();
    let mut document = Document::unsaved(scenario, "generated");
    document.load_problems.clear();
    for all_links in [false, true] {
        run(&document, &ids, all_links);
    }
}
