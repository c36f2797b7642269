//! The app shell driven through egui_kittest, by the labels a person sees.

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{self, Queryable};
use geodep::app::{Action, GeoDepApp, Settings, Startup};
use geodep::edit::Edit;

use crate::common;

fn harness(startup: Startup) -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(Settings::default(), startup);
        app.disable_native_dialogs();
        app
    });
    harness.run();
    harness
}

fn write(folder: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

const SMALL_SCENARIO: &str = r#"Scenario(
    format: 1,
    title: "Two neighbours",
    actors: [
        Actor(id: "SRB", name: "Serbia", local_name: "Србија", kind: State),
        Actor(id: "HUN", name: "Hungary", kind: State),
    ],
)
"#;

const BROKEN_SCENARIO: &str = r#"Scenario(
    format: 1,
    title: "Broken",
    actors: [
        Actor(id: "SRB", name: "Serbia", kind: State),
        Actor(id: "RUS", name: "Russia", kind: State),
    ],
    energy: [
        EnergyFlow(supplier: "RUSS", consumer: "SRB", commodity: Gas, share: 0.9, year: 2022),
    ],
)
"#;

#[test]
fn bundled_scenario_lists_its_actors_by_name() {
    let harness = harness(Startup::Bundled);
    harness.get_by_label("Serbia");
    harness.get_by_label("Russia");
    let title = harness.state().document.scenario.title.clone();
    assert!(title.contains("Serbia"), "bundled title: {title}");
    harness.get_by_label(&title);
}

#[test]
fn search_narrows_the_actor_list() {
    let mut harness = harness(Startup::Bundled);
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_label("Search").type_text("russ");
    harness.run();
    harness.get_by_label("Russia");
    assert!(harness.query_by_label("Serbia").is_none(), "Serbia should be filtered out");
    harness.get_by_label("Search").type_text("zzz");
    harness.run();
    harness.get_by_label("No actor matches the search.");
}

#[test]
fn a_long_actor_list_draws_only_the_rows_in_view_and_folds_under_its_header() {
    let folder = tempfile::tempdir().unwrap();
    let request = geodep::synthetic::Request { states: 2_000, ties: 2_000, energy_flows: Some(0), seed: 1 };
    let scenario = geodep::synthetic::generate(&request).unwrap();
    let path = write(folder.path(), "large.ron", &geodep::io::to_canonical_text(&scenario));
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(Settings::default(), Startup::File(path));
        app.disable_native_dialogs();
        app
    });
    // The graph behind the list lays itself out for many frames: steps, not `run`, which waits for it to end.
    let settle = |harness: &mut Harness<'static, GeoDepApp>| harness.run_steps(4);
    // The file is read in the background: wait for it.
    for _ in 0..200 {
        if harness.query_by_label("States (2000)").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.get_by_label("States (2000)");
    // The first states by name are listed; the panel shows a screenful, not two thousand rows.
    harness.get_by_label("State 1");
    // Rows of the list, not the graph's nodes ("State 1, graph node") that screen readers are told of.
    let is_row = |node: &kittest::AccessKitNode<'_>| {
        node.label().is_some_and(|label| label.starts_with("State ") && !label.contains("graph node"))
    };
    let rows = harness.query_all(kittest::By::new().predicate(is_row)).count();
    assert!((10..200).contains(&rows), "{rows} state rows drawn");
    // One far down the list is reached by searching.
    assert!(harness.query_by_label("State 1999").is_none());
    harness.get_by_label("Search").click();
    settle(&mut harness);
    harness.get_by_label("Search").type_text("state 1999");
    settle(&mut harness);
    harness.get_by_label("State 1999");
    // A click on the header folds the kind away, and another unfolds it.
    harness.get_by_label("States (1)").click();
    settle(&mut harness);
    assert!(harness.query_by_label("State 1999").is_none());
    harness.get_by_label("States (1)").click();
    settle(&mut harness);
    harness.get_by_label("State 1999");
}

#[test]
fn clicking_an_actor_selects_it_and_shows_its_details() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(folder.path(), "neighbours.ron", SMALL_SCENARIO);
    let mut harness = harness(Startup::File(path));
    harness.get_by_label("Serbia").click();
    harness.run();
    assert!(harness.state().view.is_selected("SRB"));
}

