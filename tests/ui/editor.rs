//! The Data tab through egui_kittest: adding, editing, deleting and renaming records, undo and redo, and the
//! problems shown beside a record's fields.

use crate::common;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use geodep::app::GeoDepApp;
use geodep::edit::RecordKind;

use common::bundled_harness;

/// The bundled scenario with the Data tab open on one record kind.
fn data_tab(kind: &str) -> Harness<'static, GeoDepApp> {
    let mut harness = bundled_harness();
    harness.get_by_label("Data").click();
    harness.run_steps(3);
    harness.get_by_label_contains(kind).click();
    harness.run_steps(3);
    harness
}

fn press(harness: &mut Harness<'_, GeoDepApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

fn select(harness: &mut Harness<'_, GeoDepApp>, kind: RecordKind, index: usize) {
    harness.state_mut().views.editor.select(kind, index);
    harness.run_steps(3);
}

/// The text field showing `value` (labels with the same text are not fields).
fn text_field<'a>(harness: &'a Harness<'_, GeoDepApp>, value: &'a str) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_value(value)
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap_or_else(|| panic!("no text field shows {value:?}"))
}

fn actor_index(harness: &Harness<'_, GeoDepApp>, id: &str) -> usize {
    harness.state().document.scenario.actors.iter().position(|actor| actor.id == id).expect("actor exists")
}

#[test]
fn new_adds_a_record_and_undo_and_redo_take_it_back_and_forth() {
    let mut harness = data_tab("Energy flows (16)");
    harness.get_by_label("New energy flow").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.energy.len(), 17);
    assert!(harness.state().document.dirty);
    harness.get_by_label("Energy flow 17");
    harness.get_by_label_contains("Energy flows (17)");
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Undo add energy flow");
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document.scenario.energy.len(), 16);
    assert!(!harness.state().document.dirty, "undone back to the state as opened");
    press(&mut harness, egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    assert_eq!(harness.state().document.scenario.energy.len(), 17);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(harness.state().document.scenario.energy.len(), 17, "Ctrl+Y redoes too");
}

#[test]
fn a_new_record_shows_its_problems_beside_its_fields() {
    let mut harness = data_tab("Energy flows (16)");
    harness.get_by_label("New energy flow").click();
    harness.run_steps(3);
    // A new flow cites no source yet, which `geodep check` reports as a warning.
    harness.get_by_label("warning: energy flow cites no source");
    // In the record's row of the table, and in the status bar's count of the scenario's problems.
    assert_eq!(harness.query_all_by_label("1 warning").count(), 2);
}

#[test]
fn typing_in_a_field_edits_the_record_and_undo_takes_the_whole_typing_back() {
    let mut harness = data_tab("Energy flows (16)");
    select(&mut harness, RecordKind::Energy, 0);
    let route = harness.state().document.scenario.energy[0].route.clone().expect("the first flow has a route");
    text_field(&harness, &route).click();
    harness.run_steps(2);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, &route).type_text("Balkan Stream");
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.energy[0].route.as_deref(), Some("Balkan Stream"));
    assert_eq!(harness.state().document.history.undo_label(), Some("change route of energy flow 1"));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document.scenario.energy[0].route, Some(route), "one step for the whole typing");
}

#[test]
fn delete_removes_a_record_and_undo_brings_it_back() {
    let mut harness = data_tab("Ties (13)");
    let first = harness.state().document.scenario.ties[0].clone();
    select(&mut harness, RecordKind::Tie, 0);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.ties.len(), 12);
    assert_ne!(harness.state().document.scenario.ties[0], first);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document.scenario.ties[0], first);
}

#[test]
fn deleting_an_actor_lists_what_goes_with_it_and_cancel_keeps_everything() {
    let mut harness = data_tab("Actors (25)");
    let bulgaria = actor_index(&harness, "BGR");
    let before = harness.state().document.scenario.clone();
    select(&mut harness, RecordKind::Actor, bulgaria);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    harness.get_by_label("Delete Bulgaria?");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario, before);

    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Delete Bulgaria and").click();
    harness.run_steps(3);
    let scenario = &harness.state().document.scenario;
    assert!(scenario.actor("BGR").is_none());
    assert!(scenario.energy.iter().all(|flow| flow.consumer != "BGR" && !flow.via.contains(&"BGR".to_owned())));
    assert!(scenario.sanctions.iter().all(|stance| stance.by != "BGR"));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document.scenario, before, "one undo brings the actor and its records back");
}

