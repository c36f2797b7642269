//! The questions and notices that keep work safe: before a save that would lose comments or another program's
//! changes, when the open file changes on disk, and when work autosaved before a crash is found.

use std::time::SystemTime;

use eframe::egui::{self, RichText};

use crate::io::disk_stamp::DiskChange;
use crate::state::{Action, Document, Safekeeping, SaveQuestion};

/// A bar under the menu when the open file was changed or removed by another program.
pub fn disk_notice_ui(ui: &mut egui::Ui, document: &Document, safekeeping: &Safekeeping, actions: &mut Vec<Action>) {
    let Some(change) = safekeeping.disk_notice else { return };
    let name = document.file_name();
    egui::Panel::top("disk_notice").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let text = match change {
                DiskChange::Changed => format!("{name} was changed by another program."),
                DiskChange::Missing => format!("{name} was deleted or moved by another program."),
            };
            ui.label(RichText::new(text).strong().color(ui.visuals().warn_fg_color));
            if change == DiskChange::Changed {
                let hint = if document.dirty {
                    "Read the file again; you are asked first what to do with your unsaved changes"
                } else {
                    "Read the file again"
                };
                if ui.button("Reload").on_hover_text(hint).clicked() {
                    actions.push(Action::ReloadFromDisk);
                }
            }
            let keep = "Keep the version open here; saving will write it to the file";
            if ui.button("Keep mine").on_hover_text(keep).clicked() {
                actions.push(Action::KeepMine);
            }
        });
    });
}

/// A comment on one line of at most 120 characters.
fn shortened(comment: &str) -> String {
    let line = comment.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Asks before a save that would lose something, and offers Save As instead.
pub fn save_question_ui(ctx: &egui::Context, question: &SaveQuestion, actions: &mut Vec<Action>) {
    let (title, text, confirm) = match question {
        SaveQuestion::HasErrors(path, errors) => (
            "The scenario has errors",
            format!(
                "{} {} still in this scenario. Saving writes {} as {} now, and {} can be fixed later; \
                 GeoDep opens files with errors.\n\nSave to {}?",
                errors,
                if *errors == 1 { "error is" } else { "errors are" },
                if *errors == 1 { "it" } else { "them" },
                if *errors == 1 { "it is" } else { "they are" },
                if *errors == 1 { "it" } else { "they" },
                path.display()
            ),
            "Save anyway",
        ),
        SaveQuestion::LosesComments(path, comments) => (
            "Saving drops comments",
            format!(
                "Saving keeps the comments written by hand in {}, except {} inside what you changed or deleted:\n\n{}\n\n\
                 The previous file is kept as a .bak beside it. Save As keeps this file as it is.",
                path.display(),
                if comments.len() == 1 { "this one" } else { "these" },
                comments.iter().map(|comment| format!("    {}", shortened(comment))).collect::<Vec<_>>().join("\n"),
            ),
            "Save and drop them",
        ),
        SaveQuestion::ChangedOnDisk(path, DiskChange::Changed) => (
            "The file was changed by another program",
            format!(
                "{} was changed by another program since it was opened here. Saving replaces those changes \
                 with yours (the other version is kept as a .bak beside it). Save As keeps both.",
                path.display()
            ),
            "Replace the file",
        ),
        SaveQuestion::ChangedOnDisk(path, DiskChange::Missing) => (
            "The file was deleted or moved",
            format!("{} is no longer there. Save writes it again in the same place.", path.display()),
            "Save it here again",
        ),
    };
    egui::Window::new(title).collapsible(false).resizable(false).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(
        ctx,
        |ui| {
            ui.set_max_width(460.0);
            ui.label(text);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if let SaveQuestion::HasErrors(..) = question {
                    if ui.button("Show problems").on_hover_text("List the errors, and save later").clicked() {
                        actions.push(Action::CancelSave);
                        actions.push(Action::ShowProblems(true));
                    }
                } else if ui.button("Save As…").clicked() {
                    actions.push(Action::SaveAsDialog);
                }
                if ui.button(confirm).clicked() {
                    actions.push(Action::SaveAnyway);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelSave);
                }
            });
        },
    );
}

/// Offers back work autosaved by a run that did not end cleanly.
pub fn recovery_ui(ctx: &egui::Context, safekeeping: &Safekeeping, actions: &mut Vec<Action>) {
    if safekeeping.recovered.is_empty() {
        return;
    }
    egui::Window::new("Recover unsaved work")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label("GeoDep did not close normally last time. It had autosaved this unsaved work:");
            ui.add_space(6.0);
            for (index, work) in safekeeping.recovered.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    let name = work.original.as_ref().and_then(|path| path.file_name()).map_or_else(
                        || "A scenario never saved".to_owned(),
                        |name| name.to_string_lossy().into_owned(),
                    );
                    ui.label(RichText::new(name).strong());
                    ui.weak(format!("autosaved {}", ago(work.autosaved)));
                    if ui.button("Restore").on_hover_text("Open it as unsaved work").clicked() {
                        actions.push(Action::RestoreRecovered(index));
                    }
                    if ui.button("Discard").on_hover_text("Delete the autosaved copy").clicked() {
                        actions.push(Action::DiscardRecovered(index));
                    }
                });
                if let Some(path) = &work.original {
                    ui.weak(path.display().to_string());
                }
            }
        });
}

/// "3 minutes ago", "2 hours ago", "4 days ago".
fn ago(time: Option<SystemTime>) -> String {
    let Some(seconds) = time.and_then(|time| time.elapsed().ok()).map(|elapsed| elapsed.as_secs()) else {
        return "at an unknown time".to_owned();
    };
    let (count, unit) = match seconds {
        0..60 => return "moments ago".to_owned(),
        60..3_600 => (seconds / 60, "minute"),
        3_600..86_400 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{count} {unit}{} ago", if count == 1 { "" } else { "s" })
}
