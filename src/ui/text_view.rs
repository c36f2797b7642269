//! The text of a file that does not parse, in the central area: every line numbered, the lines with a syntax
//! error marked, the errors listed above it (a click puts the cursor there). The person fixes the text here and
//! presses Check and open, or fixes the file in their own editor and presses Reload from disk.

use std::path::PathBuf;

use eframe::egui::{self, Color32, RichText, text::LayoutJob};

use crate::diagnostic::Diagnostic;
use crate::state::{Action, FailedLoad};

/// Texts larger than this are not edited here (laying them out each frame would make the window slow).
const MOST_EDITABLE_BYTES: usize = 1024 * 1024;
const FONT_SIZE: f32 = 14.0;
const EDITOR_MARGIN: egui::Margin = egui::Margin::symmetric(6, 4);

/// The text being fixed, kept while the same failed file is shown.
#[derive(Default)]
pub struct TextView {
    /// The file and text the buffer was filled from, to start afresh when another failure is shown.
    shown: Option<(PathBuf, String)>,
    pub buffer: String,
    /// A line to put the cursor on, set by a click on an error.
    jump_to_line: Option<usize>,
}

impl TextView {
    /// Draws the text view for `failed`; does nothing when the file is not text.
    pub fn ui(&mut self, ui: &mut egui::Ui, failed: &FailedLoad, actions: &mut Vec<Action>) {
        let Some(text) = &failed.text else { return };
        if self.shown.as_ref().is_none_or(|(path, shown)| *path != failed.path || shown != text) {
            self.shown = Some((failed.path.clone(), text.clone()));
            self.buffer = text.clone();
        }
        let name =
            failed.path.file_name().map_or_else(|| failed.path.display().to_string(), |n| n.display().to_string());
        ui.heading(format!("{name} does not read as a scenario"));
        ui.label(
            "Fix the text below and press Check and open, or fix the file in your editor and press Reload from disk.",
        );
        ui.add_space(4.0);
        self.buttons_ui(ui, failed, actions);
        self.errors_ui(ui, &failed.diagnostics);
        ui.separator();
        if self.buffer.len() > MOST_EDITABLE_BYTES {
            ui.label("The file is too large to edit here: fix it in your editor, then press Reload from disk.");
            return;
        }
        self.editor_ui(ui, &failed.diagnostics);
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, failed: &FailedLoad, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let check = "Read the text above; a scenario opens (unsaved), or its errors are listed again";
            if ui.button("Check and open").on_hover_text(check).clicked() {
                actions.push(Action::OpenText { path: failed.path.clone(), text: self.buffer.clone() });
            }
            if ui.button("Reload from disk").on_hover_text("Read the file again, as your editor saved it").clicked() {
                actions.push(Action::Open(failed.path.clone()));
            }
            let close = match &failed.kept_open {
                Some(name) => format!("Leave this file and go back to {name}"),
                None => "Leave this file".to_owned(),
            };
            if ui.button("Close").on_hover_text(close).clicked() {
                actions.push(Action::DismissFailedLoad);
            }
        });
    }

    fn errors_ui(&mut self, ui: &mut egui::Ui, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            let place = match diagnostic.line {
                Some(line) => format!("Line {line}, column {}: ", diagnostic.column.unwrap_or(1)),
                None => String::new(),
            };
            let text = RichText::new(format!("{place}{}", diagnostic.message)).color(ui.visuals().error_fg_color);
            let response = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
            if let Some(line) = diagnostic.line
                && response.on_hover_text("Put the cursor on this line").clicked()
            {
                self.jump_to_line = Some(line);
            }
        }
    }

    fn editor_ui(&mut self, ui: &mut egui::Ui, diagnostics: &[Diagnostic]) {
        let marked: Vec<usize> = diagnostics.iter().filter_map(|diagnostic| diagnostic.line).collect();
        let mark = ui.visuals().error_fg_color.gamma_multiply(0.25);
        let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
            let mut job = marked_lines(text.as_str(), &marked, mark, ui.visuals().text_color());
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|fonts| fonts.layout_job(job))
        };
        let line_count = self.buffer.lines().count().max(1);
        let label = ui.label(RichText::new("Scenario text").strong());
        egui::ScrollArea::both().id_salt("text_view").auto_shrink([false, false]).show(ui, |ui| {
            ui.horizontal_top(|ui| {
                // The numbers in the editor's font, moved down by its margin, so that each faces its line.
                let numbers: String = (1..=line_count).map(|line| format!("{line}\n")).collect();
                ui.vertical(|ui| {
                    ui.add_space(f32::from(EDITOR_MARGIN.top));
                    let numbers = RichText::new(numbers).font(egui::FontId::monospace(FONT_SIZE)).weak();
                    ui.add(egui::Label::new(numbers).selectable(false));
                });
                let editor = egui::TextEdit::multiline(&mut self.buffer)
                    .code_editor()
                    .margin(EDITOR_MARGIN)
                    .desired_width(f32::INFINITY)
                    .desired_rows(line_count)
                    .layouter(&mut layouter);
                let output = editor.show(ui);
                let _ = output.response.response.clone().labelled_by(label.id);
                if let Some(line) = self.jump_to_line.take() {
                    put_cursor_on_line(ui.ctx(), output.response.id, output.state, &self.buffer, line);
                }
            });
        });
    }
}

/// The text in the monospace font, with the given 1-based lines on a coloured background.
fn marked_lines(text: &str, marked: &[usize], mark: Color32, colour: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::FontId::monospace(FONT_SIZE);
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let background = if marked.contains(&(index + 1)) { mark } else { Color32::TRANSPARENT };
        let format = egui::TextFormat { font_id: font.clone(), color: colour, background, ..Default::default() };
        job.append(line, 0.0, format);
    }
    if text.is_empty() {
        job.append("", 0.0, egui::TextFormat { font_id: font, color: colour, ..Default::default() });
    }
    job
}

fn put_cursor_on_line(
    ctx: &egui::Context,
    id: egui::Id,
    mut state: egui::text_edit::TextEditState,
    text: &str,
    line: usize,
) {
    let offset: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(|line| line.chars().count()).sum();
    let cursor = egui::text::CCursor::new(offset);
    state.cursor.set_char_range(Some(egui::text::CCursorRange::one(cursor)));
    state.store(ctx, id);
    ctx.memory_mut(|memory| memory.request_focus(id));
}
