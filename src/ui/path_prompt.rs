//! The in-app path entry: opening, saving or exporting by typing a path, for desktops where no native file
//! dialog can be shown (and for people who prefer typing).

use std::path::PathBuf;

use eframe::egui;

use crate::state::{Action, PathPurpose};

#[derive(Debug, Clone)]
pub struct PathPrompt {
    purpose: PathPurpose,
    text: String,
    note: Option<String>,
    problem: Option<String>,
}

impl PathPrompt {
    pub fn new(purpose: PathPurpose, start: Option<PathBuf>, note: Option<&str>) -> PathPrompt {
        let mut text = start.map(|path| path.display().to_string()).unwrap_or_default();
        if matches!(purpose, PathPurpose::Open | PathPurpose::ImportFiles)
            && !text.is_empty()
            && !text.ends_with(std::path::MAIN_SEPARATOR)
        {
            text.push(std::path::MAIN_SEPARATOR);
        }
        PathPrompt { purpose, text, note: note.map(str::to_owned), problem: None }
    }

    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let (title, confirm) = match self.purpose {
            PathPurpose::Open => ("Open a scenario file", "Open"),
            PathPurpose::SaveAs => ("Save the scenario as", "Save"),
            PathPurpose::ExportSlides => ("Export the slides into a folder", "Export"),
            PathPurpose::ExportStep => ("Export this step's slide as a PNG file", "Export"),
            PathPurpose::ExportHandout { .. } => ("Export the story as a PDF handout", "Export"),
            PathPurpose::ImportFiles => ("Add a file to import", "Add"),
            PathPurpose::Export => ("Export as .png, .svg, .graphml, .gexf or .csv", "Export"),
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0])
            .show(ctx, |ui| {
                if let Some(note) = &self.note {
                    ui.label(note);
                    ui.add_space(4.0);
                }
                let label = ui.label(if self.purpose == PathPurpose::ExportSlides { "Folder" } else { "File path" });
                let field = egui::TextEdit::singleline(&mut self.text)
                    .desired_width(480.0)
                    .hint_text("/home/me/scenarios/serbia-2023.ron");
                let response = ui.add(field).labelled_by(label.id);
                response.request_focus();
                let entered = response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                if let Some(problem) = &self.problem {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                }
                ui.horizontal(|ui| {
                    if ui.button(confirm).clicked() || entered {
                        self.confirm(actions);
                    }
                    if ui.button("Cancel").clicked() || ui.input(|input| input.key_pressed(egui::Key::Escape)) {
                        actions.push(Action::ClosePathPrompt);
                    }
                });
            });
    }

    fn confirm(&mut self, actions: &mut Vec<Action>) {
        let path = PathBuf::from(self.text.trim());
        match self.check(&path) {
            Ok(()) => {
                actions.push(Action::ClosePathPrompt);
                actions.push(match self.purpose {
                    PathPurpose::Open => Action::Open(path),
                    PathPurpose::SaveAs => Action::SaveAs(path),
                    PathPurpose::ExportSlides => Action::ExportSlides(path),
                    PathPurpose::ImportFiles => Action::AddImportFiles(vec![path]),
                    PathPurpose::Export => Action::Export(path),
                    PathPurpose::ExportStep => Action::ExportStep(path),
                    PathPurpose::ExportHandout { notes } => Action::ExportHandout { file: path, notes },
                });
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Problems worth catching before trying: an empty path, a folder, a missing file or folder.
    fn check(&self, path: &std::path::Path) -> Result<(), String> {
        if path.as_os_str().is_empty() {
            return Err("Type a path first.".to_owned());
        }
        if self.purpose == PathPurpose::ExportSlides {
            // The folder itself is made if missing, but not its parents: a typo should not grow a tree.
            return match path.parent() {
                _ if path.is_file() => Err(format!("{} is a file; give a folder.", path.display())),
                Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                    Err(format!("The folder {} does not exist.", parent.display()))
                }
                _ => Ok(()),
            };
        }
        if path.is_dir() {
            return Err(format!("{} is a folder; add the file name.", path.display()));
        }
        match self.purpose {
            PathPurpose::Open | PathPurpose::ImportFiles if !path.exists() => {
                Err(format!("There is no file at {}.", path.display()))
            }
            PathPurpose::SaveAs | PathPurpose::ExportStep | PathPurpose::Export | PathPurpose::ExportHandout { .. } => {
                match path.parent() {
                    Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
                        Err(format!("The folder {} does not exist.", folder.display()))
                    }
                    _ => Ok(()),
                }
            }
            PathPurpose::Open | PathPurpose::ImportFiles | PathPurpose::ExportSlides => Ok(()),
        }
    }
}
