//! A large graph laid out on a worker thread, through egui_kittest: the window keeps drawing frames with a
//! progress bar while the layout runs, and shows the settled graph once it is done.

use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::GeoDepApp;

/// The app showing the graph of a generated scenario of 1,000 states (and 5 blocs) and 3,000 ties.
fn large_harness() -> Harness<'static, GeoDepApp> {
    let request = geodep::synthetic::Request { states: 1_000, ties: 3_000, energy_flows: None, seed: 1 };
    let scenario = geodep::synthetic::generate(&request).expect("the request can be met");
    Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(geodep::app::Settings::default(), geodep::app::Startup::Untitled);
        app.disable_native_dialogs();
        app.document = geodep::app::Document::unsaved(scenario.clone(), "generated");
        app.view = geodep::app::ViewState::for_scenario(&app.document.scenario);
        app
    })
}

#[test]
fn a_large_graph_is_laid_out_behind_a_progress_bar_while_frames_keep_coming() {
    let mut harness = large_harness();
    // The first frame starts the worker and comes back without waiting for the layout to finish.
    harness.step();
    harness.get_by_label_contains("Laying out 1,005 nodes…");
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut frames_while_laying_out = 1;
    while harness.query_by_label_contains("Laying out").is_some() {
        assert!(Instant::now() < deadline, "the layout never finished");
        harness.step();
        frames_while_laying_out += 1;
        // The camera follows the unfolding graph: its nodes are in the window all along.
        let graph = &harness.state().views.graph;
        let inside = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
        let circles = graph.circles_on_screen();
        let shown = circles.iter().filter(|(centre, _)| inside.contains(*centre)).count();
        assert!(shown * 10 >= circles.len() * 9, "{shown} of {} nodes in the window", circles.len());
        // The test's frames are slow to draw; the worker keeps going between them all the same.
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(frames_while_laying_out >= 3, "only {frames_while_laying_out} frames while the layout ran");
    // Settled: the nodes no longer move from frame to frame.
    harness.step();
    let circles = harness.state().views.graph.circles_on_screen();
    harness.step();
    assert_eq!(harness.state().views.graph.circles_on_screen(), circles);
    assert!(harness.state().views.graph.node_on_screen("S0001").is_some(), "the nodes are drawn");
}
