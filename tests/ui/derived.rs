//! The problems of the scenario as it is now, and files read in the background, through egui_kittest: an edit
//! that makes an error shows in the status bar and the Problems panel at once, and undo takes it away; a file
//! that is slow to read leaves the window drawing, with the open scenario kept whole until the new one is ready.

use crate::common;

use std::io::Read;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{Action, GeoDepApp};
use geodep::edit::{Edit, Record};

/// Sets the first energy flow's supplier to an actor the scenario does not have: one new error.
fn misspell_the_first_supplier(harness: &mut Harness<'_, GeoDepApp>) {
    let mut flow = harness.state().document.scenario.energy[0].clone();
    flow.supplier = "RUSS".to_owned();
    let edit = Edit::Set { index: 0, record: Record::Energy(flow), what: "supplier".to_owned() };
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::edit(edit));
    harness.run();
}

#[test]
fn an_edit_that_makes_an_error_is_counted_and_listed_at_once_and_undo_takes_it_away() {
    let mut harness = common::bundled_harness();
    assert!(harness.query_by_label_contains("error").is_none(), "the bundled scenario has no errors");

    misspell_the_first_supplier(&mut harness);
    let derived = harness.state().document.derived();
    assert_eq!(derived.errors, 1, "{:?}", derived.problems);
    // The bundled scenario's one warning (a part-year oil figure) is counted beside it.
    harness.get_by_label("1 error, 1 warning").click();
    harness.run();
    harness.get_by_label("1 error, 1 warning in serbia-2023.ron (bundled)");
    harness.get_by_label("Energy flow 1, supplier: unknown actor \"RUSS\"; did you mean \"RUS\"?");

    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::Undo);
    harness.run();
    assert_eq!(harness.state().document.derived().errors, 0);
    assert!(harness.query_by_label_contains("1 error").is_none(), "the count is gone from the status bar");
    assert!(
        harness.query_by_label_contains("Energy flow 1, supplier: unknown actor").is_none(),
        "and the problem from the panel"
    );
}

#[test]
fn the_data_tab_marks_the_record_with_the_new_error() {
    let mut harness = common::bundled_harness();
    misspell_the_first_supplier(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::EditRecord { kind: geodep::edit::RecordKind::Energy, index: 0 });
    harness.run_steps(3);
    assert!(
        harness.query_all_by_label_contains("1 error").count() >= 2,
        "the status bar and the record's row both say so"
    );
}

/// A reader that hands out its bytes only when the test says so, to hold a file "being read" for as long as a
/// test needs.
struct GatedReader {
    bytes: Vec<u8>,
    position: usize,
    gate: Receiver<()>,
    opened: bool,
}

impl Read for GatedReader {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if !self.opened {
            // Blocks until the test lets the reading go on.
            let _ = self.gate.recv();
            self.opened = true;
        }
        let count = buffer.len().min(self.bytes.len() - self.position);
        buffer[..count].copy_from_slice(&self.bytes[self.position..self.position + count]);
        self.position += count;
        Ok(count)
    }
}

/// Draws frames until the file being read has been taken in (a minute at most).
fn draw_until_read(harness: &mut Harness<'_, GeoDepApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().files_busy() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn gated(text: &str) -> (GatedReader, Sender<()>) {
    let (release, gate) = channel();
    (GatedReader { bytes: text.as_bytes().to_vec(), position: 0, gate, opened: false }, release)
}

#[test]
fn frames_are_drawn_while_a_slow_file_is_read_and_the_open_scenario_stays_whole() {
    let mut harness = common::bundled_harness();
    let title_before = harness.state().document.scenario.title.clone();
    let other = geodep::library::BUNDLED[1];
    let (reader, release) = gated(other.text);
    let path = std::path::PathBuf::from("/tmp/slow/western-balkans.ron");
    harness.state_mut().open_from_reader(&path, Box::new(reader), Some(other.text.len() as u64));

    let frames_before = harness.ctx.cumulative_frame_nr();
    for _ in 0..5 {
        harness.step();
    }
    assert!(harness.ctx.cumulative_frame_nr() >= frames_before + 5, "the window goes on drawing");
    assert!(harness.state().files_busy());
    harness.get_by_label("Opening western-balkans.ron…");
    assert_eq!(harness.state().document.scenario.title, title_before, "nothing half-loaded is shown");
    harness.get_by_label("Russia");

    release.send(()).unwrap();
    draw_until_read(&mut harness);
    let app = harness.state();
    assert!(!app.files_busy());
    assert_ne!(app.document.scenario.title, title_before);
    assert_eq!(app.document.path.as_deref(), Some(path.as_path()));
    assert!(app.document.derived_is_current());
    assert!(harness.query_by_label("Opening western-balkans.ron…").is_none());
}

#[test]
fn edits_made_while_a_file_is_read_are_not_dropped_without_asking() {
    let mut harness = common::bundled_harness();
    let (reader, release) = gated(geodep::library::BUNDLED[1].text);
    let path = std::path::PathBuf::from("/tmp/slow/other.ron");
    harness.state_mut().open_from_reader(&path, Box::new(reader), None);
    harness.step();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::edit(Edit::SetTitle("Edited while reading".to_owned())));
    release.send(()).unwrap();
    draw_until_read(&mut harness);
    assert_eq!(harness.state().document.scenario.title, "Edited while reading", "the edit is still on screen");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document.scenario.title, "Edited while reading");
    assert!(harness.state().document.dirty);
}

#[test]
fn the_benchmark_file_of_40_000_records_opens_while_frames_keep_coming() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("large.ron");
    std::fs::write(&path, geodep::io::to_canonical_text(&common::large::large_scenario())).unwrap();
    let mut harness = common::bundled_harness();
    let title_before = harness.state().document.scenario.title.clone();
    harness.state_mut().open(&path);
    let (mut frames_while_reading, mut progress_shown) = (0, false);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while harness.state().files_busy() && std::time::Instant::now() < deadline {
        harness.step();
        frames_while_reading += 1;
        progress_shown |= harness.query_by_label_contains("large.ron…").is_some();
        if harness.state().files_busy() {
            assert_eq!(harness.state().document.scenario.title, title_before, "nothing half-loaded is shown");
        }
    }
    // The graph of 2,000 actors is still being arranged: a frame, not a run until the window is idle.
    harness.step();
    assert!(frames_while_reading >= 2, "only {frames_while_reading} frames were drawn while the file was read");
    assert!(progress_shown, "the status bar says what is being opened");
    let app = harness.state();
    let states = app.document.scenario.actors.iter().filter(|actor| actor.kind == geodep::model::ActorKind::State);
    assert_eq!(states.count(), 2_000);
    assert_eq!(app.document.scenario.energy.len() + app.document.scenario.ties.len(), 40_000);
    assert!(app.document.derived_is_current());
}
