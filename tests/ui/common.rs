//! What the UI tests share: the app on the bundled scenario, and clicking at a point on screen.

use eframe::egui;
use egui_kittest::Harness;
use geodep::app::{GeoDepApp, Settings, Startup};

/// The bundled scenario with its graph layout settled, in a window large enough for every panel.
pub fn bundled_harness() -> Harness<'static, GeoDepApp> {
    // Missing glyphs fail the test: the bundled data must be drawable with egui's built-in fonts.
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|_| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::Bundled);
        app.disable_native_dialogs();
        let document = app.document.clone();
        app.views.graph.settle_layout(&document);
        app
    });
    harness.run_steps(4);
    harness
}

/// Moves the pointer to `position`, then presses and releases the primary button there.
pub fn click_at(harness: &mut Harness<'_, GeoDepApp>, position: egui::Pos2, modifiers: egui::Modifiers) {
    harness.hover_at(position);
    harness.run_steps(1);
    for pressed in [true, false] {
        let button = egui::PointerButton::Primary;
        harness.event_modifiers(egui::Event::PointerButton { pos: position, button, pressed, modifiers }, modifiers);
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

/// Presses the primary button at `start`, moves the pointer by `offset` in `steps` equal moves, one frame each,
/// and releases it there: a drag as a hand makes it.
pub fn drag_by(harness: &mut Harness<'_, GeoDepApp>, start: egui::Pos2, offset: egui::Vec2, steps: usize) {
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=steps {
        harness.hover_at(start + offset * step as f32 / steps as f32);
        harness.run_steps(1);
    }
    harness.drop_at(start + offset);
    harness.run_steps(2);
}

/// The benchmarks' generated scenario of 2,000 states, 20,000 energy flows and 20,000 ties.
#[path = "../../benches/common/mod.rs"]
pub mod large;

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
pub struct DroppedPath(pub std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}
