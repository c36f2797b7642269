//! CPU cost of one whole-window frame (menus, status bar, Actors panel, Inspector and the central view; egui's
//! logic and tessellation) for every central view, on the 2,000-actor benchmark scenario (2,000 actors, 20,000
//! energy flows, 20,000 ties) with one actor selected, after the first frames have built what is cached.
//! Run with `cargo bench --bench view_frames`.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use geodep::state::{CentralView, Document, Playback, Safekeeping, Settings, ViewState};
use geodep::ui::{Shown, Views, draw};

const VIEWS: [(CentralView, &str); 8] = [
    (CentralView::Graph, "graph"),
    (CentralView::Map, "map"),
    (CentralView::Charts, "charts"),
    (CentralView::Matrices, "matrices"),
    (CentralView::Timeline, "timeline"),
    (CentralView::Analysis, "analysis"),
    (CentralView::Data, "data"),
    (CentralView::Overview, "overview"),
];

fn frame_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

fn view_frames(criterion: &mut Criterion) {
    // As the app does before its window opens.
    geodep::app::keep_freed_memory_for_frames();
    let document = Document::unsaved(common::large_scenario(), "large");
    let settings = Settings::default();
    let safekeeping = Safekeeping::default();
    let mut group = criterion.benchmark_group("frame at 2,000 actors and 40,000 records");
    group.sample_size(20);
    for (central, name) in VIEWS {
        let ctx = egui::Context::default();
        let mut view = ViewState::for_scenario(&document.scenario);
        view.central = central;
        view.selection.insert("S0007".to_owned());
        let mut views = Views::default();
        let playback = Playback::default();
        views.graph.settle_layout(&document);
        let frame = |views: &mut Views| {
            let shown = Shown {
                document: &document,
                view: &view,
                settings: &settings,
                failed_load: None,
                status: None,
                unsaved_prompt: None,
                safekeeping: &safekeeping,
                presentation: None,
                story_position: 0,
                busy: None,
                import: None,
                playback: &playback,
            };
            let output = ctx.run_ui(frame_input(), |ui| {
                let _ = draw(ui, &shown, views);
            });
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        // The first frames build each view's cached data; later frames are the steady state measured here.
        for _ in 0..3 {
            frame(&mut views);
        }
        group.bench_function(name, |bench| bench.iter(|| frame(&mut views)));
    }
    group.finish();
}

criterion_group!(benches, view_frames);
criterion_main!(benches);
