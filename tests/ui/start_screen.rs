//! The start screen: the bundled scenarios as a gallery and the recent files, shown at start without a file and
//! from File, New from template.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geodep::app::{GeoDepApp, Settings, Startup};
use geodep::library::BUNDLED;

fn harness(settings: Settings, startup: Startup) -> Harness<'static, GeoDepApp> {
    let mut harness = Harness::builder().with_size([1280.0, 900.0]).build_eframe(move |_| {
        let mut app = GeoDepApp::new(settings, startup);
        app.disable_native_dialogs();
        app
    });
    // A modal window takes a few frames to find its size and place (more with five scenarios of different
    // heights in its grid); clicks need it settled.
    harness.run_steps(8);
    harness
}

fn title_of(file_name: &str) -> String {
    let bundled = geodep::library::find(file_name).expect("bundled");
    geodep::io::load_text(bundled.text).scenario.expect("loads").title
}

#[test]
fn starting_without_a_file_shows_every_bundled_scenario_over_the_first() {
    let harness = harness(Settings::default(), Startup::StartScreen);
    harness.get_by_label("Welcome to GeoDep");
    assert_eq!(harness.state().document.scenario.title, title_of("serbia-2023.ron"));
    for bundled in &BUNDLED[1..] {
        harness.get_by_label(&title_of(bundled.file_name));
    }
    harness.get_by_label("Files you open or save appear here.");
}

#[test]
fn picking_a_scenario_opens_it_unsaved_and_closes_the_screen() {
    let mut harness = harness(Settings::default(), Startup::StartScreen);
    let title = title_of("unga-ukraine-votes.ron");
    harness.get_by_label(&title).click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.document.scenario.title, title);
    assert_eq!(app.document.display_name, "unga-ukraine-votes.ron (bundled)");
    assert!(app.document.path.is_none(), "a template is a new document; saving asks where");
    assert!(!app.views.start_screen.open);
    assert!(harness.query_by_label("Welcome to GeoDep").is_none());
}

#[test]
fn escape_and_close_keep_the_open_scenario() {
    let mut harness = harness(Settings::default(), Startup::StartScreen);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().views.start_screen.open);
    assert_eq!(harness.state().document.scenario.title, title_of("serbia-2023.ron"));

    let mut harness = self::harness(Settings::default(), Startup::StartScreen);
    harness.get_by_label("Close Esc").click();
    harness.run();
    assert!(!harness.state().views.start_screen.open);
}

#[test]
fn recent_files_open_and_missing_ones_are_marked() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let present = folder.path().join("my-scenario.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.ron"), &present).expect("copy");
    let missing = folder.path().join("moved-away.ron");
    let settings = Settings { recent_files: vec![present.clone(), missing], ..Settings::default() };
    let mut harness = harness(settings, Startup::StartScreen);
    harness.get_by_label("moved-away.ron");
    harness.get_by_label("(not found)");
    harness.get_by_label("my-scenario.ron").click();
    harness.run();
    assert_eq!(harness.state().document.path.as_deref(), Some(present.as_path()));
    assert!(!harness.state().views.start_screen.open);
}

#[test]
fn file_new_from_template_and_its_shortcut_show_the_gallery() {
    let mut harness = harness(Settings::default(), Startup::Bundled);
    assert!(harness.query_by_label("Welcome to GeoDep").is_none(), "no start screen when asked for a file");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New from template… Ctrl+Shift+N").click();
    harness.run();
    harness.get_by_label(&title_of("eu-russia-energy.ron"));

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().views.start_screen.open);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::N);
    harness.run();
    assert!(harness.state().views.start_screen.open);
}

#[test]
fn the_screen_can_be_turned_off_for_the_next_start() {
    let mut harness = harness(Settings::default(), Startup::StartScreen);
    harness.get_by_label("Show this screen when GeoDep starts").click();
    harness.run();
    let settings = harness.state().settings.clone();
    assert!(settings.skip_start_screen);
    let next_start = self::harness(settings, Startup::StartScreen);
    assert!(!next_start.state().views.start_screen.open);
    assert_eq!(next_start.state().document.scenario.title, title_of("serbia-2023.ron"));
}

#[test]
fn a_template_asks_before_dropping_unsaved_edits() {
    let mut harness = harness(Settings::default(), Startup::StartScreen);
    harness.key_press(egui::Key::Escape);
    harness.run();
    let edit = geodep::edit::Edit::SetTitle("Changed".to_owned());
    harness.state_mut().document.edit(&edit).expect("edit");
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::N);
    harness.run();
    harness.get_by_label(&title_of("western-balkans-gas.ron")).click();
    harness.run();
    assert_eq!(harness.state().document.scenario.title, "Changed", "nothing is dropped before the answer");
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(harness.state().document.scenario.title, title_of("western-balkans-gas.ron"));
}

#[test]
fn each_card_keeps_its_summary_above_its_counts_and_inside_the_screen() {
    let mut harness = harness(Settings::default(), Startup::StartScreen);
    for bundled in BUNDLED {
        let scenario = geodep::io::load_text(bundled.text).scenario.expect("loads");
        let counts = harness.get_by_label_contains(&format!("{} actors, ", scenario.actors.len())).rect();
        let opening: String = scenario.summary.chars().take(30).collect();
        let summary = harness.get_by_label_contains(&opening).rect();
        assert!(summary.bottom() <= counts.top(), "{}: the summary runs into the counts", bundled.file_name);
        let window = harness.ctx.content_rect();
        assert!(counts.right() <= window.right(), "{}: the card runs off the screen", bundled.file_name);
    }
    // A pointer resting on a card's picture raises no tooltip over the card's text.
    let title = harness.get_by_label(&title_of("unga-ukraine-votes.ron")).rect();
    harness.hover_at(title.left_center() - egui::vec2(60.0, -30.0));
    harness.run_steps(60);
    assert!(harness.query_by_label_contains("as a new, unsaved scenario").is_none(), "a tooltip covers the card");
}
