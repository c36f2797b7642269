//! Keeping work safe, through egui_kittest: autosave and recovery after a crash, a file changed by another
//! program, and a file with comments.

use std::path::{Path, PathBuf};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{Action, GeoDepApp, Settings, Startup};
use geodep::edit::Edit;

const SCENARIO: &str = r#"Scenario(
    format: 1,
    title: "On disk",
    actors: [Actor(id: "SRB", name: "Serbia", kind: State)],
)
"#;

fn harness(startup: Startup, recovery: Option<PathBuf>) -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(Settings::default(), startup);
        app.disable_native_dialogs();
        match recovery {
            Some(folder) => app.with_recovery(folder),
            None => app,
        }
    });
    harness.run_steps(3);
    harness
}

fn retitle(harness: &mut Harness<'_, GeoDepApp>, title: &str) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::edit(Edit::SetTitle(title.to_owned())));
    harness.run_steps(3);
}

fn save(harness: &mut Harness<'_, GeoDepApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
}

fn files_in(folder: &Path) -> usize {
    std::fs::read_dir(folder).map_or(0, |entries| entries.count())
}

fn scenario_file(folder: &Path, text: &str) -> PathBuf {
    let path = folder.join("scenario.ron");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let mut first_run = harness(Startup::Bundled, Some(recovery.clone()));
    retitle(&mut first_run, "Edited before the crash");
    assert_eq!(files_in(&recovery), 1, "the edit is autosaved");
    drop(first_run); // A crash: the app never quits.

    let mut second_run = harness(Startup::Bundled, Some(recovery.clone()));
    second_run.get_by_label("Recover unsaved work");
    second_run.get_by_label("A scenario never saved");
    second_run.get_by_label("Restore").click();
    second_run.run_steps(3);
    let document = &second_run.state().document;
    assert_eq!(document.scenario.title, "Edited before the crash");
    assert!(document.dirty, "restored work is unsaved until saved");
    assert!(second_run.query_by_label("Recover unsaved work").is_none());
    assert_eq!(files_in(&recovery), 1, "still autosaved while unsaved");
}

#[test]
fn discarding_recovered_work_deletes_it() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let mut first_run = harness(Startup::Bundled, Some(recovery.clone()));
    retitle(&mut first_run, "Edited");
    drop(first_run);
    let mut second_run = harness(Startup::Bundled, Some(recovery.clone()));
    second_run.get_by_label("Discard").click();
    second_run.run_steps(3);
    assert_eq!(files_in(&recovery), 0);
    assert_ne!(second_run.state().document.scenario.title, "Edited");
}

#[test]
fn saving_removes_the_autosaved_copy_and_never_touches_the_file_before() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let path = scenario_file(folder.path(), SCENARIO);
    let mut harness = harness(Startup::File(path.clone()), Some(recovery.clone()));
    retitle(&mut harness, "Edited");
    assert_eq!(files_in(&recovery), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SCENARIO, "autosave never writes the person's file");
    save(&mut harness);
    assert!(!harness.state().document.dirty);
    assert_eq!(files_in(&recovery), 0);
}

#[test]
fn a_file_changed_by_another_program_is_noticed_and_can_be_reloaded() {
    let folder = tempfile::tempdir().unwrap();
    let path = scenario_file(folder.path(), SCENARIO);
    let mut harness = harness(Startup::File(path.clone()), None);
    std::fs::write(&path, SCENARIO.replace("On disk", "Changed elsewhere, longer")).unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().check_disk_now(&ctx);
    harness.run_steps(3);
    harness.get_by_label("scenario.ron was changed by another program.");
    harness.get_by_label("Reload").click();
    harness.run_steps(3);
    assert_eq!(harness.state().document.scenario.title, "Changed elsewhere, longer");
    assert!(harness.query_by_label_contains("was changed by another program").is_none());
}

#[test]
fn saving_over_another_programs_changes_asks_first() {
    let folder = tempfile::tempdir().unwrap();
    let path = scenario_file(folder.path(), SCENARIO);
    let mut harness = harness(Startup::File(path.clone()), None);
    retitle(&mut harness, "Mine");
    let theirs = SCENARIO.replace("On disk", "Theirs, written meanwhile");
    std::fs::write(&path, &theirs).unwrap();
    save(&mut harness);
    harness.get_by_label("The file was changed by another program");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "Cancel leaves their version");
    assert!(harness.state().document.dirty, "and keeps mine");
    save(&mut harness);
    harness.get_by_label("Replace the file").click();
    harness.run_steps(3);
    let saved = geodep::io::load_file(&path).scenario.unwrap();
    assert_eq!(saved.title, "Mine");
}

#[test]
fn a_save_keeps_comments_and_asks_before_dropping_one_inside_a_deleted_record() {
    let folder = tempfile::tempdir().unwrap();
    let commented = SCENARIO.replace("    title:", "    // Written by hand.\n    title:").replace(
        "actors: [Actor(id: \"SRB\", name: \"Serbia\", kind: State)],",
        "actors: [\n        Actor(id: \"SRB\", name: \"Serbia\", kind: State),\n        \
             Actor(id: \"MNE\", name: \"Montenegro\", kind: State), // to check\n    ],",
    );
    let path = scenario_file(folder.path(), &commented);
    let mut harness = harness(Startup::File(path.clone()), None);
    retitle(&mut harness, "Edited");
    save(&mut harness);
    assert!(harness.query_by_label("Saving drops comments").is_none(), "nothing is lost: no question");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented.replace("\"On disk\"", "\"Edited\""));

    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, Action::edit(Edit::DeleteActor { id: "MNE".into() }));
    harness.run_steps(3);
    save(&mut harness);
    harness.get_by_label("Saving drops comments");
    harness.get_by_label_contains("// to check");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Montenegro"), "Cancel writes nothing");
    assert!(harness.state().document.dirty);
    save(&mut harness);
    harness.get_by_label("Save and drop them").click();
    harness.run_steps(3);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("Montenegro") && !saved.contains("// to check"), "{saved}");
    assert!(saved.contains("// Written by hand."), "the other comment stays: {saved}");
    assert!(!harness.state().document.dirty);
}

#[test]
fn restored_work_shows_the_problems_it_has() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let with_warning = SCENARIO.replace(
        "actors: [Actor(id: \"SRB\", name: \"Serbia\", kind: State)],",
        "actors: [Actor(id: \"SRB\", name: \"Serbia\", kind: State), Actor(id: \"RUS\", name: \"Russia\", kind: State)],\n    energy: [EnergyFlow(supplier: \"RUS\", consumer: \"SRB\", commodity: Gas, share: 0.8, year: 2022)],",
    );
    let path = scenario_file(folder.path(), &with_warning);
    let mut first_run = harness(Startup::File(path.clone()), Some(recovery.clone()));
    assert_eq!(first_run.state().document.derived().warnings, 1, "the flow cites no source");
    retitle(&mut first_run, "Edited before the crash");
    drop(first_run);

    let mut second_run = harness(Startup::Bundled, Some(recovery.clone()));
    second_run.get_by_label("Restore").click();
    second_run.run_steps(3);
    assert_eq!(second_run.state().document.scenario.title, "Edited before the crash");
    assert_eq!(second_run.state().document.derived().warnings, 1, "restored work is checked too");
    second_run.get_by_label("1 warning");
}
