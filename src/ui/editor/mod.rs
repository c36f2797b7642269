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
    /// The form's width, set by dragging the divider between table and form; `None`: the default.
    form_width: Option<f32>,
    /// The form is folded away, so that the table has the whole width.
    form_hidden: bool,
}

/// The form's width until the person drags the divider, and the least either side keeps.
const DEFAULT_FORM_WIDTH: f32 = 360.0;
const NARROWEST: f32 = 260.0;
const DIVIDER: f32 = 10.0;

impl EditorView {
    pub fn ui(&mut self, ui: &mut egui::Ui, document: &Document, view: &ViewState, actions: &mut Vec<Action>) {
        let scenario = &document.scenario;
        self.kind_tabs(ui, document);
        let selected = self.selected.get(&self.kind).copied().filter(|&index| index < self.kind.count(scenario));
        self.toolbar(ui, document, view, selected, actions);
        ui.separator();
        let derived = document.derived();
        // The table on the left, the selected record's form on the right, a divider between them to drag.
        let area = ui.available_rect_before_wrap();
        // With no row selected there is no form to show, and the table takes the whole width.
        let (table_area, form_area) = if selected.is_some() { self.split(ui, area) } else { (area, None) };
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
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
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
        let Some(form_area) = form_area else {
            ui.allocate_rect(area, egui::Sense::hover());
            if let Some(id) = self.confirm_delete.clone() {
                self.confirm_delete_ui(ui.ctx(), document, &id, actions);
            }
            return;
        };
        ui.scope_builder(egui::UiBuilder::new().max_rect(form_area), |ui| {
            ui.set_clip_rect(form_area.intersect(ui.clip_rect()));
            egui::ScrollArea::vertical().id_salt("record_form").auto_shrink([false, false]).show(ui, |ui| {
                if let Some(index) = selected {
                    self.form_ui(ui, document, derived, index, actions);
                }
            });
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

    /// The table's and the form's areas (no form while it is folded away), with the divider between them
    /// drawn and dragged.
    fn split(&mut self, ui: &mut egui::Ui, area: egui::Rect) -> (egui::Rect, Option<egui::Rect>) {
        if self.form_hidden {
            return (area, None);
        }
        let widest = (area.width() - NARROWEST - DIVIDER).max(NARROWEST);
        let form_width = self.form_width.unwrap_or(DEFAULT_FORM_WIDTH).clamp(NARROWEST, widest);
        let divider_left = area.right() - form_width - DIVIDER;
        let divider = egui::Rect::from_min_max(
            egui::pos2(divider_left, area.top()),
            egui::pos2(divider_left + DIVIDER, area.bottom()),
        );
        let response = ui
            .interact(divider, ui.scope_id().with("table_form_divider"), egui::Sense::drag())
            .on_hover_cursor(egui::CursorIcon::ResizeHorizontal)
            .on_hover_text("Drag to give the table or the form more room");
        if response.dragged() {
            self.form_width = Some((form_width - response.drag_delta().x).clamp(NARROWEST, widest));
        }
        let colour = if response.hovered() || response.dragged() {
            ui.visuals().widgets.hovered.fg_stroke.color
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke.color
        };
        ui.painter().vline(divider.center().x, divider.y_range(), egui::Stroke::new(2.0, colour));
        let table = egui::Rect::from_min_max(area.min, egui::pos2(divider.left(), area.bottom()));
        let form = egui::Rect::from_min_max(egui::pos2(divider.right(), area.top()), area.max);
        (table, Some(form))
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
            let Some(index) = selected else {
                ui.weak("Select a row to edit it in a form beside the table.");
                return;
            };
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
            ui.separator();
            let (label, tip) = if self.form_hidden {
                ("Show the form", "Edit the selected record beside the table")
            } else {
                ("Hide the form", "Give the table the whole width; drag the divider for any width between")
            };
            if ui.button(label).on_hover_text(tip).clicked() {
                self.form_hidden = !self.form_hidden;
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