#[test]
fn renaming_an_actor_changes_every_reference() {
    let mut harness = data_tab("Actors (25)");
    let russia = actor_index(&harness, "RUS");
    harness.state_mut().view.select("RUS", false);
    select(&mut harness, RecordKind::Actor, russia);
    harness.get_by_label("Rename…").click();
    harness.run_steps(3);
    text_field(&harness, "RUS").click();
    harness.run_steps(2);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "RUS").type_text("RU");
    harness.run_steps(2);
    harness.get_by_label("Rename").click();
    harness.run_steps(3);
    let scenario = &harness.state().document.scenario;
    assert!(scenario.actor("RUS").is_none());
    assert!(scenario.actor("RU").is_some());
    assert!(scenario.energy.iter().any(|flow| flow.supplier == "RU"));
    assert!(scenario.energy.iter().all(|flow| flow.supplier != "RUS"));
    assert!(scenario.sanctions.iter().all(|stance| stance.target != "RUS"));
    assert!(harness.state().view.is_selected("RU"), "the renamed actor stays selected");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(harness.state().document.scenario.actor("RUS").is_some());
    assert!(harness.state().view.is_selected("RUS"), "undoing the rename selects the actor by its old id");
    assert!(harness.query_by_label_contains("No actor with id").is_none(), "the Inspector shows the actor");
    harness.get_by_label_contains("· id RUS");
    press(&mut harness, egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    assert!(harness.state().view.is_selected("RU"), "and redoing it, by its new one");
}

#[test]
fn edits_saved_and_reopened_are_intact() {
    let mut harness = data_tab("Energy flows (16)");
    harness.get_by_label("New energy flow").click();
    harness.run_steps(3);
    select(&mut harness, RecordKind::Tie, 0);
    harness.state_mut().views.editor.kind = RecordKind::Tie;
    harness.run_steps(2);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("edited.ron");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, geodep::app::Action::SaveAs(path.clone()));
    harness.run_steps(3);
    assert!(!harness.state().document.dirty);
    let reopened = geodep::io::load_file(&path).scenario.expect("the saved file opens");
    assert_eq!(reopened, harness.state().document.scenario);
    assert_eq!(reopened.energy.len(), 17);
    assert_eq!(reopened.ties.len(), 12);
}

#[test]
fn every_field_of_a_vote_and_an_actor_has_a_widget() {
    let mut harness = data_tab("Votes (5)");
    select(&mut harness, RecordKind::Vote, 0);
    // Fields the table does not also show as a column heading.
    for label in ["Body", "Official totals", "Note"] {
        harness.get_by_label(label);
    }
    harness.get_by_label_contains("Actors (25)").click();
    harness.run_steps(3);
    select(&mut harness, RecordKind::Actor, 0);
    for label in ["Location", "Region (UN M49)", "Sub-region", "Members", "Dated memberships", "Note"] {
        harness.get_by_label(label);
    }
}

#[test]
fn a_story_step_gets_a_shock_from_its_form_and_undo_takes_it_back() {
    let mut harness = data_tab("Story (8)");
    select(&mut harness, RecordKind::StoryStep, 1);
    for label in ["Speaker notes", "Shock", "Camera", "Filters"] {
        harness.get_by_label(label);
    }
    harness.get_by_label("None: everything in the layers is shown");
    let kind = harness.get_all_by_value("None").next().expect("the shock's kind shows None");
    kind.scroll_to_me();
    harness.run_steps(3);
    harness.get_all_by_value("None").next().expect("still there").click();
    harness.run_steps(3);
    harness.get_by_label("Close a transit country").click();
    harness.run_steps(3);
    let first_actor = harness.state().document.scenario.actors[0].id.clone();
    let shock = harness.state().document.scenario.story[1].shock.clone();
    assert_eq!(shock, Some(geodep::model::StoryShock::CloseTransit { actor: first_actor }));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(harness.state().document.scenario.story[1].shock, None);
}

#[test]
fn a_forms_rows_are_as_tall_as_their_fields_not_as_the_form() {
    // A multi-line field or a drop-down placed straight in a grid cell once took all the height below it.
    let mut harness = data_tab("Story (8)");
    select(&mut harness, RecordKind::StoryStep, 0);
    harness.run_steps(5);
    let top = harness.get_by_label("Speaker notes").rect().top();
    let bottom = harness.get_by_label("Filters").rect().top();
    assert!(bottom - top < 500.0, "from the notes to the filters the form spans {} points", bottom - top);
}

#[test]
fn the_energy_table_shows_basis_year_and_route_and_the_form_folds_away() {
    let mut harness = data_tab("Energy flows (16)");
    for heading in ["Share", "Basis", "Route"] {
        harness.get_by_label(heading);
    }
    assert_eq!(harness.query_all_by_label("Year").count(), 2, "the column, beside the app-wide year picker");
    harness.get_by_label("Select a row to edit it in a form beside the table.");
    select(&mut harness, RecordKind::Energy, 0);
    harness.get_by_label("Energy flow 1");
    harness.get_by_label("Hide the form").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Energy flow 1").is_none(), "the form is folded away");
    harness.get_by_label("Show the form").click();
    harness.run_steps(3);
    harness.get_by_label("Energy flow 1");
}

