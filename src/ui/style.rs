//! Shared colours and small text helpers, so that every view speaks the same visual language.

use eframe::egui::{self, Color32, RichText};

use crate::diagnostic::Severity;

/// Colour of a diagnostic's severity, readable on light and dark backgrounds.
pub fn severity_colour(ui: &egui::Ui, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
    }
}

/// A section heading inside a panel.
pub fn section_heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(text).strong().size(16.0));
    ui.add_space(2.0);
}
