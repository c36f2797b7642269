//! Shared colours, fonts and small text helpers, so that every view speaks the same visual language: egui's text
//! styles, the embedded Liberation Sans faces as the named families `regular` and `bold` (for presenting), the
//! projector visuals, and which theme the views draw their lines in.

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

/// The family of the embedded Liberation Sans Regular: legends and names while presenting, heavier than egui's
/// Ubuntu Light.
pub fn regular_family() -> egui::FontFamily {
    egui::FontFamily::Name("regular".into())
}

/// The family of the embedded Liberation Sans Bold: titles while presenting, in a true bold face.
pub fn bold_family() -> egui::FontFamily {
    egui::FontFamily::Name("bold".into())
}

/// egui's fonts with the slides' Liberation Sans faces added as [`regular_family`] and [`bold_family`]; each falls
/// back on egui's own fonts for characters it lacks, so that no character goes missing.
fn font_definitions() -> egui::FontDefinitions {
    use crate::slide::fonts;
    let mut definitions = egui::FontDefinitions::default();
    let fallbacks = definitions.families.get(&egui::FontFamily::Proportional).cloned().unwrap_or_default();
    for (name, bytes, family) in [
        ("LiberationSans-Regular", fonts::REGULAR, regular_family()),
        ("LiberationSans-Bold", fonts::BOLD, bold_family()),
    ] {
        definitions.font_data.insert(name.to_owned(), std::sync::Arc::new(egui::FontData::from_static(bytes)));
        let faces = std::iter::once(name.to_owned()).chain(fallbacks.iter().cloned()).collect();
        definitions.families.insert(family, faces);
    }
    definitions
}

/// Text a little larger than egui's defaults, so that a room can read it from a projector, and the embedded
/// faces for presenting.
pub fn install(ctx: &egui::Context) {
    use egui::{FontId, TextStyle};
    ctx.set_fonts(font_definitions());
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

/// Remembers the theme chosen in the settings for the views, which draw lines by [`line_theme`].
pub fn remember_theme(ctx: &egui::Context, choice: crate::state::ThemeChoice) {
    ctx.data_mut(|data| data.insert_temp(egui::Id::unique(THEME_KEY), choice));
}

const THEME_KEY: &str = "geodep_theme_choice";

/// The theme lines are drawn in on screen: the projector's when it is chosen (and the visuals are light), else
/// dark or light after the visuals.
pub fn line_theme(ui: &egui::Ui) -> crate::scene::palette::Theme {
    use crate::scene::palette::Theme;
    let choice: Option<crate::state::ThemeChoice> = ui.ctx().data(|data| data.get_temp(egui::Id::unique(THEME_KEY)));
    match (choice, ui.visuals().dark_mode) {
        (_, true) => Theme::Dark,
        (Some(crate::state::ThemeChoice::Projector), false) => Theme::Projector,
        _ => Theme::Light,
    }
}

/// The theme exports are drawn in for a theme choice; following the system, the theme the window shows.
pub fn export_theme(choice: crate::state::ThemeChoice, dark_mode: bool) -> crate::scene::palette::Theme {
    use crate::scene::palette::Theme;
    use crate::state::ThemeChoice;
    match choice {
        ThemeChoice::Light => Theme::Light,
        ThemeChoice::Dark => Theme::Dark,
        ThemeChoice::Projector => Theme::Projector,
        ThemeChoice::System if dark_mode => Theme::Dark,
        ThemeChoice::System => Theme::Light,
    }
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
/// sideways under a thin bar, rather than pushing the view down or hiding the row's end. The bar has a strip of
/// its own below the row: egui's default floating bar lies over the buttons' lower half and takes their clicks.
pub fn toolbar_row<R>(ui: &mut egui::Ui, id: &str, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    toolbar_row_within(ui, id, f32::INFINITY, add_contents)
}

/// [`toolbar_row`] at most `max_width` wide, leaving the rest of the line to what follows it.
pub fn toolbar_row_within<R>(
    ui: &mut egui::Ui,
    id: &str,
    max_width: f32,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    ui.scope(|ui| {
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt(id)
            .max_width(max_width)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
            .show(ui, |ui| ui.horizontal(add_contents).inner)
            .inner
    })
    .inner
}

/// A toolbar menu of several choices (checkboxes, sliders): it stays open while they are set, and closes on a
/// click outside it or Esc. Plain `menu_button` closes after every click.
pub fn choices_menu<R>(
    ui: &mut egui::Ui,
    label: &str,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::Response {
    let config =
        egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new(label).config(config).ui(ui, add_contents).0
}
