//! The app's side of playing the years: starting and pausing, and stepping the app-wide year when its time has
//! come. The rules (which year next, when to stop) are in `crate::state::Playback`.

use eframe::egui;

use super::GeoDepApp;
use crate::state::Tick;

impl GeoDepApp {
    /// Plays the scenario's years from the one shown (from the first when the last or "All years" is shown), or
    /// pauses them.
    pub(super) fn play_years(&mut self, ctx: &egui::Context, play: bool) {
        if !play {
            self.playback.pause();
            return;
        }
        let years = self.document.derived().years.clone();
        self.start_playing(ctx, years);
        if !self.playback.playing {
            self.set_status("There is only one year to show: nothing to play".to_owned(), false);
        }
    }

    /// Plays a story step's span of years from its first year (the step shows that year already).
    pub(super) fn play_span(&mut self, ctx: &egui::Context, start: i32, end: i32) {
        let mut years = crate::state::years_within(&self.document.derived().years, start, end);
        // The span's own ends are played even where no record names them, so that the step ends where it says.
        for end_year in [start, end] {
            if !years.contains(&end_year) {
                years.push(end_year);
            }
        }
        years.sort_unstable();
        self.view.year = years.first().copied();
        self.start_playing(ctx, years);
    }

    fn start_playing(&mut self, ctx: &egui::Context, years: Vec<i32>) {
        let now = ctx.input(|input| input.time);
        if let Some(first) = self.playback.play(years, self.view.year, now) {
            self.view.year = Some(first);
        }
        ctx.request_repaint();
    }

    /// Steps the year when the one on screen has had its time, and asks for a frame when the next is due.
    pub(super) fn advance_years(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        match self.playback.due(self.view.year, now) {
            Tick::Show(year) => {
                self.view.year = Some(year);
                ctx.request_repaint();
            }
            Tick::Wait(seconds) => ctx.request_repaint_after(std::time::Duration::from_secs_f32(seconds)),
            Tick::Idle => {}
        }
    }
}
