//! Play beside the year: the years step on by themselves (Play turns into Pause), with a small menu for the time
//! each year is shown and whether to start over at the end. Reads the playback and returns actions.

use eframe::egui;

use crate::state::{Action, PLAY_SPEEDS, Playback};

pub fn ui(ui: &mut egui::Ui, playback: &Playback, year_count: usize, actions: &mut Vec<Action>) {
    let (label, tooltip) = if playback.playing {
        ("Pause", "Stop on the year shown (P)")
    } else {
        ("Play", "Show the years one after another, with the graph, map and charts moving between them (P)")
    };
    let button = ui.add_enabled(year_count > 1 || playback.playing, egui::Button::new(label));
    if button.on_hover_text(tooltip).on_disabled_hover_text("The scenario has fewer than two years").clicked() {
        actions.push(Action::PlayYears(!playback.playing));
    }
    ui.menu_button(speed_text(playback.seconds_per_year), |ui| {
        ui.label("Each year is shown for");
        for seconds in PLAY_SPEEDS {
            if ui.radio(playback.seconds_per_year == seconds, speed_text(seconds)).clicked() {
                actions.push(Action::SetPlaySpeed(seconds));
            }
        }
        ui.separator();
        let mut looping = playback.looping;
        if ui.checkbox(&mut looping, "Loop: start again after the last year").changed() {
            actions.push(Action::SetPlayLoop(looping));
        }
    })
    .response
    .on_hover_text("How long each year is shown while playing, and whether to loop");
}

/// "0.5 s per year", "1 s per year".
pub fn speed_text(seconds: f32) -> String {
    format!("{seconds} s per year")
}
