//! The start screen: the bundled scenarios as a gallery (title, summary, a small preview) beside the recent
//! files. It shows when GeoDep starts without a file and from File → New from template. Picking something
//! returns an action; the app opens the scenario. It reads the settings and never changes them itself.

mod preview;

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use crate::library::{BUNDLED, BundledScenario};
use crate::state::{Action, Settings};
use crate::ui::commands::Command;
use preview::Preview;

const CARD_PREVIEW: egui::Vec2 = egui::vec2(190.0, 130.0);
/// Summaries longer than this are cut at a sentence or word on the card; the whole text is in the tooltip.
const CARD_SUMMARY_CHARACTERS: usize = 200;

#[derive(Default)]
pub struct StartScreen {
    pub open: bool,
    /// Built the first time the screen shows: the bundled texts never change.
    gallery: Option<Vec<GalleryEntry>>,
    /// The recent files as they were on disk when the screen opened: (path, still there).
    recent: Vec<(PathBuf, bool)>,
}

struct GalleryEntry {
    bundled: &'static BundledScenario,
    title: String,
    summary: String,
    counts: String,
    preview: Preview,
}

impl StartScreen {
    /// Opens the screen, looking again at which recent files still exist.
    pub fn show(&mut self, settings: &Settings) {
        self.open = true;
        self.recent = settings.recent_files.iter().map(|path| (path.clone(), path.is_file())).collect();
    }

    pub fn ui(&mut self, ctx: &egui::Context, settings: &Settings, actions: &mut Vec<Action>) {
        if !self.open {
            return;
        }
        let gallery = self.gallery.get_or_insert_with(build_gallery);
        let recent = &self.recent;
        let width = (ctx.content_rect().width() - 80.0).clamp(320.0, 1100.0);
        let max_height = (ctx.content_rect().height() - 120.0).max(200.0);
        let modal = egui::Modal::new(egui::Id::NULL.with("start_screen")).show(ctx, |ui| {
            ui.set_width(width);
            ui.heading(RichText::new("Welcome to GeoDep").size(26.0));
            ui.label("Open a ready-made scenario to explore or present, or one of your own files.");
            ui.add_space(8.0);
            egui::ScrollArea::vertical().max_height(max_height - 140.0).show(ui, |ui| {
                // Someone coming back most likely wants their own files: they come first once there are any.
                if !recent.is_empty() {
                    ui.heading("Recent files");
                    recent_ui(ui, recent, actions);
                    ui.add_space(10.0);
                }
                ui.heading("Bundled scenarios");
                gallery_ui(ui, gallery, width, actions);
                if recent.is_empty() {
                    ui.add_space(10.0);
                    ui.heading("Recent files");
                    ui.weak("Files you open or save appear here.");
                }
            });
            ui.separator();
            footer_ui(ui, settings, actions);
        });
        if modal.should_close() {
            actions.push(Action::ShowStartScreen(false));
        }
    }
}

fn build_gallery() -> Vec<GalleryEntry> {
    BUNDLED
        .iter()
        .filter_map(|bundled| {
            // Every bundled file is checked by the tests; one that failed would be left out, not shown broken.
            let scenario = crate::io::load_text(bundled.text).scenario?;
            let counts = scenario
                .record_counts()
                .iter()
                .filter(|(label, count)| *count > 0 && !matches!(*label, "Sources" | "Events"))
                .map(|(label, count)| {
                    let label = label.to_lowercase();
                    let label = if *count == 1 { label.trim_end_matches('s') } else { &label };
                    format!("{count} {label}")
                })
                .collect::<Vec<_>>()
                .join(", ");
            Some(GalleryEntry {
                bundled,
                title: scenario.title.clone(),
                summary: scenario.summary.clone(),
                counts,
                preview: Preview::of(&scenario),
            })
        })
        .collect()
}

/// Two cards a row when there is room, one otherwise.
fn gallery_ui(ui: &mut egui::Ui, gallery: &[GalleryEntry], width: f32, actions: &mut Vec<Action>) {
    let columns = if width >= 900.0 { 2 } else { 1 };
    // Room is kept for the scroll bar, which would otherwise lie over the right-hand cards' edge.
    let room = width - ui.spacing().scroll.allocated_width() - ui.spacing().scroll.bar_width;
    let card_width = (room - 16.0 * columns as f32) / columns as f32;
    for row in gallery.chunks(columns) {
        ui.horizontal_top(|ui| {
            for entry in row {
                card_ui(ui, entry, card_width, actions);
            }
        });
    }
}

