//! Frames of the graph view while a large graph is laid out on its worker thread: the generated scenario of
//! `geodep generate --actors 10000 --ties 100000` (10,005 nodes), frames drawn back to back as the window does
//! while the layout is busy, until it has settled. Prints each part's times; run with
//! `cargo bench --bench layout_frames` (`-- STATES TIES` for another size).

use std::time::{Duration, Instant};

use eframe::egui;
use geodep::app::{Action, Document, ViewState};
use geodep::ui::graph::GraphView;

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    }
}

fn milliseconds(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// The median, 95th percentile and largest of some frame times.
fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let at = |share: f64| times[((times.len() - 1) as f64 * share).round() as usize];
    format!(
        "median {}, 95th percentile {}, max {}",
        milliseconds(at(0.5)),
        milliseconds(at(0.95)),
        milliseconds(at(1.0))
    )
}

fn main() {
    geodep::app::keep_freed_memory_for_frames();
    let mut arguments = std::env::args().skip(1).filter(|argument| !argument.starts_with('-'));
    let states = arguments.next().and_then(|text| text.parse().ok()).unwrap_or(10_000);
    let ties = arguments.next().and_then(|text| text.parse().ok()).unwrap_or(100_000);
    let request = geodep::synthetic::Request { states, ties, energy_flows: None, seed: 1 };
    let scenario = geodep::synthetic::generate(&request).expect("the request can be met");
    let document = Document::unsaved(scenario, "generated");
    let view = ViewState::for_scenario(&document.scenario);
    let ctx = egui::Context::default();
    let mut graph = GraphView::default();
    let mut actions: Vec<Action> = Vec::new();
    // A whole frame's CPU work: the view's logic and shapes, then tessellation into triangles for the GPU.
    let mut frame = |graph: &mut GraphView| {
        let started = Instant::now();
        let output = ctx.run_ui(frame_input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| graph.ui(ui, &document, &view, &mut actions));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point);
        started.elapsed()
    };
    let started = Instant::now();
    let first = frame(&mut graph);
    let mut busy = Vec::new();
    while graph.layout_progress().is_some() {
        busy.push(frame(&mut graph));
    }
    let laid_out = started.elapsed();
    let mut settled: Vec<Duration> = (0..20).map(|_| frame(&mut graph)).collect();
    println!("{states} states, {ties} ties: layout settled after {} on its worker", milliseconds(laid_out));
    println!("first frame (starts the layout, builds the scene): {}", milliseconds(first));
    println!("{} frames while laying out: {}", busy.len(), summary(&mut busy));
    println!("frames once settled: {}", summary(&mut settled));
}