/// Types `path` into File > Open by typing a path…, and opens it.
fn open_by_typing(harness: &mut Harness<'static, GeoDepApp>, path: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open by typing a path…").click();
    harness.run();
    harness.get_by_label("File path").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("File path").type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
}

#[test]
fn a_file_with_errors_opens_with_every_problem_listed_to_be_fixed_here() {
    let folder = tempfile::tempdir().unwrap();
    let broken = write(folder.path(), "broken.ron", BROKEN_SCENARIO);
    let mut harness = harness(Startup::Bundled);
    open_by_typing(&mut harness, &broken);

    assert_eq!(harness.state().document.scenario.title, "Broken", "the file opens");
    harness.get_by_label("1 error, 1 warning in broken.ron");
    harness.get_by_label("Energy flow 1, supplier: unknown actor \"RUSS\"; did you mean \"RUS\"?");
    harness.get_by_label("line 9, col 20");
    harness.get_by_label_contains("with 1 error to fix");

    // Fixed in the app, the problem goes.
    let mut flow = harness.state().document.scenario.energy[0].clone();
    flow.supplier = "RUS".into();
    let ctx = harness.ctx.clone();
    let edit = Edit::Set { index: 0, record: geodep::edit::Record::Energy(flow), what: "supplier".into() };
    harness.state_mut().apply(&ctx, Action::edit(edit));
    harness.run();
    assert_eq!(harness.state().document.derived().errors, 0);
    assert!(harness.query_by_label_contains("unknown actor").is_none());
}

#[test]
fn a_file_that_does_not_parse_is_shown_as_text_fixed_there_and_opened() {
    let folder = tempfile::tempdir().unwrap();
    let unreadable = BROKEN_SCENARIO.replace("year: 2022),", "year: 2022");
    let broken = write(folder.path(), "broken.ron", &unreadable);
    let mut harness = harness(Startup::Bundled);
    let title_before = harness.state().document.scenario.title.clone();
    open_by_typing(&mut harness, &broken);

    harness.get_by_label("broken.ron does not read as a scenario");
    harness.get_by_label_contains("Line 10, column 5:");
    assert_eq!(harness.state().document.scenario.title, title_before, "the open scenario stays underneath");

    // Fixed in the text view, it opens as unsaved work for that file.
    harness.state_mut().views.text_view.buffer = BROKEN_SCENARIO.replace("\"RUSS\"", "\"RUS\"");
    harness.get_by_label("Check and open").click();
    harness.run();
    let document = &harness.state().document;
    assert_eq!(document.scenario.title, "Broken");
    assert!(document.dirty && document.path.as_deref() == Some(broken.as_path()));
    assert_eq!(document.derived().errors, 0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&broken).unwrap();
    assert_eq!(saved, BROKEN_SCENARIO.replace("\"RUSS\"", "\"RUS\""), "the fixed text is what is saved");
}

#[test]
fn text_still_broken_keeps_the_text_view_with_its_new_errors_and_close_goes_back() {
    let folder = tempfile::tempdir().unwrap();
    let broken = write(folder.path(), "broken.ron", "Scenario(format: 1, title: \"x\",\n  actors: [\n");
    let mut harness = harness(Startup::Bundled);
    open_by_typing(&mut harness, &broken);
    harness.get_by_label("broken.ron does not read as a scenario");
    harness.state_mut().views.text_view.buffer = "Scenario(format: 1, title: \"x\", actors: [)".to_owned();
    harness.get_by_label("Check and open").click();
    harness.run();
    harness.get_by_label("broken.ron does not read as a scenario");
    harness.get_by_label_contains("Line 1, column");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("broken.ron does not read as a scenario").is_none());
    harness.get_by_label("Russia");
}

#[test]
fn open_without_a_native_dialog_offers_the_path_entry() {
    let mut harness = harness(Startup::Bundled);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Open a scenario file");
    harness.get_by_label("File path");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Open a scenario file").is_none());
}

