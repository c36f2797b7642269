//! File → Import… and File → Export… driven through egui_kittest, by the labels a person sees: files added by
//! typing (no native dialog in tests), the import run in the background with its report shown, and the view
//! exported as an image.

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use geodep::app::GeoDepApp;

use crate::common;

/// Draws frames until the import or export running in the background is done (a minute at most).
fn draw_until_done(harness: &mut Harness<'_, GeoDepApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    harness.run_steps(2);
    while harness.state().import_or_export_busy() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(4);
}

fn type_path(harness: &mut Harness<'_, GeoDepApp>, path: &Path, confirm: &str) {
    harness.get_by_label("File path").click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("File path").type_text(&path.display().to_string());
    harness.run_steps(2);
    harness.get_by_label(confirm).click();
    harness.run_steps(3);
}

fn open_import_window(harness: &mut Harness<'_, GeoDepApp>) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Import…").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Import into a new scenario").is_some(), "the import window opens");
}

#[test]
fn files_are_added_listed_and_removed_and_a_file_of_no_known_format_is_reported_refused() {
    let folder = tempfile::tempdir().unwrap();
    let notes = folder.path().join("notes.bin");
    std::fs::write(&notes, b"\x00\x01 not a table").unwrap();
    let mut harness = common::bundled_harness();
    open_import_window(&mut harness);
    assert!(harness.query_by_label_contains("No files yet").is_some());
    assert!(harness.get_by_label("Import").accesskit_node().is_disabled(), "nothing to import yet");

    harness.get_by_label("Add files…").click();
    harness.run_steps(3);
    type_path(&mut harness, &notes, "Add");
    assert!(harness.query_by_label("notes.bin").is_some(), "the file is listed");

    harness.get_by_label("Import").click();
    draw_until_done(&mut harness);
    assert!(harness.query_by_label("notes.bin (unknown format)").is_some(), "the report names the file");
    assert!(harness.query_by_label_contains("Refused: not a format GeoDep imports").is_some());
    let title = harness.state().document.scenario.title.clone();
    assert!(title.starts_with("Serbia"), "nothing replaces the open scenario until asked: {title}");

    harness.get_by_label("Remove").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("notes.bin").is_none(), "the file is off the list");
    assert!(harness.query_by_label("Report").is_none(), "the report of the old list is gone");
}

#[test]
fn ctrl_i_opens_the_import_window_and_closing_it_keeps_the_scenario() {
    let mut harness = common::bundled_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    harness.run_steps(3);
    assert!(harness.query_by_label("Import into a new scenario").is_some());
    harness.get_by_label("Close window").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Import into a new scenario").is_none());
}

#[test]
fn export_writes_the_current_view_as_a_png_named_by_the_person() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("serbia-graph.png");
    let mut harness = common::bundled_harness();
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Export…").click();
    harness.run_steps(3);
    type_path(&mut harness, &out, "Export");
    draw_until_done(&mut harness);
    let bytes = std::fs::read(&out).expect("the PNG was written");
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(harness.query_by_label_contains("Wrote the Graph to").is_some(), "the status bar says what was written");
}

#[test]
fn another_tools_file_dropped_on_the_window_is_offered_for_import_and_replaces_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let network = folder.path().join("network.gexf");
    std::fs::write(&network, "<gexf/>").unwrap();
    let mut harness = common::bundled_harness();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(common::DroppedPath(network.clone())));
    harness.run_steps(4);
    assert!(harness.query_by_label("Import into a new scenario").is_some(), "the import window opens");
    assert!(harness.query_by_label("network.gexf").is_some(), "with the file listed");
    assert!(harness.state().document.scenario.title.starts_with("Serbia"), "the open scenario stays");
    assert!(harness.state().document.path.is_none());
}

#[test]
fn a_eurostat_table_imported_opens_as_a_new_unsaved_scenario() {
    let table = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exchange/eurostat-nrg_ti_gasm-extract.tsv");
    let mut harness = common::bundled_harness();
    open_import_window(&mut harness);
    harness.get_by_label("Add files…").click();
    harness.run_steps(3);
    type_path(&mut harness, &table, "Add");
    harness.get_by_label("Import").click();
    draw_until_done(&mut harness);
    assert!(harness.query_by_label("Mapped 5 actors, 8 energy flows").is_some());
    assert!(harness.query_by_label_contains("volumes in MIO_M3 (million cubic metres) became bcm").is_some());
    assert!(harness.query_by_label("The new scenario: 0 error(s), 0 warning(s)").is_some());

    harness.get_by_label("Open as new scenario").click();
    harness.run_steps(4);
    let document = &harness.state().document;
    assert_eq!(document.scenario.title, "Imported from eurostat-nrg_ti_gasm-extract.tsv");
    assert!(document.dirty && document.path.is_none(), "new work, to be saved");
    assert_eq!(document.scenario.energy.len(), 8);
    assert!(harness.query_by_label("Import into a new scenario").is_none(), "the window closes");
    assert!(harness.query_by_label("Bulgaria").is_some(), "the actors list shows the imported actors");
}
