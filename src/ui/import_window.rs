//! The import window (File → Import…, Ctrl+I): the files to import and the format each will be read as, the
//! choices files do not make themselves (the title, how graph edges become records, a wide table's importer,
//! Eurostat's download date), a progress bar while the import runs, and its report; then "Open as new
//! scenario". Draws from the app's `ImportSetup`, keeps only its own draft of the choices, returns actions.

use eframe::egui;

use crate::exchange::{EdgeMapping, ImportMapping, ImportReport, NoteKind, WideTable, counted};
use crate::model::{Commodity, TieKind, Unit};
use crate::state::{Action, ImportSetup};

/// The report lists at most this many notes per file; the rest are counted (`geodep import` prints them all).
const NOTES_SHOWN: usize = 200;

/// How graph edges become records, as the window offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum EdgeChoice {
    #[default]
    AsWritten,
    AllTies,
    AllFlows,
}

/// The window's draft of the import choices.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportWindow {
    title: String,
    edges: EdgeChoice,
    tie_kind: TieKind,
    flow_commodity: Commodity,
    wide_table: bool,
    importer: String,
    wide_commodity: Commodity,
    wide_unit: Option<Unit>,
    retrieved: String,
    keep_eurostat_codes: bool,
}

impl Default for ImportWindow {
    fn default() -> Self {
        ImportWindow {
            title: String::new(),
            edges: EdgeChoice::default(),
            tie_kind: TieKind::Partnership,
            flow_commodity: Commodity::Gas,
            wide_table: false,
            importer: String::new(),
            wide_commodity: Commodity::Gas,
            wide_unit: None,
            retrieved: String::new(),
            keep_eurostat_codes: false,
        }
    }
}

impl ImportWindow {
    pub fn ui(&mut self, ctx: &egui::Context, setup: &ImportSetup, actions: &mut Vec<Action>) {
        let mut open = true;
        egui::Window::new("Import into a new scenario")
            .open(&mut open)
            .collapsible(false)
            .default_width(620.0)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                files_ui(ui, setup, actions);
                ui.separator();
                self.choices_ui(ui);
                ui.separator();
                self.run_ui(ui, setup, actions);
                if let Some(outcome) = &setup.outcome {
                    ui.separator();
                    report_ui(ui, &outcome.report);
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        let open = ui.button("Open as new scenario").on_hover_text(
                            "Open what was imported as a new, unsaved scenario; the open one asks to be saved first",
                        );
                        if open.clicked() {
                            actions.push(Action::AcceptImport);
                        }
                    });
                }
            });
        if !open {
            actions.push(Action::ShowImport(false));
        }
    }

    fn choices_ui(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("import_choices").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let label = ui.label("Title");
            ui.add(egui::TextEdit::singleline(&mut self.title).hint_text("Imported from …").desired_width(320.0))
                .labelled_by(label.id);
            ui.end_row();
            ui.label("Graph edges (GraphML, GEXF)");
            ui.vertical(|ui| {
                ui.radio_value(&mut self.edges, EdgeChoice::AsWritten, "As GeoDep wrote them; others become ties")
                    .on_hover_text("Edges with a `record` attribute come back as those records");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.edges, EdgeChoice::AllTies, "All ties of kind");
                    choice_combo(ui, "import_tie_kind", &mut self.tie_kind, &TieKind::ALL, |kind| {
                        kind.label().to_owned()
                    });
                });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.edges, EdgeChoice::AllFlows, "All energy flows of");
                    commodity_combo(ui, "import_flow_commodity", &mut self.flow_commodity);
                });
            });
            ui.end_row();
            ui.label("Wide table");
            ui.vertical(|ui| {
                ui.checkbox(&mut self.wide_table, "CSV files list one importer's supply, a column per supplier")
                    .on_hover_text("A row per date (day, month or year); the values are summed to years");
                ui.add_enabled_ui(self.wide_table, |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label("Importer id");
                        ui.add(egui::TextEdit::singleline(&mut self.importer).hint_text("SRB").desired_width(80.0))
                            .labelled_by(label.id);
                        commodity_combo(ui, "import_wide_commodity", &mut self.wide_commodity);
                        choice_combo(ui, "import_wide_unit", &mut self.wide_unit, &UNITS, |unit| {
                            unit.map_or("no unit".to_owned(), |unit| unit.label().to_owned())
                        });
                    });
                });
            });
            ui.end_row();
            ui.label("Eurostat tables");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Downloaded on");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.retrieved).hint_text("YYYY-MM-DD").desired_width(120.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text("Cited with the dataset; by default the table's own LAST UPDATE date");
                });
                ui.checkbox(&mut self.keep_eurostat_codes, "Keep Eurostat's two-letter codes as ids")
                    .on_hover_text("By default EL, RS… become GRC, SRB…, the ids the bundled scenarios use");
            });
            ui.end_row();
        });
    }

    fn run_ui(&self, ui: &mut egui::Ui, setup: &ImportSetup, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let can_run = !setup.files.is_empty() && setup.progress.is_none();
            let run = ui.add_enabled(can_run, egui::Button::new("Import")).on_hover_text(
                "Read the files into a new scenario and report what was mapped and skipped; nothing opens yet",
            );
            if run.clicked() {
                actions.push(Action::RunImport(Box::new(self.mapping())));
            }
            if let Some(progress) = setup.progress {
                // Reading is the first half of the bar; converting a file does not report its own progress, so
                // the bar keeps moving to show the import is alive.
                let doing = if progress < 0.5 { "Reading the files" } else { "Converting" };
                let bar = egui::ProgressBar::new(progress).animate(true).desired_width(240.0);
                ui.add(bar.text(format!("{doing}… {:.0} %", progress * 100.0)));
            }
        });
    }

    /// The draft as the mapping an import runs with.
    pub fn mapping(&self) -> ImportMapping {
        let text = |text: &str| Some(text.trim().to_owned()).filter(|text| !text.is_empty());
        ImportMapping {
            title: text(&self.title),
            edges: match self.edges {
                EdgeChoice::AsWritten => EdgeMapping::Auto,
                EdgeChoice::AllTies => EdgeMapping::AllTies(self.tie_kind),
                EdgeChoice::AllFlows => EdgeMapping::AllFlows(self.flow_commodity.clone()),
            },
            wide_table: self.wide_table.then(|| WideTable {
                importer: self.importer.trim().to_owned(),
                commodity: self.wide_commodity.clone(),
                unit: self.wide_unit,
                date_column: None,
                ignore_columns: Vec::new(),
            }),
            eurostat: crate::exchange::EurostatOptions {
                retrieved: text(&self.retrieved),
                keep_eurostat_codes: self.keep_eurostat_codes,
                years: Vec::new(),
            },
            ..ImportMapping::default()
        }
    }
}

