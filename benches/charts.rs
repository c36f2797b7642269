//! Chart data and chart frames: the pure preparation behind each chart on a large scenario (2,000 actors, 20,000
//! energy flows, 20,000 ties), and whole frames of the flow diagram and the ties matrix. Run with
//! `cargo bench --bench charts`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use geodep::app::{Action, Document, ViewState};
use geodep::charts;
use geodep::model::Commodity;
use geodep::state::MatrixKind;
use geodep::ui::charts::{ChartKind, ChartsView};
use geodep::ui::matrices::MatricesView;

fn chart_data(criterion: &mut Criterion) {
    let large = common::large_scenario();
    let consumers: Vec<String> = large.actors.iter().take(10).map(|actor| actor.id.clone()).collect();
    let supplier = common::largest_supplier(&large, &Commodity::Gas);
    let mut group = criterion.benchmark_group("chart data, 2,000 actors, 20,000 flows, 20,000 ties");
    group.sample_size(10);
    group.bench_function("exposure ranking of one supplier", |bench| {
        bench.iter(|| charts::exposure::exposure_ranking(black_box(&large), &supplier, &Commodity::Gas, 2021))
    });
    group.bench_function("supply mix of 10 consumers", |bench| {
        bench.iter(|| charts::supply_mix::supply_mix(black_box(&large), &consumers, 2021))
    });
    group.bench_function("shares over time from one supplier", |bench| {
        bench.iter(|| charts::over_time::share_over_time(black_box(&large), &supplier, &Commodity::Gas, &[]))
    });
    group.bench_function("flow diagram and Sankey layout of one year (5,000 flows)", |bench| {
        bench.iter(|| {
            let diagram = charts::flows::flow_diagram(black_box(&large), &Commodity::Gas, 2021);
            charts::sankey::layout(&diagram.links, 1000.0, 30.0)
        })
    });
    group.bench_function("ties matrix", |bench| bench.iter(|| charts::matrices::ties_matrix(black_box(&large), 2021)));
    group.finish();
}

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    }
}

/// One whole frame's CPU work (view logic, shapes, tessellation) after the first frames have filled the caches.
fn bench_frames(criterion: &mut Criterion, name: &str, mut draw: impl FnMut(&mut egui::Ui)) {
    let ctx = egui::Context::default();
    let mut frame = || {
        let output = ctx.run_ui(frame_input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| draw(ui));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    for _ in 0..3 {
        frame();
    }
    criterion.bench_function(name, |bench| bench.iter(&mut frame));
}

fn chart_frames(criterion: &mut Criterion) {
    let bundled = geodep::io::load_text(geodep::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads");
    let bundled = Document::unsaved(bundled, "bundled");
    let mut large = Document::unsaved(common::large_scenario(), "large");
    large.load_problems.clear();
    for (name, document) in [("bundled serbia-2023", &bundled), ("2,000 actors, 20,000 flows", &large)] {
        let view = ViewState::for_scenario(&document.scenario);
        let mut charts = ChartsView::default();
        charts.chart = ChartKind::Flows;
        let mut actions: Vec<Action> = Vec::new();
        bench_frames(criterion, &format!("flow diagram frame: {name}"), |ui| {
            charts.ui(ui, document, &view, &mut actions)
        });
    }
    let view = ViewState::for_scenario(&large.scenario);
    let mut matrices = MatricesView::default();
    matrices.kind = MatrixKind::Ties;
    let mut actions: Vec<Action> = Vec::new();
    bench_frames(criterion, "ties matrix frame: 2,000 actors, 20,000 ties", |ui| {
        matrices.ui(ui, &large, &view, &mut actions)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = chart_data, chart_frames
}
criterion_main!(benches);
