//! Settings that persist across runs (eframe storage): theme and recent files. Window size is kept by
//! eframe itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const MAX_RECENT_FILES: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub recent_files: Vec<PathBuf>,
    /// The person turned the start screen off.
    pub skip_start_screen: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn preference(self) -> eframe::egui::ThemePreference {
        match self {
            ThemeChoice::System => eframe::egui::ThemePreference::System,
            ThemeChoice::Light => eframe::egui::ThemePreference::Light,
            ThemeChoice::Dark => eframe::egui::ThemePreference::Dark,
        }
    }
}

impl Settings {
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
    fn keeps_at_most_ten_recent_files() {
        let mut settings = Settings::default();
        for index in 0..15 {
            settings.remember(Path::new(&format!("/scenario-{index}.ron")));
        }
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], PathBuf::from("/scenario-14.ron"));
    }
}
