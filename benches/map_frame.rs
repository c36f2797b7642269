//! CPU cost of one frame of the Map view (its logic, shapes and egui's tessellation) on the bundled scenario and
//! on the 2,000-actor benchmark scenario with every actor on the map (the world's countries, then 1,800 located
//! actors; 20,000 energy flows and 20,000 ties): a still frame (the pointer moves, the camera does not), a frame
//! while panning (the map is redrawn for the new camera) and a frame while zooming (a new level of detail may be
//! needed). The country outlines are cut into triangles once per level of detail, not per frame.
//! Run with `cargo bench --bench map_frame`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui::{self, Event, PointerButton, Pos2, pos2, vec2};
use geodep::app::{Action, Document, ViewState};
use geodep::io::load_text;
use geodep::ui::map::MapView;

fn frame_input(events: Vec<Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        events,
        ..Default::default()
    }
}

fn bench_map(criterion: &mut Criterion, name: &str, document: &Document) {
    let ctx = egui::Context::default();
    let view = ViewState::for_scenario(&document.scenario);
    let mut map = MapView::default();
    let mut actions: Vec<Action> = Vec::new();
    let mut frame = |map: &mut MapView, events: Vec<Event>| {
        let output = ctx.run_ui(frame_input(events), |ui| {
            egui::CentralPanel::default().show(ui, |ui| map.ui(ui, document, &view, &mut actions));
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    // The first frames build the scene, fit the view and cut the outlines for its level of detail.
    for _ in 0..3 {
        frame(&mut map, vec![Event::PointerMoved(pos2(800.0, 500.0))]);
    }
    let mut group = criterion.benchmark_group(format!("map frame: {name}"));
    group.sample_size(20);
    let mut step = 0.0;
    group.bench_function("still (pointer moving)", |bench| {
        bench.iter(|| {
            step = if step > 0.0 { -3.0 } else { 3.0 };
            frame(&mut map, vec![Event::PointerMoved(pos2(800.0 + step, 500.0))])
        })
    });
    let press = |pressed| Event::PointerButton {
        pos: pos2(800.0, 500.0),
        button: PointerButton::Primary,
        pressed,
        modifiers: Default::default(),
    };
    frame(&mut map, vec![press(true)]);
    group.bench_function("panning (dragged each frame)", |bench| {
        bench.iter(|| {
            step = if step > 0.0 { -12.0 } else { 12.0 };
            frame(&mut map, vec![Event::PointerMoved(pos2(800.0 + step, 500.0 + step))])
        })
    });
    frame(&mut map, vec![press(false)]);
    group.bench_function("zooming (wheel each frame)", |bench| {
        bench.iter(|| {
            step = if step > 0.0 { -40.0 } else { 40.0 };
            let wheel = Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, step),
                phase: egui::TouchPhase::Move,
                modifiers: Default::default(),
                source: egui::MouseWheelSource::Wheel,
            };
            frame(&mut map, vec![wheel])
        })
    });
    group.finish();
}

fn map_frames(criterion: &mut Criterion) {
    // As the app does before its window opens.
    geodep::app::keep_freed_memory_for_frames();
    let bundled = load_text(geodep::library::BUNDLED_SCENARIO).scenario.expect("bundled scenario loads");
    bench_map(criterion, "bundled serbia-2023", &Document::unsaved(bundled, "bundled"));
    let mut large = Document::unsaved(common::placed_large_scenario(), "large");
    large.load_problems.clear();
    bench_map(criterion, "2,000 actors on the map, 20,000 flows, 20,000 ties", &large);
}

criterion_group!(benches, map_frames);
criterion_main!(benches);