/// No unit, then every unit.
const UNITS: [Option<Unit>; 5] = [None, Some(Unit::ALL[0]), Some(Unit::ALL[1]), Some(Unit::ALL[2]), Some(Unit::ALL[3])];

const COMMODITIES: [Commodity; 5] =
    [Commodity::Gas, Commodity::Oil, Commodity::Coal, Commodity::Electricity, Commodity::NuclearFuel];

fn commodity_combo(ui: &mut egui::Ui, id: &str, value: &mut Commodity) {
    choice_combo(ui, id, value, &COMMODITIES, |commodity| commodity.label().to_owned());
}

fn choice_combo<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    value: &mut T,
    choices: &[T],
    label: impl Fn(&T) -> String,
) {
    egui::ComboBox::from_id_salt(id).selected_text(label(value)).show_ui(ui, |ui| {
        for choice in choices {
            ui.selectable_value(value, choice.clone(), label(choice));
        }
    });
}

/// The files, each with the format it will be read as and a button to take it off the list.
fn files_ui(ui: &mut egui::Ui, setup: &ImportSetup, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Files").strong());
        let add = ui.button("Add files…").on_hover_text(
            "CSV sheets (actors, energy, sanctions, ties…), Eurostat tables (.tsv or SDMX-CSV), a wide table, \
             GraphML or GEXF; several files make one scenario. Files dropped on the window are added too.",
        );
        if add.clicked() {
            actions.push(Action::ImportFilesDialog);
        }
    });
    if setup.files.is_empty() {
        ui.weak("No files yet: add some, or drop them on the window.");
        return;
    }
    egui::Grid::new("import_files").num_columns(3).striped(true).show(ui, |ui| {
        for (index, path) in setup.files.iter().enumerate() {
            let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            ui.label(name).on_hover_text(path.display().to_string());
            ui.weak(format_guess(path));
            if ui.small_button("Remove").on_hover_text("Take this file off the list").clicked() {
                actions.push(Action::RemoveImportFile(index));
            }
            ui.end_row();
        }
    });
}

