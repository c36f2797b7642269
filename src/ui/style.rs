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

/// Text a little larger than egui's defaults, so that a room can read it from a projector.
pub fn install(ctx: &egui::Context) {
    use egui::{FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(12.0)),
            (TextStyle::Body, FontId::proportional(15.0)),
            (TextStyle::Button, FontId::proportional(15.0)),
            (TextStyle::Heading, FontId::proportional(21.0)),
            (TextStyle::Monospace, FontId::monospace(13.5)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// The projector theme: black on white with thicker lines and a strong selection, for rooms where a projector's
/// washed-out colours and the daylight make the usual light theme faint.
pub fn projector_visuals() -> egui::Visuals {
    use egui::Stroke;
    let mut visuals = egui::Visuals::light();
    let ink = Color32::BLACK;
    visuals.override_text_color = Some(ink);
    visuals.weak_text_color = Some(Color32::from_gray(55));
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.faint_bg_color = Color32::from_gray(235);
    visuals.window_stroke = Stroke::new(2.0, ink);
    visuals.hyperlink_color = Color32::from_rgb(0, 60, 170);
    visuals.selection.bg_fill = Color32::from_rgb(160, 205, 255);
    visuals.selection.stroke = Stroke::new(2.5, Color32::from_rgb(0, 60, 170));
    visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(70));
    visuals.widgets.noninteractive.fg_stroke = Stroke::new(1.5, ink);
    for widget in [&mut visuals.widgets.inactive, &mut visuals.widgets.hovered, &mut visuals.widgets.active] {
        widget.fg_stroke = Stroke::new(widget.fg_stroke.width.max(1.5), ink);
        widget.bg_stroke = Stroke::new(widget.bg_stroke.width.max(1.5), Color32::from_gray(40));
    }
    visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(225);
    visuals.widgets.inactive.bg_fill = Color32::from_gray(225);
    visuals
}

/// The egui theme a theme choice asks for (the projector theme is a light one).
pub fn theme_preference(choice: crate::state::ThemeChoice) -> egui::ThemePreference {
    use crate::state::ThemeChoice;
    match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light | ThemeChoice::Projector => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    }
}

/// A toolbar: one row that never wraps, however large the text is drawn (Ctrl +). What does not fit scrolls
/// sideways under a thin bar, rather than pushing the view down or hiding the row's end.
pub fn toolbar_row<R>(ui: &mut egui::Ui, id: &str, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::ScrollArea::horizontal()
        .id_salt(id)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
        .show(ui, |ui| ui.horizontal(add_contents).inner)
        .inner
}