#[test]
fn ctrl_s_saves_to_the_open_file_and_keeps_a_backup() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(folder.path(), "neighbours.ron", SMALL_SCENARIO);
    let mut harness = harness(Startup::File(path.clone()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved, SMALL_SCENARIO, "nothing changed, so every byte is kept");
    let backup = std::fs::read_to_string(folder.path().join("neighbours.ron.bak")).unwrap();
    assert_eq!(backup, SMALL_SCENARIO);
    assert!(!harness.state().document.dirty);
    assert!(harness.state().status.as_ref().is_some_and(|status| status.text.starts_with("Saved")));
}

#[test]
fn a_failed_save_says_why_and_keeps_the_edits() {
    let mut harness = harness(Startup::Bundled);
    harness.state_mut().document.scenario.title = "Edited title".to_owned();
    harness.state_mut().document.dirty = true;
    let target = Path::new("/nonexistent-folder-for-geodep-tests/out.ron").to_owned();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::SaveAs(target));
    harness.run();
    let app = harness.state();
    assert!(app.document.dirty, "the edits must still be marked unsaved");
    assert_eq!(app.document.scenario.title, "Edited title");
    let status = app.status.as_ref().expect("a status message");
    assert!(status.is_error && status.text.starts_with("Not saved:"), "{status:?}");
    harness.get_by_label(&status.text);
}

#[test]
fn new_starts_an_empty_untitled_scenario() {
    let mut harness = harness(Startup::Bundled);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "New Ctrl+N").click();
    harness.run();
    assert!(harness.state().document.scenario.actors.is_empty());
    assert_eq!(harness.state().document.window_title(), "Untitled — GeoDep");
    harness.get_by_label("No actors yet.");
}

#[test]
fn dropping_a_scenario_file_on_the_window_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(folder.path(), "neighbours.ron", SMALL_SCENARIO);
    let mut harness = harness(Startup::Bundled);
    harness.input_mut().dropped_files.push(std::sync::Arc::new(common::DroppedPath(path.clone())));
    harness.run();
    assert_eq!(harness.state().document.path.as_deref(), Some(path.as_path()));
    assert_eq!(harness.state().document.window_title(), "neighbours.ron — GeoDep");
    harness.get_by_label("Two neighbours");
    assert!(harness.query_by_label("Russia").is_none(), "the bundled scenario was replaced");
}

/// A real edit: pin a node where it is, as dragging does.
fn make_an_edit(harness: &mut Harness<'static, GeoDepApp>) {
    let ctx = harness.ctx.clone();
    let position = geodep::model::Position(10.0, 20.0);
    harness.state_mut().apply(&ctx, Action::edit(Edit::PinNode { id: "SRB".into(), position }));
    harness.run();
    assert!(harness.state().document.dirty);
}

#[test]
fn new_with_unsaved_changes_asks_and_cancel_keeps_the_edits() {
    let mut harness = harness(Startup::Bundled);
    make_an_edit(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    let app = harness.state();
    assert!(app.document.dirty && app.document.scenario.layout.contains_key("SRB"), "edits kept");
    assert!(app.document.scenario.title.contains("Serbia"));
    assert!(harness.query_by_label("Unsaved changes").is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().document.window_title(), "Untitled — GeoDep");
}

#[test]
fn save_in_the_prompt_saves_then_opens_the_other_file() {
    let folder = tempfile::tempdir().unwrap();
    let first = write(folder.path(), "first.ron", SMALL_SCENARIO);
    let second = write(folder.path(), "second.ron", &SMALL_SCENARIO.replace("Two neighbours", "Second file"));
    let mut harness = harness(Startup::File(first.clone()));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Action::edit(Edit::PinNode { id: "SRB".into(), position: geodep::model::Position(1.0, 2.0) }));
    harness.state_mut().apply(&ctx, Action::Open(second));
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let saved = geodep::io::load_file(&first).scenario.expect("the first file still loads");
    assert_eq!(saved.layout.get("SRB"), Some(&geodep::model::Position(1.0, 2.0)), "the edit was saved");
    assert_eq!(harness.state().document.scenario.title, "Second file");
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut harness = harness(Startup::Bundled);
    make_an_edit(&mut harness);
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.step();
    let commands = |harness: &Harness<'static, GeoDepApp>| {
        harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map(|output| output.commands.clone())
            .unwrap_or_default()
    };
    assert!(commands(&harness).contains(&egui::ViewportCommand::CancelClose), "the close is held back");
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Discard changes").click();
    harness.step();
    assert!(commands(&harness).contains(&egui::ViewportCommand::Close), "then the window closes");
}

