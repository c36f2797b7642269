//! The old year's chart data, kept while a change of year eases in, so that bars and bands move and grow from
//! last year's places instead of jumping. Holds a copy of the old data and when the change began; the charts
//! mix it with the new year's (see `crate::charts`). Builds no chart data itself.

use eframe::egui;

use crate::scene::transition::{SECONDS, progress};

pub struct YearEase<T> {
    before: Option<(T, f64)>,
}

impl<T> Default for YearEase<T> {
    fn default() -> Self {
        YearEase { before: None }
    }
}

impl<T: Clone> YearEase<T> {
    /// Starts easing from `old` (the data drawn so far) when only the year changed; other changes (a new
    /// document, an edit, another supplier) are drawn at once.
    pub fn begin_if(&mut self, year_alone_changed: bool, old: Option<&T>, ui: &egui::Ui) {
        if year_alone_changed && let Some(old) = old {
            self.before = Some((old.clone(), ui.input(|input| input.time)));
        }
    }

    /// The old data and how far (0 to 1, eased) the change has come, while it is under way; asks for the next
    /// frame meanwhile. `None` once it is done.
    pub fn under_way(&mut self, ui: &egui::Ui) -> Option<(&T, f32)> {
        let now = ui.input(|input| input.time);
        let share = progress((now - self.before.as_ref()?.1) as f32, SECONDS);
        if share >= 1.0 {
            self.before = None;
            return None;
        }
        ui.ctx().request_repaint();
        self.before.as_ref().map(|(before, _)| (before, share))
    }
}
