//! The Data tab: every record kind as a sortable, filterable table, and a form for the selected record with the
//! same problems `geodep check` reports shown beside its fields. New, Duplicate and Delete work on the selected
//! record; deleting an actor first lists what goes with it. Every change is an undoable edit.

mod forms;
pub(crate) mod new_records;
mod rows;
mod table;
mod widgets;

use eframe::egui::{self, RichText};

use super::cache::Cached;
use crate::derived::Derived;
use crate::edit::{Edit, Record, RecordKind, references};
use crate::model::RecordRef;
use crate::state::{Action, Document, ViewState};
use rows::Sort;

#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    document: u64,
    revision: u64,
    kind: RecordKind,
    filter: String,
    sort: Sort,
}

#[derive(Default)]
pub struct EditorView {
    pub kind: RecordKind,
    pub filter: String,
    sort: Sort,
    /// The selected record of each kind.
    selected: std::collections::BTreeMap<RecordKind, usize>,
    /// The id being typed for a rename of the selected actor or source.
    rename: Option<String>,
    /// An actor waiting for the person to confirm its deletion (and its records').
    confirm_delete: Option<String>,
    rows: Cached<RowsKey, Vec<(usize, Vec<String>)>>,
}

impl EditorView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        self.kind_tabs(ui, document);
        let selected = self.selected.get(&self.kind).copied().filter(|&index| index < self.kind.count(scenario));
        self.toolbar(ui, document, view, selected, actions);
        ui.separator();
        let derived = document.derived();
        // The table on the left, the selected record's form on the right.
        let area = ui.available_rect_before_wrap();
        let form_width = (area.width() * 0.46).clamp(340.0, 520.0);
        let table_area = egui::Rect::from_min_max(area.min, egui::pos2(area.right() - form_width - 8.0, area.bottom()));
        let form_area = egui::Rect::from_min_max(egui::pos2(area.right() - form_width, area.top()), area.max);
        let key = RowsKey {
            document: document.id,
            revision: document.revision,
            kind: self.kind,
            filter: self.filter.clone(),
            sort: self.sort,
        };
        let rows = self.rows.get(key, || rows::rows(scenario, self.kind, &self.filter, self.sort));
        let clicked = ui
            .scope_builder(egui::UiBuilder::new().max_rect(table_area), |ui| {
                ui.set_clip_rect(table_area.intersect(ui.clip_rect()));
                egui::ScrollArea::horizontal()
                    .id_salt("records_horizontal")
                    .auto_shrink([false, false])
                    .show(ui, |ui| table::ui(ui, self.kind, rows, &mut self.sort, selected, derived))
                    .inner
            })
            .inner;
        if let Some(clicked) = clicked {
            self.selected.insert(self.kind, clicked);
            self.rename = None;
            // The Inspector follows: an actor is selected, another record is picked (and its actor selected).
            let picked = match self.kind {
                RecordKind::Energy => Some(RecordRef::Energy(clicked)),
                RecordKind::Sanctions => Some(RecordRef::Sanctions(clicked)),
                RecordKind::Tie => Some(RecordRef::Tie(clicked)),
                RecordKind::Vote => Some(RecordRef::Vote(clicked)),
                RecordKind::Event => Some(RecordRef::Event(clicked)),
                _ => None,
            };
            if let Some(record) = picked {
                actions.push(Action::SelectRecord(record));
            } else if let Some(Record::Actor(actor)) = Record::get(scenario, self.kind, clicked) {
                actions.push(Action::Select { id: actor.id, additive: false });
            }
        }
        ui.scope_builder(egui::UiBuilder::new().max_rect(form_area), |ui| {
            ui.set_clip_rect(form_area.intersect(ui.clip_rect()));
            egui::ScrollArea::vertical().id_salt("record_form").auto_shrink([false, false]).show(
                ui,
                |ui| match selected {
                    Some(index) => self.form_ui(ui, document, derived, index, actions),
                    None => {
                        ui.add_space(8.0);
                        ui.weak(format!("Select a row to edit it, or add a new {}.", self.kind.noun()));
                    }
                },
            );
        });
        ui.allocate_rect(area, egui::Sense::hover());
        if let Some(id) = self.confirm_delete.clone() {
            self.confirm_delete_ui(ui.ctx(), document, &id, actions);
        }
    }

    /// Shows record `index` of the current kind (for tests and for records picked elsewhere).
    pub fn select(&mut self, kind: RecordKind, index: usize) {
        self.kind = kind;
        self.selected.insert(kind, index);
        self.rename = None;
    }

    fn kind_tabs(&mut self, ui: &mut egui::Ui, document: &Document) {
        ui.horizontal_wrapped(|ui| {
            for kind in RecordKind::ALL {
                let label = format!("{} ({})", kind.plural_title(), kind.count(&document.scenario));
                if ui.selectable_label(self.kind == kind, label).clicked() && self.kind != kind {
                    self.kind = kind;
                    self.sort = Sort::default();
                    self.rename = None;
                }
            }
        });
    }

    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        view: &ViewState,
        selected: Option<usize>,
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("any column").desired_width(180.0))
                .labelled_by(label.id);
            ui.separator();
            let noun = self.kind.noun();
            if ui.button(format!("New {noun}")).on_hover_text(format!("Add a {noun} and edit it")).clicked() {
                let actors: Vec<String> = view.selection.iter().cloned().collect();
                let record = new_records::new_record(scenario, self.kind, &actors, view.chart_year(scenario));
                actions.push(Action::edit(Edit::Add(record)));
                self.selected.insert(self.kind, self.kind.count(scenario));
                self.filter.clear();
            }
            let Some(index) = selected else { return };
            if ui.button("Duplicate").on_hover_text(format!("Add a copy of this {noun} after it")).clicked() {
                actions.push(Action::edit(Edit::Duplicate { kind: self.kind, index }));
                self.selected.insert(self.kind, index + 1);
            }
            if ui.button("Delete").on_hover_text(format!("Delete this {noun} (Ctrl+Z brings it back)")).clicked() {
                match Record::get(scenario, self.kind, index) {
                    Some(Record::Actor(actor)) => self.confirm_delete = Some(actor.id),
                    _ => {
                        actions.push(Action::edit(Edit::Delete { kind: self.kind, indices: vec![index] }));
                        self.selected.remove(&self.kind);
                    }
                }
            }
            if self.kind == RecordKind::StoryStep {
                self.story_order_buttons(ui, scenario.story.len(), index, actions);
            }
        });
    }

    fn story_order_buttons(&mut self, ui: &mut egui::Ui, steps: usize, index: usize, actions: &mut Vec<Action>) {
        if ui.add_enabled(index > 0, egui::Button::new("Move up")).clicked() {
            actions.push(Action::edit(Edit::MoveStep { from: index, to: index - 1 }));
            self.selected.insert(self.kind, index - 1);
        }
        if ui.add_enabled(index + 1 < steps, egui::Button::new("Move down")).clicked() {
            actions.push(Action::edit(Edit::MoveStep { from: index, to: index + 1 }));
            self.selected.insert(self.kind, index + 1);
        }
    }

    fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        derived: &Derived,
        index: usize,
        actions: &mut Vec<Action>,
    ) {
        let scenario = &document.scenario;
        let Some(original) = Record::get(scenario, self.kind, index) else { return };
        ui.add_space(6.0);
        ui.label(RichText::new(format!("{} {}", capitalised(self.kind.noun()), index + 1)).heading());
        self.id_ui(ui, &original, actions);
        let problems = derived.problems_of(self.kind.field(), index);
        let mut form = widgets::Form::new(scenario, problems, &format!("{}[{index}]", self.kind.field()));
        let mut edited = original.clone();
        forms::record_form(ui, &mut form, &mut edited);
        if edited != original {
            let what = form.changed.unwrap_or("fields").to_owned();
            actions.push(Action::edit(Edit::Set { index, record: edited, what }));
        }
    }

    /// An actor's or source's id, with Rename: changing it here changes every reference to it.
    fn id_ui(&mut self, ui: &mut egui::Ui, record: &Record, actions: &mut Vec<Action>) {
        let id = match record {
            Record::Actor(actor) => &actor.id,
            Record::Source(source) => &source.id,
            _ => return,
        };
        ui.horizontal(|ui| {
            ui.label("Id");
            match &mut self.rename {
                None => {
                    ui.label(RichText::new(id).monospace().strong());
                    if ui.button("Rename…").on_hover_text("Change the id everywhere it is used").clicked() {
                        self.rename = Some(id.clone());
                    }
                }
                Some(new_id) => {
                    let field = ui.add(egui::TextEdit::singleline(new_id).desired_width(120.0));
                    let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
                    if ui.button("Rename").clicked() || entered {
                        let (from, to) = (id.clone(), new_id.trim().to_owned());
                        actions.push(Action::edit(match record {
                            Record::Actor(_) => Edit::RenameActor { from, to },
                            _ => Edit::RenameSource { from, to },
                        }));
                        self.rename = None;
                    } else if ui.button("Cancel").clicked() {
                        self.rename = None;
                    }
                }
            }
        });
    }

    /// Asks before deleting an actor, listing the records that go with it and those it is only dropped from.
    fn confirm_delete_ui(&mut self, ctx: &egui::Context, document: &Document, id: &str, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        let found = references::actor_references(scenario, id);
        let (essential, mentions): (Vec<_>, Vec<_>) = found.iter().partition(|reference| reference.essential);
        let name = scenario.actor_name(id).to_owned();
        egui::Window::new(format!("Delete {name}?"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                if essential.is_empty() {
                    ui.label(format!("No record has {name} as one of its ends."));
                } else {
                    ui.label(format!(
                        "These {} records have {name} as one of their ends and are deleted too:",
                        essential.len()
                    ));
                    for reference in &essential {
                        ui.label(format!("  {} {} ({})", reference.kind.noun(), reference.index + 1, reference.field));
                    }
                }
                if !mentions.is_empty() {
                    ui.label(format!("{name} is also dropped from {} lists:", mentions.len()));
                    for reference in &mentions {
                        ui.label(format!("  {} {} ({})", reference.kind.noun(), reference.index + 1, reference.field));
                    }
                }
                ui.weak("Ctrl+Z brings everything back.");
                ui.horizontal(|ui| {
                    let delete = match essential.len() {
                        0 => format!("Delete {name}"),
                        count => format!("Delete {name} and {count} records"),
                    };
                    if ui.button(delete).clicked() {
                        actions.push(Action::edit(Edit::DeleteActor { id: id.to_owned() }));
                        self.selected.remove(&RecordKind::Actor);
                        self.confirm_delete = None;
                    }
                    if ui.button("Cancel").clicked() {
                        self.confirm_delete = None;
                    }
                });
            });
    }
}

fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters.next().map_or_else(String::new, |first| first.to_uppercase().chain(characters).collect())
}
