//! Settings that persist across runs (eframe storage): theme, UI scale, recent files and the start screen.
//! Window size is kept by eframe itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const MAX_RECENT_FILES: usize = 10;

const MIN_UI_SCALE: f32 = 0.5;
const MAX_UI_SCALE: f32 = 3.0;
const UI_SCALE_STEP: f32 = 0.1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    /// How much larger than normal everything is drawn (1.0 is normal).
    pub ui_scale: f32,
    pub recent_files: Vec<PathBuf>,
    /// The person turned the start screen off.
    pub skip_start_screen: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { theme: ThemeChoice::default(), ui_scale: 1.0, recent_files: Vec::new(), skip_start_screen: false }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
    /// High contrast on white, for projectors in lit rooms.
    Projector,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 4] =
        [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Projector];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
            ThemeChoice::Projector => "Projector (high contrast)",
        }
    }
}

impl Settings {
    /// One step larger, smaller or back to normal, within 50% to 300%.
    pub fn zoom(&mut self, zoom: super::action::UiZoom) {
        use super::action::UiZoom;
        let scale = match zoom {
            UiZoom::In => self.ui_scale + UI_SCALE_STEP,
            UiZoom::Out => self.ui_scale - UI_SCALE_STEP,
            UiZoom::Reset => 1.0,
        };
        // Rounded to the step, so that repeated steps land on 1.1, 1.2… and not on 1.2000001.
        let scale = (scale / UI_SCALE_STEP).round() * UI_SCALE_STEP;
        self.ui_scale = if scale.is_finite() { scale.clamp(MIN_UI_SCALE, MAX_UI_SCALE) } else { 1.0 };
    }

    /// Puts `path` first in the recent files, without duplicates.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|known| known != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_moves_a_file_to_the_front_once() {
        let mut settings = Settings::default();
        for name in ["/a.ron", "/b.ron", "/a.ron"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent_files, vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]);
    }

    #[test]
    fn the_ui_scale_steps_by_a_tenth_within_its_limits_and_resets() {
        use super::super::action::UiZoom;
        let mut settings = Settings::default();
        assert_eq!(settings.ui_scale, 1.0);
        settings.zoom(UiZoom::In);
        settings.zoom(UiZoom::In);
        assert!((settings.ui_scale - 1.2).abs() < 1e-6);
        for _ in 0..40 {
            settings.zoom(UiZoom::In);
        }
        assert_eq!(settings.ui_scale, MAX_UI_SCALE);
        for _ in 0..40 {
            settings.zoom(UiZoom::Out);
        }
        assert_eq!(settings.ui_scale, MIN_UI_SCALE);
        settings.zoom(UiZoom::Reset);
        assert_eq!(settings.ui_scale, 1.0);
    }

    #[test]
    fn settings_saved_before_the_ui_scale_existed_load_at_normal_size() {
        let old: Settings = ron::from_str("(theme: Dark, recent_files: [])").expect("old settings parse");
        assert_eq!(old.ui_scale, 1.0);
        assert_eq!(old.theme, ThemeChoice::Dark);
    }

    #[test]
    fn keeps_at_most_ten_recent_files() {
        let mut settings = Settings::default();
        for index in 0..15 {
            settings.remember(Path::new(&format!("/scenario-{index}.ron")));
        }
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], PathBuf::from("/scenario-14.ron"));
    }
}