/// What the file's extension suggests; the import itself looks at the content too.
fn format_guess(path: &std::path::Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()).map(str::to_lowercase).as_deref() {
        Some("graphml") => "GraphML",
        Some("gexf") => "GEXF",
        Some("tsv") => "Eurostat TSV or sheet",
        Some("csv") | Some("txt") => "CSV sheet or table",
        _ => "format told from its content",
    }
}

/// What each file gave, what was skipped and why, then the new scenario's problems.
fn report_ui(ui: &mut egui::Ui, report: &ImportReport) {
    ui.label(egui::RichText::new("Report").strong());
    egui::ScrollArea::vertical().max_height(320.0).auto_shrink([false, true]).show(ui, |ui| {
        for file in &report.files {
            let format = file.format.map_or("unknown format", |format| format.label());
            ui.label(egui::RichText::new(format!("{} ({format})", file.name)).strong());
            if let Some(why) = &file.refused {
                ui.colored_label(ui.visuals().error_fg_color, format!("Refused: {why}"));
                continue;
            }
            let mapped: Vec<String> = file.mapped.iter().map(|(what, count)| counted(*count, what)).collect();
            ui.label(if mapped.is_empty() {
                "Nothing mapped".to_owned()
            } else {
                format!("Mapped {}", mapped.join(", "))
            });
            let skipped = file.count(NoteKind::Skipped);
            let changed = file.count(NoteKind::Changed);
            if skipped + changed + file.notes_left_out > 0 {
                let header = format!("{skipped} skipped, {changed} changed{}", more(file.notes_left_out));
                // A few notes are read at a glance; many are opened on request.
                let few = file.notes.len() <= 12 && file.notes_left_out == 0;
                let notes = egui::CollapsingHeader::new(header).id_salt(("import_notes", &file.name));
                notes.default_open(few).show(ui, |ui| {
                    for note in file.notes.iter().take(NOTES_SHOWN) {
                        let kind = if note.kind == NoteKind::Skipped { "skipped" } else { "changed" };
                        let place = if note.place.is_empty() { String::new() } else { format!("{}: ", note.place) };
                        ui.label(format!("{kind}: {place}{}", note.message));
                    }
                    let hidden = file.notes.len().saturating_sub(NOTES_SHOWN) + file.notes_left_out;
                    if hidden > 0 {
                        ui.weak(format!("… and {hidden} more (geodep import prints every one)"));
                    }
                });
            }
            ui.add_space(4.0);
        }
        for line in &report.general {
            ui.label(line);
        }
        let errors = report.error_count();
        let warnings = report.problems.len() - errors;
        let summary = format!("The new scenario: {errors} error(s), {warnings} warning(s)");
        if errors > 0 {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{summary}; open it to fix them in the Problems panel"),
            );
        } else {
            ui.label(summary);
        }
    });
}

fn more(left_out: usize) -> String {
    if left_out == 0 { String::new() } else { format!(" (and {left_out} more not listed)") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_becomes_the_mapping() {
        let mut window = ImportWindow::default();
        assert_eq!(window.mapping(), ImportMapping::default());
        window.title = "  Gas 2022 ".to_owned();
        window.edges = EdgeChoice::AllTies;
        window.tie_kind = TieKind::Alliance;
        window.wide_table = true;
        window.importer = "SRB ".to_owned();
        window.wide_unit = Some(Unit::Bcm);
        window.retrieved = "2024-03-01".to_owned();
        let mapping = window.mapping();
        assert_eq!(mapping.title.as_deref(), Some("Gas 2022"));
        assert_eq!(mapping.edges, EdgeMapping::AllTies(TieKind::Alliance));
        let wide = mapping.wide_table.unwrap();
        assert_eq!((wide.importer.as_str(), wide.commodity, wide.unit), ("SRB", Commodity::Gas, Some(Unit::Bcm)));
        assert_eq!(mapping.eurostat.retrieved.as_deref(), Some("2024-03-01"));
    }
}
