//! The Inspector: a right-hand panel showing each selected actor and every record that involves it, with
//! the sources each record cites. Records of years other than the app-wide one are listed greyed under the
//! same heading, so nothing is hidden.

mod records;
pub(crate) mod row;

use eframe::egui::{self, RichText};

use crate::derived::Derived;
use crate::model::{Actor, RecordRef, Scenario};
use crate::state::{Action, ViewState};

use super::style;
use records::Group;
use row::Row;

/// Shown when nothing is selected.
pub const HINT: &str = "Select an actor in the list or on the graph to see every record that involves it. \
                        Shift-click adds to the selection.";

/// Draws the Inspector as a resizable right side panel.
pub fn ui(ui: &mut egui::Ui, scenario: &Scenario, derived: &Derived, view: &ViewState, actions: &mut Vec<Action>) {
    egui::Panel::right("inspector").resizable(true).default_size(300.0).min_size(220.0).show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading("Inspector");
            if !view.selection.is_empty()
                && ui.button("Clear selection").on_hover_text("Deselect every actor").clicked()
            {
                actions.push(Action::ClearSelection);
            }
        });
        ui.separator();
        // Scrolling both ways, so that a long row can never widen the panel and move it under the pointer.
        egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
            contents_ui(ui, scenario, derived, view, actions);
        });
    });
}

fn contents_ui(ui: &mut egui::Ui, scenario: &Scenario, derived: &Derived, view: &ViewState, actions: &mut Vec<Action>) {
    if view.selection.is_empty() {
        ui.label(HINT);
        return;
    }
    if let Some(year) = view.year {
        ui.weak(format!("Records of {year} first; records of other years greyed."));
    }
    for (index, id) in view.selection.iter().enumerate() {
        if index > 0 {
            ui.add_space(6.0);
            ui.separator();
        }
        match scenario.actor(id) {
            Some(actor) => actor_section(ui, scenario, derived, actor, view.year, view.highlighted_record, actions),
            None => {
                ui.weak(format!("No actor with id {id} in this scenario."));
            }
        }
    }
}

fn actor_section(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    derived: &Derived,
    actor: &Actor,
    year: Option<i32>,
    highlighted: Option<RecordRef>,
    actions: &mut Vec<Action>,
) {
    actor_header(ui, scenario, derived, actor, actions);
    let groups = records::groups(scenario, derived.records_of(&actor.id), &actor.id, year);
    if groups.iter().all(|group| group.rows.is_empty()) {
        ui.add_space(4.0);
        ui.weak("No records involve this actor.");
    }
    for group in groups.iter().filter(|group| !group.rows.is_empty()) {
        group_ui(ui, scenario, group, highlighted, actions);
    }
}

fn actor_header(ui: &mut egui::Ui, scenario: &Scenario, derived: &Derived, actor: &Actor, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
    ui.label(RichText::new(&actor.name).heading().strong());
    if let Some(local_name) = &actor.local_name {
        ui.label(RichText::new(local_name).size(17.0));
    }
    ui.weak(format!("{} · id {}", actor.kind.label(), actor.id));
    if let Some(note) = &actor.note {
        ui.label(note);
    }
    let members: Vec<&str> = actor.members.iter().map(String::as_str).collect();
    let blocs: Vec<&str> = derived.member_of.get(&actor.id).into_iter().flatten().map(String::as_str).collect();
    row::labelled_actors(ui, scenario, "Members:", &members, actions);
    memberships_ui(ui, scenario, actor, actions);
    row::labelled_actors(ui, scenario, "Member of:", &blocs, actions);
    if !actor.groups.is_empty() {
        ui.label(format!("Groups: {}", actor.groups.join(", ")));
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.weak("Sources: ");
        row::sources_ui(ui, scenario, &actor.sources);
    });
}

/// The dated memberships, one a line: the member, its status and dates, its sources (the note on hover).
fn memberships_ui(ui: &mut egui::Ui, scenario: &Scenario, actor: &Actor, actions: &mut Vec<Action>) {
    if actor.memberships.is_empty() {
        return;
    }
    let heading = if actor.members.is_empty() { "Members:" } else { "Members with dates:" };
    ui.label(heading);
    for membership in &actor.memberships {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.add_space(12.0);
            row::actor_link(ui, scenario, &membership.member, actions);
            let described = ui.weak(format!(" ({}) ", membership.describe()));
            if let Some(note) = &membership.note {
                described.on_hover_text(note);
            }
            row::sources_ui(ui, scenario, &membership.sources);
        });
    }
}

fn group_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    group: &Group<'_>,
    highlighted: Option<RecordRef>,
    actions: &mut Vec<Action>,
) {
    style::section_heading(ui, &format!("{} ({})", group.title, group.rows.len()));
    let (current, other): (Vec<&Row<'_>>, Vec<&Row<'_>>) = group.rows.iter().partition(|row| row.current);
    for row in current {
        highlighted_row_ui(ui, scenario, row, highlighted, actions);
    }
    if !other.is_empty() {
        ui.label(RichText::new(format!("Other years ({})", other.len())).small().weak());
        for row in other {
            highlighted_row_ui(ui, scenario, row, highlighted, actions);
        }
    }
}

/// A row, framed and scrolled into view when it is the record picked in a chart or the timeline.
fn highlighted_row_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    row: &Row<'_>,
    highlighted: Option<RecordRef>,
    actions: &mut Vec<Action>,
) {
    if row.record.is_none() || row.record != highlighted {
        row::row_ui(ui, scenario, row, actions);
        return;
    }
    let frame = egui::Frame::group(ui.style())
        .stroke(ui.visuals().selection.stroke)
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.25));
    let response = frame.show(ui, |ui| {
        ui.label(RichText::new("Picked record").small().strong());
        row::row_ui(ui, scenario, row, actions);
    });
    // Scroll to a newly picked record once, then leave the scrolling to the person.
    let scrolled_to = egui::Id::NULL.with("inspector scrolled to record");
    if ui.data(|data| data.get_temp::<RecordRef>(scrolled_to)) != highlighted {
        response.response.scroll_to_me(Some(egui::Align::Center));
        ui.data_mut(|data| data.insert_temp(scrolled_to, row.record.expect("checked above")));
    }
}