fn card_ui(ui: &mut egui::Ui, entry: &GalleryEntry, width: f32, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(width - 14.0);
        ui.horizontal_top(|ui| {
            let (rect, preview) = ui.allocate_exact_size(CARD_PREVIEW, egui::Sense::click());
            entry.preview.paint(ui.painter(), rect, ui.visuals().extreme_bg_color);
            let open_hint = format!("Open {} as a new, unsaved scenario", entry.bundled.file_name);
            // No tooltip on the picture: it would cover the card's own text; the title says the same on hover.
            let preview = preview.on_hover_cursor(egui::CursorIcon::PointingHand);
            if preview.clicked() {
                open_bundled(entry.bundled, actions);
            }
            ui.vertical(|ui| {
                let title = egui::Button::new(RichText::new(&entry.title).strong().size(17.0)).frame(false).wrap();
                if ui.add(title).on_hover_text(open_hint).on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
                    open_bundled(entry.bundled, actions);
                }
                let summary = shorten(&entry.summary, CARD_SUMMARY_CHARACTERS);
                let shortened = summary.len() < entry.summary.len();
                let summary = ui.add(egui::Label::new(summary).wrap());
                if shortened {
                    summary.on_hover_text(&entry.summary);
                }
                ui.add_space(4.0);
                ui.label(RichText::new(&entry.counts).weak().small());
            });
        });
    });
}

fn open_bundled(bundled: &'static BundledScenario, actions: &mut Vec<Action>) {
    // Closed first, so that a question about unsaved changes is not hidden behind the screen.
    actions.push(Action::ShowStartScreen(false));
    actions.push(Action::OpenBundled(bundled.file_name));
}

fn recent_ui(ui: &mut egui::Ui, recent: &[(PathBuf, bool)], actions: &mut Vec<Action>) {
    for (path, exists) in recent {
        ui.horizontal(|ui| {
            let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            let button = ui.add_enabled(*exists, egui::Button::new(RichText::new(name).strong()));
            if button.on_hover_text(path.display().to_string()).clicked() {
                // Closed first, so that a question about unsaved changes is not hidden behind the screen.
                actions.push(Action::ShowStartScreen(false));
                actions.push(Action::Open(path.clone()));
            }
            let folder = path.parent().map(|folder| folder.display().to_string()).unwrap_or_default();
            ui.weak(folder);
            if !exists {
                ui.label(RichText::new("(not found)").color(ui.visuals().warn_fg_color));
            }
        });
    }
}

fn footer_ui(ui: &mut egui::Ui, settings: &Settings, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let shortcut = ui.ctx().format_shortcut(&Command::Open.shortcut());
        if ui.add(egui::Button::new("Open a file…").shortcut_text(shortcut)).clicked() {
            actions.push(Action::ShowStartScreen(false));
            actions.push(Action::OpenDialog);
        }
        if ui.button("New empty scenario").clicked() {
            actions.push(Action::ShowStartScreen(false));
            actions.push(Action::NewScenario);
        }
        let mut at_start = !settings.skip_start_screen;
        if ui.checkbox(&mut at_start, "Show this screen when GeoDep starts").changed() {
            actions.push(Action::SetStartScreenAtLaunch(at_start));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.add(egui::Button::new("Close").shortcut_text("Esc")).on_hover_text("Keep the open scenario").clicked()
            {
                actions.push(Action::ShowStartScreen(false));
            }
        });
    });
}

/// The text cut after the last whole sentence (or else word) that fits in `limit` characters.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    if let Some(end) = cut.rfind(". ") {
        return cut[..=end].to_owned();
    }
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_summary_is_kept_whole() {
        assert_eq!(shorten("One sentence.", 50), "One sentence.");
    }

    #[test]
    fn a_long_summary_ends_at_the_last_sentence_that_fits() {
        assert_eq!(shorten("First one. Second one is longer.", 20), "First one.");
    }

    #[test]
    fn without_a_sentence_end_it_is_cut_at_a_word() {
        assert_eq!(shorten("alpha beta gamma delta", 13), "alpha beta…");
    }

    #[test]
    fn every_bundled_scenario_is_in_the_gallery() {
        let gallery = build_gallery();
        assert_eq!(gallery.len(), BUNDLED.len());
        assert!(gallery.iter().all(|entry| !entry.title.is_empty() && !entry.summary.is_empty()));
        assert!(gallery[0].counts.starts_with("25 actors, "), "{}", gallery[0].counts);
    }
}
