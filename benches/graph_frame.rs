//! CPU cost of one frame of the graph view (logic, shapes and tessellation), with the layout settled, on the bundled scenario and on a large one
//! (2,000 actors, 20,000 energy flows and 20,000 ties). Run with `cargo bench --bench graph_frame`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use geodep::app::{Action, Document, ViewState};
use geodep::io::load_text;
use geodep::ui::graph::GraphView;

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    }
}

fn bench_frames(criterion: &mut Criterion, name: &str, document: Document) {
    let ctx = egui::Context::default();
    let view = ViewState::for_scenario(&document.scenario);
    let mut graph = GraphView::default();
    graph.settle_layout(&document);
    let mut actions: Vec<Action> = Vec::new();
    // A whole frame's CPU work: the view's logic and shapes, then tessellation into triangles for the GPU.
    let mut frame = |graph: &mut GraphView| {
        let output = ctx.run_ui(frame_input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| graph.ui(ui, &document, &view, &mut actions));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    // The first frames build the scene and fit the view; later frames are the steady state measured here.
    for _ in 0..3 {
        frame(&mut graph);
    }
    criterion.bench_function(name, |bench| bench.iter(|| frame(&mut graph)));
}

fn graph_frames(criterion: &mut Criterion) {
    // As the app does before its window opens.
    geodep::app::keep_freed_memory_for_frames();
    let bundled = load_text(geodep::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads");
    bench_frames(criterion, "graph frame: bundled serbia-2023", Document::unsaved(bundled, "bundled"));
    let mut large = Document::unsaved(common::large_scenario(), "large");
    large.load_problems.clear();
    bench_frames(criterion, "graph frame: 2,000 actors, 20,000 flows, 20,000 ties", large);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = graph_frames
}
criterion_main!(benches);