#[test]
fn ctrl_plus_minus_and_zero_scale_everything_and_the_size_is_kept_in_the_settings() {
    let mut harness = harness(Startup::Bundled);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    assert!((harness.state().settings.ui_scale - 1.2).abs() < 1e-4);
    assert!((harness.ctx.zoom_factor() - 1.2).abs() < 1e-4, "the window is drawn at the new size");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run();
    assert!((harness.state().settings.ui_scale - 1.1).abs() < 1e-4);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert_eq!(harness.state().settings.ui_scale, 1.0);
    // The next start draws at the remembered size.
    let settings = Settings { ui_scale: 1.5, ..Settings::default() };
    let mut next = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| GeoDepApp::new(settings.clone(), Startup::Bundled));
    next.run();
    assert!((next.ctx.zoom_factor() - 1.5).abs() < 1e-4);
}

#[test]
fn the_projector_theme_is_black_on_white() {
    let mut harness = harness(Startup::Bundled);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Projector (high contrast)").click();
    harness.run();
    let visuals = harness.ctx.global_style().visuals.clone();
    assert_eq!(visuals.panel_fill, egui::Color32::WHITE);
    assert_eq!(visuals.override_text_color, Some(egui::Color32::BLACK));
    assert_eq!(harness.state().settings.theme, geodep::app::ThemeChoice::Projector);
}

#[test]
fn saving_an_edit_changes_only_the_edited_line_of_a_hand_written_file() {
    let folder = tempfile::tempdir().unwrap();
    let written = "// Neighbours, by hand\nScenario(\n  format: 1,\n  title: \"Two neighbours\",\n\n  actors: [\n    \
                   Actor(id: \"SRB\", name: \"Serbia\", kind: State),\n    Actor(id: \"HUN\", name: \"Hungary\", kind: State),\n  ],\n  \
                   energy: [\n    EnergyFlow(supplier: \"HUN\", consumer: \"SRB\", commodity: Gas, share: 0.10, year: 2023), // small\n  ],\n)\n";
    let path = write(folder.path(), "by-hand.ron", written);
    let mut harness = harness(Startup::File(path.clone()));
    let mut flow = harness.state().document.scenario.energy[0].clone();
    flow.share = 0.25;
    let ctx = harness.ctx.clone();
    let edit = Edit::Set { index: 0, record: geodep::edit::Record::Energy(flow), what: "share".into() };
    harness.state_mut().apply(&ctx, Action::edit(edit));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved, written.replace("share: 0.10,", "share: 0.25,"));
    assert!(!harness.state().document.dirty);
}

#[test]
fn saving_a_scenario_with_errors_asks_first_and_the_saved_file_opens_again() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(folder.path(), "broken.ron", BROKEN_SCENARIO);
    let mut harness = harness(Startup::File(path.clone()));
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::edit(Edit::SetTitle("Retitled".into())));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("The scenario has errors");
    harness.get_by_label("Show problems").click();
    harness.run();
    assert!(harness.query_by_label("The scenario has errors").is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN_SCENARIO, "nothing written yet");
    harness.get_by_label("Energy flow 1, supplier: unknown actor \"RUSS\"; did you mean \"RUS\"?");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("Save anyway").click();
    harness.run();
    assert!(!harness.state().document.dirty);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), BROKEN_SCENARIO.replace("\"Broken\"", "\"Retitled\""));

    drop(harness);
    let reopened = self::harness(Startup::File(path));
    assert_eq!(reopened.state().document.scenario.title, "Retitled", "the app opens what it saved");
}

#[test]
fn the_side_panels_keep_their_width_whatever_is_selected() {
    let mut harness = harness(Startup::Bundled);
    let inspector_left = |harness: &Harness<'static, GeoDepApp>| harness.get_by_label("Inspector").rect().left();
    let width_before = inspector_left(&harness);
    for id in ["nis", "SRB", "XKX", "zakharova", "EU"] {
        harness.state_mut().view.select(id, false);
        harness.run();
        assert_eq!(inspector_left(&harness), width_before, "the Inspector moved when {id} was selected");
    }
}