#[test]
fn the_actor_picker_searches_as_you_type_and_lists_recent_choices_first() {
    let mut harness = data_tab("Energy flows (16)");
    select(&mut harness, RecordKind::Energy, 0);
    let supplier = harness.state().document.scenario.energy[0].supplier.clone();
    assert_eq!(supplier, "RUS");
    harness.get_by_value("Russia (RUS)").click();
    harness.run_steps(3);
    let search = egui_kittest::kittest::by().role(egui::accesskit::Role::TextInput).predicate(|node| node.is_focused());
    harness.get(search).type_text("hung");
    harness.run_steps(3);
    assert!(harness.query_by_label("Serbia (SRB)").is_none(), "the list narrows as you type, and stays open");
    harness.get_by_label("Hungary (HUN)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.energy[0].supplier, "HUN");

    harness.get_by_value("Hungary (HUN)").click();
    harness.run_steps(3);
    let labels: Vec<String> = harness
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    let place = |label: &str| labels.iter().position(|other| other == label);
    assert!(place("Hungary (HUN)") < place("Serbia (SRB)"), "the recent choice before the first actor: {labels:?}");
}

#[test]
fn shares_adding_up_to_over_100_percent_show_on_the_record_just_edited() {
    let mut harness = data_tab("Energy flows (16)");
    select(&mut harness, RecordKind::Energy, 0);
    let mut flow = harness.state().document.scenario.energy[0].clone();
    flow.share = 0.92;
    let ctx = harness.ctx.clone();
    let edit = geodep::edit::Edit::Set { index: 0, record: geodep::edit::Record::Energy(flow), what: "share".into() };
    harness.state_mut().apply(&ctx, geodep::app::Action::edit(edit));
    harness.run_steps(3);
    // The validator files it under the group's last record (own production); the form of the edited one shows it.
    harness.get_by_label_contains("add up to 110% (energy flow 1 92% + energy flow 2 18%)");
    assert_eq!(harness.state().document.derived().errors, 1, "counted once");
}

#[test]
fn a_region_typed_in_the_form_is_set_and_one_step_to_undo() {
    let mut harness = data_tab("Actors (25)");
    let serbia = actor_index(&harness, "SRB");
    let mut actor = harness.state().document.scenario.actors[serbia].clone();
    actor.region = Some("Europ".into());
    let ctx = harness.ctx.clone();
    let edit = geodep::edit::Edit::Set { index: serbia, record: geodep::edit::Record::Actor(actor), what: "x".into() };
    harness.state_mut().apply(&ctx, geodep::app::Action::edit(edit));
    select(&mut harness, RecordKind::Actor, serbia);
    text_field(&harness, "Europ").click();
    harness.run_steps(2);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::A);
    text_field(&harness, "Europ").type_text("Europe");
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.actors[serbia].region.as_deref(), Some("Europe"));
    let undo = format!("change region of actor {}", serbia + 1);
    assert_eq!(harness.state().document.history.undo_label(), Some(undo.as_str()));
}

#[test]
fn a_dated_membership_shows_in_the_form_and_the_inspector_with_its_dates() {
    let mut harness = data_tab("Actors (25)");
    let nato = actor_index(&harness, "NATO");
    let mut actor = harness.state().document.scenario.actors[nato].clone();
    actor.members.retain(|member| member != "MKD");
    actor.memberships = vec![geodep::model::Membership {
        member: "MKD".into(),
        from: Some("2020-03-27".into()),
        sources: vec![harness.state().document.scenario.sources[0].id.clone()],
        ..Default::default()
    }];
    let ctx = harness.ctx.clone();
    let edit = geodep::edit::Edit::Set { index: nato, record: geodep::edit::Record::Actor(actor), what: "x".into() };
    harness.state_mut().apply(&ctx, geodep::app::Action::edit(edit));
    harness.state_mut().view.select("NATO", false);
    select(&mut harness, RecordKind::Actor, nato);
    harness.run_steps(3);
    text_field(&harness, "2020-03-27");
    harness.get_by_label("Members with dates:");
    harness.get_by_label_contains("(from 2020-03-27)");
    assert_eq!(harness.state().document.derived().errors, 0);
}

#[test]
fn a_story_steps_route_and_span_of_years_have_fields_in_its_form() {
    let mut harness = data_tab("Story (8)");
    select(&mut harness, RecordKind::StoryStep, 1);
    harness.get_by_label("Route");
    harness.get_by_label("Years played");
    let route = harness.state().document.scenario.story[1].route.clone().expect("step 2 names its route");
    assert!(harness.get_all_by_value(&route).next().is_some(), "the route is shown");
    assert_eq!(harness.state().document.scenario.story[1].years, None);
    let span = harness.get_by_label("Play these years when the step is shown");
    span.scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("Play these years when the step is shown").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.story[1].years, Some((2021, 2023)));
}
